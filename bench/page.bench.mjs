// The page in headless Chromium: how soon it is interactive, how long an edit takes to show,
// and whether importing the national PC6 table freezes it. Budgets: interactive within 1 s,
// a recalculation rendered within one frame (16 ms), no main-thread stall while importing.
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../scripts/serve.mjs";
import { nationalCsv } from "./national.mjs";

const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;

// 1. Cold load to the first result on screen (fresh context: no cache, no autosave).
const loads = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector("body[data-ready=true]");
  loads.push(Number(await page.getAttribute("body", "data-ready-ms")));
  await context.close();
}
console.log(
  `page: interactive (first result shown) median ${ms(median(loads))}, max ${ms(Math.max(...loads))}; budget 1000 ms → ${(1000 / median(loads)).toFixed(1)}x inside`,
);

// 2. Edits on the sample: from the input event to the rendered result (the element's timings).
const context = await browser.newContext({ locale: "nl-NL" });
const page = await context.newPage();
await page.goto(base);
await page.waitForSelector("body[data-ready=true]");
const totals = [],
  calcs = [],
  renders = [];
for (let i = 0; i < 60; i++) {
  const before = await page.evaluate(() =>
    Number(document.querySelector("resv-calculator").dataset.recalculated),
  );
  await page.fill("#f-lumpSum", String(800000 + i * 1000));
  await page.waitForFunction(
    (b) => Number(document.querySelector("resv-calculator").dataset.recalculated) > b,
    before,
  );
  const t = await page.evaluate(() => document.querySelector("resv-calculator").timings);
  if (i >= 10) {
    totals.push(t.total);
    calcs.push(t.calculate);
    renders.push(t.render);
  } // after warm-up
}
console.log(
  `page: edit → rendered result median ${ms(median(totals))}, p95 ${ms(p95(totals))} (calculate on the main thread ${ms(median(calcs))}, render ${ms(median(renders))}); budget 16 ms → ${(16 / median(totals)).toFixed(1)}x inside`,
);

// 3. The national PC6 table imported through the file input, while the main thread is watched.
const { bytes, rows } = nationalCsv("pc6");
const dir = mkdtempSync(join(tmpdir(), "resv-bench-"));
const file = join(dir, "nationaal-pc6.csv");
writeFileSync(file, bytes);
await page.check("#source-file");
await page.evaluate(() => {
  window.__watch = { gaps: [], long: 0, last: performance.now(), on: true };
  const tick = (now) => {
    const w = window.__watch;
    w.gaps.push(now - w.last);
    w.last = now;
    if (w.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__watch.long = Math.max(window.__watch.long, e.duration);
      (window.__watch.longs ??= []).push([Math.round(e.startTime), Math.round(e.duration)]);
    }
  }).observe({ type: "longtask", buffered: false });
});
const started = Date.now();
await page.setInputFiles("#f-market-file", file);
await page.waitForFunction(
  () =>
    /nationaal-pc6\.csv: [0-9.]+ rijen/.test(
      document.querySelector("resv-calculator").shadowRoot.getElementById("market-status").textContent,
    ),
  null,
  { timeout: 120_000 },
);
const took = Date.now() - started;
const watch = await page.evaluate(() => {
  window.__watch.on = false;
  const g = window.__watch.gaps.slice(1);
  const marks = Object.fromEntries(
    performance
      .getEntriesByType("mark")
      .filter((m) => m.name.startsWith("resv:"))
      .map((m) => [m.name, Math.round(m.startTime)]),
  );
  return {
    maxGap: Math.max(...g),
    frames: g.length,
    long: window.__watch.long,
    marks,
    longs: window.__watch.longs,
  };
});
if (process.env.VERBOSE) console.log(JSON.stringify(watch));
const status = await page.textContent("#market-status");
console.log(
  `page: national PC6 import (${(bytes.length / 1e6).toFixed(1)} MB, ${rows.toLocaleString("en")} rows) ${took} ms incl. the file transfer; status "${status.trim()}"`,
);
console.log(
  `page: main thread during the import: longest frame gap ${ms(watch.maxGap)}, longest task ${ms(watch.long)}, ${watch.frames} frames drawn (the parse runs in the worker)`,
);
// 4. Edits with the national table: the calculation runs in the worker, on 2,986,954 rows.
const national = [];
for (let i = 0; i < 20; i++) {
  const before = await page.evaluate(() =>
    Number(document.querySelector("resv-calculator").dataset.recalculated),
  );
  await page.fill("#f-lumpSum", String(900000 + i * 1000));
  await page.waitForFunction(
    (b) => Number(document.querySelector("resv-calculator").dataset.recalculated) > b,
    before,
  );
  if (i >= 5)
    national.push((await page.evaluate(() => document.querySelector("resv-calculator").timings)).total);
}
console.log(
  `page: edit → rendered result on the national table (in the worker) median ${ms(median(national))}, p95 ${ms(p95(national))}`,
);
rmSync(dir, { recursive: true });
await browser.close();
server.close();
