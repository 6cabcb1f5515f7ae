//! The money grammar: what is accepted, what is refused and why.

use resv_calc::issue::Problem;
use resv_calc::money::{parse_decimal, Money};

#[test]
fn accepts_plain_decimals_exactly() {
    let table = [
        ("0", "0"),
        ("-0", "0"),
        ("1250000.00", "1250000.00"),
        ("-12.5", "-12.5"),
        ("0.1", "0.1"),
        ("007", "7"),
        (
            "1234567890123456789012345678",
            "1234567890123456789012345678",
        ),
        (
            "0.0000000000000000000000000001",
            "0.0000000000000000000000000001",
        ),
    ];
    for (input, want) in table {
        let got = parse_decimal(input).map(|d| d.to_string());
        assert_eq!(got, Ok(want.to_string()), "parse_decimal({input:?})");
    }
}

#[test]
fn refuses_what_would_be_guessed_with_the_reason() {
    let table = [
        ("", Problem::NumberEmpty),
        (" 5", Problem::NumberHasWhitespace),
        ("5 ", Problem::NumberHasWhitespace),
        ("1.000,00", Problem::NumberHasComma),
        ("12,5", Problem::NumberHasComma),
        ("1e3", Problem::NumberHasExponent),
        ("1.5E-2", Problem::NumberHasExponent),
        ("1e+21", Problem::NumberHasExponent),
        ("1_000", Problem::NumberHasUnderscore),
        ("NaN", Problem::NumberNotFinite),
        ("Infinity", Problem::NumberNotFinite),
        ("-Infinity", Problem::NumberNotFinite),
        ("+5", Problem::NumberMalformed),
        (".5", Problem::NumberMalformed),
        ("5.", Problem::NumberMalformed),
        ("--5", Problem::NumberMalformed),
        ("1.2.3", Problem::NumberMalformed),
        ("€5", Problem::NumberMalformed),
        ("0x10", Problem::NumberMalformed),
        ("e", Problem::NumberMalformed),
        (
            "12345678901234567890123456789",
            Problem::NumberTooManyDigits,
        ),
        (
            "1234567890123456789012345678901234567890",
            Problem::NumberTooManyDigits,
        ),
        (
            "0.00000000000000000000000000001",
            Problem::NumberTooManyDigits,
        ),
    ];
    for (input, want) in table {
        assert_eq!(
            parse_decimal(input),
            Err(want.clone()),
            "parse_decimal({input:?})"
        );
    }
}

#[test]
fn limits_amounts_to_a_thousand_trillion() {
    assert!(Money::parse("1000000000000000").is_ok());
    assert!(Money::parse("-1000000000000000.00").is_ok());
    for input in [
        "1000000000000000.01",
        "-1000000000000001",
        "99999999999999999999",
    ] {
        assert!(
            matches!(Money::parse(input), Err(Problem::AmountTooLarge { .. })),
            "Money::parse({input:?})"
        );
    }
}

#[test]
fn prints_money_with_two_decimals_and_rounds_half_away_from_zero() {
    let table = [
        ("2.345", 2, "2.35"),
        ("-2.345", 2, "-2.35"),
        ("2.344", 2, "2.34"),
        ("0.005", 2, "0.01"),
        ("-0.004", 2, "0.00"),
        ("7", 2, "7.00"),
    ];
    for (input, dp, want) in table {
        let got = Money::parse(input)
            .unwrap()
            .round_half_away_from_zero(dp)
            .to_string();
        assert_eq!(got, want, "round {input} to {dp}");
    }
}
