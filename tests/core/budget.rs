//! The budget: lines, existing funding, the domain split, conditional Zvw, pools per area,
//! municipalities, summaries, the payment schedule and years — worked examples by hand.

use crate::{cents, codes, json};
use resv_calc::scenario::{calculate, Report};

pub const MARKET: &str = r#"[
  {"postcode":"1011","insurer":"Zilveren Kruis","insured":3000},
  {"postcode":"1011","insurer":"FBTO","insured":1000},
  {"postcode":"1011","insurer":"CZ","insured":2000},
  {"postcode":"1012AB","insurer":"VGZ","insured":2500},
  {"postcode":"1012CD","insurer":"Univé","insured":1000}
]"#;

pub const BUDGET: &str = r#"[
  {"id":"L1","name":"RESV-bureau","level":"regional","mainTasks":[1,2],"amount":"100000.00",
   "existingFunding":"10000.00","existingFundingSource":"zonmw","growth":"2.5"},
  {"id":"L2","name":"Wijkverband Oost","level":"neighbourhood","mainTasks":[4],"ownTasks":true,
   "amount":"20000.01","split":{"zvw":"50","municipal":"50"},"postcodes":["1012"]},
  {"id":"L3","name":"Huisartsen regionaal","level":"monodisciplinary","discipline":"gp","mainTasks":[3,5],
   "amount":9000,"split":{"zvw":80,"wlz":20}}
]"#;

pub const MUNICIPALITIES: &str = r#"[{"id":"GM1","name":"Westdorp","postcodes":["1011"]},{"id":"GM2","name":"Oostdorp","postcodes":["1012"]}]"#;

/// The worked examples of this file pool each line area on its own (`pooling: "lineAreas"`);
/// `tests/core/negotiation.rs` has the default, the work area as the one verdeelsleutel.
fn report(extra: &str) -> Report {
    let text = format!(
        r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{BUDGET},"municipalities":{MUNICIPALITIES},"pooling":"lineAreas"{extra}}}"#
    );
    calculate(&json(&text), None).unwrap_or_else(|e| panic!("{e}"))
}

fn problems(budget: &str, extra: &str) -> Vec<String> {
    let text =
        format!(r#"{{"market":{MARKET},"workArea":["1011-1012"],"budget":{budget}{extra}}}"#);
    match calculate(&json(&text), None) {
        Ok(_) => panic!("{text} was accepted"),
        Err(e) => codes(&e),
    }
}

#[test]
fn splits_lines_over_domains_with_the_zvw_part_taking_the_rounding() {
    let r = report("");
    let line = |id: &str| r.lines.iter().find(|l| l.id == id).unwrap();
    // L1: 100,000 − 10,000 existing = 90,000 net, all Zvw.
    assert_eq!(
        (line("L1").net.to_string(), line("L1").zvw.to_string()),
        ("90000.00".into(), "90000.00".into())
    );
    // L2: 20,000.01 × 50% = 10,000.005 → municipal 10,000.01 (half away from zero); Zvw the rest.
    assert_eq!(line("L2").municipal.to_string(), "10000.01");
    assert_eq!(line("L2").zvw.to_string(), "10000.00");
    assert_eq!(line("L2").status, "conditional");
    // L3: 9,000 × 20% Wlz = 1,800 (reported, never allocated), Zvw 7,200.
    assert_eq!(
        (line("L3").wlz.to_string(), line("L3").zvw.to_string()),
        ("1800.00".into(), "7200.00".into())
    );
    // Its Wlz part is not granted yet, so its Zvw part is conditional too (Handreiking, fase
    // 3: final only once every other domain has granted its part).
    assert_eq!(line("L3").status, "conditional");
    let t = &r.totals;
    assert_eq!(
        [
            &t.gross,
            &t.existing_funding,
            &t.net,
            &t.zvw,
            &t.municipal,
            &t.wlz,
            &t.conditional_zvw
        ]
        .map(|m| m.to_string()),
        [
            "129000.01",
            "10000.00",
            "119000.01",
            "107200.00",
            "10000.01",
            "1800.00",
            "17200.00"
        ]
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| w.warning.code() == "possibly_funded_elsewhere"));
}

#[test]
fn pools_zvw_parts_per_area_so_a_neighbourhood_pays_its_own_line() {
    let r = report("");
    // Work-area pool: L1 + L3 = 97,200.00 over Achmea 4,000, VGZ 3,500, CZ 2,000 (9,500).
    // Cents: 4,092,631.57…, 3,581,052.63…, 2,046,315.78…; 2 cents left → CZ (.78), VGZ (.63):
    // 40,926.31 / 35,810.53 / 20,463.16. Pool 1012 (L2's 10,000.00): only VGZ lives there.
    let got: Vec<(String, String)> = r
        .insurers
        .iter()
        .map(|i| (i.id.clone(), i.amount.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("Achmea".into(), "40926.31".into()),
            ("VGZ".into(), "45810.53".into()),
            ("CZ".into(), "20463.16".into())
        ]
    );
    assert_eq!(
        r.insurers.iter().map(|i| cents(&i.amount)).sum::<i128>(),
        cents(&r.totals.zvw)
    );
    // Municipal: L2's 10,000.01 over the municipalities living in 1012: Oostdorp only.
    let m: Vec<(String, String, bool)> = r
        .municipalities
        .iter()
        .map(|m| (m.id.clone(), m.amount.to_string(), m.lead))
        .collect();
    assert_eq!(
        m,
        [
            ("GM1".into(), "0.00".into(), true),
            ("GM2".into(), "10000.01".into(), false)
        ]
    );
    assert_eq!(r.municipalities[0].residents.to_string(), "6000");
    assert_eq!(r.municipalities[1].share.to_string(), "0.3684210526");
    let flows: Vec<(String, &str)> = r.flows.iter().map(|f| (f.from.clone(), f.kind)).collect();
    assert_eq!(flows.len(), 5);
    assert_eq!(flows[3], ("GM1".into(), "municipal"));
}

#[test]
fn summarises_per_hoofdtaak_and_level_each_adding_up() {
    let r = report("");
    let task = |t: u8| &r.summaries.by_main_task[usize::from(t) - 1].sums;
    // L1 over tasks 1 and 2: 45,000 Zvw each; L3 over 3 and 5: 3,600 Zvw, 900 Wlz each.
    assert_eq!(task(1).zvw.to_string(), "45000.00");
    assert_eq!(task(3).wlz.to_string(), "900.00");
    assert_eq!(task(4).conditional_zvw.to_string(), "10000.00");
    type Field = fn(&resv_calc::budget::Sums) -> resv_calc::money::Money;
    let fields: [Field; 5] = [
        |s| s.gross,
        |s| s.net,
        |s| s.zvw,
        |s| s.municipal,
        |s| s.wlz,
    ];
    for field in fields {
        let tasks: i128 = r
            .summaries
            .by_main_task
            .iter()
            .map(|s| cents(&field(&s.sums)))
            .sum();
        let levels: i128 = r
            .summaries
            .by_level
            .iter()
            .map(|s| cents(&field(&s.sums)))
            .sum();
        let total = r
            .lines
            .iter()
            .map(|l| {
                let s = resv_calc::budget::Sums {
                    gross: l.gross,
                    net: l.net,
                    zvw: l.zvw,
                    municipal: l.municipal,
                    wlz: l.wlz,
                    ..Default::default()
                };
                cents(&field(&s))
            })
            .sum::<i128>();
        assert_eq!((tasks, levels), (total, total));
    }
    assert_eq!(r.summaries.by_level[1].sums.gross.to_string(), "20000.01");
}

#[test]
fn schedules_instalments_that_add_up_exactly() {
    let r = report("");
    // Achmea 40,926.31 = 4,092,631 cents / 12 = 341,052 rest 7: seven months of 3,410.53.
    let p = &r.payments.payers[0];
    assert_eq!(p.payer, "Achmea");
    assert_eq!(p.instalments[6].to_string(), "3410.53");
    assert_eq!(p.instalments[7].to_string(), "3410.52");
    for p in &r.payments.payers {
        assert_eq!(
            p.instalments.iter().map(cents).sum::<i128>(),
            cents(&p.amount),
            "{}",
            p.payer
        );
    }
    let q = report(r#","schedule":"quarterly""#);
    assert_eq!(q.payments.payers[0].instalments.len(), 4);
}

#[test]
fn allocates_a_contracted_lump_sum_and_reports_the_difference() {
    let r = report(r#","lumpSum":"100000.00""#);
    assert_eq!(r.totals.zvw.to_string(), "100000.00");
    assert_eq!(r.budget_zvw.to_string(), "107200.00");
    assert_eq!(
        r.insurers.iter().map(|i| cents(&i.amount)).sum::<i128>(),
        10_000_000
    );
    let w = r
        .warnings
        .iter()
        .find(|w| w.warning.code() == "contract_differs")
        .unwrap();
    assert!(w
        .warning
        .message(resv_calc::issue::Lang::En)
        .contains("-€7,200.00"));
}

#[test]
fn grows_lines_per_year_and_warns_outside_the_experiment() {
    let r = report("");
    // L1 at 2.5%: 100,000.00 → 102,500.00 (2028) → 105,062.50 (2029).
    let year = |y: u16| r.years.iter().find(|t| t.year == y).unwrap();
    assert_eq!(year(2028).sums.gross.to_string(), "131500.01");
    assert_eq!(year(2029).sums.gross.to_string(), "134062.51");
    assert_eq!(r.years.first().unwrap().year, 2027);
    assert_eq!(r.years.last().unwrap().year, 2031);
    let r = report(r#","year":2029"#);
    assert_eq!(r.lines[0].gross.to_string(), "105062.50");
    let r = report(r#","year":2032"#);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.warning.code() == "year_outside_experiment"));
    let per_year = r#"[{"id":"A","level":"regional","mainTasks":[1],"amounts":{"2027":"10.00","2028":"20.00"}}]"#;
    let text = format!(r#"{{"market":{MARKET},"year":2028,"budget":{per_year}}}"#);
    let r = calculate(&json(&text), None).unwrap();
    assert_eq!(r.totals.gross.to_string(), "20.00");
}

#[test]
fn lists_every_problem_of_a_bad_budget() {
    let bad = r#"[
      {"id":"A","level":"regionaal","mainTasks":[],"amount":"10.00"},
      {"id":"A","level":"regional","mainTasks":[6,1.5],"amount":"10.00","existingFunding":"11.00"},
      {"id":"B","level":"neighbourhood","mainTasks":[4],"amount":"10.00","split":{"zvw":60,"municipal":30}},
      {"id":"C","level":"regional","mainTasks":[1],"amount":"10.00","split":{"zvw":110,"wlz":-10}},
      {"id":"D","level":"regional","mainTasks":[1],"amount":"10.00","postcodes":["2000"]},
      {"id":"E","level":"regional","mainTasks":[2],"ownTasks":true,"amount":"-1"}
    ]"#;
    assert_eq!(
        problems(bad, ""),
        [
            "budget[0].level unknown_value",
            "budget[0].mainTasks no_main_task",
            "budget[1].id duplicate_id",
            "budget[1].mainTasks[0] main_task_out_of_range",
            "budget[1].mainTasks[1] main_task_out_of_range",
            "budget[1].existingFunding funding_above_amount",
            "budget[2].split percentages_not_hundred",
            "budget[3].split.zvw percent_out_of_range",
            "budget[3].split.wlz percent_out_of_range",
            "budget[4].postcodes area_outside_work_area",
            "budget[5].ownTasks own_tasks_outside_task_4",
            "budget[5].amount negative_amount",
        ]
    );
    // A municipal share with no municipality to carry it.
    let m = r#"[{"id":"M","level":"regional","mainTasks":[1],"amount":"10.00","split":{"zvw":50,"municipal":50}}]"#;
    assert_eq!(
        problems(m, ""),
        ["budget[0].split.municipal no_municipality"]
    );
    assert_eq!(
        problems(
            m,
            r#","municipalities":[{"id":"X","postcodes":["3000"]}],"leadMunicipality":"Y""#
        ),
        ["leadMunicipality unknown_value"]
    );
    assert_eq!(
        problems(m, r#","municipalities":[{"id":"X","postcodes":["3000"]}]"#),
        ["budget[0].split.municipal no_municipality"]
    );
}

/// Over generated budgets: every table of the report adds up to its total, to the cent.
#[test]
fn every_table_adds_up_over_generated_budgets() {
    let mut rng = crate::Rng::new(4);
    let areas = [
        "null",
        r#"["1011"]"#,
        r#"["1012"]"#,
        r#"["1011-1012"]"#,
        r#"[{"postcode":"1011","fraction":"0.5"}]"#,
    ];
    for case in 0..300 {
        let mut lines = Vec::new();
        for i in 0..1 + rng.below(6) {
            let level = ["regional", "neighbourhood", "monodisciplinary"][rng.below(3) as usize];
            let tasks: Vec<String> = (1..=5)
                .filter(|_| rng.below(3) == 0)
                .map(|t: u64| t.to_string())
                .collect();
            let tasks = if tasks.is_empty() {
                "1".to_owned()
            } else {
                tasks.join(",")
            };
            let amount = rng.below(10_000_000);
            let existing = rng.below(amount + 1) / 3;
            let m = rng.below(4) * 10 + rng.below(3);
            let w = rng.below(2) * 7;
            let area = areas[rng.below(areas.len() as u64) as usize];
            lines.push(format!(
                r#"{{"id":"L{i}","level":"{level}","mainTasks":[{tasks}],"amount":"{}.{:02}","existingFunding":"{}.{:02}","split":{{"zvw":{},"municipal":{m},"wlz":{w}}},"municipalApproved":{},"postcodes":{area}}}"#,
                amount / 100, amount % 100, existing / 100, existing % 100, 100 - m - w, rng.below(2) == 0
            ));
        }
        let lump = if case % 3 == 0 {
            format!(
                r#","lumpSum":"{}.{:02}""#,
                rng.below(100_000),
                rng.below(100)
            )
        } else {
            String::new()
        };
        let rounding = if case % 2 == 0 {
            "largestRemainder"
        } else {
            "leaderAbsorbs"
        };
        let text = format!(
            r#"{{"market":{MARKET},"workArea":["1011-1012"],"municipalities":{MUNICIPALITIES},"rounding":"{rounding}","schedule":"{}","budget":[{}]{lump}}}"#,
            if case % 5 == 0 {
                "quarterly"
            } else {
                "monthly"
            },
            lines.join(",")
        );
        let r = calculate(&json(&text), None).unwrap_or_else(|e| panic!("{text}: {e}"));
        let t = &r.totals;
        let sum = |v: Vec<&resv_calc::money::Money>| v.into_iter().map(cents).sum::<i128>();
        assert_eq!(
            sum(r.insurers.iter().map(|i| &i.amount).collect()),
            cents(&t.zvw),
            "{text}"
        );
        if cents(&t.municipal) > 0 {
            assert_eq!(
                sum(r.municipalities.iter().map(|m| &m.amount).collect()),
                cents(&t.municipal),
                "{text}"
            );
        }
        assert_eq!(cents(&t.net), cents(&t.gross) - cents(&t.existing_funding));
        assert_eq!(
            cents(&r.budget_zvw) + cents(&t.municipal) + cents(&t.wlz),
            cents(&t.net),
            "{text}"
        );
        type Field = fn(&resv_calc::budget::Sums) -> resv_calc::money::Money;
        let fields: [Field; 7] = [
            |s| s.gross,
            |s| s.existing_funding,
            |s| s.net,
            |s| s.zvw,
            |s| s.municipal,
            |s| s.wlz,
            |s| s.conditional_zvw,
        ];
        // Summaries are of the amount paid: their Zvw adds up to totals.zvw (the contract when
        // given), and so do the lines' paid parts when the budget has Zvw parts.
        let totals = r.totals;
        if r.lines.iter().any(|l| cents(&l.zvw) > 0) {
            assert_eq!(
                r.lines.iter().map(|l| cents(&l.paid_zvw)).sum::<i128>(),
                cents(&t.zvw),
                "{text}"
            );
        }
        for f in fields {
            assert_eq!(
                r.summaries
                    .by_main_task
                    .iter()
                    .map(|s| cents(&f(&s.sums)))
                    .sum::<i128>(),
                cents(&f(&totals)),
                "{text}"
            );
            assert_eq!(
                r.summaries
                    .by_level
                    .iter()
                    .map(|s| cents(&f(&s.sums)))
                    .sum::<i128>(),
                cents(&f(&totals)),
                "{text}"
            );
        }
        for p in &r.payments.payers {
            assert_eq!(
                p.instalments.iter().map(cents).sum::<i128>(),
                cents(&p.amount)
            );
        }
    }
}
