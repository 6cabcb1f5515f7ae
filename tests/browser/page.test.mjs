// The calculator page (`make serve`) in real headless Chromium (Debian's, driven by
// playwright-core), as its users use it. The server sends the strict CSP on every response,
// so every test here also proves the page works under it. Playwright's CSS selectors pierce
// the element's open shadow root.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  SHOTS,
  useBrowser,
  openCalculator,
  rowsOf,
  cents,
  recalculated,
  renders,
  base,
  untilShown,
  untilText,
} from "./browser.mjs";
import { workbook, unzip } from "./xlsx-fixture.mjs";

useBrowser();

const calc = "resv-calculator";
const report = (page) => page.evaluate(() => document.querySelector("resv-calculator").report);

test("the page shows the sample region's numbers in Dutch formatting", async () => {
  const { page, context, problems } = await openCalculator();
  const rows = await rowsOf(page, "#insurers");
  assert.equal(rows.length, 10);
  // The sample: 203,095 residents of 42 PC4 areas (Bron: CBS), split by concern.
  assert.deepEqual(rows[0], ["Achmea", "59.843", "29,47%", "€\u00a0238.818,05", "★ marktleider"]);
  assert.deepEqual(rows[1].slice(0, 3).concat(rows[1][4]), ["VGZ", "48.642", "23,95%", "volger"]);
  // The sample budget's Zvw total, by hand (tests/core/scenario.rs): € 810.500,00.
  assert.deepEqual(await page.$$eval("#insurers tfoot td", (tds) => tds.map((td) => td.textContent)), [
    "203.095",
    "100%",
    "€\u00a0810.500,00",
    "",
  ]);
  assert.equal(
    rows.reduce((a, r) => a + cents(r[3]), 0),
    81050000,
    "the insurers' amounts add up to the total",
  );
  assert.equal((await rowsOf(page, "#lines")).length, 9);
  assert.equal((await rowsOf(page, "#tasks")).length, 5);
  // € 32.000,00 municipal over residents (CBS): Zwolle 133,810, Kampen 56,540, Hattem 12,745.
  assert.deepEqual(
    (await rowsOf(page, "#municipalities")).map((r) => [r[0], r[3]]),
    [
      ["Zwolle (mandaatgemeente)", "€\u00a021.083,34"],
      ["Kampen", "€\u00a08.908,54"],
      ["Hattem", "€\u00a02.008,12"],
    ],
  );
  assert.match(await page.textContent("#lines"), /○ voorwaardelijk \(wacht op gemeente\)/);
  // The sample's facilitering line has a Wlz part only: it waits on the Wlz grant, not the municipality.
  assert.match(
    await page.textContent("#lines"),
    /Facilitering[^○✓]*○ voorwaardelijk \(wacht op Wlz-toekenning\)/,
  );
  assert.equal((await rowsOf(page, "#subcontracts")).length, 5);
  assert.equal(
    (await page.$$(`${calc} figure svg path.link`)).length,
    19,
    "10 insurers + 3 municipalities in, 5 contractors + kept out",
  );
  // Indicative share 70,000,000 × 203,095 / 18,044,025 = 787,886.85; per capita 810,500 / 203,095 = 3.99.
  const mdz = await page.textContent("#mdz");
  assert.match(mdz, /€\u00a0787\.886,85/);
  assert.match(
    mdz,
    /€\u00a03,99 per verzekerde; landelijk doorgetrokken €\u00a072\.009\.070,94 tegenover een ophoging van het MDZ-kader van €\u00a070\.000\.000,00\. ▲ boven het kader/,
  );
  const payments = await rowsOf(page, "#payments");
  assert.deepEqual(payments[0].slice(0, 3), ["Achmea", "Zvw", "€\u00a0238.818,05"]);
  assert.match(await page.textContent("#warnings"), /illustratieve verzekerdenaantallen/);
  assert.match(await page.textContent("footer"), /Bron: CBS/);
  // All of it under the strict policy the server sends (no inline script or style allowed).
  const csp = (await page.request.get(base())).headers()["content-security-policy"];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await page.click("#statements details:nth-of-type(2) summary");
  await page.waitForSelector("#statements details:nth-of-type(2) li"); // built when first opened
  assert.match(
    await page.textContent("#statements details:nth-of-type(2)"),
    /Aandeel: 0,2395036805 \(10 decimalen\)\.[\s\S]*volger van Achmea/,
  );
  assert.equal(await page.inputValue("#f-workArea"), "8011-8045, 8051-8052, 8261-8278, 8293");
  await page.screenshot({ path: `${SHOTS}page-nl.png` });
  await page.screenshot({ path: `${SHOTS}page-nl-full.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard edits recalculate at once; errors sit next to their field; nothing typed is lost", async () => {
  const { page, context, problems } = await openCalculator();
  // Tab from the language switch into the element reaches its controls in order: the skip
  // link to the results first.
  await page.focus("#lang");
  await page.keyboard.press("Tab");
  assert.equal(
    await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.className),
    "skip",
  );
  await page.keyboard.press("Tab");
  assert.equal(
    await page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.id),
    "import-json",
  );
  let n = await renders(page);
  await page.focus("#f-lumpSum");
  await page.keyboard.type("1.000.000,00");
  await recalculated(page, n);
  assert.equal((await report(page)).totals.zvw, "1000000.00");
  assert.equal(await page.textContent("#insurers tfoot td:nth-child(4)"), "€\u00a01.000.000,00");
  assert.match(
    await page.textContent("#warnings"),
    /wijkt af van het Zvw-deel van de begroting/,
    "the contract differs from the budget",
  );
  // The totals name the contract and the budget's Zvw apart; the years start at the contract.
  const totals = await rowsOf(page, "#totals");
  assert.deepEqual(
    totals.filter(([name]) => /^Zvw/.test(name)),
    [
      ["Zvw (de gecontracteerde lumpsum, verdeeld)", "€\u00a01.000.000,00"],
      ["Zvw-deel volgens de begroting", "€\u00a0810.500,00"],
    ],
  );
  assert.equal((await rowsOf(page, "#years"))[0][3], "€\u00a01.000.000,00");
  // An invalid amount: the error under the field, the old result marked, the text kept.
  n = await renders(page);
  await page.keyboard.type("x");
  await recalculated(page, n);
  assert.match(await page.textContent("#f-lumpSum-error"), /\S/);
  assert.equal(await page.getAttribute("#f-lumpSum", "aria-invalid"), "true");
  assert.match(await page.textContent(".stale-note"), /laatste geldige invoer/);
  assert.equal(await page.inputValue("#f-lumpSum"), "1.000.000,00x");
  await page.keyboard.press("Backspace");
  await page.fill("#f-lumpSum", "");
  // A budget line (opened by keyboard): its amount, then the domain split's slider by arrow keys.
  await page.focus("#item-budget-0-summary");
  await page.keyboard.press("Enter");
  n = await renders(page);
  await page.fill("#f-budget-0-amount", "310000");
  await recalculated(page, n);
  assert.equal((await report(page)).lines[0].gross, "310000.00");
  n = await renders(page);
  await page.focus("#f-budget-0-split-slider");
  for (let i = 0; i < 25; i++) await page.keyboard.press("ArrowRight");
  await recalculated(page, n);
  assert.equal(await page.inputValue("#f-budget-0-split-municipal"), "25");
  assert.equal(await page.inputValue("#f-budget-0-split-zvw"), "75");
  const line = (await report(page)).lines[0];
  assert.deepEqual([line.zvw, line.municipal, line.status], ["232500.00", "77500.00", "conditional"]);
  // Exact numbers that do not add up to 100: the issue shows at the split, in Dutch.
  await page.fill("#f-budget-0-split-wlz", "10");
  await untilShown(page, "f-budget-0-split-error");
  assert.match(await page.textContent("#f-budget-0-split-error"), /100/);
  await page.fill("#f-budget-0-split-zvw", "65");
  await untilShown(page, "f-budget-0-split-error", false);
  // Add a line with the keyboard: focus moves into it; its empty amount is reported there.
  await page.focus("#budget-add");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#f-budget-9-amount");
  assert.equal(
    await page.evaluate(() => document.querySelector("resv-calculator").shadowRoot.activeElement.id),
    "f-budget-9-name",
  );
  await page.keyboard.type("Nieuwe regel");
  await untilShown(page, "f-budget-9-amount-error");
  await page.fill("#f-budget-9-amount", "1000");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report.lines.length === 10);
  await page.fill("#f-workArea", "8011, 8045-8011");
  await untilShown(page, "f-workArea-error");
  assert.match(await page.textContent("#f-workArea-error"), /8045-8011: het bereik loopt achteruit/);
  await page.screenshot({ path: `${SHOTS}page-errors.png` });
  // The autosave keeps everything typed, valid or not, across a reload.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#f-workArea"), "8011, 8045-8011");
  assert.equal(await page.inputValue("#f-budget-9-name"), "Nieuwe regel");
  assert.equal(await page.inputValue("#f-budget-0-split-zvw"), "65");
  assert.equal(await page.inputValue("#f-budget-0-amount"), "310000");
  assert.match(await page.textContent(".notice"), /hersteld/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a Dutch Excel CSV and an XLSX upload are used; a bad file is reported by line", async () => {
  const { page, context, problems } = await openCalculator();
  await page.check("#source-file");
  // Windows-1252 (é = 0xE9), `;`, CRLF, thousands separators; a name that is markup.
  const csv =
    "Postcode;Verzekeraar;Verzekerden\r\n1011;Zilveren Kruis;3.000\r\n1011;FBTO;1.000\r\n1011;CZ;2.000\r\n1012AB;VGZ;2.500\r\n1012 cd;Univ\xe9;1.000\r\n1011;<img src=x onerror=alert(1)>;0\r\n";
  await page.setInputFiles("#f-market-file", {
    name: "verzekerden.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "latin1"),
  });
  await untilText(page, "market-status", /^verzekerden\.csv/);
  await page.click("#g-budget summary"); // keep the budget closed: a plain lump sum over this area
  await page.evaluate(() => {
    const c = document.querySelector("resv-calculator");
    c.scenario = {
      ...c.scenario,
      budget: [],
      municipalities: [],
      subcontracts: [],
      hoofdaannemer: undefined,
      leadMunicipality: undefined,
      workArea: ["1011-1012"],
      lumpSum: "100000.00",
      allocateBy: "insurer",
    };
  });
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.totals.zvw === "100000.00",
  );
  const rows = await rowsOf(page, "#insurers");
  assert.deepEqual(
    rows.map((r) => [r[0], r[3]]),
    [
      ["Zilveren Kruis", "€\u00a031.578,95"],
      ["VGZ", "€\u00a026.315,79"],
      ["CZ", "€\u00a021.052,63"],
      ["FBTO", "€\u00a010.526,32"],
      ["Univé", "€\u00a010.526,31"],
    ],
  );
  assert.match(await page.textContent("#market-status"), /verzekerden\.csv: 6 rijen/);
  await page.selectOption("#f-allocateBy", "");
  await page.waitForFunction(
    () =>
      document.querySelector("resv-calculator").report?.allocation.by === "insurer" &&
      document
        .querySelector("resv-calculator")
        .shadowRoot.querySelector("#warnings")
        .textContent.includes("<img"),
  );
  assert.match(await page.textContent("#warnings"), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.$(`${calc} img`), null, "names are text, never markup");
  await page.screenshot({ path: `${SHOTS}page-upload.png` });

  // The same data as an Excel workbook (first sheet; a skipped row; an inline string; & escaped).
  const xlsx = workbook([
    ["postcode", "verzekeraar", "verzekerden"],
    [1011, "Zilveren Kruis", 3000],
    [1011, "FBTO", 1000],
    [1011, "CZ", 2000],
    ["1012AB", "VGZ", 2500],
    ["1012CD", "Univé", 1000],
    [1011, "A&B <zorg>", 0],
  ]);
  await page.setInputFiles("#f-market-file", {
    name: "verzekerden.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: xlsx,
  });
  await untilText(page, "market-status", /^verzekerden\.xlsx/);
  await untilText(page, "warnings", /A&B <zorg>/);
  assert.deepEqual(
    (await rowsOf(page, "#insurers")).map((r) => [r[0], r[3]]),
    rows.map((r) => [r[0], r[3]]),
  );

  // Errors by line (an Excel row number in a workbook), all of them, in Dutch.
  await page.setInputFiles("#f-market-file", {
    name: "fout.xlsx",
    mimeType: "application/octet-stream",
    buffer: workbook([
      ["postcode", "verzekeraar", "verzekerden"],
      [1011, "CZ", "12,5"],
      [101, "CZ", 1],
    ]),
  });
  // The box may already show the last table's warning (beside its cause): wait for the errors.
  await untilText(page, "f-market-error", /regel 2 \(kolom verzekerden\)/);
  assert.match(
    await page.textContent("#f-market-error"),
    /regel 2 \(kolom verzekerden\): [\s\S]*regel 4 \(kolom postcode\)/,
  );
  // Hostile files: a damaged workbook, binary data, an oversized JSON: each a clear message.
  await page.setInputFiles("#f-market-file", {
    name: "kapot.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.concat([xlsx.subarray(0, 200), Buffer.alloc(100)]),
  });
  await untilText(page, "f-market-error", /beschadigd|XLSX/);
  await page.setInputFiles("#f-market-file", {
    name: "foto.png",
    mimeType: "image/png",
    buffer: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]),
  });
  await untilText(page, "f-market-error", /^(?![\s\S]*beschadigd)[\s\S]+$/);
  assert.match(await page.textContent("#f-market-error"), /binair|tekst|CSV/);
  await page.screenshot({ path: `${SHOTS}page-bad-file.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a scenario exported as JSON re-imports identically; a link holds it too", async () => {
  const { page, context, problems } = await openCalculator();
  await page.fill("#f-name", "Variant met € 5.000,00 extra");
  await page.click("#item-budget-1-summary");
  await page.fill("#f-budget-1-existingFunding", "30000");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.name === "Variant met € 5.000,00 extra",
  );
  const before = await report(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  assert.match(download.suggestedFilename(), /\.json$/);
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(exported.market.length, 912, "the file holds its market rows: calculate reads it as it is");
  assert.equal(exported.budget[1].existingFunding, "30000.00", "the amount as the core reads it");
  // Result CSV for Dutch Excel: BOM, `;`, decimal comma.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const text = await readFile(await csv.path(), "utf8");
  assert.ok(text.startsWith("\uFEFF"));
  assert.match(
    text,
    /\r\nAchmea;59843;0,29[0-9]{8};([0-9]+,[0-9]{2});marktleider;volgt de marktleider;\1\r\n/,
  );
  // The same result as an Excel workbook (tests/node/workbook.test.mjs checks it in full): a
  // sheet per table; amounts are number cells with a format, names shared strings.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click("#export-xlsx")]);
  assert.match(xlsx.suggestedFilename(), /-2027\.xlsx$/, "named with the budget year");
  const parts = unzip(await readFile(await xlsx.path()));
  assert.ok(parts["[Content_Types].xml"].includes("spreadsheetml.sheet.main+xml"));
  assert.equal(parts["xl/workbook.xml"].match(/<sheet /g).length, 12);
  assert.match(
    parts["xl/workbook.xml"],
    /<sheet name="Invoer" sheetId="1"[^>]*\/><sheet name="Verzekeraars"/,
  );
  assert.match(
    parts["xl/worksheets/sheet2.xml"],
    /<row r="3"><c r="A3" s="[0-9]+" t="s"><v>[0-9]+<\/v><\/c><c r="B3" s="[0-9]+"><v>59843<\/v><\/c><c r="C3" s="[0-9]+"><v>0\.29[0-9]{8}<\/v><\/c><c r="D3" s="[0-9]+"><v>[0-9]+\.[0-9]{2}<\/v><\/c>/,
  );
  assert.match(parts["xl/styles.xml"], /formatCode="&quot;€&quot; #,##0\.00;/);
  assert.match(
    parts["xl/worksheets/sheet2.xml"],
    /<pane xSplit="1" ySplit="2" topLeftCell="B3"[^>]*state="frozen"\/>/,
  );
  // Start over (it asks first), then open the file: the same scenario and the same report.
  await page.click("#reset");
  await page.click(".notice button:text('Ja, vervangen')");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.name !== "Variant met € 5.000,00 extra",
  );
  await page.setInputFiles("#open-json", await download.path());
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.name === "Variant met € 5.000,00 extra",
  );
  const again = await page.evaluate(() => document.querySelector("resv-calculator").exportScenario());
  assert.deepEqual(again, exported);
  assert.deepEqual(await report(page), before);
  // The shareable link: a fresh browser (no autosave) opens the same scenario from it.
  await page.click("#share");
  await untilText(page, "share-link", /#resv=/);
  const link = await page.inputValue("#share-link");
  assert.ok(link.startsWith(base()), "the link points at this page; the scenario is in its fragment");
  const other = await context.browser().newContext({ locale: "nl-NL" });
  const second = await other.newPage();
  await second.goto(link);
  await second.waitForSelector("body[data-ready=true]");
  await second.waitForFunction(
    () => document.querySelector("resv-calculator").report?.name === "Variant met € 5.000,00 extra",
  );
  assert.deepEqual(await report(second), before);
  assert.match(await second.textContent(".notice"), /gedeelde link/);
  await other.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("two scenarios side by side, and a per-insurer statement for print", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#compare-set");
  await page.fill("#f-lumpSum", "900000");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.totals.zvw === "900000.00",
  );
  await page.waitForSelector("#cmp-totals");
  const totals = await rowsOf(page, "#cmp-totals");
  const zvw = totals.find((r) => r[0] === "Zvw");
  assert.deepEqual(zvw, ["Zvw", "€\u00a0810.500,00", "€\u00a0900.000,00", "▲ +€\u00a089.500,00"]);
  const achmea = (await rowsOf(page, "#cmp-insurers"))[0];
  assert.equal(achmea[0], "Achmea");
  assert.equal(cents(achmea[2]) - cents(achmea[1]), cents(achmea[3]));
  await page.screenshot({ path: `${SHOTS}page-compare.png`, fullPage: true });
  // Print one statement: the print CSS hides the editor, the other statements, everything else.
  await page.click("#statements details:nth-of-type(2) summary");
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.click("#statements details:nth-of-type(2) button");
  await page.emulateMedia({ media: "print" });
  const visible = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
    return {
      statements: shown(".statement"),
      editor: shown(".editor-col"),
      insurers: shown("#insurers"),
      instalments: shown(".statement.printing table[id^=instalments]"),
    };
  });
  assert.deepEqual(visible, { statements: 1, editor: 0, insurers: 0, instalments: 1 });
  await page.screenshot({ path: `${SHOTS}page-print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("English is one switch away, and the estimate needs no insurer data", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#lang");
  await page.waitForFunction(
    () =>
      document.querySelector("resv-calculator").shadowRoot.querySelector("#insurers caption")?.textContent ===
      "Split over the health insurers",
  );
  assert.equal(await page.textContent("#insurers tfoot td:nth-child(4)"), "€810,500.00");
  assert.equal((await rowsOf(page, "#insurers"))[0][4], "★ market leader");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.screenshot({ path: `${SHOTS}page-en.png` });
  await page.click("#lang");
  await page.check("#source-estimate");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.allocation.estimate);
  assert.match(await page.textContent(".summary"), /geschat/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a corrupt or hostile autosave is ignored: the page recovers and keeps working", async () => {
  const key = "resv-calc:page:scenario";
  for (const saved of [
    "{not json",
    "null",
    "42",
    JSON.stringify({ v: 2, scenario: null }),
    JSON.stringify({ v: 2, scenario: { lumpSum: { x: 1 }, workArea: 7 }, market: { kind: "<img src=x>" } }),
    JSON.stringify({
      v: 2,
      scenario: { lumpSum: "10.00" },
      market: { kind: "paste", text: "postcode;verzekeraar;verzekerden\n1011;<script>alert(1)</script>;5\n" },
    }),
  ]) {
    const { page, context, problems } = await openCalculator();
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, saved]);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await page.$("script:not([src])"), null, "no injected script element");
    const n = await renders(page);
    await page.fill("#f-name", "weer bruikbaar");
    await recalculated(page, n);
    assert.deepEqual(problems, [], saved);
    await context.close();
  }
});

test("axe-core finds no serious or critical accessibility violation", async () => {
  // axe is injected as a script, so this one page bypasses the CSP (every other test keeps it).
  const { page, context } = await openCalculator("", { bypassCSP: true });
  await page.addScriptTag({
    path: new URL("../../node_modules/axe-core/axe.min.js", import.meta.url).pathname,
  });
  await page.click("#statements details:nth-of-type(1) summary");
  await page.fill("#f-lumpSum", "12x"); // an error state too
  await untilShown(page, "f-lumpSum-error");
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }),
  );
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  assert.deepEqual(bad, []);
  assert.ok(result.passes.length > 20, "axe really ran");
  await context.close();
});

test("a large table is read and parsed in the worker, with progress, and edits still recalculate", async () => {
  const { page, context, problems } = await openCalculator();
  // ~6 MB: every PC6 of 8011..8045 with ten insurers, long names (over the 4 MB worker threshold).
  const lines = ["postcode;verzekeraar;verzekerden"];
  const names = [
    "Zilveren Kruis",
    "VGZ",
    "CZ",
    "Menzis",
    "DSW",
    "ONVZ",
    "Salland",
    "EUCARE",
    "a.s.r.",
    "Zorg en Zekerheid",
  ].map((n) => `${n} Zorgverzekeringen`);
  for (let pc4 = 8011; pc4 <= 8045; pc4++)
    for (let a = 0; a < 26; a++)
      for (let b = 0; b < 26; b++)
        for (const [k, n] of names.entries())
          lines.push(`${pc4}${String.fromCharCode(65 + a, 65 + b)};${n};${1 + ((pc4 + a + b + k) % 9)}`);
  const csv = Buffer.from(lines.join("\n"));
  assert.ok(csv.length > 4 * 1024 * 1024);
  await page.check("#source-file");
  await page.setInputFiles("#f-market-file", { name: "groot.csv", mimeType: "text/csv", buffer: csv });
  await untilText(page, "market-status", /groot\.csv: 236\.600 rijen/, 60_000);
  assert.equal(
    (await page.evaluate(() => document.querySelector("resv-calculator").scenario.market.ref))[0],
    "w",
    "the table lives in the worker",
  );
  assert.ok(
    await page.evaluate(() => performance.getEntriesByName("resv:parse").length === 1),
    "the parse phase was shown",
  );
  await page.fill("#f-workArea", "8011-8045");
  await page.evaluate(() => {
    const c = document.querySelector("resv-calculator");
    c.scenario = {
      ...c.scenario,
      budget: [],
      municipalities: [],
      subcontracts: [],
      hoofdaannemer: undefined,
      leadMunicipality: undefined,
      illustrative: undefined,
    };
  });
  await page.fill("#f-lumpSum", "1000000");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.totals.zvw === "1000000.00",
  );
  const rows = await rowsOf(page, "#insurers");
  assert.equal(
    rows.reduce((a, r) => a + cents(r[3]), 0),
    100000000,
  );
  assert.deepEqual(problems, []);
  await context.close();

  // Where no worker can start (a cross-origin embed), the main thread reads the same file.
  const second = await openCalculator();
  await second.page.addInitScript(() => {
    window.Worker = class {
      constructor() {
        throw new Error("no workers here");
      }
    };
  });
  await second.page.reload();
  await second.page.waitForSelector("body[data-ready=true]");
  await second.page.check("#source-file");
  await second.page.setInputFiles("#f-market-file", { name: "groot.csv", mimeType: "text/csv", buffer: csv });
  await untilText(second.page, "market-status", /groot\.csv: 236\.600 rijen/, 60_000);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test("a table pasted from Excel (tab-separated) is read as it is typed, and kept by the autosave", async () => {
  const { page, context, problems } = await openCalculator();
  await page.evaluate(() => {
    const c = document.querySelector("resv-calculator");
    c.scenario = { lumpSum: "1000.00", workArea: ["1011"] };
  });
  await page.check("#source-paste");
  await page.fill("#f-market-paste", "Postcode\tVerzekeraar\tVerzekerden\n1011\tCZ\t1.500\n1011\tVGZ\t500\n");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.insurers.length === 2);
  assert.deepEqual(
    (await rowsOf(page, "#insurers")).map((r) => [r[0], r[3]]),
    [
      ["CZ", "€\u00a0750,00"],
      ["VGZ", "€\u00a0250,00"],
    ],
  );
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.insurers.length === 2);
  assert.equal(
    await page.inputValue("#f-market-paste"),
    "Postcode\tVerzekeraar\tVerzekerden\n1011\tCZ\t1.500\n1011\tVGZ\t500\n",
  );
  assert.equal(await page.isChecked("#source-paste"), true);
  assert.deepEqual(problems, []);
  await context.close();
});
