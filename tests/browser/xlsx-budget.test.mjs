// Issue 18: an XLSX workbook of any size is read in a worker of its own with a time budget, so
// a hostile or huge workbook never holds the page, and one that takes too long is refused with a
// message in both languages (www/element/engine.js). Under the server's strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHOTS, useBrowser, openCalculator, untilText } from "./browser.mjs";
import { workbook } from "./xlsx-fixture.mjs";
import { kinds, sharedStream } from "../node/xlsx-hostile.mjs";

useBrowser();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Starts recording the longest gap between 10 ms timer ticks on the page's main thread. */
const watchStalls = (page) =>
  page.evaluate(() => {
    let last = performance.now();
    window.__longest = 0;
    window.__ticker = setInterval(() => {
      const now = performance.now();
      window.__longest = Math.max(window.__longest, now - last);
      last = now;
    }, 10);
  });
const longestStall = (page) =>
  page.evaluate(() => {
    clearInterval(window.__ticker);
    return Math.round(window.__longest);
  });

test("hostile workbooks are read in a worker of their own: the page never stalls, each is refused in both languages", async () => {
  const { page, context, problems } = await openCalculator();
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await watchStalls(page);
  const files = [
    // Entries sharing one deflate stream: 4 × 150 MiB inflated from 150 KB.
    ["bom.xlsx", sharedStream(150)],
    // Tags never closed, which made the old backtracking scanner quadratic.
    ["rijen.xlsx", kinds["rows never closed"](200_000)],
    ["waarden.xlsx", kinds["values never closed"](200_000)],
    ["strings.xlsx", kinds["shared strings never closed"](200_000)],
  ];
  for (const [name, buffer] of files) {
    const t0 = Date.now();
    await page.setInputFiles("#f-market-file", { name, mimeType: XLSX, buffer: Buffer.from(buffer) });
    await untilText(page, "market-status", new RegExp(`^${name.replace(".", "\\.")}: `));
    await untilText(page, "f-market-error", /\S/);
    const ms = Date.now() - t0;
    assert.ok(ms < 15_000, `${name}: ${ms} ms`);
    // The page answers at once while (and after) the worker reads.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
  }
  // Deterministic: the reader (xlsx.js) never loaded on the page's own thread, only in workers.
  assert.deepEqual(
    await page.evaluate(
      () => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/xlsx.js")).length,
    ),
    0,
  );
  // And by the clock (generous for a busy 2-core machine; on the main thread the bomb alone took seconds).
  const stall = await longestStall(page);
  assert.ok(stall < 1_500, `the main thread stalled ${stall} ms`);
  assert.ok(
    workers.filter((u) => u.endsWith("/engine-worker.js")).length >= files.length,
    `one worker per workbook: ${workers.join(", ")}`,
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test("a workbook that takes longer than its time budget is stopped and refused in Dutch and English; the next one reads", async () => {
  const { page, context, problems } = await openCalculator();
  const rows = [["postcode", "verzekeraar", "verzekerden"]];
  for (let i = 0; i < 40_000; i++)
    rows.push([1011 + (i % 5000), ["CZ", "VGZ", "Menzis"][i % 3], 1 + (i % 90)]);
  const big = workbook(rows);
  // The same module instance the element uses: shorten its budget to 150 ms.
  await page.evaluate(async () => {
    const { XLSX_BUDGET } = await import("/pkg/engine.js");
    Object.assign(XLSX_BUDGET, { baseMs: 150, perMbMs: 0 });
  });
  await watchStalls(page);
  await page.setInputFiles("#f-market-file", { name: "groot.xlsx", mimeType: XLSX, buffer: big });
  await untilText(page, "f-market-error", /langer dan 1 seconde en is gestopt/);
  assert.match(
    await page.textContent("#f-market-error"),
    /Het Excel-bestand lezen duurde langer dan 1 seconde en is gestopt; sla het blad op als CSV \(UTF-8\)/,
  );
  assert.ok((await longestStall(page)) < 1_500);
  await page.screenshot({ path: `${SHOTS}xlsx-too-slow.png` });
  // In English.
  await page.evaluate(() => document.querySelector("resv-calculator").setAttribute("lang", "en"));
  await untilText(page, "f-market-error", /took longer than 1 second and was stopped; save the sheet as CSV/);

  // With its normal budget the same workbook reads (in its worker), and so does a small one.
  await page.evaluate(async () => {
    const { XLSX_BUDGET } = await import("/pkg/engine.js");
    Object.assign(XLSX_BUDGET, { baseMs: 20_000, perMbMs: 2_000 });
  });
  await page.setInputFiles("#f-market-file", { name: "groot.xlsx", mimeType: XLSX, buffer: big });
  await untilText(page, "market-status", /^groot\.xlsx: \d/);
  const small = workbook([
    ["postcode", "verzekeraar", "verzekerden"],
    [1011, "Zilveren Kruis", 3000],
    [1011, "CZ", 2000],
  ]);
  await page.setInputFiles("#f-market-file", { name: "klein.xlsx", mimeType: XLSX, buffer: small });
  await untilText(page, "market-status", /^klein\.xlsx/);
  assert.doesNotMatch(await page.textContent("#f-market-error"), /langer dan|longer than/);
  assert.equal(
    await page.evaluate(() => document.querySelector("resv-calculator").scenario.market.rowCount),
    2,
  );
  assert.deepEqual(problems, []);
  await context.close();
});
