// The result's workbook and CSV as the record (issue 16): every table, adding up, in the page's
// language. The workbook is opened by an independent reader, Python's openpyxl
// (tests/workbook/check_workbook.py; scripts/setup.sh installs it), against totals taken from
// the core's report here; the CSV is parsed back and its numbers compared with the report's
// decimal strings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pkg from "./load.mjs";
import { reportTables, reportCsv, textCell, decimalSum, payerName } from "../../www/element/io.js";
import { writeWorkbook, xlsxToCsv, NUMBER_FORMATS } from "../../www/element/xlsx.js";
import { TEXT, formats, roleText } from "../../www/element/i18n.js";

/** Names a spreadsheet would run as formulas if they were typed. */
const NAMES = {
  scenario: '=HYPERLINK("http://x")',
  line: "+31 lijn",
  municipality: "-Kampen",
  contractor: "@wijk",
  label: "=Aevitae",
};

/** The sample region with formula-looking names; `more` changes it further. */
function scenario(more = {}) {
  const s = pkg.sampleScenario();
  s.name = NAMES.scenario;
  s.budget[0].name = NAMES.line;
  s.municipalities[1].name = NAMES.municipality;
  s.subcontracts[0].contractor = NAMES.contractor;
  s.market = s.market.map((m) => (m.insurer === "Aevitae" ? { ...m, insurer: NAMES.label } : m));
  if (typeof more === "function") return more(s);
  return { ...s, ...more };
}

/** Only a lump sum to split, from the estimate: no lines, municipalities or subcontracts. */
const lumpSumOnly = (s) => ({
  name: s.name,
  year: 2028,
  workArea: s.workArea,
  lumpSum: "500000.00",
  estimate: { shares: "national" },
});

const DATE = Date.UTC(2026, 11, 1, 22, 30);
/** The report, its tables and what the export adds, in `lang`. */
function result(s, lang) {
  const report = JSON.parse(JSON.stringify(pkg.calculate(s)));
  const t = TEXT[lang],
    f = formats(lang);
  const { market, ...rest } = s;
  const extra = {
    scenario: market ? { ...rest, market: { kind: "sample", rowCount: market.length, labels: 20 } } : rest,
    date: DATE,
  };
  return { report, t, f, extra, tables: reportTables(report, t, f, extra) };
}

async function workbookBytes({ report, t, f, extra, tables }) {
  const blob = await writeWorkbook(tables, {
    names: t.book.sheets,
    f,
    title: t.book.title(report.name, report.year),
    created: extra.date,
  });
  return new Uint8Array(await blob.arrayBuffer());
}

/** What openpyxl checks, made from the report (not from our tables): sheets, heads, totals. */
function spec(r, t, f) {
  const b = t.book,
    c = t.cols,
    sc = t.subCols,
    s = b.sheets,
    tot = r.totals;
  const name = (id) => payerName(r, id);
  const totals = [];
  // A table without rows has a note instead of a sum row.
  const rows = {
    [s.municipalities]: r.municipalities.length,
    [s.lines]: r.lines.length,
    [s.tasks]: r.lines.length,
    [s.levels]: r.lines.length,
    [s.subcontracts]: r.subcontracts.length,
  };
  const want = (sheet, table, column, value) =>
    (rows[sheet] ?? 1) && totals.push({ sheet, table, column, value: String(value) });
  want(s.insurers, t.insurersTitle, t.amount, tot.zvw);
  // From market data the insured persons add up to the work area's; an estimate's fractions
  // (national shares × population) may fall short of the population they are rounded from.
  if (!r.allocation.estimate) want(s.insurers, t.insurersTitle, t.insured, r.allocation.insured);
  want(s.insurers, t.insurersTitle, b.payable, r.coverage.payable);
  want(s.insurers, b.labelsTitle, t.amount, tot.zvw);
  if (!r.allocation.estimate) want(s.insurers, b.labelsTitle, t.insured, r.allocation.insured);
  want(s.municipalities, t.municipalities, c.amount, tot.municipal);
  const paid = r.lines.some((l) => l.paidZvw !== l.zvw);
  for (const [head, key] of [
    [c.gross, "gross"],
    [c.existing, "existingFunding"],
    [c.net, "net"],
    [c.municipal, "municipal"],
    [c.wlz, "wlz"],
    [c.conditional, "conditionalZvw"],
  ]) {
    want(s.lines, t.budgetTitle, head, tot[key]);
    want(s.tasks, t.tasksTitle, head, tot[key]);
    want(s.levels, t.levelsTitle, head, tot[key]);
  }
  want(s.lines, t.budgetTitle, c.zvw, r.budgetZvw);
  if (paid) want(s.lines, t.budgetTitle, b.paidZvw, tot.zvw);
  want(s.tasks, t.tasksTitle, c.zvw, tot.zvw);
  want(s.levels, t.levelsTitle, c.zvw, tot.zvw);
  want(s.subcontracts, t.subsTitle, sc.amount, r.ledger.subcontracted);
  for (const l of r.ledger.insurers) want(s.subcontracts, t.subsTitle, name(l.insurer), l.subcontracted);
  want(s.money, b.moneyTitle, sc.paid, decimalSum([r.ledger.zvwIn, r.ledger.municipalIn]));
  want(s.money, b.moneyTitle, sc.passed, r.ledger.subcontracted);
  want(s.money, b.moneyTitle, sc.kept, decimalSum([r.ledger.keptZvw, r.ledger.keptMunicipal]));
  want(s.mdz, b.claimsTitle, t.f.zvwClaim, r.mdz.claimed);
  want(
    s.payments,
    t.paymentsTitle(r.payments.schedule === "quarterly"),
    c.amount,
    decimalSum([tot.zvw, tot.municipal]),
  );
  const money = [
    t.amount,
    b.payable,
    c.gross,
    c.existing,
    c.net,
    c.zvw,
    b.paidZvw,
    c.municipal,
    c.wlz,
    c.conditional,
  ];
  const cols = (entries) => Object.fromEntries(entries);
  const totalsCols = [c.gross, c.existing, c.net, c.zvw, c.municipal, c.wlz, c.conditional].map((h) => [
    h,
    "money",
  ]);
  const n = r.payments.payers[0].instalments.length;
  return {
    sheets: Object.values(s),
    sumLabel: t.sum,
    formats: Object.fromEntries(Object.entries(NUMBER_FORMATS).map(([k, v]) => [k, v.code])),
    columns: {
      [s.inputs]: {},
      [s.insurers]: cols([...money.map((h) => [h, "money"]), [t.share, "share"], [t.insured, "persons"]]),
      [s.municipalities]: cols([
        [c.amount, "money"],
        [c.share, "share"],
        [c.residents, "persons"],
      ]),
      [s.lines]: cols(money.map((h) => [h, "money"])),
      [s.tasks]: cols(totalsCols),
      [s.levels]: cols(totalsCols),
      [s.years]: cols(totalsCols),
      [s.subcontracts]: cols(
        [sc.amount, sc.available, ...r.insurers.map((i) => i.name)].map((h) => [h, "money"]),
      ),
      [s.money]: cols([sc.paid, sc.passed, sc.kept].map((h) => [h, "money"])),
      [s.mdz]: cols([t.f.zvwClaim, sc.framework, sc.claimed, sc.headroom].map((h) => [h, "money"])),
      [s.payments]: cols(
        [c.amount, ...Array.from({ length: n }, (_, k) => f.instalment(k, n, r.year))].map((h) => [
          h,
          "money",
        ]),
      ),
    },
    totals,
    texts: [
      NAMES.scenario,
      ...(r.insurers.some((i) => i.labels.some((l) => l.name === NAMES.label)) ? [NAMES.label] : []),
      ...(r.lines.length ? [NAMES.line] : []),
      ...(r.municipalities.length ? [NAMES.municipality] : []),
      ...(r.subcontracts.length ? [NAMES.contractor] : []),
    ],
    rowSums: { [s.payments]: { total: 2, from: 3 } },
  };
}

const python = spawnSync("python3", ["-c", "import openpyxl; print(openpyxl.__version__)"], {
  encoding: "utf8",
});

for (const [label, lang, more] of [
  ["the sample region in Dutch", "nl", {}],
  ["the sample region in English", "en", {}],
  ["a contracted lump sum, paid quarterly", "nl", { lumpSum: "900000.00", schedule: "quarterly" }],
  ["only a lump sum, from the estimate", "en", lumpSumOnly],
]) {
  test(`openpyxl opens the workbook of ${label}: sheets, formats, widths, frozen heads, sums, text`, async (tt) => {
    assert.equal(
      python.status,
      0,
      `python3 with openpyxl is needed (scripts/setup.sh installs it): ${python.stderr}`,
    );
    const res = result(scenario(more), lang);
    const dir = mkdtempSync(join(tmpdir(), "resv-book-"));
    writeFileSync(join(dir, "book.xlsx"), await workbookBytes(res));
    writeFileSync(join(dir, "spec.json"), JSON.stringify(spec(res.report, res.t, res.f)));
    const run = spawnSync(
      "python3",
      [
        new URL("../workbook/check_workbook.py", import.meta.url).pathname,
        join(dir, "book.xlsx"),
        join(dir, "spec.json"),
      ],
      { encoding: "utf8" },
    );
    for (const line of run.stdout.trim().split("\n")) tt.diagnostic(line);
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  });
}

test("a broken total is caught: the independent check fails on a sum row a cent off", async () => {
  assert.equal(python.status, 0, "python3 with openpyxl is needed");
  const res = result(scenario(), "nl");
  const insurers = res.tables.find((x) => x.id === "insurers");
  insurers.rows[0][3] = { ...insurers.rows[0][3], n: decimalSum([insurers.rows[0][3].n, "0.01"]) };
  const dir = mkdtempSync(join(tmpdir(), "resv-book-"));
  writeFileSync(join(dir, "book.xlsx"), await workbookBytes(res));
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec(res.report, res.t, res.f)));
  const run = spawnSync(
    "python3",
    [
      new URL("../workbook/check_workbook.py", import.meta.url).pathname,
      join(dir, "book.xlsx"),
      join(dir, "spec.json"),
    ],
    { encoding: "utf8" },
  );
  assert.equal(run.status, 1);
  assert.match(
    run.stderr,
    /Verzekeraars \/ Verdeling over de zorgverzekeraars \/ Bedrag: the column adds up to 810500\.01/,
  );
});

test("our own reader reads the workbook's first sheet: names exactly as typed, no apostrophe", async () => {
  const res = result(scenario(), "nl");
  const csv = await xlsxToCsv(await workbookBytes(res));
  const rows = csv.split("\r\n");
  assert.equal(rows[0], "Invoer en instellingen");
  assert.equal(rows[1], "Onderdeel;Waarde");
  assert.equal(rows[2], `Naam van het scenario;"${NAMES.scenario.replace(/"/g, '""')}"`);
  assert.equal(rows[3], "Begrotingsjaar;2027");
});

/** A CSV for Dutch Excel parsed back: rows of cells (quotes undone), the BOM checked. */
function parseCsv(text) {
  assert.ok(text.startsWith("\uFEFF"), "a UTF-8 BOM");
  const rows = [];
  let row = [],
    cell = "",
    quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") (row.push(cell), (cell = ""));
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      ((row = []), (cell = ""), i++);
    } else cell += ch;
  }
  assert.equal(cell + row.join(""), "", "ends with CRLF");
  return rows;
}

/** The CSV's tables by title: `{ head, rows, sum }`, numbers back as decimal strings. */
function csvTables(text, sumLabel) {
  const out = new Map();
  const rows = parseCsv(text);
  for (let i = 0; i < rows.length;) {
    const title = rows[i][0];
    assert.equal(rows[i].length, 1, `a heading row of its own: ${rows[i]}`);
    const head = rows[i + 1];
    const body = [];
    for (i += 2; i < rows.length && !(rows[i].length === 1 && rows[i][0] === ""); i++) body.push(rows[i]);
    i++; // the empty row
    const sum = body.at(-1)?.[0] === sumLabel ? body.pop() : null;
    out.set(title, { head, rows: body, sum });
  }
  return out;
}
const num = (s) => {
  assert.match(s, /^-?\d+(,\d+)?$/, `a number with a decimal comma and no grouping: ${s}`);
  return s.replace(",", ".");
};

test("the CSV holds every table under its heading and round-trips the report's numbers", () => {
  const { report: r, t, f, extra, tables } = result(scenario({ lumpSum: "900000.00" }), "nl");
  const text = reportCsv(r, t, f, extra);
  const csv = csvTables(text, t.sum);
  assert.deepEqual(
    [...csv.keys()],
    tables.map((x) => x.title),
    "the workbook's tables, in order",
  );
  // Every number of every table reads back as the same decimal string.
  for (const x of tables) {
    const back = csv.get(x.title);
    assert.deepEqual(back.head, x.head.map(textCell));
    for (const [k, row] of [...x.rows, ...(x.sum ? [x.sum] : [])].entries()) {
      const got = k < x.rows.length ? back.rows[k] : back.sum;
      row.forEach((v, i) => {
        if (v && typeof v === "object") assert.equal(num(got[i]), v.n, `${x.title} ${k} ${i}`);
      });
    }
  }
  // And against the report itself.
  const ins = csv.get(t.insurersTitle);
  assert.deepEqual(
    ins.rows.map((row) => [row[0], num(row[1]), num(row[2]), num(row[3]), row[4]]),
    r.insurers.map((i) => [textCell(i.name), i.insuredExact, i.share, i.amount, roleText(i, t)]),
  );
  assert.equal(num(ins.sum[3]), r.totals.zvw);
  const lines = csv.get(t.budgetTitle);
  assert.equal(lines.head.length, 13, "with a contracted lump sum, the paid Zvw has a column");
  assert.deepEqual(
    lines.rows.map((row) => [4, 5, 6, 7, 8, 9, 10].map((i) => num(row[i]))),
    r.lines.map((l) => [l.gross, l.existingFunding, l.net, l.zvw, l.paidZvw, l.municipal, l.wlz]),
  );
  const pay = csv.get(t.paymentsTitle(false));
  assert.equal(pay.head[3], "januari 2027");
  assert.equal(pay.head[14], "december 2027");
  assert.deepEqual(
    pay.rows.map((row) => row.slice(2).map(num)),
    r.payments.payers.map((p) => [p.amount, ...p.instalments]),
  );
  const subs = csv.get(t.subsTitle);
  for (const [k, x] of r.subcontracts.entries())
    for (const g of x.fundedBy)
      assert.equal(num(subs.rows[k][6 + r.insurers.findIndex((i) => i.id === g.insurer)]), g.amount);
  const warnings = csv.get(t.book.warningsTitle);
  assert.deepEqual(
    warnings.rows,
    r.warnings.map((w) => [w.code, w.path, w.message]),
  );
  // Formula-looking text keeps the CSV convention: a leading apostrophe (a CSV cannot mark text).
  assert.match(text, /\r\nNaam van het scenario;"'=HYPERLINK\(""http:\/\/x""\)"\r\n/);
  assert.match(text, /\r\n'@wijk;|;'@wijk;/);
  assert.ok(text.startsWith("\uFEFFInvoer en instellingen\r\nOnderdeel;Waarde\r\n"));
});

test("the roles read the same in the files as on screen", () => {
  const s = scenario({ coAssessmentThreshold: "20" });
  const { report: r, t, tables } = result(s, "nl");
  const co = r.insurers.find((i) => i.coAssessor);
  assert.ok(co, "a co-assessor at a 20% threshold");
  const row = tables.find((x) => x.id === "insurers").rows.find((x) => x[0] === co.name);
  assert.equal(row[4], roleText(co, t));
  assert.equal(row[4], "volger, medebeoordelaar");
});

test("a text cell of the CSV: formulas defused with an apostrophe, other text as it is", () => {
  assert.deepEqual(["=1", "+1", "-1", "@x", "\tx", "1-2", "a=b"].map(textCell), [
    "'=1",
    "'+1",
    "'-1",
    "'@x",
    "'\tx",
    "1-2",
    "a=b",
  ]);
});

test("decimal sums are exact at any scale", () => {
  assert.equal(decimalSum(["0.1", "0.2"]), "0.3");
  assert.equal(decimalSum(["810500.00", "-0.01"]), "810499.99");
  assert.equal(decimalSum(["0.2946552106", "0.7053447894"]), "1.0000000000");
  assert.equal(decimalSum(["-1.5", "1"]), "-0.5");
  assert.equal(decimalSum([]), "0");
  assert.equal(decimalSum(["99999999999999999999.99", "0.01"]), "100000000000000000000.00");
});
