//! [`Builder`]: a [`Market`] made row by row, labels interned, duplicates added up, sorted.

use super::csv_import::prefix_word;
use super::*;
use crate::input::csv::{self};
use crate::input::read;
use crate::issue::{Issues, Path, Problem, Warned, Warning};
use crate::postcode::Postcode;
use std::collections::HashMap;

/// Builds a [`Market`] row by row, collecting every problem.
pub struct Builder {
    pub(super) labels: Vec<Label>,
    pub(super) label_bytes: Vec<Vec<u8>>,
    pub(super) label_tags: Vec<u64>,
    pub(super) label_words: Vec<(u64, u64)>,
    pub(super) concern_bytes: Vec<Option<Vec<u8>>>,
    pub(super) index: HashMap<Vec<u8>, u16>,
    pub(super) last: usize,
    pub(super) rows: Vec<Row>,
    pub(super) fractions: Vec<u32>,
    /// Problems found so far.
    pub issues: Issues,
    /// Whether a row arrived with a smaller postcode than the one before it.
    pub(super) unsorted: bool,
    /// Whether a (postcode, label) pair may occur twice.
    pub(super) duplicates: bool,
    pub(super) warnings: Vec<Warned>,
    /// The delimiter of a CSV being read by the fast readers: a label with it (or a quote or
    /// line end) in its name was quoted, so they must not match it unquoted.
    pub(super) plain_labels: Option<u8>,
    /// With `plain_labels`: per [`label_slot`] of a label's first two bytes, its index + 1,
    /// 0 for none or [`SHARED_SLOT`] when labels share it (the fast readers then search).
    pub(super) label_slots: Vec<u16>,
    /// The distinct postcodes, counted as rows arrive in order.
    codes: Codes,
}

/// The distinct postcodes of a table, noted in ascending order: how many, and the PC4 areas
/// that also have rows of PC6 postcodes (a warning).
#[derive(Clone, Copy, Debug, Default)]
struct Codes {
    count: usize,
    last: Option<u32>,
    pc4_row_area: Option<Postcode>,
    mixed: usize,
    mixed_example: Option<Postcode>,
}

impl Codes {
    /// Notes `code`, a code greater than every one noted before.
    fn note(&mut self, code: u32) {
        self.count = self.count.saturating_add(1);
        self.last = Some(code);
        let Some(pc) = Postcode::from_code(code) else {
            return;
        };
        if !pc.is_pc6() {
            self.pc4_row_area = Some(pc);
        } else if Some(pc.area()) == self.pc4_row_area {
            self.mixed = self.mixed.saturating_add(1);
            self.pc4_row_area = None; // count each PC4 once
            self.mixed_example = self.mixed_example.or(Some(pc.area()));
        }
    }
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
            plain_labels: None,
            label_slots: Vec::new(),
            codes: Codes::default(),
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
        // Never matched by the fast readers: mask 0 turns every word into 0, never 1.
        const NEVER: (u64, u64) = (1, 0);
        let quoted = self.plain_labels.is_some_and(|d| {
            name.iter()
                .any(|&c| c == d || matches!(c, b'"' | b'\n' | b'\r'))
        });
        self.label_words
            .push(if quoted { NEVER } else { prefix_word(name) });
        if let (false, Some(d), Some(&first)) = (quoted, self.plain_labels, name.first()) {
            // A one-byte label is followed by the delimiter.
            let second = name.get(1).copied().unwrap_or(d);
            if let Some(slot) = self.label_slots.get_mut(label_slot(first, second)) {
                *slot = if *slot == 0 {
                    id.saturating_add(1)
                } else {
                    SHARED_SLOT
                };
            }
        }
        self.concern_bytes.push(None);
        self.index.insert(name.to_vec(), id);
        Some(id)
    }

    /// Room for more rows when the table is full.
    fn grow_rows(&mut self) -> Result<(), std::collections::TryReserveError> {
        if self.rows.len() < 65_536 {
            self.rows.try_reserve(1)
        } else {
            self.rows.try_reserve_exact(self.rows.len() / 8)
        }
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
        // Grown fallibly: out of Wasm memory is a clean `too_large`, not an abort that leaves
        // the instance unusable. Doubling while small; a large table (reserved for the whole
        // file from an estimate that fell short) grows by an eighth, as Wasm memory that has
        // grown never shrinks.
        if self.rows.len() == self.rows.capacity() && self.grow_rows().is_err() {
            self.issues.push(at.path(), Problem::OutOfMemory);
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
        self.push_key(key, insured);
    }

    /// Adds a row of a whole postcode (`code`, a valid postcode's code) whose room the caller
    /// has made sure of: the CSV reader's loop for the usual layout.
    #[inline]
    pub(super) fn push_whole(&mut self, code: u32, label: u16, insured: u64) {
        let key = (u64::from(code) << CODE_SHIFT) | (u64::from(label) << LABEL_SHIFT);
        // The usual case inline: after the last row, and not the same postcode and label.
        match self.rows.last() {
            Some(last) if last.key < key && last.key >> LABEL_SHIFT != key >> LABEL_SHIFT => {
                if last.key >> CODE_SHIFT != u64::from(code) {
                    self.codes.note(code);
                }
                self.rows.push(Row { key, insured });
            }
            _ => self.push_key(key, insured),
        }
    }

    fn push_key(&mut self, key: u64, insured: u64) {
        let row = Row { key, insured };
        let code = key >> CODE_SHIFT;
        // Keep the table sorted as it grows when the input is sorted by postcode (exports
        // are): a row that belongs before the last rows of its own postcode moves back among
        // them (a handful at most), so `finish` needs no sort and no pass to find out; the
        // postcodes are counted as they arrive.
        let Some(&last) = self.rows.last() else {
            self.codes.note(u32::try_from(code).unwrap_or(0));
            self.rows.push(row);
            return;
        };
        if last.key <= key {
            if last.key >> CODE_SHIFT != code {
                self.codes.note(u32::try_from(code).unwrap_or(0));
            } else if last.key >> LABEL_SHIFT == key >> LABEL_SHIFT {
                self.duplicates = true;
            }
            self.rows.push(row);
            return;
        }
        if last.key >> CODE_SHIFT != code {
            self.unsorted = true;
            self.rows.push(row);
            return;
        }
        // Move the larger rows of this postcode up by one, then put the row in their place.
        let mut i = self.rows.len();
        self.rows.push(row);
        while let Some(prev) = i.checked_sub(1).and_then(|p| self.rows.get(p)).copied() {
            if prev.key <= key || prev.key >> CODE_SHIFT != code {
                if prev.key >> LABEL_SHIFT == key >> LABEL_SHIFT {
                    self.duplicates = true;
                }
                break;
            }
            if let Some(slot) = self.rows.get_mut(i) {
                *slot = prev;
            }
            i = i.saturating_sub(1);
        }
        if let Some(slot) = self.rows.get_mut(i) {
            *slot = row;
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
        // Rows that arrived in order were counted as they came; sorted rows are counted now.
        if self.unsorted {
            self.codes = Codes::default();
            for row in &out {
                let code = row.code();
                if self.codes.last != Some(code) {
                    self.codes.note(code);
                }
            }
        }
        let Codes {
            count: postcodes,
            mixed,
            mixed_example,
            ..
        } = self.codes;
        if let Some(example) = mixed_example {
            self.warnings.push(Warned {
                path: path.clone(),
                warning: Warning::MixedPostcodeLevels {
                    count: mixed,
                    example: example.to_string(),
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

/// The slots of [`Builder::label_slots`].
pub(super) const LABEL_SLOTS: usize = 1024;
/// A slot that more than one label has.
pub(super) const SHARED_SLOT: u16 = u16::MAX;

/// The slot of a label by its first two bytes (the second is the delimiter for a one-byte
/// label).
pub(super) fn label_slot(first: u8, second: u8) -> usize {
    usize::from(u16::from_le_bytes([first, second]).wrapping_mul(0x9E37) >> 6)
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
