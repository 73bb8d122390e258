//! Power and square-root transforms (d3-scale's `scalePow` / `scaleSqrt`): the domain is
//! mapped through `sign(x)·|x|^k` before linear interpolation, and back through the inverse
//! exponent. Ticks and nice are linear on the untransformed domain (see `linear.rs`).

/// d3's `transformPow(k)`: `x^k`, odd-symmetric for negative x.
pub(crate) fn pow(x: f64, k: f64) -> f64 {
    if x < 0.0 {
        -(-x).powf(k)
    } else {
        x.powf(k)
    }
}

/// d3's `transformSqrt`: `√x`, odd-symmetric.
pub(crate) fn sqrt(x: f64) -> f64 {
    if x < 0.0 {
        -(-x).sqrt()
    } else {
        x.sqrt()
    }
}

/// d3's `transformSquare`: the inverse of [`sqrt`].
pub(crate) fn square(x: f64) -> f64 {
    if x < 0.0 {
        -x * x
    } else {
        x * x
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Domain, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;

    #[test]
    fn transforms_are_odd_symmetric() {
        assert_eq!(pow(-2.0, 3.0), -8.0);
        assert_eq!(pow(4.0, 0.5), 2.0);
        assert_eq!(sqrt(-9.0), -3.0);
        assert_eq!(square(-3.0), -9.0);
    }

    // d3-scale 4.0.3: scaleSqrt().domain([0, 100]).range([0, 10])(25) === 5,
    // scalePow().exponent(2).domain([0, 10]).range([0, 100])(5) === 25, invert(25) === 5.
    #[test]
    fn sqrt_and_pow_scales_map_like_d3() {
        let o = ScaleOptions::default();
        let s = Scale::new(ScaleType::Sqrt, Domain::Continuous(0.0, 100.0), Range::Continuous(0.0, 10.0), &o).unwrap();
        assert_eq!(s.map(&Value::Num(25.0)), Some(5.0));
        assert_eq!(s.map(&Value::Num(-25.0)), Some(-5.0));
        let o = ScaleOptions { exponent: 2.0, ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Pow, Domain::Continuous(0.0, 10.0), Range::Continuous(0.0, 100.0), &o).unwrap();
        assert_eq!(s.map(&Value::Num(5.0)), Some(25.0));
        assert_eq!(s.invert(25.0), Some(Value::Num(5.0)));
        // ticks are linear ticks of the domain
        assert_eq!(s.ticks(5.0).len(), 6);
    }

    // d3-scale 4.0.3: scaleSqrt().domain([3, 97]).range([0, 1]).nice().domain() -> [0, 100]
    #[test]
    fn sqrt_nice_is_linear_nice() {
        let o = ScaleOptions { nice: super::super::Nice::Auto, ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Sqrt, Domain::Continuous(3.0, 97.0), Range::Continuous(0.0, 1.0), &o).unwrap();
        assert_eq!(s.domain(), &Domain::Continuous(0.0, 100.0));
    }
}
