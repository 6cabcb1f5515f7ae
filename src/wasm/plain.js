// The fast way in (issue 19): an argument that is plain data goes to Wasm as one JSON text
// (written by the engine's own JSON.stringify) instead of being walked from Rust across the
// JS boundary several times per value. A first pass checks, without building anything, that
// JSON.stringify writes exactly the values the Rust walker (src/wasm/decode.rs) would read:
// objects and arrays within the bounds, strings, finite numbers (JSON.stringify and String(n)
// write the same digits), booleans, null, and undefined only in arrays (written as null,
// which the walker reads it as). Anything else gives undefined and the walker reads the
// argument itself, reporting each problem at its path: a function, a symbol, a BigInt, NaN
// or Infinity, undefined as a field (JSON.stringify would drop it), an object with toJSON
// (a Date), an iterable (a Map, a typed array), an ArrayBuffer, a getter or proxy that throws,
// a bound reached. It never throws.

export function plainJson(value, maxDepth, maxItems, maxNodes, maxText, maxTextTotal) {
  let nodes = maxNodes;
  let text = maxTextTotal;
  const string = (s) => {
    if (s.length > maxText || s.length > text) return false;
    text -= s.length;
    return true;
  };
  const plain = (v, depth, inList) => {
    if (depth >= maxDepth) return false;
    switch (typeof v) {
      case "string":
        return string(v);
      case "number":
        return Number.isFinite(v);
      case "boolean":
        return true;
      case "undefined":
        return inList;
      case "object":
        break;
      default:
        return false;
    }
    if (v === null) return true;
    if (typeof v.toJSON === "function") return false;
    if (Array.isArray(v)) {
      const n = v.length;
      if (!Number.isInteger(n) || n < 0 || n > maxItems || n > nodes) return false;
      nodes -= n;
      for (let i = 0; i < n; i++) if (!plain(v[i], depth + 1, true)) return false;
      return true;
    }
    if (Symbol.iterator in v || v instanceof ArrayBuffer) return false;
    const keys = Object.keys(v);
    const n = keys.length;
    if (n > maxItems || n > nodes) return false;
    nodes -= n;
    for (let i = 0; i < n; i++) {
      if (!string(keys[i]) || !plain(v[keys[i]], depth + 1, false)) return false;
    }
    return true;
  };
  try {
    const v = withHandles(value);
    return plain(v, 0, false) ? JSON.stringify(v) : undefined;
  } catch {
    return undefined;
  }
}

// A wasm-bindgen object (a MarketTable as a scenario's market) is, to the walker, an object
// with one own field, `__wbg_ptr`; its toJSON (all the table's rows) must not run. So a
// top-level field holding one is written as that one field, in a shallow copy (with no
// prototype, so a "__proto__" key stays a plain field, as Object.keys gives it).
function withHandles(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const handle = (v) =>
    v !== null &&
    typeof v === "object" &&
    Object.hasOwn(v, "__wbg_ptr") &&
    typeof v.__wbg_ptr === "number" &&
    Object.keys(v).length === 1;
  const keys = Object.keys(value);
  const fields = keys.map((k) => value[k]);
  if (!fields.some(handle)) return value;
  const copy = Object.create(null);
  keys.forEach((k, i) => {
    copy[k] = handle(fields[i]) ? { __wbg_ptr: fields[i].__wbg_ptr } : fields[i];
  });
  return copy;
}
