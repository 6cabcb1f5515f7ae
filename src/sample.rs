//! The built-in sample region, shipped in the package: real PC4 areas of Zwolle, Kampen and
//! Hattem with their CBS population of 1 January 2025 ("Bron: CBS"), and an *illustrative*
//! insurer split derived from the NZa's national market shares (`scripts/sample-region.mjs`
//! generates both files; no real insured-person counts per insurer per postcode are public).

use crate::issue::Issues;
use crate::market::{parse_csv, Market};

/// The sample scenario without its market (name, year, lump sum, work area).
pub const SCENARIO_JSON: &str = include_str!("../data/sample_region.json");

/// The sample market table, as a Dutch Excel CSV.
pub const MARKET_CSV: &str = include_str!("../data/sample_region_market.csv");

/// The sample market table.
///
/// # Errors
/// Never in practice: the shipped file is tested.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn market() -> Result<Market, Issues> {
    parse_csv(MARKET_CSV.as_bytes())
}
