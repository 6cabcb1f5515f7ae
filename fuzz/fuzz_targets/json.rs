//! The JSON reader of plain-data arguments (`input::json`): never panics, and what it reads
//! it reads back the same when written out again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::input::json::{parse, TextLimits};
use resv_calc::value::Value;

const LIMITS: TextLimits = TextLimits {
    one: 4096,
    total: 65536,
};

fn write(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::Text(s) => out.push_str(&serde_json::to_string(s).expect("a string writes")),
        Value::List { items, truncated } => {
            assert!(!truncated, "the reader never cuts a list: it gives None");
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Object { fields, truncated } => {
            assert!(!truncated, "the reader never cuts an object: it gives None");
            out.push('{');
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).expect("a key writes"));
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
        Value::TooDeep => panic!("the reader never gives TooDeep: it gives None"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(v) = parse(text, LIMITS) {
        let mut again = String::new();
        write(&v, &mut again);
        assert_eq!(parse(&again, LIMITS).as_ref(), Some(&v), "{again}");
    }
});
