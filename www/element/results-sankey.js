// The layout of the flows' Sankey diagram: pure, so Node tests it (tests/node/sankey-layout.test.mjs).
// Payers (insurers, municipalities) → the RESV → executing providers and what the RESV keeps.
// It is laid out for the width it is drawn at (one SVG unit is one CSS pixel, so 13 px text
// stays 13 px) and from the text it must show: label columns are as wide as their labels (or
// wrapped into lines at word boundaries), and every node gets a slot at least as tall as its
// label, so no label is cut or overlaps another. Node and link heights are to one scale (px per
// euro). Where three columns and their labels do not fit (a phone), it draws two bands one
// above the other: payers → RESV, then RESV → providers.

/** Sizes in CSS px: text, line height, node width, the RESV's width, gaps, and the narrowest flows. */
export const SANKEY = {
  width: 960,
  fontSize: 13,
  lineHeight: 16,
  nodeWidth: 14,
  resvWidth: 20,
  gap: 6,
  pad: 6,
  bandGap: 28,
  minLinks: 72,
};
const LEFT = ["insurer", "municipality"];
const RIGHT = ["contractor", "kept"];

/** A rough text width (0.6 em a character), for Node and before the page has a font. */
export const roughMeasure = (text, fontSize = SANKEY.fontSize) => text.length * fontSize * 0.6;

/**
 * `name` and `amount` as lines no wider than `max` (by `measure`): one line when it fits, else
 * the name's words greedily (a word wider than `max` broken between characters) and the
 * amount on the last line or its own.
 */
export function wrapLabel(name, amount, max, measure) {
  const one = amount ? `${name} ${amount}` : name;
  if (measure(one) <= max) return [one];
  const lines = [];
  let line = "";
  const push = (word) => {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= max) return void (line = next);
    if (line) lines.push(line);
    line = "";
    if (measure(word) <= max) return void (line = word);
    for (const ch of word) {
      if (line && measure(line + ch) > max) {
        lines.push(line);
        line = "";
      }
      line += ch;
    }
  };
  name.split(/\s+/).filter(Boolean).forEach(push);
  if (amount) {
    if (line && measure(`${line} ${amount}`) <= max) line = `${line} ${amount}`;
    else {
      if (line) lines.push(line);
      line = amount;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lays out `data` ({ nodes: [{ kind, label }], links: [{ source, target, value, kind }] }, values
 * as decimal strings) at `width` px. Options: `measure(text, bold)` (px), `amount(size)` (the
 * text after a label; default none) and the sizes of `SANKEY`. Returns `{ width, height, mode:
 * "columns" | "bands", nodes: [{ index, kind, label, lines, x, y, h, w, size, side, label box
 * { x0, y0, x1, y1 }, text { x, y, anchor, rotate } }], links: [{ link, x0, y0, x1, y1, width }] }`.
 * `side` is "left", "right" or "middle" (the RESV: drawn once per band, its label rotated in its
 * bar). Links with no value, or at a node of no column, are left out.
 */
export function sankeyLayout(data, options = {}) {
  const o = { ...SANKEY, measure: roughMeasure, amount: () => "", ...options };
  const W = Math.max(240, o.width);
  const value = (l) => Math.max(0, Number(l.value) || 0);
  const ids = data.nodes.map((_, i) => i);
  const left = ids.filter((i) => LEFT.includes(data.nodes[i].kind));
  const right = ids.filter((i) => RIGHT.includes(data.nodes[i].kind));
  const resv = data.nodes.findIndex((x) => x.kind === "resv");
  const sum = (ls) => ls.reduce((s, l) => s + value(l), 0);
  const into = sum(data.links.filter((l) => l.target === resv));
  const out = sum(data.links.filter((l) => l.source === resv));
  const total = Math.max(into, out) || 1;
  // The RESV is counted on both sides (in and out): the larger side is its size.
  const size = (i) => (i === resv ? total : sum(data.links.filter((l) => l.source === i || l.target === i)));
  const oneLine = (i) => o.measure(`${data.nodes[i].label} ${o.amount(size(i))}`.trim());
  const widest = (col) => Math.max(0, ...col.map(oneLine));
  const resvLabel = resv >= 0 ? data.nodes[resv].label : "";
  const nw = o.nodeWidth,
    rw = o.resvWidth;

  // Columns when both label columns and the flows between fit; else two bands.
  let Lw = Math.min(widest(left), W * 0.3),
    Rw = Math.min(widest(right), W * 0.34);
  const flowSpace = W - Lw - Rw - 2 * nw - rw - 4 * o.pad;
  const mode = flowSpace >= 2 * o.minLinks ? "columns" : "bands";
  if (mode === "bands") {
    const room = W - nw - rw - 2 * o.pad - o.minLinks;
    Lw = Math.min(widest(left), room);
    Rw = Math.min(widest(right), room, Math.max(W * 0.55, 150)); // wrapped: room for the flows
  }
  // One scale for the money: the RESV's bar is about half the width tall (at least its label).
  const target = Math.max(
    mode === "columns" ? Math.min(Math.max(W * 0.42, 280), 520) : 300,
    o.measure(resvLabel, true) + 4 * o.pad,
  );
  const k = target / total;

  const nodes = [],
    pos = {};
  const labelled = (i, maxW) => {
    const n = data.nodes[i];
    const lines = wrapLabel(n.label, o.amount(size(i)), maxW, o.measure);
    return { index: i, kind: n.kind, label: n.label, lines, size: size(i) };
  };
  /** Stacks `col` from `top` at `x`, each node in a slot as tall as its bar or its label. */
  const column = (col, x, side, maxW, top, key) => {
    let y = top;
    for (const i of col) {
      const n = labelled(i, maxW);
      const h = Math.max(1, k * n.size);
      const textH = n.lines.length * o.lineHeight;
      const slot = Math.max(h, textH);
      const cy = y + slot / 2;
      const leftSide = side === "left";
      const tx = leftSide ? x - o.pad : x + nw + o.pad;
      const widths = n.lines.map((l) => o.measure(l));
      const lw = Math.max(0, ...widths);
      const node = {
        ...n,
        x,
        y: cy - h / 2,
        h,
        w: nw,
        side,
        text: { x: tx, y: cy - textH / 2 + o.lineHeight / 2, anchor: leftSide ? "end" : "start" },
        box: {
          x0: leftSide ? tx - lw : tx,
          x1: leftSide ? tx : tx + lw,
          y0: cy - textH / 2,
          y1: cy + textH / 2,
        },
      };
      nodes.push(node);
      pos[`${key}${i}`] = node;
      y += slot + o.gap;
    }
    return y - o.gap - top;
  };
  const middle = (x, top, key) => {
    const h = k * total;
    const lw = o.measure(resvLabel, true);
    const cx = x + rw / 2,
      cy = top + h / 2;
    const node = {
      index: resv,
      kind: "resv",
      label: resvLabel,
      lines: [resvLabel],
      size: total,
      x,
      y: top,
      h,
      w: rw,
      side: "middle",
      text: { x: cx, y: cy, anchor: "middle", rotate: -90 },
      box: { x0: cx - o.lineHeight / 2, x1: cx + o.lineHeight / 2, y0: cy - lw / 2, y1: cy + lw / 2 },
    };
    nodes.push(node);
    pos[`${key}${resv}`] = node;
    return h;
  };

  let height;
  const hasResv = resv >= 0;
  if (mode === "columns") {
    const lx = o.pad + Lw + o.pad;
    const rx = W - o.pad - Rw - o.pad - nw;
    const hl = column(left, lx, "left", Lw, 0, "a");
    const hm = hasResv ? middle((lx + nw + rx) / 2 - rw / 2, 0, "a") : 0;
    const hr = column(right, rx, "right", Rw, 0, "a");
    height = Math.max(hl, hm, hr);
  } else {
    const lx = o.pad + Lw + o.pad;
    const h1 = Math.max(column(left, lx, "left", Lw, 0, "a"), hasResv ? middle(W - rw, 0, "a") : 0);
    const top = h1 + o.bandGap;
    const rx = W - o.pad - Rw - o.pad - nw;
    const h2 = Math.max(column(right, rx, "right", Rw, top, "b"), hasResv ? middle(0, top, "b") : 0);
    height = top + h2;
  }

  // Links stack at each end in the order the core lists them, their width to the same scale.
  const offOut = {},
    offIn = {},
    links = [];
  for (const l of data.links) {
    const v = value(l);
    const key = mode === "bands" && l.source === resv ? "b" : "a";
    const a = pos[`${key}${l.source}`],
      b = pos[`${key}${l.target}`];
    if (!a || !b || v <= 0) continue;
    const h = k * v;
    const y0 = a.y + (offOut[l.source] ?? 0) + h / 2,
      y1 = b.y + (offIn[l.target] ?? 0) + h / 2;
    offOut[l.source] = (offOut[l.source] ?? 0) + h;
    offIn[l.target] = (offIn[l.target] ?? 0) + h;
    links.push({ link: l, x0: a.x + a.w, y0, x1: b.x, y1, width: Math.max(1, h) });
  }
  return { width: W, height: Math.ceil(height + 1), mode, nodes, links };
}
