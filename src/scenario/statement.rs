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
use crate::verdeelsleutel::{InsurerPart, Share, Statement, TaskShare, YearShare};
use rust_decimal::Decimal;

/// `total` split over the magnitudes of `weights` to the cent (a negative total, a
/// correction, mirrored); all zero when every weight is zero. `None` when an amount
/// overflows.
fn split_over(total: Money, weights: &[Decimal]) -> Option<Vec<Money>> {
    if weights.iter().all(Decimal::is_zero) || total.value().is_zero() {
        return Some(vec![Money::ZERO; weights.len()]);
    }
    let weights: Vec<Decimal> = weights.iter().map(|w| w.abs()).collect();
    crate::split::split_cents(total, &weights)
}

fn add(to: &mut Money, m: Money) -> Option<()> {
    *to = to.checked_add(m)?;
    Some(())
}

/// Fills in every insurer's statement. `None` when an amount overflows.
pub(super) fn fill(
    input: &ScenarioInput<'_>,
    budget: &BudgetTotals,
    pools: &[Pool],
    insurers: &mut [InsurerPart],
) -> Option<()> {
    let years = year_shares(input, budget, insurers)?;
    let mut statements = Vec::with_capacity(insurers.len());
    for (i, years) in insurers.iter().zip(years) {
        statements.push(statement(&budget.results, pools, i, years)?);
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

fn statement(
    results: &[LineResult],
    pools: &[Pool],
    insurer: &InsurerPart,
    years: Vec<YearShare>,
) -> Option<Statement> {
    let mut pool_shares = Vec::new();
    let mut line_parts = vec![Money::ZERO; results.len()];
    for pool in pools {
        let Some((_, part)) = pool.parts.iter().find(|(id, _)| *id == insurer.id) else {
            continue;
        };
        let id = match (&pool.area, results.get(pool.line)) {
            (Some(_), Some(l)) => l.id.clone(),
            _ => "workArea".to_owned(),
        };
        pool_shares.push(Share { id, amount: *part });
        let members: Vec<&LineResult> = pool.lines.iter().filter_map(|&l| results.get(l)).collect();
        let ws: Vec<Decimal> = members.iter().map(|l| l.paid_zvw.value()).collect();
        for (&l, m) in pool.lines.iter().zip(split_over(*part, &ws)?) {
            add(line_parts.get_mut(l)?, m)?;
        }
    }
    if pool_shares.is_empty() && !insurer.amount.value().is_zero() {
        // The lump sum of a scenario without lines: one pool, the work area.
        pool_shares.push(Share {
            id: "workArea".into(),
            amount: insurer.amount,
        });
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
