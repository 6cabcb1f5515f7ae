//! The reading phase: a scenario's loose input becomes a [`ScenarioInput`], or every problem
//! found in it, each with its path. Nothing is computed here.

use super::notes::Notes;
use crate::area::{self, Area};
use crate::budget::{self, Line, Pooling};
use crate::estimate;
use crate::experiment;
use crate::flows::{self, Hoofdaannemer, Subcontract};
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem, ShareSource, Warned, Warning};
use crate::market::{self, Market};
use crate::mdz;
use crate::money::Money;
use crate::municipality::{self, Municipality};
use crate::verdeelsleutel::{self, Settings};
use rust_decimal::Decimal;

/// The fields a scenario may have (so far).
const FIELDS: &[&str] = &[
    "year",
    "name",
    "lumpSum",
    "market",
    "estimate",
    "workArea",
    "insurers",
    "allocateBy",
    "rounding",
    "coAssessmentThreshold",
    "illustrative",
    "budget",
    "municipalities",
    "leadMunicipality",
    "schedule",
    "pooling",
    "marketLeaders",
    "coAssessor",
    "contracts",
    "hoofdaannemer",
    "subcontracts",
    "mdz",
];

/// The market table a scenario is calculated on: the caller's parsed table, or one made from
/// the scenario's rows or estimate.
pub(super) enum MarketData<'m> {
    /// A table the caller parsed (`parseMarketCsv`).
    Given(&'m Market),
    /// A table made here.
    Made(Market),
}

impl MarketData<'_> {
    /// The table.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn table(&self) -> &Market {
        match self {
            MarketData::Given(m) => m,
            MarketData::Made(m) => m,
        }
    }
}

/// Everything a scenario says, read and checked.
pub(super) struct ScenarioInput<'m> {
    /// The scenario's name.
    pub name: Option<String>,
    /// The budget year.
    pub year: u16,
    /// The contracted lump sum, when given.
    pub lump_sum: Option<Money>,
    /// The verdeelsleutel settings.
    pub settings: Settings,
    /// Whether the data are marked illustrative.
    pub illustrative: bool,
    /// The work area.
    pub area: Area,
    /// The budget lines (none: the lump sum is the whole budget).
    pub lines: Vec<Line>,
    /// Without budget lines, the lump sum as one line covering every hoofdtaak, so that
    /// subcontracts are checked and funded the same way.
    pub lump_line: Option<Line>,
    /// The municipalities.
    pub municipalities: Vec<Municipality>,
    /// The mandaatgemeente, when named.
    pub lead: Option<String>,
    /// Quarterly instalments instead of monthly.
    pub quarterly: bool,
    /// The verdeelsleutel of the Zvw parts.
    pub pooling: Pooling,
    /// Who assesses and on what terms each insurer pays.
    pub roles: super::roles::Roles,
    /// The hoofdaannemer, when given.
    pub hoofdaannemer: Option<Hoofdaannemer>,
    /// Onderlinge dienstverlening.
    pub subcontracts: Vec<Subcontract>,
    /// The MDZ options.
    pub mdz: mdz::Options,
    /// The market table.
    pub market: MarketData<'m>,
    /// Where an estimate's shares come from, when the table is an estimate.
    pub estimated: Option<ShareSource>,
    /// An estimate's shares added up (residents = insured persons / this).
    pub share_sum: Option<Decimal>,
}

impl<'m> ScenarioInput<'m> {
    /// Reads a whole scenario, collecting every problem; the warnings met while reading go to
    /// `notes`. `table` is the caller's parsed market table, if any.
    ///
    /// # Errors
    /// Every problem found, with its path.
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn read(
        scenario: &Value,
        table: Option<&'m Market>,
        notes: &mut Notes,
    ) -> Result<Self, Issues> {
        let mut issues = Issues::new();
        let root = Path::root();
        if !matches!(scenario, Value::Object { .. }) {
            read::wrong_type(scenario, Expected::Object, &root, &mut issues);
            return Err(issues);
        }
        read::options(scenario, FIELDS, &root, &mut issues);
        let field = |name: &str| read::field(scenario, name);
        let year = read_year(field("year"), &root.key("year"), &mut issues);
        let name = read_name(field("name"), &root.key("name"), &mut issues);
        let has_budget = !field("budget").is_null();
        let lump_sum = read_lump_sum(field("lumpSum"), has_budget, &root, &mut issues);
        let mut settings = verdeelsleutel::read_settings(scenario, &root, &mut issues);
        let roles = super::roles::Roles::read(scenario, &root, &mut issues);
        settings.absorbers = roles.leaders();
        let illustrative = read::boolean(
            field("illustrative"),
            false,
            &root.key("illustrative"),
            &mut issues,
        );
        let warnings = &mut notes.reading;
        let area = match field("workArea") {
            Value::Null => Some(Area::everything()),
            v => area::read_area(v, &root.key("workArea"), &mut issues, warnings),
        };
        if let Some(y) = year.filter(|y| !experiment::is_experiment_year(*y)) {
            warnings.push(Warned {
                path: root.key("year"),
                warning: Warning::YearOutsideExperiment { year: y },
            });
        }
        let lines = match (has_budget, &area, year) {
            (true, Some(a), Some(y)) => budget::read_lines(
                field("budget"),
                y,
                a,
                &root.key("budget"),
                &mut issues,
                warnings,
            ),
            _ => Some(Vec::new()),
        };
        let (municipalities, lead) = read_municipal(scenario, &root, &mut issues, warnings);
        let quarterly = read_schedule(field("schedule"), &root.key("schedule"), &mut issues);
        let pooling = read_pooling(field("pooling"), &root.key("pooling"), &mut issues);
        let hoofdaannemer = match field("hoofdaannemer") {
            Value::Null => Some(None),
            v => flows::read_hoofdaannemer(v, &root.key("hoofdaannemer"), &mut issues).map(Some),
        };
        let mdz = mdz::read_options(field("mdz"), &root.key("mdz"), &mut issues);
        let lump_line = match (&lines, &lump_sum) {
            (Some(ls), Some(Some(m))) if ls.is_empty() => Some(budget::lump_sum_line(*m)),
            _ => None,
        };
        let subcontracts = read_subcontracts(
            field("subcontracts"),
            lines.as_deref(),
            lump_line.as_ref(),
            hoofdaannemer.as_ref(),
            &mut issues,
        );
        let market = read_market(scenario, table, area.as_ref(), &root, &mut issues);
        let (
            Some(year),
            Some(lump_sum),
            Some(area),
            Some((market, estimated, share_sum)),
            Some(lines),
            Some(municipalities),
            Some(hoofdaannemer),
            Some(subcontracts),
            Some(mdz),
            true,
        ) = (
            year,
            lump_sum,
            area,
            market,
            lines,
            municipalities,
            hoofdaannemer,
            subcontracts,
            mdz,
            issues.is_empty(),
        )
        else {
            return Err(issues);
        };
        Ok(ScenarioInput {
            name,
            year,
            lump_sum,
            settings,
            illustrative: illustrative == Some(true),
            area,
            lines,
            lump_line,
            municipalities,
            lead,
            quarterly,
            pooling,
            roles,
            hoofdaannemer,
            subcontracts,
            mdz,
            market,
            estimated,
            share_sum,
        })
    }

    /// Whether the RESV's written agreement with the insurers (art. 4.1) is recorded.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn agreed(&self) -> bool {
        self.hoofdaannemer.as_ref().is_some_and(|h| h.agreement)
    }

    /// The kassier that receives the money on behalf of the RESV, if any.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn kassier(&self) -> Option<&str> {
        self.hoofdaannemer.as_ref().and_then(Hoofdaannemer::payee)
    }

    /// The market table.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn market(&self) -> &Market {
        self.market.table()
    }

    /// Where a problem with the work area is reported: `workArea`, or `market` when the work
    /// area is the whole table.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn area_path(&self) -> Path {
        if self.area.is_everything() {
            Path::root().key("market")
        } else {
            Path::root().key("workArea")
        }
    }
}

/// Reads the subcontracts against the lines (or the lump sum as one line) and the
/// hoofdaannemer; `None` when either could not be read.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_subcontracts(
    value: &Value,
    lines: Option<&[Line]>,
    lump_line: Option<&Line>,
    hoofdaannemer: Option<&Option<Hoofdaannemer>>,
    issues: &mut Issues,
) -> Option<Vec<Subcontract>> {
    if value.is_null() {
        return Some(Vec::new());
    }
    let root = Path::root();
    flows::read_subcontracts(
        value,
        &root.key("subcontracts"),
        lump_line.map_or(lines?, std::slice::from_ref),
        hoofdaannemer?.as_ref(),
        issues,
    )
}

/// Reads an optional whole year.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_year(value: &Value, at: &Path, issues: &mut Issues) -> Option<u16> {
    if value.is_null() {
        return Some(experiment::FIRST_YEAR);
    }
    let d = read::decimal(value, at, issues)?;
    match u16::try_from(d.normalize().mantissa()) {
        Ok(y) if d.normalize().scale() == 0 && experiment::ACCEPTED_YEARS.contains(&y) => Some(y),
        _ => {
            issues.push(
                at.clone(),
                Problem::UnknownValue {
                    allowed: experiment::ACCEPTED_YEARS_TEXT,
                },
            );
            None
        }
    }
}

/// Reads the optional name.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_name(value: &Value, at: &Path, issues: &mut Issues) -> Option<String> {
    if value.is_null() {
        None
    } else {
        read::text(value, at, issues).map(str::to_owned)
    }
}

/// Reads the contracted lump sum: required without a budget; `Some(None)` when absent.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_lump_sum(
    value: &Value,
    has_budget: bool,
    root: &Path,
    issues: &mut Issues,
) -> Option<Option<Money>> {
    let at = root.key("lumpSum");
    match value {
        Value::Null if has_budget => Some(None),
        Value::Null => {
            issues.push(at, Problem::Missing);
            None
        }
        // A negative lump sum is a correction, allocated mirrored (as `allocate` does).
        v => read::signed_cents(v, &at, issues).map(Some),
    }
}

/// Reads the municipalities and the mandaatgemeente.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_municipal(
    scenario: &Value,
    root: &Path,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> (Option<Vec<Municipality>>, Option<String>) {
    let municipalities = match read::field(scenario, "municipalities") {
        Value::Null => Some(Vec::new()),
        v => municipality::read_municipalities(v, &root.key("municipalities"), issues, warnings),
    };
    let lead = read_lead(
        read::field(scenario, "leadMunicipality"),
        municipalities.as_deref(),
        root,
        issues,
    );
    (municipalities, lead)
}

/// Reads the mandaatgemeente, which must be one of the municipalities.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_lead(
    value: &Value,
    municipalities: Option<&[Municipality]>,
    root: &Path,
    issues: &mut Issues,
) -> Option<String> {
    if value.is_null() {
        return None;
    }
    let at = root.key("leadMunicipality");
    let id = read::text(value, &at, issues);
    if let (Some(id), Some(ms)) = (id, municipalities) {
        if !ms.iter().any(|m| m.id == id) {
            issues.push(
                at,
                Problem::UnknownValue {
                    allowed: "municipalities[].id",
                },
            );
        }
    }
    id.map(str::to_owned)
}

/// Reads the pooling choice (default: the work area).
#[cfg_attr(resv_optimize, optimize(size))]
fn read_pooling(value: &Value, at: &Path, issues: &mut Issues) -> Pooling {
    if value.is_null() {
        return Pooling::WorkArea;
    }
    match read::text(value, at, issues) {
        Some("workArea") | None => Pooling::WorkArea,
        Some("lineAreas") => Pooling::LineAreas,
        Some(_) => {
            issues.push(
                at.clone(),
                Problem::UnknownValue {
                    allowed: "\"workArea\", \"lineAreas\"",
                },
            );
            Pooling::WorkArea
        }
    }
}

/// Reads the payment schedule: whether it is quarterly.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_schedule(value: &Value, at: &Path, issues: &mut Issues) -> bool {
    if value.is_null() {
        return false;
    }
    match read::text(value, at, issues) {
        Some("quarterly") => true,
        Some("monthly") | None => false,
        Some(_) => {
            issues.push(
                at.clone(),
                Problem::UnknownValue {
                    allowed: "\"monthly\", \"quarterly\"",
                },
            );
            false
        }
    }
}

/// Finds the market table: the caller's, the scenario's rows, or an estimate over the work
/// area (exactly one of them), with the estimate's source.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_market<'m>(
    scenario: &Value,
    table: Option<&'m Market>,
    area: Option<&Area>,
    root: &Path,
    issues: &mut Issues,
) -> Option<(MarketData<'m>, Option<ShareSource>, Option<Decimal>)> {
    let market_path = root.key("market");
    let rows = read::field(scenario, "market");
    let estimate = read::field(scenario, "estimate");
    if !estimate.is_null() && (table.is_some() || !rows.is_null()) {
        issues.push(
            root.key("estimate"),
            Problem::ExclusiveWith { other: market_path },
        );
        return None;
    }
    if let Some(t) = table {
        return Some((MarketData::Given(t), None, None));
    }
    match (rows, estimate) {
        (Value::Null, Value::Null) => {
            issues.push(market_path, Problem::Missing);
            None
        }
        (Value::Null, e) => match area {
            Some(a) if a.is_everything() => {
                issues.push(root.key("workArea"), Problem::Missing);
                None
            }
            Some(a) => {
                estimate::read_estimate(e, &a.spans, &root.key("estimate"), issues).map(|e| {
                    (
                        MarketData::Made(e.market),
                        Some(e.source),
                        Some(e.share_sum),
                    )
                })
            }
            None => None,
        },
        (rows, _) => match market::from_rows(rows, &market_path) {
            Ok(m) => Some((MarketData::Made(m), None, None)),
            Err(e) => {
                issues.extend(e);
                None
            }
        },
    }
}
