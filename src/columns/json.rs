//! JSON rows into typed columns: `[{...}, ...]` or `{"rows": [...]}`, as `JSON.parse` reads the
//! text (the crate's own reader, [`parse_json_text`], so the wasm needs no serde_json). Columns
//! are the keys in order of first appearance; a key a row lacks, or `null`, is not reported.
//! A column of JSON numbers is a number column; of texts that are all dates, a date column;
//! anything else (texts, booleans, numbers mixed with texts) is text, numbers written as
//! JavaScript would print them. Nested objects and arrays are refused with their path.

use std::collections::HashMap;

use super::{Column, Table, MAX_ROWS, MISSING};
use crate::error::{Error, Path};
use crate::grammar::data::jsontext::parse_json_text;
use crate::grammar::format::date::parse_date;
use crate::grammar::Json;

#[derive(Clone, Copy, PartialEq)]
enum Seen {
    Empty,
    Num,
    Date,
    Text,
}

impl Seen {
    fn with(self, v: &Json) -> Seen {
        match (self, v) {
            (s, Json::Null) | (s @ Seen::Text, _) => s,
            (Seen::Empty | Seen::Num, Json::Num(_)) => Seen::Num,
            (Seen::Empty | Seen::Date, Json::Str(s)) if parse_date(s).is_some() => Seen::Date,
            _ => Seen::Text,
        }
    }
}

/// Reads JSON rows into a table; errors name the row and key (`rows[3].when`).
pub fn from_json(text: &str) -> Result<Table, Error> {
    let root = Path::root();
    let tree = parse_json_text(text, &root)?;
    let (rows, at) = match tree {
        Json::Arr(r) => (r, root.clone()),
        Json::Obj(mut o) => match o.iter().position(|(k, _)| k == "rows") {
            Some(i) => match o.swap_remove(i).1 {
                Json::Arr(r) => (r, root.key("rows")),
                _ => return Err(invalid(root.key("rows").to_string(), "must be an array of row objects".into())),
            },
            None => {
                return Err(invalid(root.to_string(), "expected an array of row objects or {\"rows\": [...]}".into()))
            }
        },
        _ => return Err(invalid(root.to_string(), "expected an array of row objects or {\"rows\": [...]}".into())),
    };
    if rows.len() > MAX_ROWS {
        return Err(invalid(at.to_string(), format!("{} rows; at most {MAX_ROWS}", rows.len())));
    }
    // Pass 1: the columns, in order of first appearance, and their types.
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut seen: Vec<Seen> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let Json::Obj(fields) = row else {
            return Err(invalid(at.index(r).to_string(), "each row must be an object".into()));
        };
        for (k, v) in fields {
            if matches!(v, Json::Arr(_) | Json::Obj(_)) {
                return Err(invalid(
                    at.index(r).key(k).to_string(),
                    "is a nested object or array; columns hold numbers, texts and dates".into(),
                ));
            }
            let c = *index.entry(k.clone()).or_insert_with(|| {
                names.push(k.clone());
                seen.push(Seen::Empty);
                names.len() - 1
            });
            seen[c] = seen[c].with(v);
        }
    }
    // Pass 2: fill every column, "not reported" where a row has no value.
    let n = rows.len();
    let mut columns: Vec<Column> = seen
        .iter()
        .map(|s| match s {
            Seen::Num | Seen::Empty => Column::Num(vec![f64::NAN; n]),
            Seen::Date => Column::Date(vec![f64::NAN; n]),
            Seen::Text => Column::Text { ids: vec![MISSING; n], dict: Vec::new() },
        })
        .collect();
    let mut lookup: Vec<HashMap<String, u32>> = vec![HashMap::new(); names.len()];
    for (r, row) in rows.iter().enumerate() {
        let Json::Obj(fields) = row else { continue };
        for (k, v) in fields {
            let c = index[k];
            match (&mut columns[c], v) {
                (_, Json::Null) => {}
                (Column::Num(col), Json::Num(x)) => col[r] = *x,
                (Column::Date(col), Json::Str(s)) => col[r] = parse_date(s).unwrap_or(f64::NAN),
                (Column::Text { ids, dict }, v) => {
                    let t = match v {
                        Json::Str(s) => s.clone(),
                        Json::Num(x) => number_text(*x),
                        Json::Bool(b) => b.to_string(),
                        _ => continue,
                    };
                    let map = &mut lookup[c];
                    ids[r] = match map.get(&t) {
                        Some(id) => *id,
                        None => {
                            let id = dict.len() as u32;
                            map.insert(t.clone(), id);
                            dict.push(t);
                            id
                        }
                    };
                }
                _ => {}
            }
        }
    }
    Table::from_columns(names.into_iter().zip(columns).collect())
}

/// A number as `String(x)` prints it for the values JSON can hold in a text column.
fn number_text(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e21 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn invalid(path: String, message: String) -> Error {
    Error::Invalid { path, message }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn keys_become_typed_columns_and_absent_keys_are_not_reported() {
        let t = from_json(
            r#"[{"city": "A", "n": 4, "when": "2021-03-01"}, {"city": "B", "when": null},
                {"n": -2.5, "when": "2023-03-05", "flag": true}]"#,
        )
        .unwrap();
        assert_eq!(t.rows(), 3);
        assert_eq!(t.names(), ["city", "n", "when", "flag"]);
        let Column::Num(n) = t.column("n").unwrap() else { panic!() };
        assert_eq!(n[0], 4.0);
        assert!(n[1].is_nan(), "absent, not zero");
        assert_eq!(n[2], -2.5);
        let Column::Date(d) = t.column("when").unwrap() else { panic!() };
        assert_eq!(d[0], 1_614_556_800_000.0);
        assert!(d[1].is_nan());
        match t.column("city").unwrap() {
            Column::Text { ids, dict } => {
                assert_eq!(ids, &[0, 1, MISSING]);
                assert_eq!(dict, &["A", "B"]);
            }
            c => panic!("{c:?}"),
        }
        assert_eq!(t.column("flag").unwrap().kind(), "text");
    }

    #[test]
    fn numbers_mixed_with_texts_make_a_text_column_and_rows_may_be_wrapped() {
        let t = from_json(r#"{"rows": [{"code": 7}, {"code": "07"}, {"code": 2.5}]}"#).unwrap();
        let Column::Text { ids, dict } = t.column("code").unwrap() else { panic!() };
        assert_eq!(dict, &["7", "07", "2.5"]);
        assert_eq!(ids, &[0, 1, 2]);
    }

    #[test]
    fn bad_shapes_are_refused_with_their_path() {
        let e = from_json(r#"[{"a": 1}, {"a": {"b": 2}}]"#).unwrap_err().to_string();
        assert!(e.contains("[1].a") && e.contains("nested"), "{e}");
        let e = from_json(r#"[{"a": 1}, 3]"#).unwrap_err().to_string();
        assert!(e.contains("[1]") && e.contains("must be an object"), "{e}");
        let e = from_json(r#"{"values": []}"#).unwrap_err().to_string();
        assert!(e.contains("array of row objects"), "{e}");
        let e = from_json("[{\"a\": 1,}]").unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
