//! Any bytes as a market CSV, allocated as a lump sum over every postcode in it: never panics;
//! the parts add up to the lump sum exactly; the report's JSON (`output::to_json`, what the
//! package hands `JSON.parse`) is valid JSON and says what `serde_json` says of it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::market::parse_csv;
use resv_calc::scenario::calculate;
use resv_calc::value::Value;

#[path = "report_json.rs"]
mod report_json;

fuzz_target!(|data: &[u8]| {
    let Ok(table) = parse_csv(data) else { return };
    let scenario: Value =
        serde_json::from_str(r#"{"lumpSum":"1234567.89","rounding":"leaderAbsorbs"}"#).unwrap();
    if let Ok(r) = calculate(&scenario, Some(&table)) {
        let sum: i128 = r.insurers.iter().map(|i| i.amount.value().mantissa()).sum();
        assert_eq!(sum, 123_456_789);
        report_json::check(&r);
    }
});
