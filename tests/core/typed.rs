//! Amounts as people type them (`input::typed`): what the page writes reads back to the same
//! amount, in both languages, for every amount; the machine form reads the same in both.

use proptest::prelude::*;
use resv_calc::input::typed::{
    amount_phrase, format_amount, format_percent, read_amount, read_percent,
};
use resv_calc::issue::Lang;
use resv_calc::money::Money;
use rust_decimal::Decimal;

fn money(mantissa: i64, scale: u32) -> Money {
    Money::new(Decimal::new(mantissa, scale)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// format → read back is the same amount, for the field's form and the echo's, in both
    /// languages.
    #[test]
    fn every_written_amount_reads_back_to_the_same_amount(
        mantissa in -100_000_000_000_000_000_i64..=100_000_000_000_000_000,
        scale in 2u32..=4,
    ) {
        // Amounts up to the limit, with two to four decimals (money has two, some inputs more).
        let m = money(mantissa / 10i64.pow(scale - 2), scale);
        for lang in [Lang::Nl, Lang::En] {
            let field = format_amount(m, lang);
            prop_assert_eq!(read_amount(&field, lang), Ok(m), "{} in {:?}", field, lang);
            let phrase = amount_phrase(m, lang);
            prop_assert_eq!(read_amount(&phrase, lang), Ok(m), "{} in {:?}", phrase, lang);
        }
    }

    /// The core's own form (`1250000.00`) reads as itself in English, and in Dutch whenever
    /// its point cannot be a thousands group (not exactly three decimals after one to three
    /// digits without a leading zero).
    #[test]
    fn the_machine_form_reads_as_itself(mantissa in -10_000_000_000_000_i64..=10_000_000_000_000, scale in 0u32..=6) {
        let m = money(mantissa, scale);
        let text = m.to_string();
        prop_assert_eq!(read_amount(&text, Lang::En), Ok(m), "{}", text);
        let (int, frac) = text.trim_start_matches('-').split_once('.').unwrap();
        let group_like = frac.len() == 3 && int.len() <= 3 && !int.starts_with('0');
        if !group_like {
            prop_assert_eq!(read_amount(&text, Lang::Nl), Ok(m), "{}", text);
        }
    }

    /// Percentages too: written in the page's form, read back the same.
    #[test]
    fn every_written_percentage_reads_back(mantissa in 0i64..=100_000_000, scale in 0u32..=6) {
        let d = Decimal::new(mantissa, scale);
        for lang in [Lang::Nl, Lang::En] {
            let field = format_percent(d, lang);
            prop_assert_eq!(read_percent(&field, lang), Ok(d.normalize()), "{}", field);
            let with_sign = format!("{field}%");
            prop_assert_eq!(read_percent(&with_sign, lang).map(|x| x.normalize()), Ok(d.normalize()), "{}", with_sign);
        }
    }

    /// Arbitrary text never panics, and whatever is read is what its own writing reads as.
    #[test]
    fn any_text_is_read_or_refused(text in "[-€ 0-9.,%]{0,24}") {
        for lang in [Lang::Nl, Lang::En] {
            if let Ok(m) = read_amount(&text, lang) {
                prop_assert_eq!(read_amount(&format_amount(m, lang), lang), Ok(m));
            }
            let _ = read_percent(&text, lang);
        }
    }
}

#[test]
fn dutch_thousands_are_never_read_as_decimals() {
    // The issue's finding: 810.500 was € 810,50 and 1.250.000 was € 1,25.
    for (typed, cents) in [
        ("810.500", 81_050_000i64),
        ("1.250.000", 125_000_000),
        ("210.000", 21_000_000),
    ] {
        assert_eq!(
            read_amount(typed, Lang::Nl),
            Ok(money(cents, 2)),
            "typed {typed}"
        );
    }
    assert_eq!(read_amount("1,250", Lang::En), Ok(money(125_000, 2)));
}
