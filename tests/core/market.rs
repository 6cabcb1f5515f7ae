//! Reading market tables: CSV dialects, row objects, every problem with its line.

use crate::json;
use resv_calc::issue::Path;
use resv_calc::market::{from_rows, parse_csv, Market};

fn parse(text: &[u8]) -> Market {
    parse_csv(text).unwrap_or_else(|e| panic!("{:?}: {e}", String::from_utf8_lossy(text)))
}

fn codes(text: &[u8]) -> Vec<(String, String)> {
    match parse_csv(text) {
        Ok(_) => panic!("{:?} was accepted", String::from_utf8_lossy(text)),
        Err(e) => e
            .as_slice()
            .iter()
            .map(|i| (i.path.to_string(), i.code().to_owned()))
            .collect(),
    }
}

fn rows(m: &Market) -> Vec<(String, String, u64)> {
    m.to_rows()
        .into_iter()
        .map(|r| (r.postcode, r.insurer, r.insured))
        .collect()
}

#[test]
fn reads_the_dialects_dutch_excel_writes() {
    let want = vec![
        ("1011".to_owned(), "Univé".to_owned(), 12345),
        ("1011AB".to_owned(), "CZ".to_owned(), 7),
    ];
    let dialects: Vec<Vec<u8>> = vec![
        // Excel "CSV (puntkomma)": Windows-1252, `;`, CRLF, thousands separators.
        b"Postcode;Verzekeraar;Verzekerden\r\n1011;Univ\xe9;12.345\r\n1011 ab;CZ;7\r\n".to_vec(),
        // Excel "CSV UTF-8": BOM, `sep=;` line, quoted fields, English header names in another order.
        "\u{feff}sep=;\r\n\"insured\";\"insurer\";\"postcode\"\r\n\"12345\";\"Univé\";\"1011\"\r\n7;CZ;1011AB\r\n"
            .as_bytes()
            .to_vec(),
        // Comma separated with quoted thousands, LF, trailing blank lines.
        b"POSTCODE,INSURER,INSURED\n1011,Univ\xc3\xa9,\"12,345\"\n1011ab,CZ,7\n\n\n".to_vec(),
        // Tab separated, spaces around fields, a trailing delimiter on every line.
        "postcode\tzorgverzekeraar\taantal verzekerden\t\n 1011 \t Univé \t 12 345 \t\n1011AB\tCZ\t7\t\n"
            .as_bytes()
            .to_vec(),
        // Excel "Unicode text": UTF-16 LE with BOM, tabs.
        [0xFF, 0xFE]
            .into_iter()
            .chain(
                "postcode\tverzekeraar\tverzekerden\r\n1011\tUnivé\t12345\r\n1011AB\tCZ\t7\r\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect(),
    ];
    for d in dialects {
        let m = parse(&d);
        assert_eq!(rows(&m), want, "{:?}", String::from_utf8_lossy(&d));
        assert_eq!(m.postcode_count(), 2);
    }
}

#[test]
fn adds_up_duplicate_rows_with_a_warning() {
    let m = parse(b"postcode;verzekeraar;verzekerden\n1011;CZ;5\n1012;CZ;1\n1011;CZ;7\n");
    assert_eq!(rows(&m)[0], ("1011".into(), "CZ".into(), 12));
    assert_eq!(m.row_count(), 2);
    assert_eq!(m.warnings()[0].warning.code(), "duplicate_rows");
}

#[test]
fn warns_about_ignored_columns_and_keeps_concerns() {
    let m = parse(
        b"jaar;postcode;verzekeraar;concern;verzekerden\n2025;1011;Zilveren Kruis;Achmea;5\n",
    );
    assert_eq!(m.warnings()[0].warning.code(), "ignored_columns");
    assert_eq!(m.labels()[0].concern.as_deref(), Some("Achmea"));
}

#[test]
fn reports_every_bad_row_with_its_line_and_column() {
    let got = codes(
        b"sep=;\npostcode;verzekeraar;verzekerden;fractie\n\
          1011;CZ;10;1\n\
          10111;CZ;10;1\n\
          1012;;10;1\n\
          1013;CZ;-4;1\n\
          1014;CZ;4,5;1\n\
          1015;CZ;5;1,5\n\
          1016;CZ;5\n\
          1017;CZ;twee;0\n",
    );
    let want = [
        ("line 4, column postcode", "postcode_malformed"),
        ("line 5, column verzekeraar", "missing"),
        ("line 6, column verzekerden", "count_negative"),
        ("line 7, column verzekerden", "count_fractional"),
        ("line 8, column fractie", "fraction_out_of_range"),
        ("line 9", "field_count"),
        ("line 10, column verzekerden", "count_malformed"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), c.as_str())).collect();
    assert_eq!(got, want);
}

#[test]
fn names_missing_columns_and_foreign_files() {
    assert_eq!(
        codes(b"pc;naam;aantal\n1011;CZ;5\n"),
        [("".to_owned(), "missing_column".to_owned())]
    );
    assert_eq!(codes(b"PK\x03\x04\x14\x00")[0].1, "file_is_spreadsheet");
    assert_eq!(codes(b"")[0].1, "file_empty");
    assert_eq!(
        codes(b"postcode;verzekeraar;verzekerden\r\n")[0].1,
        "file_empty"
    );
    assert_eq!(
        codes(b"postcode;verzekeraar;verzekerden\n1011;\"CZ;5\n")[0].1,
        "unclosed_quote"
    );
    assert_eq!(
        codes(b"postcode;verzekeraar;concern;verzekerden\n1011;FBTO;Achmea;1\n1012;FBTO;CZ;1\n")[0],
        (
            "line 3, column concern".to_owned(),
            "conflicting_concern".to_owned()
        )
    );
}

#[test]
fn stops_early_on_garbage() {
    let mut garbage = b"postcode;verzekeraar;verzekerden\n".to_vec();
    for i in 0..200_000u32 {
        garbage.extend_from_slice(format!("x{i};?;?\n").as_bytes());
    }
    let got = codes(&garbage);
    assert_eq!(got.len(), resv_calc::market::MAX_PROBLEMS + 1);
    assert_eq!(got.last().unwrap().1, "too_many_problems");
    // Random bytes: no header with the needed columns.
    let mut rng = crate::Rng::new(7);
    let noise: Vec<u8> = (0..100_000).map(|_| (rng.below(255) + 1) as u8).collect();
    assert!(parse_csv(&noise).is_err());
}

#[test]
fn survives_a_dutch_excel_round_trip() {
    let original = parse(
        b"Postcode;Verzekeraar;Concern;Verzekerden;Fractie\r\n\
          1011 AB;\"Zorg; en \"\"Zekerheid\"\"\";Zorg en Zekerheid;1.234;0,5\r\n\
          1011;Univ\xe9;VGZ;12.345;\r\n\
          9999ZZ;CZ;CZ;0;1\r\n",
    );
    let csv = original.to_csv();
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("\r\n1011AB;\"Zorg; en \"\"Zekerheid\"\"\";Zorg en Zekerheid;1234;0,5\r\n")
    );
    let again = parse(csv.as_bytes());
    assert_eq!(again.to_rows(), original.to_rows());
    assert_eq!(again.to_csv(), csv);
}

#[test]
fn defuses_formula_names_in_the_spreadsheet_csv_only() {
    let original = parse(
        "postcode;verzekeraar;concern;verzekerden\r\n\
         1011;=HYPERLINK(\"http://x\");CZ;1\r\n\
         1012;+31;@SUM(A1);2\r\n\
         1013;-1+2;CZ;3\r\n\
         1014;\u{FF1D}1+1;CZ;4\r\n\
         1015;'s-Hertogenbosch;CZ;5\r\n\
         1016;Zilveren Kruis;Achmea;6\r\n"
            .as_bytes(),
    );
    let excel = original.to_spreadsheet_csv();
    for cell in [
        "\r\n1011;\"'=HYPERLINK(\"\"http://x\"\")\";CZ;1\r\n",
        "\r\n1012;'+31;'@SUM(A1);2\r\n",
        "\r\n1013;'-1+2;CZ;3\r\n",
        "\r\n1014;'\u{FF1D}1+1;CZ;4\r\n",
        "\r\n1015;'s-Hertogenbosch;CZ;5\r\n",
        "\r\n1016;Zilveren Kruis;Achmea;6\r\n",
    ] {
        assert!(excel.contains(cell), "{cell:?} not in {excel:?}");
    }
    // The lossless export writes every name as it is and reads back to the same rows.
    let csv = original.to_csv();
    assert!(csv.contains("\r\n1012;+31;@SUM(A1);2\r\n"), "{csv:?}");
    assert_eq!(parse(csv.as_bytes()).to_rows(), original.to_rows());
    // Names that are no formula: both exports are byte for byte the same.
    let plain = parse(b"postcode;verzekeraar;verzekerden\n1011;CZ;1\n1012;a=b;2\n");
    assert_eq!(plain.to_spreadsheet_csv(), plain.to_csv());
    let mut defused = 0;
    for name in [
        "=1",
        " =1",
        "\u{a0}=1",
        "\t1",
        "\u{FF0B}1",
        "\u{FF0D}1",
        "\u{FF20}1",
    ] {
        let m = from_rows(
            &json(&format!(
                r#"[{{"postcode":"1011","insurer":{},"insured":1}}]"#,
                serde_json::to_string(name).unwrap()
            )),
            &Path::root().key("market"),
        );
        let Ok(m) = m else { continue }; // a name the reader refuses cannot reach an export
        let label = &m.to_rows()[0].insurer;
        let risky = label.starts_with(['\t', '\r', '\n'])
            || label.trim_start().starts_with([
                '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
            ]);
        let excel = m.to_spreadsheet_csv();
        assert_eq!(
            excel.contains(&format!(";'{label}")),
            risky,
            "{name:?}: {excel:?}"
        );
        defused += usize::from(risky);
    }
    assert!(
        defused >= 5,
        "only {defused} of the formula names reached the export"
    );
}

#[test]
fn reads_row_objects_with_paths() {
    let m = from_rows(
        &json(r#"[{"postcode":"1011ab","insurer":"CZ","insured":5},{"postcode":"1011","insurer":"VGZ","insured":"1.000","fraction":"0.25"}]"#),
        &Path::root().key("market"),
    )
    .unwrap();
    assert_eq!(m.to_rows()[0].fraction.as_deref(), Some("0.25"));
    let e = from_rows(
        &json(r#"[{"postcode":"101","insurer":"CZ","insured":1.5},{"postcode":"1011","insurer":"","insured":-1,"fraction":2,"x":1}]"#),
        &Path::root().key("market"),
    )
    .unwrap_err();
    let got: Vec<String> = crate::codes(&e);
    assert_eq!(
        got,
        [
            "market[0].postcode postcode_malformed",
            "market[0].insured count_fractional",
            "market[1].x unknown_option",
            "market[1].insured count_negative",
            "market[1].fraction fraction_out_of_range",
            "market[1].insurer missing",
        ]
    );
}

/// The fast one-pass reader, the memchr splitter and the full quoted reader must read every
/// line alike: the same table read with every field quoted (always the full reader) gives the
/// same rows, warnings and problems.
#[test]
fn reads_plain_and_quoted_lines_alike() {
    let mut rng = crate::Rng::new(2027);
    let labels = [
        "Zilveren Kruis",
        "CZ",
        "VGZ",
        "Univé",
        "Nieuw",
        "a.s.r. Basis Ziektekosten",
    ];
    for case in 0..300 {
        let with_concern = case % 3 == 0;
        let mut lines = vec![if with_concern {
            vec!["postcode", "verzekeraar", "concern", "verzekerden"]
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        } else {
            vec![
                "Postcode".into(),
                "Verzekeraar".into(),
                "Verzekerden".into(),
            ]
        }];
        for _ in 0..rng.below(40) {
            let pc4 = 1000 + rng.below(30);
            let postcode = match rng.below(6) {
                0 => format!("{pc4}"),
                1 => format!("{pc4} ab"),
                2 => format!(" {pc4}AB "),
                3 => format!("{pc4}"),
                4 => "99".into(),
                _ => format!(
                    "{pc4}{}{}",
                    char::from(b'A' + rng.below(3) as u8),
                    char::from(b'A' + rng.below(3) as u8)
                ),
            };
            let label = labels[rng.below(labels.len() as u64) as usize].to_owned();
            let count = match rng.below(8) {
                0 => format!("{}.{:03}", rng.below(20) + 1, rng.below(1000)),
                1 => "-3".into(),
                2 => "1,5".into(),
                3 => String::new(),
                _ => rng.below(5000).to_string(),
            };
            let mut fields = vec![postcode, label.clone()];
            if with_concern {
                fields.push(if rng.below(10) == 0 {
                    "Ander".into()
                } else {
                    resv_calc::insurer::concern_of(&label)
                        .map(|c| c.name.to_owned())
                        .unwrap_or_default()
                });
            }
            fields.push(count);
            if rng.below(15) == 0 {
                fields.pop();
            }
            lines.push(fields);
        }
        let eol = if case % 2 == 0 { "\r\n" } else { "\n" };
        let plain: String = lines.iter().map(|l| l.join(";") + eol).collect();
        let quoted: String = lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|f| format!("\"{f}\""))
                    .collect::<Vec<_>>()
                    .join(";")
                    + eol
            })
            .collect();
        let view = |r: Result<Market, resv_calc::issue::Issues>| match r {
            Ok(m) => format!(
                "{:?} {:?}",
                m.to_rows(),
                m.warnings()
                    .iter()
                    .map(|w| w.warning.message(resv_calc::issue::Lang::En))
                    .collect::<Vec<_>>()
            ),
            Err(e) => e.to_string(),
        };
        assert_eq!(
            view(parse_csv(plain.as_bytes())),
            view(parse_csv(quoted.as_bytes())),
            "{plain}"
        );
    }
}

/// Inputs the fuzzers found (`tests/core/regressions/`): each must read, export and read back
/// unchanged, or be refused cleanly; and every reader path, whole or in pieces, reads it alike.
#[test]
fn replays_what_the_fuzzers_found() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/core/regressions");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        same_at_every_speed(&bytes);
        same_at_every_speed(bytes.get(1..).unwrap_or_default());
        if let Ok(table) = parse_csv(&bytes) {
            let again = parse_csv(table.to_csv().as_bytes()).unwrap();
            assert_eq!(again.to_rows(), table.to_rows(), "{}", path.display());
        }
    }
}

#[test]
fn reads_files_that_mix_lone_cr_with_lf_and_crlf_line_ends() {
    let mixed =
        "postcode;verzekeraar;verzekerden\r\n1011;CZ;1\r1012;CZ;2\n1013;CZ;3\r\n1014;CZ;4\r";
    let m = resv_calc::market::parse_csv(mixed.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.row_count(), 4, "{mixed:?}");
    let lf =
        resv_calc::market::parse_csv(mixed.replace("\r\n", "\n").replace('\r', "\n").as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.to_rows(), lf.to_rows());
}

#[test]
fn keeps_text_after_a_closing_quote_instead_of_dropping_it() {
    // `"CZ"x` is not silently `CZ`: the text after the quote belongs to the field (as Excel
    // reads it); spaces there are still ignored.
    let cases: [(&[u8], &str); 4] = [
        (
            b"postcode;verzekeraar;verzekerden\n1011;\"CZ\"x;100\n",
            "CZx",
        ),
        (
            b"postcode;verzekeraar;verzekerden\n1011;\"C\"\"Z\"x;100\n",
            "C\"Zx",
        ),
        (
            b"postcode;verzekeraar;verzekerden\n1011;\"CZ\"  ;100\n",
            "CZ",
        ),
        (
            b"postcode;verzekeraar;verzekerden\n1011;\"CZ\" x;100\n",
            "CZ x",
        ),
    ];
    for (text, label) in cases {
        let m = parse(text);
        assert_eq!(
            rows(&m),
            [("1011".to_owned(), label.to_owned(), 100)],
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
}

/// Everything a read gives (`market::describe_read`), to compare reader paths.
fn everything(r: Result<Market, resv_calc::issue::Issues>) -> String {
    resv_calc::market::describe_read(&r)
}

/// Reads `bytes` at every speed of the CSV reader and requires the same result.
fn same_at_every_speed(bytes: &[u8]) {
    use resv_calc::market::{parse_csv_with, Speed};
    let fastest = everything(parse_csv_with(bytes, Speed::Fastest));
    for speed in [Speed::OneLine, Speed::Split] {
        assert_eq!(
            fastest,
            everything(parse_csv_with(bytes, speed)),
            "{speed:?} differs on {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    assert_eq!(fastest, everything(parse_csv(bytes)));
    // Fed in pieces, as the Wasm binding reads a large file: the same, at any piece size and
    // wherever the header is read.
    for (piece, first) in [(1, 1), (3, 2), (7, 40), (64, 1), (1000, 100)] {
        let fill = &mut |offset: usize, buf: &mut [u8]| {
            buf.copy_from_slice(&bytes[offset..offset + buf.len()]);
        };
        assert_eq!(
            fastest,
            everything(resv_calc::market::parse_pieces_after(
                bytes.len(),
                piece,
                first,
                fill
            )),
            "pieces of {piece} (header after {first}) differ on {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// Pieces of CSV text, the usual and the unusual: random sequences of them are read alike
/// by every reader path (the loop for the usual layout, the one-pass line reader, the
/// splitter, the full quoted reader).
const PIECES: &[&[u8]] = &[
    b"postcode;verzekeraar;verzekerden\n",
    b"postcode,verzekeraar,verzekerden\n",
    b"postcode\tverzekeraar\tverzekerden\n",
    b"postcode;verzekeraar;concern;verzekerden\n",
    b"verzekeraar;postcode;verzekerden\n",
    b"postcode;verzekeraar;verzekerden;fractie\n",
    b"postcode;verzekeraar;verzekerden;\n",
    b"postcodeAverzekeraarAverzekerden\n",
    b"postcode1verzekeraar1verzekerden\n",
    b"postcode|verzekeraar|verzekerden\n",
    b"\xEF\xBB\xBF",
    b"1011",
    b"1011AB",
    b"9999ZZ",
    b"1000AA",
    b"1011ab",
    b"1011 AB",
    b"0999",
    b"10111",
    b"1011A",
    b" 1011",
    b"2500",
    b"2500BA",
    b";",
    b",",
    b"\t",
    b"|",
    b"A",
    b"1",
    b"CZ",
    b"CZ Groep",
    b"X",
    b"VGZ",
    b"Zilveren Kruis",
    b"a.s.r. Basis Ziektekosten",
    b"Univ\xC3\xA9",
    b"Univ\xE9",
    b"\"CZ;X\"",
    b"CZ;X",
    b"\"\"\"X\"",
    b"\"X",
    b"\"",
    b" CZ",
    b"CZ ",
    b"Achmea",
    b"Ander",
    b"0",
    b"5",
    b"39",
    b"1234567890",
    b"1000000000",
    b"1000000001",
    b"9999999999",
    b"12345678901",
    b"00000000001",
    b"18446744073709551616",
    b"99999999999999999999",
    b"1.000",
    b"1,5",
    b"+5",
    b"-3",
    b"-0",
    b"5.0",
    b"0,25",
    b"\xC2\xA0",
    b"\n",
    b"\r\n",
    b"\r",
    b"\n\n",
];

/// What a file may start with: nothing, a BOM, Excel's `sep=` line (with delimiters the fast
/// readers must not take: a letter, a digit).
const STARTS: &[&[u8]] = &[
    b"",
    b"\xEF\xBB\xBF",
    b"sep=;\n",
    b"sep=,\n",
    b"sep=A\n",
    b"sep=1\n",
    b"sep=|\n",
    b"sep=\t\n",
    b"\xEF\xBB\xBFsep=;\r\n",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// Random sequences of CSV pieces: every reader path gives the same table or the same
    /// problems.
    #[test]
    fn every_reader_path_reads_random_pieces_alike(
        start in proptest::sample::select(STARTS),
        header in 0usize..10,
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..120),
    ) {
        let mut bytes = start.to_vec();
        bytes.extend_from_slice(PIECES[header]);
        for p in pieces {
            bytes.extend_from_slice(p);
        }
        same_at_every_speed(&bytes);
    }
}

#[test]
fn reads_a_letter_or_digit_delimiter_only_by_splitting() {
    // With `sep=A`, `1011ABACZA5` is the fields 1011, B, CZ and 5, not the PC6 postcode
    // 1011AB; with `sep=1`, `2011` is not a postcode at all.
    same_at_every_speed(b"sep=A\npostcodeAverzekeraarAverzekerden\n1012ACZA5\n1011ABACZA5\n");
    same_at_every_speed(b"sep=1\npostcode1verzekeraar1verzekerden\n2022\n2012\n");
    // A label with the delimiter in it was quoted; unquoted, the line has a field more.
    let text = b"postcode;verzekeraar;verzekerden\n1011;\"C;Z\";5\n1012;C;Z;6\n";
    same_at_every_speed(text);
    assert_eq!(codes(text), [("line 3".into(), "field_count".into())]);
}

/// Realistic tables (sorted postcodes, labels cycling as exports list them), now and then
/// broken in one of the ways the fast readers must leave to the general path: every reader
/// path gives the same table or the same problems, also past the row reservation.
#[test]
fn every_reader_path_reads_realistic_tables_alike() {
    let mut rng = crate::Rng::new(19);
    let labels: [&[u8]; 9] = [
        b"CZ direct", // shares its first two bytes with CZ
        b"X",
        b"VGZ",
        b"Zilveren Kruis",
        b"CZ",
        b"Menzis",
        b"a.s.r. Basis Ziektekosten",
        b"Univ\xC3\xA9",
        b"\"C;Z\"",
    ];
    let odd: [&[u8]; 16] = [
        b"\"CZ\"",
        b"+5",
        b"1,5",
        b"-3",
        b"12345678901",
        b"1000000001",
        b"",
        b" 7",
        b"1.000",
        b"\xEF\xBB\xBF",
        b"\r",
        b"\r\n",
        b"C;Z",
        b"1011ab",
        b"\"",
        b"4;5",
    ];
    for case in 0..120u64 {
        let delimiter = [b';', b',', b'\t', b'|'][(case % 4) as usize];
        let d = char::from(delimiter);
        let mut text: Vec<u8> = Vec::new();
        if delimiter == b'|' {
            text.extend_from_slice(b"sep=|\n");
        }
        let with_concern = case % 5 == 0;
        let header = if with_concern {
            format!("postcode{d}verzekeraar{d}concern{d}verzekerden\n")
        } else {
            format!("postcode{d}verzekeraar{d}verzekerden\n")
        };
        text.extend_from_slice(header.as_bytes());
        let eol: &[u8] = if case % 3 == 0 { b"\r\n" } else { b"\n" };
        let rows = if case % 10 == 0 { 2500 } else { rng.below(400) };
        let breaks = rng.below(4);
        let mut pc4 = 1000 + rng.below(50);
        let mut suffix = 0u64;
        let mut label = 0usize;
        for _ in 0..rows {
            if rng.below(8) == 0 {
                suffix += 1 + rng.below(3);
                if suffix > 676 || rng.below(20) == 0 {
                    suffix = rng.below(2);
                    pc4 += 1 + rng.below(3);
                }
            }
            if rng.below(300) == 0 {
                pc4 = 1000 + rng.below(9000); // out of order now and then
            }
            label = (label + 1 + rng.below(2) as usize) % labels.len();
            if rng.below(100) < 2 {
                label = (label + labels.len() - 1) % labels.len(); // a duplicate or a step back
            }
            let mut postcode = format!("{}", pc4.min(9999)).into_bytes();
            if suffix > 0 {
                let s = suffix - 1;
                postcode.push(b'A' + (s / 26) as u8);
                postcode.push(b'A' + (s % 26) as u8);
            }
            let mut fields: Vec<Vec<u8>> = vec![postcode, labels[label].to_vec()];
            if with_concern {
                fields.push(if rng.below(50) == 0 {
                    b"Ander".to_vec()
                } else {
                    b"Eigen".to_vec()
                });
            }
            fields.push(rng.below(2000).to_string().into_bytes());
            if breaks > 0 && rng.below(400 / breaks) == 0 {
                let i = rng.below(fields.len() as u64) as usize;
                fields[i] = odd[rng.below(odd.len() as u64) as usize].to_vec();
            }
            text.extend_from_slice(&fields.join(&delimiter));
            text.extend_from_slice(eol);
        }
        if rng.below(2) == 0 {
            text.truncate(text.len() - eol.len()); // no line end after the last row
        }
        same_at_every_speed(&text);
    }
}

/// Rows in order are counted as they arrive, rows out of order after the sort: the postcode
/// count and the warnings (mixed PC4/PC6 levels, duplicates) are the same either way.
#[test]
fn counts_postcodes_alike_in_order_and_shuffled() {
    let mut rng = crate::Rng::new(6);
    let mut mixed = 0;
    for _ in 0..200 {
        let mut lines = Vec::new();
        for pc4 in 1011..1011 + rng.below(6) {
            if rng.below(3) == 0 {
                lines.push(format!("{pc4};CZ;{}", rng.below(9)));
            }
            for s in 0..rng.below(4) {
                let pc6 = format!("{pc4}A{}", char::from(b'A' + s as u8));
                for label in ["CZ", "VGZ", "Menzis"] {
                    if rng.below(3) > 0 {
                        lines.push(format!("{pc6};{label};{}", rng.below(9)));
                    }
                }
                if rng.below(10) == 0 {
                    lines.push(format!("{pc6};VGZ;1"));
                }
            }
        }
        let csv =
            |lines: &[String]| format!("postcode;verzekeraar;verzekerden\n{}\n", lines.join("\n"));
        let summary = |text: String| match parse_csv(text.as_bytes()) {
            Ok(m) => format!(
                "{:?} {} {:?}",
                m.to_rows(),
                m.postcode_count(),
                m.warnings()
                    .iter()
                    .map(|w| w.warning.message(resv_calc::issue::Lang::En))
                    .collect::<Vec<_>>()
            ),
            Err(e) => e.to_string(),
        };
        let in_order = summary(csv(&lines));
        mixed += usize::from(in_order.contains("both a PC4 row and PC6 rows"));
        let mut shuffled = lines.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i as u64 + 1) as usize);
        }
        assert_eq!(in_order, summary(csv(&shuffled)), "{lines:?}");
        lines.reverse();
        assert_eq!(in_order, summary(csv(&lines)), "{lines:?}");
    }
    assert!(mixed > 20, "{mixed} tables with mixed levels");
}

/// The stream reads a plain table itself, a piece at a time, and hands a quoted one, or one
/// with lone CR line ends, to the whole-file reader.
#[test]
fn streams_plain_tables_and_hands_others_on_whole() {
    use resv_calc::market::{CsvStream, Stop};
    let feed = |text: &[u8]| {
        let mut s = CsvStream::starting_after(text.len(), 10);
        for piece in text.chunks(7) {
            s.push(piece.len(), |buf| buf.copy_from_slice(piece))?;
        }
        s.finish()
    };
    let plain = b"postcode;verzekeraar;verzekerden\n1011AB;CZ;10\n1011AC;VGZ;5\r\n1012AA;CZ;7";
    let m = feed(plain).expect("streamed");
    assert_eq!(everything(Ok(m)), everything(parse_csv(plain)));
    let bad = b"postcode;verzekeraar;verzekerden\n1011AB;CZ;10\n1011AC;VGZ;x\n";
    assert!(matches!(feed(bad), Err(Stop::Problems(_))));
    for whole in [
        &b"postcode;verzekeraar;verzekerden\n1011AB;CZ;10\n1011AC;\"VGZ\";5\n"[..],
        b"postcode;verzekeraar;verzekerden\n1011AB;CZ;10\r1011AC;VGZ;5\n",
        b"postcode;verzekeraar;verzekerden\n1011AB;CZ;10\n1011AC;VGZ;5\r",
    ] {
        assert!(matches!(feed(whole), Err(Stop::Whole)));
    }
}
