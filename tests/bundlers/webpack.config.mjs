// The README's webpack 5 recipe: nothing beyond the entry. webpack emits the .wasm from
// `new URL("resv_calc_bg.wasm", import.meta.url)` and bundles the worker from `new Worker(new URL(...))`.
import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  entry: "./main.js",
  output: { path: fileURLToPath(new URL("./dist/", import.meta.url)), clean: true },
  performance: { hints: false },
};
