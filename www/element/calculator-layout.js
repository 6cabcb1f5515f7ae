// The frame of <resv-calculator>: the toolbar (files, link, reset), the notice line and the two
// columns the editor and the results are built into.
import { el, button } from "./dom.js";

/** A hidden JSON file input that hands its file to `open` (and is emptied after). */
function jsonInput(id, open) {
  const input = Object.assign(el("input"), { type: "file", accept: ".json,application/json", hidden: true });
  input.id = id;
  input.addEventListener(
    "change",
    () =>
      input.files[0] &&
      open(input.files[0]).finally(() => {
        input.value = "";
      }),
  );
  return input;
}

/**
 * The toolbar; `actions`: `{ openJson(file), openComparison(file), exportJson(), exportCsv(),
 * exportXlsx(), share(), reset() }`. Returns `{ bar, share: { wrap, out }, openA }`.
 */
function toolbar(t, actions) {
  const bar = el("div", undefined, "toolbar no-print");
  // On a phone the actions fold behind one button (CSS shows it there only).
  const actionsBox = el("div", undefined, "actions");
  actionsBox.id = "toolbar-actions";
  const toggle = button(
    t.toolbarMenu,
    () => {
      const open = bar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    },
    "menu-toggle",
  );
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", actionsBox.id);
  const add = (label, run, id) => actionsBox.append(Object.assign(button(label, run), { id }));
  const open = jsonInput("open-json", actions.openJson);
  const openA = jsonInput("open-json-a", actions.openComparison);
  add(t.importJson, () => open.click(), "import-json");
  add(t.exportJson, actions.exportJson, "export-json");
  add(t.exportCsv, actions.exportCsv, "export-csv");
  add(t.exportXlsx, actions.exportXlsx, "export-xlsx");
  add(t.shareLink, actions.share, "share");
  add(t.reset, actions.reset, "reset");
  if (actions.startEmpty) add(t.newEmpty, () => actions.startEmpty(false), "new-empty");
  if (actions.startEmpty) add(t.onlySplit, () => actions.startEmpty(true), "only-split");
  const wrap = el("div", undefined, "field share");
  wrap.hidden = true;
  const label = el("label", t.shareLabel);
  const out = Object.assign(el("input"), { type: "text", readOnly: true, id: "share-link" });
  label.htmlFor = out.id;
  wrap.append(label, out);
  bar.append(toggle, actionsBox, open, openA, wrap);
  return { bar, share: { wrap, out }, openA };
}

/** A link past the editor to the results' heading (it is redrawn, so found when followed). */
function skipLink(t) {
  const a = el("a", t.skipToResults, "skip");
  a.href = "#results-h";
  a.addEventListener("click", (e) => {
    e.preventDefault(); // a fragment does not reach into a shadow root
    const h = a.getRootNode().getElementById("results-h");
    if (!h) return;
    h.tabIndex = -1;
    h.focus({ preventScroll: true });
    h.scrollIntoView({ block: "start" });
  });
  return a;
}

/** The whole frame in `root`; returns its parts: `{ notice, editorBody, results, share, openA }`. */
export function buildLayout(root, t, actions) {
  const notice = el("div", undefined, "notice");
  notice.setAttribute("role", "status");
  const { bar, share, openA } = toolbar(t, actions);
  const editor = el("section", undefined, "editor-col");
  editor.setAttribute("aria-labelledby", "editor-h");
  const eh = el("h2", t.editorTitle);
  eh.id = "editor-h";
  const editorBody = el("div");
  editor.append(eh, editorBody);
  const results = el("section", undefined, "results-col");
  results.setAttribute("aria-labelledby", "results-h");
  results.setAttribute("aria-live", "off");
  const columns = el("div", undefined, "columns");
  columns.append(editor, results);
  root.replaceChildren(skipLink(t), bar, notice, columns);
  return { notice, editorBody, results, share, openA };
}
