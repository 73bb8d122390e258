//! The `lookup` transform: joins each row to the row of a secondary dataset (`from.data`,
//! loaded through [`super::Sources`]) whose `from.key` equals the row's `lookup` field. Keys
//! match by their text, as Vega's index does (`"2"` finds `2`); when keys repeat the last row
//! wins. With `from.fields`, those fields are copied (into `as`, default the field names);
//! unmatched rows get `default` (Vega-Lite passes it only when it is truthy, else null).
//! Without `from.fields` the whole matching row is nested under `as`: this engine's tables are
//! flat, so its fields arrive as `as.field` columns (null when unmatched). A key or field
//! missing from the secondary data is an error. Parameter lookups (`from.param`) are refused.

use std::collections::HashMap;

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::util;
use super::Sources;

/// The `lookup` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup {
    /// Table key of the field looked up.
    pub lookup: String,
    /// The secondary data as written in the spec.
    pub data: Json,
    /// Key field of the secondary data.
    pub key: String,
    /// Fields copied (as written), or `None` for the whole row.
    pub fields: Option<Vec<String>>,
    /// Output names (one per copied field), or the nesting prefix.
    pub as_: Vec<String>,
    /// Value of unmatched rows.
    pub default: Value,
    path: Path,
}

impl Lookup {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Lookup, Error> {
        check_keys(json, path, &["lookup", "from", "as", "default"], &[])?;
        let lookup = util::field(util::req(json, "lookup", path)?, &path.key("lookup"))?;
        let fp = path.key("from");
        let from = util::req(json, "from", path)?;
        if from.get("param").is_some() {
            return Err(Error::unsupported(&fp.key("param"), "lookups of a parameter (selection)", "from.data"));
        }
        check_keys(from, &fp, &["data", "key", "fields"], &[])?;
        let data = util::req(from, "data", &fp)?.clone();
        let key = util::req(from, "key", &fp)?.str(&fp.key("key"))?.to_string();
        let fields = match from.get("fields") {
            None => None,
            Some(f) => {
                let p = fp.key("fields");
                Some(
                    f.arr(&p)?
                        .iter()
                        .enumerate()
                        .map(|(i, s)| s.str(&p.index(i)).map(str::to_string))
                        .collect::<Result<Vec<_>, _>>()?,
                )
            }
        };
        let ap = path.key("as");
        let as_: Vec<String> = match json.get("as") {
            None => Vec::new(),
            Some(Json::Str(s)) => vec![s.clone()],
            Some(a) => a
                .arr(&ap)?
                .iter()
                .enumerate()
                .map(|(i, s)| s.str(&ap.index(i)).map(str::to_string))
                .collect::<Result<_, _>>()?,
        };
        let default = match json.get("default") {
            None => Value::Null,
            Some(d) => {
                let v = util::scalar(d, &path.key("default"))?;
                if v.truthy() {
                    v
                } else {
                    Value::Null
                }
            }
        };
        let as_ = match &fields {
            Some(f) if as_.is_empty() => f.clone(),
            Some(f) if as_.len() != f.len() => {
                return Err(Error::spec(&ap, format!("needs {} names, one per field of from.fields", f.len())))
            }
            Some(_) => as_,
            None => {
                if json.get("default").is_some() {
                    return Err(Error::unsupported(
                        &path.key("default"),
                        "a default for a whole-row lookup",
                        "from.fields with default",
                    ));
                }
                match as_.as_slice() {
                    [_] => as_.clone(),
                    [] => vec!["_lookup".to_string()],
                    _ => return Err(Error::spec(&ap, "a whole-row lookup needs one name")),
                }
            }
        };
        Ok(Lookup { lookup, data, key, fields, as_, default, path: path.clone() })
    }

    /// Output fields (for a whole-row lookup, the prefix of its `as.field` columns).
    pub fn output_fields(&self) -> Vec<String> {
        self.as_.clone()
    }

    /// Joins the secondary data.
    pub fn run(&self, mut table: Table, ctx: &dyn Sources) -> Result<Table, Error> {
        let fp = self.path.key("from");
        let from = ctx.load(&self.data, &fp.key("data"))?;
        let need = |name: &str, p: Path| -> Result<Option<usize>, Error> {
            match from.col(&field_key(name)) {
                Some(c) => Ok(Some(c)),
                None if from.is_empty() => Ok(None),
                None => {
                    Err(Error::Data { path: p, row: None, message: format!("the lookup data has no field \"{name}\"") })
                }
            }
        };
        let kcol = need(&self.key, fp.key("key"))?;
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, row) in from.rows.iter().enumerate() {
            index.insert(util::cell(row, kcol).to_text(), i);
        }
        let (src, names): (Vec<Option<usize>>, Vec<String>) = match &self.fields {
            Some(fs) => {
                let cols =
                    fs.iter().enumerate().map(|(i, f)| need(f, fp.key("fields").index(i))).collect::<Result<_, _>>()?;
                (cols, self.as_.clone())
            }
            None => {
                let prefix = self.as_.first().cloned().unwrap_or_default();
                (
                    (0..from.fields.len()).map(Some).collect(),
                    from.fields.iter().map(|f| format!("{prefix}.{f}")).collect(),
                )
            }
        };
        let lcol = table.col(&self.lookup);
        let keys: Vec<Option<usize>> =
            table.rows.iter().map(|r| index.get(&util::cell(r, lcol).to_text()).copied()).collect();
        let outs: Vec<usize> = names.iter().map(|n| table.field_index_or_add(n)).collect();
        let unmatched = if self.fields.is_some() { self.default.clone() } else { Value::Null };
        for (row, hit) in table.rows.iter_mut().zip(keys) {
            for (c, s) in outs.iter().zip(&src) {
                let v = match hit.and_then(|h| from.rows.get(h)) {
                    Some(f) => util::cell(f, *s),
                    None => unmatched.clone(),
                };
                util::set(row, *c, v);
            }
        }
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Test sources: `{"values": [...]}` with flat objects.
    struct Inline;

    impl Sources for Inline {
        fn load(&self, data: &Json, path: &Path) -> Result<Table, Error> {
            let mut t = Table::default();
            let vp = path.key("values");
            let rows = util::req(data, "values", path)?.arr(&vp)?;
            for (i, r) in rows.iter().enumerate() {
                let mut row = vec![Value::Null; t.fields.len()];
                for (k, v) in r.obj(&vp.index(i))? {
                    let c = t.field_index_or_add(k);
                    for other in &mut t.rows {
                        other.resize(t.fields.len(), Value::Null);
                    }
                    row.resize(t.fields.len(), Value::Null);
                    row[c] = util::scalar(v, &vp.index(i))?;
                }
                t.rows.push(row);
            }
            Ok(t)
        }
    }

    fn main() -> Table {
        let mut t = Table::with_fields(vec!["id".into(), "n".into()]);
        t.rows.push(vec![Value::Num(1.0), Value::str("x")]);
        t.rows.push(vec![Value::str("2"), Value::str("y")]);
        t.rows.push(vec![Value::Num(3.0), Value::Null]);
        t
    }

    fn run(spec: &str) -> Result<Table, Error> {
        Lookup::parse(&Json::parse(spec).unwrap(), &Path::of(&["transform"]).index(0))?.run(main(), &Inline)
    }

    const FROM: &str = r#"{"data": {"values": [{"k": 1, "p": 10, "q": "a"}, {"k": 2, "p": 20, "q": "b"}, {"k": 2, "p": 21}]}, "key": "k""#;

    // Reference: vega-lite 6.4.3 lookups on the same rows.
    #[test]
    fn copies_fields_by_text_key_last_wins() {
        let t = run(&format!(r#"{{"lookup": "id", "from": {FROM}, "fields": ["p", "q"]}}}}"#)).unwrap();
        assert_eq!(t.fields, vec!["id", "n", "p", "q"]);
        assert_eq!(t.rows[0][2..], [Value::Num(10.0), Value::str("a")]);
        assert_eq!(t.rows[1][2..], [Value::Num(21.0), Value::Null]);
        assert_eq!(t.rows[2][2..], [Value::Null, Value::Null]);
        let t =
            run(&format!(r#"{{"lookup": "id", "from": {FROM}, "fields": ["p"]}}, "as": ["P"], "default": "none"}}"#))
                .unwrap();
        assert_eq!(t.rows[2][2], Value::str("none"));
    }

    #[test]
    fn whole_rows_nest_under_as() {
        let t = run(&format!(r#"{{"lookup": "id", "from": {FROM}}}, "as": "o"}}"#)).unwrap();
        assert_eq!(t.fields, vec!["id", "n", "o.k", "o.p", "o.q"]);
        assert_eq!(t.rows[0][2..], [Value::Num(1.0), Value::Num(10.0), Value::str("a")]);
        assert_eq!(t.rows[2][2..], [Value::Null, Value::Null, Value::Null]);
    }

    #[test]
    fn missing_fields_are_errors_with_paths() {
        let e = run(&format!(r#"{{"lookup": "id", "from": {FROM}, "fields": ["p", "zz"]}}}}"#)).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(0).key("from").key("fields").index(1)));
        let e =
            run(r#"{"lookup": "id", "from": {"data": {"values": [{"a": 1}]}, "key": "k"}, "as": "o"}"#).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(0).key("from").key("key")));
        let e =
            run(&format!(r#"{{"lookup": "id", "from": {FROM}, "fields": ["p", "q"]}}, "as": ["P"]}}"#)).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(0).key("as")));
        let e = run(r#"{"lookup": "id", "from": {"param": "sel", "key": "k"}}"#).unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }));
    }
}
