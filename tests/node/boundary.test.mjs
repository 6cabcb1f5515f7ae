// The boundary: every export fed hostile values in every argument. Each call returns or throws
// the one error shape (code "invalid_input", issues with paths) within a bounded time, and the
// next valid call still works.
import { test } from "node:test";
import assert from "node:assert/strict";
import pkg from "./load.mjs";

const deep = (() => {
  const root = [];
  let d = root;
  for (let i = 0; i < 100_000; i++) d = d[0] = [];
  return root;
})();
const deepObject = (() => {
  const root = {};
  let d = root;
  for (let i = 0; i < 100_000; i++) d = d.x = {};
  return root;
})();
const random = (n, seed) => {
  const a = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    a[i] = x >>> 24;
  }
  return a;
};
const hostile = [
  null,
  undefined,
  {},
  [],
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  1e21,
  2 ** 53 + 1,
  "1e999",
  "",
  " ",
  "12345678901234567890123456789012345678901",
  "1.000,00",
  true,
  Symbol("s"),
  () => 1,
  10n,
  deep,
  deepObject,
  JSON.parse('{"__proto__":{"polluted":1},"lumpSum":1}'),
  { constructor: { prototype: 1 } },
  new Array(1_000_000).fill({ id: "x", weight: 1 }),
  random(1_000_000, 7),
  random(10_000_000, 9).buffer,
  "x".repeat(10_000_000),
  "postcode;verzekeraar;verzekerden\n" + "1011;CZ;1\n".repeat(200_000) + "x;y\n",
  new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
      ownKeys() {
        throw new Error("trap");
      },
    },
  ),
  Object.create(null),
  new Date(0),
  /re/,
  new Map([["a", 1]]),
  [1, [2, [3]]],
  { lumpSum: "1", market: "nope" },
];

function valid() {
  const s = pkg.sampleScenario();
  assert.equal(pkg.calculate(s).totals.zvw, "810500.00");
  assert.equal(pkg.allocate("1.00", [{ id: "a", weight: 1 }])[0].amount, "1.00");
}

function check(name, call) {
  const t0 = performance.now();
  try {
    call();
  } catch (e) {
    if (!(e instanceof Error) || e.code !== "invalid_input") {
      assert.fail(`${name} threw something else: ${e?.stack ?? e}`);
    }
    assert.ok(Array.isArray(e.issues) && e.issues.length > 0, `${name}: issues listed`);
    for (const i of e.issues) assert.equal(typeof i.path, "string");
  }
  const ms = performance.now() - t0;
  assert.ok(ms < 5000, `${name} took ${ms} ms`);
  valid();
}

const table = () => pkg.parseMarketCsv(pkg.sampleMarketCsv());
const exports = {
  allocate: [
    (h) => pkg.allocate(h, [{ id: "a", weight: 1 }]),
    (h) => pkg.allocate("1.00", h),
    (h) => pkg.allocate("1.00", [{ id: "a", weight: 1 }], h),
  ],
  parseMarketCsv: [(h) => pkg.parseMarketCsv(h)],
  calculate: [
    (h) => pkg.calculate(h),
    (h) => pkg.calculate({ ...pkg.sampleScenario(), market: h }),
    (h) => pkg.calculate({ ...pkg.sampleScenario(), budget: h }),
    (h) => pkg.calculate({ ...pkg.sampleScenario(), subcontracts: h, workArea: h }),
  ],
  allocateRegions: [
    (h) => pkg.allocateRegions(h, []),
    (h) => pkg.allocateRegions(table(), h),
    (h) => pkg.allocateRegions(table(), [{ id: "a", postcodes: ["8011"], lumpSum: 1 }], h),
  ],
  nationalView: [
    (h) => pkg.nationalView(h, []),
    (h) => pkg.nationalView(table(), h),
    (h) => pkg.nationalView(table(), [{ id: "a", postcodes: ["8011"], lumpSum: 1 }], { mdz: h }),
  ],
  compare: [(h) => pkg.compare(h, h), (h) => pkg.compare(pkg.calculate(pkg.sampleScenario()), h)],
};

let tried = 0;
for (const [name, positions] of Object.entries(exports)) {
  test(`${name}: every hostile value in every argument is refused cleanly or handled`, () => {
    for (const [p, call] of positions.entries()) {
      for (const [k, h] of hostile.entries()) {
        check(`${name} arg ${p} hostile ${k}`, () => call(h));
        tried++;
      }
    }
  });
}

test("the number of hostile calls tried", () => {
  assert.ok(tried >= 500, `${tried}`);
  console.log(`boundary: ${tried} hostile calls, all clean`);
});
