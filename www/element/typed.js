// Amounts and percentages as people type them, read by the core (`readAmount`, `readPercent`:
// src/input/typed.rs), so the page and embedders share one reading: in a Dutch page `810.500`
// is € 810.500,00, never € 810,50. The core must run on this thread for the editor to read as
// the user types; `startTyped()` loads it once (the engine's own start, so one instance).
let core = null;

/** Loads the core on this thread (idempotent). */
export async function startTyped() {
  if (core) return;
  const engine = await import("./engine-core.js");
  await engine.start();
  core = await import("./resv_calc.js");
}

/** For tests: use an already initialised package. */
export const useCore = (c) => {
  core = c;
};

/** The core's grammar (`-?digits(.digits)?`): what the scenario holds for a read value. */
const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * Reads `text` of a `kind` ("money" | "percent") field in `lang`:
 * `{ value, echo }` when read (value in the core's form, echo as the page says it),
 * `{ value: undefined }` when empty, or `{ value: text, issue }` when it fits no reading (the
 * scenario keeps the text; the issue, the core's, says what was typed and how to write it).
 */
export function readTyped(kind, text, lang) {
  if (text.trim() === "") return { value: undefined };
  if (!core) return { value: text.trim() }; // the core is not on this thread: the calculation judges
  try {
    if (kind === "money") {
      const r = core.readAmount(text, lang);
      return { value: r.amount, echo: r.text };
    }
    const r = core.readPercent(text, lang);
    return { value: r.percent, echo: r.text };
  } catch (e) {
    const issue = e.issues?.[0];
    return issue ? { value: text, issue } : { value: text };
  }
}

/** A value the page fills in, in the page's language (`1.250.000,00`, `55,5`); other text as it is. */
export function shownTyped(kind, value, lang) {
  if (value === undefined || value === null) return "";
  const text = String(value);
  if (!core || !PLAIN.test(text)) return text;
  try {
    return kind === "money" ? core.formatAmount(text, lang) : core.formatPercent(text, lang);
  } catch {
    return text;
  }
}
