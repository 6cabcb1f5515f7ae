//! Onderlinge dienstverlening, the money ledger and the MDZ framework: worked examples by
//! hand and a conservation property over generated scenarios.

use crate::budget::{BUDGET, MARKET, MUNICIPALITIES};
use crate::{cents, codes, json};
use resv_calc::scenario::{calculate, Report};

const RESV: &str = r#"{"form":"legalEntity","name":"RESV IJssel","agreement":true}"#;
const SUBS: &str = r#"[
  {"id":"S1","contractor":"Wijkverband Oost","amount":"8000.00","lines":["L2"]},
  {"id":"S2","contractor":"Huisartsencoöperatie","amount":"30000.00","lines":["L1"],"mainTasks":[2]}
]"#;

fn run(extra: &str) -> Result<Report, Vec<String>> {
    let text = format!(
        r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{BUDGET},"municipalities":{MUNICIPALITIES},"pooling":"lineAreas"{extra}}}"#
    );
    calculate(&json(&text), None).map_err(|e| codes(&e))
}

#[test]
fn splits_each_subcontract_over_the_insurers_that_pay_for_its_lines() {
    let r = run(&format!(r#","hoofdaannemer":{RESV},"subcontracts":{SUBS}"#)).unwrap();
    let funding = |i: usize| -> Vec<(String, String)> {
        r.subcontracts[i]
            .funded_by
            .iter()
            .map(|f| (f.insurer.clone(), f.amount.to_string()))
            .collect()
    };
    // S1 covers L2, whose area 1012 only VGZ's insured live in.
    assert_eq!(funding(0), [("VGZ".into(), "8000.00".into())]);
    // S2 covers hoofdtaak 2 of L1: 45,000.00 of the work-area pool (97,200.00), paid by Achmea
    // 40,926.31, VGZ 35,810.53, CZ 20,463.16: 30,000.00 in those proportions is 1,263,157.7 /
    // 1,105,263.2 / 631,579.0 cents; the cent left goes to Achmea (.7).
    assert_eq!(
        funding(1),
        [
            ("Achmea".into(), "12631.58".into()),
            ("VGZ".into(), "11052.63".into()),
            ("CZ".into(), "6315.79".into())
        ]
    );
    assert_eq!(r.subcontracts[1].available.to_string(), "45000.00");
    // The ledger: 107,200.00 in from insurers, 38,000.00 out, 69,200.00 kept.
    assert_eq!(
        [
            &r.ledger.zvw_in,
            &r.ledger.subcontracted,
            &r.ledger.kept_zvw,
            &r.ledger.kept_municipal
        ]
        .map(|m| m.to_string()),
        ["107200.00", "38000.00", "69200.00", "10000.01"]
    );
    let vgz = r
        .ledger
        .insurers
        .iter()
        .find(|l| l.insurer == "VGZ")
        .unwrap();
    assert_eq!(
        (vgz.subcontracted.to_string(), vgz.kept.to_string()),
        ("19052.63".into(), "26757.90".into())
    );
    // The flows: three insurers and two municipalities in, two subcontracts out.
    let kinds: Vec<&str> = r.flows.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            "zvw",
            "zvw",
            "zvw",
            "municipal",
            "municipal",
            "subcontract",
            "subcontract"
        ]
    );
    // The Sankey: the RESV node's in equals its out.
    let resv = r
        .sankey
        .nodes
        .iter()
        .position(|n| n.kind == "resv")
        .unwrap();
    let into: i128 = r
        .sankey
        .links
        .iter()
        .filter(|l| l.target == resv)
        .map(|l| cents(&l.value))
        .sum();
    let out: i128 = r
        .sankey
        .links
        .iter()
        .filter(|l| l.source == resv)
        .map(|l| cents(&l.value))
        .sum();
    assert_eq!((into, out), (11_720_001, 11_720_001));
    assert_eq!(r.sankey.nodes[resv].label, "RESV IJssel");
}

#[test]
fn weighs_the_region_against_the_mdz_framework() {
    let r = run("").unwrap();
    let m = &r.mdz;
    // Independent integer arithmetic, half away from zero: zvw 10,720,000 cents, 9,500 insured,
    // 18,044,025 inhabitants, framework 7,000,000,000 cents.
    let round = |n: i128, d: i128| (2 * n + d) / (2 * d);
    assert_eq!(cents(&m.per_capita), round(10_720_000, 9_500));
    assert_eq!(
        cents(&m.national_projection),
        round(10_720_000 * 18_044_025, 9_500)
    );
    assert_eq!(
        cents(&m.fair_share),
        round(7_000_000_000 * 9_500, 18_044_025)
    );
    assert_eq!(m.per_capita.to_string(), "11.28");
    assert_eq!(m.claimed.to_string(), "107200.00");
    assert_eq!(m.headroom.to_string(), "69892800.00");
    // Other regions' claims and an indexed framework over 2027–2031.
    let r = run(r#","mdz":{"framework":"1000000","population":1000000,"indexation":"2","regions":[{"id":"B","zvw":"900000.00","population":400000}]}"#).unwrap();
    assert_eq!(r.mdz.claimed.to_string(), "1007200.00");
    assert_eq!(r.mdz.headroom.to_string(), "-7200.00");
    let ys: Vec<(u16, String)> = r
        .mdz
        .years
        .iter()
        .map(|y| (y.year, y.framework.to_string()))
        .collect();
    assert_eq!(ys[1], (2028, "1020000.00".into()));
    assert_eq!(ys[2], (2029, "1040400.00".into()));
    // 2028: L1 grows to 102,500.00 (net 92,500.00) + L2 10,000.00 + L3 7,200.00 = 109,700.00.
    assert_eq!(r.mdz.years[1].claimed.to_string(), "1009700.00");
}

#[test]
fn refuses_a_subcontract_to_the_kassier_or_the_hoofdaannemer_itself() {
    let kassier = r#"{"form":"kassier","name":"RESV IJssel","kassier":"Huisartsenkring Zwolle","agreement":true}"#;
    // The kassier receives the money on behalf of the RESV: it cannot also be its subcontractor,
    // however it is written; nor can the hoofdaannemer pay itself.
    let subs = r#"[
      {"id":"A","contractor":"huisartsenkring  zwolle ","amount":"1.00","lines":["L1"]},
      {"id":"B","contractor":"RESV IJssel","amount":"1.00","lines":["L1"]},
      {"id":"C","contractor":"Huisartsenkring Kampen","amount":"1.00","lines":["L1"]}
    ]"#;
    let text = format!(
        r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{BUDGET},"municipalities":{MUNICIPALITIES},"hoofdaannemer":{kassier},"subcontracts":{subs}}}"#
    );
    let e = calculate(&json(&text), None).unwrap_err();
    assert_eq!(
        codes(&e),
        [
            "subcontracts[0].contractor subcontract_to_self",
            "subcontracts[1].contractor subcontract_to_self",
        ]
    );
    let messages: Vec<(String, String)> = e
        .as_slice()
        .iter()
        .map(|i| {
            (
                i.message(resv_calc::issue::Lang::Nl),
                i.message(resv_calc::issue::Lang::En),
            )
        })
        .collect();
    assert!(messages[0].0.contains("is de kassier"), "{messages:?}");
    assert!(messages[0].1.contains("is the kassier"), "{messages:?}");
    assert!(messages[1].0.contains("hoofdaannemer zelf"), "{messages:?}");
    assert!(
        messages[1].1.contains("hoofdaannemer itself"),
        "{messages:?}"
    );
    // A legal entity subcontracting to a provider of another name is fine.
    let ok = run(&format!(
        r#","hoofdaannemer":{RESV},"subcontracts":[{{"id":"A","contractor":"Huisartsenkring Zwolle","amount":"1.00","lines":["L1"]}}]"#
    ));
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn refuses_subcontracts_that_break_the_rules() {
    let bad = r#"[
      {"id":"A","contractor":"X","amount":"-1","lines":["L9"]},
      {"id":"B","contractor":"resv","amount":"1.00","from":"Wijkverband Oost"},
      {"id":"C","contractor":"Y","amount":"1.00","lines":["L2"],"mainTasks":[1]}
    ]"#;
    assert_eq!(
        run(&format!(r#","hoofdaannemer":{RESV},"subcontracts":{bad}"#)).unwrap_err(),
        [
            "subcontracts[0].amount negative_amount",
            "subcontracts[0].lines[0] unknown_line",
            "subcontracts[1].from subcontract_chain",
            "subcontracts[1].contractor subcontract_chain",
            "subcontracts[2].mainTasks[0] task_outside_lines",
        ]
    );
    // Above what the lines carry: alone (50,000 > 45,000) and together (2 × 30,000 > 45,000).
    let above =
        r#"[{"id":"A","contractor":"X","amount":"50000.00","lines":["L1"],"mainTasks":[2]}]"#;
    assert_eq!(
        run(&format!(
            r#","hoofdaannemer":{RESV},"subcontracts":{above}"#
        ))
        .unwrap_err(),
        ["subcontracts[0].amount subcontract_above_lines"]
    );
    let together = r#"[{"id":"A","contractor":"X","amount":"30000.00","lines":["L1"],"mainTasks":[2]},{"id":"B","contractor":"Y","amount":"30000.00","lines":["L1"],"mainTasks":[2]}]"#;
    assert_eq!(
        run(&format!(
            r#","hoofdaannemer":{RESV},"subcontracts":{together}"#
        ))
        .unwrap_err(),
        [
            "subcontracts[0].amount subcontracts_above_lines",
            "subcontracts[1].amount subcontracts_above_lines"
        ]
    );
    assert_eq!(
        run(r#","mdz":{"framework":"0","population":0},"hoofdaannemer":{"form":"kassier","agreement":true}"#).unwrap_err(),
        ["hoofdaannemer.kassier missing", "mdz.framework not_positive", "mdz.population not_positive"]
    );
}

#[test]
fn conserves_money_per_insurer_and_in_total_over_generated_scenarios() {
    let mut rng = crate::Rng::new(70);
    for case in 0..300 {
        let mut subs = Vec::new();
        // Small amounts so they stay within what the lines carry.
        for i in 0..rng.below(5) {
            let line = ["L1", "L2", "L3"][rng.below(3) as usize];
            let lines = if rng.below(3) == 0 {
                String::new()
            } else {
                format!(r#","lines":["{line}"]"#)
            };
            subs.push(format!(
                r#"{{"id":"S{i}","contractor":"C{}","amount":"{}.{:02}"{lines}}}"#,
                rng.below(3),
                rng.below(1500),
                rng.below(100)
            ));
        }
        let lump = if case % 2 == 0 {
            format!(r#","lumpSum":"{}.00""#, 90_000 + rng.below(30_000))
        } else {
            String::new()
        };
        let rounding = if case % 3 == 0 {
            "leaderAbsorbs"
        } else {
            "largestRemainder"
        };
        let r = run(&format!(
            r#","hoofdaannemer":{RESV},"subcontracts":[{}],"rounding":"{rounding}"{lump}"#,
            subs.join(",")
        ))
        .unwrap_or_else(|e| panic!("{e:?}"));
        let l = &r.ledger;
        assert_eq!(
            cents(&l.zvw_in),
            cents(&l.subcontracted) + cents(&l.kept_zvw)
        );
        assert_eq!(cents(&l.zvw_in), cents(&r.totals.zvw));
        for ins in &l.insurers {
            assert_eq!(
                cents(&ins.paid),
                cents(&ins.subcontracted) + cents(&ins.kept),
                "{}",
                ins.insurer
            );
        }
        for s in &r.subcontracts {
            assert_eq!(
                s.funded_by.iter().map(|f| cents(&f.amount)).sum::<i128>(),
                cents(&s.amount),
                "{}",
                s.id
            );
        }
        let per_insurer: i128 = l.insurers.iter().map(|i| cents(&i.subcontracted)).sum();
        assert_eq!(per_insurer, cents(&l.subcontracted));
        let resv = r
            .sankey
            .nodes
            .iter()
            .position(|n| n.kind == "resv")
            .unwrap();
        let into: i128 = r
            .sankey
            .links
            .iter()
            .filter(|k| k.target == resv)
            .map(|k| cents(&k.value))
            .sum();
        let out: i128 = r
            .sankey
            .links
            .iter()
            .filter(|k| k.source == resv)
            .map(|k| cents(&k.value))
            .sum();
        assert_eq!(into, out);
    }
}

#[test]
fn compares_two_reports_per_insurer_municipality_line_and_flow() {
    let a = run("").unwrap();
    // b: the boundary line granted and 10,000.00 more for L1.
    let budget_b = BUDGET.replace(r#""amount":"100000.00""#, r#""amount":"110000.00""#);
    let text = format!(
        r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{budget_b},"municipalities":{MUNICIPALITIES}}}"#
    );
    let b = calculate(&json(&text), None).unwrap();
    let to_value = |r: &Report| json(&serde_json::to_string(r).unwrap());
    let c = resv_calc::compare::compare(&to_value(&a), &to_value(&b)).unwrap();
    let zvw = c.totals.iter().find(|t| t.id == "zvw").unwrap();
    assert_eq!(
        (
            zvw.diff.a.to_string(),
            zvw.diff.b.to_string(),
            zvw.diff.difference.to_string()
        ),
        ("107200.00".into(), "117200.00".into(), "10000.00".into())
    );
    let l1 = c.lines.iter().find(|l| l.id == "L1").unwrap();
    assert_eq!(l1.zvw.difference.to_string(), "10000.00");
    // The insurers' differences add up to the Zvw difference.
    let sum: i128 = c.insurers.iter().map(|i| cents(&i.diff.difference)).sum();
    assert_eq!(sum, 1_000_000);
    assert_eq!(c.flows.len(), 5);
    assert!(c.flows[0].id.ends_with("→ resv (zvw)"));
    // Not reports: every problem with its path.
    let e = resv_calc::compare::compare(
        &json("[]"),
        &json(r#"{"totals":{"zvw":"1,0"},"insurers":[{"id":"x"}]}"#),
    )
    .unwrap_err();
    let got: Vec<String> = codes(&e);
    assert_eq!(got[0], "a wrong_type");
    assert!(
        got.contains(&"b.totals.zvw number_has_comma".to_owned()),
        "{got:?}"
    );
    assert!(
        got.contains(&"b.insurers[0].amount missing".to_owned()),
        "{got:?}"
    );
}

#[test]
fn weighs_all_regions_against_the_framework_in_the_national_view() {
    let market =
        resv_calc::market::from_rows(&json(MARKET), &resv_calc::issue::Path::root()).unwrap();
    let regions = json(
        r#"[{"id":"W","postcodes":["1011"],"lumpSum":"600.00"},{"id":"O","postcodes":["1012"],"lumpSum":"350.00"}]"#,
    );
    let v = resv_calc::scenario::national_view(
        &market,
        &regions,
        &json(r#"{"mdz":{"framework":"1000.00","population":10000}}"#),
    )
    .unwrap();
    assert_eq!(
        (v.claimed.to_string(), v.headroom.to_string()),
        ("950.00".into(), "50.00".into())
    );
    // W: 6,000 insured → 0.10 per capita; fair share 1,000 × 6,000 / 10,000 = 600.00.
    assert_eq!(
        (
            v.regions[0].per_capita.to_string(),
            v.regions[0].fair_share.to_string()
        ),
        ("0.10".into(), "600.00".into())
    );
    // Insurers over both regions: Achmea 400.00 (W), VGZ 350.00 (O), CZ 200.00 (W).
    let ins: Vec<(String, String, usize)> = v
        .insurers
        .iter()
        .map(|i| (i.id.clone(), i.amount.to_string(), i.regions))
        .collect();
    assert_eq!(
        ins,
        [
            ("Achmea".into(), "400.00".into(), 1),
            ("VGZ".into(), "350.00".into(), 1),
            ("CZ".into(), "200.00".into(), 1)
        ]
    );
    let e = resv_calc::scenario::national_view(
        &market,
        &regions,
        &json(r#"{"mdz":{"framework":-1},"x":1}"#),
    )
    .unwrap_err();
    let got: Vec<String> = codes(&e);
    assert_eq!(
        got,
        [
            "options.mdz.framework not_positive",
            "options.x unknown_option"
        ]
    );
}

/// The subcontract checks by their definition, pair by pair (quadratic): each subcontract alone
/// within its cells, then with every subcontract whose cells lie within its own.
fn checked_pairwise(
    subs: &[resv_calc::flows::Subcontract],
    cells: &[(usize, u8, i128)],
    lines: &[resv_calc::budget::LineResult],
) -> Vec<String> {
    let cover = |s: &resv_calc::flows::Subcontract| -> Vec<(usize, u8)> {
        cells
            .iter()
            .filter(|(l, t, _)| {
                s.lines
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&lines[*l].id))
                    && s.main_tasks.as_ref().is_none_or(|ts| ts.contains(t))
            })
            .map(|(l, t, _)| (*l, *t))
            .collect()
    };
    let value = |set: &[(usize, u8)]| -> i128 {
        cells
            .iter()
            .filter(|(l, t, _)| set.contains(&(*l, *t)))
            .map(|c| c.2)
            .sum()
    };
    let sets: Vec<_> = subs.iter().map(cover).collect();
    let mut out = Vec::new();
    for (i, s) in subs.iter().enumerate() {
        let avail = value(&sets[i]);
        if cents(&s.amount) > avail {
            out.push(format!("subcontracts[{i}].amount subcontract_above_lines"));
            continue;
        }
        let together: i128 = subs
            .iter()
            .zip(&sets)
            .filter(|(_, set)| set.iter().all(|c| sets[i].contains(c)))
            .map(|(o, _)| cents(&o.amount))
            .sum();
        if together > avail {
            out.push(format!("subcontracts[{i}].amount subcontracts_above_lines"));
        }
    }
    let mut union: Vec<(usize, u8)> = sets.concat();
    union.sort_unstable();
    union.dedup();
    let total: i128 = subs.iter().map(|s| cents(&s.amount)).sum();
    if total > value(&union) && out.is_empty() {
        out.push(" subcontracts_above_lines".to_owned());
    }
    out
}

#[test]
fn checks_subcontract_amounts_as_the_pairwise_definition_does_over_generated_covers() {
    use resv_calc::budget::{Level, LineResult};
    use resv_calc::flows::{check_amounts, Subcontract};
    use resv_calc::issue::{Issues, Path};
    use resv_calc::money::Money;
    let mut seed = 0x2545_f491_u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let money = |c: i128| Money::new(rust_decimal::Decimal::from_i128_with_scale(c, 2)).unwrap();
    for round in 0..300 {
        // Lines whose Zvw splits evenly over their tasks, so each cell is known exactly.
        let line_count = 1 + next(5) as usize;
        let mut lines = Vec::new();
        let mut cells = Vec::new();
        for l in 0..line_count {
            let mut tasks: Vec<u8> = (1..=5).filter(|_| next(2) == 0).collect();
            if tasks.is_empty() {
                tasks.push(1 + next(5) as u8);
            }
            let per_task = 100 * (1 + next(20) as i128);
            for t in &tasks {
                cells.push((l, *t, per_task));
            }
            let zvw = money(per_task * tasks.len() as i128);
            lines.push(LineResult {
                id: format!("L{l}"),
                name: format!("L{l}"),
                level: Level::Regional,
                main_tasks: tasks,
                gross: zvw,
                existing_funding: Money::ZERO,
                net: zvw,
                zvw,
                paid_zvw: zvw,
                municipal: Money::ZERO,
                wlz: Money::ZERO,
                status: "final",
                awaiting: Vec::new(),
                own_area: false,
                task_shares: None,
            });
        }
        let subs: Vec<Subcontract> = (0..1 + next(8))
            .map(|i| Subcontract {
                id: format!("S{i}"),
                contractor: "X".into(),
                amount: money(100 * next(40) as i128),
                lines: (next(3) != 0).then(|| {
                    (0..1 + next(3))
                        .map(|_| format!("L{}", next(line_count as u64)))
                        .collect()
                }),
                main_tasks: (next(3) == 0)
                    .then(|| (0..1 + next(3)).map(|_| 1 + next(5) as u8).collect()),
            })
            .collect();
        let mut issues = Issues::new();
        check_amounts(
            &subs,
            &lines,
            &Path::root().key("subcontracts"),
            &mut issues,
        )
        .unwrap();
        let mut want = checked_pairwise(&subs, &cells, &lines);
        for w in &mut want {
            if w.starts_with(' ') {
                *w = format!("subcontracts{w}");
            }
        }
        assert_eq!(codes(&issues), want, "round {round}: {subs:?}");
    }
}
