// The shared vectors: the Wasm package must give byte for byte the JSON the native core gives
// (tests/core/vectors.rs writes and checks the same file).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import pkg from "./load.mjs";

const vectors = JSON.parse(readFileSync(new URL("../vectors/vectors.json", import.meta.url), "utf8"));

function run(v) {
  try {
    const scenario = v.sample ? pkg.sampleScenario() : structuredClone(v.scenario);
    const csv = v.sample ? pkg.sampleMarketCsv() : v.marketCsv;
    if (v.sample) delete scenario.market;
    if (csv !== undefined) scenario.market = pkg.parseMarketCsv(csv);
    return JSON.stringify(pkg.calculate(scenario));
  } catch (e) {
    if (e?.code !== "invalid_input") throw e;
    return JSON.stringify({ error: e.issues });
  }
}

for (const v of vectors) {
  test(`Wasm equals native: ${v.name}`, () => {
    assert.equal(run(v), v.expected);
    assert.equal(run(v), v.expected, "and again: no state carried between calls");
  });
}
