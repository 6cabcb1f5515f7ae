// make bench: the Wasm allocate() against an exact JS baseline (decimal.js doing the same
// largest-remainder split), both in this process, on the same inputs. Prints time per call,
// the ratio (JS time / Wasm time; above 1 means Wasm is faster) and how cost grows with n.
import { readFileSync } from "node:fs";
import Decimal from "decimal.js";
import * as pkg from "../pkg/resv_calc.js";

const exports = pkg.initSync({ module: readFileSync(new URL("../pkg/resv_calc_bg.wasm", import.meta.url)) });
const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_FLOOR });

/** The baseline: the rule of docs/contract.md written directly with decimal.js. */
function allocateJs(total, weights, minorUnit = "0.01") {
  const t = new D(total),
    unit = new D(minorUnit);
  const units = t.abs().div(unit);
  if (!units.isInteger()) throw new Error("not whole minor units");
  const ws = weights.map((w) => new D(w.weight));
  const sum = ws.reduce((a, b) => a.plus(b), new D(0));
  const floors = [],
    rems = [];
  let given = new D(0);
  for (const w of ws) {
    const exact = units.times(w).div(sum);
    const f = exact.floor();
    floors.push(f);
    rems.push(exact.minus(f));
    given = given.plus(f);
  }
  const order = ws
    .map((_, i) => i)
    .filter((i) => ws[i].gt(0))
    .sort((a, b) => rems[b].cmp(rems[a]) || ws[b].cmp(ws[a]) || a - b);
  const left = units.minus(given).toNumber();
  for (let k = 0; k < left; k++) floors[order[k]] = floors[order[k]].plus(1);
  const sign = t.isNeg() ? -1 : 1;
  return weights.map((w, i) => ({ id: w.id, amount: floors[i].times(unit).times(sign).toFixed(2) }));
}

function makeCase(n) {
  let seed = n;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const weights = Array.from({ length: n }, (_, i) => ({
    id: `party-${i}`,
    weight: String(rand() % 5_000_000),
  }));
  return { total: "1234567891.23", weights };
}

function time(fn, minMs = 300) {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const samples = [];
  const end = performance.now() + minMs;
  while (performance.now() < end || samples.length < 5) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
console.log("allocate(): Wasm core vs decimal.js baseline (median per call)");
console.log("parties      wasm          js     js/wasm   wasm µs/party");
for (const n of [10, 1_000, 10_000, 100_000]) {
  const { total, weights } = makeCase(n);
  const a = pkg.allocate(total, weights),
    b = allocateJs(total, weights);
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`Wasm and baseline disagree at n=${n}`);
  const wasm = time(() => pkg.allocate(total, weights));
  const js = time(() => allocateJs(total, weights));
  const perParty = (wasm * 1000) / n;
  console.log(
    `${String(n).padStart(7)} ${fmt(wasm).padStart(11)} ${fmt(js).padStart(11)} ${(js / wasm).toFixed(1).padStart(9)}x ${perParty.toFixed(3).padStart(13)}`,
  );
}
// Wasm memory only grows, so its size now is the peak.
console.log(`peak Wasm memory: ${(exports.memory.buffer.byteLength / 1048576).toFixed(1)} MiB`);
