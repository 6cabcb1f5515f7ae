//! The CSV reader: never panics, never hangs; a table it accepts survives its own Dutch Excel
//! export unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::market::parse_csv;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = parse_csv(data) {
        let csv = table.to_csv();
        let again = parse_csv(csv.as_bytes()).expect("an exported table reads back");
        assert_eq!(again.to_rows(), table.to_rows());
    }
});
