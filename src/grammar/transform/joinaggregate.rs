//! The `joinaggregate` transform: the aggregates of `aggregate`, computed per group, written
//! into every row of the group (rows keep their order; no row is added or removed).

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::Table;

use super::aggregate::{parse_measures, Measure};
use super::util;

/// The `joinaggregate` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinAggregate {
    /// The aggregates.
    pub measures: Vec<Measure>,
    /// Table keys of the group-by fields.
    pub groupby: Vec<String>,
}

impl JoinAggregate {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<JoinAggregate, Error> {
        check_keys(json, path, &["joinaggregate", "groupby"], &[])?;
        let measures = parse_measures(util::req(json, "joinaggregate", path)?, &path.key("joinaggregate"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        Ok(JoinAggregate { measures, groupby })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        self.measures.iter().map(|m| m.as_.clone()).collect()
    }

    /// Writes the group aggregates into each row.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let mcols: Vec<Option<usize>> =
            self.measures.iter().map(|m| m.field.as_ref().and_then(|f| table.col(f))).collect();
        let groups = util::partition(&table, &gcols);
        let results: Vec<Vec<crate::grammar::value::Value>> = groups
            .iter()
            .map(|rows| self.measures.iter().zip(&mcols).map(|(m, c)| m.compute(&table, *c, rows)).collect())
            .collect();
        let out: Vec<usize> = self.measures.iter().map(|m| table.field_index_or_add(&m.as_)).collect();
        for (rows, vals) in groups.iter().zip(&results) {
            for &r in rows {
                if let Some(row) = table.rows.get_mut(r) {
                    for (c, v) in out.iter().zip(vals) {
                        util::set(row, *c, v.clone());
                    }
                }
            }
        }
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::value::Value;

    // Reference: vega-lite 6.4.3 joinaggregate mean/count/sum by g on {1,x} {null,x} {3,y}.
    #[test]
    fn writes_group_values_into_rows() {
        let mut t = Table::with_fields(vec!["a".into(), "g".into()]);
        t.rows.push(vec![Value::Num(1.0), Value::str("x")]);
        t.rows.push(vec![Value::Null, Value::str("x")]);
        t.rows.push(vec![Value::Num(3.0), Value::str("y")]);
        let spec = r#"{"joinaggregate": [{"op": "mean", "field": "a", "as": "m"}, {"op": "count", "as": "c"}, {"op": "sum", "field": "a"}], "groupby": ["g"]}"#;
        let j = JoinAggregate::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap();
        let out = j.run(t).unwrap();
        assert_eq!(out.fields, vec!["a", "g", "m", "c", "sum_a"]);
        let n = Value::Num;
        assert_eq!(out.rows[0][2..], [n(1.0), n(2.0), n(1.0)]);
        assert_eq!(out.rows[1][2..], [n(1.0), n(2.0), n(1.0)]);
        assert_eq!(out.rows[2][2..], [n(3.0), n(1.0), n(3.0)]);
    }
}
