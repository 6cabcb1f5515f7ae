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

use crate::issue::{Path, Warned};
use crate::postcode::{Postcode, PC4_SPAN};
use rust_decimal::Decimal;

mod builder;
mod csv_import;
mod export;
mod rows;

pub use builder::Builder;
pub use csv_import::parse_csv;
#[doc(hidden)]
pub use csv_import::{
    describe_read, parse_csv_pieces, parse_csv_with, parse_pieces_after, CsvStream, Speed, Stop,
};
pub use export::{LabelSummary, RowOut};
pub use rows::{from_rows, read_count, read_fraction};

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

    /// [`Market::missing`] for a range of whole PC4 areas, in one walk over the inhabited
    /// areas (CBS) beside the range's rows: a PC4 number nobody lives at costs nothing, where a
    /// lookup per PC4 number was most of a PC4-scale region's time.
    fn missing_inhabited(
        &self,
        span: &Span,
        t: &mut Tally,
        note: &impl Fn(Option<Postcode>, &mut Tally),
    ) {
        let people = crate::population::population();
        let first = people.partition_point(|(pc, _)| pc.code() < span.lo);
        let rows = self.rows_in(span.lo, span.hi);
        let mut r = 0usize;
        for (pc, _) in people.get(first..).unwrap_or_default() {
            let lo = pc.code();
            if lo > span.hi {
                break;
            }
            let hi = lo.saturating_add(PC4_SPAN - 1).min(span.hi);
            // Skip the rows before this area: a binary search of what is left, so a PC6 table
            // (many rows per area) costs a few steps per area, not a step per row.
            let rest = rows.get(r..).unwrap_or_default();
            r = r.saturating_add(rest.partition_point(|row| row.code() < lo));
            if rows.get(r).filter(|row| row.code() <= hi).is_none() {
                note(Postcode::from_code(lo), t);
            }
        }
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
        if range && span.lo % PC4_SPAN == 0 {
            self.missing_inhabited(span, t, &note);
        } else {
            self.missing_by_search(span, t, range, &note);
        }
    }

    /// [`Market::missing`] a PC4 number at a time, each looked up (short or unaligned spans).
    fn missing_by_search(
        &self,
        span: &Span,
        t: &mut Tally,
        range: bool,
        note: &impl Fn(Option<Postcode>, &mut Tally),
    ) {
        let inhabited = |code: u32| {
            let people = crate::population::population();
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

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )]
    use super::*;

    /// The one-walk count of PC4 areas without data equals a lookup per PC4 number, on tables
    /// with gaps and ranges that start, end and lie anywhere.
    #[test]
    fn missing_areas_in_one_walk_equal_a_lookup_per_area() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let mut csv = String::from("postcode;verzekeraar;verzekerden\n");
            let start = 1000 + next(8000);
            for pc4 in start..start + next(400) {
                if next(3) > 0 {
                    let suffix = if next(2) == 0 { "" } else { "AB" };
                    csv.push_str(&format!("{pc4}{suffix};CZ;{}\n", 1 + next(50)));
                }
            }
            let Ok(m) = csv_import::parse_csv(csv.as_bytes()) else {
                continue;
            };
            for _ in 0..20 {
                let lo = u32::try_from(start + next(500)).unwrap() - 50;
                let hi = lo + 1 + u32::try_from(next(300)).unwrap();
                let span = Span {
                    lo: lo * PC4_SPAN,
                    hi: hi * PC4_SPAN + PC4_SPAN - 1,
                    fraction: 1_000_000,
                };
                let (mut a, mut b) = (Tally::default(), Tally::default());
                let note = |pc: Option<Postcode>, t: &mut Tally| {
                    t.without_data += 1;
                    t.without_data_examples.extend(pc);
                };
                m.missing_inhabited(&span, &mut a, &note);
                m.missing_by_search(&span, &mut b, true, &note);
                assert_eq!(a, b, "{span:?}");
            }
        }
    }
}
