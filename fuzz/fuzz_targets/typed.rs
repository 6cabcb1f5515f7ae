//! Amounts and percentages as typed: never panics; whatever is read, written in the page's form
//! and read again, is the same value, and the echo's form (with €) reads the same too.
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::input::typed::{amount_phrase, format_amount, format_percent, read_amount, read_percent};
use resv_calc::issue::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::Nl, Lang::En] {
        if let Ok(m) = read_amount(text, lang) {
            assert_eq!(read_amount(&format_amount(m, lang), lang), Ok(m), "{text:?}");
            assert_eq!(read_amount(&amount_phrase(m, lang), lang), Ok(m), "{text:?}");
        }
        if let Ok(p) = read_percent(text, lang) {
            let again = read_percent(&format_percent(p, lang), lang).map(|d| d.normalize());
            assert_eq!(again, Ok(p.normalize()), "{text:?}");
        }
    }
});
