// The scenario editor of <resv-calculator>. The scenario object is the one source of truth:
// every input writes what was typed into it (money normalised to the core's grammar) and asks
// for a recalculation, so nothing typed is ever lost, even when it is invalid. Each input
// carries the core's path for its value (`budget[2].amount`), and an issue is shown next to
// the input with the longest matching path, in the same shadow root, tied by aria-describedby.
import { el } from "./results.js";

const LEVELS = ["regional", "neighbourhood", "monodisciplinary"];
const SOURCES = ["", "oi", "districtNursing", "patientGroups", "zonmw", "other"];

/** Money as typed → the core's grammar: "1.234,56" and "1234,56" become "1234.56". */
export function normalMoney(text) {
  const s = text.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  return s.includes(",") ? s.replace(/\./g, "").replace(",", ".") : s;
}
/**
 * The scenario as the core reads it: the editor's empty lists and objects (which only exist so
 * there is something to add to) left out. A deep copy: the live scenario stays the user's.
 */
export function clean(scenario) {
  const c = structuredClone(scenario);
  for (const k of ["budget", "municipalities", "subcontracts"]) if (Array.isArray(c[k]) && !c[k].length) delete c[k];
  if (c.mdz && typeof c.mdz === "object") {
    if (Array.isArray(c.mdz.regions) && !c.mdz.regions.length) delete c.mdz.regions;
    if (!Object.keys(c.mdz).length) delete c.mdz;
  }
  return c;
}
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
/** The list at `holder[key]` (made when absent); null when something else is there (the core reports it). */
const listAt = (holder, key) => {
  if (holder[key] === undefined) holder[key] = [];
  return Array.isArray(holder[key]) ? holder[key] : null;
};
const set = (obj, key, v) => { if (v === undefined || v === "") delete obj[key]; else obj[key] = v; };
const list = (text) => text.split(/[,;\n]+/).map((x) => x.trim()).filter((x) => x !== "");
const slug = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;

/**
 * Builds the editor for `scenario` (mutated in place). `hooks.changed(structural)` after every
 * edit; `hooks.market(kind, payload)` for the market data; `market` describes the loaded data.
 */
export function buildEditor(scenario, market, t, hooks) {
  const fields = new Map(); // path -> { error, input, entries? }
  const changed = () => hooks.changed(false);

  function register(path, input, error, entries) {
    fields.set(path, { input, error, entries });
  }
  function errorBox(id) {
    const p = el("p", undefined, "field-error");
    p.id = `${id}-error`;
    p.hidden = true;
    return p;
  }
  /** One labelled control; `kind`: text | money | number | select | checkbox | list | textarea. */
  function field(path, label, kind, get, put, opts = {}) {
    const id = slug(path);
    const wrap = el("div", undefined, `field ${kind}`);
    let input;
    if (kind === "select") {
      input = el("select");
      for (const [v, l] of opts.options) input.append(Object.assign(el("option", l), { value: v }));
      input.value = get() ?? opts.options[0][0];
    } else if (kind === "checkbox") {
      input = el("input");
      input.type = "checkbox";
      input.checked = Boolean(get());
    } else if (kind === "list" || kind === "textarea") {
      input = el("textarea");
      input.rows = opts.rows ?? 2;
      const v = get();
      input.value = Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(", ") : (v ?? "");
    } else {
      input = el("input");
      input.type = "text";
      input.autocomplete = "off";
      if (kind === "money") input.inputMode = "decimal";
      if (kind === "number") input.inputMode = "numeric";
      if (opts.placeholder) input.placeholder = opts.placeholder; // the core's default, shown
      input.value = get() ?? "";
    }
    input.id = id;
    input.dataset.path = path;
    const error = errorBox(id);
    const described = [error.id];
    const labelEl = el("label", label);
    labelEl.htmlFor = id;
    if (kind === "checkbox") wrap.append(input, labelEl);
    else wrap.append(labelEl);
    if (opts.hint) {
      const hint = el("p", opts.hint, "hint");
      hint.id = `${id}-hint`;
      described.unshift(hint.id);
      wrap.append(hint);
    }
    if (kind !== "checkbox") wrap.append(input);
    wrap.append(error);
    input.setAttribute("aria-describedby", described.join(" "));
    const read = () => {
      if (kind === "checkbox") return input.checked;
      if (kind === "money") return normalMoney(input.value) || undefined;
      if (kind === "list") return list(input.value).length ? list(input.value) : undefined;
      if (kind === "number") { const v = input.value.trim(); return v === "" ? undefined : /^\d+$/.test(v) ? Number(v) : v; }
      return input.value;
    };
    input.addEventListener(kind === "checkbox" || kind === "select" ? "change" : "input", () => {
      put(read());
      hooks.changed(Boolean(opts.structural), opts.structural ? { id } : undefined);
    });
    register(path, input, error, kind === "list" ? () => list(input.value) : undefined);
    return wrap;
  }
  /** Checkboxes for RESV main tasks 1..5 in a fieldset. */
  function tasks(path, obj) {
    const fs = el("fieldset", undefined, "tasks");
    fs.append(el("legend", t.f.mainTasks));
    const error = errorBox(slug(path));
    for (let k = 1; k <= 5; k++) {
      const id = `${slug(path)}-${k}`;
      const box = Object.assign(el("input"), { type: "checkbox", id, checked: Array.isArray(obj.mainTasks) && obj.mainTasks.includes(k) });
      box.dataset.path = path;
      box.setAttribute("aria-describedby", error.id);
      box.addEventListener("change", () => {
        const chosen = new Set(Array.isArray(obj.mainTasks) ? obj.mainTasks : []);
        if (box.checked) chosen.add(k); else chosen.delete(k);
        obj.mainTasks = [...chosen].sort((a, b) => a - b);
        changed();
      });
      const label = el("label", t.tasks[k]);
      label.htmlFor = id;
      const w = el("div", undefined, "check");
      w.append(box, label);
      fs.append(w);
    }
    fs.append(error);
    register(path, fs.querySelector("input"), error);
    return fs;
  }
  /** The domain split: a slider for the municipal share and the three exact percentages. */
  function split(path, line) {
    const fs = el("fieldset", undefined, "split");
    fs.append(el("legend", t.f.split));
    const error = errorBox(slug(path));
    const sp = () => (isObject(line.split) ? line.split : (line.split = {}));
    const num = (v) => { const x = Number(String(v ?? "").replace(",", ".")); return Number.isFinite(x) ? x : 0; };
    const slider = Object.assign(el("input"), { type: "range", min: "0", max: "100", step: "1", id: `${slug(path)}-slider` });
    const sliderLabel = el("label", t.f.slider);
    sliderLabel.htmlFor = slider.id;
    slider.dataset.path = `${path}.municipal`;
    slider.setAttribute("aria-describedby", error.id);
    const exact = {};
    const sync = () => {
      const m = num(line.split?.municipal);
      slider.value = String(Math.round(m));
      slider.setAttribute("aria-valuetext", `${t.f.municipal.replace(" %", "")} ${line.split?.municipal ?? 0}%`);
      for (const k of ["zvw", "municipal", "wlz"]) if (exact[k] && exact[k].getRootNode().activeElement !== exact[k]) exact[k].value = line.split?.[k] ?? (k === "zvw" && !line.split ? "100" : "");
    };
    slider.addEventListener("input", () => {
      const m = Number(slider.value), w = Math.min(num(line.split?.wlz), 100 - m);
      const s = sp();
      s.municipal = String(m);
      set(s, "wlz", w ? String(w) : undefined);
      s.zvw = String(Math.round((100 - m - w) * 1e6) / 1e6);
      sync();
      changed();
    });
    const row = el("div", undefined, "split-exact");
    for (const k of ["zvw", "municipal", "wlz"]) {
      const w = field(`${path}.${k}`, t.f[k], "text", () => line.split?.[k] ?? (k === "zvw" && !line.split ? "100" : ""),
        (v) => { set(sp(), k, v.trim().replace(",", ".") || undefined); if (!Object.keys(line.split).length) delete line.split; sync(); });
      exact[k] = w.querySelector("input");
      exact[k].inputMode = "decimal";
      row.append(w);
    }
    fs.append(sliderLabel, slider, row, error);
    register(path, slider, error);
    sync();
    return fs;
  }
  /** An editable list of objects, each in its own fieldset with a remove button. */
  function items(key, arr, legend, remove, add, make, body) {
    const box = el("div", undefined, "items");
    if (!arr) {
      // Not a list (a scenario set from outside): the core's issue says so at `key`.
      const error = errorBox(slug(key));
      box.append(error);
      register(key, null, error);
      return box;
    }
    // Each item folds (a budget of twenty lines stays manageable); an item with an error opens.
    arr.forEach((item, i) => {
      const path = `${key}[${i}]`;
      const d = el("details", undefined, "item");
      d.id = `item-${slug(path).slice(2)}`;
      d.open = hooks.isOpen(path);
      d.addEventListener("toggle", () => hooks.setOpen(path, d.open));
      const label = isObject(item) ? item.name || item.contractor || item.id || "" : "";
      const summary = el("summary", legend(i + 1, String(label)));
      summary.id = `${d.id}-summary`;
      const group = el("div", undefined, "item-body");
      group.setAttribute("role", "group");
      group.setAttribute("aria-labelledby", summary.id);
      const error = errorBox(slug(path));
      if (isObject(item)) group.append(...body(item, path, i));
      else register(path, null, error); // not an object: only its issue and the remove button
      group.append(error);
      const b = el("button", remove(String(label || i + 1)), "remove");
      b.type = "button";
      b.addEventListener("click", () => { arr.splice(i, 1); hooks.changed(true, { id: `${key}-add` }); });
      group.append(b);
      d.append(summary, group);
      box.append(d);
    });
    const b = el("button", add, "add");
    b.type = "button";
    b.id = `${key}-add`;
    b.addEventListener("click", () => {
      arr.push(make(arr.length + 1));
      hooks.setOpen(`${key}[${arr.length - 1}]`, true);
      hooks.changed(true, { lastItemOf: `${key}-add` });
    });
    box.append(b);
    return box;
  }
  function group(id, title, ...children) {
    const d = el("details", undefined, "group");
    d.id = `g-${id}`;
    d.open = hooks.isOpen(id);
    d.addEventListener("toggle", () => hooks.setOpen(id, d.open));
    const s = el("summary");
    s.append(el("h3", title));
    d.append(s, ...children);
    return d;
  }

  const s = scenario;
  const form = el("form", undefined, "editor");
  form.noValidate = true;
  form.addEventListener("submit", (e) => e.preventDefault());
  const general = el("div", undefined, "problems");
  general.id = "problems";
  general.setAttribute("role", "alert");
  general.hidden = true;

  form.append(general, group("general", t.general,
    field("name", t.name, "text", () => s.name, (v) => set(s, "name", v)),
    field("year", t.year, "number", () => s.year, (v) => set(s, "year", v)),
    field("lumpSum", t.lumpSum, "money", () => s.lumpSum, (v) => set(s, "lumpSum", v), { hint: t.lumpSumHint }),
    field("schedule", t.schedule, "select", () => s.schedule, (v) => set(s, "schedule", v === "monthly" ? undefined : v), { options: [["monthly", t.monthly], ["quarterly", t.quarterly]] }),
    field("allocateBy", t.allocateBy, "select", () => s.allocateBy ?? "", (v) => set(s, "allocateBy", v || undefined), { options: [["", t.byAuto], ["concern", t.byConcern], ["insurer", t.byInsurer]] }),
    field("rounding", t.rounding, "select", () => s.rounding, (v) => set(s, "rounding", v === "largestRemainder" ? undefined : v), { options: [["largestRemainder", t.largestRemainder], ["leaderAbsorbs", t.leaderAbsorbs]] }),
    field("coAssessmentThreshold", t.threshold, "text", () => s.coAssessmentThreshold, (v) => set(s, "coAssessmentThreshold", v.trim().replace(",", ".") || undefined), { placeholder: "30" }),
  ));

  form.append(group("workArea", t.workArea, field("workArea", t.workAreaLabel, "list", () => s.workArea, (v) => set(s, "workArea", v), { rows: 3 })));

  // Market data: where it comes from, and the state of the loaded table.
  const mk = el("div", undefined, "market");
  const radios = el("fieldset", undefined, "sources");
  radios.append(el("legend", t.sourceLegend));
  const kinds = ["sample", "file", "paste", "estimate", ...(market.kind === "rows" ? ["rows"] : [])];
  for (const k of kinds) {
    const id = `source-${k}`;
    const r = Object.assign(el("input"), { type: "radio", name: "source", value: k, id, checked: market.kind === k });
    r.addEventListener("change", () => r.checked && hooks.market(k));
    const l = el("label", t.source[k]);
    l.htmlFor = id;
    const w = el("div", undefined, "check");
    w.append(r, l);
    radios.append(w);
  }
  const fileId = "f-market-file";
  const file = Object.assign(el("input"), { type: "file", id: fileId, accept: ".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const fileLabel = el("label", t.fileLabel);
  fileLabel.htmlFor = fileId;
  file.addEventListener("change", () => file.files[0] && hooks.market("file", file.files[0]));
  const paste = el("textarea");
  paste.id = "f-market-paste";
  paste.rows = 4;
  paste.value = market.kind === "paste" ? market.text ?? "" : "";
  const pasteLabel = el("label", t.pasteLabel);
  pasteLabel.htmlFor = paste.id;
  paste.addEventListener("input", () => hooks.market("paste", paste.value));
  const progress = el("progress");
  progress.id = "market-progress";
  progress.hidden = true;
  progress.setAttribute("aria-labelledby", "market-status");
  const status = el("p", "", "hint");
  status.id = "market-status";
  status.setAttribute("role", "status");
  const error = errorBox("f-market");
  for (const c of [file, paste]) c.setAttribute("aria-describedby", `market-status ${error.id}`);
  const fileWrap = el("div", undefined, "field");
  fileWrap.append(fileLabel, file);
  const pasteWrap = el("div", undefined, "field");
  pasteWrap.append(pasteLabel, paste);
  fileWrap.hidden = market.kind !== "file";
  pasteWrap.hidden = market.kind !== "paste";
  mk.append(radios, fileWrap, pasteWrap, progress, status, error);
  register("market", market.kind === "paste" ? paste : file, error);
  form.append(group("market", t.market, mk));

  // Budget lines.
  const lines = listAt(s, "budget");
  const budgetBox = el("div");
  if (lines && !lines.length) budgetBox.append(el("p", t.noLines, "hint"));
  budgetBox.append(items("budget", lines, t.lineLegend, t.removeLine, t.addLine,
    (n) => ({ id: `regel-${n}`, name: "", level: "regional", mainTasks: [1], amount: "" }),
    (line, p) => [
      field(`${p}.name`, t.f.name, "text", () => line.name, (v) => set(line, "name", v)),
      field(`${p}.id`, t.f.id, "text", () => line.id, (v) => { line.id = v; }),
      field(`${p}.level`, t.f.level, "select", () => line.level, (v) => { line.level = v; }, { options: LEVELS.map((l) => [l, t.levels[l]]) }),
      tasks(`${p}.mainTasks`, line),
      field(`${p}.amount`, t.f.amount, "money", () => line.amount, (v) => { line.amount = v ?? ""; }),
      field(`${p}.existingFunding`, t.f.existingFunding, "money", () => line.existingFunding, (v) => set(line, "existingFunding", v)),
      field(`${p}.existingFundingSource`, t.f.existingFundingSource, "select", () => line.existingFundingSource ?? "", (v) => set(line, "existingFundingSource", v || undefined), { options: SOURCES.map((x) => [x, t.sources[x]]) }),
      field(`${p}.growth`, t.f.growth, "text", () => line.growth, (v) => set(line, "growth", v.trim().replace(",", ".") || undefined)),
      split(`${p}.split`, line),
      field(`${p}.municipalApproved`, t.f.municipalApproved, "checkbox", () => line.municipalApproved, (v) => set(line, "municipalApproved", v || undefined)),
      field(`${p}.postcodes`, t.f.postcodes, "list", () => line.postcodes, (v) => set(line, "postcodes", v)),
    ]));
  form.append(group("budget", t.budget, budgetBox));

  const ms = listAt(s, "municipalities");
  form.append(group("municipalities", t.municipalities,
    field("leadMunicipality", t.f.lead, "select", () => s.leadMunicipality ?? "", (v) => set(s, "leadMunicipality", v || undefined),
      { options: [["", t.leadAuto], ...(ms ?? []).filter(isObject).map((m) => [String(m.id), String(m.name || m.id)])] }),
    items("municipalities", ms, t.municipalityLegend, t.removeMunicipality, t.addMunicipality,
      (n) => ({ id: `GM${String(n).padStart(4, "0")}`, name: "", postcodes: [] }),
      (m, p) => [
        field(`${p}.name`, t.f.name, "text", () => m.name, (v) => set(m, "name", v)),
        field(`${p}.id`, t.f.id, "text", () => m.id, (v) => { m.id = v; }),
        field(`${p}.postcodes`, t.f.postcodes.split(" (")[0], "list", () => m.postcodes, (v) => { m.postcodes = v ?? []; }),
      ])));

  const subs = listAt(s, "subcontracts");
  const h = () => (isObject(s.hoofdaannemer) ? s.hoofdaannemer : (s.hoofdaannemer = { form: "legalEntity", name: "" }));
  form.append(group("subcontracts", t.subcontracting,
    field("hoofdaannemer.form", t.f.form, "select", () => s.hoofdaannemer?.form ?? "", (v) => { if (v) h().form = v; else delete s.hoofdaannemer; },
      { options: Object.entries(t.forms), structural: true }),
    ...(isObject(s.hoofdaannemer) ? [
      field("hoofdaannemer.name", t.f.name, "text", () => s.hoofdaannemer.name, (v) => { h().name = v; }),
      ...(s.hoofdaannemer.form === "kassier" ? [field("hoofdaannemer.kassier", t.f.kassier, "text", () => s.hoofdaannemer.kassier, (v) => set(h(), "kassier", v))] : []),
      field("hoofdaannemer.agreement", t.f.agreement, "checkbox", () => s.hoofdaannemer.agreement, (v) => { h().agreement = v; }),
    ] : []),
    items("subcontracts", subs, t.subcontractLegend, t.removeSubcontract, t.addSubcontract,
      (n) => ({ id: `onderaanneming-${n}`, contractor: "", amount: "" }),
      (x, p) => [
        field(`${p}.contractor`, t.f.contractor, "text", () => x.contractor, (v) => { x.contractor = v; }),
        field(`${p}.id`, t.f.id, "text", () => x.id, (v) => { x.id = v; }),
        field(`${p}.amount`, t.f.amount.split(" (")[0], "money", () => x.amount, (v) => { x.amount = v ?? ""; }),
        field(`${p}.lines`, t.f.lines, "list", () => x.lines, (v) => set(x, "lines", v), { hint: (lines ?? []).filter(isObject).map((l) => l.id).join(", ") }),
        tasks(`${p}.mainTasks`, x),
      ])));

  // A non-object `mdz` (set from outside) is left for the core to report; edits start afresh.
  const mdz = () => (isObject(s.mdz) ? s.mdz : (s.mdz = {}));
  const regions = isObject(s.mdz) || s.mdz === undefined ? listAt(mdz(), "regions") : null;
  form.append(group("mdz", t.mdzOptions,
    field("mdz.framework", t.f.framework, "money", () => s.mdz?.framework, (v) => set(mdz(), "framework", v), { placeholder: "70000000.00" }),
    field("mdz.population", t.f.population, "number", () => s.mdz?.population, (v) => set(mdz(), "population", v), { placeholder: "18044025" }),
    field("mdz.indexation", t.f.indexation, "text", () => s.mdz?.indexation, (v) => set(mdz(), "indexation", v.trim().replace(",", ".") || undefined)),
    el("h4", t.otherRegions),
    items("mdz.regions", regions, t.regionLegend, t.removeRegion, t.addRegion,
      (n) => ({ id: `regio-${n}`, zvw: "", population: "" }),
      (x, p) => [
        field(`${p}.id`, t.f.id, "text", () => x.id, (v) => { x.id = v; }),
        field(`${p}.zvw`, t.f.zvwClaim, "money", () => x.zvw, (v) => { x.zvw = v ?? ""; }),
        field(`${p}.population`, t.f.regionPopulation, "number", () => x.population, (v) => { x.population = v ?? ""; }),
      ])));

  return {
    form,
    /** Shows `issues` next to their fields; the rest in the list at the top. Returns how many were placed. */
    showIssues(issues, lang) {
      const by = new Map();
      const rest = [];
      for (const issue of issues) {
        const msg = lang === "en" ? issue.messageEn ?? issue.message : issue.message;
        let best = null;
        for (const path of fields.keys()) {
          if ((issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`)) && (!best || path.length > best.length)) best = path;
        }
        if ((issue.path.startsWith("market") && issue.line) || /^(estimate|data)\b/.test(issue.path)) best = "market";
        if (!best) { rest.push(`${issue.path ? `${issue.path}: ` : ""}${msg}`); continue; }
        let text = msg;
        const f = fields.get(best);
        const idx = /^\[(\d+)\]/.exec(issue.path.slice(best.length));
        if (f.entries && idx) text = `${f.entries()[Number(idx[1])] ?? ""}: ${msg}`;
        if (issue.line) text = `${t.line} ${issue.line}${issue.column ? ` (${t.column} ${issue.column})` : ""}: ${msg}`;
        if (!by.has(best)) by.set(best, []);
        by.get(best).push(text);
      }
      for (const [path, f] of fields) {
        const msgs = by.get(path) ?? [];
        f.error.replaceChildren(...msgs.map((m) => el("span", m)));
        f.error.hidden = msgs.length === 0;
        f.input?.setAttribute("aria-invalid", String(msgs.length > 0));
        for (let d = msgs.length ? f.error.closest("details") : null; d; d = d.parentElement?.closest("details")) d.open = true;
      }
      general.replaceChildren();
      if (rest.length) {
        general.append(el("p", t.otherProblems));
        const ul = el("ul");
        ul.append(...rest.map((m) => el("li", m)));
        general.append(ul);
      }
      general.hidden = rest.length === 0;
    },
    /** The market part's progress and status line. */
    marketStatus(text, progressValue) {
      status.textContent = text;
      progress.hidden = progressValue === undefined;
      if (progressValue === null) progress.removeAttribute("value");
      else if (progressValue !== undefined) progress.value = progressValue;
    },
    showSource(kind) {
      fileWrap.hidden = kind !== "file";
      pasteWrap.hidden = kind !== "paste";
      fields.set("market", { ...fields.get("market"), input: kind === "paste" ? paste : file });
    },
    /** After a rebuild: focus `{ id }`, or the first input of the item before the add button `{ lastItemOf }`. */
    focus(target) {
      if (!target) return;
      if (target.lastItemOf) form.querySelector(`#${CSS.escape(target.lastItemOf)}`)?.previousElementSibling?.querySelector(".item-body input, .item-body select, .item-body textarea")?.focus();
      else if (target.id) form.querySelector(`#${CSS.escape(target.id)}`)?.focus();
    },
  };
}
