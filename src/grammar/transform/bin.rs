//! Binning: Vega's bin algorithm (vega-statistics `bin` and the `bin` transform's start/stop
//! adjustment) and the `bin` transform. Parameters as Vega-Lite's `BinParams`: `maxbins`
//! (Vega-Lite's default 10 when neither it nor `step` is given), `base` 10, `divide` [5, 2],
//! `step`, `steps`, `minstep`, `nice` (true), `extent` (else the data's), `anchor`. A value is
//! put in `[start, start + step)`; values outside an explicit extent get -Infinity / +Infinity;
//! null and `""` stay null. Outputs are `as` (or Vega-Lite's `bin_maxbins_10_field`) and its
//! `_end`. More than 100,000 bins are refused.

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::util::{self, var_name};

/// Most bins accepted.
pub const MAX_BINS: f64 = 100_000.0;

/// Vega-Lite's `BinParams`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BinParams {
    /// Most bins wanted.
    pub maxbins: Option<f64>,
    /// True when `maxbins` was filled in by default (a channel may use its own default).
    pub auto_maxbins: bool,
    /// Number base of nice steps (10).
    pub base: Option<f64>,
    /// Divisors tried to make the step smaller ([5, 2]).
    pub divide: Option<Vec<f64>>,
    /// Fixed `[min, max]` to bin over.
    pub extent: Option<(f64, f64)>,
    /// Exact step.
    pub step: Option<f64>,
    /// Allowed steps.
    pub steps: Option<Vec<f64>>,
    /// Smallest step.
    pub minstep: Option<f64>,
    /// Round the start and stop to the step (default true).
    pub nice: Option<bool>,
    /// A value that must fall on a bin boundary.
    pub anchor: Option<f64>,
    /// True when the data is already binned (Vega-Lite's `binned`).
    pub binned: bool,
    order: Vec<(String, String)>,
}

impl BinParams {
    /// Vega-Lite's name of the parameters (`binToString`): `bin_maxbins_10`, `bin_step_5`, the
    /// prefix of the binned field's name.
    pub fn name(&self) -> String {
        let mut s = String::from("bin");
        for (k, v) in &self.order {
            s.push_str(&var_name(&format!("_{k}_{v}")));
        }
        if let (true, Some(m)) = (self.auto_maxbins, self.maxbins) {
            s.push_str(&var_name(&format!("_maxbins_{}", crate::grammar::value::js_number(m))));
        }
        s
    }
}

fn nums(json: &Json, path: &Path) -> Result<Vec<f64>, Error> {
    json.arr(path)?.iter().enumerate().map(|(i, n)| n.num(&path.index(i))).collect()
}

fn js_text(json: &Json) -> String {
    // JavaScript's template-literal text of a parameter value (arrays join with commas).
    match json {
        Json::Arr(a) => a.iter().map(js_text).collect::<Vec<_>>().join(","),
        Json::Str(s) => s.clone(),
        other => other.to_text(),
    }
}

/// Reads `bin` (`true` or a `BinParams` object) at `path`.
pub fn parse_params(json: &Json, path: &Path) -> Result<BinParams, Error> {
    let mut p = BinParams::default();
    match json {
        Json::Bool(true) => {}
        Json::Obj(o) => {
            check_keys(
                json,
                path,
                &["maxbins", "base", "divide", "extent", "step", "steps", "minstep", "nice", "anchor", "binned"],
                &[],
            )?;
            for (k, v) in o {
                let kp = path.key(k);
                let positive = |n: f64| -> Result<f64, Error> {
                    if n > 0.0 && n.is_finite() {
                        Ok(n)
                    } else {
                        Err(Error::spec(&kp, "must be a positive number"))
                    }
                };
                match k.as_str() {
                    "maxbins" => p.maxbins = Some(positive(v.num(&kp)?)?),
                    "base" => {
                        let b = v.num(&kp)?;
                        if !(b > 1.0 && b.is_finite()) {
                            return Err(Error::spec(&kp, "must be a number above 1"));
                        }
                        p.base = Some(b);
                    }
                    "divide" => p.divide = Some(nums(v, &kp)?.into_iter().map(positive).collect::<Result<_, _>>()?),
                    "steps" => p.steps = Some(nums(v, &kp)?.into_iter().map(positive).collect::<Result<_, _>>()?),
                    "step" => p.step = Some(positive(v.num(&kp)?)?),
                    "minstep" => {
                        let m = v.num(&kp)?;
                        if !(m >= 0.0 && m.is_finite()) {
                            return Err(Error::spec(&kp, "must be a number from 0"));
                        }
                        p.minstep = Some(m);
                    }
                    "nice" => p.nice = Some(v.bool(&kp)?),
                    "binned" => p.binned = v.bool(&kp)?,
                    "anchor" => {
                        let a = v.num(&kp)?;
                        if !a.is_finite() {
                            return Err(Error::spec(&kp, "must be a finite number"));
                        }
                        p.anchor = Some(a);
                    }
                    _ => {
                        if let Json::Obj(_) = v {
                            return Err(Error::unsupported(&kp, "an extent from a parameter", "[min, max]"));
                        }
                        let e = nums(v, &kp)?;
                        match e.as_slice() {
                            [a, b] if a.is_finite() && b.is_finite() && a <= b => p.extent = Some((*a, *b)),
                            _ => return Err(Error::spec(&kp, "expected [min, max] with finite min <= max")),
                        }
                    }
                }
                p.order.push((k.clone(), js_text(v)));
            }
        }
        other => return Err(Error::spec(path, format!("expected true or bin parameters, found {}", other.kind()))),
    }
    if p.maxbins.is_none() && p.step.is_none() && !p.binned {
        p.maxbins = Some(10.0);
        p.auto_maxbins = true;
    }
    Ok(p)
}

/// JavaScript's `Math.round` (halves round up).
fn js_round(x: f64) -> f64 {
    let f = x.floor();
    if x - f >= 0.5 {
        f + 1.0
    } else {
        f
    }
}

/// JavaScript's `a || b` for numbers (0 and NaN are falsy).
fn or(a: f64, b: f64) -> f64 {
    if a == 0.0 || a.is_nan() {
        b
    } else {
        a
    }
}

/// Vega's bins over `extent`: `(start, stop, step)` after the bin transform's adjustments
/// (stop on a whole step, `anchor` shift). Fails for bad extents and more than
/// [`MAX_BINS`] bins.
pub fn bins(extent: (f64, f64), params: &BinParams) -> Result<(f64, f64, f64), String> {
    let (mut min, mut max) = extent;
    if !(min.is_finite() && max.is_finite()) || min > max {
        return Err(format!("cannot bin over the extent [{min}, {max}]"));
    }
    let maxb = or(params.maxbins.unwrap_or(20.0), 20.0);
    let base = or(params.base.unwrap_or(10.0), 10.0);
    let logb = base.ln();
    let default_div = [5.0, 2.0];
    let div: &[f64] = params.divide.as_deref().unwrap_or(&default_div);
    let span = or(or(max - min, min.abs()), 1.0);
    let mut step;
    if let Some(s) = params.step {
        step = s;
    } else if let Some(steps) = params.steps.as_ref().filter(|s| !s.is_empty()) {
        let v = span / maxb;
        let i = steps.iter().take_while(|s| **s < v).count();
        step = steps[i.saturating_sub(1).min(steps.len() - 1)];
    } else {
        let level = (maxb.ln() / logb).ceil();
        let minstep = params.minstep.unwrap_or(0.0);
        step = minstep.max(base.powf(js_round(span.ln() / logb) - level));
        if !(step > 0.0 && step.is_finite()) {
            return Err(format!("no bin step fits the span {span}"));
        }
        let mut guard = 0;
        while (span / step).ceil() > maxb {
            step *= base;
            guard += 1;
            if guard > 4000 || !step.is_finite() {
                return Err(format!("no bin step fits the span {span}"));
            }
        }
        for d in div {
            let v = step / d;
            if v >= minstep && span / v <= maxb {
                step = v;
            }
        }
    }
    if !(step > 0.0 && step.is_finite()) {
        return Err(format!("bin step {step} is not a positive number"));
    }
    let v = step.ln();
    let precision = if v >= 0.0 { 0.0 } else { (-v / logb).trunc() + 1.0 };
    let eps = base.powf(-precision - 1.0);
    if params.nice.unwrap_or(true) {
        let v = (min / step + eps).floor() * step;
        min = if min < v { v - step } else { v };
        max = (max / step).ceil() * step;
    }
    let mut start = min;
    let stop0 = if max == min { min + step } else { max };
    let n = ((stop0 - start) / step).ceil();
    if n.is_nan() || n > MAX_BINS {
        return Err(format!("{n} bins of step {step} (at most {MAX_BINS})"));
    }
    let mut stop = start + n * step;
    if let Some(a) = params.anchor {
        let d = a - (start + step * ((a - start) / step).floor());
        start += d;
        stop += d;
    }
    Ok((start, stop, step))
}

/// The bin of one number: `(start, end)` as Vega's bin transform computes them.
pub fn bin_of(v: f64, (start, stop, step): (f64, f64, f64)) -> (f64, f64) {
    // Vega's epsilon bias against floating point error (vega#1737).
    const EPSILON: f64 = 1e-14;
    let b = if v < start {
        f64::NEG_INFINITY
    } else if v > stop {
        f64::INFINITY
    } else {
        let c = start.max(v.min(stop - step));
        if c.is_nan() || v.is_nan() {
            f64::NAN
        } else {
            start + step * (EPSILON + (c - start) / step).floor()
        }
    };
    (b, start + step * (1.0 + (b - start) / step))
}

/// The `bin` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    /// Parameters.
    pub params: BinParams,
    /// Table key of the binned field.
    pub field: String,
    /// Output fields for bin start and end.
    pub as_: (String, String),
    path: Path,
}

impl Bin {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Bin, Error> {
        check_keys(json, path, &["bin", "field", "as"], &[])?;
        let params = parse_params(util::req(json, "bin", path)?, &path.key("bin"))?;
        if params.binned {
            return Err(Error::unsupported(&path.key("bin").key("binned"), "binned data in a bin transform", ""));
        }
        let raw = util::req(json, "field", path)?.str(&path.key("field"))?;
        let as_ = match json.get("as") {
            Some(a) => util::as_pair(a, &path.key("as"))?,
            None => (format!("{}_{raw}", params.name()), format!("{}_{raw}_end", params.name())),
        };
        Ok(Bin { params, field: field_key(raw), as_, path: path.clone() })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        vec![self.as_.0.clone(), self.as_.1.clone()]
    }

    /// Bins every row's field.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let src = table.col(&self.field);
        let number = |v: &Value| match v {
            Value::Null => None,
            Value::Str(s) if s.is_empty() => None,
            other => Some(other.as_num().unwrap_or(f64::NAN)),
        };
        let values: Vec<Option<f64>> = table.rows.iter().map(|r| number(util::cell_ref(r, src))).collect();
        let extent = match self.params.extent {
            Some(e) => Some(e),
            None => {
                let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
                for v in values.iter().flatten() {
                    lo = lo.min(if v.is_nan() { lo } else { *v });
                    hi = hi.max(if v.is_nan() { hi } else { *v });
                }
                let any = values.iter().any(Option::is_some);
                match (lo.is_finite() && hi.is_finite(), any) {
                    (true, _) => Some((lo, hi)),
                    (false, false) => None,
                    (false, true) => {
                        return Err(Error::Data {
                            path: self.path.key("field"),
                            row: None,
                            message: format!("cannot bin \"{}\": its extent is [{lo}, {hi}]", self.field),
                        })
                    }
                }
            }
        };
        let b = match extent {
            Some(e) => Some(bins(e, &self.params).map_err(|m| Error::Data {
                path: self.path.key("bin"),
                row: None,
                message: m,
            })?),
            None => None,
        };
        let c0 = table.field_index_or_add(&self.as_.0);
        let c1 = table.field_index_or_add(&self.as_.1);
        for (row, v) in table.rows.iter_mut().zip(values) {
            let (s, e) = match (v, b) {
                (Some(v), Some(b)) => {
                    let (s, e) = bin_of(v, b);
                    (Value::Num(s), Value::Num(e))
                }
                _ => (Value::Null, Value::Null),
            };
            util::set(row, c0, s);
            util::set(row, c1, e);
        }
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn params(s: &str) -> BinParams {
        parse_params(&Json::parse(s).unwrap(), &Path::of(&["bin"])).unwrap()
    }

    fn run(bin: &str, xs: &[Value]) -> Vec<(Value, Value)> {
        let spec = format!(r#"{{"bin": {bin}, "field": "x", "as": "b"}}"#);
        let b = Bin::parse(&Json::parse(&spec).unwrap(), &Path::of(&["transform"]).index(0)).unwrap();
        let mut t = Table::with_fields(vec!["x".into()]);
        t.rows = xs.iter().map(|x| vec![x.clone()]).collect();
        b.run(t).unwrap().rows.into_iter().map(|r| (r[1].clone(), r[2].clone())).collect()
    }

    fn n(x: f64) -> Value {
        Value::Num(x)
    }

    // Reference: vega-lite 6.4.3 + vega 6.4.0 bin transform on [0, 97, 45.5, null, "12", 10].
    #[test]
    fn vega_bins() {
        let xs = [n(0.0), n(97.0), n(45.5), Value::Null, Value::str("12"), n(10.0)];
        let starts = |bin: &str| -> Vec<Value> { run(bin, &xs).into_iter().map(|p| p.0).collect() };
        assert_eq!(bins((0.0, 97.0), &params("true")), Ok((0.0, 100.0, 10.0)));
        assert_eq!(run("true", &xs)[1], (n(90.0), n(100.0)));
        assert_eq!(starts("true"), vec![n(0.0), n(90.0), n(40.0), Value::Null, n(10.0), n(10.0)]);
        assert_eq!(starts(r#"{"maxbins": 4}"#), vec![n(0.0), n(50.0), n(0.0), Value::Null, n(0.0), n(0.0)]);
        let inf = f64::INFINITY;
        assert_eq!(
            starts(r#"{"step": 7, "anchor": 3}"#),
            vec![n(-inf), n(94.0), n(45.0), Value::Null, n(10.0), n(10.0)]
        );
        assert_eq!(
            starts(r#"{"extent": [10, 50], "step": 10}"#),
            vec![n(-inf), n(inf), n(40.0), Value::Null, n(10.0), n(10.0)]
        );
        assert_eq!(run(r#"{"extent": [0.013, 0.89]}"#, &xs)[0], (n(0.0), n(0.1)));
        assert_eq!(
            starts(r#"{"steps": [5, 25, 50], "nice": false}"#),
            vec![n(0.0), n(95.0), n(45.0), Value::Null, n(10.0), n(10.0)]
        );
        assert_eq!(run(r#"{"minstep": 30}"#, &xs)[1], (n(90.0), n(120.0)));
        assert_eq!(run("true", &[n(5.0), n(5.0)])[0], (n(5.0), n(5.5)));
        assert_eq!(
            run(r#"{"maxbins": 20, "divide": [2]}"#, &[n(-3.7), n(2.2)]),
            vec![(n(-4.0), n(-3.5)), (n(2.0), n(2.5))]
        );
    }

    // Reference: vega 6.4.0 bin of [1.3, 8.2, 22.9].
    #[test]
    fn anchor_and_no_nice() {
        let xs = [n(1.3), n(8.2), n(22.9)];
        assert_eq!(run(r#"{"anchor": 0.5}"#, &xs), vec![(n(0.5), n(5.5)), (n(5.5), n(10.5)), (n(20.5), n(25.5))]);
        let xs = [n(1.3), n(8.2), n(22.9)];
        let got = run(r#"{"maxbins": 3, "nice": false}"#, &xs);
        assert_eq!(got[0], (n(1.3), n(11.3)));
        assert_eq!(got[2], (n(21.3), n(31.3)));
        assert_eq!(run("true", &[Value::Date(0.0), Value::Date(97.0)])[1], (n(90.0), n(100.0)));
    }

    #[test]
    fn names_follow_vega_lite() {
        assert_eq!(params("true").name(), "bin_maxbins_10");
        assert_eq!(params(r#"{"step": 5}"#).name(), "bin_step_5");
        assert_eq!(params(r#"{"extent": [0, 100]}"#).name(), "bin_extent_0_100_maxbins_10");
        let b = Bin::parse(&Json::parse(r#"{"bin": true, "field": "x"}"#).unwrap(), &Path::root()).unwrap();
        assert_eq!(b.output_fields(), vec!["bin_maxbins_10_x", "bin_maxbins_10_x_end"]);
    }

    #[test]
    fn refuses_too_many_bins_and_bad_params() {
        let e = bins((0.0, 1e9), &params(r#"{"step": 1}"#)).unwrap_err();
        assert!(e.contains("bins"), "{e}");
        let b = Bin::parse(
            &Json::parse(r#"{"bin": {"step": 0.001}, "field": "x", "as": "b"}"#).unwrap(),
            &Path::of(&["transform"]).index(3),
        )
        .unwrap();
        let mut t = Table::with_fields(vec!["x".into()]);
        t.rows = vec![vec![n(0.0)], vec![n(1000.0)]];
        let e = b.run(t).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(3).key("bin")));
        assert!(parse_params(&Json::parse(r#"{"maxbins": -1}"#).unwrap(), &Path::root()).is_err());
        assert!(parse_params(&Json::parse(r#"{"extent": {"param": "p"}}"#).unwrap(), &Path::root()).is_err());
        assert_eq!(run("true", &[Value::Null]), vec![(Value::Null, Value::Null)]);
    }
}
