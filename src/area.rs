//! A RESV's work area (werkgebied), fixed at postcode level: PC4 and PC6 postcodes, ranges
//! and fractions, turned into sorted, disjoint [`Span`]s of postcode codes.
//!
//! Entries: `"1011"`, `"1011AB"`, `"1011 ab"`, a range `"1011-1019"` (or `"1011AA-1011AZ"`),
//! or an object `{ postcode, fraction }` for a postcode only partly inside the area.
//! Overlapping entries with the same fraction count once (with a warning); with different
//! fractions they are an error, since no one can tell which applies.

use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem, Warned, Warning};
use crate::market::{read_fraction, Span};
use crate::postcode::Postcode;

/// The most work-area entries.
pub const MAX_ENTRIES: usize = 100_000;

/// A work area: disjoint spans sorted by code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Area {
    /// The spans.
    pub spans: Vec<Span>,
    /// How many entries were given.
    pub entries: usize,
}

impl Area {
    /// Every postcode (no work area given: the whole market table).
    pub fn everything() -> Area {
        Area {
            spans: vec![Span {
                lo: 0,
                hi: u32::MAX,
                fraction: 1_000_000,
            }],
            entries: 0,
        }
    }

    /// Whether this is the whole table.
    pub fn is_everything(&self) -> bool {
        self.spans.first().is_some_and(|s| s.hi == u32::MAX)
    }
}

/// Reads one postcode or range text into its code interval.
fn interval(text: &str, at: &dyn read::At, issues: &mut Issues) -> Option<(u32, u32)> {
    let bad = |issues: &mut Issues| {
        issues.push(
            at.path(),
            Problem::PostcodeMalformed {
                found: crate::input::csv::shorten(text),
            },
        );
    };
    let t = text.trim();
    if let Some((a, b)) = t.split_once('-') {
        let (Some(a), Some(b)) = (Postcode::parse_str(a.trim()), Postcode::parse_str(b.trim()))
        else {
            bad(issues);
            return None;
        };
        let (lo, hi) = (a.codes().0, b.codes().1);
        if lo > hi || a.is_pc6() != b.is_pc6() {
            if lo > hi {
                issues.push(at.path(), Problem::ReversedRange);
            } else {
                bad(issues);
            }
            return None;
        }
        return Some((lo, hi));
    }
    match Postcode::parse_str(t) {
        Some(pc) => Some(pc.codes()),
        None => {
            bad(issues);
            None
        }
    }
}

/// Reads a work area list.
///
/// # Errors
/// Records every problem in `issues` and returns `None`.
pub fn read_area(
    value: &Value,
    path: &Path,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> Option<Area> {
    let items = read::list(value, path, issues)?;
    if items.is_empty() {
        issues.push(path.clone(), Problem::EmptyWorkArea);
        return None;
    }
    if items.len() > MAX_ENTRIES {
        issues.push(path.clone(), Problem::TooManyItems { max: MAX_ENTRIES });
        return None;
    }
    let before = issues.as_slice().len();
    // (lo, hi, fraction, entry index)
    let mut raw: Vec<(u32, u32, u32, usize)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = || path.index(i);
        match item {
            Value::Text(t) => {
                if let Some((lo, hi)) = interval(t, &at, issues) {
                    raw.push((lo, hi, 1_000_000, i));
                }
            }
            Value::Object { .. } => {
                read::options(item, &["postcode", "fraction"], &at, issues);
                let pc_at = || at().key("postcode");
                let iv = read::text(read::field(item, "postcode"), &pc_at, issues)
                    .and_then(|t| interval(t, &pc_at, issues));
                let fv = read::field(item, "fraction");
                let fraction = if fv.is_null() {
                    Some(1_000_000)
                } else {
                    read_fraction(fv, &|| at().key("fraction"), issues)
                };
                if let (Some((lo, hi)), Some(f)) = (iv, fraction) {
                    raw.push((lo, hi, f, i));
                }
            }
            other => read::wrong_type(other, Expected::Text, &at, issues),
        }
    }
    if issues.as_slice().len() > before {
        return None;
    }
    crate::order::sort_by(&mut raw, &|a, b| (a.0, a.3).cmp(&(b.0, b.3)));
    let mut spans: Vec<(Span, usize)> = Vec::with_capacity(raw.len());
    let mut ok = true;
    for (lo, hi, fraction, i) in raw {
        if let Some((last, j)) = spans.last_mut() {
            if lo <= last.hi {
                if fraction != last.fraction {
                    issues.push(
                        path.index(i),
                        Problem::OverlappingArea {
                            other: path.index(*j),
                        },
                    );
                    ok = false;
                } else {
                    warnings.push(Warned {
                        path: path.index(i),
                        warning: Warning::DuplicateAreaEntry {
                            other: path.index(*j),
                        },
                    });
                    last.hi = last.hi.max(hi);
                }
                continue;
            }
        }
        spans.push((Span { lo, hi, fraction }, i));
    }
    ok.then(|| Area {
        spans: spans.into_iter().map(|(s, _)| s).collect(),
        entries: items.len(),
    })
}
