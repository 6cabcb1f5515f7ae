//! Onderlinge dienstverlening (subcontracting between providers): each subcontract checked
//! against the Zvw of the lines and hoofdtaken it covers, then funded from the insurers'
//! pool parts, with the money ledger and the Sankey of the flows.

use super::budget::BudgetTotals;
use super::input::ScenarioInput;
use super::{Overflow, Phase};
use crate::budget::{self, LineResult, Pool};
use crate::flows::{self, Ledger, Sankey, SubcontractReport};
use crate::issue::{Issues, Path};
use crate::municipality::MunicipalityPart;
use crate::verdeelsleutel::InsurerPart;

/// The subcontracts funded.
pub(super) struct Funded {
    /// Each subcontract and which insurer's money funds it.
    pub subcontracts: Vec<SubcontractReport>,
    /// Money in = money out + kept.
    pub ledger: Ledger,
    /// The flows as nodes and links.
    pub sankey: Sankey,
}

/// Checks the subcontracts against the lines and funds them.
///
/// # Errors
/// Subcontracts above what they cover, or an overflow.
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn fund(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    pools: &[Pool],
    insurers: &[InsurerPart],
    municipalities: &[MunicipalityPart],
) -> Result<Funded, Issues> {
    let at = Path::root().key("subcontracts");
    let overflow = || Issues::from(Overflow::at(Phase::Subcontracts, at.clone()));
    let results: Vec<LineResult> = match &input.lump_line {
        Some(l) => vec![budget::line_result(l, budget.contracted).ok_or_else(overflow)?],
        // A subcontract is capped by, and funded from, what is paid for the lines it covers.
        None => budget.paid_lines(),
    };
    let mut issues = Issues::new();
    flows::check_amounts(&input.subcontracts, &results, &at, &mut issues).ok_or_else(overflow)?;
    if !issues.is_empty() {
        return Err(issues);
    }
    let resv_name = input
        .hoofdaannemer
        .as_ref()
        .map_or("RESV", |h| h.name.as_str());
    let (mut subcontracts, ledger, sankey) = flows::ledger(
        &input.subcontracts,
        &results,
        pools,
        &insurers
            .iter()
            .map(|i| (i.id.clone(), i.name.clone(), i.amount))
            .collect::<Vec<_>>(),
        &municipalities
            .iter()
            .map(|m| (m.id.clone(), m.name.clone(), m.amount))
            .collect::<Vec<_>>(),
        resv_name,
        input.kassier(),
    )
    .ok_or_else(overflow)?;
    if !input.agreed() {
        for s in &mut subcontracts {
            s.status = "pendingAgreement";
        }
    }
    Ok(Funded {
        subcontracts,
        ledger,
        sankey,
    })
}
