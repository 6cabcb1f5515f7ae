//! Municipalities (gemeenten) carrying the social-domain (Wmo, Jeugdwet) parts of a budget,
//! each with its postcodes; a PC4 may be split over two municipalities by fraction.
//!
//! No national PC4 → municipality map is built in: the only one at hand (from the
//! certegis R package) is GPL-2, which this MIT/Apache project cannot ship. A scenario lists
//! its municipalities; the built-in sample region lists its three.

use crate::area::{self, Area};
use crate::budget::Pool;
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Warned};
use crate::market::{Market, Span};
use crate::money::Money;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// One municipality as read.
#[derive(Clone, Debug)]
pub struct Municipality {
    /// Id (a GM code such as `GM0193`, or any name).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its postcodes.
    pub area: Area,
}

/// A municipality's part, as the report lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalityPart {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Residents in the work area (= insured persons: everyone is insured).
    #[serde(serialize_with = "crate::input::value::serialize_count")]
    pub residents: Decimal,
    /// Share of the residents, 10 decimals.
    #[serde(serialize_with = "as_text")]
    pub share: Decimal,
    /// Its amount.
    pub amount: crate::money::Money,
    /// Whether it is the lead municipality (mandaatgemeente).
    pub lead: bool,
}

fn as_text<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Reads `[{ id, name?, postcodes }]`.
pub fn read_municipalities(
    value: &Value,
    path: &Path,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> Option<Vec<Municipality>> {
    let items = read::list(value, path, issues)?;
    let before = issues.as_slice().len();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        if !matches!(item, Value::Object { .. }) {
            read::wrong_type(item, Expected::Object, &at, issues);
            continue;
        }
        read::options(item, &["id", "name", "postcodes"], &at, issues);
        let id = read::unique_id(item, path, i, &mut seen, issues);
        let name = match read::field(item, "name") {
            Value::Null => None,
            v => read::text(v, &at.key("name"), issues),
        };
        let area = area::read_area(
            read::field(item, "postcodes"),
            &at.key("postcodes"),
            issues,
            warnings,
        );
        if let (Some(id), Some(area)) = (id, area) {
            out.push(Municipality {
                id: id.to_owned(),
                name: name.unwrap_or(id).to_owned(),
                area,
            });
        }
    }
    (issues.as_slice().len() == before).then_some(out)
}

/// The intersection of two sorted, disjoint span lists; fractions multiply. `None` when a
/// product of fractions has more than 6 decimals (it could not be held exactly).
pub fn intersect(a: &[Span], b: &[Span]) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0usize, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let lo = x.lo.max(y.lo);
        let hi = x.hi.min(y.hi);
        if lo <= hi {
            let product = u64::from(x.fraction).checked_mul(u64::from(y.fraction))?;
            if product % 1_000_000 != 0 {
                return None;
            }
            out.push(Span {
                lo,
                hi,
                fraction: u32::try_from(product / 1_000_000).ok()?,
            });
        }
        if x.hi < y.hi {
            i = i.checked_add(1)?;
        } else {
            j = j.checked_add(1)?;
        }
    }
    Some(out)
}

/// Why the municipal parts could not be split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// Fractions multiply to more than 6 decimals.
    TooPrecise,
    /// No municipality has residents in the area of a pool with a municipal part.
    NoMunicipality {
        /// The pool's first line.
        line: usize,
    },
    /// An amount out of range.
    Overflow,
}

/// Splits each pool's municipal amount over the municipalities by their residents (insured
/// persons) in the pool's area; shares by residents in the work area. Also returns the
/// insured persons of the work area living outside every municipality, when there are any.
///
/// # Errors
/// See [`Error`].
pub fn allocate(
    market: &Market,
    municipalities: &[Municipality],
    pools: &[Pool],
    work: &[Span],
    lead: Option<&str>,
) -> Result<(Vec<MunicipalityPart>, Option<Decimal>), Error> {
    let weight_in = |spans: &[Span]| -> Decimal {
        let t = market.tally(spans);
        let total = t.weights.iter().fold(0u128, |a, w| a.saturating_add(*w));
        crate::market::weight_decimal(total, t.fractional)
    };
    let residents_in = |spans: &[Span]| -> Result<Vec<Decimal>, Error> {
        municipalities
            .iter()
            .map(|m| intersect(&m.area.spans, spans).map(|x| weight_in(&x)))
            .collect::<Option<_>>()
            .ok_or(Error::TooPrecise)
    };
    let mut amounts = vec![Money::ZERO; municipalities.len()];
    for pool in pools.iter().filter(|p| !p.municipal.value().is_zero()) {
        let ws = residents_in(pool.spans(work))?;
        let no_one = Error::NoMunicipality { line: pool.line };
        if ws.iter().all(Decimal::is_zero) {
            return Err(no_one);
        }
        let parts = crate::split::split(pool.municipal.value(), &ws, Decimal::new(1, 2))
            .map_err(|_| no_one)?;
        for (a, p) in amounts.iter_mut().zip(parts) {
            *a = a
                .checked_add(Money::new(p).map_err(|_| Error::Overflow)?)
                .ok_or(Error::Overflow)?;
        }
    }
    let residents = residents_in(work)?;
    let all = residents
        .iter()
        .try_fold(Decimal::ZERO, |a, r| a.checked_add(*r))
        .ok_or(Error::Overflow)?;
    let in_area = weight_in(work);
    let uncovered = (in_area > all).then(|| in_area.checked_sub(all).unwrap_or_default());
    let lead_id = lead.map(str::to_owned).or_else(|| {
        municipalities
            .iter()
            .zip(&residents)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.id.cmp(&a.0.id)))
            .map(|(m, _)| m.id.clone())
    });
    let parts = municipalities
        .iter()
        .zip(residents)
        .zip(amounts)
        .map(|((m, r), a)| MunicipalityPart {
            id: m.id.clone(),
            name: m.name.clone(),
            residents: r.normalize(),
            share: r
                .checked_div(all)
                .map(|d| {
                    // Always 10 decimals, as the insurers' shares ("0.5000000000", not "0.5").
                    let mut d = d.round_dp_with_strategy(
                        10,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    );
                    d.rescale(10);
                    d
                })
                .unwrap_or_default(),
            amount: a,
            lead: lead_id.as_deref() == Some(m.id.as_str()),
        })
        .collect();
    Ok((parts, uncovered))
}
