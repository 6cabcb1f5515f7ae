// The market source of <resv-calculator>: where the insured persons per postcode come from (the
// sample region, a file, CSV or XLSX, a paste, a scenario's rows, the estimate) and the table
// loaded in the engine. The element asks; this controller loads, frees what it replaces, shows
// progress, and asks the element's update loop for what must follow.
import { formats, issue } from "./i18n.js";

/** The opaque market reference that `.scenario` carries; setting it back reuses the loaded data. */
export class MarketRef {
  constructor(owner, ref, info) {
    this.owner = owner;
    this.ref = ref;
    Object.assign(this, info);
    Object.freeze(this);
  }
  toJSON() {
    return { rowCount: this.rowCount, note: "use await element.exportScenario() for the rows" };
  }
}

/**
 * `host`: `{ element, engine, t(), lang(), request(...parts), editor() }`. `current` describes
 * the data: `{ kind, ref?, info?, name?, text?, issues?, lost? }` (`text` is what the autosave
 * keeps); `version` counts its changes, so the autosave writes a market only when it changed.
 */
export class MarketSource {
  current = { kind: "none" };
  version = 0;
  /** While a file is read: `{ text, value }` for the status line (value: a fraction, or null). */
  loading = null;
  #host;
  #seq = 0; // scenarios and market loads: only the newest one is kept
  #pasteTimer;

  constructor(host) {
    this.#host = host;
  }

  #set(market) {
    this.current = market;
    this.loading = null; // whatever was being read is replaced
    this.version++;
  }

  /** A new scenario or load begins: an older one still under way is dropped when it ends. */
  begin() {
    return ++this.#seq;
  }
  isNewest(seq) {
    return seq === this.#seq;
  }

  /** The market of `.scenario` for the outside: an opaque reference to the loaded data. */
  reference() {
    const m = this.current;
    return m.ref
      ? new MarketRef(this.#host.element, m.ref, { kind: m.kind, name: m.name ?? "", ...m.info })
      : undefined;
  }

  /** The loaded table's rows as `calculate` reads them, or undefined. */
  async rows() {
    return this.current.ref ? this.#host.engine.call("exportRows", { market: this.current.ref }) : undefined;
  }

  async free() {
    const ref = this.current.ref;
    if (ref) await this.#host.engine.call("free", { market: ref }).catch(() => {});
  }

  /** Loads the sample region's table in place of the current market; resolves to its scenario. */
  async sample() {
    const { scenario, market } = await this.#host.engine.call("sample");
    await this.free();
    this.#set({ kind: "sample", ref: market.ref, info: market });
    return scenario;
  }

  /**
   * Takes the `market` of a scenario set from outside (`live` is the rest of it). Resolves to
   * true when the element should go on with the scenario, false when a load took it over.
   */
  async take(market, live) {
    const engine = this.#host.engine;
    if (market instanceof MarketRef && market.owner === this.#host.element) return true; // the same loaded data
    if (market === undefined || market === null) {
      await this.free();
      this.#set(live.estimate ? { kind: "estimate" } : { kind: "none" });
    } else if (Array.isArray(market)) {
      await this.free();
      const info = await engine.call("rows", { rows: market, name: "scenario" }).catch(() => null);
      const text = market.length <= 20_000 ? JSON.stringify(market) : undefined;
      this.#set(info ? { kind: "rows", ref: info.ref, info, text } : { kind: "none" });
    } else if (typeof market.toCsv === "function") {
      // A MarketTable of the caller's own Wasm instance: read into this element's engine, by its
      // rows (toCsv() defuses formula-like names for Excel, which would rename such an insurer).
      const { rowsCsv } = await import("./engine-core.js");
      const csv = rowsCsv(market.toJSON());
      await this.free();
      this.#host.request("editor");
      await this.load("file", csv, "MarketTable", { editor: true });
      return false;
    } else {
      this.#set({ kind: "none", issues: [issue("market_wrong_shape", "market")] });
    }
    return true;
  }

  /** The market of a saved or shared state `m` (see calculator-persistence.js). */
  async restore(m) {
    let rows = null;
    if (m.kind === "rows" && typeof m.text === "string") {
      try {
        rows = JSON.parse(m.text);
      } catch {
        rows = null;
      }
    }
    await this.free();
    this.#set({ kind: "none" });
    const name = typeof m.name === "string" ? m.name : "";
    if (m.kind === "sample") {
      await this.sample();
    } else if (m.kind === "estimate") {
      this.#set({ kind: "estimate" });
    } else if (rows) {
      const info = await this.#host.engine.call("rows", { rows, name: "" });
      this.#set({ kind: "rows", ref: info.ref, info, text: m.text });
    } else if ((m.kind === "file" || m.kind === "paste") && typeof m.text === "string") {
      this.#host.request("editor");
      return this.load(m.kind, m.text, name, { editor: true });
    } else if (m.kind === "file") {
      this.#set({ kind: "file", name, lost: true });
    }
    this.#host.request("editor", "calculate", "save");
  }

  #progress(text, value) {
    this.loading = { text, value };
    this.#host.editor()?.marketStatus(text, value);
  }

  /**
   * Loads market data of `kind` (file | paste) into the engine, with progress; then asks for a
   * calculation and a save (and an editor, with `editor`: the source shown changes).
   */
  async load(kind, data, name, { editor = false } = {}) {
    const t = this.#host.t(),
      f = formats(this.#host.lang());
    const engine = this.#host.engine;
    const seq = this.begin();
    if (data instanceof Blob) {
      performance.mark("resv:read");
      this.#progress(t.reading(f.bytes(0), f.bytes(data.size)), 0);
    } else {
      this.#progress(t.parsing, null);
    }
    const old = this.current.ref;
    // The engine reads a File itself (in the worker), reporting progress: the page never waits on it.
    const progress = (p) => {
      if (!this.isNewest(seq)) return;
      if (p.parsing) {
        performance.mark("resv:parse");
        this.#progress(t.parsing, null);
      } else this.#progress(t.reading(f.bytes(p.done), f.bytes(p.total)), p.total ? p.done / p.total : null);
    };
    const text = kind === "paste" ? data : undefined;
    try {
      const info = await engine.call("load", { data, name }, [], progress);
      if (!this.isNewest(seq)) {
        engine.call("free", { market: info.ref });
        return;
      }
      performance.mark("resv:parsed");
      // A file's own date goes on the statements (the data itself names no peildatum).
      const modified =
        data instanceof Blob && typeof data.lastModified === "number" ? data.lastModified : undefined;
      const market = { kind, ref: info.ref, info, name, text, modified };
      if (kind !== "paste" && info.rowCount <= 100_000)
        market.text = await engine.call("exportCsv", { market: info.ref });
      this.#set(market);
    } catch (e) {
      this.#set({
        kind,
        name,
        text,
        issues: e.issues ?? [{ code: "internal", path: "market", message: e.message, messageEn: e.message }],
      });
    }
    this.loading = null;
    if (old && old !== this.current.ref) engine.call("free", { market: old }).catch(() => {});
    this.#host.request(...(editor ? ["editor"] : []), "calculate", "save");
  }

  /** The user picks a source of `kind` in the editor (`payload`: the file, or the pasted text). */
  async choose(kind, scenario, payload) {
    if (kind !== "sample") delete scenario.illustrative;
    if (kind !== "estimate") delete scenario.estimate;
    this.#host.editor()?.showSource(kind);
    if (kind === "sample") {
      await this.sample();
      scenario.illustrative = true;
    } else if (kind === "estimate") {
      await this.free();
      scenario.estimate ??= { shares: "national" };
      this.#set({ kind });
    } else if (kind === "file" && payload) {
      return this.load("file", payload, payload.name);
    } else if (kind === "paste" && typeof payload === "string") {
      clearTimeout(this.#pasteTimer);
      // A paste is read at once; typing in the box waits for a pause.
      this.#pasteTimer = setTimeout(
        () => this.load("paste", payload, ""),
        payload.length > 200_000 ? 0 : 120,
      );
      return;
    } else {
      this.#set({ kind, ref: this.current.kind === kind ? this.current.ref : undefined, issues: [] });
    }
    this.#host.request("calculate", "save");
  }

  /** Issues that stop a calculation before the core is asked (the data could not be read, or is missing). */
  blocking() {
    const m = this.current;
    if (m.issues?.length)
      return m.issues.map((i) => ({ ...i, path: i.line ? "market" : i.path || "market" }));
    if (m.kind === "file" && !m.ref)
      return [m.lost ? issue("market_file_lost", "market", m.name) : issue("market_no_file", "market")];
    return null;
  }

  /** The market part's status line: what is loaded, or how far a load is. */
  status(t, f) {
    if (this.loading) return this.loading;
    const m = this.current;
    let text = "";
    if (m.info)
      // Plurals by the counts themselves ("1 postcode", "2 postcodes").
      text = t.marketInfo(
        { rows: m.info.rowCount, labels: m.info.labels, postcodes: m.info.postcodeCount ?? null },
        f,
      );
    if (m.name && m.kind === "file") text = `${m.name}: ${text}`;
    if (m.kind === "file" && m.ref && !m.text) text += ` ${t.notSaved}`;
    return { text, value: undefined };
  }
}
