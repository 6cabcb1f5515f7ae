//! Scenario decoding and `calculate` end to end on any JSON: never panics; a report's tables
//! add up to their totals; its JSON is what the package writes (`report_json`).
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::scenario::calculate;
use resv_calc::value::Value;

#[path = "report_json.rs"]
mod report_json;

fn cents(m: &resv_calc::money::Money) -> i128 {
    let d = m.value();
    d.mantissa() * 10i128.pow(2u32.saturating_sub(d.scale()))
        / 10i128.pow(d.scale().saturating_sub(2))
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    if let Ok(r) = calculate(&value, None) {
        report_json::check(&r);
        let zvw: i128 = r.insurers.iter().map(|i| cents(&i.amount)).sum();
        assert_eq!(zvw, cents(&r.totals.zvw));
        if cents(&r.totals.municipal) > 0 {
            let m: i128 = r.municipalities.iter().map(|m| cents(&m.amount)).sum();
            assert_eq!(m, cents(&r.totals.municipal));
        }
        let l = &r.ledger;
        assert_eq!(
            cents(&l.zvw_in),
            cents(&l.subcontracted) + cents(&l.kept_zvw)
        );
    }
});
