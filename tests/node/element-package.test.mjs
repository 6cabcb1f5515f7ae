// The element ships inside the package: every module it loads is there, relative to its own
// URL, and package.json names it (so `import "resv-calc/resv-calculator.js"` works).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";

const pkg = new URL("../../pkg/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8"));

test("the package carries the element and every module it imports", () => {
  assert.deepEqual(manifest.exports["./resv-calculator.js"], {
    types: "./resv-calculator.d.ts",
    default: "./resv-calculator.js",
  });
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    assert.ok(existsSync(new URL(file, pkg)), `${file} is in pkg/`);
    assert.ok(manifest.files.includes(file), `${file} is in package.json files`);
    const text = readFileSync(new URL(file, pkg), "utf8");
    for (const m of text.matchAll(
      /(?:import\s[^"']*?from\s*|import\(\s*|new URL\(\s*)["'](?:\.\/)?([\w-]+\.(?:js|wasm))["']/g,
    ))
      visit(m[1]);
  };
  visit("resv-calculator.js");
  for (const f of [
    "engine.js",
    "engine-core.js",
    "engine-worker.js",
    "xlsx.js",
    "resv_calc.js",
    "resv_calc_bg.wasm",
  ])
    assert.ok(seen.has(f), `${f} is reached from the element`);
});
