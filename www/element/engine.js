// One engine per page, shared by every <resv-calculator>: the Wasm core in a module worker
// when one can start, else on the main thread (same code, engine-core.js). `init()` of the core
// runs once per thread that uses it.
let engine;

/** The page's engine: `call(op, args, transfer?) -> Promise`. */
export function getEngine() {
  engine ??= createEngine();
  return engine;
}

function createEngine() {
  let nextId = 1;
  const pending = new Map();
  let local = null; // the main-thread fallback, once needed
  let worker = null;
  let workerReady = null;

  const settle = (msg) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message ?? msg.error.code), msg.error));
    else p.resolve(msg.value);
  };

  const useLocal = async () => {
    local ??= import("./engine-core.js").then(async (core) => { await core.start(); return core; });
    return local;
  };

  try {
    worker = new Worker(new URL("./engine-worker.js", import.meta.url), { type: "module", name: "resv-calc" });
    workerReady = new Promise((ok) => {
      worker.addEventListener("message", (e) => (e.data.id === 0 ? ok(true) : settle(e.data)));
      worker.addEventListener("error", (e) => { e.preventDefault?.(); worker = null; ok(false); }, { once: true });
    });
  } catch {
    workerReady = Promise.resolve(false);
  }

  return {
    /** Where calculations run, once known: "worker" or "main". */
    async where() { return (await workerReady) ? "worker" : "main"; },
    async call(op, args, transfer = []) {
      const id = nextId++;
      const answer = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      if (await workerReady) worker.postMessage({ id, op, args }, transfer);
      else settle(await (await useLocal()).handle({ id, op, args }));
      return answer;
    },
  };
}
