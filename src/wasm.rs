//! The one thin binding layer: every export is decode → core → encode, or the one error shape.
//!
//! Arguments arrive as `JsValue` and are decoded inside the function body (wasm-bindgen's
//! automatic conversions leak on failure and stop at the first problem). Nothing here
//! computes anything; nothing here can panic.

use crate::issue::{Issues, Lang, Path, Problem};
use crate::value::Value;
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
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
/** What every export throws on invalid input. */
export interface InvalidInputError extends Error { code: "invalid_input"; issues: Issue[] }
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

/// Encodes a result for JS: plain objects, money as strings.
fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The one error converter: a JS `Error` with `code: "invalid_input"` and `issues`.
fn invalid_input(issues: &Issues) -> JsValue {
    const LISTED: usize = 5;
    let all = issues.as_slice();
    let summary = |lang: Lang| {
        let mut parts: Vec<String> = all
            .iter()
            .take(LISTED)
            .map(|i| format!("{}: {}", i.path, i.message(lang)))
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
    let total = decode(total, "total", &mut issues);
    let weights = decode(weights, "weights", &mut issues);
    let options = decode(
        options.unwrap_or(JsValue::UNDEFINED),
        "options",
        &mut issues,
    );
    if !issues.is_empty() {
        return Err(invalid_input(&issues));
    }
    match crate::allocate::allocate(&total, &weights, &options) {
        Ok(parts) => encode(&parts),
        Err(issues) => Err(invalid_input(&issues)),
    }
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version().to_owned()
}
