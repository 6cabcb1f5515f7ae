// The statements that stand as the record: one per insurer (what it pays, on what basis, and
// how to recompute it) and one per municipality (its council information: per line and year,
// and the lines awaiting its grant with the Zvw money that waits on them). Each prints on its
// own, A4 (style.js). Everything from data is set as text, never markup.
import { awaitingText, roleText, statusText } from "./i18n.js";
import { el, button } from "./dom.js";
import { table } from "./results.js";

const N = "num";

/** Long dates and four-decimal euros per language (made once). */
const EXTRA = new Map();
function extra(lang) {
  if (!EXTRA.has(lang)) {
    const locale = lang === "en" ? "en-GB" : "nl-NL";
    EXTRA.set(lang, {
      day: new Intl.DateTimeFormat(locale, { dateStyle: "long" }),
      eur4: new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "EUR",
        minimumFractionDigits: 4,
        maximumFractionDigits: 4,
      }),
    });
  }
  return EXTRA.get(lang);
}

/** A decimal string as an integer and its scale ("12.50" → 1250n, 2). */
function decimal(s) {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(String(s).trim());
  if (!m) return { n: 0n, scale: 0 };
  const frac = m[3] ?? "";
  const n = BigInt(`${m[2] || "0"}${frac}`);
  return { n: m[1] ? -n : n, scale: frac.length };
}

/**
 * `a × b ÷ c` exactly, rounded half away from zero to `dp` decimals, as a decimal string: the
 * amount as the rule computes it from the printed basis. Null when `c` is zero.
 */
export function ruleAmount(a, b, c, dp = 4) {
  const [x, y, z] = [a, b, c].map(decimal);
  if (z.n === 0n) return null;
  let num = x.n * y.n * 10n ** BigInt(dp + z.scale);
  let den = z.n * 10n ** BigInt(x.scale + y.scale);
  if (den < 0n) [num, den] = [-num, -den];
  const neg = num < 0n;
  const q = ((neg ? -num : num) * 2n + den) / (den * 2n);
  const digits = q.toString().padStart(dp + 1, "0");
  return `${neg && q !== 0n ? "-" : ""}${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
}

/** A definition list of `[term, value]` pairs (a value may be a Node). */
function facts(pairs, cls = "facts") {
  const dl = el("dl", undefined, cls);
  for (const [k, v] of pairs) {
    const dd = el("dd");
    if (v instanceof Node) dd.append(v);
    else dd.textContent = v;
    dl.append(el("dt", k), dd);
  }
  return dl;
}

function heading(text) {
  return el("h4", text);
}

/** The header a printed statement starts with: its title, region, year and date. */
function header(title, r, t, f) {
  const box = el("header", undefined, "statement-head");
  box.append(
    el("p", title, "statement-title"),
    el("p", t.st.head(r.name || t.st.region, r.year, extra(f.lang).day.format(Date.now()))),
  );
  return box;
}

/** The work area in words: its postcodes and ranges, or the whole table. */
export function areaText(r, t) {
  const pcs = r.allocation.area.postcodes ?? [];
  return pcs.length ? pcs.join(", ") : t.wholeTable;
}

/** Where the insured persons come from: file name and date, or the estimate, with the counts. */
function dataFacts(r, t, f, source = {}) {
  const st = t.st,
    m = r.allocation.market ?? {},
    est = m.estimate;
  let what;
  if (est) what = st.estimate(est.sharesSource === "national" ? st.nationalShares : st.givenShares);
  else if (source.kind === "file")
    what = st.dataFile(source.name || "?", source.modified ? extra(f.lang).day.format(source.modified) : "");
  else if (source.kind === "paste") what = st.dataPaste;
  else if (source.kind === "sample") what = st.dataSample;
  else what = st.dataRows;
  const out = [[st.data, `${what}; ${st.dataCounts(m.rows ?? 0, m.labels ?? 0, m.postcodes ?? 0, f)}`]];
  if (est) {
    out.push([st.peildatum, est.population === "cbs2025" ? st.peildatumCbs : st.peildatumGiven]);
    out.push([st.estimateShares, est.shares.map((s) => `${s.concern} ${f.share(s.percent)}%`).join(", ")]);
  } else if (source.kind === "sample") out.push([st.peildatum, st.peildatumCbs]);
  else out.push([st.peildatum, st.peildatumFile]);
  return out;
}

/** The method: verdeelsleutel, allocation level, rounding rule in words. */
function methodFacts(r, t) {
  const a = r.allocation,
    st = t.st;
  return [
    [st.key, a.pooling === "lineAreas" ? st.keyLineAreas : st.keyWorkArea],
    [st.level, a.by === "concern" ? st.levelConcern : st.levelInsurer],
    [st.rounding, a.rounding === "leaderAbsorbs" ? st.roundingLeader : st.roundingLargest],
  ];
}

function leaderSource(r, t) {
  const s = r.allocation.leaderSource;
  return s === "designated"
    ? t.st.leaderDesignated
    : s === "estimate"
      ? t.st.leaderEstimate
      : t.st.leaderData;
}

/** A breakdown table with the sum of its rows in the foot (the core makes it the amount). */
function breakdown(id, caption, head, rows, f, t) {
  return table(
    id,
    caption,
    [[head], [t.amount, N]],
    rows.map(([name, amount]) => [[name], [f.money(amount), N]]),
    [[t.sum], [f.money(sumText(rows.map(([, amount]) => amount))), N]],
  );
}

/** The body of one insurer's statement (built when first opened or printed). */
export function insurerStatement(r, i, t, f, onPrint, source) {
  const st = t.st,
    a = r.allocation,
    s = i.statement;
  const lineName = (id) => r.lines.find((l) => l.id === id)?.name ?? id;
  const out = [header(st.insurerTitle(i.name), r, t, f)];
  const total = [f.money(r.totals.zvw)];
  if (r.budgetZvw !== r.totals.zvw && r.lines.length)
    total.push(` (${st.totalContract(f.money(r.budgetZvw))})`);
  out.push(
    heading(st.basis),
    facts([
      [st.prestatie, st.prestatieText],
      [st.total, total.join("")],
      [st.workArea, areaText(r, t)],
      [st.insuredArea, f.count(a.insured)],
      ...dataFacts(r, t, f, source),
    ]),
    heading(st.method),
    facts(methodFacts(r, t)),
  );
  const leaders = r.insurers.filter((x) => x.marketLeader).map((x) => x.name);
  const co = r.insurers.filter((x) => x.coAssessor).map((x) => x.name);
  const contract = i.contract;
  out.push(
    heading(st.roles),
    facts([
      [st.leaders, `${leaders.join(", ")} (${leaderSource(r, t)})`],
      [st.coAssessor, co.length ? co.join(", ") : st.none],
      [st.thisRole, roleText(i, t)],
      ...(contract
        ? [
            [st.contract, st.contracts[contract.status] ?? contract.status],
            [st.payable, f.money(contract.payable)],
          ]
        : []),
    ]),
  );
  // The part itself, as lines (the same words as before, so a reader finds them again).
  out.push(heading(st.part));
  const ul = el("ul", undefined, "part");
  const leader = r.insurers.find((x) => x.marketLeader);
  ul.append(
    ...t
      .statement(
        {
          ...i,
          insured: f.count(i.insured),
          share: f.share(i.share),
          amount: f.money(i.amount),
          labels: i.labels.map((l) => `${l.name} (${f.count(l.insured)})`),
        },
        f.count(a.insured),
        leader?.name,
      )
      .map((line) => el("li", line)),
  );
  out.push(ul);
  // Recompute: the rule applied to the printed basis.
  const check = el("p", undefined, "check");
  check.dataset.total = r.totals.zvw;
  if (a.pooling === "lineAreas" && (s?.pools.length ?? 0) > 1)
    check.textContent = `${st.check}: ${st.checkPools}`;
  else {
    // An estimate prints whole persons; its amounts are of the unrounded counts, shown here.
    const est = a.estimate && a.insuredExact;
    const [ins, area] = est ? [i.insuredExact, a.insuredExact] : [i.insured, a.insured];
    const exact = ruleAmount(ins, r.totals.zvw, area);
    check.dataset.insured = ins;
    check.dataset.area = area;
    check.textContent = `${st.check}${est ? ` (${st.checkEstimate})` : ""}: ${st.checkText(
      f.count(ins),
      f.money(r.totals.zvw),
      f.count(area),
      exact === null ? "—" : extra(f.lang).eur4.format(exact),
    )} → ${f.money(i.amount)}`;
  }
  out.push(check);
  if (s) {
    if (s.pools.length > 1 || a.pooling === "lineAreas")
      out.push(
        // Each area's part with its basis: insured × the area's total ÷ the area's insured.
        table(
          `st-pools-${i.id}`,
          st.byPool,
          [[st.byPool], [t.insured, N], [st.poolInsured, N], [st.poolTotal, N], [t.amount, N]],
          s.pools.map((p) => [
            [p.id === "workArea" ? st.poolWorkArea : st.poolOf(lineName(p.id))],
            [f.count(p.insured), N],
            [f.count(p.areaInsured), N],
            [f.money(p.total), N],
            [f.money(p.amount), N],
          ]),
          [[t.sum], [""], [""], [""], [f.money(sumText(s.pools.map((p) => p.amount))), N]],
        ),
      );
    // A contract on a budget without Zvw parts belongs to no line: no breakdown by line.
    if (r.lines.some((l) => Number(l.paidZvw) !== 0)) {
      out.push(
        // Each line with its Zvw part as paid and its status: this insurer's amount of a line
        // is its share of that part, and a conditional line says what it waits for.
        table(
          `st-lines-${i.id}`,
          st.byLine,
          [[t.cols.line], [t.amount, N], [st.lineZvw, N], [t.cols.status]],
          s.lines.map((x) => {
            const l = r.lines.find((y) => y.id === x.id);
            return [
              [lineName(x.id)],
              [f.money(x.amount), N],
              [l ? f.money(l.paidZvw) : "", N],
              [l ? statusText(l, t) : ""],
            ];
          }),
          [
            [t.sum],
            [f.money(sumText(s.lines.map((x) => x.amount))), N],
            [f.money(sumText(s.lines.map((x) => r.lines.find((y) => y.id === x.id)?.paidZvw ?? "0"))), N],
            [""],
          ],
        ),
        breakdown(
          `st-tasks-${i.id}`,
          st.byTask,
          t.cols.task,
          s.mainTasks.map((x) => [t.tasks[x.task], x.amount]),
          f,
          t,
        ),
        breakdown(
          `st-levels-${i.id}`,
          st.byLevel,
          t.cols.level,
          s.levels.map((x) => [t.levels[x.id] ?? x.id, x.amount]),
          f,
          t,
        ),
      );
    }
    if (s.labels.length)
      out.push(
        breakdown(
          `st-labels-${i.id}`,
          st.byLabel,
          t.party,
          s.labels.map((x) => [x.id, x.amount]),
          f,
          t,
        ),
      );
    if (s.years.length > 1)
      out.push(
        table(
          `st-years-${i.id}`,
          st.byYear,
          [[t.cols.year], [t.amount, N]],
          s.years.map((y) => [[String(y.year)], [f.money(y.amount), N]]),
        ),
      );
    // What is conditional, and of which lines: a reader knows whom to ask for the grant.
    const waiting = r.lines.filter((l) => l.status !== "final" && Number(l.paidZvw) !== 0);
    out.push(
      facts([
        [
          st.conditional,
          Number(s.conditional) !== 0 && waiting.length
            ? `${f.money(s.conditional)}, ${st.conditionalOf(waiting.map((l) => `${l.name} (${awaitingText(l, t)})`).join("; "))}`
            : f.money(s.conditional),
        ],
      ]),
    );
  }
  const pay = r.payments.payers.find((p) => p.payer === i.id && p.kind === "zvw");
  if (pay) out.push(instalments(`instalments-${i.id}`, pay, r, t, f));
  out.push(signature(i.name, t));
  out.push(button(t.print(i.name), () => onPrint(i.id), "no-print"));
  return out;
}

function instalments(id, pay, r, t, f) {
  const n = pay.instalments.length;
  return table(
    id,
    t.st.instalments(n === 4),
    [[t.st.period], [t.amount, N]],
    pay.instalments.map((x, k) => [[f.instalment(k, n, r.year)], [f.money(x), N]]),
    [[t.sum], [f.money(pay.amount), N]],
  );
}

/** Lines to sign on: name, position, date, signature. */
function signature(name, t) {
  const box = el("div", undefined, "signature");
  box.append(heading(t.st.sign), el("p", t.st.signText(name)));
  const dl = el("dl");
  for (const field of t.st.signFields) dl.append(el("dt", field), el("dd", "", "sign-line"));
  box.append(dl);
  return box;
}

/** The council information of one municipality (built when first opened or printed). */
export function municipalityStatement(r, m, t, f, onPrint) {
  const st = t.st,
    s = m.statement;
  const line = (id) => r.lines.find((l) => l.id === id);
  const lead = r.municipalities.find((x) => x.lead);
  const out = [header(st.municipalityTitle(m.name), r, t, f)];
  out.push(
    facts([
      [st.residents, f.count(m.residents)],
      [st.mShare, `${f.percent(m.share)} (${f.share(m.share)})`],
      [st.mAmount, f.money(m.amount)],
      [st.key, st.mKey],
      [st.lead, lead ? lead.name : st.none],
      [st.workArea, areaText(r, t)],
    ]),
  );
  if (s) {
    const approved = (id) => !s.approve.some((x) => x.line === id);
    out.push(
      table(
        `mst-lines-${m.id}`,
        st.byLine,
        [[st.mLine], [st.mLineTotal, N], [st.mPart, N], [st.mStatus]],
        s.lines.map((x) => [
          [line(x.id)?.name ?? x.id],
          [f.money(line(x.id)?.municipal ?? "0.00"), N],
          [f.money(x.amount), N],
          [approved(x.id) ? `✓ ${st.yes}` : `○ ${st.no}`],
        ]),
        [[t.sum], [""], [f.money(m.amount), N], [""]],
      ),
    );
    if (s.years.length > 1)
      out.push(
        table(
          `mst-years-${m.id}`,
          st.mYears,
          [[t.cols.year], [t.amount, N]],
          s.years.map((y) => [[String(y.year)], [f.money(y.amount), N]]),
        ),
      );
    if (s.approve.length) {
      out.push(
        table(
          `mst-approve-${m.id}`,
          st.approveTitle,
          [[st.mLine], [st.mPart, N], [st.approveZvw, N]],
          s.approve.map((x) => [
            [`${line(x.line)?.name ?? x.line}${x.wlzPending ? ` (${st.wlzToo})` : ""}`],
            [f.money(x.amount), N],
            [f.money(x.zvw), N],
          ]),
          [[t.sum], [f.money(sumText(s.approve.map((x) => x.amount))), N], [f.money(s.conditionalZvw), N]],
        ),
        el("p", st.approveText(f.money(s.conditionalZvw))),
      );
    } else out.push(heading(st.approveTitle), el("p", st.approveNone));
  }
  const pay = r.payments.payers.find((p) => p.payer === m.id && p.kind === "municipal");
  if (pay) out.push(instalments(`minstalments-${m.id}`, pay, r, t, f));
  out.push(button(st.printM(m.name), () => onPrint(`gm:${m.id}`), "no-print"));
  return out;
}

const cents = (money) => BigInt(String(money).replace(".", ""));

/** The sum of amounts (decimal strings with two decimals), exactly, as a decimal string. */
function sumText(amounts) {
  const c = amounts.reduce((s, x) => s + cents(x), 0n);
  const neg = c < 0n;
  const digits = (neg ? -c : c).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
