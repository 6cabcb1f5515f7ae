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
