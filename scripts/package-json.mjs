// Writes pkg/package.json: the overlay in pkg-config/ plus what only the build knows (the
// version from Cargo.toml). Fails when the overlay names a file the build did not make.
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const overlay = JSON.parse(readFileSync("pkg-config/package.json", "utf8"));
const cargo = readFileSync("Cargo.toml", "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error("package-json: no version in Cargo.toml");

const named = new Set(overlay.files ?? []);
const collect = (v) => {
  if (typeof v === "string") named.add(v.replace(/^\.\//, ""));
  else if (v && typeof v === "object") Object.values(v).forEach(collect);
};
collect(overlay.exports);
for (const key of ["main", "module", "types"]) if (overlay[key]) named.add(overlay[key]);
named.delete("package.json");
const missing = [...named].filter((f) => !existsSync(`pkg/${f}`));
if (missing.length) {
  console.error(`package-json: pkg-config/package.json names missing files: ${missing.join(", ")}`);
  process.exit(1);
}
const { "//": _comment, ...fields } = overlay;
writeFileSync("pkg/package.json", JSON.stringify({ ...fields, version }, null, 2) + "\n");
