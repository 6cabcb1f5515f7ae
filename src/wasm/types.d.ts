
/** An amount: a decimal string with "." ("1250000.00", "-12.5"), or a JS number read as String(n) prints it. */
export type MoneyInput = string | number;
/** An amount as returned: a decimal string with at least two decimals ("1250000.00"). */
export type Money = string;
/** One party to split over: `weight` is a non-negative decimal (string or number). */
export interface Weight { id: string; weight: string | number }
export interface AllocateOptions {
  /** The smallest amount handed out, default "0.01" (one cent). */
  minorUnit?: MoneyInput;
}
/** One party's amount, in input order. */
export interface Part { id: string; amount: Money }
/** One problem in an input: `path` points into it ("weights[3].weight"). */
export interface Issue { code: string; path: string; message: string; messageEn: string }
/** What every export throws on invalid input. CSV problems also carry `line` and `column`. */
export interface InvalidInputError extends Error {
  code: "invalid_input";
  issues: (Issue & { line?: number; column?: string })[];
}
/** One row of market data: insured persons of one insurer label in one postcode. */
export interface MarketRow {
  postcode: string; insurer: string; insured: number | string;
  concern?: string;
  /** The part of the postcode inside the work area, 0..1 (at most 6 decimals), default 1. */
  fraction?: string | number;
}
/** A work area entry: "1011", "1011AB", "1011-1019", or a postcode partly inside the area. */
export type WorkAreaEntry = string | { postcode: string; fraction?: string | number };
/** Settings of the verdeelsleutel, in a scenario or as allocateRegions' options. */
export interface AllocationSettings {
  /** Default "concern" when every label's concern is known, else "insurer" (with a warning). */
  allocateBy?: "concern" | "insurer";
  rounding?: "largestRemainder" | "leaderAbsorbs";
  /** Percent share of the second party from which co-assessment is likely, default 30. */
  coAssessmentThreshold?: string | number;
  /** Override or extend the built-in registry of labels and concerns. */
  insurers?: { id: string; name?: string; concern?: string }[];
}
/** Market shares per concern applied to population per postcode, when no insurer counts exist. */
export interface Estimate {
  /** "national" (NZa/Vektis 2022, the default) or percentages for the region. */
  shares?: "national" | { concern: string; percent: string | number }[];
  /** Residents per postcode; default the built-in CBS PC4 table of 1 January 2025. */
  population?: { postcode: string; residents: number | string }[];
}
/** One line of the RESV budget (begroting). */
export interface BudgetLine {
  id: string; name?: string;
  /** RESV / hecht wijkverband / monodisciplinary cooperation. */
  level: "regional" | "neighbourhood" | "monodisciplinary";
  /** RESV hoofdtaken 1..5, at least one. */
  mainTasks: number[];
  /** Its task-4 part is the wijkverband's own two tasks. */
  ownTasks?: boolean;
  /** Gross cost for 2027 (or the scenario year); or per year in `amounts`. */
  amount?: MoneyInput;
  amounts?: Record<string, MoneyInput>;
  /** Yearly growth in percent from 2027, compounded and rounded to the cent each year. */
  growth?: string | number;
  /** Already paid through other titles: deducted. One amount for every year, or per year
   *  ({ "2027": "…", "2028": "…" }; a year not named has none). */
  existingFunding?: MoneyInput | Record<string, MoneyInput>;
  existingFundingSource?: "oi" | "districtNursing" | "patientGroups" | "zonmw" | "other";
  /** Required with oi, districtNursing or patientGroups funding: why the line is additional to it. */
  existingFundingReason?: string;
  discipline?: "gp" | "districtNursing" | "pharmacy" | "physiotherapy" | "other";
  /** Percentages summing to 100; default zvw 100. */
  split?: { zvw?: string | number; municipal?: string | number; wlz?: string | number };
  municipalApproved?: boolean;
  /** Each hoofdtaak's share of the line in percent, adding up to 100 ({ "4": "80", "5": "20" });
   *  default equal. Used by the summaries, the subcontract caps and the statements. */
  taskShares?: Record<string, string | number>;
  /** The Wlz part granted: until then (as for the municipal part) the line's Zvw is conditional. */
  wlzGranted?: boolean;
  /** The area this line serves (a wijkverband); default the work area. */
  postcodes?: WorkAreaEntry[];
}
export interface Scenario extends AllocationSettings {
  year?: number;
  name?: string;
  /** The Zvw lump sum; with budget lines, the contracted amount that is allocated. */
  lumpSum?: MoneyInput;
  budget?: BudgetLine[];
  municipalities?: { id: string; name?: string; postcodes: WorkAreaEntry[] }[];
  /** The mandaatgemeente; default the municipality with the most residents. */
  leadMunicipality?: string;
  schedule?: "monthly" | "quarterly";
  /** The verdeelsleutel of the Zvw parts: "workArea" (default: every Zvw part by the insured persons
   *  of the work area) or "lineAreas" (a line with its own postcodes by the insured persons there). */
  pooling?: "workArea" | "lineAreas";
  /** The designated market leader(s) (party ids); default the party with the most insured persons. */
  marketLeaders?: string[];
  /** The designated co-assessor; without it the share threshold only hints that co-assessment is possible. */
  coAssessor?: string;
  /** Per party id: "follows" (default), { own: amount } (its own contracted amount), "none" or "pending". */
  contracts?: Record<string, "follows" | "none" | "pending" | { own: MoneyInput }>;
  /** The RESV as opdrachtgevende zorgaanbieder; `agreement` is its written agreement with the insurers for
   *  the prestatie resv-hoofdtaken (art. 4.1): without it subcontracts are calculated pending it. */
  hoofdaannemer?: { form: "legalEntity" | "kassier"; name?: string; kassier?: string; agreement?: boolean };
  /** Onderlinge dienstverlening: the RESV passes Zvw money to executing providers. */
  subcontracts?: { id: string; contractor: string; amount: MoneyInput; lines?: string[]; mainTasks?: number[] }[];
  mdz?: { framework?: MoneyInput; population?: number; indexation?: string | number;
          regions?: { id: string; zvw: MoneyInput; population: number }[] };
  market?: MarketRow[] | MarketTable;
  /** Instead of market: an estimate from market shares and population. */
  estimate?: Estimate;
  workArea?: WorkAreaEntry[];
  /** Marks the report's numbers as illustrative (the built-in sample). */
  illustrative?: boolean;
}
/** One paying party and the basis of its amount: its follower statement. */
export interface InsurerPart {
  id: string; name: string;
  /** Insured persons in the work area (fractions applied). */
  insured: number;
  insuredExact: string;
  /** Share of the insured persons, 10 decimals. */
  share: string;
  amount: Money;
  marketLeader: boolean;
  role: "leader" | "follower";
  coAssessor: boolean;
  /** Per concern: its labels and their insured persons. */
  labels: { name: string; insured: number }[];
  /** Its contract and what is payable under it (calculate only). */
  contract?: { status: "follows" | "own" | "none" | "pending"; payable: Money };
  /** Its amount broken down exactly (calculate only): every list adds up to `amount` to the cent. */
  statement?: Statement;
}
/** One insurer's amount by pool, line, hoofdtaak, level, conditional part, label and year. */
export interface Statement {
  /** "workArea", or with pooling "lineAreas" the first line of each area; with the basis:
   *  amount = insured × total ÷ areaInsured within the rounding rule (exact decimal strings). */
  pools: { id: string; amount: Money; total: Money; insured: string; areaInsured: string }[];
  lines: { id: string; amount: Money }[];
  mainTasks: { task: number; amount: Money }[];
  levels: { id: "regional" | "neighbourhood" | "monodisciplinary"; amount: Money }[];
  /** Its part of totals.conditionalZvw (the insurers' parts add up to it). */
  conditional: Money;
  labels: { id: string; amount: Money }[];
  /** Its part of each experiment year's Zvw as paid (each year adds up over the insurers). */
  years: { year: number; amount: Money }[];
}
export interface AreaReport {
  entries: number; rowsInside: number; rowsOutside: number;
  postcodesWithoutData: number; postcodesWithoutDataExamples: string[];
  /** The work area merged and sorted: "8011-8045", "8091AB", "7201 (50%)"; empty: the whole table. */
  postcodes: string[];
}
/** The market data the verdeelsleutel was computed on. */
export interface MarketReport {
  rows: number; labels: number; postcodes: number;
  /** How an estimate was made: shares × residents. */
  estimate?: { sharesSource: "national" | "given"; shares: { concern: string; percent: string }[];
               /** "cbs2025": the built-in CBS residents per PC4 of 1 January 2025. */
               population: "cbs2025" | "given" };
}
/** A municipality's amount broken down for its council. */
export interface MunicipalStatement {
  /** Per line with a municipal part; adds up to its amount, and over the municipalities to the line's. */
  lines: { id: string; amount: Money }[];
  /** Its part of each experiment year's municipal total (each year adds up over the municipalities). */
  years: { year: number; amount: Money }[];
  /** Lines whose municipal part is not yet granted: its part, the line's municipal total, the Zvw that waits. */
  approve: { line: string; amount: Money; municipal: Money; zvw: Money; wlzPending: boolean }[];
  /** The Zvw of those lines (a shared line waits on each municipality, so this does not add up over them). */
  conditionalZvw: Money;
}
export interface Warning { code: string; path: string; message: string; messageEn: string }
export interface Report {
  name?: string;
  year: number;
  totals: { gross: Money; existingFunding: Money; net: Money; zvw: Money; municipal: Money;
            wlz: Money; conditionalZvw: Money };
  /** The budget's own Zvw total (totals.zvw is the contracted amount when one is given). */
  budgetZvw: Money;
  insurers: InsurerPart[];
  municipalities: { id: string; name: string; residents: number; share: string; amount: Money;
                    lead: boolean; statement?: MunicipalStatement }[];
  lines: { id: string; name: string; level: string; mainTasks: number[]; gross: Money;
           existingFunding: Money; net: Money; zvw: Money;
           /** The Zvw paid for the line: its part of a contract that differs from the budget. */
           paidZvw: Money; municipal: Money; wlz: Money;
           /** The task shares when given, aligned with mainTasks. */
           taskShares?: string[];
           status: "final" | "conditional";
           awaiting?: ("municipal" | "wlz")[]; ownArea: boolean }[];
  summaries: { byMainTask: (Sums & { key: number })[]; byLevel: (Sums & { key: string })[] };
  years: (Sums & { year: number })[];
  payments: { schedule: "monthly" | "quarterly";
              payers: { payer: string; kind: "zvw" | "municipal"; amount: Money; instalments: Money[] }[] };
  hoofdaannemer?: { form: string; name: string; kassier?: string; agreement: boolean };
  subcontracts: { id: string; contractor: string; amount: Money; lines: string[]; mainTasks: number[];
                  available: Money; fundedBy: { insurer: string; amount: Money }[];
                  /** "pendingAgreement" until hoofdaannemer.agreement (the written agreement of art. 4.1). */
                  status: "agreed" | "pendingAgreement" }[];
  ledger: { zvwIn: Money; municipalIn: Money; subcontracted: Money; keptZvw: Money; keptMunicipal: Money;
            insurers: { insurer: string; paid: Money; subcontracted: Money; kept: Money }[] };
  /** Nodes and links (node indices) a Sankey diagram draws directly. */
  sankey: { nodes: { id: string; label: string; labelEn?: string; kind: string }[];
            links: { source: number; target: number; value: Money; kind: string }[] };
  /** The region against the structural increase of the MDZ framework for RESV activities (€70 million from
   *  2027): `framework` is that increase; `fairShare` an indicative share by inhabitants, not an entitlement. */
  mdz: { framework: Money; zvw: Money; claimed: Money; headroom: Money; perCapita: Money; nationalProjection: Money;
         fairShare: Money; nationalPopulation: number; regionPopulation: string;
         years: { year: number; framework: Money; claimed: Money; headroom: Money }[] };
  /** `via`: the kassier that receives a payment on behalf of the RESV, when it works through one. */
  flows: { from: string; to: string; amount: Money; kind: string; via?: string }[];
  /** What of the plan is payable under written agreements, pending, and not covered. */
  coverage: { payable: Money; pending: Money; uncovered: Money };
  allocation: { by: "concern" | "insurer"; rounding: "largestRemainder" | "leaderAbsorbs";
                pooling: "workArea" | "lineAreas";
                estimate: boolean; leader: string; leaderSource: "designated" | "data" | "estimate";
                coAssessment: boolean;
                coAssessmentThreshold: string; insured: string;
                /** Exact (an estimate's insured is whole persons; the amounts use this). */
                insuredExact: string; area: AreaReport;
                market: MarketReport };
  warnings: Warning[];
}
export interface Sums { gross: Money; existingFunding: Money; net: Money; zvw: Money;
                        municipal: Money; wlz: Money; conditionalZvw: Money }
export interface Region { id: string; postcodes: WorkAreaEntry[]; lumpSum: MoneyInput }
export interface RegionResult {
  id: string; lumpSum: Money; insured: string; leader: string; coAssessment: boolean;
  insurers: InsurerPart[]; area: AreaReport;
}
/** One amount in two reports: `difference` is `b − a`. */
export interface Diff { a: Money; b: Money; difference: Money }
export interface Comparison {
  totals: (Diff & { id: string; name: string })[];
  insurers: (Diff & { id: string; name: string })[];
  municipalities: (Diff & { id: string; name: string })[];
  lines: { id: string; name: string; net: Diff; zvw: Diff; municipal: Diff }[];
  /** Keyed "from → to (kind)". */
  flows: (Diff & { id: string; name: string })[];
}
export interface NationalView {
  regions: (RegionResult & { perCapita: Money; fairShare: Money })[];
  insurers: { id: string; name: string; amount: Money; regions: number }[];
  framework: Money; claimed: Money; headroom: Money; nationalPopulation: number;
}
export interface LabelSummary { id: string; concern?: string; insured: number; rows: number }
/** An amount read as typed: the core's form (`"810500.00"`) and how the page says it (`"€ 810.500,00"`). */
export interface TypedAmount { amount: Money; text: string }
/** A percentage read as typed: the core's form (`"55.5"`) and how the page says it (`"55,5%"`). */
export interface TypedPercent { percent: string; text: string }
