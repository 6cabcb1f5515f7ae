/// <reference lib="dom" />
// Types of the <resv-calculator> element (resv-calculator.js). Hand-written: the element is plain
// JS. tests/ts/ checks a typed consumer against it under `tsc --strict`.
import type { Issue, Report, Scenario } from "./resv_calc.js";

/** `detail` of `resv-error`: the scenario is invalid (`issues` lists every problem), or the core could not start (`not_started`, no issues). */
export interface ResvErrorDetail {
  code: "invalid_input" | "not_started";
  issues: Issue[];
}

/** The element's own events, besides those of every HTMLElement. Both bubble and are composed. */
export interface ResvCalculatorEventMap extends HTMLElementEventMap {
  /** After every recalculation; `detail` is the Report. */
  "resv-report": CustomEvent<Report>;
  /** When the scenario is invalid or the core cannot start. */
  "resv-error": CustomEvent<ResvErrorDetail>;
}

/**
 * `<resv-calculator src lang view autosave share-link>`: the calculator as a custom element.
 * Importing resv-calculator.js registers it; outside a browser (server-side rendering) the import
 * registers nothing and does not throw.
 */
export class ResvCalculator extends HTMLElement {
  static observedAttributes: string[];
  /** Registers the element under `name` (default "resv-calculator"), once; a no-op without a DOM. */
  static define(name?: string): void;
  /** The current scenario (its market an opaque reference to the loaded table), or null before it is loaded. Setting it recalculates. */
  get scenario(): Scenario | null;
  set scenario(value: Scenario);
  /** The last Report, or null before the first calculation. */
  get report(): Report | null;
  /** Milliseconds of the last recalculation, from the edit to the rendered result. */
  timings: { calculate: number; render: number; total: number };
  /** The scenario with its market rows: a self-contained file `calculate` reads as it is. */
  exportScenario(): Promise<Scenario>;
  /** Pins the current result as comparison A (`false` clears it). */
  pinComparison(on?: boolean): void;

  addEventListener<K extends keyof ResvCalculatorEventMap>(
    type: K,
    listener: (this: ResvCalculator, ev: ResvCalculatorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ResvCalculatorEventMap>(
    type: K,
    listener: (this: ResvCalculator, ev: ResvCalculatorEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "resv-calculator": ResvCalculator;
  }
}
