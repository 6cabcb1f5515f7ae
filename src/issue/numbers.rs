//! Numbers as people read them in a message or a field: `€ 49.950,00`, `100.000`, `36,8%` in
//! Dutch; `€49,950.00`, `100,000`, `36.8%` in English. The input layer reads typed amounts
//! back with the same marks (`input::typed`), so what a message shows can be typed again.

use super::Lang;
use rust_decimal::Decimal;

/// The thousands separator and decimal mark of a language.
#[cfg_attr(resv_optimize, optimize(size))]
pub(crate) fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Groups the digits of a whole number by three with `group`.
#[cfg_attr(resv_optimize, optimize(size))]
pub(crate) fn grouped(int: &str, group: char) -> String {
    let mut s = String::with_capacity(int.len().saturating_mul(2));
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && len.saturating_sub(i) % 3 == 0 {
            s.push(group);
        }
        s.push(c);
    }
    s
}

/// A decimal in `lang` with grouped thousands and at least `min_decimals` decimals, and whether
/// it is negative (the sign is left to the caller: `€ -5,00` and `-€5.00` put it differently).
#[cfg_attr(resv_optimize, optimize(size))]
pub(crate) fn written(value: Decimal, lang: Lang, min_decimals: u32) -> (bool, String) {
    let mut v = value.normalize();
    if v.scale() < min_decimals {
        v.rescale(min_decimals);
    }
    let negative = v.is_sign_negative() && !v.is_zero();
    let text = v.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let (group, mark) = marks(lang);
    let mut s = grouped(int, group);
    if !frac.is_empty() {
        s.push(mark);
        s.push_str(frac);
    }
    (negative, s)
}

/// An amount with the euro sign: `€ 1.250.000,00` / `€1,250,000.00`; `€ -5,00` / `-€5.00`
/// when negative, as `Intl.NumberFormat` writes them (the Dutch space a no-break space, so a
/// line never breaks between `€` and its amount).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn money_phrase(value: Decimal, lang: Lang) -> String {
    let (negative, s) = written(value, lang, 2);
    match (lang, negative) {
        (Lang::Nl, false) => format!("€\u{a0}{s}"),
        (Lang::Nl, true) => format!("€\u{a0}-{s}"),
        (Lang::En, false) => format!("€{s}"),
        (Lang::En, true) => format!("-€{s}"),
    }
}

/// A number with grouped thousands and only the decimals it has: `100.000`, `45.418,5`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn number_phrase(value: Decimal, lang: Lang) -> String {
    let (negative, s) = written(value, lang, 0);
    if negative {
        format!("-{s}")
    } else {
        s
    }
}

/// A count with grouped thousands: `100.000` / `100,000`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn count_phrase(count: u64, lang: Lang) -> String {
    let (group, _) = marks(lang);
    grouped(&count.to_string(), group)
}

/// A percentage with its sign: `36,8%` / `36.8%`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn percent_phrase(value: Decimal, lang: Lang) -> String {
    format!("{}%", number_phrase(value, lang))
}

/// `count` with the singular or plural noun: `1 rij`, `2.500 rijen`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn counted(count: u64, lang: Lang, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", count_phrase(count, lang))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn phrases_in_both_languages() {
        assert_eq!(money_phrase(d("49950"), Lang::Nl), "€\u{a0}49.950,00");
        assert_eq!(money_phrase(d("49950"), Lang::En), "€49,950.00");
        assert_eq!(money_phrase(d("-5"), Lang::En), "-€5.00");
        assert_eq!(money_phrase(d("-0.00"), Lang::Nl), "€\u{a0}0,00");
        assert_eq!(count_phrase(100_000, Lang::Nl), "100.000");
        assert_eq!(count_phrase(999, Lang::En), "999");
        assert_eq!(percent_phrase(d("36.80"), Lang::Nl), "36,8%");
        assert_eq!(percent_phrase(d("36.8"), Lang::En), "36.8%");
        assert_eq!(number_phrase(d("45418.50"), Lang::Nl), "45.418,5");
        assert_eq!(counted(1, Lang::Nl, "rij", "rijen"), "1 rij");
        assert_eq!(counted(1000, Lang::En, "row", "rows"), "1,000 rows");
    }
}
