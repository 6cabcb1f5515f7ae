// One engine per page, shared by every <resv-calculator>. Two places to run the Wasm core
// (engine-core.js, the same code in both):
//  - the main thread, for everyday work: the sample and files up to a few MB calculate in
//    about a millisecond, with no thread hop (an edit renders within a frame);
//  - a module worker, started only when a large file comes (a national PC6 table): it reads
//    and parses off the main thread, with progress, and calculates on that table there.
// Market references carry where their table lives ("m3" or "w3"). `init()` of the core runs
// once per thread that uses it. Where a worker cannot start (a cross-origin embed), the main
// thread does everything.
// An XLSX workbook, of any size, is read to CSV in a worker of its own that is ended when its
// time budget is spent (XLSX_BUDGET): the page stays responsive with any file, and a workbook
// that takes too long is refused with a message, not waited for. Where no worker can start,
// the engine reads it on its own thread (the reader is linear in the file, but unbounded).
import { issue } from "./i18n.js";

let engine;

/** Files at least this large are read and parsed in the worker. */
export const WORKER_BYTES = 4 * 1024 * 1024;

/**
 * How long reading one workbook may take: `baseMs` plus `perMbMs` for every MB of the file
 * (reading a workbook takes about 0.5 s per MB on a 2-core machine, so this is ~4x that, plus
 * the worker's start). Exported so that a test can shorten it.
 */
export const XLSX_BUDGET = { baseMs: 20_000, perMbMs: 2_000 };

/** The page's engine: `call(op, args, transfer?, onProgress?) -> Promise`. */
export function getEngine() {
  engine ??= createRouter();
  return engine;
}

function createLocal() {
  let core = null;
  return {
    async call(op, args, transfer, onProgress) {
      core ??= import("./engine-core.js").then(async (c) => {
        await c.start();
        return c;
      });
      const c = await core;
      const msg = await c.handle({ id: 0, op, args }, onProgress);
      if (msg.error) throw Object.assign(new Error(msg.error.message ?? msg.error.code), msg.error);
      return msg.value;
    },
  };
}

function createWorker(fallback) {
  let nextId = 1;
  const pending = new Map();
  let worker = null;
  let ready;
  const settle = (msg) => {
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.progress) return p.onProgress?.(msg.progress);
    pending.delete(msg.id);
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message ?? msg.error.code), msg.error));
    else p.resolve(msg.value);
  };
  try {
    worker = new Worker(new URL("./engine-worker.js", import.meta.url), {
      type: "module",
      name: "resv-calc",
    });
    ready = new Promise((ok) => {
      worker.addEventListener("message", (e) => (e.data.id === 0 ? ok(true) : settle(e.data)));
      worker.addEventListener(
        "error",
        (e) => {
          e.preventDefault?.();
          ok(false);
        },
        { once: true },
      );
    });
  } catch {
    ready = Promise.resolve(false);
  }
  return {
    async call(op, args, transfer = [], onProgress) {
      if (!(await ready)) return fallback.call(op, args, transfer, onProgress);
      const id = nextId++;
      const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject, onProgress }));
      worker.postMessage({ id, op, args }, transfer);
      return answer;
    },
  };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
async function isWorkbook(d) {
  const head =
    d instanceof Blob
      ? new Uint8Array(await d.slice(0, 4).arrayBuffer())
      : d instanceof Uint8Array
        ? d
        : null;
  return head !== null && ZIP.every((x, i) => head[i] === x);
}

/**
 * Reads workbook `data` (a File or bytes) to CSV bytes in a worker of its own, ended when its
 * budget is spent (refused with `xlsx_too_slow`). Resolves to null when no worker can start.
 */
function xlsxInWorker(data, name, onProgress) {
  return new Promise((resolve, reject) => {
    let w;
    try {
      w = new Worker(new URL("./engine-worker.js", import.meta.url), {
        type: "module",
        name: "resv-calc-xlsx",
      });
    } catch {
      return resolve(null);
    }
    const bytes = data instanceof Blob ? data.size : data.byteLength;
    const ms = XLSX_BUDGET.baseMs + (XLSX_BUDGET.perMbMs * bytes) / 1e6;
    let started = false;
    const fail = (key, ...args) => {
      const found = issue(key, "market", ...args);
      return Object.assign(new Error(found.messageEn), { code: "invalid_input", issues: [found] });
    };
    const end = () => {
      clearTimeout(timer);
      w.terminate();
    };
    const timer = setTimeout(() => {
      end();
      reject(fail("xlsx_too_slow", Math.ceil(ms / 1000)));
    }, ms);
    w.addEventListener("message", (e) => {
      const m = e.data;
      if (m.id === 0) {
        started = true;
        return w.postMessage({ id: 1, op: "xlsx", args: { data, name } });
      }
      if (m.progress) return onProgress?.(m.progress);
      end();
      if (m.error) reject(Object.assign(new Error(m.error.message ?? m.error.code), m.error));
      else resolve(m.value);
    });
    w.addEventListener("error", (e) => {
      e.preventDefault?.();
      end();
      // Could not start (e.g. the module is served from another origin): read it elsewhere.
      // Ended while reading (out of memory): the workbook is refused.
      if (started) reject(fail("xlsx_damaged"));
      else resolve(null);
    });
  });
}

function createRouter() {
  const local = createLocal();
  let remote = null;
  const worker = () => (remote ??= createWorker(local));
  const size = (d) =>
    d instanceof Blob ? d.size : (d?.byteLength ?? (typeof d === "string" ? d.length : 0));
  const tag = (info, where) =>
    info && typeof info === "object" && "ref" in info ? { ...info, ref: `${where}${info.ref}` } : info;
  return {
    async call(op, args = {}, transfer = [], onProgress) {
      let where = "m";
      const a = { ...args };
      if (typeof a.market === "string") {
        where = a.market[0];
        a.market = Number(a.market.slice(1));
      }
      if (op === "load" && (await isWorkbook(a.data))) {
        const csv = await xlsxInWorker(a.data, a.name, onProgress);
        if (csv) {
          a.data = csv;
          transfer = [csv.buffer];
        }
      }
      if (op === "load" && size(a.data) >= WORKER_BYTES) where = "w";
      const value = await (where === "w" ? worker() : local).call(op, a, transfer, onProgress);
      if (op === "sample") return { ...value, market: tag(value.market, where) };
      return op === "load" || op === "rows" ? tag(value, where) : value;
    },
  };
}
