//! Sampling a fitted curve for drawing, as vega-statistics' `sampleCurve` does (used by the
//! `regression` and `density` transforms): `min_steps` points on a uniform grid over the
//! extent, then each interval is halved while it is wider than `span / max_steps` and the
//! midpoint bends the curve by more than half a degree (angles measured with x and y scaled to
//! the unit square).

/// Subdivision stops below this change of direction (radians).
const MIN_RADIANS: f64 = 0.5 * std::f64::consts::PI / 180.0;

/// The points `(x, f(x))` from `extent.0` to `extent.1`, adaptively refined.
pub fn sample(f: &dyn Fn(f64) -> f64, extent: (f64, f64), min_steps: usize, max_steps: usize) -> Vec<(f64, f64)> {
    let min_steps = min_steps.max(1);
    let max_steps = max_steps.max(min_steps);
    let point = |x: f64| (x, f(x));
    let (min_x, max_x) = extent;
    let span = max_x - min_x;
    let stop = span / max_steps as f64;
    let mut prev = vec![point(min_x)];
    let mut next = Vec::new();
    if min_steps == max_steps {
        for i in 1..max_steps {
            prev.push(point(min_x + (i as f64 / min_steps as f64) * span));
        }
        prev.push(point(max_x));
        return prev;
    }
    next.push(point(max_x));
    for i in (1..min_steps).rev() {
        next.push(point(min_x + (i as f64 / min_steps as f64) * span));
    }
    let mut p0 = prev[0];
    let sx = 1.0 / span;
    let sy = scale_y(p0.1, &next);
    // Points beyond this many mean a curve that never settles (NaN, a spike): stop there.
    let cap = max_steps.saturating_mul(4).max(64);
    while let Some(&p1) = next.last() {
        let pm = point((p0.0 + p1.0) / 2.0);
        let wide = pm.0 - p0.0 >= stop;
        if wide && prev.len() + next.len() < cap && angle_delta(p0, pm, p1, sx, sy) > MIN_RADIANS {
            next.push(pm);
        } else {
            p0 = p1;
            prev.push(p1);
            next.pop();
        }
    }
    prev
}

fn scale_y(init: f64, points: &[(f64, f64)]) -> f64 {
    let (mut lo, mut hi) = (init, init);
    for p in points {
        // JavaScript's `<` and `>` are false for NaN: a NaN point changes nothing.
        if p.1 < lo {
            lo = p.1;
        }
        if p.1 > hi {
            hi = p.1;
        }
    }
    1.0 / (hi - lo)
}

fn angle_delta(p: (f64, f64), q: (f64, f64), r: (f64, f64), sx: f64, sy: f64) -> f64 {
    let a0 = (sy * (r.1 - p.1)).atan2(sx * (r.0 - p.0));
    let a1 = (sy * (q.1 - p.1)).atan2(sx * (q.0 - p.0));
    (a0 - a1).abs()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_straight_line_needs_only_the_grid_and_a_curve_is_refined() {
        let line = sample(&|x| 2.0 * x + 1.0, (0.0, 10.0), 25, 200);
        assert_eq!(line.len(), 26, "25 steps, no subdivision");
        assert_eq!(line[0], (0.0, 1.0));
        assert_eq!(line[25], (10.0, 21.0));
        let curve = sample(&|x: f64| (x * 3.0).sin(), (0.0, 10.0), 25, 200);
        assert!(curve.len() > 26, "{}", curve.len());
        assert!(curve.windows(2).all(|w| w[0].0 < w[1].0), "x increases");
        assert!(
            curve.windows(2).all(|w| w[1].0 - w[0].0 >= 10.0 / 200.0 / 2.0 - 1e-12),
            "never finer than half the stop"
        );
        let grid = sample(&|x| x * x, (0.0, 1.0), 4, 4);
        assert_eq!(grid.iter().map(|p| p.0).collect::<Vec<_>>(), [0.0, 0.25, 0.5, 0.75, 1.0]);
    }

    #[test]
    fn a_curve_that_never_settles_stops() {
        let wild = sample(&|x: f64| if (x * 1e6) as i64 % 2 == 0 { 1e9 } else { -1e9 }, (0.0, 1.0), 25, 200);
        assert!(wild.len() <= 800);
    }
}
