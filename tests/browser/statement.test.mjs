// Issue 16: the statements as the record. An insurer's and a municipality's statement printed
// (print media, A4): every number on paper equals the report, the amount recomputes from the
// printed basis, nothing is cut off, no button or field is printed; and the whole report prints.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { useBrowser, openCalculator, rowsOf, cents } from "./browser.mjs";

useBrowser();

const OUT = process.env.STMT_SHOTS ?? "/tmp/stmt-shots/";
mkdirSync(OUT, { recursive: true });

/** A4 at 96 dpi, less the page margins (13 mm each side): the width print lays out in. */
const A4 = { width: 794, height: 1123 };

const report = (page) => page.evaluate(() => document.querySelector("resv-calculator").report);

/** Opens statement `key` and asks for it to be printed (window.print stubbed), in print media. */
async function printOne(page, key) {
  const sel = `.statement[data-insurer="${key}"]`;
  await page.click(`${sel} > summary`);
  await page.waitForSelector(`${sel} .statement-head`);
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.click(`${sel} button.no-print`);
  await page.emulateMedia({ media: "print" });
  return sel;
}

/** Whether the page's own header and footer (outside the element) are printed. */
const pageAround = (page) =>
  page.evaluate(() => ({
    header: document.querySelector("header").checkVisibility(),
    footer: document.querySelector("footer").checkVisibility(),
  }));

/** What a reader sees printed: visible elements only. */
const printedState = (page, sel) =>
  page.evaluate((sel) => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    const shown = (q) => [...root.querySelectorAll(q)].filter((e) => e.checkVisibility());
    const box = root.querySelector(sel);
    return {
      statements: shown(".statement").length,
      controls: shown("button, input, select, textarea").length,
      clipped: shown(".table-wrap")
        .filter((w) => w.scrollWidth > w.clientWidth + 1)
        .map((w) => w.querySelector("table")?.id),
      wider: shown("*").filter(
        (e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
      ).length,
      text: box.innerText,
    };
  }, sel);

/** Dutch number text ("12.345", "45.418,5") as a decimal string ("12345", "45418.5"). */
const dutch = (s) =>
  s
    .replace(/[€\s\u00a0]/g, "")
    .replace(/\./g, "")
    .replace(",", ".");

/** a × b ÷ c in cents, as a rational compared to the amount: |exact − amount| in cents × den. */
function withinCent(a, b, c, amountCents) {
  const dec = (s) => {
    const [i, f = ""] = s.split(".");
    return { n: BigInt(i + f), scale: f.length };
  };
  const [x, y, z] = [a, b, c].map(dec);
  // exact cents = x × y × 100 ÷ z, with scales.
  const num = x.n * y.n * 100n * 10n ** BigInt(z.scale);
  const den = z.n * 10n ** BigInt(x.scale + y.scale);
  const diff = num - BigInt(amountCents) * den;
  return (diff < 0n ? -diff : diff) < den; // less than one cent
}

test("an insurer's statement printed on A4 states its basis, recomputes, and equals the report", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  const r = await report(page);
  const follower = r.insurers.find((i) => !i.marketLeader);
  // The summary names the work area itself, not a count of entries.
  const summary = await page.textContent(".summary");
  assert.match(summary, /8011-8045, 8051-8052, 8261-8278, 8293/);
  assert.doesNotMatch(summary, /vermelding/);
  const sel = await printOne(page, follower.id);
  const p = await printedState(page, sel);
  assert.equal(p.statements, 1);
  assert.deepEqual(await pageAround(page), { header: false, footer: false }, "the statement stands alone");
  assert.equal(p.controls, 0, "no button or field on paper");
  assert.deepEqual(p.clipped, [], "no table cut off");
  assert.equal(p.wider, 0, "nothing wider than the page");
  const text = p.text;
  for (const must of [
    /Verantwoording zorgverzekeraar: /,
    new RegExp(`begrotingsjaar ${r.year} — opgesteld \\d+ \\w+ \\d{4}`),
    /prestatie resv-hoofdtaken \(beleidsregel BR\/REG-27110, art\. 4\.1\), vrij tarief, als lumpsum/,
    /8011-8045, 8051-8052, 8261-8278, 8293/,
    /illustratieve voorbeeldregio[^\n]*\d+ rijen, \d+ verzekeraars, \d+ postcodes/,
    /Peildatum\s+CBS-bevolking per PC4 op 1 januari 2025/,
    /Verdeelsleutel\s+verzekerden in het werkgebied/,
    /Afronding\s+grootste overschotten/,
    /Marktleider \(beoordeelt het plan\)\s+Achmea/,
    /januari 2027[\s\S]*december 2027/,
    /Voor akkoord namens /,
    /Handtekening/,
  ])
    assert.match(text, must);
  // Every number printed equals the report's.
  const s = follower.statement;
  const amounts = async (id) => (await rowsOf(page, `#${id}`)).map((row) => cents(row[1]));
  const foot = async (id) => cents(await page.textContent(`#${id} tfoot td`));
  const c = (m) => Number(String(m).replace(".", ""));
  assert.deepEqual(
    await amounts(`st-lines-${follower.id}`),
    s.lines.map((x) => c(x.amount)),
  );
  assert.deepEqual(
    await amounts(`st-tasks-${follower.id}`),
    s.mainTasks.map((x) => c(x.amount)),
  );
  assert.deepEqual(
    await amounts(`st-levels-${follower.id}`),
    s.levels.map((x) => c(x.amount)),
  );
  for (const t of ["lines", "tasks", "levels"])
    assert.equal(await foot(`st-${t}-${follower.id}`), c(follower.amount), `${t} add up`);
  // Each line with its Zvw part as paid and its status, so a line's amount can be traced.
  const lineRows = await rowsOf(page, `#st-lines-${follower.id}`);
  assert.deepEqual(
    lineRows.map((row) => cents(row[2])),
    s.lines.map((x) => c(r.lines.find((l) => l.id === x.id).paidZvw)),
  );
  assert.match(
    lineRows.find((row) => /^Facilitering/.test(row[0]))[3],
    /voorwaardelijk \(wacht op Wlz-toekenning\)/,
  );
  // The conditional part names its lines and what each waits for.
  assert.match(
    text,
    /Waarvan voorwaardelijk[^\n]*\s+€\s[\d.,]+, van Wijkgerichte samenwerking[^;]*\(wacht op gemeente\); Facilitering[^;]*\(wacht op Wlz-toekenning\); definitief zodra/,
  );
  // A saved PDF is named after the statement, and the page's title comes back afterwards.
  assert.equal(
    await page.evaluate(() => document.title),
    `Verantwoording zorgverzekeraar: ${follower.name} — ${r.name} ${r.year}`,
  );

  const pay = r.payments.payers.find((x) => x.payer === follower.id && x.kind === "zvw");
  const inst = await rowsOf(page, `#instalments-${follower.id}`);
  assert.deepEqual(
    inst.map((row) => cents(row[1])),
    pay.instalments.map(c),
  );
  assert.equal(inst[0][0], `januari ${r.year}`);
  // The amount recomputes from what is printed: insured × total ÷ insured in the work area.
  const fact = (name) => {
    const m = new RegExp(`${name}\\s+([^\\n]+)`).exec(text);
    assert.ok(m, name);
    return m[1];
  };
  const total = dutch(fact("Totale lumpsum Zvw").split(" (")[0]);
  const area = dutch(fact("Verzekerden in het werkgebied"));
  const basis = /Grondslag: ([\d.,]+) van ([\d.,]+) verzekerden/.exec(text);
  const amount = cents(/Bedrag: (€[^\n]+)\./.exec(text)[1]);
  assert.equal(dutch(basis[2]), area);
  assert.equal(total, r.totals.zvw);
  assert.equal(amount, c(follower.amount));
  assert.ok(
    withinCent(dutch(basis[1]), total, area, amount),
    `${basis[1]} × ${total} ÷ ${area} vs ${amount}`,
  );
  assert.match(text, /Narekenen: [\d.]+ × €\s[\d.,]+ ÷ [\d.]+ = €\s[\d.]+,\d{4} → €\s[\d.,]+/);
  await page.screenshot({ path: `${OUT}insurer-statement-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(`${OUT}insurer-statement.pdf`, pdf);
  const pages = pdfPages(pdf);
  assert.ok(pages.count >= 1 && pages.count <= 3, `${pages.count} pages`);
  assert.ok(pages.a4, "A4 pages");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  assert.match(await page.evaluate(() => document.title), /^resv-calc/, "the page's title is back");
  await page.emulateMedia({ media: "screen" });
  await page.screenshot({ path: `${OUT}insurer-statement-screen.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

/** The page count and whether every page is A4 (595 × 842 pt), from the PDF's page objects. */
function pdfPages(pdf) {
  const text = pdf.toString("latin1");
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  const count = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  return {
    count,
    a4: boxes.length > 0 && boxes.every(([w, h]) => Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2),
  };
}

test("a municipality's council information printed: per line and year, what waits on its grant", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  const r = await report(page);
  const m = r.municipalities.find((x) => x.statement.approve.length) ?? r.municipalities[0];
  const sel = await printOne(page, `gm:${m.id}`);
  const p = await printedState(page, sel);
  assert.equal(p.statements, 1);
  assert.equal(p.controls, 0);
  assert.deepEqual(p.clipped, []);
  assert.equal(p.wider, 0);
  const text = p.text;
  assert.match(text, new RegExp(`Raadsinformatie gemeente: ${m.name}`));
  const lead = r.municipalities.find((x) => x.lead);
  assert.match(text, new RegExp(`Mandaatgemeente\\s+${lead.name}`));
  assert.match(text, /naar inwoners in het gebied van elke regel/);
  const c = (x) => Number(String(x).replace(".", ""));
  const lines = await rowsOf(page, `#mst-lines-${m.id}`);
  assert.deepEqual(
    lines.map((row) => cents(row[2])),
    m.statement.lines.map((x) => c(x.amount)),
  );
  assert.equal(
    lines.reduce((a, row) => a + cents(row[2]), 0),
    c(m.amount),
    "its lines add up to its amount",
  );
  assert.equal(cents(await page.textContent(`#mst-lines-${m.id} tfoot td:nth-child(3)`)), c(m.amount));
  // Each line's municipal total printed is the report's.
  for (const row of lines) {
    const line = r.lines.find((l) => l.name === row[0]);
    assert.equal(cents(row[1]), c(line.municipal));
  }
  const years = await rowsOf(page, `#mst-years-${m.id}`);
  assert.deepEqual(
    years.map((row) => [Number(row[0]), cents(row[1])]),
    m.statement.years.map((y) => [y.year, c(y.amount)]),
  );
  // The boundary line waits on its grant, with its Zvw.
  const approve = await rowsOf(page, `#mst-approve-${m.id}`);
  assert.ok(approve.length >= 1);
  for (const [row, a] of approve.map((row, k) => [row, m.statement.approve[k]])) {
    const line = r.lines.find((l) => l.id === a.line);
    assert.ok(row[0].startsWith(line.name));
    assert.equal(cents(row[1]), c(a.amount));
    assert.equal(cents(row[2]), c(line.paidZvw));
  }
  assert.match(text, /Zolang deze regels niet zijn toegekend is hun Zvw-deel \(€\s[\d.,]+\) voorwaardelijk/);
  await page.screenshot({ path: `${OUT}municipality-statement-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  writeFileSync(`${OUT}municipality-statement.pdf`, pdf);
  const pages = pdfPages(pdf);
  assert.ok(pages.a4 && pages.count <= 2, `${pages.count} pages`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the whole report prints: every table, nothing cut off, no controls, each section on its page", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  await page.emulateMedia({ media: "print" });
  const state = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    const shown = (q) => [...root.querySelectorAll(q)].filter((e) => e.checkVisibility());
    return {
      tables: shown("table").map((t) => t.id),
      controls: shown("button, input, select, textarea").length,
      clipped: shown(".table-wrap")
        .filter((w) => w.scrollWidth > w.clientWidth + 1)
        .map((w) => w.querySelector("table")?.id),
      breaks: shown(".result > section, .part-start").map((s) => getComputedStyle(s).breakBefore),
      empty: shown(".result > section").filter((s) => !s.querySelector("li, table")).length,
    };
  });
  for (const id of ["insurers", "totals", "lines", "tasks", "levels", "municipalities", "payments", "years"])
    assert.ok(state.tables.includes(id), `${id} printed`);
  assert.equal(state.controls, 0);
  assert.deepEqual(state.clipped, []);
  assert.ok(state.breaks.length >= 4 && state.breaks.every((b) => b === "page"), state.breaks.join());
  assert.equal(state.empty, 0, "no heading without content (closed statements are left out)");
  // The page's title and intro give way to the report; the data's attribution stays.
  assert.deepEqual(await pageAround(page), { header: false, footer: true });
  assert.match(await page.textContent("footer"), /Bron: CBS/);
  await page.screenshot({ path: `${OUT}whole-report-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  writeFileSync(`${OUT}whole-report.pdf`, pdf);
  assert.ok(pdfPages(pdf).a4);
  assert.deepEqual(problems, []);
  await context.close();
});

test("in English the statement says the same", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  await page.click("#lang");
  await page.waitForFunction(
    () =>
      document.querySelector("resv-calculator").shadowRoot.querySelector("#insurers caption")?.textContent ===
      "Split over the health insurers",
  );
  const r = await report(page);
  const sel = await printOne(page, r.insurers[1].id);
  const { text, controls } = await printedState(page, sel);
  assert.equal(controls, 0);
  assert.match(
    text,
    /prestatie resv-hoofdtaken \(policy rule BR\/REG-27110, art\. 4\.1\), free tariff, as a lump sum/,
  );
  assert.match(text, /January 2027[\s\S]*December 2027/);
  assert.match(text, /Agreed on behalf of /);
  await page.screenshot({ path: `${OUT}insurer-statement-print-en.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("an estimate's statement names its shares and the CBS date, and recomputes from its printed check", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  await page.check("#source-estimate");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.allocation.estimate);
  const r = await report(page);
  const i = r.insurers[1];
  const sel = await printOne(page, i.id);
  const { text } = await printedState(page, sel);
  assert.match(text, /schatting: marktaandelen \(landelijk, NZa\/Vektis 2022\) × inwoners/);
  assert.match(text, /Peildatum\s+CBS-bevolking per PC4 op 1 januari 2025/);
  assert.match(text, /Marktaandelen van de schatting\s+Achmea 29,3%, VGZ 23,6%/);
  // The check line prints the unrounded counts; applying the rule to them gives the amount.
  const m = /Narekenen \(schatting[^)]*\): ([\d.,]+) × (€\s[\d.,]+) ÷ ([\d.,]+) = /.exec(text);
  assert.ok(m, text);
  const amount = Number(String(i.amount).replace(".", ""));
  assert.ok(withinCent(dutch(m[1]), dutch(m[2]), dutch(m[3]), amount), m[0]);
  await page.screenshot({ path: `${OUT}insurer-statement-estimate-print.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("at 390 px an open statement reads without sideways scrolling of the page", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: { width: 390, height: 844 } });
  const r = await report(page);
  for (const key of [r.insurers[1].id, `gm:${r.municipalities[0].id}`]) {
    await page.click(`.statement[data-insurer="${key}"] > summary`);
    await page.waitForSelector(`.statement[data-insurer="${key}"] .statement-head`);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(wide, false);
  await page.locator(`.statement[data-insurer="${r.insurers[1].id}"]`).screenshot({
    path: `${OUT}insurer-statement-390.png`,
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a statement from an uploaded file names the file, its date and its row count", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  await page.check("#source-file");
  const csv = "postcode;verzekeraar;verzekerden\n8011;VGZ;3000\n8011;CZ;1000\n8012;VGZ;500\n";
  await page.setInputFiles("#f-market-file", {
    name: "vektis-2026.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.allocation.market.rows === 3,
  );
  const r = await report(page);
  const sel = await printOne(page, r.insurers[0].id);
  const { text } = await printedState(page, sel);
  assert.match(
    text,
    /bestand vektis-2026\.csv \(bestandsdatum \d{1,2} \p{L}+ \d{4}\); 3 rijen, 2 verzekeraars, 2 postcodes/u,
  );
  assert.match(text, /Peildatum\s+niet in het bestand vermeld/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("with each line's own area as verdeelsleutel every printed area part recomputes from its printed basis", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  await page.evaluate(() => {
    const c = document.querySelector("resv-calculator");
    c.scenario = { ...c.scenario, pooling: "lineAreas" };
  });
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.allocation.pooling === "lineAreas",
  );
  const r = await report(page);
  const i = r.insurers.find((x) => !x.marketLeader);
  assert.ok(i.statement.pools.length > 1);
  const sel = await printOne(page, i.id);
  const { text, clipped } = await printedState(page, sel);
  assert.deepEqual(clipped, []);
  assert.match(text, /De verdeelsleutel is per eigen gebied/);
  const rows = await rowsOf(page, `#st-pools-${i.id}`);
  assert.equal(rows.length, i.statement.pools.length);
  for (const row of rows)
    assert.ok(withinCent(dutch(row[1]), dutch(row[3]), dutch(row[2]), cents(row[4])), row.join(" | "));
  assert.equal(
    rows.reduce((a, row) => a + cents(row[4]), 0),
    cents(await page.textContent(`#st-pools-${i.id} tfoot td:last-child`)),
  );
  assert.equal(
    cents(await page.textContent(`#st-pools-${i.id} tfoot td:last-child`)),
    Number(i.amount.replace(".", "")),
  );
  await page.screenshot({ path: `${OUT}insurer-statement-lineareas-print.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a statement printed while the input has an error says on paper that it is the last valid result", async () => {
  const { page, context, problems } = await openCalculator("", { viewport: A4 });
  const follower = (await report(page)).insurers.find((i) => !i.marketLeader);
  await page.fill("#f-lumpSum", "1.250.00");
  await page.waitForSelector(".stale-note");
  const sel = await printOne(page, follower.id);
  const shown = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    return [...root.querySelectorAll(".stale-note")]
      .filter((e) => e.checkVisibility())
      .map((e) => e.innerText);
  });
  assert.equal(shown.length, 1);
  assert.match(shown[0], /laatste geldige invoer/);
  assert.equal((await printedState(page, sel)).statements, 1);
  assert.deepEqual(problems, []);
  await context.close();
});
