// The persistence of <resv-calculator>: the autosave (the scenario and, when small enough, its
// market data, in localStorage under the `autosave` attribute's name) and the shareable link
// (the same state packed into the URL fragment, never sent to a server).
import { pack, unpack } from "./io.js";

/** Market data larger than this is not kept in the browser's storage (it holds ~5 MB per site). */
const MAX_SAVED_MARKET = 2_000_000;
/** Market data larger than this is left out of a link. */
const MAX_LINKED_MARKET = 1_000_000;
const SHARE_KEY = "resv";

/**
 * `host`: `{ element, scenario(), setScenario(s), request(...parts), useSample() }`; `market`
 * the element's MarketSource.
 */
export class Persistence {
  #host;
  #market;
  #savedMarket = -1; // the market version last written

  constructor(host, market) {
    this.#host = host;
    this.#market = market;
  }

  #key(part) {
    return `resv-calc:${this.#host.element.getAttribute("autosave")}:${part}`;
  }
  get #on() {
    return this.#host.element.hasAttribute("autosave");
  }

  /** The state the autosave and the shareable link keep: the scenario and how to get its market back. */
  state(forLink = false) {
    const m = this.#market.current;
    const market = { kind: m.kind, name: m.name };
    const max = forLink ? MAX_LINKED_MARKET : MAX_SAVED_MARKET;
    if (["file", "paste", "rows"].includes(m.kind) && typeof m.text === "string" && m.text.length <= max)
      market.text = m.text;
    return { v: 2, savedAt: Date.now(), scenario: this.#host.scenario(), market };
  }

  /** The autosaved state, or null (none, or not readable: a corrupt autosave is ignored). */
  read() {
    if (!this.#on) return null;
    try {
      const s = JSON.parse(localStorage.getItem(this.#key("scenario")) ?? "null");
      if (!s || s.v !== 2) return null;
      const text = localStorage.getItem(this.#key("market"));
      if (text !== null && s.market) s.market.text = text;
      return s;
    } catch {
      return null;
    }
  }

  /** The state in the page's link (with the `share-link` attribute), or null. */
  async fromLink() {
    if (!this.#host.element.hasAttribute("share-link")) return null;
    const packed = new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY);
    return packed ? unpack(packed) : null;
  }

  /** Writes the autosave: the scenario always, the market data only when it changed. */
  save() {
    if (!this.#on || !this.#host.scenario()) return;
    const { market, ...state } = this.state();
    const { text, ...m } = market;
    try {
      if (this.#savedMarket !== this.#market.version) {
        if (typeof text === "string") localStorage.setItem(this.#key("market"), text);
        else localStorage.removeItem(this.#key("market"));
        this.#savedMarket = this.#market.version;
      }
      localStorage.setItem(this.#key("scenario"), JSON.stringify({ ...state, market: m }));
    } catch {
      /* storage full or blocked: work goes on, nothing is lost from the page */
    }
  }

  /** Takes a saved or shared state back: its scenario, and its market the way it was loaded. */
  async restore(state) {
    if (!state || typeof state !== "object" || !state.scenario || typeof state.scenario !== "object")
      return this.#host.useSample();
    this.#host.setScenario(structuredClone(state.scenario));
    await this.#market.restore(state.market ?? {});
  }

  /** A link to this page that holds the current state in its fragment. */
  async link() {
    const url = new URL(location.href);
    url.hash = `${SHARE_KEY}=${await pack(this.state(true))}`;
    return url.href;
  }
}
