//! Who lives where, and the national market shares: the public facts the estimate fallback and
//! the work-area check stand on, kept apart from both so `market` and `estimate` do not need
//! each other.
//!
//! The population is CBS's PC4 table of 1 January 2025 (StatLine 83502NED, CC BY 4.0,
//! "Bron: CBS"), built in from `data/cbs_pc4_inwoners_2025.csv`; its code `0999` (inhabitants
//! without a postcode) is no postcode and is left out. The national shares are the NZa's 2022
//! market shares per concern (staatvenz.nl kerncijfer on Vektis data, the last complete year in
//! `data/concern_marktaandelen_nl.csv`); they add up to 99.9% and are used as weights, so the
//! rounding of the published percentages does not leave 0.1% unpaid.

use crate::postcode::Postcode;
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// The CBS population table, as published (for people and tools; the module carries the
/// packed form below).
pub const CBS_PC4_CSV: &str = include_str!("../data/cbs_pc4_inwoners_2025.csv");

/// The same table packed by `scripts/sample-region.mjs` (9 KB gzipped instead of 17 KB in the
/// `.wasm`, issue 19): a u16 count N (little-endian), N PC4 numbers as LEB128 deltas from 0,
/// then the N populations as u16, all low bytes, then all high bytes. `make sample-check`
/// fails when it is stale; a unit test compares it with the CSV.
const CBS_PC4_PACKED: &[u8] = include_bytes!("../data/cbs_pc4_inwoners_2025.bin");

/// National market shares per concern in percent (NZa / Vektis, 2022).
pub const NATIONAL_SHARES: &[(&str, &str)] = &[
    ("Achmea", "29.3"),
    ("VGZ", "23.6"),
    ("CZ", "20.7"),
    ("Menzis", "11.5"),
    ("DSW", "4.3"),
    ("a.s.r.", "3.1"),
    ("Zorg en Zekerheid", "3.1"),
    ("ONVZ", "2.4"),
    ("Salland", "1.0"),
    ("EUCARE", "0.9"),
];

/// Where the national shares come from, as the warning says.
pub const NATIONAL_SOURCE: &str = crate::issue::NATIONAL_SHARES_SOURCE;

/// Population per PC4, sorted by postcode.
pub fn population() -> &'static [(Postcode, u32)] {
    static TABLE: OnceLock<Vec<(Postcode, u32)>> = OnceLock::new();
    TABLE.get_or_init(|| unpack(CBS_PC4_PACKED).unwrap_or_default())
}

/// Reads the packed table; `None` if it is malformed (a build defect the unit test catches).
fn unpack(bytes: &[u8]) -> Option<Vec<(Postcode, u32)>> {
    let (count, rest) = bytes.split_first_chunk::<2>()?;
    let n = usize::from(u16::from_le_bytes(*count));
    let mut codes = Vec::with_capacity(n);
    let (mut at, mut pc4) = (0usize, 0u32);
    for _ in 0..n {
        let (mut delta, mut shift) = (0u32, 0u32);
        loop {
            let byte = *rest.get(at)?;
            at = at.checked_add(1)?;
            delta |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                break;
            }
            shift = shift.checked_add(7).filter(|&s| s < 32)?;
        }
        pc4 = pc4.checked_add(delta)?;
        codes.push(Postcode::pc4(u16::try_from(pc4).ok()?)?);
    }
    let lows = rest.get(at..at.checked_add(n)?)?;
    let highs = rest.get(at.checked_add(n)?..at.checked_add(n.checked_mul(2)?)?)?;
    Some(
        codes
            .into_iter()
            .zip(lows.iter().zip(highs))
            .map(|(pc, (&lo, &hi))| (pc, u32::from(u16::from_le_bytes([lo, hi]))))
            .collect(),
    )
}

/// The national shares in units of 10⁻⁴ percent, per concern.
pub fn national() -> Vec<(String, u32)> {
    NATIONAL_SHARES
        .iter()
        .filter_map(|(c, p)| {
            let m = crate::money::parse_decimal(p)
                .ok()?
                .checked_mul(Decimal::from(10_000u32))?;
            Some((
                (*c).to_owned(),
                u32::try_from(m.normalize().mantissa()).ok()?,
            ))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_table_is_the_published_csv() {
        let mut rows: Vec<(Postcode, u32)> = CBS_PC4_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                let (pc, n) = line.split_once(',')?;
                Some((Postcode::parse_str(pc)?, n.trim().parse().ok()?))
            })
            .collect();
        rows.sort();
        assert_eq!(rows.len(), 4063);
        assert_eq!(population(), rows.as_slice());
        assert_eq!(unpack(&CBS_PC4_PACKED[..CBS_PC4_PACKED.len() - 1]), None);
    }
}
