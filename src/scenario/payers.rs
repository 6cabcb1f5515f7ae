//! The payers: the Zvw split over the insurers (per pool, by the verdeelsleutel), the
//! municipal split over the municipalities, and each payer's instalments.

use super::input::ScenarioInput;
use super::notes::Notes;
use super::report::{Payment, Payments};
use super::{Overflow, Phase};
use crate::budget::Pool;
use crate::issue::{Issue, Issues, Path, Problem, Warned, Warning};
use crate::market::Tally;
use crate::money::Money;
use crate::municipality::{self, MunicipalityPart};
use crate::verdeelsleutel::{self, InsurerPart, Parties, Split};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The contracted Zvw amount over the insurers.
pub(super) struct ZvwSplit {
    /// The split over the work area, with each insurer's amount the sum of its pool parts.
    pub split: Split,
    /// The work area's tally.
    pub tally: Tally,
}

/// Splits the contracted amount over the insurers: the work area by the verdeelsleutel, and
/// with more than one pool each pool over the insurers of its own area (an insurer's amount
/// is then the sum of its pool parts). Fills in each pool's parts; notes co-assessment.
///
/// # Errors
/// Nobody insured in an area, a split problem or an overflow.
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn zvw_split(
    input: &ScenarioInput<'_>,
    parties: &Parties,
    contracted: Money,
    pools: &mut [Pool],
    notes: &mut Notes,
) -> Result<ZvwSplit, Issues> {
    let market = input.market();
    let settings = &input.settings;
    let work = &input.area.spans;
    let tally = market.tally(work);
    let (mut split, co_warning) =
        verdeelsleutel::split_region(contracted, market, &tally, parties, settings)
            .map_err(|p| Issues::from(Issue::new(input.area_path(), p)))?;
    notes.co_assessment = co_warning.map(|warning| Warned {
        path: Path::root().key("coAssessmentThreshold"),
        warning,
    });
    if let [only] = pools {
        only.parts = parts_of(&split.insurers);
        return Ok(ZvwSplit { split, tally });
    }
    let mut amounts: HashMap<String, Money> = HashMap::new();
    for (k, pool) in pools.iter_mut().enumerate() {
        if pool.allocated.value().is_zero() {
            continue;
        }
        let t = market.tally(pool.spans(work));
        let (s, _) = verdeelsleutel::split_region(pool.allocated, market, &t, parties, settings)
            .map_err(|p| {
                let at = if k == 0 {
                    Path::root().key("workArea")
                } else {
                    Path::root().key("budget").index(pool.line).key("postcodes")
                };
                Issues::from(Issue::new(at, p))
            })?;
        pool.parts = parts_of(&s.insurers);
        for part in s.insurers {
            let e = amounts.entry(part.id).or_insert(Money::ZERO);
            *e = e
                .checked_add(part.amount)
                .ok_or_else(|| Issues::from(Overflow::at(Phase::Insurers, input.area_path())))?;
        }
    }
    for part in &mut split.insurers {
        part.amount = amounts.get(&part.id).copied().unwrap_or(Money::ZERO);
    }
    Ok(ZvwSplit { split, tally })
}

#[cfg_attr(resv_optimize, optimize(size))]
fn parts_of(insurers: &[InsurerPart]) -> Vec<(String, Money)> {
    insurers.iter().map(|i| (i.id.clone(), i.amount)).collect()
}

/// Splits each pool's municipal part over the municipalities by their residents in its area;
/// notes insured persons living outside every municipality.
///
/// # Errors
/// A pool with a municipal part and no municipality to carry it, fractions too precise, or
/// an overflow.
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn municipal_split(
    input: &ScenarioInput<'_>,
    municipal: Money,
    pools: &[Pool],
    notes: &mut Notes,
) -> Result<Vec<MunicipalityPart>, Issues> {
    if municipal.value() <= Decimal::ZERO {
        return Ok(Vec::new());
    }
    let root = Path::root();
    let (parts, uncovered) = municipality::allocate(
        input.market(),
        &input.municipalities,
        pools,
        &input.area.spans,
        input.lead.as_deref(),
    )
    .map_err(|e| match e {
        municipality::Error::TooPrecise => Issues::from(Issue::new(
            root.key("municipalities"),
            Problem::FractionTooPrecise { max: 6 },
        )),
        municipality::Error::NoMunicipality { line } => Issues::from(Issue::new(
            root.key("budget").index(line).key("split").key("municipal"),
            Problem::NoMunicipality,
        )),
        municipality::Error::Overflow => Issues::from(Overflow::at(
            Phase::Municipalities,
            root.key("municipalities"),
        )),
    })?;
    notes.municipal = uncovered.map(|insured| Warned {
        path: root.key("municipalities"),
        warning: Warning::PostcodesWithoutMunicipality {
            insured: insured.normalize(),
        },
    });
    Ok(parts)
}

/// Each payer's instalments: 12 monthly or 4 quarterly parts of its yearly amount, the odd
/// cents to the earliest instalments. `None` when an amount overflows.
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn schedule(
    insurers: &[InsurerPart],
    municipalities: &[MunicipalityPart],
    quarterly: bool,
) -> Option<Payments> {
    let n = if quarterly { 4 } else { 12 };
    let ones = vec![Decimal::ONE; n];
    let instalments = |amount: Money| crate::split::split_cents(amount, &ones);
    let zvw = insurers.iter().map(|i| (&i.id, "zvw", i.amount));
    let municipal = municipalities
        .iter()
        .map(|m| (&m.id, "municipal", m.amount));
    let payers = zvw
        .chain(municipal)
        .map(|(id, kind, amount)| {
            Some(Payment {
                payer: id.clone(),
                kind,
                amount,
                instalments: instalments(amount)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Payments {
        schedule: if quarterly { "quarterly" } else { "monthly" },
        payers,
    })
}
