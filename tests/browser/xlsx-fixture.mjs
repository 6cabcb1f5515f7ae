// Builds a small XLSX workbook for the upload test, independently of www/element/xlsx.js:
// a zip written here with Node's own deflate and CRC-32, the parts as Excel writes them
// (shared strings, an inline string, a numeric postcode, an escaped name, a skipped row).
import * as zlibSync from "node:zlib";
import { deflateRawSync, crc32 } from "node:zlib";

function zip(files) {
  const local = [],
    central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, "utf8"),
      packed = deflateRawSync(data),
      n = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, n, packed);
    central.push(dir, n);
    offset += 30 + n.length + packed.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A workbook whose first sheet holds `rows` (arrays of strings and numbers); row 3 is left out. */
export function workbook(rows) {
  const strings = [];
  const sid = (s) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const col = (i) => String.fromCharCode(65 + i);
  let r = 0;
  const sheetRows = rows
    .map((cells) => {
      r += r === 2 ? 2 : 1; // Excel leaves empty rows out
      const cs = cells
        .map((v, i) => {
          const ref = `${col(i)}${r}`;
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          if (i === 1 && r === 2) return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          return `<c r="${ref}" t="s"><v>${sid(v)}</v></c>`;
        })
        .join("");
      return `<row r="${r}">${cs}</row>`;
    })
    .join("");
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip([
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Verzekerden" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/blad1.xml"/></Relationships>',
    ],
    [
      "xl/worksheets/blad1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows}</sheetData></worksheet>`,
    ],
    [
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`,
    ],
  ]);
}

/** The parts of a zip (`name -> text`), read with Node's own inflate: to check a downloaded workbook. */
export function unzip(buffer) {
  const { inflateRawSync } = zlibSync;
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  const count = buffer.readUInt16LE(end + 10);
  let p = buffer.readUInt32LE(end + 16);
  const parts = {};
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(p + 10),
      size = buffer.readUInt32LE(p + 20),
      crc = buffer.readUInt32LE(p + 16);
    const nameLen = buffer.readUInt16LE(p + 28),
      extra = buffer.readUInt16LE(p + 30),
      comment = buffer.readUInt16LE(p + 32);
    const offset = buffer.readUInt32LE(p + 42);
    const name = buffer.subarray(p + 46, p + 46 + nameLen).toString();
    const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const raw = buffer.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    if (crc32(data) !== crc) throw new Error(`bad CRC in ${name}`);
    parts[name] = data.toString("utf8");
    p += 46 + nameLen + extra + comment;
  }
  return parts;
}
