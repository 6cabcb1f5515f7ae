// Issue 17: the package and the element bundled by Vite, webpack, esbuild and Rollup exactly as
// the README's recipes say (tests/bundlers/build.mjs), each build served as it is under the strict
// CSP and loaded in Chromium: the core and the element calculate the sample region, a workbook is
// read in its worker and a 4 MB CSV in the engine's worker (so every file the bundle needs is
// there), with no failed request and no console error.
import { test } from "node:test";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import assert from "node:assert/strict";
import { SHOTS, useBrowser } from "./browser.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { build, BUNDLERS } from "../bundlers/build.mjs";
import { workbook } from "./xlsx-fixture.mjs";

const env = useBrowser();

// Over 4 MB (engine.js WORKER_BYTES), so it is parsed in the engine's worker; all in the sample region.
const BIG = (() => {
  const lines = ["postcode;verzekeraar;verzekerden"];
  for (let i = 0; lines.length < 260_000; i++)
    lines.push(`${8011 + (i % 40)};Verzekeraar ${i % 997};${1 + (i % 50)}`);
  return Buffer.from(`${lines.join("\n")}\n`);
})();

for (const name of Object.keys(BUNDLERS)) {
  test(`${name}: the bundled core and element calculate the sample, read a workbook and a 4 MB file in their workers`, async () => {
    const t0 = Date.now();
    const { dist, ms } = await build(name);
    const server = await startServer(0, "127.0.0.1", dist);
    const base = `http://127.0.0.1:${server.address().port}/`;
    const context = await env.browser.newContext({
      locale: "nl-NL",
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    const problems = [];
    const workers = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("worker", (w) => workers.push(w.url()));
    context.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
    context.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
    context.on("request", (r) => !r.url().startsWith(base) && problems.push(`request elsewhere: ${r.url()}`));
    try {
      await page.goto(base);
      // The core, imported by name: the sample region's Zvw total.
      await page.waitForFunction(() => document.getElementById("core").value !== "");
      assert.equal(await page.evaluate(() => document.getElementById("core").value), "810500.00");
      // The element: the sample region's split over its insurers.
      await page.waitForFunction(() => document.querySelector("resv-calculator")?.report);
      assert.equal(await page.textContent("#insurers tfoot td:nth-child(4)"), "€\u00a0810.500,00");
      // A workbook, read in a worker of its own.
      await page.setInputFiles("#f-market-file", {
        name: "klein.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: workbook([
          ["postcode", "verzekeraar", "verzekerden"],
          [8011, "CZ", 2000],
          [8012, "VGZ", 1000],
        ]),
      });
      await page.waitForFunction(
        () => document.querySelector("resv-calculator").scenario.market?.name === "klein.xlsx",
      );
      // A 4 MB CSV, parsed (with the Wasm core) in the engine's worker.
      await page.setInputFiles("#f-market-file", { name: "groot.csv", mimeType: "text/csv", buffer: BIG });
      await page.waitForFunction(
        () => document.querySelector("resv-calculator").scenario.market?.name === "groot.csv",
        null,
        { timeout: 30_000 },
      );
      const market = await page.evaluate(() => {
        const { rowCount, ref } = document.querySelector("resv-calculator").scenario.market;
        return { rowCount, ref };
      });
      assert.equal(market.rowCount, 40 * 997);
      assert.ok(String(market.ref).startsWith("w"), `parsed in the worker: ${market.ref}`);
      // (The XLSX worker ends as soon as it answers, before it is always reported.)
      assert.ok(workers.length >= 1, "a worker started");
      await page.screenshot({ path: `${SHOTS}bundler-${name}.png` });
      assert.deepEqual(problems, []);
      console.log(`# ${name}: built in ${ms} ms, checked in ${Date.now() - t0} ms`);
    } finally {
      await context.close();
      server.close();
      rmSync(dirname(dist), { recursive: true, force: true });
    }
  });
}
