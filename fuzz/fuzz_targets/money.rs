//! The money grammar: never panics; what it accepts prints and reads back to the same value.
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::money::{parse_decimal, Money};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = parse_decimal(text) {
        let again = parse_decimal(&d.to_string()).expect("a printed decimal reads back");
        assert_eq!(again, d);
        if let Ok(m) = Money::new(d) {
            let printed = m.to_string();
            assert_eq!(Money::parse(&printed).expect("printed money reads back"), m);
            let _ = m.round_half_away_from_zero(2);
        }
    }
});
