//! One stable sort for the whole crate.
//!
//! Every `sort_by` of the standard library is monomorphised for its element type and its
//! comparison closure: in the Wasm build each call site cost 5–15 KB of sort code. Here the
//! standard library's stable sort is instantiated once, on positions (`usize`) with a `dyn`
//! comparison, and every other sort in the crate goes through it. The import's own row sort
//! (`market::builder`, only for unsorted input) is the one exception, kept for its speed.

use std::cmp::Ordering;

/// Sorts positions stably by `cmp` on them: the crate's one instantiation of the standard
/// library's sort.
#[inline(never)]
pub fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `items` stably by `cmp`, through [`sort_positions`].
pub fn sort_by<T>(items: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut positions: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut positions, &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        positions
            .iter()
            .filter_map(|&p| slots.get_mut(p).and_then(Option::take)),
    );
}

/// Sorts `items` ascending and removes duplicates.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, &|a, b| a.cmp(b));
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_and_dedups() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut w = vec![3u8, 1, 3, 2, 1];
        sort_dedup(&mut w);
        assert_eq!(w, [1, 2, 3]);
        let mut e: Vec<u8> = Vec::new();
        sort_dedup(&mut e);
        assert!(e.is_empty());
    }
}
