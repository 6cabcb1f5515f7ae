//! Reading typed fields out of a loose [`Value`], recording every problem with its path.
//!
//! Each reader returns `None` after pushing an issue, so a decoder can carry on and find the
//! next problem instead of stopping at the first.

use crate::input::value::{Value, MAX_DEPTH, MAX_ITEMS};
use crate::issue::{Expected, Issues, Path, Problem};
use crate::money::{parse_decimal, Money};
use rust_decimal::Decimal;

/// Where a reader records its problems: a [`Path`], or a closure that builds one only when a
/// problem is actually recorded (the happy path over a million rows then builds none).
pub trait At {
    /// The path.
    fn path(&self) -> Path;
}

impl At for Path {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn path(&self) -> Path {
        self.clone()
    }
}

impl<F: Fn() -> Path> At for F {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn path(&self) -> Path {
        self()
    }
}

/// Pushes the problem of a value that is not of the expected kind.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn wrong_type(value: &Value, expected: Expected, at: &dyn At, issues: &mut Issues) {
    let problem = match value {
        Value::Null => Problem::Missing,
        Value::TooDeep => Problem::TooDeeplyNested { max: MAX_DEPTH },
        _ => Problem::WrongType {
            expected,
            found: value.kind(),
        },
    };
    issues.push(at.path(), problem);
}

/// A decimal from a string or JS number (read as `String(n)` prints it).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn decimal(value: &Value, at: &dyn At, issues: &mut Issues) -> Option<Decimal> {
    match value {
        Value::Text(text) | Value::Number(text) => match parse_decimal(text) {
            Ok(d) => Some(d),
            Err(problem) => {
                issues.push(at.path(), problem);
                None
            }
        },
        other => {
            wrong_type(other, Expected::Number, at, issues);
            None
        }
    }
}

/// An amount of money from a string or JS number.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn money(value: &Value, at: &dyn At, issues: &mut Issues) -> Option<Money> {
    let d = decimal(value, at, issues)?;
    match Money::new(d) {
        Ok(m) => Some(m),
        Err(problem) => {
            issues.push(at.path(), problem);
            None
        }
    }
}

/// A string.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn text<'v>(value: &'v Value, at: &dyn At, issues: &mut Issues) -> Option<&'v str> {
    match value {
        Value::Text(t) => Some(t),
        other => {
            wrong_type(other, Expected::Text, at, issues);
            None
        }
    }
}

/// The elements of a list, or `None` (with an issue) when it is not one or is too long.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn list<'v>(value: &'v Value, at: &dyn At, issues: &mut Issues) -> Option<&'v [Value]> {
    match value {
        Value::List { items, truncated } => {
            if *truncated {
                issues.push(at.path(), Problem::TooManyItems { max: MAX_ITEMS });
                None
            } else {
                Some(items)
            }
        }
        other => {
            wrong_type(other, Expected::List, at, issues);
            None
        }
    }
}

/// Checks that `value` is an object (or absent) whose keys are all in `known`.
///
/// Returns whether it was usable: an object or `null`/`undefined` (meaning "no options").
#[cfg_attr(resv_optimize, optimize(size))]
pub fn options(value: &Value, known: &[&str], at: &dyn At, issues: &mut Issues) -> bool {
    match value {
        Value::Null => true,
        Value::Object { fields, .. } => {
            for (key, _) in fields {
                if !known.contains(&key.as_str()) {
                    issues.push(
                        at.path().key(key),
                        Problem::UnknownOption { name: key.clone() },
                    );
                }
            }
            true
        }
        other => {
            wrong_type(other, Expected::Object, at, issues);
            false
        }
    }
}

/// The field `key` of an object, or `Value::Null` when absent.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn field<'v>(value: &'v Value, key: &str) -> &'v Value {
    const NULL: &Value = &Value::Null;
    value.get(key).unwrap_or(NULL)
}

/// An optional boolean (`null`/`undefined` reads as `default`).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn boolean(value: &Value, default: bool, at: &dyn At, issues: &mut Issues) -> Option<bool> {
    match value {
        Value::Null => Some(default),
        Value::Bool(b) => Some(*b),
        other => {
            wrong_type(other, Expected::Boolean, at, issues);
            None
        }
    }
}

/// An amount that must be whole cents and not negative (lump sums, budget amounts,
/// subcontracts).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn cents(value: &Value, at: &Path, issues: &mut Issues) -> Option<Money> {
    let m = money(value, at, issues)?;
    if m.value() < Decimal::ZERO {
        issues.push(at.clone(), Problem::NegativeAmount);
        return None;
    }
    whole_cents(m, at, issues)
}

/// An amount that must be whole cents and may be negative (a contracted lump sum that
/// corrects an earlier one).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn signed_cents(value: &Value, at: &Path, issues: &mut Issues) -> Option<Money> {
    let m = money(value, at, issues)?;
    whole_cents(m, at, issues)
}

#[cfg_attr(resv_optimize, optimize(size))]
fn whole_cents(m: Money, at: &Path, issues: &mut Issues) -> Option<Money> {
    if !m.is_multiple_of(Decimal::new(1, 2)) {
        issues.push(
            at.clone(),
            Problem::NotWholeMinorUnits {
                minor_unit: Decimal::new(1, 2),
            },
        );
        return None;
    }
    Some(m)
}

/// The `id` of the list element `item` at `list[index]`: a non-empty text not seen before in
/// the list (`seen` remembers where each id first occurred).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn unique_id<'v>(
    item: &'v Value,
    list: &Path,
    index: usize,
    seen: &mut std::collections::HashMap<&'v str, usize>,
    issues: &mut Issues,
) -> Option<&'v str> {
    let at = list.index(index).key("id");
    let id = text(field(item, "id"), &at, issues)?;
    if id.is_empty() {
        issues.push(at, Problem::EmptyId);
        return None;
    }
    if let Some(&first) = seen.get(id) {
        issues.push(
            at,
            Problem::DuplicateId {
                id: id.to_owned(),
                first: list.index(first).key("id"),
            },
        );
        return None;
    }
    seen.insert(id, index);
    Some(id)
}

/// A percentage 0..=100 with at most 4 decimals (domain splits, market shares).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn percent(value: &Value, at: &dyn At, issues: &mut Issues) -> Option<Decimal> {
    let d = decimal(value, at, issues)?;
    if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
        issues.push(at.path(), Problem::PercentOutOfRange);
        return None;
    }
    if d.normalize().scale() > 4 {
        issues.push(at.path(), Problem::FractionTooPrecise { max: 4 });
        return None;
    }
    Some(d)
}

/// A yearly rate of change in percent (growth, indexation): above −100, at most 100, at most
/// 4 decimals.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn rate(value: &Value, at: &Path, issues: &mut Issues) -> Option<Decimal> {
    let d = decimal(value, at, issues)?;
    if d > Decimal::from(-100) && d <= Decimal::ONE_HUNDRED && d.normalize().scale() <= 4 {
        Some(d)
    } else {
        issues.push(at.clone(), Problem::PercentOutOfRange);
        None
    }
}
