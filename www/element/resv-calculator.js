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
//
// The class holds the attributes, properties and events, and one batched update loop (like
// Lit's requestUpdate): whatever changes asks `#request("calculate" | "editor" | "results" |
// "save")`, and everything asked within one task runs once, in a microtask, in the order of
// UPDATE_ORDER. Three controllers do the rest: the market source (calculator-market.js), the
// autosave and the link (calculator-persistence.js) and the comparison (calculator-comparison.js).
import { getEngine } from "./engine.js";
import { TEXT, formats, issue, issueText, ISSUES } from "./i18n.js";
import { el } from "./dom.js";
import { buildEditor, clean, partiesKey } from "./editor.js";
import { renderReport, renderWarnings, buildStatement } from "./results.js";
import {
  reportCsv,
  reportTables,
  download,
  fileName,
  reportFileName,
  readJsonFile,
  MAX_JSON_BYTES,
} from "./io.js";
import { buildLayout } from "./calculator-layout.js";
import { MarketSource } from "./calculator-market.js";
import { Persistence } from "./calculator-persistence.js";
import { Comparison } from "./calculator-comparison.js";
import { CSS } from "./style.js";
import { startTyped } from "./typed.js";

/**
 * The parts of one update, in the order they run. The calculation first: it takes its copy of
 * the scenario at once and the engine works on it while the rest runs (its outcome comes back
 * as a later "results"). The editor before the results, so a fresh outcome's issues land in the
 * new form. The save last, off the path from an edit to the screen (localStorage blocks).
 */
const UPDATE_ORDER = ["calculate", "editor", "results", "save"];

let sheet;

// Server-side rendering imports this module where there is no DOM: the class then extends a
// stand-in and nothing is registered, so the import itself never throws.
const Base = globalThis.HTMLElement ?? class {};

export class ResvCalculator extends Base {
  static observedAttributes = ["src", "lang", "view"];

  /** Registers the element (once) under `name`. */
  static define(name = "resv-calculator") {
    if (globalThis.customElements && !customElements.get(name)) customElements.define(name, ResvCalculator);
  }

  #root;
  #engine = getEngine();
  #scenario = null; // the live, editable scenario, without its market
  #report = null;
  #issues = null; // the issues of the newest outcome, or null when it is a report
  #wanted = new Set(); // the parts asked for since the last update
  #focus; // where the focus goes when the editor is rebuilt
  #calcSeq = 0; // calculations: only the newest one is shown
  #fresh = null; // an outcome not yet shown: { report, comparison, started, calculated } | { issues }
  #shown = 0;
  #editor = null;
  #open = new Set(["general", "workArea", "market", "budget"]);
  #openStatements = new Set();
  #booted = false;
  #parts = {};
  #notice = "";
  #typed = new Map(); // path → what the user typed there (editor-fields.js)
  #untouched = new Set(); // paths of new items not yet edited: their issues wait
  #host = {
    element: this,
    engine: this.#engine,
    t: () => this.#t(),
    lang: () => this.#lang(),
    request: (...parts) => this.#request(...parts),
    editor: () => this.#editor,
    scenario: () => this.#scenario,
    setScenario: (s) => {
      this.#scenario = s;
    },
    useSample: () => this.#useSample(),
    typed: () => this.#typed,
    setTyped: (saved) => {
      this.#typed.clear();
      if (!saved || typeof saved !== "object") return;
      for (const [path, m] of Object.entries(saved))
        if (m && typeof m.text === "string" && typeof m.value === "string" && typeof m.lang === "string")
          this.#typed.set(path, { text: m.text, value: m.value, lang: m.lang });
    },
    note: (text, ...actions) => this.#note(text, ...actions),
    // The comparison's A, kept with the autosave and the link so it survives a reload.
    comparison: () => this.#comparison?.base ?? null,
    setComparison: (base) => {
      const ok = base && typeof base === "object" && typeof base.name === "string";
      this.#comparison.base = ok && base.report && typeof base.report === "object" ? base : null;
    },
    storageFull: () =>
      this.#note(this.#t().storageFull, { label: this.#t().saveAsFile, run: () => this.#saveFile() }),
  };
  #market = new MarketSource(this.#host);
  #persist = new Persistence(this.#host, this.#market);
  #comparison = new Comparison(this.#engine);
  /** Milliseconds of the last recalculation, from the edit to the rendered result. */
  timings = { calculate: 0, render: 0, total: 0 };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    this.#root.adoptedStyleSheets = [sheet];
    this.#root.append(el("p", TEXT[this.#lang()].loading));
  }

  get scenario() {
    if (!this.#scenario) return null;
    const s = clean(this.#scenario);
    const ref = this.#market.reference();
    if (ref) s.market = ref;
    return s;
  }
  set scenario(value) {
    this.#setScenario(value);
  }
  get report() {
    return this.#report;
  }

  /** The scenario with its market rows: a self-contained file `calculate` reads as it is. */
  async exportScenario() {
    const s = clean(this.#scenario ?? {});
    const rows = await this.#market.rows();
    if (rows !== undefined) s.market = rows;
    return s;
  }

  /** Pins the current result as the comparison's A (null clears it). */
  pinComparison(on = true) {
    const report = on ? this.#report : null;
    this.#comparison
      .pin(report, report?.name || this.#t().unnamed, this.#report)
      .then(() => this.#request("results", "save"));
  }

  connectedCallback() {
    if (this.#booted) return;
    this.#booted = true;
    this.#boot().catch((e) => {
      // The core could not load (e.g. the .wasm served with the wrong type, or blocked by a CSP).
      const box = el("p", `${issueText("not_started", this.#lang())}: ${e?.message ?? e}`, "stale-note");
      box.setAttribute("role", "alert");
      this.#root.replaceChildren(box);
      this.dispatchEvent(
        new CustomEvent("resv-error", {
          detail: { code: ISSUES.not_started.code, issues: [] },
          bubbles: true,
          composed: true,
        }),
      );
    });
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#booted || old === value) return;
    if (name === "lang") {
      this.#layout();
      this.#request("editor", "results");
    }
    if (name === "src" && value) this.#loadSrc(value);
  }

  #lang() {
    return this.getAttribute("lang") === "en" ? "en" : "nl";
  }
  #t() {
    return TEXT[this.#lang()];
  }

  // ---- the update loop ----

  /** Asks for `parts` of an update; all asked within one task run once, in UPDATE_ORDER. */
  #request(...parts) {
    if (!parts.length) return;
    if (!this.#wanted.size) queueMicrotask(() => this.#update());
    for (const part of parts) this.#wanted.add(part);
  }

  #update() {
    const wanted = this.#wanted;
    this.#wanted = new Set();
    const run = {
      calculate: () => this.#calculate(),
      editor: () => this.#rebuild(),
      results: () => this.#renderResults(),
      save: () => this.#persist.save(),
    };
    for (const part of UPDATE_ORDER) if (wanted.has(part)) run[part]();
  }

  /** Calculates the scenario as it is now; the outcome is shown by the next "results". */
  async #calculate() {
    if (!this.#scenario) return;
    const started = performance.now();
    const seq = ++this.#calcSeq;
    const blocking = this.#market.blocking();
    if (blocking) return this.#settle({ issues: blocking }, seq);
    let report;
    try {
      report = await this.#engine.call("calculate", {
        scenario: clean(this.#scenario),
        market: this.#market.current.ref,
      });
    } catch (e) {
      return this.#settle(
        {
          issues: e.issues ?? [
            { code: e.code ?? "internal", path: "", message: e.message, messageEn: e.message },
          ],
        },
        seq,
      );
    }
    const calculated = performance.now();
    if (seq !== this.#calcSeq) return; // a newer edit is on its way
    const comparison = await this.#comparison.of(report);
    this.#settle({ report, comparison, started, calculated }, seq);
  }

  /** An outcome to show: a report, or the issues of an input that could not be calculated. */
  #settle(outcome, seq = ++this.#calcSeq) {
    if (seq !== this.#calcSeq) return; // the newest calculation wins
    this.#fresh = outcome;
    this.#request("results");
  }

  /** Builds the editor anew (after a structural change or a new scenario), keeping focus where it belongs. */
  #rebuild() {
    const active = this.#root.activeElement;
    const focus =
      this.#focus ??
      (active?.id && this.#parts.editorBody?.contains(active)
        ? { id: active.id, selection: [active.selectionStart, active.selectionEnd] }
        : undefined);
    this.#focus = undefined;
    if (!this.#scenario || !this.#parts.editorBody) return;
    this.#editor = buildEditor(this.#scenario, this.#market.current, this.#t(), {
      changed: (structural, target) => {
        if (structural) this.#focus = target;
        this.#request(...(structural ? ["editor"] : []), "calculate", "save");
      },
      market: (kind, payload) => this.#market.choose(kind, this.#scenario, payload),
      isOpen: (id) => this.#open.has(id),
      setOpen: (id, open) => (open ? this.#open.add(id) : this.#open.delete(id)),
      lang: () => this.#lang(),
      // The paying parties of the last result, each with its contract in the editor.
      parties: () => (this.#report?.insurers ?? []).map((i) => ({ id: i.id, name: i.name })),
      removed: (key, item) => this.#removed(key, item),
      typed: this.#typed,
      untouched: this.#untouched,
    });
    this.#parts.editorBody.replaceChildren(this.#editor.form);
    if (this.#issues || this.#report)
      this.#editor.showIssues(this.#issues ?? [], this.#lang(), this.#report?.warnings ?? []);
    this.#showStatus();
    this.#editor.focus(focus);
  }

  #showStatus() {
    const { text, value } = this.#market.status(this.#t(), formats(this.#lang()));
    this.#editor?.marketStatus(text, value);
  }

  /** Shows the newest outcome (if one came) and the results; then tells the page. */
  #renderResults() {
    const outcome = this.#fresh;
    this.#fresh = null;
    if (outcome?.report) {
      this.#report = outcome.report;
      this.#comparison.result = outcome.comparison;
      // Other paying parties (new market data, another work area): the contracts follow them.
      if (this.#editor && this.#editor.parties !== partiesKey(outcome.report.insurers))
        this.#request("editor");
    }
    if (outcome) {
      this.#issues = outcome.issues ?? null;
      this.#editor?.showIssues(outcome.issues ?? [], this.#lang(), outcome.report?.warnings ?? []);
    }
    this.#drawResults();
    if (!outcome) return;
    this.#showStatus();
    if (outcome.report) {
      const done = performance.now();
      this.timings = {
        calculate: outcome.calculated - outcome.started,
        render: done - outcome.calculated,
        total: done - outcome.started,
      };
      this.dispatchEvent(
        new CustomEvent("resv-report", { detail: outcome.report, bubbles: true, composed: true }),
      );
    } else {
      this.dispatchEvent(
        new CustomEvent("resv-error", {
          detail: { code: "invalid_input", issues: outcome.issues },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  #drawResults() {
    const p = this.#parts;
    if (!p.results) return;
    const t = this.#t(),
      f = formats(this.#lang());
    const h = el("h2", this.#report?.name ? `${t.resultsTitle}: ${this.#report.name}` : t.resultsTitle);
    h.id = "results-h";
    const out = [h];
    if (this.#issues) {
      const box = el("div", undefined, "stale-note");
      box.setAttribute("role", "alert");
      box.append(el("p", t.invalid));
      out.push(box);
    }
    if (this.#report) {
      const body = el("div", undefined, "result");
      const m = this.#market.current;
      const source = { kind: m.kind, name: m.name, modified: m.modified };
      body.append(...renderReport(this.#report, t, f, (id) => this.#print(id), this.#openStatements, source));
      const warnings = el("section");
      warnings.id = "warnings";
      warnings.append(el("h3", t.warnings), renderWarnings(this.#report.warnings, t, this.#lang()));
      body.append(warnings);
      out.push(
        body,
        this.#comparison.render(t, f, this.#report, {
          pin: (on) => this.pinComparison(on),
          open: () => p.openA.click(),
        }),
      );
    }
    p.results.classList.toggle("stale", Boolean(this.#issues));
    p.results.replaceChildren(...out);
    this.dataset.recalculated = String(++this.#shown);
  }

  // ---- scenarios in ----

  async #boot() {
    this.#layout();
    await startTyped(); // the editor reads amounts as they are typed, with the core, on this thread
    // A scenario set before connection wins; then a shared link, the autosave, src, the sample.
    if (this.#scenario) return;
    const t = this.#t();
    this.#persist.watch((other) =>
      this.#note(
        t.otherTab,
        { label: t.keepThis, run: () => this.#persist.save() },
        {
          label: t.takeOther,
          run: () => this.#persist.restore(other),
        },
      ),
    );
    let shared = null;
    try {
      shared = await this.#persist.fromLink();
    } catch {
      shared = { setAside: true };
    }
    if (shared && !shared.setAside) {
      // A shared link opens beside the user's own save, which stays one click away; edits to
      // the shared scenario are saved beside it too, and come back when the link is reloaded.
      const own = this.#persist.read();
      this.#persist.useSlot("shared");
      const edited = this.#persist.sharedSave();
      if (!(await this.#tryRestore(edited ?? shared))) return;
      this.#note(
        this.#persist.marketAside
          ? this.#asideText(this.#persist.marketAside)
          : edited
            ? t.sharedKept
            : t.restoredShared,
        own && !own.setAside
          ? {
              label: t.backToOwn,
              run: () => {
                this.#persist.useSlot("scenario");
                this.#persist.forgetLink();
                return this.#tryRestore(own);
              },
            }
          : null,
      );
      return;
    }
    const saved = this.#persist.read();
    if (saved?.setAside || shared?.setAside) {
      await this.#useSample();
      return this.#note(t.setAside);
    }
    if (saved) {
      if (!(await this.#tryRestore(saved))) return;
      const previous = this.#persist.read("previous");
      this.#note(
        this.#persist.marketAside
          ? this.#asideText(this.#persist.marketAside)
          : t.restored(
              formats(this.#lang()).date(Math.abs(saved.savedAt) <= 8.64e15 ? saved.savedAt : Date.now()),
            ),
        previous && !previous.setAside
          ? { label: t.previousBack, run: () => this.#replace(() => this.#tryRestore(previous)) }
          : { label: t.reset, run: () => this.#askReset() },
      );
      return;
    }
    if (this.getAttribute("src")) return this.#loadSrc(this.getAttribute("src"));
    await this.#useSample();
  }

  /** The notice for market data set aside on restore: why, in the page's language. */
  #asideText(why) {
    const t = this.#t();
    const en = this.#lang() === "en";
    return t.marketSetAside(
      typeof why === "string" ? t.marketWhy[why] : `${why.path}: ${en ? why.messageEn : why.message}`,
    );
  }

  /** Restores a saved or shared state; one that cannot be used is set aside, and the sample starts. */
  async #tryRestore(state) {
    try {
      await this.#persist.restore(state);
      return true;
    } catch {
      this.#persist.setAside("scenario");
      this.#persist.useSlot("scenario");
      await this.#useSample();
      this.#note(this.#t().setAside);
      return false;
    }
  }

  /** Reset and the empty starts ask first; what they replace stays one click away. */
  #askReset(start = () => this.#useSample()) {
    const t = this.#t();
    this.#note(
      t.resetAsk,
      { label: t.resetYes, run: () => this.#replace(start) },
      { label: t.cancel, run: () => {} },
    );
  }

  async #replace(start) {
    const t = this.#t();
    const previous = this.#persist.state();
    this.#persist.keepPrevious(previous);
    this.#persist.useSlot("scenario");
    await start();
    this.#note(t.replaced, { label: t.undo, run: () => this.#replace(() => this.#tryRestore(previous)) });
  }

  /** A new empty scenario, or only a lump sum to split (work area and market kept). */
  #startEmpty(onlySplit) {
    this.#askReset(async () => {
      const s = this.#scenario ?? {};
      const next = { name: "", year: s.year ?? 2027, workArea: onlySplit ? (s.workArea ?? []) : [] };
      if (onlySplit && s.lumpSum !== undefined) next.lumpSum = s.lumpSum;
      next.budget = [];
      next.municipalities = [];
      next.subcontracts = [];
      this.#typed.clear();
      this.#untouched.clear();
      this.#scenario = next;
      this.#request("editor", "calculate", "save");
    });
  }

  /** After an item is removed: what referred to it falls back, and the notice says so. */
  #removed(key, item) {
    const t = this.#t();
    const s = this.#scenario;
    if (!s || !item || typeof item !== "object") return;
    if (key === "municipalities" && item.id && s.leadMunicipality === item.id) {
      delete s.leadMunicipality;
      this.#note(t.leadCleared(item.id));
    }
    if (key === "budget" && item.id && Array.isArray(s.subcontracts)) {
      // A subcontract that also names other lines drops the removed one. One that named only
      // this line keeps the reference, so the core flags it at its lines field: covering every
      // line instead would widen what it is funded from without a word.
      let n = 0;
      const only = [];
      for (const c of s.subcontracts)
        if (c && Array.isArray(c.lines) && c.lines.includes(item.id)) {
          const rest = c.lines.filter((l) => l !== item.id);
          if (rest.length) {
            c.lines = rest;
            n++;
          } else only.push(String(c.contractor || c.id));
        }
      const notes = [n ? t.linesCleared(item.id, n) : "", only.length ? t.linesFlagged(item.id, only) : ""];
      if (n || only.length) this.#note(notes.filter(Boolean).join(" "));
    }
  }

  async #saveFile() {
    const s = await this.exportScenario();
    download(fileName(s.name, "json"), `${JSON.stringify(s, null, 2)}\n`, "application/json");
  }

  async #useSample() {
    this.#scenario = await this.#market.sample();
    this.#request("editor", "calculate", "save");
  }

  async #loadSrc(src) {
    try {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      this.#setScenario(await response.json());
    } catch (e) {
      this.#settle({ issues: [issue("src_unreadable", "src", src, e.message)] });
    }
  }

  /** Takes a scenario from outside (property, src, JSON file): its market becomes loaded data. */
  async #setScenario(value) {
    if (!value || typeof value !== "object" || Array.isArray(value))
      return this.#settle({ issues: [issue("scenario_not_object", "")] });
    const { market, ...rest } = value;
    let live;
    try {
      live = structuredClone(rest);
    } catch {
      return this.#settle({ issues: [issue("scenario_not_data", "")] });
    }
    const seq = this.#market.begin();
    this.#scenario = live;
    if (!(await this.#market.take(market, live)) || !this.#market.isNewest(seq)) return;
    this.#request("editor", "calculate", "save");
  }

  async #openJson(file, asComparison) {
    const t = this.#t();
    const { value, error } = await readJsonFile(file);
    if (error === "tooLarge")
      return this.#note(t.tooLarge(file.name, formats(this.#lang()).bytes(MAX_JSON_BYTES)));
    if (error) return this.#note(t.invalidFile(file.name));
    if (!asComparison) {
      await this.#setScenario(value);
      return this.#note(t.opened(value.name ?? file.name));
    }
    // Scenario A from a file: calculated with its own market, then compared with the current one.
    try {
      await this.#comparison.pinScenario(value, file.name, this.#report);
      this.#request("results");
      this.#note(t.opened(value.name ?? file.name));
    } catch (e) {
      const why = (e.issues ?? [])
        .slice(0, 3)
        .map((i) => `${i.path}: ${this.#lang() === "en" ? i.messageEn : i.message}`);
      this.#note(`${t.invalidFile(file.name)} ${why.join("; ")}`);
    }
  }

  // ---- the frame, the notice, files out ----

  #layout() {
    this.#parts = buildLayout(this.#root, this.#t(), {
      openJson: (file) => this.#openJson(file, false),
      openComparison: (file) => this.#openJson(file, true),
      exportJson: async () => {
        const s = await this.exportScenario();
        download(fileName(s.name, "json"), `${JSON.stringify(s, null, 2)}\n`, "application/json");
      },
      exportCsv: () =>
        this.#report &&
        download(
          reportFileName(this.#report, "csv"),
          reportCsv(this.#report, this.#t(), formats(this.#lang()), this.#exportInput()),
          "text/csv;charset=utf-8",
        ),
      exportXlsx: () => this.#exportXlsx(),
      share: () => this.#share(),
      reset: () => this.#askReset(),
      startEmpty: (onlySplit) => this.#startEmpty(onlySplit),
    });
    this.#note(this.#notice);
  }

  /** What the files add to the report: the scenario as entered (none while the input has
   *  errors: the report is then the last valid input's) and when the file is made. */
  #exportInput() {
    return { scenario: this.#issues ? null : this.scenario, date: Date.now() };
  }

  async #exportXlsx() {
    if (!this.#report) return;
    const { writeWorkbook } = await import("./xlsx.js"); // the workbook writer loads only when asked for
    const t = this.#t(),
      f = formats(this.#lang()),
      input = this.#exportInput();
    const book = await writeWorkbook(reportTables(this.#report, t, f, input), {
      names: t.book.sheets,
      f,
      title: t.book.title(this.#report.name, this.#report.year),
      created: input.date,
    });
    download(
      reportFileName(this.#report, "xlsx"),
      book,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
  }

  #note(text, ...actions) {
    this.#notice = text;
    const n = this.#parts.notice;
    if (!n) return;
    n.replaceChildren();
    if (!text) return;
    n.append(el("span", `${text} `));
    for (const action of actions) {
      if (!action) continue;
      const b = el("button", action.label);
      b.type = "button";
      b.addEventListener("click", () => {
        this.#note("");
        action.run();
      });
      n.append(b);
    }
  }

  async #share() {
    const t = this.#t();
    const href = await this.#persist.link();
    const { wrap, out } = this.#parts.share;
    wrap.hidden = false;
    out.value = href;
    out.select();
    try {
      await navigator.clipboard.writeText(href);
      this.#note(t.shareDone);
    } catch {
      this.#note(t.shareMade);
    }
  }

  #print(insurer) {
    const statements = this.#root.querySelectorAll(".statement");
    for (const d of statements) {
      const on = d.dataset.insurer === insurer;
      d.classList.toggle("printing", on);
      if (on) {
        buildStatement(d);
        d.open = true;
      }
    }
    this.setAttribute("printing", "");
    // The document's title names the statement while it prints: a saved PDF is named after it
    // ("Verantwoording zorgverzekeraar: VGZ — Voorbeeldregio … 2027"), not after the page.
    const title = document.title,
      r = this.#report,
      st = this.#t().st;
    const council = insurer.startsWith("gm:");
    const who = council
      ? r?.municipalities.find((m) => `gm:${m.id}` === insurer)
      : r?.insurers.find((i) => i.id === insurer);
    if (who)
      document.title = `${council ? st.municipalityTitle(who.name) : st.insurerTitle(who.name)} — ${r.name} ${r.year}`;
    const done = () => {
      this.removeAttribute("printing");
      for (const d of statements) d.classList.remove("printing");
      document.title = title;
    };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  }
}

ResvCalculator.define();
