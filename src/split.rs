//! Splitting an amount over parties in proportion to their weights, exactly to the minor unit.
//!
//! # The rule (Hamilton / largest remainder)
//! With `U` = the total in minor units and `S` = the sum of the weights, party `i` first gets
//! `floor(U × wᵢ / S)` units. The `k` units left over go one each to the `k` parties with the
//! largest fractional remainder `(U × wᵢ) mod S`. Ties go to the larger weight, then to the
//! earlier party in input order. A negative total is split as its absolute value and negated;
//! a zero weight gets zero. All arithmetic is on exact integers (256-bit), never on floats.
//!
//! # Why ties go to the larger weight
//! Libraries such as brick/money and moneyphp give a tied leftover unit to the lowest index,
//! so the result depends on the order in which the caller happened to list the parties.
//! Here it does not, unless two parties have exactly the same weight (then nothing can tell
//! them apart but their order). Example: €0.05 over weights 1 and 4 would be exact at
//! €0.01 and €0.04; now split €0.03 over weights 1, 1 and 4 (exact 0.5, 0.5 and 2 cents):
//! floors 0, 0 and 2 cents, one cent left, the two weight-1 parties tie on remainder ½ and
//! the earlier one gets it. Split €0.07 over weights 2 and 5 and 7 (exact 1, 2.5 and 3.5
//! cents): floors 1, 2 and 3, one cent left, remainders tie at ½ and it goes to the larger
//! weight 7 — whichever position that party has in the list. brick/money would give it to
//! the weight-5 party when it is listed first, and to the weight-7 party otherwise.

use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issue, Issues, Path, Problem};
use crate::money::Money;
use ethnum::U256;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::collections::HashMap;

/// Why a split could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// There are no parties.
    NoParties,
    /// The minor unit is zero or negative.
    MinorUnitNotPositive,
    /// The total is not a whole number of minor units.
    NotWholeMinorUnits,
    /// The weight at this index is negative.
    NegativeWeight {
        /// Index of the first negative weight.
        index: usize,
    },
    /// Every weight is zero.
    AllWeightsZero,
    /// The numbers span more digits than the exact 256-bit arithmetic holds.
    TooPrecise,
}

/// Splits `total` over `weights`, exactly to `minor_unit`, by the largest-remainder rule.
///
/// The returned amounts are in input order and sum exactly to `total`; each is within one
/// minor unit of its exact share `total × wᵢ / Σw`.
///
/// # Errors
/// A [`SplitError`] naming the first thing that makes the split impossible.
///
/// # Example
/// ```
/// use resv_calc::split::split;
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// let parts = split(d("100.00"), &[d("1"), d("1"), d("1")], d("0.01")).unwrap();
/// assert_eq!(parts, [d("33.34"), d("33.33"), d("33.33")]);
/// ```
pub fn split(
    total: Decimal,
    weights: &[Decimal],
    minor_unit: Decimal,
) -> Result<Vec<Decimal>, SplitError> {
    if weights.is_empty() {
        return Err(SplitError::NoParties);
    }
    if minor_unit <= Decimal::ZERO {
        return Err(SplitError::MinorUnitNotPositive);
    }
    if let Some(index) = weights
        .iter()
        .position(|w| w.is_sign_negative() && !w.is_zero())
    {
        return Err(SplitError::NegativeWeight { index });
    }
    if weights.iter().all(|w| w.is_zero()) {
        return Err(SplitError::AllWeightsZero);
    }
    let units = whole_units(total.abs(), minor_unit)?;
    let scaled = to_common_scale(weights).ok_or(SplitError::TooPrecise)?;
    let sum = scaled
        .iter()
        .try_fold(U256::ZERO, |acc, w| acc.checked_add(*w))
        .ok_or(SplitError::TooPrecise)?;

    let mut floors = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given = U256::ZERO;
    // Fast path: with units and sum within u64 and u128, every product fits in u128 and the
    // 256-bit division (several times slower, above all on wasm32) is not needed.
    let small = match (narrow(units).map(u64::try_from), narrow(sum)) {
        (Some(Ok(u)), Some(s)) if s > 0 => Some((u128::from(u), s.unsigned_abs())),
        _ => None,
    };
    for w in &scaled {
        let (q, r) = match (small, narrow(*w).and_then(|w| u64::try_from(w).ok())) {
            (Some((u, s)), Some(w)) => {
                let product = u.checked_mul(u128::from(w)).ok_or(SplitError::TooPrecise)?;
                let q = product.checked_div(s).ok_or(SplitError::TooPrecise)?;
                let r = product.checked_rem(s).ok_or(SplitError::TooPrecise)?;
                (U256::from(q), U256::from(r))
            }
            _ => {
                let product = units.checked_mul(*w).ok_or(SplitError::TooPrecise)?;
                let q = product.checked_div(sum).ok_or(SplitError::TooPrecise)?;
                let r = product.checked_rem(sum).ok_or(SplitError::TooPrecise)?;
                (q, r)
            }
        };
        given = given.checked_add(q).ok_or(SplitError::TooPrecise)?;
        floors.push(q);
        remainders.push(r);
    }
    let left = units.checked_sub(given).ok_or(SplitError::TooPrecise)?;
    let left = narrow(left)
        .and_then(|l| usize::try_from(l).ok())
        .ok_or(SplitError::TooPrecise)?;

    if left > 0 {
        let mut order: Vec<usize> = (0..scaled.len())
            .filter(|&i| scaled.get(i).is_some_and(|w| *w > U256::ZERO))
            .collect();
        let key = |i: usize| (remainders.get(i).copied(), scaled.get(i).copied());
        crate::order::sort_positions(&mut order, &|a, b| match key(b).cmp(&key(a)) {
            Ordering::Equal => a.cmp(&b),
            other => other,
        });
        for &i in order.iter().take(left) {
            if let Some(f) = floors.get_mut(i) {
                *f = f.checked_add(U256::ONE).ok_or(SplitError::TooPrecise)?;
            }
        }
    }

    let negative = total.is_sign_negative() && !total.is_zero();
    floors
        .into_iter()
        .map(|q| units_to_decimal(q, minor_unit, negative))
        .collect()
}

/// `amount / unit` when it is a whole number (both non-negative).
fn whole_units(amount: Decimal, unit: Decimal) -> Result<U256, SplitError> {
    let pair = to_common_scale(&[amount, unit]).ok_or(SplitError::TooPrecise)?;
    let (a, u) = match pair.as_slice() {
        [a, u] => (*a, *u),
        _ => return Err(SplitError::TooPrecise),
    };
    match (a.checked_div(u), a.checked_rem(u)) {
        (Some(q), Some(r)) if r == U256::ZERO => Ok(q),
        (Some(_), Some(_)) => Err(SplitError::NotWholeMinorUnits),
        _ => Err(SplitError::MinorUnitNotPositive),
    }
}

/// The magnitudes of `values` as integers at their largest common scale.
fn to_common_scale(values: &[Decimal]) -> Option<Vec<U256>> {
    let scale = values.iter().map(Decimal::scale).max()?;
    values
        .iter()
        .map(|v| {
            let mantissa = U256::from(v.mantissa().unsigned_abs());
            mantissa.checked_mul(pow10(scale.checked_sub(v.scale())?)?)
        })
        .collect()
}

fn pow10(exp: u32) -> Option<U256> {
    (0..exp).try_fold(U256::ONE, |acc, _| acc.checked_mul(U256::new(10)))
}

/// `units × minor_unit` as a decimal, negated when asked.
fn units_to_decimal(
    units: U256,
    minor_unit: Decimal,
    negative: bool,
) -> Result<Decimal, SplitError> {
    let mantissa = units
        .checked_mul(U256::from(minor_unit.mantissa().unsigned_abs()))
        .ok_or(SplitError::TooPrecise)?;
    let mantissa = narrow(mantissa).ok_or(SplitError::TooPrecise)?;
    let mut d = Decimal::try_from_i128_with_scale(mantissa, minor_unit.scale())
        .map_err(|_| SplitError::TooPrecise)?;
    if negative && !d.is_zero() {
        d.set_sign_negative(true);
    }
    Ok(d)
}

/// The value as an `i128` when it fits, never truncating.
fn narrow(value: U256) -> Option<i128> {
    let (high, low) = value.into_words();
    if high != 0 {
        return None;
    }
    i128::try_from(low).ok()
}

/// One party's amount, in input order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Part {
    /// The party's id as given.
    pub id: String,
    /// Its amount.
    pub amount: Money,
}

/// The options `allocate` knows.
const OPTIONS: &[&str] = &["minorUnit"];

/// The `allocate(total, weights, options?)` export on loose input: validates everything,
/// reporting every problem with its path, then splits.
///
/// # Errors
/// Every problem found, as [`Issues`] with paths such as `weights[2].weight`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn allocate(total: &Value, weights: &Value, options: &Value) -> Result<Vec<Part>, Issues> {
    let mut issues = Issues::new();
    let total_path = Path::root().key("total");
    let weights_path = Path::root().key("weights");
    let options_path = Path::root().key("options");

    let total = read::money(total, &total_path, &mut issues);

    let mut minor_unit = Some(Decimal::new(1, 2));
    if read::options(options, OPTIONS, &options_path, &mut issues) {
        let value = read::field(options, "minorUnit");
        if !value.is_null() {
            let path = options_path.key("minorUnit");
            minor_unit = read::money(value, &path, &mut issues).map(Money::value);
            if minor_unit.is_some_and(|m| m <= Decimal::ZERO) {
                issues.push(path, Problem::MinorUnitNotPositive);
                minor_unit = None;
            }
        }
    }

    let mut ids = Vec::new();
    let mut ws = Vec::new();
    if let Some(items) = read::list(weights, &weights_path, &mut issues) {
        if items.is_empty() {
            issues.push(weights_path.clone(), Problem::NoParties);
        }
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = || weights_path.index(i);
            if !matches!(item, Value::Object { .. }) {
                read::wrong_type(item, Expected::Object, &at, &mut issues);
                continue;
            }
            let id_at = || at().key("id");
            let id = read::text(read::field(item, "id"), &id_at, &mut issues);
            if let Some(id) = id {
                if id.is_empty() {
                    issues.push(id_at(), Problem::EmptyId);
                } else if let Some(&first) = seen.get(id) {
                    issues.push(
                        id_at(),
                        Problem::DuplicateId {
                            id: id.to_owned(),
                            first: weights_path.index(first).key("id"),
                        },
                    );
                } else {
                    seen.insert(id, i);
                }
            }
            let weight_at = || at().key("weight");
            let weight = read::decimal(read::field(item, "weight"), &weight_at, &mut issues);
            if weight.is_some_and(|w| w < Decimal::ZERO) {
                issues.push(weight_at(), Problem::NegativeWeight);
            }
            if let (Some(id), Some(w)) = (id, weight) {
                ids.push(id.to_owned());
                ws.push(w);
            }
        }
        if !items.is_empty() && issues.is_empty() && ws.iter().all(|w| w.is_zero()) {
            issues.push(weights_path.clone(), Problem::AllWeightsZero);
        }
    }

    if let (Some(total), Some(unit)) = (total, minor_unit) {
        if !total.is_multiple_of(unit) {
            issues.push(
                total_path.clone(),
                Problem::NotWholeMinorUnits { minor_unit: unit },
            );
        }
    }

    let (Some(total), Some(unit), true) = (total, minor_unit, issues.is_empty()) else {
        return Err(issues);
    };
    let amounts = split(total.value(), &ws, unit).map_err(|e| {
        let (path, problem) = match e {
            SplitError::NotWholeMinorUnits => (
                total_path.clone(),
                Problem::NotWholeMinorUnits { minor_unit: unit },
            ),
            SplitError::MinorUnitNotPositive => {
                (options_path.key("minorUnit"), Problem::MinorUnitNotPositive)
            }
            SplitError::NoParties => (weights_path.clone(), Problem::NoParties),
            SplitError::NegativeWeight { index } => (
                weights_path.index(index).key("weight"),
                Problem::NegativeWeight,
            ),
            SplitError::AllWeightsZero => (weights_path.clone(), Problem::AllWeightsZero),
            SplitError::TooPrecise => (weights_path.clone(), Problem::WeightsTooPrecise),
        };
        Issues::from(Issue::new(path, problem))
    })?;
    let mut parts = Vec::with_capacity(amounts.len());
    for (id, amount) in ids.into_iter().zip(amounts) {
        // Each part is at most the total in magnitude, so it is within the money range.
        let amount =
            Money::new(amount).map_err(|p| Issues::from(Issue::new(total_path.clone(), p)))?;
        parts.push(Part { id, amount });
    }
    Ok(parts)
}

/// `weight / sum` rounded half away from zero to `decimals` decimals, exactly.
///
/// # Example
/// ```
/// use resv_calc::split::share;
/// assert_eq!(share(1, 3, 10).unwrap().to_string(), "0.3333333333");
/// assert_eq!(share(2, 3, 10).unwrap().to_string(), "0.6666666667");
/// ```
pub fn share(weight: u128, sum: u128, decimals: u32) -> Option<Decimal> {
    if sum == 0 {
        return None;
    }
    let scaled = U256::from(weight).checked_mul(pow10(decimals)?)?;
    let q = half_away(scaled, U256::from(sum))?;
    Decimal::try_from_i128_with_scale(narrow(q)?, decimals).ok()
}

/// `n / d` rounded half away from zero (both non-negative, `d > 0`).
fn half_away(n: U256, d: U256) -> Option<U256> {
    let twice = n.checked_mul(U256::new(2))?.checked_add(d)?;
    twice.checked_div(d.checked_mul(U256::new(2))?)
}

/// [`split`] of an amount over `weights` to the cent, as amounts. `None` when the split is
/// refused (no weights, all zero, a negative weight) or an amount overflows.
pub fn split_cents(total: Money, weights: &[Decimal]) -> Option<Vec<Money>> {
    split(total.value(), weights, Decimal::new(1, 2))
        .ok()?
        .into_iter()
        .map(|d| Money::new(d).ok())
        .collect()
}

/// Splits `total` (a whole number of cents) by the *leader absorbs* rule: every party except
/// `absorber` gets its exact share `total × wᵢ / Σw` rounded half away from zero to the cent,
/// and `absorber` (the market leader) gets what is left. When those roundings together would
/// exceed the total (a tiny total over many equal parties: €0.03 over five), the other parties'
/// shares are rounded down instead, so the absorber's rest is never negative. A negative total
/// (a correction) is split as its absolute value and negated, as [`split`] does.
///
/// # Example
/// ```
/// use resv_calc::split::leader_absorbs;
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(leader_absorbs(d("100.00"), &[2, 1], 0).unwrap(), [d("66.67"), d("33.33")]);
/// assert_eq!(leader_absorbs(d("0.03"), &[1, 1, 1, 1, 1], 0).unwrap(), [d("0.03"), d("0"), d("0"), d("0"), d("0")]);
/// assert_eq!(leader_absorbs(d("-100.00"), &[2, 1], 0).unwrap(), [d("-66.67"), d("-33.33")]);
/// ```
///
/// # Errors
/// As [`split`].
pub fn leader_absorbs(
    total: Decimal,
    weights: &[u128],
    absorber: usize,
) -> Result<Vec<Decimal>, SplitError> {
    let cent = Decimal::new(1, 2);
    if weights.is_empty() || absorber >= weights.len() {
        return Err(SplitError::NoParties);
    }
    let negative = total.is_sign_negative() && !total.is_zero();
    let units = whole_units(total.abs(), cent)?;
    let sum = weights
        .iter()
        .try_fold(U256::ZERO, |acc, w| acc.checked_add(U256::from(*w)))
        .ok_or(SplitError::TooPrecise)?;
    if sum == U256::ZERO {
        return Err(SplitError::AllWeightsZero);
    }
    let others = |round: fn(U256, U256) -> Option<U256>| -> Result<Vec<U256>, SplitError> {
        weights
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == absorber {
                    return Ok(U256::ZERO);
                }
                let product = units
                    .checked_mul(U256::from(*w))
                    .ok_or(SplitError::TooPrecise)?;
                round(product, sum).ok_or(SplitError::TooPrecise)
            })
            .collect()
    };
    let total_of = |parts: &[U256]| {
        parts
            .iter()
            .try_fold(U256::ZERO, |a, q| a.checked_add(*q))
            .ok_or(SplitError::TooPrecise)
    };
    let mut parts = others(half_away)?;
    if total_of(&parts)? > units {
        parts = others(|n, d| n.checked_div(d))?;
    }
    let rest = units
        .checked_sub(total_of(&parts)?)
        .ok_or(SplitError::TooPrecise)?;
    match parts.get_mut(absorber) {
        Some(p) => *p = rest,
        None => return Err(SplitError::NoParties),
    }
    parts
        .into_iter()
        .map(|q| units_to_decimal(q, cent, negative))
        .collect()
}

/// `Π num / Π den` rounded half away from zero, exactly (256-bit intermediates); `None` when
/// the denominator is zero or the result does not fit in `u128`.
///
/// # Example
/// ```
/// use resv_calc::split::rounded_ratio;
/// assert_eq!(rounded_ratio(&[7, 10], &[4]), Some(18)); // 17.5 → 18
/// assert_eq!(rounded_ratio(&[1], &[3]), Some(0));
/// ```
pub fn rounded_ratio(num: &[u128], den: &[u128]) -> Option<u128> {
    let n = num
        .iter()
        .try_fold(U256::ONE, |a, x| a.checked_mul(U256::from(*x)))?;
    let d = den
        .iter()
        .try_fold(U256::ONE, |a, x| a.checked_mul(U256::from(*x)))?;
    if d == U256::ZERO {
        return None;
    }
    let q = half_away(n, d)?;
    u128::try_from(narrow(q)?).ok()
}
