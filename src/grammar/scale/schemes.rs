//! Named colour schemes and colour interpolation as Vega does them: a categorical scheme is
//! a list used in order; a continuous scheme is a ramp of stops that Vega interpolates
//! piecewise in RGB (`d3.piecewise(d3.interpolateRgb, stops)`; every Vega continuous scheme,
//! viridis included, is such a ramp). A discrete domain given a continuous scheme gets `n`
//! samples at `t = 1/(n+1) … n/(n+1)` (vega-scale's `quantizeInterpolator`). Channels round
//! as d3-color does (`Math.round`, clamped to 0-255).

use super::jsmath;
pub use super::palettes::SCHEME_NAMES;
use super::palettes::{CATEGORICAL, CONTINUOUS};
use crate::theme::Rgb;

/// Most colours [`scheme_colors`] returns.
pub const MAX_SCHEME_COLORS: usize = 10_000;

/// A named colour scheme.
#[derive(Debug, Clone, PartialEq)]
pub enum Scheme {
    /// Colours used in order (Vega's discrete schemes: tableau10, category10, set1, ...).
    Categorical(Vec<Rgb>),
    /// A ramp of stops interpolated piecewise in RGB (blues, viridis, redBlue, ...).
    Continuous(Vec<Rgb>),
}

impl Scheme {
    /// The scheme's colours: the categorical list or the ramp's stops.
    pub fn colors(&self) -> &[Rgb] {
        match self {
            Scheme::Categorical(c) | Scheme::Continuous(c) => c,
        }
    }
}

fn unpack(hex: &str) -> Vec<Rgb> {
    let byte = |s: Option<&str>| s.and_then(|s| u8::from_str_radix(s, 16).ok()).unwrap_or(0);
    (0..hex.len() / 6)
        .map(|i| {
            let at = |k: usize| hex.get(i * 6 + k..i * 6 + k + 2);
            Rgb(byte(at(0)), byte(at(2)), byte(at(4)))
        })
        .collect()
}

/// The scheme called `name` (case-insensitive, as Vega's `scheme()` lowercases names).
pub fn scheme(name: &str) -> Option<Scheme> {
    let find =
        |table: &[(&str, &str)]| table.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, hex)| unpack(hex));
    find(CATEGORICAL).map(Scheme::Categorical).or_else(|| find(CONTINUOUS).map(Scheme::Continuous))
}

/// d3-color's channel rounding: `Math.round`, NaN to 0, clamped to 0-255.
fn channel(v: f64) -> u8 {
    let r = jsmath::round(v);
    if r.is_nan() {
        0
    } else {
        r.clamp(0.0, 255.0) as u8
    }
}

/// d3's `interpolateRgb(a, b)(t)` (gamma 1): each channel `a + t·(b − a)`, rounded.
pub(crate) fn lerp_rgb(a: Rgb, b: Rgb, t: f64) -> Option<Rgb> {
    let ch = |x: u8, y: u8| {
        let (x, y) = (x as f64, y as f64);
        if y == x {
            channel(x)
        } else {
            channel(x + t * (y - x))
        }
    };
    Some(Rgb(ch(a.0, b.0), ch(a.1, b.1), ch(a.2, b.2)))
}

/// d3's `piecewise(interpolateRgb, colors)(t)`: the segment index is clamped, the fraction
/// is not (values beyond the ends extrapolate, then clamp per channel). NaN gives the first.
pub(crate) fn piecewise(colors: &[Rgb], t: f64) -> Option<Rgb> {
    let first = *colors.first()?;
    let n = colors.len() - 1;
    if n == 0 || t.is_nan() {
        return Some(first);
    }
    let x = t * n as f64;
    let i = x.floor().clamp(0.0, (n - 1) as f64);
    let a = colors.get(i as usize).copied().unwrap_or(first);
    let b = colors.get(i as usize + 1).copied().unwrap_or(a);
    lerp_rgb(a, b, x - i)
}

/// The colour at `t` in [0, 1]: Vega's interpolation over the scheme's colours (a continuous
/// scale given a categorical scheme interpolates across its colours too).
pub fn scheme_color(s: &Scheme, t: f64) -> Rgb {
    piecewise(s.colors(), t).unwrap_or(Rgb(0, 0, 0))
}

/// `n` colours of the scheme for a discrete scale (at most [`MAX_SCHEME_COLORS`]): a
/// categorical scheme's first `n` (cycling, as an ordinal scale does, when `n` exceeds it); a
/// continuous scheme sampled at `(i+1)/(n+1)`, as Vega samples interpolators for ordinal,
/// quantize, quantile and threshold scales.
pub fn scheme_colors(s: &Scheme, n: usize) -> Vec<Rgb> {
    let n = n.min(MAX_SCHEME_COLORS);
    match s {
        Scheme::Categorical(c) if c.is_empty() => Vec::new(),
        Scheme::Categorical(c) => c.iter().copied().cycle().take(n).collect(),
        Scheme::Continuous(c) => (0..n).filter_map(|i| piecewise(c, (i + 1) as f64 / (n + 1) as f64)).collect(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn named_schemes_start_where_vega_does() {
        let first = |n: &str| scheme(n).map(|s| s.colors()[0]);
        assert_eq!(first("tableau10"), Some(Rgb(0x4c, 0x78, 0xa8)));
        assert_eq!(first("category10"), Some(Rgb(0x1f, 0x77, 0xb4)));
        assert_eq!(first("Set1"), Some(Rgb(0xe4, 0x1a, 0x1c)));
        assert_eq!(scheme("tableau20").map(|s| s.colors().len()), Some(20));
        assert!(matches!(scheme("blues"), Some(Scheme::Continuous(_))));
        assert!(matches!(scheme("paired"), Some(Scheme::Categorical(_))));
        assert_eq!(scheme("nope"), None);
        for n in SCHEME_NAMES {
            assert!(scheme(n).is_some_and(|s| s.colors().len() >= 2), "{n}");
        }
    }

    // node 20, vega-scale 8.1.3: scheme('viridis')(0) = "rgb(68, 1, 84)",
    // (1) = "rgb(253, 231, 37)", (0.5) = "rgb(33, 145, 141)", scheme('blues')(0.3) =
    // "rgb(143, 193, 222)", scheme('redblue')(0.5) = "rgb(242, 239, 238)"
    #[test]
    fn continuous_schemes_interpolate_like_vega() {
        let at = |n: &str, t: f64| scheme(n).map(|s| scheme_color(&s, t));
        assert_eq!(at("viridis", 0.0), Some(Rgb(68, 1, 84)));
        assert_eq!(at("viridis", 1.0), Some(Rgb(253, 231, 37)));
        assert_eq!(at("viridis", 0.5), Some(Rgb(33, 145, 141)));
        assert_eq!(at("blues", 0.3), Some(Rgb(143, 193, 222)));
        assert_eq!(at("redBlue", 0.5), Some(Rgb(242, 239, 238)));
        // beyond the ends: blues(-1) = "rgb(255, 255, 255)", blues(1.2) = "rgb(0, 38, 104)"
        assert_eq!(at("blues", -1.0), Some(Rgb(255, 255, 255)));
        assert_eq!(at("blues", 1.2), Some(Rgb(0, 38, 104)));
    }

    // vega-scale 8.1.3: quantizeInterpolator(scheme('blues'), 3) =
    // ["rgb(156, 200, 226)", "rgb(91, 163, 207)", "rgb(41, 120, 184)"]
    #[test]
    fn discrete_samples_follow_vega() {
        let blues = scheme("blues").unwrap();
        assert_eq!(scheme_colors(&blues, 3), vec![Rgb(156, 200, 226), Rgb(91, 163, 207), Rgb(41, 120, 184)]);
        let t10 = scheme("tableau10").unwrap();
        let c = scheme_colors(&t10, 12);
        assert_eq!((c.len(), c[10], c[1]), (12, c[0], Rgb(0xf5, 0x85, 0x18)));
        assert_eq!(scheme_colors(&t10, usize::MAX).len(), MAX_SCHEME_COLORS);
    }

    #[test]
    fn interpolation_rounds_and_clamps() {
        let (a, b) = (Rgb(0, 0, 0), Rgb(255, 10, 1));
        assert_eq!(lerp_rgb(a, b, 0.5), Some(Rgb(128, 5, 1)));
        assert_eq!(lerp_rgb(a, b, 2.0), Some(Rgb(255, 20, 2)));
        assert_eq!(piecewise(&[a, b], -1.0), Some(Rgb(0, 0, 0)));
        assert_eq!(piecewise(&[a], 0.7), Some(a));
        assert_eq!(piecewise(&[], 0.7), None);
    }
}
