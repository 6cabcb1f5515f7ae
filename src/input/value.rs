//! The loosely decoded input: whatever a caller passed, as a tree the core can inspect.
//!
//! Exports never let serde map JS objects straight onto typed structs: a typed decode stops
//! at the first problem and reads JS numbers as `f64`. Instead the input becomes a [`Value`]
//! and the core validates it, collecting every problem with its path. Numbers are kept as the
//! text JS's `String(n)` gives them, so `0.1` is exactly one tenth.
//!
//! Decoding is bounded: nesting deeper than [`MAX_DEPTH`] becomes [`Value::TooDeep`], a list
//! longer than [`MAX_ITEMS`] is cut and marked, and one argument decodes at most [`MAX_NODES`]
//! values in all — so no input can exhaust the stack, and none takes more than about two
//! seconds to refuse (decoding crosses the JS boundary per value: about 3 µs each). In Wasm
//! the tree is walked by `wasm::decode` with the same bounds (so a throwing getter cannot
//! unwind past Rust frames); this serde decoder serves the host and its tests.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The deepest nesting of lists and objects that is read; deeper parts become [`Value::TooDeep`].
pub const MAX_DEPTH: usize = 32;

/// The most elements read from one list or object; longer ones are cut and marked. Market
/// tables of national size go through `parseMarketCsv`, not JS arrays.
pub const MAX_ITEMS: usize = 100_000;

/// The most values decoded from one argument in all; beyond it lists and objects are cut.
pub const MAX_NODES: usize = 600_000;

/// A loosely decoded input value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null` or `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A JS number (or BigInt), as `String(n)` prints it (`"0.1"`, `"1e+21"`, `"NaN"`).
    Number(String),
    /// A string.
    Text(String),
    /// A list; `truncated` is set when it had more than [`MAX_ITEMS`] elements.
    List {
        /// The elements read.
        items: Vec<Value>,
        /// Whether elements beyond [`MAX_ITEMS`] were dropped.
        truncated: bool,
    },
    /// An object's own enumerable fields in order; `truncated` as for lists.
    Object {
        /// The fields read.
        fields: Vec<(String, Value)>,
        /// Whether fields beyond [`MAX_ITEMS`] were dropped.
        truncated: bool,
    },
    /// A part nested deeper than [`MAX_DEPTH`], not read.
    TooDeep,
}

impl Value {
    /// A list value (not truncated).
    pub fn list(items: Vec<Value>) -> Value {
        Value::List {
            items,
            truncated: false,
        }
    }

    /// An object value (not truncated).
    pub fn object(fields: Vec<(String, Value)>) -> Value {
        Value::Object {
            fields,
            truncated: false,
        }
    }

    /// The value of field `key` when this is an object that has it (the last one wins, as in JS).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object { fields, .. } => {
                fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// Whether this is `null`/`undefined`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The JS `typeof`-like name of this value, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::Text(_) => "string",
            Value::List { .. } => "array",
            Value::Object { .. } => "object",
            Value::TooDeep => "nested too deep",
        }
    }
}

/// Formats a double exactly as JS's `Number.prototype.toString()` (and so `String(n)`) does.
///
/// Rust's `{:e}` gives the shortest digits that round-trip, as ECMAScript requires; this
/// function only places the decimal point and exponent by ECMAScript's rules.
///
/// # Example
/// ```
/// use resv_calc::value::js_number_string;
/// assert_eq!(js_number_string(0.1), "0.1");
/// assert_eq!(js_number_string(1e21), "1e+21");
/// assert_eq!(js_number_string(-0.0), "0");
/// ```
pub fn js_number_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if x == 0.0 {
        return "0".into();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exp: i64 = exp.parse().unwrap_or(0);
    let k = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    // ECMAScript's n: the decimal point sits after the n-th digit.
    let n = exp.saturating_add(1);
    let sign = if x < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        let zeros = usize::try_from(n.saturating_sub(k)).unwrap_or(0);
        format!("{digits}{}", "0".repeat(zeros))
    } else if 0 < n && n <= 21 {
        let at = usize::try_from(n).unwrap_or(0);
        let (int, frac) = digits.split_at(at.min(digits.len()));
        format!("{int}.{frac}")
    } else if -6 < n && n <= 0 {
        let zeros = usize::try_from(n.saturating_neg()).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    } else {
        let e = n.saturating_sub(1);
        let e_sign = if e < 0 { "-" } else { "+" };
        let (first, rest) = digits.split_at(1.min(digits.len()));
        if rest.is_empty() {
            format!("{first}e{e_sign}{}", e.unsigned_abs())
        } else {
            format!("{first}.{rest}e{e_sign}{}", e.unsigned_abs())
        }
    };
    format!("{sign}{body}")
}

impl<'de> de::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        let budget = std::cell::Cell::new(MAX_NODES);
        Seed {
            depth: 0,
            budget: &budget,
        }
        .deserialize(deserializer)
    }
}

/// Deserializes one [`Value`] at a known depth.
#[derive(Clone, Copy)]
struct Seed<'b> {
    depth: usize,
    /// Values left to decode for the whole argument.
    budget: &'b std::cell::Cell<usize>,
}

impl Seed<'_> {
    /// Takes one value from the budget; `false` when it is spent.
    fn take(&self) -> bool {
        let left = self.budget.get();
        if left == 0 {
            return false;
        }
        self.budget.set(left.saturating_sub(1));
        true
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        if self.depth >= MAX_DEPTH {
            // Do not descend: serde-wasm-bindgen's ignored_any reads nothing of the value.
            deserializer.deserialize_ignored_any(Skip)
        } else {
            deserializer.deserialize_any(ValueVisitor { seed: self })
        }
    }
}

/// Accepts anything without reading it, giving [`Value::TooDeep`].
struct Skip;

impl<'de> Visitor<'de> for Skip {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Value, E> {
        Ok(Value::TooDeep)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        // Only reached with readers that do walk ignored values (serde_json): skip flatly.
        let budget = std::cell::Cell::new(0);
        while seq
            .next_element_seed(Seed {
                depth: MAX_DEPTH,
                budget: &budget,
            })?
            .is_some()
        {}
        Ok(Value::TooDeep)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let budget = std::cell::Cell::new(0);
        while map
            .next_entry_seed(
                std::marker::PhantomData::<de::IgnoredAny>,
                Seed {
                    depth: MAX_DEPTH,
                    budget: &budget,
                },
            )?
            .is_some()
        {}
        Ok(Value::TooDeep)
    }
}

struct ValueVisitor<'b> {
    seed: Seed<'b>,
}

impl<'de> Visitor<'de> for ValueVisitor<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON-like value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.seed.deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(js_number_string(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let child = Seed {
            depth: self.seed.depth.saturating_add(1),
            budget: self.seed.budget,
        };
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        let mut truncated = false;
        loop {
            // Check the budget before reading the element: a refused list costs nothing more
            // to read. A list of exactly MAX_ITEMS elements is whole: only an element beyond
            // it marks the list truncated.
            if !child.take() {
                truncated = true;
                break;
            }
            match seq.next_element_seed(child)? {
                Some(item) if items.len() < MAX_ITEMS => items.push(item),
                Some(_) => {
                    truncated = true;
                    break;
                }
                None => break,
            }
        }
        Ok(Value::List { items, truncated })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let child = Seed {
            depth: self.seed.depth.saturating_add(1),
            budget: self.seed.budget,
        };
        let mut fields = Vec::new();
        let mut truncated = false;
        while let Some(key) = map.next_key::<String>()? {
            if fields.len() >= MAX_ITEMS || !child.take() {
                truncated = true;
                break;
            }
            let value = map.next_value_seed(child)?;
            fields.push((key, value));
        }
        Ok(Value::Object { fields, truncated })
    }
}

/// Serializes a count of persons as a JSON number: an integer when whole (so every JSON
/// writer prints it the same, `59843`), else through [`crate::output`]'s number: in the
/// package, the nearest double of the exact count (`258.999741`). Another serializer than
/// [`crate::output::to_json`] gets a fractional count as its exact text, a string.
pub fn serialize_count<S: serde::Serializer>(
    d: &rust_decimal::Decimal,
    s: S,
) -> Result<S::Ok, S::Error> {
    let n = d.normalize();
    if n.scale() == 0 {
        if let Ok(whole) = u64::try_from(n.mantissa()) {
            return s.serialize_u64(whole);
        }
    }
    crate::output::serialize_decimal_number(&n, s)
}

#[cfg(test)]
mod tests {
    use super::js_number_string;

    #[test]
    fn formats_numbers_as_js_string_does() {
        // Expected texts are what Node 20 prints for String(x).
        let table: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (0.3, "0.3"),
            (1.0, "1"),
            (-12.5, "-12.5"),
            (1250000.0, "1250000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (1.5e300, "1.5e+300"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (1.25e-7, "1.25e-7"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "0"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (9007199254740993.0, "9007199254740992"),
        ];
        for &(x, want) in table {
            assert_eq!(js_number_string(x), want, "String({x:e})");
        }
    }
}
