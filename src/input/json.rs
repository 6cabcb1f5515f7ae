//! The fast way in: the JSON text of a plain-data argument read into a [`Value`].
//!
//! In Wasm, walking a JS argument value by value costs several calls across the JS boundary
//! per value, and on a fresh instance every one of them runs cold glue code (issue 19: most
//! of the first `calculate`). So the package's JS side first writes an argument that is plain
//! data (objects, arrays, strings, finite numbers, booleans, `null`/`undefined`) as JSON text,
//! numbers as `String(n)` prints them, and this reader turns that text into the same
//! [`Value`] the walker would have made. It reads only *clean* input: text that is not JSON,
//! or that reaches any of the decoder's bounds (depth, items, values, text lengths), gives
//! `None`, and the caller falls back to the walker, which reports each problem at its path.
//!
//! Strings are read as the walker reads a JS string: a lone surrogate (`"\ud800"`, which
//! `JSON.stringify` writes escaped) becomes U+FFFD.

use super::value::{Value, MAX_DEPTH, MAX_ITEMS, MAX_NODES};

/// The text bounds of one argument, in UTF-16 units: one string, and all strings (keys
/// included) together.
#[derive(Clone, Copy, Debug)]
pub struct TextLimits {
    /// The longest string.
    pub one: usize,
    /// All strings together.
    pub total: usize,
}

/// Reads `text`, the JSON of one argument, into a [`Value`]; `None` when it is not JSON or
/// reaches a bound (the walker then reads the argument itself).
///
/// # Example
/// ```
/// use resv_calc::input::json::{parse, TextLimits};
/// use resv_calc::value::Value;
/// let limits = TextLimits { one: 1000, total: 1000 };
/// let v = parse(r#"{"total":"100.00","weights":[1,2.5]}"#, limits).unwrap();
/// assert_eq!(v.get("total"), Some(&Value::Text("100.00".into())));
/// assert!(parse(r#"{"total":"#, limits).is_none());
/// ```
pub fn parse(text: &str, limits: TextLimits) -> Option<Value> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        nodes_left: MAX_NODES,
        text_left: limits.total,
        one: limits.one,
    };
    let value = reader.value(0)?;
    reader.space();
    (reader.at == reader.bytes.len()).then_some(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    nodes_left: usize,
    text_left: usize,
    one: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn bump(&mut self) {
        self.at = self.at.saturating_add(1);
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// Consumes `byte` (after any space), or fails.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.bump())
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Option<Value> {
        let end = self.at.checked_add(word.len())?;
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.at = end;
            value
        })
    }

    /// Takes one value from the budget, as the walker does per list item and object field.
    fn take(&mut self) -> Option<()> {
        self.nodes_left = self.nodes_left.checked_sub(1)?;
        Some(())
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.list(depth),
            b'"' => self.string().map(Value::Text),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'n' => self.literal(b"null", Value::Null),
            _ => self.number().map(Value::Number),
        }
    }

    /// The elements of a list or object, its opening bracket next, up to `close`: `each`
    /// reads one and keeps it, counted against the item and value bounds as the walker counts.
    fn elements(&mut self, close: u8, mut each: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.bump();
        self.space();
        if self.peek()? == close {
            self.bump();
            return Some(());
        }
        let mut count = 0usize;
        loop {
            if count >= MAX_ITEMS {
                return None;
            }
            count = count.saturating_add(1);
            self.take()?;
            each(self)?;
            self.space();
            match self.peek()? {
                b',' => self.bump(),
                c if c == close => {
                    self.bump();
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn list(&mut self, depth: usize) -> Option<Value> {
        let mut items = Vec::new();
        self.elements(b']', |r| {
            let item = r.value(depth.saturating_add(1))?;
            items.try_reserve(1).ok()?;
            items.push(item);
            Some(())
        })?;
        Some(Value::list(items))
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        let mut fields = Vec::new();
        self.elements(b'}', |r| {
            r.space();
            if r.peek()? != b'"' {
                return None;
            }
            let key = r.string()?;
            r.expect(b':')?;
            let value = r.value(depth.saturating_add(1))?;
            fields.try_reserve(1).ok()?;
            fields.push((key, value));
            Some(())
        })?;
        Some(Value::object(fields))
    }

    /// A number in JSON's grammar, kept as its text (`String(n)`'s own digits).
    fn number(&mut self) -> Option<String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek()? {
            b'0' => self.bump(),
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.bump();
            self.some_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            self.some_digits()?;
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        Some(text.to_owned())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// A string (the opening quote is next), checked against the text bounds.
    fn string(&mut self) -> Option<String> {
        self.bump();
        let mut out = String::new();
        let mut units = 0usize;
        loop {
            let rest = self.bytes.get(self.at..)?;
            let run = memchr::memchr2(b'"', b'\\', rest)?;
            let plain = rest.get(..run)?;
            if plain.iter().any(|&b| b < 0x20) {
                return None;
            }
            // UTF-16 units: one per character, two for those beyond the BMP (4-byte UTF-8).
            let chars = plain.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
            let astral = plain.iter().filter(|&&b| b >= 0xF0).count();
            units = units.checked_add(chars)?.checked_add(astral)?;
            out.push_str(std::str::from_utf8(plain).ok()?);
            self.at = self.at.checked_add(run)?;
            let quote = self.peek()? == b'"';
            self.bump();
            if quote {
                break;
            }
            units = units.checked_add(self.escape(&mut out)?)?;
        }
        if units > self.one || units > self.text_left {
            return None;
        }
        self.text_left = self.text_left.saturating_sub(units);
        Some(out)
    }

    /// One escape after its backslash: appends the character, returns its UTF-16 units.
    fn escape(&mut self, out: &mut String) -> Option<usize> {
        let c = self.peek()?;
        self.bump();
        let simple = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode(out),
            _ => return None,
        };
        out.push(simple);
        Some(1)
    }

    /// `\uXXXX` (the `u` read), with a following low surrogate when it is a high one.
    fn unicode(&mut self, out: &mut String) -> Option<usize> {
        let unit = self.hex4()?;
        if (0xD800..0xDC00).contains(&unit) {
            let next = self.at;
            if self.bytes.get(next..next.checked_add(2)?) == Some(b"\\u".as_slice()) {
                self.at = next.saturating_add(2);
                let low = self.hex4()?;
                if (0xDC00..0xE000).contains(&low) {
                    let c = 0x10000u32
                        .checked_add((unit.checked_sub(0xD800)?) << 10)?
                        .checked_add(low.checked_sub(0xDC00)?)?;
                    out.push(char::from_u32(c)?);
                    return Some(2);
                }
                // Not a pair: the high one is lone; read the second escape on its own.
                self.at = next;
            }
            out.push(char::REPLACEMENT_CHARACTER);
            return Some(1);
        }
        out.push(char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER));
        Some(1)
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.at.checked_add(4)?;
        let hex = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at = end;
        u32::from_str_radix(hex, 16).ok()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const LIMITS: TextLimits = TextLimits {
        one: 1_000_000,
        total: 64 * 1024 * 1024,
    };

    fn serde(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn reads_what_the_serde_decoder_reads() {
        for text in [
            "null",
            "true",
            "[false,null,\"\"]",
            r#"{"a":1,"b":[1.5,-2,1e+21,5e-324],"c":{"d":"x\"y\\z\n\u00e9"},"a":2}"#,
            r#"{"name":"Zwolle","market":[{"postcode":"8011AB","insured":"12"}]}"#,
            "\"\u{1F600} and \\ud83d\\ude00\"",
            " [ 1 , { } , [ ] ] ",
        ] {
            assert_eq!(parse(text, LIMITS), Some(serde(text)), "{text}");
        }
    }

    #[test]
    fn lone_surrogates_read_as_the_replacement_character() {
        let v = parse(r#""a\ud800b\udc00\ud800\u0041""#, LIMITS).unwrap();
        assert_eq!(v, Value::Text("a\u{FFFD}b\u{FFFD}\u{FFFD}A".into()));
    }

    #[test]
    fn refuses_what_is_not_clean_json() {
        for text in [
            "",
            "[",
            "[1,]",
            "{\"a\"}",
            "{a:1}",
            "01",
            "1.",
            "-",
            "1e",
            "\"\u{1}\"",
            "\"\\x\"",
            "\"\\u12\"",
            "tru",
            "[1] x",
            "NaN",
        ] {
            assert_eq!(parse(text, LIMITS), None, "{text:?}");
        }
    }

    #[test]
    fn bounds_give_none_so_the_walker_reports_them() {
        // The walker reads lists at depths 0 to MAX_DEPTH - 1; one deeper is TooDeep.
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep, LIMITS), None);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok, LIMITS).is_some());
        let items = |n: usize| format!("[{}]", vec!["0"; n].join(","));
        assert!(parse(&items(MAX_ITEMS), LIMITS).is_some());
        assert_eq!(parse(&items(MAX_ITEMS + 1), LIMITS), None);
        let small = TextLimits { one: 3, total: 5 };
        assert!(parse(r#"["abc","\u00e9\ud83d\ude00"]"#, small).is_none());
        assert!(parse(r#"["abc","\u00e9"]"#, small).is_some());
        assert!(parse(r#"["abcd"]"#, small).is_none());
        assert!(parse("[\"\u{1F600}\u{1F600}\"]", small).is_none());
        assert!(parse("[\"\u{1F600}\"]", small).is_some());
    }
}
