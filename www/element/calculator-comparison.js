// The comparison of <resv-calculator>: a pinned result A (the current one, or a scenario file
// calculated with its own market) against the current result B, compared by the core.
import { el, button } from "./dom.js";
import { renderComparison } from "./results.js";

/** `engine`: the page's engine. `base` is A: `{ name, report }`; `result` the last comparison. */
export class Comparison {
  base = null;
  result = null;
  #engine;

  constructor(engine) {
    this.#engine = engine;
  }

  /** The comparison of A with `report`, or null (no A, or nothing to compare). */
  async of(report) {
    if (!this.base || !report) return null;
    try {
      return await this.#engine.call("compare", { a: this.base.report, b: report });
    } catch {
      return null; // two reports of this engine always compare; nothing to show otherwise
    }
  }

  /** Pins `report` as A under `name` (no report: clears A), compared with `current`. */
  async pin(report, name, current, at = new Date()) {
    this.base = report ? { name, report, at: at.toISOString() } : null;
    this.result = null;
    this.result = await this.of(current);
  }

  /** Pins a scenario file's `value` as A: calculated with its own market rows, then compared with `current`. */
  async pinScenario(value, name, current) {
    const { market, ...rest } = value;
    let ref;
    if (Array.isArray(market)) ref = (await this.#engine.call("rows", { rows: market, name })).ref;
    const report = await this.#engine.call("calculate", { scenario: rest, market: ref });
    if (ref) this.#engine.call("free", { market: ref });
    await this.pin(report, value.name ?? name, current);
  }

  /** The comparison section: its buttons (`actions`: `{ pin(on), open() }`) and the tables. */
  render(t, f, current, actions) {
    const s = el("section", undefined, "compare");
    s.id = "compare";
    s.append(el("h3", t.compareTitle));
    const buttons = el("div", undefined, "toolbar");
    const add = (label, run, id) => buttons.append(Object.assign(button(label, run), { id }));
    add(t.compareSet, () => actions.pin(true), "compare-set");
    add(t.compareOpen, () => actions.open(), "compare-open");
    if (this.base) add(t.compareClear, () => actions.pin(false), "compare-clear");
    s.append(buttons);
    if (this.result) {
      // A and B are named apart even when both are the same scenario: A when it was pinned.
      const a = `${this.base.name}${this.base.at ? ` (${t.pinnedAt(this.base.at)})` : ""}`;
      const b = `${current.name || t.unnamed} (${t.current})`;
      s.append(...renderComparison(this.result, { a, b }, t, f, { a: this.base.report, b: current }));
    } else s.append(el("p", t.compareNone, "hint"));
    return s;
  }
}
