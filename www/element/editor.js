// The scenario editor of <resv-calculator>. The scenario object is the one source of truth:
// every input writes what was typed into it (money normalised to the core's grammar) and asks
// for a recalculation, so nothing typed is ever lost, even when it is invalid. Each input
// carries the core's path for its value (`budget[2].amount`), and an issue is shown next to
// the input with the longest matching path (editor-issues.js), in the same shadow root, tied
// by aria-describedby. The sections are built in editor-sections.js, the controls in
// editor-fields.js.
import { el } from "./dom.js";
import { EditorForm, slug } from "./editor-fields.js";
import { placeIssues, covers } from "./editor-issues.js";
import {
  generalSection,
  workAreaSection,
  marketSection,
  budgetSection,
  municipalitiesSection,
  subcontractsSection,
  mdzSection,
  rolesSection,
} from "./editor-sections.js";

/** The paying parties an editor was built with, as one key (a rebuild is due when it changes). */
export const partiesKey = (parties) => (parties ?? []).map((p) => p.id).join("\u0000");

/**
 * The scenario as the core reads it: the editor's empty lists and objects (which only exist so
 * there is something to add to) left out. A deep copy: the live scenario stays the user's.
 */
export function clean(scenario) {
  const c = structuredClone(scenario);
  for (const k of ["budget", "municipalities", "subcontracts"])
    if (Array.isArray(c[k]) && !c[k].length) delete c[k];
  if (c.contracts && typeof c.contracts === "object" && !Object.keys(c.contracts).length) delete c.contracts;
  if (c.mdz && typeof c.mdz === "object") {
    if (Array.isArray(c.mdz.regions) && !c.mdz.regions.length) delete c.mdz.regions;
    if (!Object.keys(c.mdz).length) delete c.mdz;
  }
  return c;
}

/**
 * Builds the editor for `scenario` (mutated in place). `hooks.changed(structural, focus?)` after
 * every edit; `hooks.market(kind, payload)` for the market data; `market` describes the loaded data.
 */
export function buildEditor(scenario, market, t, hooks) {
  const f = new EditorForm(t, hooks);
  const form = el("form", undefined, "editor");
  form.noValidate = true;
  form.addEventListener("submit", (e) => e.preventDefault());
  const general = el("div", undefined, "problems");
  general.id = "problems";
  general.setAttribute("role", "alert");
  general.hidden = true;
  const mk = marketSection(f, market, hooks.market);
  const parties = hooks.parties?.() ?? [];
  form.append(
    general,
    generalSection(f, scenario),
    workAreaSection(f, scenario),
    mk.node,
    rolesSection(f, scenario, parties),
    budgetSection(f, scenario),
    municipalitiesSection(f, scenario),
    subcontractsSection(f, scenario),
    mdzSection(f, scenario),
  );
  return {
    form,
    /** The paying parties the contracts were built for (see `partiesKey`). */
    parties: partiesKey(parties),
    /** Shows `issues` next to their fields, the rest in the list at the top; `warnings` of the
     * last result also next to their cause (the work area, the market data), never in the list. */
    showIssues(issues, lang, warnings = []) {
      // What a field could not read, in the core's words about the typed text, replaces the
      // calculation's issue at that path; a new item's issues wait until it is touched.
      const refused = [...f.refusals.values()];
      const untouched = [...(hooks.untouched ?? [])];
      const waiting = new Set();
      const shown = [...issues.filter((i) => !f.refusals.has(i.path)), ...refused].filter((i) => {
        const item = untouched.find((u) => covers(u, i.path));
        if (item) waiting.add(item);
        return !item;
      });
      const { byPath, rest } = placeIssues(shown, [...f.fields.keys()], lang, t, (path) =>
        f.fields.get(path).entries?.(),
      );
      const noted = placeIssues(warnings, [...f.fields.keys()], lang, t, (path) =>
        f.fields.get(path).entries?.(),
      ).byPath;
      for (const [path, field] of f.fields) showAt(field, byPath.get(path) ?? [], noted.get(path) ?? []);
      general.replaceChildren();
      if (rest.length) {
        general.append(el("p", t.otherProblems));
        const ul = el("ul");
        ul.append(...rest.map((m) => el("li", m)));
        general.append(ul);
      }
      if (waiting.size) {
        const names = [...waiting].map(
          (p) => form.querySelector(`#item-${CSS.escape(slug(p).slice(2))}-summary`)?.textContent ?? p,
        );
        general.append(el("p", t.incomplete(names), "hint"));
      }
      general.hidden = rest.length === 0 && waiting.size === 0;
    },
    /** The market part's status line, and its progress: a fraction, null (busy) or undefined (hidden). */
    marketStatus(text, progressValue) {
      mk.status.textContent = text;
      mk.progress.hidden = progressValue === undefined;
      if (progressValue === null) mk.progress.removeAttribute("value");
      else if (progressValue !== undefined) mk.progress.value = progressValue;
    },
    showSource: mk.showSource,
    /** After a rebuild: focus `{ id }`, or the first input of the item before the add button `{ lastItemOf }`. */
    focus(target) {
      if (!target) return;
      if (target.lastItemOf)
        form
          .querySelector(`#${CSS.escape(target.lastItemOf)}`)
          ?.previousElementSibling?.querySelector(".item-body input, .item-body select, .item-body textarea")
          ?.focus();
      else if (target.id) {
        const input = form.querySelector(`#${CSS.escape(target.id)}`);
        input?.focus();
        // A rebuild the user did not ask for (new paying parties) keeps the caret where it was.
        if (target.selection && input && typeof input.setSelectionRange === "function")
          try {
            input.setSelectionRange(...target.selection);
          } catch {
            /* not a text input */
          }
      }
    },
  };
}

/** One field's messages under it; a field with an error opens every group around it. */
function showAt(field, msgs, notes = []) {
  // Errors first; a warning about the same field after them, marked as a warning, not an error.
  field.error.replaceChildren(...msgs.map((m) => el("span", m)), ...notes.map((m) => el("span", m, "note")));
  field.error.hidden = msgs.length === 0 && notes.length === 0;
  field.input?.setAttribute("aria-invalid", String(msgs.length > 0));
  for (
    let d = msgs.length ? field.error.closest("details") : null;
    d;
    d = d.parentElement?.closest("details")
  )
    d.open = true;
}
