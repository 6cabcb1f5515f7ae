// One engine per page, shared by every <resv-calculator>. Two places to run the Wasm core
// (engine-core.js, the same code in both):
//  - the main thread, for everyday work: the sample and files up to a few MB calculate in
//    about a millisecond, with no thread hop (an edit renders within a frame);
//  - a module worker, started only when a large file comes (a national PC6 table): it reads
//    and parses off the main thread, with progress, and calculates on that table there.
// Market references carry where their table lives ("m3" or "w3"). `init()` of the core runs
// once per thread that uses it. Where a worker cannot start (a cross-origin embed), the main
// thread does everything.
let engine;

/** Files at least this large are read and parsed in the worker. */
export const WORKER_BYTES = 4 * 1024 * 1024;

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
      if (op === "load" && size(a.data) >= WORKER_BYTES) where = "w";
      const value = await (where === "w" ? worker() : local).call(op, a, transfer, onProgress);
      if (op === "sample") return { ...value, market: tag(value.market, where) };
      return op === "load" || op === "rows" ? tag(value, where) : value;
    },
  };
}
