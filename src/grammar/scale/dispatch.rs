//! The [`Scale`] methods: each forwards to its kind's file. Inputs convert as d3's `+x`
//! does (dates by ms, numeric text parsed); missing and NaN values, values outside a discrete
//! domain and non-finite outputs (a log scale given 0) map to `None`.

use super::build::Kind;
use super::linear::linear_ticks;
use super::log::log_ticks;
use super::time::{time_ticks, MAX_TIME};
use super::{jsmath, Domain, Range, Scale, ScaleType};
use crate::grammar::Value;
use crate::theme::Rgb;

fn number(v: &Value) -> Option<f64> {
    v.as_num().filter(|x| !x.is_nan())
}

impl Scale {
    /// The scale's type.
    pub fn ty(&self) -> ScaleType {
        self.ty
    }

    /// The domain after zero, padding and nice (discrete: distinct values; quantile: sorted
    /// samples).
    pub fn domain(&self) -> &Domain {
        &self.domain
    }

    /// The `i`-th discrete numeric output (cycling for ordinal scales).
    fn discrete_number(&self, i: usize) -> Option<f64> {
        let cycle = |len: usize| if self.ty == ScaleType::Ordinal && len > 0 { i % len } else { i };
        match &self.range {
            Range::Numbers(v) => v.get(cycle(v.len())).copied(),
            Range::Continuous(a, b) => [*a, *b].get(cycle(2)).copied(),
            Range::Colors(_) => None,
        }
    }

    /// The `i`-th discrete colour (cycling for ordinal scales, like d3's `scaleOrdinal`).
    fn discrete_color(&self, i: usize) -> Option<Rgb> {
        match &self.range {
            Range::Colors(c) if self.ty == ScaleType::Ordinal && !c.is_empty() => c.get(i % c.len()).copied(),
            Range::Colors(c) => c.get(i).copied(),
            _ => None,
        }
    }

    /// The bucket or domain index of `v` for discrete and discretizing scales.
    fn index(&self, v: &Value) -> Option<usize> {
        match &self.kind {
            Kind::Continuous(_) => None,
            Kind::Band(_, ix) | Kind::Ordinal(ix) => ix.get(v),
            Kind::Quantize(q) => q.index(number(v)?),
            Kind::Quantile(q) => q.index(number(v)?),
            Kind::Threshold(t) => t.index(number(v)?),
        }
    }

    /// The numeric output for `v` (position, size, opacity, ...): `None` for missing values,
    /// values outside a discrete domain, colour ranges and non-finite results.
    pub fn map(&self, v: &Value) -> Option<f64> {
        match &self.kind {
            Kind::Continuous(c) if c.colors.is_none() => Some(c.map(number(v)?)).filter(|y| y.is_finite()),
            Kind::Continuous(_) => None,
            Kind::Band(b, ix) => ix.get(v).map(|i| b.position(i)),
            _ => self.discrete_number(self.index(v)?),
        }
    }

    /// The colour for `v` when the range is colours: continuous scales interpolate (Vega's
    /// sequential scales), ordinal scales cycle the list, quantize/quantile/threshold pick
    /// their bucket's colour.
    pub fn color(&self, v: &Value) -> Option<Rgb> {
        match &self.kind {
            Kind::Continuous(c) => c.color(number(v)?),
            Kind::Band(..) => None,
            _ => self.discrete_color(self.index(v)?),
        }
    }

    /// Band width of a band scale (0 for every other type, point included).
    pub fn bandwidth(&self) -> f64 {
        match &self.kind {
            Kind::Band(b, _) => b.bandwidth(),
            _ => 0.0,
        }
    }

    /// The ends of a numeric range (`None` for colour and number-list ranges).
    pub fn range_ends(&self) -> Option<(f64, f64)> {
        match self.range {
            Range::Continuous(a, b) => Some((a, b)),
            _ => None,
        }
    }

    /// Step between band or point starts (0 for non-band types).
    pub fn step(&self) -> f64 {
        match &self.kind {
            Kind::Band(b, _) => b.step(),
            _ => 0.0,
        }
    }

    /// Tick values as Vega's `tickValues` gives them: d3's linear ticks for linear, pow,
    /// sqrt, symlog and quantize; log ticks for log; dates at d3's intervals for time and
    /// utc; the domain for band, point, ordinal, quantile (the sorted samples) and threshold.
    pub fn ticks(&self, count: f64) -> Vec<Value> {
        let nums = |v: Vec<f64>| v.into_iter().map(Value::Num).collect();
        match (&self.domain, self.ty) {
            (Domain::Continuous(a, b), ScaleType::Log) => nums(log_ticks(*a, *b, self.opts.base, count)),
            (Domain::Continuous(a, b), ScaleType::Time | ScaleType::Utc) => {
                time_ticks(*a, *b, count).into_iter().map(Value::Date).collect()
            }
            (Domain::Continuous(a, b), _) => nums(linear_ticks(*a, *b, count)),
            (Domain::Discrete(v), _) => v.clone(),
            (Domain::Samples(v) | Domain::Thresholds(v), _) => nums(v.clone()),
        }
    }

    /// The domain value at position `px` (continuous scales with a numeric range only; time
    /// and utc give dates rounded to the ms, as d3 does, and `None` beyond JavaScript's date
    /// range, where d3 gives an invalid date).
    pub fn invert(&self, px: f64) -> Option<Value> {
        let Kind::Continuous(c) = &self.kind else { return None };
        if c.colors.is_some() {
            return None;
        }
        let x = c.invert(px);
        if !x.is_finite() {
            return None;
        }
        match self.ty {
            ScaleType::Time | ScaleType::Utc => {
                let ms = jsmath::round(x);
                (ms.abs() <= MAX_TIME).then_some(Value::Date(ms))
            }
            _ => Some(Value::Num(x)),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Nice, ScaleOptions, MAX_TICKS};
    use super::*;
    use crate::grammar::calendar::Unit;

    /// Odd inputs never panic, and whatever is built keeps its promises: ticks are bounded,
    /// the domain ends map to the range ends, outputs are finite or `None`.
    #[test]
    fn odd_inputs_are_handled() {
        let ends = [(-1e300, 1e300), (0.0, 0.0), (1e-300, 2e-300), (-5.0, -5.0), (3.0, -7.0), (-8e15, 8e15)];
        let nices = [
            Nice::None,
            Nice::Auto,
            Nice::Count(1e9),
            Nice::Count(-3.0),
            Nice::Interval(Unit::Year, i64::MAX),
            Nice::Interval(Unit::Week, 3),
        ];
        let values = [
            Value::Null,
            Value::Num(f64::NAN),
            Value::Num(f64::INFINITY),
            Value::str("7"),
            Value::Num(1e308),
            Value::Bool(true),
        ];
        let mut built = 0;
        for ty in ScaleType::NAMES.iter().filter_map(|n| ScaleType::parse(n)) {
            for &(a, b) in &ends {
                for nice in nices {
                    let o = ScaleOptions {
                        nice,
                        zero: a < 0.0,
                        padding: Some(3.0),
                        exponent: 0.3,
                        ..ScaleOptions::default()
                    };
                    let domain = match ty {
                        ScaleType::Quantile => Domain::Samples(vec![a, b, a]),
                        ScaleType::Threshold => Domain::Thresholds(vec![a, b]),
                        t if t.is_discrete() => Domain::Discrete(vec![Value::Num(a), Value::Num(b)]),
                        _ => Domain::Continuous(a, b),
                    };
                    let Ok(s) = Scale::new(ty, domain, Range::Continuous(0.0, 100.0), &o) else { continue };
                    built += 1;
                    for count in [0.0, 1.0, 10.0, 1e12, f64::NAN] {
                        assert!(s.ticks(count).len() <= MAX_TICKS.max(3), "{ty:?} {a} {b} {nice:?}");
                    }
                    for v in &values {
                        assert!(s.map(v).is_none_or(f64::is_finite));
                        let _ = (s.color(v), s.invert(50.0), s.bandwidth(), s.step());
                    }
                    match (ty, s.domain()) {
                        (ScaleType::Linear, Domain::Continuous(x, y)) if x != y => {
                            assert_eq!(s.map(&Value::Num(*x)), Some(0.0), "{a} {b} {nice:?}");
                        }
                        _ => {}
                    }
                }
            }
        }
        assert!(built > 100, "{built}");
    }
}
