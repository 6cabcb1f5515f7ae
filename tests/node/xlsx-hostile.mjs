// Hostile XLSX workbooks (issue 18), shared by the Node test and the timing script: tiny zips
// whose XML makes a backtracking scanner quadratic, and a zip whose entries share one deflate
// stream so that per-part inflation limits add up to far more than the workbook limit.
import { deflateRawSync } from "node:zlib";

const enc = new TextEncoder();

/** A zip of `[name, text | { shared: index }]` entries, deflated; `{ shared }` entries point at
 *  another entry's data (same local header), as a bomb's do. */
export function zip(parts) {
  const local = [],
    central = [];
  const offsets = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const n = enc.encode(name);
    if (text.shared !== undefined) {
      offsets.push(offsets[text.shared]);
      central.push([n, offsets[text.shared]]);
      continue;
    }
    const packed = deflateRawSync(typeof text === "string" ? enc.encode(text) : text, { level: 9 });
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt16LE(n.length, 26);
    local.push(head, n, packed);
    offsets.push({ offset, size: packed.length });
    central.push([n, offsets.at(-1)]);
    offset += 30 + n.length + packed.length;
  }
  const dirs = central.map(([n, { offset: at, size }]) => {
    const d = Buffer.alloc(46);
    d.writeUInt32LE(0x02014b50, 0);
    d.writeUInt16LE(20, 4);
    d.writeUInt16LE(20, 6);
    d.writeUInt16LE(8, 10);
    d.writeUInt32LE(size, 20);
    d.writeUInt16LE(n.length, 28);
    d.writeUInt32LE(at, 42);
    return Buffer.concat([d, n]);
  });
  const size = dirs.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(dirs.length, 8);
  end.writeUInt16LE(dirs.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...dirs, end]));
}

const WORKBOOK = '<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';

/** A workbook whose first sheet is `sheet` (and shared strings `sst`, when given). */
export const workbook = (sheet, sst) =>
  zip([
    ["xl/workbook.xml", WORKBOOK],
    ["xl/_rels/workbook.xml.rels", RELS],
    ...(sst === undefined ? [] : [["xl/sharedStrings.xml", sst]]),
    ["xl/worksheets/sheet1.xml", sheet],
  ]);

/** The hostile kinds, each a function of a repeat count. */
export const kinds = {
  "rows never closed": (n) => workbook(`<worksheet><sheetData>${"<row ".repeat(n)}</sheetData></worksheet>`),
  "cells never closed": (n) =>
    workbook(`<worksheet><sheetData><row r="1">${"<c>".repeat(n)}</row></sheetData></worksheet>`),
  "values never closed": (n) =>
    workbook(
      `<worksheet><sheetData><row r="1"><c r="A1">${"<v>".repeat(n)}</c></row></sheetData></worksheet>`,
    ),
  "shared strings never closed": (n) =>
    workbook("<worksheet><sheetData></sheetData></worksheet>", `<sst>${"<si>".repeat(n)}</sst>`),
  "text runs never closed": (n) =>
    workbook("<worksheet><sheetData></sheetData></worksheet>", `<sst><si>${"<t>".repeat(n)}</si></sst>`),
  "phonetic runs never closed": (n) =>
    workbook("<worksheet><sheetData></sheetData></worksheet>", `<sst><si>${"<rPh>".repeat(n)}</si></sst>`),
  "sheet tags without an end": (n) =>
    zip([
      ["xl/workbook.xml", `<workbook>${"<sheet ".repeat(n)}`],
      ["xl/_rels/workbook.xml.rels", RELS],
    ]),
  "relationships without an end": (n) =>
    zip([
      ["xl/workbook.xml", WORKBOOK],
      ["xl/_rels/workbook.xml.rels", `<Relationships>${"<Relationship ".repeat(n)}`],
    ]),
};

/** Four entries sharing one deflate stream of `mib` MiB each: 4 × mib MiB inflated in all. */
export function sharedStream(mib) {
  const filler = new Uint8Array(mib * 1024 * 1024).fill(0x20);
  return zip([
    ["xl/workbook.xml", filler],
    ["xl/_rels/workbook.xml.rels", { shared: 0 }],
    ["xl/sharedStrings.xml", { shared: 0 }],
    ["xl/worksheets/sheet1.xml", { shared: 0 }],
  ]);
}
