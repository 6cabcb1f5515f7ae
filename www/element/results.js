// The result views of <resv-calculator>: tables, follower statements, the Sankey diagram, the
// MDZ picture and the comparison: DOM builders over a Report. Everything from data is set as
// text (never markup), so an insurer called `<img src=x onerror=alert(1)>` shows as exactly that.
import { payerName } from "./io.js";
import { roleText, statusText } from "./i18n.js";
import { el, svgEl } from "./dom.js";
import { sankeyLayout, roughMeasure, SANKEY } from "./results-sankey.js";
import { insurerStatement, municipalityStatement, areaText } from "./results-statement.js";

/**
 * A captioned table: headers `[text, cls?]`, rows of cells `[text | Node, cls?]`; the first cell
 * heads its row. A table of up to five columns is stacked on a phone (one block per row, each
 * value under its column's name: CSS, from `data-label`); a wider one scrolls in its region.
 */
export function table(id, caption, headers, rows, foot) {
  const stack = headers.length <= 5;
  const t = el("table");
  t.id = id;
  // The caption's text sticks to the region's left edge as the table scrolls (a caption is as
  // wide as its table, so it cannot stick itself).
  const cap = el("caption");
  cap.append(el("span", caption));
  t.append(cap);
  const thead = el("thead"),
    head = el("tr");
  head.append(...headers.map(([h, cls]) => Object.assign(el("th", h, cls), { scope: "col" })));
  thead.append(head);
  const row = (cells) => {
    const tr = el("tr");
    tr.append(
      ...cells.map(([content, cls], i) => {
        const cell =
          i === 0 ? Object.assign(el("th", undefined, cls), { scope: "row" }) : el("td", undefined, cls);
        if (content instanceof Node) cell.append(content);
        else cell.textContent = content;
        if (stack && i > 0) cell.dataset.label = headers[i][0];
        return cell;
      }),
    );
    return tr;
  };
  const body = el("tbody");
  body.append(...rows.map(row));
  t.append(thead, body);
  if (foot) {
    const tf = el("tfoot");
    tf.append(row(foot));
    t.append(tf);
  }
  // Every table scrolls sideways inside its own region (named by its caption), never the page:
  // the first column stays put (CSS), and the region takes focus while it overflows, so a
  // keyboard user scrolls it with the arrows.
  const wrap = el("div", undefined, "table-wrap");
  t.caption.id = `${id}-caption`;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-labelledby", t.caption.id);
  wrap.append(t);
  if (stack) {
    wrap.classList.add("stack");
    tableRoles(t); // a table shown as blocks keeps its table semantics
  }
  OVERFLOW?.observe(wrap);
  OVERFLOW?.observe(t); // its content may widen too (an opened list in a cell)
  return wrap;
}

/** Explicit ARIA table roles (Chromium drops the implicit ones of a table whose display changes). */
function tableRoles(t) {
  t.setAttribute("role", "table");
  for (const g of t.querySelectorAll("thead, tbody, tfoot")) g.setAttribute("role", "rowgroup");
  for (const tr of t.rows) tr.setAttribute("role", "row");
  for (const c of t.querySelectorAll("th, td"))
    c.setAttribute("role", c.tagName === "TD" ? "cell" : c.scope === "row" ? "rowheader" : "columnheader");
}

/**
 * Makes a table's region focusable exactly while it overflows (its width or content changed).
 * All sizes are read before anything is written, so a render costs one layout, not one a table.
 */
const OVERFLOW =
  typeof ResizeObserver === "function"
    ? new ResizeObserver((entries) => {
        const wraps = new Set();
        for (const { target } of entries) {
          if (target.isConnected) wraps.add(target.closest(".table-wrap"));
          else OVERFLOW.unobserve(target);
        }
        const states = [...wraps].map((wrap) => [wrap, wrap.scrollWidth > wrap.clientWidth]);
        for (const [wrap, scrolls] of states) {
          if (scrolls === wrap.classList.contains("scrolls")) continue;
          if (scrolls) wrap.tabIndex = 0;
          else wrap.removeAttribute("tabindex");
          wrap.classList.toggle("scrolls", scrolls);
        }
      })
    : null;

function section(id, title, ...children) {
  const s = el("section");
  s.id = id;
  s.setAttribute("aria-labelledby", `${id}-h`);
  const h = el("h3", title);
  h.id = `${id}-h`;
  s.append(h, ...children);
  return s;
}

const BUILD = new WeakMap();
/** Builds a statement's body now (it is built lazily, when first opened). */
export function buildStatement(d) {
  const build = BUILD.get(d);
  BUILD.delete(d);
  build?.();
}

/** The class of a number cell. */
const N = "num";

/**
 * The whole result of one Report. `onPrint(key)` prints one statement (an insurer's id, or
 * `gm:` and a municipality's id); `open` holds the statements the user has open (kept open
 * across recalculations); `source` describes the market data (`{ kind, name, modified }`).
 */
export function renderReport(r, t, f, onPrint, open = new Set(), source = {}) {
  // Printed whole, each part of the report starts on a new page (style.js: .part-start).
  const part = (nodes) => {
    nodes[0]?.classList.add("part-start");
    return nodes;
  };
  const stmt = (i) => insurerStatement(r, i, t, f, onPrint, source);
  const council = (m) => municipalityStatement(r, m, t, f, onPrint);
  return [
    summary(r, t, f),
    insurersTable(r, t, f),
    section(
      "statements",
      t.statementsTitle,
      statements(
        r.insurers,
        (i) => i.id,
        (i) => t.statementFor(i.name),
        stmt,
        open,
      ),
    ),
    ...(r.municipalities.length
      ? [
          section(
            "council",
            t.st.municipalities,
            statements(
              r.municipalities,
              (m) => `gm:${m.id}`,
              (m) => t.st.municipalityTitle(m.name),
              council,
              open,
            ),
          ),
        ]
      : []),
    ...part(budgetTables(r, t, f)),
    ...part(paymentTables(r, t, f)),
    sankey(r.sankey, t, f),
    mdzPicture(r.mdz, t, f),
    ...part([
      table(
        "mdz-years",
        t.mdzYearsTitle,
        [[t.cols.year], [t.subCols.framework, N], [t.subCols.claimed, N], [t.subCols.headroom, N]],
        r.mdz.years.map((y) => [
          [String(y.year)],
          [f.money(y.framework), N],
          [f.money(y.claimed), N],
          [f.money(y.headroom), N],
        ]),
      ),
    ]),
  ];
}

function summary(r, t, f) {
  const a = r.allocation;
  const leader = r.insurers.find((i) => i.marketLeader);
  const second = r.insurers.find((i) => i.coAssessor);
  const dl = el("dl", undefined, "summary");
  for (const [k, v] of [
    [t.sumArea, areaText(r, t)],
    [t.sumInsured, `${f.count(a.insured)}${a.estimate ? ` (${t.estimate})` : ""}`],
    [t.sumLeader, leader?.name ?? ""],
    [t.sumCo, a.coAssessment ? `${t.yes}: ${second?.name} (${f.percent(second?.share)})` : t.no],
    ...(r.coverage
      ? [
          [t.st.payable, f.money(r.coverage.payable)],
          ...(Number(r.coverage.pending) ? [[t.st.contracts.pending, f.money(r.coverage.pending)]] : []),
          ...(Number(r.coverage.uncovered) ? [[t.st.contracts.none, f.money(r.coverage.uncovered)]] : []),
        ]
      : []),
  ])
    dl.append(el("dt", k), el("dd", v));
  return dl;
}

function insurersTable(r, t, f) {
  const role = (i) => (i.marketLeader ? `★ ${roleText(i, t)}` : roleText(i, t));
  const insurers = table(
    "insurers",
    t.insurersTitle,
    [[t.party], [t.insured, N], [t.share, N], [t.amount, N], [t.role]],
    r.insurers.map((i) => [
      [i.name],
      [f.count(i.insured), N],
      [f.percent(i.share), N],
      [f.money(i.amount), N],
      [role(i)],
    ]),
    [[t.sum], [f.count(r.allocation.insured), N], ["100%", N], [f.money(r.totals.zvw), N], [""]],
  );
  insurers
    .querySelectorAll("tbody tr")
    .forEach((tr, i) => r.insurers[i].marketLeader && tr.classList.add("leader"));
  return insurers;
}

/**
 * Statements (one per insurer, or per municipality): each printable on its own (print CSS
 * keeps only the chosen one). A body is built when first opened (or printed): ten closed
 * statements cost an edit nothing. `key` names a statement for `open` and for printing.
 */
function statements(items, key, title, body, open) {
  const box = el("div", undefined, "statements");
  for (const item of items) {
    const k = key(item);
    const d = el("details", undefined, "statement");
    d.dataset.insurer = k;
    d.append(el("summary", title(item)));
    BUILD.set(d, () => d.append(...body(item)));
    if (open.has(k)) {
      buildStatement(d);
      d.open = true;
    }
    d.addEventListener("toggle", () => {
      if (d.open) {
        buildStatement(d);
        open.add(k);
      } else open.delete(k);
    });
    box.append(d);
  }
  return box;
}

/** The totals, and per budget line, main task and level. */
function budgetTables(r, t, f) {
  const c = t.cols,
    tot = r.totals;
  const out = [
    table(
      "totals",
      t.totalsTitle,
      [[c.name], [c.amount, N]],
      [
        [[c.gross], [f.money(tot.gross), N]],
        [[c.existing], [f.money(tot.existingFunding), N]],
        [[c.net], [f.money(tot.net), N]],
        // A contract that differs from the budget: the Zvw allocated is the contract, and the
        // budget's own Zvw part is shown beside it (else Zvw above Netto reads as an error).
        ...(r.budgetZvw !== tot.zvw
          ? [
              [[t.zvwContracted], [f.money(tot.zvw), N]],
              [[t.zvwBudget], [f.money(r.budgetZvw), N]],
            ]
          : [[[c.zvw], [f.money(tot.zvw), N]]]),
        [[c.municipal], [f.money(tot.municipal), N]],
        [[`${c.wlz} (${t.wlzNote})`], [f.money(tot.wlz), N]],
        [[c.conditional], [f.money(tot.conditionalZvw), N]],
      ],
    ),
  ];
  if (!r.lines.length) return out;
  // Glyphs every machine has (an emoji like ⏳ is an empty box without an emoji font).
  const status = (l) => `${l.status === "final" ? "✓" : "○"} ${statusText(l, t)}`;
  out.push(
    table(
      "lines",
      t.budgetTitle,
      [
        [c.line],
        [c.level],
        [c.tasks],
        [c.gross, N],
        [c.existing, N],
        [c.zvw, N],
        [c.municipal, N],
        [c.wlz, N],
        [c.status],
      ],
      r.lines.map((l) => [
        [l.name],
        [t.levels[l.level] ?? l.level],
        [l.mainTasks.join(", ")],
        [f.money(l.gross), N],
        [f.money(l.existingFunding), N],
        [f.money(l.zvw), N],
        [f.money(l.municipal), N],
        [f.money(l.wlz), N],
        [status(l)],
      ]),
    ),
  );
  const head = (first) => [[first], [c.gross, N], [c.net, N], [c.zvw, N], [c.municipal, N], [c.wlz, N]];
  const sums = (key, label) => [
    [label],
    [f.money(key.gross), N],
    [f.money(key.net), N],
    [f.money(key.zvw), N],
    [f.money(key.municipal), N],
    [f.money(key.wlz), N],
  ];
  out.push(
    table(
      "tasks",
      t.tasksTitle,
      head(c.task),
      r.summaries.byMainTask.map((s) => sums(s, t.tasks[s.key])),
    ),
  );
  out.push(
    table(
      "levels",
      t.levelsTitle,
      head(c.level),
      r.summaries.byLevel.map((s) => sums(s, t.levels[s.key] ?? s.key)),
    ),
  );
  return out;
}

/** Who pays what: the municipalities, the payment schedule, the years, onderlinge dienstverlening. */
function paymentTables(r, t, f) {
  const c = t.cols,
    out = [];
  const nameOf = (id) => payerName(r, id);
  if (r.municipalities.length) {
    out.push(
      table(
        "municipalities",
        t.municipalities,
        [[c.name], [c.residents, N], [c.share, N], [c.amount, N]],
        r.municipalities.map((m) => [
          [m.lead ? `${m.name} (${t.leadMunicipality})` : m.name],
          [f.count(m.residents), N],
          [f.percent(m.share), N],
          [f.money(m.amount), N],
        ]),
        [[t.sum], [""], [""], [f.money(r.totals.municipal), N]],
      ),
    );
  }
  out.push(
    table(
      "payments",
      t.paymentsTitle(r.payments.schedule === "quarterly"),
      [[c.payer], [c.kind], [c.amount, N], [c.perMonth, N]],
      r.payments.payers.map((p) => [
        [nameOf(p.payer)],
        [p.kind === "zvw" ? t.kindZvw : t.kindMunicipal],
        [f.money(p.amount), N],
        [instalmentRange(p, f), N],
      ]),
    ),
  );
  if (r.years.length) {
    out.push(
      table(
        "years",
        t.yearsTitle,
        [[c.year], [c.gross, N], [c.net, N], [c.zvw, N], [c.municipal, N]],
        r.years.map((y) => [
          [String(y.year)],
          [f.money(y.gross), N],
          [f.money(y.net), N],
          [f.money(y.zvw), N],
          [f.money(y.municipal), N],
        ]),
      ),
    );
  }
  if (r.subcontracts.length) {
    const sc = t.subCols;
    const covers = (x) =>
      x.lines.map((id) => r.lines.find((l) => l.id === id)?.name ?? id).join("; ") +
      (x.mainTasks.length ? ` (${t.hoofdtaak} ${x.mainTasks.join(", ")})` : "");
    out.push(
      table(
        "subcontracts",
        t.subsTitle,
        [[sc.contractor], [sc.covers], [sc.available, N], [sc.amount, N], [sc.funded]],
        r.subcontracts.map((x) => [
          [x.contractor],
          [covers(x)],
          [f.money(x.available), N],
          [f.money(x.amount), N],
          [
            folded(
              t.fundedCount(x.fundedBy.length),
              x.fundedBy.map((g) => `${nameOf(g.insurer)}: ${f.money(g.amount)}`),
            ),
          ],
        ]),
      ),
    );
    out.push(
      table(
        "ledger",
        t.ledgerTitle,
        [[c.payer], [sc.paid, N], [sc.passed, N], [sc.kept, N]],
        r.ledger.insurers.map((l) => [
          [nameOf(l.insurer)],
          [f.money(l.paid), N],
          [f.money(l.subcontracted), N],
          [f.money(l.kept), N],
        ]),
      ),
    );
  }
  return out;
}

/** One instalment, or the lowest – the highest when rounding makes them differ. */
function instalmentRange(p, f) {
  const cents = p.instalments.map((x) => [x, Number(x)]);
  const lo = cents.reduce((m, x) => (x[1] < m[1] ? x : m))[0],
    hi = cents.reduce((m, x) => (x[1] > m[1] ? x : m))[0];
  return lo === hi ? f.money(lo) : `${f.money(lo)} – ${f.money(hi)}`;
}

/** A long list folded behind a summary that says how many. */
function folded(summary, items) {
  const d = el("details");
  d.append(el("summary", summary));
  const ul = el("ul");
  ul.append(...items.map((x) => el("li", x)));
  d.append(ul);
  return d;
}

/** The warnings as a list (each with its path, so it can be found in the input). */
export function renderWarnings(warnings, t, lang) {
  const ul = el("ul", undefined, "warnings");
  ul.append(
    ...(warnings.length
      ? warnings.map((w) => el("li", lang === "en" ? w.messageEn : w.message))
      : [el("li", t.noWarnings)]),
  );
  return ul;
}

/** The width and text measure the last Sankey was drawn with: the next one starts there (no flash). */
const SANKEY_LAST = { width: 0, measure: null };
const MEASURES = new Map();

/** Text widths in the figure's own font (a canvas measures; one px is one SVG unit), per font. */
function textMeasure(figure) {
  const family = getComputedStyle(figure).fontFamily;
  if (!family) return null;
  if (!MEASURES.has(family)) MEASURES.set(family, fontMeasure(family));
  return MEASURES.get(family);
}

function fontMeasure(family) {
  const ctx = document.createElement("canvas").getContext("2d");
  const cache = new Map();
  return (text, bold = false) => {
    const key = `${bold ? 1 : 0}${text}`;
    if (!cache.has(key)) {
      ctx.font = `${bold ? "700 " : ""}${SANKEY.fontSize}px ${family}`;
      cache.set(key, Math.ceil(ctx.measureText(text).width) + 1);
    }
    return cache.get(key);
  };
}

/**
 * The flows as a Sankey (laid out in results-sankey.js): payers → RESV → providers and what it
 * keeps, drawn at the figure's own width in CSS px and redrawn when that changes, so its text
 * is always 13 px (never scaled down to fit).
 */
export function sankey(report, t, f) {
  // The core gives a label in English too where the label is its own text ("… (kept)").
  const nodes = report.nodes.map((n) => (f.lang === "en" && n.labelEn ? { ...n, label: n.labelEn } : n));
  const data = { ...report, nodes };
  const figure = el("figure", undefined, "sankey");
  figure.append(el("h3", t.flowTitle));
  const name = (l) => `${data.nodes[l.source].label} → ${data.nodes[l.target].label}`;
  const alt = t.flowAlt(data.links.map((l) => `${name(l)} ${f.money(l.value)}`).join("; "));
  let drawn = null;
  const draw = (width, measure) => {
    if (drawn && drawn.width === width && drawn.measure === measure) return;
    drawn = { width, measure };
    const layout = sankeyLayout(data, {
      width,
      measure: measure ?? ((s) => roughMeasure(s)),
      amount: (size) => f.money(size.toFixed(2)),
    });
    figure.querySelector("svg")?.remove();
    figure.append(sankeySvg(layout, name, alt, f));
    figure.dataset.drawnWidth = String(layout.width);
    figure.dataset.layout = layout.mode;
  };
  draw(SANKEY_LAST.width || SANKEY.width, SANKEY_LAST.measure);
  if (typeof ResizeObserver === "function") {
    const watch = new ResizeObserver(([entry]) => {
      if (!figure.isConnected) return watch.disconnect();
      const width = Math.floor(entry.contentRect.width);
      if (width <= 0) return;
      const measure = textMeasure(figure);
      Object.assign(SANKEY_LAST, { width, measure });
      draw(width, measure);
    });
    watch.observe(figure);
  }
  return figure;
}

function sankeySvg(layout, name, alt, f) {
  const { width: W, height: H, nodes, links } = layout;
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": alt });
  // A link is a filled ribbon (not a stroked curve), so a wide flow over a short distance
  // keeps its shape.
  for (const { link, x0, y0, x1, y1, width } of links) {
    const mx = (x0 + x1) / 2,
      h = width / 2;
    const path = svgEl("path", {
      d:
        `M${x0},${y0 - h} C${mx},${y0 - h} ${mx},${y1 - h} ${x1},${y1 - h} ` +
        `L${x1},${y1 + h} C${mx},${y1 + h} ${mx},${y0 + h} ${x0},${y0 + h} Z`,
      class: `link ${link.kind}`,
    });
    path.append(svgEl("title", {}, `${name(link)}: ${f.money(link.value)}`));
    svg.append(path);
  }
  for (const p of nodes) {
    svg.append(svgEl("rect", { x: p.x, y: p.y, width: p.w, height: p.h, class: `node ${p.kind}` }));
    const { x, y, anchor, rotate } = p.text;
    const text = svgEl("text", {
      x,
      y,
      "text-anchor": anchor,
      "dominant-baseline": "middle",
      ...(rotate ? { transform: `rotate(${rotate} ${x} ${y})`, class: "resv-label" } : {}),
    });
    p.lines.forEach((line, i) => text.append(svgEl("tspan", i ? { x, dy: SANKEY.lineHeight } : { x }, line)));
    svg.append(text);
  }
  return svg;
}

/**
 * The region against the framework: two pairs of bars, each pair on one scale (its larger
 * value fills the track), the reference (fair share, framework) also marked as a line on the
 * first bar; values as text in their own column, so no bar is squeezed by its text.
 */
export function mdzPicture(m, t, f) {
  const figure = el("figure", undefined, "mdz");
  figure.id = "mdz";
  figure.append(el("h3", t.mdzTitle));
  const pairs = [
    [
      ["region", m.zvw],
      ["fair", m.fairShare],
    ],
    [
      ["projection", m.nationalProjection],
      ["framework", m.framework],
    ],
  ];
  const pct = (v, max) => `${(Math.max(0, Number(v)) / max) * 100}%`; // CSSOM, allowed under style-src 'self'
  for (const pair of pairs) {
    const max = Math.max(...pair.map(([, v]) => Number(v)), 1e-9);
    const reference = pair[1][1];
    const dl = el("dl", undefined, "bars");
    pair.forEach(([key, v], i) => {
      const track = el("dd", undefined, "track");
      const bar = el("span", undefined, `bar ${key}`);
      bar.dataset.value = v;
      bar.style.width = pct(v, max);
      track.append(bar);
      if (i === 0) {
        const mark = el("span", undefined, "mark");
        mark.style.left = pct(reference, max);
        track.append(mark);
      }
      dl.append(el("dt", t.mdzBars[key]), track, el("dd", f.money(v), "value"));
    });
    figure.append(dl);
  }
  const over = Number(m.nationalProjection) > Number(m.framework);
  figure.append(
    el(
      "p",
      `${t.mdzText({ perCapita: f.money(m.perCapita), nationalProjection: f.money(m.nationalProjection), framework: f.money(m.framework) })} ${over ? `▲ ${t.mdzOver}` : `✓ ${t.mdzUnder}`}.`,
    ),
  );
  return figure;
}

/** Two reports side by side: A, B and B − A per total, insurer, municipality, line and flow. */
export function renderComparison(cmp, names, t, f, reports = {}) {
  const n = "num",
    cc = t.compareCols;
  // One sign, always shown: "▲ +€ 10,00", "▼ −€ 10,00" (the money format shows no sign itself).
  const diff = (d) => {
    const v = Number(d.difference);
    const abs = String(d.difference).replace(/^-/, "");
    return [
      `${v > 0 ? "▲ +" : v < 0 ? "▼ −" : ""}${f.money(abs)}`,
      `num ${v > 0 ? "up" : v < 0 ? "down" : ""}`,
    ];
  };
  const label = flowLabel(reports, t);
  const rows = (items, label) =>
    items.map((d) => [[label(d)], [f.money(d.a), n], [f.money(d.b), n], diff(d)]);
  const head = [[cc.item], [cc.a, n], [cc.b, n], [cc.diff, n]];
  const s = t.compareSections;
  const out = [el("p", t.compareCaption(names.a, names.b), "compare-caption")];
  out.push(
    table(
      "cmp-totals",
      s.totals,
      head,
      rows(cmp.totals, (d) => t.totalNames[d.id] ?? d.name),
    ),
  );
  out.push(
    table(
      "cmp-insurers",
      s.insurers,
      head,
      rows(cmp.insurers, (d) => d.name),
    ),
  );
  if (cmp.municipalities.length)
    out.push(
      table(
        "cmp-municipalities",
        s.municipalities,
        head,
        rows(cmp.municipalities, (d) => d.name),
      ),
    );
  if (cmp.lines.length)
    out.push(
      table(
        "cmp-lines",
        s.lines,
        head,
        cmp.lines.map((l) => [[l.name], [f.money(l.zvw.a), n], [f.money(l.zvw.b), n], diff(l.zvw)]),
      ),
    );
  out.push(
    table("cmp-flows", s.flows, head, [
      ...rows(cmp.flows, (d) => label(d.id ?? d.name)),
      ...keptRow(reports, t, f, diff),
    ]),
  );
  return out;
}

/** Names what the core's flow ids (`from → to (kind)`) say, in the page's language. */
export function flowLabel(reports, t) {
  const names = new Map();
  for (const r of [reports.a, reports.b].filter(Boolean)) {
    for (const i of r.insurers ?? []) names.set(i.id, i.name);
    for (const m of r.municipalities ?? []) names.set(m.id, m.name ?? m.id);
    names.set("resv", r.hoofdaannemer?.name ?? "RESV");
  }
  const kinds = { zvw: t.kindZvw, municipal: t.kindMunicipal, subcontract: t.kindSubcontract };
  return (id) => {
    const m = /^(.*) → (.*) \((\w+)\)$/.exec(String(id));
    if (!m) return id;
    const [, from, to, kind] = m;
    return `${names.get(from) ?? from} → ${names.get(to) ?? to} (${kinds[kind] ?? kind})`;
  };
}

/** What the RESV keeps, in A and in B (the core compares flows; the ledger says what is kept). */
function keptRow(reports, t, f, diff) {
  const kept = (r) =>
    r?.ledger ? BigInt(cents(r.ledger.keptZvw)) + BigInt(cents(r.ledger.keptMunicipal)) : null;
  const a = kept(reports.a),
    b = kept(reports.b);
  if (a === null || b === null) return [];
  const text = (c) => {
    const neg = c < 0n;
    const s = (neg ? -c : c).toString().padStart(3, "0");
    return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
  };
  const d = { a: text(a), b: text(b), difference: text(b - a) };
  return [[[t.subCols.kept], [f.money(d.a), "num"], [f.money(d.b), "num"], diff(d)]];
}

const cents = (money) =>
  String(money)
    .replace(".", "")
    .replace(/^(-?)0+(?=\d)/, "$1");
