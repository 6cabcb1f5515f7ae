//! The RESV budget (begroting, Handreiking bouwsteen 7): lines per level and hoofdtaak, existing
//! funding deducted so nothing is paid twice, the split over Zvw (insurers), the municipal
//! social domain and the Wlz, and the years of the experiment.
//!
//! # Rounding, with examples
//! - A line's net is `amount − existingFunding`, exact.
//! - Its municipal and Wlz parts are `net × percent / 100` rounded half away from zero to the
//!   cent; the Zvw part is the rest, so the three add up to the net exactly. Example: net
//!   €1,000.01 split 50/50 Zvw/municipal: municipal 500.005 → €500.01, Zvw €500.00.
//! - A growth percentage compounds per year from the line's `amount` (2027), rounded half away
//!   from zero to the cent each year: €100,000.00 at 2.5% is €102,500.00 in 2028 and
//!   €105,062.50 in 2029.
//! - A line with several hoofdtaken counts for each an equal part in the summaries (largest
//!   remainder; an odd cent goes to the first-listed task), so every summary adds up.

pub mod pool;
mod read;
mod summary;

pub use pool::{Pool, Pooling};
pub use read::read_lines;
pub use summary::{by_level, by_main_task, totals};

use crate::area::Area;
use crate::experiment;
use crate::money::Money;
use rust_decimal::Decimal;
use serde::Serialize;

/// The first and last year of the experiment (it ends on 1 January 2032).
pub const EXPERIMENT_YEARS: (u16, u16) = (experiment::FIRST_YEAR, experiment::LAST_YEAR);
/// The year a line's `amount` is for, when it gives a growth percentage.
pub const BASE_YEAR: u16 = experiment::FIRST_YEAR;
/// The most budget lines.
pub const MAX_LINES: usize = 10_000;

/// The level a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Level {
    /// The RESV itself.
    Regional,
    /// A hecht wijkverband (close neighbourhood team).
    Neighbourhood,
    /// A monodisciplinary regional cooperation (for mandate and delegation).
    Monodisciplinary,
}

impl Level {
    /// All levels, in report order.
    pub const ALL: [Level; 3] = [
        Level::Regional,
        Level::Neighbourhood,
        Level::Monodisciplinary,
    ];
}

/// Where existing funding of a line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FundingSource {
    /// Organisatie en infrastructuur (O&I) in GP care.
    OI,
    /// Coordination in district nursing (wijkverpleging).
    DistrictNursing,
    /// The experiment on coordination for patient groups.
    PatientGroups,
    /// A ZonMw subsidy.
    Zonmw,
    /// Anything else.
    Other,
}

/// A discipline of a monodisciplinary line, where it matters for double funding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Discipline {
    /// GPs (huisartsen): paid for regional organisation through O&I.
    Gp,
    /// District nursing: paid for coordination through wijkverpleging.
    DistrictNursing,
    /// Pharmacy.
    Pharmacy,
    /// Physiotherapy.
    Physiotherapy,
    /// Another discipline.
    Other,
}

/// One budget line as read.
#[derive(Clone, Debug)]
pub struct Line {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Hoofdtaken 1..5, in the order given, without repeats.
    pub main_tasks: Vec<u8>,
    /// Each hoofdtaak's share of the line in percent (aligned with `main_tasks`, adding up to
    /// 100); `None`: equal shares.
    pub task_shares: Option<Vec<Decimal>>,
    /// Whether its task-4 part is the wijkverband's own two tasks.
    pub own_tasks: bool,
    /// Gross amount for the scenario's year.
    pub amount: Money,
    /// Existing funding deducted in the scenario's year.
    pub existing: Money,
    /// Existing funding per year, when given per year (else `existing` every year).
    pub existing_years: Option<Vec<(u16, Money)>>,
    /// Why the line is additional to the funding its discipline already has.
    pub funding_reason: Option<String>,
    /// Its source.
    pub source: Option<FundingSource>,
    /// Discipline (monodisciplinary lines).
    pub discipline: Option<Discipline>,
    /// Percentages: Zvw, municipal, Wlz.
    pub split: (Decimal, Decimal, Decimal),
    /// Municipal part granted.
    pub approved: bool,
    /// Wlz part granted.
    pub wlz_granted: bool,
    /// Its own area, if any.
    pub area: Option<Area>,
    /// Per-year gross amounts for the years 2027.. (development steps).
    pub years: Vec<(u16, Money)>,
}

/// A line's amounts.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineResult {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Hoofdtaken.
    pub main_tasks: Vec<u8>,
    /// Gross amount.
    pub gross: Money,
    /// Existing funding deducted.
    pub existing_funding: Money,
    /// Net amount.
    pub net: Money,
    /// Zvw part (insurers), as budgeted.
    pub zvw: Money,
    /// The Zvw actually paid for the line: its part of a contracted lump sum that differs from
    /// the budget (largest remainder over the lines' Zvw parts), else `zvw`.
    pub paid_zvw: Money,
    /// Municipal part.
    pub municipal: Money,
    /// Wlz part: reported, never allocated (not payable through this prestatie).
    pub wlz: Money,
    /// `"conditional"` while another domain's part (municipal or Wlz) waits for its grant:
    /// the Zvw financing of a multi-domain item is final only once every other domain has
    /// granted its part (Handreiking, fase 3).
    pub status: &'static str,
    /// While conditional, the domains whose grant it waits for, in this order: `"municipal"`
    /// (the municipalities' approval) and `"wlz"` (the Wlz part's grant). Left out when final.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub awaiting: Vec<&'static str>,
    /// Whether it serves its own area rather than the whole work area.
    pub own_area: bool,
    /// Each hoofdtaak's share in percent, when given (else the tasks share equally).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "percent_list"
    )]
    pub task_shares: Option<Vec<Decimal>>,
}

impl LineResult {
    /// The weights its amounts are split over its hoofdtaken by: the task shares, or equal.
    pub fn task_weights(&self) -> Vec<Decimal> {
        match &self.task_shares {
            Some(s) => s.clone(),
            None => vec![Decimal::ONE; self.main_tasks.len()],
        }
    }
}

fn percent_list<S: serde::Serializer>(v: &Option<Vec<Decimal>>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let v = v.as_deref().unwrap_or_default();
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for d in v {
        seq.serialize_element(&d.normalize().to_string())?;
    }
    seq.end()
}

/// Amounts of a group of lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sums {
    /// Gross.
    pub gross: Money,
    /// Existing funding.
    pub existing_funding: Money,
    /// Net.
    pub net: Money,
    /// Zvw.
    pub zvw: Money,
    /// Municipal.
    pub municipal: Money,
    /// Wlz.
    pub wlz: Money,
    /// Conditional Zvw: of the amount paid (the contract, when it differs from the budget).
    pub conditional_zvw: Money,
}

impl Sums {
    fn add(&mut self, l: &LineResult) -> Option<()> {
        self.gross = self.gross.checked_add(l.gross)?;
        self.existing_funding = self.existing_funding.checked_add(l.existing_funding)?;
        self.net = self.net.checked_add(l.net)?;
        self.zvw = self.zvw.checked_add(l.zvw)?;
        self.municipal = self.municipal.checked_add(l.municipal)?;
        self.wlz = self.wlz.checked_add(l.wlz)?;
        if l.status == "conditional" {
            // What is conditional is what would be paid.
            self.conditional_zvw = self.conditional_zvw.checked_add(l.paid_zvw)?;
        }
        Some(())
    }
}

/// The summary of one hoofdtaak or level.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary<K: Serialize> {
    /// The hoofdtaak (1..5) or level.
    pub key: K,
    /// Its amounts.
    pub sums: Sums,
}

/// One year's totals.
#[derive(Clone, Debug, PartialEq)]
pub struct YearTotals {
    /// The year.
    pub year: u16,
    /// Its totals.
    pub sums: Sums,
}

/// `{ <key_name>: key, gross, existingFunding, … }` without serde's `flatten` (which costs
/// tens of kilobytes of Wasm).
fn keyed<S: serde::Serializer, K: Serialize>(
    s: S,
    key_name: &'static str,
    key: &K,
    sums: &Sums,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = s.serialize_struct("Sums", 8)?;
    st.serialize_field(key_name, key)?;
    st.serialize_field("gross", &sums.gross)?;
    st.serialize_field("existingFunding", &sums.existing_funding)?;
    st.serialize_field("net", &sums.net)?;
    st.serialize_field("zvw", &sums.zvw)?;
    st.serialize_field("municipal", &sums.municipal)?;
    st.serialize_field("wlz", &sums.wlz)?;
    st.serialize_field("conditionalZvw", &sums.conditional_zvw)?;
    st.end()
}

impl<K: Serialize> Serialize for Summary<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        keyed(s, "key", &self.key, &self.sums)
    }
}

impl Serialize for YearTotals {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        keyed(s, "year", &self.year, &self.sums)
    }
}

/// The lump sum of a scenario without budget lines, as one line covering every hoofdtaak (so
/// subcontracts check and fund the same way with or without a budget).
pub fn lump_sum_line(amount: Money) -> Line {
    Line {
        id: "lumpSum".into(),
        name: "lumpSum".into(),
        level: Level::Regional,
        main_tasks: experiment::MAIN_TASKS.collect(),
        task_shares: None,
        own_tasks: false,
        amount,
        existing: Money::ZERO,
        existing_years: None,
        funding_reason: None,
        source: None,
        discipline: None,
        split: (Decimal::ONE_HUNDRED, Decimal::ZERO, Decimal::ZERO),
        approved: true,
        wlz_granted: true,
        area: None,
        years: Vec::new(),
    }
}

/// A line's amounts: net, the split (municipal and Wlz rounded half away from zero to the cent,
/// Zvw the rest) and its status.
pub fn line_result(l: &Line, amount: Money) -> Option<LineResult> {
    line_result_with(l, amount, l.existing)
}

/// A line's amounts in `year`: its gross for that year less that year's existing funding.
pub fn line_result_in(l: &Line, year: u16, amount: Money) -> Option<LineResult> {
    let existing = match &l.existing_years {
        Some(given) => given
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(Money::ZERO, |(_, m)| *m),
        None => l.existing,
    };
    line_result_with(l, amount, existing)
}

fn line_result_with(l: &Line, amount: Money, existing: Money) -> Option<LineResult> {
    let net = amount.checked_sub(existing)?;
    let part = |pct: Decimal| -> Option<Money> {
        let v = net
            .value()
            .checked_mul(pct)?
            .checked_div(Decimal::ONE_HUNDRED)?;
        Some(Money::new(v).ok()?.round_half_away_from_zero(2))
    };
    let municipal = part(l.split.1)?;
    let wlz = part(l.split.2)?;
    let zvw = net.checked_sub(municipal)?.checked_sub(wlz)?;
    let mut awaiting = Vec::new();
    if !municipal.value().is_zero() && !l.approved {
        awaiting.push("municipal");
    }
    if !wlz.value().is_zero() && !l.wlz_granted {
        awaiting.push("wlz");
    }
    Some(LineResult {
        id: l.id.clone(),
        name: l.name.clone(),
        level: l.level,
        main_tasks: l.main_tasks.clone(),
        gross: amount,
        existing_funding: existing,
        net,
        zvw,
        paid_zvw: zvw,
        municipal,
        wlz,
        status: if awaiting.is_empty() {
            "final"
        } else {
            "conditional"
        },
        awaiting,
        own_area: l.area.is_some(),
        task_shares: l.task_shares.clone(),
    })
}
