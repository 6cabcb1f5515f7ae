// Runs every ```js block of README.md against the built package, so the examples stay true.
import { test } from "node:test";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const pkgUrl = new URL("../../pkg/", import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), "resv-readme-"));

test("README has runnable examples", (t) => {
  if (blocks.length === 0) throw new Error("no ```js blocks in README.md");
});
blocks.forEach((code, i) => {
  test(`README example ${i + 1} runs`, async () => {
    // The examples import the package by name; point that at the freshly built pkg/.
    const source = code
      .replaceAll('"resv-calc/resv_calc_bg.wasm"', `"${pkgUrl}resv_calc_bg.wasm"`)
      .replaceAll('"resv-calc"', `"${pkgUrl}resv_calc.js"`);
    const file = join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, source);
    await import(file);
  });
});
