// Loads pkg/ under Node the way the README says: initSync with the .wasm bytes.
import { readFileSync } from "node:fs";
import * as pkg from "../../pkg/resv_calc.js";

pkg.initSync({ module: readFileSync(new URL("../../pkg/resv_calc_bg.wasm", import.meta.url)) });
export default pkg;

import assert from "node:assert/strict";

/** Calls fn, which must throw the one error shape; returns the issues as "code@path". */
export function issuesOf(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, "throws a real Error");
    assert.equal(e.code, "invalid_input");
    assert.ok(Array.isArray(e.issues) && e.issues.length > 0, "issues is a non-empty array");
    for (const i of e.issues) {
      for (const key of ["code", "path", "message", "messageEn"]) {
        assert.equal(typeof i[key], "string", `issue.${key} is a string`);
      }
      assert.notEqual(i.message, i.messageEn, "Dutch and English messages differ");
    }
    return e.issues.map((i) => `${i.code}@${i.path}`);
  }
  assert.fail("expected an invalid_input error");
}
