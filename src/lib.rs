//! resv-calc: exact allocation of a RESV's lump sum (regionaal eerstelijnssamenwerkingsverband)
//! over Dutch health insurers and municipalities.
//!
//! The crate is a pure domain core with no JS in it, plus one thin binding module compiled
//! only for wasm32 (`wasm`). Every export there is decode → validate (collecting every issue
//! with its path) → compute → encode. See `DESIGN.md` for the why.
//!
//! Money is text at the edges and checked [`rust_decimal::Decimal`] inside; no function in
//! this crate panics on any input.
//!
//! ```
//! use resv_calc::input::value::Value;
//! use resv_calc::scenario::calculate;
//!
//! // A lump sum over two insurers' insured persons in one postcode.
//! let scenario: Value = serde_json::from_str(r#"{
//!     "lumpSum": "1000.00",
//!     "market": [
//!         { "postcode": "8011", "insurer": "VGZ", "insured": 2 },
//!         { "postcode": "8011", "insurer": "CZ", "insured": 1 }
//!     ]
//! }"#).unwrap();
//! let report = calculate(&scenario, None).unwrap();
//! let amounts: Vec<String> = report.insurers.iter().map(|i| i.amount.to_string()).collect();
//! assert_eq!(amounts, ["666.67", "333.33"]);
//! ```
//!
//! # Code map
//!
//! Layers from the bottom up; a module uses only modules above it in this list.
//!
//! | module | holds |
//! | --- | --- |
//! | [`order`] | the crate's one stable sort (one instantiation in the Wasm build) |
//! | [`issue`] | [`issue::Issue`]s with their [`issue::Path`], typed [`issue::Problem`]s and [`issue::Warning`]s, and the catalogue, the only place with Dutch and English text |
//! | [`money`] | [`money::Money`]: the decimal grammar and exact cents |
//! | [`experiment`] | the experiment's fixed facts: years, hoofdtaken, the €70 million framework, defaults |
//! | [`postcode`] | Dutch PC4/PC6 postcodes as sortable codes |
//! | [`input`] | the loose [`input::value::Value`] tree, field readers that record issues, the CSV reader |
//! | [`split`] | largest-remainder splits on exact integers, and `allocate` (also as `allocate`) |
//! | [`insurer`] | the registry of insurer labels and their concerns |
//! | [`population`] | the CBS population per PC4 and the national market shares |
//! | [`market`] | the compact sorted market table: CSV import, row objects, export, tallies |
//! | [`area`] | work areas: postcodes, ranges and fractions as code intervals |
//! | [`estimate`] | the estimate fallback: shares × population as a market table |
//! | [`verdeelsleutel`] | the paying parties, the market leader, co-assessment, one region's split |
//! | [`budget`] | budget lines, their results and summaries, and [`budget::Pool`] |
//! | [`municipality`] | municipalities and the municipal split per pool |
//! | [`flows`] | onderlinge dienstverlening: subcontracts, the ledger and the Sankey |
//! | [`mdz`] | the region against the national MDZ framework |
//! | [`compare`] | the difference between two reports |
//! | [`sample`] | the built-in sample region |
//! | [`scenario`] | `calculate` as a pipeline of phases, `allocateRegions`, `nationalView` |
//! | `wasm` | (wasm32 only) the exports, decoding, the one error converter, `MarketTable` |
//!
//! Invariants every module keeps: no reachable panic (the lints deny `unwrap`, indexing and
//! unchecked arithmetic outside tests); every problem is collected with its path, not
//! returned at the first; every split is a largest-remainder split of an exact amount, so
//! each table adds up to its total by construction; no text for people outside the
//! catalogue; the native and Wasm reports are byte-identical (`tests/vectors`).

// In the Wasm build, code that runs once per call (reading arguments, assembling reports,
// messages) is marked `#[cfg_attr(resv_optimize, optimize(size))]` while the national
// import's loops stay at opt-level 3 (issue 19: 269 -> 242 KB gzipped at the same parse
// speed). The attribute is nightly-only: scripts/wasm-cargo.sh sets `--cfg resv_optimize`
// only where it builds the standard library anyway (RUSTC_BOOTSTRAP); elsewhere it is a no-op.
#![cfg_attr(resv_optimize, feature(optimize_attribute))]

pub mod area;
pub mod budget;
pub mod compare;
pub mod estimate;
pub mod experiment;
pub mod flows;
pub mod input;
pub mod insurer;
pub mod issue;
pub mod market;
pub mod mdz;
pub mod money;
pub mod municipality;
pub mod order;
pub mod output;
pub mod population;
pub mod postcode;
pub mod sample;
pub mod scenario;
pub mod split;
pub mod verdeelsleutel;

#[cfg(target_arch = "wasm32")]
mod wasm;

// The paths of the flat layout, kept for callers and tests.
pub use input::{csv, read, value};
pub use split as allocate;

/// The crate's version, as the `version()` export returns it.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
