// Runs every ```js block of README.md against the built package, so the examples stay true.
import { test } from "node:test";
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, symlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
// The examples import the package by name, as a consumer does: through its exports map (so
// under Node its self-initialising "node" entry), from the freshly built pkg/.
const dir = mkdtempSync(join(tmpdir(), "resv-readme-"));
mkdirSync(join(dir, "node_modules"));
symlinkSync(
  fileURLToPath(new URL("../../pkg/", import.meta.url)),
  join(dir, "node_modules", "resv-calc"),
  "dir",
);

test("README has runnable examples", (t) => {
  if (blocks.length === 0) throw new Error("no ```js blocks in README.md");
});
blocks.forEach((code, i) => {
  test(`README example ${i + 1} runs`, async () => {
    const file = join(dir, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    await import(file);
  });
});
