//! The `quantile` transform: for each group (`groupby`, first-seen order), the quantiles of a
//! field at probabilities `probs`, or at `step/2, 3·step/2, ...` below 1 (`step` 0.01 by
//! default: 100 rows per group), as rows of the group fields, `prob` and `value` (`as`).
//! Quantiles are d3's `quantileSorted` (R-7) over the group's valid numbers, as in Vega's
//! `quantile`; a group without numbers gives null values.

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::{ops, util};

/// The `quantile` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantile {
    /// Table key of the field.
    pub field: String,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// The probabilities, in order.
    pub probs: Vec<f64>,
    /// Output fields for the probability and the value.
    pub as_: (String, String),
    path: Path,
}

/// Smallest `step`: 10,000 probabilities per group.
const MIN_STEP: f64 = 1e-4;

impl Quantile {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Quantile, Error> {
        check_keys(json, path, &["quantile", "groupby", "probs", "step", "as"], &[])?;
        let field = util::field(util::req(json, "quantile", path)?, &path.key("quantile"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let probs = match (json.get("probs"), json.get("step")) {
            (Some(p), _) => {
                let pp = path.key("probs");
                let list = p.arr(&pp)?;
                let mut out = Vec::with_capacity(list.len());
                for (i, x) in list.iter().enumerate() {
                    let v = x.num(&pp.index(i))?;
                    if !(0.0..=1.0).contains(&v) {
                        return Err(Error::spec(&pp.index(i), format!("a probability is between 0 and 1, not {v}")));
                    }
                    out.push(v);
                }
                out
            }
            (None, step) => {
                let step = step.map(|s| s.num(&path.key("step"))).transpose()?.unwrap_or(0.01);
                if !(MIN_STEP..1.0).contains(&step) {
                    return Err(Error::spec(
                        &path.key("step"),
                        format!("step must be from {MIN_STEP} to below 1, not {step}"),
                    ));
                }
                range(step / 2.0, 1.0 - 1e-14, step)
            }
        };
        let as_ = util::as_two(json.get("as"), &path.key("as"), ("prob", "value"))?;
        Ok(Quantile { field, groupby, probs, as_, path: path.clone() })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        util::group_fields(&self.groupby, &self.as_)
    }

    /// The quantile rows of `table`.
    pub fn run(&self, table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let groups = util::partition(&table, &gcols);
        util::check_rows(groups.len().saturating_mul(self.probs.len()), &self.path.key("quantile"), "quantile")?;
        let fcol = table.col(&self.field);
        let mut out = Table::with_fields(self.output_fields());
        for g in groups {
            let values: Vec<Value> = g.iter().map(|&r| util::cell(&table.rows[r], fcol)).collect();
            let dims: Vec<Value> = gcols.iter().map(|c| util::cell(&table.rows[g[0]], *c)).collect();
            for &p in &self.probs {
                let row =
                    util::group_row(&out, &self.groupby, &dims, &self.as_, Value::Num(p), ops::quantile(&values, p));
                out.rows.push(row);
            }
        }
        Ok(out)
    }
}

/// d3's `range(start, stop, step)`: `start + i·step` while below `stop`.
fn range(start: f64, stop: f64, step: f64) -> Vec<f64> {
    let n = ((stop - start) / step).ceil().max(0.0) as usize;
    (0..n).map(|i| start + i as f64 * step).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::with_fields(vec!["g".into(), "v".into()]);
        for (g, v) in [("a", 1.0), ("b", 10.0), ("a", 3.0), ("a", 2.0), ("b", 30.0), ("a", f64::NAN)] {
            t.rows.push(vec![Value::str(g), Value::Num(v)]);
        }
        t.rows.push(vec![Value::str("c"), Value::Null]);
        t
    }

    // By hand (R-7): a = [1, 2, 3]: q(0.25) = 1.5, q(0.5) = 2, q(0.9) = 2.8; b = [10, 30]:
    // q(0.25) = 15, q(0.5) = 20, q(0.9) = 28; c has no numbers.
    #[test]
    fn quantiles_per_group_at_given_probabilities() {
        let q = Quantile::parse(
            &Json::parse(r#"{"quantile": "v", "groupby": ["g"], "probs": [0.25, 0.5, 0.9]}"#).unwrap(),
            &Path::root(),
        )
        .unwrap();
        let t = q.run(table()).unwrap();
        assert_eq!(t.fields, ["g", "prob", "value"]);
        let got: Vec<(String, f64, Option<f64>)> =
            t.rows.iter().map(|r| (r[0].to_text(), r[1].finite().unwrap(), r[2].finite())).collect();
        let want =
            [("a", 0.25, 1.5), ("a", 0.5, 2.0), ("a", 0.9, 2.8), ("b", 0.25, 15.0), ("b", 0.5, 20.0), ("b", 0.9, 28.0)];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.0, w.0);
            assert!((g.1 - w.1).abs() < 1e-12 && (g.2.unwrap() - w.2).abs() < 1e-9, "{g:?} vs {w:?}");
        }
        assert_eq!(got[6..].iter().map(|g| g.2).collect::<Vec<_>>(), [None, None, None], "c: null values");
    }

    #[test]
    fn default_step_gives_100_probabilities_and_as_renames() {
        let q =
            Quantile::parse(&Json::parse(r#"{"quantile": "v", "as": ["p", "q"]}"#).unwrap(), &Path::root()).unwrap();
        let t = q.run(table()).unwrap();
        assert_eq!(t.fields, ["p", "q"]);
        assert_eq!(t.rows.len(), 100);
        assert!((t.rows[0][0].finite().unwrap() - 0.005).abs() < 1e-15);
        assert!((t.rows[99][0].finite().unwrap() - 0.995).abs() < 1e-12);
        let e = Quantile::parse(
            &Json::parse(r#"{"quantile": "v", "probs": [1.5]}"#).unwrap(),
            &Path::root().key("transform").index(0),
        )
        .unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "transform[0].probs[0]");
        assert!(Quantile::parse(&Json::parse(r#"{"quantile": "v", "step": 0}"#).unwrap(), &Path::root()).is_err());
    }
}
