//! Quantile scales (d3-scale's `scaleQuantile`): the domain is every sample value (NaN and
//! missing dropped, sorted ascending); for `n` range values the thresholds are the sample
//! quantiles at `i/n`, i = 1..n−1 (d3-array's `quantileSorted`, linear between order
//! statistics, the R-7 method), and a value maps to the range value of the first threshold
//! above it.

use super::jsmath;

/// d3-array's `quantileSorted(values, p)` for sorted, NaN-free `values`.
pub(crate) fn quantile_sorted(values: &[f64], p: f64) -> Option<f64> {
    let (first, last) = (*values.first()?, *values.last()?);
    let n = values.len();
    if p.is_nan() || p <= 0.0 || n < 2 {
        return Some(first);
    }
    if p >= 1.0 {
        return Some(last);
    }
    let i = (n - 1) as f64 * p;
    let i0 = i.floor();
    let v0 = values.get(i0 as usize).copied().unwrap_or(last);
    let v1 = values.get(i0 as usize + 1).copied().unwrap_or(last);
    Some(v0 + (v1 - v0) * (i - i0))
}

/// A quantile scale's thresholds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantile {
    thresholds: Vec<f64>,
}

impl Quantile {
    /// Thresholds of the sorted `samples` for `outputs` range values.
    pub(crate) fn new(samples: &[f64], outputs: usize) -> Quantile {
        let n = outputs.max(1);
        let thresholds = (1..n).filter_map(|i| quantile_sorted(samples, i as f64 / n as f64));
        Quantile { thresholds: thresholds.collect() }
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
    use super::super::{Domain, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;
    use crate::theme::Rgb;

    // node 20, d3-scale 4.0.3: scaleQuantile().domain([3, 6, 7, 8, 8, 10, 13, 15, 16, 20, NaN,
    // null]).range(4 values): quantiles [7.25, 9, 14.5]; 7 -> 0, 8 -> 1, 9.5 -> 2, 100 -> 3,
    // -1 -> 0. domain(1..=10) with 3 values: [4, 7]
    #[test]
    fn quantiles_match_d3() {
        let samples = [3.0, 6.0, 7.0, 8.0, 8.0, 10.0, 13.0, 15.0, 16.0, 20.0];
        let q = Quantile::new(&samples, 4);
        assert_eq!(q.thresholds, vec![7.25, 9.0, 14.5]);
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(Quantile::new(&ten, 3).thresholds, vec![4.0, 7.0]);
        assert_eq!(quantile_sorted(&[], 0.5), None);
        assert_eq!(quantile_sorted(&[5.0], 0.5), Some(5.0));
    }

    #[test]
    fn quantile_scale_sorts_samples_and_buckets() {
        let samples = vec![20.0, 3.0, 16.0, f64::NAN, 6.0, 7.0, 8.0, 8.0, 10.0, 13.0, 15.0];
        let colours = vec![Rgb(1, 1, 1), Rgb(2, 2, 2), Rgb(3, 3, 3), Rgb(4, 4, 4)];
        let s =
            Scale::new(ScaleType::Quantile, Domain::Samples(samples), Range::Colors(colours), &ScaleOptions::default())
                .unwrap();
        let Domain::Samples(d) = s.domain() else { panic!("samples") };
        assert_eq!(d.len(), 10);
        assert_eq!(d.first(), Some(&3.0));
        let c = |x: f64| s.color(&Value::Num(x));
        assert_eq!(
            (c(7.0), c(8.0), c(9.5), c(100.0), c(-1.0)),
            (Some(Rgb(1, 1, 1)), Some(Rgb(2, 2, 2)), Some(Rgb(3, 3, 3)), Some(Rgb(4, 4, 4)), Some(Rgb(1, 1, 1)))
        );
        assert!(Scale::new(
            ScaleType::Quantile,
            Domain::Samples(vec![f64::NAN]),
            Range::Numbers(vec![1.0]),
            &ScaleOptions::default()
        )
        .is_err());
    }
}
