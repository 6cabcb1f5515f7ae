// The Wasm package under Node: the contract (docs/contract.md) of allocate() across the JS boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import pkg, { issuesOf } from "./load.mjs";

const { allocate, version } = pkg;
const three = [
  { id: "a", weight: 1 },
  { id: "b", weight: 1 },
  { id: "c", weight: 1 },
];

test("splits exactly with money as strings", () => {
  assert.deepEqual(allocate("100.00", three), [
    { id: "a", amount: "33.34" },
    { id: "b", amount: "33.33" },
    { id: "c", amount: "33.33" },
  ]);
  assert.deepEqual(
    allocate(0.1, [
      { id: "x", weight: 0.1 },
      { id: "y", weight: 0.2 },
    ]),
    [
      { id: "x", amount: "0.03" },
      { id: "y", amount: "0.07" },
    ],
  );
  assert.deepEqual(
    allocate("-0.07", [
      { id: "a", weight: "2" },
      { id: "b", weight: 5 },
      { id: "c", weight: 7 },
    ]),
    [
      { id: "a", amount: "-0.01" },
      { id: "b", amount: "-0.02" },
      { id: "c", amount: "-0.04" },
    ],
  );
  assert.deepEqual(
    allocate("10", three, { minorUnit: "1" }).map((p) => p.amount),
    ["4.00", "3.00", "3.00"],
  );
  assert.deepEqual(
    allocate("1", three, undefined).map((p) => p.amount),
    ["0.34", "0.33", "0.33"],
  );
  assert.deepEqual(
    allocate("1", three, null).map((p) => p.amount),
    ["0.34", "0.33", "0.33"],
  );
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

// Every error case of docs/contract.md, plus malformed input; after each one the module must still work.
const cases = [
  ["no parties", () => allocate("1", []), ["no_parties@weights"]],
  [
    "duplicate ids",
    () =>
      allocate("1", [
        { id: "a", weight: 1 },
        { id: "a", weight: 1 },
      ]),
    ["duplicate_id@weights[1].id"],
  ],
  [
    "a negative weight",
    () => allocate("1", [{ id: "a", weight: -1 }]),
    ["negative_weight@weights[0].weight"],
  ],
  [
    "all weights zero",
    () =>
      allocate("1", [
        { id: "a", weight: 0 },
        { id: "b", weight: "0" },
      ]),
    ["all_weights_zero@weights"],
  ],
  ["a total not whole minor units", () => allocate("1.005", three), ["not_whole_minor_units@total"]],
  ["nothing at all", () => allocate(), ["missing@total", "missing@weights"]],
  ["NaN", () => allocate(NaN, three), ["number_not_finite@total"]],
  ["Infinity", () => allocate(Infinity, three), ["number_not_finite@total"]],
  ["1e999 as text", () => allocate("1e999", three), ["number_has_exponent@total"]],
  ["a huge JS number", () => allocate(1e21, three), ["number_has_exponent@total"]],
  ["a 40-digit amount", () => allocate("1".repeat(40), three), ["number_too_many_digits@total"]],
  ["a Dutch amount", () => allocate("1.000,00", three), ["number_has_comma@total"]],
  [
    "objects for arrays",
    () => allocate({}, {}, []),
    ["wrong_type@total", "wrong_type@options", "wrong_type@weights"],
  ],
  [
    "an unknown option",
    () => allocate("1", three, { minorUnits: "0.01" }),
    ["unknown_option@options.minorUnits"],
  ],
  [
    "a zero minor unit",
    () => allocate("1", three, { minorUnit: 0 }),
    ["minor_unit_not_positive@options.minorUnit"],
  ],
  ["a function", () => allocate("1", () => 1), ["unreadable@weights"]],
  ["a symbol id", () => allocate("1", [{ id: Symbol("x"), weight: 1 }]), ["unreadable@weights[0].id"]],
  [
    "__proto__ keys",
    () => allocate("1", JSON.parse('[{"__proto__":{"id":"p"},"weight":1}]')),
    ["missing@weights[0].id"],
  ],
  [
    "deep nesting",
    () => {
      const deep = [];
      let cur = deep;
      for (let i = 0; i < 100_000; i++) {
        const next = [];
        cur.push(next);
        cur = next;
      }
      return allocate("1", deep);
    },
    ["wrong_type@weights[0]"],
  ],
];
for (const [name, fn, want] of cases) {
  test(`rejects ${name} with the error shape, and the module still works after`, () => {
    assert.deepEqual(issuesOf(fn), want);
    assert.deepEqual(
      allocate("1", three).map((p) => p.amount),
      ["0.34", "0.33", "0.33"],
    );
  });
}

test("lists every problem at once, each with its path", () => {
  const got = issuesOf(() =>
    allocate("1e3", [{ weight: 1 }, { id: "b", weight: "1,5" }, "x"], { minorUnt: 1 }),
  );
  assert.deepEqual(got, [
    "number_has_exponent@total",
    "unknown_option@options.minorUnt",
    "missing@weights[0].id",
    "number_has_comma@weights[1].weight",
    "wrong_type@weights[2]",
  ]);
});

test("the Error's message carries both languages", () => {
  try {
    allocate("1", []);
  } catch (e) {
    assert.match(e.message, /^Ongeldige invoer: weights: .* \/ Invalid input: weights: /);
  }
});

test("sums exactly over many generated splits (the Wasm build agrees with the invariant)", () => {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < 2000; k++) {
    const n = 1 + rand(10);
    const weights = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      weight: rand(4) === 0 ? 0 : rand(1_000_000),
    }));
    if (weights.every((w) => w.weight === 0)) weights[0].weight = 1;
    const cents = BigInt(rand(2_000_000_000)) - 1_000_000_000n;
    const total = (Number(cents) / 100).toFixed(2);
    const parts = allocate(total, weights);
    const sum = parts.reduce((s, p) => s + BigInt(p.amount.replace(".", "")), 0n);
    assert.equal(sum, cents, `sum of allocate(${total}, ${JSON.stringify(weights)})`);
  }
});
