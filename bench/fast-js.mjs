// The strongest plain-JS baseline we could write for `make bench`: what a careful web developer
// would do instead of the Wasm core. One pass over the bytes (no decoding, no splitting, no
// regexes), labels interned by their bytes, counts summed per (region, label) in a Float64Array
// (exact: every sum stays far below 2^53), and an exact BigInt largest-remainder split with the
// core's tie rule (larger remainder, then larger weight, then the earlier party). It checks
// postcodes and counts as strictly as the core does and throws on anything else.

const SEMI = 59,
  NL = 10,
  CR = 13,
  DOT = 46,
  SPACE = 32;

/** Interns label byte ranges: a hash table of (hash → index) with a byte comparison. */
class Labels {
  constructor() {
    this.names = [];
    this.bytes = [];
    this.slots = new Int32Array(1 << 12).fill(-1);
    this.direct = new Int32Array(1 << 16).fill(-1);
  }
  index(buf, start, end) {
    // Fast path: a direct slot by length and first two bytes, verified byte by byte.
    const len = end - start;
    const q = ((len & 63) << 10) ^ (buf[start] << 2) ^ buf[start + 1];
    const d = this.direct[q];
    if (d >= 0) {
      const b = this.bytes[d];
      if (b.length === len) {
        let same = true;
        for (let i = 2; i < len; i++)
          if (b[i] !== buf[start + i]) {
            same = false;
            break;
          }
        if (same && b[0] === buf[start] && b[1] === buf[start + 1]) return d;
      }
    }
    const k = this.hashed(buf, start, end);
    if (d < 0) this.direct[q] = k;
    return k;
  }
  hashed(buf, start, end) {
    let h = 2166136261;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 16777619);
    let s = h & (this.slots.length - 1);
    for (;;) {
      const k = this.slots[s];
      if (k < 0) break;
      const b = this.bytes[k];
      if (b.length === end - start) {
        let same = true;
        for (let i = 0; i < b.length; i++)
          if (b[i] !== buf[start + i]) {
            same = false;
            break;
          }
        if (same) return k;
      }
      s = (s + 1) & (this.slots.length - 1);
    }
    const k = this.names.length;
    if (k >= this.slots.length / 2) throw new Error("too many labels for this baseline");
    this.slots[s] = k;
    this.bytes.push(buf.slice(start, end));
    this.names.push(new TextDecoder().decode(buf.subarray(start, end)));
    return k;
  }
}

const isDigit = (c) => c >= 48 && c <= 57;
const isLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Exact cents of a decimal string with at most two decimals ("1234.5" → 123450n). */
function cents(text) {
  const [whole, frac = ""] = text.split(".");
  return BigInt(whole) * 100n + BigInt((frac + "00").slice(0, 2));
}

/** Largest remainder over `weights` (Numbers, exact integers), in cents; the core's tie rule. */
function split(units, weights) {
  const ws = weights.map(BigInt);
  const sum = ws.reduce((a, w) => a + w, 0n);
  const floors = ws.map((w) => (units * w) / sum);
  const rems = ws.map((w) => (units * w) % sum);
  let left = units - floors.reduce((a, f) => a + f, 0n);
  const order = ws
    .map((_, i) => i)
    .sort((a, b) =>
      rems[b] > rems[a] ? 1 : rems[b] < rems[a] ? -1 : ws[b] > ws[a] ? 1 : ws[b] < ws[a] ? -1 : a - b,
    );
  for (let k = 0; left > 0n; k++, left--) floors[order[k]] += 1n;
  return floors.map((f) => {
    const s = f.toString().padStart(3, "0");
    return `${s.slice(0, -2)}.${s.slice(-2)}`;
  });
}

/** Parses the `postcode;verzekeraar;verzekerden` table in `bytes` and allocates `regions`
 * (`{ id, lo, hi, lumpSum }`, PC4 ranges) like `allocateRegions`. */
export function fastJs(bytes, regions) {
  const regionOf = new Int16Array(10000).fill(-1);
  regions.forEach((r, i) => {
    for (let p = r.lo; p <= r.hi; p++) regionOf[p] = i;
  });
  const labels = new Labels();
  const L = 1024;
  const sums = new Float64Array(regions.length * L);
  const n = bytes.length;
  let i = bytes.indexOf(NL) + 1; // after the header
  let line = 2;
  while (i < n) {
    // Postcode: 4 digits (not starting with 0), then optionally " AB" or "AB".
    const c0 = bytes[i],
      c1 = bytes[i + 1],
      c2 = bytes[i + 2],
      c3 = bytes[i + 3];
    if (!(c0 >= 49 && c0 <= 57 && isDigit(c1) && isDigit(c2) && isDigit(c3))) {
      if (c0 === NL || c0 === CR) {
        i = bytes.indexOf(NL, i) + 1 || n;
        line++;
        continue;
      }
      throw new Error(`line ${line}: postcode`);
    }
    const pc4 = (c0 - 48) * 1000 + (c1 - 48) * 100 + (c2 - 48) * 10 + (c3 - 48);
    let j = i + 4;
    if (bytes[j] === SPACE) j++;
    if (bytes[j] !== SEMI) {
      if (!(isLetter(bytes[j]) && isLetter(bytes[j + 1]))) throw new Error(`line ${line}: postcode`);
      j += 2;
    }
    if (bytes[j] !== SEMI) throw new Error(`line ${line}: postcode`);
    const s = j + 1;
    let e = s;
    while (e < n && bytes[e] !== SEMI) {
      if (bytes[e] === NL) throw new Error(`line ${line}: fields`);
      e++;
    }
    const label = labels.index(bytes, s, e);
    // Count: digits, optionally grouped by "." in threes; then the line end.
    let k = e + 1,
      count = 0,
      digits = 0;
    for (; k < n; k++) {
      const c = bytes[k];
      if (isDigit(c)) {
        count = count * 10 + (c - 48);
        digits++;
      } else if (c === DOT) continue;
      else break;
    }
    if (digits === 0 || digits > 10) throw new Error(`line ${line}: count`);
    if (bytes[k] === CR) k++;
    if (k < n && bytes[k] !== NL) throw new Error(`line ${line}: count`);
    const r = regionOf[pc4];
    if (r >= 0) sums[r * L + label] += count;
    i = k + 1;
    line++;
  }
  return regions.map((r, ri) => {
    const parties = [];
    for (let l = 0; l < labels.names.length; l++) {
      const w = sums[ri * L + l];
      if (w > 0) parties.push([labels.names[l], w]);
    }
    parties.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const amounts = split(
      cents(r.lumpSum),
      parties.map(([, w]) => w),
    );
    return { id: r.id, insurers: parties.map(([id], k) => ({ id, amount: amounts[k] })) };
  });
}
