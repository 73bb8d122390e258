//! d3-array's tick arithmetic (`ticks`, `tickIncrement`, `tickStep`, v3.2) and d3-scale's
//! linear `nice` (v4), reproduced operation for operation so that tick values and niced domains
//! are the same doubles as Vega's (0.1 steps print as 0.3, not 0.30000000000000004, because d3
//! computes `i / 10` rather than `i * 0.1`). Linear, pow, sqrt, symlog and quantize scales all
//! tick and nice this way on their untransformed domain.

use super::jsmath;

/// Most tick values any scale returns (a larger request is cut to this many).
pub const MAX_TICKS: usize = 10_000;

/// d3-array's `tickSpec`: integer tick indices `i1..=i2` and the increment (negative: divide by
/// `-inc`; positive: multiply by `inc`).
fn tick_spec(start: f64, stop: f64, count: f64) -> (f64, f64, f64) {
    let (e10, e5, e2) = (50f64.sqrt(), 10f64.sqrt(), std::f64::consts::SQRT_2);
    let mut count = count;
    // d3 retries once with a doubled count when a count in [0.5, 2) yields no tick; the loop
    // bound covers every case (0.5 -> 1 -> 2).
    for _ in 0..3 {
        let step = (stop - start) / jsmath::max(0.0, count);
        let power = step.log10().floor();
        let error = step / jsmath::math_pow10(power);
        let factor = if error >= e10 {
            10.0
        } else if error >= e5 {
            5.0
        } else if error >= e2 {
            2.0
        } else {
            1.0
        };
        let (mut i1, mut i2, mut inc);
        if power < 0.0 {
            inc = jsmath::math_pow10(-power) / factor;
            i1 = jsmath::round(start * inc);
            i2 = jsmath::round(stop * inc);
            if i1 / inc < start {
                i1 += 1.0;
            }
            if i2 / inc > stop {
                i2 -= 1.0;
            }
            inc = -inc;
        } else {
            inc = jsmath::math_pow10(power) * factor;
            i1 = jsmath::round(start / inc);
            i2 = jsmath::round(stop / inc);
            if i1 * inc < start {
                i1 += 1.0;
            }
            if i2 * inc > stop {
                i2 -= 1.0;
            }
        }
        if i2 < i1 && (0.5..2.0).contains(&count) {
            count *= 2.0;
            continue;
        }
        return (i1, i2, inc);
    }
    (f64::NAN, f64::NAN, f64::NAN)
}

/// d3-array's `ticks(lo, hi, count)`: about `count` round values from `lo` to `hi` (descending
/// when `hi < lo`), at most [`MAX_TICKS`].
pub fn linear_ticks(lo: f64, hi: f64, count: f64) -> Vec<f64> {
    if count.is_nan() || count <= 0.0 || lo.is_nan() || hi.is_nan() {
        return Vec::new();
    }
    if lo == hi {
        return vec![lo];
    }
    let reverse = hi < lo;
    let (i1, i2, inc) = if reverse { tick_spec(hi, lo, count) } else { tick_spec(lo, hi, count) };
    if i2.is_nan() || i1.is_nan() || i2 < i1 || !inc.is_finite() {
        return Vec::new();
    }
    let n = (i2 - i1 + 1.0).min(MAX_TICKS as f64) as usize;
    (0..n)
        .map(|i| {
            let k = if reverse { i2 - i as f64 } else { i1 + i as f64 };
            if inc < 0.0 {
                k / -inc
            } else {
                k * inc
            }
        })
        .collect()
}

/// d3-array's `tickIncrement(lo, hi, count)` (for `lo <= hi`): the tick step when it is at
/// least 1, else `-1/step` (so that ticks are integers divided by it).
pub fn tick_increment(lo: f64, hi: f64, count: f64) -> f64 {
    tick_spec(lo, hi, count).2
}

/// d3-array's `tickStep(lo, hi, count)`: the step between ticks, negative when `hi < lo`.
pub fn tick_step(lo: f64, hi: f64, count: f64) -> f64 {
    let reverse = hi < lo;
    let inc = if reverse { tick_increment(hi, lo, count) } else { tick_increment(lo, hi, count) };
    let step = if inc < 0.0 { 1.0 / -inc } else { inc };
    if reverse {
        -step
    } else {
        step
    }
}

/// d3-scale's `linear.nice(count)` on the domain `[lo, hi]` (the niced domain Vega's scales
/// get; reversed domains stay reversed). As d3, the domain is left unchanged when the tick
/// step does not settle within 10 rounds. Note: d3-array's own `nice` differs in rare cases;
/// this is the scale's version.
pub fn linear_nice(lo: f64, hi: f64, count: f64) -> (f64, f64) {
    let swapped = hi < lo;
    let (mut start, mut stop) = if swapped { (hi, lo) } else { (lo, hi) };
    let mut prestep: Option<f64> = None;
    for _ in 0..10 {
        let step = tick_increment(start, stop, count);
        if prestep == Some(step) {
            return if swapped { (stop, start) } else { (start, stop) };
        } else if step > 0.0 {
            start = (start / step).floor() * step;
            stop = (stop / step).ceil() * step;
        } else if step < 0.0 {
            start = (start * step).ceil() / step;
            stop = (stop * step).floor() / step;
        } else {
            break;
        }
        prestep = Some(step);
    }
    (lo, hi)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    // Expected values from node 20 with d3-array 3.2.5 / d3-scale 4.0.3.
    #[test]
    fn ticks_match_d3_array() {
        assert_eq!(linear_ticks(0.0, 1.0, 10.0), vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]);
        assert_eq!(linear_ticks(-1.3, 0.7, 5.0), vec![-1.0, -0.5, 0.0, 0.5]);
        assert_eq!(
            linear_ticks(0.1, 0.35, 10.0),
            vec![0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.32, 0.34]
        );
        assert_eq!(linear_ticks(1e-7, 5e-7, 4.0), vec![1e-7, 2e-7, 3e-7, 4e-7, 5e-7]);
        assert_eq!(linear_ticks(-3e6, 1.2e7, 6.0), vec![-2e6, 0.0, 2e6, 4e6, 6e6, 8e6, 1e7, 1.2e7]);
        assert_eq!(
            linear_ticks(0.00012, 0.00047, 5.0),
            vec![0.00015, 0.0002, 0.00025, 0.0003, 0.00035, 0.0004, 0.00045]
        );
        assert_eq!(linear_ticks(-0.5, -0.1, 3.0), vec![-0.5, -0.4, -0.3, -0.2, -0.1]);
        assert_eq!(linear_ticks(0.3, 0.9, 7.0), vec![0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    }

    #[test]
    fn tick_edge_cases_match_d3_array() {
        assert_eq!(linear_ticks(10.0, 0.0, 5.0), vec![10.0, 8.0, 6.0, 4.0, 2.0, 0.0]);
        assert_eq!(linear_ticks(1.0, 1.0, 5.0), vec![1.0]);
        assert_eq!(linear_ticks(0.0, 1.0, 0.0), Vec::<f64>::new());
        assert_eq!(linear_ticks(0.0, 10.0, 1.0), vec![0.0, 10.0]);
        assert_eq!(linear_ticks(1.0, 2.0, 0.7), vec![2.0]);
        assert_eq!(linear_ticks(0.0, 1e300, 1e9).len(), MAX_TICKS);
        assert!(linear_ticks(0.0, f64::INFINITY, 5.0).is_empty());
    }

    #[test]
    fn increments_and_steps_match_d3_array() {
        assert_eq!(tick_increment(0.0, 1.0, 10.0), -10.0);
        assert_eq!(tick_increment(0.0, 100.0, 10.0), 10.0);
        assert_eq!(tick_increment(0.0, 7.0, 10.0), -2.0);
        assert_eq!(tick_increment(-3e6, 1.2e7, 6.0), 2e6);
        assert_eq!(tick_step(0.0, 1.0, 10.0), 0.1);
        assert_eq!(tick_step(10.0, 0.0, 5.0), -2.0);
        assert_eq!(tick_step(0.0, 7.0, 10.0), 0.5);
    }

    #[test]
    fn nice_matches_d3_scale() {
        type Case = ((f64, f64, f64), (f64, f64));
        let cases: &[Case] = &[
            ((0.1234, 0.9876, 10.0), (0.1, 1.0)),
            ((-3.7, 123.4, 10.0), (-10.0, 130.0)),
            ((10.0, -3.0, 10.0), (10.0, -3.0)),
            ((0.201479, 0.996679, 10.0), (0.2, 1.0)),
            ((-0.0123, 0.04567, 5.0), (-0.02, 0.05)),
            ((13.0, 987.0, 5.0), (0.0, 1000.0)),
            ((1.1, 10.9, 3.0), (0.0, 15.0)),
            ((5.0, 5.0, 10.0), (5.0, 5.0)),
            ((-0.7312, -0.0421, 10.0), (-0.8, 0.0)),
            ((0.0, 3.3e-9, 10.0), (0.0, 3.5e-9)),
            ((123456.0, 654321.0, 10.0), (100000.0, 700000.0)),
        ];
        for &((lo, hi, n), want) in cases {
            assert_eq!(linear_nice(lo, hi, n), want, "nice({lo}, {hi}, {n})");
        }
    }
}
