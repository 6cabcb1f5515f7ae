//! The roles phase: who assesses the plan and on what terms each insurer pays.
//!
//! - `marketLeaders`: the designated market leader(s), who assess the plan for all; without
//!   it the party with the most insured persons (an estimate's leader is marked as such). A
//!   designation that differs from the data is kept, with a warning.
//! - `coAssessor`: the designated co-assessor; without it the share threshold only hints
//!   that co-assessment is possible (the `co_assessment_likely` warning).
//! - `contracts`: per insurer `"follows"` (the default: it pays its amount under the leader's
//!   assessment), `{ "own": amount }` (its own contracted amount), `"none"` or `"pending"`.
//!   Each insurer's `contract` says what is payable under a written agreement; the report's
//!   `coverage` says what of the plan is payable, pending and not covered.

use super::notes::Notes;
use crate::input::read;
use crate::input::value::Value;
use crate::issue::{Expected, Issues, Path, Problem, Warned, Warning};
use crate::money::Money;
use crate::verdeelsleutel::{Contract, Split};
use serde::Serialize;

/// The roles as read, before the parties are known.
#[derive(Clone, Debug, Default)]
pub(super) struct Roles {
    leaders: Option<Vec<(String, Path)>>,
    co_assessor: Option<(String, Path)>,
    contracts: Vec<(String, Term, Path)>,
}

/// An insurer's contract terms.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Term {
    Follows,
    Own(Money),
    None,
    Pending,
}

/// What of the plan is payable under written agreements.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Payable under a written agreement: followers' amounts and own contracts.
    pub payable: Money,
    /// The amounts of insurers whose contract is pending.
    pub pending: Money,
    /// Not covered: the amounts of insurers without a contract, and what an own contract
    /// leaves of its amount (negative when it exceeds it).
    pub uncovered: Money,
}

/// Where the market leader comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LeaderSource {
    /// Designated in `marketLeaders`.
    Designated,
    /// The party with the most insured persons in the data.
    Data,
    /// The largest party of an estimate: to be confirmed.
    Estimate,
}

impl Roles {
    /// Reads `marketLeaders`, `coAssessor` and `contracts`.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn read(scenario: &Value, root: &Path, issues: &mut Issues) -> Roles {
        let mut roles = Roles::default();
        let at = root.key("marketLeaders");
        match read::field(scenario, "marketLeaders") {
            Value::Null => {}
            v => {
                if let Some(items) = read::list(v, &at, issues) {
                    if items.is_empty() {
                        issues.push(at.clone(), Problem::NoParties);
                    }
                    let ids = items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, item)| {
                            let p = at.index(i);
                            read::text(item, &p, issues).map(|t| (t.trim().to_owned(), p))
                        })
                        .collect();
                    roles.leaders = Some(ids);
                }
            }
        }
        let at = root.key("coAssessor");
        match read::field(scenario, "coAssessor") {
            Value::Null => {}
            v => roles.co_assessor = read::text(v, &at, issues).map(|t| (t.trim().to_owned(), at)),
        }
        let at = root.key("contracts");
        match read::field(scenario, "contracts") {
            Value::Null => {}
            Value::Object { fields, .. } => {
                for (id, v) in fields {
                    let p = at.key(id);
                    if let Some(t) = read_term(v, &p, issues) {
                        roles.contracts.push((id.trim().to_owned(), t, p));
                    }
                }
            }
            other => read::wrong_type(other, Expected::Object, &at, issues),
        }
        roles
    }

    /// The designated market leaders' ids, in order (empty when the data decide).
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn leaders(&self) -> Vec<String> {
        self.leaders
            .iter()
            .flatten()
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Applies the roles to the split: designations checked against the paying parties,
    /// each insurer's contract, and the coverage of the plan.
    ///
    /// # Errors
    /// An id that is no paying party of the report.
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn apply(
        &self,
        split: &mut Split,
        estimated: bool,
        notes: &mut Notes,
    ) -> Result<(LeaderSource, Coverage), Issues> {
        let mut issues = Issues::new();
        let known = |id: &str, at: &Path, issues: &mut Issues| {
            let found = split.insurers.iter().any(|i| i.id == id);
            if !found {
                issues.push(
                    at.clone(),
                    Problem::UnknownValue {
                        allowed: "insurers[].id",
                    },
                );
            }
            found
        };
        for (id, at) in self.leaders.iter().flatten() {
            known(id, at, &mut issues);
        }
        if let Some((id, at)) = &self.co_assessor {
            known(id, at, &mut issues);
        }
        for (id, _, at) in &self.contracts {
            known(id, at, &mut issues);
        }
        if !issues.is_empty() {
            return Err(issues);
        }
        let source = match &self.leaders {
            Some(ids) => {
                let data_leader = split.leader.clone();
                for i in &mut split.insurers {
                    i.market_leader = ids.iter().any(|(id, _)| *id == i.id);
                    i.role = if i.market_leader {
                        "leader"
                    } else {
                        "follower"
                    };
                }
                if let Some((first, _)) = ids.first() {
                    split.leader = first.clone();
                }
                if !ids.iter().any(|(id, _)| *id == data_leader) {
                    notes.leader = Some(Warned {
                        path: Path::root().key("marketLeaders"),
                        warning: Warning::LeaderDiffersFromData {
                            designated: ids.iter().map(|(id, _)| id.clone()).collect(),
                            largest: data_leader,
                        },
                    });
                }
                LeaderSource::Designated
            }
            None if estimated => LeaderSource::Estimate,
            None => LeaderSource::Data,
        };
        if let Some((id, _)) = &self.co_assessor {
            for i in &mut split.insurers {
                i.co_assessor = i.id == *id;
            }
            split.co_assessment = true;
        }
        let mut coverage = Coverage {
            payable: Money::ZERO,
            pending: Money::ZERO,
            uncovered: Money::ZERO,
        };
        let overflow = || {
            Issues::from(super::Overflow::at(
                super::Phase::Roles,
                Path::root().key("contracts"),
            ))
        };
        for i in &mut split.insurers {
            let term = self
                .contracts
                .iter()
                .find(|(id, _, _)| *id == i.id)
                .map_or(Term::Follows, |(_, t, _)| *t);
            let (status, payable) = match term {
                Term::Follows => ("follows", i.amount),
                Term::Own(m) => ("own", m),
                Term::None => ("none", Money::ZERO),
                Term::Pending => ("pending", Money::ZERO),
            };
            let add = |to: &mut Money, m: Money| -> Result<(), Issues> {
                *to = to.checked_add(m).ok_or_else(overflow)?;
                Ok(())
            };
            add(&mut coverage.payable, payable)?;
            match term {
                Term::Pending => add(&mut coverage.pending, i.amount)?,
                Term::Follows => {}
                _ => add(
                    &mut coverage.uncovered,
                    i.amount.checked_sub(payable).ok_or_else(overflow)?,
                )?,
            }
            i.contract = Some(Contract { status, payable });
        }
        Ok((source, coverage))
    }
}

#[cfg_attr(resv_optimize, optimize(size))]
fn read_term(value: &Value, at: &Path, issues: &mut Issues) -> Option<Term> {
    if let Value::Object { .. } = value {
        read::options(value, &["own"], at, issues);
        return read::cents(read::field(value, "own"), &at.key("own"), issues).map(Term::Own);
    }
    match read::text(value, at, issues)? {
        "follows" => Some(Term::Follows),
        "none" => Some(Term::None),
        "pending" => Some(Term::Pending),
        _ => {
            issues.push(
                at.clone(),
                Problem::UnknownValue {
                    allowed: "\"follows\", \"none\", \"pending\", { own }",
                },
            );
            None
        }
    }
}
