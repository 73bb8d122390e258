//! Sorting, in one place. Every sort in the crate orders a list of indices through
//! [`indices`], so the wasm carries one copy of the standard library's stable sort instead of
//! one per element type and comparison: each copy is 2-6 KB of code, and seven of them were
//! about a tenth of the module (twiggy; README "Performance").

use std::cmp::Ordering;

/// The indices `0..n` in the order `cmp` gives; stable (equal items keep their order).
pub fn indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|a, b| cmp(*a, *b));
    idx
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = indices(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(idx.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_the_comparison() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let keys = [0.5f64, -1.0, 2.0];
        assert_eq!(indices(3, &mut |a, b| keys[b].total_cmp(&keys[a])), [2, 0, 1]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, |a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
