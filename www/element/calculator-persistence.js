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
  // Where the autosave writes: the user's own slot, or beside it for a scenario from a link.
  #slot = "scenario";
  #lastWritten = null; // the text this tab last wrote, to tell another tab's write from ours
  #link = null; // the packed state of the page's link, when it opened with one
  /** Why the last restored state's market data was set aside (null: it was not). */
  marketAside = null;

  constructor(host, market) {
    this.#host = host;
    this.#market = market;
  }

  #key(part) {
    const name =
      this.#slot === "scenario" || (part !== "scenario" && part !== "market")
        ? part
        : `${this.#slot}-${part}`;
    return `resv-calc:${this.#host.element.getAttribute("autosave")}:${name}`;
  }
  /** The autosave writes beside the user's own save (a shared link) or into it again. */
  useSlot(slot) {
    this.#slot = slot;
    this.#savedMarket = -1;
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
    const typed = Object.fromEntries(this.#host.typed?.() ?? []);
    const comparison = this.#host.comparison?.() ?? undefined;
    // A save beside the user's own names the link it came from, so a reload of that link
    // brings back the edits made to it instead of the link's original.
    const link = !forLink && this.#slot === "shared" ? (this.#link ?? undefined) : undefined;
    return { v: 2, savedAt: Date.now(), scenario: this.#host.scenario(), market, typed, comparison, link };
  }

  /**
   * The autosaved state, or null. A save that cannot be read is set aside (kept under
   * `…:set-aside`, so nothing is destroyed) and `{ setAside: true }` says so.
   */
  read(part = "scenario") {
    if (!this.#on) return null;
    let raw = null;
    try {
      raw = localStorage.getItem(this.#key(part));
      const s = JSON.parse(raw ?? "null");
      if (raw === null) return null;
      if (!s || typeof s !== "object" || s.v !== 2 || !s.scenario || typeof s.scenario !== "object")
        throw new Error("not a saved state");
      if (
        s.market !== undefined &&
        (typeof s.market !== "object" || s.market === null || Array.isArray(s.market))
      )
        s.market = { kind: "unreadable" }; // restore() sets it aside and says so
      const text = part === "scenario" ? localStorage.getItem(this.#key("market")) : null;
      if (text !== null && s.market) s.market.text = text;
      return s;
    } catch {
      this.setAside(part, raw);
      return { setAside: true };
    }
  }

  /** Moves a saved state that could not be used out of the way, keeping it for the curious. */
  setAside(part, raw = localStorage.getItem(this.#key(part))) {
    try {
      if (raw !== null) localStorage.setItem(this.#key("set-aside"), raw);
      localStorage.removeItem(this.#key(part));
    } catch {
      /* storage blocked: nothing to set aside */
    }
  }

  /** Keeps `state` (the scenario about to be replaced) one click away, also after a reload. */
  keepPrevious(state) {
    if (!this.#on) return;
    try {
      localStorage.setItem(this.#key("previous"), JSON.stringify(state));
    } catch {
      /* storage full: the undo still works until the page is closed */
    }
  }

  /** The state in the page's link (with the `share-link` attribute), or null. */
  async fromLink() {
    if (!this.#host.element.hasAttribute("share-link")) return null;
    const packed = new URLSearchParams(location.hash.slice(1)).get(SHARE_KEY);
    this.#link = packed || null;
    return packed ? unpack(packed) : null;
  }

  /** The save beside the user's own made from this very link (edits to it), or null. */
  sharedSave() {
    if (this.#slot !== "shared" || !this.#link) return null;
    const s = this.read();
    return s && !s.setAside && s.link === this.#link ? s : null;
  }

  /** Leaves the link: the page's address loses it, so a reload opens the user's own work. */
  forgetLink() {
    this.#link = null;
    if (location.hash.includes(`${SHARE_KEY}=`))
      history.replaceState(null, "", `${location.pathname}${location.search}`);
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
      const saved = JSON.stringify({ ...state, market: m });
      localStorage.setItem(this.#key("scenario"), saved);
      this.#lastWritten = saved;
      if (this.#full) this.#host.note?.("");
      this.#full = false;
    } catch {
      // Storage full or blocked: the work stays on the page, and the user is told how to keep it.
      this.#savedMarket = -1;
      if (!this.#full) this.#host.storageFull?.();
      this.#full = true;
    }
  }
  #full = false;

  /**
   * Another tab of this page wrote the same autosave: `onOther(state)` offers the choice
   * instead of silently overwriting it on the next edit.
   */
  watch(onOther) {
    if (!this.#on) return;
    window.addEventListener("storage", (e) => {
      if (e.key !== this.#key("scenario") || e.newValue === null || e.newValue === this.#lastWritten) return;
      try {
        const other = JSON.parse(e.newValue);
        if (other?.v === 2 && other.scenario && typeof other.scenario === "object") onOther(other);
      } catch {
        /* not ours to judge: the next read sets it aside */
      }
    });
  }

  /** Takes a saved or shared state back: its scenario, and its market the way it was loaded. */
  async restore(state) {
    this.marketAside = null;
    if (!state || typeof state !== "object" || !state.scenario || typeof state.scenario !== "object")
      return this.#host.useSample();
    const scenario = structuredClone(state.scenario);
    let market = state.market && typeof state.market === "object" ? state.market : {};
    // The page keeps the market beside the scenario; a `market` inside it was not written here.
    if (Object.hasOwn(scenario, "market")) {
      if (Array.isArray(scenario.market) && market.kind === undefined)
        market = { kind: "rows", text: JSON.stringify(scenario.market) };
      else if (market.kind === undefined) market = { kind: "unreadable" };
      delete scenario.market;
    }
    this.#host.setScenario(scenario);
    this.#host.setTyped?.(state.typed);
    this.#host.setComparison?.(state.comparison);
    // Market data that cannot be used is set aside on its own: the rest of the work stays.
    const why = unusableMarket(market);
    if (!why)
      try {
        return await this.#market.restore(market);
      } catch (e) {
        const i = e?.issues?.[0];
        return this.#asideMarket(
          market,
          i ? { path: i.path, message: i.message, messageEn: i.messageEn } : "rows",
        );
      }
    return this.#asideMarket(market, why);
  }

  /** Keeps unusable market data under `…:set-aside-market` and goes on without it. */
  async #asideMarket(market, why) {
    this.marketAside = why;
    if (this.#on)
      try {
        const text = typeof market.text === "string" ? market.text : JSON.stringify(market);
        localStorage.setItem(this.#key("set-aside-market"), text);
      } catch {
        /* storage full: it was unusable anyway */
      }
    await this.#market.restore({ kind: "none" });
  }

  /** A link to this page that holds the current state in its fragment. */
  async link() {
    const url = new URL(location.href);
    url.hash = `${SHARE_KEY}=${await pack(this.state(true))}`;
    return url.href;
  }
}

const KINDS = ["sample", "file", "paste", "estimate", "rows", "none"];

/**
 * Why a saved or shared market `m` cannot be used, or null: `"kind"` (unknown), `"json"` (rows
 * that are no JSON) or `"list"` (rows that are no list of objects). A file or paste is read by
 * the core, which says what is wrong in it at the market field.
 */
export function unusableMarket(m) {
  if (m.kind === undefined) return null;
  if (!KINDS.includes(m.kind)) return "kind";
  if (
    (m.name !== undefined && typeof m.name !== "string") ||
    (m.text !== undefined && typeof m.text !== "string")
  )
    return "kind";
  if (m.kind !== "rows" || m.text === undefined) return null;
  let rows;
  try {
    rows = JSON.parse(m.text);
  } catch {
    return "json";
  }
  return Array.isArray(rows) && rows.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))
    ? null
    : "list";
}
