//! Ordinal scales (d3-scale's `scaleOrdinal` as Vega configures it): a lookup from the
//! domain's distinct values, in first-seen order, to the range, cycling the range when the
//! domain is longer (`range[i % range.length]`). Values outside the domain map to nothing
//! (Vega sets `unknown` to undefined unless `domainImplicit`). The same index serves band and
//! point scales.

use crate::grammar::Value;
use std::collections::HashMap;

/// Distinct domain values and their positions.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    keys: HashMap<String, usize>,
}

impl Index {
    /// The distinct values of `values` (first occurrence kept, like d3's `InternMap`) and
    /// their index.
    pub(crate) fn new(values: &[Value]) -> (Vec<Value>, Index) {
        let mut keys = HashMap::new();
        let mut distinct = Vec::new();
        for v in values {
            if let std::collections::hash_map::Entry::Vacant(e) = keys.entry(v.key()) {
                e.insert(distinct.len());
                distinct.push(v.clone());
            }
        }
        (distinct, Index { keys })
    }

    /// The position of `v` in the domain.
    pub(crate) fn get(&self, v: &Value) -> Option<usize> {
        self.keys.get(&v.key()).copied()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{scheme, Domain, Range, Scale, ScaleOptions, ScaleType, Scheme};
    use super::*;
    use crate::theme::Rgb;

    fn cats(n: usize) -> Vec<Value> {
        (0..n).map(|i| Value::str(&format!("c{i}"))).collect()
    }

    #[test]
    fn index_keeps_first_occurrences() {
        let (d, ix) = Index::new(&[Value::str("b"), Value::str("a"), Value::str("b"), Value::Num(1.0)]);
        assert_eq!(d, vec![Value::str("b"), Value::str("a"), Value::Num(1.0)]);
        assert_eq!(ix.get(&Value::str("a")), Some(1));
        assert_eq!(ix.get(&Value::str("1")), None);
    }

    // d3-scale 4.0.3: scaleOrdinal().domain(c0..c11).range(schemeTableau10-like 10 colours)
    // gives c10 the first colour again.
    #[test]
    fn colours_cycle_through_the_scheme() {
        let Some(Scheme::Categorical(t10)) = scheme("tableau10") else { panic!("tableau10") };
        let o = ScaleOptions::default();
        let s = Scale::new(ScaleType::Ordinal, Domain::Discrete(cats(12)), Range::Colors(t10.clone()), &o).unwrap();
        assert_eq!(s.color(&Value::str("c0")), Some(Rgb(0x4c, 0x78, 0xa8)));
        assert_eq!(s.color(&Value::str("c10")), Some(t10[0]));
        assert_eq!(s.color(&Value::str("c11")), Some(t10[1]));
        assert_eq!(s.color(&Value::str("zz")), None);
        assert_eq!(s.map(&Value::str("c0")), None);
        assert_eq!(s.ticks(5.0), cats(12));
    }

    #[test]
    fn numeric_ranges_and_reverse() {
        let o = ScaleOptions { reverse: true, ..ScaleOptions::default() };
        let s =
            Scale::new(ScaleType::Ordinal, Domain::Discrete(cats(3)), Range::Numbers(vec![1.0, 2.0, 3.0]), &o).unwrap();
        assert_eq!(s.map(&Value::str("c0")), Some(3.0));
        assert_eq!(s.map(&Value::str("c2")), Some(1.0));
        assert_eq!((s.bandwidth(), s.step()), (0.0, 0.0));
        assert_eq!(s.invert(1.0), None);
    }
}
