// make bench: the verdeelsleutel at national scale. Generates a national market table (about
// 4,060 PC4 areas from the CBS table, about 460,000 PC6 postcodes, 10 concerns, about 3 million
// rows as a Dutch `;` CSV), then parses it and allocates 60 regions (PC4 ranges):
//   Wasm:     parseMarketCsv(bytes) → allocateRegions(table, regions)
//   baseline: TextDecoder → papaparse → per-region sums → decimal.js largest remainder
//   strong JS: one pass over the bytes, typed arrays, BigInt largest remainder (fast-js.mjs)
// all in this process, on the same bytes, checked to give the same cents. Also: one region's
// recalculation from a parsed table, the PC4-scale table for growth, garbage rejection, and
// peak Wasm memory.
import { readFileSync, writeFileSync } from "node:fs";
import Papa from "papaparse";
import Decimal from "decimal.js";
import * as pkg from "../pkg/resv_calc.js";
import { nationalCsv, population } from "./national.mjs";
import { fastJs } from "./fast-js.mjs";

const wasm = pkg.initSync({ module: readFileSync(new URL("../pkg/resv_calc_bg.wasm", import.meta.url)) });
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_FLOOR });

// 60 regions: the PC4 areas in order, cut into 60 ranges of about equal population.
function regionsOf() {
  const total = population.reduce((a, [, n]) => a + n, 0);
  const regions = [];
  let start = 0,
    acc = 0,
    pop = 0;
  population.forEach(([pc4, n], i) => {
    acc += n;
    pop += n;
    const last = i === population.length - 1;
    if (acc >= (total / 60) * (regions.length + 1) || last) {
      if (regions.length < 60 || last) {
        regions.push({
          id: `R${regions.length + 1}`,
          lo: population[start][0],
          hi: pc4,
          postcodes: [`${population[start][0]}-${pc4}`],
          lumpSum: (pop * 3.88).toFixed(2),
        });
        start = i + 1;
        pop = 0;
      }
    }
  });
  return regions.slice(0, 60);
}

// ---- the baseline ---------------------------------------------------------------------------
function splitJs(total, weights) {
  const units = new D(total).times(100);
  const sum = weights.reduce((a, w) => a.plus(w), new D(0));
  const floors = [],
    rems = [];
  let given = new D(0);
  for (const w of weights) {
    const exact = units.times(w).div(sum);
    const f = exact.floor();
    floors.push(f);
    rems.push(exact.minus(f));
    given = given.plus(f);
  }
  const order = weights
    .map((_, i) => i)
    .filter((i) => weights[i] > 0)
    .sort((a, b) => rems[b].cmp(rems[a]) || weights[b] - weights[a] || a - b);
  const left = units.minus(given).toNumber();
  for (let k = 0; k < left; k++) floors[order[k]] = floors[order[k]].plus(1);
  return floors.map((f) => f.div(100).toFixed(2));
}

const PC = /^[1-9][0-9]{3}(?: ?[A-Za-z]{2})?$/;
function baseline(bytes, regions) {
  const text = new TextDecoder().decode(bytes);
  const { data } = Papa.parse(text, { delimiter: ";", skipEmptyLines: true });
  const regionOf = new Int16Array(10000).fill(-1);
  regions.forEach((r, i) => {
    for (let p = r.lo; p <= r.hi; p++) regionOf[p] = i;
  });
  const sums = regions.map(() => new Map());
  for (let i = 1; i < data.length; i++) {
    const [pc, insurer, n] = data[i];
    if (!PC.test(pc)) throw new Error(`line ${i + 1}: postcode`);
    const count = Number(n.replaceAll(".", ""));
    if (!Number.isInteger(count) || count < 0) throw new Error(`line ${i + 1}: count`);
    const r = regionOf[Number(pc.slice(0, 4))];
    if (r < 0) continue;
    const m = sums[r];
    m.set(insurer, (m.get(insurer) ?? 0) + count);
  }
  return regions.map((r, i) => {
    const parties = [...sums[i]]
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const amounts = splitJs(
      r.lumpSum,
      parties.map(([, w]) => w),
    );
    return { id: r.id, insurers: parties.map(([id], k) => ({ id, amount: amounts[k] })) };
  });
}

function wasmRun(bytes, regions) {
  const table = pkg.parseMarketCsv(bytes);
  try {
    return pkg.allocateRegions(
      table,
      regions.map(({ id, postcodes, lumpSum }) => ({ id, postcodes, lumpSum })),
    );
  } finally {
    table.free();
  }
}

function best(fn, runs) {
  let min = Infinity,
    out;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = fn();
    min = Math.min(min, performance.now() - t);
  }
  return { ms: min, out };
}

const regions = regionsOf();
const fmt = (x, d = 1) => x.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  `\nverdeelsleutel: parse + allocate 60 regions (best of runs; ratio = JS / Wasm, above 1 the core is faster)`,
);
console.log("scale  rows        MB     Wasm ms  MB/s    ns/row  papaparse ms  ratio  strong JS ms  ratio");
const results = {};
if (process.env.RESV_BENCH_ONLY_CSV) {
  writeFileSync(process.env.RESV_BENCH_CSV, nationalCsv("pc6").bytes);
  process.exit(0);
}
for (const level of ["pc4", "pc6"]) {
  const { bytes, rows, pc6s } = nationalCsv(level);
  // RESV_BENCH_CSV=path keeps the generated national table, for profiling the native core.
  if (level === "pc6" && process.env.RESV_BENCH_CSV) writeFileSync(process.env.RESV_BENCH_CSV, bytes);
  const w = best(() => wasmRun(bytes, regions), level === "pc6" ? 10 : 20);
  const b = best(() => baseline(bytes, regions), level === "pc6" ? 2 : 10);
  const f = best(() => fastJs(bytes, regions), level === "pc6" ? 10 : 20);
  // Same cents from both.
  const flat = (rs) => JSON.stringify(rs.map((r) => [r.id, r.insurers.map((i) => [i.id, i.amount])]));
  if (flat(w.out) !== flat(b.out)) throw new Error(`${level}: Wasm and baseline disagree`);
  if (flat(w.out) !== flat(f.out)) throw new Error(`${level}: Wasm and the strong JS baseline disagree`);
  const mb = bytes.length / 1e6;
  results[level] = { rows, ms: w.ms, bytes };
  console.log(
    `${level.padEnd(6)} ${String(rows).padEnd(11)} ${fmt(mb).padStart(5)}  ${fmt(w.ms).padStart(7)}  ${fmt(mb / (w.ms / 1000), 0).padStart(5)}  ${fmt((w.ms * 1e6) / rows, 0).padStart(6)}  ${fmt(b.ms).padStart(12)}  ${fmt(b.ms / w.ms).padStart(5)}x  ${fmt(f.ms).padStart(12)}  ${fmt(f.ms / w.ms).padStart(5)}x` +
      (level === "pc6" ? `   (${pc6s} PC6 postcodes)` : ""),
  );
}
const g = results.pc6,
  p = results.pc4;
console.log(
  `growth PC4 → PC6: ${fmt(g.rows / p.rows)}x rows, ${fmt(g.ms / p.ms)}x time (${fmt(g.ms / g.rows / (p.ms / p.rows), 2)}x per row: linear)`,
);

console.log(
  `peak Wasm memory after the national runs: ${fmt(wasm.memory.buffer.byteLength / 2 ** 20)} MiB, ${fmt(wasm.memory.buffer.byteLength / results.pc6.bytes.length, 2)}x the ${fmt(results.pc6.bytes.length / 1e6)} MB file (16 bytes per row, the file read in 1 MiB pieces; target 1.3x)`,
);

// One region recalculated from an already parsed national table.
const table = pkg.parseMarketCsv(results.pc6.bytes);
const one = regions[29];
const scenario = { lumpSum: one.lumpSum, market: table, workArea: one.postcodes };
const times = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  pkg.calculate(scenario);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `single region recalculation (calculate on the parsed PC6 table, ${pkg.calculate(scenario).allocation.area.rowsInside} rows in area): median ${fmt(times[150] * 1000, 0)} µs, p95 ${fmt(times[285] * 1000, 0)} µs`,
);
table.free();

// How cost grows with the size of the table: PC6 tables of 10% to 200% of the national number
// of postcodes (the same areas and concerns, more or fewer postcodes per area; at most 676 per
// PC4 area, which caps a few dense ones at 200%). papaparse is left out here (seconds per run).
console.log("\nsize   rows        MB     Wasm ms  MB/s    ns/row  strong JS ms  ratio");
let perRow1;
for (const scale of [0.1, 0.5, 1, 2]) {
  const { bytes, rows } =
    scale === 1 ? { bytes: results.pc6.bytes, rows: results.pc6.rows } : nationalCsv("pc6", scale);
  const w = best(() => wasmRun(bytes, regions), scale === 2 ? 5 : 10);
  const f = best(() => fastJs(bytes, regions), scale === 2 ? 5 : 10);
  const flat = (rs) => JSON.stringify(rs.map((r) => [r.id, r.insurers.map((i) => [i.id, i.amount])]));
  if (flat(w.out) !== flat(f.out))
    throw new Error(`${scale * 100}%: Wasm and the strong JS baseline disagree`);
  const mb = bytes.length / 1e6;
  const perRow = w.ms / rows;
  if (scale === 1) perRow1 = perRow;
  console.log(
    `${(scale * 100 + "%").padEnd(6)} ${String(rows).padEnd(11)} ${fmt(mb).padStart(5)}  ${fmt(w.ms).padStart(7)}  ${fmt(mb / (w.ms / 1000), 0).padStart(5)}  ${fmt(perRow * 1e6, 0).padStart(6)}  ${fmt(f.ms).padStart(12)}  ${fmt(f.ms / w.ms).padStart(5)}x`,
  );
}
console.log(
  `(ns/row about constant from 10% to 200%: the cost grows linearly with the rows; at 100% ${fmt(perRow1 * 1e6, 0)} ns/row)`,
);

// Garbage is rejected quickly.
const noise = new Uint8Array(40e6);
for (let i = 0; i < noise.length; i++) noise[i] = 1 + (((i * 2654435761) >>> 24) % 255);
const badRows = new TextEncoder().encode("postcode;verzekeraar;verzekerden\n" + "x;?;?\n".repeat(6e6));
for (const [name, bytes] of [
  ["40 MB of random bytes", noise],
  ["40 MB of bad rows", badRows],
]) {
  const t = performance.now();
  let code = "accepted";
  try {
    pkg.parseMarketCsv(bytes);
  } catch (e) {
    code = `${e.code}: ${e.issues.length} issues, first ${e.issues[0].code}`;
  }
  console.log(`${name}: rejected in ${fmt(performance.now() - t)} ms (${code})`);
}
console.log(`peak Wasm memory at the end: ${fmt(wasm.memory.buffer.byteLength / 2 ** 20)} MiB`);
