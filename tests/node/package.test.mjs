// The package as a consumer installs it: resolved by name through its exports map, in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const pkgDir = fileURLToPath(new URL("../../pkg/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "resv-consumer-"));
mkdirSync(join(dir, "node_modules"));
symlinkSync(pkgDir, join(dir, "node_modules", "resv-calc"), "dir");
writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');

/** Runs `code` as a module (or CommonJS) in the consumer project; returns its stdout. */
function run(code, type = "module") {
  const file = join(dir, type === "module" ? "main.mjs" : "main.cjs");
  writeFileSync(file, code);
  return execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" }).trim();
}

test("under Node the package initialises itself: no init call needed", () => {
  const out = run(`import { allocate } from "resv-calc";
console.log(JSON.stringify(allocate("1", [{ id: "a", weight: 1 }])));`);
  assert.equal(out, '[{"id":"a","amount":"1.00"}]');
});

test("require() of the package works (Node >= 20.19) and init() stays callable", () => {
  const out = run(
    `const { version, default: init } = require("resv-calc");
init().then(() => console.log(version()));`,
    "commonjs",
  );
  assert.match(out, /^\d+\.\d+\.\d+/);
});

test("a call before init() throws one clear Error naming init()", () => {
  const out =
    run(`import { allocate } from "./node_modules/resv-calc/resv_calc.js"; // the browser entry, as without the node condition
try { allocate("1", [{ id: "a", weight: 1 }]); } catch (e) { console.log(e.code + " | " + e.message); }`);
  assert.match(out, /^not_initialised \| resv-calc is not initialised: call `await init\(\)`/);
});

test("importing the element where there is no DOM (server-side rendering) does not throw", () => {
  const out = run(`const m = await import("resv-calc/resv-calculator.js");
m.ResvCalculator.define();
console.log(typeof m.ResvCalculator);`);
  assert.equal(out, "function");
});

test("the tarball carries the README, both licence texts and every type file", () => {
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: pkgDir, encoding: "utf8" }),
  );
  const files = packed.files.map((f) => f.path);
  for (const f of [
    "README.md",
    "LICENSE-MIT",
    "LICENSE-APACHE",
    "resv_calc.d.ts",
    "resv-calculator.d.ts",
    "resv_calc.node.js",
  ])
    assert.ok(files.includes(f), `${f} is packed`);
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  for (const key of ["repository", "homepage", "bugs", "engines", "license"])
    assert.ok(manifest[key], `${key} is set`);
  // One address in all three (and in both READMEs), so a move changes them together.
  const home = /^git\+(https:\/\/github\.com\/[^/]+\/[^/]+)\.git$/.exec(manifest.repository.url)?.[1];
  assert.ok(home, manifest.repository.url);
  assert.equal(manifest.homepage, `${home}#readme`);
  assert.equal(manifest.bugs.url, `${home}/issues`);
  assert.match(readFileSync(join(pkgDir, "README.md"), "utf8"), new RegExp(`<${home}#readme>`));
  assert.ok(readFileSync(new URL("../../README.md", import.meta.url), "utf8").includes(home.slice(8)));
});
