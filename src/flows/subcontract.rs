//! Reading the hoofdaannemer and the subcontracts, and checking each subcontract against the
//! Zvw of the lines and hoofdtaken it covers.

use super::{Form, Hoofdaannemer, Subcontract};
use crate::budget::{Line, LineResult};
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem};
use crate::money::Money;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Reads `hoofdaannemer: { form, name?, kassier?, agreement? }`.
pub fn read_hoofdaannemer(
    value: &Value,
    path: &Path,
    issues: &mut Issues,
) -> Option<Hoofdaannemer> {
    if !matches!(value, Value::Object { .. }) {
        read::wrong_type(value, Expected::Object, path, issues);
        return None;
    }
    read::options(
        value,
        &["form", "name", "kassier", "agreement"],
        path,
        issues,
    );
    let form_at = path.key("form");
    let form = match read::text(read::field(value, "form"), &form_at, issues) {
        Some("legalEntity") => Some(Form::LegalEntity),
        Some("kassier") => Some(Form::Kassier),
        Some(_) => {
            issues.push(
                form_at,
                Problem::UnknownValue {
                    allowed: "\"legalEntity\", \"kassier\"",
                },
            );
            None
        }
        None => None,
    };
    let text = |k: &str, issues: &mut Issues| match read::field(value, k) {
        Value::Null => None,
        v => read::text(v, &path.key(k), issues).map(|t| t.trim().to_owned()),
    };
    let name = text("name", issues).unwrap_or_else(|| "RESV".to_owned());
    let kassier = text("kassier", issues);
    if form == Some(Form::Kassier) && kassier.as_deref().is_none_or(str::is_empty) {
        issues.push(path.key("kassier"), Problem::Missing);
    }
    let agreement = read::boolean(
        read::field(value, "agreement"),
        false,
        &path.key("agreement"),
        issues,
    )?;
    Some(Hoofdaannemer {
        form: form?,
        name,
        kassier,
        agreement,
    })
}

const FIELDS: &[&str] = &["id", "contractor", "amount", "lines", "mainTasks", "from"];

/// Reads the subcontracts and checks them against the budget lines.
pub fn read_subcontracts(
    value: &Value,
    path: &Path,
    lines: &[Line],
    hoofdaannemer: Option<&Hoofdaannemer>,
    issues: &mut Issues,
) -> Option<Vec<Subcontract>> {
    let items = read::list(value, path, issues)?;
    let before = issues.as_slice().len();
    let known: HashMap<&str, &Line> = lines.iter().map(|l| (l.id.as_str(), l)).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        if !matches!(item, Value::Object { .. }) {
            read::wrong_type(item, Expected::Object, &at, issues);
            continue;
        }
        read::options(item, FIELDS, &at, issues);
        let id = read::unique_id(item, path, i, &mut seen, issues);
        let c_at = at.key("contractor");
        let contractor = read::text(read::field(item, "contractor"), &c_at, issues).map(str::trim);
        if contractor == Some("") {
            issues.push(c_at.clone(), Problem::EmptyId);
        }
        // No chains: only the RESV commissions, and not itself.
        let from = read::field(item, "from");
        if !from.is_null() && read::text(from, &at.key("from"), issues).is_some_and(|f| f != "resv")
        {
            issues.push(at.key("from"), Problem::SubcontractChain);
        }
        if contractor.is_some_and(|c| c == "resv" || hoofdaannemer.is_some_and(|h| h.name == c)) {
            issues.push(c_at.clone(), Problem::SubcontractChain);
        }
        let a_at = at.key("amount");
        let amount = read::cents(read::field(item, "amount"), &a_at, issues);
        let lines_value = read::field(item, "lines");
        let named = if lines_value.is_null() {
            Some(None)
        } else {
            let l_at = at.key("lines");
            read::list(lines_value, &l_at, issues).map(|list| {
                let mut ids = Vec::new();
                for (k, v) in list.iter().enumerate() {
                    if let Some(t) = read::text(v, &l_at.index(k), issues) {
                        if known.contains_key(t) {
                            ids.push(t.to_owned());
                        } else {
                            issues.push(l_at.index(k), Problem::UnknownLine { id: t.to_owned() });
                        }
                    }
                }
                Some(ids)
            })
        };
        let tasks_value = read::field(item, "mainTasks");
        let tasks = if tasks_value.is_null() {
            Some(None)
        } else {
            let t_at = at.key("mainTasks");
            read::list(tasks_value, &t_at, issues).map(|list| {
                let mut ts = Vec::new();
                for (k, v) in list.iter().enumerate() {
                    match read::decimal(v, &t_at.index(k), issues).map(|d| {
                        (
                            d.normalize().scale(),
                            u8::try_from(d.normalize().mantissa()),
                        )
                    }) {
                        Some((0, Ok(n))) if crate::experiment::MAIN_TASKS.contains(&n) => {
                            ts.push(n)
                        }
                        Some(_) => issues.push(t_at.index(k), Problem::MainTaskOutOfRange),
                        None => {}
                    }
                }
                Some(ts)
            })
        };
        // A hoofdtaak that none of the covered lines has.
        if let (Some(named), Some(Some(ts))) = (&named, &tasks) {
            let covered: Vec<&Line> = match named {
                Some(ids) => ids
                    .iter()
                    .filter_map(|id| known.get(id.as_str()).copied())
                    .collect(),
                None => lines.iter().collect(),
            };
            for (k, t) in ts.iter().enumerate() {
                if !covered.iter().any(|l| l.main_tasks.contains(t)) {
                    issues.push(
                        at.key("mainTasks").index(k),
                        Problem::TaskOutsideLines { task: *t },
                    );
                }
            }
        }
        if let (Some(id), Some(contractor), Some(amount), Some(named), Some(tasks)) =
            (id, contractor, amount, named, tasks)
        {
            out.push(Subcontract {
                id: id.to_owned(),
                contractor: contractor.to_owned(),
                amount,
                lines: named,
                main_tasks: tasks,
            });
        }
    }
    (issues.as_slice().len() == before).then_some(out)
}

/// Zvw of each (line, task) cell: a line's Zvw split equally over its tasks (as the summaries).
pub(super) fn cells(results: &[LineResult]) -> Option<Vec<Vec<(u8, Money)>>> {
    results
        .iter()
        .map(|l| {
            // A line's Zvw per hoofdtaak: by its task shares, equally when it gives none.
            let weights = l.task_weights();
            let parts = crate::split::split(l.zvw.value(), &weights, Decimal::new(1, 2)).ok()?;
            l.main_tasks
                .iter()
                .zip(parts)
                .map(|(t, p)| Some((*t, Money::new(p).ok()?)))
                .collect()
        })
        .collect()
}

pub(super) fn covers(s: &Subcontract, line: &LineResult, task: u8) -> bool {
    s.lines.as_ref().is_none_or(|ids| ids.contains(&line.id))
        && s.main_tasks.as_ref().is_none_or(|ts| ts.contains(&task))
}

/// The Zvw a subcontract may use: the cells it covers.
pub(super) fn available(
    s: &Subcontract,
    results: &[LineResult],
    cells: &[Vec<(u8, Money)>],
) -> Option<Money> {
    let mut sum = Money::ZERO;
    for (l, cs) in results.iter().zip(cells) {
        for (t, m) in cs {
            if covers(s, l, *t) {
                sum = sum.checked_add(*m)?;
            }
        }
    }
    Some(sum)
}

/// Checks that subcontracts stay within what their lines carry: each alone, and every group of
/// subcontracts whose cells lie within one subcontract's cells, together.
pub fn check_amounts(
    subs: &[Subcontract],
    results: &[LineResult],
    path: &Path,
    issues: &mut Issues,
) -> Option<()> {
    let cells = cells(results)?;
    let cover_set = |s: &Subcontract| -> Vec<(usize, u8)> {
        results
            .iter()
            .zip(&cells)
            .enumerate()
            .flat_map(|(i, (l, cs))| {
                cs.iter()
                    .filter(|(t, _)| covers(s, l, *t))
                    .map(move |(t, _)| (i, *t))
            })
            .collect()
    };
    let sets: Vec<Vec<(usize, u8)>> = subs.iter().map(cover_set).collect();
    for (i, s) in subs.iter().enumerate() {
        let avail = available(s, results, &cells)?;
        if s.amount.value() > avail.value() {
            issues.push(
                path.index(i).key("amount"),
                Problem::SubcontractAboveLines {
                    available: avail.value(),
                },
            );
            continue;
        }
        let mine = sets.get(i)?;
        let mut together = Money::ZERO;
        for (j, other) in subs.iter().enumerate() {
            if sets.get(j)?.iter().all(|c| mine.contains(c)) {
                together = together.checked_add(other.amount)?;
            }
        }
        if together.value() > avail.value() {
            issues.push(
                path.index(i).key("amount"),
                Problem::SubcontractsAboveLines {
                    available: avail.value(),
                },
            );
        }
    }
    // All together within the Zvw of every cell any of them covers.
    let mut union: Vec<(usize, u8)> = sets.concat();
    union.sort_unstable();
    union.dedup();
    let mut avail = Money::ZERO;
    for (i, t) in &union {
        let m = cells.get(*i)?.iter().find(|(ct, _)| ct == t)?.1;
        avail = avail.checked_add(m)?;
    }
    let total = subs
        .iter()
        .try_fold(Money::ZERO, |a, s| a.checked_add(s.amount))?;
    if total.value() > avail.value() && issues.is_empty() {
        issues.push(
            path.clone(),
            Problem::SubcontractsAboveLines {
                available: avail.value(),
            },
        );
    }
    Some(())
}
