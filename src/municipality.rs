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
    /// Its amount broken down for its council (by `calculate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<MunicipalStatement>,
}

/// A municipality's amount broken down, for the council decision: per line and per year,
/// and the lines it is asked to approve with the Zvw money that waits on that approval.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalStatement {
    /// Per budget line with a municipal part: its part of the line. These add up to its
    /// amount, and over the municipalities to each line's municipal amount, to the cent.
    pub lines: Vec<crate::verdeelsleutel::Share>,
    /// Per experiment year with budget figures: its part of the year's municipal total (each
    /// year adds up over the municipalities; the budget year is its amount).
    pub years: Vec<crate::verdeelsleutel::YearShare>,
    /// The lines whose municipal part is not yet granted, in which it has a part.
    pub approve: Vec<Approval>,
    /// The Zvw of those lines, which waits on the grant (a line shared by municipalities
    /// waits on each of them, so this does not add up over the municipalities).
    pub conditional_zvw: Money,
}

/// A line a municipality is asked to approve.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Approval {
    /// The line's id.
    pub line: String,
    /// The municipality's part of the line's municipal amount.
    pub amount: Money,
    /// The line's municipal amount (all municipalities).
    pub municipal: Money,
    /// The line's Zvw as paid: final only once its municipal part is granted.
    pub zvw: Money,
    /// Whether its Wlz part waits for a grant too.
    pub wlz_pending: bool,
}

#[cfg_attr(resv_optimize, optimize(size))]
fn as_text<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Reads `[{ id, name?, postcodes }]`.
#[cfg_attr(resv_optimize, optimize(size))]
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
#[cfg_attr(resv_optimize, optimize(size))]
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

/// The residents of each municipality inside `spans`. `None` when fractions multiply to
/// more than 6 decimals.
#[cfg_attr(resv_optimize, optimize(size))]
fn residents_in(
    market: &Market,
    municipalities: &[Municipality],
    spans: &[Span],
) -> Option<Vec<Decimal>> {
    municipalities
        .iter()
        .map(|m| intersect(&m.area.spans, spans).map(|x| weight_in(market, &x)))
        .collect()
}

#[cfg_attr(resv_optimize, optimize(size))]
fn weight_in(market: &Market, spans: &[Span]) -> Decimal {
    let t = market.tally(spans);
    let total = t.weights.iter().fold(0u128, |a, w| a.saturating_add(*w));
    crate::market::weight_decimal(total, t.fractional)
}

/// Each pool's municipal amount over the municipalities by their residents in the pool's
/// area: per pool with a municipal part, its index and the parts in the municipalities' order.
///
/// # Errors
/// See [`Error`].
#[cfg_attr(resv_optimize, optimize(size))]
pub fn pool_parts(
    market: &Market,
    municipalities: &[Municipality],
    pools: &[Pool],
    work: &[Span],
) -> Result<Vec<(usize, Vec<Money>)>, Error> {
    let mut out = Vec::new();
    for (k, pool) in pools.iter().enumerate() {
        if pool.municipal.value().is_zero() {
            continue;
        }
        let ws = residents_in(market, municipalities, pool.spans(work)).ok_or(Error::TooPrecise)?;
        let no_one = Error::NoMunicipality { line: pool.line };
        if ws.iter().all(Decimal::is_zero) {
            return Err(no_one);
        }
        let parts = crate::split::split(pool.municipal.value(), &ws, Decimal::new(1, 2))
            .map_err(|_| no_one)?
            .into_iter()
            .map(|p| Money::new(p).map_err(|_| Error::Overflow))
            .collect::<Result<Vec<_>, _>>()?;
        out.push((k, parts));
    }
    Ok(out)
}

/// Splits each pool's municipal amount over the municipalities by their residents (insured
/// persons) in the pool's area ([`pool_parts`]); shares by residents in the work area. Also
/// returns the insured persons of the work area living outside every municipality, when
/// there are any.
///
/// # Errors
/// See [`Error`].
#[cfg_attr(resv_optimize, optimize(size))]
pub fn allocate(
    market: &Market,
    municipalities: &[Municipality],
    pools: &[Pool],
    work: &[Span],
    lead: Option<&str>,
) -> Result<(Vec<MunicipalityPart>, Option<Decimal>), Error> {
    let mut amounts = vec![Money::ZERO; municipalities.len()];
    for (_, parts) in pool_parts(market, municipalities, pools, work)? {
        for (a, p) in amounts.iter_mut().zip(parts) {
            *a = a.checked_add(p).ok_or(Error::Overflow)?;
        }
    }
    let residents = residents_in(market, municipalities, work).ok_or(Error::TooPrecise)?;
    let all = residents
        .iter()
        .try_fold(Decimal::ZERO, |a, r| a.checked_add(*r))
        .ok_or(Error::Overflow)?;
    let in_area = weight_in(market, work);
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
            statement: None,
        })
        .collect();
    Ok((parts, uncovered))
}
