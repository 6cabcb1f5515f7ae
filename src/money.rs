//! Exact decimal numbers and money: the project's own strict grammar over `rust_decimal`.
//!
//! The grammar is `-?[0-9]+(\.[0-9]+)?`, nothing else: no exponents, no underscores, no
//! commas (neither decimal comma nor thousands separator), no white space, no `+`, no bare
//! `.5` or `5.`, at most 28 significant digits. Nothing is ever rounded silently: a number is
//! either held exactly or rejected with a reason. `"-0"` is zero.
//!
//! Money is shown with [`Money`]'s one `Display`: at least two decimals (`"12.50"`), more only
//! when the value has them (`"0.125"`), never a negative zero.

use crate::issue::Problem;
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

/// The largest magnitude accepted for an amount of money: €1,000,000,000,000,000
/// (a thousand trillion), far above any budget, low enough that every product the core forms
/// stays exact.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// Parses a decimal under the project's grammar.
///
/// # Errors
/// Returns the [`Problem`] that says what was found: [`Problem::NumberHasComma`] for
/// `"1.000,00"`, [`Problem::NumberHasExponent`] for `"1e3"`, and so on.
///
/// # Example
/// ```
/// use resv_calc::money::parse_decimal;
/// assert_eq!(parse_decimal("-12.50").unwrap().to_string(), "-12.50");
/// assert!(parse_decimal("1e3").is_err());
/// ```
pub fn parse_decimal(text: &str) -> Result<Decimal, Problem> {
    if text.is_empty() {
        return Err(Problem::NumberEmpty);
    }
    if text.trim() != text {
        return Err(Problem::NumberHasWhitespace);
    }
    if matches!(text, "NaN" | "Infinity" | "-Infinity" | "+Infinity") {
        return Err(Problem::NumberNotFinite);
    }
    let bytes = text.as_bytes();
    if bytes.contains(&b',') {
        return Err(Problem::NumberHasComma);
    }
    if bytes.contains(&b'_') {
        return Err(Problem::NumberHasUnderscore);
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match unsigned.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        // Name the exponent when that is what spoils an otherwise numeric text.
        let looks_exponent = unsigned
            .split_once(['e', 'E'])
            .is_some_and(|(m, e)| !m.is_empty() && !e.is_empty());
        return Err(if looks_exponent {
            Problem::NumberHasExponent
        } else {
            Problem::NumberMalformed
        });
    }
    let significant = int
        .trim_start_matches('0')
        .len()
        .saturating_add(frac.map_or(0, str::len));
    if significant > 28 || frac.is_some_and(|f| f.len() > 28) {
        return Err(Problem::NumberTooManyDigits);
    }
    // The digits, checked above, are the mantissa and the fraction's length the scale: at most
    // 28 significant digits fit rust_decimal's 96 bits (10^28 < 2^96), so the number is built
    // here rather than by rust_decimal's own text reader (which also reads exponents and
    // underscores, and is some 12 KB of the Wasm module, issue 19).
    let mut mantissa: i128 = 0;
    for digit in int.bytes().chain(frac.unwrap_or_default().bytes()) {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(i128::from(digit.wrapping_sub(b'0'))))
            .ok_or(Problem::NumberTooManyDigits)?;
    }
    if unsigned.len() != text.len() {
        mantissa = mantissa.checked_neg().ok_or(Problem::NumberTooManyDigits)?;
    }
    let scale =
        u32::try_from(frac.map_or(0, str::len)).map_err(|_| Problem::NumberTooManyDigits)?;
    let mut value = Decimal::try_from_i128_with_scale(mantissa, scale)
        .map_err(|_| Problem::NumberTooManyDigits)?;
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Ok(value)
}

/// An amount of money in euros, exact, with magnitude at most [`MAX_AMOUNT`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    /// Zero euros.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// A whole number of cents (for constants; within range by construction of the callers).
    pub const fn from_cents(cents: i64) -> Money {
        Money(Decimal::from_parts(
            cents.unsigned_abs() as u32,
            (cents.unsigned_abs() >> 32) as u32,
            0,
            cents < 0,
            2,
        ))
    }

    /// Wraps a decimal when it is within [`MAX_AMOUNT`].
    ///
    /// # Errors
    /// [`Problem::AmountTooLarge`] beyond the limit.
    pub fn new(value: Decimal) -> Result<Money, Problem> {
        if value.abs() > MAX_AMOUNT {
            return Err(Problem::AmountTooLarge { max: MAX_AMOUNT });
        }
        let mut value = value;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Ok(Money(value))
    }

    /// Wraps a derived figure that may pass [`MAX_AMOUNT`] although every input is within it
    /// (the MDZ national projection: a region's Zvw × national / region population). Never
    /// for inputs or for amounts that are split or added up further.
    pub fn derived(value: Decimal) -> Money {
        let mut value = value;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Money(value)
    }

    /// Parses an amount under the grammar of [`parse_decimal`] and the limit of [`Money::new`].
    ///
    /// # Errors
    /// The grammar's problem, or [`Problem::AmountTooLarge`].
    pub fn parse(text: &str) -> Result<Money, Problem> {
        Money::new(parse_decimal(text)?)
    }

    /// The exact decimal value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The sum, or `None` when it leaves the supported range.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).and_then(|v| Money::new(v).ok())
    }

    /// The difference, or `None` when it leaves the supported range.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).and_then(|v| Money::new(v).ok())
    }

    /// The negation (always in range: the range is symmetric).
    pub fn negated(self) -> Money {
        let mut v = self.0;
        v.set_sign_negative(!v.is_sign_negative() && !v.is_zero());
        Money(v)
    }

    /// Rounded to `decimals` places, halves away from zero (`2.345` → `2.35`, `-2.345` → `-2.35`).
    pub fn round_half_away_from_zero(self, decimals: u32) -> Money {
        let rounded = self
            .0
            .round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        Money::new(rounded).unwrap_or(self)
    }

    /// The amount after `years` years of `percent` change a year, compounded and rounded half
    /// away from zero to the cent each year (€100,000.00 at 2.5% → €102,500.00 → €105,062.50).
    pub fn compounded(self, percent: Decimal, years: u16) -> Option<Money> {
        let factor = Decimal::ONE.checked_add(percent.checked_div(Decimal::ONE_HUNDRED)?)?;
        let mut a = self;
        for _ in 0..years {
            a = Money::new(a.0.checked_mul(factor)?)
                .ok()?
                .round_half_away_from_zero(2);
        }
        Some(a)
    }

    /// Whether the amount is a whole number of `unit` (for example whole cents for `0.01`).
    pub fn is_multiple_of(self, unit: Decimal) -> bool {
        !unit.is_zero() && self.0.checked_rem(unit).is_some_and(|r| r.is_zero())
    }
}

impl fmt::Display for Money {
    /// At least two decimals, more only when the value has them; never `-0.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::issue::amount_text(self.0))
    }
}

impl serde::Serialize for Money {
    /// Money crosses every boundary as its decimal text (`"12.50"`), never as a float.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_amount_is_a_thousand_trillion() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn displays_at_least_two_decimals_and_no_negative_zero() {
        let table = [
            ("0", "0.00"),
            ("-0", "0.00"),
            ("-0.000", "0.00"),
            ("12.5", "12.50"),
            ("1250000", "1250000.00"),
            ("0.125", "0.125"),
            ("-3.10", "-3.10"),
        ];
        for (input, want) in table {
            let m = Money::parse(input);
            assert_eq!(
                m.map(|m| m.to_string()),
                Ok(want.to_string()),
                "input {input:?}"
            );
        }
    }
}
