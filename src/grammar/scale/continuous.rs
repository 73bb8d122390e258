//! What every continuous scale shares (d3-scale's `continuous` and `sequential`
//! transformers): a transform of the domain (identity, log, pow, sqrt, symlog), clamping,
//! numeric interpolation `r0·(1−t) + r1·t` with d3's handling of descending domains, the
//! inverse, colour output (Vega turns a linear/log/pow/sqrt/symlog scale with a colour range
//! into a sequential scale: `t = (f(x) − f(d0)) / (f(d1) − f(d0))`, then the colour ramp), and
//! Vega's pixel `padding` that zooms the domain out.

use super::{jsmath, log, pow, schemes, symlog};
use crate::theme::Rgb;

/// A continuous scale's domain transform.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Transform {
    /// Linear and time scales.
    Identity,
    /// Natural log; `negative` for an all-negative domain (`-ln(-x)`).
    Log {
        /// The domain is below zero.
        negative: bool,
    },
    /// `sign(x)·|x|^k` (an exponent other than 1 and 0.5).
    Pow(f64),
    /// Signed square root.
    Sqrt,
    /// Symmetric log with its constant.
    Symlog(f64),
}

impl Transform {
    /// d3's choice for a pow scale: identity for exponent 1, sqrt for 0.5.
    pub(crate) fn pow(exponent: f64) -> Transform {
        if exponent == 1.0 {
            Transform::Identity
        } else if exponent == 0.5 {
            Transform::Sqrt
        } else {
            Transform::Pow(exponent)
        }
    }

    fn apply(self, x: f64) -> f64 {
        match self {
            Transform::Identity => x,
            Transform::Log { negative } => log::transform(x, negative),
            Transform::Pow(k) => pow::pow(x, k),
            Transform::Sqrt => pow::sqrt(x),
            Transform::Symlog(c) => symlog::symlog(x, c),
        }
    }

    fn invert(self, x: f64) -> f64 {
        match self {
            Transform::Identity => x,
            Transform::Log { negative } => log::untransform(x, negative),
            Transform::Pow(k) => pow::pow(x, 1.0 / k),
            Transform::Sqrt => pow::square(x),
            Transform::Symlog(c) => symlog::symexp(x, c),
        }
    }
}

/// d3's `normalize(a, b)(x)`: 0.5 for an empty span, NaN for a NaN one.
fn normalize(a: f64, b: f64, x: f64) -> f64 {
    let d = b - a;
    if d.is_nan() {
        f64::NAN
    } else if d == 0.0 {
        0.5
    } else {
        (x - a) / d
    }
}

/// d3-interpolate's `interpolateNumber(a, b)(t)`.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a * (1.0 - t) + b * t
}

/// A continuous scale after its domain is settled.
#[derive(Debug, Clone)]
pub(crate) struct Continuous {
    /// The domain transform.
    pub(crate) transform: Transform,
    /// Domain start and end (untransformed).
    pub(crate) d0: f64,
    /// Domain end.
    pub(crate) d1: f64,
    /// Numeric range start and end (ignored for colours).
    pub(crate) r0: f64,
    /// Numeric range end.
    pub(crate) r1: f64,
    /// Colour range, if any.
    pub(crate) colors: Option<Vec<Rgb>>,
    /// Clamp inputs to the domain (outputs to the range).
    pub(crate) clamp: bool,
    /// Colours interpolate as a sequential scale over the whole list (all types but time);
    /// otherwise d3's two-colour interpolation between the first two.
    pub(crate) sequential: bool,
}

impl Continuous {
    fn clamp_domain(&self, x: f64) -> f64 {
        if !self.clamp {
            return x;
        }
        let (lo, hi) = if self.d0 > self.d1 { (self.d1, self.d0) } else { (self.d0, self.d1) };
        jsmath::max(lo, jsmath::min(hi, x))
    }

    /// The position of `x` (d3's `bimap`).
    pub(crate) fn map(&self, x: f64) -> f64 {
        let f = self.transform;
        let (t0, t1) = (f.apply(self.d0), f.apply(self.d1));
        let tx = f.apply(self.clamp_domain(x));
        if t1 < t0 {
            lerp(self.r1, self.r0, normalize(t1, t0, tx))
        } else {
            lerp(self.r0, self.r1, normalize(t0, t1, tx))
        }
    }

    /// The domain value at position `y` (d3's `invert`).
    pub(crate) fn invert(&self, y: f64) -> f64 {
        let f = self.transform;
        let (t0, t1) = (f.apply(self.d0), f.apply(self.d1));
        let t = if self.r1 < self.r0 {
            lerp(t1, t0, normalize(self.r1, self.r0, y))
        } else {
            lerp(t0, t1, normalize(self.r0, self.r1, y))
        };
        self.clamp_domain(f.invert(t))
    }

    /// The colour of `x`, when the range is colours.
    pub(crate) fn color(&self, x: f64) -> Option<Rgb> {
        let colors = self.colors.as_deref()?;
        let f = self.transform;
        let (t0, t1) = (f.apply(self.d0), f.apply(self.d1));
        if self.sequential {
            let k10 = if t0 == t1 { 0.0 } else { 1.0 / (t1 - t0) };
            let mut t = if k10 == 0.0 { 0.5 } else { (f.apply(x) - t0) * k10 };
            if self.clamp {
                t = jsmath::max(0.0, jsmath::min(1.0, t));
            }
            return schemes::piecewise(colors, t);
        }
        let (c0, c1) = match colors {
            [a, b, ..] => (*a, *b),
            [a] => (*a, *a),
            [] => return None,
        };
        let tx = f.apply(self.clamp_domain(x));
        if t1 < t0 {
            schemes::lerp_rgb(c1, c0, normalize(t1, t0, tx))
        } else {
            schemes::lerp_rgb(c0, c1, normalize(t0, t1, tx))
        }
    }
}

/// Vega's `padDomain`: the domain zoomed out (in transformed space, about its middle) so
/// that `pad` pixels are left at each end of a range `span` pixels long.
pub(crate) fn pad_domain(kind: PadKind, d0: f64, d1: f64, span: f64, pad: f64) -> (f64, f64) {
    let frac = span / (span - 2.0 * pad);
    let sign = jsmath::sign(d0);
    let lift = |x: f64| match kind {
        PadKind::Linear => x,
        PadKind::Log => (sign * x).ln(),
        PadKind::Pow(k) => pow::pow(x, k),
        PadKind::Symlog(c) => symlog::symlog(x, c),
    };
    let ground = |x: f64| match kind {
        PadKind::Linear => x,
        PadKind::Log => sign * x.exp(),
        PadKind::Pow(k) => pow::pow(x, 1.0 / k),
        PadKind::Symlog(c) => symlog::symexp(x, c),
    };
    let (a, b) = (lift(d0), lift(d1));
    let mid = (a + b) / 2.0;
    (ground(mid + (a - mid) * frac), ground(mid + (b - mid) * frac))
}

/// Which of vega-util's `zoom*` functions pads a domain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PadKind {
    /// `zoomLinear` (linear, time).
    Linear,
    /// `zoomLog`.
    Log,
    /// `zoomPow` with the exponent (0.5 for sqrt).
    Pow(f64),
    /// `zoomSymlog` with the constant.
    Symlog(f64),
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn linear(d0: f64, d1: f64, r0: f64, r1: f64) -> Continuous {
        Continuous { transform: Transform::Identity, d0, d1, r0, r1, colors: None, clamp: false, sequential: true }
    }

    // d3-scale 4.0.3: scaleLinear().domain([0, 10]).range([0, 100])(2.5) === 25,
    // domain([10, 0]).range([0, 100])(2.5) === 75, invert(75) === 2.5, (20) === -100 unclamped
    #[test]
    fn maps_inverts_and_clamps_like_d3() {
        let s = linear(0.0, 10.0, 0.0, 100.0);
        assert_eq!(s.map(2.5), 25.0);
        assert_eq!(s.invert(25.0), 2.5);
        let r = linear(10.0, 0.0, 0.0, 100.0);
        assert_eq!(r.map(2.5), 75.0);
        assert_eq!(r.invert(75.0), 2.5);
        assert_eq!(r.map(20.0), -100.0);
        let c = Continuous { clamp: true, ..r };
        assert_eq!(c.map(20.0), 0.0);
        assert_eq!(c.invert(-50.0), 10.0);
        assert_eq!(linear(3.0, 3.0, 0.0, 100.0).map(7.0), 50.0);
    }

    // d3 0.1 + 0.2 style: scaleLinear().domain([0, 1]).range([0, 3])(0.1) === 0.30000000000000004
    #[test]
    fn interpolation_uses_d3s_formula() {
        assert_eq!(linear(0.0, 1.0, 0.0, 3.0).map(0.1), 0.30000000000000004);
        assert_eq!(linear(0.0, 1.0, 10.0, 20.0).map(0.7), 17.0);
    }

    // vega-util 2: zoomLinear([0, 100], null, 300 / (300 - 2 * 15)) -> [-5.555555555555557, 105.55555555555556]
    #[test]
    fn padding_zooms_the_domain() {
        let (a, b) = pad_domain(PadKind::Linear, 0.0, 100.0, 300.0, 15.0);
        assert!((a + 5.555555555555557).abs() < 1e-12 && (b - 105.55555555555556).abs() < 1e-12);
        let (a, b) = pad_domain(PadKind::Log, 1.0, 100.0, 100.0, 25.0);
        assert!((a - 0.1).abs() < 1e-12 && (b - 1000.0).abs() < 1e-9, "{a} {b}");
    }
}
