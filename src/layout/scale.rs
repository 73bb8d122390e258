//! Linear value scales with "nice" tick steps (1, 2, 2.5 or 5 times a power of ten).

/// Ticks for a value axis that starts at zero.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// Top of the domain (the last tick).
    pub max: f64,
    /// Tick values from 0 to `max`.
    pub values: Vec<f64>,
}

/// Ticks from 0 covering `max` with at most `count + 1` ticks.
pub fn nice_ticks(max: f64, count: usize) -> Ticks {
    let count = count.max(1) as f64;
    // Spans too small to write (or to step through) draw on 0..1: the values read as 0 anyway.
    if max.is_nan() || max < 1e-9 || !max.is_finite() {
        return Ticks { max: 1.0, values: vec![0.0, 1.0] };
    }
    let raw = max / count;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw - 1e-12).unwrap_or(10.0 * mag);
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    let values: Vec<f64> = (0..=n).map(|i| i as f64 * step).collect();
    Ticks { max: n as f64 * step, values }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_maximum_with_round_steps() {
        assert_eq!(nice_ticks(53.0, 5).values, [0.0, 20.0, 40.0, 60.0]);
        assert_eq!(nice_ticks(53.0, 6).values, [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]);
        assert_eq!(nice_ticks(14.0, 4).values, [0.0, 5.0, 10.0, 15.0]);
        assert_eq!(nice_ticks(6.0, 3).max, 6.0);
        assert_eq!(nice_ticks(0.0, 5).max, 1.0);
        assert_eq!(nice_ticks(5e-324, 5).values, [0.0, 1.0]);
        assert!(nice_ticks(2.3e-8, 4).values.len() <= 5);
        for m in [0.3, 7.0, 99.0, 1234.0, 1e6, 3.3e-5, 7e12] {
            let t = nice_ticks(m, 5);
            assert!(t.max >= m && t.values.len() <= 7, "{m}: {t:?}");
        }
    }
}

/// Ticks covering `[lo, hi]` (which may be negative), always including 0, with round steps.
pub fn span_ticks(lo: f64, hi: f64, count: usize) -> Ticks {
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let t = nice_ticks(hi - lo, count);
    let step = if t.values.len() > 1 { t.values[1] } else { 1.0 };
    let first = (lo / step + 1e-9).floor() as i64;
    let last = (hi / step - 1e-9).ceil().max((first + 1) as f64) as i64;
    let values: Vec<f64> = (first..=last).map(|i| i as f64 * step).collect();
    Ticks { max: last as f64 * step, values }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod span_tests {
    use super::*;

    #[test]
    fn spans_cover_negatives_and_include_zero() {
        let t = span_ticks(-12.0, 30.0, 5);
        assert!(t.values.contains(&0.0));
        assert!(t.values[0] <= -12.0 && t.max >= 30.0);
        assert_eq!(span_ticks(0.0, 53.0, 5).values, [0.0, 20.0, 40.0, 60.0]);
        let neg = span_ticks(-5.0, -1.0, 4);
        assert_eq!(neg.max, 0.0);
        assert!(neg.values[0] <= -5.0);
    }
}
