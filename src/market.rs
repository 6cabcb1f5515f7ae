//! Market data: insured persons per postcode per insurer, as one compact sorted table.
//!
//! A [`Market`] holds one 16-byte [`Row`] per (postcode, insurer label) — the national PC6 table
//! of about 3 million rows is 48 MB — sorted by postcode code, so a work area's rows are found
//! by binary search ([`Market::tally`]) instead of a scan. Tables come from CSV bytes
//! ([`parse_csv`]) or from a list of row objects ([`from_rows`]); both go through one
//! [`Builder`], which interns labels, adds up duplicate rows (with a warning) and sorts.
//!
//! Weights are exact integers: whole persons, or with fractions (at most 6 decimals each, on a
//! row and on a work-area entry) in units of 10⁻¹² person, summed in `u128`.

use crate::csv::{self, Field, Reader, RecordError};
use crate::issue::{Expected, Issues, Path, Problem, Warned, Warning};
use crate::postcode::{Postcode, PC4_SPAN};
use crate::read;
use crate::value::Value;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The most rows a table may hold (the national PC6 table has about 3 million).
pub const MAX_ROWS: usize = 10_000_000;
/// The most distinct insurer labels.
pub const MAX_LABELS: usize = 10_000;
/// The longest insurer or concern name, in bytes.
pub const MAX_NAME: usize = 200;
/// The most problems listed for one file before reading stops.
pub const MAX_PROBLEMS: usize = 100;
/// Decimals a fraction may have.
pub const FRACTION_DECIMALS: u32 = 6;
/// One person in weight units when fractions are involved (two fractions of 6 decimals).
pub const UNITS_PER_PERSON: u128 = 1_000_000_000_000;

const LABEL_SHIFT: u32 = 24;
const CODE_SHIFT: u32 = 40;
const FRACTION_MASK: u64 = (1 << LABEL_SHIFT) - 1;

/// One (postcode, label) row: `key` packs the postcode code, the label and a fraction index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    key: u64,
    insured: u64,
}

impl Row {
    /// The postcode's packed code.
    pub fn code(&self) -> u32 {
        u32::try_from(self.key >> CODE_SHIFT).unwrap_or(0)
    }
    /// The label's index in [`Market::labels`].
    pub fn label(&self) -> usize {
        usize::try_from((self.key >> LABEL_SHIFT) & 0xFFFF).unwrap_or(0)
    }
    /// Index + 1 of the row's fraction in the table's fractions, or 0 for a whole postcode.
    fn fraction_slot(&self) -> usize {
        usize::try_from(self.key & FRACTION_MASK).unwrap_or(0)
    }
    /// The insured persons.
    pub fn insured(&self) -> u64 {
        self.insured
    }
}

/// An insurer label as found in the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The name as written (trimmed).
    pub name: String,
    /// The concern from the data's concern column, if any.
    pub concern: Option<String>,
    /// Where it first occurs.
    pub origin: Path,
}

/// A table of insured persons per postcode per insurer label.
#[derive(Clone, Debug, Default)]
pub struct Market {
    labels: Vec<Label>,
    rows: Vec<Row>,
    fractions: Vec<u32>,
    warnings: Vec<Warned>,
    postcodes: usize,
}

/// Builds a [`Market`] row by row, collecting every problem.
pub struct Builder {
    labels: Vec<Label>,
    label_bytes: Vec<Vec<u8>>,
    label_tags: Vec<u64>,
    label_words: Vec<(u64, u64)>,
    concern_bytes: Vec<Option<Vec<u8>>>,
    index: HashMap<Vec<u8>, u16>,
    last: usize,
    rows: Vec<Row>,
    fractions: Vec<u32>,
    /// Problems found so far.
    pub issues: Issues,
    /// Whether a row arrived with a smaller postcode than the one before it.
    unsorted: bool,
    /// Whether a (postcode, label) pair may occur twice.
    duplicates: bool,
    warnings: Vec<Warned>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Builder {
        Builder {
            labels: Vec::new(),
            label_bytes: Vec::new(),
            label_tags: Vec::new(),
            label_words: Vec::new(),
            concern_bytes: Vec::new(),
            index: HashMap::new(),
            last: 0,
            rows: Vec::new(),
            fractions: Vec::new(),
            issues: Issues::new(),
            unsorted: false,
            duplicates: false,
            warnings: Vec::new(),
        }
    }

    /// Whether reading should stop: too many problems already.
    pub fn saturated(&self) -> bool {
        self.issues.as_slice().len() >= MAX_PROBLEMS
    }

    /// The label index of `name` (trimmed bytes), interning it on first sight. Data exported
    /// per postcode cycles through the same labels, so the last and next label are tried
    /// before the hash map.
    pub fn label(
        &mut self,
        name: &[u8],
        concern: &[u8],
        at: &impl read::At,
        concern_at: &impl read::At,
    ) -> Option<u16> {
        let id = self.find(name).or_else(|| self.intern(name, at))?;
        self.last = usize::from(id);
        if !concern.is_empty() {
            let slot = self.concern_bytes.get_mut(usize::from(id))?;
            match slot {
                None => {
                    if concern.len() > MAX_NAME {
                        self.issues
                            .push(concern_at.path(), Problem::TextTooLong { max: MAX_NAME });
                        return None;
                    }
                    *slot = Some(concern.to_vec());
                    if let Some(label) = self.labels.get_mut(usize::from(id)) {
                        label.concern = Some(csv::decode_text(concern));
                    }
                }
                Some(known) if known.as_slice() == concern => {}
                Some(known) => {
                    let first = csv::decode_text(known);
                    let label = csv::decode_text(name);
                    self.issues.push(
                        concern_at.path(),
                        Problem::ConflictingConcern { label, first },
                    );
                    return None;
                }
            }
        }
        Some(id)
    }

    fn find(&self, name: &[u8]) -> Option<u16> {
        let n = self.label_bytes.len();
        if n <= 64 {
            // Data sorted by postcode lists the labels in the same order in every postcode,
            // so the label wanted is the last one or a few after it: scan forward from there,
            // comparing a cheap tag (length and first bytes) before the bytes.
            let t = tag(name);
            for k in 0..n {
                let i = self.last.saturating_add(k);
                let i = if i >= n { i.saturating_sub(n) } else { i };
                if self.label_tags.get(i) == Some(&t)
                    && self
                        .label_bytes
                        .get(i)
                        .is_some_and(|b| b.as_slice() == name)
                {
                    return u16::try_from(i).ok();
                }
            }
            return None;
        }
        self.index.get(name).copied()
    }

    fn intern(&mut self, name: &[u8], at: &impl read::At) -> Option<u16> {
        if name.is_empty() {
            self.issues.push(at.path(), Problem::Missing);
            return None;
        }
        if name.len() > MAX_NAME {
            self.issues
                .push(at.path(), Problem::TextTooLong { max: MAX_NAME });
            return None;
        }
        if self.labels.len() >= MAX_LABELS {
            self.issues
                .push(at.path(), Problem::TooManyInsurers { max: MAX_LABELS });
            return None;
        }
        let id = u16::try_from(self.labels.len()).ok()?;
        self.labels.push(Label {
            name: csv::decode_text(name),
            concern: None,
            origin: at.path(),
        });
        self.label_bytes.push(name.to_vec());
        self.label_tags.push(tag(name));
        self.label_words.push(prefix_word(name));
        self.concern_bytes.push(None);
        self.index.insert(name.to_vec(), id);
        Some(id)
    }

    /// Adds a row. `fraction` is in millionths (1 000 000 = the whole postcode).
    pub fn push(
        &mut self,
        postcode: Postcode,
        label: u16,
        insured: u64,
        fraction: Option<u32>,
        at: &impl read::At,
    ) {
        if self.rows.len() >= MAX_ROWS {
            self.issues
                .push(at.path(), Problem::TooManyRows { max: MAX_ROWS });
            return;
        }
        let slot = match fraction {
            Some(f) if f != 1_000_000 => {
                self.fractions.push(f);
                u64::try_from(self.fractions.len()).unwrap_or(0)
            }
            _ => 0,
        };
        let key = (u64::from(postcode.code()) << CODE_SHIFT)
            | (u64::from(label) << LABEL_SHIFT)
            | (slot & FRACTION_MASK);
        // Keep the table sorted as it grows when the input is sorted by postcode (exports
        // are): a row that belongs before the last rows of its own postcode moves back among
        // them (a handful at most), so `finish` needs no sort and no pass to find out.
        let code = key >> CODE_SHIFT;
        match self.rows.last() {
            Some(last) if last.key > key && last.key >> CODE_SHIFT == code => {
                let mut i = self.rows.len();
                while i > 0
                    && self
                        .rows
                        .get(i.saturating_sub(1))
                        .is_some_and(|r| r.key > key && r.key >> CODE_SHIFT == code)
                {
                    i = i.saturating_sub(1);
                }
                if self
                    .rows
                    .get(i.saturating_sub(1))
                    .is_some_and(|r| i > 0 && r.key >> LABEL_SHIFT == key >> LABEL_SHIFT)
                {
                    self.duplicates = true;
                }
                self.rows.insert(i, Row { key, insured });
            }
            Some(last) if last.key > key => {
                self.unsorted = true;
                self.rows.push(Row { key, insured });
            }
            Some(last) => {
                if last.key >> LABEL_SHIFT == key >> LABEL_SHIFT {
                    self.duplicates = true;
                }
                self.rows.push(Row { key, insured });
            }
            None => self.rows.push(Row { key, insured }),
        }
    }

    /// Records a warning about the data.
    pub fn warn(&mut self, path: Path, warning: Warning) {
        self.warnings.push(Warned { path, warning });
    }

    /// Sorts, adds up duplicates and returns the table, or every problem found.
    ///
    /// # Errors
    /// The problems recorded while building.
    pub fn finish(mut self, path: &Path) -> Result<Market, Issues> {
        if !self.issues.is_empty() {
            return Err(self.issues);
        }
        if self.unsorted {
            self.rows.sort_unstable_by_key(|r| r.key);
        }
        // Add up rows of the same postcode and label (whole postcodes only: a row with its
        // own fraction stays a row of its own and is added in every tally).
        let mut merged = 0usize;
        let mut example = None;
        let labels = &self.labels;
        if self.unsorted || self.duplicates {
            self.rows.dedup_by(|row, prev| {
                let same = prev.key == row.key && row.fraction_slot() == 0;
                if same {
                    prev.insured = prev.insured.saturating_add(row.insured);
                    merged = merged.saturating_add(1);
                    if example.is_none() {
                        example = Some(describe(labels, prev));
                    }
                }
                same
            });
        }
        let out = std::mem::take(&mut self.rows);
        if let Some(example) = example {
            self.warnings.push(Warned {
                path: path.clone(),
                warning: Warning::DuplicateRows {
                    count: merged,
                    example,
                },
            });
        }
        let mut postcodes = 0usize;
        let mut mixed = 0usize;
        let mut mixed_example = None;
        let mut prev_code = None;
        let mut pc4_row_area = None;
        for row in &out {
            let code = row.code();
            if prev_code != Some(code) {
                postcodes = postcodes.saturating_add(1);
                prev_code = Some(code);
                let pc = Postcode::from_code(code);
                let area = pc.map(Postcode::area);
                if pc.is_some_and(|p| !p.is_pc6()) {
                    pc4_row_area = area;
                } else if area.is_some() && area == pc4_row_area {
                    mixed = mixed.saturating_add(1);
                    pc4_row_area = None; // count each PC4 once
                    if mixed_example.is_none() {
                        mixed_example = area.map(|a| a.to_string());
                    }
                }
            }
        }
        if let Some(example) = mixed_example {
            self.warnings.push(Warned {
                path: path.clone(),
                warning: Warning::MixedPostcodeLevels {
                    count: mixed,
                    example,
                },
            });
        }
        // Give back a large overestimate only: shrinking copies the whole table.
        let mut out = out;
        if out.capacity().saturating_sub(out.len()) > out.len() / 8 {
            out.shrink_to_fit();
        }
        Ok(Market {
            labels: self.labels,
            rows: out,
            fractions: self.fractions,
            warnings: self.warnings,
            postcodes,
        })
    }
}

/// A label's tag: its length and first six bytes, packed.
fn tag(name: &[u8]) -> u64 {
    let mut t = u64::try_from(name.len() & 0xFFFF).unwrap_or(0);
    for &b in name.iter().take(6) {
        t = (t << 8) | u64::from(b);
    }
    t
}

fn describe(labels: &[Label], row: &Row) -> String {
    let pc = Postcode::from_code(row.code())
        .map(|p| p.to_string())
        .unwrap_or_default();
    let label = labels
        .get(row.label())
        .map(|l| l.name.as_str())
        .unwrap_or_default();
    format!("{pc} {label}")
}

/// Which header column is which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Postcode,
    Insurer,
    Insured,
    Concern,
    Fraction,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Postcode => "postcode",
            Column::Insurer => "verzekeraar",
            Column::Insured => "verzekerden",
            Column::Concern => "concern",
            Column::Fraction => "fractie",
        }
    }

    /// Recognises a header name in Dutch or English, in any case, with any spacing.
    fn recognise(header: &str) -> Option<Column> {
        let key: String = header
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        Some(match key.as_str() {
            "postcode" | "postcodes" | "pc" | "pc4" | "pc6" | "postcode4" | "postcode6"
            | "postalcode" | "zip" | "zipcode" | "postcodegebied" => Column::Postcode,
            "verzekeraar" | "zorgverzekeraar" | "insurer" | "healthinsurer" | "label" | "merk"
            | "naamverzekeraar" | "verzekeraarnaam" => Column::Insurer,
            "verzekerden" | "aantalverzekerden" | "verzekerdenaantal" | "insured"
            | "insuredpersons" | "numberinsured" | "aantal" | "count" => Column::Insured,
            "concern" | "insurergroup" | "group" | "concernnaam" | "verzekeraarsconcern" => {
                Column::Concern
            }
            "fractie" | "fraction" | "fractiewerkgebied" | "deelwerkgebied" => Column::Fraction,
            _ => return None,
        })
    }
}

/// Reads a CSV export of insured persons per postcode per insurer (see the `csv` module for
/// the dialects accepted). Problems are listed with their line and column; reading stops after
/// [`MAX_PROBLEMS`].
///
/// # Errors
/// Every problem found, with paths such as `line 12, column verzekerden`.
pub fn parse_csv(bytes: &[u8]) -> Result<Market, Issues> {
    let root = Path::root();
    let (text, sep) =
        csv::prepare(bytes).map_err(|p| Issues::from(crate::issue::Issue::new(root.clone(), p)))?;
    let delimiter = sep.unwrap_or_else(|| csv::detect_delimiter(&text));
    let mut reader = Reader::new(&text, delimiter);
    let mut fields: Vec<Field> = Vec::with_capacity(8);
    let mut scratch = Vec::new();
    let mut b = Builder::new();
    // The header: the first non-blank record. Line numbers count the `sep=` line too.
    let offset = usize::from(sep.is_some());
    let mut roles: Vec<Option<Column>> = Vec::new();
    let mut header_names: Vec<String> = Vec::new();
    loop {
        let Some((line, result)) = reader.record(&mut fields, &mut scratch) else {
            return Err(Problem::FileEmpty)
                .map_err(|p| Issues::from(crate::issue::Issue::new(root.clone(), p)));
        };
        if result.is_err() {
            return Err(Issues::from(crate::issue::Issue::new(
                root.line(line.saturating_add(offset)),
                Problem::UnclosedQuote,
            )));
        }
        if fields
            .iter()
            .all(|&f| csv::trim(reader.bytes(f, &scratch)).is_empty())
        {
            continue;
        }
        for &f in &fields {
            let name = csv::decode_text(csv::trim(reader.bytes(f, &scratch)));
            roles.push(Column::recognise(&name));
            header_names.push(name);
        }
        break;
    }
    let header_line = csv::shorten(&header_names.join(&char::from(delimiter).to_string()));
    let position = |c: Column| roles.iter().position(|r| *r == Some(c));
    let (postcode_col, insurer_col, insured_col) = (
        position(Column::Postcode),
        position(Column::Insurer),
        position(Column::Insured),
    );
    let (concern_col, fraction_col) = (position(Column::Concern), position(Column::Fraction));
    for (c, found) in [
        (Column::Postcode, postcode_col),
        (Column::Insurer, insurer_col),
        (Column::Insured, insured_col),
    ] {
        if found.is_none() {
            b.issues.push(
                root.clone(),
                Problem::MissingColumn {
                    column: c.name(),
                    header: header_line.clone(),
                },
            );
        }
    }
    for c in [
        Column::Postcode,
        Column::Insurer,
        Column::Insured,
        Column::Concern,
        Column::Fraction,
    ] {
        if roles.iter().filter(|r| **r == Some(c)).count() > 1 {
            b.issues
                .push(root.clone(), Problem::DuplicateColumn { column: c.name() });
        }
    }
    let (Some(postcode_col), Some(insurer_col), Some(insured_col)) =
        (postcode_col, insurer_col, insured_col)
    else {
        return Err(b.issues);
    };
    if !b.issues.is_empty() {
        return Err(b.issues);
    }
    let ignored: Vec<&str> = roles
        .iter()
        .zip(&header_names)
        .filter(|(r, n)| r.is_none() && !n.is_empty())
        .map(|(_, n)| n.as_str())
        .collect();
    if !ignored.is_empty() {
        b.warn(
            root.clone(),
            Warning::IgnoredColumns {
                names: ignored.join(", "),
            },
        );
    }
    let name_of = |i: usize| header_names.get(i).cloned().unwrap_or_default();
    let (postcode_name, insurer_name, insured_name) = (
        name_of(postcode_col),
        name_of(insurer_col),
        name_of(insured_col),
    );
    let concern_name = concern_col.map(name_of).unwrap_or_default();
    let fraction_name = fraction_col.map(name_of).unwrap_or_default();

    let columns = Columns {
        expected: roles.len(),
        postcode: (postcode_col, &postcode_name),
        insurer: (insurer_col, &insurer_name),
        insured: (insured_col, &insured_name),
        concern: concern_col.map(|c| (c, concern_name.as_str())),
        fraction: fraction_col.map(|c| (c, fraction_name.as_str())),
    };
    // Reserve rows for the whole file from the line length of its first 64 KiB (+5%), so the
    // row table is allocated once instead of doubling (and copying) its way up — once the
    // first thousand rows have been read, so a file of garbage never reserves anything.
    let sample = text.get(..text.len().min(65_536)).unwrap_or_default();
    let sample_lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    let line_length = sample.len().checked_div(sample_lines).unwrap_or(1).max(1);
    let estimate = text.len().checked_div(line_length).unwrap_or(0);
    let reserve = estimate
        .saturating_add(estimate.checked_div(20).unwrap_or(0))
        .min(MAX_ROWS);
    // Three speeds. The fastest reads a plain line of known shape (postcode, a label seen
    // before, digits) in one pass without splitting it first. A line it does not recognise
    // is split with memchr into slices of the input and read by `row`; a line with a quote
    // goes through the full reader (quoted fields may hold delimiters, line breaks and
    // doubled quotes). All three give the same rows and the same problems.
    let fast = (fraction_col.is_none()).then(|| roles.clone());
    let (mut pos, mut line) = reader.position();
    let mut slices: Vec<&[u8]> = Vec::with_capacity(16);
    while pos < text.len() {
        if b.rows.len() == 1000 && b.rows.capacity() < reserve {
            b.rows.reserve(reserve.saturating_sub(1000));
        }
        if let Some(layout) = &fast {
            if let Some(next) = fast_line(&mut b, layout, delimiter, &text, pos) {
                pos = next;
                line = line.saturating_add(1);
                continue;
            }
        }
        let rest = text.get(pos..).unwrap_or_default();
        let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let raw = rest.get(..end).unwrap_or_default();
        if memchr::memchr(b'"', raw).is_none() {
            let content = raw.strip_suffix(b"\r").unwrap_or(raw);
            line = line.saturating_add(1);
            pos = pos.saturating_add(end).saturating_add(1);
            slices.clear();
            let mut start = 0usize;
            for d in memchr::memchr_iter(delimiter, content) {
                slices.push(content.get(start..d).unwrap_or_default());
                start = d.saturating_add(1);
            }
            slices.push(content.get(start..).unwrap_or_default());
            row(
                &mut b,
                &columns,
                &slices,
                &root,
                line.saturating_add(offset),
            );
        } else {
            reader.seek(pos, line);
            let Some((first_line, result)) = reader.record(&mut fields, &mut scratch) else {
                break;
            };
            if result == Err(RecordError::UnclosedQuote) {
                b.issues.push(
                    root.line(first_line.saturating_add(offset)),
                    Problem::UnclosedQuote,
                );
                break;
            }
            let quoted: Vec<&[u8]> = fields.iter().map(|&f| reader.bytes(f, &scratch)).collect();
            row(
                &mut b,
                &columns,
                &quoted,
                &root,
                first_line.saturating_add(offset),
            );
            (pos, line) = reader.position();
        }
        if b.saturated() {
            b.issues.push(
                root.line(line.saturating_add(1).saturating_add(offset)),
                Problem::TooManyProblems {
                    listed: MAX_PROBLEMS,
                },
            );
            return Err(b.issues);
        }
    }
    if b.rows.is_empty() && b.issues.is_empty() {
        b.issues.push(root.clone(), Problem::FileEmpty);
    }
    b.finish(&root)
}

/// Reads one plain line of the usual shape in a single pass, or `None` (nothing consumed)
/// when the line needs the general path: spaces, quotes, separators in numbers, an unknown
/// label or concern, a malformed field, a fraction. Returns where the next line starts.
fn fast_line(
    b: &mut Builder,
    layout: &[Option<Column>],
    delimiter: u8,
    text: &[u8],
    start: usize,
) -> Option<usize> {
    let mut p = start;
    let mut code = None;
    let mut label: Option<u16> = None;
    let mut insured = None;
    let ends = |at: usize| {
        matches!(text.get(at), None | Some(b'\n' | b'\r')) || text.get(at) == Some(&delimiter)
    };
    for (i, role) in layout.iter().enumerate() {
        if i > 0 {
            if text.get(p) != Some(&delimiter) {
                return None;
            }
            p = p.checked_add(1)?;
        }
        match role {
            Some(Column::Postcode) => {
                let digits = text.get(p..p.checked_add(4)?)?;
                let mut n: u16 = 0;
                for &d in digits {
                    if !d.is_ascii_digit() {
                        return None;
                    }
                    n = n
                        .checked_mul(10)?
                        .checked_add(u16::from(d.wrapping_sub(b'0')))?;
                }
                let pc = Postcode::pc4(n)?;
                p = p.checked_add(4)?;
                code = Some(match text.get(p..p.checked_add(2)?) {
                    Some([l1, l2]) if l1.is_ascii_uppercase() && l2.is_ascii_uppercase() => {
                        p = p.checked_add(2)?;
                        let suffix = u32::from(l1.wrapping_sub(b'A'))
                            .checked_mul(26)?
                            .checked_add(u32::from(l2.wrapping_sub(b'A')))?
                            .checked_add(1)?;
                        Postcode::from_code(pc.code().checked_add(suffix)?)?
                    }
                    _ => pc,
                });
                if !ends(p) {
                    return None;
                }
            }
            Some(Column::Insurer) => {
                // The next eight bytes as one word: a candidate label whose first (up to)
                // eight bytes differ is rejected with one comparison.
                let word = word_at(text, p);
                let n = b.label_bytes.len();
                let mut found = None;
                // The next label of a postcode follows the last one read; start there.
                for k in 1..=n.min(64) {
                    let i = b.last.saturating_add(k);
                    let i = if i >= n { i.saturating_sub(n) } else { i };
                    let (prefix, mask) = *b.label_words.get(i)?;
                    if word & mask != prefix {
                        continue;
                    }
                    let name = b.label_bytes.get(i)?;
                    let end = p.checked_add(name.len())?;
                    if ends(end)
                        && (name.len() <= 8
                            || text
                                .get(p.checked_add(8)?..end)
                                .is_some_and(|t| same(t, name.get(8..).unwrap_or_default())))
                    {
                        found = Some((i, end));
                        break;
                    }
                }
                let (i, end) = found?;
                label = Some(u16::try_from(i).ok()?);
                p = end;
            }
            Some(Column::Insured) => {
                let mut n: u64 = 0;
                let mut len = 0usize;
                while let Some(d) = text.get(p).filter(|d| d.is_ascii_digit()) {
                    n = n
                        .checked_mul(10)?
                        .checked_add(u64::from(d.wrapping_sub(b'0')))?;
                    p = p.checked_add(1)?;
                    len = len.checked_add(1)?;
                }
                if len == 0 || len > 10 || n > csv::MAX_COUNT || !ends(p) {
                    return None;
                }
                insured = Some(n);
            }
            Some(Column::Concern) => {
                // Only a concern already known for this line's label (the label column
                // comes first in the layouts this path serves).
                let known = b.concern_bytes.get(usize::from(label?))?.as_ref()?;
                let end = p.checked_add(known.len())?;
                if text.get(p..end) != Some(known.as_slice()) || !ends(end) {
                    return None;
                }
                p = end;
            }
            Some(Column::Fraction) => return None,
            None => {
                let rest = text.get(p..)?;
                let len = rest
                    .iter()
                    .position(|&c| c == delimiter || c == b'\n' || c == b'\r' || c == b'"')
                    .unwrap_or(rest.len());
                if rest.get(len) == Some(&b'"') {
                    return None;
                }
                p = p.checked_add(len)?;
            }
        }
    }
    let next = match text.get(p) {
        None => p,
        Some(b'\n') => p.checked_add(1)?,
        Some(b'\r') if text.get(p.checked_add(1)?) == Some(&b'\n') => p.checked_add(2)?,
        _ => return None,
    };
    let (code, label, insured) = (code?, label?, insured?);
    b.last = usize::from(label);
    b.push(code, label, insured, None, &Path::root);
    Some(next)
}

/// Up to eight bytes from `at` as a little-endian word (zero beyond the end of `text`).
fn word_at(text: &[u8], at: usize) -> u64 {
    match text.get(at..at.saturating_add(8)) {
        Some(&[a, b, c, d, e, f, g, h]) => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => prefix_word(text.get(at..).unwrap_or_default()).0,
    }
}

/// A name's first (up to) eight bytes as a little-endian word, and the mask of those bytes.
fn prefix_word(name: &[u8]) -> (u64, u64) {
    let mut word = 0u64;
    let mut mask = 0u64;
    for (i, &byte) in name.iter().take(8).enumerate() {
        let shift = u32::try_from(i).unwrap_or(0).saturating_mul(8);
        word |= u64::from(byte) << shift;
        mask |= 0xFFu64 << shift;
    }
    (word, mask)
}

/// Byte equality for short names, without a call to `memcmp`.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Where each column is, with its header name for messages.
struct Columns<'h> {
    expected: usize,
    postcode: (usize, &'h str),
    insurer: (usize, &'h str),
    insured: (usize, &'h str),
    concern: Option<(usize, &'h str)>,
    fraction: Option<(usize, &'h str)>,
}

/// Reads one data line's fields into the builder.
fn row(b: &mut Builder, c: &Columns<'_>, fields: &[&[u8]], root: &Path, line: usize) {
    let get = |i: usize| fields.get(i).map(|f| csv::trim(f)).unwrap_or_default();
    let at_line = || root.line(line);
    if fields.len() != c.expected {
        // Blank lines and trailing empty fields (a stray `;` at the end) are harmless.
        let blank = (0..fields.len()).all(|i| get(i).is_empty());
        let extra_empty =
            fields.len() > c.expected && (c.expected..fields.len()).all(|i| get(i).is_empty());
        if blank {
            return;
        }
        if !extra_empty {
            b.issues.push(
                at_line(),
                Problem::FieldCount {
                    expected: c.expected,
                    found: fields.len(),
                },
            );
            return;
        }
    }
    let postcode = get(c.postcode.0);
    let pc = match Postcode::parse(postcode) {
        Some(pc) => Some(pc),
        None => {
            if (0..fields.len()).all(|i| get(i).is_empty()) {
                return;
            }
            let problem = if postcode.is_empty() {
                Problem::Missing
            } else {
                Problem::PostcodeMalformed {
                    found: csv::shorten(&csv::decode_text(postcode)),
                }
            };
            b.issues.push(at_line().column(c.postcode.1), problem);
            None
        }
    };
    let insured = match csv::parse_count(get(c.insured.0), true) {
        Ok(n) => Some(n),
        Err(p) => {
            b.issues.push(at_line().column(c.insured.1), p);
            None
        }
    };
    let fraction = match c.fraction.map(|(i, name)| (get(i), name)) {
        None | Some((b"", _)) => Some(None),
        Some((text, name)) => match fraction_millionths(text) {
            Ok(f) => Some(Some(f)),
            Err(p) => {
                b.issues.push(at_line().column(name), p);
                None
            }
        },
    };
    // Names are decoded first (UTF-8, else Windows-1252) and then trimmed as text, so a
    // non-breaking space is trimmed in either encoding and never cuts a character in two.
    let name = |i: usize| {
        csv::decode_text(fields.get(i).copied().unwrap_or_default())
            .trim()
            .to_owned()
    };
    let (concern, concern_name) = c
        .concern
        .map(|(i, column)| (name(i), column))
        .unwrap_or_default();
    let label = b.label(
        name(c.insurer.0).as_bytes(),
        concern.as_bytes(),
        &|| at_line().column(c.insurer.1),
        &|| at_line().column(concern_name),
    );
    if let (Some(pc), Some(label), Some(insured), Some(fraction)) = (pc, label, insured, fraction) {
        b.push(pc, label, insured, fraction, &at_line);
    }
}

/// A fraction 0..=1 in millionths.
fn fraction_millionths(text: &[u8]) -> Result<u32, Problem> {
    let d = csv::parse_fraction(text)?;
    millionths(d)
}

fn millionths(d: Decimal) -> Result<u32, Problem> {
    if d < Decimal::ZERO || d > Decimal::ONE {
        return Err(Problem::FractionOutOfRange);
    }
    if d.normalize().scale() > FRACTION_DECIMALS {
        return Err(Problem::FractionTooPrecise {
            max: FRACTION_DECIMALS,
        });
    }
    let m = d
        .checked_mul(Decimal::from(1_000_000u32))
        .ok_or(Problem::FractionOutOfRange)?;
    u32::try_from(m.normalize().mantissa()).map_err(|_| Problem::FractionOutOfRange)
}

/// A fraction from loose input (string with `.` or JS number), in millionths.
///
/// # Errors
/// A number problem, [`Problem::FractionOutOfRange`] or [`Problem::FractionTooPrecise`].
pub fn read_fraction(value: &Value, at: &impl read::At, issues: &mut Issues) -> Option<u32> {
    let d = read::decimal(value, at, issues)?;
    match millionths(d) {
        Ok(m) => Some(m),
        Err(p) => {
            issues.push(at.path(), p);
            None
        }
    }
}

/// A count from loose input: a JS number (digits only) or a string (thousands separators
/// allowed, as in a CSV).
pub fn read_count(value: &Value, at: &impl read::At, issues: &mut Issues) -> Option<u64> {
    let result = match value {
        Value::Number(n) => csv::parse_count(n.as_bytes(), false),
        Value::Text(t) => csv::parse_count(csv::trim(t.as_bytes()), true),
        other => {
            read::wrong_type(other, Expected::Number, at, issues);
            return None;
        }
    };
    match result {
        Ok(n) => Some(n),
        Err(p) => {
            issues.push(at.path(), p);
            None
        }
    }
}

const ROW_FIELDS: &[&str] = &["postcode", "insurer", "insured", "concern", "fraction"];

/// Reads market rows given as objects (`[{ postcode, insurer, insured, concern?, fraction? }]`).
///
/// # Errors
/// Every problem found, with paths such as `market[3].insured`.
pub fn from_rows(value: &Value, path: &Path) -> Result<Market, Issues> {
    let mut b = Builder::new();
    let Some(items) = read::list(value, path, &mut b.issues) else {
        return Err(b.issues);
    };
    if items.is_empty() {
        b.issues.push(path.clone(), Problem::NoParties);
    }
    for (i, item) in items.iter().enumerate() {
        let at = || path.index(i);
        if !matches!(item, Value::Object { .. }) {
            read::wrong_type(item, Expected::Object, &at, &mut b.issues);
            continue;
        }
        read::options(item, ROW_FIELDS, &at, &mut b.issues);
        let pc_at = || at().key("postcode");
        let pc = read::text(read::field(item, "postcode"), &pc_at, &mut b.issues).and_then(|t| {
            let pc = Postcode::parse(csv::trim(t.as_bytes()));
            if pc.is_none() {
                b.issues.push(
                    pc_at(),
                    Problem::PostcodeMalformed {
                        found: csv::shorten(t),
                    },
                );
            }
            pc
        });
        let insured = read_count(
            read::field(item, "insured"),
            &|| at().key("insured"),
            &mut b.issues,
        );
        let fraction_value = read::field(item, "fraction");
        let fraction = if fraction_value.is_null() {
            Some(None)
        } else {
            read_fraction(fraction_value, &|| at().key("fraction"), &mut b.issues).map(Some)
        };
        let concern_value = read::field(item, "concern");
        let concern = if concern_value.is_null() {
            ""
        } else {
            read::text(concern_value, &|| at().key("concern"), &mut b.issues).unwrap_or_default()
        };
        let insurer_at = || at().key("insurer");
        let label =
            read::text(read::field(item, "insurer"), &insurer_at, &mut b.issues).and_then(|name| {
                b.label(
                    name.trim().as_bytes(),
                    concern.trim().as_bytes(),
                    &insurer_at,
                    &|| at().key("concern"),
                )
            });
        if let (Some(pc), Some(label), Some(insured), Some(fraction)) =
            (pc, label, insured, fraction)
        {
            b.push(pc, label, insured, fraction, &at);
        }
    }
    b.finish(path)
}

/// One span of a work area: codes `lo..=hi` weighted by `fraction` (millionths).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First code.
    pub lo: u32,
    /// Last code.
    pub hi: u32,
    /// Millionths of each postcode inside the area.
    pub fraction: u32,
}

/// What a table holds inside an area.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per label: weight in units of 10⁻¹² person when `fractional`, else whole persons.
    pub weights: Vec<u128>,
    /// Whether any fraction applied (then weights are in 10⁻¹² person).
    pub fractional: bool,
    /// Rows inside the area.
    pub rows_inside: usize,
    /// Area postcodes without any row: listed PC4 and PC6 postcodes, and the inhabited PC4
    /// areas (CBS) of ranges.
    pub without_data: usize,
    /// The first few of those.
    pub without_data_examples: Vec<Postcode>,
}

impl Tally {
    /// A label's weight as an exact decimal number of persons.
    pub fn weight(&self, label: usize) -> Decimal {
        let w = self.weights.get(label).copied().unwrap_or(0);
        weight_decimal(w, self.fractional)
    }
}

/// A weight as an exact number of persons.
pub fn weight_decimal(w: u128, fractional: bool) -> Decimal {
    let w = i128::try_from(w).unwrap_or(i128::MAX);
    let d = if fractional {
        Decimal::try_from_i128_with_scale(w, 12)
    } else {
        Decimal::try_from_i128_with_scale(w, 0)
    };
    d.map(|d| d.normalize()).unwrap_or(Decimal::MAX)
}

impl Market {
    /// The labels, by index.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }
    /// The rows, sorted by postcode then label.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }
    /// The number of rows (after adding up duplicates).
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }
    /// The number of distinct postcodes.
    pub fn postcode_count(&self) -> usize {
        self.postcodes
    }
    /// Warnings about the data.
    pub fn warnings(&self) -> &[Warned] {
        &self.warnings
    }
    /// A row's fraction in millionths (1 000 000 when it covers its whole postcode).
    pub fn fraction(&self, row: &Row) -> u32 {
        match row.fraction_slot() {
            0 => 1_000_000,
            slot => self
                .fractions
                .get(slot.saturating_sub(1))
                .copied()
                .unwrap_or(1_000_000),
        }
    }
    /// Insured persons per label over the whole table (whole rows; fractions applied).
    pub fn totals(&self) -> Tally {
        self.tally(&[Span {
            lo: 0,
            hi: u32::MAX,
            fraction: 1_000_000,
        }])
    }
    /// The rows whose code lies in `lo..=hi`.
    pub fn rows_in(&self, lo: u32, hi: u32) -> &[Row] {
        let a = self.rows.partition_point(|r| r.code() < lo);
        let b = self.rows.partition_point(|r| r.code() <= hi);
        self.rows.get(a..b.max(a)).unwrap_or_default()
    }

    /// Sums insured persons per label over the spans (which must not overlap), and counts
    /// the area's postcodes without data. Cost: two binary searches per span plus the rows
    /// inside, so a region of a national table takes microseconds.
    pub fn tally(&self, spans: &[Span]) -> Tally {
        let n = self.labels.len();
        let fractional =
            spans.iter().any(|s| s.fraction != 1_000_000) || !self.fractions.is_empty();
        let mut whole = vec![0u64; n];
        let mut units = vec![0u128; n];
        let mut t = Tally {
            fractional,
            ..Tally::default()
        };
        for span in spans {
            let rows = self.rows_in(span.lo, span.hi);
            t.rows_inside = t.rows_inside.saturating_add(rows.len());
            if self.fractions.is_empty() && span.fraction == 1_000_000 {
                // Whole postcodes only (the usual case): a plain sum per label.
                for row in rows {
                    if let Some(w) = whole.get_mut(row.label()) {
                        *w = w.saturating_add(row.insured);
                    }
                }
                if span.hi != u32::MAX {
                    self.missing(span, &mut t);
                }
                continue;
            }
            for row in rows {
                let frac = self.fraction(row);
                if span.fraction == 1_000_000 && frac == 1_000_000 {
                    if let Some(w) = whole.get_mut(row.label()) {
                        *w = w.saturating_add(row.insured);
                    }
                } else if let Some(u) = units.get_mut(row.label()) {
                    let v = u128::from(row.insured)
                        .saturating_mul(u128::from(frac))
                        .saturating_mul(u128::from(span.fraction));
                    *u = u.saturating_add(v);
                }
            }
            if span.hi != u32::MAX {
                self.missing(span, &mut t);
            }
        }
        t.weights = whole
            .iter()
            .zip(&units)
            .map(|(&w, &u)| {
                if fractional {
                    u128::from(w)
                        .saturating_mul(UNITS_PER_PERSON)
                        .saturating_add(u)
                } else {
                    u128::from(w)
                }
            })
            .collect();
        t
    }

    fn missing(&self, span: &Span, t: &mut Tally) {
        const EXAMPLES: usize = 20;
        let note = |pc: Option<Postcode>, t: &mut Tally| {
            t.without_data = t.without_data.saturating_add(1);
            if let (Some(pc), true) = (pc, t.without_data_examples.len() < EXAMPLES) {
                t.without_data_examples.push(pc);
            }
        };
        if span.lo == span.hi {
            if self.rows_in(span.lo, span.hi).is_empty() {
                note(Postcode::from_code(span.lo), t);
            }
            return;
        }
        // In a range of PC4 areas, only areas where people live (CBS) can lack data: the
        // numbers a range skips over (8018 in 8011-8045) are no postcodes at all.
        let range = span.hi.saturating_sub(span.lo) >= PC4_SPAN;
        let inhabited = |code: u32| {
            let people = crate::estimate::population();
            people
                .binary_search_by_key(&code, |(pc, _)| pc.code())
                .is_ok()
        };
        let mut lo = span.lo;
        while lo <= span.hi {
            let hi = lo.saturating_add(PC4_SPAN - 1).min(span.hi);
            if (!range || inhabited(lo)) && self.rows_in(lo, hi).is_empty() {
                note(Postcode::from_code(lo), t);
            }
            match hi.checked_add(1) {
                Some(next) => lo = next,
                None => break,
            }
        }
    }
}

impl Market {
    /// The rows in a canonical order: by postcode, then insurer name (then fraction), so an
    /// export does not depend on the order labels first appeared in the data.
    fn canonical_rows(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        let name = |r: &Row| {
            self.labels
                .get(r.label())
                .map(|l| l.name.as_str())
                .unwrap_or_default()
        };
        rows.sort_by(|a, b| {
            a.code()
                .cmp(&b.code())
                .then_with(|| name(a).cmp(name(b)))
                .then_with(|| self.fraction(a).cmp(&self.fraction(b)))
                .then_with(|| a.insured.cmp(&b.insured))
        });
        rows
    }

    /// The table as Dutch Excel reads it: UTF-8 with BOM, `;`-separated, CRLF, decimal comma
    /// in fractions, names quoted when they hold a `;` or a quote.
    pub fn to_csv(&self) -> String {
        let quote = |s: &str| {
            if s.contains([';', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_owned()
            }
        };
        let with_concern = self.labels.iter().any(|l| l.concern.is_some());
        let with_fraction = !self.fractions.is_empty();
        let mut out = String::with_capacity(self.rows.len().saturating_mul(32));
        out.push('\u{FEFF}');
        out.push_str("postcode;verzekeraar");
        if with_concern {
            out.push_str(";concern");
        }
        out.push_str(";verzekerden");
        if with_fraction {
            out.push_str(";fractie");
        }
        out.push_str("\r\n");
        for row in self.canonical_rows() {
            let label = self.labels.get(row.label());
            let pc = Postcode::from_code(row.code())
                .map(|p| p.to_string())
                .unwrap_or_default();
            out.push_str(&pc);
            out.push(';');
            out.push_str(&quote(label.map(|l| l.name.as_str()).unwrap_or_default()));
            if with_concern {
                out.push(';');
                out.push_str(&quote(
                    label.and_then(|l| l.concern.as_deref()).unwrap_or_default(),
                ));
            }
            out.push(';');
            out.push_str(&row.insured.to_string());
            if with_fraction {
                out.push(';');
                let f = Decimal::new(i64::from(self.fraction(row)), 6).normalize();
                out.push_str(&f.to_string().replace('.', ","));
            }
            out.push_str("\r\n");
        }
        out
    }

    /// The rows as objects, as `calculate` accepts them back (canonical order: postcode, insurer).
    pub fn to_rows(&self) -> Vec<RowOut> {
        self.canonical_rows()
            .into_iter()
            .map(|row| {
                let label = self.labels.get(row.label());
                let fraction = self.fraction(row);
                RowOut {
                    postcode: Postcode::from_code(row.code())
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    insurer: label.map(|l| l.name.clone()).unwrap_or_default(),
                    insured: row.insured,
                    concern: label.and_then(|l| l.concern.clone()),
                    fraction: (fraction != 1_000_000)
                        .then(|| Decimal::new(i64::from(fraction), 6).normalize().to_string()),
                }
            })
            .collect()
    }
}

/// A row as `toJSON()` gives it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowOut {
    /// Normalised postcode.
    pub postcode: String,
    /// Insurer label.
    pub insurer: String,
    /// Insured persons.
    pub insured: u64,
    /// Concern, when the data named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concern: Option<String>,
    /// Fraction of the postcode, when not whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fraction: Option<String>,
}

/// One label of a table with its totals, as `MarketTable.insurers()` lists it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct LabelSummary {
    /// The label as written.
    pub id: String,
    /// Its concern from the data, or from the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concern: Option<String>,
    /// Insured persons in the whole table (fractions applied).
    #[serde(serialize_with = "crate::value::serialize_count")]
    pub insured: Decimal,
    /// Rows.
    pub rows: usize,
}

impl Market {
    /// Each label with its concern, insured persons and rows, in order of first appearance.
    pub fn label_summary(&self) -> Vec<LabelSummary> {
        let totals = self.totals();
        let mut rows = vec![0usize; self.labels.len()];
        for row in &self.rows {
            if let Some(n) = rows.get_mut(row.label()) {
                *n = n.saturating_add(1);
            }
        }
        self.labels
            .iter()
            .enumerate()
            .map(|(i, l)| LabelSummary {
                id: l.name.clone(),
                concern: l
                    .concern
                    .clone()
                    .or_else(|| crate::insurer::concern_of(&l.name).map(|c| c.name.to_owned())),
                insured: totals.weight(i),
                rows: rows.get(i).copied().unwrap_or(0),
            })
            .collect()
    }
}
