// Import and export for <resv-calculator>, all inside the browser: downloads are Blob URLs,
// the shareable link keeps the scenario in the URL fragment (never sent to a server), and
// files are read with a size limit and progress.

import { roleText, statusText } from "./i18n.js";

/** Largest market file read (the core's own limit, so the core, not a tab crash, refuses). */
export const MAX_MARKET_BYTES = 256 * 1024 * 1024;
/** Largest scenario (JSON) file read. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** The name of a payer (an insurer or a municipality) of a report, by its id. */
export const payerName = (r, id) =>
  r.insurers.find((i) => i.id === id)?.name ?? r.municipalities.find((m) => m.id === id)?.name ?? id;

// ---- the result as tables: the workbook (xlsx.js) and the CSV are both made from these -------

/** Number cells: an exact decimal string and what it is (the workbook's number format). */
const money = (v) => ({ n: String(v), fmt: "money" });
const share = (v) => ({ n: String(v), fmt: "share" });
const persons = (v) => ({ n: String(v), fmt: String(v).includes(".") ? "fraction" : "persons" });
const plain = (v) => ({ n: String(v), fmt: "number" });
const yearCell = (v) => ({ n: String(v), fmt: "year" });

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The exact sum of decimal strings (any number of decimals each), as a decimal string. */
export function decimalSum(values) {
  let scale = 0;
  const parts = values.map((v) => {
    const s = String(v);
    if (!DECIMAL.test(s)) throw new Error(`not a decimal: ${s}`);
    const [int, frac = ""] = s.replace("-", "").split(".");
    scale = Math.max(scale, frac.length);
    return [s.startsWith("-"), int, frac];
  });
  let total = 0n;
  for (const [neg, int, frac] of parts) {
    const units = BigInt(int + frac.padEnd(scale, "0"));
    total += neg ? -units : units;
  }
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, "0");
  const cut = digits.length - scale;
  return `${neg ? "-" : ""}${digits.slice(0, cut)}${scale ? `.${digits.slice(cut)}` : ""}`;
}

/** A scenario value as text for the inputs table (whatever its type: the input may be odd). */
function asText(v, b) {
  if (v === undefined || v === null) return "";
  if (typeof v === "boolean") return v ? b.yes : b.no;
  if (Array.isArray(v)) return v.map((x) => asText(x, b)).join(", ");
  if (typeof v === "object")
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${asText(x, b)}`)
      .join("; ");
  return String(v);
}
/** A scenario amount: a money cell when it is a decimal, else its text. */
const asMoney = (v, b) => (typeof v === "string" && DECIMAL.test(v) ? money(v) : asText(v, b));
/** A scenario percentage: a number cell when it is a decimal, else its text. */
const asNumber = (v, b) =>
  (typeof v === "string" || typeof v === "number") && DECIMAL.test(String(v)) ? plain(v) : asText(v, b);

/**
 * The result as tables, in the sheets of the workbook: `[{ sheet, id, title, head, rows, sum,
 * note }]`. Cells are strings or number cells `{ n, fmt }` (`n` the report's exact decimal
 * string; `fmt` money | share | persons | fraction | number | year). `sum` is the table's sum
 * row: the report's own totals where it has them (so a reader can check that the column adds
 * up to them), the exact sum of the column where it has none (shares, residents, instalments).
 * `extra`: `{ scenario, date }`, the scenario as entered (null when the result is stale) and
 * when the file is made (ms).
 */
export function reportTables(r, t, f, { scenario = null, date = null } = {}) {
  const b = t.book,
    c = t.cols,
    sc = t.subCols,
    tot = r.totals;
  const name = (id) => payerName(r, id);
  const out = [];
  const add = (sheet, id, title, head, rows, sum = null, note) =>
    out.push({ sheet, id, title, head, rows, sum, note });
  const column = (rows, i) => decimalSum(rows.map((row) => row[i].n));
  const s = scenario && typeof scenario === "object" ? scenario : null;
  const a = r.allocation;

  // Inputs: the scenario as entered and the settings the calculation used.
  const leader = r.insurers.find((i) => i.marketLeader);
  const co = r.insurers.find((i) => i.coAssessor);
  const lead = r.municipalities.find((m) => m.lead);
  const h = r.hoofdaannemer;
  const inputs = [
    [b.scenarioName, r.name ?? ""],
    [b.budgetYear, yearCell(r.year)],
    ...(date === null ? [] : [[b.madeOn, f.date(date)]]),
    ...(s?.illustrative ? [[b.illustrative, b.yes]] : []),
    [
      b.lumpSum,
      s?.lumpSum !== undefined && s.lumpSum !== "" ? asMoney(s.lumpSum, b) : s ? b.lumpSumBudget : "",
    ],
    [b.zvwTotal, money(tot.zvw)],
    ...(s ? [[b.workArea, s.workArea?.length ? asText(s.workArea, b) : t.wholeTable]] : []),
    [b.workAreaEntries, persons(a.area.entries)],
    [b.insured, persons(a.insured)],
    ...marketRows(s, a, t, f),
    [t.allocateBy, a.by === "insurer" ? t.byInsurer : t.byConcern],
    [t.rounding, t[a.rounding] ?? a.rounding],
    [t.pooling, a.pooling === "lineAreas" ? t.poolingLineAreas : t.poolingWorkArea],
    [b.leader, leader ? `${leader.name} (${b.leaderSource[a.leaderSource] ?? a.leaderSource})` : ""],
    [b.threshold, plain(a.coAssessmentThreshold)],
    [b.coAssessment, a.coAssessment || co ? `${t.yes}: ${co?.name ?? ""}` : t.no],
    [t.schedule, r.payments.schedule === "quarterly" ? t.quarterly : t.monthly],
    ...(h
      ? [
          [b.hoofdaannemer, `${t.forms[h.form] ?? h.form}${h.name ? `: ${h.name}` : ""}`],
          ...(h.kassier ? [[b.kassier, h.kassier]] : []),
          [b.agreement, h.agreement ? b.yes : b.no],
        ]
      : []),
    ...(lead ? [[b.lead, lead.name]] : []),
    [b.framework, money(r.mdz.framework)],
    [b.nationalPopulation, persons(r.mdz.nationalPopulation)],
  ];
  add("inputs", "inputs", b.inputsTitle, [b.item, b.value], inputs);
  const budget = Array.isArray(s?.budget) ? s.budget.filter((l) => l && typeof l === "object") : [];
  if (budget.length) {
    const ff = t.f;
    add(
      "inputs",
      "linesInput",
      b.linesInputTitle,
      [
        ff.id,
        ff.name,
        ff.level,
        ff.mainTasks,
        b.enteredAmount,
        ff.growth,
        ff.existingFunding,
        ff.existingFundingSource,
        ff.zvw,
        ff.municipal,
        ff.wlz,
        ff.municipalApproved,
        ff.wlzGranted,
        ff.postcodes,
      ],
      budget.map((l) => [
        asText(l.id, b),
        asText(l.name, b),
        t.levels[l.level] ?? asText(l.level, b),
        asText(l.mainTasks, b),
        l.amounts !== undefined ? asText(l.amounts, b) : asMoney(l.amount, b),
        asNumber(l.growth, b),
        asMoney(l.existingFunding, b),
        t.sources[l.existingFundingSource ?? ""] ?? asText(l.existingFundingSource, b),
        asNumber(l.split?.zvw ?? (l.split ? "" : "100"), b),
        asNumber(l.split?.municipal, b),
        asNumber(l.split?.wlz, b),
        l.split?.municipal ? asText(Boolean(l.municipalApproved), b) : "",
        l.split?.wlz ? asText(Boolean(l.wlzGranted), b) : "",
        asText(l.postcodes, b),
      ]),
    );
  }

  // Insurers, and their labels.
  const labelAmount = (i, l) => i.statement?.labels?.find((x) => x.id === l.name)?.amount;
  const insurerRows = r.insurers.map((i) => [
    i.name,
    persons(i.insuredExact ?? i.insured),
    share(i.share),
    money(i.amount),
    roleText(i, t),
    b.contracts[i.contract?.status] ?? asText(i.contract?.status, b),
    money(i.contract?.payable ?? i.amount),
  ]);
  add(
    "insurers",
    "insurers",
    t.insurersTitle,
    [t.party, t.insured, t.share, t.amount, t.role, b.contract, b.payable],
    insurerRows,
    [
      t.sum,
      // The insured persons as shown, added up: the work area's total when they come from data;
      // an estimate's fractions may add up to a little less than the population it rounds to.
      persons(column(insurerRows, 1)),
      share(column(insurerRows, 2)),
      money(tot.zvw),
      "",
      "",
      money(r.coverage?.payable ?? tot.zvw),
    ],
  );
  const labelRows = r.insurers.flatMap((i) =>
    i.labels.map((l) => [i.name, l.name, persons(l.insured), money(labelAmount(i, l) ?? "0.00")]),
  );
  add("insurers", "labels", b.labelsTitle, [t.party, b.label, t.insured, t.amount], labelRows, [
    t.sum,
    "",
    persons(column(labelRows, 2)),
    money(tot.zvw),
  ]);

  // Municipalities.
  const entered = new Map(
    (Array.isArray(s?.municipalities) ? s.municipalities : [])
      .filter((m) => m && typeof m === "object")
      .map((m) => [m.id, m]),
  );
  const muniRows = r.municipalities.map((m) => [
    m.name,
    m.id,
    persons(m.residents),
    share(m.share),
    money(m.amount),
    m.lead ? t.leadMunicipality : "",
    asText(entered.get(m.id)?.postcodes, b),
  ]);
  add(
    "municipalities",
    "municipalities",
    t.municipalities,
    [c.name, b.code, c.residents, c.share, c.amount, t.role, b.postcodes],
    muniRows,
    muniRows.length
      ? [t.sum, "", persons(column(muniRows, 2)), share(column(muniRows, 3)), money(tot.municipal), "", ""]
      : null,
    b.noMunicipalities,
  );

  // Budget lines, per main task, per level, per year.
  const paid = r.lines.some((l) => l.paidZvw !== undefined && l.paidZvw !== l.zvw);
  const conditional = (l) => (l.status === "final" ? "0.00" : (l.paidZvw ?? l.zvw));
  add(
    "lines",
    "lines",
    t.budgetTitle,
    [
      b.code,
      c.line,
      c.level,
      c.tasks,
      c.gross,
      c.existing,
      c.net,
      c.zvw,
      ...(paid ? [b.paidZvw] : []),
      c.municipal,
      c.wlz,
      c.conditional,
      c.status,
    ],
    r.lines.map((l) => [
      l.id,
      l.name,
      t.levels[l.level] ?? l.level,
      l.mainTasks.join(", "),
      money(l.gross),
      money(l.existingFunding),
      money(l.net),
      money(l.zvw),
      ...(paid ? [money(l.paidZvw)] : []),
      money(l.municipal),
      money(l.wlz),
      money(conditional(l)),
      statusText(l, t),
    ]),
    r.lines.length
      ? [
          t.sum,
          "",
          "",
          "",
          money(tot.gross),
          money(tot.existingFunding),
          money(tot.net),
          money(r.budgetZvw ?? tot.zvw),
          ...(paid ? [money(tot.zvw)] : []),
          money(tot.municipal),
          money(tot.wlz),
          money(tot.conditionalZvw),
          "",
        ]
      : null,
    t.noLines,
  );
  const totalsHead = [c.gross, c.existing, c.net, c.zvw, c.municipal, c.wlz, c.conditional];
  const totalsOf = (x) =>
    ["gross", "existingFunding", "net", "zvw", "municipal", "wlz", "conditionalZvw"].map((k) => money(x[k]));
  const lines = r.lines.length > 0;
  add(
    "tasks",
    "tasks",
    t.tasksTitle,
    [c.task, ...totalsHead],
    lines ? r.summaries.byMainTask.map((x) => [t.tasks[x.key] ?? String(x.key), ...totalsOf(x)]) : [],
    lines ? [t.sum, ...totalsOf(tot)] : null,
    t.noLines,
  );
  add(
    "levels",
    "levels",
    t.levelsTitle,
    [c.level, ...totalsHead],
    lines ? r.summaries.byLevel.map((x) => [t.levels[x.key] ?? x.key, ...totalsOf(x)]) : [],
    lines ? [t.sum, ...totalsOf(tot)] : null,
    t.noLines,
  );
  add(
    "years",
    "years",
    t.yearsTitle,
    [c.year, ...totalsHead],
    r.years.map((y) => [yearCell(y.year), ...totalsOf(y)]),
    null,
    lines ? b.yearsNote : t.noLines,
  );

  // Onderlinge dienstverlening: each subcontract and who funds it.
  const funders = r.insurers.map((i) => i.id);
  const covers = (x) =>
    (x.lines.length ? x.lines.map((id) => r.lines.find((l) => l.id === id)?.name ?? id).join("; ") : "") +
    (x.mainTasks.length ? ` (${t.hoofdtaak} ${x.mainTasks.join(", ")})` : "");
  const ledgerOf = (id) => r.ledger.insurers.find((l) => l.insurer === id);
  add(
    "subcontracts",
    "subcontracts",
    t.subsTitle,
    [b.code, sc.contractor, sc.covers, b.status, sc.available, sc.amount, ...funders.map(name)],
    r.subcontracts.map((x) => [
      x.id,
      x.contractor,
      covers(x),
      b.subStatus[x.status] ?? asText(x.status, b),
      money(x.available),
      money(x.amount),
      ...funders.map((id) => money(x.fundedBy.find((g) => g.insurer === id)?.amount ?? "0.00")),
    ]),
    r.subcontracts.length
      ? [
          t.sum,
          "",
          "",
          "",
          "",
          money(r.ledger.subcontracted),
          ...funders.map((id) => money(ledgerOf(id)?.subcontracted ?? "0.00")),
        ]
      : null,
    b.noSubcontracts,
  );

  // The money per payer: paid to the RESV, passed on to subcontractors, kept.
  const via = (id) => r.flows.find((x) => x.from === id && x.to === "resv")?.via ?? "";
  const l = r.ledger;
  add(
    "money",
    "money",
    b.moneyTitle,
    [c.payer, c.kind, b.via, sc.paid, sc.passed, sc.kept],
    [
      ...l.insurers.map((x) => [
        name(x.insurer),
        t.kindZvw,
        via(x.insurer),
        money(x.paid),
        money(x.subcontracted),
        money(x.kept),
      ]),
      ...r.municipalities.map((m) => [
        m.name,
        t.kindMunicipal,
        via(m.id),
        money(m.amount),
        money("0.00"),
        money(m.amount),
      ]),
    ],
    [
      t.sum,
      "",
      "",
      money(decimalSum([l.zvwIn, l.municipalIn])),
      money(l.subcontracted),
      money(decimalSum([l.keptZvw, l.keptMunicipal])),
    ],
  );

  // MDZ: the claims on the framework, the figures, the framework per year.
  const m = r.mdz;
  const regions = (Array.isArray(s?.mdz?.regions) ? s.mdz.regions : []).filter(
    (x) => x && typeof x === "object" && typeof x.zvw === "string" && DECIMAL.test(x.zvw),
  );
  const others = decimalSum([m.claimed, `-${m.zvw}`.replace("--", "")]);
  const claims = [
    [`${b.thisRegion}${r.name ? `: ${r.name}` : ""}`, money(m.zvw)],
    ...(regions.length && decimalSum(regions.map((x) => x.zvw)) === others
      ? regions.map((x) => [asText(x.id, b), money(x.zvw)])
      : Number(others) !== 0
        ? [[b.otherRegions, money(others)]]
        : []),
  ];
  add("mdz", "claims", b.claimsTitle, [c.name, t.f.zvwClaim], claims, [t.sum, money(m.claimed)]);
  add(
    "mdz",
    "mdzFigures",
    b.mdzFigures,
    [b.item, b.value],
    [
      [b.framework, money(m.framework)],
      [sc.claimed, money(m.claimed)],
      [sc.headroom, money(m.headroom)],
      [b.fairShare, money(m.fairShare)],
      [b.perCapita, money(m.perCapita)],
      [b.projection, money(m.nationalProjection)],
      [b.nationalPopulation, persons(m.nationalPopulation)],
      [b.regionPopulation, persons(m.regionPopulation)],
    ],
  );
  add(
    "mdz",
    "mdzYears",
    t.mdzYearsTitle,
    [c.year, sc.framework, sc.claimed, sc.headroom],
    m.years.map((y) => [yearCell(y.year), money(y.framework), money(y.claimed), money(y.headroom)]),
  );

  // The payment schedule, its instalments named by their months.
  const count = r.payments.payers[0]?.instalments.length ?? 0;
  const payRows = r.payments.payers.map((p) => [
    name(p.payer),
    p.kind === "zvw" ? t.kindZvw : t.kindMunicipal,
    money(p.amount),
    ...p.instalments.map(money),
  ]);
  add(
    "payments",
    "payments",
    t.paymentsTitle(r.payments.schedule === "quarterly"),
    [c.payer, c.kind, c.amount, ...Array.from({ length: count }, (_, k) => f.instalment(k, count, r.year))],
    payRows,
    payRows.length
      ? [
          t.sum,
          "",
          money(decimalSum([tot.zvw, tot.municipal])),
          ...Array.from({ length: count }, (_, k) => money(column(payRows, 3 + k))),
        ]
      : null,
  );

  // Warnings, each with its code and its place in the input.
  const en = f.lang === "en";
  add(
    "warnings",
    "warnings",
    b.warningsTitle,
    [b.code, b.path, b.message],
    r.warnings.map((w) => [w.code, w.path, en ? w.messageEn : w.message]),
    null,
    t.noWarnings,
  );
  return out;
}

/** The market data's rows of the inputs table: its source, its size, an estimate's shares. */
function marketRows(s, a, t, f) {
  const b = t.book;
  if (!s) return a.estimate ? [[b.marketSource, t.source.estimate]] : [];
  const m = s.market && typeof s.market === "object" && !Array.isArray(s.market) ? s.market : null;
  const kind = s.estimate ? "estimate" : (m?.kind ?? (Array.isArray(s.market) ? "rows" : ""));
  const source = t.source[kind] ?? "";
  const out = [[b.marketSource, m?.kind === "file" && m.name ? `${source}: ${m.name}` : source]];
  if (m && typeof m.rowCount === "number")
    out.push([
      b.marketSize,
      t.marketInfo({ rows: m.rowCount, labels: m.labels ?? 0, postcodes: m.postcodeCount ?? null }, f),
    ]);
  if (s.estimate) {
    const shares = s.estimate.shares;
    out.push([
      b.estimateShares,
      Array.isArray(shares)
        ? shares.map((x) => `${asText(x?.concern, b)} ${asText(x?.percent, b)}%`).join(", ")
        : b.nationalShares,
    ]);
  }
  return out;
}

/** The tables as rows for the CSV: a heading row with the table's title, its column heads,
 *  its rows, its sum row, and an empty row between tables. */
export function reportRows(tables) {
  const out = [];
  for (const x of tables) {
    if (out.length) out.push([]);
    out.push([x.title]);
    out.push(x.head);
    out.push(...x.rows);
    if (x.sum) out.push(x.sum);
    if (!x.rows.length && x.note) out.push([x.note]);
  }
  return out;
}

/**
 * A text cell of the CSV. Text that a spreadsheet would run as a formula (it begins with =, +,
 * -, @, a tab or a return) gets a leading apostrophe: the usual CSV defence, since a CSV has no
 * way to mark a cell as text, and the apostrophe is what Excel itself shows for typed text.
 * (The workbook needs no such mark: its text cells are strings, which Excel never evaluates.)
 */
export function textCell(v) {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s;
}

/**
 * The result as one CSV for Dutch Excel (UTF-8 BOM, `;`, decimal comma, CRLF): the tables of
 * the workbook one below the other, each with its heading. Numbers are the report's decimal
 * strings with a decimal comma and no grouping, so they read back exactly.
 */
export function reportCsv(r, t, f, extra) {
  const cell = (v) => {
    if (v && typeof v === "object") return v.n.replace(".", ",");
    const s = textCell(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = reportRows(reportTables(r, t, f, extra)).map((cells) => cells.map(cell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A scenario file's JSON object: `{ value }`, or `{ error }`: "tooLarge" (over MAX_JSON_BYTES) or "invalid". */
export async function readJsonFile(file) {
  if (file.size > MAX_JSON_BYTES) return { error: "tooLarge" };
  let value = null;
  try {
    value = JSON.parse(await file.text());
  } catch {
    value = null;
  }
  return value && typeof value === "object" && !Array.isArray(value) ? { value } : { error: "invalid" };
}

/** Offers `data` as a download called `name`. */
export function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario name: letters, digits and dashes. */
export const fileName = (name, ext) =>
  `${
    (name || "resv-scenario")
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "resv-scenario"
  }.${ext}`;

/** A result file's name: the region and its budget year ("Regio-Zwolle-2027.xlsx"). */
export const reportFileName = (r, ext) =>
  fileName(
    String(r.name ?? "").includes(String(r.year)) ? r.name : `${r.name || "resv-scenario"} ${r.year}`,
    ext,
  );

/** Reads a file's bytes in chunks, reporting progress; refuses files over `max` before reading. */
export async function readBytes(file, max, onProgress) {
  if (file.size > max) return null;
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0,
    last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) {
      await reader.cancel();
      return null;
    } // the file grew while read
    bytes.set(value, at);
    at += value.length;
    if (at - last > 4 * 1024 * 1024) {
      last = at;
      onProgress?.(at, file.size);
      await new Promise((r) => setTimeout(r)); // a chunk read may resolve at once: let the thread breathe
    }
  }
  onProgress?.(at, file.size);
  return at === bytes.length ? bytes : bytes.subarray(0, at);
}

const b64url = (bytes) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};
const unb64url = (text) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** A state object packed for a URL fragment: JSON, deflated, base64url. */
export async function pack(state) {
  return b64url(
    await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream("deflate-raw")),
  );
}
/** The inverse of `pack`; null when the text is not a packed state. Inflates at most 64 MB. */
export async function unpack(text) {
  try {
    const reader = new Blob([unb64url(text)])
      .stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_JSON_BYTES) {
        await reader.cancel();
        return null;
      }
      parts.push(value);
    }
    const v = JSON.parse(await new Blob(parts).text());
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
