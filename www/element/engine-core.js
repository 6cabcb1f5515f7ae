// The calculation engine: the Wasm core behind a small message protocol, so the same code runs
// in a dedicated worker (the default: a national PC6 import never freezes the page) or, where a
// worker cannot start (a cross-origin embed), on the main thread. Market tables stay inside the
// engine; the page holds only their reference number.
import { readBytes, MAX_MARKET_BYTES } from "./io.js";
import { issue } from "./i18n.js";
import init, {
  calculate,
  compare,
  parseMarketCsv,
  sampleScenario,
  sampleMarketCsv,
  version,
} from "./resv_calc.js";

/** Loaded market data by reference: a parsed `MarketTable`, or rows as a scenario gave them. */
const tables = new Map();
let nextRef = 1;
let started;

/** Initialises the Wasm core once in this thread. */
export function start() {
  started ??= init();
  return started;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const isZip = (b) => b instanceof Uint8Array && ZIP.every((x, i) => b[i] === x);

function describe(ref) {
  const t = tables.get(ref);
  if (Array.isArray(t.rows)) {
    const labels = new Set(t.rows.map((r) => (r && typeof r === "object" ? String(r.insurer) : "")));
    return {
      ref,
      name: t.name,
      rowCount: t.rows.length,
      postcodeCount: null,
      labels: labels.size,
      warnings: [],
    };
  }
  const m = t.table;
  return {
    ref,
    name: t.name,
    rowCount: m.rowCount,
    postcodeCount: m.postcodeCount,
    labels: m.insurers().length,
    warnings: m.warnings,
  };
}

/**
 * Rows as `toJSON()` gives them, as a CSV that `parseMarketCsv` reads back to the same rows:
 * every name exactly as it is (`toCsv()` defuses names a spreadsheet would run as a formula,
 * which is right for Excel but would rename such an insurer on its way through the autosave).
 */
export function rowsCsv(rows) {
  const concern = rows.some((r) => r.concern != null);
  const fraction = rows.some((r) => r.fraction != null);
  const q = (s) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ["postcode", "verzekeraar", ...(concern ? ["concern"] : []), "verzekerden"];
  const lines = [[...head, ...(fraction ? ["fractie"] : [])].join(";")];
  for (const r of rows) {
    const cells = [r.postcode, q(r.insurer)];
    if (concern) cells.push(q(r.concern ?? ""));
    cells.push(String(r.insured));
    if (fraction) cells.push((r.fraction ?? "1").replace(".", ","));
    lines.push(cells.join(";"));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A File's bytes, read with progress (other data as it is); refused past the file limit. */
async function bytesOf(data, name, progress) {
  if (!(data instanceof Blob)) return data;
  const bytes = await readBytes(data, MAX_MARKET_BYTES, (done, total) => progress?.({ done, total }));
  if (!bytes) {
    const mb = Math.round(MAX_MARKET_BYTES / 1024 / 1024);
    throw Object.assign(new Error("too large"), {
      code: "invalid_input",
      issues: [issue("market_file_too_large", "market", name, mb)],
    });
  }
  progress?.({ parsing: true });
  return bytes;
}

/** CSV text or bytes as they are; an XLSX workbook as its first sheet's CSV text. */
async function csvOf(input) {
  if (!isZip(input)) return input;
  const { xlsxToCsv } = await import("./xlsx.js"); // loaded only when a workbook comes
  return xlsxToCsv(input);
}

function loaded(input, name) {
  const table = parseMarketCsv(input);
  const ref = nextRef++;
  tables.set(ref, { table, name });
  return describe(ref);
}

/** The operations; each returns plain data (structured-clone safe) or throws the core's Error. */
const ops = {
  version: () => version(),
  /** The built-in sample region: its scenario (market left out) and its table loaded. */
  sample() {
    const scenario = sampleScenario();
    delete scenario.market;
    const ref = nextRef++;
    tables.set(ref, { table: parseMarketCsv(sampleMarketCsv()), name: "sample" });
    return { scenario, market: describe(ref) };
  },
  /**
   * Reads market data: CSV text or bytes, a File (read here, with progress, so a national table
   * never costs the page a frame), or an XLSX workbook (its first sheet).
   */
  async load({ data, name = "" }, progress) {
    const input = await bytesOf(data, name, progress);
    return loaded(await csvOf(input), name);
  },
  /**
   * A workbook's first sheet as CSV (UTF-8 bytes, transferred back): what the throwaway XLSX
   * worker does (engine.js ends it when its time is up, so no workbook can hold the page).
   */
  async xlsx({ data, name = "" }, progress) {
    const input = await bytesOf(data, name, progress);
    if (!isZip(input)) throw Object.assign(new Error("not a workbook"), { code: "internal" });
    return new TextEncoder().encode(await csvOf(input));
  },

  /** Market rows as a scenario gave them (calculate reads them itself). */
  rows({ rows, name = "" }) {
    const ref = nextRef++;
    tables.set(ref, { rows, name });
    return describe(ref);
  },
  calculate({ scenario, market }) {
    const s = { ...scenario };
    const t = market == null ? undefined : tables.get(market);
    if (market != null && !t) throw Object.assign(new Error("unknown market"), { code: "internal" });
    if (t) s.market = t.table ?? t.rows;
    return calculate(s);
  },
  compare: ({ a, b }) => compare(a, b),
  /** A table's rows as `calculate` reads them back (for a JSON scenario file). */
  exportRows({ market }) {
    const t = tables.get(market);
    return t ? (t.rows ?? t.table.toJSON()) : null;
  },
  /** A table as a CSV that reads back to the same rows (the autosave keeps small ones). */
  exportCsv({ market }) {
    const t = tables.get(market);
    return t?.table ? rowsCsv(t.table.toJSON()) : null;
  },
  free({ market }) {
    tables.get(market)?.table?.free();
    tables.delete(market);
    return true;
  },
};

/**
 * Runs one message `{ id, op, args }`; the answer is `{ id, value }` or `{ id, error }`.
 * `report(progress)` passes on progress of long operations (a file being read).
 */
export async function handle({ id, op, args }, report) {
  try {
    if (!Object.hasOwn(ops, op)) throw new Error(`unknown operation ${op}`);
    return { id, value: await ops[op](args ?? {}, report) };
  } catch (e) {
    if (e?.code === "invalid_input") return { id, error: { code: e.code, issues: e.issues } };
    return { id, error: { code: e?.code ?? "internal", message: String(e?.message ?? e) } };
  }
}
