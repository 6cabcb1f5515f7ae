// <resv-calculator>: the calculator as one embeddable custom element (API.md). Shadow DOM, so
// no CSS leaks either way; themed through CSS custom properties (--resv-color-text,
// --resv-color-muted, --resv-color-accent, --resv-color-bg, --resv-font); one ES module, no
// bundler. `init()` of the Wasm core runs once per page, however many elements there are.
//
//   <resv-calculator src="scenario.json" lang="nl"></resv-calculator>
//   el.scenario = {...}            // recalculates
//   el.report                       // the last Report, or null
//   el.addEventListener("resv-report", (e) => e.detail)   // after every recalculation
//   el.addEventListener("resv-error", (e) => e.detail)    // { code, issues } when invalid
import init, { calculate, parseMarketCsv, sampleScenario, sampleMarketCsv } from "./pkg/resv_calc.js";

let ready;
let initialized = false;
/** The Wasm core, initialised once per page. */
function core() {
  ready ??= init().then(() => { initialized = true; });
  return ready;
}

const TEXT = {
  nl: { insurer: "Verzekeraar", share: "Aandeel", amount: "Bedrag", role: "Rol", leader: "marktleider", follower: "volger",
    total: "Totaal Zvw", municipality: "Gemeente", mdz: (m, f) => `${f(m.perCapita)} per verzekerde; eerlijk aandeel in het kader MDZ ${f(m.fairShare)}.`,
    invalid: "De invoer bevat fouten:", loading: "Berekenen…", insurers: "Verdeling over de zorgverzekeraars", municipalities: "Gemeenten" },
  en: { insurer: "Insurer", share: "Share", amount: "Amount", role: "Role", leader: "market leader", follower: "follower",
    total: "Total Zvw", municipality: "Municipality", mdz: (m, f) => `${f(m.perCapita)} per insured person; fair share of the MDZ framework ${f(m.fairShare)}.`,
    invalid: "The input has errors:", loading: "Calculating…", insurers: "Split over the health insurers", municipalities: "Municipalities" },
};

const CSS = `
:host { display: block; font-family: var(--resv-font, system-ui, sans-serif); color: var(--resv-color-text, #1b1b1f);
        background: var(--resv-color-bg, transparent); }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 1rem; }
caption { text-align: left; font-weight: 700; margin-bottom: .25rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--resv-color-muted, #4a4a55); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 700; }
.errors { color: var(--resv-color-error, #a4161a); }
.muted { color: var(--resv-color-muted, #4a4a55); }
`;

const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text; // data is text, never markup
  if (cls) e.className = cls;
  return e;
};

export class ResvCalculator extends HTMLElement {
  static observedAttributes = ["src", "lang"];

  /** Registers the element (once) under `name`. */
  static define(name = "resv-calculator") {
    if (!customElements.get(name)) customElements.define(name, ResvCalculator);
  }

  #scenario = null;
  #report = null;
  #issues = null;
  #root;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet(); // constructed: allowed under a strict style-src CSP
    sheet.replaceSync(CSS);
    this.#root.adoptedStyleSheets = [sheet];
    this.#root.append(el("p", TEXT.nl.loading, "muted"));
  }

  get scenario() { return this.#scenario; }
  set scenario(value) { this.#scenario = value; this.#recalculate(); }
  get report() { return this.#report; }

  async connectedCallback() {
    await core();
    if (this.#scenario === null && !this.getAttribute("src")) {
      // The built-in sample region, with its market as a table parsed in Wasm.
      const s = sampleScenario();
      s.market = parseMarketCsv(sampleMarketCsv());
      this.scenario = s;
    }
  }

  async attributeChangedCallback(name, old, value) {
    if (name === "lang") return this.#render();
    if (name === "src" && value) {
      await core();
      try {
        const response = await fetch(new URL(value, document.baseURI));
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        this.scenario = await response.json();
      } catch (e) {
        this.#fail([{ code: "unreadable", path: "src", message: `kon ${value} niet laden: ${e.message}`, messageEn: `could not load ${value}: ${e.message}` }]);
      }
    }
  }

  #lang() { return this.getAttribute("lang") === "en" ? "en" : "nl"; }

  #recalculate() {
    if (!initialized) {
      core().then(() => this.#recalculate());
      return;
    }
    try {
      this.#report = calculate(this.#scenario);
      this.#issues = null;
      this.#render();
      this.dispatchEvent(new CustomEvent("resv-report", { detail: this.#report, bubbles: true, composed: true }));
    } catch (e) {
      if (e?.code !== "invalid_input") throw e;
      this.#fail(e.issues);
    }
  }

  #fail(issues) {
    this.#issues = issues;
    this.#render();
    this.dispatchEvent(new CustomEvent("resv-error", { detail: { code: "invalid_input", issues }, bubbles: true, composed: true }));
  }

  #render() {
    const lang = this.#lang(), t = TEXT[lang];
    const money = (a) => new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" }).format(a);
    const pct = (s) => new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "percent", minimumFractionDigits: 2 }).format(s);
    const out = [];
    if (this.#issues) {
      const box = el("div", undefined, "errors");
      box.setAttribute("role", "alert");
      box.append(el("p", t.invalid));
      const ul = el("ul");
      ul.append(...this.#issues.map((i) => el("li", `${i.path ? `${i.path}: ` : ""}${lang === "nl" ? i.message : i.messageEn}`)));
      box.append(ul);
      out.push(box);
    }
    const r = this.#report;
    if (r) {
      if (r.name) out.push(el("h2", r.name));
      const table = el("table");
      table.append(el("caption", t.insurers));
      const head = el("tr");
      head.append(el("th", t.insurer), el("th", t.share, "num"), el("th", t.amount, "num"), el("th", t.role));
      table.append(Object.assign(el("thead"), {})); table.tHead.append(head);
      const body = el("tbody");
      for (const i of r.insurers) {
        const tr = el("tr");
        const name = el("th", i.name); name.scope = "row";
        tr.append(name, el("td", pct(i.share), "num"), el("td", money(i.amount), "num"), el("td", i.marketLeader ? `★ ${t.leader}` : t.follower));
        body.append(tr);
      }
      const foot = el("tfoot"), ftr = el("tr");
      ftr.append(el("th", t.total), el("td", ""), el("td", money(r.totals.zvw), "num"), el("td", ""));
      foot.append(ftr);
      table.append(body, foot);
      out.push(table);
      if (r.municipalities.length) {
        const m = el("table");
        m.append(el("caption", t.municipalities));
        const b = el("tbody");
        for (const x of r.municipalities) {
          const tr = el("tr");
          tr.append(el("th", x.name), el("td", pct(x.share), "num"), el("td", money(x.amount), "num"));
          b.append(tr);
        }
        m.append(b);
        out.push(m);
      }
      out.push(el("p", t.mdz(r.mdz, money), "muted"));
    }
    this.#root.replaceChildren(...out);
  }
}

ResvCalculator.define();
