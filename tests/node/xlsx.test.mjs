// The XLSX reader against hostile workbooks (issue 18): every scan is linear, so a small file
// cannot freeze the page, and the inflation limit holds for the workbook as a whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import { xlsxToCsv, MAX_WORKBOOK_BYTES } from "../../www/element/xlsx.js";
import { kinds, sharedStream, workbook } from "./xlsx-hostile.mjs";

/** Reads a workbook; returns the CSV or the refusal's issue code. */
async function read(bytes) {
  try {
    return await xlsxToCsv(bytes);
  } catch (e) {
    assert.equal(e.code, "invalid_input", `${e.stack}`);
    return e.issues[0].code;
  }
}

test("a plain workbook still reads: rows, shared and inline strings, phonetic runs left out", async () => {
  const sst =
    '<sst><si><t>CZ</t></si><si><r><t>Zilveren</t></r><r><t xml:space="preserve"> Kruis</t></r><rPh sb="0"><t>x</t></rPh></si><si/></sst>';
  const sheet =
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>postcode</t></is></c><c r="B1" t="s"><v>0</v></c></row>' +
    '<row r="3" spans="1:3"><c r="A3"><v>1011</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="s"><v>2</v></c><c r="E3" t="b"><v>1</v></c></row><row r="4"/></sheetData></worksheet>';
  assert.equal(await read(workbook(sheet, sst)), "postcode;CZ\r\n\r\n1011;;Zilveren Kruis;;TRUE\r\n\r\n");
});

// Each kind at a size where a backtracking pattern takes minutes (the old reader: 1,293 bytes
// 10.9 s, 8 KB over 13 minutes); the bound only catches a hang, it is no speed claim.
for (const [name, make] of Object.entries(kinds)) {
  test(`a workbook of ${name} is read or refused at once`, async () => {
    const bytes = make(400_000);
    const t0 = performance.now();
    await read(bytes);
    const ms = performance.now() - t0;
    assert.ok(ms < 10_000, `${name}: ${bytes.length} bytes took ${Math.round(ms)} ms`);
  });
}

test("entries sharing one deflate stream count against one workbook budget", async () => {
  // Each entry inflates to 300 MiB, under the old per-part limit of 512 MiB; the first two
  // together (workbook and relationships, read before anything is parsed) pass the budget.
  assert.ok(2 * 300 * 1024 * 1024 > MAX_WORKBOOK_BYTES);
  assert.equal(await read(sharedStream(300)), "file_too_large");
});
