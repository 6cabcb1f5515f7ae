// Post-processes what wasm-bindgen generates, in place in pkg/ (called by build-pkg.sh). Each
// edit must match exactly as often as expected, so a wasm-bindgen update that changes the
// generated text fails the build instead of silently skipping the edit.
import { readFileSync, writeFileSync } from "node:fs";

function edit(file, edits) {
  let text = readFileSync(file, "utf8");
  for (const [from, to, times] of edits) {
    const found = text.split(from).length - 1;
    if (found !== times) {
      console.error(`pkg-glue: ${file}: expected ${times} × ${JSON.stringify(from)}, found ${found}`);
      process.exit(1);
    }
    text = text.replaceAll(from, to);
  }
  writeFileSync(file, text);
}

// Before init() the glue's `wasm` is undefined and any call fails with a bare
// "Cannot read properties of undefined". A stand-in that throws one clear Error instead.
const NOT_READY = `const NOT_READY = new Proxy({}, {
    get() {
        throw Object.assign(new Error("resv-calc is not initialised: call \`await init()\` (the default export) or \`initSync({ module })\` first; in Node, import \\"resv-calc\\" initialises itself"), { code: "not_initialised" });
    },
});
let wasmModule, wasmInstance, wasm = NOT_READY;`;
edit("pkg/resv_calc.js", [
  ["let wasmModule, wasmInstance, wasm;", NOT_READY, 1],
  ["if (wasm !== undefined) return wasm;", "if (wasm !== NOT_READY) return wasm;", 2],
]);

// The .d.ts uses DOM types (RequestInfo, Response) and Symbol.dispose (esnext.disposable):
// referencing the libs makes it check under `lib: ["es2022", "dom"]` or any other.
edit("pkg/resv_calc.d.ts", [
  [
    "/* tslint:disable */\n",
    '/* tslint:disable */\n/// <reference lib="dom" />\n/// <reference lib="esnext.disposable" />\n',
    1,
  ],
]);
