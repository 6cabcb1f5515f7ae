//! The statement phase: each insurer's amount broken down exactly — by pool, line, hoofdtaak,
//! level, conditional part, label of its concern, and year — so the statement an insurer
//! files can be recomputed from what it prints. Every breakdown is a largest-remainder split
//! of the insurer's amount (or of a year's total over the insurers), so each adds up to the
//! cent by construction.

use super::budget::BudgetTotals;
use super::input::ScenarioInput;
use crate::budget::{Level, LineResult, Pool};
use crate::experiment;
use crate::money::Money;
use crate::municipality::{Approval, MunicipalStatement, MunicipalityPart};
use crate::verdeelsleutel::{
    InsurerPart, Parties, PoolShare, Share, Statement, TaskShare, YearShare,
};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// `total` split over the magnitudes of `weights` to the cent (a negative total, a
/// correction, mirrored); all zero when every weight is zero. `None` when an amount
/// overflows.
#[cfg_attr(resv_optimize, optimize(size))]
fn split_over(total: Money, weights: &[Decimal]) -> Option<Vec<Money>> {
    if weights.iter().all(Decimal::is_zero) || total.value().is_zero() {
        return Some(vec![Money::ZERO; weights.len()]);
    }
    let weights: Vec<Decimal> = weights.iter().map(|w| w.abs()).collect();
    crate::split::split_cents(total, &weights)
}

#[cfg_attr(resv_optimize, optimize(size))]
fn add(to: &mut Money, m: Money) -> Option<()> {
    *to = to.checked_add(m)?;
    Some(())
}

/// Fills in every insurer's statement. `None` when an amount overflows.
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn fill(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    pools: &[Pool],
    parties: &Parties,
    insurers: &mut [InsurerPart],
) -> Option<()> {
    let years = year_shares(input, budget, insurers)?;
    let bases: Vec<Basis> = pools
        .iter()
        .map(|p| basis(input, parties, p.spans(&input.area.spans), p.allocated))
        .collect();
    let work = basis(input, parties, &input.area.spans, budget.contracted);
    let mut statements = Vec::with_capacity(insurers.len());
    for (i, years) in insurers.iter().zip(years) {
        statements.push(statement(&budget.results, pools, &bases, &work, i, years)?);
    }
    // The conditional parts add up to the conditional total: that total over the insurers in
    // proportion to their conditional line parts (each within a cent or so of them).
    let ws: Vec<Decimal> = statements.iter().map(|s| s.conditional.value()).collect();
    for (s, c) in statements
        .iter_mut()
        .zip(split_over(budget.sums.conditional_zvw, &ws)?)
    {
        s.conditional = c;
    }
    for (i, s) in insurers.iter_mut().zip(statements) {
        i.statement = Some(s);
    }
    Some(())
}

/// The basis of a pool's split: its total, each party's insured persons in its area and the
/// area's (exact decimal strings), as the split itself counts them.
struct Basis {
    total: Money,
    insured: HashMap<String, String>,
    area: String,
}

#[cfg_attr(resv_optimize, optimize(size))]
fn basis(
    input: &ScenarioInput<'_>,
    parties: &Parties,
    spans: &[crate::market::Span],
    total: Money,
) -> Basis {
    let market = input.market();
    let tally = market.tally(spans);
    let mut weights = vec![0u128; parties.ids.len()];
    for (label, &p) in parties.of_label.iter().enumerate() {
        if let (Some(w), Some(lw)) = (weights.get_mut(p), tally.weights.get(label)) {
            *w = w.saturating_add(*lw);
        }
    }
    let sum = weights.iter().fold(0u128, |a, w| a.saturating_add(*w));
    let text = |w: u128| {
        crate::market::weight_decimal(w, tally.fractional)
            .normalize()
            .to_string()
    };
    Basis {
        total,
        insured: parties
            .ids
            .iter()
            .zip(&weights)
            .map(|(id, w)| (id.clone(), text(*w)))
            .collect(),
        area: text(sum),
    }
}

#[cfg_attr(resv_optimize, optimize(size))]
fn pool_share(id: String, amount: Money, basis: &Basis, insurer: &str) -> PoolShare {
    PoolShare {
        id,
        amount,
        total: basis.total,
        insured: basis
            .insured
            .get(insurer)
            .cloned()
            .unwrap_or_else(|| "0".into()),
        area_insured: basis.area.clone(),
    }
}

#[cfg_attr(resv_optimize, optimize(size))]
fn statement(
    results: &[LineResult],
    pools: &[Pool],
    bases: &[Basis],
    work: &Basis,
    insurer: &InsurerPart,
    years: Vec<YearShare>,
) -> Option<Statement> {
    let mut pool_shares = Vec::new();
    let mut line_parts = vec![Money::ZERO; results.len()];
    for (pool, basis) in pools.iter().zip(bases) {
        let Some((_, part)) = pool.parts.iter().find(|(id, _)| *id == insurer.id) else {
            continue;
        };
        let id = match (&pool.area, results.get(pool.line)) {
            (Some(_), Some(l)) => l.id.clone(),
            _ => "workArea".to_owned(),
        };
        pool_shares.push(pool_share(id, *part, basis, &insurer.id));
        let members: Vec<&LineResult> = pool.lines.iter().filter_map(|&l| results.get(l)).collect();
        let ws: Vec<Decimal> = members.iter().map(|l| l.paid_zvw.value()).collect();
        for (&l, m) in pool.lines.iter().zip(split_over(*part, &ws)?) {
            add(line_parts.get_mut(l)?, m)?;
        }
    }
    if pool_shares.is_empty() && !insurer.amount.value().is_zero() {
        // The lump sum of a scenario without lines: one pool, the work area.
        pool_shares.push(pool_share(
            "workArea".into(),
            insurer.amount,
            work,
            &insurer.id,
        ));
    }
    let mut tasks: Vec<TaskShare> = experiment::MAIN_TASKS
        .map(|task| TaskShare {
            task,
            amount: Money::ZERO,
        })
        .collect();
    let mut levels: Vec<Share> = Level::ALL
        .iter()
        .map(|l| Share {
            id: level_id(*l).to_owned(),
            amount: Money::ZERO,
        })
        .collect();
    let mut conditional = Money::ZERO;
    let mut lines = Vec::with_capacity(results.len());
    for (l, part) in results.iter().zip(line_parts) {
        lines.push(Share {
            id: l.id.clone(),
            amount: part,
        });
        for (&t, m) in l
            .main_tasks
            .iter()
            .zip(split_over(part, &l.task_weights())?)
        {
            add(
                &mut tasks.get_mut(usize::from(t).checked_sub(1)?)?.amount,
                m,
            )?;
        }
        let k = Level::ALL.iter().position(|x| *x == l.level)?;
        add(&mut levels.get_mut(k)?.amount, part)?;
        if l.status == "conditional" {
            add(&mut conditional, part)?;
        }
    }
    let label_weights: Vec<Decimal> = insurer.labels.iter().map(|l| l.insured).collect();
    let labels = insurer
        .labels
        .iter()
        .zip(split_over(insurer.amount, &label_weights)?)
        .map(|(l, amount)| Share {
            id: l.name.clone(),
            amount,
        })
        .collect();
    Some(Statement {
        pools: pool_shares,
        lines,
        main_tasks: tasks,
        levels,
        conditional,
        labels,
        years,
    })
}

#[cfg_attr(resv_optimize, optimize(size))]
fn level_id(l: Level) -> &'static str {
    match l {
        Level::Regional => "regional",
        Level::Neighbourhood => "neighbourhood",
        Level::Monodisciplinary => "monodisciplinary",
    }
}

/// Each insurer's part of each experiment year's Zvw as paid: the budget year is the amounts
/// themselves; a development year's paid Zvw is split over the insurers in proportion to
/// their amounts.
#[cfg_attr(resv_optimize, optimize(size))]
fn year_shares(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    insurers: &[InsurerPart],
) -> Option<Vec<Vec<YearShare>>> {
    let mut out = vec![Vec::new(); insurers.len()];
    let ws: Vec<Decimal> = insurers.iter().map(|i| i.amount.value().abs()).collect();
    for year in experiment::YEARS {
        let parts: Vec<Money> = if year == input.year {
            insurers.iter().map(|i| i.amount).collect()
        } else {
            let Some(y) = budget.years.iter().find(|y| y.year == year) else {
                continue;
            };
            split_over(budget.paid_year(y.sums.zvw)?, &ws)?
        };
        for (o, amount) in out.iter_mut().zip(parts) {
            o.push(YearShare { year, amount });
        }
    }
    Some(out)
}

/// The pool of a line's municipal part: the pool of its own area (municipal parts always
/// pool by area), or the work area's.
#[cfg_attr(resv_optimize, optimize(size))]
fn municipal_pool(line: &crate::budget::Line, pools: &[Pool]) -> Option<usize> {
    let spans = line.area.as_ref().map(|a| &a.spans);
    pools
        .iter()
        .position(|p| p.area.as_ref().map(|a| &a.spans) == spans)
}

/// Fills in every municipality's statement: its amount per line, per year, and the lines it
/// is asked to approve. `None` when an amount overflows or the pools cannot be split again.
///
/// Per pool, each municipality's part (as [`crate::municipality::pool_parts`] gives it, the
/// very parts its amount adds up) is split over the pool's lines by what is left of each
/// line's municipal amount after the municipalities before it: so a municipality's lines add
/// up to its amount, and each line's parts over the municipalities add up to the line's
/// municipal amount, both to the cent. (Line amounts are never negative, so neither are the
/// parts; what is left of a line never falls below zero, since a rounded-up part of a rest
/// is at most that rest.)
#[inline(never)]
#[cfg_attr(resv_optimize, optimize(size))]
pub(super) fn fill_municipal(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    pools: &[Pool],
    parts: &mut [MunicipalityPart],
) -> Option<()> {
    if parts.is_empty() {
        return Some(());
    }
    let results = &budget.results;
    let by_pool = crate::municipality::pool_parts(
        input.market(),
        &input.municipalities,
        pools,
        &input.area.spans,
    )
    .ok()?;
    let mut line_parts = vec![vec![Money::ZERO; results.len()]; parts.len()];
    for (k, pool_parts) in by_pool {
        let members: Vec<usize> = input
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| municipal_pool(l, pools) == Some(k))
            .map(|(i, _)| i)
            .collect();
        let mut rest: Vec<Money> = members
            .iter()
            .map(|&i| results.get(i).map(|r| r.municipal))
            .collect::<Option<_>>()?;
        for (row, part) in line_parts.iter_mut().zip(pool_parts) {
            let weights: Vec<Decimal> = rest.iter().map(|m| m.value()).collect();
            let split = split_over(part, &weights)?;
            for ((&i, m), left) in members.iter().zip(split).zip(rest.iter_mut()) {
                add(row.get_mut(i)?, m)?;
                *left = left.checked_sub(m)?;
            }
        }
    }
    let years = municipal_years(input, budget, parts)?;
    for ((m, row), years) in parts.iter_mut().zip(line_parts).zip(years) {
        let mut lines = Vec::new();
        let mut approve = Vec::new();
        let mut conditional_zvw = Money::ZERO;
        for ((r, l), amount) in results.iter().zip(&input.lines).zip(row) {
            if r.municipal.value().is_zero() {
                continue;
            }
            lines.push(Share {
                id: r.id.clone(),
                amount,
            });
            if !l.approved && !amount.value().is_zero() {
                approve.push(Approval {
                    line: r.id.clone(),
                    amount,
                    municipal: r.municipal,
                    zvw: r.paid_zvw,
                    wlz_pending: !r.wlz.value().is_zero() && !l.wlz_granted,
                });
                add(&mut conditional_zvw, r.paid_zvw)?;
            }
        }
        m.statement = Some(MunicipalStatement {
            lines,
            years,
            approve,
            conditional_zvw,
        });
    }
    Some(())
}

/// Each municipality's part of each experiment year's municipal total: the budget year is
/// the amounts themselves; another year's total is split in proportion to the amounts.
#[cfg_attr(resv_optimize, optimize(size))]
fn municipal_years(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    parts: &[MunicipalityPart],
) -> Option<Vec<Vec<YearShare>>> {
    let mut out = vec![Vec::new(); parts.len()];
    let ws: Vec<Decimal> = parts.iter().map(|m| m.amount.value().abs()).collect();
    for year in experiment::YEARS {
        let amounts: Vec<Money> = if year == input.year {
            parts.iter().map(|m| m.amount).collect()
        } else {
            let Some(y) = budget.years.iter().find(|y| y.year == year) else {
                continue;
            };
            split_over(y.sums.municipal, &ws)?
        };
        for (o, amount) in out.iter_mut().zip(amounts) {
            o.push(YearShare { year, amount });
        }
    }
    Some(out)
}
