//! The loose input tree: JSON-like input of any shape decodes without failing.

use crate::json;
use resv_calc::value::{Value, MAX_DEPTH};

#[test]
fn reads_numbers_as_js_prints_them() {
    assert_eq!(json("0.1"), Value::Number("0.1".into()));
    assert_eq!(json("1e3"), Value::Number("1000".into()));
    assert_eq!(json("-7"), Value::Number("-7".into()));
    assert_eq!(json("1e21"), Value::Number("1e+21".into()));
}

#[test]
fn marks_parts_nested_too_deep_instead_of_recursing() {
    let text = format!("{}{}", "[".repeat(MAX_DEPTH + 5), "]".repeat(MAX_DEPTH + 5));
    let mut v = &json(&text);
    let mut depth = 0;
    while let Value::List { items, .. } = v {
        v = &items[0];
        depth += 1;
    }
    assert_eq!(depth, MAX_DEPTH, "lists read before the cut");
    assert_eq!(*v, Value::TooDeep);
}

#[test]
fn keeps_proto_keys_as_plain_fields() {
    let v = json(r#"{"__proto__": {"x": 1}, "a": 2}"#);
    assert_eq!(v.get("a"), Some(&Value::Number("2".into())));
    assert!(v.get("__proto__").is_some());
}

#[test]
fn a_list_of_exactly_the_limit_is_whole_and_one_more_is_cut() {
    use resv_calc::value::MAX_ITEMS;
    let list = |n: usize| format!("[{}]", vec!["1"; n].join(","));
    for (n, cut) in [
        (MAX_ITEMS - 1, false),
        (MAX_ITEMS, false),
        (MAX_ITEMS + 1, true),
    ] {
        let Value::List { items, truncated } = json(&list(n)) else {
            panic!("{n} elements: not a list");
        };
        assert_eq!(
            (items.len(), truncated),
            (n.min(MAX_ITEMS), cut),
            "{n} elements"
        );
    }
}
