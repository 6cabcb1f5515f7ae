//! The negotiation model (issue 15): each finding as a worked example computed by hand, and
//! invariants over every breakdown.

use crate::{cents, json};
use resv_calc::scenario::{calculate, Report};

/// Two insurers in one postcode: VGZ 2000, CZ 1000 insured persons.
const MARKET: &str = r#"[
  {"postcode":"8011","insurer":"VGZ","insured":2000},
  {"postcode":"8011","insurer":"CZ","insured":1000}
]"#;

fn run(fields: &str) -> Report {
    let text = format!(r#"{{"market":{MARKET}{fields}}}"#);
    calculate(&json(&text), None).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Every insurer's share (10 decimals) × the total lies within a cent of its amount: the
/// statement reproduces (largest remainder).
fn reproduces_share_times_total(r: &Report, case: &str) {
    let total = r.totals.zvw.value();
    for i in &r.insurers {
        let exact = i.share * total;
        let diff = (exact - i.amount.value()).abs();
        assert!(
            diff < rust_decimal::Decimal::new(1, 2),
            "{case}: {} share {} × {total} = {exact}, amount {}",
            i.id,
            i.share,
            i.amount
        );
    }
}

fn amounts(r: &Report) -> Vec<(String, i128)> {
    r.insurers
        .iter()
        .map(|i| (i.id.clone(), cents(&i.amount)))
        .collect()
}

#[test]
fn a_negative_lump_sum_is_a_correction_allocated_mirrored() {
    // −€1,000.00 over 2000 : 1000 is −666.67 and −333.33, as allocate mirrors a negative total.
    let r = run(r#","lumpSum":"-1000.00""#);
    assert_eq!(
        amounts(&r),
        [("VGZ".to_string(), -66_667), ("CZ".to_string(), -33_333)]
    );
    assert_eq!(cents(&r.totals.zvw), -100_000);
    let paid: i128 = r.payments.payers.iter().map(|p| cents(&p.amount)).sum();
    assert_eq!(paid, -100_000);
}

#[test]
fn leader_absorbs_works_on_tiny_totals() {
    // €0.01 over 2000 : 1000: CZ's exact share 0.333 cent rounds to 0; VGZ absorbs 1 cent.
    let r = run(r#","lumpSum":"0.01","rounding":"leaderAbsorbs""#);
    assert_eq!(amounts(&r), [("VGZ".to_string(), 1), ("CZ".to_string(), 0)]);
}

#[test]
fn with_leader_absorbs_the_designated_market_leader_takes_the_rounding() {
    // VGZ 2000, CZ 1000, Menzis 1000 insured persons; €0.03 has exact shares of 1.5, 0.75 and
    // 0.75 cent.
    let market = r#"[
      {"postcode":"8011","insurer":"VGZ","insured":2000},
      {"postcode":"8011","insurer":"CZ","insured":1000},
      {"postcode":"8011","insurer":"Menzis","insured":1000}
    ]"#;
    let run3 = |fields: &str| {
        let text =
            format!(r#"{{"market":{market},"lumpSum":"0.03","rounding":"leaderAbsorbs"{fields}}}"#);
        calculate(&json(&text), None).unwrap_or_else(|e| panic!("{text}: {e}"))
    };
    // Without a designation the data's largest (VGZ) absorbs: CZ and Menzis 0.75 → 1 cent
    // each, VGZ the rest, 1 cent.
    assert_eq!(
        amounts(&run3("")),
        [
            ("VGZ".to_string(), 1),
            ("CZ".to_string(), 1),
            ("Menzis".to_string(), 1)
        ]
    );
    // CZ designated: VGZ 1.5 → 2 cents, Menzis 0.75 → 1 cent, CZ the rest, 0 cents.
    let r = run3(r#","marketLeaders":["CZ"]"#);
    assert_eq!(
        amounts(&r),
        [
            ("VGZ".to_string(), 2),
            ("CZ".to_string(), 0),
            ("Menzis".to_string(), 1)
        ]
    );
    assert_eq!(r.allocation.leader, "CZ");
    // Several designated: the first named absorbs. Menzis, CZ: VGZ 2, CZ 0.75 → 1, Menzis the
    // rest, 0.
    let r = run3(r#","marketLeaders":["Menzis","CZ"]"#);
    assert_eq!(
        amounts(&r),
        [
            ("VGZ".to_string(), 2),
            ("CZ".to_string(), 1),
            ("Menzis".to_string(), 0)
        ]
    );
    // €100.00 over three equal parties: followers 33.33 each, the designated leader 33.34,
    // where the data's leader (a tie: CZ, first by name) would take it otherwise.
    let text = r#"{"market":[
      {"postcode":"8011","insurer":"VGZ","insured":10},
      {"postcode":"8011","insurer":"CZ","insured":10},
      {"postcode":"8011","insurer":"Menzis","insured":10}],
      "lumpSum":"100.00","rounding":"leaderAbsorbs","marketLeaders":["VGZ"]}"#;
    let r = calculate(&json(text), None).unwrap();
    let mut a = amounts(&r);
    a.sort();
    assert_eq!(
        a,
        [
            ("CZ".to_string(), 3333),
            ("Menzis".to_string(), 3333),
            ("VGZ".to_string(), 3334)
        ]
    );
}

mod pooling {
    use crate::budget::{BUDGET, MARKET, MUNICIPALITIES};
    use crate::{cents, json};
    use resv_calc::scenario::{calculate, Report};

    fn report(extra: &str) -> Report {
        let text = format!(
            r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{BUDGET},"municipalities":{MUNICIPALITIES}{extra}}}"#
        );
        calculate(&json(&text), None).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_work_area_is_the_verdeelsleutel_of_every_zvw_part_by_default() {
        let r = report("");
        // All Zvw, 107,200.00 (L2's neighbourhood line included), over the work area's Achmea
        // 4,000, VGZ 3,500, CZ 2,000 (9,500): 10,720,000 cents × 4000/9500 = 4,513,684.21…,
        // × 3500/9500 = 3,949,473.68…, × 2000/9500 = 2,256,842.10…; one cent left → VGZ (.68).
        let got: Vec<(&str, i128)> = r
            .insurers
            .iter()
            .map(|i| (i.id.as_str(), cents(&i.amount)))
            .collect();
        assert_eq!(
            got,
            [("Achmea", 4_513_684), ("VGZ", 3_949_474), ("CZ", 2_256_842)]
        );
        assert_eq!(
            serde_json::to_value(&r.allocation).unwrap()["pooling"],
            "workArea"
        );
        // The municipal part still follows the line's own area: Oostdorp (1012) pays L2's.
        let m: Vec<(&str, i128)> = r
            .municipalities
            .iter()
            .map(|m| (m.id.as_str(), cents(&m.amount)))
            .collect();
        assert_eq!(m, [("GM1", 0), ("GM2", 1_000_001)]);
    }

    #[test]
    fn every_follower_statement_reproduces_its_amount_from_share_times_total() {
        // share (10 decimals) × total lies within a cent of the amount (largest remainder).
        for extra in ["", r#","lumpSum":"50000.00""#] {
            super::reproduces_share_times_total(&report(extra), extra);
        }
    }

    #[test]
    fn line_areas_pooling_stays_available_as_an_explicit_choice() {
        // As before: L2's 10,000.00 is paid by VGZ alone, the only insurer living in 1012.
        let r = report(r#","pooling":"lineAreas""#);
        let vgz = r.insurers.iter().find(|i| i.id == "VGZ").unwrap();
        assert_eq!(cents(&vgz.amount), 4_581_053);
        let bad = calculate(
            &json(&format!(
                r#"{{"market":{MARKET},"lumpSum":"1.00","pooling":"areas"}}"#
            )),
            None,
        )
        .unwrap_err();
        assert_eq!(crate::codes(&bad), ["pooling unknown_value"]);
    }

    #[test]
    fn zvw_of_a_line_with_a_wlz_part_is_final_only_once_the_wlz_part_is_granted() {
        // L3: 9,000 with 20% Wlz; its Zvw 7,200.00 is conditional until wlzGranted.
        let r = report("");
        let l3 = r.lines.iter().find(|l| l.id == "L3").unwrap();
        assert_eq!(l3.status, "conditional");
        let granted = BUDGET.replace(
            r#""split":{"zvw":80,"wlz":20}"#,
            r#""split":{"zvw":80,"wlz":20},"wlzGranted":true"#,
        );
        let text = format!(
            r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{granted},"municipalities":{MUNICIPALITIES}}}"#
        );
        let r = calculate(&json(&text), None).unwrap();
        let l3 = r.lines.iter().find(|l| l.id == "L3").unwrap();
        assert_eq!(l3.status, "final");
        // Left conditional: L2's Zvw 10,000.00, whose municipal part is not approved.
        assert_eq!(cents(&r.totals.conditional_zvw), 1_000_000);
    }
}

#[test]
fn the_sample_regions_statements_reproduce_their_amounts() {
    // Before, the sample's neighbourhood lines were pooled per area: share × total missed the
    // amount by −€811.92 for Menzis and +€472.44 for CZ. With the work area as the
    // verdeelsleutel every insurer's amount is its share of the total within a cent.
    let market = resv_calc::sample::market().unwrap();
    let r = calculate(&json(resv_calc::sample::SCENARIO_JSON), Some(&market)).unwrap();
    reproduces_share_times_total(&r, "sample");
}

#[test]
fn every_breakdown_follows_a_contracted_lump_sum_that_differs_from_the_budget() {
    // Budget Zvw 1,500.00: L1 1,000.00 all Zvw (tasks 1 and 2, growing 10% a year) and L2
    // 1,000.00 half municipal (task 4; its Zvw 500.00 conditional). A contract of 750.00 is
    // half of it: L1 is paid 500.00, L2 250.00.
    let r = run(
        r#","lumpSum":"750.00","municipalities":[{"id":"GM1","postcodes":["8011"]}],
      "budget":[
        {"id":"L1","level":"regional","mainTasks":[1,2],"amount":"1000.00","growth":"10"},
        {"id":"L2","level":"neighbourhood","mainTasks":[4],"amount":"1000.00","split":{"zvw":50,"municipal":50}}
      ]"#,
    );
    let paid: Vec<i128> = r.lines.iter().map(|l| cents(&l.paid_zvw)).collect();
    assert_eq!(paid, [50_000, 25_000]);
    assert_eq!(cents(&r.budget_zvw), 150_000);
    assert_eq!(cents(&r.totals.zvw), 75_000);
    // Conditional: L2's paid 250.00, not its budgeted 500.00.
    assert_eq!(cents(&r.totals.conditional_zvw), 25_000);
    let tasks: Vec<i128> = r
        .summaries
        .by_main_task
        .iter()
        .map(|t| cents(&t.sums.zvw))
        .collect();
    assert_eq!(tasks, [25_000, 25_000, 0, 25_000, 0]);
    let levels: i128 = r
        .summaries
        .by_level
        .iter()
        .map(|l| cents(&l.sums.zvw))
        .sum();
    assert_eq!(levels, 75_000);
    // MDZ 2028: the budget's 1,100.00 + 500.00 = 1,600.00, paid at the contract's half: 800.00.
    let y2028 = r.mdz.years.iter().find(|y| y.year == 2028).unwrap();
    assert_eq!(cents(&y2028.claimed), 80_000);
    let y2027 = r.mdz.years.iter().find(|y| y.year == 2027).unwrap();
    assert_eq!(cents(&y2027.claimed), 75_000);
    // The multi-year table too: the budget year is the totals (750.00, of which 250.00
    // conditional), 2028 the MDZ year's 800.00 with L2's 500.00 conditional paid at half.
    let year = |y: u16| &r.years.iter().find(|t| t.year == y).unwrap().sums;
    assert_eq!(cents(&year(2027).zvw), 75_000);
    assert_eq!(cents(&year(2027).conditional_zvw), 25_000);
    assert_eq!(cents(&year(2028).zvw), 80_000);
    assert_eq!(cents(&year(2028).conditional_zvw), 25_000);
    // What stays as budgeted: gross, net and the municipal part.
    assert_eq!(cents(&year(2028).gross), 210_000);
    assert_eq!(cents(&year(2028).municipal), 50_000);
    for y in &r.mdz.years {
        assert_eq!(
            year(y.year).zvw,
            y.claimed,
            "{}: years and MDZ agree",
            y.year
        );
    }
}

#[test]
fn a_conditional_line_says_which_grant_it_awaits() {
    let r = run(
        r#","lumpSum":"100.00","municipalities":[{"id":"GM1","postcodes":["8011"]}],
      "budget":[
        {"id":"M","level":"neighbourhood","mainTasks":[4],"amount":"100.00","split":{"zvw":50,"municipal":50}},
        {"id":"W","level":"regional","mainTasks":[5],"amount":"100.00","split":{"zvw":95,"wlz":5}},
        {"id":"B","level":"regional","mainTasks":[5],"amount":"100.00","split":{"zvw":90,"municipal":5,"wlz":5}},
        {"id":"G","level":"regional","mainTasks":[5],"amount":"100.00","split":{"zvw":90,"municipal":5,"wlz":5},
         "municipalApproved":true,"wlzGranted":true},
        {"id":"Z","level":"regional","mainTasks":[1],"amount":"100.00"}
      ]"#,
    );
    let awaiting: Vec<(&str, &str, Vec<&str>)> = r
        .lines
        .iter()
        .map(|l| (l.id.as_str(), l.status, l.awaiting.clone()))
        .collect();
    assert_eq!(
        awaiting,
        [
            ("M", "conditional", vec!["municipal"]),
            ("W", "conditional", vec!["wlz"]),
            ("B", "conditional", vec!["municipal", "wlz"]),
            ("G", "final", vec![]),
            ("Z", "final", vec![]),
        ]
    );
}

#[test]
fn an_estimates_mdz_population_is_its_residents_whatever_the_shares_add_up_to() {
    // Enschede (7511-7548): 162,320 residents (CBS). The national shares add up to 99.9%, so
    // before, the region counted 162,157.68 and its indicative share was 629,074.59, not
    // 70,000,000.00 × 162,320 / 18,044,025 = 629,704.29.
    let run = |shares: &str| {
        let text = format!(
            r#"{{"lumpSum":"600000.00","workArea":["7511-7548"],"estimate":{{"shares":{shares}}}}}"#
        );
        calculate(&json(&text), None).unwrap_or_else(|e| panic!("{e}"))
    };
    let r = run(r#""national""#);
    assert_eq!(r.mdz.region_population, "162320");
    assert_eq!(r.mdz.fair_share.to_string(), "629704.29");
    // Region shares adding up to 80%: still the residents, not 20% fewer.
    let r = run(r#"[{"concern":"Menzis","percent":"50"},{"concern":"CZ","percent":"30"}]"#);
    assert_eq!(r.mdz.region_population, "162320");
    // Estimated insured persons are shown as whole persons (residents × shares).
    for i in &r.insurers {
        assert_eq!(i.insured.scale(), 0, "{}: {}", i.id, i.insured);
    }
    assert_eq!(
        r.insurers.iter().map(|i| i.insured).collect::<Vec<_>>(),
        [
            "81160".parse().unwrap(),
            "48696".parse::<rust_decimal::Decimal>().unwrap()
        ]
    );
}

#[test]
fn subcontracts_before_the_written_agreement_are_calculated_pending_it() {
    // A RESV simulates onderlinge dienstverlening before it signs: the calculation runs, with
    // a warning and every subcontract "pendingAgreement" (BR/REG-27110 art. 4.1).
    let subs =
        r#","subcontracts":[{"id":"S1","contractor":"Huisartsencoöperatie","amount":"300.00"}]"#;
    let r = run(&format!(
        r#","lumpSum":"1000.00","hoofdaannemer":{{"form":"legalEntity","name":"RESV"}}{subs}"#
    ));
    assert_eq!(r.subcontracts[0].status, "pendingAgreement");
    let w: Vec<(&str, String)> = r
        .warnings
        .iter()
        .map(|w| (w.warning.code(), w.path.to_string()))
        .collect();
    assert!(
        w.contains(&("no_agreement", "hoofdaannemer.agreement".into())),
        "{w:?}"
    );
    // S1's 300.00 over VGZ 2000 : CZ 1000.
    let f: Vec<i128> = r.subcontracts[0]
        .funded_by
        .iter()
        .map(|f| cents(&f.amount))
        .collect();
    assert_eq!(f, [20_000, 10_000]);
    let r = run(&format!(
        r#","lumpSum":"1000.00","hoofdaannemer":{{"form":"legalEntity","name":"RESV","agreement":true}}{subs}"#
    ));
    assert_eq!(r.subcontracts[0].status, "agreed");
    assert!(r
        .warnings
        .iter()
        .all(|w| w.warning.code() != "no_agreement"));
}

mod statements {
    use crate::budget::{BUDGET, MARKET, MUNICIPALITIES};
    use crate::{cents, json, Rng};
    use resv_calc::scenario::{calculate, Report};

    fn sum<T>(v: &[T], f: impl Fn(&T) -> i128) -> i128 {
        v.iter().map(f).sum()
    }

    /// Every breakdown of every insurer adds up to its amount; the conditional parts add up
    /// to conditionalZvw; each year's parts add up to that year's Zvw over the insurers.
    fn check(r: &Report, text: &str) {
        for i in &r.insurers {
            let s = i.statement.as_ref().unwrap();
            let a = cents(&i.amount);
            assert_eq!(
                sum(&s.pools, |p| cents(&p.amount)),
                a,
                "{} pools: {text}",
                i.id
            );
            if !r.lines.is_empty() && r.lines.iter().any(|l| cents(&l.paid_zvw) != 0) {
                assert_eq!(
                    sum(&s.lines, |p| cents(&p.amount)),
                    a,
                    "{} lines: {text}",
                    i.id
                );
                assert_eq!(
                    sum(&s.levels, |p| cents(&p.amount)),
                    a,
                    "{} levels: {text}",
                    i.id
                );
                assert_eq!(
                    sum(&s.main_tasks, |p| cents(&p.amount)),
                    a,
                    "{} tasks: {text}",
                    i.id
                );
            }
            if !s.labels.is_empty() {
                assert_eq!(
                    sum(&s.labels, |p| cents(&p.amount)),
                    a,
                    "{} labels: {text}",
                    i.id
                );
            }
            let year = s.years.iter().find(|y| y.year == r.year).unwrap();
            assert_eq!(cents(&year.amount), a, "{} budget year: {text}", i.id);
        }
        let conditional: i128 = r
            .insurers
            .iter()
            .map(|i| cents(&i.statement.as_ref().unwrap().conditional))
            .sum();
        assert_eq!(
            conditional,
            cents(&r.totals.conditional_zvw),
            "conditional: {text}"
        );
        for y in &r.mdz.years {
            let parts: i128 = r
                .insurers
                .iter()
                .filter_map(|i| {
                    let s = i.statement.as_ref().unwrap();
                    s.years
                        .iter()
                        .find(|s| s.year == y.year)
                        .map(|s| cents(&s.amount))
                })
                .sum();
            if r.insurers.iter().any(|i| {
                let s = i.statement.as_ref().unwrap();
                s.years.iter().any(|s| s.year == y.year)
            }) {
                // The region's own claim in that year (others' claims are not in mdz options here).
                assert_eq!(parts, cents(&y.claimed), "year {}: {text}", y.year);
            }
        }
    }

    #[test]
    fn a_statement_breaks_an_insurers_amount_down_by_line_task_level_and_label() {
        let text = format!(
            r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{BUDGET},"municipalities":{MUNICIPALITIES}}}"#
        );
        let r = calculate(&json(&text), None).unwrap();
        check(&r, &text);
        // Achmea pays 45,136.84 of 107,200.00: its line parts are that over L1 90,000.00,
        // L2 10,000.00 and L3 7,200.00 — 3,789,473.50…, 421,052.61…, 303,157.88… cents; two
        // cents left → L3 (.88) and L2 (.61): 37,894.73 / 4,210.53 / 3,031.58.
        let achmea = r.insurers.iter().find(|i| i.id == "Achmea").unwrap();
        let s = achmea.statement.as_ref().unwrap();
        let lines: Vec<(&str, i128)> = s
            .lines
            .iter()
            .map(|l| (l.id.as_str(), cents(&l.amount)))
            .collect();
        assert_eq!(lines, [("L1", 3_789_473), ("L2", 421_053), ("L3", 303_158)]);
        // Labels: Zilveren Kruis 3,000 and FBTO 1,000 of Achmea's 4,000.
        let labels: Vec<(&str, i128)> = s
            .labels
            .iter()
            .map(|l| (l.id.as_str(), cents(&l.amount)))
            .collect();
        assert_eq!(labels, [("Zilveren Kruis", 3_385_263), ("FBTO", 1_128_421)]);
    }

    #[test]
    fn every_breakdown_adds_up_over_generated_scenarios() {
        let mut rng = Rng::new(15);
        for case in 0..150 {
            let lines: Vec<String> = (0..1 + rng.below(5))
                .map(|i| {
                    let tasks: Vec<String> = (1..=5u64)
                        .filter(|_| rng.below(2) == 0)
                        .map(|t| t.to_string())
                        .collect();
                    let tasks = if tasks.is_empty() { "1".to_string() } else { tasks.join(",") };
                    format!(
                        r#"{{"id":"L{i}","level":"{}","mainTasks":[{tasks}],"amount":"{}.{:02}","split":{{"zvw":{},"municipal":{},"wlz":{}}},"municipalApproved":{},"wlzGranted":{},"growth":"{}"{}}}"#,
                        ["regional", "neighbourhood", "monodisciplinary"][rng.below(3) as usize],
                        rng.below(200_000),
                        rng.below(100),
                        60,
                        30,
                        10,
                        rng.below(2) == 0,
                        rng.below(2) == 0,
                        rng.below(5),
                        if rng.below(3) == 0 { r#","postcodes":["1012"]"# } else { "" }
                    )
                })
                .collect();
            let extra = match case % 4 {
                0 => String::new(),
                1 => format!(
                    r#","lumpSum":"{}.{:02}""#,
                    rng.below(500_000),
                    rng.below(100)
                ),
                2 => r#","pooling":"lineAreas""#.to_string(),
                _ => format!(
                    r#","pooling":"lineAreas","lumpSum":"-{}.00""#,
                    rng.below(90_000)
                ),
            };
            let text = format!(
                r#"{{"market":{MARKET},"workArea":["1011-1012"],"municipalities":{MUNICIPALITIES},"budget":[{}]{extra}}}"#,
                lines.join(",")
            );
            let r = calculate(&json(&text), None).unwrap_or_else(|e| panic!("{text}: {e}"));
            check(&r, &text);
        }
    }
}

#[test]
fn designated_roles_and_contract_terms_say_what_is_payable() {
    // VGZ (2000) leads by the data; CZ (1000) is designated leader and co-assessor is VGZ.
    let r = run(
        r#","lumpSum":"900.00","marketLeaders":["CZ"],"coAssessor":"VGZ",
        "contracts":{"VGZ":{"own":"500.00"}}"#,
    );
    let role: Vec<(&str, bool, &str, bool)> = r
        .insurers
        .iter()
        .map(|i| (i.id.as_str(), i.market_leader, i.role, i.co_assessor))
        .collect();
    assert_eq!(
        role,
        [
            ("VGZ", false, "follower", true),
            ("CZ", true, "leader", false)
        ]
    );
    assert_eq!(r.allocation.leader, "CZ");
    assert!(r
        .warnings
        .iter()
        .any(|w| w.warning.code() == "leader_differs_from_data"));
    // VGZ's amount is 600.00, its own contract 500.00: 100.00 not covered; CZ follows (300.00).
    let c: Vec<(&str, i128)> = r
        .insurers
        .iter()
        .map(|i| {
            let c = i.contract.as_ref().unwrap();
            (c.status, cents(&c.payable))
        })
        .collect();
    assert_eq!(c, [("own", 50_000), ("follows", 30_000)]);
    assert_eq!(
        (
            cents(&r.coverage.payable),
            cents(&r.coverage.pending),
            cents(&r.coverage.uncovered)
        ),
        (80_000, 0, 10_000)
    );
    let r = run(r#","lumpSum":"900.00","contracts":{"CZ":"pending","VGZ":"none"}"#);
    assert_eq!(
        (
            cents(&r.coverage.payable),
            cents(&r.coverage.pending),
            cents(&r.coverage.uncovered)
        ),
        (0, 30_000, 60_000)
    );
    // Ids that pay nothing here are refused at their place.
    let text = format!(
        r#"{{"market":{MARKET},"lumpSum":"1.00","marketLeaders":["Menzis"],"contracts":{{"DSW":"none"}}}}"#
    );
    let e = calculate(&json(&text), None).unwrap_err();
    assert_eq!(
        crate::codes(&e),
        [
            "marketLeaders[0] unknown_value",
            "contracts.DSW unknown_value"
        ]
    );
}

#[test]
fn an_estimates_leader_is_marked_as_an_estimate_until_designated() {
    let text = r#"{"lumpSum":"1000.00","workArea":["7511"],"estimate":{}}"#;
    let r = calculate(&json(text), None).unwrap();
    assert_eq!(
        serde_json::to_value(&r.allocation).unwrap()["leaderSource"],
        "estimate"
    );
    let text =
        r#"{"lumpSum":"1000.00","workArea":["7511"],"estimate":{},"marketLeaders":["Menzis"]}"#;
    let r = calculate(&json(text), None).unwrap();
    assert_eq!(
        serde_json::to_value(&r.allocation).unwrap()["leaderSource"],
        "designated"
    );
    assert_eq!(r.allocation.leader, "Menzis");
}

#[test]
fn task_shares_split_a_line_over_its_hoofdtaken_for_summaries_and_subcontract_caps() {
    let resv = r#""hoofdaannemer":{"form":"legalEntity","name":"RESV","agreement":true}"#;
    let line = |shares: &str| {
        format!(
            r#","budget":[{{"id":"L1","level":"regional","mainTasks":[4,5],"amount":"100000.00"{shares}}}],{resv},
            "subcontracts":[{{"id":"S1","contractor":"Wijkverband","amount":"60000.00","lines":["L1"],"mainTasks":[4]}}]"#
        )
    };
    // Equal shares: task 4 holds 50,000.00, so 60,000.00 on it is refused.
    let text = format!(r#"{{"market":{MARKET}{}}}"#, line(""));
    let e = calculate(&json(&text), None).unwrap_err();
    assert_eq!(
        crate::codes(&e),
        ["subcontracts[0].amount subcontract_above_lines"]
    );
    // 80/20: task 4 holds 80,000.00 and the subcontract fits; the summaries follow the shares.
    let r = run(&line(r#","taskShares":{"4":"80","5":"20"}"#));
    assert_eq!(cents(&r.subcontracts[0].available), 8_000_000);
    let tasks: Vec<i128> = r
        .summaries
        .by_main_task
        .iter()
        .map(|t| cents(&t.sums.zvw))
        .collect();
    assert_eq!(tasks, [0, 0, 0, 8_000_000, 2_000_000]);
    let s = r.insurers[0].statement.as_ref().unwrap();
    let t: Vec<i128> = s.main_tasks.iter().map(|t| cents(&t.amount)).collect();
    // VGZ's 66,666.67 at 80/20: 53,333.34 and 13,333.33 (the odd cent to the larger remainder).
    assert_eq!(t, [0, 0, 0, 5_333_334, 1_333_333]);
    // Shares must name the line's tasks and add up to 100.
    let text = format!(
        r#"{{"market":{MARKET}{}}}"#,
        line(r#","taskShares":{"4":"70","3":"20"}"#)
    );
    let e = calculate(&json(&text), None).unwrap_err();
    assert_eq!(
        crate::codes(&e),
        ["budget[0].taskShares.3 task_outside_lines"]
    );
    let text = format!(
        r#"{{"market":{MARKET}{}}}"#,
        line(r#","taskShares":{"4":"70","5":"20"}"#)
    );
    let e = calculate(&json(&text), None).unwrap_err();
    assert_eq!(
        crate::codes(&e),
        ["budget[0].taskShares percentages_not_hundred"]
    );
}

#[test]
fn existing_funding_can_differ_per_year_and_zonmw_is_not_there_after_2026() {
    // 10,000.00 a year, growing 10%; existing funding 2,000.00 in 2027 and 500.00 in 2028
    // (none named for the later years).
    let r = run(
        r#","budget":[{"id":"L1","level":"regional","mainTasks":[1],"amount":"10000.00","growth":"10",
        "existingFunding":{"2027":"2000.00","2028":"500.00"},"existingFundingSource":"other"}]"#,
    );
    let zvw: Vec<(u16, i128)> = r
        .years
        .iter()
        .map(|y| (y.year, cents(&y.sums.zvw)))
        .collect();
    // 2027 8,000.00; 2028 11,000.00 − 500.00; 2029 12,100.00; 2030 13,310.00; 2031 14,641.00.
    assert_eq!(
        zvw,
        [
            (2027, 800_000),
            (2028, 1_050_000),
            (2029, 1_210_000),
            (2030, 1_331_000),
            (2031, 1_464_100)
        ]
    );
    // ZonMw subsidy runs through 2026: deducting it in 2027 is warned about.
    let r = run(
        r#","budget":[{"id":"L1","level":"regional","mainTasks":[1],"amount":"10000.00",
        "existingFunding":"2000.00","existingFundingSource":"zonmw"}]"#,
    );
    let w: Vec<(&str, String)> = r
        .warnings
        .iter()
        .map(|w| (w.warning.code(), w.path.to_string()))
        .collect();
    assert!(
        w.contains(&("zonmw_ended", "budget[0].existingFundingSource".into())),
        "{w:?}"
    );
    // Keeping O&I, wijkverpleging or patiëntgroepen funding alongside asks why.
    let text = format!(
        r#"{{"market":{MARKET},"budget":[{{"id":"L1","level":"regional","mainTasks":[1],"amount":"10000.00","existingFunding":"2000.00","existingFundingSource":"oi"}}]}}"#
    );
    let e = calculate(&json(&text), None).unwrap_err();
    assert_eq!(
        crate::codes(&e),
        ["budget[0].existingFundingReason missing"]
    );
    let text = text.replace(
        r#""oi""#,
        r#""oi","existingFundingReason":"aanvullend op O&I""#,
    );
    assert!(calculate(&json(&text), None).is_ok());
}

#[test]
fn municipal_shares_have_ten_decimals_like_the_insurers() {
    // Two municipalities sharing 8011 half and half.
    let r = run(
        r#","budget":[{"id":"L1","level":"regional","mainTasks":[1],"amount":"100.00","split":{"zvw":50,"municipal":50}}],
        "municipalities":[{"id":"A","postcodes":[{"postcode":"8011","fraction":"0.5"}]},{"id":"B","postcodes":[{"postcode":"8011","fraction":"0.5"}]}]"#,
    );
    let shares: Vec<String> = r
        .municipalities
        .iter()
        .map(|m| m.share.to_string())
        .collect();
    assert_eq!(shares, ["0.5000000000", "0.5000000000"]);
}

#[test]
fn with_a_kassier_the_insurers_pay_the_kassier_on_behalf_of_the_resv() {
    let r = run(
        r#","lumpSum":"900.00","hoofdaannemer":{"form":"kassier","name":"RESV IJssel","kassier":"Huisartsenkring Zwolle","agreement":true}"#,
    );
    let node = r.sankey.nodes.iter().find(|n| n.kind == "resv").unwrap();
    assert_eq!(
        node.label,
        "Huisartsenkring Zwolle (kassier namens RESV IJssel)"
    );
    assert_eq!(
        node.label_en.as_deref(),
        Some("Huisartsenkring Zwolle (kassier on behalf of RESV IJssel)")
    );
    assert!(r
        .flows
        .iter()
        .filter(|f| f.kind == "zvw")
        .all(|f| f.via.as_deref() == Some("Huisartsenkring Zwolle")));
}
