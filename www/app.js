// The verdeelsleutel page: a RESV's lump sum split over the insurers by their insured persons
// in the work area, with the Wasm core. Dependency-free ES module; init() runs once. What the
// user types (and an uploaded CSV up to 3 MB) is saved in this browser as they type; nothing
// is ever sent anywhere.
import init, { calculate, parseMarketCsv, sampleScenario, sampleMarketCsv, version } from "./pkg/resv_calc.js";

const STORE = "resv-calc:verdeelsleutel:v1";
const MAX_SAVED_CSV = 3_000_000;
const texts = {
  nl: {
    title: "RESV-rekenhulp: verdeelsleutel over de zorgverzekeraars",
    intro: "Verdeelt de lumpsum van een RESV over de zorgverzekeraars naar hun verzekerden in het werkgebied, exact tot op de cent. Alles wordt in uw browser berekend; er wordt niets verstuurd.",
    scenarioTitle: "Scenario", nameLabel: "Naam",
    lumpSumLabel: "Gecontracteerde lumpsum Zvw (euro, met punt; leeg: het Zvw-deel van de begroting)",
    useBudget: "Voorbeeldbegroting 2027 en gemeenten gebruiken",
    budgetTitle: "Begroting", municipalitiesTitle: "Gemeenten (sociaal domein)", tasksTitle: "Per RESV-hoofdtaak",
    levelsTitle: "Per niveau", paymentsTitle: "Betaalschema (12 maandtermijnen)", yearsTitle: "Meerjarig (2028 en later: ontwikkelstappen)",
    totalsTitle: "Totalen",
    cols: { line: "Regel", level: "Niveau", tasks: "Hoofdtaken", gross: "Bruto", existing: "Bestaande financiering", net: "Netto",
      zvw: "Zvw", municipal: "Gemeente", wlz: "Wlz", status: "Status", name: "Naam", residents: "Inwoners", share: "Aandeel",
      amount: "Bedrag", task: "Hoofdtaak", payer: "Betaler", kind: "Soort", perMonth: "Per termijn", year: "Jaar", conditional: "Voorwaardelijk Zvw" },
    levels: { regional: "RESV", neighbourhood: "hecht wijkverband", monodisciplinary: "monodisciplinair" },
    tasks: ["", "1 Mandaat en vertegenwoordiging", "2 Capaciteit en toegankelijkheid", "3 Zorgafspraken patiëntgroepen", "4 Hechte wijkverbanden", "5 Faciliteren van zorgaanbieders"],
    statusFinal: "definitief", statusConditional: "voorwaardelijk (wacht op gemeente)", leadMunicipality: "mandaatgemeente",
    kindZvw: "Zvw", kindMunicipal: "gemeente", wlzNote: "Wlz-delen worden niet via deze prestatie betaald.",
    subsTitle: "Onderlinge dienstverlening", ledgerTitle: "Geldstromen per verzekeraar", flowTitle: "Geldstromen",
    mdzTitle: "Plaats in het landelijk kader MDZ", mdzYearsTitle: "Kader MDZ per jaar",
    subCols: { contractor: "Uitvoerende zorgaanbieder", amount: "Bedrag", covers: "Dekt", available: "Zvw-ruimte", funded: "Bekostigd door", paid: "Betaald aan RESV", passed: "Doorbetaald", kept: "RESV behoudt", framework: "Kader", claimed: "Geclaimd", headroom: "Ruimte" },
    hoofdtaak: "hoofdtaak", fundedCount: (n) => (n === 1 ? "1 verzekeraar" : `${n} verzekeraars`),
    flowAlt: (n) => `Sankeydiagram van de geldstromen: ${n}`,
    mdzBars: { region: "Zvw-lumpsum van deze regio", fair: "Eerlijk aandeel naar inwoners", projection: "Nodig als elke regio dit per inwoner vroeg", framework: "Landelijk kader MDZ" },
    mdzText: (m) => `${m.perCapita} per verzekerde; landelijk doorgetrokken ${m.nationalProjection} tegenover een kader van ${m.framework}.`,
    workAreaLabel: "Werkgebied: postcodes (PC4, PC6) en reeksen, gescheiden door komma's of regels",
    marketLegend: "Verzekerden per postcode en verzekeraar",
    sourceSample: "Voorbeeldregio (illustratief)", sourceUpload: "Eigen bestand (CSV)",
    sourceEstimate: "Schatting: landelijke marktaandelen × CBS-bevolking",
    csvLabel: "CSV-bestand (postcode; verzekeraar; verzekerden; optioneel concern)",
    allocateByLabel: "Verdelen per", byAuto: "concern (als alle concerns bekend zijn)", byConcern: "concern", byInsurer: "verzekeraar (label)",
    roundingLabel: "Afronding", largestRemainder: "grootste overschotten (Hamilton)", leaderAbsorbs: "marktleider vangt de afronding op",
    thresholdLabel: "Drempel voor medebeoordeling door de tweede verzekeraar (%)",
    resultTitle: "Verdeling over de zorgverzekeraars", party: "Verzekeraar", insured: "Verzekerden", share: "Aandeel",
    amount: "Bedrag", role: "Rol", sum: "Totaal", statementsTitle: "Verantwoording per verzekeraar", warningsTitle: "Meldingen",
    stale: "De invoer bevat fouten; de verdeling hieronder hoort bij de laatste geldige invoer.",
    attribution: "Bevolking per postcode: Bron: CBS (StatLine 83502NED, 1 januari 2025, CC BY 4.0). De verdeling van de verzekerden in de voorbeeldregio is illustratief, afgeleid van landelijke marktaandelen (NZa/Vektis 2022); het zijn geen echte gegevens.",
    footer: "Bedragen exact tot op de cent; de afronding volgt de gekozen regel.",
    leader: "marktleider", follower: "volger", coAssessor: "medebeoordelaar",
    entry: "vermelding", line: "regel", noWarnings: "Geen meldingen.",
    sumArea: "Werkgebied", sumInsured: "Verzekerden in het werkgebied", sumLeader: "Marktleider (beoordeelt het plan)",
    sumCo: "Medebeoordeling door de tweede verzekeraar", yes: "waarschijnlijk", no: "niet nodig", estimate: "geschat",
    entries: (n) => (n === 1 ? "1 vermelding" : `${n} vermeldingen`), wholeTable: "alle postcodes in de gegevens",
    marketInfo: (t) => `${t.rows} rijen, ${t.postcodes} postcodes, ${t.labels} verzekeraars`,
    noFile: "Kies een CSV-bestand.", notSaved: "(te groot om in de browser te bewaren; kies het bestand na herladen opnieuw)",
    statement: (i, total, leader) => [
      `Grondslag: ${i.insured} van ${total} verzekerden in het werkgebied.`,
      `Aandeel: ${i.share} (10 decimalen).`,
      `Bedrag: ${i.amount}.`,
      i.marketLeader ? "Rol: marktleider; beoordeelt het plan en onderhandelt." : `Rol: volger van ${leader}${i.coAssessor ? "; beoordeelt mee vanwege het grote aandeel" : ""}.`,
      ...(i.labels.length ? [`Labels: ${i.labels.join(", ")}.`] : []),
    ],
    statementFor: (n) => `Verantwoording voor ${n}`,
    switchTo: "English", switchLabel: "Switch to English",
  },
  en: {
    title: "RESV calculator: the allocation key over the health insurers",
    intro: "Splits a RESV's lump sum over the health insurers by their insured persons in the work area, exact to the cent. Everything is computed in your browser; nothing is sent.",
    scenarioTitle: "Scenario", nameLabel: "Name",
    lumpSumLabel: "Contracted Zvw lump sum (euros, with a point; empty: the budget's Zvw part)",
    useBudget: "Use the sample 2027 budget and municipalities",
    budgetTitle: "Budget", municipalitiesTitle: "Municipalities (social domain)", tasksTitle: "Per RESV main task",
    levelsTitle: "Per level", paymentsTitle: "Payment schedule (12 monthly instalments)", yearsTitle: "Multi-year (2028 on: development steps)",
    totalsTitle: "Totals",
    cols: { line: "Line", level: "Level", tasks: "Main tasks", gross: "Gross", existing: "Existing funding", net: "Net",
      zvw: "Zvw", municipal: "Municipal", wlz: "Wlz", status: "Status", name: "Name", residents: "Residents", share: "Share",
      amount: "Amount", task: "Main task", payer: "Payer", kind: "Kind", perMonth: "Per instalment", year: "Year", conditional: "Conditional Zvw" },
    levels: { regional: "RESV", neighbourhood: "neighbourhood team", monodisciplinary: "monodisciplinary" },
    tasks: ["", "1 Mandate and representation", "2 Capacity and access", "3 Care agreements for patient groups", "4 Close neighbourhood teams", "5 Facilitating providers"],
    statusFinal: "final", statusConditional: "conditional (awaits the municipality)", leadMunicipality: "lead municipality",
    kindZvw: "Zvw", kindMunicipal: "municipal", wlzNote: "Wlz parts are not paid through this prestatie.",
    subsTitle: "Onderlinge dienstverlening (subcontracts)", ledgerTitle: "Money per insurer", flowTitle: "Money flows",
    mdzTitle: "Place in the national MDZ framework", mdzYearsTitle: "MDZ framework per year",
    subCols: { contractor: "Executing provider", amount: "Amount", covers: "Covers", available: "Zvw room", funded: "Funded by", paid: "Paid to the RESV", passed: "Passed on", kept: "RESV keeps", framework: "Framework", claimed: "Claimed", headroom: "Headroom" },
    hoofdtaak: "main task", fundedCount: (n) => (n === 1 ? "1 insurer" : `${n} insurers`),
    flowAlt: (n) => `Sankey diagram of the money flows: ${n}`,
    mdzBars: { region: "This region's Zvw lump sum", fair: "Fair share by population", projection: "Needed if every region asked this per head", framework: "National MDZ framework" },
    mdzText: (m) => `${m.perCapita} per insured person; projected nationally ${m.nationalProjection} against a framework of ${m.framework}.`,
    workAreaLabel: "Work area: postcodes (PC4, PC6) and ranges, separated by commas or lines",
    marketLegend: "Insured persons per postcode and insurer",
    sourceSample: "Sample region (illustrative)", sourceUpload: "Own file (CSV)",
    sourceEstimate: "Estimate: national market shares × CBS population",
    csvLabel: "CSV file (postcode; insurer; insured; optional concern)",
    allocateByLabel: "Allocate per", byAuto: "concern (when every concern is known)", byConcern: "concern", byInsurer: "insurer (label)",
    roundingLabel: "Rounding", largestRemainder: "largest remainder (Hamilton)", leaderAbsorbs: "market leader absorbs the rounding",
    thresholdLabel: "Threshold for co-assessment by the second insurer (%)",
    resultTitle: "Split over the health insurers", party: "Insurer", insured: "Insured", share: "Share",
    amount: "Amount", role: "Role", sum: "Total", statementsTitle: "Statement per insurer", warningsTitle: "Notices",
    stale: "The input has errors; the split below belongs to the last valid input.",
    attribution: "Population per postcode: source: CBS (StatLine 83502NED, 1 January 2025, CC BY 4.0). The split of insured persons in the sample region is illustrative, derived from national market shares (NZa/Vektis 2022); it is not real data.",
    footer: "Amounts exact to the cent; the rounding follows the chosen rule.",
    leader: "market leader", follower: "follower", coAssessor: "co-assessor",
    entry: "entry", line: "line", noWarnings: "No notices.",
    sumArea: "Work area", sumInsured: "Insured persons in the work area", sumLeader: "Market leader (assesses the plan)",
    sumCo: "Co-assessment by the second insurer", yes: "likely", no: "not needed", estimate: "estimated",
    entries: (n) => (n === 1 ? "1 entry" : `${n} entries`), wholeTable: "every postcode in the data",
    marketInfo: (t) => `${t.rows} rows, ${t.postcodes} postcodes, ${t.labels} insurers`,
    noFile: "Choose a CSV file.", notSaved: "(too large to keep in the browser; choose the file again after a reload)",
    statement: (i, total, leader) => [
      `Basis: ${i.insured} of ${total} insured persons in the work area.`,
      `Share: ${i.share} (10 decimals).`,
      `Amount: ${i.amount}.`,
      i.marketLeader ? "Role: market leader; assesses the plan and negotiates." : `Role: follower of ${leader}${i.coAssessor ? "; co-assesses because of its large share" : ""}.`,
      ...(i.labels.length ? [`Labels: ${i.labels.join(", ")}.`] : []),
    ],
    statementFor: (n) => `Statement for ${n}`,
    switchTo: "Nederlands", switchLabel: "Schakel naar Nederlands",
  },
};
const FIELDS = ["name", "lumpSum", "workArea", "allocateBy", "rounding", "coAssessmentThreshold"];
let sample;

const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text; // names from files are text, never markup
  if (cls) e.className = cls;
  return e;
};
let lang = "nl";
let sampleTable, uploadTable = null, uploadText = null, uploadName = "";

const locale = () => (lang === "nl" ? "nl-NL" : "en-GB");
// Intl formats decimal strings exactly (no float round trip).
const money = (amount) => new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(amount);
const count = (n) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 6 }).format(n);
const share = (s) => (lang === "nl" ? s.replace(".", ",") : s);
const percent = (s) => new Intl.NumberFormat(locale(), { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(s);
const source = () => document.querySelector("input[name=source]:checked").value;

function save() {
  const state = { lang, source: source(), useBudget: $("useBudget").checked };
  for (const f of FIELDS) state[f] = $(f).value;
  if (uploadText && uploadText.length <= MAX_SAVED_CSV) Object.assign(state, { csv: uploadText, csvName: uploadName });
  try { localStorage.setItem(STORE, JSON.stringify(state)); } catch { /* storage full: typing goes on */ }
}

function scenario() {
  const s = {
    name: $("name").value,
    rounding: $("rounding").value,
    coAssessmentThreshold: $("coAssessmentThreshold").value.trim(),
  };
  if ($("lumpSum").value.trim() !== "" || !$("useBudget").checked) s.lumpSum = $("lumpSum").value.trim();
  if ($("useBudget").checked) {
    Object.assign(s, { budget: sample.budget, municipalities: sample.municipalities, leadMunicipality: sample.leadMunicipality,
      hoofdaannemer: sample.hoofdaannemer, subcontracts: sample.subcontracts });
  }
  const area = $("workArea").value.split(/[,\n;]+/).map((x) => x.trim()).filter((x) => x !== "");
  if (area.length) s.workArea = area;
  if ($("allocateBy").value) s.allocateBy = $("allocateBy").value;
  const src = source();
  if (src === "sample") Object.assign(s, { market: sampleTable, illustrative: true });
  else if (src === "upload") s.market = uploadTable ?? [];
  else s.estimate = { shares: "national" };
  return { s, area };
}

function showErrors(issues, area) {
  const by = Object.fromEntries([...FIELDS, "market", "general"].map((f) => [f, []]));
  for (const issue of issues) {
    const msg = lang === "nl" ? issue.message : issue.messageEn;
    const m = /^workArea\[(\d+)\]/.exec(issue.path);
    const field = issue.path.split(/[.[ ]/)[0];
    if (m) by.workArea.push(`${area[Number(m[1])] ?? ""}: ${msg}`);
    else if (issue.line) by.market.push(`${texts[lang].line} ${issue.line}${issue.column ? ` (${issue.column})` : ""}: ${msg}`);
    else if (field in by) by[field].push(msg);
    else if (field === "estimate" || field === "data") by.market.push(msg);
    else by.general.push(`${issue.path}: ${msg}`);
  }
  for (const [field, msgs] of Object.entries(by)) {
    const p = $(`${field}-error`);
    p.textContent = msgs.join(" · ");
    p.hidden = msgs.length === 0;
    const input = field === "market" ? $("csv") : $(field);
    input?.setAttribute("aria-invalid", String(msgs.length > 0));
  }
  $("stale").hidden = issues.length === 0;
  $("results").classList.toggle("stale", issues.length > 0);
}

function render(r) {
  const t = texts[lang];
  const leader = r.insurers.find((i) => i.marketLeader);
  const second = r.insurers.find((i) => i.coAssessor);
  const a = r.allocation;
  const summary = [
    [t.sumArea, a.area.entries ? t.entries(a.area.entries) : t.wholeTable],
    [t.sumInsured, `${count(a.insured)}${a.estimate ? ` (${t.estimate})` : ""}`],
    [t.sumLeader, leader?.name ?? ""],
    [t.sumCo, a.coAssessment ? `${t.yes}: ${second?.name} (${percent(second?.share)})` : t.no],
  ];
  $("summary").replaceChildren(...summary.flatMap(([k, v]) => [el("dt", k), el("dd", v)]));
  $("result").tBodies[0].replaceChildren(...r.insurers.map((i) => {
    const tr = el("tr");
    const role = i.marketLeader ? `★ ${t.leader}` : i.coAssessor ? `${t.follower}, ${t.coAssessor}` : t.follower;
    tr.append(el("th", i.name), el("td", count(i.insured), "num"), el("td", percent(i.share), "num"),
      el("td", money(i.amount), "num"), el("td", role));
    tr.firstChild.scope = "row";
    if (i.marketLeader) tr.className = "leader";
    return tr;
  }));
  $("sum-insured").textContent = count(a.insured);
  $("sum").textContent = money(r.totals.zvw);
  $("statements").replaceChildren(...r.insurers.map((i) => {
    const d = el("details");
    d.append(el("summary", t.statementFor(i.name)));
    const lines = t.statement({
      ...i, insured: count(i.insured), share: share(i.share), amount: money(i.amount),
      labels: i.labels.map((l) => `${l.name} (${count(l.insured)})`),
    }, count(a.insured), leader?.name);
    const ul = el("ul");
    ul.append(...lines.map((l) => el("li", l)));
    d.append(ul);
    return d;
  }));
  renderBudget(r);
  const warnings = r.warnings.map((w) => el("li", lang === "nl" ? w.message : w.messageEn));
  $("warnings").replaceChildren(...(warnings.length ? warnings : [el("li", t.noWarnings)]));
}

/** A captioned table: headers, then rows of cells ([text, "num"] for numbers). */
function table(id, caption, headers, rows) {
  const t = el("table");
  t.id = id;
  t.append(el("caption", caption));
  const head = el("tr");
  head.append(...headers.map(([h, cls]) => Object.assign(el("th", h, cls), { scope: "col" })));
  t.append(Object.assign(el("thead"), {}));
  t.tHead.append(head);
  const body = el("tbody");
  body.append(...rows.map((cells) => {
    const tr = el("tr");
    tr.append(...cells.map(([content, cls], i) => {
      const cell = i === 0 ? Object.assign(el("th", undefined, cls), { scope: "row" }) : el("td", undefined, cls);
      if (content instanceof Node) cell.append(content);
      else cell.textContent = content;
      return cell;
    }));
    return tr;
  }));
  t.append(body);
  return t;
}

function renderBudget(r) {
  const t = texts[lang], c = t.cols, n = "num";
  const out = [];
  const tot = r.totals;
  out.push(table("totals", t.totalsTitle, [[c.name], [c.amount, n]], [
    [[c.gross], [money(tot.gross), n]], [[c.existing], [money(tot.existingFunding), n]], [[c.net], [money(tot.net), n]],
    [[c.zvw], [money(tot.zvw), n]], [[c.municipal], [money(tot.municipal), n]], [[`${c.wlz} (${t.wlzNote})`], [money(tot.wlz), n]],
    [[c.conditional], [money(tot.conditionalZvw), n]],
  ]));
  if (r.lines.length) {
    out.push(table("lines", t.budgetTitle,
      [[c.line], [c.level], [c.tasks], [c.gross, n], [c.existing, n], [c.zvw, n], [c.municipal, n], [c.wlz, n], [c.status]],
      r.lines.map((l) => [[l.name], [t.levels[l.level]], [l.mainTasks.join(", ")], [money(l.gross), n], [money(l.existingFunding), n],
        [money(l.zvw), n], [money(l.municipal), n], [money(l.wlz), n], [l.status === "final" ? t.statusFinal : t.statusConditional]])));
    out.push(table("tasks", t.tasksTitle, [[c.task], [c.gross, n], [c.net, n], [c.zvw, n], [c.municipal, n], [c.wlz, n]],
      r.summaries.byMainTask.map((s) => [[t.tasks[s.key]], [money(s.gross), n], [money(s.net), n], [money(s.zvw), n], [money(s.municipal), n], [money(s.wlz), n]])));
    out.push(table("levels", t.levelsTitle, [[c.level], [c.gross, n], [c.net, n], [c.zvw, n], [c.municipal, n], [c.wlz, n]],
      r.summaries.byLevel.map((s) => [[t.levels[s.key]], [money(s.gross), n], [money(s.net), n], [money(s.zvw), n], [money(s.municipal), n], [money(s.wlz), n]])));
  }
  if (r.municipalities.length) {
    out.push(table("municipalities", t.municipalitiesTitle, [[c.name], [c.residents, n], [c.share, n], [c.amount, n]],
      r.municipalities.map((m) => [[m.lead ? `${m.name} (${t.leadMunicipality})` : m.name], [count(m.residents), n], [percent(m.share), n], [money(m.amount), n]])));
  }
  out.push(table("payments", t.paymentsTitle, [[c.payer], [c.kind], [c.amount, n], [c.perMonth, n]],
    r.payments.payers.map((p) => {
      const lo = p.instalments.reduce((a, x) => (Number(x) < Number(a) ? x : a));
      const hi = p.instalments.reduce((a, x) => (Number(x) > Number(a) ? x : a));
      const name = r.insurers.find((i) => i.id === p.payer)?.name ?? r.municipalities.find((m) => m.id === p.payer)?.name ?? p.payer;
      return [[name], [p.kind === "zvw" ? t.kindZvw : t.kindMunicipal], [money(p.amount), n], [lo === hi ? money(lo) : `${money(lo)} – ${money(hi)}`, n]];
    })));
  if (r.years.length) {
    out.push(table("years", t.yearsTitle, [[c.year], [c.gross, n], [c.net, n], [c.zvw, n], [c.municipal, n]],
      r.years.map((y) => [[String(y.year)], [money(y.gross), n], [money(y.net), n], [money(y.zvw), n], [money(y.municipal), n]])));
  }
  if (r.subcontracts.length) {
    const names = (id) => r.insurers.find((i) => i.id === id)?.name ?? id;
    out.push(table("subcontracts", t.subsTitle, [[t.subCols.contractor], [t.subCols.covers], [t.subCols.available, n], [t.subCols.amount, n], [t.subCols.funded]],
      r.subcontracts.map((x) => [[x.contractor],
        [x.lines.map((id) => r.lines.find((l) => l.id === id)?.name ?? id).join("; ") + (x.mainTasks.length ? ` (${t.hoofdtaak} ${x.mainTasks.join(", ")})` : "")],
        [money(x.available), n], [money(x.amount), n], [funding(x.fundedBy.map((f) => `${names(f.insurer)}: ${money(f.amount)}`), t)]])));
    out.push(table("ledger", t.ledgerTitle, [[t.cols.payer], [t.subCols.paid, n], [t.subCols.passed, n], [t.subCols.kept, n]],
      r.ledger.insurers.map((l) => [[names(l.insurer)], [money(l.paid), n], [money(l.subcontracted), n], [money(l.kept), n]])));
  }
  out.push(sankey(r.sankey, t));
  out.push(mdzPicture(r.mdz, t));
  out.push(table("mdz-years", t.mdzYearsTitle, [[c.year], [t.subCols.framework, n], [t.subCols.claimed, n], [t.subCols.headroom, n]],
    r.mdz.years.map((y) => [[String(y.year)], [money(y.framework), n], [money(y.claimed), n], [money(y.headroom), n]])));
  $("budget-results").replaceChildren(...out);
}

/** Which insurers fund a subcontract, folded: the list is long, the summary says how many. */
function funding(items, t) {
  const d = el("details");
  d.append(el("summary", t.fundedCount(items.length)));
  const ul = el("ul");
  ul.append(...items.map((x) => el("li", x)));
  d.append(ul);
  return d;
}

const SVG = "http://www.w3.org/2000/svg";
const svgEl = (tag, attrs = {}, text) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text; // labels from data are text, never markup
  return e;
};

/** The flows as a three-column Sankey: payers → RESV → executing providers and what it keeps. */
function sankey(data, t) {
  const figure = el("figure");
  figure.append(el("h3", t.flowTitle));
  const W = 960, H = 380, nodeW = 14, gap = 8;
  const value = (l) => Number(l.value);
  const left = data.nodes.map((n, i) => i).filter((i) => ["insurer", "municipality"].includes(data.nodes[i].kind));
  const right = data.nodes.map((n, i) => i).filter((i) => ["contractor", "kept"].includes(data.nodes[i].kind));
  const resv = data.nodes.findIndex((n) => n.kind === "resv");
  const total = data.links.filter((l) => l.target === resv).reduce((a, l) => a + value(l), 0) || 1;
  const size = (i) => data.links.filter((l) => l.source === i || l.target === i).reduce((a, l) => a + value(l), 0) / (i === resv ? 2 : 1);
  const place = (ids, x) => {
    const usable = H - gap * Math.max(ids.length - 1, 0);
    let y = 0;
    return Object.fromEntries(ids.map((i) => { const h = Math.max(1, (size(i) / total) * usable); const p = { x, y, h }; y += h + gap; return [i, p]; }));
  };
  const pos = { ...place(left, 200), ...place([resv], W / 2 - 60), ...place(right, W - 330) };
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t.flowAlt(data.links.map((l) => `${data.nodes[l.source].label} → ${data.nodes[l.target].label} ${money(l.value)}`).join("; ")) });
  const offOut = {}, offIn = {};
  for (const l of data.links) {
    const a = pos[l.source], b = pos[l.target];
    if (!a || !b || value(l) <= 0) continue;
    const h = (value(l) / size(l.source === resv ? resv : l.source)) * a.h;
    const hb = (value(l) / size(l.target === resv ? resv : l.target)) * b.h;
    const y0 = a.y + (offOut[l.source] ?? 0) + h / 2, y1 = b.y + (offIn[l.target] ?? 0) + hb / 2;
    offOut[l.source] = (offOut[l.source] ?? 0) + h;
    offIn[l.target] = (offIn[l.target] ?? 0) + hb;
    const x0 = a.x + nodeW, x1 = b.x, mx = (x0 + x1) / 2;
    const path = svgEl("path", { d: `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${x1},${y1}`, class: `link ${l.kind}`, "stroke-width": Math.max(1, Math.min(h, hb)) });
    path.append(svgEl("title", {}, `${data.nodes[l.source].label} → ${data.nodes[l.target].label}: ${money(l.value)}`));
    svg.append(path);
  }
  for (const [i, p] of Object.entries(pos)) {
    const node = data.nodes[i];
    svg.append(svgEl("rect", { x: p.x, y: p.y, width: nodeW, height: p.h, class: `node ${node.kind}` }));
    const leftSide = node.kind === "insurer" || node.kind === "municipality";
    const label = svgEl("text", { x: leftSide ? p.x - 6 : p.x + nodeW + 6, y: p.y + p.h / 2, "text-anchor": leftSide ? "end" : "start", "dominant-baseline": "middle" },
      node.kind === "resv" ? "" : `${node.label} ${money(size(Number(i)).toFixed(2))}`);
    svg.append(label);
    if (node.kind === "resv") {
      svg.append(svgEl("text", { x: p.x + nodeW / 2, y: p.y + p.h / 2, "text-anchor": "middle", "dominant-baseline": "middle", class: "resv-label", transform: `rotate(-90 ${p.x + nodeW / 2} ${p.y + p.h / 2})` }, node.label));
    }
  }
  figure.append(svg);
  return figure;
}

/** The region against the framework: two pairs of bars, each pair on its own scale. */
function mdzPicture(m, t) {
  const figure = el("figure");
  figure.id = "mdz";
  figure.append(el("h3", t.mdzTitle));
  const pairs = [[["region", m.zvw], ["fair", m.fairShare]], [["projection", m.nationalProjection], ["framework", m.framework]]];
  for (const pair of pairs) {
    const max = Math.max(...pair.map(([, v]) => Number(v)), 1);
    const dl = el("dl", undefined, "bars");
    for (const [key, v] of pair) {
      const dd = el("dd");
      const bar = el("span", undefined, `bar ${key}`);
      bar.style.width = `${Math.max(0.5, (Number(v) / max) * 100)}%`;
      dd.append(bar, el("span", money(v), "value"));
      dl.append(el("dt", t.mdzBars[key]), dd);
    }
    figure.append(dl);
  }
  figure.append(el("p", t.mdzText({ perCapita: money(m.perCapita), nationalProjection: money(m.nationalProjection), framework: money(m.framework) })));
  return figure;
}

function marketInfo() {
  const t = texts[lang];
  const table = { sample: sampleTable, upload: uploadTable, estimate: null }[source()];
  let info = "";
  if (table) info = t.marketInfo({ rows: count(table.rowCount), postcodes: count(table.postcodeCount), labels: table.insurers().length });
  if (source() === "upload") {
    if (!uploadTable && !uploadText) info = t.noFile;
    else if (uploadText === "") info += ` ${t.notSaved}`;
    if (uploadName) info = `${uploadName}: ${info}`;
  }
  $("market-info").textContent = info;
}

let uploadIssues = [];
function recalculate() {
  save();
  marketInfo();
  const { s, area } = scenario();
  let report;
  try {
    report = calculate(s);
  } catch (e) {
    showErrors([...uploadIssues, ...(e.issues ?? [{ path: "", message: String(e), messageEn: String(e) }])], area);
    return;
  }
  if (uploadIssues.length && source() === "upload") return showErrors(uploadIssues, area);
  showErrors([], area);
  render(report);
  document.body.dataset.recalculated = String(Number(document.body.dataset.recalculated ?? 0) + 1);
}

/** Reads an uploaded or restored CSV (text or bytes); keeps its text for the autosave. */
function readUpload(data, name) {
  uploadTable?.free();
  uploadTable = null;
  uploadIssues = [];
  uploadName = name;
  uploadText = typeof data === "string" ? data : data.length <= MAX_SAVED_CSV ? decode(data) : "";
  try {
    uploadTable = parseMarketCsv(data);
  } catch (e) {
    uploadIssues = e.issues ?? [];
  }
}

/** Text of file bytes for the autosave: UTF-8 when valid, else Windows-1252 (Dutch Excel). */
function decode(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function applyLang() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) {
    const v = texts[lang][e.dataset.t];
    if (typeof v === "string") e.textContent = v;
  }
  $("lang").textContent = texts[lang].switchTo;
  $("lang").setAttribute("aria-label", texts[lang].switchLabel);
}

await init();
sampleTable = parseMarketCsv(sampleMarketCsv());
sample = sampleScenario();
$("name").value = sample.name;
$("lumpSum").value = "";
$("workArea").value = sample.workArea.join(", ");
try {
  const saved = JSON.parse(localStorage.getItem(STORE) ?? "null");
  if (saved && typeof saved === "object") {
    for (const f of FIELDS) if (typeof saved[f] === "string") $(f).value = saved[f];
    lang = saved.lang === "en" ? "en" : "nl";
    if (typeof saved.useBudget === "boolean") $("useBudget").checked = saved.useBudget;
    const radio = document.querySelector(`input[name=source][value="${["sample", "upload", "estimate"].includes(saved.source) ? saved.source : "sample"}"]`);
    radio.checked = true;
    if (typeof saved.csv === "string") readUpload(saved.csv, typeof saved.csvName === "string" ? saved.csvName : "");
  }
} catch { /* a corrupt autosave is ignored; the defaults stay */ }
$("version").textContent = `resv-calc ${version()}`;
$("form").addEventListener("input", (e) => { if (e.target.id !== "csv") recalculate(); });
$("csv").addEventListener("change", async () => {
  const file = $("csv").files[0];
  if (!file) return;
  // Bytes, not text: the core detects UTF-8, UTF-16 and Windows-1252 itself.
  readUpload(new Uint8Array(await file.arrayBuffer()), file.name);
  document.querySelector("input[name=source][value=upload]").checked = true;
  recalculate();
});
$("lang").addEventListener("click", () => { lang = lang === "nl" ? "en" : "nl"; applyLang(); recalculate(); });
applyLang();
recalculate();
document.body.dataset.ready = "true";
