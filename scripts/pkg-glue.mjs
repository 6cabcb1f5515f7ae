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

// A freed MarketTable: every getter and method but free() would reach Rust with a null pointer
// and throw wasm-bindgen's bare "null pointer passed to rust". Instead one clear Error naming
// free() and the member called (code "table_freed", as calculate() calls it); free() and
// Symbol.dispose a second time do nothing. Nothing reaches Wasm, so the module keeps working.
const FREED_GUARD = `const freedTable = (key) => Object.assign(
    new Error(\`MarketTable.\${key}: deze marktgegevens zijn vrijgegeven (free()); lees ze opnieuw in / this market table was freed (free()); read it again with parseMarketCsv\`),
    { code: "table_freed" },
);
for (const key of Object.getOwnPropertyNames(MarketTable.prototype)) {
    if (key === "constructor" || key === "__destroy_into_raw") continue;
    const d = Object.getOwnPropertyDescriptor(MarketTable.prototype, key);
    if (d.get) {
        const get = d.get;
        d.get = function () { if (!this.__wbg_ptr) throw freedTable(key); return get.call(this); };
    } else if (key === "free") {
        const free = d.value;
        d.value = function free_() { if (this.__wbg_ptr) free.call(this); };
    } else if (typeof d.value === "function") {
        const f = d.value;
        d.value = function (...args) { if (!this.__wbg_ptr) throw freedTable(key); return f.apply(this, args); };
    }
    Object.defineProperty(MarketTable.prototype, key, d);
}
if (Symbol.dispose) MarketTable.prototype[Symbol.dispose] = MarketTable.prototype.free;`;
edit("pkg/resv_calc.js", [
  ["if (Symbol.dispose) MarketTable.prototype[Symbol.dispose] = MarketTable.prototype.free;", FREED_GUARD, 1],
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
