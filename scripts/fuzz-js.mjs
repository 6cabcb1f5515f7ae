// The JS-side fuzz (issue 18): random JS values over every export of the built package, for
// SECONDS (default 60). The values are what no Rust fuzzer can make: throwing getters, proxies
// (revoked, throwing or lying traps), detached buffers, huge strings, symbols, functions,
// BigInts, cycles, deep nesting, mixed with plausible scenario parts. Every call must return or
// throw the one error shape (code "invalid_input" with issues); after every batch a valid call
// must still give the sample's known result. Prints the executions per export.
//
//   node scripts/fuzz-js.mjs [SECONDS] [--seed N] [--oom]
//
// --oom first fills Wasm memory with unfreed tables until parsing is refused with too_large,
// then frees them and checks that the module still works (about 4 GiB of memory).
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import * as pkg from "../pkg/resv_calc.js";

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+$/.test(a)) ?? 60);
const seedAt = args.indexOf("--seed");
let seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 2 ** 31;
const wasm = pkg.initSync({ module: readFileSync(new URL("../pkg/resv_calc_bg.wasm", import.meta.url)) });

const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];

const sample = pkg.sampleScenario();
const sampleCsv = pkg.sampleMarketCsv();
const table = pkg.parseMarketCsv(sampleCsv);
const report = pkg.calculate(sample);
const huge = "x".repeat(2_000_000);

function detached(n = 16) {
  const b = new ArrayBuffer(n);
  structuredClone(b, { transfer: [b] });
  return b;
}
function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}
const thrower = () => {
  throw pick([0, new Error("fuzz"), Symbol("s"), null, { code: "invalid_input" }]);
};

/** A random JS value, `depth` levels of nesting at most. */
function value(depth) {
  const leaves = [
    () => null,
    () => undefined,
    () => int(1e6),
    () => rand() * 1e16 - 5e15,
    () => NaN,
    () => -0,
    () => Infinity,
    () => 2 ** 53 + 1,
    () => BigInt(int(1e9)),
    () => 2n ** 70n,
    () => String(int(1e6)),
    () => `${int(1e4)}.${int(100)}`,
    () => "1.000,00",
    () => "",
    () => " 5",
    () => "1e3",
    () => pick(["8011", "8261", "1011AB", "1011-1019"]),
    () => pick(["Zilveren Kruis", "CZ", "VGZ", "=cmd", "<img src=x>", "\u0000", "\ud800"]),
    () => true,
    () => Symbol("fuzz"),
    () => () => 1,
    () => huge,
    () => detached(),
    () => new Uint8Array(int(64)),
    () => revoked({}),
    () => revoked([]),
    () => new Date(0),
    () => /re/,
    () => new Map([["a", 1]]),
    () => table,
    () => pick(sample.market ?? [null]),
  ];
  if (depth <= 0 || rand() < 0.35) return pick(leaves)();
  const kind = int(9);
  if (kind === 0) {
    return Array.from({ length: int(6) }, () => value(depth - 1));
  }
  if (kind === 1) {
    const o = {};
    for (let i = int(5); i > 0; i--)
      o[
        pick([
          "id",
          "amount",
          "lumpSum",
          "market",
          "budget",
          "name",
          "weight",
          "postcode",
          "insurer",
          "insured",
          "lines",
          "mainTasks",
          "x",
        ])
      ] = value(depth - 1);
    return o;
  }
  if (kind === 2) {
    // A getter that throws, somewhere among plain fields.
    const o = { id: "a", weight: 1 };
    Object.defineProperty(o, pick(["id", "weight", "amount", "name", "market", "zz"]), {
      get: thrower,
      enumerable: true,
    });
    return o;
  }
  if (kind === 3) {
    // A proxy whose traps throw or lie.
    const target = rand() < 0.5 ? [] : {};
    const traps = {};
    for (const t of ["get", "ownKeys", "getOwnPropertyDescriptor", "has", "getPrototypeOf"])
      if (rand() < 0.4) traps[t] = thrower;
    if (rand() < 0.3)
      traps.get = (_, k) => (k === "length" ? (rand() < 0.02 ? 2 ** 32 - 1 : int(8)) : value(0));
    return new Proxy(target, traps);
  }
  if (kind === 4 && rand() < 0.05) {
    // A cycle: decoding it stops at the node budget (600,000 values, about half a second).
    const o = { id: "c" };
    o.self = o;
    o.list = [o];
    return o;
  }
  if (kind === 5 && rand() < 0.2) {
    // Deep nesting.
    const root = [];
    let d = root;
    for (let i = int(200); i > 0; i--) d = d[0] = rand() < 0.5 ? [] : {};
    return root;
  }
  if (kind === 6) return { ...sample, [pick(Object.keys(sample))]: value(depth - 1) };
  if (kind === 7)
    return Array.from({ length: 1 + int(3) }, (_, i) => ({
      id: `r${i}`,
      postcodes: [value(0)],
      lumpSum: value(0),
    }));
  return pick(leaves)();
}

/** Bytes or text for parseMarketCsv. */
function csvInput() {
  const k = int(6);
  if (k === 0) return sampleCsv.slice(0, int(sampleCsv.length));
  if (k === 1) return new TextEncoder().encode(sampleCsv.replace(/\r\n/g, pick(["\n", "\r", "\r\n"])));
  if (k === 2) return detached(int(32));
  if (k === 3) return new Proxy(new Uint8Array(8), { get: thrower });
  if (k === 4) return new Uint8Array(int(256)).map(() => int(256)).buffer;
  return value(2);
}

const exports = {
  allocate: () => pkg.allocate(value(1), value(3), rand() < 0.5 ? undefined : value(2)),
  parseMarketCsv: () => {
    const t = pkg.parseMarketCsv(csvInput());
    t.free();
  },
  calculate: () =>
    pkg.calculate(rand() < 0.7 ? { ...sample, [pick(Object.keys(sample))]: value(3) } : value(4)),
  allocateRegions: () => pkg.allocateRegions(rand() < 0.8 ? table : value(1), value(3), value(2)),
  nationalView: () => pkg.nationalView(rand() < 0.8 ? table : value(1), value(3), value(2)),
  compare: () => pkg.compare(rand() < 0.5 ? report : value(3), value(3)),
};

function check(name, call) {
  try {
    call();
  } catch (e) {
    if (
      !(e instanceof Error) ||
      e.code !== "invalid_input" ||
      !Array.isArray(e.issues) ||
      e.issues.length === 0
    ) {
      console.error(`fuzz-js: ${name} (seed ${seed}) threw something else:`, e);
      process.exit(1);
    }
  }
}

function stillWorks(after) {
  try {
    assert.equal(pkg.calculate(sample).totals.zvw, report.totals.zvw);
    assert.equal(pkg.allocate("1.00", [{ id: "a", weight: 1 }])[0].amount, "1.00");
  } catch (e) {
    console.error(`fuzz-js: the module no longer works after ${after}:`, e);
    process.exit(1);
  }
}

if (args.includes("--oom")) {
  // Fill Wasm memory with tables nobody frees, until a parse is refused with too_large.
  // 2,000,000 distinct PC6 rows, sorted (the fast path): 32 MB of table each.
  const letter = (n) => String.fromCharCode(65 + n);
  const pc6 = (i) => `${1000 + Math.floor(i / 676)}${letter(Math.floor(i / 26) % 26)}${letter(i % 26)}`;
  const big =
    "postcode;verzekeraar;verzekerden\r\n" +
    Array.from({ length: 2_000_000 }, (_, i) => `${pc6(i)};CZ;1`).join("\r\n");
  const kept = [];
  let refused = null;
  while (refused === null && kept.length < 400) {
    try {
      kept.push(pkg.parseMarketCsv(big));
    } catch (e) {
      refused = e;
    }
  }
  assert.ok(refused, "memory never ran out");
  assert.equal(refused.code, "invalid_input", `${refused}`);
  assert.deepEqual(
    refused.issues.map((i) => i.code),
    ["too_large"],
  );
  console.log(
    `fuzz-js: out of memory after ${kept.length} tables (${Math.round(wasm.memory.buffer.byteLength / 2 ** 20)} MiB of Wasm memory): too_large, clean`,
  );
  for (const t of kept) t.free();
  stillWorks("running out of memory");
}

const counts = Object.fromEntries(Object.keys(exports).map((k) => [k, 0]));
const start = performance.now();
const startSeed = seed;
while (performance.now() - start < seconds * 1000) {
  for (let i = 0; i < 200; i++) {
    const name = pick(Object.keys(exports));
    check(name, exports[name]);
    counts[name]++;
  }
  stillWorks(`a batch (seed ${startSeed})`);
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  `fuzz-js: ${total} calls in ${seconds} s (seed ${startSeed}), every one clean, the module still works: ${Object.entries(
    counts,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
