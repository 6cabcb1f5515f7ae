//! Reading budget lines: every field of every line checked, every problem collected with
//! its path; then the double-funding check over the lines read.

use super::{Discipline, FundingSource, Level, Line, BASE_YEAR, EXPERIMENT_YEARS, MAX_LINES};
use crate::area::{self, Area};
use crate::experiment;
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, PaidThrough, Path, Problem, Warned, Warning};
use crate::money::Money;
use rust_decimal::Decimal;
use std::collections::HashMap;

const LINE_FIELDS: &[&str] = &[
    "id",
    "name",
    "level",
    "mainTasks",
    "taskShares",
    "ownTasks",
    "amount",
    "amounts",
    "growth",
    "existingFunding",
    "existingFundingSource",
    "existingFundingReason",
    "discipline",
    "split",
    "municipalApproved",
    "wlzGranted",
    "postcodes",
];

/// A split percentage; absent means zero.
#[cfg_attr(resv_optimize, optimize(size))]
fn split_percent(value: &Value, at: &Path, issues: &mut Issues) -> Option<Decimal> {
    if value.is_null() {
        Some(Decimal::ZERO)
    } else {
        read::percent(value, at, issues)
    }
}

/// One of a fixed set of texts, as its value; `None` (and an issue) for any other text.
#[cfg_attr(resv_optimize, optimize(size))]
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

/// An optional field read by `f`: `Some(None)` when absent.
#[cfg_attr(resv_optimize, optimize(size))]
fn optional<T>(value: &Value, f: impl FnOnce(&Value) -> Option<T>) -> Option<Option<T>> {
    if value.is_null() {
        Some(None)
    } else {
        f(value).map(Some)
    }
}

/// Reads the budget lines for `year`; line areas must lie inside the work area.
#[cfg_attr(resv_optimize, optimize(size))]
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
        let line = read_line(item, &at, year, work_area, issues, warnings);
        if let (Some(id), Some(line)) = (id, line) {
            lines.push(Line {
                id: id.to_owned(),
                name: line.name.unwrap_or(id).to_owned(),
                ..line.line
            });
        }
    }
    if issues.as_slice().len() > before {
        return None;
    }
    double_funding(&lines, path, year, warnings);
    Some(lines)
}

/// A line as read, before its id is known to be unique.
struct Read<'v> {
    name: Option<&'v str>,
    line: Line,
}

/// Reads one line's fields (all but its id), in the order of the line's documentation.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_line<'v>(
    item: &'v Value,
    at: &Path,
    year: u16,
    work_area: &Area,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> Option<Read<'v>> {
    let field = |name: &str| read::field(item, name);
    let name = match read::field(item, "name") {
        Value::Null => Some(None),
        v => read::text(v, &at.key("name"), issues).map(Some),
    };
    let level = read_level(field("level"), &at.key("level"), issues);
    let tasks = read_main_tasks(field("mainTasks"), &at.key("mainTasks"), issues);
    let task_shares = read_task_shares(field("taskShares"), &at.key("taskShares"), &tasks, issues);
    let own_tasks =
        read::boolean(field("ownTasks"), false, &at.key("ownTasks"), issues).unwrap_or(false);
    if own_tasks && !tasks.contains(&experiment::OWN_TASKS_MAIN_TASK) && !tasks.is_empty() {
        issues.push(at.key("ownTasks"), Problem::OwnTasksOutsideTask4);
    }
    let (amount, years) = read_amounts(item, at, year, issues);
    let funding = read_funding(item, at, year, amount, &years, issues);
    let existing_years = funding.existing;
    let existing = existing_years.as_ref().map(|e| e.for_year(year));
    let (source, funding_reason) = (funding.source, funding.reason);
    let discipline = optional(field("discipline"), |v| {
        choice(
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
        )
    })
    .flatten();
    let split = read_split(field("split"), &at.key("split"), issues);
    let approved = read::boolean(
        field("municipalApproved"),
        false,
        &at.key("municipalApproved"),
        issues,
    )
    .unwrap_or(false);
    let wlz_granted =
        read::boolean(field("wlzGranted"), false, &at.key("wlzGranted"), issues).unwrap_or(false);
    let area = read_line_area(
        field("postcodes"),
        &at.key("postcodes"),
        work_area,
        issues,
        warnings,
    );
    Some(Read {
        name: name?,
        line: Line {
            id: String::new(),
            name: String::new(),
            level: level?,
            main_tasks: tasks,
            task_shares: task_shares?,
            own_tasks,
            amount: amount?,
            existing: existing?,
            existing_years: match existing_years? {
                Existing::PerYear(given) => Some(given),
                Existing::Every(_) => None,
            },
            funding_reason,
            source,
            discipline,
            split: split?,
            approved,
            wlz_granted,
            area: area?,
            years,
        },
    })
}

/// A line's existing funding as read.
struct Funding {
    existing: Option<Existing>,
    source: Option<FundingSource>,
    reason: Option<String>,
}

/// Reads `existingFunding` (every year or per year; never above the line's amount in a year),
/// its source, and the reason bouwsteen 7 asks for beside O&I, wijkverpleging or
/// patiëntgroepen funding.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_funding(
    item: &Value,
    at: &Path,
    year: u16,
    amount: Option<Money>,
    years: &[(u16, Money)],
    issues: &mut Issues,
) -> Funding {
    let field = |name: &str| read::field(item, name);
    let existing_at = at.key("existingFunding");
    let existing_years = read_existing(field("existingFunding"), &existing_at, issues);
    let existing = existing_years.as_ref().map(|e| e.for_year(year));
    if let (Some(a), Some(e)) = (amount, existing) {
        if e.value() > a.value() {
            issues.push(existing_at.clone(), Problem::FundingAboveAmount);
        }
    }
    if let Some(Existing::PerYear(given)) = &existing_years {
        for (y, e) in given {
            let gross = years.iter().find(|(gy, _)| gy == y).map(|(_, m)| *m);
            if *y != year && gross.is_some_and(|g| e.value() > g.value()) {
                issues.push(existing_at.key(&y.to_string()), Problem::FundingAboveAmount);
            }
        }
    }
    let source = optional(field("existingFundingSource"), |v| {
        choice(
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
        )
    })
    .flatten();
    // Bouwsteen 7 asks why a line is additional to funding its discipline already has.
    let reason_at = at.key("existingFundingReason");
    let funding_reason = match field("existingFundingReason") {
        Value::Null => None,
        v => read::text(v, &reason_at, issues)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
    };
    let needs_reason = matches!(
        source,
        Some(FundingSource::OI | FundingSource::DistrictNursing | FundingSource::PatientGroups)
    ) && existing.is_some_and(|e| !e.value().is_zero());
    if needs_reason && funding_reason.is_none() {
        issues.push(reason_at, Problem::Missing);
    }
    Funding {
        existing: existing_years,
        source,
        reason: funding_reason,
    }
}

/// The line's level (required).
#[cfg_attr(resv_optimize, optimize(size))]
fn read_level(value: &Value, at: &Path, issues: &mut Issues) -> Option<Level> {
    if value.is_null() {
        issues.push(at.clone(), Problem::Missing);
        return None;
    }
    choice(
        value,
        at,
        &[
            ("regional", Level::Regional),
            ("neighbourhood", Level::Neighbourhood),
            ("monodisciplinary", Level::Monodisciplinary),
        ],
        "\"regional\", \"neighbourhood\", \"monodisciplinary\"",
        issues,
    )
}

/// The line's hoofdtaken: at least one, each 1..5, each once.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_main_tasks(value: &Value, at: &Path, issues: &mut Issues) -> Vec<u8> {
    let mut tasks = Vec::new();
    let Some(list) = read::list(value, at, issues) else {
        return tasks;
    };
    if list.is_empty() {
        issues.push(at.clone(), Problem::NoMainTask);
    }
    for (k, t) in list.iter().enumerate() {
        let t_at = at.index(k);
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
    tasks
}

/// A line's existing funding: one amount for every year, or per year.
enum Existing {
    Every(Money),
    PerYear(Vec<(u16, Money)>),
}

impl Existing {
    #[cfg_attr(resv_optimize, optimize(size))]
    fn for_year(&self, year: u16) -> Money {
        match self {
            Existing::Every(m) => *m,
            Existing::PerYear(given) => given
                .iter()
                .find(|(y, _)| *y == year)
                .map_or(Money::ZERO, |(_, m)| *m),
        }
    }
}

/// `existingFunding`: an amount (the same every year) or `{ "2027": "…", "2028": "…" }` (a
/// year not named has none).
#[cfg_attr(resv_optimize, optimize(size))]
fn read_existing(value: &Value, at: &Path, issues: &mut Issues) -> Option<Existing> {
    match value {
        Value::Null => Some(Existing::Every(Money::ZERO)),
        Value::Object { .. } => {
            let before = issues.as_slice().len();
            let given = read_year_amounts(value, at, issues);
            (issues.as_slice().len() == before).then_some(Existing::PerYear(given))
        }
        v => read::cents(v, at, issues).map(Existing::Every),
    }
}

/// The line's task shares, `{ "4": "80", "5": "20" }`: percentages of its hoofdtaken adding up
/// to 100 (a task not named gets 0), aligned with `tasks`; `Some(None)` when absent.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_task_shares(
    value: &Value,
    at: &Path,
    tasks: &[u8],
    issues: &mut Issues,
) -> Option<Option<Vec<Decimal>>> {
    let fields = match value {
        Value::Null => return Some(None),
        Value::Object { fields, .. } => fields,
        other => {
            read::wrong_type(other, Expected::Object, at, issues);
            return None;
        }
    };
    let mut shares = vec![Decimal::ZERO; tasks.len()];
    let mut ok = true;
    for (k, v) in fields {
        let t_at = at.key(k);
        let task = k.parse::<u8>().ok();
        let slot = task.and_then(|t| tasks.iter().position(|x| *x == t));
        let p = read::percent(v, &t_at, issues);
        match (slot.and_then(|i| shares.get_mut(i)), p) {
            (Some(s), Some(p)) => *s = p,
            (None, _) => {
                let problem = match task.filter(|t| experiment::MAIN_TASKS.contains(t)) {
                    Some(task) => Problem::TaskOutsideLines { task },
                    None => Problem::MainTaskOutOfRange,
                };
                issues.push(t_at, problem);
                ok = false;
            }
            (_, None) => ok = false,
        }
    }
    if !ok {
        return None;
    }
    let sum = shares
        .iter()
        .try_fold(Decimal::ZERO, |a, s| a.checked_add(*s));
    if sum != Some(Decimal::ONE_HUNDRED) {
        issues.push(
            at.clone(),
            Problem::PercentagesNotHundred {
                sum: sum.map(|s| s.normalize()),
            },
        );
        return None;
    }
    Some(Some(shares))
}

/// The line's amount for `year` and its amounts per year: `amounts` per year where given,
/// else `amount` compounded by `growth` from the base year.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_amounts(
    item: &Value,
    at: &Path,
    year: u16,
    issues: &mut Issues,
) -> (Option<Money>, Vec<(u16, Money)>) {
    let amount_at = at.key("amount");
    let amounts_value = read::field(item, "amounts");
    let base = match read::field(item, "amount") {
        Value::Null if !amounts_value.is_null() => None,
        Value::Null => {
            issues.push(amount_at, Problem::Missing);
            None
        }
        v => read::cents(v, &amount_at, issues),
    };
    let growth = match read::field(item, "growth") {
        Value::Null => Decimal::ZERO,
        v => read::rate(v, &at.key("growth"), issues).unwrap_or(Decimal::ZERO),
    };
    let given = read_year_amounts(amounts_value, &at.key("amounts"), issues);
    let amount_for = |y: u16| -> Option<Money> {
        if let Some((_, m)) = given.iter().find(|(gy, _)| *gy == y) {
            return Some(*m);
        }
        base?.compounded(growth, y.saturating_sub(BASE_YEAR))
    };
    let years = (BASE_YEAR..=EXPERIMENT_YEARS.1.max(year))
        .filter_map(|y| amount_for(y).map(|m| (y, m)))
        .collect();
    let amount = amount_for(year);
    if amount.is_none() && base.is_none() && !amounts_value.is_null() {
        issues.push(at.key("amounts").key(&year.to_string()), Problem::Missing);
    }
    (amount, years)
}

/// Per-year amounts: `{ "2027": "…", "2028": "…" }`.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_year_amounts(value: &Value, at: &Path, issues: &mut Issues) -> Vec<(u16, Money)> {
    let mut given = Vec::new();
    match value {
        Value::Null => {}
        Value::Object { fields, .. } => {
            for (k, v) in fields {
                let y_at = at.key(k);
                match k.parse::<u16>() {
                    Ok(y) if experiment::ACCEPTED_YEARS.contains(&y) => {
                        if let Some(m) = read::cents(v, &y_at, issues) {
                            given.push((y, m));
                        }
                    }
                    _ => issues.push(
                        y_at,
                        Problem::UnknownValue {
                            allowed: experiment::ACCEPTED_YEARS_TEXT,
                        },
                    ),
                }
            }
        }
        other => read::wrong_type(other, Expected::Object, at, issues),
    }
    given
}

/// The split: percentages Zvw, municipal and Wlz summing to 100; absent: all Zvw.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_split(
    value: &Value,
    at: &Path,
    issues: &mut Issues,
) -> Option<(Decimal, Decimal, Decimal)> {
    if value.is_null() {
        return Some((Decimal::ONE_HUNDRED, Decimal::ZERO, Decimal::ZERO));
    }
    if !read::options(value, &["zvw", "municipal", "wlz"], at, issues) {
        return None;
    }
    let z = split_percent(read::field(value, "zvw"), &at.key("zvw"), issues);
    let m = split_percent(
        read::field(value, "municipal"),
        &at.key("municipal"),
        issues,
    );
    let w = split_percent(read::field(value, "wlz"), &at.key("wlz"), issues);
    let (z, m, w) = (z?, m?, w?);
    let sum = z.checked_add(m).and_then(|s| s.checked_add(w));
    if sum == Some(Decimal::ONE_HUNDRED) {
        return Some((z, m, w));
    }
    issues.push(
        at.clone(),
        Problem::PercentagesNotHundred {
            sum: sum.map(|s| s.normalize()),
        },
    );
    None
}

/// The line's own area (`Some(None)` when absent), which must lie inside the work area.
#[cfg_attr(resv_optimize, optimize(size))]
fn read_line_area(
    value: &Value,
    at: &Path,
    work_area: &Area,
    issues: &mut Issues,
    warnings: &mut Vec<Warned>,
) -> Option<Option<Area>> {
    if value.is_null() {
        return Some(None);
    }
    let a = area::read_area(value, at, issues, warnings)?;
    if !work_area.is_everything() && !a.spans.iter().all(|s| covered(s, work_area)) {
        issues.push(at.clone(), Problem::AreaOutsideWorkArea);
        return None;
    }
    Some(Some(a))
}

/// Double funding: a monodisciplinary line for GPs (O&I) or district nursing (coordination)
/// claims what that discipline may already be paid for, unless it deducts that funding.
#[cfg_attr(resv_optimize, optimize(size))]
fn double_funding(lines: &[Line], path: &Path, year: u16, warnings: &mut Vec<Warned>) {
    for (i, l) in lines.iter().enumerate() {
        // ZonMw subsidy runs through 2026: from the experiment's first year it is not there
        // to deduct.
        let zonmw_after = l.source == Some(FundingSource::Zonmw)
            && match &l.existing_years {
                Some(given) => given
                    .iter()
                    .any(|(y, m)| *y >= experiment::FIRST_YEAR && !m.value().is_zero()),
                None => year >= experiment::FIRST_YEAR && !l.existing.value().is_zero(),
            };
        if zonmw_after {
            warnings.push(Warned {
                path: path.index(i).key("existingFundingSource"),
                warning: Warning::ZonmwEnded { line: l.id.clone() },
            });
        }
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
                            FundingSource::OI => PaidThrough::OI,
                            _ => PaidThrough::DistrictNursingCoordination,
                        },
                    },
                });
            }
        }
    }
}

/// Whether a span lies inside the work area's spans (a line area must not reach outside it).
#[cfg_attr(resv_optimize, optimize(size))]
fn covered(span: &crate::market::Span, work: &Area) -> bool {
    work.spans
        .iter()
        .any(|w| w.lo <= span.lo && span.hi <= w.hi)
}
