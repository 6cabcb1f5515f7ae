// Reads the first sheet of an XLSX workbook, and writes one (the result download).
// Reading: the first sheet (Office Open XML) as CSV text for parseMarketCsv,
// so a workbook's rows get the same checks, and errors the same line numbers (= Excel's row
// numbers), as a CSV. Loaded on demand only, so the core page stays small. No dependency: the
// platform inflates (DecompressionStream "deflate-raw") and the few XML shapes a sheet uses are
// read by a small scanner (DOMParser does not exist in a worker). Hostile workbooks (zip
// bombs, absurd entry counts, Zip64, encryption) are refused with a clear error, never trusted.
// Every scan is linear in the text it reads: no regular expression runs over untrusted XML with
// a part that can backtrack (a pattern like /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/ retries
// from every "<row" to the end of the text, so a 1,293-byte workbook froze the page 11 s).
import { issue } from "./i18n.js";

/** Most the whole workbook may inflate to, all its parts together (entries can share one
 *  deflate stream, so a per-part limit alone lets a 510 KB file inflate 2,000 MiB). The
 *  national PC6 table is ~250 MB as sheet XML. */
export const MAX_WORKBOOK_BYTES = 512 * 1024 * 1024;
/** Most a single XML part may inflate to (the whole workbook's budget). */
export const MAX_PART_BYTES = MAX_WORKBOOK_BYTES;
const MAX_ENTRIES = 10_000;

/** An error the page shows as one issue (`key` in the catalogue of i18n.js), in both languages. */
function refuse(key) {
  const found = issue(key, "market");
  return Object.assign(new Error(found.messageEn), { code: "invalid_input", issues: [found] });
}

const u16 = (b, i) => b[i] | (b[i + 1] << 8);
const u32 = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The central directory: name -> { method, offset, size }. */
function entries(bytes) {
  const bad = () => refuse("xlsx_damaged");
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad();
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw refuse("xlsx_zip64");
  if (count > MAX_ENTRIES) throw bad();
  const out = new Map();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw bad();
    const flags = u16(bytes, p + 8),
      method = u16(bytes, p + 10),
      size = u32(bytes, p + 20);
    const nameLen = u16(bytes, p + 28),
      extra = u16(bytes, p + 30),
      comment = u16(bytes, p + 32);
    const offset = u32(bytes, p + 42);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) throw refuse("xlsx_encrypted");
    out.set(name, { method, offset, size });
    p += 46 + nameLen + extra + comment;
  }
  return { get: (name) => out.get(name), bad };
}

/** One part's text, inflated with a running limit shared by every part of the workbook
 *  (`budget.left` bytes; declared sizes are not trusted). */
async function part(bytes, dir, name, budget) {
  const e = dir.get(name);
  if (!e) return null;
  const p = e.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw dir.bad();
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const raw = bytes.subarray(start, start + e.size);
  if (e.method === 0) {
    budget.left -= raw.length;
    if (budget.left < 0) throw tooLarge();
    return new TextDecoder().decode(raw);
  }
  if (e.method !== 8) throw dir.bad();
  const reader = new Blob([raw]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > budget.left) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err.code === "invalid_input") throw err;
    throw dir.bad();
  }
  budget.left -= total;
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

const tooLarge = () => refuse("xlsx_sheet_too_large");

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function unescape(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    if (e[0] !== "#") return ENTITIES[e.toLowerCase()] ?? m;
    const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "";
  });
}
// ---- the scanner: each search starts where the last one ended, so a scan is linear ----------

/** Whether `c` continues an XML name (so `<c` does not match `<col`, nor `<row` `<rows`). */
const nameChar = (c) => c !== undefined && /[\w:.-]/.test(c);

/** The start of the next `<tag` (a whole name) in `xml` from `i`, or -1. */
function openAt(xml, tag, i) {
  const open = `<${tag}`;
  for (;;) {
    const at = xml.indexOf(open, i);
    if (at < 0 || !nameChar(xml[at + open.length])) return at;
    i = at + open.length;
  }
}

/** The attribute text of every `<tag …>` or `<tag …/>` in `xml`, in order. */
function* openTags(xml, tag) {
  for (let i = 0; ;) {
    const at = openAt(xml, tag, i);
    if (at < 0) return;
    const gt = xml.indexOf(">", at);
    if (gt < 0) return;
    yield xml.slice(at + tag.length + 1, xml[gt - 1] === "/" ? gt - 1 : gt);
    i = gt + 1;
  }
}

/**
 * Every `<tag …/>` (body undefined) or `<tag …>body</tag>` in `xml`, in order, as
 * `[attrs, body]`. The body ends at the first `</tag>`, as a lazy pattern would end it. An
 * element that is never closed ends the scan: no later one can close either.
 */
function* elements(xml, tag) {
  const close = `</${tag}>`;
  for (let i = 0; ;) {
    const at = openAt(xml, tag, i);
    if (at < 0) return;
    const gt = xml.indexOf(">", at);
    if (gt < 0) return;
    const attrs = xml.slice(at + tag.length + 1, xml[gt - 1] === "/" ? gt - 1 : gt);
    if (xml[gt - 1] === "/") {
      yield [attrs, undefined];
      i = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt + 1);
    if (end < 0) return;
    yield [attrs, xml.slice(gt + 1, end)];
    i = end + close.length;
  }
}

/** The value of attribute `name` in a tag's attribute text (`r="A1" t="s"`), read left to right. */
function attr(attrs, name) {
  for (let i = 0; ;) {
    const eq = attrs.indexOf('="', i);
    if (eq < 0) return undefined;
    const end = attrs.indexOf('"', eq + 2);
    if (end < 0) return undefined;
    let s = eq;
    while (s > i && !/\s/.test(attrs[s - 1])) s--;
    if (attrs.slice(s, eq) === name) return attrs.slice(eq + 2, end);
    i = end + 1;
  }
}

/** The text of the first `<tag>…</tag>` in `xml` (no attributes), or undefined. */
function firstText(xml, tag) {
  const open = `<${tag}>`;
  const at = xml.indexOf(open);
  if (at < 0) return undefined;
  const end = xml.indexOf(`</${tag}>`, at + open.length);
  return end < 0 ? undefined : xml.slice(at + open.length, end);
}

/** The text of a rich or plain string item (phonetic runs `<rPh>…</rPh>` left out). */
function itemText(xml) {
  let plain = "";
  for (let i = 0; ;) {
    const at = openAt(xml, "rPh", i);
    const end = at < 0 ? -1 : xml.indexOf("</rPh>", at);
    if (end < 0) {
      plain += xml.slice(i);
      break;
    }
    plain += xml.slice(i, at);
    i = end + "</rPh>".length;
  }
  let text = "";
  for (const [, body] of elements(plain, "t")) text += body ?? "";
  return unescape(text);
}

/** Column number (0-based) of a cell reference like "AB12". */
function column(ref) {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const quote = (v) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The first sheet of `bytes` (an XLSX file) as `;`-separated CSV text: line N is row N.
 * Throws an Error with `code: "invalid_input"` and one issue when the workbook cannot be read.
 */
export async function xlsxToCsv(bytes) {
  const dir = entries(bytes);
  const budget = { left: MAX_WORKBOOK_BYTES };
  const workbook = await part(bytes, dir, "xl/workbook.xml", budget);
  const rels = await part(bytes, dir, "xl/_rels/workbook.xml.rels", budget);
  if (workbook === null || rels === null) throw dir.bad();
  const sheet = openTags(workbook, "sheet").next().value;
  const rid = sheet !== undefined ? attr(sheet, "r:id") : undefined;
  let rel;
  for (const a of openTags(rels, "Relationship"))
    if (rid !== undefined && attr(a, "Id") === rid) {
      rel = a;
      break;
    }
  const target = rel && attr(rel, "Target");
  if (!target) throw dir.bad();
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, "/");
  const shared = [];
  const sst = await part(bytes, dir, "xl/sharedStrings.xml", budget);
  if (sst !== null) for (const [, body] of elements(sst, "si")) shared.push(itemText(body ?? ""));
  const xml = await part(bytes, dir, path, budget);
  if (xml === null) throw dir.bad();

  const lines = [];
  let next = 1; // the row number the next line stands for
  for (const [rowAttrs, rowBody] of elements(xml, "row")) {
    const r = Number(attr(rowAttrs, "r") ?? next);
    if (!Number.isInteger(r) || r < next || r > 10_000_000) throw dir.bad();
    while (next < r) {
      lines.push("");
      next++;
    }
    const cells = [];
    let auto = 0;
    for (const [cellAttrs, cellBody] of elements(rowBody ?? "", "c")) {
      const ref = attr(cellAttrs, "r");
      const col = ref ? column(ref) : auto;
      if (col < 0 || col > 16_383) throw dir.bad();
      auto = col + 1;
      const type = attr(cellAttrs, "t") ?? "n";
      const body = cellBody ?? "";
      const v = firstText(body, "v");
      let text = "";
      if (type === "s") text = shared[Number(v)] ?? "";
      else if (type === "inlineStr") text = itemText(body);
      else if (type === "b") text = v === "1" ? "TRUE" : "FALSE";
      else if (v !== undefined) text = unescape(v);
      cells[col] = text;
    }
    lines.push(Array.from(cells, (x) => quote(x ?? "")).join(";"));
    next = r + 1;
  }
  return lines.join("\r\n") + "\r\n";
}

// ---- writing -------------------------------------------------------------------------------

let crcTable;
function crc32(bytes) {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function deflate(bytes) {
  return new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw")),
    ).arrayBuffer(),
  );
}

/** A zip of `[name, text]` parts, deflated. */
async function zip(parts) {
  const enc = new TextEncoder();
  const local = [],
    central = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = enc.encode(text),
      packed = await deflate(data),
      n = enc.encode(name),
      crc = crc32(data);
    const head = new DataView(new ArrayBuffer(30));
    [
      [0, 0x04034b50, 4],
      [4, 20, 2],
      [8, 8, 2],
      [14, crc, 4],
      [18, packed.length, 4],
      [22, data.length, 4],
      [26, n.length, 2],
    ].forEach(([at, v, size]) => (size === 4 ? head.setUint32(at, v, true) : head.setUint16(at, v, true)));
    const dir = new DataView(new ArrayBuffer(46));
    [
      [0, 0x02014b50, 4],
      [4, 20, 2],
      [6, 20, 2],
      [10, 8, 2],
      [16, crc, 4],
      [20, packed.length, 4],
      [24, data.length, 4],
      [28, n.length, 2],
      [42, offset, 4],
    ].forEach(([at, v, size]) => (size === 4 ? dir.setUint32(at, v, true) : dir.setUint16(at, v, true)));
    local.push(new Uint8Array(head.buffer), n, packed);
    central.push(new Uint8Array(dir.buffer), n);
    offset += 30 + n.length + packed.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  [
    [0, 0x06054b50, 4],
    [8, parts.length, 2],
    [10, parts.length, 2],
    [12, size, 4],
    [16, offset, 4],
  ].forEach(([at, v, s]) => (s === 4 ? end.setUint32(at, v, true) : end.setUint16(at, v, true)));
  return new Blob([...local, ...central, new Uint8Array(end.buffer)], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

const esc = (s) =>
  String(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""); // characters XML cannot hold

/**
 * A one-sheet workbook of `rows` (cells: strings as inline text, `{ n }` as exact numbers).
 * `textCell` defuses text Excel would run as a formula. Returns a Blob.
 */
export function writeXlsx(rows, sheetName, textCell = (v) => v) {
  const col = (i) =>
    (i < 26 ? "" : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((v, i) => {
            const ref = `${col(i)}${r + 1}`;
            if (v && typeof v === "object") return `<c r="${ref}"><v>${esc(v.n)}</v></c>`;
            const text = textCell(v);
            return text === ""
              ? ""
              : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
          })
          .join("")}</row>`,
    )
    .join("");
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zip([
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="${esc(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, " "))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    [
      "xl/worksheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${ns}><sheetData>${body}</sheetData></worksheet>`,
    ],
  ]);
}
