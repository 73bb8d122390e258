//! JSON rows into a [`Table`]: Vega's `ingest` (a row that is not an object becomes
//! `{"data": v}`), nested objects flattened into dotted keys (`{"a": {"b": 1}}` is field `a.b`),
//! arrays inside rows kept as their JSON text, fields ordered by first appearance across rows,
//! and `format.property` (the dotted path to the array inside a document, as vega-util's
//! `field` reads it).

use std::collections::HashMap;

use super::problems::Problems;
use super::{check_shape, MAX_ROWS};
use crate::error::{Error, Path};
use crate::grammar::json::MAX_DEPTH;
use crate::grammar::{Json, Table, Value};

/// Rows from a JSON array of rows (an object is one row, `null` none, any other value one
/// `{"data": v}` row). Problems (a key written twice in a row) are dropped here; [`super::load`]
/// lists them. `path` is the data source, for errors.
pub fn parse_json_rows(json: &Json, path: &Path) -> Result<Table, Error> {
    rows(json, path, &mut Problems::default())
}

/// The rows at `property` (when given) inside `json`.
pub(crate) fn rows_at_property(
    json: &Json,
    property: Option<&str>,
    src: &Path,
    data_path: &Path,
    problems: &mut Problems,
) -> Result<Table, Error> {
    let Some(prop) = property else { return rows(json, src, problems) };
    let prop_path = data_path.key("format").key("property");
    let mut node = json;
    for part in split_access_path(prop, &prop_path)? {
        let next = match node {
            Json::Obj(_) => node.get(&part),
            Json::Arr(a) => part.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        };
        node = next.ok_or_else(|| Error::Data {
            path: src.clone(),
            row: None,
            message: format!("format.property \"{prop}\": the data has no \"{part}\" there"),
        })?;
    }
    rows(node, src, problems)
}

/// vega-util's `splitAccessPath`: `a.b`, `a[0]`, `a["x.y"]`, `a\.b` (an escaped dot).
pub(crate) fn split_access_path(p: &str, path: &Path) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => cur.extend(chars.next()),
            '.' => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            '[' => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                let quote = chars.next_if(|q| *q == '"' || *q == '\'');
                let (mut quote_open, mut bracket_closed) = (quote.is_some(), false);
                for n in chars.by_ref() {
                    if quote_open && Some(n) == quote {
                        quote_open = false;
                    } else if !quote_open && n == ']' {
                        bracket_closed = true;
                        break;
                    } else {
                        cur.push(n);
                    }
                }
                if !bracket_closed {
                    return Err(Error::spec(path, format!("\"{p}\": missing closing bracket or quote")));
                }
                out.push(std::mem::take(&mut cur));
            }
            ']' => return Err(Error::spec(path, format!("\"{p}\": missing open bracket"))),
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The table builder: fields in first-seen order, rows padded with nulls at the end.
struct Builder<'a> {
    fields: Vec<String>,
    index: HashMap<String, usize>,
    rows: Vec<Vec<Value>>,
    src: &'a Path,
}

fn rows(json: &Json, src: &Path, problems: &mut Problems) -> Result<Table, Error> {
    let items: &[Json] = match json {
        Json::Arr(a) => a,
        Json::Null => &[],
        other => std::slice::from_ref(other),
    };
    if items.len() > MAX_ROWS {
        return Err(Error::Data {
            path: src.clone(),
            row: Some(MAX_ROWS),
            message: format!("more than {MAX_ROWS} rows"),
        });
    }
    let mut b = Builder { fields: Vec::new(), index: HashMap::new(), rows: Vec::with_capacity(items.len()), src };
    for (r, item) in items.iter().enumerate() {
        let mut row = Vec::with_capacity(b.fields.len());
        match item {
            Json::Obj(members) => {
                for (k, v) in members {
                    b.put(&mut row, r, k.clone(), v, 1, problems)?;
                }
            }
            Json::Arr(a) => {
                // An array is an object to Vega: its keys are the indices.
                for (i, v) in a.iter().enumerate() {
                    b.put(&mut row, r, i.to_string(), v, 1, problems)?;
                }
            }
            v => b.put(&mut row, r, "data".into(), v, 1, problems)?,
        }
        check_shape(r + 1, b.fields.len(), src)?;
        b.rows.push(row);
    }
    let n = b.fields.len();
    for row in &mut b.rows {
        row.resize(n, Value::Null);
    }
    Ok(Table { fields: b.fields, rows: b.rows })
}

impl Builder<'_> {
    /// Writes `v` under `key` (flattening objects under `key.`).
    fn put(
        &mut self,
        row: &mut Vec<Value>,
        r: usize,
        key: String,
        v: &Json,
        depth: usize,
        problems: &mut Problems,
    ) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(Error::Data {
                path: self.src.clone(),
                row: Some(r),
                message: format!("nested deeper than {MAX_DEPTH} levels"),
            });
        }
        let value = match v {
            Json::Obj(members) if !members.is_empty() => {
                for (k, inner) in members {
                    self.put(row, r, format!("{key}.{k}"), inner, depth + 1, problems)?;
                }
                return Ok(());
            }
            Json::Obj(_) | Json::Arr(_) => Value::str(&v.to_text()),
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Num(n) => Value::Num(*n),
            Json::Str(s) => Value::str(s),
        };
        let col = match self.index.get(&key) {
            Some(&c) => c,
            None => {
                if self.fields.len() >= super::MAX_FIELDS {
                    check_shape(r + 1, self.fields.len() + 1, self.src)?;
                }
                self.index.insert(key.clone(), self.fields.len());
                self.fields.push(key.clone());
                self.fields.len() - 1
            }
        };
        if row.len() <= col {
            row.resize(col + 1, Value::Null);
        } else if row.get(col).is_some_and(|old| *old != Value::Null) {
            problems.push(
                r,
                &key,
                &value.to_text(),
                "field written twice in this row (a dotted key and a nested object): the later value is kept",
            );
        }
        if let Some(slot) = row.get_mut(col) {
            *slot = value;
        }
        Ok(())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn j(t: &str) -> Json {
        Json::parse(t).unwrap()
    }
    fn src() -> Path {
        Path::of(&["data", "values"])
    }

    #[test]
    fn flattens_nested_objects_and_orders_keys_by_first_appearance() {
        let t = parse_json_rows(
            &j(r#"[{"a": 1, "n": {"b": "x", "c": {"d": true}}}, {"z": null, "a": 2, "l": [1, {"q": 2}], "e": {}}]"#),
            &src(),
        )
        .unwrap();
        assert_eq!(t.fields, vec!["a", "n.b", "n.c.d", "z", "l", "e"]);
        assert_eq!(
            t.rows[0],
            vec![Value::Num(1.0), Value::str("x"), Value::Bool(true), Value::Null, Value::Null, Value::Null]
        );
        assert_eq!(
            t.rows[1],
            vec![Value::Num(2.0), Value::Null, Value::Null, Value::Null, Value::str("[1,{\"q\":2}]"), Value::str("{}")]
        );
        assert_eq!(t.get(0, &crate::grammar::value::field_key("n.c.d")), &Value::Bool(true));
    }

    #[test]
    fn primitive_rows_become_data_fields() {
        // Vega-Lite docs: [5, 3, 8, 1] is loaded as [{"data": 5}, ...]; Vega's ingest wraps per row.
        let t = parse_json_rows(&j(r#"[5, "x", {"data": 7, "k": 1}, null]"#), &src()).unwrap();
        assert_eq!(t.fields, vec!["data", "k"]);
        let col: Vec<&Value> = t.rows.iter().map(|r| &r[0]).collect();
        assert_eq!(col, vec![&Value::Num(5.0), &Value::str("x"), &Value::Num(7.0), &Value::Null]);
        assert_eq!(parse_json_rows(&j(r#"{"a": 1}"#), &src()).unwrap().len(), 1);
        assert!(parse_json_rows(&Json::Null, &src()).unwrap().is_empty());
    }

    #[test]
    fn property_paths_pick_the_nested_array() {
        let doc =
            j(r#"{"meta": 1, "values": {"features": [{"a": 1}, {"a": 2}], "x.y": [{"b": 3}], "l": [[{"c": 4}]]}}"#);
        let mut p = Problems::default();
        let at = |prop: &str, p: &mut Problems| rows_at_property(&doc, Some(prop), &src(), &Path::of(&["data"]), p);
        assert_eq!(at("values.features", &mut p).unwrap().len(), 2);
        assert_eq!(at("values[\"x.y\"]", &mut p).unwrap().fields, vec!["b"]);
        assert_eq!(at("values.x\\.y", &mut p).unwrap().fields, vec!["b"]);
        assert_eq!(at("values.l[0]", &mut p).unwrap().fields, vec!["c"]);
        let e = at("values.feature", &mut p).unwrap_err();
        assert!(e.to_string().contains("no \"feature\""), "{e}");
        let e = at("values[0", &mut p).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["data", "format", "property"])));
    }

    #[test]
    fn a_key_written_twice_is_a_problem_and_fields_are_limited() {
        let mut p = Problems::default();
        let t = rows(&j(r#"[{"a.b": 1, "a": {"b": 2}}]"#), &src(), &mut p).unwrap();
        assert_eq!(t.rows[0], vec![Value::Num(2.0)]);
        let l = p.finish();
        assert_eq!((l.len(), l[0].row, l[0].field.as_str()), (1, 0, "a.b"));
        let wide = format!("[{{{}}}]", (0..1001).map(|i| format!("\"f{i}\": 1")).collect::<Vec<_>>().join(","));
        let e = parse_json_rows(&j(&wide), &src()).unwrap_err();
        assert!(e.to_string().contains("more than 1000 fields"), "{e}");
    }
}
