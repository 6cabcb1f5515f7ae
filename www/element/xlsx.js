// Reads the first sheet of an XLSX workbook, and writes one (the result download: every table
// of the result on sheets of their own, with number formats, widths and frozen heads).
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

/** The text of a rich or plain string item (phonetic runs `<rPh>…</rPh>` left out); `p` is the
 *  part's prefix for the SpreadsheetML namespace ("" or "x:"). */
function itemText(xml, p = "") {
  const close = `</${p}rPh>`;
  let plain = "";
  for (let i = 0; ;) {
    const at = openAt(xml, `${p}rPh`, i);
    const end = at < 0 ? -1 : xml.indexOf(close, at);
    if (end < 0) {
      plain += xml.slice(i);
      break;
    }
    plain += xml.slice(i, at);
    i = end + close.length;
  }
  let text = "";
  for (const [, body] of elements(plain, `${p}t`)) text += body ?? "";
  return unescape(text);
}

// Namespaces. Excel writes SpreadsheetML in the default namespace (`<worksheet xmlns="…">`);
// the .NET Open XML SDK and others bind it to a prefix (`<x:worksheet xmlns:x="…">`, `<x:c>`).
// Each part's prefix is read from the declarations on its root element.
const MAIN_NS = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main", // ISO strict
];
const REL_NS = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
const PKG_NS = ["http://schemas.openxmlformats.org/package/2006/relationships"];

/** The attribute text of a part's root element (after any `<?xml …?>`, comments, doctype). */
function rootAttrs(xml) {
  for (let i = 0; ;) {
    const at = xml.indexOf("<", i);
    if (at < 0) return "";
    const next = xml[at + 1];
    if (next === "?" || next === "!") {
      const end = xml.indexOf(next === "!" && xml.startsWith("<!--", at) ? "-->" : ">", at + 2);
      if (end < 0) return "";
      i = end + 1;
      continue;
    }
    const gt = xml.indexOf(">", at);
    if (gt < 0) return "";
    const space = xml.slice(at, gt).search(/\s/);
    return space < 0 ? "" : xml.slice(at + space, xml[gt - 1] === "/" ? gt - 1 : gt);
  }
}

/** The prefix ("x:", or "" for the default namespace) that `xml`'s root binds to one of `uris`. */
function prefixOf(xml, uris, fallback = "") {
  const attrs = rootAttrs(xml);
  for (let i = 0; ;) {
    const at = attrs.indexOf("xmlns", i);
    if (at < 0) return fallback;
    const eq = attrs.indexOf('="', at);
    if (eq < 0) return fallback;
    const end = attrs.indexOf('"', eq + 2);
    if (end < 0) return fallback;
    const name = attrs.slice(at, eq);
    if ((at === 0 || /\s/.test(attrs[at - 1])) && (name === "xmlns" || /^xmlns:[\w.-]+$/.test(name)))
      if (uris.includes(attrs.slice(eq + 2, end))) return name === "xmlns" ? "" : `${name.slice(6)}:`;
    i = end + 1;
  }
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
  const sheet = openTags(workbook, `${prefixOf(workbook, MAIN_NS)}sheet`).next().value;
  const rid = sheet !== undefined ? attr(sheet, `${prefixOf(workbook, REL_NS, "r:")}id`) : undefined;
  let rel;
  for (const a of openTags(rels, `${prefixOf(rels, PKG_NS)}Relationship`))
    if (rid !== undefined && attr(a, "Id") === rid) {
      rel = a;
      break;
    }
  const target = rel && attr(rel, "Target");
  if (!target) throw dir.bad();
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, "/");
  const shared = [];
  const sst = await part(bytes, dir, "xl/sharedStrings.xml", budget);
  if (sst !== null) {
    const p = prefixOf(sst, MAIN_NS);
    for (const [, body] of elements(sst, `${p}si`)) shared.push(itemText(body ?? "", p));
  }
  const xml = await part(bytes, dir, path, budget);
  if (xml === null) throw dir.bad();
  const p = prefixOf(xml, MAIN_NS);

  const lines = [];
  let next = 1; // the row number the next line stands for
  for (const [rowAttrs, rowBody] of elements(xml, `${p}row`)) {
    const r = Number(attr(rowAttrs, "r") ?? next);
    if (!Number.isInteger(r) || r < next || r > 10_000_000) throw dir.bad();
    while (next < r) {
      lines.push("");
      next++;
    }
    const cells = [];
    let auto = 0;
    for (const [cellAttrs, cellBody] of elements(rowBody ?? "", `${p}c`)) {
      const ref = attr(cellAttrs, "r");
      const col = ref ? column(ref) : auto;
      if (col < 0 || col > 16_383) throw dir.bad();
      auto = col + 1;
      const type = attr(cellAttrs, "t") ?? "n";
      const body = cellBody ?? "";
      const v = firstText(body, `${p}v`);
      let text = "";
      if (type === "s") text = shared[Number(v)] ?? "";
      else if (type === "inlineStr") text = itemText(body, p);
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

/** 1 January 1980, the first date a zip entry can carry (0 is no valid date; the same for
 *  every file, so the same result gives the same bytes). */
const DOS_DATE = (1 << 5) | 1;

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
      [12, DOS_DATE, 2],
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
      [14, DOS_DATE, 2],
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
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""); // characters XML cannot hold

/** The column letters of a 0-based column number: 0 → A, 26 → AA. */
const colName = (i) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * The number formats. Format codes are stored in the file's own (US) notation, and Excel and
 * LibreOffice show them in the reader's locale: `"€" #,##0.00` is € 1.234,56 in Dutch. A share
 * (ten decimals) shows as a percentage with all of them: 29,46552106%.
 */
export const NUMBER_FORMATS = {
  money: { id: 164, code: '"€" #,##0.00;"€" -#,##0.00' },
  share: { id: 165, code: "0.00000000%" },
  persons: { id: 3, code: "#,##0" }, // built in
  fraction: { id: 166, code: "#,##0.0###" }, // persons with a fraction (a PC4 shared by two municipalities)
  number: { id: 0, code: "General" },
  year: { id: 1, code: "0" },
};

/** Cell styles (`cellXfs`), made as they are asked for: one per number format × role × flags. */
class Styles {
  #xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  #index = new Map([["0|0|0|0|0|0", 0]]);
  /** `role`: body | head | sum | title; `quote`: text that looks like a formula; `wrap`. */
  id(fmt, role, quote = false, wrap = false) {
    const num = NUMBER_FORMATS[fmt]?.id ?? 0;
    const font = role === "title" ? 2 : role === "head" || role === "sum" ? 1 : 0;
    const fill = role === "head" ? 2 : 0;
    const border = role === "head" ? 1 : role === "sum" ? 2 : 0;
    const wraps = wrap || role === "head";
    const key = `${num}|${font}|${fill}|${border}|${quote ? 1 : 0}|${wraps ? 1 : 0}`;
    if (!this.#index.has(key)) {
      this.#index.set(key, this.#xfs.length);
      this.#xfs.push(
        `<xf numFmtId="${num}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
          `${num ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}` +
          `${border ? ' applyBorder="1"' : ""}${quote ? ' quotePrefix="1"' : ""}` +
          (wraps ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : "/>"),
      );
    }
    return this.#index.get(key);
  }
  xml() {
    const custom = Object.values(NUMBER_FORMATS).filter((x) => x.id >= 164);
    return (
      `${XML}<styleSheet ${NS}>` +
      `<numFmts count="${custom.length}">${custom.map((x) => `<numFmt numFmtId="${x.id}" formatCode="${esc(x.code)}"/>`).join("")}</numFmts>` +
      '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>' +
      '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.#xfs.length}">${this.#xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Text Excel would read as a formula if it were typed: stored as a string with quotePrefix. */
const looksLikeFormula = (s) => /^[=+\-@]/.test(s);

/** A sheet name Excel accepts: at most 31 characters, none of \ / ? * [ ] :, unique in the book. */
function sheetNames(names) {
  const used = new Set();
  return names.map((n) => {
    const base =
      String(n)
        .replace(/[\\/?*[\]:]/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, 31) || "Blad";
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++)
      name = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** How many characters a cell shows (for the column widths), in the page's formats `f`. */
function shown(v, f) {
  if (v && typeof v === "object") {
    if (v.fmt === "money") return f.money(v.n).length;
    if (v.fmt === "share") return f.percent(v.n).length + 6;
    if (v.fmt === "persons" || v.fmt === "fraction") return f.count(v.n).length;
    return v.n.length;
  }
  return Math.max(
    ...String(v ?? "")
      .split("\n")
      .map((x) => x.length),
  );
}

/**
 * A workbook of the result's tables (io.js `reportTables`): one sheet per `sheet` key, named by
 * `names[key]`, each table under its title in bold, its column heads (bold, on a grey fill, the
 * first table's frozen with its title), its rows and its sum row (bold, a rule above). Number
 * cells get real number formats; text cells are shared strings, never formulas; columns are as
 * wide as what they show (at most 60 characters, longer text wraps). A4, fitted to the page
 * width, the heads repeated on every printed page, the scenario in the page header.
 * `options`: `{ names, f (formats of the page's language), title, created (ms) }`. Returns a Blob.
 */
export function writeWorkbook(tables, { names, f, title = "", created = Date.now() }) {
  const keys = [...new Set(tables.map((x) => x.sheet))];
  const sheetName = sheetNames(keys.map((k) => names[k] ?? k));
  const styles = new Styles();
  const strings = new Map();
  const sst = (s) => {
    if (!strings.has(s)) strings.set(s, strings.size);
    return strings.get(s);
  };
  const sheets = keys.map((key, si) => {
    const own = tables.filter((x) => x.sheet === key);
    // Rows of [value, role]; a table is its title, its head, its rows, its sum (or its note).
    const rows = [];
    let headRow = 0;
    for (const x of own) {
      if (rows.length) rows.push([]);
      rows.push([[x.title, "title"]]);
      rows.push(x.head.map((v) => [v, "head"]));
      if (!headRow) headRow = rows.length;
      rows.push(...x.rows.map((r) => r.map((v) => [v, "body"])));
      if (x.sum) rows.push(x.sum.map((v) => [v, "sum"]));
      if (!x.rows.length && x.note) rows.push([[x.note, "body"]]);
    }
    const ncols = Math.max(...rows.map((r) => r.length), 1);
    const widths = Array.from({ length: ncols }, (_, i) => {
      let w = 0,
        head = 0;
      for (const r of rows) {
        const [v, role] = r[i] ?? [];
        if (v === undefined || (r.length === 1 && ncols > 1))
          // titles and notes run over empty cells
          continue;
        if (role === "head")
          head = Math.max(
            head,
            Math.min(shown(v, f), 24),
            ...String(v)
              .split(/\s+/)
              .map((x) => x.length),
          );
        else w = Math.max(w, shown(v, f));
      }
      return Math.min(60, Math.max(8, w, head) + 2);
    });
    const body = rows
      .map((cells, r) => {
        const ref = (i) => `${colName(i)}${r + 1}`;
        const xml = cells
          .map(([v, role], i) => {
            if (v === undefined || v === null || v === "") return "";
            if (typeof v === "object" && /^-?\d+(\.\d+)?$/.test(v.n))
              return `<c r="${ref(i)}" s="${styles.id(v.fmt, role)}"><v>${v.n}</v></c>`;
            const text = typeof v === "object" ? String(v.n) : String(v);
            const wrap =
              role === "body" && shown(text, f) > widths[i] - 2 && !(cells.length === 1 && i === 0);
            const s = styles.id("number", role, looksLikeFormula(text), wrap);
            return `<c r="${ref(i)}" s="${s}" t="s"><v>${sst(text)}</v></c>`;
          })
          .join("");
        return `<row r="${r + 1}">${xml}</row>`;
      })
      .join("");
    const wide = ncols > 6;
    const freezeCol = wide ? 1 : 0;
    const top = `${colName(freezeCol)}${headRow + 1}`;
    const pane = `<pane${freezeCol ? ` xSplit="${freezeCol}"` : ""} ySplit="${headRow}" topLeftCell="${top}" activePane="${freezeCol ? "bottomRight" : "bottomLeft"}" state="frozen"/>`;
    // The page header: the scenario left, the sheet right (& starts a code there: a literal one is &&).
    const header = esc(`&L${title.replace(/&/g, "&&")}&R${sheetName[si].replace(/&/g, "&&")}`);
    const xml =
      `${XML}<worksheet ${NS} xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
      `<sheetViews><sheetView ${si === 0 ? 'tabSelected="1" ' : ""}workbookViewId="0">${pane}<selection pane="${freezeCol ? "bottomRight" : "bottomLeft"}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/>` +
      `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
      `<sheetData>${body}</sheetData>` +
      '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${wide ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddHeader>${header}</oddHeader><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>` +
      "</worksheet>";
    return { name: sheetName[si], xml, headRow };
  });
  const q = (name) => `'${name.replace(/'/g, "''")}'`;
  const workbook =
    `${XML}<workbook ${NS} xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets><definedNames>" +
    sheets
      .map(
        (s, i) =>
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`${q(s.name)}!$1:$${s.headRow}`)}</definedName>`,
      )
      .join("") +
    "</definedNames></workbook>";
  const n = sheets.length;
  const rels =
    `${XML}<Relationships xmlns="${PKG_REL}">` +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const shared =
    `${XML}<sst ${NS} count="${strings.size}" uniqueCount="${strings.size}">` +
    [...strings.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("") +
    "</sst>";
  const ct = "application/vnd.openxmlformats-officedocument";
  const types =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    "</Types>";
  const when = new Date(created).toISOString().replace(/\.\d+Z$/, "Z");
  const core =
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(title)}</dc:title><dc:creator>resv-calc</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created></cp:coreProperties>`;
  return zip([
    ["[Content_Types].xml", types],
    [
      "_rels/.rels",
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    ["docProps/core.xml", core],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", rels],
    ["xl/styles.xml", styles.xml()],
    ["xl/sharedStrings.xml", shared],
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
  ]);
}
