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

pub use pool::Pool;

use crate::area::{self, Area};
use crate::experiment;
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem, Warned, Warning};
use crate::money::Money;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

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
    /// Whether its task-4 part is the wijkverband's own two tasks.
    pub own_tasks: bool,
    /// Gross amount for the scenario's year.
    pub amount: Money,
    /// Existing funding deducted.
    pub existing: Money,
    /// Its source.
    pub source: Option<FundingSource>,
    /// Discipline (monodisciplinary lines).
    pub discipline: Option<Discipline>,
    /// Percentages: Zvw, municipal, Wlz.
    pub split: (Decimal, Decimal, Decimal),
    /// Municipal part granted.
    pub approved: bool,
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
    /// Zvw part (insurers).
    pub zvw: Money,
    /// Municipal part.
    pub municipal: Money,
    /// Wlz part: reported, never allocated (not payable through this prestatie).
    pub wlz: Money,
    /// `"conditional"` while a municipal part waits for the municipality's grant.
    pub status: &'static str,
    /// Whether it serves its own area rather than the whole work area.
    pub own_area: bool,
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
    /// Conditional Zvw.
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
            self.conditional_zvw = self.conditional_zvw.checked_add(l.zvw)?;
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

const LINE_FIELDS: &[&str] = &[
    "id",
    "name",
    "level",
    "mainTasks",
    "ownTasks",
    "amount",
    "amounts",
    "growth",
    "existingFunding",
    "existingFundingSource",
    "discipline",
    "split",
    "municipalApproved",
    "postcodes",
];

/// A split percentage; absent means zero.
fn split_percent(value: &Value, at: &Path, issues: &mut Issues) -> Option<Decimal> {
    if value.is_null() {
        Some(Decimal::ZERO)
    } else {
        read::percent(value, at, issues)
    }
}

fn choice<T: Copy>(
    value: &Value,
    at: &Path,
    options: &[(&str, T)],
    allowed: &'static str,
    issues: &mut Issues,
) -> Option<T> {
    let text = read::text(value, at, issues)?;
    match options.iter().find(|(k, _)| *k == text) {
        Some((_, v)) => Some(*v),
        None => {
            issues.push(at.clone(), Problem::UnknownValue { allowed });
            None
        }
    }
}

/// Reads the budget lines for `year`; line areas must lie inside the work area.
pub fn read_lines(
    value: &Value,
    year: u16,
    work_area: &Area,
    path: &Path,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> Option<Vec<Line>> {
    let items = read::list(value, path, issues)?;
    if items.len() > MAX_LINES {
        issues.push(path.clone(), Problem::TooManyItems { max: MAX_LINES });
        return None;
    }
    let before = issues.as_slice().len();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        if !matches!(item, Value::Object { .. }) {
            read::wrong_type(item, Expected::Object, &at, issues);
            continue;
        }
        read::options(item, LINE_FIELDS, &at, issues);
        let id = read::unique_id(item, path, i, &mut seen, issues);
        let name = match read::field(item, "name") {
            Value::Null => None,
            v => read::text(v, &at.key("name"), issues),
        };
        let level_at = at.key("level");
        let level = match read::field(item, "level") {
            Value::Null => {
                issues.push(level_at, Problem::Missing);
                None
            }
            v => choice(
                v,
                &level_at,
                &[
                    ("regional", Level::Regional),
                    ("neighbourhood", Level::Neighbourhood),
                    ("monodisciplinary", Level::Monodisciplinary),
                ],
                "\"regional\", \"neighbourhood\", \"monodisciplinary\"",
                issues,
            ),
        };
        let tasks_at = at.key("mainTasks");
        let mut tasks = Vec::new();
        if let Some(list) = read::list(read::field(item, "mainTasks"), &tasks_at, issues) {
            if list.is_empty() {
                issues.push(tasks_at.clone(), Problem::NoMainTask);
            }
            for (k, t) in list.iter().enumerate() {
                let t_at = tasks_at.index(k);
                let Some(d) = read::decimal(t, &t_at, issues) else {
                    continue;
                };
                match u8::try_from(d.normalize().mantissa()) {
                    Ok(n) if d.normalize().scale() == 0 && experiment::MAIN_TASKS.contains(&n) => {
                        if !tasks.contains(&n) {
                            tasks.push(n);
                        }
                    }
                    _ => issues.push(t_at, Problem::MainTaskOutOfRange),
                }
            }
        }
        let own_tasks = read::boolean(
            read::field(item, "ownTasks"),
            false,
            &at.key("ownTasks"),
            issues,
        )
        .unwrap_or(false);
        if own_tasks && !tasks.contains(&experiment::OWN_TASKS_MAIN_TASK) && !tasks.is_empty() {
            issues.push(at.key("ownTasks"), Problem::OwnTasksOutsideTask4);
        }
        let amount_at = at.key("amount");
        let base = match read::field(item, "amount") {
            Value::Null if !read::field(item, "amounts").is_null() => None,
            Value::Null => {
                issues.push(amount_at.clone(), Problem::Missing);
                None
            }
            v => read::cents(v, &amount_at, issues),
        };
        let growth_value = read::field(item, "growth");
        let growth = if growth_value.is_null() {
            Decimal::ZERO
        } else {
            read::rate(growth_value, &at.key("growth"), issues).unwrap_or(Decimal::ZERO)
        };
        // Per-year amounts: { "2027": "…", "2028": "…" }.
        let mut given: Vec<(u16, Money)> = Vec::new();
        let amounts_value = read::field(item, "amounts");
        if !amounts_value.is_null() {
            let a_at = at.key("amounts");
            match amounts_value {
                Value::Object { fields, .. } => {
                    for (k, v) in fields {
                        let y_at = a_at.key(k);
                        match k.parse::<u16>() {
                            Ok(y) if experiment::ACCEPTED_YEARS.contains(&y) => {
                                if let Some(m) = read::cents(v, &y_at, issues) {
                                    given.push((y, m));
                                }
                            }
                            _ => issues.push(
                                y_at,
                                Problem::UnknownValue {
                                    allowed: "2027..2031",
                                },
                            ),
                        }
                    }
                }
                other => read::wrong_type(other, Expected::Object, &a_at, issues),
            }
        }
        let amount_for = |y: u16| -> Option<Money> {
            if let Some((_, m)) = given.iter().find(|(gy, _)| *gy == y) {
                return Some(*m);
            }
            base?.compounded(growth, y.saturating_sub(BASE_YEAR))
        };
        let mut years: Vec<(u16, Money)> = Vec::new();
        for y in BASE_YEAR..=EXPERIMENT_YEARS.1.max(year) {
            if let Some(m) = amount_for(y) {
                years.push((y, m));
            }
        }
        let amount = amount_for(year);
        if amount.is_none() && base.is_none() && !amounts_value.is_null() {
            issues.push(at.key("amounts").key(&year.to_string()), Problem::Missing);
        }
        let existing_at = at.key("existingFunding");
        let existing = match read::field(item, "existingFunding") {
            Value::Null => Some(Money::ZERO),
            v => read::cents(v, &existing_at, issues),
        };
        if let (Some(a), Some(e)) = (amount, existing) {
            if e.value() > a.value() {
                issues.push(existing_at.clone(), Problem::FundingAboveAmount);
            }
        }
        let source = match read::field(item, "existingFundingSource") {
            Value::Null => None,
            v => choice(
                v,
                &at.key("existingFundingSource"),
                &[
                    ("oi", FundingSource::OI),
                    ("districtNursing", FundingSource::DistrictNursing),
                    ("patientGroups", FundingSource::PatientGroups),
                    ("zonmw", FundingSource::Zonmw),
                    ("other", FundingSource::Other),
                ],
                "\"oi\", \"districtNursing\", \"patientGroups\", \"zonmw\", \"other\"",
                issues,
            ),
        };
        let discipline = match read::field(item, "discipline") {
            Value::Null => None,
            v => choice(
                v,
                &at.key("discipline"),
                &[
                    ("gp", Discipline::Gp),
                    ("districtNursing", Discipline::DistrictNursing),
                    ("pharmacy", Discipline::Pharmacy),
                    ("physiotherapy", Discipline::Physiotherapy),
                    ("other", Discipline::Other),
                ],
                "\"gp\", \"districtNursing\", \"pharmacy\", \"physiotherapy\", \"other\"",
                issues,
            ),
        };
        // The split: percentages summing to 100; default all Zvw.
        let split_at = at.key("split");
        let split_value = read::field(item, "split");
        let split = if split_value.is_null() {
            Some((Decimal::ONE_HUNDRED, Decimal::ZERO, Decimal::ZERO))
        } else if read::options(split_value, &["zvw", "municipal", "wlz"], &split_at, issues) {
            let z = split_percent(
                read::field(split_value, "zvw"),
                &split_at.key("zvw"),
                issues,
            );
            let m = split_percent(
                read::field(split_value, "municipal"),
                &split_at.key("municipal"),
                issues,
            );
            let w = split_percent(
                read::field(split_value, "wlz"),
                &split_at.key("wlz"),
                issues,
            );
            match (z, m, w) {
                (Some(z), Some(m), Some(w)) => {
                    let sum = z.checked_add(m).and_then(|s| s.checked_add(w));
                    if sum != Some(Decimal::ONE_HUNDRED) {
                        issues.push(
                            split_at.clone(),
                            Problem::PercentagesNotHundred {
                                sum: sum.map(|s| s.normalize().to_string()).unwrap_or_default(),
                            },
                        );
                        None
                    } else {
                        Some((z, m, w))
                    }
                }
                _ => None,
            }
        } else {
            None
        };
        let approved = read::boolean(
            read::field(item, "municipalApproved"),
            false,
            &at.key("municipalApproved"),
            issues,
        )
        .unwrap_or(false);
        let area_value = read::field(item, "postcodes");
        let line_area = if area_value.is_null() {
            Some(None)
        } else {
            let a_at = at.key("postcodes");
            match area::read_area(area_value, &a_at, issues, warnings) {
                Some(a) => {
                    if !work_area.is_everything() && !a.spans.iter().all(|s| covered(s, work_area))
                    {
                        issues.push(a_at, Problem::AreaOutsideWorkArea);
                        None
                    } else {
                        Some(Some(a))
                    }
                }
                None => None,
            }
        };
        if let (Some(id), Some(level), Some(amount), Some(existing), Some(split), Some(line_area)) =
            (id, level, amount, existing, split, line_area)
        {
            lines.push(Line {
                id: id.to_owned(),
                name: name.unwrap_or(id).to_owned(),
                level,
                main_tasks: tasks,
                own_tasks,
                amount,
                existing,
                source,
                discipline,
                split,
                approved,
                area: line_area,
                years,
            });
        }
    }
    if issues.as_slice().len() > before {
        return None;
    }
    // Double funding: a monodisciplinary line for GPs (O&I) or district nursing (coordination)
    // claims what that discipline may already be paid for, unless it deducts that funding.
    for (i, l) in lines.iter().enumerate() {
        let paid = match l.discipline {
            Some(Discipline::Gp) => Some(FundingSource::OI),
            Some(Discipline::DistrictNursing) => Some(FundingSource::DistrictNursing),
            _ => None,
        };
        if let (Level::Monodisciplinary, Some(source)) = (l.level, paid) {
            if l.source != Some(source) || l.existing.value().is_zero() {
                warnings.push(Warned {
                    path: path.index(i),
                    warning: Warning::PossiblyFundedElsewhere {
                        line: l.id.clone(),
                        funding: match source {
                            FundingSource::OI => "O&I",
                            _ => "coördinatie wijkverpleging",
                        },
                    },
                });
            }
        }
    }
    Some(lines)
}

/// The lump sum of a scenario without budget lines, as one line covering every hoofdtaak (so
/// subcontracts check and fund the same way with or without a budget).
pub fn lump_sum_line(amount: Money) -> Line {
    Line {
        id: "lumpSum".into(),
        name: "lumpSum".into(),
        level: Level::Regional,
        main_tasks: vec![1, 2, 3, 4, 5],
        own_tasks: false,
        amount,
        existing: Money::ZERO,
        source: None,
        discipline: None,
        split: (Decimal::ONE_HUNDRED, Decimal::ZERO, Decimal::ZERO),
        approved: true,
        area: None,
        years: Vec::new(),
    }
}

/// Whether a span lies inside the work area's spans (a line area must not reach outside it).
fn covered(span: &crate::market::Span, work: &Area) -> bool {
    work.spans
        .iter()
        .any(|w| w.lo <= span.lo && span.hi <= w.hi)
}

/// A line's amounts: net, the split (municipal and Wlz rounded half away from zero to the cent,
/// Zvw the rest) and its status.
pub fn line_result(l: &Line, amount: Money) -> Option<LineResult> {
    let net = amount.checked_sub(l.existing)?;
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
    Some(LineResult {
        id: l.id.clone(),
        name: l.name.clone(),
        level: l.level,
        main_tasks: l.main_tasks.clone(),
        gross: amount,
        existing_funding: l.existing,
        net,
        zvw,
        municipal,
        wlz,
        status: if municipal.value() > Decimal::ZERO && !l.approved {
            "conditional"
        } else {
            "final"
        },
        own_area: l.area.is_some(),
    })
}

/// Totals over lines.
pub fn totals(lines: &[LineResult]) -> Option<Sums> {
    let mut s = Sums::default();
    for l in lines {
        s.add(l)?;
    }
    Some(s)
}

/// Per level, each adding up to the totals.
pub fn by_level(lines: &[LineResult]) -> Option<Vec<Summary<Level>>> {
    Level::ALL
        .iter()
        .map(|&level| {
            let mut s = Sums::default();
            for l in lines.iter().filter(|l| l.level == level) {
                s.add(l)?;
            }
            Some(Summary {
                key: level,
                sums: s,
            })
        })
        .collect()
}

/// Per hoofdtaak (1..5): a line's amounts split equally over its tasks (largest remainder,
/// the odd cent to the first-listed task), so the five add up to the totals.
pub fn by_main_task(lines: &[LineResult]) -> Option<Vec<Summary<u8>>> {
    let mut out: Vec<Summary<u8>> = experiment::MAIN_TASKS
        .map(|t| Summary {
            key: t,
            sums: Sums::default(),
        })
        .collect();
    let cent = Decimal::new(1, 2);
    for l in lines {
        let k = l.main_tasks.len();
        if k == 0 {
            continue;
        }
        let ones = vec![Decimal::ONE; k];
        let part = |m: Money| crate::split::split(m.value(), &ones, cent).ok();
        let (g, e, n, z, mu, w) = (
            part(l.gross)?,
            part(l.existing_funding)?,
            part(l.net)?,
            part(l.zvw)?,
            part(l.municipal)?,
            part(l.wlz)?,
        );
        for (j, &task) in l.main_tasks.iter().enumerate() {
            let slot = out.get_mut(usize::from(task).checked_sub(1)?)?;
            let piece = LineResult {
                gross: Money::new(*g.get(j)?).ok()?,
                existing_funding: Money::new(*e.get(j)?).ok()?,
                net: Money::new(*n.get(j)?).ok()?,
                zvw: Money::new(*z.get(j)?).ok()?,
                municipal: Money::new(*mu.get(j)?).ok()?,
                wlz: Money::new(*w.get(j)?).ok()?,
                ..l.clone()
            };
            slot.sums.add(&piece)?;
        }
    }
    Some(out)
}
