//! Scales as Vega builds them from a Vega-Lite spec (d3-scale 4 / d3-array 3 / d3-time 3 /
//! vega-scale 8 semantics), so that domains, ticks and positions are the same numbers Vega
//! computes. [`Scale::new`] takes what the spec's `scale` says after Vega-Lite's defaults
//! ([`ScaleOptions`]: zero, nice, reverse, clamp, paddings, ...) and applies them in Vega's
//! order: zero, then continuous pixel padding, then the domain (dates rounded to ms), then
//! nice; `reverse` flips the range.
//!
//! One file per kind: `continuous.rs` (shared interpolation, clamp, colour output, padding),
//! `linear.rs` (d3 ticks and nice), `log.rs`, `pow.rs`, `symlog.rs`, `time.rs` with
//! `interval.rs` (UTC calendar ticks), `band.rs` (band and point), `ordinal.rs`,
//! `quantize.rs`, `quantile.rs`, `threshold.rs`, `schemes.rs` with `palettes.rs` (named
//! colour schemes), `jsmath.rs` (JavaScript's rounding, V8's powers of ten), `domain.rs`
//! (zero, padding, nice), `build.rs` ([`Scale::new`]) and `dispatch.rs` (the methods).
//!
//! Checked against node 20 (d3-array 3.2.5, d3-scale 4.0.3, d3-time 3.1.1, vega-scale 8.1.3):
//! linear ticks, increments and nice, base-10 and base-2 log ticks and nice, UTC ticks and
//! nice agree bit for bit on thousands of random domains, and every scheme colour agrees.
//! Positions of log and pow scales, and log ticks in bases other than 10 and 2, may differ
//! in the last bit or two (V8's `Math.log`/`Math.exp`/`Math.pow` against Rust's).

mod band;
mod build;
mod continuous;
mod dispatch;
mod domain;
mod interval;
mod jsmath;
mod linear;
mod log;
mod ordinal;
mod palettes;
mod pow;
mod quantile;
mod quantize;
mod schemes;
mod symlog;
mod threshold;
mod time;

pub use linear::{linear_nice, linear_ticks, tick_increment, tick_step, MAX_TICKS};
pub use schemes::{scheme, scheme_color, scheme_colors, Scheme, MAX_SCHEME_COLORS, SCHEME_NAMES};

use crate::grammar::calendar::Unit;
use crate::grammar::Value;
use crate::theme::Rgb;

/// A Vega scale type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScaleType {
    /// `linear`.
    Linear,
    /// `log`.
    Log,
    /// `pow`.
    Pow,
    /// `sqrt` (pow with exponent 0.5).
    Sqrt,
    /// `symlog`.
    Symlog,
    /// `time` (local time, which is UTC in this engine).
    Time,
    /// `utc`.
    Utc,
    /// `band`.
    Band,
    /// `point`.
    Point,
    /// `ordinal`.
    Ordinal,
    /// `quantize`.
    Quantize,
    /// `quantile`.
    Quantile,
    /// `threshold`.
    Threshold,
}

const ALL_TYPES: [ScaleType; 13] = [
    ScaleType::Linear,
    ScaleType::Log,
    ScaleType::Pow,
    ScaleType::Sqrt,
    ScaleType::Symlog,
    ScaleType::Time,
    ScaleType::Utc,
    ScaleType::Band,
    ScaleType::Point,
    ScaleType::Ordinal,
    ScaleType::Quantize,
    ScaleType::Quantile,
    ScaleType::Threshold,
];

impl ScaleType {
    /// Every type's name, as Vega-Lite spells it.
    pub const NAMES: &'static [&'static str] = &[
        "linear",
        "log",
        "pow",
        "sqrt",
        "symlog",
        "time",
        "utc",
        "band",
        "point",
        "ordinal",
        "quantize",
        "quantile",
        "threshold",
    ];

    /// The type named `s` (exact Vega-Lite spelling).
    pub fn parse(s: &str) -> Option<ScaleType> {
        ALL_TYPES.iter().copied().find(|t| t.name() == s)
    }

    /// The Vega-Lite name.
    pub fn name(self) -> &'static str {
        match self {
            ScaleType::Linear => "linear",
            ScaleType::Log => "log",
            ScaleType::Pow => "pow",
            ScaleType::Sqrt => "sqrt",
            ScaleType::Symlog => "symlog",
            ScaleType::Time => "time",
            ScaleType::Utc => "utc",
            ScaleType::Band => "band",
            ScaleType::Point => "point",
            ScaleType::Ordinal => "ordinal",
            ScaleType::Quantize => "quantize",
            ScaleType::Quantile => "quantile",
            ScaleType::Threshold => "threshold",
        }
    }

    /// Continuous domain and range (vega-scale's `isContinuous`): linear, log, pow, sqrt,
    /// symlog, time, utc.
    pub fn is_continuous(self) -> bool {
        matches!(
            self,
            ScaleType::Linear
                | ScaleType::Log
                | ScaleType::Pow
                | ScaleType::Sqrt
                | ScaleType::Symlog
                | ScaleType::Time
                | ScaleType::Utc
        )
    }

    /// Discrete domain (vega-scale's `isDiscrete`): band, point, ordinal. Quantize, quantile
    /// and threshold are neither continuous nor discrete (they discretize).
    pub fn is_discrete(self) -> bool {
        matches!(self, ScaleType::Band | ScaleType::Point | ScaleType::Ordinal)
    }
}

/// Domain "nice" rounding.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Nice {
    /// No rounding (`nice: false`; also a count of 0 or NaN, which Vega treats as false).
    #[default]
    None,
    /// `nice: true`: d3's `nice()` (count 10; for time, the tick interval of count 10).
    Auto,
    /// `nice: n`: d3's `nice(n)` (for time, the tick interval of count n; ignored by log).
    Count(f64),
    /// `nice: {interval, step}`, time and utc scales only (a step below 1 falls back to Vega's
    /// behaviour: 0 means 1, negative means `Auto`).
    Interval(Unit, i64),
}

/// A scale's properties after Vega-Lite's defaults are applied.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleOptions {
    /// Include zero in a continuous domain (ignored by log, time and utc).
    pub zero: bool,
    /// Nice rounding of a continuous domain.
    pub nice: Nice,
    /// Reverse the range.
    pub reverse: bool,
    /// Clamp continuous inputs to the domain.
    pub clamp: bool,
    /// Band: inner and outer padding; point: outer padding; continuous: pixels kept free at
    /// each end of a numeric range (Vega's domain zoom).
    pub padding: Option<f64>,
    /// Band only (overrides `padding`).
    pub padding_inner: Option<f64>,
    /// Band and point (overrides `padding`).
    pub padding_outer: Option<f64>,
    /// Band and point alignment, 0-1 (default 0.5).
    pub align: f64,
    /// Pow exponent (default 1).
    pub exponent: f64,
    /// Log base (default 10).
    pub base: f64,
    /// Symlog constant (default 1).
    pub constant: f64,
}

impl Default for ScaleOptions {
    fn default() -> Self {
        ScaleOptions {
            zero: false,
            nice: Nice::None,
            reverse: false,
            clamp: false,
            padding: None,
            padding_inner: None,
            padding_outer: None,
            align: 0.5,
            exponent: 1.0,
            base: 10.0,
            constant: 1.0,
        }
    }
}

/// A scale's domain.
#[derive(Debug, Clone, PartialEq)]
pub enum Domain {
    /// Start and end of a continuous domain (dates in ms); may be descending.
    Continuous(f64, f64),
    /// Distinct values of a discrete domain, in order (duplicates are dropped).
    Discrete(Vec<Value>),
    /// Quantile: every sample value (stored sorted, NaN dropped).
    Samples(Vec<f64>),
    /// Threshold: the cut points, ascending.
    Thresholds(Vec<f64>),
}

/// A scale's range.
#[derive(Debug, Clone, PartialEq)]
pub enum Range {
    /// Start and end of a numeric range (pixels, sizes, opacities).
    Continuous(f64, f64),
    /// Colours: a ramp for continuous scales, a list for discrete ones.
    Colors(Vec<Rgb>),
    /// Discrete numbers (sizes, dash indices, ...); continuous scales use the first two.
    Numbers(Vec<f64>),
}

/// A scale ready to map values.
#[derive(Debug, Clone)]
pub struct Scale {
    ty: ScaleType,
    domain: Domain,
    range: Range,
    opts: ScaleOptions,
    kind: build::Kind,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn type_names_round_trip() {
        for name in ScaleType::NAMES {
            assert_eq!(ScaleType::parse(name).map(ScaleType::name), Some(*name));
        }
        assert_eq!(ScaleType::parse("sequential"), None);
        assert!(ScaleType::Utc.is_continuous() && !ScaleType::Quantize.is_continuous());
        assert!(ScaleType::Point.is_discrete() && !ScaleType::Threshold.is_discrete());
        let o = ScaleOptions::default();
        assert_eq!((o.align, o.exponent, o.base, o.constant, o.nice), (0.5, 1.0, 10.0, 1.0, Nice::None));
    }
}
