//! The one error converter: every core [`Issues`] becomes a JS `Error` with
//! `code: "invalid_input"` and the list of issues, each with its path and both languages.

use super::decode::encode;
use crate::issue::{Issue, Issues, Lang, Path, Problem};
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of a core call for JS: the encoded value, or the one error shape.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn respond<T: Serialize>(result: Result<T, Issues>) -> Result<JsValue, JsValue> {
    match result {
        Ok(value) => encode(&value),
        Err(issues) => Err(invalid_input(&issues)),
    }
}

/// The one error shape for a single problem.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn one_issue(path: Path, problem: Problem) -> JsValue {
    invalid_input(&Issues::from(Issue::new(path, problem)))
}

/// The one error converter: a JS `Error` with `code: "invalid_input"` and `issues`.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn invalid_input(issues: &Issues) -> JsValue {
    const LISTED: usize = 5;
    let all = issues.as_slice();
    let text = crate::issue::invalid_input_summary(all, LISTED);
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
