//! Decoding arguments into the core's loose [`Value`] tree, and encoding results for JS.

use super::error::{invalid_input, one_issue};
use crate::input::value::Value;
use crate::issue::{Issues, Path, Problem};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Decodes one argument into the loose tree, or records why it cannot be read at all.
pub(super) fn decode(value: JsValue, name: &str, issues: &mut Issues) -> Value {
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

/// An optional `options` argument (absent reads as `undefined`, which the core takes as defaults).
pub(super) fn decode_options(options: Option<JsValue>, issues: &mut Issues) -> Value {
    decode(options.unwrap_or(JsValue::UNDEFINED), "options", issues)
}

/// Decodes an argument that must be a number or string. A list or object is not decoded (it
/// may be huge): an empty one of the same kind stands in, so the core reports the wrong type
/// in its usual place and order.
pub(super) fn decode_scalar(value: JsValue, name: &str, issues: &mut Issues) -> Value {
    if js_sys::Array::is_array(&value) {
        Value::list(Vec::new())
    } else if value.is_object() {
        Value::object(Vec::new())
    } else {
        decode(value, name, issues)
    }
}

/// Encodes a result for JS: plain objects, money as strings.
pub(super) fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The bytes of a CSV argument: a string, `Uint8Array` or `ArrayBuffer` up to the file limit,
/// or the one error shape.
pub(super) fn csv_bytes(data: JsValue, at: &Path) -> Result<Vec<u8>, JsValue> {
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
            crate::input::read::wrong_type(&v, crate::issue::Expected::Text, at, &mut issues);
        }
        return Err(invalid_input(&issues));
    };
    Ok(bytes)
}
