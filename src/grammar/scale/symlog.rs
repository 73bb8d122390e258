//! The symmetric-log transform (d3-scale's `scaleSymlog`, after Webber's bi-symmetric log):
//! `sign(x)·log1p(|x/c|)` with constant `c` (default 1), defined for zero and negatives.
//! Ticks and nice are linear on the untransformed domain, as in d3.

use super::jsmath;

/// d3's `transformSymlog(c)`.
pub(crate) fn symlog(x: f64, c: f64) -> f64 {
    jsmath::sign(x) * (x / c).abs().ln_1p()
}

/// d3's `transformSymexp(c)`: the inverse of [`symlog`].
pub(crate) fn symexp(x: f64, c: f64) -> f64 {
    jsmath::sign(x) * x.abs().exp_m1() * c
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Domain, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;

    #[test]
    fn symlog_round_trips_and_keeps_zero() {
        assert_eq!(symlog(0.0, 1.0), 0.0);
        assert!((symexp(symlog(-42.0, 3.0), 3.0) + 42.0).abs() < 1e-12);
        assert!((symlog(9.0, 1.0) - 10f64.ln()).abs() < 1e-15);
    }

    // d3-scale 4.0.3: scaleSymlog().domain([-100, 100]).range([0, 1]):
    // (0) -> 0.5, (10) -> 0.7597868532412203, (-1) -> 0.424904758388156,
    // ticks(5) -> [-100, -50, 0, 50, 100], invert(0.75) -> 9.049875621120895
    #[test]
    fn symlog_scale_maps_like_d3() {
        let o = ScaleOptions::default();
        let s =
            Scale::new(ScaleType::Symlog, Domain::Continuous(-100.0, 100.0), Range::Continuous(0.0, 1.0), &o).unwrap();
        assert_eq!(s.map(&Value::Num(0.0)), Some(0.5));
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-12);
        assert!(close(s.map(&Value::Num(10.0)), 0.7597868532412203));
        assert!(close(s.map(&Value::Num(-1.0)), 0.424904758388156));
        let ticks: Vec<f64> = s.ticks(5.0).iter().filter_map(|v| v.as_num()).collect();
        assert_eq!(ticks, vec![-100.0, -50.0, 0.0, 50.0, 100.0]);
        let inv = s.invert(0.75).and_then(|v| v.as_num()).unwrap();
        assert!((inv - 9.049875621120895).abs() < 1e-9);
    }
}
