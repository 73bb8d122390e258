//! The `fold` transform: each row becomes one row per listed field, a copy of the row with the
//! field's name in `as[0]` (default `key`) and its value in `as[1]` (default `value`), in row
//! then field order, as Vega's `fold` does. At most [`super::util::MAX_ROWS`] rows come out.

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::util;

/// The `fold` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Fold {
    /// The fields as written (their names are the `key` values).
    pub fields: Vec<String>,
    /// Output fields for the name and the value.
    pub as_: (String, String),
    path: Path,
}

impl Fold {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Fold, Error> {
        check_keys(json, path, &["fold", "as"], &[])?;
        let fp = path.key("fold");
        let items = util::req(json, "fold", path)?.arr(&fp)?;
        let fields =
            items.iter().enumerate().map(|(i, f)| f.str(&fp.index(i)).map(str::to_string)).collect::<Result<_, _>>()?;
        let as_ = util::as_two(json.get("as"), &path.key("as"), ("key", "value"))?;
        Ok(Fold { fields, as_, path: path.clone() })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        vec![self.as_.0.clone(), self.as_.1.clone()]
    }

    /// Folds the table.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        util::check_rows(table.len().saturating_mul(self.fields.len()), &self.path.key("fold"), "fold")?;
        let src: Vec<(Value, Option<usize>)> =
            self.fields.iter().map(|f| (Value::str(f), table.col(&field_key(f)))).collect();
        let k = table.field_index_or_add(&self.as_.0);
        let v = table.field_index_or_add(&self.as_.1);
        let mut rows = Vec::with_capacity(table.len() * self.fields.len());
        for row in &table.rows {
            for (name, col) in &src {
                let mut r = row.clone();
                let value = util::cell(row, *col);
                util::set(&mut r, k, name.clone());
                util::set(&mut r, v, value);
                rows.push(r);
            }
        }
        table.rows = rows;
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    // Reference: vega-lite 6.4.3, fold ["a", "b"] then fold ["c"] as ["K", "V"].
    #[test]
    fn folds_in_row_then_field_order() {
        let mut t = Table::with_fields(vec!["a".into(), "b".into(), "c".into()]);
        t.rows.push(vec![Value::Num(1.0), Value::Num(2.0), Value::str("x")]);
        t.rows.push(vec![Value::Num(3.0), Value::Null, Value::Null]);
        let f = Fold::parse(&Json::parse(r#"{"fold": ["a", "b"]}"#).unwrap(), &Path::root()).unwrap();
        let g = Fold::parse(&Json::parse(r#"{"fold": ["c"], "as": ["K", "V"]}"#).unwrap(), &Path::root()).unwrap();
        let t = g.run(f.run(t).unwrap()).unwrap();
        assert_eq!(t.fields, vec!["a", "b", "c", "key", "value", "K", "V"]);
        assert_eq!(t.len(), 4);
        assert_eq!(t.rows[1][3..5], [Value::str("b"), Value::Num(2.0)]);
        assert_eq!(t.rows[3][3..], [Value::str("b"), Value::Null, Value::str("c"), Value::Null]);
        assert_eq!(t.rows[0][5..], [Value::str("c"), Value::str("x")]);
    }

    #[test]
    fn refuses_an_explosion() {
        let mut t = Table::with_fields(vec!["a".into()]);
        t.rows = vec![vec![Value::Num(1.0)]; 700_000];
        let f = Fold::parse(&Json::parse(r#"{"fold": ["a", "a", "a"]}"#).unwrap(), &Path::of(&["transform"]).index(0))
            .unwrap();
        let e = f.run(t).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(0).key("fold")));
    }
}
