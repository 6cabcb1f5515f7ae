// The sections of the scenario editor, one builder each, in the order of the form. Each takes
// the form's controls (editor-fields.js) and the live scenario, which its inputs write into.
import { el } from "./dom.js";
import { isObject, set, shownCount } from "./editor-fields.js";
import { shownTyped } from "./typed.js";

const LEVELS = ["regional", "neighbourhood", "monodisciplinary"];
const SOURCES = ["", "oi", "districtNursing", "patientGroups", "zonmw", "other"];
/** The years of the experiment, each with its own existing funding when asked. */
export const FUNDING_YEARS = ["2027", "2028", "2029", "2030", "2031"];
const TERMS = ["follows", "own", "pending", "none"];

/** The list at `holder[key]` (made when absent); null when something else is there (the core reports it). */
export const listAt = (holder, key) => {
  if (holder[key] === undefined) holder[key] = [];
  return Array.isArray(holder[key]) ? holder[key] : null;
};

/** Name, year, lump sum and the options of the calculation. */
export function generalSection(f, s) {
  const t = f.t;
  return f.group(
    "general",
    t.general,
    f.field(
      "name",
      t.name,
      "text",
      () => s.name,
      (v) => set(s, "name", v),
    ),
    f.field(
      "year",
      t.year,
      "number",
      () => s.year,
      (v) => set(s, "year", v),
    ),
    f.field(
      "lumpSum",
      t.lumpSum,
      "money",
      () => s.lumpSum,
      (v) => set(s, "lumpSum", v),
      { hint: t.lumpSumHint },
    ),
    f.field(
      "pooling",
      t.pooling,
      "select",
      () => s.pooling ?? "workArea",
      (v) => set(s, "pooling", v === "workArea" ? undefined : v),
      {
        options: [
          ["workArea", t.poolingWorkArea],
          ["lineAreas", t.poolingLineAreas],
        ],
      },
    ),
    f.field(
      "schedule",
      t.schedule,
      "select",
      () => s.schedule,
      (v) => set(s, "schedule", v === "monthly" ? undefined : v),
      {
        options: [
          ["monthly", t.monthly],
          ["quarterly", t.quarterly],
        ],
      },
    ),
    f.field(
      "allocateBy",
      t.allocateBy,
      "select",
      () => s.allocateBy ?? "",
      (v) => set(s, "allocateBy", v || undefined),
      {
        options: [
          ["", t.byAuto],
          ["concern", t.byConcern],
          ["insurer", t.byInsurer],
        ],
      },
    ),
    f.field(
      "rounding",
      t.rounding,
      "select",
      () => s.rounding,
      (v) => set(s, "rounding", v === "largestRemainder" ? undefined : v),
      {
        options: [
          ["largestRemainder", t.largestRemainder],
          ["leaderAbsorbs", t.leaderAbsorbs],
        ],
      },
    ),
    f.field(
      "coAssessmentThreshold",
      t.threshold,
      "percent",
      () => s.coAssessmentThreshold,
      (v) => set(s, "coAssessmentThreshold", v),
      { placeholder: "30%" },
    ),
  );
}

export function workAreaSection(f, s) {
  return f.group(
    "workArea",
    f.t.workArea,
    f.field(
      "workArea",
      f.t.workAreaLabel,
      "list",
      () => s.workArea,
      (v) => set(s, "workArea", v),
      { rows: 3 },
    ),
  );
}

/** The source radios, one per kind of market data. */
function sourceRadios(t, market, choose) {
  const radios = el("fieldset", undefined, "sources");
  radios.append(el("legend", t.sourceLegend));
  const kinds = ["sample", "file", "paste", "estimate", ...(market.kind === "rows" ? ["rows"] : [])];
  for (const k of kinds) {
    const id = `source-${k}`;
    const r = Object.assign(el("input"), {
      type: "radio",
      name: "source",
      value: k,
      id,
      checked: market.kind === k,
    });
    r.addEventListener("change", () => r.checked && choose(k));
    const l = el("label", t.source[k]);
    l.htmlFor = id;
    const w = el("div", undefined, "check");
    w.append(r, l);
    radios.append(w);
  }
  return radios;
}

/**
 * Market data: where it comes from, and the state of the loaded table. `market` describes the
 * loaded data; `choose(kind, payload?)` picks a source. Returns the group and what the editor
 * changes in it later: `{ node, status, progress, showSource(kind) }`.
 */
export function marketSection(f, market, choose) {
  const t = f.t;
  const file = Object.assign(el("input"), {
    type: "file",
    id: "f-market-file",
    accept:
      ".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const fileLabel = el("label", t.fileLabel);
  fileLabel.htmlFor = file.id;
  file.addEventListener("change", () => file.files[0] && choose("file", file.files[0]));
  const paste = el("textarea");
  paste.id = "f-market-paste";
  paste.rows = 4;
  paste.value = market.kind === "paste" ? (market.text ?? "") : "";
  const pasteLabel = el("label", t.pasteLabel);
  pasteLabel.htmlFor = paste.id;
  paste.addEventListener("input", () => choose("paste", paste.value));
  const progress = el("progress");
  progress.id = "market-progress";
  progress.hidden = true;
  progress.setAttribute("aria-labelledby", "market-status");
  const status = el("p", "", "hint");
  status.id = "market-status";
  status.setAttribute("role", "status");
  const error = f.errorBox("f-market");
  for (const c of [file, paste]) c.setAttribute("aria-describedby", `market-status ${error.id}`);
  const fileWrap = el("div", undefined, "field");
  fileWrap.append(fileLabel, file);
  const pasteWrap = el("div", undefined, "field");
  pasteWrap.append(pasteLabel, paste);
  const mk = el("div", undefined, "market");
  mk.append(sourceRadios(t, market, choose), fileWrap, pasteWrap, progress, status, error);
  const showSource = (kind) => {
    fileWrap.hidden = kind !== "file";
    pasteWrap.hidden = kind !== "paste";
    f.register("market", kind === "paste" ? paste : file, error);
  };
  showSource(market.kind);
  return { node: f.group("market", t.market, mk), status, progress, showSource };
}

/**
 * A line's existing funding: one amount for every year, or an amount per year of the
 * experiment (`existingFunding: { "2027": "…" }`; a year left empty has none). Switching to
 * per year starts every year at the one amount; switching back keeps the budget year's.
 */
export function fundingFields(f, line, p, year) {
  const t = f.t;
  const perYear = isObject(line.existingFunding);
  const mode = f.field(
    `${p}.existingFundingMode`,
    t.fundingMode,
    "select",
    () => (perYear ? "perYear" : "every"),
    (v) => {
      const now = line.existingFunding;
      if (v === "perYear" && !isObject(now)) {
        line.existingFunding = {};
        if (typeof now === "string" && now !== "")
          for (const y of FUNDING_YEARS) line.existingFunding[y] = now;
      } else if (v === "every" && isObject(now)) {
        const kept = now[String(year ?? 2027)] ?? Object.values(now).find((x) => x !== undefined && x !== "");
        set(line, "existingFunding", typeof kept === "string" ? kept : undefined);
      }
    },
    {
      options: [
        ["every", t.fundingEvery],
        ["perYear", t.fundingPerYear],
      ],
      structural: true,
    },
  );
  if (!perYear)
    return [
      mode,
      f.field(
        `${p}.existingFunding`,
        t.f.existingFunding,
        "money",
        () => line.existingFunding,
        (v) => set(line, "existingFunding", v),
      ),
    ];
  const fs = el("fieldset", undefined, "years");
  fs.append(el("legend", t.fundingYears));
  // One field under the other: five amounts side by side do not fit at 390 px.
  for (const y of FUNDING_YEARS)
    fs.append(
      f.field(
        `${p}.existingFunding.${y}`,
        y,
        "money",
        () => line.existingFunding?.[y],
        (v) => set(isObject(line.existingFunding) ? line.existingFunding : (line.existingFunding = {}), y, v),
      ),
    );
  return [mode, fs];
}

/**
 * Who assesses the plan and on what terms each insurer pays: the designated market leader(s)
 * and co-assessor, and per paying party of the last result (`parties`: `[{ id, name }]`) its
 * contract, `contracts: { id: "follows" | "pending" | "none" | { own } }` ("follows", the
 * default, is left out). A contract naming a party that no longer pays is shown too, so the
 * core's issue lands at it and it can be set back.
 */
export function rolesSection(f, s, parties = []) {
  const t = f.t;
  const contracts = () => (isObject(s.contracts) ? s.contracts : (s.contracts = {}));
  const known = parties.map((p) => p.id);
  const stale = isObject(s.contracts) ? Object.keys(s.contracts).filter((id) => !known.includes(id)) : [];
  const names = new Map(parties.map((p) => [p.id, p.name || p.id]));
  const rows = el("fieldset", undefined, "contracts");
  rows.append(el("legend", t.contractsLegend));
  if (!parties.length && !stale.length) rows.append(el("p", t.noParties, "hint"));
  if (s.contracts !== undefined && !isObject(s.contracts)) {
    // Not an object (set from outside): the core's issue says so at `contracts`.
    const error = f.errorBox("f-contracts");
    rows.append(error);
    f.register("contracts", null, error);
  } else
    for (const id of [...known, ...stale]) {
      const name = names.get(id) ?? id;
      const term = s.contracts?.[id];
      const status = isObject(term) ? "own" : typeof term === "string" ? term : "follows";
      const line = el("div", undefined, "contract");
      line.append(
        f.field(
          `contracts.${id}`,
          t.contractOf(name),
          "select",
          () => (TERMS.includes(status) ? status : "follows"),
          (v) => {
            const c = contracts();
            if (v === "follows") delete c[id];
            else if (v === "own") c[id] = { own: isObject(c[id]) ? (c[id].own ?? "") : "" };
            else c[id] = v;
            if (!Object.keys(c).length) delete s.contracts;
          },
          { options: TERMS.map((k) => [k, t.contractTerms[k]]), structural: true },
        ),
      );
      if (status === "own")
        line.append(
          f.field(
            `contracts.${id}.own`,
            t.contractOwn(name),
            "money",
            () => term.own,
            (v) => {
              const c = contracts();
              c[id] = { own: v ?? "" };
            },
          ),
        );
      rows.append(line);
    }
  const hint = parties.length ? t.partiesHint(parties.map((p) => p.id).join(", ")) : undefined;
  return f.group(
    "roles",
    t.roles,
    f.field(
      "marketLeaders",
      t.marketLeaders,
      "list",
      () => s.marketLeaders,
      (v) => set(s, "marketLeaders", v && v.length ? v : undefined),
      { hint },
    ),
    f.field(
      "coAssessor",
      t.coAssessorField,
      "text",
      () => s.coAssessor,
      (v) => set(s, "coAssessor", v && v.trim() ? v.trim() : undefined),
    ),
    rows,
  );
}

export function budgetSection(f, s) {
  const t = f.t;
  const lines = listAt(s, "budget");
  const box = el("div");
  if (lines && !lines.length) box.append(el("p", t.noLines, "hint"));
  box.append(
    f.items(
      "budget",
      lines,
      { legend: t.lineLegend, remove: t.removeLine, add: t.addLine },
      (n) => ({ id: `regel-${n}`, name: "", level: "regional", mainTasks: [1], amount: "" }),
      (line, p) => [
        f.field(
          `${p}.name`,
          t.f.name,
          "text",
          () => line.name,
          (v) => set(line, "name", v),
        ),
        f.field(
          `${p}.id`,
          t.f.id,
          "text",
          () => line.id,
          (v) => {
            line.id = v;
          },
        ),
        f.field(
          `${p}.level`,
          t.f.level,
          "select",
          () => line.level,
          (v) => {
            line.level = v;
          },
          { options: LEVELS.map((l) => [l, t.levels[l]]) },
        ),
        f.tasks(`${p}.mainTasks`, line),
        f.field(
          `${p}.amount`,
          t.f.amount,
          "money",
          () => line.amount,
          (v) => {
            line.amount = v ?? "";
          },
        ),
        ...fundingFields(f, line, p, s.year),
        f.field(
          `${p}.existingFundingSource`,
          t.f.existingFundingSource,
          "select",
          () => line.existingFundingSource ?? "",
          (v) => set(line, "existingFundingSource", v || undefined),
          { options: SOURCES.map((x) => [x, t.sources[x]]) },
        ),
        f.field(
          `${p}.existingFundingReason`,
          t.f.existingFundingReason,
          "text",
          () => line.existingFundingReason,
          (v) => set(line, "existingFundingReason", v && v.trim() ? v : undefined),
        ),
        f.field(
          `${p}.taskShares`,
          t.f.taskShares,
          "text",
          () => taskSharesText(line.taskShares, f.lang),
          (v) => set(line, "taskShares", taskSharesOf(v)),
        ),
        f.field(
          `${p}.growth`,
          t.f.growth,
          "percent",
          () => line.growth,
          (v) => set(line, "growth", v),
        ),
        f.split(`${p}.split`, line),
        f.field(
          `${p}.municipalApproved`,
          t.f.municipalApproved,
          "checkbox",
          () => line.municipalApproved,
          (v) => set(line, "municipalApproved", v || undefined),
        ),
        f.field(
          `${p}.wlzGranted`,
          t.f.wlzGranted,
          "checkbox",
          () => line.wlzGranted,
          (v) => set(line, "wlzGranted", v || undefined),
        ),
        f.field(
          `${p}.postcodes`,
          t.f.postcodes,
          "list",
          () => line.postcodes,
          (v) => set(line, "postcodes", v),
        ),
      ],
    ),
  );
  return f.group("budget", t.budget, box);
}

export function municipalitiesSection(f, s) {
  const t = f.t;
  const ms = listAt(s, "municipalities");
  const choices = [
    ["", t.leadAuto],
    ...(ms ?? []).filter(isObject).map((m) => [String(m.id), String(m.name || m.id)]),
  ];
  return f.group(
    "municipalities",
    t.municipalities,
    f.field(
      "leadMunicipality",
      t.f.lead,
      "select",
      () => s.leadMunicipality ?? "",
      (v) => set(s, "leadMunicipality", v || undefined),
      { options: choices },
    ),
    f.items(
      "municipalities",
      ms,
      { legend: t.municipalityLegend, remove: t.removeMunicipality, add: t.addMunicipality },
      (n) => ({ id: `GM${String(n).padStart(4, "0")}`, name: "", postcodes: [] }),
      (m, p) => [
        f.field(
          `${p}.name`,
          t.f.name,
          "text",
          () => m.name,
          (v) => set(m, "name", v),
        ),
        f.field(
          `${p}.id`,
          t.f.id,
          "text",
          () => m.id,
          (v) => {
            m.id = v;
          },
        ),
        f.field(
          `${p}.postcodes`,
          t.f.postcodes.split(" (")[0],
          "list",
          () => m.postcodes,
          (v) => {
            m.postcodes = v ?? [];
          },
        ),
      ],
    ),
  );
}

/** The hoofdaannemer (main contractor) of onderlinge dienstverlening, when there is one. */
function hoofdaannemerFields(f, s) {
  const t = f.t;
  const h = () =>
    isObject(s.hoofdaannemer) ? s.hoofdaannemer : (s.hoofdaannemer = { form: "legalEntity", name: "" });
  const form = f.field(
    "hoofdaannemer.form",
    t.f.form,
    "select",
    () => s.hoofdaannemer?.form ?? "",
    (v) => {
      if (v) h().form = v;
      else delete s.hoofdaannemer;
    },
    { options: Object.entries(t.forms), structural: true },
  );
  if (!isObject(s.hoofdaannemer)) return [form];
  return [
    form,
    f.field(
      "hoofdaannemer.name",
      t.f.name,
      "text",
      () => s.hoofdaannemer.name,
      (v) => {
        h().name = v;
      },
    ),
    ...(s.hoofdaannemer.form === "kassier"
      ? [
          f.field(
            "hoofdaannemer.kassier",
            t.f.kassier,
            "text",
            () => s.hoofdaannemer.kassier,
            (v) => set(h(), "kassier", v),
          ),
        ]
      : []),
    f.field(
      "hoofdaannemer.agreement",
      t.f.agreement,
      "checkbox",
      () => s.hoofdaannemer.agreement,
      (v) => {
        h().agreement = v;
      },
    ),
  ];
}

export function subcontractsSection(f, s) {
  const t = f.t;
  const subs = listAt(s, "subcontracts");
  const lineIds = (Array.isArray(s.budget) ? s.budget : [])
    .filter(isObject)
    .map((l) => l.id)
    .join(", ");
  return f.group(
    "subcontracts",
    t.subcontracting,
    ...hoofdaannemerFields(f, s),
    f.items(
      "subcontracts",
      subs,
      { legend: t.subcontractLegend, remove: t.removeSubcontract, add: t.addSubcontract },
      (n) => ({ id: `onderaanneming-${n}`, contractor: "", amount: "" }),
      (x, p) => [
        f.field(
          `${p}.contractor`,
          t.f.contractor,
          "text",
          () => x.contractor,
          (v) => {
            x.contractor = v;
          },
        ),
        f.field(
          `${p}.id`,
          t.f.id,
          "text",
          () => x.id,
          (v) => {
            x.id = v;
          },
        ),
        f.field(
          `${p}.amount`,
          t.f.amount.split(" (")[0],
          "money",
          () => x.amount,
          (v) => {
            x.amount = v ?? "";
          },
        ),
        f.field(
          `${p}.lines`,
          t.f.lines,
          "list",
          () => x.lines,
          (v) => set(x, "lines", v),
          { hint: lineIds },
        ),
        f.tasks(`${p}.mainTasks`, x),
      ],
    ),
  );
}

export function mdzSection(f, s) {
  const t = f.t;
  // A non-object `mdz` (set from outside) is left for the core to report; edits start afresh.
  const mdz = () => (isObject(s.mdz) ? s.mdz : (s.mdz = {}));
  const regions = isObject(s.mdz) || s.mdz === undefined ? listAt(mdz(), "regions") : null;
  return f.group(
    "mdz",
    t.mdzOptions,
    f.field(
      "mdz.framework",
      t.f.framework,
      "money",
      () => s.mdz?.framework,
      (v) => set(mdz(), "framework", v),
      { placeholder: shownTyped("money", "70000000.00", f.lang) },
    ),
    f.field(
      "mdz.population",
      t.f.population,
      "count",
      () => s.mdz?.population,
      (v) => set(mdz(), "population", v),
      { placeholder: shownCount(18044025, f.lang) },
    ),
    f.field(
      "mdz.indexation",
      t.f.indexation,
      "percent",
      () => s.mdz?.indexation,
      (v) => set(mdz(), "indexation", v),
    ),
    el("h4", t.otherRegions),
    f.items(
      "mdz.regions",
      regions,
      { legend: t.regionLegend, remove: t.removeRegion, add: t.addRegion },
      (n) => ({ id: `regio-${n}`, zvw: "", population: "" }),
      (x, p) => [
        f.field(
          `${p}.id`,
          t.f.id,
          "text",
          () => x.id,
          (v) => {
            x.id = v;
          },
        ),
        f.field(
          `${p}.zvw`,
          t.f.zvwClaim,
          "money",
          () => x.zvw,
          (v) => {
            x.zvw = v ?? "";
          },
        ),
        f.field(
          `${p}.population`,
          t.f.regionPopulation,
          "count",
          () => x.population,
          (v) => {
            x.population = v ?? "";
          },
        ),
      ],
    ),
  );
}

/** Task shares as typed: "4: 80, 5: 20" ↔ { "4": "80", "5": "20" } (the core checks them). */
export function taskSharesOf(text) {
  const pairs = String(text ?? "")
    // Pairs part at ";" or at a "," before the next "task:" (so a decimal comma stays).
    .split(/;|,(?=\s*\d\s*[:=])/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  if (pairs.length === 0) return undefined;
  const out = {};
  for (const p of pairs) {
    const [task, share = ""] = p.split(/[:=]/).map((x) => x.trim());
    out[task] = share.replace(/%$/, "").replace(",", ".");
  }
  return out;
}

export function taskSharesText(shares, lang = "nl") {
  if (!shares || typeof shares !== "object") return "";
  return Object.entries(shares)
    .map(([task, share]) => `${task}: ${shownTyped("percent", share, lang)}`)
    .join(", ");
}
