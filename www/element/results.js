// The result views of <resv-calculator>: tables, follower statements, the Sankey diagram, the
// MDZ picture and the comparison. Everything from data is set as text (never markup), so an
// insurer called `<img src=x onerror=alert(1)>` shows as exactly that.
import { payerName } from "./io.js";

/** An element with optional text and class. */
export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** A captioned table: headers `[text, cls?]`, rows of cells `[text | Node, cls?]`; the first cell heads its row. */
export function table(id, caption, headers, rows, foot) {
  const t = el("table");
  t.id = id;
  t.append(el("caption", caption));
  const thead = el("thead"), head = el("tr");
  head.append(...headers.map(([h, cls]) => Object.assign(el("th", h, cls), { scope: "col" })));
  thead.append(head);
  const row = (cells) => {
    const tr = el("tr");
    tr.append(...cells.map(([content, cls], i) => {
      const cell = i === 0 ? Object.assign(el("th", undefined, cls), { scope: "row" }) : el("td", undefined, cls);
      if (content instanceof Node) cell.append(content);
      else cell.textContent = content;
      return cell;
    }));
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
  const wrap = el("div", undefined, "table-wrap");
  if (headers.length >= 6) {
    // A wide table may scroll sideways: a keyboard user can focus it and scroll with the arrows.
    const cap = t.caption;
    cap.id = `${id}-caption`;
    Object.assign(wrap, { tabIndex: 0 });
    wrap.classList.add("scroll");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", cap.id);
  }
  wrap.append(t);
  return wrap;
}

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

/**
 * The whole result of one Report. `onPrint(insurerId)` prints one statement; `open` holds the
 * insurers whose statement the user has open (kept open across recalculations).
 */
export function renderReport(r, t, f, onPrint, open = new Set()) {
  const n = "num", c = t.cols;
  const out = [];
  const leader = r.insurers.find((i) => i.marketLeader);
  const second = r.insurers.find((i) => i.coAssessor);
  const a = r.allocation;

  const summary = el("dl", undefined, "summary");
  for (const [k, v] of [
    [t.sumArea, a.area.entries ? t.entries(a.area.entries) : t.wholeTable],
    [t.sumInsured, `${f.count(a.insured)}${a.estimate ? ` (${t.estimate})` : ""}`],
    [t.sumLeader, leader?.name ?? ""],
    [t.sumCo, a.coAssessment ? `${t.yes}: ${second?.name} (${f.percent(second?.share)})` : t.no],
  ]) summary.append(el("dt", k), el("dd", v));
  out.push(summary);

  const insurers = table("insurers", t.insurersTitle, [[t.party], [t.insured, n], [t.share, n], [t.amount, n], [t.role]],
    r.insurers.map((i) => [[i.name], [f.count(i.insured), n], [f.percent(i.share), n], [f.money(i.amount), n],
      [i.marketLeader ? `★ ${t.leader}` : i.coAssessor ? `${t.follower}, ${t.coAssessor}` : t.follower]]),
    [[t.sum], [f.count(a.insured), n], ["100%", n], [f.money(r.totals.zvw), n], [""]]);
  insurers.querySelectorAll("tbody tr").forEach((tr, i) => r.insurers[i].marketLeader && tr.classList.add("leader"));
  out.push(insurers);

  // Follower statements: each printable on its own (print CSS keeps only the chosen one). The
  // body is built when first opened (or printed): ten closed statements cost an edit nothing.
  const statements = el("div", undefined, "statements");
  for (const i of r.insurers) {
    const d = el("details", undefined, "statement");
    d.dataset.insurer = i.id;
    d.append(el("summary", t.statementFor(i.name)));
    BUILD.set(d, () => {
      d.append(el("p", t.statementHead(r.name ?? "", r.year), "print-only"));
      const ul = el("ul");
      ul.append(...t.statement({
        ...i, insured: f.count(i.insured), share: f.share(i.share), amount: f.money(i.amount),
        labels: i.labels.map((l) => `${l.name} (${f.count(l.insured)})`),
      }, f.count(a.insured), leader?.name).map((line) => el("li", line)));
      d.append(ul);
      const pay = r.payments.payers.find((p) => p.payer === i.id && p.kind === "zvw");
      if (pay) {
        d.append(table(`instalments-${i.id}`, t.instalments, [["#"], [t.amount, n]], pay.instalments.map((x, k) => [[String(k + 1)], [f.money(x), n]]),
          [[t.sum], [f.money(pay.amount), n]]));
      }
      const b = el("button", t.print(i.name), "no-print");
      b.type = "button";
      b.addEventListener("click", () => onPrint(i.id));
      d.append(b);
    });
    if (open.has(i.id)) { buildStatement(d); d.open = true; }
    d.addEventListener("toggle", () => {
      if (d.open) { buildStatement(d); open.add(i.id); } else open.delete(i.id);
    });
    statements.append(d);
  }
  out.push(section("statements", t.statementsTitle, statements));

  const tot = r.totals;
  out.push(table("totals", t.totalsTitle, [[c.name], [c.amount, n]], [
    [[c.gross], [f.money(tot.gross), n]], [[c.existing], [f.money(tot.existingFunding), n]], [[c.net], [f.money(tot.net), n]],
    [[c.zvw], [f.money(tot.zvw), n]], [[c.municipal], [f.money(tot.municipal), n]], [[`${c.wlz} (${t.wlzNote})`], [f.money(tot.wlz), n]],
    [[c.conditional], [f.money(tot.conditionalZvw), n]],
  ]));
  if (r.lines.length) {
    out.push(table("lines", t.budgetTitle,
      [[c.line], [c.level], [c.tasks], [c.gross, n], [c.existing, n], [c.zvw, n], [c.municipal, n], [c.wlz, n], [c.status]],
      r.lines.map((l) => [[l.name], [t.levels[l.level] ?? l.level], [l.mainTasks.join(", ")], [f.money(l.gross), n], [f.money(l.existingFunding), n],
        [f.money(l.zvw), n], [f.money(l.municipal), n], [f.money(l.wlz), n], [l.status === "final" ? `✓ ${t.statusFinal}` : `⏳ ${t.statusConditional}`]])));
    const sums = (key, label) => [[label], [f.money(key.gross), n], [f.money(key.net), n], [f.money(key.zvw), n], [f.money(key.municipal), n], [f.money(key.wlz), n]];
    out.push(table("tasks", t.tasksTitle, [[c.task], [c.gross, n], [c.net, n], [c.zvw, n], [c.municipal, n], [c.wlz, n]],
      r.summaries.byMainTask.map((s) => sums(s, t.tasks[s.key]))));
    out.push(table("levels", t.levelsTitle, [[c.level], [c.gross, n], [c.net, n], [c.zvw, n], [c.municipal, n], [c.wlz, n]],
      r.summaries.byLevel.map((s) => sums(s, t.levels[s.key] ?? s.key))));
  }
  if (r.municipalities.length) {
    out.push(table("municipalities", t.municipalities, [[c.name], [c.residents, n], [c.share, n], [c.amount, n]],
      r.municipalities.map((m) => [[m.lead ? `${m.name} (${t.leadMunicipality})` : m.name], [f.count(m.residents), n], [f.percent(m.share), n], [f.money(m.amount), n]]),
      [[t.sum], [""], [""], [f.money(tot.municipal), n]]));
  }
  const nameOf = (id) => payerName(r, id);
  out.push(table("payments", t.paymentsTitle(r.payments.schedule === "quarterly"), [[c.payer], [c.kind], [c.amount, n], [c.perMonth, n]],
    r.payments.payers.map((p) => {
      const cents = p.instalments.map((x) => [x, Number(x)]);
      const lo = cents.reduce((m, x) => (x[1] < m[1] ? x : m))[0], hi = cents.reduce((m, x) => (x[1] > m[1] ? x : m))[0];
      return [[nameOf(p.payer)], [p.kind === "zvw" ? t.kindZvw : t.kindMunicipal], [f.money(p.amount), n], [lo === hi ? f.money(lo) : `${f.money(lo)} – ${f.money(hi)}`, n]];
    })));
  if (r.years.length) {
    out.push(table("years", t.yearsTitle, [[c.year], [c.gross, n], [c.net, n], [c.zvw, n], [c.municipal, n]],
      r.years.map((y) => [[String(y.year)], [f.money(y.gross), n], [f.money(y.net), n], [f.money(y.zvw), n], [f.money(y.municipal), n]])));
  }
  if (r.subcontracts.length) {
    out.push(table("subcontracts", t.subsTitle, [[t.subCols.contractor], [t.subCols.covers], [t.subCols.available, n], [t.subCols.amount, n], [t.subCols.funded]],
      r.subcontracts.map((x) => [[x.contractor],
        [x.lines.map((id) => r.lines.find((l) => l.id === id)?.name ?? id).join("; ") + (x.mainTasks.length ? ` (${t.hoofdtaak} ${x.mainTasks.join(", ")})` : "")],
        [f.money(x.available), n], [f.money(x.amount), n], [folded(t.fundedCount(x.fundedBy.length), x.fundedBy.map((g) => `${nameOf(g.insurer)}: ${f.money(g.amount)}`))]])));
    out.push(table("ledger", t.ledgerTitle, [[c.payer], [t.subCols.paid, n], [t.subCols.passed, n], [t.subCols.kept, n]],
      r.ledger.insurers.map((l) => [[nameOf(l.insurer)], [f.money(l.paid), n], [f.money(l.subcontracted), n], [f.money(l.kept), n]])));
  }
  out.push(sankey(r.sankey, t, f));
  out.push(mdzPicture(r.mdz, t, f));
  out.push(table("mdz-years", t.mdzYearsTitle, [[c.year], [t.subCols.framework, n], [t.subCols.claimed, n], [t.subCols.headroom, n]],
    r.mdz.years.map((y) => [[String(y.year)], [f.money(y.framework), n], [f.money(y.claimed), n], [f.money(y.headroom), n]])));
  return out;
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
  ul.append(...(warnings.length ? warnings.map((w) => el("li", lang === "en" ? w.messageEn : w.message)) : [el("li", t.noWarnings)]));
  return ul;
}

const SVG = "http://www.w3.org/2000/svg";
function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The flows as a three-column Sankey: payers → RESV → executing providers and what it keeps. */
export function sankey(data, t, f) {
  const figure = el("figure", undefined, "sankey");
  figure.append(el("h3", t.flowTitle));
  const W = 960, H = 440, nodeW = 14, gap = 8;
  const value = (l) => Number(l.value);
  const ids = data.nodes.map((_, i) => i);
  const left = ids.filter((i) => ["insurer", "municipality"].includes(data.nodes[i].kind));
  const right = ids.filter((i) => ["contractor", "kept"].includes(data.nodes[i].kind));
  const resv = data.nodes.findIndex((x) => x.kind === "resv");
  const total = data.links.filter((l) => l.target === resv).reduce((s, l) => s + value(l), 0) || 1;
  const size = (i) => data.links.filter((l) => l.source === i || l.target === i).reduce((s, l) => s + value(l), 0) / (i === resv ? 2 : 1);
  const place = (list, x) => {
    const usable = H - gap * Math.max(list.length - 1, 0);
    let y = 0;
    return Object.fromEntries(list.map((i) => { const h = Math.max(1, (size(i) / total) * usable); const p = { x, y, h }; y += h + gap; return [i, p]; }));
  };
  const pos = { ...place(left, 200), ...(resv >= 0 ? place([resv], W / 2 - 60) : {}), ...place(right, W - 330) };
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": t.flowAlt(data.links.map((l) => `${data.nodes[l.source].label} → ${data.nodes[l.target].label} ${f.money(l.value)}`).join("; ")) });
  const offOut = {}, offIn = {};
  for (const l of data.links) {
    const a = pos[l.source], b = pos[l.target];
    if (!a || !b || value(l) <= 0) continue;
    const h = (value(l) / size(l.source)) * a.h, hb = (value(l) / size(l.target)) * b.h;
    const y0 = a.y + (offOut[l.source] ?? 0) + h / 2, y1 = b.y + (offIn[l.target] ?? 0) + hb / 2;
    offOut[l.source] = (offOut[l.source] ?? 0) + h;
    offIn[l.target] = (offIn[l.target] ?? 0) + hb;
    const x0 = a.x + nodeW, x1 = b.x, mx = (x0 + x1) / 2;
    const path = svgEl("path", { d: `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`, class: `link ${l.kind}`, "stroke-width": Math.max(1, Math.min(h, hb)) });
    path.append(svgEl("title", {}, `${data.nodes[l.source].label} → ${data.nodes[l.target].label}: ${f.money(l.value)}`));
    svg.append(path);
  }
  for (const [i, p] of Object.entries(pos)) {
    const node = data.nodes[i];
    svg.append(svgEl("rect", { x: p.x, y: p.y, width: nodeW, height: p.h, class: `node ${node.kind}` }));
    const leftSide = node.kind === "insurer" || node.kind === "municipality";
    if (node.kind === "resv") {
      const cx = p.x + nodeW / 2, cy = p.y + p.h / 2;
      svg.append(svgEl("text", { x: cx, y: cy, "text-anchor": "middle", "dominant-baseline": "middle", class: "resv-label", transform: `rotate(-90 ${cx} ${cy})` }, node.label));
    } else {
      svg.append(svgEl("text", { x: leftSide ? p.x - 6 : p.x + nodeW + 6, y: p.y + p.h / 2, "text-anchor": leftSide ? "end" : "start", "dominant-baseline": "middle" },
        `${node.label} ${f.money(size(Number(i)).toFixed(2))}`));
    }
  }
  figure.append(svg);
  return figure;
}

/** The region against the framework: two pairs of bars, each pair on its own scale, values as text. */
export function mdzPicture(m, t, f) {
  const figure = el("figure", undefined, "mdz");
  figure.id = "mdz";
  figure.append(el("h3", t.mdzTitle));
  const pairs = [[["region", m.zvw], ["fair", m.fairShare]], [["projection", m.nationalProjection], ["framework", m.framework]]];
  for (const pair of pairs) {
    const max = Math.max(...pair.map(([, v]) => Number(v)), 1);
    const dl = el("dl", undefined, "bars");
    for (const [key, v] of pair) {
      const dd = el("dd");
      const bar = el("span", undefined, `bar ${key}`);
      bar.style.width = `${Math.max(0.5, (Number(v) / max) * 100)}%`; // CSSOM, allowed under style-src 'self'
      dd.append(bar, el("span", f.money(v), "value"));
      dl.append(el("dt", t.mdzBars[key]), dd);
    }
    figure.append(dl);
  }
  const over = Number(m.nationalProjection) > Number(m.framework);
  figure.append(el("p", `${t.mdzText({ perCapita: f.money(m.perCapita), nationalProjection: f.money(m.nationalProjection), framework: f.money(m.framework) })} ${over ? `▲ ${t.mdzOver}` : `✓ ${t.mdzUnder}`}.`));
  return figure;
}

/** Two reports side by side: A, B and B − A per total, insurer, municipality, line and flow. */
export function renderComparison(cmp, names, t, f) {
  const n = "num", cc = t.compareCols;
  const diff = (d) => {
    const v = Number(d.difference);
    return [`${v > 0 ? "▲ +" : v < 0 ? "▼ " : ""}${f.money(d.difference)}`, `num ${v > 0 ? "up" : v < 0 ? "down" : ""}`];
  };
  const rows = (items, label) => items.map((d) => [[label(d)], [f.money(d.a), n], [f.money(d.b), n], diff(d)]);
  const head = [[cc.item], [cc.a, n], [cc.b, n], [cc.diff, n]];
  const s = t.compareSections;
  const out = [el("p", t.compareCaption(names.a, names.b), "compare-caption")];
  out.push(table("cmp-totals", s.totals, head, rows(cmp.totals, (d) => t.totalNames[d.id] ?? d.name)));
  out.push(table("cmp-insurers", s.insurers, head, rows(cmp.insurers, (d) => d.name)));
  if (cmp.municipalities.length) out.push(table("cmp-municipalities", s.municipalities, head, rows(cmp.municipalities, (d) => d.name)));
  if (cmp.lines.length) out.push(table("cmp-lines", s.lines, head, cmp.lines.map((l) => [[l.name], [f.money(l.zvw.a), n], [f.money(l.zvw.b), n], diff(l.zvw)])));
  out.push(table("cmp-flows", s.flows, head, rows(cmp.flows, (d) => d.name)));
  return out;
}
