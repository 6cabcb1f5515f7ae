//! Shared by the fuzz targets that build reports (`#[path]` module, not a target of its own):
//! the report's JSON as the package writes it is valid and says what `serde_json` says.

/// Checks `output::to_json` of a report against `serde_json`'s view of the same value.
pub fn check<T: serde::Serialize>(report: &T) {
    let text = resv_calc::output::to_json(report).expect("a report writes");
    let ours: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let theirs = serde_json::to_value(report).unwrap();
    assert!(same(&ours, &theirs), "{text}");
}

/// The same JSON, except that a fractional count is a number in ours where `serde_json`,
/// which does not know the writer's number token, writes its exact text as a string.
fn same(ours: &serde_json::Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (J::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (J::Object(a), J::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        (J::Number(n), J::String(s)) => s.parse::<f64>().ok() == n.as_f64() && s.contains('.'),
        _ => ours == theirs,
    }
}
