// The package under Node (the "node" export condition): the core, already initialised from the
// .wasm beside it, so `import { calculate } from "resv-calc"` (or `require`, Node ≥ 20.19)
// works with no init call. `init()` and `initSync()` stay callable and return at once.
import { readFileSync } from "node:fs";
import { initSync } from "./resv_calc.js";

initSync({ module: readFileSync(new URL("./resv_calc_bg.wasm", import.meta.url)) });

export * from "./resv_calc.js";
export { default } from "./resv_calc.js";
