// Loads pkg/ under Node the way the README says: initSync with the .wasm bytes.
import { readFileSync } from "node:fs";
import * as pkg from "../../pkg/resv_calc.js";

pkg.initSync({ module: readFileSync(new URL("../../pkg/resv_calc_bg.wasm", import.meta.url)) });
export default pkg;
