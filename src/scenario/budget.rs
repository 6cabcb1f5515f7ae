//! The budget phase: each line's result for the budget year, the totals, the development
//! years, and the Zvw amount actually allocated (the contracted lump sum when given).

use super::input::ScenarioInput;
use super::notes::Notes;
use super::{Overflow, Phase};
use crate::budget::{self, LineResult, Sums, YearTotals};
use crate::issue::{Path, Warned, Warning};
use crate::money::Money;

/// The budget's figures.
pub(super) struct BudgetTotals {
    /// Each line's result for the budget year.
    pub results: Vec<LineResult>,
    /// The budget's totals (without lines: the lump sum as its Zvw).
    pub sums: Sums,
    /// The totals per year of the lines.
    pub years: Vec<YearTotals>,
    /// The Zvw amount allocated over the insurers.
    pub contracted: Money,
    /// `contracted / budget Zvw` when the contract differs from a budget with Zvw parts: the
    /// factor the development years' Zvw is paid at.
    pub ratio: Option<rust_decimal::Decimal>,
}

impl BudgetTotals {
    /// The lines with their Zvw part as paid: what the summaries and subcontracts are of.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn paid_lines(&self) -> Vec<LineResult> {
        self.results
            .iter()
            .map(|r| LineResult {
                zvw: r.paid_zvw,
                ..r.clone()
            })
            .collect()
    }

    /// The totals per year as paid: the budget year is the report's totals (its Zvw the
    /// contract), every other year has its Zvw and conditional Zvw scaled as the contract
    /// scales the budget year ([`BudgetTotals::paid_year`]). Gross, net, municipal and Wlz
    /// stay as budgeted. `None` on overflow.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn paid_years(&self, budget_year: u16) -> Option<Vec<YearTotals>> {
        self.years
            .iter()
            .map(|y| {
                let sums = if y.year == budget_year {
                    Sums {
                        zvw: self.contracted,
                        ..self.sums
                    }
                } else {
                    Sums {
                        zvw: self.paid_year(y.sums.zvw)?,
                        conditional_zvw: self.paid_year(y.sums.conditional_zvw)?,
                        ..y.sums
                    }
                };
                Some(YearTotals { year: y.year, sums })
            })
            .collect()
    }

    /// A development year's Zvw as paid: scaled by [`BudgetTotals::ratio`], rounded half away
    /// from zero to the cent. `None` on overflow.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn paid_year(&self, zvw: Money) -> Option<Money> {
        match self.ratio {
            None => Some(zvw),
            Some(r) => Some(
                Money::new(zvw.value().checked_mul(r)?)
                    .ok()?
                    .round_half_away_from_zero(2),
            ),
        }
    }
}

/// Each line's part of the contracted Zvw: the budget's Zvw when the contract equals it (or
/// the budget has no Zvw parts), else a largest-remainder split of the contract over the
/// lines' Zvw parts, so the parts add up to the contract exactly.
#[cfg_attr(resv_optimize, optimize(size))]
fn paid_parts(results: &[LineResult], contracted: Money) -> Option<Vec<Money>> {
    let budget = results
        .iter()
        .try_fold(Money::ZERO, |a, r| a.checked_add(r.zvw))?;
    if budget == contracted || results.iter().all(|r| r.zvw.value().is_zero()) {
        return Some(results.iter().map(|r| r.zvw).collect());
    }
    let ws: Vec<rust_decimal::Decimal> = results.iter().map(|r| r.zvw.value()).collect();
    crate::split::split_cents(contracted, &ws)
}

impl BudgetTotals {
    /// Computes the budget's figures; a contract that differs from the budget is noted.
    ///
    /// # Errors
    /// An [`Overflow`] in the budget.
    #[inline(never)]
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn compute(input: &ScenarioInput<'_>, notes: &mut Notes) -> Result<Self, Overflow> {
        let overflow = || Overflow::at(Phase::Budget, Path::root().key("budget"));
        let lines = &input.lines;
        let results: Vec<LineResult> = lines
            .iter()
            .map(|l| budget::line_result(l, l.amount))
            .collect::<Option<_>>()
            .ok_or_else(overflow)?;
        let sums = if lines.is_empty() {
            let z = input.lump_sum.unwrap_or(Money::ZERO);
            Sums {
                gross: z,
                net: z,
                zvw: z,
                ..Sums::default()
            }
        } else {
            budget::totals(&results).ok_or_else(overflow)?
        };
        let years = development_years(input).ok_or_else(overflow)?;
        let contracted = input.lump_sum.unwrap_or(sums.zvw);
        let mut results = results;
        let paid = paid_parts(&results, contracted).ok_or_else(overflow)?;
        for (r, p) in results.iter_mut().zip(paid) {
            r.paid_zvw = p;
        }
        // The totals again, now that what is conditional is of the amount paid.
        let sums = if lines.is_empty() {
            sums
        } else {
            budget::totals(&results).ok_or_else(overflow)?
        };
        let ratio = (contracted != sums.zvw && !sums.zvw.value().is_zero())
            .then(|| contracted.value().checked_div(sums.zvw.value()))
            .flatten();
        if let (Some(c), false) = (input.lump_sum, lines.is_empty()) {
            if c != sums.zvw {
                notes.contract = Some(Warned {
                    path: Path::root().key("lumpSum"),
                    warning: Warning::ContractDiffers {
                        contracted: c.value(),
                        budget: sums.zvw.value(),
                        // Both are at most MAX_AMOUNT, so the difference always fits.
                        difference: c.value().checked_sub(sums.zvw.value()).unwrap_or_default(),
                    },
                });
            }
        }
        Ok(BudgetTotals {
            results,
            sums,
            years,
            contracted,
            ratio,
        })
    }
}

/// The totals per year over every year any line names.
#[cfg_attr(resv_optimize, optimize(size))]
fn development_years(input: &ScenarioInput<'_>) -> Option<Vec<YearTotals>> {
    let lines = &input.lines;
    let mut ys: Vec<u16> = lines
        .iter()
        .flat_map(|l| l.years.iter().map(|(y, _)| *y))
        .collect();
    crate::order::sort_dedup(&mut ys);
    ys.into_iter()
        .map(|y| {
            let rs: Vec<LineResult> = lines
                .iter()
                .filter_map(|l| {
                    l.years
                        .iter()
                        .find(|(ly, _)| *ly == y)
                        .and_then(|(_, a)| budget::line_result_in(l, y, *a))
                })
                .collect();
            Some(YearTotals {
                year: y,
                sums: budget::totals(&rs)?,
            })
        })
        .collect()
}
