// A small static server for the calculator: www/ at /, the built package (and the element) at /pkg/.
// Dependency-free on purpose. It sends the strict Content Security Policy the page must work
// under (no inline script, Wasm allowed by 'wasm-unsafe-eval', no connections elsewhere).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// The element's modules are served from their source (www/element/) at /pkg/, where the built
// package holds its copies: the page and an embedding site load them the same way.
const elementFiles = new Set(readdirSync(join(root, "www/element")));

function fileFor(urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const [dir, rest] = !path.startsWith("/pkg/")
    ? ["www", path.slice(1)]
    : elementFiles.has(path.slice(5))
      ? ["www/element", path.slice(5)]
      : ["pkg", path.slice(5)];
  const base = join(root, dir);
  const file = resolve(base, rest || "index.html");
  return file.startsWith(base) ? file : null;
}

/** A file under `dir` served as it is (a bundler's output, in the bundler tests). */
function staticFile(dir, urlPath) {
  const base = resolve(dir);
  const file = resolve(base, normalize(decodeURIComponent(urlPath)).slice(1) || "index.html");
  return file.startsWith(base) ? file : null;
}

/**
 * Starts the server; resolves to it once listening (port 0 picks a free port). With `dir`, it
 * serves that directory as it is instead of the page and the package (same headers and CSP).
 */
export function startServer(port, host = "127.0.0.1", dir = null) {
  const server = createServer((req, res) => handle(req, res, dir));
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

async function handle(req, res, dir) {
  try {
    // Inside the try: a malformed escape (`GET /%`) makes decodeURIComponent throw, which must
    // be a 404 for that request, not an unhandled rejection that ends the server.
    const path = new URL(req.url, "http://x").pathname;
    const file = dir ? staticFile(dir, path) : fileFor(path);
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) throw new Error("refused");
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": types[extname(file)] ?? "application/octet-stream",
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("niet gevonden / not found\n");
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const port = Number(process.env.PORT ?? 8080);
  await startServer(port, process.env.HOST ?? "127.0.0.1");
  console.log(`resv-calc: http://localhost:${port}/ (Ctrl+C to stop)`);
}
