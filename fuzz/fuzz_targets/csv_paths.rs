//! The CSV reader's paths give one result: the loop for the usual layout, the one-pass line
//! reader, the splitter and the full quoted reader (`Speed`), and the file fed in pieces as
//! the Wasm binding feeds a large one (`parse_pieces_after`), at a piece size and header
//! point the input chooses.
#![no_main]
use libfuzzer_sys::fuzz_target;
use resv_calc::issue::Issues;
use resv_calc::market::{describe_read, parse_csv_with, parse_pieces_after, Market, Speed};

/// Everything a read gives, or every problem with its path and message.
fn everything(r: Result<Market, Issues>) -> String {
    describe_read(&r)
}

fuzz_target!(|input: &[u8]| {
    let Some((&choice, data)) = input.split_first() else {
        return;
    };
    let fastest = everything(parse_csv_with(data, Speed::Fastest));
    for speed in [Speed::OneLine, Speed::Split] {
        assert_eq!(fastest, everything(parse_csv_with(data, speed)), "{speed:?}");
    }
    let piece = 1 + usize::from(choice & 0x3F);
    let first = 1 + usize::from(choice >> 6) * 50;
    let fill = &mut |offset: usize, buf: &mut [u8]| {
        buf.copy_from_slice(&data[offset..offset + buf.len()]);
    };
    let pieces = everything(parse_pieces_after(data.len(), piece, first, fill));
    assert_eq!(fastest, pieces, "pieces of {piece}, header after {first}");
});
