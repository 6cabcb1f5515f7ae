// The layout of the flows' Sankey diagram: pure, so Node tests it (tests/node/element-parts.test.mjs).
// Three columns: payers (insurers, municipalities) → the RESV → executing providers and what the
// RESV keeps. A node's height is its share of the money into the RESV; a link's width at each
// end is its share of that end's node; links stack at each node in the order the core lists them.

/** The drawing's size: width, height, node width and the gap between nodes of one column. */
export const SANKEY = { width: 960, height: 440, nodeWidth: 14, gap: 8 };
const LEFT = ["insurer", "municipality"];
const RIGHT = ["contractor", "kept"];

/**
 * Places `data` ({ nodes: [{ kind, label }], links: [{ source, target, value, kind }] }, values
 * as decimal strings): `{ nodes: [{ index, kind, label, x, y, h, size, side }], links: [{ link,
 * x0, y0, x1, y1, width }] }`. `side` is where a node's label goes: "left", "right" or "middle".
 * Links with no value, or at a node of no column, are left out.
 */
export function sankeyLayout(data, { width: W, height: H, nodeWidth, gap } = SANKEY) {
  const value = (l) => Number(l.value);
  const ids = data.nodes.map((_, i) => i);
  const left = ids.filter((i) => LEFT.includes(data.nodes[i].kind));
  const right = ids.filter((i) => RIGHT.includes(data.nodes[i].kind));
  const resv = data.nodes.findIndex((x) => x.kind === "resv");
  const total = data.links.filter((l) => l.target === resv).reduce((s, l) => s + value(l), 0) || 1;
  // The RESV is counted on both sides (in and out): half of that is its size.
  const size = (i) =>
    data.links.filter((l) => l.source === i || l.target === i).reduce((s, l) => s + value(l), 0) /
    (i === resv ? 2 : 1);
  const place = (column, x) => {
    const usable = H - gap * Math.max(column.length - 1, 0);
    let y = 0;
    return column.map((i) => {
      const h = Math.max(1, (size(i) / total) * usable);
      const p = { x, y, h };
      y += h + gap;
      return [i, p];
    });
  };
  const pos = Object.fromEntries([
    ...place(left, 200),
    ...(resv >= 0 ? place([resv], W / 2 - 60) : []),
    ...place(right, W - 330),
  ]);
  const offOut = {},
    offIn = {};
  const links = [];
  for (const l of data.links) {
    const a = pos[l.source],
      b = pos[l.target];
    if (!a || !b || value(l) <= 0) continue;
    const h = (value(l) / size(l.source)) * a.h,
      hb = (value(l) / size(l.target)) * b.h;
    const y0 = a.y + (offOut[l.source] ?? 0) + h / 2,
      y1 = b.y + (offIn[l.target] ?? 0) + hb / 2;
    offOut[l.source] = (offOut[l.source] ?? 0) + h;
    offIn[l.target] = (offIn[l.target] ?? 0) + hb;
    links.push({ link: l, x0: a.x + nodeWidth, y0, x1: b.x, y1, width: Math.max(1, Math.min(h, hb)) });
  }
  const nodes = Object.entries(pos).map(([i, p]) => {
    const node = data.nodes[i];
    const side = node.kind === "resv" ? "middle" : LEFT.includes(node.kind) ? "left" : "right";
    return { index: Number(i), kind: node.kind, label: node.label, ...p, size: size(Number(i)), side };
  });
  return { nodes, links };
}
