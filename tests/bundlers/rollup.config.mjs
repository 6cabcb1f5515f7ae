// The README's Rollup recipe: the worker module as a second input (Rollup does not follow
// `new Worker(new URL(...))`), the package resolved by name; then `cp` the .wasm beside it.
import { nodeResolve } from "@rollup/plugin-node-resolve";

export default {
  input: ["main.js", "node_modules/resv-calc/engine-worker.js"],
  plugins: [nodeResolve()],
  output: { dir: "dist", format: "es", entryFileNames: "[name].js" },
};
