//! Host integration tests of the public core: one test binary (faster to build and link).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    missing_docs
)]

mod allocate;
mod budget;
mod flows;
mod market;
mod money;
mod negotiation;
mod properties;
mod scenario;
mod statements;
mod typed;
mod value;
mod vectors;

/// A small deterministic generator (splitmix64) so invariant loops are reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Parses a JSON text into the loose input tree, as the Wasm binding would decode a JS value.
pub fn json(text: &str) -> resv_calc::value::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("bad test JSON {text}: {e}"))
}

/// An amount in whole cents (test arithmetic is on integers, independent of the core).
pub fn cents(m: &resv_calc::money::Money) -> i128 {
    m.to_string().replace('.', "").parse().unwrap()
}

/// Every issue as `"path code"`, in the order found.
pub fn codes(e: &resv_calc::issue::Issues) -> Vec<String> {
    e.as_slice()
        .iter()
        .map(|i| format!("{} {}", i.path, i.code()))
        .collect()
}
