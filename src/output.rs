//! The JSON text of results: a compact serde writer, byte for byte what `serde_json` writes
//! for the core's reports (the host tests hold it to that), kept small for the Wasm module
//! (issue 19).
//!
//! Why not `serde_json` itself: its writer, with every report field's key and separator
//! inlined into one function, was about 45 KB of the module. Here each field costs a call
//! to one shared, non-generic key writer plus its value's own code. Strings are escaped as
//! `serde_json` escapes them (`"`, `\`, and control characters; nothing else). The only
//! floating-point values the core writes are counts of persons with a fraction, and those are
//! written as their exact decimal text ([`serialize_decimal_number`]): any JSON reader, JS's
//! `JSON.parse` among them, reads that as the nearest double.
//!
//! # Example
//! ```
//! #[derive(serde::Serialize)]
//! #[serde(rename_all = "camelCase")]
//! struct Line<'a> { name: &'a str, amount_due: Option<u32>, tags: Vec<&'a str> }
//! let line = Line { name: "Zorg \"thuis\"", amount_due: None, tags: vec!["a", "b"] };
//! assert_eq!(
//!     resv_calc::output::to_json(&line).unwrap(),
//!     r#"{"name":"Zorg \"thuis\"","amountDue":null,"tags":["a","b"]}"#
//! );
//! ```

use rust_decimal::Decimal;
use serde::ser::{self, Serialize};
use std::fmt;

/// Writes `value` as compact JSON text.
///
/// # Errors
/// [`Error`] for what JSON cannot hold: a non-finite or any other floating-point number (the
/// core has none), a map key that is not a string or an integer, or a value's own error.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut w = Writer {
        out: String::with_capacity(4096),
    };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// Serializes a decimal as a JSON number, its exact text (`59843`, `12.5`), never rounded.
///
/// # Errors
/// Only the serializer's own.
pub fn serialize_decimal_number<S: ser::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_newtype_struct(NUMBER_TOKEN, &d.normalize().to_string())
}

/// The newtype name by which [`serialize_decimal_number`] hands this writer a number's text
/// (another serializer writes the text as a string).
const NUMBER_TOKEN: &str = "$resv_calc::number";

/// What the writer refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

fn refuse(what: &str) -> Error {
    Error(format!("JSON cannot hold {what}"))
}

struct Writer {
    out: String,
}

impl Writer {
    /// A JSON string literal, escaped as `serde_json` escapes it.
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    fn string(&mut self, s: &str) {
        self.out.push('"');
        // Most texts (keys, amounts, names) need no escape: one scan, one copy.
        if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
            self.out.push_str(s);
            self.out.push('"');
            return;
        }
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape: Option<&str> = match b {
                b'"' => Some("\\\""),
                b'\\' => Some("\\\\"),
                b'\n' => Some("\\n"),
                b'\r' => Some("\\r"),
                b'\t' => Some("\\t"),
                0x08 => Some("\\b"),
                0x0c => Some("\\f"),
                0..=0x1f => None,
                _ => continue,
            };
            self.out.push_str(s.get(start..i).unwrap_or_default());
            match escape {
                Some(e) => self.out.push_str(e),
                None => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    for nibble in [b >> 4, b & 0xf] {
                        self.out
                            .push(char::from(*HEX.get(usize::from(nibble)).unwrap_or(&b'0')));
                    }
                }
            }
            start = i.saturating_add(1);
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    /// An unsigned integer's digits (the sign, if any, is already written).
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    fn digits(&mut self, n: u128) {
        let mut buf = [0u8; 40];
        let mut at = buf.len();
        let mut put = |digit: u8| {
            at = at.saturating_sub(1);
            if let Some(slot) = buf.get_mut(at) {
                *slot = b'0'.saturating_add(digit);
            }
        };
        // 128-bit division is a library call in Wasm: only the digits above u64 take it.
        let mut low = match u64::try_from(n) {
            Ok(small) => small,
            Err(_) => {
                const TEN19: u128 = 10_000_000_000_000_000_000;
                let (mut high, low) = (n / TEN19, n % TEN19);
                // low < 10^19: it fits, and takes exactly 19 digits (zeros included) below high.
                let mut low = u64::try_from(low).unwrap_or_default();
                for _ in 0..19 {
                    put((low % 10) as u8);
                    low /= 10;
                }
                while high > 0 {
                    put((high % 10) as u8);
                    high /= 10;
                }
                self.out.push_str(
                    std::str::from_utf8(buf.get(at..).unwrap_or_default()).unwrap_or_default(),
                );
                return;
            }
        };
        loop {
            // low % 10 < 10: the cast cannot truncate.
            put((low % 10) as u8);
            low /= 10;
            if low == 0 {
                break;
            }
        }
        self.out
            .push_str(std::str::from_utf8(buf.get(at..).unwrap_or_default()).unwrap_or_default());
    }

    #[inline(never)]
    fn signed(&mut self, n: i128) {
        if n < 0 {
            self.out.push('-');
        }
        self.digits(n.unsigned_abs());
    }

    /// The separator before an element or a field: none before the first.
    #[inline(never)]
    fn comma(&mut self, first: &mut bool) {
        if !std::mem::take(first) {
            self.out.push(',');
        }
    }

    /// `,"key":` (or without the comma for the first field).
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    fn key(&mut self, first: &mut bool, key: &str) {
        self.comma(first);
        self.string(key);
        self.out.push(':');
    }
}

/// A list or an object being written; `first` until its first element.
#[doc(hidden)]
pub struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    /// The bracket that closes it, and a second one for a variant's wrapping object.
    close: &'static str,
}

impl<'a> Compound<'a> {
    fn open(w: &'a mut Writer, open: &str, close: &'static str) -> Compound<'a> {
        w.out.push_str(open);
        Compound {
            w,
            first: true,
            close,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.w.comma(&mut self.first);
        value.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.w.key(&mut self.first, key);
        value.serialize(&mut *self.w)
    }

    fn close(self) -> Result<(), Error> {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

/// The serializer's methods for every integer type serde names: each widened to 128 bits
/// and written by `Writer::signed` (with its sign) or `Writer::digits`.
macro_rules! integers {
    ($($writer:ident: $($method:ident($ty:ty))*);*) => {$($(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.$writer(v.into());
            Ok(())
        }
    )*)*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    integers!(
        signed: serialize_i8(i8) serialize_i16(i16) serialize_i32(i32) serialize_i64(i64)
            serialize_i128(i128);
        digits: serialize_u8(u8) serialize_u16(u16) serialize_u32(u32) serialize_u64(u64)
            serialize_u128(u128)
    );
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(refuse(
            "a floating-point number (write it with serialize_decimal_number)",
        ))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(refuse(
            "a floating-point number (write it with serialize_decimal_number)",
        ))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut list = Compound::open(self, "[", "]");
        for b in v {
            list.element(b)?;
        }
        list.close()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if name == NUMBER_TOKEN {
            // The exact text of a decimal number (serialize_decimal_number).
            return value.serialize(NumberText(self));
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = Compound::open(self, "{", "}");
        object.field(variant, value)?;
        object.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, "[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, "[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, "[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        self.string(variant);
        Ok(Compound::open(self, ":[", "]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, "{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, "{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        self.string(variant);
        Ok(Compound::open(self, ":{", "}}"))
    }
}

/// The list-like compounds (`[...]`): each element after a comma.
macro_rules! list_compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

list_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.w.comma(&mut self.first);
        key.serialize(MapKey(&mut *self.w))?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// The struct-like compounds (`{...}`): each field as `"key":value`.
macro_rules! struct_compound {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

struct_compound!(SerializeStruct, SerializeStructVariant);

/// A map key: a string as it is, an integer quoted (as `serde_json` writes them); anything
/// else is refused.
struct MapKey<'a>(&'a mut Writer);

/// A number's text from [`serialize_decimal_number`], written unquoted.
struct NumberText<'a>(&'a mut Writer);

/// The methods of a serializer that accepts only strings (and, for map keys, integers).
macro_rules! only_strings {
    ($ty:ident, $what:literal, $str:expr, $int:expr) => {
        impl ser::Serializer for $ty<'_> {
            type Ok = ();
            type Error = Error;
            type SerializeSeq = ser::Impossible<(), Error>;
            type SerializeTuple = ser::Impossible<(), Error>;
            type SerializeTupleStruct = ser::Impossible<(), Error>;
            type SerializeTupleVariant = ser::Impossible<(), Error>;
            type SerializeMap = ser::Impossible<(), Error>;
            type SerializeStruct = ser::Impossible<(), Error>;
            type SerializeStructVariant = ser::Impossible<(), Error>;

            fn serialize_str(self, v: &str) -> Result<(), Error> {
                let write: fn(&mut Writer, &str) = $str;
                write(self.0, v);
                Ok(())
            }
            fn serialize_i8(self, v: i8) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_i16(self, v: i16) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_i32(self, v: i32) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_i64(self, v: i64) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_u8(self, v: u8) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_u16(self, v: u16) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_u32(self, v: u32) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_u64(self, v: u64) -> Result<(), Error> {
                $int(self.0, i128::from(v))
            }
            fn serialize_bool(self, _: bool) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_f32(self, _: f32) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_f64(self, _: f64) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_char(self, v: char) -> Result<(), Error> {
                self.serialize_str(v.encode_utf8(&mut [0; 4]))
            }
            fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_none(self) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_unit(self) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_unit_variant(
                self,
                _: &'static str,
                _: u32,
                v: &'static str,
            ) -> Result<(), Error> {
                self.serialize_str(v)
            }
            fn serialize_newtype_struct<T: Serialize + ?Sized>(
                self,
                _: &'static str,
                v: &T,
            ) -> Result<(), Error> {
                v.serialize(self)
            }
            fn serialize_newtype_variant<T: Serialize + ?Sized>(
                self,
                _: &'static str,
                _: u32,
                _: &'static str,
                _: &T,
            ) -> Result<(), Error> {
                Err(refuse($what))
            }
            fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
                Err(refuse($what))
            }
            fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
                Err(refuse($what))
            }
            fn serialize_tuple_struct(
                self,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeTupleStruct, Error> {
                Err(refuse($what))
            }
            fn serialize_tuple_variant(
                self,
                _: &'static str,
                _: u32,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeTupleVariant, Error> {
                Err(refuse($what))
            }
            fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
                Err(refuse($what))
            }
            fn serialize_struct(
                self,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeStruct, Error> {
                Err(refuse($what))
            }
            fn serialize_struct_variant(
                self,
                _: &'static str,
                _: u32,
                _: &'static str,
                _: usize,
            ) -> Result<Self::SerializeStructVariant, Error> {
                Err(refuse($what))
            }
        }
    };
}

only_strings!(
    MapKey,
    "a map key other than a string or an integer",
    Writer::string,
    |w: &mut Writer, n: i128| {
        w.out.push('"');
        w.signed(n);
        w.out.push('"');
        Ok(())
    }
);

only_strings!(
    NumberText,
    "a number other than its text",
    number,
    |w: &mut Writer, n: i128| {
        w.signed(n);
        Ok(())
    }
);

/// A decimal number's text in the Wasm build: written exactly; `JSON.parse` makes it the
/// nearest double, and `JSON.stringify` of the result writes that double's shortest text.
#[cfg(target_arch = "wasm32")]
fn number(w: &mut Writer, text: &str) {
    w.out.push_str(text);
}

/// A decimal number's text in the native build: the shortest text of its nearest double, as
/// JS's `JSON.stringify` writes it (plain digits from 10⁻⁶ up, an exponent below), so the
/// native JSON is byte for byte what the package's result stringifies to.
#[cfg(not(target_arch = "wasm32"))]
fn number(w: &mut Writer, text: &str) {
    use std::fmt::Write;
    let x: f64 = text.parse().unwrap_or(f64::NAN);
    let _ = if !x.is_finite() {
        w.out.write_str("null")
    } else if x != 0.0 && x.abs() < 1e-6 {
        write!(w.out, "{x:?}")
    } else {
        write!(w.out, "{x}")
    };
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, i8),
        Named { a: bool },
    }

    #[derive(serde::Serialize)]
    struct Inner {
        x: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        text: String,
        big: u128,
        small: i128,
        #[serde(flatten)]
        inner: Inner,
        kinds: Vec<Kind>,
        map: BTreeMap<String, i32>,
        int_keys: BTreeMap<u16, ()>,
        tuple: (char, bool, ()),
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let all_bytes: String = (0u8..0x80).map(char::from).collect();
        let value = Outer {
            text: format!("{all_bytes}é€\u{2028}😀"),
            big: u128::MAX,
            small: i128::MIN,
            inner: Inner {
                x: None,
                skipped: None,
            },
            kinds: vec![
                Kind::Plain,
                Kind::Wrapped(7),
                Kind::Pair(1, -1),
                Kind::Named { a: true },
            ],
            map: [("b".into(), -2), ("a\"".into(), 1)].into_iter().collect(),
            int_keys: [(3, ()), (10, ())].into_iter().collect(),
            tuple: ('"', false, ()),
            empty: vec![],
            empty_map: BTreeMap::new(),
        };
        assert_eq!(
            to_json(&value).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(to_json(&-0i8).unwrap(), "0");
        assert_eq!(to_json(&i64::MIN).unwrap(), i64::MIN.to_string());
        for n in [
            0,
            9,
            10,
            u128::from(u64::MAX),
            u128::from(u64::MAX) + 1,
            10u128.pow(19),
            10u128.pow(19) + 5,
            10u128.pow(38),
        ] {
            assert_eq!(to_json(&n).unwrap(), n.to_string());
        }
    }

    #[test]
    fn writes_decimal_numbers_as_their_exact_text() {
        #[derive(serde::Serialize)]
        struct Count {
            #[serde(serialize_with = "serialize_decimal_number")]
            n: Decimal,
        }
        let json = |n: Decimal| to_json(&Count { n }).unwrap();
        assert_eq!(json(Decimal::new(598430, 1)), r#"{"n":59843}"#);
        assert_eq!(json(Decimal::new(-125, 1)), r#"{"n":-12.5}"#);
        // Natively, the nearest double as JS writes it (the Wasm build writes the exact
        // text, which JSON.parse reads as that double).
        assert_eq!(
            json(Decimal::ONE / Decimal::from(3)),
            r#"{"n":0.3333333333333333}"#
        );
        assert_eq!(json(Decimal::new(15, 8)), r#"{"n":1.5e-7}"#);
        assert_eq!(json(Decimal::new(1, 6)), r#"{"n":0.000001}"#);
        let nearly = "258.99999999999999999999999".parse::<Decimal>().unwrap();
        assert_eq!(json(nearly), r#"{"n":259}"#);
        // Another serializer gets the text as a string.
        assert_eq!(
            serde_json::to_string(&Count {
                n: Decimal::new(5, 1)
            })
            .unwrap(),
            r#"{"n":"0.5"}"#
        );
    }

    #[test]
    fn refuses_what_json_cannot_hold() {
        assert!(to_json(&1.5f64).is_err());
        let map: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        assert!(to_json(&map).is_err());
    }
}
