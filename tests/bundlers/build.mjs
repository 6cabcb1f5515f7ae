// Builds tests/bundlers/app/ (the core by name and the element) with each bundler exactly as the
// README's bundler recipes say, in a scratch project where `resv-calc` is the built pkg/.
// `node tests/bundlers/build.mjs [vite|webpack|esbuild|rollup]` prints where each build is.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const here = fileURLToPath(new URL("./", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);
const run = (dir, cmd, args) => execFileSync(bin(cmd), args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });

/** A fresh project: the app, `resv-calc` installed (a link to pkg/), the recipe's config files. */
function project(name) {
  const dir = mkdtempSync(join(tmpdir(), `resv-${name}-`));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(root, "pkg"), join(dir, "node_modules", "resv-calc"), "dir");
  symlinkSync(join(root, "node_modules", "@rollup"), join(dir, "node_modules", "@rollup"), "dir");
  writeFileSync(join(dir, "package.json"), '{ "type": "module", "private": true }\n');
  for (const f of ["app/index.html", "app/main.js", "rollup.config.mjs", "webpack.config.mjs"])
    copyFileSync(join(here, f), join(dir, f.replace("app/", "")));
  return dir;
}

/** After a bundler that does not emit the .wasm: the README's `cp`, and the page itself. */
function finish(dir) {
  copyFileSync(join(dir, "node_modules/resv-calc/resv_calc_bg.wasm"), join(dir, "dist/resv_calc_bg.wasm"));
  copyFileSync(join(dir, "index.html"), join(dir, "dist/index.html"));
}

export const BUNDLERS = {
  // vite build: no configuration.
  vite(dir) {
    run(dir, "vite", ["build", "--logLevel", "error", "--outDir", "dist"]);
  },
  // webpack 5: only the entry (webpack.config.mjs); no HTML plugin here, so the page is copied.
  async webpack(dir) {
    const { default: webpack } = await import(join(root, "node_modules/webpack/lib/index.js"));
    const { default: config } = await import(join(dir, "webpack.config.mjs"));
    const stats = await new Promise((ok, fail) =>
      webpack({ ...config, context: dir }, (err, s) => (err ? fail(err) : ok(s))),
    );
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    copyFileSync(join(dir, "index.html"), join(dir, "dist/index.html"));
  },
  // esbuild: the worker as a second entry point, then cp the .wasm.
  esbuild(dir) {
    run(dir, "esbuild", [
      "main.js",
      "node_modules/resv-calc/engine-worker.js",
      "--bundle",
      "--splitting",
      "--format=esm",
      "--entry-names=[name]",
      "--outdir=dist",
      "--log-level=error",
    ]);
    finish(dir);
  },
  // rollup -c (rollup.config.mjs), then cp the .wasm.
  rollup(dir) {
    run(dir, "rollup", ["-c", "--silent"]);
    finish(dir);
  },
};

/** Builds with `name`; resolves to `{ dist, ms }`. */
export async function build(name) {
  const dir = project(name);
  const t0 = performance.now();
  await BUNDLERS[name](dir);
  return { dist: join(dir, "dist"), ms: Math.round(performance.now() - t0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(BUNDLERS)) {
    const { dist, ms } = await build(name);
    console.log(`${name}: ${dist} (${ms} ms)`);
  }
}
