//! [`from_rows`]: a market table from row objects; the count and fraction readers.

use super::*;
use crate::input::csv::{self};
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem};
use crate::postcode::Postcode;
use rust_decimal::Decimal;

#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn millionths(d: Decimal) -> Result<u32, Problem> {
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
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_fraction(value: &Value, at: &dyn read::At, issues: &mut Issues) -> Option<u32> {
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
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_count(value: &Value, at: &dyn read::At, issues: &mut Issues) -> Option<u64> {
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
#[cfg_attr(resv_optimize, optimize(size))]
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
