// The page in real headless Chromium (Debian's, driven by playwright-core), as a user uses it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHOTS, useBrowser, openPage } from "./browser.mjs";

useBrowser();

/** The calculator page, ready. */
async function open() {
  const opened = await openPage();
  await opened.page.waitForSelector("body[data-ready=true]");
  return opened;
}

const rowsOf = (page) => page.$$eval("#result tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));

test("the page shows the sample region's split by insurer in Dutch, under a strict CSP", async () => {
  const { page, context, problems } = await open();
  const rows = await rowsOf(page);
  assert.equal(rows.length, 10);
  // The sample: 203,095 residents of 42 PC4 areas (Bron: CBS), € 750.000,00 by concern.
  assert.deepEqual(rows[0].slice(0, 3).concat(rows[0][4]), ["Achmea", "59.843", "29,47%", "★ marktleider"]);
  assert.deepEqual(rows[1].slice(0, 3).concat(rows[1][4]), ["VGZ", "48.642", "23,95%", "volger"]);
  // The sample budget's Zvw total, by hand (see tests/core/scenario.rs): € 810.500,00.
  assert.equal(await page.textContent("#sum"), "€\u00a0810.500,00");
  const cents = rows.reduce((a, r) => a + Number(r[3].replace(/[^0-9]/g, "")), 0);
  assert.equal(cents, 81050000, "the insurers' amounts add up to the total");
  assert.equal((await page.$$("#lines tbody tr")).length, 9);
  assert.equal((await page.$$("#tasks tbody tr")).length, 5);
  // The € 32.000,00 municipal part over residents (CBS): Zwolle 133,810, Kampen 56,540, Hattem
  // 12,745 of 203,095: cents 2,108,334.48 / 890,854.03 / 200,812.43, floors add up exactly.
  assert.deepEqual(await page.$$eval("#municipalities tbody tr", (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[3].textContent])),
    [["Zwolle (mandaatgemeente)", "€\u00a021.083,34"], ["Kampen", "€\u00a08.908,54"], ["Hattem", "€\u00a02.008,12"]]);
  assert.match(await page.textContent("#lines"), /voorwaardelijk \(wacht op gemeente\)/);
  // Onderlinge dienstverlening, the flows and the MDZ framework.
  assert.equal((await page.$$("#subcontracts tbody tr")).length, 5);
  assert.equal((await page.$$("figure svg path.link")).length, 19, "10 insurers + 3 municipalities in, 5 contractors + kept out");
  assert.match(await page.getAttribute("figure svg", "aria-label"), /Achmea → RESV Zwolle, Kampen en Hattem/);
  // Fair share 70,000,000 × 203,095 / 18,044,025 = 787,886.85; per capita 810,500 / 203,095 = 3.99.
  const mdz = await page.textContent("#mdz");
  assert.match(mdz, /€\u00a0787\.886,85/);
  assert.match(mdz, /€\u00a03,99 per verzekerde; landelijk doorgetrokken €\u00a072\.009\.070,94 tegenover een kader van €\u00a070\.000\.000,00/);
  assert.equal(await page.textContent("#sum-insured"), "203.095");
  assert.match(await page.textContent("footer"), /Bron: CBS/);
  assert.match(await page.textContent("#warnings"), /illustratieve verzekerdenaantallen/);
  await page.click("#statements details:nth-child(2) summary");
  assert.match(await page.textContent("#statements details:nth-child(2)"), /Aandeel: 0,2395036805 \(10 decimalen\)\.[\s\S]*volger van Achmea/);
  await page.screenshot({ path: `${SHOTS}page-nl.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("typing recalculates at once, errors show next to their field, and the work survives a reload", async () => {
  const { page, context, problems } = await open();
  await page.uncheck("#useBudget");
  await page.fill("#lumpSum", "100");
  await page.fill("#workArea", "8011");
  const rows = await rowsOf(page);
  const cents = rows.reduce((a, r) => a + Number(r[3].replace(/[^0-9]/g, "")), 0);
  assert.equal(cents, 10000, "the parts add up to € 100,00");
  await page.focus("#lumpSum");
  await page.keyboard.press("End");
  await page.keyboard.type(",5");
  assert.match(await page.textContent("#lumpSum-error"), /komma/);
  assert.equal(await page.getAttribute("#lumpSum", "aria-invalid"), "true");
  assert.equal(await page.isVisible("#stale"), true, "the old split is marked as stale");
  await page.fill("#workArea", "8011, 8045-8011");
  assert.match(await page.textContent("#workArea-error"), /8045-8011: het bereik loopt achteruit/);
  await page.selectOption("#rounding", "leaderAbsorbs");
  await page.screenshot({ path: `${SHOTS}page-errors.png`, fullPage: true });
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#lumpSum"), "100,5");
  assert.equal(await page.inputValue("#workArea"), "8011, 8045-8011");
  assert.equal(await page.inputValue("#rounding"), "leaderAbsorbs");
  assert.equal(await page.isChecked("#useBudget"), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an uploaded Dutch Excel CSV is used, and a bad one is reported by line", async () => {
  const { page, context, problems } = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.uncheck("#useBudget");
  await page.fill("#workArea", "1011-1012");
  await page.fill("#lumpSum", "100000.00");
  // Windows-1252 (é = 0xE9), `;`, CRLF, thousands separators; a name that is markup.
  const csv = "Postcode;Verzekeraar;Verzekerden\r\n1011;Zilveren Kruis;3.000\r\n1011;FBTO;1.000\r\n1011;CZ;2.000\r\n1012AB;VGZ;2.500\r\n1012 cd;Univ\xe9;1.000\r\n1011;<img src=x onerror=alert(1)>;0\r\n";
  await page.setInputFiles("#csv", { name: "verzekerden.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
  await page.waitForFunction(() => document.getElementById("market-info").textContent.startsWith("verzekerden.csv"));
  await page.selectOption("#allocateBy", "insurer");
  const rows = await rowsOf(page);
  assert.deepEqual(rows.map((r) => [r[0], r[3]]), [
    ["Zilveren Kruis", "€\u00a031.578,95"], ["VGZ", "€\u00a026.315,79"], ["CZ", "€\u00a021.052,63"],
    ["FBTO", "€\u00a010.526,32"], ["Univé", "€\u00a010.526,31"],
  ]);
  assert.match(await page.textContent("#market-info"), /verzekerden\.csv: 6 rijen/);
  await page.selectOption("#allocateBy", "");
  assert.match(await page.textContent("#warnings"), /concern onbekend: <img src=x onerror=alert\(1\)>/);
  assert.equal(await page.$("#warnings img"), null, "names are text, never markup");
  await page.screenshot({ path: `${SHOTS}page-upload.png`, fullPage: true });
  await page.setInputFiles("#csv", { name: "fout.csv", mimeType: "text/csv", buffer: Buffer.from("postcode;verzekeraar;verzekerden\n1011;CZ;12,5\n101;CZ;1\n") });
  await page.waitForFunction(() => !document.getElementById("market-error").hidden);
  assert.match(await page.textContent("#market-error"), /regel 2 \(verzekerden\): een aantal moet een geheel getal zijn[\s\S]*regel 3 \(postcode\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the English switch changes labels and number formatting", async () => {
  const { page, context, problems } = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.click("#lang");
  assert.equal(await page.textContent("#result-title"), "Split over the health insurers");
  assert.equal(await page.textContent("#sum"), "€810,500.00");
  assert.equal((await rowsOf(page))[0][4], "★ market leader");
  await page.screenshot({ path: `${SHOTS}page-en.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the estimate from national market shares needs no insurer data", async () => {
  const { page, context, problems } = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.uncheck("#useBudget");
  await page.check("input[name=source][value=estimate]");
  await page.fill("#lumpSum", "99900.00");
  assert.deepEqual((await rowsOf(page))[0].slice(0, 4), ["Achmea", "59.506,835", "29,33%", "€\u00a029.300,00"]);
  assert.match(await page.textContent("#summary"), /geschat/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a corrupt or hostile autosave is ignored: the page recovers and keeps working", async () => {
  for (const saved of ["{not json", "null", "42", JSON.stringify({ lumpSum: 5, workArea: null, csv: 123, source: "<img src=x>", lang: { x: 1 }, useBudget: "yes" }),
    JSON.stringify({ csv: "postcode;verzekeraar;verzekerden\n1011;<script>alert(1)</script>;5\n", source: "upload", workArea: "1011", lumpSum: "10.00", useBudget: false })]) {
    const { page, context, problems } = await open();
    await page.evaluate((v) => localStorage.setItem("resv-calc:verdeelsleutel:v1", v), saved);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await page.$("script:not([src])"), null, "no injected script element");
    await page.fill("#lumpSum", "123.45");
    assert.match(await page.textContent("#sum"), /123,45|810\.500,00/);
    assert.deepEqual(problems, [], saved);
    await context.close();
  }
});
