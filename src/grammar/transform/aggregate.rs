//! The `aggregate` transform: one output row per distinct combination of the `groupby` values
//! (groups in first-seen order, hashed by [`Value::key`], so linear in the rows), holding the
//! group values and one field per aggregate (`as`, by default Vega's `op_field`, or `op` for a
//! field-less `count`). Empty input gives no rows, as in Vega. The ops are those of
//! [`super::ops`].

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::ops::{self, Op};
use super::util;

/// One aggregate: `{"op": ..., "field": ..., "as": ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// The operation.
    pub op: Op,
    /// Table key of the field (`None` only for `count`).
    pub field: Option<String>,
    /// Output field.
    pub as_: String,
}

/// Reads an op name at `path`, refusing unknown and unsupported ones.
pub fn parse_op(json: &Json, path: &Path) -> Result<Op, Error> {
    let s = json.str(path)?;
    Op::parse(s).ok_or_else(|| {
        let why = if ops::UNSUPPORTED.contains(&s) {
            format!("the \"{s}\" aggregate op")
        } else {
            format!("unknown aggregate op \"{s}\"")
        };
        Error::unsupported(path, why, &Op::names())
    })
}

impl Measure {
    /// Reads one aggregate definition at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Measure, Error> {
        check_keys(json, path, &["op", "field", "as"], &[])?;
        let op = parse_op(util::req(json, "op", path)?, &path.key("op"))?;
        let raw = json.get("field").map(|f| f.str(&path.key("field"))).transpose()?;
        if raw.is_none() && op != Op::Count {
            return Err(Error::spec(path, format!("the \"{}\" op needs a \"field\"", op.name())));
        }
        let as_ = match json.get("as") {
            Some(a) => a.str(&path.key("as"))?.to_string(),
            None => default_name(op.name(), raw),
        };
        Ok(Measure { op, field: raw.map(field_key), as_ })
    }

    /// The measure over the rows `rows` of `table` (`col` is the field's column).
    pub fn compute(&self, table: &Table, col: Option<usize>, rows: &[usize]) -> Value {
        if self.op == Op::Count {
            return Value::Num(rows.len() as f64);
        }
        let values: Vec<Value> =
            rows.iter().filter_map(|&r| table.rows.get(r)).map(|row| util::cell(row, col)).collect();
        self.op.compute(&values)
    }
}

/// Vega's default output name: `op_field`, or `op` without a field.
pub fn default_name(op: &str, field: Option<&str>) -> String {
    match field {
        Some(f) => format!("{op}_{f}"),
        None => op.to_string(),
    }
}

/// Reads a list of measures at `path`.
pub fn parse_measures(json: &Json, path: &Path) -> Result<Vec<Measure>, Error> {
    json.arr(path)?.iter().enumerate().map(|(i, m)| Measure::parse(m, &path.index(i))).collect()
}

/// The `aggregate` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    /// The aggregates.
    pub measures: Vec<Measure>,
    /// Table keys of the group-by fields.
    pub groupby: Vec<String>,
}

impl Aggregate {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Aggregate, Error> {
        check_keys(json, path, &["aggregate", "groupby"], &[])?;
        let measures = parse_measures(util::req(json, "aggregate", path)?, &path.key("aggregate"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        Ok(Aggregate { measures, groupby })
    }

    /// Output fields: the group-by fields, then the aggregates.
    pub fn output_fields(&self) -> Vec<String> {
        self.groupby.iter().chain(self.measures.iter().map(|m| &m.as_)).cloned().collect()
    }

    /// Aggregates the table.
    pub fn run(&self, table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let mcols: Vec<Option<usize>> =
            self.measures.iter().map(|m| m.field.as_ref().and_then(|f| table.col(f))).collect();
        let groups = util::partition(&table, &gcols);
        let mut out = Table::default();
        let gout: Vec<usize> = self.groupby.iter().map(|g| out.field_index_or_add(g)).collect();
        let mout: Vec<usize> = self.measures.iter().map(|m| out.field_index_or_add(&m.as_)).collect();
        for rows in &groups {
            let mut row = vec![Value::Null; out.fields.len()];
            if let Some(first) = rows.first().and_then(|&r| table.rows.get(r)) {
                for (c, g) in gout.iter().zip(&gcols) {
                    row[*c] = util::cell(first, *g);
                }
            }
            for ((m, c), col) in self.measures.iter().zip(&mout).zip(&mcols) {
                row[*c] = m.compute(&table, *col, rows);
            }
            out.rows.push(row);
        }
        Ok(out)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn agg(spec: &str, t: Table) -> Result<Table, Error> {
        Aggregate::parse(&Json::parse(spec).unwrap(), &Path::of(&["transform"]).index(0))?.run(t)
    }

    // Reference: vega-lite 6.4.3 on {a:1,b:x} {a:null,b:x} {a:3,b:x} {a:5,b:null} {b:y}.
    #[test]
    fn groups_with_nulls_and_skips_missing_values() {
        let mut t = Table::with_fields(vec!["a".into(), "b".into()]);
        for (a, b) in
            [(Some(1.0), Some("x")), (None, Some("x")), (Some(3.0), Some("x")), (Some(5.0), None), (None, Some("y"))]
        {
            t.rows.push(vec![a.map_or(Value::Null, Value::Num), b.map_or(Value::Null, Value::str)]);
        }
        let spec = r#"{"aggregate": [{"op": "mean", "field": "a", "as": "m"}, {"op": "sum", "field": "a", "as": "s"},
            {"op": "count", "as": "c"}, {"op": "distinct", "field": "a", "as": "d"}, {"op": "stdev", "field": "a", "as": "sd"},
            {"op": "max", "field": "a"}], "groupby": ["b"]}"#;
        let out = agg(spec, t).unwrap();
        assert_eq!(out.fields, vec!["b", "m", "s", "c", "d", "sd", "max_a"]);
        let n = Value::Num;
        assert_eq!(
            out.rows[0],
            vec![Value::str("x"), n(2.0), n(4.0), n(3.0), n(3.0), n(std::f64::consts::SQRT_2), n(3.0)]
        );
        assert_eq!(out.rows[1], vec![Value::Null, n(5.0), n(5.0), n(1.0), n(1.0), Value::Null, n(5.0)]);
        assert_eq!(
            out.rows[2],
            vec![Value::str("y"), Value::Null, Value::Null, n(1.0), n(1.0), Value::Null, Value::Null]
        );
    }

    #[test]
    fn empty_input_and_absent_fields() {
        let out = agg(r#"{"aggregate": [{"op": "count", "as": "c"}]}"#, Table::default()).unwrap();
        assert!(out.is_empty());
        let mut t = Table::with_fields(vec!["a".into()]);
        t.rows.push(vec![Value::Num(1.0)]);
        let out = agg(r#"{"aggregate": [{"op": "count", "as": "c"}], "groupby": ["zz"]}"#, t).unwrap();
        assert_eq!(out.rows, vec![vec![Value::Null, Value::Num(1.0)]]);
    }

    #[test]
    fn refuses_unsupported_ops_with_paths() {
        let e = agg(r#"{"aggregate": [{"op": "argmax", "field": "a", "as": "x"}]}"#, Table::default()).unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }));
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(0).key("aggregate").index(0).key("op")));
        let e = agg(r#"{"aggregate": [{"op": "sum", "as": "x"}]}"#, Table::default()).unwrap_err();
        assert!(matches!(e, Error::Spec { .. }));
    }

    #[test]
    fn linear_time_on_many_rows() {
        let mut t = Table::with_fields(vec!["g".into(), "v".into()]);
        for i in 0..100_000 {
            t.rows.push(vec![Value::str(&format!("g{}", i % 12)), Value::Num(i as f64)]);
        }
        let start = std::time::Instant::now();
        let out = agg(r#"{"aggregate": [{"op": "sum", "field": "v", "as": "s"}, {"op": "median", "field": "v", "as": "m"}], "groupby": ["g"]}"#, t).unwrap();
        assert_eq!(out.len(), 12);
        assert_eq!(out.rows[0][1], Value::Num((0..100_000).filter(|i| i % 12 == 0).map(|i| i as f64).sum()));
        assert!(start.elapsed().as_secs_f64() < 2.0, "{:?}", start.elapsed());
    }
}
