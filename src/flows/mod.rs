//! Onderlinge dienstverlening (policy rule BR/REG-27110 art. 4.2): the RESV as hoofdaannemer
//! passes Zvw money to executing providers, and the money ledger that results — who pays the
//! RESV, whom the RESV pays, which insurer's money funds which subcontract, and what the RESV
//! keeps — in a form a Sankey diagram draws directly.
//!
//! Rules: only a RESV with the written agreement with the insurers may commission (art. 4); a
//! subcontract never exceeds the Zvw parts of the lines (and hoofdtaken) it covers, alone or
//! together with the other subcontracts; an executing provider cannot commission further under
//! this prestatie (no chains). Each subcontract is split over the insurers exactly, in
//! proportion to what each insurer pays for the lines it covers (per pool, so a wijkverband's
//! subcontract is funded by the insurers of its neighbourhood).

use crate::budget::{Line, LineResult, Pool};
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem};
use crate::money::Money;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// The legal form of the hoofdaannemer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Form {
    /// The RESV is a legal entity.
    LegalEntity,
    /// The RESV works through a kassier: one member holds the money.
    Kassier,
}

/// The hoofdaannemer (opdrachtgevende zorgaanbieder).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hoofdaannemer {
    /// Legal entity or kassier.
    pub form: Form,
    /// Its name.
    pub name: String,
    /// The member holding the money, with a kassier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kassier: Option<String>,
    /// Whether the written agreement with the insurers exists.
    pub agreement: bool,
}

/// One subcontract as read.
#[derive(Clone, Debug)]
pub struct Subcontract {
    /// Id.
    pub id: String,
    /// The executing provider.
    pub contractor: String,
    /// Amount for the year.
    pub amount: Money,
    /// Lines covered (`None`: all).
    pub lines: Option<Vec<String>>,
    /// Hoofdtaken covered (`None`: all of the lines').
    pub main_tasks: Option<Vec<u8>>,
}

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
    hoofdaannemer_path: &Path,
    issues: &mut Issues,
) -> Option<Vec<Subcontract>> {
    let items = read::list(value, path, issues)?;
    let before = issues.as_slice().len();
    if !items.is_empty() && !hoofdaannemer.is_some_and(|h| h.agreement) {
        issues.push(hoofdaannemer_path.key("agreement"), Problem::NoAgreement);
    }
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
fn cells(results: &[LineResult]) -> Option<Vec<Vec<(u8, Money)>>> {
    results
        .iter()
        .map(|l| {
            let k = l.main_tasks.len().max(1);
            let parts =
                crate::split::split(l.zvw.value(), &vec![Decimal::ONE; k], Decimal::new(1, 2))
                    .ok()?;
            l.main_tasks
                .iter()
                .zip(parts)
                .map(|(t, p)| Some((*t, Money::new(p).ok()?)))
                .collect()
        })
        .collect()
}

fn covers(s: &Subcontract, line: &LineResult, task: u8) -> bool {
    s.lines.as_ref().is_none_or(|ids| ids.contains(&line.id))
        && s.main_tasks.as_ref().is_none_or(|ts| ts.contains(&task))
}

/// The Zvw a subcontract may use: the cells it covers.
fn available(s: &Subcontract, results: &[LineResult], cells: &[Vec<(u8, Money)>]) -> Option<Money> {
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
                    available: avail.to_string(),
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
                    available: avail.to_string(),
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
                available: avail.to_string(),
            },
        );
    }
    Some(())
}

/// One insurer's part of a subcontract.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Funding {
    /// The insurer (concern or label id).
    pub insurer: String,
    /// Its part.
    pub amount: Money,
}

/// A subcontract in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubcontractReport {
    /// Id.
    pub id: String,
    /// The executing provider.
    pub contractor: String,
    /// Amount.
    pub amount: Money,
    /// Lines covered.
    pub lines: Vec<String>,
    /// Hoofdtaken covered.
    pub main_tasks: Vec<u8>,
    /// The Zvw of what it covers.
    pub available: Money,
    /// Which insurer's money funds it; adds up to `amount`.
    pub funded_by: Vec<Funding>,
}

/// What each insurer pays in, and where it goes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsurerLedger {
    /// The insurer.
    pub insurer: String,
    /// Paid to the RESV.
    pub paid: Money,
    /// Passed on to executing providers.
    pub subcontracted: Money,
    /// Kept by the RESV: `paid − subcontracted`.
    pub kept: Money,
}

/// The money ledger: money in = money out + kept, to the cent.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ledger {
    /// Zvw in (insurers).
    pub zvw_in: Money,
    /// Municipal in.
    pub municipal_in: Money,
    /// Out to executing providers.
    pub subcontracted: Money,
    /// Zvw the RESV keeps.
    pub kept_zvw: Money,
    /// Municipal money the RESV keeps.
    pub kept_municipal: Money,
    /// Per insurer.
    pub insurers: Vec<InsurerLedger>,
}

/// A Sankey node.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// `insurer`, `municipality`, `resv`, `contractor` or `kept`.
    pub kind: &'static str,
}

/// A Sankey link between node indices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Source node index.
    pub source: usize,
    /// Target node index.
    pub target: usize,
    /// Amount.
    pub value: Money,
    /// `zvw`, `municipal`, `subcontract` or `kept`.
    pub kind: &'static str,
}

/// Nodes and links a Sankey diagram draws directly (every node's in equals its out, except
/// the sources and sinks).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sankey {
    /// Nodes.
    pub nodes: Vec<Node>,
    /// Links.
    pub links: Vec<Link>,
}

/// Splits each subcontract over the insurers and builds the ledger and the Sankey.
///
/// `pools`: the pools of lines, with their budget Zvw and their parts per insurer.
#[allow(clippy::too_many_arguments)]
pub fn ledger(
    subs: &[Subcontract],
    results: &[LineResult],
    pools: &[Pool],
    insurers: &[(String, String, Money)],
    municipalities: &[(String, String, Money)],
    resv_name: &str,
) -> Option<(Vec<SubcontractReport>, Ledger, Sankey)> {
    let cells = cells(results)?;
    let mut reports = Vec::with_capacity(subs.len());
    let mut per_insurer: HashMap<&str, Money> = HashMap::new();
    for s in subs {
        // Weight of insurer i: Σ over pools of its pool part × the share of the pool's Zvw
        // this subcontract covers.
        let mut weights: HashMap<&str, Decimal> = HashMap::new();
        for Pool {
            lines: line_ids,
            zvw: pool_zvw,
            parts,
            ..
        } in pools
        {
            if pool_zvw.value().is_zero() {
                continue;
            }
            let mut covered = Money::ZERO;
            for &li in line_ids {
                let (l, cs) = (results.get(li)?, cells.get(li)?);
                for (t, m) in cs {
                    if covers(s, l, *t) {
                        covered = covered.checked_add(*m)?;
                    }
                }
            }
            let ratio = covered.value().checked_div(pool_zvw.value())?;
            for (id, part) in parts {
                let w = part.value().checked_mul(ratio)?.round_dp(12);
                let e = weights.entry(id.as_str()).or_insert(Decimal::ZERO);
                *e = e.checked_add(w)?;
            }
        }
        let order: Vec<&str> = insurers
            .iter()
            .map(|(id, _, _)| id.as_str())
            .filter(|id| weights.get(id).is_some_and(|w| !w.is_zero()))
            .collect();
        let ws: Vec<Decimal> = order
            .iter()
            .map(|id| weights.get(id).copied().unwrap_or_default())
            .collect();
        let funded_by = if ws.is_empty() || s.amount.value().is_zero() {
            Vec::new()
        } else {
            let parts = crate::split::split(s.amount.value(), &ws, Decimal::new(1, 2)).ok()?;
            order
                .iter()
                .zip(parts)
                .map(|(id, p)| {
                    Some(Funding {
                        insurer: (*id).to_owned(),
                        amount: Money::new(p).ok()?,
                    })
                })
                .collect::<Option<Vec<_>>>()?
        };
        for f in &funded_by {
            let e = per_insurer
                .entry(
                    insurers
                        .iter()
                        .find(|(id, _, _)| *id == f.insurer)?
                        .0
                        .as_str(),
                )
                .or_insert(Money::ZERO);
            *e = e.checked_add(f.amount)?;
        }
        reports.push(SubcontractReport {
            id: s.id.clone(),
            contractor: s.contractor.clone(),
            amount: s.amount,
            lines: s
                .lines
                .clone()
                .unwrap_or_else(|| results.iter().map(|l| l.id.clone()).collect()),
            main_tasks: s.main_tasks.clone().unwrap_or_default(),
            available: available(s, results, &cells)?,
            funded_by,
        });
    }
    let zvw_in = insurers
        .iter()
        .try_fold(Money::ZERO, |a, (_, _, m)| a.checked_add(*m))?;
    let municipal_in = municipalities
        .iter()
        .try_fold(Money::ZERO, |a, (_, _, m)| a.checked_add(*m))?;
    let subcontracted = subs
        .iter()
        .try_fold(Money::ZERO, |a, s| a.checked_add(s.amount))?;
    let ledger = Ledger {
        zvw_in,
        municipal_in,
        subcontracted,
        kept_zvw: zvw_in.checked_sub(subcontracted)?,
        kept_municipal: municipal_in,
        insurers: insurers
            .iter()
            .map(|(id, _, paid)| {
                let sub = per_insurer.get(id.as_str()).copied().unwrap_or(Money::ZERO);
                Some(InsurerLedger {
                    insurer: id.clone(),
                    paid: *paid,
                    subcontracted: sub,
                    kept: paid.checked_sub(sub)?,
                })
            })
            .collect::<Option<_>>()?,
    };
    // The Sankey: payers → RESV → contractors and what the RESV keeps.
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    let resv = insurers.len().checked_add(municipalities.len())?;
    for (i, (id, name, m)) in insurers.iter().enumerate() {
        nodes.push(Node {
            id: id.clone(),
            label: name.clone(),
            kind: "insurer",
        });
        links.push(Link {
            source: i,
            target: resv,
            value: *m,
            kind: "zvw",
        });
    }
    for (j, (id, name, m)) in municipalities.iter().enumerate() {
        nodes.push(Node {
            id: id.clone(),
            label: name.clone(),
            kind: "municipality",
        });
        links.push(Link {
            source: insurers.len().checked_add(j)?,
            target: resv,
            value: *m,
            kind: "municipal",
        });
    }
    nodes.push(Node {
        id: "resv".into(),
        label: resv_name.to_owned(),
        kind: "resv",
    });
    let mut contractors: Vec<(String, Money)> = Vec::new();
    for s in subs {
        match contractors.iter_mut().find(|(c, _)| *c == s.contractor) {
            Some((_, m)) => *m = m.checked_add(s.amount)?,
            None => contractors.push((s.contractor.clone(), s.amount)),
        }
    }
    for (c, m) in contractors {
        nodes.push(Node {
            id: format!("contractor:{c}"),
            label: c,
            kind: "contractor",
        });
        links.push(Link {
            source: resv,
            target: nodes.len().checked_sub(1)?,
            value: m,
            kind: "subcontract",
        });
    }
    nodes.push(Node {
        id: "kept".into(),
        label: format!("{resv_name} (zelf)"),
        kind: "kept",
    });
    links.push(Link {
        source: resv,
        target: nodes.len().checked_sub(1)?,
        value: ledger.kept_zvw.checked_add(ledger.kept_municipal)?,
        kind: "kept",
    });
    Some((reports, ledger, Sankey { nodes, links }))
}
