// <resv-calculator>: the RESV calculator as one embeddable custom element (API.md). Import this
// one ES module (no bundler); it registers the element. Shadow DOM, so no CSS leaks either way;
// themed through --resv-* custom properties (style.js). The Wasm core runs in one worker per
// page (engine.js), initialised once, so parsing a national table never freezes the page.
//
//   <resv-calculator src="scenario.json" lang="nl" autosave="mijn-regio" share-link></resv-calculator>
//   el.scenario = {...}            // recalculates; el.report is the last Report (or null)
//   el.addEventListener("resv-report", (e) => e.detail)   // after every recalculation
//   el.addEventListener("resv-error", (e) => e.detail)    // { code, issues } when invalid
//   await el.exportScenario()       // the scenario with its market rows, as calculate reads it
import { getEngine } from "./engine.js";
import { TEXT, formats, issue, issueText, ISSUES } from "./i18n.js";
import { buildEditor, clean } from "./editor.js";
import { el } from "./dom.js";
import { renderReport, renderWarnings, renderComparison, buildStatement } from "./results.js";
import { reportCsv, reportRows, textCell, download, fileName, pack, unpack, MAX_JSON_BYTES } from "./io.js";
import { CSS } from "./style.js";

let sheet;
/** Market data larger than this is not kept in the browser's storage (it holds ~5 MB per site). */
const MAX_SAVED_MARKET = 2_000_000;
const SHARE_KEY = "resv=";

/** The opaque market reference that `.scenario` carries; setting it back reuses the loaded data. */
class MarketRef {
  constructor(owner, ref, info) { this.owner = owner; this.ref = ref; Object.assign(this, info); Object.freeze(this); }
  toJSON() { return { rowCount: this.rowCount, note: "use await element.exportScenario() for the rows" }; }
}

export class ResvCalculator extends HTMLElement {
  static observedAttributes = ["src", "lang", "view"];

  /** Registers the element (once) under `name`. */
  static define(name = "resv-calculator") {
    if (!customElements.get(name)) customElements.define(name, ResvCalculator);
  }

  #root;
  #engine = getEngine();
  #scenario = null;           // the live, editable scenario, without its market
  #market = { kind: "none" }; // { kind, ref?, info?, name?, text?, issues? }
  #report = null;
  #issues = null;
  #base = null;               // the comparison's A: { name, report }
  #comparison = null;
  #seq = 0;      // calculations: only the newest one is shown
  #loadSeq = 0;  // scenarios and market loads: only the newest one is kept
  #shown = 0;
  #editor = null;
  #open = new Set(["general", "workArea", "market", "budget"]);
  #openStatements = new Set();
  #booted = false;
  #parts = {};
  #notice = "";
  #backup = null;
  /** Milliseconds of the last recalculation, from the edit to the rendered result. */
  timings = { calculate: 0, render: 0, total: 0 };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
    this.#root.adoptedStyleSheets = [sheet];
    this.#root.append(el("p", TEXT[this.#lang()].loading));
  }

  get scenario() {
    if (!this.#scenario) return null;
    const s = clean(this.#scenario);
    if (this.#market.ref) s.market = new MarketRef(this, this.#market.ref, { kind: this.#market.kind, name: this.#market.name ?? "", ...this.#market.info });
    return s;
  }
  set scenario(value) { this.#setScenario(value); }
  get report() { return this.#report; }

  /** The scenario with its market rows: a self-contained file `calculate` reads as it is. */
  async exportScenario() {
    const s = clean(this.#scenario ?? {});
    if (this.#market.ref) s.market = await this.#engine.call("exportRows", { market: this.#market.ref });
    return s;
  }

  /** Pins the current result as the comparison's A (null clears it). */
  pinComparison(on = true) {
    this.#base = on && this.#report ? { name: this.#report.name || TEXT[this.#lang()].unnamed, report: this.#report } : null;
    this.#compare().then(() => this.#renderResults());
  }

  connectedCallback() {
    if (this.#booted) return;
    this.#booted = true;
    this.#boot().catch((e) => {
      // The core could not load (e.g. the .wasm served with the wrong type, or blocked by a CSP).
      const box = el("p", `${issueText("not_started", this.#lang())}: ${e?.message ?? e}`, "stale-note");
      box.setAttribute("role", "alert");
      this.#root.replaceChildren(box);
      this.dispatchEvent(new CustomEvent("resv-error", { detail: { code: ISSUES.not_started.code, issues: [] }, bubbles: true, composed: true }));
    });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#booted || old === value) return;
    if (name === "lang") { this.#layout(); this.#rebuild(); this.#renderResults(); }
    if (name === "src" && value) this.#loadSrc(value);
  }

  #lang() { return this.getAttribute("lang") === "en" ? "en" : "nl"; }
  #t() { return TEXT[this.#lang()]; }
  #key(part) { return `resv-calc:${this.getAttribute("autosave")}:${part}`; }

  async #boot() {
    this.#layout();
    // A scenario set before connection wins; then a shared link, the autosave, src, the sample.
    if (this.#scenario) return;
    const hash = this.hasAttribute("share-link") ? new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY.slice(0, -1)) : null;
    if (hash) {
      const state = await unpack(hash);
      if (state) {
        this.#backup = this.#readSaved();
        await this.#restore(state);
        this.#note(this.#t().restoredShared, this.#backup ? { label: this.#t().backToOwn, run: () => this.#restore(this.#backup).then(() => { this.#backup = null; }) } : null);
        return;
      }
    }
    const saved = this.#readSaved();
    if (saved) {
      await this.#restore(saved);
      this.#note(this.#t().restored(formats(this.#lang()).date(saved.savedAt ?? Date.now())), { label: this.#t().reset, run: () => this.#useSample() });
      return;
    }
    if (this.getAttribute("src")) return this.#loadSrc(this.getAttribute("src"));
    await this.#useSample();
  }

  /** Loads the sample region's table in place of the current market; resolves to its scenario. */
  async #sampleMarket() {
    const { scenario, market } = await this.#engine.call("sample");
    await this.#freeMarket();
    this.#market = { kind: "sample", ref: market.ref, info: market };
    return scenario;
  }

  async #useSample() {
    this.#scenario = await this.#sampleMarket();
    this.#saveMarket();
    this.#rebuild();
    this.#recalculate();
  }

  async #loadSrc(src) {
    try {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      this.#setScenario(await response.json());
    } catch (e) {
      this.#fail([issue("src_unreadable", "src", src, e.message)]);
    }
  }

  /** Takes a scenario from outside (property, src, JSON file): its market becomes loaded data. */
  async #setScenario(value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return this.#fail([issue("scenario_not_object", "")]);
    }
    const { market, ...rest } = value;
    let live;
    try {
      live = structuredClone(rest);
    } catch {
      return this.#fail([issue("scenario_not_data", "")]);
    }
    const seq = ++this.#loadSeq;
    this.#scenario = live;
    if (market instanceof MarketRef && market.owner === this) {
      // The same loaded data: nothing to do.
    } else if (market === undefined || market === null) {
      await this.#freeMarket();
      this.#market = live.estimate ? { kind: "estimate" } : { kind: "none" };
    } else if (Array.isArray(market)) {
      await this.#freeMarket();
      const info = await this.#engine.call("rows", { rows: market, name: "scenario" }).catch(() => null);
      const text = market.length <= 20_000 ? JSON.stringify(market) : undefined;
      this.#market = info ? { kind: "rows", ref: info.ref, info, text } : { kind: "none" };
    } else if (typeof market.toCsv === "function") {
      // A MarketTable of the caller's own Wasm instance: read into this element's engine.
      await this.#freeMarket();
      this.#rebuild();
      await this.#loadMarket("file", market.toCsv(), "MarketTable");
      this.#rebuild();
      return;
    } else {
      this.#market = { kind: "none", issues: [issue("market_wrong_shape", "market")] };
    }
    if (seq !== this.#loadSeq) return;
    this.#save();
    this.#saveMarket();
    this.#rebuild();
    this.#recalculate();
  }

  async #freeMarket() {
    const ref = this.#market.ref;
    if (ref) await this.#engine.call("free", { market: ref }).catch(() => {});
  }

  /** Loads market data of `kind` (file | paste) into the engine, with progress. */
  async #loadMarket(kind, data, name) {
    const t = this.#t(), f = formats(this.#lang());
    const seq = ++this.#loadSeq;
    if (data instanceof Blob) {
      performance.mark("resv:read");
      this.#editor?.marketStatus(t.reading(f.bytes(0), f.bytes(data.size)), 0);
    } else {
      this.#editor?.marketStatus(t.parsing, null);
    }
    const old = this.#market.ref;
    // The engine reads a File itself (in the worker), reporting progress: the page never waits on it.
    const progress = (p) => {
      if (seq !== this.#loadSeq) return;
      if (p.parsing) { performance.mark("resv:parse"); this.#editor?.marketStatus(t.parsing, null); }
      else this.#editor?.marketStatus(t.reading(f.bytes(p.done), f.bytes(p.total)), p.total ? p.done / p.total : null);
    };
    try {
      const info = await this.#engine.call("load", { data, name }, [], progress);
      if (seq !== this.#loadSeq) { this.#engine.call("free", { market: info.ref }); return; }
      performance.mark("resv:parsed");
      this.#market = { kind, ref: info.ref, info, name, text: kind === "paste" ? data : undefined };
      if (kind !== "paste" && info.rowCount <= 100_000) this.#market.text = await this.#engine.call("exportCsv", { market: info.ref });
    } catch (e) {
      this.#market = { kind, name, text: kind === "paste" ? data : undefined, issues: e.issues ?? [{ code: "internal", path: "market", message: e.message, messageEn: e.message }] };
    }
    if (old && old !== this.#market.ref) this.#engine.call("free", { market: old }).catch(() => {});
    this.#saveMarket();
    this.#recalculate();
  }

  async #chooseSource(kind, payload) {
    const s = this.#scenario;
    if (kind !== "sample") delete s.illustrative;
    if (kind !== "estimate") delete s.estimate;
    this.#editor?.showSource(kind);
    if (kind === "sample") {
      await this.#sampleMarket();
      s.illustrative = true;
    } else if (kind === "estimate") {
      await this.#freeMarket();
      s.estimate ??= { shares: "national" };
      this.#market = { kind };
    } else if (kind === "file" && payload) {
      return this.#loadMarket("file", payload, payload.name);
    } else if (kind === "paste" && typeof payload === "string") {
      clearTimeout(this.#parts.pasteTimer);
      // A paste is read at once; typing in the box waits for a pause.
      this.#parts.pasteTimer = setTimeout(() => this.#loadMarket("paste", payload, ""), payload.length > 200_000 ? 0 : 120);
      return;
    } else {
      this.#market = { kind, ref: this.#market.kind === kind ? this.#market.ref : undefined, issues: [] };
    }
    this.#save();
    this.#saveMarket();
    this.#recalculate();
  }

  // ---- calculation ----

  async #recalculate() {
    if (!this.#scenario) return;
    const started = performance.now();
    const seq = ++this.#seq;
    this.#save();
    const t = this.#t();
    if (this.#market.issues?.length) return this.#fail(this.#market.issues.map((i) => ({ ...i, path: i.line ? "market" : i.path || "market" })));
    if (this.#market.kind === "file" && !this.#market.ref) {
      return this.#fail([this.#market.lost ? issue("market_file_lost", "market", this.#market.name) : issue("market_no_file", "market")]);
    }
    const scenario = clean(this.#scenario);
    let report;
    try {
      report = await this.#engine.call("calculate", { scenario, market: this.#market.ref });
    } catch (e) {
      if (seq !== this.#seq) return;
      return this.#fail(e.issues ?? [{ code: e.code ?? "internal", path: "", message: e.message, messageEn: e.message }]);
    }
    if (seq !== this.#seq) return; // a newer edit is on its way
    const calculated = performance.now();
    this.#report = report;
    this.#issues = null;
    if (this.#base) await this.#compare();
    if (seq !== this.#seq) return;
    this.#editor?.showIssues([], this.#lang());
    this.#renderResults();
    const done = performance.now();
    this.timings = { calculate: calculated - started, render: done - calculated, total: done - started };
    this.#status(t);
    this.dispatchEvent(new CustomEvent("resv-report", { detail: report, bubbles: true, composed: true }));
  }

  async #compare() {
    this.#comparison = null;
    if (!this.#base || !this.#report) return;
    try {
      this.#comparison = await this.#engine.call("compare", { a: this.#base.report, b: this.#report });
    } catch { /* two reports of this engine always compare; nothing to show otherwise */ }
  }

  #fail(issues) {
    this.#issues = issues;
    this.#editor?.showIssues(issues, this.#lang());
    this.#renderResults();
    this.#status(this.#t());
    this.dispatchEvent(new CustomEvent("resv-error", { detail: { code: "invalid_input", issues }, bubbles: true, composed: true }));
  }

  #status(t) {
    const m = this.#market, f = formats(this.#lang());
    let text = "";
    if (m.info) text = t.marketInfo({ rows: f.count(m.info.rowCount), labels: f.count(m.info.labels), postcodes: m.info.postcodeCount == null ? null : f.count(m.info.postcodeCount) });
    if (m.name && m.kind === "file") text = `${m.name}: ${text}`;
    if (m.kind === "file" && m.ref && !m.text) text += ` ${t.notSaved}`;
    this.#editor?.marketStatus(text);
  }

  // ---- layout and rendering ----

  #layout() {
    const t = this.#t();
    const p = this.#parts;
    p.notice = el("div", undefined, "notice");
    p.notice.setAttribute("role", "status");
    p.toolbar = this.#toolbar(t);
    p.editor = el("section", undefined, "editor-col");
    p.editor.setAttribute("aria-labelledby", "editor-h");
    const eh = el("h2", t.editorTitle);
    eh.id = "editor-h";
    p.editorBody = el("div");
    p.editor.append(eh, p.editorBody);
    p.results = el("section", undefined, "results-col");
    p.results.setAttribute("aria-labelledby", "results-h");
    p.results.setAttribute("aria-live", "off");
    const columns = el("div", undefined, "columns");
    columns.append(p.editor, p.results);
    this.#root.replaceChildren(p.toolbar, p.notice, columns);
    this.#note(this.#notice);
  }

  #toolbar(t) {
    const bar = el("div", undefined, "toolbar no-print");
    const button = (label, run, cls) => {
      const b = el("button", label, cls);
      b.type = "button";
      b.addEventListener("click", run);
      bar.append(b);
      return b;
    };
    const open = Object.assign(el("input"), { type: "file", accept: ".json,application/json", hidden: true });
    open.id = "open-json";
    open.addEventListener("change", () => open.files[0] && this.#openJson(open.files[0], false).finally(() => { open.value = ""; }));
    const openA = Object.assign(el("input"), { type: "file", accept: ".json,application/json", hidden: true });
    openA.id = "open-json-a";
    openA.addEventListener("change", () => openA.files[0] && this.#openJson(openA.files[0], true).finally(() => { openA.value = ""; }));
    button(t.importJson, () => open.click()).id = "import-json";
    button(t.exportJson, async () => {
      const s = await this.exportScenario();
      download(fileName(s.name, "json"), `${JSON.stringify(s, null, 2)}\n`, "application/json");
    }).id = "export-json";
    button(t.exportCsv, () => this.#report && download(fileName(this.#report.name, "csv"), reportCsv(this.#report, this.#t()), "text/csv;charset=utf-8")).id = "export-csv";
    button(t.exportXlsx, async () => {
      if (!this.#report) return;
      const { writeXlsx } = await import("./xlsx.js"); // the workbook writer loads only when asked for
      download(fileName(this.#report.name, "xlsx"), await writeXlsx(reportRows(this.#report, this.#t()), this.#t().resultsTitle, textCell), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }).id = "export-xlsx";
    button(t.shareLink, () => this.#share()).id = "share";
    button(t.reset, () => this.#useSample()).id = "reset";
    const shareWrap = el("div", undefined, "field share");
    shareWrap.hidden = true;
    const shareLabel = el("label", t.shareLabel);
    const shareOut = Object.assign(el("input"), { type: "text", readOnly: true, id: "share-link" });
    shareLabel.htmlFor = shareOut.id;
    shareWrap.append(shareLabel, shareOut);
    bar.append(open, openA, shareWrap);
    this.#parts.share = { wrap: shareWrap, out: shareOut };
    this.#parts.openA = openA;
    return bar;
  }

  #note(text, action) {
    this.#notice = text;
    const n = this.#parts.notice;
    if (!n) return;
    n.replaceChildren();
    if (!text) return;
    n.append(el("span", `${text} `));
    if (action) {
      const b = el("button", action.label);
      b.type = "button";
      b.addEventListener("click", () => { action.run(); this.#note(""); });
      n.append(b);
    }
  }

  /** Builds the editor anew (after a structural change or a new scenario), keeping focus where it belongs. */
  #rebuild(focus) {
    if (!this.#scenario || !this.#parts.editorBody) return;
    const t = this.#t();
    this.#editor = buildEditor(this.#scenario, this.#market, t, {
      changed: (structural, target) => {
        if (structural) { this.#rebuild(target); }
        this.#recalculate();
      },
      market: (kind, payload) => this.#chooseSource(kind, payload),
      isOpen: (id) => this.#open.has(id),
      setOpen: (id, open) => (open ? this.#open.add(id) : this.#open.delete(id)),
    });
    this.#parts.editorBody.replaceChildren(this.#editor.form);
    if (this.#issues) this.#editor.showIssues(this.#issues, this.#lang());
    this.#status(t);
    this.#editor.focus(focus);
  }

  #renderResults() {
    const p = this.#parts;
    if (!p.results) return;
    const t = this.#t(), f = formats(this.#lang()), lang = this.#lang();
    const out = [];
    const h = el("h2", this.#report?.name ? `${t.resultsTitle}: ${this.#report.name}` : t.resultsTitle);
    h.id = "results-h";
    out.push(h);
    if (this.#issues) {
      const box = el("div", undefined, "stale-note");
      box.setAttribute("role", "alert");
      box.append(el("p", t.invalid));
      out.push(box);
    }
    if (this.#report) {
      const body = el("div", undefined, "result");
      body.append(...renderReport(this.#report, t, f, (id) => this.#print(id), this.#openStatements));
      const wh = el("h3", t.warnings);
      const warnings = el("section");
      warnings.id = "warnings";
      warnings.append(wh, renderWarnings(this.#report.warnings, t, lang));
      body.append(warnings);
      out.push(body);
      out.push(this.#compareView(t, f));
    }
    p.results.classList.toggle("stale", Boolean(this.#issues));
    p.results.replaceChildren(...out);
    this.dataset.recalculated = String(++this.#shown);
  }

  #compareView(t, f) {
    const s = el("section", undefined, "compare");
    s.id = "compare";
    s.append(el("h3", t.compareTitle));
    const buttons = el("div", undefined, "toolbar");
    const button = (label, run, id) => {
      const b = el("button", label);
      b.type = "button";
      b.id = id;
      b.addEventListener("click", run);
      buttons.append(b);
    };
    button(t.compareSet, () => this.pinComparison(true), "compare-set");
    button(t.compareOpen, () => this.#parts.openA.click(), "compare-open");
    if (this.#base) button(t.compareClear, () => this.pinComparison(false), "compare-clear");
    s.append(buttons);
    if (this.#comparison) s.append(...renderComparison(this.#comparison, { a: this.#base.name, b: this.#report.name || t.current }, t, f));
    else s.append(el("p", t.compareNone, "hint"));
    return s;
  }

  #print(insurer) {
    const statements = this.#root.querySelectorAll(".statement");
    for (const d of statements) {
      const on = d.dataset.insurer === insurer;
      d.classList.toggle("printing", on);
      if (on) { buildStatement(d); d.open = true; }
    }
    this.setAttribute("printing", "");
    const done = () => { this.removeAttribute("printing"); for (const d of statements) d.classList.remove("printing"); };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  }

  // ---- files, links and the autosave ----

  async #openJson(file, asComparison) {
    const t = this.#t(), f = formats(this.#lang());
    let value = null;
    if (file.size <= MAX_JSON_BYTES) {
      try { value = JSON.parse(await file.text()); } catch { value = null; }
    } else {
      return this.#note(t.tooLarge(file.name, f.bytes(MAX_JSON_BYTES)));
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) return this.#note(t.invalidFile(file.name));
    if (!asComparison) {
      await this.#setScenario(value);
      return this.#note(t.opened(value.name ?? file.name));
    }
    // Scenario A from a file: calculated with its own market, then compared with the current one.
    try {
      const { market, ...rest } = value;
      let ref;
      if (Array.isArray(market)) ref = (await this.#engine.call("rows", { rows: market, name: file.name })).ref;
      const report = await this.#engine.call("calculate", { scenario: rest, market: ref });
      if (ref) this.#engine.call("free", { market: ref });
      this.#base = { name: value.name ?? file.name, report };
      await this.#compare();
      this.#renderResults();
      this.#note(t.opened(value.name ?? file.name));
    } catch (e) {
      this.#note(`${t.invalidFile(file.name)} ${(e.issues ?? []).slice(0, 3).map((i) => `${i.path}: ${this.#lang() === "en" ? i.messageEn : i.message}`).join("; ")}`);
    }
  }

  /** The state the autosave and the shareable link keep: the scenario and how to get its market back. */
  #state(forLink = false) {
    const m = this.#market;
    const market = { kind: m.kind, name: m.name };
    if (["file", "paste", "rows"].includes(m.kind) && typeof m.text === "string" && m.text.length <= (forLink ? 1_000_000 : MAX_SAVED_MARKET)) market.text = m.text;
    return { v: 2, savedAt: Date.now(), scenario: this.#scenario, market };
  }

  async #restore(state) {
    if (!state || typeof state !== "object" || !state.scenario || typeof state.scenario !== "object") return this.#useSample();
    const m = state.market ?? {};
    let rows = null;
    if (m.kind === "rows" && typeof m.text === "string") { try { rows = JSON.parse(m.text); } catch { rows = null; } }
    await this.#freeMarket();
    this.#scenario = structuredClone(state.scenario);
    this.#market = { kind: "none" };
    if (m.kind === "sample") {
      await this.#sampleMarket();
    } else if (m.kind === "estimate") {
      this.#market = { kind: "estimate" };
    } else if (rows) {
      const info = await this.#engine.call("rows", { rows, name: "" });
      this.#market = { kind: "rows", ref: info.ref, info, text: m.text };
    } else if ((m.kind === "file" || m.kind === "paste") && typeof m.text === "string") {
      this.#rebuild();
      await this.#loadMarket(m.kind, m.text, typeof m.name === "string" ? m.name : "");
      this.#rebuild();
      return;
    } else if (m.kind === "file") {
      this.#market = { kind: "file", name: typeof m.name === "string" ? m.name : "", lost: true };
    }
    this.#rebuild();
    this.#recalculate();
  }

  #readSaved() {
    if (!this.hasAttribute("autosave")) return null;
    try {
      const s = JSON.parse(localStorage.getItem(this.#key("scenario")) ?? "null");
      if (!s || s.v !== 2) return null;
      const text = localStorage.getItem(this.#key("market"));
      if (text !== null && s.market) s.market.text = text;
      return s;
    } catch { return null; } // a corrupt autosave is ignored; the sample is shown
  }

  #save() {
    if (!this.hasAttribute("autosave") || !this.#scenario) return;
    try {
      const { market, ...state } = this.#state();
      const { text, ...m } = market;
      localStorage.setItem(this.#key("scenario"), JSON.stringify({ ...state, market: m }));
    } catch { /* storage full or blocked: work goes on, nothing is lost from the page */ }
  }

  #saveMarket() {
    if (!this.hasAttribute("autosave")) return;
    try {
      const text = this.#state().market.text;
      if (typeof text === "string") localStorage.setItem(this.#key("market"), text);
      else localStorage.removeItem(this.#key("market"));
    } catch { /* as above */ }
    this.#save();
  }

  async #share() {
    const t = this.#t();
    const packed = await pack(this.#state(true));
    const url = new URL(location.href);
    url.hash = `${SHARE_KEY}${packed}`;
    const { wrap, out } = this.#parts.share;
    wrap.hidden = false;
    out.value = url.href;
    out.select();
    try {
      await navigator.clipboard.writeText(url.href);
      this.#note(t.shareDone);
    } catch {
      this.#note(t.shareMade);
    }
  }
}

ResvCalculator.define();
