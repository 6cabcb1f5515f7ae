// The embeddable <resv-calculator> in real Chromium, under the server's strict CSP, as an
// insurer's procurement page embeds it (www/element.html: two elements, one themed by tokens).
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHOTS, useBrowser, openPage } from "./browser.mjs";

useBrowser();

test("the element calculates the sample and a src scenario, fires events, switches language", async () => {
  const { page, context, problems } = await openPage("element.html");
  await page.waitForFunction(
    () => document.getElementById("sample").report && document.getElementById("from-src").report,
  );
  const cells = (id, sel) =>
    page.evaluate(
      ([id, sel]) =>
        [...document.getElementById(id).shadowRoot.querySelectorAll(sel)].map((c) => c.textContent),
      [id, sel],
    );
  assert.equal((await cells("sample", "#insurers tbody tr")).length, 10);
  assert.deepEqual(await cells("sample", "#insurers tfoot td:nth-child(4)"), ["€\u00a0810.500,00"]);
  assert.equal(
    await page.evaluate(() =>
      document.getElementById("sample").shadowRoot.querySelector(".editor-col").checkVisibility(),
    ),
    false,
    "view=results shows the result only",
  );
  // src scenario in English: 100,000.00 over Achmea 4,000 / VGZ 3,500 / CZ 2,000 (README).
  assert.deepEqual(await cells("from-src", "#insurers tbody td:nth-child(4)"), [
    "€42,105.26",
    "€36,842.11",
    "€21,052.63",
  ]);
  // .scenario set → resv-report (bubbles, composed) with the Report as detail.
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener(
          "resv-report",
          (e) => resolve({ zvw: e.detail.totals.zvw, same: e.detail === e.target.report }),
          { once: true },
        );
        const el = document.getElementById("from-src");
        el.scenario = { ...el.scenario, lumpSum: "200000.00" };
      }),
  );
  assert.deepEqual(detail, { zvw: "200000.00", same: true });
  // An invalid scenario → resv-error with every issue, each shown next to its own field.
  const error = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener("resv-error", (e) => resolve(e.detail), { once: true });
        const el = document.getElementById("from-src");
        el.scenario = { ...el.scenario, lumpSum: "1.000,00", workArea: ["1019-1011"] };
      }),
  );
  assert.equal(error.code, "invalid_input");
  assert.deepEqual(
    error.issues.map((i) => i.code),
    ["number_has_comma", "reversed_range"],
  );
  assert.match((await cells("from-src", "#f-lumpSum-error")).join(" "), /comma/);
  assert.match((await cells("from-src", "#f-workArea-error")).join(" "), /1019-1011: /);
  // Names from data are text.
  await page.evaluate(() => {
    const el = document.getElementById("from-src");
    el.scenario = {
      lumpSum: "10.00",
      allocateBy: "insurer",
      market: [{ postcode: "1011", insurer: "<img src=x onerror=alert(1)>", insured: 1 }],
    };
  });
  await page.waitForFunction(() => document.getElementById("from-src").report?.totals.zvw === "10.00");
  assert.deepEqual(await cells("from-src", "#insurers tbody th"), ["<img src=x onerror=alert(1)>"]);
  assert.equal(
    await page.evaluate(() => document.getElementById("from-src").shadowRoot.querySelector("img")),
    null,
  );
  // A scenario of the wrong shapes: every issue reported, the editor stands, the next one works.
  const wrong = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.getElementById("from-src");
        el.addEventListener("resv-error", (e) => resolve(e.detail.issues.map((i) => i.path)), { once: true });
        el.scenario = {
          lumpSum: "1.00",
          market: [{ postcode: "1011", insurer: "CZ", insured: 1 }],
          budget: "x",
          municipalities: [null, 3],
          subcontracts: { a: 1 },
          hoofdaannemer: "kassier",
          mdz: 7,
          workArea: 8011,
        };
      }),
  );
  for (const path of ["municipalities[0]", "hoofdaannemer", "mdz", "workArea"])
    assert.ok(wrong.includes(path), `${path} in ${wrong}`);
  // The null municipality's issue sits in the editor, under that item (which opened).
  assert.match((await cells("from-src", "#f-municipalities-0-error:not([hidden])")).join(""), /\S/);
  assert.equal(
    await page.evaluate(
      () => document.getElementById("from-src").shadowRoot.getElementById("item-municipalities-0").open,
    ),
    true,
  );
  // A MarketTable parsed by the embedding page's own instance of the package works too.
  const zvw = await page.evaluate(async () => {
    const { default: init, parseMarketCsv } = await import("./pkg/resv_calc.js");
    await init();
    const el = document.getElementById("from-src");
    el.scenario = {
      lumpSum: "7.00",
      market: parseMarketCsv("postcode;verzekeraar;verzekerden\n1011;CZ;2\n1011;VGZ;5\n"),
    };
    await new Promise((r) => el.addEventListener("resv-report", r, { once: true }));
    return el.report.insurers.map((i) => [i.name, i.amount]);
  });
  assert.deepEqual(zvw, [
    ["VGZ", "5.00"],
    ["CZ", "2.00"],
  ]);
  await page.evaluate(() => document.getElementById("sample").setAttribute("lang", "en"));
  assert.deepEqual(await cells("sample", "#insurers tfoot td:nth-child(4)"), ["€810,500.00"]);
  // Theming goes through the tokens only: the page's --resv-color-accent reaches inside.
  assert.equal(
    await page.evaluate(
      () => getComputedStyle(document.getElementById("sample").shadowRoot.querySelector(".node.resv")).fill,
    ),
    "rgb(91, 42, 134)",
  );
  await page.screenshot({ path: `${SHOTS}element.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test("everything asked within one task runs once: one editor, one calculation, the newest scenario", async () => {
  const { page, context, problems } = await openPage("element.html");
  await page.waitForFunction(() => document.getElementById("from-src").report);
  // Each part waits 300 ms: a stale or second update would land by then.
  // Three scenarios set in one task: one calculation, of the last.
  const sets = await page.evaluate(async (wait) => {
    const el = document.getElementById("from-src");
    const before = Number(el.dataset.recalculated);
    const reports = [];
    el.addEventListener("resv-report", (e) => reports.push(e.detail.totals.zvw));
    const s = el.scenario;
    for (const lumpSum of ["1.00", "2.00", "3.00"]) el.scenario = { ...s, lumpSum };
    await new Promise((r) => setTimeout(r, wait));
    return { reports, renders: Number(el.dataset.recalculated) - before, shown: el.report.totals.zvw };
  }, 300);
  assert.deepEqual(sets, { reports: ["3.00"], renders: 1, shown: "3.00" });
  // Two structural edits in one task (two budget lines added): the editor is built once.
  const edits = await page.evaluate(async (wait) => {
    const el = document.getElementById("from-src");
    const root = el.shadowRoot;
    let forms = 0;
    new MutationObserver((records) => {
      for (const r of records) forms += [...r.addedNodes].filter((n) => n.nodeName === "FORM").length;
    }).observe(root, { childList: true, subtree: true });
    const before = Number(el.dataset.recalculated);
    const add = root.getElementById("budget-add");
    add.click();
    add.click();
    await new Promise((r) => setTimeout(r, wait));
    return { forms, lines: el.scenario.budget.length, renders: Number(el.dataset.recalculated) - before };
  }, 300);
  assert.deepEqual(edits, { forms: 1, lines: 2, renders: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});
