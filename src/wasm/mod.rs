//! The one thin binding layer: every export is decode → core → encode, or the one error shape.
//!
//! Arguments arrive as `JsValue` and are decoded inside the function body (wasm-bindgen's
//! automatic conversions leak on failure and stop at the first problem). Nothing here
//! computes anything; nothing here can panic.

use crate::input::value::Value;
use crate::issue::{Issue, Issues, Lang, Path, Problem};
use crate::market::Market;
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
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
  /** Already paid through other titles: deducted. */
  existingFunding?: MoneyInput;
  existingFundingSource?: "oi" | "districtNursing" | "patientGroups" | "zonmw" | "other";
  discipline?: "gp" | "districtNursing" | "pharmacy" | "physiotherapy" | "other";
  /** Percentages summing to 100; default zvw 100. */
  split?: { zvw?: string | number; municipal?: string | number; wlz?: string | number };
  municipalApproved?: boolean;
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
  /** The RESV as opdrachtgevende zorgaanbieder; `agreement` is the written agreement with the insurers. */
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
}
export interface AreaReport {
  entries: number; rowsInside: number; rowsOutside: number;
  postcodesWithoutData: number; postcodesWithoutDataExamples: string[];
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
                    lead: boolean }[];
  lines: { id: string; name: string; level: string; mainTasks: number[]; gross: Money;
           existingFunding: Money; net: Money; zvw: Money; municipal: Money; wlz: Money;
           status: "final" | "conditional"; ownArea: boolean }[];
  summaries: { byMainTask: (Sums & { key: number })[]; byLevel: (Sums & { key: string })[] };
  years: (Sums & { year: number })[];
  payments: { schedule: "monthly" | "quarterly";
              payers: { payer: string; kind: "zvw" | "municipal"; amount: Money; instalments: Money[] }[] };
  hoofdaannemer?: { form: string; name: string; kassier?: string; agreement: boolean };
  subcontracts: { id: string; contractor: string; amount: Money; lines: string[]; mainTasks: number[];
                  available: Money; fundedBy: { insurer: string; amount: Money }[] }[];
  ledger: { zvwIn: Money; municipalIn: Money; subcontracted: Money; keptZvw: Money; keptMunicipal: Money;
            insurers: { insurer: string; paid: Money; subcontracted: Money; kept: Money }[] };
  /** Nodes and links (node indices) a Sankey diagram draws directly. */
  sankey: { nodes: { id: string; label: string; kind: string }[];
            links: { source: number; target: number; value: Money; kind: string }[] };
  mdz: { framework: Money; zvw: Money; claimed: Money; headroom: Money; perCapita: Money; nationalProjection: Money;
         fairShare: Money; nationalPopulation: number; regionPopulation: string;
         years: { year: number; framework: Money; claimed: Money; headroom: Money }[] };
  flows: { from: string; to: string; amount: Money; kind: string }[];
  allocation: { by: "concern" | "insurer"; rounding: "largestRemainder" | "leaderAbsorbs";
                estimate: boolean; leader: string; coAssessment: boolean;
                coAssessmentThreshold: string; insured: string; area: AreaReport };
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
"#;

/// Decodes one argument into the loose tree, or records why it cannot be read at all.
fn decode(value: JsValue, name: &str, issues: &mut Issues) -> Value {
    match serde_wasm_bindgen::from_value::<Value>(value) {
        Ok(v) => v,
        Err(_) => {
            // serde-wasm-bindgen refuses functions, symbols and the like before any visitor
            // sees them, so the path can only name the argument.
            issues.push(Path::root().key(name), Problem::Unreadable);
            Value::Null
        }
    }
}

/// Decodes an argument that must be a number or string. A list or object is not decoded (it
/// may be huge): an empty one of the same kind stands in, so the core reports the wrong type
/// in its usual place and order.
/// An optional `options` argument (absent reads as `undefined`, which the core takes as defaults).
fn decode_options(options: Option<JsValue>, issues: &mut Issues) -> Value {
    decode(options.unwrap_or(JsValue::UNDEFINED), "options", issues)
}

fn decode_scalar(value: JsValue, name: &str, issues: &mut Issues) -> Value {
    if js_sys::Array::is_array(&value) {
        Value::list(Vec::new())
    } else if value.is_object() {
        Value::object(Vec::new())
    } else {
        decode(value, name, issues)
    }
}

/// Encodes a result for JS: plain objects, money as strings.
fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The result of a core call for JS: the encoded value, or the one error shape.
fn respond<T: Serialize>(result: Result<T, Issues>) -> Result<JsValue, JsValue> {
    match result {
        Ok(value) => encode(&value),
        Err(issues) => Err(invalid_input(&issues)),
    }
}

/// The one error shape for a single problem.
fn one_issue(path: Path, problem: Problem) -> JsValue {
    invalid_input(&Issues::from(Issue::new(path, problem)))
}

/// The one error converter: a JS `Error` with `code: "invalid_input"` and `issues`.
fn invalid_input(issues: &Issues) -> JsValue {
    const LISTED: usize = 5;
    let all = issues.as_slice();
    let summary = |lang: Lang| {
        let mut parts: Vec<String> = all
            .iter()
            .take(LISTED)
            .map(|i| {
                if i.path.segments().is_empty() {
                    i.message(lang)
                } else {
                    format!("{}: {}", i.path, i.message(lang))
                }
            })
            .collect();
        if all.len() > LISTED {
            parts.push(match lang {
                Lang::Nl => format!("en nog {}", all.len().saturating_sub(LISTED)),
                Lang::En => format!("and {} more", all.len().saturating_sub(LISTED)),
            });
        }
        parts.join("; ")
    };
    let text = format!(
        "Ongeldige invoer: {} / Invalid input: {}",
        summary(Lang::Nl),
        summary(Lang::En)
    );
    let error = js_sys::Error::new(&text);
    let list = Array::new();
    for issue in all {
        let item = Object::new();
        let fields = [
            ("code", issue.code().to_owned()),
            ("path", issue.path.to_string()),
            ("message", issue.message(Lang::Nl)),
            ("messageEn", issue.message(Lang::En)),
        ];
        for (key, value) in fields {
            // Setting a data property on a fresh plain object cannot fail.
            let _ = Reflect::set(&item, &key.into(), &value.into());
        }
        if let Some(line) = issue.path.line_number() {
            let _ = Reflect::set(&item, &"line".into(), &JsValue::from(line as f64));
        }
        if let Some(column) = issue.path.column_name() {
            let _ = Reflect::set(&item, &"column".into(), &column.into());
        }
        list.push(&item);
    }
    let _ = Reflect::set(&error, &"code".into(), &"invalid_input".into());
    let _ = Reflect::set(&error, &"issues".into(), &list);
    error.into()
}

/// Splits `total` over the parties in proportion to their weights, exactly to the minor unit
/// (largest remainder; ties to the larger weight, then the earlier party).
#[wasm_bindgen(
    unchecked_return_type = "Part[]",
    return_description = "one part per party, in input order, summing exactly to total"
)]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "MoneyInput")] total: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Weight[]")] weights: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AllocateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let mut issues = Issues::new();
    let total = decode_scalar(total, "total", &mut issues);
    let weights = decode(weights, "weights", &mut issues);
    let options = decode_options(options, &mut issues);
    if !issues.is_empty() {
        return Err(invalid_input(&issues));
    }
    respond(crate::split::allocate(&total, &weights, &options))
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_owned()
}

thread_local! {
    /// Live tables by id, so `calculate` can find the table a scenario holds without taking
    /// it over (wasm-bindgen's own conversion moves the object out of its JS wrapper).
    static TABLES: RefCell<HashMap<u32, Weak<Market>>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Market data parsed in Wasm memory: insured persons per postcode per insurer label.
/// Pass it as `scenario.market` or to `allocateRegions`; call `free()` when done with it.
#[wasm_bindgen]
pub struct MarketTable {
    id: u32,
    market: Rc<Market>,
}

impl MarketTable {
    fn new(market: Market) -> MarketTable {
        let market = Rc::new(market);
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1).max(1));
            id
        });
        TABLES.with(|t| t.borrow_mut().insert(id, Rc::downgrade(&market)));
        MarketTable { id, market }
    }
}

impl Drop for MarketTable {
    fn drop(&mut self) {
        TABLES.with(|t| t.borrow_mut().remove(&self.id));
    }
}

#[wasm_bindgen]
impl MarketTable {
    /// Rows (after adding up duplicate postcode/insurer rows).
    #[wasm_bindgen(getter, js_name = rowCount)]
    pub fn row_count(&self) -> usize {
        self.market.row_count()
    }

    /// Distinct postcodes.
    #[wasm_bindgen(getter, js_name = postcodeCount)]
    pub fn postcode_count(&self) -> usize {
        self.market.postcode_count()
    }

    /// Internal: lets `calculate` find this table inside a scenario.
    #[wasm_bindgen(getter, js_name = "__resvTableId")]
    pub fn table_id(&self) -> u32 {
        self.id
    }

    /// Each insurer label with its concern, insured persons and rows.
    #[wasm_bindgen(unchecked_return_type = "LabelSummary[]")]
    pub fn insurers(&self) -> Result<JsValue, JsValue> {
        encode(&self.market.label_summary())
    }

    /// Warnings found while reading (duplicates added up, columns ignored, …).
    #[wasm_bindgen(getter, unchecked_return_type = "Warning[]")]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        encode(&self.market.warnings())
    }

    /// The rows as `calculate` accepts them back (so `JSON.stringify(scenario)` works).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "MarketRow[]")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        encode(&self.market.to_rows())
    }

    /// The table as a CSV for Dutch Excel (UTF-8 BOM, `;`, CRLF).
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self) -> String {
        self.market.to_csv()
    }
}

/// The table a JS value refers to: `Ok(None)` when it is no table, `Err` when it was freed.
fn table_of(value: &JsValue) -> Result<Option<Rc<Market>>, Problem> {
    if !value.is_object() {
        return Ok(None);
    }
    let ptr = Reflect::get(value, &"__wbg_ptr".into())
        .ok()
        .and_then(|p| p.as_f64());
    let id = match Reflect::get(value, &"__resvTableId".into()) {
        Ok(id) => id.as_f64(),
        // The getter throws once the table is freed (its pointer is null).
        Err(_) if ptr.is_some() => return Err(Problem::TableFreed),
        Err(_) => None,
    };
    let Some(id) = id.filter(|f| f.fract() == 0.0 && *f >= 1.0 && *f <= f64::from(u32::MAX)) else {
        return if ptr == Some(0.0) {
            Err(Problem::TableFreed)
        } else {
            Ok(None)
        };
    };
    let id = id as u32;
    TABLES.with(|t| {
        t.borrow()
            .get(&id)
            .and_then(Weak::upgrade)
            .map(Some)
            .ok_or(Problem::TableFreed)
    })
}

/// The `MarketTable` an argument must be, or the one error shape.
fn require_table(market: &JsValue) -> Result<Rc<Market>, JsValue> {
    let market_path = Path::root().key("market");
    match table_of(market) {
        Ok(Some(t)) => Ok(t),
        Ok(None) => Err(one_issue(
            market_path,
            Problem::WrongType {
                expected: crate::issue::Expected::Object,
                found: "no MarketTable",
            },
        )),
        Err(p) => Err(one_issue(market_path, p)),
    }
}

/// Reads market data (CSV as Dutch finance staff export it) into a `MarketTable`.
#[wasm_bindgen(js_name = parseMarketCsv)]
pub fn parse_market_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] data: JsValue,
) -> Result<MarketTable, JsValue> {
    let at = Path::root().key("data");
    let fail = |p: Problem| one_issue(at.clone(), p);
    let too_large = Problem::FileTooLarge {
        max: crate::input::csv::MAX_FILE_BYTES,
    };
    let bytes: Vec<u8> = if let Some(s) = data.dyn_ref::<js_sys::JsString>() {
        if s.length() as usize > crate::input::csv::MAX_FILE_BYTES {
            return Err(fail(too_large));
        }
        String::from(s).into_bytes()
    } else if let Some(a) = data.dyn_ref::<js_sys::Uint8Array>() {
        if a.length() as usize > crate::input::csv::MAX_FILE_BYTES {
            return Err(fail(too_large));
        }
        a.to_vec()
    } else if let Some(b) = data.dyn_ref::<js_sys::ArrayBuffer>() {
        if b.byte_length() as usize > crate::input::csv::MAX_FILE_BYTES {
            return Err(fail(too_large));
        }
        js_sys::Uint8Array::new(b).to_vec()
    } else {
        let mut issues = Issues::new();
        let v = decode(data, "data", &mut issues);
        if issues.is_empty() {
            crate::input::read::wrong_type(&v, crate::issue::Expected::Text, &at, &mut issues);
        }
        return Err(invalid_input(&issues));
    };
    match crate::market::parse_csv(&bytes) {
        Ok(m) => Ok(MarketTable::new(m)),
        Err(issues) => {
            // Problems of the file as a whole point at the argument; rows at their line.
            let mut named = Issues::new();
            for i in issues.as_slice() {
                let path = if i.path.segments().is_empty() {
                    at.clone()
                } else {
                    i.path.clone()
                };
                named.push(path, i.problem.clone());
            }
            Err(invalid_input(&named))
        }
    }
}

/// The whole calculation for one RESV region and one year.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn calculate(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let market_path = Path::root().key("market");
    let market = Reflect::get(&scenario, &"market".into()).unwrap_or(JsValue::UNDEFINED);
    let table = table_of(&market).map_err(|p| one_issue(market_path, p))?;
    let mut issues = Issues::new();
    let scenario = decode(scenario, "scenario", &mut issues);
    if !issues.is_empty() {
        return Err(invalid_input(&issues));
    }
    respond(crate::scenario::calculate(&scenario, table.as_deref()))
}

/// Many RESV regions over one market table, each allocated as `calculate` would.
#[wasm_bindgen(js_name = allocateRegions, unchecked_return_type = "RegionResult[]")]
pub fn allocate_regions(
    #[wasm_bindgen(unchecked_param_type = "MarketTable")] market: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Region[]")] regions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AllocationSettings")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    over_regions(&market, regions, options, crate::scenario::allocate_regions)
}

/// Decodes the table, regions and options of a many-regions export and runs it.
fn over_regions<T: Serialize>(
    market: &JsValue,
    regions: JsValue,
    options: Option<JsValue>,
    run: fn(&Market, &Value, &Value) -> Result<T, Issues>,
) -> Result<JsValue, JsValue> {
    let table = require_table(market)?;
    let mut issues = Issues::new();
    let regions = decode(regions, "regions", &mut issues);
    let options = decode_options(options, &mut issues);
    if !issues.is_empty() {
        return Err(invalid_input(&issues));
    }
    respond(run(&table, &regions, &options))
}

/// The built-in sample region (Zwolle, Kampen and Hattem; CBS population, illustrative
/// insurer split) as a scenario with its market rows.
#[wasm_bindgen(js_name = sampleScenario, unchecked_return_type = "Scenario")]
pub fn sample_scenario() -> Result<JsValue, JsValue> {
    let scenario = js_sys::JSON::parse(crate::sample::SCENARIO_JSON)?;
    let market = crate::sample::market().map_err(|i| invalid_input(&i))?;
    Reflect::set(&scenario, &"market".into(), &encode(&market.to_rows())?)?;
    Ok(scenario)
}

/// The sample region's market table as a Dutch Excel CSV.
#[wasm_bindgen(js_name = sampleMarketCsv)]
pub fn sample_market_csv() -> String {
    crate::sample::MARKET_CSV.to_owned()
}

/// The difference between two reports (`b − a`) per total, insurer, municipality, line and flow.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Report")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Report")] b: JsValue,
) -> Result<JsValue, JsValue> {
    let mut issues = Issues::new();
    let a = decode(a, "a", &mut issues);
    let b = decode(b, "b", &mut issues);
    if !issues.is_empty() {
        return Err(invalid_input(&issues));
    }
    respond(crate::compare::compare(&a, &b))
}

/// Many regions against the national MDZ framework, with each insurer's total over all regions.
#[wasm_bindgen(js_name = nationalView, unchecked_return_type = "NationalView")]
pub fn national_view(
    #[wasm_bindgen(unchecked_param_type = "MarketTable")] market: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Region[]")] regions: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "AllocationSettings & { mdz?: { framework?: MoneyInput; population?: number } }"
    )]
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    over_regions(&market, regions, options, crate::scenario::national_view)
}
