//! The `density` transform: a Gaussian kernel density estimate of a field per group, sampled
//! into rows of the group fields, `value` and `density` (`as`), as Vega's `kde` transform does
//! for Vega-Lite: the bandwidth by Scott's rule (`1.06 · min(sd, IQR / 1.34) · n^-0.2`) unless
//! given; `cumulative` for the CDF (West's 2009 approximation, as vega-statistics); `counts`
//! to scale by the group's size; `resolve: "shared"` (Vega-Lite's default) samples every group
//! on one grid of `steps` (default 200) over the whole field's extent, `"independent"` each on
//! its own extent, adaptively between `minsteps` and `maxsteps`. Missing values are left out
//! (Vega reads a null as 0).

use crate::error::{Error, Path};
use crate::grammar::flow::number_of;
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::{curve, util};

/// The `density` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Density {
    /// Table key of the field.
    pub field: String,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// The CDF instead of the PDF.
    pub cumulative: bool,
    /// Densities times the group's row count.
    pub counts: bool,
    /// Kernel bandwidth (0: Scott's rule).
    pub bandwidth: f64,
    /// The range to sample over.
    pub extent: Option<(f64, f64)>,
    /// One grid for every group over the whole extent.
    pub shared: bool,
    /// Sampling steps: `steps`, or `minsteps` to `maxsteps`.
    pub steps: (usize, usize),
    /// Output fields for the value and the density.
    pub as_: (String, String),
    path: Path,
}

/// Most sampling steps.
const MAX_STEPS: f64 = 10_000.0;

impl Density {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Density, Error> {
        check_keys(
            json,
            path,
            &[
                "density",
                "groupby",
                "cumulative",
                "counts",
                "bandwidth",
                "extent",
                "minsteps",
                "maxsteps",
                "steps",
                "resolve",
                "as",
            ],
            &[],
        )?;
        let field = util::field(util::req(json, "density", path)?, &path.key("density"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let flag = |k: &str| json.get(k).map(|v| v.bool(&path.key(k))).transpose().map(|v| v.unwrap_or(false));
        let steps_of = |k: &str| -> Result<Option<usize>, Error> {
            match json.get(k) {
                None => Ok(None),
                Some(v) => {
                    let n = v.num(&path.key(k))?;
                    if n.fract() != 0.0 || !(2.0..=MAX_STEPS).contains(&n) {
                        return Err(Error::spec(
                            &path.key(k),
                            format!("{k} is a whole number from 2 to {MAX_STEPS}, not {n}"),
                        ));
                    }
                    Ok(Some(n as usize))
                }
            }
        };
        let bandwidth = json.get("bandwidth").map(|b| b.num(&path.key("bandwidth"))).transpose()?.unwrap_or(0.0);
        if !(bandwidth >= 0.0 && bandwidth.is_finite()) {
            return Err(Error::spec(&path.key("bandwidth"), "bandwidth is a number from 0 up (0: estimated)"));
        }
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
        let shared = match json.get("resolve").map(|r| r.str(&path.key("resolve"))).transpose()? {
            None | Some("shared") => true,
            Some("independent") => false,
            Some(other) => {
                return Err(Error::unsupported(&path.key("resolve"), format!("\"{other}\""), "shared, independent"))
            }
        };
        let (steps, min, max) = (steps_of("steps")?, steps_of("minsteps")?, steps_of("maxsteps")?);
        let max = steps.or(max).unwrap_or(200);
        let steps = if shared { (max, max) } else { (steps.or(min).unwrap_or(25), max) };
        let as_ = util::as_two(json.get("as"), &path.key("as"), ("value", "density"))?;
        Ok(Density {
            field,
            groupby,
            cumulative: flag("cumulative")?,
            counts: flag("counts")?,
            bandwidth,
            extent,
            shared,
            steps,
            as_,
            path: path.clone(),
        })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        util::group_fields(&self.groupby, &self.as_)
    }

    /// The density rows of `table`.
    pub fn run(&self, table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let fcol = table.col(&self.field);
        let value = |r: usize| number_of(&util::cell(&table.rows[r], fcol));
        let all: Vec<f64> = (0..table.rows.len()).filter_map(value).collect();
        let whole = self.extent.or_else(|| span(&all).filter(|_| self.shared));
        let mut out = Table::with_fields(self.output_fields());
        for g in util::partition(&table, &gcols) {
            let support: Vec<f64> = g.iter().filter_map(|&r| value(r)).collect();
            let Some(local) = whole.or_else(|| span(&support)) else { continue };
            if support.is_empty() {
                continue;
            }
            let bw = if self.bandwidth > 0.0 { self.bandwidth } else { scott(&support) };
            let n = support.len() as f64;
            let scale = if self.counts { g.len() as f64 } else { 1.0 };
            let f = |x: f64| -> f64 {
                if self.cumulative {
                    support.iter().map(|s| cdf((x - s) / bw)).sum::<f64>() / n
                } else {
                    support.iter().map(|s| pdf((x - s) / bw)).sum::<f64>() / bw / n
                }
            };
            let points = curve::sample(&f, local, self.steps.0, self.steps.1);
            util::check_rows(out.rows.len() + points.len(), &self.path.key("density"), "density")?;
            let dims: Vec<Value> = gcols.iter().map(|c| util::cell(&table.rows[g[0]], *c)).collect();
            for (x, y) in points {
                let row = util::group_row(&out, &self.groupby, &dims, &self.as_, Value::Num(x), Value::Num(y * scale));
                out.rows.push(row);
            }
        }
        Ok(out)
    }
}

/// The least and greatest value.
fn span(xs: &[f64]) -> Option<(f64, f64)> {
    Some((xs.iter().copied().reduce(f64::min)?, xs.iter().copied().reduce(f64::max)?))
}

/// Scott's rule, as vega-statistics' `bandwidth`: d3's sample deviation and R-7 quartiles.
fn scott(xs: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mut sorted = xs.to_vec();
    crate::order::sort_by(&mut sorted, |a, b| a.total_cmp(b));
    let q = |p: f64| super::ops::quantile_sorted(&sorted, p);
    // d3.deviation: Welford's running mean and sum of squares; undefined below two values.
    let d = if xs.len() > 1 {
        let (mut mean, mut sum) = (0.0, 0.0);
        for (i, x) in xs.iter().enumerate() {
            let delta = x - mean;
            mean += delta / (i + 1) as f64;
            sum += delta * (x - mean);
        }
        (sum / (n - 1.0)).sqrt()
    } else {
        f64::NAN
    };
    let h = (q(0.75) - q(0.25)) / 1.34;
    // JavaScript's `Math.min(d, h) || d || Math.abs(q1) || 1`: NaN and 0 fall through.
    let or = |a: f64, b: f64| if a.is_nan() || a == 0.0 { b } else { a };
    let v = or(or(or(if d.is_nan() || h.is_nan() { f64::NAN } else { d.min(h) }, d), q(0.25).abs()), 1.0);
    1.06 * v * n.powf(-0.2)
}

/// The standard normal density.
fn pdf(z: f64) -> f64 {
    (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// The standard normal CDF, by West's (2009) approximation as vega-statistics computes it.
fn cdf(z: f64) -> f64 {
    let a = z.abs();
    let cd = if a > 37.0 {
        0.0
    } else {
        let e = (-a * a / 2.0).exp();
        if a < 7.07106781186547 {
            let mut s = 3.52624965998911e-02 * a + 0.700383064443688;
            for c in [6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931, 220.206867912376] {
                s = s * a + c;
            }
            let num = e * s;
            let mut s = 8.83883476483184e-02 * a + 1.75566716318264;
            for c in [
                16.064177579207,
                86.7807322029461,
                296.564248779674,
                637.333633378831,
                793.826512519948,
                440.413735824752,
            ] {
                s = s * a + c;
            }
            num / s
        } else {
            let mut s = a + 0.65;
            s = a + 4.0 / s;
            s = a + 3.0 / s;
            s = a + 2.0 / s;
            s = a + 1.0 / s;
            e / s / 2.506628274631
        }
    };
    if z > 0.0 {
        1.0 - cd
    } else {
        cd
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::with_fields(vec!["g".into(), "v".into()]);
        for (g, v) in [("a", 1.0), ("a", 2.0), ("a", 4.0), ("b", 10.0), ("b", 12.0)] {
            t.rows.push(vec![Value::str(g), Value::Num(v)]);
        }
        t.rows.push(vec![Value::str("a"), Value::Null]);
        t
    }

    #[test]
    fn normal_pdf_and_cdf() {
        assert!((pdf(0.0) - 0.3989422804014327).abs() < 1e-15);
        assert!((cdf(0.0) - 0.5).abs() < 1e-12);
        assert!((cdf(1.96) - 0.9750021048517795).abs() < 1e-9);
        assert!((cdf(-1.0) - 0.15865525393145707).abs() < 1e-9);
    }

    #[test]
    fn densities_integrate_to_one_and_the_cdf_rises_to_it() {
        let d = Density::parse(
            &Json::parse(r#"{"density": "v", "bandwidth": 1, "extent": [-10, 25], "steps": 700}"#).unwrap(),
            &Path::root(),
        )
        .unwrap();
        let t = d.run(table()).unwrap();
        assert_eq!(t.fields, ["value", "density"]);
        assert_eq!(t.rows.len(), 701);
        let pts: Vec<(f64, f64)> = t.rows.iter().map(|r| (r[0].finite().unwrap(), r[1].finite().unwrap())).collect();
        let area: f64 = pts.windows(2).map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0).sum();
        assert!((area - 1.0).abs() < 1e-3, "area {area}");
        // Five values (the null is left out): at 1 the density is the mean of five kernels.
        let at1 = (pdf(0.0) + pdf(-1.0) + pdf(-3.0) + pdf(-9.0) + pdf(-11.0)) / 5.0;
        let row = pts.iter().find(|p| (p.0 - 1.0).abs() < 1e-9).unwrap();
        assert!((row.1 - at1).abs() < 1e-12);
        let c = Density::parse(
            &Json::parse(r#"{"density": "v", "cumulative": true, "bandwidth": 1, "extent": [-10, 25]}"#).unwrap(),
            &Path::root(),
        )
        .unwrap();
        let t = c.run(table()).unwrap();
        let ys: Vec<f64> = t.rows.iter().map(|r| r[1].finite().unwrap()).collect();
        assert!(ys.windows(2).all(|w| w[1] >= w[0] - 1e-12) && (ys[ys.len() - 1] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn groups_counts_and_scotts_rule() {
        let d = Density::parse(
            &Json::parse(r#"{"density": "v", "groupby": ["g"], "counts": true}"#).unwrap(),
            &Path::root(),
        )
        .unwrap();
        let t = d.run(table()).unwrap();
        assert_eq!(t.fields, ["g", "value", "density"]);
        assert_eq!(t.rows.len(), 2 * 201, "shared: one grid of 200 steps per group");
        assert_eq!(t.rows[0][1], Value::Num(1.0));
        assert_eq!(t.rows[200][1], Value::Num(12.0), "over the whole field's extent");
        // Scott's rule by hand for [1, 2, 4]: sd 1.5275, IQR (3 - 1.5) / 1.34 = 1.1194.
        let h = 1.06 * 1.5f64.min(1.5 / 1.34) * 3f64.powf(-0.2);
        let sd = (7.0f64 / 3.0).sqrt();
        assert!((scott(&[1.0, 2.0, 4.0]) - 1.06 * sd.min(1.5 / 1.34) * 3f64.powf(-0.2)).abs() < 1e-12 && h > 0.0);
        let e = Density::parse(
            &Json::parse(r#"{"density": "v", "resolve": "both"}"#).unwrap(),
            &Path::root().key("transform").index(2),
        )
        .unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "transform[2].resolve");
    }
}
