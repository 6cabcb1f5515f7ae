// The embeddable <resv-calculator> element in real Chromium, under the server's strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHOTS, useBrowser, openPage } from "./browser.mjs";

useBrowser();

test("the element calculates the sample and a src scenario, fires events, switches language", async () => {
  const { page, context, problems } = await openPage("element.html");
  await page.waitForFunction(() => document.getElementById("sample").report && document.getElementById("from-src").report);
  const cells = (id, sel) => page.evaluate(([id, sel]) => [...document.getElementById(id).shadowRoot.querySelectorAll(sel)].map((c) => c.textContent), [id, sel]);
  assert.equal((await cells("sample", "table:first-of-type tbody tr")).length, 10);
  assert.deepEqual(await cells("sample", "table:first-of-type tfoot td.num"), ["€\u00a0810.500,00"]);
  // src scenario in English: 100,000.00 over Achmea 4,000 / VGZ 3,500 / CZ 2,000 (README).
  assert.deepEqual((await cells("from-src", "tbody td.num")).filter((_, i) => i % 2 === 1), ["€42,105.26", "€36,842.11", "€21,052.63"]);
  // .scenario set → resv-report (bubbles, composed) with the Report as detail.
  const detail = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener("resv-report", (e) => resolve({ zvw: e.detail.totals.zvw, same: e.detail === e.target.report }), { once: true });
    const el = document.getElementById("from-src");
    el.scenario = { ...el.scenario, lumpSum: "200000.00" };
  }));
  assert.deepEqual(detail, { zvw: "200000.00", same: true });
  // An invalid scenario → resv-error with every issue, shown next to the result, nothing lost.
  const error = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener("resv-error", (e) => resolve(e.detail), { once: true });
    const el = document.getElementById("from-src");
    el.scenario = { ...el.scenario, lumpSum: "1.000,00", workArea: ["1019-1011"] };
  }));
  assert.equal(error.code, "invalid_input");
  assert.deepEqual(error.issues.map((i) => i.code), ["number_has_comma", "reversed_range"]);
  assert.match((await cells("from-src", ".errors li")).join(" "), /lumpSum: contains a comma/);
  // Names from data are text.
  await page.evaluate(() => {
    const el = document.getElementById("from-src");
    el.scenario = { lumpSum: "10.00", allocateBy: "insurer", market: [{ postcode: "1011", insurer: "<img src=x onerror=alert(1)>", insured: 1 }] };
  });
  assert.deepEqual(await cells("from-src", "tbody th"), ["<img src=x onerror=alert(1)>"]);
  assert.equal(await page.evaluate(() => document.getElementById("from-src").shadowRoot.querySelector("img")), null);
  await page.evaluate(() => document.getElementById("sample").setAttribute("lang", "en"));
  assert.deepEqual(await cells("sample", "table:first-of-type tfoot td.num"), ["€810,500.00"]);
  await page.screenshot({ path: `${SHOTS}element.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
