//! Property tests (proptest, shrinking to a minimal case on failure) over generated inputs.

use crate::json;
use proptest::prelude::*;
use resv_calc::allocate::split;
use resv_calc::scenario::calculate;
use rust_decimal::Decimal;

fn cents(d: Decimal) -> i128 {
    (d * Decimal::from(100)).mantissa() / 10i128.pow((d * Decimal::from(100)).scale())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The grammar's own digit reader gives what rust_decimal's exact text reader gives, for
    /// every text the grammar accepts (sign, leading zeros, trailing zeros, up to 28 significant
    /// digits), and refuses every text with more.
    #[test]
    fn decimals_read_as_rust_decimal_reads_them(
        neg in any::<bool>(),
        zeros in 0usize..4,
        int in "[0-9]{1,28}",
        frac in prop::option::of("[0-9]{1,28}"),
    ) {
        let text = format!(
            "{}{}{}{}",
            if neg { "-" } else { "" },
            "0".repeat(zeros),
            int,
            frac.as_deref().map(|f| format!(".{f}")).unwrap_or_default()
        );
        let ours = resv_calc::money::parse_decimal(&text);
        let significant = int.trim_start_matches('0').len() + frac.as_deref().map_or(0, str::len);
        if significant <= 28 {
            let mut want = Decimal::from_str_exact(&text).unwrap();
            if want.is_zero() {
                want.set_sign_positive(true);
            }
            let got = ours.unwrap();
            prop_assert_eq!(got.to_string(), want.to_string());
            prop_assert_eq!(got.scale(), want.scale());
            prop_assert_eq!(got.is_sign_negative(), want.is_sign_negative());
        } else {
            prop_assert_eq!(ours, Err(resv_calc::issue::Problem::NumberTooManyDigits));
        }
    }

    /// Every split sums to its total; each part is within one cent of its exact share; scaling
    /// the total by k moves each part by at most k + 1 cents from k times the part.
    #[test]
    fn splits_add_up_and_stay_within_a_cent(
        total in 0i64..1_000_000_000_000,
        weights in prop::collection::vec(0u64..1_000_000, 1..20),
        k in 1i64..50,
    ) {
        prop_assume!(weights.iter().any(|w| *w > 0));
        let ws: Vec<Decimal> = weights.iter().map(|w| Decimal::from(*w)).collect();
        let t = Decimal::new(total, 2);
        let parts = split(t, &ws, Decimal::new(1, 2)).unwrap();
        prop_assert_eq!(parts.iter().map(|p| cents(*p)).sum::<i128>(), i128::from(total));
        let sum: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        for (p, w) in parts.iter().zip(&weights) {
            // |part·Σw − total·w| < Σw, in cents.
            let diff = (cents(*p) * sum - i128::from(total) * i128::from(*w)).abs();
            prop_assert!(diff < sum);
        }
        let scaled = split(Decimal::new(total * k, 2), &ws, Decimal::new(1, 2)).unwrap();
        for (a, b) in scaled.iter().zip(&parts) {
            prop_assert!((cents(*a) - i128::from(k) * cents(*b)).abs() <= i128::from(k) + 1);
        }
    }

    /// A scenario's result does not depend on the order of its market rows, repeats exactly,
    /// and conserves money: insurers pay the Zvw total, which is passed on or kept.
    #[test]
    fn scenarios_ignore_row_order_and_conserve_money(
        rows in prop::collection::vec((1000u16..1020, 0usize..8, 0u32..5000), 1..40),
        lump in 1i64..100_000_000,
        sub in 0i64..100_000,
        seed in any::<u64>(),
        leader_absorbs in any::<bool>(),
    ) {
        let labels = ["Zilveren Kruis", "FBTO", "VGZ", "Univé", "CZ", "OHRA", "Menzis", "DSW"];
        let row = |(pc, l, n): &(u16, usize, u32)| format!(r#"{{"postcode":"{pc}","insurer":"{}","insured":{n}}}"#, labels[*l]);
        prop_assume!(rows.iter().any(|r| r.2 > 0));
        let mut shuffled = rows.clone();
        let mut rng = crate::Rng::new(seed);
        for i in (1..shuffled.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            shuffled.swap(i, j);
        }
        let sub = sub.min(lump);
        let scenario = |rs: &[(u16, usize, u32)]| format!(
            r#"{{"lumpSum":"{}.{:02}","rounding":"{}","market":[{}],"hoofdaannemer":{{"form":"legalEntity","agreement":true}},"subcontracts":[{{"id":"s","contractor":"X","amount":"{}.{:02}"}}]}}"#,
            lump / 100, lump % 100,
            if leader_absorbs { "leaderAbsorbs" } else { "largestRemainder" },
            rs.iter().map(row).collect::<Vec<_>>().join(","),
            sub / 100, sub % 100
        );
        let a = calculate(&json(&scenario(&rows)), None).unwrap();
        let b = calculate(&json(&scenario(&shuffled)), None).unwrap();
        prop_assert_eq!(&a.insurers, &b.insurers);
        prop_assert_eq!(&a.subcontracts, &b.subcontracts);
        let again = calculate(&json(&scenario(&rows)), None).unwrap();
        prop_assert_eq!(&a, &again);
        let paid: i128 = a.insurers.iter().map(|i| cents(i.amount.value())).sum();
        prop_assert_eq!(paid, i128::from(lump));
        let l = &a.ledger;
        prop_assert_eq!(cents(l.zvw_in.value()), cents(l.subcontracted.value()) + cents(l.kept_zvw.value()));
        for i in &l.insurers {
            prop_assert_eq!(cents(i.paid.value()), cents(i.subcontracted.value()) + cents(i.kept.value()));
        }
    }
}
