//! The bootstrap confidence interval of the mean behind the aggregate ops `ci0` and `ci1`
//! (and `extent: "ci"` of error bars and bands), as Vega computes it (vega-statistics
//! `bootstrapCI`): 1,000 resamples of the valid values, each drawn with replacement, their
//! means sorted, and the 2.5 % and 97.5 % quantiles (d3's R-7) of those means. Vega draws
//! with `Math.random`, so its interval moves a little on every load; here the draws come from
//! the seeded generator [`super::sample::XorShift`] (seed [`super::sample::SEED`]), so a chart
//! shows the same interval on every load, in every browser and in the static export.

use super::ops::quantile_sorted;
use super::sample::XorShift;

/// Resamples drawn.
pub const SAMPLES: usize = 1000;
/// Two-sided level: a 95 % interval.
pub const ALPHA: f64 = 0.05;

/// The (lower, upper) bounds for the numbers `xs`; `None` when there are none.
pub fn ci(xs: &[f64]) -> Option<(f64, f64)> {
    let n = xs.len();
    if n == 0 {
        return None;
    }
    let mut rng = XorShift::new();
    let mut means: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let mut a = 0.0;
            for _ in 0..n {
                a += xs[((rng.next_f64() * n as f64) as usize).min(n - 1)];
            }
            a / n as f64
        })
        .collect();
    crate::order::sort_by(&mut means, |a, b| a.total_cmp(b));
    Some((quantile_sorted(&means, ALPHA / 2.0), quantile_sorted(&means, 1.0 - ALPHA / 2.0)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_interval_is_reproducible_and_brackets_the_mean() {
        let xs: Vec<f64> = (0..40).map(|i| ((i * 37) % 23) as f64 - 4.0).collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let (lo, hi) = ci(&xs).unwrap();
        assert_eq!(ci(&xs), Some((lo, hi)), "the same interval every time");
        assert!(lo < mean && mean < hi, "{lo} < {mean} < {hi}");
        // Close to the normal approximation, mean +- 1.96 standard errors (within 20 %).
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (xs.len() - 1) as f64;
        let half = 1.96 * (var / xs.len() as f64).sqrt();
        assert!(((hi - lo) / 2.0 - half).abs() < 0.2 * half, "half-width {} vs {half}", (hi - lo) / 2.0);
    }

    #[test]
    fn edge_cases() {
        assert_eq!(ci(&[]), None);
        assert_eq!(ci(&[5.0, 5.0, 5.0]), Some((5.0, 5.0)), "no spread, no interval");
        assert_eq!(ci(&[2.0]), Some((2.0, 2.0)));
        let (lo, hi) = ci(&[0.0, 10.0]).unwrap();
        assert!((0.0..=10.0).contains(&lo) && (0.0..=10.0).contains(&hi) && lo <= hi);
    }
}
