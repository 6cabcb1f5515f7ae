//! Amounts and percentages as people type them, in the page's language: the one reading the
//! page and embedders use, so `810.500` in a Dutch page is never € 810,50.
//!
//! The core's own grammar ([`crate::money::parse_decimal`]: `1250000.00`) stays the language of
//! programs; this module reads the forms finance staff write and turns them into that grammar.
//!
//! **Dutch** (`nl`): `.` groups thousands (groups of exactly three digits), `,` is the decimal
//! comma; a `€` (before or after the sign), spaces around it and a trailing `,-` (whole euros)
//! are allowed: `810.500`, `1.250.000`, `1.250.000,00`, `€ 1.250.000,-`, `1250000`, `999,95`,
//! `12.345,6`.
//! **English** (`en`): `,` groups thousands, `.` is the decimal point: `1,250,000.00`,
//! `€1,250,000`.
//! **Both**: the plain machine form `1250000.00` (a single `.` that cannot be a thousands
//! group: not followed by exactly three digits, or after more than three digits).
//! Percentages take the same numbers and an optional `%`: `40%`, `55,5`, `55,5 %`.
//!
//! Anything else is refused with [`Problem::AmountUnreadable`] or
//! [`Problem::PercentUnreadable`], which quote what was typed and say how to write it — never
//! silently another number. [`format_amount`] and [`format_percent`] write the page's form, and
//! everything they write reads back to the same value (a property test and a fuzz target).

use crate::issue::numbers::{marks, money_phrase, written};
use crate::issue::{Lang, Problem};
use crate::money::{parse_decimal, Money};
use rust_decimal::Decimal;

/// Typed text longer than this is refused without being read (no amount is that long).
pub const MAX_TYPED_CHARS: usize = 80;

/// What was typed, cut to a length a message can quote.
#[cfg_attr(resv_optimize, optimize(size))]
fn quoted(text: &str) -> String {
    const QUOTED: usize = 40;
    let trimmed = text.trim();
    if trimmed.chars().count() <= QUOTED {
        trimmed.to_owned()
    } else {
        let mut s: String = trimmed.chars().take(QUOTED).collect();
        s.push('…');
        s
    }
}

/// Reads an amount of money as typed in `lang`.
///
/// # Errors
/// [`Problem::NumberEmpty`] for an empty text, [`Problem::AmountUnreadable`] for a text that
/// fits no reading of `lang` (it quotes the text and names the format),
/// [`Problem::NumberTooManyDigits`] or [`Problem::AmountTooLarge`] beyond what is held exactly.
///
/// # Example
/// ```
/// use resv_calc::input::typed::read_amount;
/// use resv_calc::issue::Lang;
/// assert_eq!(read_amount("810.500", Lang::Nl).unwrap().to_string(), "810500.00");
/// assert_eq!(read_amount("€ 1.250.000,-", Lang::Nl).unwrap().to_string(), "1250000.00");
/// assert_eq!(read_amount("€1,250,000", Lang::En).unwrap().to_string(), "1250000.00");
/// assert!(read_amount("12,5", Lang::En).is_err());
/// ```
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_amount(text: &str, lang: Lang) -> Result<Money, Problem> {
    let unreadable = || Problem::AmountUnreadable {
        typed: quoted(text),
        format: lang,
    };
    let plain = plain_number(text, lang, true).ok_or_else(unreadable)?;
    Money::new(parse_decimal(&plain)?)
}

/// Reads a percentage as typed in `lang`: a number, optionally followed by `%`.
///
/// # Errors
/// [`Problem::NumberEmpty`] for an empty text, [`Problem::PercentUnreadable`] for a text that
/// fits no reading of `lang`, [`Problem::NumberTooManyDigits`] beyond what is held exactly.
///
/// # Example
/// ```
/// use resv_calc::input::typed::read_percent;
/// use resv_calc::issue::Lang;
/// assert_eq!(read_percent("40%", Lang::Nl).unwrap().to_string(), "40");
/// assert_eq!(read_percent("55,5", Lang::Nl).unwrap().to_string(), "55.5");
/// assert_eq!(read_percent("55.5 %", Lang::En).unwrap().to_string(), "55.5");
/// ```
#[cfg_attr(resv_optimize, optimize(size))]
pub fn read_percent(text: &str, lang: Lang) -> Result<Decimal, Problem> {
    let unreadable = || Problem::PercentUnreadable {
        typed: quoted(text),
        format: lang,
    };
    let t = text.trim();
    let number = t.strip_suffix('%').map_or(t, str::trim_end);
    if number.is_empty() && !t.is_empty() {
        return Err(unreadable()); // a "%" alone
    }
    let plain = plain_number(number, lang, false).ok_or_else(unreadable)?;
    parse_decimal(&plain)
}

/// The typed text in the core's grammar (`-?digits(.digits)?`), empty for an empty text, or
/// `None` when it fits no reading of `lang`. `money` allows the euro sign and `,-`.
#[cfg_attr(resv_optimize, optimize(size))]
fn plain_number(text: &str, lang: Lang, money: bool) -> Option<String> {
    if text.chars().count() > MAX_TYPED_CHARS {
        return None;
    }
    let mut t = text.trim();
    if t.is_empty() {
        return Some(String::new());
    }
    let mut negative = false;
    let mut euro = false;
    // A sign and a euro sign, in either order, spaces allowed after the euro sign.
    for _ in 0..2 {
        if let Some(rest) = t.strip_prefix('-').filter(|_| !negative) {
            negative = true;
            t = rest.trim_start();
        } else if let Some(rest) = t.strip_prefix('€').filter(|_| money && !euro) {
            euro = true;
            t = rest.trim_start();
        }
    }
    // "€" after the amount ("1.250,00 €") is how some write it too.
    if money && !euro {
        if let Some(rest) = t.strip_suffix('€') {
            t = rest.trim_end();
        }
    }
    let (group, mark) = marks(lang);
    // Dutch whole euros: "1.250,-" (also with an en dash, as word processors type it).
    if money && lang == Lang::Nl {
        if let Some(rest) = t.strip_suffix(",-").or_else(|| t.strip_suffix(",–")) {
            t = rest;
            if t.contains(',') {
                return None;
            }
        }
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = match t.split_once(mark) {
        Some((int, frac)) => (int, Some(frac)),
        None => (t, None),
    };
    if frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let int = if int.contains(group) {
        // Groups: one to three digits, then groups of exactly three.
        let mut parts = int.split(group);
        let first = parts.next().unwrap_or_default();
        // A group never starts a number with a zero: "0.125" is the machine form, not 125.
        let ok = digits(first)
            && first.len() <= 3
            && !first.starts_with('0')
            && parts.clone().all(|p| p.len() == 3 && digits(p))
            && parts.next().is_some();
        if ok {
            int.replace(group, "")
        } else if frac.is_none() && lang == Lang::Nl {
            // The machine form "1250000.00" in a Dutch page: one point, not a thousands group.
            let (i, f) = int.split_once('.')?;
            if !digits(i) || !digits(f) {
                return None;
            }
            let mut s = String::with_capacity(int.len().saturating_add(1));
            if negative {
                s.push('-');
            }
            s.push_str(i);
            s.push('.');
            s.push_str(f);
            return Some(s);
        } else {
            return None;
        }
    } else if digits(int) {
        int.to_owned()
    } else {
        return None;
    };
    let mut s = String::with_capacity(int.len().saturating_add(30));
    if negative {
        s.push('-');
    }
    s.push_str(&int);
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    Some(s)
}

/// An amount as a field shows it in `lang`, without the euro sign: `1.250.000,00` /
/// `1,250,000.00`; at least two decimals, more only when the amount has them.
///
/// # Example
/// ```
/// use resv_calc::input::typed::format_amount;
/// use resv_calc::issue::Lang;
/// use resv_calc::money::Money;
/// let m = Money::parse("1250000").unwrap();
/// assert_eq!(format_amount(m, Lang::Nl), "1.250.000,00");
/// assert_eq!(format_amount(m, Lang::En), "1,250,000.00");
/// ```
#[cfg_attr(resv_optimize, optimize(size))]
pub fn format_amount(amount: Money, lang: Lang) -> String {
    let (negative, s) = written(amount.value(), lang, 2);
    if negative {
        format!("-{s}")
    } else {
        s
    }
}

/// An amount with the euro sign as the page says it: `€ 1.250.000,00` / `€1,250,000.00`
/// (`€ -5,00` / `-€5.00` when negative, as `Intl.NumberFormat` writes them).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn amount_phrase(amount: Money, lang: Lang) -> String {
    money_phrase(amount.value(), lang)
}

/// A percentage as a field shows it in `lang`, without the sign: `55,5` / `55.5`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn format_percent(value: Decimal, lang: Lang) -> String {
    let (negative, s) = written(value, lang, 0);
    if negative {
        format!("-{s}")
    } else {
        s
    }
}

/// The language named by a page's `lang` (`"nl"`, `"en"`; a region suffix such as `"nl-NL"`
/// is allowed), or `None`.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn lang_of(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("nl") {
        Some(Lang::Nl)
    } else if primary.eq_ignore_ascii_case("en") {
        Some(Lang::En)
    } else {
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn amount(text: &str, lang: Lang) -> Result<String, &'static str> {
        read_amount(text, lang)
            .map(|m| m.to_string())
            .map_err(|p| p.code())
    }

    #[test]
    fn reads_every_form_of_the_issue_in_dutch() {
        let table = [
            ("810.500", "810500.00"),
            ("1.250.000", "1250000.00"),
            ("1.250.000,00", "1250000.00"),
            ("€ 1.250.000,-", "1250000.00"),
            ("€1.250.000,-", "1250000.00"),
            ("1250000", "1250000.00"),
            ("999,95", "999.95"),
            ("12.345,6", "12345.60"),
            ("210.000", "210000.00"),
            ("1250000.00", "1250000.00"),
            ("1250000,00", "1250000.00"),
            ("  810.500  ", "810500.00"),
            ("-1.250,50", "-1250.50"),
            ("€ -5,00", "-5.00"),
            ("€\u{a0}-5,00", "-5.00"),
            ("€\u{a0}1.250.000,00", "1250000.00"),
            ("-€ 5", "-5.00"),
            ("1.250,00 €", "1250.00"),
            ("12.5", "12.50"),
            ("0,125", "0.125"),
            ("1.250", "1250.00"),
            ("0.125", "0.125"),
        ];
        for (typed, want) in table {
            assert_eq!(amount(typed, Lang::Nl), Ok(want.into()), "typed {typed:?}");
        }
    }

    #[test]
    fn reads_every_form_of_the_issue_in_english() {
        let table = [
            ("1,250,000.00", "1250000.00"),
            ("€1,250,000", "1250000.00"),
            ("€ 1,250,000", "1250000.00"),
            ("1,250", "1250.00"),
            ("1250000.00", "1250000.00"),
            ("999.95", "999.95"),
            ("-€5.00", "-5.00"),
        ];
        for (typed, want) in table {
            assert_eq!(amount(typed, Lang::En), Ok(want.into()), "typed {typed:?}");
        }
    }

    #[test]
    fn refuses_what_fits_no_reading_and_quotes_it() {
        let table = [
            ("12,5", Lang::En),
            ("1,25,000", Lang::En),
            ("1.250.00", Lang::Nl),
            ("1.25.000", Lang::Nl),
            ("1.250,000.5", Lang::Nl),
            ("1,250.00", Lang::Nl),
            ("12,5,5", Lang::Nl),
            ("1e3", Lang::Nl),
            ("abc", Lang::En),
            (",5", Lang::Nl),
            ("5,", Lang::Nl),
            ("€", Lang::Nl),
            ("--5", Lang::Nl),
            ("1.250,-", Lang::En),
            ("1 250 000", Lang::Nl),
            ("+5", Lang::Nl),
            ("0,125", Lang::En),
        ];
        for (typed, lang) in table {
            let got = read_amount(typed, lang);
            match got {
                Err(Problem::AmountUnreadable { typed: t, format }) => {
                    assert_eq!(t, typed.trim(), "typed {typed:?}");
                    assert_eq!(format, lang, "typed {typed:?}");
                }
                other => panic!("typed {typed:?} in {lang:?}: {other:?}"),
            }
        }
        assert_eq!(amount("", Lang::Nl), Err("number_empty"));
        assert_eq!(amount("   ", Lang::Nl), Err("number_empty"));
        assert_eq!(
            amount("1.000.000.000.000.000,01", Lang::Nl),
            Err("amount_too_large")
        );
        let long = "9".repeat(200);
        assert_eq!(amount(&long, Lang::Nl), Err("amount_unreadable"));
    }

    #[test]
    fn reads_percentages_with_and_without_the_sign() {
        let table = [
            ("40%", Lang::Nl, "40"),
            ("40 %", Lang::Nl, "40"),
            ("55,5", Lang::Nl, "55.5"),
            ("55.5", Lang::Nl, "55.5"),
            ("55.5%", Lang::En, "55.5"),
            ("0,000001", Lang::Nl, "0.000001"),
            ("100", Lang::En, "100"),
        ];
        for (typed, lang, want) in table {
            assert_eq!(
                read_percent(typed, lang).map(|d| d.to_string()),
                Ok(want.to_string()),
                "typed {typed:?}"
            );
        }
        for typed in ["€ 40", "40,-", "4o", "55,5,5", "%"] {
            assert!(
                matches!(
                    read_percent(typed, Lang::Nl),
                    Err(Problem::PercentUnreadable { .. })
                ),
                "typed {typed:?}"
            );
        }
    }

    #[test]
    fn writes_amounts_and_percentages_in_the_page_language() {
        let m = |s: &str| Money::parse(s).unwrap();
        assert_eq!(format_amount(m("810500"), Lang::Nl), "810.500,00");
        assert_eq!(format_amount(m("0.125"), Lang::Nl), "0,125");
        assert_eq!(format_amount(m("-1234.5"), Lang::En), "-1,234.50");
        assert_eq!(format_amount(m("100"), Lang::En), "100.00");
        assert_eq!(amount_phrase(m("810500"), Lang::Nl), "€\u{a0}810.500,00");
        assert_eq!(amount_phrase(m("-5"), Lang::Nl), "€\u{a0}-5,00");
        assert_eq!(amount_phrase(m("1250000"), Lang::En), "€1,250,000.00");
        assert_eq!(amount_phrase(m("-5"), Lang::En), "-€5.00");
        let d = |s: &str| parse_decimal(s).unwrap();
        assert_eq!(format_percent(d("55.50"), Lang::Nl), "55,5");
        assert_eq!(format_percent(d("1234"), Lang::Nl), "1.234");
        assert_eq!(format_percent(d("40"), Lang::En), "40");
    }

    #[test]
    fn names_languages_by_their_tag() {
        assert_eq!(lang_of("nl"), Some(Lang::Nl));
        assert_eq!(lang_of("en-GB"), Some(Lang::En));
        assert_eq!(lang_of("de"), None);
    }
}
