// A consumer of the package as an embedding team writes it: the core by its name, and the
// element. Bundled by each bundler the README names (tests/bundlers/build.mjs).
import init, { calculate, sampleScenario } from "resv-calc";
import "resv-calc/resv-calculator.js";

await init();
document.getElementById("core").value = calculate(sampleScenario()).totals.zvw;
