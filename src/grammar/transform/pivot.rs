//! The `pivot` transform, as Vega's `pivot`: the distinct values of the `pivot` field (by their
//! text, sorted ascending, the first `limit` if given) become new fields, and each `groupby`
//! group becomes one row holding `op` (default `sum`) of the `value` field over the group's
//! rows with that pivot value. A group without such rows gets the op's empty result (null for
//! `sum`, 0 for `count`). At most [`super::util::MAX_ROWS`] cells come out.

use std::collections::HashMap;

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::aggregate::parse_op;
use super::ops::Op;
use super::util::{self, ascending};

/// The `pivot` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Pivot {
    /// Table key of the field whose values become fields.
    pub pivot: String,
    /// Table key of the aggregated field.
    pub value: String,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// Most new fields (0 = all).
    pub limit: usize,
    /// The aggregate.
    pub op: Op,
    path: Path,
}

impl Pivot {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Pivot, Error> {
        check_keys(json, path, &["pivot", "value", "groupby", "limit", "op"], &[])?;
        let pivot = util::field(util::req(json, "pivot", path)?, &path.key("pivot"))?;
        let value = util::field(util::req(json, "value", path)?, &path.key("value"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let lp = path.key("limit");
        let limit = match json.get("limit") {
            None => 0,
            Some(l) => {
                let n = l.num(&lp)?;
                if !(n >= 0.0 && n.fract() == 0.0 && n < 1e9) {
                    return Err(Error::spec(&lp, "must be a whole number from 0"));
                }
                n as usize
            }
        };
        let op = match json.get("op") {
            None => Op::Sum,
            Some(o) => parse_op(o, &path.key("op"))?,
        };
        Ok(Pivot { pivot, value, groupby, limit, op, path: path.clone() })
    }

    /// Output fields known before running (the group fields; the pivoted ones depend on data).
    pub fn output_fields(&self) -> Vec<String> {
        self.groupby.clone()
    }

    /// Pivots the table.
    pub fn run(&self, table: Table) -> Result<Table, Error> {
        let (pcol, vcol) = (table.col(&self.pivot), table.col(&self.value));
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<Value> = Vec::new();
        for row in &table.rows {
            let k = util::cell(row, pcol);
            seen.entry(k.to_text()).or_insert_with(|| {
                keys.push(k);
                keys.len() - 1
            });
        }
        crate::order::sort_by(&mut keys, ascending);
        if self.limit > 0 {
            keys.truncate(self.limit);
        }
        let names: Vec<String> = keys.iter().map(Value::to_text).collect();
        let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
        let gcols = util::cols(&table, &self.groupby);
        let groups = util::partition(&table, &gcols);
        util::check_rows(
            groups.len().saturating_mul(names.len().max(1)),
            &self.path,
            "pivot (rows times pivoted fields)",
        )?;
        let mut out = Table::default();
        let gout: Vec<usize> = self.groupby.iter().map(|g| out.field_index_or_add(g)).collect();
        let kout: Vec<usize> = names.iter().map(|n| out.field_index_or_add(n)).collect();
        for g in &groups {
            let mut buckets: Vec<Vec<Value>> = vec![Vec::new(); names.len()];
            for &r in g {
                let row = &table.rows[r];
                if let Some(&i) = index.get(util::cell(row, pcol).to_text().as_str()) {
                    buckets[i].push(util::cell(row, vcol));
                }
            }
            let mut row = vec![Value::Null; out.fields.len()];
            if let Some(first) = g.first().and_then(|&r| table.rows.get(r)) {
                for (c, src) in gout.iter().zip(&gcols) {
                    row[*c] = util::cell(first, *src);
                }
            }
            for (c, mut vals) in kout.iter().zip(buckets) {
                let v = if self.op == Op::Count {
                    // Vega counts the matching rows whose value is not NaN.
                    Value::Num(
                        vals.iter().filter(|v| !matches!(v, Value::Num(n) | Value::Date(n) if n.is_nan())).count()
                            as f64,
                    )
                } else {
                    // Vega feeds the other rows in as NaN (skipped, but seen by `distinct`).
                    if vals.len() < g.len() {
                        vals.push(Value::Num(f64::NAN));
                    }
                    self.op.compute(&vals)
                };
                row[*c] = v;
            }
            out.rows.push(row);
        }
        Ok(out)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table(rows: &[(&str, Value, Option<f64>)]) -> Table {
        let mut t = Table::with_fields(vec!["k".into(), "c".into(), "v".into()]);
        for (k, c, v) in rows {
            t.rows.push(vec![Value::str(k), c.clone(), v.map_or(Value::Null, Value::Num)]);
        }
        t
    }

    fn pivot(spec: &str, t: Table) -> Table {
        Pivot::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap().run(t).unwrap()
    }

    // Reference values: vega-lite 6.4.3 + vega 6.4.0 pivot.
    #[test]
    fn sums_by_group_with_gaps() {
        let s = Value::str;
        let t = table(&[
            ("a", s("x"), Some(3.0)),
            ("a", s("y"), Some(-2.0)),
            ("b", s("x"), Some(1.0)),
            ("a", s("z"), Some(4.0)),
            ("b", s("y"), None),
            ("b", s("z"), Some(2.0)),
        ]);
        let out = pivot(r#"{"pivot": "c", "value": "v", "groupby": ["k"]}"#, t);
        assert_eq!(out.fields, vec!["k", "x", "y", "z"]);
        assert_eq!(out.rows[0], vec![s("a"), Value::Num(3.0), Value::Num(-2.0), Value::Num(4.0)]);
        assert_eq!(out.rows[1], vec![s("b"), Value::Num(1.0), Value::Null, Value::Num(2.0)]);
    }

    #[test]
    fn count_limit_and_mixed_keys() {
        let s = Value::str;
        let rows = [
            ("a", s("x"), Some(3.0)),
            ("a", s("x"), Some(2.0)),
            ("b", Value::Num(2.0), Some(1.0)),
            ("b", s("y"), None),
        ];
        let out = pivot(r#"{"pivot": "c", "value": "v", "groupby": ["k"], "op": "count"}"#, table(&rows));
        // (JavaScript objects list the key "2" first; the sort itself keeps "x" before 2.)
        assert_eq!(out.fields, vec!["k", "x", "2", "y"]);
        let n = Value::Num;
        assert_eq!(out.rows, vec![vec![s("a"), n(2.0), n(0.0), n(0.0)], vec![s("b"), n(0.0), n(1.0), n(1.0)]]);
        let rows = [("a", s("x"), Some(3.0)), ("a", s("x"), Some(2.0)), ("b", s("w"), Some(1.0)), ("b", s("y"), None)];
        let out = pivot(r#"{"pivot": "c", "value": "v", "limit": 2, "op": "max"}"#, table(&rows));
        assert_eq!(out.fields, vec!["w", "x"]);
        assert_eq!(out.rows, vec![vec![n(1.0), n(3.0)]]);
    }
}
