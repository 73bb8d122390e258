//! Band and point scales (vega-scale's own `band`/`point`, which differ from d3's only in
//! clamping paddings to [0, 1]): `n` distinct values share the range as
//! `step = span / max(1, n − paddingInner + 2·paddingOuter)` (span / 1 when the space is not
//! positive), bands start at `min + (span − step·(n − paddingInner))·align` and are
//! `step·(1 − paddingInner)` wide. A point scale is a band scale with `paddingInner = 1`
//! (zero-width bands) whose `padding` is the outer padding. A descending range lays the
//! values out from its end. No rounding (Vega-Lite's default `round: false`).

/// A band scale's geometry.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Band {
    n: usize,
    start: f64,
    step: f64,
    bandwidth: f64,
    reverse: bool,
}

impl Band {
    /// Geometry for `n` values over the range `[r0, r1]`.
    pub(crate) fn new(n: usize, r0: f64, r1: f64, inner: f64, outer: f64, align: f64) -> Band {
        let clamp01 = |x: f64| x.clamp(0.0, 1.0);
        let (inner, outer, align) = (clamp01(inner), clamp01(outer), clamp01(align));
        let reverse = r1 < r0;
        let (mut start, stop) = if reverse { (r1, r0) } else { (r0, r1) };
        let count = n as f64;
        let space = count - inner + outer * 2.0;
        let space = if n == 0 {
            0.0
        } else if space > 0.0 {
            space
        } else {
            1.0
        };
        let step = (stop - start) / if space == 0.0 { 1.0 } else { space };
        start += (stop - start - step * (count - inner)) * align;
        Band { n, start, step, bandwidth: step * (1.0 - inner), reverse }
    }

    /// The start of the band of the `i`-th value.
    pub(crate) fn position(&self, i: usize) -> f64 {
        let j = if self.reverse { self.n.saturating_sub(1 + i) } else { i };
        self.start + self.step * j as f64
    }

    /// The band width (0 for point scales).
    pub(crate) fn bandwidth(&self) -> f64 {
        self.bandwidth
    }

    /// The distance between the starts of neighbouring bands.
    pub(crate) fn step(&self) -> f64 {
        self.step
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Domain, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;

    fn abc() -> Domain {
        Domain::Discrete(vec![Value::str("a"), Value::str("b"), Value::str("c")])
    }

    fn at(s: &Scale, v: &str) -> f64 {
        s.map(&Value::str(v)).unwrap_or(f64::NAN)
    }

    // node 20, vega-scale 8.1.3: scale('band')().domain(['a','b','c']).range([0, 300])
    //   .paddingInner(0.1).paddingOuter(0.05): step 100, bandwidth 90, a -> 5, c -> 205
    #[test]
    fn band_geometry_matches_vega() {
        let o = ScaleOptions { padding_inner: Some(0.1), padding_outer: Some(0.05), ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Band, abc(), Range::Continuous(0.0, 300.0), &o).unwrap();
        assert_eq!(s.step(), 100.0);
        assert_eq!(s.bandwidth(), 90.0);
        assert_eq!(at(&s, "a"), 5.0);
        assert_eq!(at(&s, "c"), 205.0);
        assert_eq!(s.map(&Value::str("d")), None);
    }

    // vega-scale 8.1.3: band().domain(['a','b','c']).range([0, 300]) -> step 100, bandwidth 100;
    //   .padding(0.2) -> step 93.75000000000001, bandwidth 75.00000000000001, a -> 18.75;
    //   .range([300, 0]) -> a -> 200, c -> 0
    #[test]
    fn band_padding_shorthand_and_reverse() {
        let o = ScaleOptions::default();
        let s = Scale::new(ScaleType::Band, abc(), Range::Continuous(0.0, 300.0), &o).unwrap();
        assert_eq!((s.step(), s.bandwidth(), at(&s, "b")), (100.0, 100.0, 100.0));
        let o = ScaleOptions { padding: Some(0.2), ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Band, abc(), Range::Continuous(0.0, 300.0), &o).unwrap();
        assert_eq!((s.step(), s.bandwidth(), at(&s, "a")), (93.75000000000001, 75.00000000000001, 18.75));
        let o = ScaleOptions { reverse: true, ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Band, abc(), Range::Continuous(0.0, 300.0), &o).unwrap();
        assert_eq!((at(&s, "a"), at(&s, "c")), (200.0, 0.0));
    }

    // vega-scale 8.1.3: point().domain(['a','b','c']).range([0, 300]).padding(0.5):
    //   step 100, bandwidth 0, a -> 50, c -> 250; align(0) -> a -> 0;
    //   point().domain(['x']).range([0, 300]) -> x -> 150, step 300
    #[test]
    fn point_scale_matches_vega() {
        let o = ScaleOptions { padding: Some(0.5), ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Point, abc(), Range::Continuous(0.0, 300.0), &o).unwrap();
        assert_eq!((s.step(), s.bandwidth(), at(&s, "a"), at(&s, "c")), (100.0, 0.0, 50.0, 250.0));
        let o = ScaleOptions { padding: Some(0.5), align: 0.0, ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Point, abc(), Range::Continuous(0.0, 300.0), &o).unwrap();
        assert_eq!(at(&s, "a"), 0.0);
        let one = Domain::Discrete(vec![Value::str("x")]);
        let s = Scale::new(ScaleType::Point, one, Range::Continuous(0.0, 300.0), &ScaleOptions::default()).unwrap();
        assert_eq!((at(&s, "x"), s.step()), (150.0, 300.0));
    }

    // vega-scale 8.1.3: band().domain(['a','b']).range([0, 100]).paddingInner(7).paddingOuter(-1)
    //   -> step 100, bandwidth 0; band().domain([]).range([0, 100]).step() -> 100
    #[test]
    fn paddings_are_clamped() {
        let b = Band::new(2, 0.0, 100.0, 7.0, -1.0, 0.5);
        assert_eq!((b.step(), b.bandwidth()), (100.0, 0.0));
        assert_eq!(Band::new(0, 0.0, 100.0, 0.0, 0.0, 0.5).step(), 100.0);
    }
}
