// The editor's controls: one labelled field, the main-task checkboxes, the domain split, an
// editable list of items and a folding group. Every control registers the core's path of its
// value, so an issue can be shown next to it (editor-issues.js decides where).
import { el, button } from "./dom.js";
import { readTyped, shownTyped } from "./typed.js";
import { covers } from "./editor-issues.js";

/** Money as typed → the core's grammar: "1.234,56" and "1234,56" become "1234.56". */
export function normalMoney(text) {
  const s = text.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  return s.includes(",") ? s.replace(/\./g, "").replace(",", ".") : s;
}
export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
/** Sets `obj[key]`, or leaves it out when `v` is empty (the core then uses its default). */
export const set = (obj, key, v) => {
  if (v === undefined || v === "") delete obj[key];
  else obj[key] = v;
};
/** A decimal as typed with a comma or a point; empty → undefined. */
export const decimal = (v) => v.trim().replace(",", ".") || undefined;
/** The entries of a list as typed: parted at `,`, `;` or a new line, not inside "( … )". */
export const list = (text) => {
  const out = [];
  let depth = 0,
    part = "";
  for (const c of text) {
    if (c === "(") depth++;
    if (c === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === "," || c === ";" || c === "\n")) {
      out.push(part);
      part = "";
    } else part += c;
  }
  out.push(part);
  return out.map((x) => x.trim()).filter((x) => x !== "");
};

/** A decimal string moved two places: a fraction as a percentage ("0.355" → "35.5"), or back. */
export function shiftTwo(text, up) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!m) return null;
  const [int, frac = ""] = [m[1], m[2]];
  let whole, rest;
  if (up) {
    const f = frac.padEnd(2, "0");
    [whole, rest] = [int + f.slice(0, 2), f.slice(2)];
  } else {
    const i = int.padStart(3, "0");
    [whole, rest] = [i.slice(0, -2), i.slice(-2) + frac];
  }
  whole = whole.replace(/^0+(?=\d)/, "");
  rest = rest.replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

/** A postcode entry as people write it: `8091 (35%)` for `{ postcode: "8091", fraction: "0.35" }`. */
export function entryText(entry, lang) {
  if (typeof entry === "string") return entry;
  if (isObject(entry) && typeof entry.postcode === "string" && Object.keys(entry).length <= 2) {
    const pct = entry.fraction === undefined ? null : shiftTwo(entry.fraction, true);
    if (entry.fraction === undefined) return entry.postcode;
    if (pct !== null) return `${entry.postcode} (${shownTyped("percent", pct, lang)}%)`;
  }
  return JSON.stringify(entry);
}

/** A list entry as typed: `8091 (35%)` or `8091 (35,5 %)` becomes `{ postcode, fraction }`. */
export function entryOf(text, lang) {
  const m = /^(.+?)\s*\(\s*([\d.,\s]+?)\s*%\s*\)$/.exec(text);
  if (!m) return text;
  const r = readTyped("percent", m[2], lang);
  const fraction = r.issue || r.value === undefined ? null : shiftTwo(r.value, false);
  // What cannot be read stays as typed, for the core to refuse at its place.
  return { postcode: m[1], fraction: fraction ?? m[2] };
}

/** A whole count as typed in `lang`: "18.044.025" (nl) or "18,044,025" (en); else as typed. */
export function countOf(text, lang) {
  const v = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, (c, i, all) => (/^\d{1,3}([\s\u00a0\u202f]\d{3})+$/.test(all) ? "" : c));
  const sep = lang === "en" ? "," : ".";
  const grouped = new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
  const digits = grouped.test(v) ? v.split(sep).join("") : v;
  if (digits === "") return undefined;
  return /^\d+$/.test(digits) && Number.isSafeInteger(Number(digits)) ? Number(digits) : digits;
}

/** A count the page fills in, grouped as `lang` writes it (18.044.025); other text as it is. */
export function shownCount(value, lang) {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text))
    ? new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { useGrouping: "always" }).format(Number(text))
    : text;
}
export const slug = (path) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`;

/** The value of a `field` input, by kind, as the scenario keeps it. */
function readValue(kind, input, lang) {
  if (kind === "checkbox") return input.checked;
  if (kind === "money") return normalMoney(input.value) || undefined;
  if (kind === "list") {
    const entries = list(input.value).map((x) => entryOf(x, lang));
    return entries.length ? entries : undefined;
  }
  if (kind === "count") return countOf(input.value, lang);
  if (kind === "number") {
    const v = input.value.trim();
    return v === "" ? undefined : /^\d+$/.test(v) ? Number(v) : v;
  }
  return input.value;
}

/** The bare input of a `field`, showing `value`. */
function control(kind, value, opts, lang) {
  let input;
  if (kind === "select") {
    input = el("select");
    for (const [v, l] of opts.options) input.append(Object.assign(el("option", l), { value: v }));
    input.value = value ?? opts.options[0][0];
  } else if (kind === "checkbox") {
    input = el("input");
    input.type = "checkbox";
    input.checked = Boolean(value);
  } else if (kind === "list" || kind === "textarea") {
    input = el("textarea");
    input.rows = opts.rows ?? 2;
    input.value = Array.isArray(value) ? value.map((x) => entryText(x, lang)).join(", ") : (value ?? "");
  } else {
    input = el("input");
    input.type = "text";
    input.autocomplete = "off";
    if (kind === "money" || kind === "percent") input.inputMode = "decimal";
    if (kind === "number" || kind === "count") input.inputMode = "numeric";
    if (opts.placeholder) input.placeholder = opts.placeholder; // the core's default, shown
    input.value = kind === "count" ? shownCount(value, lang) : (value ?? "");
  }
  return input;
}

/**
 * The controls of one editor form. `fields` maps each registered path to `{ input, error,
 * entries? }`. `hooks.changed(structural, focus?)` after every edit; `hooks.isOpen(id)` and
 * `hooks.setOpen(id, open)` keep what is folded open across rebuilds.
 */
export class EditorForm {
  fields = new Map();

  /** Path → the core's refusal of what a money or percent field holds (shown at the field). */
  refusals = new Map();

  constructor(t, hooks) {
    this.t = t;
    this.hooks = hooks;
    this.lang = hooks.lang?.() ?? "nl";
    // Path → { text, value, lang }: what the user typed, so a rebuilt field shows it again.
    this.typed = hooks.typed ?? new Map();
  }

  /** An edit at `path`: the new item around it is touched, so its issues show from now on. */
  touched(path) {
    const fresh = this.hooks.untouched;
    if (fresh) for (const item of [...fresh]) if (covers(item, path)) fresh.delete(item);
  }

  /**
   * A money or percent field: shows what the user typed (or the value in the page's language),
   * reads every keystroke with the core and echoes how it read it (`= € 810.500,00`).
   */
  #typedField(path, kind, input, echo, put) {
    const value = input.value;
    const memo = this.typed.get(path);
    const lang = this.lang;
    input.value =
      memo && memo.lang === lang && memo.value === value ? memo.text : shownTyped(kind, value, lang);
    const show = (r) => {
      echo.textContent = r.echo ? `= ${r.echo}` : "";
      echo.hidden = !r.echo;
      if (r.issue) this.refusals.set(path, { ...r.issue, path });
      else this.refusals.delete(path);
    };
    show(readTyped(kind, input.value, lang));
    return () => {
      const r = readTyped(kind, input.value, lang);
      if (r.value === undefined) this.typed.delete(path);
      else this.typed.set(path, { text: input.value, value: r.value, lang });
      show(r);
      put(r.value);
    };
  }

  register(path, input, error, entries) {
    this.fields.set(path, { input, error, entries });
  }

  errorBox(id) {
    const p = el("p", undefined, "field-error");
    p.id = `${id}-error`;
    p.hidden = true;
    return p;
  }

  /** One labelled control; `kind`: text | money | percent | number | count | select | checkbox | list | textarea. */
  field(path, label, kind, get, put, opts = {}) {
    const id = slug(path);
    const wrap = el("div", undefined, `field ${kind}`);
    const input = control(kind, get(), opts, this.lang);
    input.id = id;
    input.dataset.path = path;
    const error = this.errorBox(id);
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
    let typed;
    if (kind === "money" || kind === "percent") {
      const echo = el("p", undefined, "echo");
      echo.id = `${id}-echo`;
      echo.setAttribute("aria-live", "polite");
      described.push(echo.id);
      wrap.append(echo);
      typed = this.#typedField(path, kind, input, echo, put);
    }
    wrap.append(error);
    input.setAttribute("aria-describedby", described.join(" "));
    input.addEventListener(kind === "checkbox" || kind === "select" ? "change" : "input", () => {
      this.touched(path);
      if (typed) typed();
      else put(readValue(kind, input, this.lang));
      this.hooks.changed(Boolean(opts.structural), opts.structural ? { id } : undefined);
    });
    this.register(path, input, error, kind === "list" ? () => list(input.value) : undefined);
    return wrap;
  }

  /** Checkboxes for RESV main tasks 1..5 in a fieldset. */
  tasks(path, obj) {
    const fs = el("fieldset", undefined, "tasks");
    fs.append(el("legend", this.t.f.mainTasks));
    const error = this.errorBox(slug(path));
    for (let k = 1; k <= 5; k++) {
      const id = `${slug(path)}-${k}`;
      const box = Object.assign(el("input"), {
        type: "checkbox",
        id,
        checked: Array.isArray(obj.mainTasks) && obj.mainTasks.includes(k),
      });
      box.dataset.path = path;
      box.setAttribute("aria-describedby", error.id);
      box.addEventListener("change", () => {
        this.touched(path);
        const chosen = new Set(Array.isArray(obj.mainTasks) ? obj.mainTasks : []);
        if (box.checked) chosen.add(k);
        else chosen.delete(k);
        obj.mainTasks = [...chosen].sort((a, b) => a - b);
        this.hooks.changed(false);
      });
      const label = el("label", this.t.tasks[k]);
      label.htmlFor = id;
      const w = el("div", undefined, "check");
      w.append(box, label);
      fs.append(w);
    }
    fs.append(error);
    this.register(path, fs.querySelector("input"), error);
    return fs;
  }

  /** The domain split: a slider for the municipal share and the three exact percentages. */
  split(path, line) {
    const t = this.t;
    const fs = el("fieldset", undefined, "split");
    fs.append(el("legend", t.f.split));
    const error = this.errorBox(slug(path));
    const sp = () => (isObject(line.split) ? line.split : (line.split = {}));
    const num = (v) => {
      const x = Number(String(v ?? "").replace(",", "."));
      return Number.isFinite(x) ? x : 0;
    };
    const shown = (k) => line.split?.[k] ?? (k === "zvw" && !line.split ? "100" : "");
    const slider = Object.assign(el("input"), {
      type: "range",
      min: "0",
      max: "100",
      step: "1",
      id: `${slug(path)}-slider`,
    });
    const sliderLabel = el("label", t.f.slider);
    sliderLabel.htmlFor = slider.id;
    slider.dataset.path = `${path}.municipal`;
    slider.setAttribute("aria-describedby", error.id);
    const exact = {};
    const sync = () => {
      slider.value = String(Math.round(num(line.split?.municipal)));
      slider.setAttribute(
        "aria-valuetext",
        `${t.f.municipal.replace(" %", "")} ${line.split?.municipal ?? 0}%`,
      );
      for (const k of ["zvw", "municipal", "wlz"])
        if (exact[k] && exact[k].getRootNode().activeElement !== exact[k])
          exact[k].value = shownTyped("percent", shown(k), this.lang);
    };
    slider.addEventListener("input", () => {
      this.touched(path);
      const m = Number(slider.value),
        w = Math.min(num(line.split?.wlz), 100 - m);
      const s = sp();
      s.municipal = String(m);
      set(s, "wlz", w ? String(w) : undefined);
      s.zvw = String(Math.round((100 - m - w) * 1e6) / 1e6);
      sync();
      this.hooks.changed(false);
    });
    const row = el("div", undefined, "split-exact");
    for (const k of ["zvw", "municipal", "wlz"]) {
      const w = this.field(
        `${path}.${k}`,
        t.f[k],
        "percent",
        () => shown(k),
        (v) => {
          set(sp(), k, v);
          if (!Object.keys(line.split).length) delete line.split;
          sync();
        },
      );
      exact[k] = w.querySelector("input");
      row.append(w);
    }
    fs.append(sliderLabel, slider, row, error);
    this.register(path, slider, error);
    sync();
    return fs;
  }

  /**
   * An editable list `arr` at `key` of objects, each folding in its own group with a remove
   * button. `text`: `{ legend(i, name), remove(name), add }`; `make(n)` makes the n-th new item;
   * `body(item, path)` its fields.
   */
  items(key, arr, text, make, body) {
    const box = el("div", undefined, "items");
    if (!arr) {
      // Not a list (a scenario set from outside): the core's issue says so at `key`.
      const error = this.errorBox(slug(key));
      box.append(error);
      this.register(key, null, error);
      return box;
    }
    // Each item folds (a budget of twenty lines stays manageable); an item with an error opens.
    arr.forEach((item, i) => box.append(this.#item(key, arr, i, text, body)));
    const add = button(
      text.add,
      () => {
        arr.push(make(arr.length + 1));
        this.hooks.setOpen(`${key}[${arr.length - 1}]`, true);
        this.hooks.untouched?.add(`${key}[${arr.length - 1}]`); // its issues wait until it is edited
        this.hooks.changed(true, { lastItemOf: `${key}-add` });
      },
      "add",
    );
    add.id = `${key}-add`;
    box.append(add);
    return box;
  }

  #item(key, arr, i, text, body) {
    const item = arr[i];
    const path = `${key}[${i}]`;
    const d = el("details", undefined, "item");
    d.id = `item-${slug(path).slice(2)}`;
    d.open = this.hooks.isOpen(path);
    d.addEventListener("toggle", () => this.hooks.setOpen(path, d.open));
    const label = isObject(item) ? item.name || item.contractor || item.id || "" : "";
    const summary = el("summary", text.legend(i + 1, String(label)));
    summary.id = `${d.id}-summary`;
    const group = el("div", undefined, "item-body");
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", summary.id);
    const error = this.errorBox(slug(path));
    if (isObject(item)) group.append(...body(item, path));
    else this.register(path, null, error); // not an object: only its issue and the remove button
    group.append(error);
    group.append(
      button(
        text.remove(String(label || i + 1)),
        () => {
          arr.splice(i, 1);
          this.hooks.removed?.(key, item); // references to it fall back, with a notice
          this.hooks.untouched?.clear(); // the paths after it moved
          this.typed.clear();
          this.hooks.changed(true, { id: `${key}-add` });
        },
        "remove",
      ),
    );
    d.append(summary, group);
    return d;
  }

  /** A folding group of the form, remembered open or closed under `id`. */
  group(id, title, ...children) {
    const d = el("details", undefined, "group");
    d.id = `g-${id}`;
    d.open = this.hooks.isOpen(id);
    d.addEventListener("toggle", () => this.hooks.setOpen(id, d.open));
    const s = el("summary");
    s.append(el("h3", title));
    d.append(s, ...children);
    return d;
  }
}
