// `make test-ts`: tsc --strict --noEmit on the README's ```js examples (as JS, checkJs) and on
// tests/ts/consumer.ts, against pkg/ installed by name in a scratch project, with
// lib ["es2022", "dom"]: what an embedding team pasting the examples into strict TypeScript sees.
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "resv-ts-"));
mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
symlinkSync(join(root, "pkg"), join(dir, "node_modules", "resv-calc"), "dir");
symlinkSync(join(root, "node_modules", "@types", "node"), join(dir, "node_modules", "@types", "node"), "dir");
writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');

const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
if (blocks.length === 0) throw new Error("no ```js blocks in README.md");
const files = blocks.map((code, i) => {
  const name = `readme-${i + 1}.mjs`;
  writeFileSync(join(dir, name), code);
  return name;
});
copyFileSync(join(root, "tests/ts/consumer.ts"), join(dir, "consumer.ts"));
writeFileSync(
  join(dir, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      allowJs: true,
      checkJs: true,
      target: "es2022",
      lib: ["es2022", "dom"],
      module: "nodenext",
      moduleResolution: "nodenext",
      types: ["node"],
      skipLibCheck: false,
    },
    files: [...files, "consumer.ts"],
  }),
);
const tsc = join(root, "node_modules", ".bin", "tsc");
try {
  execFileSync(tsc, ["-p", dir], { stdio: "inherit" });
} catch {
  console.error(
    `test-ts: tsc --strict failed (project in ${dir}; readme-N.mjs is the README's Nth js example)`,
  );
  process.exit(1);
}
console.log(`test-ts: ${files.length} README examples and consumer.ts type-check under --strict`);
