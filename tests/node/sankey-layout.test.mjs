// The Sankey's layout (www/element/results-sankey.js) under Node: laid out per width from the
// text it shows, every label inside the drawing and clear of every other, node and link
// heights to one scale. Text is measured at 0.6 em a character here (the page measures its font).
import { test } from "node:test";
import assert from "node:assert/strict";
import { sankeyLayout, wrapLabel, roughMeasure, SANKEY } from "../../www/element/results-sankey.js";

/** Equal to within float rounding. */
const near = (actual, want, what) =>
  assert.ok(
    actual.length === want.length && actual.every((a, i) => Math.abs(a - want[i]) < 1e-6),
    `${what}: ${actual} ≈ ${want}`,
  );

// Two insurers (3:1) and a municipality pay the RESV 100; it passes 60 to a provider and keeps 40.
const FLOWS = {
  nodes: [
    { kind: "insurer", label: "A" },
    { kind: "insurer", label: "B" },
    { kind: "municipality", label: "G" },
    { kind: "resv", label: "R" },
    { kind: "contractor", label: "P" },
    { kind: "kept", label: "R (zelf)" },
  ],
  links: [
    { source: 0, target: 3, value: "60.00", kind: "zvw" },
    { source: 1, target: 3, value: "20.00", kind: "zvw" },
    { source: 2, target: 3, value: "20.00", kind: "municipal" },
    { source: 3, target: 4, value: "60.00", kind: "sub" },
    { source: 3, target: 5, value: "40.00", kind: "kept" },
    { source: 4, target: 5, value: "0.00", kind: "none" },
  ],
};

// The sample region's flows (as the core gives them): ten insurers, three municipalities, five
// providers and what the RESV keeps, with long labels and payers of under 1%.
const NAMES = [
  "Achmea",
  "VGZ",
  "CZ",
  "Menzis",
  "DSW",
  "Zorg en Zekerheid",
  "a.s.r.",
  "ONVZ",
  "Salland",
  "EUCARE",
];
const PAID = [
  238818.05, 194117.73, 164127.3, 94125.67, 34915.01, 24966.09, 24311.61, 19833.99, 7985.48, 7299.07,
];
const TOWNS = [
  ["Zwolle", 21083.34],
  ["Kampen", 8908.54],
  ["Hattem", 2008.12],
];
const OUT = [
  ["Hecht wijkverband Kampen", 90000],
  ["Hecht wijkverband Hattem", 38000],
  ["Huisartsencoöperatie", 40000],
  ["Samenwerkingsverband wijkverpleging", 30000],
  ["Zorggroep (ketenzorg)", 60000],
];
const SAMPLE = (() => {
  const nodes = [
    ...NAMES.map((label) => ({ kind: "insurer", label })),
    ...TOWNS.map(([label]) => ({ kind: "municipality", label })),
    { kind: "resv", label: "RESV Zwolle, Kampen en Hattem" },
    ...OUT.map(([label]) => ({ kind: "contractor", label })),
    { kind: "kept", label: "RESV Zwolle, Kampen en Hattem (zelf)" },
  ];
  const resv = 13;
  const links = [
    ...PAID.map((v, i) => ({ source: i, target: resv, value: v.toFixed(2), kind: "zvw" })),
    ...TOWNS.map(([, v], i) => ({ source: 10 + i, target: resv, value: v.toFixed(2), kind: "municipal" })),
    ...OUT.map(([, v], i) => ({ source: resv, target: 14 + i, value: v.toFixed(2), kind: "subcontract" })),
    { source: resv, target: 19, value: "584500.00", kind: "kept" },
  ];
  return { nodes, links };
})();
const money = (size) => `€ ${size.toFixed(2).replace(".", ",")}`;

test("the Sankey puts payers left, the RESV in the middle, providers right, to one scale", () => {
  const layout = sankeyLayout(FLOWS, { width: 960 });
  assert.equal(layout.mode, "columns");
  const by = Object.fromEntries(layout.nodes.map((n) => [n.label, n]));
  assert.deepEqual(
    layout.nodes.map((n) => [n.label, n.side]),
    [
      ["A", "left"],
      ["B", "left"],
      ["G", "left"],
      ["R", "middle"],
      ["P", "right"],
      ["R (zelf)", "right"],
    ],
  );
  assert.ok(by.A.x < by.R.x && by.R.x < by.P.x, "columns left to right");
  assert.equal(by.R.size, 100, "the RESV counts its money once, not in and out");
  assert.deepEqual([by.A.size, by.B.size, by.G.size, by.P.size], [60, 20, 20, 60]);
  // One scale: a node's height is its money times the RESV's px per euro.
  const k = by.R.h / 100;
  near(
    [by.A.h, by.B.h, by.G.h, by.P.h, by["R (zelf)"].h],
    [60 * k, 20 * k, 20 * k, 60 * k, 40 * k],
    "heights",
  );
  // Nodes of a column follow each other, a gap apart.
  near([by.B.y - (by.A.y + by.A.h), by.G.y - (by.B.y + by.B.h)], [SANKEY.gap, SANKEY.gap], "gaps");
});

test("Sankey links stack at each end, as wide as their money, and leave out what carries none", () => {
  const { nodes, links } = sankeyLayout(FLOWS, { width: 960 });
  const by = Object.fromEntries(nodes.map((n) => [n.label, n]));
  const k = by.R.h / 100;
  assert.equal(links.length, 5, "the zero link is left out");
  const [a, b, g, p, kept] = links;
  assert.equal(a.x0, by.A.x + by.A.w);
  assert.equal(a.x1, by.R.x);
  near([a.y0], [by.A.y + by.A.h / 2], "the middle of A");
  near([a.y1, b.y1, g.y1], [by.R.y + 30 * k, by.R.y + 70 * k, by.R.y + 90 * k], "stacked into the RESV");
  near([p.y0, kept.y0], [by.R.y + 30 * k, by.R.y + 80 * k], "stacked out of the RESV");
  near([a.width, kept.width], [60 * k, 40 * k], "widths to the same scale");
});

test("a Sankey with no money still lays out (nothing divides by zero)", () => {
  const { nodes, links } = sankeyLayout({
    nodes: [
      { kind: "insurer", label: "A" },
      { kind: "resv", label: "R" },
    ],
    links: [{ source: 0, target: 1, value: "0.00", kind: "zvw" }],
  });
  assert.deepEqual(links, []);
  assert.ok(nodes.every((n) => Number.isFinite(n.y) && n.h >= 1));
});

test("a label is one line when it fits, else wrapped at words with the amount last", () => {
  const m = (s) => s.length; // one unit a character
  assert.deepEqual(wrapLabel("Zorg en Zekerheid", "€ 1", 30, m), ["Zorg en Zekerheid € 1"]);
  assert.deepEqual(wrapLabel("Hecht wijkverband Kampen", "€ 90.000,00", 20, m), [
    "Hecht wijkverband",
    "Kampen € 90.000,00",
  ]);
  assert.deepEqual(wrapLabel("Samenwerkingsverband wijkverpleging", "€ 30.000,00", 12, m), [
    "Samenwerking",
    "sverband",
    "wijkverplegi",
    "ng",
    "€ 30.000,00",
  ]);
  for (const line of wrapLabel("Samenwerkingsverband wijkverpleging", "€ 30.000,00", 12, m))
    assert.ok(line.length <= 12, line);
});

/** Every label's box, as the layout places it. */
const boxes = (layout) => layout.nodes.map((n) => ({ label: n.lines.join(" / "), ...n.box }));

for (const width of [358, 480, 730, 1000, 1800]) {
  test(`at ${width} px every Sankey label lies inside the drawing and overlaps no other`, () => {
    const layout = sankeyLayout(SAMPLE, { width, amount: money });
    assert.equal(layout.width, width);
    assert.equal(layout.mode, width < 600 ? "bands" : "columns", "two bands only where columns do not fit");
    const all = boxes(layout);
    for (const b of all) {
      assert.ok(b.x0 >= 0 && b.x1 <= width && b.y0 >= 0 && b.y1 <= layout.height, `inside: ${b.label}`);
    }
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) {
        const [a, b] = [all[i], all[j]];
        const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
        assert.ok(apart, `${a.label} and ${b.label} overlap`);
      }
    // Every line fits its column; text is never scaled (the SVG is drawn at `width` px).
    for (const n of layout.nodes)
      for (const line of n.lines) assert.ok(roughMeasure(line, SANKEY.fontSize) <= width, `${line} fits`);
    // The RESV's rotated label fits its bar; money is conserved on the bars.
    for (const r of layout.nodes.filter((n) => n.side === "middle"))
      assert.ok(r.box.y0 >= r.y && r.box.y1 <= r.y + r.h, "the RESV's label inside its bar");
    const px = (side) => layout.nodes.filter((n) => n.side === side).reduce((s, n) => s + n.h, 0);
    const resv = layout.nodes.find((n) => n.side === "middle");
    near([px("right")], [resv.h], "what leaves the RESV is as tall as the RESV");
  });
}
