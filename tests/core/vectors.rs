//! The shared vectors (`tests/vectors/vectors.json`): scenarios and their expected reports as
//! exact JSON text. The Node suite runs the same file against the Wasm package; both must
//! produce these bytes. `RESV_BLESS=1 cargo test --test core vectors` rewrites the expectations
//! (review the diff!).

use resv_calc::issue::{Issues, Lang};
use resv_calc::market::parse_csv;
use resv_calc::scenario::calculate;
use resv_calc::value::Value;
use serde_json::json;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/vectors.json");

/// One issue as the Wasm package throws it, in its key order.
#[derive(serde::Serialize)]
struct IssueJson {
    code: &'static str,
    path: String,
    message: String,
    #[serde(rename = "messageEn")]
    message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<String>,
}

/// The error as the Wasm package throws it, as JSON.
fn error_json(e: &Issues) -> String {
    let issues: Vec<IssueJson> = e
        .as_slice()
        .iter()
        .map(|i| IssueJson {
            code: i.code(),
            path: i.path.to_string(),
            message: i.message(Lang::Nl),
            message_en: i.message(Lang::En),
            line: i.path.line_number(),
            column: i.path.column_name().map(str::to_owned),
        })
        .collect();
    format!(r#"{{"error":{}}}"#, serde_json::to_string(&issues).unwrap())
}

fn run(v: &serde_json::Value) -> String {
    let (scenario_text, csv): (String, Option<&str>) = if v["sample"] == true {
        (
            resv_calc::sample::SCENARIO_JSON.to_owned(),
            Some(resv_calc::sample::MARKET_CSV),
        )
    } else {
        (v["scenario"].to_string(), v["marketCsv"].as_str())
    };
    let scenario: Value = serde_json::from_str(&scenario_text).unwrap();
    let table = match csv.map(|c| parse_csv(c.as_bytes())) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => {
            // As the package: problems of the file as a whole point at `data`.
            let mut named = Issues::new();
            for i in e.as_slice() {
                let path = if i.path.segments().is_empty() {
                    resv_calc::issue::Path::root().key("data")
                } else {
                    i.path.clone()
                };
                named.push(path, i.problem.clone());
            }
            return error_json(&named);
        }
    };
    match calculate(&scenario, table.as_ref()) {
        Ok(r) => resv_calc::output::to_json(&r).unwrap(),
        Err(e) => error_json(&e),
    }
}

#[test]
fn native_results_match_the_shared_vectors_byte_for_byte() {
    let text = std::fs::read_to_string(FILE).unwrap();
    let mut vectors: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let bless = std::env::var_os("RESV_BLESS").is_some();
    for v in &mut vectors {
        let got = run(v);
        if bless {
            v["expected"] = json!(got);
        } else {
            assert_eq!(
                got,
                v["expected"].as_str().unwrap(),
                "vector: {}",
                v["name"]
            );
        }
        // Repeated runs give the same bytes.
        assert_eq!(run(v), got);
    }
    if bless {
        std::fs::write(FILE, serde_json::to_string_pretty(&vectors).unwrap() + "\n").unwrap();
    }
}
