//! [`Pool`]: budget lines that share one area, and so one split over the insurers and one
//! over the municipalities. The work area is always pool 0; each other distinct line area
//! is a pool of its own. Onderlinge dienstverlening is funded from the pools' parts.

use super::{Line, LineResult};
use crate::area::Area;
use crate::market::Span;
use crate::money::Money;

/// Which insured persons a line's Zvw part is split by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Pooling {
    /// Every Zvw part by the insured persons of the work area: the verdeelsleutel the seeds
    /// name, and the default.
    #[default]
    WorkArea,
    /// A line with its own postcodes by the insured persons of that area (a wijkverband paid
    /// by the insurers of its neighbourhood); each such area is a pool.
    LineAreas,
}

/// Lines sharing one area.
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    /// The lines' own area; `None` for the work area.
    pub area: Option<Area>,
    /// The indices of its lines.
    pub lines: Vec<usize>,
    /// The line messages about the pool name: its first line with a Zvw or municipal part
    /// (else its first line).
    pub line: usize,
    /// The budget's Zvw of its lines.
    pub zvw: Money,
    /// The municipal part of its lines.
    pub municipal: Money,
    /// The Zvw allocated over the insurers for it: its share of the contracted lump sum.
    pub allocated: Money,
    /// What each insurer pays for it (filled in by the insurer split).
    pub parts: Vec<(String, Money)>,
}

impl Pool {
    fn new(area: Option<Area>, line: usize) -> Pool {
        Pool {
            area,
            lines: Vec::new(),
            line,
            zvw: Money::ZERO,
            municipal: Money::ZERO,
            allocated: Money::ZERO,
            parts: Vec::new(),
        }
    }

    /// The pool's area: its own, or the work area's spans.
    pub fn spans<'a>(&'a self, work: &'a [Span]) -> &'a [Span] {
        self.area.as_ref().map_or(work, |a| &a.spans)
    }
}

/// Gathers the lines into pools and shares the contracted Zvw amount over them.
///
/// Municipal parts always pool by the line's own area (the municipalities of the
/// neighbourhood pay for it); Zvw parts do so only with [`Pooling::LineAreas`], else every
/// line's Zvw part is in the work area's pool (pool 0).
///
/// `results` are the lines' results for the budget year, with `paid_zvw` their part of the
/// contracted Zvw amount; a pool allocates the sum of its lines' paid parts. Without lines, the
/// work area's pool carries `contracted`, as the one line `lump_line` (when given); so does a
/// contract on a budget with no Zvw parts.
///
/// Returns `None` when an amount overflows.
#[inline(never)]
pub fn gather(
    lines: &[Line],
    results: &[LineResult],
    contracted: Money,
    lump_line: bool,
    pooling: Pooling,
) -> Option<Vec<Pool>> {
    let mut pools = vec![Pool::new(None, 0)];
    for (i, (l, r)) in lines.iter().zip(results).enumerate() {
        let spans = l.area.as_ref().map(|a| &a.spans);
        let k = match pools
            .iter()
            .position(|p| p.area.as_ref().map(|a| &a.spans) == spans)
        {
            Some(k) => k,
            None => {
                pools.push(Pool::new(l.area.clone(), i));
                pools.len().saturating_sub(1)
            }
        };
        let p = pools.get_mut(k)?;
        if p.zvw.value().is_zero() && p.municipal.value().is_zero() {
            p.line = i;
        }
        p.municipal = p.municipal.checked_add(r.municipal)?;
        let z = match pooling {
            Pooling::LineAreas => p,
            Pooling::WorkArea => pools.first_mut()?,
        };
        z.lines.push(i);
        z.zvw = z.zvw.checked_add(r.zvw)?;
    }
    if lines.is_empty() {
        let work = pools.first_mut()?;
        work.zvw = contracted;
        if lump_line {
            work.lines = vec![0];
        }
    }
    if lines.is_empty() || results.iter().all(|r| r.zvw.value().is_zero()) {
        // The lump sum, or a contract on a budget with no Zvw parts: the work area carries it.
        pools.first_mut()?.allocated = contracted;
    } else {
        for p in &mut pools {
            p.allocated = p
                .lines
                .iter()
                .try_fold(Money::ZERO, |a, &i| a.checked_add(results.get(i)?.paid_zvw))?;
        }
    }
    Some(pools)
}
