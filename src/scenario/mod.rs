//! A scenario — one RESV region, one year — read from loose input and calculated into a
//! [`Report`]; and [`allocate_regions`], many regions over one market table.
//!
//! [`calculate`] is a pipeline of named phases, each a function with its own result type:
//!
//! ```text
//! ScenarioInput::read -> parties -> BudgetTotals -> pools -> zvw_split -> roles
//!   -> municipal_split -> fund (subcontracts checked, ledger, Sankey) -> mdz -> statements
//!   -> schedule -> Report::assemble
//! ```
//!
//! Reading collects every issue; a later phase fails only by returning its issues, or an
//! [`Overflow`] that names the phase and the path. Warnings are gathered in one `Notes` value
//! whose order is set in one place (`Notes::into_warnings`).

mod budget;
mod funding;
mod input;
mod notes;
mod payers;
mod regions;
mod report;
mod roles;
mod statement;

pub use crate::verdeelsleutel::{Contract, PoolShare, Share, Statement, TaskShare, YearShare};
pub use regions::{
    allocate_regions, national_view, NationalInsurer, NationalRegion, NationalView, RegionResult,
};
pub use report::{
    Allocation, AreaReport, EstimateBasis, EstimateShare, Flow, MarketReport, Payment, Payments,
    Report, Summaries,
};
pub use roles::{Coverage, LeaderSource};

use crate::experiment;
use crate::input::value::Value;
use crate::issue::{Issue, Issues, Path, Problem, Warned, Warning};
use crate::market::Market;
use crate::verdeelsleutel;
use budget::BudgetTotals;
use input::ScenarioInput;
use notes::Notes;
use report::Phases;

/// The default budget year: the first year of the experiment.
pub const DEFAULT_YEAR: u16 = experiment::FIRST_YEAR;

/// The phases of a calculation, as an [`Overflow`] names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The budget lines and their totals.
    Budget,
    /// The pools of lines sharing an area.
    Pools,
    /// The Zvw split over the insurers.
    Insurers,
    /// The municipal split.
    Municipalities,
    /// Onderlinge dienstverlening.
    Subcontracts,
    /// The MDZ figures.
    Mdz,
    /// The payment schedule.
    Schedule,
    /// The summaries per hoofdtaak and level.
    Summaries,
    /// Each insurer's statement breakdown.
    Statements,
    /// The roles and contracts.
    Roles,
}

/// An amount that grew beyond the largest supported amount in a phase of the calculation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overflow {
    /// Where it happened.
    pub phase: Phase,
    /// The input the overflowing amount derives from.
    pub path: Path,
}

impl Overflow {
    /// An overflow in `phase`, reported at `path`.
    pub fn at(phase: Phase, path: Path) -> Overflow {
        Overflow { phase, path }
    }
}

impl From<Overflow> for Issues {
    fn from(o: Overflow) -> Issues {
        Issues::from(Issue::new(
            o.path,
            Problem::AmountTooLarge {
                max: crate::money::MAX_AMOUNT,
            },
        ))
    }
}

/// Warnings of a market table, under the `market` path.
fn market_warnings(market: &Market, origin: &Path) -> Vec<Warned> {
    market
        .warnings()
        .iter()
        .map(|w| Warned {
            path: verdeelsleutel::prefixed(origin, &w.path),
            warning: w.warning.clone(),
        })
        .collect()
}

/// The whole calculation for one region and one year.
///
/// `table` is the market when the scenario's `market` is a parsed table (the binding resolves
/// it); otherwise `scenario.market` holds rows, or `scenario.estimate` asks for an estimate.
///
/// Each phase is `#[inline(never)]` (and `wasm-opt` does not inline functions with one caller
/// beyond a small size): inlined, they made one function of ~200 KB in the Wasm build, which
/// the engine compiles as a whole before the first call returns.
///
/// # Errors
/// Every problem found, with its path.
pub fn calculate(scenario: &Value, table: Option<&Market>) -> Result<Report, Issues> {
    let root = Path::root();
    let mut notes = Notes::default();
    let input = ScenarioInput::read(scenario, table, &mut notes)?;
    let market = input.market();
    notes.market = market_warnings(market, &root.key("market"));
    if input.illustrative {
        notes.illustrative = Some(Warned {
            path: root.key("illustrative"),
            warning: Warning::Illustrative,
        });
    }
    if let Some(source) = input.estimated {
        notes.estimate = Some(Warned {
            path: root.key("estimate"),
            warning: Warning::Estimated { source },
        });
    }
    if !input.subcontracts.is_empty() && !input.agreed() {
        notes.agreement = Some(Warned {
            path: root.key("hoofdaannemer").key("agreement"),
            warning: Warning::NoAgreement,
        });
    }
    let mut issues = Issues::new();
    let Some(parties) = verdeelsleutel::resolve(
        market,
        &input.settings,
        &root.key("market"),
        &mut issues,
        &mut notes.parties,
    ) else {
        return Err(issues);
    };
    let budget = BudgetTotals::compute(&input, &mut notes)?;
    let mut pools = crate::budget::pool::gather(
        &input.lines,
        &budget.results,
        budget.contracted,
        input.lump_line.is_some(),
        input.pooling,
    )
    .ok_or_else(|| Overflow::at(Phase::Pools, root.key("budget")))?;
    let mut zvw = payers::zvw_split(&input, &parties, budget.contracted, &mut pools, &mut notes)?;
    let (leader_source, coverage) =
        input
            .roles
            .apply(&mut zvw.split, input.estimated.is_some(), &mut notes)?;
    let mut municipalities =
        payers::municipal_split(&input, budget.sums.municipal, &pools, &mut notes)?;
    statement::fill_municipal(&input, &budget, &pools, &mut municipalities)
        .ok_or_else(|| Overflow::at(Phase::Statements, root.key("municipalities")))?;
    let funded = funding::fund(
        &input,
        &budget,
        &pools,
        &zvw.split.insurers,
        &municipalities,
    )?;
    let mdz = mdz_figures(&input, &budget, &zvw)?;
    statement::fill(&input, &budget, &pools, &parties, &mut zvw.split.insurers)
        .ok_or_else(|| Overflow::at(Phase::Statements, root.key("lumpSum")))?;
    let estimate = input
        .estimated
        .and_then(|_| crate::estimate::basis(crate::input::read::field(scenario, "estimate")));
    let payments = payers::schedule(&zvw.split.insurers, &municipalities, input.quarterly)
        .ok_or_else(|| Overflow::at(Phase::Schedule, root.key("lumpSum")))?;
    Ok(Report::assemble(Phases {
        input,
        budget,
        parties,
        zvw,
        municipalities,
        funded,
        mdz,
        payments,
        notes,
        leader_source,
        coverage,
        estimate,
    })?)
}

/// The region against the MDZ framework: the budget year at the allocated amount, the other
/// years at the budget's Zvw scaled as the contract scales the budget year.
#[inline(never)]
fn mdz_figures(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    zvw: &payers::ZvwSplit,
) -> Result<crate::mdz::Mdz, Overflow> {
    let overflow = || Overflow::at(Phase::Mdz, Path::root().key("mdz"));
    let mut year_zvw: Vec<(u16, crate::money::Money)> = budget
        .years
        .iter()
        .filter(|y| y.year != input.year)
        .map(|y| Some((y.year, budget.paid_year(y.sums.zvw)?)))
        .collect::<Option<_>>()
        .ok_or_else(overflow)?;
    year_zvw.push((input.year, budget.contracted));
    // The region's population is its residents: with an estimate, the insured persons over
    // the shares' sum (the shares need not add up to 100%); else the insured persons.
    let population = match input.share_sum {
        Some(s) => zvw.split.insured.checked_div(s).ok_or_else(overflow)?,
        None => zvw.split.insured,
    };
    crate::mdz::compute(&input.mdz, budget.contracted, population, &year_zvw).ok_or_else(overflow)
}
