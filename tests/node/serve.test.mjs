// The dev server (scripts/serve.mjs) survives hostile request paths.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer } from "../../scripts/serve.mjs";

/** GETs a raw path (not normalised by URL) and resolves to the status code. */
const get = (port, path) =>
  new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => ok(res.statusCode));
    });
    req.on("error", fail);
    req.end();
  });

test("a malformed percent-escape is a 404 and the server keeps serving", async () => {
  const server = await startServer(0);
  try {
    const { port } = server.address();
    for (const path of ["/%", "/%zz", "/pkg/%E0%A4%A", "/..%2f..%2fetc/passwd"])
      assert.equal(await get(port, path), 404, path);
    assert.equal(await get(port, "/"), 200, "still serving after them");
  } finally {
    server.close();
  }
});
