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
#[cfg_attr(resv_optimize, optimize(size))]
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

/// A contractor that is the party receiving the money itself: the kassier (who receives it on
/// behalf of the RESV) or the hoofdaannemer, named ignoring case, spaces and punctuation.
#[cfg_attr(resv_optimize, optimize(size))]
fn to_self(contractor: &str, hoofdaannemer: Option<&Hoofdaannemer>) -> Option<Problem> {
    let h = hoofdaannemer?;
    let key = crate::insurer::match_key(contractor);
    let same = |name: &str| !key.is_empty() && crate::insurer::match_key(name) == key;
    let kassier = h.payee().filter(|k| same(k));
    if kassier.is_some() || same(&h.name) {
        return Some(Problem::SubcontractToSelf {
            name: contractor.to_owned(),
            kassier: kassier.is_some(),
        });
    }
    None
}

/// Reads the subcontracts and checks them against the budget lines.
#[cfg_attr(resv_optimize, optimize(size))]
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
        if contractor == Some("resv") {
            issues.push(c_at.clone(), Problem::SubcontractChain);
        } else if let Some(problem) = contractor.and_then(|c| to_self(c, hoofdaannemer)) {
            issues.push(c_at.clone(), problem);
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
#[cfg_attr(resv_optimize, optimize(size))]
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

#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn covers(s: &Subcontract, line: &LineResult, task: u8) -> bool {
    s.lines.as_ref().is_none_or(|ids| ids.contains(&line.id))
        && s.main_tasks.as_ref().is_none_or(|ts| ts.contains(&task))
}

/// The Zvw a subcontract may use: the cells it covers.
#[cfg_attr(resv_optimize, optimize(size))]
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

/// What a subcontract names: its lines (`None`: all) and hoofdtaken (`None`: all), sorted and
/// without repeats, so that subcontracts naming the same cover share one key.
type Spec = (Option<Vec<usize>>, Option<Vec<u8>>);

/// Each subcontract's cover as an index into a list of distinct covers, and each distinct cover
/// as its cells: numbers into the flat list of (line, task) cells, ascending. Subcontracts with
/// the same lines and hoofdtaken share one cover, so the usual case (all lines, or one line
/// each) builds few sets whatever the number of subcontracts. O(n·k + Σ |cover|), k the
/// longest list a subcontract names.
#[cfg_attr(resv_optimize, optimize(size))]
fn distinct_covers(
    subs: &[Subcontract],
    results: &[LineResult],
    cells: &[Vec<(u8, Money)>],
) -> Option<(Vec<usize>, Vec<Vec<usize>>)> {
    let index: HashMap<&str, usize> = results
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    // The number of the first cell of each line.
    let mut first = Vec::with_capacity(cells.len());
    let mut n = 0usize;
    for cs in cells {
        first.push(n);
        n = n.checked_add(cs.len())?;
    }
    let mut keys: HashMap<Spec, usize> = HashMap::new();
    let mut covers: Vec<Vec<usize>> = Vec::new();
    let mut of = Vec::with_capacity(subs.len());
    for s in subs {
        let lines = s.lines.as_ref().map(|ids| {
            let mut ls: Vec<usize> = ids
                .iter()
                .filter_map(|id| index.get(id.as_str()).copied())
                .collect();
            crate::order::sort_dedup(&mut ls);
            ls
        });
        let tasks = s.main_tasks.as_ref().map(|ts| {
            let mut ts = ts.clone();
            crate::order::sort_dedup(&mut ts);
            ts
        });
        let spec: Spec = (lines, tasks);
        if let Some(&k) = keys.get(&spec) {
            of.push(k);
            continue;
        }
        let all: Vec<usize>;
        let line_list = match &spec.0 {
            Some(ls) => ls,
            None => {
                all = (0..cells.len()).collect();
                &all
            }
        };
        let mut set = Vec::new();
        for &li in line_list {
            let base = *first.get(li)?;
            for (pos, (t, _)) in cells.get(li)?.iter().enumerate() {
                if spec.1.as_ref().is_none_or(|ts| ts.binary_search(t).is_ok()) {
                    set.push(base.checked_add(pos)?);
                }
            }
        }
        let k = covers.len();
        covers.push(set);
        keys.insert(spec, k);
        of.push(k);
    }
    Some((of, covers))
}

/// Checks that subcontracts stay within what their lines carry: each alone, and every group of
/// subcontracts whose cells lie within one subcontract's cells, together.
///
/// Complexity, for n subcontracts over D distinct covers: O(n) to group them (see
/// [`distinct_covers`]); then for each distinct cover S, the covers T ⊆ S are found among
/// those *filed* under a cell of S — each cover is filed under its cell that the fewest covers
/// share — and checked cell by cell against a mark of S. That is O(Σ_S Σ_(c∈S) Σ_(T filed
/// under c) |T|): linear for the usual shapes (all lines, one line each, disjoint sets) and
/// quadratic only in D for many distinct covers that all share their rarest cell.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn check_amounts(
    subs: &[Subcontract],
    results: &[LineResult],
    path: &Path,
    issues: &mut Issues,
) -> Option<()> {
    let cells = cells(results)?;
    let money: Vec<Money> = cells.iter().flatten().map(|(_, m)| *m).collect();
    let (of, covers) = distinct_covers(subs, results, &cells)?;
    // What each cover may use, and what the subcontracts with that very cover add up to.
    let mut avail = Vec::with_capacity(covers.len());
    for set in &covers {
        let mut sum = Money::ZERO;
        for &c in set {
            sum = sum.checked_add(*money.get(c)?)?;
        }
        avail.push(sum);
    }
    let mut own = vec![Money::ZERO; covers.len()];
    for (s, &k) in subs.iter().zip(&of) {
        let e = own.get_mut(k)?;
        *e = e.checked_add(s.amount)?;
    }
    // File each cover under its rarest cell.
    let mut sharing = vec![0usize; money.len()];
    for set in &covers {
        for &c in set {
            let e = sharing.get_mut(c)?;
            *e = e.saturating_add(1);
        }
    }
    let mut filed: Vec<Vec<usize>> = vec![Vec::new(); money.len()];
    let mut empty = Vec::new();
    for (k, set) in covers.iter().enumerate() {
        match set
            .iter()
            .min_by_key(|&&c| sharing.get(c).copied().unwrap_or(0))
        {
            Some(&c) => filed.get_mut(c)?.push(k),
            None => empty.push(k),
        }
    }
    // For each cover S: the sum of the subcontracts whose cover lies within S.
    let mut mark = vec![usize::MAX; money.len()];
    let mut together = Vec::with_capacity(covers.len());
    for (k, set) in covers.iter().enumerate() {
        for &c in set {
            *mark.get_mut(c)? = k;
        }
        let mut sum = Money::ZERO;
        for &e in &empty {
            sum = sum.checked_add(*own.get(e)?)?;
        }
        for &c in set {
            for &t in filed.get(c)? {
                let inside = covers
                    .get(t)?
                    .iter()
                    .all(|&tc| mark.get(tc).is_some_and(|&m| m == k));
                if inside {
                    sum = sum.checked_add(*own.get(t)?)?;
                }
            }
        }
        together.push(sum);
    }
    for (i, (s, &k)) in subs.iter().zip(&of).enumerate() {
        let available = *avail.get(k)?;
        if s.amount.value() > available.value() {
            issues.push(
                path.index(i).key("amount"),
                Problem::SubcontractAboveLines {
                    available: available.value(),
                },
            );
        } else if together.get(k)?.value() > available.value() {
            issues.push(
                path.index(i).key("amount"),
                Problem::SubcontractsAboveLines {
                    available: available.value(),
                },
            );
        }
    }
    // All together within the Zvw of every cell any of them covers.
    let mut union = vec![false; money.len()];
    for set in &covers {
        for &c in set {
            *union.get_mut(c)? = true;
        }
    }
    let mut avail_all = Money::ZERO;
    for (c, m) in money.iter().enumerate() {
        if *union.get(c)? {
            avail_all = avail_all.checked_add(*m)?;
        }
    }
    let total = subs
        .iter()
        .try_fold(Money::ZERO, |a, s| a.checked_add(s.amount))?;
    if total.value() > avail_all.value() && issues.is_empty() {
        issues.push(
            path.clone(),
            Problem::SubcontractsAboveLines {
                available: avail_all.value(),
            },
        );
    }
    Some(())
}
