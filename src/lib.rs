//! resv-calc: exact allocation of a RESV's lump sum (regionaal eerstelijnssamenwerkingsverband)
//! over Dutch health insurers and municipalities.
//!
//! The crate is a pure domain core with no JS in it, plus one thin binding module compiled
//! only for wasm32 (`wasm`). Every export there is decode → validate (collecting every issue
//! with its path) → compute → encode. See `DESIGN.md` for the why.
//!
//! Money is text at the edges and checked [`rust_decimal::Decimal`] inside; no function in
//! this crate panics on any input.

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
