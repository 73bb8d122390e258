//! Threshold scales (d3-scale's `scaleThreshold`): `n` thresholds, as given, split the line
//! into `n + 1` parts; a value maps to the range value of the first threshold above it (a
//! value equal to a threshold belongs to the part above). Only the first `range.len() − 1`
//! thresholds are used when the range is shorter, as in d3.

use super::jsmath;

/// A threshold scale's cut points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Threshold {
    thresholds: Vec<f64>,
    n: usize,
}

impl Threshold {
    /// A scale cutting at `thresholds` into `outputs` range values.
    pub(crate) fn new(thresholds: &[f64], outputs: usize) -> Threshold {
        let n = thresholds.len().min(outputs.saturating_sub(1));
        Threshold { thresholds: thresholds.to_vec(), n }
    }

    /// The range index of `x`.
    pub(crate) fn index(&self, x: f64) -> Option<usize> {
        if x.is_nan() {
            return None;
        }
        Some(jsmath::bisect_right(&self.thresholds, x, 0, self.n))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Domain, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;

    // node 20, d3-scale 4.0.3: scaleThreshold().domain([0, 1]).range(['neg','mid','pos']):
    // -0.5 neg, 0 mid, 0.99 mid, 1 pos, 5 pos; domain([0, 1, 2, 3]).range(['a','b']): -1 a,
    // 0.5 b, 10 b
    #[test]
    fn buckets_match_d3() {
        let t = Threshold::new(&[0.0, 1.0], 3);
        let got: Vec<_> = [-0.5, 0.0, 0.99, 1.0, 5.0].iter().map(|&x| t.index(x)).collect();
        assert_eq!(got, vec![Some(0), Some(1), Some(1), Some(2), Some(2)]);
        let short = Threshold::new(&[0.0, 1.0, 2.0, 3.0], 2);
        assert_eq!((short.index(-1.0), short.index(0.5), short.index(10.0)), (Some(0), Some(1), Some(1)));
    }

    #[test]
    fn threshold_scale_maps_numbers_and_ticks_its_thresholds() {
        let s = Scale::new(
            ScaleType::Threshold,
            Domain::Thresholds(vec![10.0, 20.0]),
            Range::Numbers(vec![1.0, 2.0, 3.0]),
            &ScaleOptions::default(),
        )
        .unwrap();
        assert_eq!(s.map(&Value::Num(15.0)), Some(2.0));
        assert_eq!(s.map(&Value::str("25")), Some(3.0));
        assert_eq!(s.map(&Value::str("x")), None);
        assert_eq!(s.ticks(10.0), vec![Value::Num(10.0), Value::Num(20.0)]);
        let bad = Domain::Thresholds(vec![1.0, f64::NAN]);
        assert!(Scale::new(ScaleType::Threshold, bad, Range::Numbers(vec![1.0, 2.0, 3.0]), &ScaleOptions::default())
            .is_err());
    }
}
