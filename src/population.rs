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

/// The CBS population table, as shipped.
pub const CBS_PC4_CSV: &str = include_str!("../data/cbs_pc4_inwoners_2025.csv");

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
    TABLE.get_or_init(|| {
        let mut rows: Vec<(Postcode, u32)> = CBS_PC4_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                let (pc, n) = line.split_once(',')?;
                Some((Postcode::parse_str(pc)?, n.trim().parse().ok()?))
            })
            .collect();
        crate::order::sort_by(&mut rows, &|a, b| a.cmp(b));
        rows
    })
}

/// The national shares in units of 10⁻⁴ percent, per concern.
pub fn national() -> Vec<(String, u32)> {
    NATIONAL_SHARES
        .iter()
        .filter_map(|(c, p)| {
            let m = p
                .parse::<Decimal>()
                .ok()?
                .checked_mul(Decimal::from(10_000u32))?;
            Some((
                (*c).to_owned(),
                u32::try_from(m.normalize().mantissa()).ok()?,
            ))
        })
        .collect()
}
