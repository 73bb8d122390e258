//! The aggregate operations shared by `aggregate`, `joinaggregate`, `window` and `pivot`, with
//! Vega's semantics (vega-transforms `AggregateOps`): a value that is null or `""` is *missing*,
//! a NaN number is skipped, anything else is *valid* and is converted as JavaScript's `+` does.
//! `count` counts every row; the others look at valid values only, so the mean of
//! `[1, null, 3]` is 2. Means and variances use Vega's running (Welford) updates, so results
//! agree with Vega to the last bit.
//!
//! Result when there is nothing valid (Vega's `undefined`, here null): `sum`, `product`,
//! `mean`/`average`, `variancep`, `stdevp`, `median`, `q1`, `q3`, `min`, `max` are null;
//! `variance`, `stdev`, `stderr` are null below two valid values; `count`, `valid`, `missing`
//! are 0 and `distinct` counts distinct values including missing ones (as Vega does).

use crate::grammar::value::Value;

use super::util::{js_le, js_lt};

/// One aggregate operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// Number of rows (missing values included).
    Count,
    /// Number of valid values.
    Valid,
    /// Number of null or empty-text values.
    Missing,
    /// Number of distinct values (by their text, missing ones included).
    Distinct,
    /// Sum of valid values.
    Sum,
    /// Product of valid values.
    Product,
    /// Mean of valid values.
    Mean,
    /// Same as [`Op::Mean`].
    Average,
    /// Median (d3's R-7 quantile).
    Median,
    /// Lower quartile.
    Q1,
    /// Upper quartile.
    Q3,
    /// Least valid value (kept as it is: a date stays a date).
    Min,
    /// Greatest valid value.
    Max,
    /// Sample standard deviation.
    Stdev,
    /// Population standard deviation.
    Stdevp,
    /// Sample variance.
    Variance,
    /// Population variance.
    Variancep,
    /// Standard error of the mean.
    Stderr,
    /// Lower bound of the 95 % bootstrap confidence interval of the mean (seeded).
    Ci0,
    /// Upper bound of it.
    Ci1,
}

/// Vega-Lite aggregate ops this engine does not compute (they return objects, arrays or
/// or need a parameter Vega-Lite cannot pass).
pub const UNSUPPORTED: &[&str] = &["argmin", "argmax", "values", "exponential", "exponentialb"];

const ALL: &[(Op, &str)] = &[
    (Op::Count, "count"),
    (Op::Valid, "valid"),
    (Op::Missing, "missing"),
    (Op::Distinct, "distinct"),
    (Op::Sum, "sum"),
    (Op::Product, "product"),
    (Op::Mean, "mean"),
    (Op::Average, "average"),
    (Op::Median, "median"),
    (Op::Q1, "q1"),
    (Op::Q3, "q3"),
    (Op::Min, "min"),
    (Op::Max, "max"),
    (Op::Stdev, "stdev"),
    (Op::Stdevp, "stdevp"),
    (Op::Variance, "variance"),
    (Op::Variancep, "variancep"),
    (Op::Stderr, "stderr"),
    (Op::Ci0, "ci0"),
    (Op::Ci1, "ci1"),
];

impl Op {
    /// The op of a Vega-Lite name (`None` for unknown and [`UNSUPPORTED`] names).
    pub fn parse(s: &str) -> Option<Op> {
        ALL.iter().find(|(_, n)| *n == s).map(|(o, _)| *o)
    }

    /// The Vega-Lite name.
    pub fn name(self) -> &'static str {
        ALL.iter().find(|(o, _)| *o == self).map(|(_, n)| *n).unwrap_or("count")
    }

    /// The names of all supported ops, for error messages.
    pub fn names() -> String {
        ALL.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
    }

    /// The op over the field values of a group's rows (one value per row).
    pub fn compute(self, values: &[Value]) -> Value {
        let mut acc = Accum::default();
        for v in values {
            acc.add(v);
        }
        acc.value(self, values)
    }

    /// True for ops that need the group's values themselves, not only running sums.
    pub fn needs_values(self) -> bool {
        matches!(self, Op::Distinct | Op::Median | Op::Q1 | Op::Q3 | Op::Min | Op::Max | Op::Ci0 | Op::Ci1)
    }
}

/// How Vega's aggregation sees one value.
enum Kind {
    Missing,
    Skipped,
    Valid(f64),
}

fn kind(v: &Value) -> Kind {
    match v {
        Value::Null => Kind::Missing,
        Value::Str(s) if s.is_empty() => Kind::Missing,
        Value::Num(n) | Value::Date(n) if n.is_nan() => Kind::Skipped,
        other => Kind::Valid(other.as_num().unwrap_or(f64::NAN)),
    }
}

/// Running state of the aggregate ops over a multiset of values that grows and shrinks (a
/// window frame moves), with Vega's update formulas.
#[derive(Debug, Clone, Default)]
pub struct Accum {
    /// Rows added and not removed.
    pub num: usize,
    valid: usize,
    missing: usize,
    sum: f64,
    product: Option<f64>,
    mean: f64,
    dev: f64,
    min: Option<Value>,
    max: Option<Value>,
    min_stale: bool,
    max_stale: bool,
}

impl Accum {
    /// Adds one row's value.
    pub fn add(&mut self, v: &Value) {
        self.num += 1;
        let x = match kind(v) {
            Kind::Missing => {
                self.missing += 1;
                return;
            }
            Kind::Skipped => return,
            Kind::Valid(x) => x,
        };
        self.valid += 1;
        self.sum += x;
        self.product = Some(self.product.unwrap_or(1.0) * x);
        let d = x - self.mean;
        self.mean += d / self.valid as f64;
        self.dev += d * (x - self.mean);
        if !self.min_stale && self.min.as_ref().is_none_or(|m| js_lt(v, m)) {
            self.min = Some(v.clone());
        }
        if !self.max_stale && self.max.as_ref().is_none_or(|m| js_lt(m, v)) {
            self.max = Some(v.clone());
        }
    }

    /// Removes one row's value (added before).
    pub fn rem(&mut self, v: &Value) {
        self.num = self.num.saturating_sub(1);
        let x = match kind(v) {
            Kind::Missing => {
                self.missing = self.missing.saturating_sub(1);
                return;
            }
            Kind::Skipped => return,
            Kind::Valid(x) => x,
        };
        self.valid = self.valid.saturating_sub(1);
        self.sum -= x;
        self.product = self.product.map(|p| p / x);
        let d = x - self.mean;
        self.mean -= if self.valid > 0 { d / self.valid as f64 } else { self.mean };
        self.dev -= d * (x - self.mean);
        // As Vega: removing the extreme value forces a recomputation from the values.
        if self.min.as_ref().is_some_and(|m| js_le(v, m)) {
            self.min_stale = true;
        }
        if self.max.as_ref().is_some_and(|m| js_le(m, v)) {
            self.max_stale = true;
        }
    }

    /// True when [`Accum::value`] of `op` will read the values (median and co., or a min / max
    /// whose extreme was removed).
    pub fn reads_values(&self, op: Op) -> bool {
        match op {
            Op::Min => self.min_stale,
            Op::Max => self.max_stale,
            other => other.needs_values(),
        }
    }

    /// The op's result; `values` are the values currently added (used by the ops for which
    /// [`Op::needs_values`] is true).
    pub fn value(&mut self, op: Op, values: &[Value]) -> Value {
        let valid = self.valid as f64;
        let num = |x: f64| Value::Num(x);
        let when = |ok: bool, x: f64| if ok { Value::Num(x) } else { Value::Null };
        match op {
            Op::Count => num(self.num as f64),
            Op::Valid => num(valid),
            Op::Missing => num(self.missing as f64),
            Op::Distinct => num(distinct(values) as f64),
            Op::Sum => when(self.valid > 0, self.sum),
            Op::Product => when(self.valid > 0, self.product.unwrap_or(1.0)),
            Op::Mean | Op::Average => when(self.valid > 0, self.mean),
            Op::Variance => when(self.valid > 1, self.dev.max(0.0) / (valid - 1.0)),
            Op::Variancep => when(self.valid > 0, self.dev.max(0.0) / valid),
            Op::Stdev => when(self.valid > 1, (self.dev.max(0.0) / (valid - 1.0)).sqrt()),
            Op::Stdevp => when(self.valid > 0, (self.dev.max(0.0) / valid).sqrt()),
            Op::Stderr => when(self.valid > 1, (self.dev.max(0.0) / (valid * (valid - 1.0))).sqrt()),
            Op::Median => quantile(values, 0.5),
            Op::Ci0 | Op::Ci1 => {
                let xs: Vec<f64> = values
                    .iter()
                    .filter_map(|v| match kind(v) {
                        Kind::Valid(x) if !x.is_nan() => Some(x),
                        _ => None,
                    })
                    .collect();
                match super::bootstrap::ci(&xs) {
                    Some((lo, hi)) => num(if op == Op::Ci0 { lo } else { hi }),
                    None => Value::Null,
                }
            }
            Op::Q1 => quantile(values, 0.25),
            Op::Q3 => quantile(values, 0.75),
            Op::Min => {
                if self.min_stale {
                    self.min = extreme(values, false);
                    self.min_stale = false;
                }
                self.min.clone().unwrap_or(Value::Null)
            }
            Op::Max => {
                if self.max_stale {
                    self.max = extreme(values, true);
                    self.max_stale = false;
                }
                self.max.clone().unwrap_or(Value::Null)
            }
        }
    }
}

fn distinct(values: &[Value]) -> usize {
    let mut seen = std::collections::HashSet::new();
    for v in values {
        // Vega keys distinct values by their text (`v + ''`).
        seen.insert(v.to_text());
    }
    seen.len()
}

fn extreme(values: &[Value], max: bool) -> Option<Value> {
    let mut best: Option<&Value> = None;
    for v in values {
        if !matches!(kind(v), Kind::Valid(_)) {
            continue;
        }
        let better = match best {
            None => true,
            Some(b) => {
                if max {
                    js_lt(b, v)
                } else {
                    js_lt(v, b)
                }
            }
        };
        if better {
            best = Some(v);
        }
    }
    best.cloned()
}

/// d3's `quantileSorted` over the numeric values; null when there are none.
pub(crate) fn quantile(values: &[Value], p: f64) -> Value {
    let mut xs: Vec<f64> = values
        .iter()
        .filter_map(|v| match kind(v) {
            Kind::Valid(x) if !x.is_nan() => Some(x),
            _ => None,
        })
        .collect();
    if xs.is_empty() {
        return Value::Null;
    }
    crate::order::sort_by(&mut xs, |a, b| a.total_cmp(b));
    Value::Num(quantile_sorted(&xs, p))
}

/// d3's `quantileSorted` of ascending numbers (NaN for none): the one copy that the
/// aggregates, `quantile`, `density` (Scott's rule) and `loess` (its median residual) share.
pub(crate) fn quantile_sorted(xs: &[f64], p: f64) -> f64 {
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    if n < 2 || p <= 0.0 {
        return xs[0];
    }
    if p >= 1.0 {
        return xs[n - 1];
    }
    let i = (n - 1) as f64 * p;
    let i0 = i.floor() as usize;
    let (a, b) = (xs[i0], xs[(i0 + 1).min(n - 1)]);
    a + (b - a) * (i - i0 as f64)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn nums(xs: &[Option<f64>]) -> Vec<Value> {
        xs.iter().map(|x| x.map_or(Value::Null, Value::Num)).collect()
    }

    #[test]
    fn missing_values_are_skipped_and_counted() {
        let v = nums(&[Some(1.0), None, Some(3.0)]);
        assert_eq!(Op::Mean.compute(&v), Value::Num(2.0));
        assert_eq!(Op::Sum.compute(&v), Value::Num(4.0));
        assert_eq!(Op::Count.compute(&v), Value::Num(3.0));
        assert_eq!(Op::Valid.compute(&v), Value::Num(2.0));
        assert_eq!(Op::Missing.compute(&v), Value::Num(1.0));
        assert_eq!(Op::Distinct.compute(&v), Value::Num(3.0));
        assert_eq!(Op::Median.compute(&v), Value::Num(2.0));
        // Reference: vega 6.4.0 aggregate stdev of [1, null, 3].
        assert_eq!(Op::Stdev.compute(&v), Value::Num(std::f64::consts::SQRT_2));
        let none = nums(&[None, None]);
        for op in [Op::Sum, Op::Mean, Op::Min, Op::Median, Op::Variancep] {
            assert_eq!(op.compute(&none), Value::Null, "{op:?}");
        }
        assert_eq!(Op::Stdev.compute(&nums(&[Some(5.0)])), Value::Null);
        assert_eq!(Op::Count.compute(&none), Value::Num(2.0));
        assert_eq!(Op::Valid.compute(&[Value::Num(f64::NAN), Value::str("")]), Value::Num(0.0));
    }

    #[test]
    fn quantiles_and_extremes() {
        let v = nums(&[Some(4.0), Some(1.0), Some(3.0), Some(2.0), None]);
        assert_eq!(Op::Q1.compute(&v), Value::Num(1.75));
        assert_eq!(Op::Q3.compute(&v), Value::Num(3.25));
        assert_eq!(Op::Median.compute(&v), Value::Num(2.5));
        assert_eq!(Op::Max.compute(&v), Value::Num(4.0));
        assert_eq!(Op::Min.compute(&[Value::Date(9.0), Value::Date(3.0)]), Value::Date(3.0));
        assert_eq!(Op::Variance.compute(&v), Value::Num(5.0 / 3.0));
        assert_eq!(Op::Product.compute(&v), Value::Num(24.0));
        assert_eq!(Op::parse("average"), Some(Op::Average));
        assert_eq!(Op::parse("argmax"), None);
        assert_eq!(Op::Q3.name(), "q3");
    }

    // Reference: vega 6.4.0 aggregate over [0.1, 0.2, "0.3", null, "", 0.7, 1e-9].
    #[test]
    fn floating_point_matches_vega_bit_for_bit() {
        let v = vec![
            Value::Num(0.1),
            Value::Num(0.2),
            Value::str("0.3"),
            Value::Null,
            Value::str(""),
            Value::Num(0.7),
            Value::Num(1e-9),
        ];
        let n = Value::Num;
        assert_eq!(Op::Mean.compute(&v), n(0.2600000002));
        assert_eq!(Op::Sum.compute(&v), n(1.3000000010000001));
        assert_eq!(Op::Product.compute(&v), n(4.200000000000001e-12));
        assert_eq!(Op::Variance.compute(&v), n(0.07299999986999998));
        assert_eq!(Op::Variancep.compute(&v), n(0.05839999989599999));
        assert_eq!(Op::Stdevp.compute(&v), n(0.2416609192567139));
        assert_eq!(Op::Stderr.compute(&v), n(0.12083045962835695));
        assert_eq!(Op::Q1.compute(&v), n(0.1));
        assert_eq!(Op::Q3.compute(&v), n(0.3));
        assert_eq!(Op::Missing.compute(&v), n(2.0));
        assert_eq!(Op::Valid.compute(&v), n(5.0));
        assert_eq!(Op::Max.compute(&v), n(0.7));
    }

    #[test]
    fn removal_keeps_running_values_right() {
        let v = nums(&[Some(5.0), Some(1.0), Some(3.0)]);
        let mut a = Accum::default();
        for x in &v {
            a.add(x);
        }
        a.rem(&v[1]);
        let rest = [v[0].clone(), v[2].clone()];
        assert_eq!(a.value(Op::Mean, &rest), Value::Num(4.0));
        assert_eq!(a.value(Op::Min, &rest), Value::Num(3.0));
        assert_eq!(a.value(Op::Count, &rest), Value::Num(2.0));
        assert_eq!(a.value(Op::Sum, &rest), Value::Num(8.0));
    }
}
