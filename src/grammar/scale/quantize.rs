//! Quantize scales (d3-scale's `scaleQuantize`): the continuous domain `[x0, x1]` cut into
//! as many equal segments as the range has values; the `n − 1` thresholds are
//! `((i+1)·x1 − (i−n)·x0) / (n+1)` computed as d3 does, and a value maps to the range value of
//! the first threshold above it. Zero and nice apply to the domain as for linear scales.

use super::jsmath;

/// A quantize scale's thresholds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantize {
    thresholds: Vec<f64>,
}

impl Quantize {
    /// Thresholds for the domain `[x0, x1]` and `outputs` range values.
    pub(crate) fn new(x0: f64, x1: f64, outputs: usize) -> Quantize {
        let n = outputs.saturating_sub(1);
        let nf = n as f64;
        let thresholds = (0..n).map(|i| {
            let i = i as f64;
            ((i + 1.0) * x1 - (i - nf) * x0) / (nf + 1.0)
        });
        Quantize { thresholds: thresholds.collect() }
    }

    /// The range index of `x`.
    pub(crate) fn index(&self, x: f64) -> Option<usize> {
        if x.is_nan() {
            return None;
        }
        Some(jsmath::bisect_right(&self.thresholds, x, 0, self.thresholds.len()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Domain, Nice, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;

    // node 20, d3-scale 4.0.3: scaleQuantize().domain([0, 100]).range(4 values): thresholds
    // [25, 50, 75]; 24.9 -> 0, 25 -> 1, -5 -> 0, 100 -> 3, 1000 -> 3. domain([0, 1]) with 3:
    // [0.3333333333333333, 0.6666666666666666]. domain([100, 0]): [75, 50, 25]; 10 -> 0, 90 -> 3
    #[test]
    fn thresholds_and_buckets_match_d3() {
        let q = Quantize::new(0.0, 100.0, 4);
        assert_eq!(q.thresholds, vec![25.0, 50.0, 75.0]);
        let idx: Vec<_> = [24.9, 25.0, -5.0, 100.0, 1000.0].iter().map(|&x| q.index(x)).collect();
        assert_eq!(idx, vec![Some(0), Some(1), Some(0), Some(3), Some(3)]);
        assert_eq!(q.index(f64::NAN), None);
        assert_eq!(Quantize::new(0.0, 1.0, 3).thresholds, vec![0.3333333333333333, 0.6666666666666666]);
        let r = Quantize::new(100.0, 0.0, 4);
        assert_eq!((r.index(10.0), r.index(90.0)), (Some(0), Some(3)));
    }

    // d3-scale 4.0.3: scaleQuantize().domain([0.13, 0.97]).range(1..=5).nice(): domain [0.1, 1],
    // ticks(5) [0.2, 0.4, 0.6, 0.8, 1]
    #[test]
    fn quantize_scale_nices_and_ticks_linearly() {
        let o = ScaleOptions { nice: Nice::Auto, ..ScaleOptions::default() };
        let r = Range::Numbers(vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        let s = Scale::new(ScaleType::Quantize, Domain::Continuous(0.13, 0.97), r, &o).unwrap();
        assert_eq!(s.domain(), &Domain::Continuous(0.1, 1.0));
        let t: Vec<f64> = s.ticks(5.0).iter().filter_map(Value::as_num).collect();
        assert_eq!(t, vec![0.2, 0.4, 0.6, 0.8, 1.0]);
        // thresholds 0.28, 0.46, 0.64, 0.82 (as 0.27999999999999997, ...)
        assert_eq!(s.map(&Value::Num(0.28)), Some(2.0));
        assert_eq!(s.map(&Value::Num(0.9)), Some(5.0));
        assert_eq!(s.map(&Value::Null), None);
    }
}
