//! The statements as the record (issue 16): each insurer's and each municipality's breakdown
//! adds up to its amount to the cent — with odd cents, corrections (negative amounts) and many
//! municipalities — and the report names the contract basis (work area, market data).

use crate::{cents, json, Rng};
use resv_calc::scenario::{calculate, Report};

fn run(text: &str) -> Report {
    calculate(&json(text), None).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn sum<'a>(it: impl Iterator<Item = &'a resv_calc::money::Money>) -> i128 {
    it.map(cents).sum()
}

/// Every breakdown of every insurer and every municipality adds up; each line's municipal
/// parts add up over the municipalities; each year adds up over the payers.
fn assert_statements_add_up(r: &Report, case: &str) {
    for i in &r.insurers {
        let s = i.statement.as_ref().expect("statement");
        let a = cents(&i.amount);
        assert_eq!(
            sum(s.pools.iter().map(|x| &x.amount)),
            a,
            "{case}: {} pools",
            i.id
        );
        // A contract on a budget without any Zvw part belongs to no line: it is not broken
        // down by line, hoofdtaak or level (all zero).
        let attributable = r.lines.iter().any(|l| cents(&l.paid_zvw) != 0);
        if !attributable {
            assert!(s.lines.iter().all(|x| cents(&x.amount) == 0), "{case}");
        }
        if attributable {
            assert_eq!(
                sum(s.lines.iter().map(|x| &x.amount)),
                a,
                "{case}: {} lines",
                i.id
            );
            assert_eq!(
                sum(s.main_tasks.iter().map(|x| &x.amount)),
                a,
                "{case}: {} tasks",
                i.id
            );
            assert_eq!(
                sum(s.levels.iter().map(|x| &x.amount)),
                a,
                "{case}: {} levels",
                i.id
            );
        }
        if !s.labels.is_empty() {
            assert_eq!(
                sum(s.labels.iter().map(|x| &x.amount)),
                a,
                "{case}: {} labels",
                i.id
            );
        }
        // Each pool's part recomputes from its printed basis: insured × total ÷ area insured,
        // within a cent (largest remainder).
        if r.allocation.rounding == resv_calc::verdeelsleutel::Rounding::LargestRemainder {
            for p in &s.pools {
                let d = |t: &str| t.parse::<rust_decimal::Decimal>().unwrap();
                let exact = d(&p.insured) * p.total.value() / d(&p.area_insured);
                assert!(
                    (exact - p.amount.value()).abs() < rust_decimal::Decimal::new(1, 2),
                    "{case}: {} pool {}: {} × {} ÷ {} = {exact} vs {}",
                    i.id,
                    p.id,
                    p.insured,
                    p.total,
                    p.area_insured,
                    p.amount
                );
            }
            let totals: i128 = {
                let mut seen = std::collections::HashSet::new();
                r.insurers
                    .iter()
                    .flat_map(|x| x.statement.as_ref().unwrap().pools.iter())
                    .filter(|p| seen.insert(p.id.clone()))
                    .map(|p| cents(&p.total))
                    .sum()
            };
            assert_eq!(totals, cents(&r.totals.zvw), "{case}: pool totals");
        }
        let budget_year = s.years.iter().find(|y| y.year == r.year);
        if let Some(y) = budget_year {
            assert_eq!(cents(&y.amount), a, "{case}: {} budget year", i.id);
        }
    }
    let m_total = sum(r.municipalities.iter().map(|m| &m.amount));
    assert_eq!(
        m_total,
        cents(&r.totals.municipal),
        "{case}: municipalities"
    );
    for m in &r.municipalities {
        let s = m.statement.as_ref().expect("municipal statement");
        assert_eq!(
            sum(s.lines.iter().map(|x| &x.amount)),
            cents(&m.amount),
            "{case}: {} lines",
            m.id
        );
        if let Some(y) = s.years.iter().find(|y| y.year == r.year) {
            assert_eq!(cents(&y.amount), cents(&m.amount), "{case}: {} year", m.id);
        }
        let waiting: i128 = s.approve.iter().map(|a| cents(&a.zvw)).sum();
        assert_eq!(
            waiting,
            cents(&s.conditional_zvw),
            "{case}: {} waiting",
            m.id
        );
    }
    // Over the municipalities each line adds up to its municipal amount.
    {
        for l in r.lines.iter().filter(|l| cents(&l.municipal) != 0) {
            let parts: i128 = r
                .municipalities
                .iter()
                .flat_map(|m| m.statement.as_ref().unwrap().lines.iter())
                .filter(|x| x.id == l.id)
                .map(|x| cents(&x.amount))
                .sum();
            assert_eq!(
                parts,
                cents(&l.municipal),
                "{case}: line {} over municipalities",
                l.id
            );
        }
    }
    for y in &r.years {
        if r.municipalities.is_empty() || y.year == r.year {
            continue;
        }
        let parts: i128 = r
            .municipalities
            .iter()
            .filter_map(|m| {
                m.statement
                    .as_ref()
                    .unwrap()
                    .years
                    .iter()
                    .find(|x| x.year == y.year)
            })
            .map(|x| cents(&x.amount))
            .sum();
        assert_eq!(
            parts,
            cents(&y.sums.municipal),
            "{case}: year {} over municipalities",
            y.year
        );
    }
}

/// Two municipalities: A holds 8011 (2000 residents), B 8012 (1000).
const TWO: &str = r#"
  "market":[
    {"postcode":"8011","insurer":"VGZ","insured":1500},{"postcode":"8011","insurer":"CZ","insured":500},
    {"postcode":"8012","insurer":"VGZ","insured":400},{"postcode":"8012","insurer":"CZ","insured":600}],
  "municipalities":[{"id":"A","postcodes":["8011"]},{"id":"B","postcodes":["8012"]}]"#;

#[test]
fn a_municipality_statement_worked_by_hand() {
    // L1: 100.01 all municipal (approved); L2: 200.00, half municipal, not yet approved.
    // Pool (work area) municipal 100.01 + 100.00 = 200.01 over 2000 : 1000:
    // A 133.34 (exact 133.34), B 66.67 (exact 66.67). A's part over L1 : L2 = 100.01 : 100.00
    // is exactly 66.6733… and 66.6667…: floors 66.67 and 66.66, one cent left, which goes to
    // the larger remainder (L2, .67 of a cent): 66.67 + 66.67 = 133.34. B takes what is left
    // of each line: L1 100.01 − 66.67 = 33.34, L2 100.00 − 66.67 = 33.33; together 66.67.
    let r = run(&format!(
        r#"{{{TWO},"budget":[
          {{"id":"L1","level":"regional","mainTasks":[1],"amount":"100.01","split":{{"zvw":0,"municipal":100}},"municipalApproved":true}},
          {{"id":"L2","level":"neighbourhood","mainTasks":[4],"amount":"200.00","split":{{"zvw":50,"municipal":50}}}}]}}"#
    ));
    let m = |id: &str| r.municipalities.iter().find(|m| m.id == id).unwrap();
    assert_eq!(cents(&m("A").amount), 13_334);
    assert_eq!(cents(&m("B").amount), 6_667);
    let lines = |id: &str| -> Vec<(String, i128)> {
        m(id)
            .statement
            .as_ref()
            .unwrap()
            .lines
            .iter()
            .map(|x| (x.id.clone(), cents(&x.amount)))
            .collect()
    };
    assert_eq!(lines("A"), [("L1".into(), 6_667), ("L2".into(), 6_667)]);
    assert_eq!(lines("B"), [("L1".into(), 3_334), ("L2".into(), 3_333)]);
    // L2 waits on both municipalities; its Zvw is 100.00.
    for id in ["A", "B"] {
        let s = m(id).statement.as_ref().unwrap();
        assert_eq!(s.approve.len(), 1, "{id}");
        assert_eq!(s.approve[0].line, "L2");
        assert_eq!(cents(&s.approve[0].zvw), 10_000);
        assert_eq!(cents(&s.approve[0].municipal), 10_000);
        assert!(!s.approve[0].wlz_pending);
        assert_eq!(cents(&s.conditional_zvw), 10_000);
    }
    assert_eq!(
        cents(&m("A").statement.as_ref().unwrap().approve[0].amount),
        6_667
    );
    assert_statements_add_up(&r, "worked");
}

#[test]
fn a_line_of_its_own_area_is_only_its_municipalities() {
    // L1 serves 8012 only: all of its 50.01 municipal goes to B; A has no line.
    let r = run(&format!(
        r#"{{{TWO},"budget":[
          {{"id":"L1","level":"neighbourhood","mainTasks":[4],"amount":"100.02","split":{{"zvw":50,"municipal":50}},"postcodes":["8012"],"municipalApproved":true}}]}}"#
    ));
    let b = r.municipalities.iter().find(|m| m.id == "B").unwrap();
    assert_eq!(cents(&b.amount), 5_001);
    let s = b.statement.as_ref().unwrap();
    assert_eq!(s.lines.len(), 1);
    assert_eq!(cents(&s.lines[0].amount), 5_001);
    assert!(s.approve.is_empty());
    let a = r.municipalities.iter().find(|m| m.id == "A").unwrap();
    assert_eq!(cents(&a.statement.as_ref().unwrap().lines[0].amount), 0);
    assert_statements_add_up(&r, "own area");
}

#[test]
fn a_negative_lump_sum_breaks_down_mirrored() {
    let r = run(&format!(
        r#"{{{TWO},"lumpSum":"-1000.03","budget":[
          {{"id":"L1","level":"regional","mainTasks":[1,2,3],"amount":"700.00"}},
          {{"id":"L2","level":"neighbourhood","mainTasks":[4],"amount":"300.01","split":{{"zvw":50,"municipal":50}}}}]}}"#
    ));
    assert_eq!(cents(&r.totals.zvw), -100_003);
    for i in &r.insurers {
        assert!(cents(&i.amount) < 0);
        let s = i.statement.as_ref().unwrap();
        assert!(s.lines.iter().all(|l| cents(&l.amount) <= 0), "{s:?}");
    }
    assert_statements_add_up(&r, "negative lump sum");
}

#[test]
fn many_municipalities_and_lines_add_up_to_the_cent() {
    let mut rng = Rng::new(16);
    for case in 0..60 {
        let n = 2 + rng.below(40) as usize;
        let mut market = Vec::new();
        let mut munis = Vec::new();
        for k in 0..n {
            let pc = 1000 + k;
            for ins in ["VGZ", "CZ", "Menzis"] {
                market.push(format!(
                    r#"{{"postcode":"{pc}","insurer":"{ins}","insured":{}}}"#,
                    1 + rng.below(5000)
                ));
            }
            munis.push(format!(r#"{{"id":"GM{k:04}","postcodes":["{pc}"]}}"#));
        }
        let lines: Vec<String> = (0..1 + rng.below(8))
            .map(|i| {
                let own = if rng.below(3) == 0 {
                    let lo = 1000 + rng.below(n as u64);
                    format!(r#","postcodes":["{lo}-{}"]"#, lo + rng.below(3))
                } else {
                    String::new()
                };
                let m = rng.below(101);
                format!(
                    r#"{{"id":"L{i}","level":"neighbourhood","mainTasks":[4,5],"amount":"{}.{:02}","split":{{"zvw":{},"municipal":{m}}},"municipalApproved":{}{own}}}"#,
                    rng.below(1_000_000),
                    rng.below(100),
                    100 - m,
                    rng.below(2) == 0
                )
            })
            .collect();
        let lump = if rng.below(3) == 0 {
            format!(
                r#","lumpSum":"{}.{:02}""#,
                rng.below(2_000_000) as i64 - 500_000,
                rng.below(100)
            )
        } else {
            String::new()
        };
        let pooling = if rng.below(2) == 0 {
            r#","pooling":"lineAreas""#
        } else {
            ""
        };
        let text = format!(
            r#"{{"market":[{}],"municipalities":[{}],"budget":[{}]{lump}{pooling}}}"#,
            market.join(","),
            munis.join(","),
            lines.join(",")
        );
        let r = calculate(&json(&text), None).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_statements_add_up(&r, &format!("case {case}"));
        // A line waits on a municipality exactly when it is not approved and the municipality
        // has a part of it; the Zvw that waits is the line's Zvw as paid.
        for m in &r.municipalities {
            let s = m.statement.as_ref().unwrap();
            for a in &s.approve {
                let line = r.lines.iter().find(|l| l.id == a.line).unwrap();
                assert_eq!(a.zvw, line.paid_zvw);
                assert_eq!(line.status, "conditional");
            }
            for x in &s.lines {
                let line = r.lines.iter().find(|l| l.id == x.id).unwrap();
                let asked = s.approve.iter().any(|a| a.line == x.id);
                let approved = lines_approved(&text, &x.id);
                assert_eq!(
                    asked,
                    !approved && cents(&x.amount) != 0,
                    "{} {}",
                    m.id,
                    line.id
                );
            }
        }
    }
}

/// Whether line `id` of the scenario text is `"municipalApproved": true`.
fn lines_approved(text: &str, id: &str) -> bool {
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["budget"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .is_some_and(|l| l["municipalApproved"] == true)
}

#[test]
fn the_report_names_the_work_area_and_the_data() {
    let r = run(r#"{"market":[
          {"postcode":"8011","insurer":"VGZ","insured":10},{"postcode":"8012AB","insurer":"VGZ","insured":5},
          {"postcode":"8045","insurer":"CZ","insured":7},{"postcode":"7201","insurer":"CZ","insured":8}],
          "workArea":["8045","8011-8030","8091AB-8091AD",{"postcode":"7201","fraction":0.5}],
          "lumpSum":"100.00"}"#);
    assert_eq!(
        r.allocation.area.postcodes,
        ["7201 (50%)", "8011-8030", "8045", "8091AB-8091AD"]
    );
    assert_eq!(r.allocation.market.rows, 4);
    assert_eq!(r.allocation.market.labels, 2);
    assert_eq!(r.allocation.market.postcodes, 4);
    assert!(r.allocation.market.estimate.is_none());
    let whole =
        run(r#"{"market":[{"postcode":"8011","insurer":"VGZ","insured":10}],"lumpSum":"1.00"}"#);
    assert!(whole.allocation.area.postcodes.is_empty());
}

#[test]
fn an_estimate_names_its_shares_and_population() {
    let r = run(
        r#"{"estimate":{"shares":[{"concern":"VGZ","percent":"60.55"},{"concern":"CZ","percent":39.33}]},
            "workArea":["8011"],"lumpSum":"100.00"}"#,
    );
    let e = r
        .allocation
        .market
        .estimate
        .as_ref()
        .expect("estimate basis");
    assert_eq!(e.shares_source, "given");
    assert_eq!(e.population, "cbs2025");
    let shares: Vec<(&str, &str)> = e
        .shares
        .iter()
        .map(|s| (s.concern.as_str(), s.percent.as_str()))
        .collect();
    assert_eq!(shares, [("VGZ", "60.55"), ("CZ", "39.33")]);
    // The printed whole persons are rounded; the exact counts reproduce every amount.
    let area: rust_decimal::Decimal = r.allocation.insured_exact.parse().unwrap();
    assert_ne!(r.allocation.insured, r.allocation.insured_exact);
    for i in &r.insurers {
        let ins: rust_decimal::Decimal = i.insured_exact.parse().unwrap();
        let exact = ins * r.totals.zvw.value() / area;
        assert!(
            (exact - i.amount.value()).abs() < rust_decimal::Decimal::new(1, 2),
            "{}",
            i.id
        );
    }
    let national = run(r#"{"estimate":{},"workArea":["8011"],"lumpSum":"100.00"}"#);
    let e = national.allocation.market.estimate.as_ref().unwrap();
    assert_eq!(e.shares_source, "national");
    assert_eq!(
        e.shares
            .first()
            .map(|s| (s.concern.as_str(), s.percent.as_str())),
        Some(("Achmea", "29.3"))
    );
}

#[test]
fn the_sample_region_statements_add_up() {
    let market = resv_calc::sample::market().unwrap();
    let scenario: serde_json::Value =
        serde_json::from_str(include_str!("../../data/sample_region.json")).unwrap();
    let r = calculate(&json(&scenario.to_string()), Some(&market)).unwrap();
    assert!(!r.municipalities.is_empty());
    assert_statements_add_up(&r, "sample");
    // The boundary line awaits the municipalities; its Zvw waits with it.
    let waits: Vec<&str> = r
        .municipalities
        .iter()
        .flat_map(|m| {
            m.statement
                .as_ref()
                .unwrap()
                .approve
                .iter()
                .map(|a| a.line.as_str())
        })
        .collect();
    assert!(waits.contains(&"zorg-welzijn"), "{waits:?}");
}
