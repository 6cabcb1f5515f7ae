// The two ways an argument enters Wasm read the same values (issue 19): plain data goes as one
// JSON text (src/wasm/plain.js, src/input/json.rs); anything else is walked value by value
// from Rust (src/wasm/decode.rs). An inherited toJSON sends an argument down the walker while
// its own fields (all that either way reads) stay the same, so each pair below must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import pkg from "./load.mjs";
import { plainJson } from "../../src/wasm/plain.js";

// The decoder's bounds, as src/wasm/decode.rs passes them.
const fastText = (v) => plainJson(v, 32, 100_000, 600_000, 1_000_000, 64 * 1024 * 1024);

const walked = (value) => {
  if (Array.isArray(value)) {
    const copy = [...value];
    Object.defineProperty(copy, "toJSON", { value: () => null, enumerable: false });
    return copy;
  }
  return Object.assign(Object.create({ toJSON: () => null }), value);
};

const outcome = (fn) => {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: e.message, issues: e.issues };
  }
};

test("the sample scenario reads the same both ways, to the cent", () => {
  const sample = pkg.sampleScenario();
  // The pair really takes the two ways.
  assert.equal(typeof fastText(sample), "string");
  assert.equal(fastText(walked(sample)), undefined);
  assert.deepEqual(pkg.calculate(walked(sample)), pkg.calculate(sample));
});

test("numbers, strings and lone surrogates read the same both ways", () => {
  const weights = [
    { id: "a\ud800b", weight: 1e21 },
    { id: '\u{1F600}é\u0000\n"\\', weight: 5e-324 },
    { id: "c", weight: 0.1 + 0.2 },
    { id: "d", weight: -0 },
    { id: "e", weight: "12,5" },
    { id: "f", weight: 1250000 },
  ];
  for (const total of ["100.00", 100, "1.250.000,00", 0.1]) {
    const fast = outcome(() => pkg.allocate(total, weights));
    const slow = outcome(() => pkg.allocate(total, walked(weights)));
    assert.deepEqual(slow, fast, `total ${total}`);
  }
});

test("invalid input gives the same issues both ways", () => {
  const bad = {
    lumpSum: "veel",
    year: 1999,
    budget: [{ id: "x", amount: "1.000,00", zvw: "abc", extra: [1, { y: null }] }],
    market: [{ postcode: "801", insurer: "VGZ", insured: -3 }, null, [], "x"],
    workArea: ["8011-8000", 42],
  };
  const fast = outcome(() => pkg.calculate(bad));
  const slow = outcome(() => pkg.calculate(walked(bad)));
  assert.ok(fast.error, "the scenario is refused");
  assert.deepEqual(slow, fast);
});

test("the fast way stops at the decoder's bounds, where the walker takes over", () => {
  const nest = (n) => {
    let v = 1;
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  assert.equal(typeof fastText(nest(31)), "string");
  assert.equal(fastText(nest(32)), undefined);
  assert.equal(typeof fastText(new Array(100_000).fill(0)), "string");
  assert.equal(fastText(new Array(100_001).fill(0)), undefined);
  assert.equal(fastText(["x".repeat(1_000_001)]), undefined);
  const thrower = {
    get a() {
      throw new Error("no");
    },
  };
  assert.equal(fastText(thrower), undefined);
  assert.equal(fastText({ a: undefined }), undefined);
  assert.equal(fastText([undefined]), "[null]");
});

test("what the fast way refuses is read by the walker and reported as before", () => {
  // undefined as a field (JSON.stringify would drop it), NaN, a function, a Map, a Date: each
  // goes down the walker, which reads it (and the core reports it) exactly as it always did.
  const weights = (w) => [
    { id: "a", weight: 1 },
    { id: "b", weight: w },
  ];
  for (const w of [Number.NaN, Infinity, () => 1, new Map(), new Date(0), 10n]) {
    assert.equal(fastText(weights(w)), undefined, String(w));
    const got = outcome(() => pkg.allocate("100.00", weights(w)));
    const walkedToo = outcome(() => pkg.allocate("100.00", walked(weights(w))));
    assert.deepEqual(got, walkedToo, String(w));
  }
  const unknown = outcome(() => pkg.calculate({ ...pkg.sampleScenario(), zzz: undefined }));
  assert.equal(unknown.issues?.[0]?.code, "unknown_option");
  assert.equal(unknown.issues?.[0]?.path, "zzz");
});

test("a scenario whose market is a MarketTable takes the fast way, and its toJSON never runs", () => {
  const table = pkg.parseMarketCsv(pkg.sampleMarketCsv());
  const { market, ...rest } = pkg.sampleScenario();
  assert.ok(Array.isArray(market));
  const scenario = { ...rest, market: table };
  const text = fastText(scenario);
  assert.equal(typeof text, "string");
  assert.match(text, /"market":\{"__wbg_ptr":\d+\}/);
  const slow = { ...scenario, budget: walked(scenario.budget) };
  assert.equal(fastText(slow), undefined);
  assert.deepEqual(pkg.calculate(slow), pkg.calculate(scenario));
  table.free();
});
