// The page in real headless Chromium (Debian's, driven by playwright-core), as a user uses it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
let server, browser, base;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer(0);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page that records console errors and any request that leaves the server. */
async function open() {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => !r.url().startsWith(base) && problems.push(`request elsewhere: ${r.url()}`));
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  return { page, context, problems };
}

test("the page loads the Wasm core under a strict CSP and splits the sample amount in Dutch", async () => {
  const { page, context, problems } = await open();
  const rows = await page.$$eval("#result tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  // 1,250,000.00 over 41250/30300/18100/10350 (sum 100000) is exact: 515625, 378750, 226250, 129375.
  assert.deepEqual(rows, [
    ["Zilveren Kruis", "41250", "€\u00a0515.625,00"],
    ["VGZ", "30300", "€\u00a0378.750,00"],
    ["CZ", "18100", "€\u00a0226.250,00"],
    ["Menzis", "10350", "€\u00a0129.375,00"],
  ]);
  assert.equal(await page.textContent("#sum"), "€\u00a01.250.000,00");
  await page.screenshot({ path: `${SHOTS}page-nl.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("typing recalculates at once, errors show next to the field, and the work survives a reload", async () => {
  const { page, context, problems } = await open();
  await page.fill("#total", "100");
  await page.fill("#weights", "A;1\nB;1\nC;1");
  assert.deepEqual(await page.$$eval("#result tbody td.num", (tds) => tds.map((t) => t.textContent)),
    ["€\u00a033,34", "€\u00a033,33", "€\u00a033,33"]);
  await page.focus("#total");
  await page.keyboard.press("End");
  await page.keyboard.type(",5");
  assert.match(await page.textContent("#total-error"), /komma/);
  assert.equal(await page.getAttribute("#total", "aria-invalid"), "true");
  assert.equal(await page.isVisible("#stale"), true, "the old split is marked as stale");
  await page.fill("#weights", "A;1\nA;-2");
  assert.match(await page.textContent("#weights-error"), /regel 2: id "A" komt al voor/);
  await page.screenshot({ path: `${SHOTS}page-errors.png`, fullPage: true });
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#total"), "100,5");
  assert.equal(await page.inputValue("#weights"), "A;1\nA;-2");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the English switch changes labels and number formatting", async () => {
  const { page, context, problems } = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.click("#lang");
  assert.equal(await page.textContent("h2"), "Split");
  assert.equal(await page.textContent("#sum"), "€1,250,000.00");
  await page.screenshot({ path: `${SHOTS}page-en.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
