//! `allocate`: worked examples, every error of docs/contract.md, and invariants over generated cases.

use crate::{json, Rng};
use resv_calc::allocate::{allocate, split, Part};
use resv_calc::value::Value;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Runs the export on JSON texts and returns `id=amount` pairs.
fn run(total: &str, weights: &str, options: &str) -> Vec<String> {
    let parts = allocate(&json(total), &json(weights), &json(options))
        .unwrap_or_else(|e| panic!("allocate({total}, {weights}, {options}) failed: {e}"));
    parts
        .iter()
        .map(|Part { id, amount }| format!("{id}={amount}"))
        .collect()
}

/// Runs the export and returns the `code@path` of every issue.
fn errors(total: &str, weights: &str, options: &str) -> Vec<String> {
    match allocate(&json(total), &json(weights), &json(options)) {
        Ok(parts) => {
            panic!("allocate({total}, {weights}, {options}) gave {parts:?}, want an error")
        }
        Err(issues) => issues
            .as_slice()
            .iter()
            .map(|i| format!("{}@{}", i.code(), i.path))
            .collect(),
    }
}

#[test]
fn splits_worked_examples_computed_by_hand() {
    // (total, weights, options, expected parts). Each expected value is worked out in the comment.
    let table: &[(&str, &str, &str, &[&str])] = &[
        // 10000 cents / 3 = 3333 r 1 each; one cent left, remainders tie, weights tie: first.
        (
            "\"100.00\"",
            r#"[{"id":"a","weight":1},{"id":"b","weight":1},{"id":"c","weight":1}]"#,
            "null",
            &["a=33.34", "b=33.33", "c=33.33"],
        ),
        // 7 cents over 2,5,7 (sum 14): 14/14=1 r0, 35/14=2 r7, 49/14=3 r7: tie on 7, weight 7 wins.
        (
            "\"0.07\"",
            r#"[{"id":"a","weight":2},{"id":"b","weight":5},{"id":"c","weight":7}]"#,
            "null",
            &["a=0.01", "b=0.02", "c=0.04"],
        ),
        // Same, reversed order: the cent still goes to the weight-7 party.
        (
            "\"0.07\"",
            r#"[{"id":"c","weight":7},{"id":"b","weight":5},{"id":"a","weight":2}]"#,
            "null",
            &["c=0.04", "b=0.02", "a=0.01"],
        ),
        // Negative total mirrors the positive split.
        (
            "\"-0.07\"",
            r#"[{"id":"a","weight":2},{"id":"b","weight":5},{"id":"c","weight":7}]"#,
            "null",
            &["a=-0.01", "b=-0.02", "c=-0.04"],
        ),
        // Zero weight gets zero even with cents left over: 1 cent over 0,1,1 -> 0, 1 (first of tie), 0.
        (
            "\"0.01\"",
            r#"[{"id":"z","weight":0},{"id":"a","weight":1},{"id":"b","weight":1}]"#,
            "null",
            &["z=0.00", "a=0.01", "b=0.00"],
        ),
        // Insured persons: 1,250,000.00 over 60,000 / 30,000 / 10,000 is exact: 750k, 375k, 125k.
        (
            "1250000",
            r#"[{"id":"VGZ","weight":"60000"},{"id":"CZ","weight":"30000"},{"id":"Menzis","weight":10000}]"#,
            "{}",
            &["VGZ=750000.00", "CZ=375000.00", "Menzis=125000.00"],
        ),
        // Decimal weights from JS numbers: 0.1 and 0.2 are exactly a tenth and a fifth: 10 cents
        // over 1:2 -> 3.33.. and 6.66..; floors 3 and 6, remainders 1/3 and 2/3: the cent to b.
        (
            "0.1",
            r#"[{"id":"a","weight":0.1},{"id":"b","weight":0.2}]"#,
            "null",
            &["a=0.03", "b=0.07"],
        ),
        // Whole euros: 10 euros over three equal weights -> 4, 3, 3.
        (
            "\"10\"",
            r#"[{"id":"a","weight":1},{"id":"b","weight":1},{"id":"c","weight":1}]"#,
            r#"{"minorUnit":"1"}"#,
            &["a=4.00", "b=3.00", "c=3.00"],
        ),
        // A finer minor unit keeps its decimals: 1 over 3 in tenths of a cent.
        (
            "\"1\"",
            r#"[{"id":"a","weight":1},{"id":"b","weight":1},{"id":"c","weight":1}]"#,
            r#"{"minorUnit":"0.001"}"#,
            &["a=0.334", "b=0.333", "c=0.333"],
        ),
        // Nickels: 1.00 over 1:2 in 0.05 units: 20 units -> 6 r2/3? 20/3=6 r2, 40/3=13 r1 -> a=7? no:
        // remainders 2 and 1 (of 3): one unit left goes to a (larger remainder): a=0.35, b=0.65.
        (
            "\"1.00\"",
            r#"[{"id":"a","weight":1},{"id":"b","weight":2}]"#,
            r#"{"minorUnit":"0.05"}"#,
            &["a=0.35", "b=0.65"],
        ),
        // A zero total gives zeros.
        (
            "0",
            r#"[{"id":"a","weight":1},{"id":"b","weight":3}]"#,
            "null",
            &["a=0.00", "b=0.00"],
        ),
        // Extra fields on a party are the caller's own and are ignored.
        (
            "\"1\"",
            r#"[{"id":"a","weight":1,"name":"A"}]"#,
            "null",
            &["a=1.00"],
        ),
    ];
    for (total, weights, options, want) in table {
        assert_eq!(
            run(total, weights, options),
            *want,
            "allocate({total}, {weights}, {options})"
        );
    }
}

#[test]
fn reports_every_error_of_the_contract_with_its_path() {
    let table: &[(&str, &str, &str, &[&str])] = &[
        ("\"1\"", "[]", "null", &["no_parties@weights"]),
        (
            "\"1\"",
            r#"[{"id":"a","weight":1},{"id":"a","weight":2}]"#,
            "null",
            &["duplicate_id@weights[1].id"],
        ),
        (
            "\"1\"",
            r#"[{"id":"a","weight":-1}]"#,
            "null",
            &["negative_weight@weights[0].weight"],
        ),
        (
            "\"1\"",
            r#"[{"id":"a","weight":0},{"id":"b","weight":"0.00"}]"#,
            "null",
            &["all_weights_zero@weights"],
        ),
        (
            "\"1.005\"",
            r#"[{"id":"a","weight":1}]"#,
            "null",
            &["not_whole_minor_units@total"],
        ),
        (
            "\"1.10\"",
            r#"[{"id":"a","weight":1}]"#,
            r#"{"minorUnit":"0.25"}"#,
            &["not_whole_minor_units@total"],
        ),
        (
            "\"1\"",
            r#"[{"id":"a","weight":1}]"#,
            r#"{"minorUnit":"0"}"#,
            &["minor_unit_not_positive@options.minorUnit"],
        ),
        (
            "\"1\"",
            r#"[{"id":"a","weight":1}]"#,
            r#"{"minorunit":"0.01"}"#,
            &["unknown_option@options.minorunit"],
        ),
        (
            "\"1\"",
            r#"[{"id":"a","weight":1}]"#,
            "[]",
            &["wrong_type@options"],
        ),
        (
            "null",
            "null",
            "null",
            &["missing@total", "missing@weights"],
        ),
        (
            "true",
            "{}",
            "null",
            &["wrong_type@total", "wrong_type@weights"],
        ),
        (
            "\"1e3\"",
            r#"[{"weight":1},{"id":5,"weight":"1,5"},{"id":"","weight":null},"x"]"#,
            "null",
            &[
                "number_has_exponent@total",
                "missing@weights[0].id",
                "wrong_type@weights[1].id",
                "number_has_comma@weights[1].weight",
                "empty_id@weights[2].id",
                "missing@weights[2].weight",
                "wrong_type@weights[3]",
            ],
        ),
        (
            "\"1000000000000000.01\"",
            r#"[{"id":"a","weight":1}]"#,
            "null",
            &["amount_too_large@total"],
        ),
        (
            "\"1234567890123456789012345678901234567890\"",
            r#"[{"id":"a","weight":1}]"#,
            "null",
            &["number_too_many_digits@total"],
        ),
    ];
    for (total, weights, options, want) in table {
        assert_eq!(
            errors(total, weights, options),
            *want,
            "allocate({total}, {weights}, {options})"
        );
    }
}

/// A generated case: total in cents, integer weights (some zero), distinct ids.
fn generated(rng: &mut Rng) -> (i64, Vec<u64>) {
    let n = 1 + rng.below(12) as usize;
    let cents = rng.below(10_000_000_000) as i64 - 2_000_000_000;
    let mut weights: Vec<u64> = (0..n)
        .map(|_| match rng.below(5) {
            0 => 0,
            1 => rng.below(10),
            _ => rng.below(5_000_000),
        })
        .collect();
    if weights.iter().all(|&w| w == 0) {
        weights[0] = 1 + rng.below(100);
    }
    (cents, weights)
}

fn cents_to_decimal(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

fn split_cents(cents: i64, weights: &[u64]) -> Vec<i64> {
    let ws: Vec<Decimal> = weights.iter().map(|&w| Decimal::from(w)).collect();
    let parts = split(cents_to_decimal(cents), &ws, d("0.01"))
        .unwrap_or_else(|e| panic!("split({cents} cents, {weights:?}) failed: {e:?}"));
    parts
        .iter()
        .map(|p| {
            assert!(
                p.scale() == 2,
                "split({cents}, {weights:?}) part {p} not in cents"
            );
            i64::try_from(p.mantissa()).unwrap()
        })
        .collect()
}

#[test]
fn parts_sum_to_the_total_and_stay_within_one_cent_of_the_exact_share() {
    let mut rng = Rng::new(2027);
    for _ in 0..20_000 {
        let (cents, weights) = generated(&mut rng);
        let parts = split_cents(cents, &weights);
        assert_eq!(
            parts.iter().sum::<i64>(),
            cents,
            "sum of split({cents}, {weights:?}) = {parts:?}"
        );
        // Independent check in i128: |part × S − total × w| < S, i.e. within one cent.
        let s: i128 = weights.iter().map(|&w| w as i128).sum();
        for (p, &w) in parts.iter().zip(&weights) {
            let diff = (*p as i128 * s - cents as i128 * w as i128).abs();
            assert!(
                diff < s,
                "split({cents}, {weights:?}): part {p} is a cent or more off"
            );
            if w == 0 {
                assert_eq!(*p, 0, "split({cents}, {weights:?}): zero weight got {p}");
            }
        }
    }
}

#[test]
fn gives_the_leftover_cents_to_the_largest_remainders() {
    // Independent reference: rank by remainder (exact integers), then weight, then index.
    let mut rng = Rng::new(42);
    for _ in 0..5_000 {
        let (cents, weights) = generated(&mut rng);
        let units = cents.unsigned_abs() as u128;
        let s: u128 = weights.iter().map(|&w| w as u128).sum();
        let mut want: Vec<u128> = weights.iter().map(|&w| units * w as u128 / s).collect();
        let left = units - want.iter().sum::<u128>();
        let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0).collect();
        order.sort_by_key(|&i| {
            (
                std::cmp::Reverse(units * weights[i] as u128 % s),
                std::cmp::Reverse(weights[i]),
                i,
            )
        });
        for &i in order.iter().take(left as usize) {
            want[i] += 1;
        }
        let want: Vec<i64> = want
            .iter()
            .map(|&u| if cents < 0 { -(u as i64) } else { u as i64 })
            .collect();
        assert_eq!(
            split_cents(cents, &weights),
            want,
            "split({cents}, {weights:?})"
        );
    }
}

#[test]
fn does_not_depend_on_the_order_of_parties_with_distinct_weights() {
    let mut rng = Rng::new(7);
    for _ in 0..5_000 {
        let (cents, mut weights) = generated(&mut rng);
        weights.sort_unstable();
        weights.dedup();
        let parts = split_cents(cents, &weights);
        let mut order: Vec<usize> = (0..weights.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let shuffled: Vec<u64> = order.iter().map(|&i| weights[i]).collect();
        let parts_shuffled = split_cents(cents, &shuffled);
        for (pos, &i) in order.iter().enumerate() {
            assert_eq!(
                parts_shuffled[pos], parts[i],
                "split({cents}, {weights:?}) vs order {order:?}"
            );
        }
    }
}

#[test]
fn splits_a_negative_total_as_the_mirror_of_the_positive_one() {
    let mut rng = Rng::new(99);
    for _ in 0..5_000 {
        let (cents, weights) = generated(&mut rng);
        let pos = split_cents(cents.abs(), &weights);
        let neg = split_cents(-cents.abs(), &weights);
        let mirrored: Vec<i64> = pos.iter().map(|p| -p).collect();
        assert_eq!(neg, mirrored, "split(±{cents}, {weights:?})");
    }
}

#[test]
fn handles_very_precise_weights_exactly() {
    // 28-digit weights force products beyond u128: the 256-bit path must stay exact.
    let weights = [
        d("0.4132456789012345678901234567"),
        d("0.5867543210987654321098765433"),
    ];
    let parts = split(d("1000000000000000.00"), &weights, d("0.01")).unwrap();
    assert_eq!(parts.iter().sum::<Decimal>(), d("1000000000000000.00"));
    assert_eq!(parts, [d("413245678901234.57"), d("586754321098765.43")]);
}

#[test]
fn accepts_a_value_tree_with_the_total_as_number_or_text() {
    let weights = json(r#"[{"id":"a","weight":"1"}]"#);
    for total in [Value::Number("12.5".into()), Value::Text("12.50".into())] {
        let parts = allocate(&total, &weights, &Value::Null).unwrap();
        assert_eq!(parts[0].amount.to_string(), "12.50", "total {total:?}");
    }
}

#[test]
fn gives_the_same_split_on_the_256_bit_path_as_on_the_fast_path() {
    // Scaling every weight by 10^20 keeps the proportions but forces the 256-bit arithmetic.
    let mut rng = Rng::new(256);
    let scale = d("100000000000000000000");
    for _ in 0..2_000 {
        let (cents, weights) = generated(&mut rng);
        let small: Vec<Decimal> = weights.iter().map(|&w| Decimal::from(w)).collect();
        let big: Vec<Decimal> = small.iter().map(|w| w * scale).collect();
        let total = cents_to_decimal(cents);
        assert_eq!(
            split(total, &big, d("0.01")).unwrap(),
            split(total, &small, d("0.01")).unwrap(),
            "split({total}, {weights:?} × 10^20)"
        );
    }
}
