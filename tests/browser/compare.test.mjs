// Issue 13, the comparison: named versions A and B, labels in the page's language, what the
// RESV keeps, one sign per difference, and a comparison that survives a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHOTS, useBrowser, openCalculator, rowsOf } from "./browser.mjs";

useBrowser();

test("the comparison names A and B apart, speaks the page's language, shows what the RESV keeps and survives a reload", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#compare-set");
  await page.fill("#f-lumpSum", "900000");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.totals.zvw === "900000.00",
  );
  await page.waitForSelector("#cmp-flows");
  const caption = await page.textContent(".compare-caption");
  const [a, b] = caption.split(" — ");
  assert.match(a, /^A: .*\(vastgezet \d\d:\d\d\)$/);
  assert.match(b, /^B: .*\(huidig\)$/);
  assert.notEqual(a.slice(3), b.slice(3));
  const flows = (await rowsOf(page, "#cmp-flows")).map((r) => r[0]);
  // Names, not ids; Dutch kinds; never the core's English "(municipal)".
  assert.ok(
    flows.some((f) => /^Zwolle → .* \(gemeente\)$/.test(f)),
    flows.join(" | "),
  );
  assert.ok(
    flows.every((f) => !/\((municipal|zvw|subcontract)\)|GM\d{4}/.test(f)),
    flows.join(" | "),
  );
  const kept = (await rowsOf(page, "#cmp-flows")).find((r) => r[0] === "RESV behoudt");
  assert.ok(kept, "the kept amount is a row");
  assert.match(kept[3], /^(▲ \+|▼ −)?€\u00a0[\d.]+,\d\d$/);
  await page.screenshot({ path: `${SHOTS}compare-named.png`, fullPage: true });
  // A reload keeps the comparison.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForSelector("#cmp-flows");
  assert.match(await page.textContent(".compare-caption"), /vastgezet/);
  assert.deepEqual(problems, []);
  await context.close();
});
