//! The `flatten` transform: a row whose listed fields hold lists becomes one row per list
//! index, each a copy of the row with the fields' items at that index (in `as`, default the
//! fields' own names), as Vega's `flatten` does: as many rows as the longest list, `null`
//! where a shorter list has no item, none for a row whose lists are all empty.
//!
//! Lists in data rows are kept as their JSON text by the loader (`[1, 2]`), so that is what is
//! read here. A missing value is an empty list; any other value (a number, text that is not
//! a JSON list) is an error naming the row and field, where Vega would drop the row silently.

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::util;

/// The `flatten` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Flatten {
    /// The fields holding lists.
    pub fields: Vec<String>,
    /// Where each field's items go.
    pub as_: Vec<String>,
    path: Path,
}

/// An item of a list, as a row value (objects and lists inside stay JSON text).
fn item(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Num(n) => Value::Num(*n),
        Json::Str(s) => Value::str(s),
        other => Value::str(&other.to_text()),
    }
}

impl Flatten {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Flatten, Error> {
        check_keys(json, path, &["flatten", "as"], &[])?;
        let fp = path.key("flatten");
        let items = util::req(json, "flatten", path)?.arr(&fp)?;
        if items.is_empty() {
            return Err(Error::spec(&fp, "name at least one field holding lists"));
        }
        let fields: Vec<String> =
            items.iter().enumerate().map(|(i, f)| f.str(&fp.index(i)).map(str::to_string)).collect::<Result<_, _>>()?;
        let as_ = match json.get("as") {
            None => fields.clone(),
            Some(a) => {
                let ap = path.key("as");
                let names: Vec<String> = a
                    .arr(&ap)?
                    .iter()
                    .enumerate()
                    .map(|(i, f)| f.str(&ap.index(i)).map(str::to_string))
                    .collect::<Result<_, _>>()?;
                if names.len() != fields.len() {
                    return Err(Error::spec(
                        &ap,
                        format!("give one name per field ({} fields, {} names)", fields.len(), names.len()),
                    ));
                }
                names
            }
        };
        Ok(Flatten { fields, as_, path: path.clone() })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        self.as_.clone()
    }

    /// Flattens the table.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let src: Vec<Option<usize>> = self.fields.iter().map(|f| table.col(&field_key(f))).collect();
        let dst: Vec<usize> = self.as_.iter().map(|f| table.field_index_or_add(f)).collect();
        let mut rows = Vec::new();
        for (r, row) in table.rows.iter().enumerate() {
            let mut lists: Vec<Vec<Json>> = Vec::with_capacity(src.len());
            for (k, col) in src.iter().enumerate() {
                let list = match util::cell_ref(row, *col) {
                    Value::Null => Vec::new(),
                    Value::Str(s) if s.trim_start().starts_with('[') => {
                        match crate::grammar::data::jsontext::parse_json_text(s, &self.path) {
                            Ok(Json::Arr(a)) => a,
                            _ => Vec::new(),
                        }
                    }
                    other => {
                        return Err(Error::Data {
                            path: self.path.key("flatten").index(k),
                            row: Some(r + 1),
                            message: format!("`{}` holds {}, not a list", self.fields[k], other.to_text()),
                        })
                    }
                };
                lists.push(list);
            }
            let n = lists.iter().map(Vec::len).max().unwrap_or(0);
            util::check_rows(rows.len() + n, &self.path.key("flatten"), "flatten")?;
            for i in 0..n {
                let mut out = row.clone();
                for (list, &d) in lists.iter().zip(&dst) {
                    util::set(&mut out, d, list.get(i).map_or(Value::Null, item));
                }
                rows.push(out);
            }
        }
        table.rows = rows;
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table(rows: &[(&str, &str, f64)]) -> Table {
        let mut t = Table::with_fields(vec!["a".into(), "b".into(), "k".into()]);
        for (a, b, k) in rows {
            let cell = |s: &str| if s == "null" { Value::Null } else { Value::str(s) };
            t.rows.push(vec![cell(a), cell(b), Value::Num(*k)]);
        }
        t
    }

    // Reference: Vega 6's flatten of {"a": [1, 2, 3], "b": ["x", "y"]}: three rows, the third
    // with b null; an empty list gives no row.
    #[test]
    fn one_row_per_index_of_the_longest_list() {
        let f = Flatten::parse(&Json::parse(r#"{"flatten": ["a", "b"], "as": ["A", "b"]}"#).unwrap(), &Path::root())
            .unwrap();
        let t = f
            .run(table(&[("[1, 2, 3]", r#"["x", "y"]"#, 7.0), ("[]", "null", 8.0), ("[{\"z\": 1}]", "null", 9.0)]))
            .unwrap();
        assert_eq!(t.fields, vec!["a", "b", "k", "A"]);
        assert_eq!(t.len(), 4);
        assert_eq!(t.rows[0][1..], [Value::str("x"), Value::Num(7.0), Value::Num(1.0)]);
        assert_eq!(t.rows[2][1..], [Value::Null, Value::Num(7.0), Value::Num(3.0)]);
        assert_eq!(t.rows[3][3], Value::str("{\"z\":1}"), "an object item stays JSON text");
    }

    #[test]
    fn a_value_that_is_not_a_list_is_named_with_its_row() {
        let f =
            Flatten::parse(&Json::parse(r#"{"flatten": ["b"]}"#).unwrap(), &Path::of(&["transform"]).index(0)).unwrap();
        let e = f.run(table(&[("[1]", "[2]", 1.0), ("[1]", "seven", 2.0)])).unwrap_err();
        assert!(e.to_string().contains("transform[0].flatten[0]") && e.to_string().contains("row 2"), "{e}");
        let bad = Flatten::parse(&Json::parse(r#"{"flatten": ["a"], "as": ["x", "y"]}"#).unwrap(), &Path::root());
        assert_eq!(bad.unwrap_err().path(), Some(&Path::root().key("as")));
    }
}
