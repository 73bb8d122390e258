//! The `impute` transform, as Vega-Lite compiles it: for each `groupby` group, every key of the
//! key domain (`keyvals` first, then the `key` values in first-seen order; keys match by their
//! text, as Vega's) that the group lacks gets a new row holding the group values, the key, the
//! imputed field and `_impute: true`; new rows follow the input rows, group by group. With
//! `method` `value` (default) the field is `value` (default 0). With `mean`, `median`, `max`
//! or `min`, new rows start null, a window of that op over `frame` (default `[null, null]`,
//! in row order within the group) is written to `imputed_<field>_value`, and every row whose
//! field is null takes it (existing nulls included, as in Vega-Lite).

use std::collections::HashMap;

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::ops::Op;
use super::util::{self, MAX_ROWS};
use super::window::{parse_frame, Window};

/// The key domain given in the spec.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyVals {
    /// Listed values.
    List(Vec<Value>),
    /// `{"start", "stop", "step"}`: `start, start + step, ...` below `stop`.
    Sequence(f64, f64, f64),
}

/// The `impute` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Impute {
    /// Table key of the imputed field.
    pub field: String,
    /// Table key of the key field.
    pub key: String,
    /// Extra key values.
    pub keyvals: Option<KeyVals>,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// `None` for `value`, else the window op.
    pub method: Option<Op>,
    /// The value for `method: value`.
    pub value: Value,
    /// Frame of the window methods.
    pub frame: (Option<i64>, Option<i64>),
    path: Path,
}

impl Impute {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Impute, Error> {
        check_keys(json, path, &["impute", "key", "keyvals", "groupby", "method", "value", "frame"], &[])?;
        let field = util::field(util::req(json, "impute", path)?, &path.key("impute"))?;
        let key = util::field(util::req(json, "key", path)?, &path.key("key"))?;
        let kp = path.key("keyvals");
        let keyvals = match json.get("keyvals") {
            None => None,
            Some(Json::Arr(a)) => Some(KeyVals::List(
                a.iter().enumerate().map(|(i, v)| util::scalar(v, &kp.index(i))).collect::<Result<_, _>>()?,
            )),
            Some(seq @ Json::Obj(_)) => {
                check_keys(seq, &kp, &["start", "stop", "step"], &[])?;
                let num = |k: &str, d: Option<f64>| -> Result<f64, Error> {
                    match (seq.get(k), d) {
                        (Some(v), _) => v.num(&kp.key(k)),
                        (None, Some(d)) => Ok(d),
                        (None, None) => Err(Error::spec(&kp, format!("missing \"{k}\""))),
                    }
                };
                Some(KeyVals::Sequence(num("start", Some(0.0))?, num("stop", None)?, num("step", Some(1.0))?))
            }
            Some(other) => {
                return Err(Error::spec(&kp, format!("expected an array or a sequence, found {}", other.kind())))
            }
        };
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let mp = path.key("method");
        let method = match json.get("method").map(|m| m.str(&mp)).transpose()? {
            None | Some("value") => None,
            Some("mean") => Some(Op::Mean),
            Some("median") => Some(Op::Median),
            Some("max") => Some(Op::Max),
            Some("min") => Some(Op::Min),
            Some(other) => {
                return Err(Error::unsupported(&mp, format!("\"{other}\""), "value, mean, median, max, min"))
            }
        };
        let value = match json.get("value") {
            Some(v) => util::scalar(v, &path.key("value"))?,
            None => Value::Num(0.0),
        };
        let frame = match json.get("frame") {
            Some(f) => parse_frame(f, &path.key("frame"))?,
            None => (None, None),
        };
        Ok(Impute { field, key, keyvals, groupby, method, value, frame, path: path.clone() })
    }

    fn imputed_name(&self) -> String {
        format!("imputed_{}_value", self.field)
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        let mut f = vec![self.field.clone(), "_impute".to_string()];
        if self.method.is_some() {
            f.push(self.imputed_name());
        }
        f
    }

    fn domain(&self) -> Result<Vec<Value>, Error> {
        Ok(match &self.keyvals {
            None => Vec::new(),
            Some(KeyVals::List(v)) => v.clone(),
            Some(KeyVals::Sequence(start, stop, step)) => {
                let n = ((stop - start) / step).ceil();
                let n = if n.is_finite() && n > 0.0 { n } else { 0.0 };
                if n > MAX_ROWS as f64 {
                    return Err(Error::Data {
                        path: self.path.key("keyvals"),
                        row: None,
                        message: format!("a sequence of {n} keys (at most {MAX_ROWS})"),
                    });
                }
                (0..n as usize).map(|i| Value::Num(start + i as f64 * step)).collect()
            }
        })
    }

    /// Imputes missing key rows.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let mut domain = self.domain()?;
        let mut kmap: HashMap<String, usize> = HashMap::new();
        for (i, k) in domain.iter().enumerate() {
            kmap.entry(k.to_text()).or_insert(i);
        }
        let kcol = table.col(&self.key);
        let gcols = util::cols(&table, &self.groupby);
        let groups = util::partition(&table, &gcols);
        // Per group, the sorted indices of the domain keys it has.
        let mut present: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
        for g in &groups {
            let mut has = Vec::with_capacity(g.len());
            for &r in g {
                let k = util::cell(&table.rows[r], kcol);
                let j = *kmap.entry(k.to_text()).or_insert_with(|| {
                    domain.push(k.clone());
                    domain.len() - 1
                });
                has.push(j);
            }
            crate::order::sort_by(&mut has, |a, b| a.cmp(b));
            has.dedup();
            present.push(has);
        }
        let missing = present.iter().fold(0usize, |n, h| n.saturating_add(domain.len() - h.len()));
        util::check_rows(table.len().saturating_add(missing), &self.path, "impute")?;
        let fcol = table.field_index_or_add(&self.field);
        let kc = table.field_index_or_add(&self.key);
        let icol = table.field_index_or_add("_impute");
        let gout: Vec<usize> = self.groupby.iter().map(|g| table.field_index_or_add(g)).collect();
        let width = table.fields.len();
        let fill = if self.method.is_some() { Value::Null } else { self.value.clone() };
        let mut new_rows = Vec::with_capacity(missing);
        for (g, has) in groups.iter().zip(&present) {
            let first = g.first().and_then(|&r| table.rows.get(r));
            for (j, k) in domain.iter().enumerate() {
                if has.binary_search(&j).is_ok() {
                    continue;
                }
                let mut row = vec![Value::Null; width];
                for (c, src) in gout.iter().zip(&gcols) {
                    row[*c] = first.map_or(Value::Null, |f| util::cell(f, *src));
                }
                row[kc] = k.clone();
                row[fcol] = fill.clone();
                row[icol] = Value::Bool(true);
                new_rows.push(row);
            }
        }
        table.rows.extend(new_rows);
        let Some(op) = self.method else { return Ok(table) };
        let name = self.imputed_name();
        let w = Window::aggregate(op, &self.field, &name, self.groupby.clone(), self.frame, &self.path);
        let mut table = w.run(table)?;
        if let (Some(f), Some(i)) = (table.col(&self.field), table.col(&name)) {
            for row in &mut table.rows {
                if matches!(row.get(f), Some(Value::Null)) {
                    let v = row.get(i).cloned().unwrap_or(Value::Null);
                    util::set(row, f, v);
                }
            }
        }
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn data() -> Table {
        let mut t = Table::with_fields(vec!["a".into(), "b".into(), "c".into()]);
        for (a, b, c) in [
            (0.0, 28.0, 0.0),
            (0.0, 91.0, 1.0),
            (1.0, 43.0, 0.0),
            (1.0, 55.0, 1.0),
            (3.0, 19.0, 0.0),
            (2.0, 81.0, 0.0),
            (2.0, 53.0, 1.0),
        ] {
            t.rows.push(vec![Value::Num(a), Value::Num(b), Value::Num(c)]);
        }
        t
    }

    fn run(spec: &str) -> Table {
        Impute::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap().run(data()).unwrap()
    }

    fn get(t: &Table, r: usize, f: &str) -> Value {
        t.get(r, f).clone()
    }

    // Reference values: vega-lite 6.4.3 + vega 6.4.0 impute on the same seven rows.
    #[test]
    fn value_method_adds_missing_keys() {
        let t = run(r#"{"impute": "b", "key": "a", "groupby": ["c"], "value": 0}"#);
        assert_eq!(t.len(), 8);
        assert_eq!(t.rows[7], vec![Value::Num(3.0), Value::Num(0.0), Value::Num(1.0), Value::Bool(true)]);
        assert_eq!(get(&t, 0, "_impute"), Value::Null);
    }

    #[test]
    fn mean_by_key_fills_from_the_group() {
        let t = run(r#"{"impute": "b", "key": "a", "groupby": ["c"], "method": "mean"}"#);
        assert_eq!(t.len(), 8);
        assert_eq!(get(&t, 7, "b"), Value::Num(66.33333333333333));
        assert_eq!(get(&t, 0, "imputed_b_value"), Value::Num(42.75));
        assert_eq!(get(&t, 1, "imputed_b_value"), Value::Num(66.33333333333333));
    }

    #[test]
    fn frames_and_keyvals() {
        let t =
            run(r#"{"impute": "b", "key": "a", "groupby": ["c"], "method": "max", "frame": [-1, 1], "keyvals": [5]}"#);
        assert_eq!(t.len(), 10);
        let rows: Vec<(Value, Value, Value)> =
            (7..10).map(|r| (get(&t, r, "c"), get(&t, r, "a"), get(&t, r, "b"))).collect();
        let n = Value::Num;
        assert_eq!(rows, vec![(n(0.0), n(5.0), n(81.0)), (n(1.0), n(5.0), n(53.0)), (n(1.0), n(3.0), Value::Null)]);
        assert_eq!(get(&t, 4, "imputed_b_value"), n(81.0));
        let t =
            run(r#"{"impute": "b", "key": "a", "keyvals": {"start": 0, "stop": 6, "step": 2}, "method": "median"}"#);
        assert_eq!(t.len(), 8);
        assert_eq!((get(&t, 7, "a"), get(&t, 7, "b"), get(&t, 7, "c")), (n(4.0), n(53.0), Value::Null));
    }

    // Reference: vega-lite 6.4.3: an existing null takes the group mean too.
    #[test]
    fn window_methods_replace_existing_nulls() {
        let mut t = Table::with_fields(vec!["a".into(), "b".into(), "c".into()]);
        for (a, b, c) in
            [(0.0, Some(10.0), None), (1.0, None, None), (2.0, Some(30.0), None), (0.0, Some(5.0), Some(1.0))]
        {
            t.rows.push(vec![Value::Num(a), b.map_or(Value::Null, Value::Num), c.map_or(Value::Null, Value::Num)]);
        }
        let spec = r#"{"impute": "b", "key": "a", "groupby": ["c"], "method": "mean"}"#;
        let out = Impute::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap().run(t).unwrap();
        let b: Vec<Value> = (0..out.len()).map(|r| get(&out, r, "b")).collect();
        let n = Value::Num;
        assert_eq!(b, vec![n(10.0), n(20.0), n(30.0), n(5.0), n(5.0), n(5.0)]);
        assert_eq!((get(&out, 5, "a"), get(&out, 5, "c")), (n(2.0), n(1.0)));
    }

    #[test]
    fn refuses_an_explosion() {
        let spec = r#"{"impute": "b", "key": "a", "groupby": ["b"], "keyvals": {"stop": 400}}"#;
        let i = Impute::parse(&Json::parse(spec).unwrap(), &Path::of(&["transform"]).index(1)).unwrap();
        let mut t = Table::with_fields(vec!["a".into(), "b".into()]);
        t.rows = (0..10_000).map(|i| vec![Value::Num(0.0), Value::Num(i as f64)]).collect();
        let e = i.run(t).unwrap_err();
        assert!(matches!(e, Error::Data { .. }), "{e}");
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(1)));
    }
}
