//! The `regression` transform: a least-squares trend of `regression` (y) on `on` (x) per group,
//! as rows of the group fields and the two `as` fields (default: the `on` and `regression`
//! names), with vega-statistics' methods and sampling: `linear` (and `constant`) give the two
//! ends of the extent; `log`, `exp`, `pow`, `quad` and `poly` (`order`, default 3) are sampled
//! by [`super::curve::sample`] (25 to 200 steps). Fits are computed on mean-centred data as
//! Vega does, so the numbers agree with Vega's to rounding. A group with no more rows than the
//! method has parameters is skipped (Vega warns and skips it too). `extent` sets the x range;
//! `params: true` (coefficient arrays) is refused: this engine's values hold no arrays.

use crate::error::{Error, Path};
use crate::grammar::flow::number_of;
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::{curve, util};

/// A fitting method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    /// y = mean.
    Constant,
    /// y = a + b·x.
    Linear,
    /// y = a + b·ln x.
    Log,
    /// y = a·e^(b·x).
    Exp,
    /// y = a·x^b.
    Pow,
    /// y = a + b·x + c·x².
    Quad,
    /// A polynomial of the given order.
    Poly(usize),
}

/// The `regression` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Regression {
    /// Table key of the dependent field.
    pub y: String,
    /// Table key of the independent field.
    pub x: String,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// The method.
    pub method: Method,
    /// The x range to draw over (default: each group's extent).
    pub extent: Option<(f64, f64)>,
    /// Output fields for x and y.
    pub as_: (String, String),
    path: Path,
}

/// Highest polynomial order (Gaussian elimination on mean-centred powers stays accurate).
const MAX_ORDER: usize = 10;

impl Regression {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Regression, Error> {
        check_keys(json, path, &["regression", "on", "groupby", "method", "order", "extent", "as"], &["params"])?;
        let y = util::field(util::req(json, "regression", path)?, &path.key("regression"))?;
        let x = util::field(util::req(json, "on", path)?, &path.key("on"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let order = match json.get("order") {
            None => 3,
            Some(o) => {
                let n = o.num(&path.key("order"))?;
                if n.fract() != 0.0 || !(0.0..=MAX_ORDER as f64).contains(&n) {
                    return Err(Error::spec(
                        &path.key("order"),
                        format!("order is a whole number from 0 to {MAX_ORDER}, not {n}"),
                    ));
                }
                n as usize
            }
        };
        let method = match json.get("method").map(|m| m.str(&path.key("method"))).transpose()?.unwrap_or("linear") {
            "constant" => Method::Constant,
            "linear" => Method::Linear,
            "log" => Method::Log,
            "exp" => Method::Exp,
            "pow" => Method::Pow,
            "quad" => Method::Quad,
            "poly" => match order {
                0 => Method::Constant,
                1 => Method::Linear,
                2 => Method::Quad,
                k => Method::Poly(k),
            },
            other => {
                return Err(Error::unsupported(
                    &path.key("method"),
                    format!("\"{other}\""),
                    "linear, log, exp, pow, quad, poly, constant",
                ))
            }
        };
        let extent = match json.get("extent") {
            None => None,
            Some(e) => {
                let ep = path.key("extent");
                match e.arr(&ep)? {
                    [a, b] => Some((a.num(&ep.index(0))?, b.num(&ep.index(1))?)),
                    _ => return Err(Error::spec(&ep, "expected [min, max]")),
                }
            }
        };
        let as_ = util::as_two(json.get("as"), &path.key("as"), (&x, &y))?;
        Ok(Regression { y, x, groupby, method, extent, as_, path: path.clone() })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        util::group_fields(&self.groupby, &self.as_)
    }

    /// The trend lines of `table`.
    pub fn run(&self, table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let (xc, yc) = (table.col(&self.x), table.col(&self.y));
        let mut out = Table::with_fields(self.output_fields());
        let dof = match self.method {
            Method::Poly(k) => k,
            Method::Quad => 2,
            _ => 1,
        };
        // Vega ignores an extent that starts at or below 0 for a log fit.
        let extent = self.extent.filter(|e| !(self.method == Method::Log && e.0 <= 0.0));
        for g in util::partition(&table, &gcols) {
            if g.len() <= dof {
                continue;
            }
            let pts: Vec<(f64, f64)> = g
                .iter()
                .filter_map(|&r| {
                    let row = &table.rows[r];
                    Some((number_of(&util::cell(row, xc))?, number_of(&util::cell(row, yc))?))
                })
                .collect();
            let Some(predict) = fit(self.method, &pts) else { continue };
            let dom = match extent {
                Some(e) => e,
                None => {
                    let xs = pts.iter().map(|p| p.0);
                    match (xs.clone().reduce(f64::min), xs.reduce(f64::max)) {
                        (Some(a), Some(b)) => (a, b),
                        _ => continue,
                    }
                }
            };
            let points = match self.method {
                Method::Linear | Method::Constant => vec![(dom.0, predict(dom.0)), (dom.1, predict(dom.1))],
                _ => curve::sample(&*predict, dom, 25, 200),
            };
            util::check_rows(out.rows.len() + points.len(), &self.path.key("regression"), "regression")?;
            let dims: Vec<Value> = gcols.iter().map(|c| util::cell(&table.rows[g[0]], *c)).collect();
            for (px, py) in points {
                let y = if py.is_finite() { Value::Num(py) } else { Value::Null };
                out.rows.push(util::group_row(&out, &self.groupby, &dims, &self.as_, Value::Num(px), y));
            }
        }
        Ok(out)
    }
}

type Predict = Box<dyn Fn(f64) -> f64>;

/// Vega's ordinary least squares on means: `[intercept, slope]` (loess uses it too).
pub(crate) fn ols(ux: f64, uy: f64, uxy: f64, ux2: f64) -> (f64, f64) {
    let delta = ux2 - ux * ux;
    let slope = if delta.abs() < 1e-24 { 0.0 } else { (uxy - ux * uy) / delta };
    (uy - slope * ux, slope)
}

/// Running means, added one at a time as vega-statistics does (`X += (x - X) / n`).
fn mean_of(values: impl Iterator<Item = f64>) -> f64 {
    let mut m = 0.0;
    for (i, v) in values.enumerate() {
        m += (v - m) / (i + 1) as f64;
    }
    m
}

/// The fitted function of `pts` (`None` when there are no points).
fn fit(method: Method, pts: &[(f64, f64)]) -> Option<Predict> {
    if pts.is_empty() {
        return None;
    }
    let means = |fx: &dyn Fn(f64) -> f64, fy: &dyn Fn(f64) -> f64| {
        let (mut x, mut y, mut xy, mut x2) = (0.0, 0.0, 0.0, 0.0);
        for (i, &(px, py)) in pts.iter().enumerate() {
            let n = (i + 1) as f64;
            let (dx, dy) = (fx(px), fy(py));
            x += (dx - x) / n;
            y += (dy - y) / n;
            xy += (dx * dy - xy) / n;
            x2 += (dx * dx - x2) / n;
        }
        (x, y, xy, x2)
    };
    Some(match method {
        Method::Constant => {
            let m = mean_of(pts.iter().map(|p| p.1));
            Box::new(move |_| m)
        }
        Method::Linear => {
            let (x, y, xy, x2) = means(&|v| v, &|v| v);
            let (a, b) = ols(x, y, xy, x2);
            Box::new(move |v| a + b * v)
        }
        Method::Log => {
            let (x, y, xy, x2) = means(&f64::ln, &|v| v);
            let (a, b) = ols(x, y, xy, x2);
            Box::new(move |v| a + b * v.ln())
        }
        Method::Pow => {
            let (x, y, xy, x2) = means(&f64::ln, &f64::ln);
            let (a, b) = ols(x, y, xy, x2);
            let a = a.exp();
            Box::new(move |v| a * v.powf(b))
        }
        Method::Exp => {
            let (ux, uy) = (mean_of(pts.iter().map(|p| p.0)), mean_of(pts.iter().map(|p| p.1)));
            let (mut yl, mut xy, mut xyl, mut x2y) = (0.0, 0.0, 0.0, 0.0);
            for (i, &(px, py)) in pts.iter().enumerate() {
                let n = (i + 1) as f64;
                let dx = px - ux;
                let ly = py.ln();
                let pxy = dx * py;
                yl += (py * ly - yl) / n;
                xy += (pxy - xy) / n;
                xyl += (pxy * ly - xyl) / n;
                x2y += (dx * pxy - x2y) / n;
            }
            let (c0, c1) = ols(xy / uy, yl / uy, xyl / uy, x2y / uy);
            Box::new(move |v| (c0 + c1 * (v - ux)).exp())
        }
        Method::Quad => {
            let (ux, uy) = (mean_of(pts.iter().map(|p| p.0)), mean_of(pts.iter().map(|p| p.1)));
            let (mut x2, mut x3, mut x4, mut xy, mut x2y) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for (i, &(px, py)) in pts.iter().enumerate() {
                let n = (i + 1) as f64;
                let (dx, dy) = (px - ux, py - uy);
                let sq = dx * dx;
                x2 += (sq - x2) / n;
                x3 += (sq * dx - x3) / n;
                x4 += (sq * sq - x4) / n;
                xy += (dx * dy - xy) / n;
                x2y += (sq * dy - x2y) / n;
            }
            let x2x2 = x4 - x2 * x2;
            let d = x2 * x2x2 - x3 * x3;
            let a = (x2y * x2 - xy * x3) / d;
            let b = (xy * x2x2 - x2y * x3) / d;
            let c = -a * x2;
            Box::new(move |v| {
                let v = v - ux;
                a * v * v + b * v + c + uy
            })
        }
        Method::Poly(order) => {
            let (ux, uy) = (mean_of(pts.iter().map(|p| p.0)), mean_of(pts.iter().map(|p| p.1)));
            let xs: Vec<f64> = pts.iter().map(|p| p.0 - ux).collect();
            let ys: Vec<f64> = pts.iter().map(|p| p.1 - uy).collect();
            let k = order + 1;
            // Columns of the augmented matrix, as vega-statistics lays them out.
            let mut m: Vec<Vec<f64>> = Vec::with_capacity(k + 1);
            let mut lhs = Vec::with_capacity(k);
            for i in 0..k {
                lhs.push(xs.iter().zip(&ys).map(|(x, y)| x.powf(i as f64) * y).sum());
                m.push((0..k).map(|j| xs.iter().map(|x| x.powf((i + j) as f64)).sum()).collect());
            }
            m.push(lhs);
            let coef = gaussian_elimination(m);
            Box::new(move |v| {
                let v = v - ux;
                let mut y = uy + coef[0] + coef[1] * v + coef[2] * v * v;
                for (i, c) in coef.iter().enumerate().skip(3) {
                    y += c * v.powf(i as f64);
                }
                y
            })
        }
    })
}

/// Solves the system in `matrix` (k columns and the right-hand side, column-major) with
/// partial pivoting, in vega-statistics' order of operations.
fn gaussian_elimination(mut matrix: Vec<Vec<f64>>) -> Vec<f64> {
    let n = matrix.len() - 1;
    let mut coef = vec![0.0; n];
    for i in 0..n {
        let mut r = i;
        for j in i + 1..n {
            if matrix[i][j].abs() > matrix[i][r].abs() {
                r = j;
            }
        }
        for col in matrix.iter_mut().skip(i) {
            col.swap(i, r);
        }
        for j in i + 1..n {
            for k in (i..=n).rev() {
                let f = matrix[k][i] * matrix[i][j] / matrix[i][i];
                matrix[k][j] -= f;
            }
        }
    }
    for j in (0..n).rev() {
        let mut t = 0.0;
        for (k, c) in coef.iter().enumerate().skip(j + 1) {
            t += matrix[k][j] * c;
        }
        coef[j] = (matrix[n][j] - t) / matrix[j][j];
    }
    coef
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table(pts: &[(f64, f64)]) -> Table {
        let mut t = Table::with_fields(vec!["x".into(), "y".into()]);
        for &(x, y) in pts {
            t.rows.push(vec![Value::Num(x), Value::Num(y)]);
        }
        t.rows.push(vec![Value::Null, Value::Num(99.0)]);
        t
    }

    fn run(spec: &str, pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
        let r = Regression::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap();
        let t = r.run(table(pts)).unwrap();
        t.rows.iter().map(|r| (r[0].finite().unwrap(), r[1].finite().unwrap())).collect()
    }

    #[test]
    fn linear_gives_the_ends_of_the_least_squares_line() {
        // y = 2x + 1 exactly, and a null x that is skipped.
        let got = run(r#"{"regression": "y", "on": "x"}"#, &[(1.0, 3.0), (2.0, 5.0), (4.0, 9.0)]);
        assert_eq!(got.len(), 2);
        assert!((got[0].0 - 1.0).abs() < 1e-12 && (got[0].1 - 3.0).abs() < 1e-12, "{got:?}");
        assert!((got[1].0 - 4.0).abs() < 1e-12 && (got[1].1 - 9.0).abs() < 1e-12);
        // By hand: (0,0), (1,1), (2,1): slope 0.5, intercept 1/6.
        let got = run(r#"{"regression": "y", "on": "x", "extent": [0, 10]}"#, &[(0.0, 0.0), (1.0, 1.0), (2.0, 1.0)]);
        assert!((got[0].1 - 1.0 / 6.0).abs() < 1e-12 && (got[1].1 - (1.0 / 6.0 + 5.0)).abs() < 1e-12, "{got:?}");
    }

    #[test]
    fn curves_fit_their_models_exactly() {
        let check = |spec: &str, f: &dyn Fn(f64) -> f64, xs: &[f64]| {
            let pts: Vec<(f64, f64)> = xs.iter().map(|&x| (x, f(x))).collect();
            let got = run(spec, &pts);
            assert!(got.len() >= 26, "{spec}: {}", got.len());
            for (x, y) in got {
                assert!((y - f(x)).abs() < 1e-6 * (1.0 + f(x).abs()), "{spec} at {x}: {y} vs {}", f(x));
            }
        };
        let xs = [1.0, 2.0, 3.0, 5.0, 8.0];
        check(r#"{"regression": "y", "on": "x", "method": "quad"}"#, &|x| 2.0 * x * x - 3.0 * x + 1.0, &xs);
        check(r#"{"regression": "y", "on": "x", "method": "poly", "order": 3}"#, &|x| x * x * x - x + 4.0, &xs);
        check(r#"{"regression": "y", "on": "x", "method": "log"}"#, &|x: f64| 3.0 + 2.0 * x.ln(), &xs);
        check(r#"{"regression": "y", "on": "x", "method": "pow"}"#, &|x: f64| 1.5 * x.powf(0.7), &xs);
        check(r#"{"regression": "y", "on": "x", "method": "exp"}"#, &|x: f64| 0.5 * (0.3 * x).exp(), &xs);
    }

    #[test]
    fn small_groups_are_skipped_and_bad_params_are_refused_by_path() {
        assert!(
            run(r#"{"regression": "y", "on": "x", "method": "quad"}"#, &[(1.0, 1.0)]).is_empty(),
            "2 rows (one null) for 3 parameters"
        );
        let p = Path::root().key("transform").index(0);
        let e = Regression::parse(&Json::parse(r#"{"regression": "y", "on": "x", "method": "spline"}"#).unwrap(), &p)
            .unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "transform[0].method");
        let e = Regression::parse(&Json::parse(r#"{"regression": "y", "on": "x", "params": true}"#).unwrap(), &p)
            .unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "transform[0].params");
        assert!(Regression::parse(
            &Json::parse(r#"{"regression": "y", "on": "x", "method": "poly", "order": 2.5}"#).unwrap(),
            &p
        )
        .is_err());
    }
}
