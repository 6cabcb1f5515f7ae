//! The report: what `calculate` returns, assembled from the phases' results, with the
//! warnings in their one order ([`Notes`]).

use super::budget::BudgetTotals;
use super::funding::Funded;
use super::input::ScenarioInput;
use super::notes::Notes;
use super::payers::ZvwSplit;
use super::{Overflow, Phase};
use crate::budget::{self, Level, LineResult, Summary, YearTotals};
use crate::flows::{Hoofdaannemer, Ledger, Sankey, SubcontractReport};
use crate::issue::{Path, Warned};
use crate::mdz::Mdz;
use crate::money::Money;
use crate::municipality::MunicipalityPart;
use crate::verdeelsleutel::{By, InsurerPart, Parties, Rounding};
use serde::Serialize;

/// A money flow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    /// Payer.
    pub from: String,
    /// Payee.
    pub to: String,
    /// Amount.
    pub amount: Money,
    /// `"zvw"`, `"municipal"` or `"subcontract"`.
    pub kind: &'static str,
    /// The kassier that receives a payment to the RESV on its behalf, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// The work area as the calculation saw it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AreaReport {
    /// Work area entries given (0: the whole market table).
    pub entries: usize,
    /// Market rows inside the area.
    pub rows_inside: usize,
    /// Market rows outside it.
    pub rows_outside: usize,
    /// Area postcodes (PC4 areas of ranges, listed PC6) without data.
    pub postcodes_without_data: usize,
    /// The first of those.
    pub postcodes_without_data_examples: Vec<String>,
    /// The work area as postcodes and ranges ("8011-8045", "8091AB", "7201 (50%)" for a
    /// postcode counted by a fraction), merged and sorted; empty for the whole table.
    pub postcodes: Vec<String>,
}

/// The market data the verdeelsleutel was computed on.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MarketReport {
    /// Rows of the table (for an estimate: postcodes × concerns).
    pub rows: usize,
    /// Insurer labels (an estimate: concerns).
    pub labels: usize,
    /// Distinct postcodes.
    pub postcodes: usize,
    /// How an estimate was made, when the data is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<EstimateBasis>,
}

/// The basis of an estimate: market shares × residents.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EstimateBasis {
    /// `"national"` (NZa/Vektis 2022) or `"given"`.
    pub shares_source: &'static str,
    /// Each concern's share in percent.
    pub shares: Vec<EstimateShare>,
    /// `"cbs2025"` (the built-in CBS residents per PC4 of 1 January 2025) or `"given"`.
    pub population: &'static str,
}

/// One concern's market share in an estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstimateShare {
    /// The concern.
    pub concern: String,
    /// Its share in percent, as a decimal string.
    pub percent: String,
}

/// How the lump sum was allocated over the insurers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Allocation {
    /// Per concern or per insurer label.
    pub by: By,
    /// Rounding rule.
    pub rounding: Rounding,
    /// The verdeelsleutel of the Zvw parts: the work area, or each line's own area.
    pub pooling: crate::budget::Pooling,
    /// Whether the insured persons are an estimate (market shares × population).
    pub estimate: bool,
    /// The market leader's id (the first, when several are designated).
    pub leader: String,
    /// Where the leader comes from: designated, the data, or an estimate (to be confirmed).
    pub leader_source: super::LeaderSource,
    /// Whether the second party will likely assess the plan too.
    pub co_assessment: bool,
    /// The threshold for that, in percent.
    pub co_assessment_threshold: String,
    /// Insured persons in the work area.
    pub insured: String,
    /// The same, exact (an estimate's `insured` is rounded to whole persons; this is what the
    /// amounts are computed on, with each insurer's `insuredExact`).
    pub insured_exact: String,
    /// The work area.
    pub area: AreaReport,
    /// The market data.
    pub market: MarketReport,
}

/// The result of `calculate`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The scenario's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Budget year.
    pub year: u16,
    /// Totals: the budget's, with `zvw` the amount allocated over the insurers.
    pub totals: budget::Sums,
    /// The budget's own Zvw total (differs from `totals.zvw` when a contracted lump sum is
    /// allocated instead).
    pub budget_zvw: Money,
    /// Per paying party: the basis and its amount; amounts sum to `totals.zvw`.
    pub insurers: Vec<InsurerPart>,
    /// Per municipality; amounts sum to `totals.municipal`.
    pub municipalities: Vec<MunicipalityPart>,
    /// Per budget line.
    pub lines: Vec<LineResult>,
    /// The budget per hoofdtaak and per level, each adding up to the totals.
    pub summaries: Summaries,
    /// Totals per year of the lines (2027 concretely, later years as development steps).
    pub years: Vec<YearTotals>,
    /// Each payer's instalments.
    pub payments: Payments,
    /// The hoofdaannemer, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hoofdaannemer: Option<Hoofdaannemer>,
    /// Onderlinge dienstverlening: each subcontract and which insurer's money funds it.
    pub subcontracts: Vec<SubcontractReport>,
    /// Money in = money out + kept, per insurer and in total.
    pub ledger: Ledger,
    /// The flows as Sankey nodes and links.
    pub sankey: Sankey,
    /// The region against the MDZ framework.
    pub mdz: Mdz,
    /// The money flows.
    pub flows: Vec<Flow>,
    /// What of the plan is payable under written agreements, pending, and not covered.
    pub coverage: super::Coverage,
    /// How the allocation was made.
    pub allocation: Allocation,
    /// Everything worth knowing that did not stop the calculation.
    pub warnings: Vec<Warned>,
}

/// One payer's instalments.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    /// Insurer or municipality id.
    pub payer: String,
    /// `"zvw"` or `"municipal"`.
    pub kind: &'static str,
    /// The yearly amount.
    pub amount: Money,
    /// 12 monthly or 4 quarterly instalments adding up to `amount` (an odd cent goes to the
    /// earliest instalments).
    pub instalments: Vec<Money>,
}

/// The payment schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Payments {
    /// `"monthly"` or `"quarterly"`.
    pub schedule: &'static str,
    /// Per payer.
    pub payers: Vec<Payment>,
}

/// The budget per hoofdtaak and per level.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summaries {
    /// Hoofdtaken 1..5.
    pub by_main_task: Vec<Summary<u8>>,
    /// The three levels.
    pub by_level: Vec<Summary<Level>>,
}

/// What the phases produced, for [`Report::assemble`].
pub(super) struct Phases<'m> {
    /// The scenario as read.
    pub input: ScenarioInput<'m>,
    /// The budget's figures.
    pub budget: BudgetTotals,
    /// The paying parties.
    pub parties: Parties,
    /// The Zvw split.
    pub zvw: ZvwSplit,
    /// The municipal split.
    pub municipalities: Vec<MunicipalityPart>,
    /// Onderlinge dienstverlening.
    pub funded: Funded,
    /// The region against the MDZ framework.
    pub mdz: Mdz,
    /// The instalments.
    pub payments: Payments,
    /// The warnings so far.
    pub notes: Notes,
    /// Where the market leader comes from.
    pub leader_source: super::LeaderSource,
    /// What of the plan is payable under written agreements.
    pub coverage: super::Coverage,
    /// An estimate's shares and population (`estimate::basis`), when the data is one.
    pub estimate: Option<(Vec<(String, rust_decimal::Decimal)>, bool)>,
}

impl Report {
    /// Puts the phases' results together and notes what the work area's tally shows.
    ///
    /// # Errors
    /// An [`Overflow`] in the summaries.
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn assemble(phases: Phases<'_>) -> Result<Report, Overflow> {
        let Phases {
            input,
            budget,
            parties,
            zvw: ZvwSplit { split, tally },
            municipalities,
            funded,
            mdz,
            payments,
            mut notes,
            leader_source,
            coverage,
            estimate,
        } = phases;
        let area = area_report(&input, &tally, &mut notes);
        let market = market_report(&input, estimate);
        let mut split = split;
        let insured_exact = split.insured.normalize().to_string();
        if input.estimated.is_some() {
            whole_persons(&mut split);
        }
        let overflow = || Overflow::at(Phase::Summaries, Path::root().key("budget"));
        // The summaries are of the amount paid: the contract, when it differs from the budget.
        let paid = budget.paid_lines();
        let summaries = Summaries {
            by_main_task: budget::by_main_task(&paid).ok_or_else(overflow)?,
            by_level: budget::by_level(&paid).ok_or_else(overflow)?,
        };
        // The years as paid too: the budget year is the totals, the others scale with it.
        let years = budget.paid_years(input.year).ok_or_else(overflow)?;
        let flows = money_flows(
            &split.insurers,
            &municipalities,
            &funded.subcontracts,
            input.kassier(),
        );
        let settings = &input.settings;
        Ok(Report {
            name: input.name,
            year: input.year,
            // The budget's sums, with the Zvw amount actually allocated (the contract, if given).
            totals: budget::Sums {
                zvw: budget.contracted,
                ..budget.sums
            },
            budget_zvw: budget.sums.zvw,
            insurers: split.insurers,
            municipalities,
            summaries,
            lines: budget.results,
            years,
            payments,
            flows,
            hoofdaannemer: input.hoofdaannemer,
            subcontracts: funded.subcontracts,
            ledger: funded.ledger,
            sankey: funded.sankey,
            mdz,
            coverage,
            allocation: Allocation {
                by: parties.by,
                rounding: settings.rounding,
                pooling: input.pooling,
                estimate: input.estimated.is_some(),
                leader: split.leader,
                leader_source,
                co_assessment: split.co_assessment,
                co_assessment_threshold: settings.threshold.normalize().to_string(),
                insured: split.insured.to_string(),
                insured_exact,
                area,
                market,
            },
            warnings: notes.into_warnings(),
        })
    }
}

/// An estimate's insured persons are residents × shares, fractions of a person: shown as
/// whole persons (half away from zero). `insuredExact` and the amounts keep the exact weights.
#[cfg_attr(resv_optimize, optimize(size))]
fn whole_persons(split: &mut crate::verdeelsleutel::Split) {
    let whole = |d: rust_decimal::Decimal| {
        d.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    };
    for i in &mut split.insurers {
        i.insured = whole(i.insured);
        for l in &mut i.labels {
            l.insured = whole(l.insured);
        }
    }
    split.insured = whole(split.insured);
}

/// The work area as the calculation saw it; notes rows outside it (unless the table is an
/// estimate over the area) and postcodes in it without data.
#[cfg_attr(resv_optimize, optimize(size))]
fn area_report(
    input: &ScenarioInput<'_>,
    tally: &crate::market::Tally,
    notes: &mut Notes,
) -> AreaReport {
    let at = Path::root().key("workArea");
    let rows_outside = input.market().row_count().saturating_sub(tally.rows_inside);
    if rows_outside > 0 && input.estimated.is_none() {
        notes.area.push(Warned {
            path: at.clone(),
            warning: crate::issue::Warning::RowsOutsideArea {
                count: rows_outside,
            },
        });
    }
    let examples: Vec<String> = tally
        .without_data_examples
        .iter()
        .map(ToString::to_string)
        .collect();
    if tally.without_data > 0 {
        notes.area.push(Warned {
            path: at,
            warning: crate::issue::Warning::PostcodesWithoutData {
                count: tally.without_data,
                examples: examples.clone(),
            },
        });
    }
    AreaReport {
        postcodes: area_texts(&input.area),
        entries: input.area.entries,
        rows_inside: tally.rows_inside,
        rows_outside,
        postcodes_without_data: tally.without_data,
        postcodes_without_data_examples: examples,
    }
}

/// The market data as the report names it.
#[cfg_attr(resv_optimize, optimize(size))]
fn market_report(
    input: &ScenarioInput<'_>,
    estimate: Option<(Vec<(String, rust_decimal::Decimal)>, bool)>,
) -> MarketReport {
    let m = input.market();
    let estimate = input
        .estimated
        .zip(estimate)
        .map(|(source, (shares, cbs))| EstimateBasis {
            shares_source: match source {
                crate::issue::ShareSource::National => "national",
                crate::issue::ShareSource::Given => "given",
            },
            shares: shares
                .into_iter()
                .map(|(concern, p)| EstimateShare {
                    concern,
                    percent: p.to_string(),
                })
                .collect(),
            population: if cbs { "cbs2025" } else { "given" },
        });
    MarketReport {
        rows: m.row_count(),
        labels: m.labels().len(),
        postcodes: m.postcode_count(),
        estimate,
    }
}

/// The work area's spans as text: a PC4 or PC6 postcode, or a range of them, with the
/// fraction in percent when a postcode counts in part.
#[cfg_attr(resv_optimize, optimize(size))]
pub(crate) fn area_texts(area: &crate::area::Area) -> Vec<String> {
    use crate::postcode::{Postcode, PC4_SPAN};
    if area.is_everything() {
        return Vec::new();
    }
    let pc = |code: u32| Postcode::from_code(code).map(|p| p.to_string());
    area.spans
        .iter()
        .map(|s| {
            let lo = pc(s.lo).unwrap_or_default();
            let pc4 = s.lo % PC4_SPAN == 0;
            // A PC4 range ends at the last code of its last area; a PC6 range at a postcode.
            let hi_code = if pc4 {
                s.hi.saturating_sub(PC4_SPAN.saturating_sub(1))
            } else {
                s.hi
            };
            let hi = pc(hi_code).unwrap_or_default();
            let mut text = if hi_code == s.lo || hi.is_empty() {
                lo
            } else {
                format!("{lo}-{hi}")
            };
            if s.fraction != 1_000_000 {
                let pct = rust_decimal::Decimal::new(i64::from(s.fraction), 4).normalize();
                text.push_str(&format!(" ({pct}%)"));
            }
            text
        })
        .collect()
}

/// The money flows: insurers and municipalities to the RESV, the RESV to its contractors.
#[cfg_attr(resv_optimize, optimize(size))]
fn money_flows(
    insurers: &[InsurerPart],
    municipalities: &[MunicipalityPart],
    subcontracts: &[SubcontractReport],
    kassier: Option<&str>,
) -> Vec<Flow> {
    let flow = |from: &str, to: &str, amount: Money, kind| Flow {
        from: from.to_owned(),
        to: to.to_owned(),
        amount,
        kind,
        via: (to == "resv").then(|| kassier.map(str::to_owned)).flatten(),
    };
    let zvw = insurers
        .iter()
        .map(|i| flow(&i.id, "resv", i.amount, "zvw"));
    let municipal = municipalities
        .iter()
        .map(|m| flow(&m.id, "resv", m.amount, "municipal"));
    let sub = subcontracts
        .iter()
        .map(|s| flow("resv", &s.contractor, s.amount, "subcontract"));
    zvw.chain(municipal).chain(sub).collect()
}
