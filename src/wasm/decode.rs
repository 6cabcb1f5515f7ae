//! Decoding arguments into the core's loose [`Value`] tree, and encoding results for JS.
//!
//! **No JS exception may cross a Rust frame.** A JS function called through an import that
//! is not declared `catch` and throws unwinds straight through the Wasm frames: Rust's
//! shadow-stack pointer is never restored, so a few hundred such calls exhaust the stack and
//! every later call fails with `memory access out of bounds` (issue 18). Getters, proxies and
//! detached buffers throw, so the walker below reads a JS value only through operations that
//! cannot throw (`typeof`-like checks, `ArrayBuffer.isView`, reading a genuine string) or
//! through imports declared `catch` (`Reflect.get`, and the two in [`guarded`]); a throw
//! becomes a [`Problem::ReadThrew`] issue at the path of the value that threw.

use super::error::{invalid_input, one_issue};
use crate::input::value::{Value, MAX_DEPTH, MAX_ITEMS, MAX_NODES};
use crate::issue::{Issues, Path, Problem};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The longest string read from a JS argument, in UTF-16 units (longer ones are refused
/// before they are copied into Wasm memory). Names, ids and amounts are far shorter.
pub const MAX_TEXT_UNITS: usize = 1_000_000;

/// The most UTF-16 units of strings (keys and values) read from one argument in all.
pub const MAX_TEXT_TOTAL: usize = 64 * 1024 * 1024;

/// Imports that js-sys declares without `catch` although they can throw on a proxy, so they
/// are declared here again with it. Everything else the walker calls either cannot throw or
/// is `catch` in js-sys already (`Reflect::get`, `Reflect::has`, `Reflect::construct`).
mod guarded {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `Array.isArray(value)`: throws on a revoked proxy.
        #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
        pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;

        /// `Object.keys(value)`: runs a proxy's `ownKeys` and `getOwnPropertyDescriptor` traps.
        #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
        pub fn keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;

        /// `String(n)` of a number primitive (cannot throw): JS's own shortest round-trip
        /// digits, so the module needs no float formatting of its own.
        #[wasm_bindgen(js_name = String)]
        pub fn number_string(n: f64) -> String;
    }
}

/// A JS number as the core's text, exactly as `String(n)` prints it. On the host the core
/// does this itself (`value::js_number_string`, which the tests check against JS's own
/// output); here JS is asked, which keeps `core::fmt`'s float formatting (about 25 KB of code
/// and tables) out of the module.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn number_text(n: f64) -> String {
    guarded::number_string(n)
}

/// Where the walker is: a chain of borrowed segments, turned into a [`Path`] only when an
/// issue is recorded (decoding builds no path for a value that reads cleanly).
enum Trail<'a> {
    /// The argument itself. `nested`: its inner paths start with its name (`weights[1]`);
    /// otherwise (the scenario) they start at the root (`budget[0]`).
    Arg {
        name: &'a str,
        nested: bool,
    },
    Key(&'a Trail<'a>, &'a str),
    Index(&'a Trail<'a>, usize),
}

impl Trail<'_> {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn path(&self) -> Path {
        match self {
            Trail::Arg { name, .. } => Path::root().key(name),
            _ => self.inner(),
        }
    }

    #[cfg_attr(resv_optimize, optimize(size))]
    fn inner(&self) -> Path {
        match self {
            Trail::Arg { name, nested: true } => Path::root().key(name),
            Trail::Arg { nested: false, .. } => Path::root(),
            Trail::Key(parent, key) => parent.inner().key(key),
            Trail::Index(parent, i) => parent.inner().index(*i),
        }
    }
}

/// Walks one argument with the same bounds as the serde decoder of [`Value`]: depth, items
/// per list or object, values in all, plus the string limits above.
struct Walker<'i> {
    /// `Symbol.iterator`, fetched once.
    iterator: JsValue,
    nodes_left: usize,
    text_left: usize,
    issues: &'i mut Issues,
}

impl Walker<'_> {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn fail(&mut self, at: &Trail<'_>, problem: Problem) -> Value {
        self.issues.push(at.path(), problem);
        Value::Null
    }

    /// Takes one value from the budget; `false` when it is spent.
    #[cfg_attr(resv_optimize, optimize(size))]
    fn take(&mut self) -> bool {
        if self.nodes_left == 0 {
            return false;
        }
        self.nodes_left = self.nodes_left.saturating_sub(1);
        true
    }

    /// A genuine JS string, refused before it is copied when it is too long.
    #[cfg_attr(resv_optimize, optimize(size))]
    fn text(&mut self, value: &JsValue, at: &Trail<'_>) -> Option<String> {
        let units = value.unchecked_ref::<js_sys::JsString>().length() as usize;
        if units > MAX_TEXT_UNITS || units > self.text_left {
            self.fail(
                at,
                Problem::TextTooLong {
                    max: MAX_TEXT_UNITS.min(self.text_left),
                },
            );
            return None;
        }
        self.text_left = self.text_left.saturating_sub(units);
        value.as_string()
    }

    #[cfg_attr(resv_optimize, optimize(size))]
    fn value(&mut self, value: &JsValue, depth: usize, at: &Trail<'_>) -> Value {
        if depth >= MAX_DEPTH {
            return Value::TooDeep;
        }
        // Most likely kinds first: each check is a call into JS.
        if let Some(n) = value.as_f64() {
            return Value::Number(number_text(n));
        }
        if value.is_string() {
            return self.text(value, at).map_or(Value::Null, Value::Text);
        }
        if !value.is_object() {
            return self.scalar(value, at);
        }
        match guarded::is_array(value) {
            Err(_) => self.fail(at, Problem::ReadThrew),
            Ok(true) => self.list(value, depth, at),
            Ok(false) => self.object(value, depth, at),
        }
    }

    /// Anything that is neither a number, a string nor an object.
    #[cfg_attr(resv_optimize, optimize(size))]
    fn scalar(&mut self, value: &JsValue, at: &Trail<'_>) -> Value {
        if value.is_null() || value.is_undefined() {
            return Value::Null;
        }
        if let Some(b) = value.as_bool() {
            return Value::Bool(b);
        }
        if value.is_bigint() {
            return match i64::try_from(value.clone()) {
                Ok(v) => Value::Number(v.to_string()),
                Err(v) => match u64::try_from(v) {
                    Ok(v) => Value::Number(v.to_string()),
                    Err(_) => self.fail(at, Problem::Unreadable),
                },
            };
        }
        // A symbol or a function.
        self.fail(at, Problem::Unreadable)
    }

    #[cfg_attr(resv_optimize, optimize(size))]
    fn list(&mut self, list: &JsValue, depth: usize, at: &Trail<'_>) -> Value {
        let length = match js_sys::Reflect::get(list, &"length".into()) {
            Ok(n) => n.as_f64().unwrap_or(0.0),
            Err(_) => return self.fail(at, Problem::ReadThrew),
        };
        // A length is an integer below 2^32; anything else (a proxy's lie) reads as empty.
        let length = if length.is_finite() && length >= 0.0 {
            length.min(f64::from(u32::MAX)) as u32
        } else {
            0
        };
        let mut items = Vec::new();
        let mut truncated = false;
        for i in 0..length {
            // A list of exactly MAX_ITEMS elements is whole: only an element beyond it cuts it.
            if items.len() >= MAX_ITEMS || !self.take() {
                truncated = true;
                break;
            }
            let index = i as usize;
            let child = Trail::Index(at, index);
            let item = match js_sys::Reflect::get_u32(list, i) {
                Ok(item) => self.value(&item, depth.saturating_add(1), &child),
                Err(_) => self.fail(&child, Problem::ReadThrew),
            };
            if items.try_reserve(1).is_err() {
                return self.fail(at, Problem::OutOfMemory);
            }
            items.push(item);
        }
        Value::List { items, truncated }
    }

    #[cfg_attr(resv_optimize, optimize(size))]
    fn object(&mut self, object: &JsValue, depth: usize, at: &Trail<'_>) -> Value {
        // Iterables (Map, Set, typed arrays) and buffers are not plain data, as before.
        let iterable = js_sys::Reflect::has(object, &self.iterator);
        match iterable {
            Err(_) => return self.fail(at, Problem::ReadThrew),
            Ok(true) => return self.fail(at, Problem::Unreadable),
            Ok(false) if object.is_instance_of::<js_sys::ArrayBuffer>() => {
                return self.fail(at, Problem::Unreadable)
            }
            Ok(false) => {}
        }
        let keys = match guarded::keys(object) {
            Ok(keys) => keys,
            Err(_) => return self.fail(at, Problem::ReadThrew),
        };
        let mut fields = Vec::new();
        let mut truncated = false;
        for key in keys.iter() {
            if fields.len() >= MAX_ITEMS || !self.take() {
                truncated = true;
                break;
            }
            // Object.keys gives genuine strings; a proxy's ownKeys trap may not.
            if !key.is_string() {
                return self.fail(at, Problem::Unreadable);
            }
            let Some(name) = self.text(&key, at) else {
                return Value::Null;
            };
            let child = Trail::Key(at, &name);
            let field = match js_sys::Reflect::get(object, &key) {
                Ok(v) => self.value(&v, depth.saturating_add(1), &child),
                Err(_) => self.fail(&child, Problem::ReadThrew),
            };
            if fields.try_reserve(1).is_err() {
                return self.fail(at, Problem::OutOfMemory);
            }
            fields.push((name, field));
        }
        Value::Object { fields, truncated }
    }
}

/// Decodes one argument into the loose tree, recording at its path every part that cannot be
/// read (a function, a throwing getter or proxy, a string over the limit). `name` is the
/// argument's name, which also starts the paths inside it.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn decode(value: JsValue, name: &str, issues: &mut Issues) -> Value {
    walk(&value, Trail::Arg { name, nested: true }, issues)
}

/// Decodes the scenario: paths inside it start at the root (`budget[0].amount`); the scenario
/// as a whole is named `scenario`.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn decode_root(value: JsValue, name: &str, issues: &mut Issues) -> Value {
    walk(
        &value,
        Trail::Arg {
            name,
            nested: false,
        },
        issues,
    )
}

/// The JS half of the fast way in (`plain.js`, shipped in the package's `snippets/`).
mod plain {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/wasm/plain.js")]
    extern "C" {
        /// The argument as JSON text when it is plain data within the bounds, else
        /// `undefined`. It catches everything itself; `catch` keeps even a bug in it from
        /// unwinding through Rust frames.
        #[wasm_bindgen(catch, js_name = plainJson)]
        pub fn plain_json(
            value: &JsValue,
            max_depth: u32,
            max_items: u32,
            max_nodes: u32,
            max_text: u32,
            max_text_total: u32,
        ) -> Result<Option<String>, JsValue>;
    }
}

/// Plain data as JSON text in one call, read by `input::json` (issue 19: most of the first
/// `calculate` of a fresh instance was the walker's boundary crossings running cold glue).
/// `None` for anything else, which the walker then reads.
#[cfg_attr(resv_optimize, optimize(size))]
fn fast(value: &JsValue) -> Option<Value> {
    let bound = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let text = plain::plain_json(
        value,
        bound(MAX_DEPTH),
        bound(MAX_ITEMS),
        bound(MAX_NODES),
        bound(MAX_TEXT_UNITS),
        bound(MAX_TEXT_TOTAL),
    )
    .ok()??;
    let limits = crate::input::json::TextLimits {
        one: MAX_TEXT_UNITS,
        total: MAX_TEXT_TOTAL,
    };
    crate::input::json::parse(&text, limits)
}

#[cfg_attr(resv_optimize, optimize(size))]
fn walk(value: &JsValue, at: Trail<'_>, issues: &mut Issues) -> Value {
    if let Some(v) = fast(value) {
        return v;
    }
    let mut walker = Walker {
        iterator: js_sys::Symbol::iterator().into(),
        nodes_left: MAX_NODES,
        text_left: MAX_TEXT_TOTAL,
        issues,
    };
    walker.value(value, 0, &at)
}

/// An optional `options` argument (absent reads as `undefined`, which the core takes as defaults).
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn decode_options(options: Option<JsValue>, issues: &mut Issues) -> Value {
    decode(options.unwrap_or(JsValue::UNDEFINED), "options", issues)
}

/// Decodes an argument that must be a number or string. A list or object is not decoded (it
/// may be huge): an empty one of the same kind stands in, so the core reports the wrong type
/// in its usual place and order.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn decode_scalar(value: JsValue, name: &str, issues: &mut Issues) -> Value {
    if !value.is_object() {
        return decode(value, name, issues);
    }
    match guarded::is_array(&value) {
        Ok(true) => Value::list(Vec::new()),
        Ok(false) => Value::object(Vec::new()),
        Err(_) => {
            issues.push(Path::root().key(name), Problem::ReadThrew);
            Value::Null
        }
    }
}

/// Encodes a result for JS: plain objects, money as strings. Written as JSON text and read
/// by `JSON.parse` in one call (no value crosses the boundary on its own).
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn encode<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = crate::output::to_json(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

/// UTF-16 units copied into Wasm per step when a string argument is read as bytes.
const TEXT_CHUNK: u32 = 1 << 20;

/// The UTF-8 bytes of a JS string, read in chunks so the file limit is checked on the bytes
/// themselves (a string of 256 Mi units may be 768 MiB as UTF-8) before more is copied.
/// `None` when the bytes pass `max`; `Err` when Wasm memory runs out.
#[cfg_attr(resv_optimize, optimize(size))]
fn string_bytes(s: &js_sys::JsString, max: usize) -> Result<Option<Vec<u8>>, Problem> {
    let length = s.length();
    let mut out: Vec<u8> = Vec::new();
    out.try_reserve_exact((length as usize).min(max))
        .map_err(|_| Problem::OutOfMemory)?;
    let mut start = 0u32;
    while start < length {
        let mut end = start.saturating_add(TEXT_CHUNK).min(length);
        // Never split a surrogate pair between two chunks (0xD800..0xDC00: a high surrogate).
        if end < length && (55296.0..56320.0).contains(&s.char_code_at(end.saturating_sub(1))) {
            end = end.saturating_add(1);
        }
        let chunk = String::from(s.slice(start, end));
        if chunk.len() > max.saturating_sub(out.len()) {
            return Ok(None);
        }
        out.try_reserve(chunk.len())
            .map_err(|_| Problem::OutOfMemory)?;
        out.extend_from_slice(chunk.as_bytes());
        start = end;
    }
    Ok(Some(out))
}

/// A CSV argument, checked against the file limit: bytes already in Wasm (a string's UTF-8),
/// or a byte view in JS that the reader copies a piece at a time.
pub(super) enum CsvSource {
    Bytes(Vec<u8>),
    View(js_sys::Uint8Array),
}

/// The CSV argument: a string, `Uint8Array` or `ArrayBuffer` up to the file limit, or the one
/// error shape.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn csv_source(data: JsValue, at: &Path) -> Result<CsvSource, JsValue> {
    let fail = |p: Problem| one_issue(at.clone(), p);
    let max = crate::input::csv::MAX_FILE_BYTES;
    let too_large = Problem::FileTooLarge { max };
    if let Some(s) = data.dyn_ref::<js_sys::JsString>() {
        // Every UTF-16 unit is at least one UTF-8 byte: a longer string is refused uncopied.
        if s.length() as usize > max {
            return Err(fail(too_large));
        }
        return match string_bytes(s, max) {
            Ok(Some(bytes)) => Ok(CsvSource::Bytes(bytes)),
            Ok(None) => Err(fail(too_large)),
            Err(p) => Err(fail(p)),
        };
    }
    // `ArrayBuffer.isView` is false for a proxy, whose byte reads would run its traps.
    if let Some(view) = data
        .dyn_ref::<js_sys::Uint8Array>()
        .filter(|_| js_sys::ArrayBuffer::is_view(&data))
    {
        if view.byte_length() as usize > max {
            return Err(fail(too_large));
        }
        return Ok(CsvSource::View(view.clone()));
    }
    if data.is_instance_of::<js_sys::ArrayBuffer>() {
        // `new Uint8Array(buffer)` throws for a detached buffer or a proxy: caught.
        let constructor = js_sys::Uint8Array::new_with_length(0).constructor();
        let args = js_sys::Array::of1(&data);
        let view = match js_sys::Reflect::construct(&constructor, &args) {
            Ok(v) => v.unchecked_into::<js_sys::Uint8Array>(),
            Err(_) => return Err(fail(Problem::ReadThrew)),
        };
        if view.byte_length() as usize > max {
            return Err(fail(too_large));
        }
        return Ok(CsvSource::View(view));
    }
    let mut issues = Issues::new();
    let v = decode(data, "data", &mut issues);
    if issues.is_empty() {
        crate::input::read::wrong_type(&v, crate::issue::Expected::Text, at, &mut issues);
    }
    Err(invalid_input(&issues))
}

/// Bytes of a byte view copied into Wasm per step: the whole file is never in Wasm memory at
/// once, only the row table and one piece (issue 19).
const PIECE: usize = 1 << 20;

/// Reads a CSV argument into a market table: a view in pieces of [`PIECE`] bytes
/// (`market::parse_csv_pieces`), a string's bytes at once.
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn parse_csv_source(source: &CsvSource) -> Result<crate::market::Market, Issues> {
    match source {
        CsvSource::Bytes(bytes) => crate::market::parse_csv(bytes),
        CsvSource::View(view) => {
            // A detached buffer reads as empty (its length is 0).
            let total = view.byte_length() as usize;
            crate::market::parse_csv_pieces(total, PIECE, |offset, buf| {
                let end = offset.saturating_add(buf.len());
                let (Ok(start), Ok(end)) = (u32::try_from(offset), u32::try_from(end)) else {
                    return;
                };
                let part = view.subarray(start, end);
                // Equal unless the buffer changed size meanwhile (no JS runs while we read).
                if part.length() as usize == buf.len() {
                    part.copy_to(buf);
                }
            })
        }
    }
}
