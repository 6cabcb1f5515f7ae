//! Reading CSV text as Dutch finance staff export it, at the byte level.
//!
//! Excel in a Dutch locale writes `;`-separated files in Windows-1252 (or UTF-8 with a BOM,
//! or "Unicode text": UTF-16 with tabs), sometimes with a `sep=;` first line, CRLF line ends,
//! quoted fields and thousands separators in numbers. This module turns such bytes into
//! records of fields without allocating per field: a field is a byte range of the input, or of
//! a scratch buffer when it was quoted with `""` escapes. Text is decoded only where a caller
//! needs it ([`decode_text`]), so a 40 MB file is never copied into a `String`.

use crate::issue::Problem;
use std::borrow::Cow;

/// The largest file accepted, in bytes (256 MiB: the national PC6 table is about 40 MB).
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Checks what kind of file this is and returns the bytes to read as text: without a BOM,
/// UTF-16 converted to UTF-8, a `sep=` line's delimiter taken out.
///
/// # Errors
/// [`Problem::FileEmpty`], [`Problem::FileTooLarge`], [`Problem::FileIsSpreadsheet`] (an
/// XLSX or XLS workbook) or [`Problem::FileIsBinary`].
pub fn prepare(bytes: &[u8]) -> Result<(Cow<'_, [u8]>, Option<u8>), Problem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::FileTooLarge {
            max: MAX_FILE_BYTES,
        });
    }
    let text: Cow<'_, [u8]> = match bytes {
        [0x50, 0x4B, 0x03, 0x04, ..] | [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => {
            return Err(Problem::FileIsSpreadsheet)
        }
        [0xFF, 0xFE, rest @ ..] => Cow::Owned(utf16(rest, u16::from_le_bytes)),
        [0xFE, 0xFF, rest @ ..] => Cow::Owned(utf16(rest, u16::from_be_bytes)),
        [0xEF, 0xBB, 0xBF, rest @ ..] => Cow::Borrowed(rest),
        _ => Cow::Borrowed(bytes),
    };
    let head = text.get(..text.len().min(4096)).unwrap_or_default();
    if head.contains(&0) {
        return Err(Problem::FileIsBinary);
    }
    if text.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::FileEmpty);
    }
    // Old Mac files end lines with a lone CR, and files pasted together mix CR with LF or
    // CRLF; the fast line splitter looks for LF, so every lone CR becomes one (CRLF stays).
    let lone_cr = |i: usize| text.get(i.saturating_add(1)) != Some(&b'\n');
    let text: Cow<'_, [u8]> =
        if memchr::memchr_iter(b'\r', &text).any(lone_cr) {
            let mut out = Vec::new();
            out.try_reserve_exact(text.len())
                .map_err(|_| Problem::OutOfMemory)?;
            out.extend(text.iter().enumerate().map(|(i, &b)| {
                if b == b'\r' && lone_cr(i) {
                    b'\n'
                } else {
                    b
                }
            }));
            Cow::Owned(out)
        } else {
            text
        };
    // `sep=;` (Excel's hint line) names the delimiter.
    let first_end = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
    let first = trim(text.get(..first_end).unwrap_or_default());
    if let [s, e, p, b'=', delimiter] = first {
        if s.eq_ignore_ascii_case(&b's')
            && e.eq_ignore_ascii_case(&b'e')
            && p.eq_ignore_ascii_case(&b'p')
        {
            let delimiter = *delimiter;
            let rest = first_end.saturating_add(1).min(text.len());
            return Ok((
                match text {
                    Cow::Borrowed(b) => Cow::Borrowed(b.get(rest..).unwrap_or_default()),
                    Cow::Owned(b) => Cow::Owned(b.get(rest..).unwrap_or_default().to_vec()),
                },
                Some(delimiter),
            ));
        }
    }
    Ok((text, None))
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Vec<u8> {
    let units = bytes.chunks_exact(2).map(|c| match c {
        [a, b] => read([*a, *b]),
        _ => 0xFFFD,
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    text.into_bytes()
}

/// Picks the delimiter of a header line: the most frequent of `;`, tab and `,` outside quotes
/// (ties in that order, as a Dutch Excel file most likely uses `;`).
pub fn detect_delimiter(text: &[u8]) -> u8 {
    let (mut semi, mut tab, mut comma) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &b in text {
        match b {
            b'\n' if !quoted => break,
            b'"' => quoted = !quoted,
            b';' if !quoted => semi = semi.saturating_add(1),
            b'\t' if !quoted => tab = tab.saturating_add(1),
            b',' if !quoted => comma = comma.saturating_add(1),
            _ => {}
        }
    }
    if semi >= tab && semi >= comma && semi > 0 {
        b';'
    } else if tab >= comma && tab > 0 {
        b'\t'
    } else if comma > 0 {
        b','
    } else {
        b';'
    }
}

/// Where a field's bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// In the input.
    Input(usize, usize),
    /// In the scratch buffer (a quoted field with `""` escapes).
    Scratch(usize, usize),
}

/// A record-at-a-time reader over prepared text.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    line: usize,
    delimiter: u8,
}

/// What went wrong in a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// A quoted field runs to the end of the file.
    UnclosedQuote,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `data`.
    pub fn new(data: &'a [u8], delimiter: u8) -> Reader<'a> {
        Reader {
            data,
            pos: 0,
            line: 0,
            delimiter,
        }
    }

    /// Reads the next record into `fields` (quoted fields with escapes go to `scratch`).
    /// Returns the line number (from 1) where the record starts, or `None` at the end.
    pub fn record(
        &mut self,
        fields: &mut Vec<Field>,
        scratch: &mut Vec<u8>,
    ) -> Option<(usize, Result<(), RecordError>)> {
        if self.pos >= self.data.len() {
            return None;
        }
        self.line = self.line.saturating_add(1);
        let line = self.line;
        fields.clear();
        scratch.clear();
        let delimiter = self.delimiter;
        loop {
            let rest = self.data.get(self.pos..).unwrap_or_default();
            if rest.first() == Some(&b'"') {
                if let Err(e) = self.quoted(fields, scratch) {
                    return Some((line, Err(e)));
                }
            } else {
                let len = rest
                    .iter()
                    .position(|&b| b == delimiter || b == b'\n' || b == b'\r')
                    .unwrap_or(rest.len());
                let end = self.pos.saturating_add(len);
                fields.push(Field::Input(self.pos, end));
                self.pos = end;
            }
            match self.data.get(self.pos) {
                Some(&b) if b == delimiter => self.pos = self.pos.saturating_add(1),
                Some(b'\r') => {
                    self.pos = self.pos.saturating_add(1);
                    if self.data.get(self.pos) == Some(&b'\n') {
                        self.pos = self.pos.saturating_add(1);
                    }
                    return Some((line, Ok(())));
                }
                Some(b'\n') => {
                    self.pos = self.pos.saturating_add(1);
                    return Some((line, Ok(())));
                }
                _ => return Some((line, Ok(()))),
            }
        }
    }

    /// A quoted field starting at `self.pos`; leaves `self.pos` after it.
    fn quoted(
        &mut self,
        fields: &mut Vec<Field>,
        scratch: &mut Vec<u8>,
    ) -> Result<(), RecordError> {
        let start = self.pos.saturating_add(1);
        let mut pos = start;
        let mut owned: Option<usize> = None; // start of this field in scratch once escapes appear
        loop {
            let rest = self.data.get(pos..).unwrap_or_default();
            let Some(q) = rest.iter().position(|&b| b == b'"') else {
                self.pos = self.data.len();
                return Err(RecordError::UnclosedQuote);
            };
            let chunk = rest.get(..q).unwrap_or_default();
            self.line = self
                .line
                .saturating_add(chunk.iter().filter(|&&b| b == b'\n').count());
            let after = pos.saturating_add(q);
            if self.data.get(after.saturating_add(1)) == Some(&b'"') {
                // An escaped quote: copy what we have so far to scratch.
                if owned.is_none() {
                    owned = Some(scratch.len());
                    scratch.extend_from_slice(self.data.get(start..pos).unwrap_or_default());
                }
                scratch.extend_from_slice(chunk);
                scratch.push(b'"');
                pos = after.saturating_add(2);
                continue;
            }
            let tail = self.data.get(after.saturating_add(1)..).unwrap_or_default();
            let skip = tail
                .iter()
                .position(|&b| b == self.delimiter || b == b'\n' || b == b'\r')
                .unwrap_or(tail.len());
            // Spaces between the closing quote and the delimiter are ignored; other text there
            // (`"CZ"x`) belongs to the field, as Excel reads it (`CZx`): dropping it would
            // silently read a different value.
            let tail = tail.get(..skip).unwrap_or_default();
            let keep_tail = tail.iter().any(|&b| b != b' ' && b != b'\t');
            let field = match owned {
                Some(s) => {
                    scratch.extend_from_slice(chunk);
                    if keep_tail {
                        scratch.extend_from_slice(tail);
                    }
                    Field::Scratch(s, scratch.len())
                }
                None if keep_tail => {
                    let s = scratch.len();
                    scratch.extend_from_slice(self.data.get(start..after).unwrap_or_default());
                    scratch.extend_from_slice(tail);
                    Field::Scratch(s, scratch.len())
                }
                None => Field::Input(start, after),
            };
            fields.push(field);
            self.pos = after.saturating_add(1).saturating_add(skip);
            return Ok(());
        }
    }

    /// Where the next record starts, and the line number of the last record read.
    pub fn position(&self) -> (usize, usize) {
        (self.pos, self.line)
    }

    /// Continues reading at `pos`, the last line read being `line`.
    pub fn seek(&mut self, pos: usize, line: usize) {
        self.pos = pos;
        self.line = line;
    }

    /// The bytes of a field.
    pub fn bytes<'s>(&'s self, field: Field, scratch: &'s [u8]) -> &'s [u8] {
        match field {
            Field::Input(a, b) => self.data.get(a..b).unwrap_or_default(),
            Field::Scratch(a, b) => scratch.get(a..b).unwrap_or_default(),
        }
    }
}

/// The bytes without leading and trailing spaces, tabs, carriage returns and non-breaking
/// spaces.
pub fn trim(mut b: &[u8]) -> &[u8] {
    loop {
        b = match b {
            [b' ' | b'\t' | b'\r', rest @ ..] | [0xC2, 0xA0, rest @ ..] | [0xA0, rest @ ..] => rest,
            [rest @ .., b' ' | b'\t' | b'\r'] | [rest @ .., 0xC2, 0xA0] => rest,
            // A lone 0xA0 is Windows-1252's non-breaking space only after an ASCII byte; after
            // any other byte it may end a UTF-8 character (`Š` is C5 A0) and must stay.
            [rest @ .., last, 0xA0] if last.is_ascii() => match rest.len().checked_add(1) {
                Some(n) => b.get(..n).unwrap_or_default(),
                None => return b,
            },
            _ => return b,
        };
    }
}

/// Text from bytes: UTF-8 when valid, else Windows-1252 (what Dutch Excel writes).
pub fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b.wrapping_sub(0x80)))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// The largest count accepted (insured persons or residents in one row).
pub const MAX_COUNT: u64 = 1_000_000_000;

/// Reads a count of persons.
///
/// `lenient` (for text typed or exported by people) accepts thousands separators — `.`, `,`,
/// a space or a non-breaking space between groups of exactly three digits (`12.345`,
/// `12,345`, `1 234 567`) — and a decimal part of only zeros (`1.234,00`). A single `.` or `,`
/// followed by exactly three digits is therefore a thousands separator: `1.000` is a thousand.
/// Strict mode (JS numbers) accepts digits only.
///
/// # Errors
/// [`Problem::CountNegative`], [`Problem::CountFractional`], [`Problem::CountTooLarge`] or
/// [`Problem::CountMalformed`].
pub fn parse_count(text: &[u8], lenient: bool) -> Result<u64, Problem> {
    // Fast path: plain digits.
    if !text.is_empty() && text.len() <= 10 && text.iter().all(u8::is_ascii_digit) {
        let n = text.iter().fold(0u64, |n, &d| {
            n.saturating_mul(10)
                .saturating_add(u64::from(d.wrapping_sub(b'0')))
        });
        return if n > MAX_COUNT {
            Err(Problem::CountTooLarge { max: MAX_COUNT })
        } else {
            Ok(n)
        };
    }
    let malformed = || Problem::CountMalformed {
        found: shorten(&decode_text(text)),
    };
    if text.is_empty() {
        return Err(Problem::Missing);
    }
    if let Some(rest) = text.strip_prefix(b"-") {
        return match parse_count(rest, lenient) {
            Ok(0) => Ok(0),
            Ok(_) | Err(Problem::CountFractional) => Err(Problem::CountNegative),
            Err(e) => Err(e),
        };
    }
    if !lenient {
        // A JS number as `String(n)` prints it: digits with at most a `.` decimal part.
        let (int, frac) = match text.iter().position(|&b| b == b'.') {
            Some(i) => text.split_at(i),
            None => (text, &b""[..]),
        };
        let frac = frac.get(1..).unwrap_or_default();
        let digits = |g: &[u8]| !g.is_empty() && g.iter().all(u8::is_ascii_digit);
        if !digits(int) || !(frac.is_empty() || digits(frac)) || int.len() > 10 {
            return Err(if digits(int) {
                Problem::CountTooLarge { max: MAX_COUNT }
            } else {
                malformed()
            });
        }
        if frac.iter().any(|&b| b != b'0') {
            return Err(Problem::CountFractional);
        }
        return parse_count(int, true);
    }
    // Split into digit groups and the separators between them.
    let mut groups: Vec<&[u8]> = Vec::new();
    let mut seps: Vec<&[u8]> = Vec::new();
    let mut rest = text;
    loop {
        let len = rest
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(rest.len());
        let (group, after) = rest.split_at(len);
        if group.is_empty() {
            return Err(malformed());
        }
        groups.push(group);
        if after.is_empty() {
            break;
        }
        let sep_len = match after {
            [b'.' | b',' | b' ', ..] => 1,
            [0xC2, 0xA0, ..] => 2,
            [0xA0, ..] => 1,
            _ => return Err(malformed()),
        };
        let (sep, after) = after.split_at(sep_len);
        seps.push(sep);
        rest = after;
    }
    let zeros = |g: &[u8]| g.iter().all(|&b| b == b'0');
    // A decimal part: the last separator is `.` or `,`, differs from the others (or is the
    // only one) and is not followed by exactly three digits when it is the only one.
    let (int_groups, int_seps, decimals) = match (seps.split_last(), groups.split_last()) {
        (Some((last, others)), Some((last_group, int_groups)))
            if matches!(*last, b"." | b",")
                && others.iter().all(|s| s != last)
                && (!others.is_empty() || last_group.len() != 3) =>
        {
            (int_groups, others, Some(*last_group))
        }
        _ => (groups.as_slice(), seps.as_slice(), None),
    };
    if let Some(d) = decimals {
        if !zeros(d) {
            return Err(Problem::CountFractional);
        }
    }
    // Thousands groups: one separator kind, groups of three after the first (1 to 3 digits).
    if let Some(first_sep) = int_seps.first() {
        let one_kind = int_seps.iter().all(|s| s == first_sep);
        let first_ok = int_groups
            .first()
            .is_some_and(|g| (1..=3).contains(&g.len()));
        let rest_ok = int_groups.iter().skip(1).all(|g| g.len() == 3);
        if !(one_kind && first_ok && rest_ok) {
            return Err(malformed());
        }
    }
    let digits: Vec<u8> = int_groups.concat();
    let significant = digits.iter().skip_while(|&&b| b == b'0').count();
    if significant > 10 {
        return Err(Problem::CountTooLarge { max: MAX_COUNT });
    }
    parse_count(&digits, false)
}

/// Reads a fraction 0..=1 with `.` or `,` as decimal separator (`0,25`, `0.25`, `1`).
///
/// # Errors
/// [`Problem::FractionOutOfRange`] or a number problem.
pub fn parse_fraction(text: &[u8]) -> Result<rust_decimal::Decimal, Problem> {
    let s = decode_text(text);
    let s = if s.matches(',').count() == 1 && !s.contains('.') {
        s.replace(',', ".")
    } else {
        s
    };
    let d = crate::money::parse_decimal(&s)?;
    if d < rust_decimal::Decimal::ZERO || d > rust_decimal::Decimal::ONE {
        return Err(Problem::FractionOutOfRange);
    }
    Ok(d)
}

/// At most 40 characters of a text, for messages.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn records(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut r = Reader::new(text.as_bytes(), delimiter);
        let (mut fields, mut scratch) = (Vec::new(), Vec::new());
        let mut out = Vec::new();
        while let Some((line, result)) = r.record(&mut fields, &mut scratch) {
            result.unwrap();
            let f = fields
                .iter()
                .map(|&f| String::from_utf8(r.bytes(f, &scratch).to_vec()).unwrap())
                .collect();
            out.push((line, f));
        }
        out
    }

    #[test]
    fn splits_quoted_fields_with_escapes_delimiters_and_newlines() {
        let got = records("a;\"b;\"\"c\"\"\r\nd\";e\r\n\"x\";;\n", b';');
        assert_eq!(
            got[0],
            (1, vec!["a".into(), "b;\"c\"\r\nd".into(), "e".into()])
        );
        assert_eq!(got[1], (3, vec!["x".into(), "".into(), "".into()]));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn reports_an_unclosed_quote() {
        let mut r = Reader::new(b"a;\"b\n", b';');
        let (mut f, mut s) = (Vec::new(), Vec::new());
        assert_eq!(
            r.record(&mut f, &mut s).unwrap().1,
            Err(RecordError::UnclosedQuote)
        );
        assert!(r.record(&mut f, &mut s).is_none());
    }

    #[test]
    fn detects_the_delimiter_of_the_header() {
        assert_eq!(
            detect_delimiter(b"postcode;verzekeraar;verzekerden\n1;2,3;4"),
            b';'
        );
        assert_eq!(detect_delimiter(b"postcode,insurer,insured\n"), b',');
        assert_eq!(detect_delimiter(b"postcode\tinsurer\tinsured"), b'\t');
        assert_eq!(detect_delimiter(b"\"a,b\";c;d"), b';');
    }

    #[test]
    fn reads_counts_as_people_write_them() {
        for (text, want) in [
            ("0", 0),
            ("12345", 12345),
            ("12.345", 12345),
            ("12,345", 12345),
            ("1 234 567", 1_234_567),
            ("1\u{a0}234", 1234),
            ("1.234.567", 1_234_567),
            ("1.234,00", 1234),
            ("1,234.00", 1234),
            ("12,0", 12),
            ("12.00", 12),
            ("-0", 0),
            ("1000000000", 1_000_000_000),
        ] {
            assert_eq!(parse_count(text.as_bytes(), true), Ok(want), "{text}");
        }
        for (text, code) in [
            ("12,5", "count_fractional"),
            ("1.5", "count_fractional"),
            ("1.234,5", "count_fractional"),
            ("-3", "count_negative"),
            ("-1.5", "count_negative"),
            ("12.34.5", "count_malformed"),
            ("1.234,567.000", "count_malformed"),
            ("abc", "count_malformed"),
            ("1e3", "count_malformed"),
            ("12 345,", "count_malformed"),
            ("1000000001", "count_too_large"),
            ("99999999999999999999", "count_too_large"),
            ("", "missing"),
        ] {
            assert_eq!(
                parse_count(text.as_bytes(), true).unwrap_err().code(),
                code,
                "{text}"
            );
        }
        assert_eq!(
            parse_count(b"12.345", false).unwrap_err().code(),
            "count_fractional"
        );
        assert_eq!(parse_count(b"12.0", false), Ok(12));
    }

    #[test]
    fn reads_fractions_with_either_separator() {
        assert_eq!(parse_fraction(b"0,25").unwrap().to_string(), "0.25");
        assert_eq!(parse_fraction(b"1").unwrap().to_string(), "1");
        assert_eq!(
            parse_fraction(b"1.5").unwrap_err().code(),
            "fraction_out_of_range"
        );
        assert_eq!(
            parse_fraction(b"-0.1").unwrap_err().code(),
            "fraction_out_of_range"
        );
    }

    #[test]
    fn trims_non_breaking_spaces_without_cutting_utf8_characters() {
        assert_eq!(trim("\u{a0} Univé\u{a0}".as_bytes()), "Univé".as_bytes());
        assert_eq!(trim(b"\xa0CZ \xa0"), b"CZ");
        // `Š` is C5 A0 in UTF-8: found by the csv fuzz target.
        assert_eq!(trim("12.345ŠŠ".as_bytes()), "12.345ŠŠ".as_bytes());
    }

    #[test]
    fn decodes_windows_1252_when_not_utf8() {
        assert_eq!(decode_text(b"Univ\xe9"), "Univé");
        assert_eq!(decode_text("Univé".as_bytes()), "Univé");
        assert_eq!(decode_text(b"\x80 5"), "€ 5");
    }

    #[test]
    fn recognises_boms_workbooks_and_sep_lines() {
        let (t, d) = prepare(b"\xEF\xBB\xBFsep=;\r\na;b\r\n").unwrap();
        assert_eq!((&*t, d), (&b"a;b\r\n"[..], Some(b';')));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(&*prepare(&utf16).unwrap().0, b"a\tb\n");
        assert_eq!(
            prepare(b"PK\x03\x04xx").unwrap_err().code(),
            "file_is_spreadsheet"
        );
        assert_eq!(prepare(b"a\x00b").unwrap_err().code(), "file_is_binary");
        assert_eq!(prepare(b" \r\n").unwrap_err().code(), "file_empty");
    }
}
