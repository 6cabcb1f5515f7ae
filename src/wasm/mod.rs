//! The one thin binding layer: every export is decode → core → encode, or the one error shape.
//!
//! Arguments arrive as `JsValue` and are decoded inside the function body (wasm-bindgen's
//! automatic conversions leak on failure and stop at the first problem). Nothing here
//! computes anything; nothing here can panic.

mod decode;
mod error;
mod table;

pub use table::MarketTable;

use crate::input::value::Value;
use crate::issue::{Issues, Path};
use crate::market::Market;
use decode::{csv_source, decode, decode_options, decode_root, decode_scalar, encode};
use error::{invalid_input, one_issue, respond};
use js_sys::Reflect;
use serde::Serialize;
use table::{require_table, table_of};
use wasm_bindgen::prelude::*;

/// The TypeScript types of the arguments and results, written once (`types.d.ts`).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

/// Splits `total` over the parties in proportion to their weights, exactly to the minor unit
/// (largest remainder; ties to the larger weight, then the earlier party).
#[wasm_bindgen(
    unchecked_return_type = "Part[]",
    return_description = "one part per party, in input order, summing exactly to total"
)]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "MoneyInput")] total: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Weight[]")] weights: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocateOptions")] options: Option<JsValue>,
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
#[cfg_attr(resv_optimize, optimize(size))]
pub fn version() -> String {
    crate::version().to_owned()
}

/// Reads market data (CSV as Dutch finance staff export it) into a `MarketTable`.
#[wasm_bindgen(js_name = parseMarketCsv)]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn parse_market_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] data: JsValue,
) -> Result<MarketTable, JsValue> {
    let at = Path::root().key("data");
    let source = csv_source(data, &at)?;
    match decode::parse_csv_source(&source) {
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
#[cfg_attr(resv_optimize, optimize(size))]
pub fn calculate(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let market_path = Path::root().key("market");
    let market = Reflect::get(&scenario, &"market".into()).unwrap_or(JsValue::UNDEFINED);
    let table = table_of(&market).map_err(|p| one_issue(market_path, p))?;
    let mut issues = Issues::new();
    let scenario = decode_root(scenario, "scenario", &mut issues);
    if !issues.is_empty() {
        return Err(invalid_input(&issues));
    }
    respond(crate::scenario::calculate(&scenario, table.as_deref()))
}

/// Many RESV regions over one market table, each allocated as `calculate` would.
#[wasm_bindgen(js_name = allocateRegions, unchecked_return_type = "RegionResult[]")]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn allocate_regions(
    #[wasm_bindgen(unchecked_param_type = "MarketTable")] market: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Region[]")] regions: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocationSettings")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    over_regions(&market, regions, options, crate::scenario::allocate_regions)
}

/// Decodes the table, regions and options of a many-regions export and runs it.
#[cfg_attr(resv_optimize, optimize(size))]
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
#[cfg_attr(resv_optimize, optimize(size))]
pub fn sample_scenario() -> Result<JsValue, JsValue> {
    let scenario = js_sys::JSON::parse(crate::sample::SCENARIO_JSON)?;
    let market = crate::sample::market().map_err(|i| invalid_input(&i))?;
    Reflect::set(&scenario, &"market".into(), &encode(&market.to_rows())?)?;
    Ok(scenario)
}

/// The sample region's market table as a Dutch Excel CSV.
#[wasm_bindgen(js_name = sampleMarketCsv)]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn sample_market_csv() -> String {
    crate::sample::MARKET_CSV.to_owned()
}

/// The difference between two reports (`b − a`) per total, insurer, municipality, line and flow.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
#[cfg_attr(resv_optimize, optimize(size))]
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
#[cfg_attr(resv_optimize, optimize(size))]
pub fn national_view(
    #[wasm_bindgen(unchecked_param_type = "MarketTable")] market: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Region[]")] regions: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "AllocationSettings & { mdz?: { framework?: MoneyInput; population?: number } }"
    )]
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    over_regions(&market, regions, options, crate::scenario::national_view)
}

// ---- Amounts and percentages as people type them (`input::typed`) ----

/// An amount read as typed: the core's form and the page's echo (`"€ 810.500,00"`).
#[derive(Serialize)]
struct TypedAmount {
    amount: crate::money::Money,
    text: String,
}

/// A percentage read as typed: the core's form and the page's echo (`"55,5%"`).
#[derive(Serialize)]
struct TypedPercent {
    percent: String,
    text: String,
}

/// The typed text and the language of a `read*` or `format*` call, or the one error shape.
#[cfg_attr(resv_optimize, optimize(size))]
fn typed_args(
    text: JsValue,
    name: &str,
    lang: Option<String>,
) -> Result<(String, crate::issue::Lang), JsValue> {
    let at = Path::root().key(name);
    let Some(text) = text.as_string() else {
        let mut issues = Issues::new();
        let v = decode_scalar(text, name, &mut issues);
        if issues.is_empty() {
            crate::input::read::wrong_type(&v, crate::issue::Expected::Text, &at, &mut issues);
        }
        return Err(invalid_input(&issues));
    };
    let lang = match lang.as_deref() {
        None => crate::issue::Lang::Nl,
        Some(tag) => crate::input::typed::lang_of(tag).ok_or_else(|| {
            one_issue(
                Path::root().key("lang"),
                crate::issue::Problem::UnknownValue { allowed: "nl, en" },
            )
        })?,
    };
    Ok((text, lang))
}

/// Reads an amount as people type it in the page's language (`"nl"`, the default, or `"en"`):
/// `810.500`, `1.250.000,00`, `€ 1.250.000,-` / `1,250,000.00`, `€1,250,000`; `1250000.00` in
/// both. Returns `{ amount, text }`: the core's form (`"810500.00"`) and how the page says it
/// (`"€ 810.500,00"`). A text that fits no reading throws the one error shape with
/// `amount_unreadable` at `text`, quoting what was typed and how to write it.
#[wasm_bindgen(js_name = readAmount, unchecked_return_type = "TypedAmount")]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let (text, lang) = typed_args(text, "text", lang)?;
    let amount = crate::input::typed::read_amount(&text, lang)
        .map_err(|p| one_issue(Path::root().key("text"), p))?;
    let text = crate::input::typed::amount_phrase(amount, lang);
    encode(&TypedAmount { amount, text })
}

/// Reads a percentage as people type it (`40%`, `55,5`, `55.5 %`). Returns `{ percent, text }`:
/// the core's form (`"55.5"`) and the page's (`"55,5%"`); `percent_unreadable` when it fits no
/// reading. The range (0 to 100) is the calculation's to check.
#[wasm_bindgen(js_name = readPercent, unchecked_return_type = "TypedPercent")]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_percent(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let (text, lang) = typed_args(text, "text", lang)?;
    let percent = crate::input::typed::read_percent(&text, lang)
        .map_err(|p| one_issue(Path::root().key("text"), p))?;
    let shown = crate::input::typed::format_percent(percent, lang);
    encode(&TypedPercent {
        percent: percent.normalize().to_string(),
        text: format!("{shown}%"),
    })
}

/// An amount in the core's form (`"1250000.00"` or a JS number) as a field shows it in the
/// page's language, without the euro sign: `"1.250.000,00"` / `"1,250,000.00"`. What it
/// writes, `readAmount` reads back to the same amount.
#[wasm_bindgen(js_name = formatAmount)]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn format_amount(
    #[wasm_bindgen(unchecked_param_type = "MoneyInput")] amount: JsValue,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let (text, lang) = typed_number(amount, "amount", lang)?;
    let amount =
        crate::money::Money::parse(&text).map_err(|p| one_issue(Path::root().key("amount"), p))?;
    Ok(crate::input::typed::format_amount(amount, lang))
}

/// A percentage in the core's form (`"55.5"` or a JS number) as a field shows it in the page's
/// language: `"55,5"` / `"55.5"`.
#[wasm_bindgen(js_name = formatPercent)]
#[cfg_attr(resv_optimize, optimize(size))]
pub fn format_percent(
    #[wasm_bindgen(unchecked_param_type = "string | number")] value: JsValue,
    lang: Option<String>,
) -> Result<String, JsValue> {
    let (text, lang) = typed_number(value, "value", lang)?;
    let value =
        crate::money::parse_decimal(&text).map_err(|p| one_issue(Path::root().key("value"), p))?;
    Ok(crate::input::typed::format_percent(value, lang))
}

/// A number argument as the core's text (a JS number as `String(n)` prints it).
#[cfg_attr(resv_optimize, optimize(size))]
fn typed_number(
    value: JsValue,
    name: &str,
    lang: Option<String>,
) -> Result<(String, crate::issue::Lang), JsValue> {
    match value.as_f64() {
        Some(n) => typed_args(JsValue::from(decode::number_text(n)), name, lang),
        None => typed_args(value, name, lang),
    }
}
