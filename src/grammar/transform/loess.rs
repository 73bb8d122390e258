//! The `loess` transform: a locally weighted regression of `loess` (y) on `on` (x) per group,
//! one output row per distinct x (sorted), as vega-statistics computes it (after science.js):
//! the `bandwidth` (default 0.3) times the group's size nearest neighbours (at least 2), tricube
//! weights, a local linear fit at each x, and two robustness iterations with bisquare weights
//! from the median residual. Rows with the same x are combined as Vega combines them (its
//! running update starts its count at zero, so this is not a plain mean: kept for agreement).

use crate::error::{Error, Path};
use crate::grammar::flow::number_of;
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::regression::ols;
use super::util;

/// The `loess` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Loess {
    /// Table key of the dependent field.
    pub y: String,
    /// Table key of the independent field.
    pub x: String,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// Share of the points in each local fit.
    pub bandwidth: f64,
    /// Output fields for x and y.
    pub as_: (String, String),
    path: Path,
}

const MAX_ITERS: usize = 2;
const EPSILON: f64 = 1e-12;
/// Most points in one group (the fit is O(n · neighbours)).
const MAX_POINTS: usize = 100_000;

impl Loess {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Loess, Error> {
        check_keys(json, path, &["loess", "on", "groupby", "bandwidth", "as"], &[])?;
        let y = util::field(util::req(json, "loess", path)?, &path.key("loess"))?;
        let x = util::field(util::req(json, "on", path)?, &path.key("on"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let bandwidth = json.get("bandwidth").map(|b| b.num(&path.key("bandwidth"))).transpose()?.unwrap_or(0.3);
        if !(bandwidth > 0.0 && bandwidth <= 1.0) {
            return Err(Error::spec(
                &path.key("bandwidth"),
                format!("bandwidth is a share of the points, above 0 and at most 1, not {bandwidth}"),
            ));
        }
        let as_ = util::as_two(json.get("as"), &path.key("as"), (&x, &y))?;
        Ok(Loess { y, x, groupby, bandwidth, as_, path: path.clone() })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        util::group_fields(&self.groupby, &self.as_)
    }

    /// The smoothed lines of `table`.
    pub fn run(&self, table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let (xc, yc) = (table.col(&self.x), table.col(&self.y));
        let mut out = Table::with_fields(self.output_fields());
        for g in util::partition(&table, &gcols) {
            let mut pts: Vec<(f64, f64)> = g
                .iter()
                .filter_map(|&r| {
                    let row = &table.rows[r];
                    Some((number_of(&util::cell(row, xc))?, number_of(&util::cell(row, yc))?))
                })
                .collect();
            if pts.is_empty() {
                continue;
            }
            if pts.len() > MAX_POINTS {
                return Err(Error::Data {
                    path: self.path.key("loess"),
                    row: None,
                    message: format!("{} points in one group (at most {MAX_POINTS} for loess)", pts.len()),
                });
            }
            // A stable sort by x, as JavaScript's.
            crate::order::sort_by(&mut pts, |a, b| a.0.total_cmp(&b.0));
            let line = smooth(&pts, self.bandwidth);
            util::check_rows(out.rows.len() + line.len(), &self.path.key("loess"), "loess")?;
            let dims: Vec<Value> = gcols.iter().map(|c| util::cell(&table.rows[g[0]], *c)).collect();
            for (px, py) in line {
                let y = if py.is_finite() { Value::Num(py) } else { Value::Null };
                out.rows.push(util::group_row(&out, &self.groupby, &dims, &self.as_, Value::Num(px), y));
            }
        }
        Ok(out)
    }
}

/// The loess fit of points sorted by x.
fn smooth(pts: &[(f64, f64)], bandwidth: f64) -> Vec<(f64, f64)> {
    let n = pts.len();
    let mean = |f: &dyn Fn(&(f64, f64)) -> f64| {
        let mut m = 0.0;
        for (i, p) in pts.iter().enumerate() {
            m += (f(p) - m) / (i + 1) as f64;
        }
        m
    };
    let (ux, uy) = (mean(&|p| p.0), mean(&|p| p.1));
    let xv: Vec<f64> = pts.iter().map(|p| p.0 - ux).collect();
    let yv: Vec<f64> = pts.iter().map(|p| p.1 - uy).collect();
    // JavaScript's `~~(bandwidth * n)`: truncated; at least two neighbours (at most n).
    let bw = ((bandwidth * n as f64).trunc() as usize).max(2).min(n.max(1));
    let mut yhat = vec![0.0; n];
    let mut residuals = vec![0.0; n];
    let mut robust = vec![1.0; n];
    for iter in 0..=MAX_ITERS {
        let mut interval = (0usize, bw - 1);
        for i in 0..n {
            let dx = xv[i];
            let (i0, i1) = interval;
            let edge = if dx - xv[i0] > xv[i1] - dx { i0 } else { i1 };
            let d = (xv[edge] - dx).abs();
            let denom = 1.0 / if d == 0.0 || d.is_nan() { 1.0 } else { d };
            let (mut w_sum, mut x_sum, mut y_sum, mut xy, mut x2) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for k in i0..=i1 {
                let (xk, yk) = (xv[k], yv[k]);
                let w = tricube((dx - xk).abs() * denom) * robust[k];
                let xkw = xk * w;
                w_sum += w;
                x_sum += xkw;
                y_sum += yk * w;
                xy += yk * xkw;
                x2 += xk * xkw;
            }
            let (a, b) = ols(x_sum / w_sum, y_sum / w_sum, xy / w_sum, x2 / w_sum);
            yhat[i] = a + b * dx;
            residuals[i] = (yv[i] - yhat[i]).abs();
            update_interval(&xv, i + 1, &mut interval);
        }
        if iter == MAX_ITERS {
            break;
        }
        let m = median(&residuals);
        if m.abs() < EPSILON {
            break;
        }
        for i in 0..n {
            let arg = residuals[i] / (6.0 * m);
            robust[i] = if arg >= 1.0 {
                EPSILON
            } else {
                let w = 1.0 - arg * arg;
                w * w
            };
        }
    }
    // Output, combining equal x as vega-statistics does.
    let mut out: Vec<(f64, f64)> = Vec::new();
    let mut count = 0usize;
    for i in 0..n {
        let v = xv[i] + ux;
        match out.last_mut() {
            Some(last) if last.0 == v => {
                count += 1;
                last.1 += (yhat[i] - last.1) / count as f64;
            }
            _ => {
                count = 0;
                out.push((v, yhat[i]));
            }
        }
    }
    for p in &mut out {
        p.1 += uy;
    }
    out
}

fn tricube(x: f64) -> f64 {
    let t = 1.0 - x * x * x;
    t * t * t
}

/// Slides the window of nearest neighbours right for the point at `i`.
fn update_interval(xv: &[f64], i: usize, interval: &mut (usize, usize)) {
    let Some(&val) = xv.get(i) else { return };
    let (mut left, mut right) = (interval.0, interval.1 + 1);
    if right >= xv.len() {
        return;
    }
    while i > left && right < xv.len() && xv[right] - val <= val - xv[left] {
        left += 1;
        interval.0 = left;
        interval.1 = right;
        right += 1;
    }
}

/// d3's median (R-7) of the numbers.
fn median(xs: &[f64]) -> f64 {
    let mut s: Vec<f64> = xs.iter().copied().filter(|x| !x.is_nan()).collect();
    crate::order::sort_by(&mut s, |a, b| a.total_cmp(b));
    super::ops::quantile_sorted(&s, 0.5)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn run(spec: &str, pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
        let l = Loess::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap();
        let mut t = Table::with_fields(vec!["x".into(), "y".into()]);
        for &(x, y) in pts {
            t.rows.push(vec![Value::Num(x), Value::Num(y)]);
        }
        t.rows.push(vec![Value::Null, Value::Num(1.0)]);
        l.run(t).unwrap().rows.iter().map(|r| (r[0].finite().unwrap(), r[1].finite().unwrap())).collect()
    }

    #[test]
    fn a_line_is_its_own_smooth_and_outliers_lose_their_pull() {
        let line: Vec<(f64, f64)> = (0..20).map(|i| (i as f64, 3.0 * i as f64 - 2.0)).collect();
        let got = run(r#"{"loess": "y", "on": "x"}"#, &line);
        assert_eq!(got.len(), 20, "one row per x (the null x is left out)");
        for (x, y) in &got {
            assert!((y - (3.0 * x - 2.0)).abs() < 1e-9, "{x}: {y}");
        }
        // The same line with one wild point: the robustness iterations keep the fit near it.
        let mut noisy = line.clone();
        noisy[10].1 += 500.0;
        let got = run(r#"{"loess": "y", "on": "x", "bandwidth": 0.5}"#, &noisy);
        // The raw point is at 528; the smooth there stays far below it, and points away from
        // it stay on the line.
        assert!(got[10].1 < 150.0, "at the outlier: {}", got[10].1);
        assert!((got[2].1 - 4.0).abs() < 1.0, "{}", got[2].1);
        assert!((got[18].1 - 52.0).abs() < 1.0, "{}", got[18].1);
    }

    #[test]
    fn unsorted_input_comes_out_by_x_and_bad_bandwidths_are_refused() {
        let got = run(r#"{"loess": "y", "on": "x"}"#, &[(3.0, 1.0), (1.0, 2.0), (2.0, 3.0)]);
        assert_eq!(got.iter().map(|p| p.0).collect::<Vec<_>>(), [1.0, 2.0, 3.0]);
        let e = Loess::parse(
            &Json::parse(r#"{"loess": "y", "on": "x", "bandwidth": 0}"#).unwrap(),
            &Path::root().key("transform").index(1),
        )
        .unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "transform[1].bandwidth");
    }
}
