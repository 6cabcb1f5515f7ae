// Import and export for <resv-calculator>, all inside the browser: downloads are Blob URLs,
// the shareable link keeps the scenario in the URL fragment (never sent to a server), and
// files are read with a size limit and progress.

import { roleText } from "./i18n.js";

/** Largest market file read (the core's own limit, so the core, not a tab crash, refuses). */
export const MAX_MARKET_BYTES = 256 * 1024 * 1024;
/** Largest scenario (JSON) file read. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** The name of a payer (an insurer or a municipality) of a report, by its id. */
export const payerName = (r, id) =>
  r.insurers.find((i) => i.id === id)?.name ?? r.municipalities.find((m) => m.id === id)?.name ?? id;

/** A number cell (an exact decimal string): a number in Excel, not text. */
const num = (v) => ({ n: String(v) });

/**
 * The report as a table in sections (insurers, municipalities, lines, payments): rows of cells,
 * each a string or `{ n }` for a number. The CSV and the XLSX download are both made from it.
 */
export function reportRows(r, t) {
  const c = t.cols,
    out = [];
  const row = (...cells) => out.push(cells);
  row(t.csv.section, r.name ?? "", num(r.year));
  row();
  row(t.csv.insurers, t.party, t.insured, t.share, t.amount, t.role);
  for (const i of r.insurers) row("", i.name, num(i.insured), num(i.share), num(i.amount), roleText(i, t));
  row("", t.sum, num(r.allocation.insured), num(1), num(r.totals.zvw), "");
  row();
  if (r.municipalities.length) {
    row(t.csv.municipalities, c.name, c.residents, c.share, c.amount);
    for (const m of r.municipalities) row("", m.name, num(m.residents), num(m.share), num(m.amount));
    row("", t.sum, "", "", num(r.totals.municipal));
    row();
  }
  if (r.lines.length) {
    row(
      t.csv.lines,
      c.line,
      c.level,
      c.tasks,
      c.gross,
      c.existing,
      c.net,
      c.zvw,
      c.municipal,
      c.wlz,
      c.status,
    );
    for (const l of r.lines)
      row(
        "",
        l.name,
        t.levels[l.level] ?? l.level,
        l.mainTasks.join(" "),
        num(l.gross),
        num(l.existingFunding),
        num(l.net),
        num(l.zvw),
        num(l.municipal),
        num(l.wlz),
        l.status === "final" ? t.statusFinal : t.statusConditional,
      );
    const s = r.totals;
    row(
      "",
      t.sum,
      "",
      "",
      num(s.gross),
      num(s.existingFunding),
      num(s.net),
      num(s.zvw),
      num(s.municipal),
      num(s.wlz),
      "",
    );
    row();
  }
  const n = r.payments.payers[0]?.instalments.length ?? 0;
  row(t.csv.payments, c.payer, c.kind, c.amount, ...Array.from({ length: n }, (_, k) => String(k + 1)));
  for (const p of r.payments.payers)
    row(
      "",
      payerName(r, p.payer),
      p.kind === "zvw" ? t.kindZvw : t.kindMunicipal,
      num(p.amount),
      ...p.instalments.map(num),
    );
  return out;
}

/** A text cell for Dutch Excel: quoted when needed; text that Excel would run as a formula is defused. */
export function textCell(v) {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s;
}

/** The report as one CSV for Dutch Excel (UTF-8 BOM, `;`, decimal comma, CRLF), in sections. */
export function reportCsv(r, t) {
  const cell = (v) => {
    if (v && typeof v === "object") return v.n.replace(".", ","); // decimal comma, no grouping: stays a number
    const s = textCell(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = reportRows(r, t).map((cells) => cells.map(cell).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A scenario file's JSON object: `{ value }`, or `{ error }`: "tooLarge" (over MAX_JSON_BYTES) or "invalid". */
export async function readJsonFile(file) {
  if (file.size > MAX_JSON_BYTES) return { error: "tooLarge" };
  let value = null;
  try {
    value = JSON.parse(await file.text());
  } catch {
    value = null;
  }
  return value && typeof value === "object" && !Array.isArray(value) ? { value } : { error: "invalid" };
}

/** Offers `data` as a download called `name`. */
export function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario name: letters, digits and dashes. */
export const fileName = (name, ext) =>
  `${
    (name || "resv-scenario")
      .normalize("NFKD")
      .replace(/[^\w-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "resv-scenario"
  }.${ext}`;

/** Reads a file's bytes in chunks, reporting progress; refuses files over `max` before reading. */
export async function readBytes(file, max, onProgress) {
  if (file.size > max) return null;
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0,
    last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) {
      await reader.cancel();
      return null;
    } // the file grew while read
    bytes.set(value, at);
    at += value.length;
    if (at - last > 4 * 1024 * 1024) {
      last = at;
      onProgress?.(at, file.size);
      await new Promise((r) => setTimeout(r)); // a chunk read may resolve at once: let the thread breathe
    }
  }
  onProgress?.(at, file.size);
  return at === bytes.length ? bytes : bytes.subarray(0, at);
}

const b64url = (bytes) => {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};
const unb64url = (text) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** A state object packed for a URL fragment: JSON, deflated, base64url. */
export async function pack(state) {
  return b64url(
    await pipe(new TextEncoder().encode(JSON.stringify(state)), new CompressionStream("deflate-raw")),
  );
}
/** The inverse of `pack`; null when the text is not a packed state. Inflates at most 64 MB. */
export async function unpack(text) {
  try {
    const reader = new Blob([unb64url(text)])
      .stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_JSON_BYTES) {
        await reader.cancel();
        return null;
      }
      parts.push(value);
    }
    const v = JSON.parse(await new Blob(parts).text());
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
