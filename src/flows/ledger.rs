//! Funding the subcontracts from the insurers' pool parts, the money ledger and the Sankey.

use super::subcontract::{available, cells, covers};
use super::Subcontract;
use crate::budget::{LineResult, Pool};
use crate::money::Money;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

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
    /// `"agreed"`, or `"pendingAgreement"` while the RESV's written agreement with the
    /// insurers (art. 4.1) is not recorded.
    pub status: &'static str,
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
    /// Label (Dutch where the label is a text of the product's).
    pub label: String,
    /// The English label, where it differs from `label`.
    #[serde(rename = "labelEn", skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
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

/// A payer as the ledger sees it: id, name and amount.
type Payer = (String, String, Money);

/// Splits each subcontract over the insurers and builds the ledger and the Sankey.
///
/// `pools`: the pools of lines, with their budget Zvw and their parts per insurer. `kassier`:
/// the member that receives the money on behalf of the RESV, when it works through one.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn ledger(
    subs: &[Subcontract],
    results: &[LineResult],
    pools: &[Pool],
    insurers: &[Payer],
    municipalities: &[Payer],
    resv_name: &str,
    kassier: Option<&str>,
) -> Option<(Vec<SubcontractReport>, Ledger, Sankey)> {
    let cells = cells(results)?;
    let position: HashMap<&str, usize> = insurers
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| (id.as_str(), i))
        .collect();
    let mut subcontracted = vec![Money::ZERO; insurers.len()];
    let mut reports = Vec::with_capacity(subs.len());
    for s in subs {
        let funded_by = fund(s, results, &cells, pools, insurers)?;
        for f in &funded_by {
            let e = subcontracted.get_mut(*position.get(f.insurer.as_str())?)?;
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
            status: "agreed",
        });
    }
    let ledger = money_ledger(subs, insurers, municipalities, &subcontracted)?;
    let sankey = sankey(subs, insurers, municipalities, &ledger, resv_name, kassier)?;
    Some((reports, ledger, sankey))
}

/// One subcontract over the insurers: the weight of insurer i is the sum over the pools of
/// its pool part × the share of the pool's Zvw this subcontract covers.
#[cfg_attr(resv_optimize, optimize(size))]
fn fund(
    s: &Subcontract,
    results: &[LineResult],
    cells: &[Vec<(u8, Money)>],
    pools: &[Pool],
    insurers: &[Payer],
) -> Option<Vec<Funding>> {
    let mut weights: HashMap<&str, Decimal> = HashMap::new();
    for pool in pools.iter().filter(|p| !p.zvw.value().is_zero()) {
        let mut covered = Money::ZERO;
        for &li in &pool.lines {
            let (l, cs) = (results.get(li)?, cells.get(li)?);
            for (t, m) in cs {
                if covers(s, l, *t) {
                    covered = covered.checked_add(*m)?;
                }
            }
        }
        let ratio = covered.value().checked_div(pool.zvw.value())?;
        for (id, part) in &pool.parts {
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
    if ws.is_empty() || s.amount.value().is_zero() {
        return Some(Vec::new());
    }
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
        .collect()
}

/// Money in = money out + kept, per insurer (`subcontracted[i]` is insurer i's part of the
/// subcontracts) and in total.
#[cfg_attr(resv_optimize, optimize(size))]
fn money_ledger(
    subs: &[Subcontract],
    insurers: &[Payer],
    municipalities: &[Payer],
    subcontracted: &[Money],
) -> Option<Ledger> {
    let sum = |ps: &[Payer]| {
        ps.iter()
            .try_fold(Money::ZERO, |a, (_, _, m)| a.checked_add(*m))
    };
    let zvw_in = sum(insurers)?;
    let municipal_in = sum(municipalities)?;
    let out = subs
        .iter()
        .try_fold(Money::ZERO, |a, s| a.checked_add(s.amount))?;
    Some(Ledger {
        zvw_in,
        municipal_in,
        subcontracted: out,
        kept_zvw: zvw_in.checked_sub(out)?,
        kept_municipal: municipal_in,
        insurers: insurers
            .iter()
            .zip(subcontracted)
            .map(|((id, _, paid), sub)| {
                Some(InsurerLedger {
                    insurer: id.clone(),
                    paid: *paid,
                    subcontracted: *sub,
                    kept: paid.checked_sub(*sub)?,
                })
            })
            .collect::<Option<_>>()?,
    })
}

/// The Sankey: payers → RESV → contractors (one node per contractor, in order of first
/// appearance) and what the RESV keeps.
#[cfg_attr(resv_optimize, optimize(size))]
fn sankey(
    subs: &[Subcontract],
    insurers: &[Payer],
    municipalities: &[Payer],
    ledger: &Ledger,
    resv_name: &str,
    kassier: Option<&str>,
) -> Option<Sankey> {
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    let resv = insurers.len().checked_add(municipalities.len())?;
    let payers = insurers.iter().map(|p| (p, "insurer", "zvw")).chain(
        municipalities
            .iter()
            .map(|p| (p, "municipality", "municipal")),
    );
    for (i, ((id, name, m), kind, link)) in payers.enumerate() {
        nodes.push(Node {
            id: id.clone(),
            label: name.clone(),
            label_en: None,
            kind,
        });
        links.push(Link {
            source: i,
            target: resv,
            value: *m,
            kind: link,
        });
    }
    // With a kassier the payers pay the kassier on behalf of the RESV: the node says so.
    let (label, label_en) = match kassier {
        Some(k) => {
            let (nl, en) = crate::issue::kassier_label(k, resv_name);
            (nl, Some(en))
        }
        None => (resv_name.to_owned(), None),
    };
    nodes.push(Node {
        id: "resv".into(),
        label,
        label_en,
        kind: "resv",
    });
    let mut contractors: Vec<(&str, Money)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for s in subs {
        match seen.get(s.contractor.as_str()) {
            Some(&k) => {
                let c = contractors.get_mut(k)?;
                c.1 = c.1.checked_add(s.amount)?;
            }
            None => {
                seen.insert(&s.contractor, contractors.len());
                contractors.push((&s.contractor, s.amount));
            }
        }
    }
    for (c, m) in contractors {
        nodes.push(Node {
            id: format!("contractor:{c}"),
            label: c.to_owned(),
            label_en: None,
            kind: "contractor",
        });
        links.push(Link {
            source: resv,
            target: nodes.len().checked_sub(1)?,
            value: m,
            kind: "subcontract",
        });
    }
    let (kept_nl, kept_en) = crate::issue::kept_label(resv_name);
    nodes.push(Node {
        id: "kept".into(),
        label: kept_nl,
        label_en: Some(kept_en),
        kind: "kept",
    });
    links.push(Link {
        source: resv,
        target: nodes.len().checked_sub(1)?,
        value: ledger.kept_zvw.checked_add(ledger.kept_municipal)?,
        kind: "kept",
    });
    Some(Sankey { nodes, links })
}
