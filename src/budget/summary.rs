//! The budget summed: totals over lines, per level and per hoofdtaak, each adding up to the
//! totals by construction.

use super::{Level, LineResult, Summary, Sums};
use crate::experiment;
use crate::money::Money;
use rust_decimal::Decimal;

/// Totals over lines.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn totals(lines: &[LineResult]) -> Option<Sums> {
    let mut s = Sums::default();
    for l in lines {
        s.add(l)?;
    }
    Some(s)
}

/// Per level, each adding up to the totals.
#[cfg_attr(resv_optimize, optimize(size))]
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

/// Per hoofdtaak (1..5): a line's amounts split over its tasks by its task shares, equally
/// when it gives none (largest remainder, a tied odd cent to the first-listed task), so the
/// five add up to the totals.
#[cfg_attr(resv_optimize, optimize(size))]
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
        let weights = l.task_weights();
        let part = |m: Money| crate::split::split(m.value(), &weights, cent).ok();
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
            let zvw = Money::new(*z.get(j)?).ok()?;
            let piece = LineResult {
                gross: Money::new(*g.get(j)?).ok()?,
                existing_funding: Money::new(*e.get(j)?).ok()?,
                net: Money::new(*n.get(j)?).ok()?,
                zvw,
                // The lines summed here are as paid (zvw = paid_zvw), so the task's piece is.
                paid_zvw: zvw,
                municipal: Money::new(*mu.get(j)?).ok()?,
                wlz: Money::new(*w.get(j)?).ok()?,
                ..l.clone()
            };
            slot.sums.add(&piece)?;
        }
    }
    Some(out)
}
