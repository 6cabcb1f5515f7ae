// make bench: cold start. Each round is a fresh Node process (a fresh V8, so the module is
// compiled and instantiated anew, nothing tiered up yet) that times, in order: compiling and
// instantiating the module; the first parse of the national PC6 table, then warm parses; the
// first `calculate` (the built-in sample scenario), then warm ones; the first `calculate` of
// one region on the national table, then warm ones; and (in rounds of its own) the sample with its
// market as a parsed table, as the page calls it, also with V8's lazy compilation off for
// comparison. Printed: the medians over the rounds and cold / warm (the target: within 2x).
//   node bench/cold.mjs            the table (spawns the rounds)
//   node bench/cold.mjs --round    one round, as JSON on stdout
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { nationalCsv } from "./national.mjs";

const ROUNDS = Number(process.env.RESV_COLD_ROUNDS ?? 5);

async function round(asPage) {
  // The table is generated before the module exists, so its cost is not counted.
  const { bytes } = nationalCsv("pc6");
  const wasmBytes = readFileSync(new URL("../pkg/resv_calc_bg.wasm", import.meta.url));
  const pkg = await import("../pkg/resv_calc.js");
  const time = (fn) => {
    const t = performance.now();
    const out = fn();
    return [performance.now() - t, out];
  };
  const [init] = time(() => pkg.initSync({ module: wasmBytes }));
  const warm = (fn, n) => {
    let best = Infinity;
    for (let i = 0; i < n; i++) best = Math.min(best, time(fn)[0]);
    return best;
  };
  const [firstSample, sample] = time(() => pkg.sampleScenario());
  // As the page calls it: the market a parsed table (read before the clock starts), not 912
  // JS row objects to read per call.
  if (asPage) sample.market = pkg.parseMarketCsv(pkg.sampleMarketCsv());
  const [firstCalc] = time(() => pkg.calculate(sample));
  const warmCalc = warm(() => pkg.calculate(sample), 30);
  const [firstParse, table] = time(() => pkg.parseMarketCsv(bytes));
  const warmParse = warm(() => pkg.parseMarketCsv(bytes).free(), 5);
  const region = { lumpSum: "1000000.00", market: table, workArea: ["3000-3199"] };
  const [firstRegion] = time(() => pkg.calculate(region));
  const warmRegion = warm(() => pkg.calculate(region), 30);
  table.free();
  return { init, firstSample, firstCalc, warmCalc, firstParse, warmParse, firstRegion, warmRegion };
}

if (process.argv.includes("--round")) {
  process.stdout.write(JSON.stringify(await round(process.argv.includes("--page"))));
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (args, flags = []) =>
    JSON.parse(execFileSync(process.execPath, [...flags, self, "--round", ...args], { encoding: "utf8" }));
  const rounds = [];
  const pageRounds = [];
  // For comparison only: V8 compiling every function (with Liftoff) at instantiation instead of
  // at its first call, which shows how much of a first call is compiling.
  const eagerRounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push(run([]));
    pageRounds.push(run(["--page"]));
    eagerRounds.push(run(["--page"], ["--no-wasm-lazy-compilation"]));
  }
  const median = (key, of = rounds) => of.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(of.length / 2)];
  const f = (x) => x.toFixed(x < 10 ? 2 : 1).padStart(7);
  console.log(`\ncold start (fresh process each round, median of ${ROUNDS}; cold / warm, target within 2x)`);
  console.log(`compile + instantiate the module: ${f(median("init"))} ms`);
  console.log("                                   first ms   warm ms   cold/warm");
  for (const [name, first, warm, of] of [
    ["national PC6 parse", "firstParse", "warmParse"],
    ["calculate (built-in sample)", "firstCalc", "warmCalc"],
    ["calculate (sample, table market)", "firstCalc", "warmCalc", pageRounds],
    ["calculate (a region, PC6 table)", "firstRegion", "warmRegion"],
  ]) {
    const [a, b] = [median(first, of), median(warm, of)];
    console.log(`${name.padEnd(33)} ${f(a)}   ${f(b)}   ${(a / b).toFixed(1).padStart(6)}x`);
  }
  const [ea, eb] = [median("firstCalc", eagerRounds), median("warmCalc", eagerRounds)];
  console.log(
    `with V8 compiling every function at instantiation (--no-wasm-lazy-compilation, not a default):\n` +
      `  compile + instantiate ${f(median("init", eagerRounds))} ms; calculate (sample, table market) ${f(ea)}   ${f(eb)}   ${(ea / eb).toFixed(1).padStart(6)}x`,
  );
}
