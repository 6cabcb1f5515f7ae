//! The estimate fallback: when insured persons per insurer per postcode are not available
//! (they are not public), market shares per concern applied to the population per postcode.
//!
//! The population and the national shares are public facts kept in [`crate::population`].

use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem, ShareSource};
use crate::market::{read_count, Builder, Market, Span};
use crate::population::national;
/// The CBS population per PC4 (re-exported from [`crate::population`]).
pub use crate::population::population;
pub use crate::population::{CBS_PC4_CSV, NATIONAL_SHARES, NATIONAL_SOURCE};
use crate::postcode::Postcode;
use rust_decimal::Decimal;

/// Residents of the PC4 areas inside the spans (built-in CBS table).
#[cfg_attr(resv_optimize, optimize(size))]
fn builtin_in(spans: &[Span]) -> Vec<(Postcode, u64, u32)> {
    let table = population();
    let mut out = Vec::new();
    for s in spans {
        let a = table.partition_point(|(pc, _)| pc.code() < s.lo);
        let b = table.partition_point(|(pc, _)| pc.code() <= s.hi);
        for (pc, n) in table.get(a..b.max(a)).unwrap_or_default() {
            out.push((*pc, u64::from(*n), s.fraction));
        }
    }
    out
}

/// An estimated market table: per postcode, per concern, its residents weighted by the
/// concern's share.
#[derive(Debug)]
pub struct Estimate {
    /// The table.
    pub market: Market,
    /// Where the shares come from.
    pub source: ShareSource,
    /// The shares added up, as a fraction of the whole (the national shares: 0.999). Every
    /// postcode's insured persons are its residents times this, so residents are the insured
    /// persons divided by it, whatever the shares add up to.
    pub share_sum: Decimal,
}

/// Reads `estimate` and builds a synthetic market table ([`Estimate`]).
///
/// # Errors
/// Records every problem in `issues` and returns `None`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_estimate(
    value: &Value,
    spans: &[Span],
    path: &Path,
    issues: &mut Issues,
) -> Option<Estimate> {
    if !read::options(value, &["shares", "population"], path, issues) {
        return None;
    }
    let before = issues.as_slice().len();
    let (shares, source) = read_shares(read::field(value, "shares"), path, issues)?;
    let population = read_population(read::field(value, "population"), spans, path, issues)?;
    if issues.as_slice().len() > before {
        return None;
    }
    let millionths = shares.iter().map(|(_, s)| u64::from(*s)).sum::<u64>();
    let share_sum = Decimal::from(millionths)
        .checked_div(Decimal::from(1_000_000u32))
        .unwrap_or_default();
    build(&shares, &population, path, issues).map(|market| Estimate {
        market,
        source,
        share_sum,
    })
}

/// The shares and the population an estimate of `value` (a scenario's `estimate`) was made
/// with, for the report: each concern's share in percent (as given, or the national shares),
/// and whether the population is the built-in CBS table. `None` when `value` does not read.
#[cfg_attr(resv_optimize, optimize(size))]
pub(crate) fn basis(value: &Value) -> Option<(Vec<(String, Decimal)>, bool)> {
    let mut issues = Issues::new();
    let (shares, _) = read_shares(read::field(value, "shares"), &Path::root(), &mut issues)?;
    let shares = shares
        .into_iter()
        .map(|(c, m)| {
            let pct = Decimal::from(m)
                .checked_div(Decimal::from(10_000u32))
                .unwrap_or_default()
                .normalize();
            (c, pct)
        })
        .collect();
    Some((shares, read::field(value, "population").is_null()))
}

/// The shares per concern in millionths of the whole (ten-thousandths of a percent):
/// `"national"` (the default) or a list of `{ concern, percent }`; with their source.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_shares(
    value: &Value,
    path: &Path,
    issues: &mut Issues,
) -> Option<(Vec<(String, u32)>, ShareSource)> {
    // Shares in ten-thousandths of a percent = millionths of the whole.
    let shares_path = path.key("shares");
    let found = match value {
        Value::Null => (national(), ShareSource::National),
        Value::Text(t) if t == "national" => (national(), ShareSource::National),
        Value::Text(_) => {
            issues.push(
                shares_path.clone(),
                Problem::UnknownValue {
                    allowed: "\"national\", [{ concern, percent }]",
                },
            );
            return None;
        }
        other => {
            let items = read::list(other, &shares_path, issues)?;
            if items.is_empty() {
                issues.push(shares_path.clone(), Problem::NoParties);
            }
            let mut out = Vec::new();
            let mut seen: std::collections::HashMap<String, usize> =
                std::collections::HashMap::new();
            for (i, item) in items.iter().enumerate() {
                let at = || shares_path.index(i);
                if !matches!(item, Value::Object { .. }) {
                    read::wrong_type(item, Expected::Object, &at, issues);
                    continue;
                }
                read::options(item, &["concern", "percent"], &at, issues);
                let concern = read::text(
                    read::field(item, "concern"),
                    &|| at().key("concern"),
                    issues,
                );
                let p_at = || at().key("percent");
                let pct = read::percent(read::field(item, "percent"), &p_at, issues);
                let millionths = pct.and_then(|p| {
                    let m = p.checked_mul(Decimal::from(10_000u32))?.normalize();
                    u32::try_from(m.mantissa()).ok()
                });
                if let Some(c) = concern {
                    let key = crate::insurer::match_key(c);
                    if let Some(&first) = seen.get(&key) {
                        issues.push(
                            at().key("concern"),
                            Problem::DuplicateId {
                                id: c.to_owned(),
                                first: shares_path.index(first).key("concern"),
                            },
                        );
                    } else if c.trim().is_empty() {
                        issues.push(at().key("concern"), Problem::EmptyId);
                    } else {
                        seen.insert(key, i);
                        if let Some(m) = millionths {
                            out.push((c.trim().to_owned(), m));
                        }
                    }
                }
            }
            (out, ShareSource::Given)
        }
    };
    Some(found)
}

/// The residents per postcode: the built-in CBS table (PC4 only) or a list of
/// `{ postcode, residents }`.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_population(
    value: &Value,
    spans: &[Span],
    path: &Path,
    issues: &mut Issues,
) -> Option<Vec<(Postcode, u64, u32)>> {
    let pop_path = path.key("population");
    let found = if value.is_null() {
        // Built-in population knows PC4 areas only.
        for s in spans {
            if s.hi != u32::MAX && Postcode::from_code(s.lo).is_some_and(Postcode::is_pc6) {
                issues.push(path.clone(), Problem::Pc6NeedsPopulation);
                return None;
            }
        }
        builtin_in(spans)
    } else {
        let items = read::list(value, &pop_path, issues)?;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let at = || pop_path.index(i);
            if !matches!(item, Value::Object { .. }) {
                read::wrong_type(item, Expected::Object, &at, issues);
                continue;
            }
            read::options(item, &["postcode", "residents"], &at, issues);
            let pc_at = || at().key("postcode");
            let pc = read::text(read::field(item, "postcode"), &pc_at, issues).and_then(|t| {
                let pc = Postcode::parse_str(t.trim());
                if pc.is_none() {
                    issues.push(
                        pc_at(),
                        Problem::PostcodeMalformed {
                            found: crate::input::csv::shorten(t),
                        },
                    );
                }
                pc
            });
            let n = read_count(
                read::field(item, "residents"),
                &|| at().key("residents"),
                issues,
            );
            if let (Some(pc), Some(n)) = (pc, n) {
                out.push((pc, n, 1_000_000));
            }
        }
        out
    };
    Some(found)
}

/// The synthetic table: per postcode, per concern, its residents weighted by the share.
#[cfg_attr(resv_optimize, optimize(size))]
fn build(
    shares: &[(String, u32)],
    population: &[(Postcode, u64, u32)],
    path: &Path,
    issues: &mut Issues,
) -> Option<Market> {
    let mut b = Builder::new();
    for (concern, _) in shares {
        // Intern concerns in order so label i is share i.
        let _ = b.label(concern.as_bytes(), concern.as_bytes(), path, path);
    }
    for (pc, residents, _) in population {
        for (i, (_, share)) in shares.iter().enumerate() {
            let Ok(label) = u16::try_from(i) else {
                continue;
            };
            b.push(*pc, label, *residents, Some(*share), path);
        }
    }
    match b.finish(path) {
        Ok(m) => Some(m),
        Err(e) => {
            for issue in e.as_slice() {
                issues.push(issue.path.clone(), issue.problem.clone());
            }
            None
        }
    }
}
