// The XLSX reader against hostile workbooks (issue 18): every scan is linear, so a small file
// cannot freeze the page, and the inflation limit holds for the workbook as a whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import { xlsxToCsv, MAX_WORKBOOK_BYTES } from "../../www/element/xlsx.js";
import { kinds, sharedStream, workbook, zip } from "./xlsx-hostile.mjs";

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

// Issue 17: the .NET Open XML SDK (and others) bind SpreadsheetML to a prefix instead of the
// default namespace; Excel, LibreOffice and openpyxl read such files, and so must we.
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="utf-8"?>';

/** A market workbook written with prefixes: `x:` for SpreadsheetML, `rel` for the relationship
 *  attribute, `pr:` for the package relationships. */
function prefixed(x = "x", rel = "r") {
  const sst =
    `${XML}<${x}:sst xmlns:${x}="${MAIN}" count="4" uniqueCount="4">` +
    ["postcode", "verzekeraar", "verzekerden", "=Zilveren Kruis"]
      .map((s) => `<${x}:si><${x}:t>${s}</${x}:t></${x}:si>`)
      .join("") +
    `</${x}:sst>`;
  const c = (ref, body, t) => `<${x}:c r="${ref}"${t ? ` t="${t}"` : ""}>${body}</${x}:c>`;
  const v = (n) => `<${x}:v>${n}</${x}:v>`;
  const sheet =
    `${XML}<${x}:worksheet xmlns:${x}="${MAIN}" xmlns:${rel}="${OFFICE_REL}"><${x}:sheetData>` +
    `<${x}:row r="1">${c("A1", v(0), "s")}${c("B1", v(1), "s")}${c("C1", v(2), "s")}</${x}:row>` +
    `<${x}:row r="2">${c("A2", v(8011))}${c("B2", v(3), "s")}${c("C2", v(120))}</${x}:row>` +
    `<${x}:row r="3">${c("A3", v(8012))}${c("B3", `<${x}:is><${x}:t>CZ</${x}:t></${x}:is>`, "inlineStr")}${c("C3", v(80))}</${x}:row>` +
    `</${x}:sheetData></${x}:worksheet>`;
  return zip([
    [
      "xl/workbook.xml",
      `${XML}<${x}:workbook xmlns:${x}="${MAIN}" xmlns:${rel}="${OFFICE_REL}"><${x}:sheets><${x}:sheet name="Blad1" sheetId="1" ${rel}:id="R1a2b"/></${x}:sheets></${x}:workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML}<pr:Relationships xmlns:pr="${PKG_REL}"><pr:Relationship Type="${OFFICE_REL}/sharedStrings" Target="/xl/sharedStrings.xml" Id="R9"/><pr:Relationship Type="${OFFICE_REL}/worksheet" Target="/xl/worksheets/sheet.xml" Id="R1a2b"/></pr:Relationships>`,
    ],
    ["xl/sharedStrings.xml", sst],
    ["xl/worksheets/sheet.xml", sheet],
  ]);
}

test("a workbook with namespace prefixes (as the .NET Open XML SDK writes it) reads like any other", async () => {
  const want = "postcode;verzekeraar;verzekerden\r\n8011;=Zilveren Kruis;120\r\n8012;CZ;80\r\n";
  assert.equal(await read(prefixed()), want);
  assert.equal(await read(prefixed("main", "rel")), want, "any prefix, for either namespace");
});

test("a prefixed workbook whose prefix is not bound to SpreadsheetML is still refused, not misread", async () => {
  const bytes = prefixed();
  // The same parts with the workbook's prefix bound to another namespace: no sheet is found.
  const other = zip([
    [
      "xl/workbook.xml",
      `<x:workbook xmlns:x="urn:other"><x:sheets><x:sheet r:id="R1a2b"/></x:sheets></x:workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<Relationships><Relationship Id="R1a2b" Target="worksheets/s.xml"/></Relationships>`,
    ],
    ["xl/worksheets/s.xml", "<worksheet/>"],
  ]);
  assert.equal(typeof (await read(bytes)), "string");
  assert.equal(await read(other), "unreadable_xlsx");
});
