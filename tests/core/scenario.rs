//! `calculate` and `allocate_regions`: worked examples computed by hand, and invariants
//! checked against an independent exact method.

use crate::json;
use resv_calc::market::parse_csv;
use resv_calc::scenario::{allocate_regions, calculate, Report};

const MARKET: &str = r#"[
  {"postcode":"1011","insurer":"Zilveren Kruis","insured":3000},
  {"postcode":"1011","insurer":"FBTO","insured":1000},
  {"postcode":"1011","insurer":"CZ","insured":2000},
  {"postcode":"1012AB","insurer":"VGZ","insured":2500},
  {"postcode":"1012CD","insurer":"Univé","insured":1000},
  {"postcode":"1013","insurer":"Menzis","insured":5000}
]"#;

fn report(extra: &str) -> Report {
    let text = format!(r#"{{"lumpSum":"100000.00","market":{MARKET}{extra}}}"#);
    calculate(&json(&text), None).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn amounts(r: &Report) -> Vec<(String, String)> {
    r.insurers
        .iter()
        .map(|i| (i.id.clone(), i.amount.to_string()))
        .collect()
}

fn problems(text: &str) -> Vec<String> {
    match calculate(&json(text), None) {
        Ok(_) => panic!("{text} was accepted"),
        Err(e) => crate::codes(&e),
    }
}

#[test]
fn splits_by_concern_within_the_work_area() {
    // Achmea 3000 + 1000 = 4000, VGZ 2500 + 1000 = 3500, CZ 2000: 9500 insured persons.
    // In cents: 10,000,000 × 4000 / 9500 = 4,210,526.3…, × 3500 / 9500 = 3,684,210.5…,
    // × 2000 / 9500 = 2,105,263.1…; floors sum to 9,999,999, the last cent goes to VGZ (.52).
    let r = report(r#","workArea":["1011-1012"]"#);
    assert_eq!(
        amounts(&r),
        [
            ("Achmea".into(), "42105.26".into()),
            ("VGZ".into(), "36842.11".into()),
            ("CZ".into(), "21052.63".into())
        ]
    );
    assert!(r.insurers[0].market_leader && r.insurers[0].role == "leader");
    assert_eq!(r.insurers[1].role, "follower");
    assert_eq!(r.insurers[1].share.to_string(), "0.3684210526");
    assert_eq!(r.insurers[0].labels.len(), 2);
    assert_eq!(r.allocation.insured, "9500");
    // VGZ has 36.8% ≥ 30%: co-assessment likely.
    assert!(r.allocation.co_assessment && r.insurers[1].co_assessor);
    assert_eq!(r.allocation.area.rows_inside, 5);
    assert_eq!(r.allocation.area.rows_outside, 1);
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.warning.code()).collect();
    assert_eq!(codes, ["rows_outside_area", "co_assessment_likely"]);
    assert_eq!(r.flows.len(), 3);
}

#[test]
fn splits_by_label_when_asked() {
    let r =
        report(r#","workArea":["1011","1012"],"allocateBy":"insurer","coAssessmentThreshold":40"#);
    // 3000, 2500, 2000, 1000, 1000 of 9500; cents 3,157,894.7 / 2,631,578.9 / 2,105,263.1 /
    // 1,052,631.5 / 1,052,631.5: floors leave 3 cents, to .947, .894 and .578 remainders.
    assert_eq!(
        amounts(&r),
        [
            ("Zilveren Kruis".into(), "31578.95".into()),
            ("VGZ".into(), "26315.79".into()),
            ("CZ".into(), "21052.63".into()),
            ("FBTO".into(), "10526.32".into()),
            ("Univé".into(), "10526.31".into())
        ]
    );
    assert!(!r.allocation.co_assessment);
}

#[test]
fn leader_absorbs_rounds_followers_and_gives_the_leader_the_rest() {
    // €0.05 over 4 : 3 : 3 (exact 2, 1.5, 1.5 cents). Largest remainder: 2, 2, 1 (the tied
    // followers by id). Leader absorbs: followers 1.5 → 2 each, the leader the 1 left.
    let m = r#"[{"postcode":"1011","insurer":"A","insured":4},{"postcode":"1011","insurer":"B","insured":3},{"postcode":"1011","insurer":"C","insured":3}]"#;
    let run = |rounding: &str| {
        let t = format!(
            r#"{{"lumpSum":"0.05","market":{m},"allocateBy":"insurer","rounding":"{rounding}"}}"#
        );
        amounts(&calculate(&json(&t), None).unwrap())
    };
    let ids = |v: [&str; 3]| -> Vec<(String, String)> {
        ["A", "B", "C"]
            .iter()
            .zip(v)
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(run("largestRemainder"), ids(["0.02", "0.02", "0.01"]));
    assert_eq!(run("leaderAbsorbs"), ids(["0.01", "0.02", "0.02"]));
}

#[test]
fn applies_row_and_area_fractions() {
    // 1011 half inside the area: CZ 2000 × 0.5 = 1000, Achmea 4000 × 0.5 = 2000;
    // 1012AB row with fraction 0.25 of 2500 = 625 (VGZ). Total 3625.
    let m = r#"[{"postcode":"1011","insurer":"CZ","insured":2000},{"postcode":"1011","insurer":"FBTO","insured":4000},{"postcode":"1012AB","insurer":"VGZ","insured":2500,"fraction":"0.25"}]"#;
    let t = format!(
        r#"{{"lumpSum":"3625.00","market":{m},"workArea":[{{"postcode":"1011","fraction":0.5}},"1012AB"]}}"#
    );
    let r = calculate(&json(&t), None).unwrap();
    assert_eq!(
        amounts(&r),
        [
            ("Achmea".into(), "2000.00".into()),
            ("CZ".into(), "1000.00".into()),
            ("VGZ".into(), "625.00".into())
        ]
    );
    assert_eq!(r.insurers[2].insured_exact, "625");
}

#[test]
fn estimates_from_national_shares_and_cbs_population() {
    // Population cancels out: each concern pays its national percentage of the 99.9 total.
    // €99,900.00: Achmea 29.3 / 99.9 → €29,300.00, VGZ €23,600.00, …, EUCARE €900.00.
    let t = r#"{"lumpSum":"99900.00","workArea":["1011-1019"],"estimate":{"shares":"national"}}"#;
    let r = calculate(&json(t), None).unwrap();
    let a = amounts(&r);
    assert_eq!(a[0], ("Achmea".into(), "29300.00".into()));
    assert_eq!(a[9], ("EUCARE".into(), "900.00".into()));
    assert!(r.allocation.estimate);
    assert!(r.warnings.iter().any(|w| w.warning.code() == "estimated"));
    // 1011..1019 in the CBS table (Bron: CBS): sum of those PC4s.
    let want: u64 = resv_calc::estimate::population()
        .iter()
        .filter(|(pc, _)| (1011..=1019).contains(&pc.pc4_number()))
        .map(|(_, n)| u64::from(*n))
        .sum();
    // Insured persons: residents × the shares' 99.9%, shown as whole persons; the MDZ
    // population is the residents themselves.
    let insured: f64 = r.allocation.insured.parse().unwrap();
    assert_eq!(
        insured,
        (want as f64 * 0.999).round(),
        "{insured} vs {want}"
    );
    assert_eq!(r.mdz.region_population, want.to_string());
}

#[test]
fn estimates_from_given_shares_and_population() {
    let t = r#"{"lumpSum":"1000.00","workArea":["1011AB"],
      "estimate":{"shares":[{"concern":"CZ","percent":"60"},{"concern":"Menzis","percent":40}],
                  "population":[{"postcode":"1011AB","residents":100},{"postcode":"1012","residents":50}]}}"#;
    let r = calculate(&json(t), None).unwrap();
    assert_eq!(
        amounts(&r),
        [
            ("CZ".into(), "600.00".into()),
            ("Menzis".into(), "400.00".into())
        ]
    );
    assert_eq!(r.allocation.insured, "100");
}

#[test]
fn falls_back_to_labels_when_a_concern_is_unknown() {
    let t = r#"{"lumpSum":"10.00","market":[{"postcode":"1011","insurer":"Nieuwe Verzekeraar","insured":1},{"postcode":"1011","insurer":"CZ","insured":1}]}"#;
    let r = calculate(&json(t), None).unwrap();
    assert_eq!(r.warnings[0].warning.code(), "concerns_unknown");
    assert_eq!(r.insurers.len(), 2);
    // Named in insurers with its concern, it joins that concern.
    let t = r#"{"lumpSum":"10.00","insurers":[{"id":"nieuwe verzekeraar","concern":"CZ groep"}],"market":[{"postcode":"1011","insurer":"Nieuwe Verzekeraar","insured":1},{"postcode":"1011","insurer":"CZ","insured":1}]}"#;
    let r = calculate(&json(t), None).unwrap();
    assert_eq!(amounts(&r), [("CZ".into(), "10.00".into())]);
    // Asked for concerns explicitly: an error at the label.
    let t = r#"{"lumpSum":"10.00","allocateBy":"concern","market":[{"postcode":"1011","insurer":"CZ","insured":1},{"postcode":"1011","insurer":"Nieuwe Verzekeraar","insured":1}]}"#;
    assert_eq!(problems(t), ["market[1].insurer unknown_insurer"]);
}

#[test]
fn lists_every_problem_of_a_bad_scenario() {
    let t = r#"{"lumpSum":"5.001","lumpsum":1,"rounding":"up","allocateBy":"x","coAssessmentThreshold":120,
      "workArea":["1019-1011","10","1011",{"postcode":"1011","fraction":"0.5"}],
      "market":[{"postcode":"1011","insurer":"CZ","insured":"1,5"}]}"#;
    assert_eq!(
        problems(t),
        [
            "lumpsum unknown_option",
            "lumpSum not_whole_minor_units",
            "allocateBy unknown_value",
            "rounding unknown_value",
            "coAssessmentThreshold percent_out_of_range",
            "workArea[0] reversed_range",
            "workArea[1] postcode_malformed",
            "market[0].insured count_fractional",
        ]
    );
    assert_eq!(
        problems(
            r#"{"lumpSum":1,"workArea":["1011",{"postcode":"1011","fraction":"0.5"}],"market":[]}"#
        ),
        ["workArea[1] overlapping_area", "market no_parties"]
    );
    assert_eq!(
        problems(
            r#"{"lumpSum":1,"workArea":[],"market":[{"postcode":"1011","insurer":"CZ","insured":1}]}"#
        ),
        ["workArea empty_work_area"]
    );
    assert_eq!(
        problems(
            r#"{"lumpSum":1,"workArea":["2000"],"market":[{"postcode":"1011","insurer":"CZ","insured":1}]}"#
        ),
        ["workArea no_insured_in_area"]
    );
    assert_eq!(
        problems(r#"{"lumpSum":1,"market":[{"postcode":"1011","insurer":"CZ","insured":0}]}"#),
        ["market no_insured_in_area"]
    );
    assert_eq!(
        problems(r#"{"lumpSum":"0.001","market":[]}"#),
        ["lumpSum not_whole_minor_units", "market no_parties"]
    );
    assert_eq!(problems(r#"{}"#), ["lumpSum missing", "market missing"]);
    assert_eq!(problems(r#"[]"#), [" wrong_type"]);
    assert_eq!(
        problems(r#"{"lumpSum":1,"estimate":{},"market":[]}"#),
        ["estimate exclusive_with"]
    );
    assert_eq!(
        problems(r#"{"lumpSum":1,"estimate":{}}"#),
        ["workArea missing"]
    );
    assert_eq!(
        problems(r#"{"lumpSum":1,"workArea":["1011AB"],"estimate":{}}"#),
        ["estimate pc6_needs_population"]
    );
}

#[test]
fn reports_work_area_postcodes_without_data() {
    let r = report(r#","workArea":["1011-1014","1012EF"]"#);
    assert_eq!(r.allocation.area.postcodes_without_data, 1); // 1014 (1012EF lies in 1012, merged)
    assert_eq!(r.allocation.area.postcodes_without_data_examples, ["1014"]);
    let r = report(r#","workArea":["1011","1012ZZ"]"#);
    assert_eq!(
        r.allocation.area.postcodes_without_data_examples,
        ["1012ZZ"]
    );
}

/// An independent exact reference: largest remainder over integer weights with `u128`.
fn reference(total_cents: u128, weights: &[u128]) -> Vec<u128> {
    let sum: u128 = weights.iter().sum();
    let mut parts: Vec<(u128, u128, usize)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (total_cents * w / sum, total_cents * w % sum, i))
        .collect();
    let left = total_cents - parts.iter().map(|p| p.0).sum::<u128>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        parts[b]
            .1
            .cmp(&parts[a].1)
            .then(weights[b].cmp(&weights[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().take(left as usize) {
        parts[i].0 += 1;
    }
    parts.into_iter().map(|p| p.0).collect()
}

#[test]
fn regions_match_calculate_and_an_independent_reference() {
    let mut rng = crate::Rng::new(42);
    let mut csv = String::from("postcode;verzekeraar;verzekerden\n");
    let labels = [
        "Zilveren Kruis",
        "FBTO",
        "VGZ",
        "Univé",
        "CZ",
        "OHRA",
        "Menzis",
        "DSW",
        "ONVZ",
        "EUCARE",
    ];
    for pc4 in 1000..1400u32 {
        for l in labels {
            if rng.below(4) > 0 {
                csv.push_str(&format!(
                    "{pc4}{}{};{l};{}\n",
                    char::from(b'A' + rng.below(26) as u8),
                    char::from(b'A' + rng.below(26) as u8),
                    rng.below(5000)
                ));
            }
        }
    }
    let market = parse_csv(csv.as_bytes()).unwrap();
    let mut regions = Vec::new();
    for r in 0..20u32 {
        let lo = 1000 + r * 20;
        regions.push(format!(
            r#"{{"id":"R{r}","postcodes":["{lo}-{}"],"lumpSum":"{}.{:02}"}}"#,
            lo + 19,
            rng.below(10_000_000),
            rng.below(100)
        ));
    }
    let regions_json = json(&format!("[{}]", regions.join(",")));
    let results = allocate_regions(&market, &regions_json, &json("null")).unwrap();
    assert_eq!(results.len(), 20);
    for (i, res) in results.iter().enumerate() {
        let resv_calc::value::Value::List { items, .. } = &regions_json else {
            panic!()
        };
        let region = &items[i];
        // calculate with the same table and area gives the same parts.
        let scenario = json(&format!(
            r#"{{"lumpSum":{},"workArea":{}}}"#,
            serde_json::to_string(&res.lump_sum.to_string()).unwrap(),
            serde_json::to_string(&region_postcodes(region)).unwrap()
        ));
        let mut rep = calculate(&scenario, Some(&market)).unwrap();
        // calculate adds each insurer's statement and contract; the parts are the same.
        for p in &mut rep.insurers {
            p.statement = None;
            p.contract = None;
        }
        assert_eq!(rep.insurers, res.insurers, "region {i}");
        // Independent: weights from a plain scan of the rows.
        let lo = 1000 + i as u16 * 20;
        let mut w = std::collections::BTreeMap::<String, u128>::new();
        for row in market.to_rows() {
            let pc4: u16 = row.postcode[..4].parse().unwrap();
            if (lo..lo + 20).contains(&pc4) {
                let concern = resv_calc::insurer::concern_of(&row.insurer).unwrap().name;
                *w.entry(concern.to_owned()).or_default() += u128::from(row.insured);
            }
        }
        let mut parties: Vec<(String, u128)> = w.into_iter().filter(|(_, w)| *w > 0).collect();
        parties.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let cents: u128 = res.lump_sum.to_string().replace('.', "").parse().unwrap();
        let want = reference(cents, &parties.iter().map(|p| p.1).collect::<Vec<_>>());
        let got: Vec<u128> = res
            .insurers
            .iter()
            .map(|p| p.amount.to_string().replace('.', "").parse().unwrap())
            .collect();
        assert_eq!(got, want, "region {i}");
        let ids: Vec<&str> = res.insurers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            parties.iter().map(|p| p.0.as_str()).collect::<Vec<_>>()
        );
    }
}

fn region_postcodes(region: &resv_calc::value::Value) -> Vec<String> {
    match region.get("postcodes") {
        Some(resv_calc::value::Value::List { items, .. }) => items
            .iter()
            .map(|v| match v {
                resv_calc::value::Value::Text(t) => t.clone(),
                _ => panic!(),
            })
            .collect(),
        _ => panic!(),
    }
}

#[test]
fn calculates_the_built_in_sample_region() {
    let market = resv_calc::sample::market().unwrap();
    let r = calculate(&json(resv_calc::sample::SCENARIO_JSON), Some(&market)).unwrap();
    // Every resident of the 42 PC4 areas is insured with exactly one label.
    assert_eq!(r.allocation.insured, "203095");
    assert_eq!(r.allocation.area.rows_outside, 0);
    assert_eq!(r.allocation.area.postcodes_without_data, 0);
    assert_eq!(r.allocation.leader, "Achmea");
    assert_eq!(r.insurers.len(), 10);
    let cents: i64 = r
        .insurers
        .iter()
        .map(|i| {
            i.amount
                .to_string()
                .replace('.', "")
                .parse::<i64>()
                .unwrap()
        })
        .sum();
    // The sample budget's Zvw parts, by hand: 210,000 + (140,000 − 25,000) + (120,000 − 30,000)
    // + 95,000 + 40,000 + 60% of 80,000 + (60,000 − 20,000) + (45,000 − 15,000) + 95% of
    // 150,000 = 810,500.00; municipal 40% of 80,000 = 32,000.00; Wlz 5% of 150,000 = 7,500.00.
    assert_eq!(cents, 81_050_000);
    assert_eq!(r.totals.zvw.to_string(), "810500.00");
    assert_eq!(r.totals.municipal.to_string(), "32000.00");
    assert_eq!(r.totals.wlz.to_string(), "7500.00");
    // Conditional: the 60% Zvw of the municipal line (48,000.00) and the 95% Zvw of the line
    // with a Wlz part not yet granted (142,500.00).
    assert_eq!(r.totals.conditional_zvw.to_string(), "190500.00");
    assert_eq!(r.municipalities.len(), 3);
    assert!(r.municipalities[0].lead && r.municipalities[0].name == "Zwolle");
    assert!(r
        .summaries
        .by_main_task
        .iter()
        .all(|t| !t.sums.gross.value().is_zero()));
    assert!(r
        .summaries
        .by_level
        .iter()
        .all(|l| !l.sums.gross.value().is_zero()));
    assert_eq!(r.warnings[0].warning.code(), "illustrative");
    assert_eq!(
        r.name.as_deref(),
        Some("Voorbeeldregio Zwolle, Kampen en Hattem (illustratief)")
    );
}

#[test]
fn leader_absorbs_sums_exactly_and_rounds_each_follower_to_the_nearest_cent() {
    let mut rng = crate::Rng::new(9);
    for _ in 0..2000 {
        let n = 1 + rng.below(8) as usize;
        let weights: Vec<u128> = (0..n).map(|_| u128::from(rng.below(100_000))).collect();
        if weights.iter().all(|w| *w == 0) {
            continue;
        }
        let cents = u128::from(rng.below(1_000_000_000));
        let total = rust_decimal::Decimal::new(cents as i64, 2);
        // The leader is the largest weight (as split_region orders parties).
        let leader = (0..n)
            .max_by_key(|&i| (weights[i], std::cmp::Reverse(i)))
            .unwrap();
        let parts = resv_calc::allocate::leader_absorbs(total, &weights, leader).unwrap();
        let got: Vec<i128> = parts
            .iter()
            .map(|d| d.mantissa() * 10i128.pow(2 - d.scale()))
            .collect();
        assert_eq!(got.iter().sum::<i128>(), cents as i128);
        let sum: u128 = weights.iter().sum();
        for (i, &g) in got.iter().enumerate() {
            // Exact share in cents, doubled to stay in integers: |2·g·sum − 2·cents·w| ≤ sum.
            let exact2 = 2 * cents * weights[i];
            let diff = (2 * g * sum as i128 - exact2 as i128).abs();
            if i == leader {
                assert!(g >= 0, "leader got {g}");
                assert!(
                    diff <= sum as i128 * n as i128,
                    "leader off by more than n/2 cents"
                );
            } else {
                assert!(
                    diff <= sum as i128,
                    "follower {i} not rounded to the nearest cent"
                );
            }
        }
    }
}
