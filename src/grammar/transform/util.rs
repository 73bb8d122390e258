//! Helpers shared by the transforms: JavaScript's comparison and coercion rules on [`Value`]s
//! (Vega compares raw datum values with `<`, `===` and its `ascending` comparator), group keys,
//! sort specifications, output limits and the small JSON readers every transform uses.

use std::cmp::Ordering;

use crate::error::{Error, Path};
use crate::grammar::json::Json;
use crate::grammar::value::{field_key, Table, Value};

/// Most rows a transform may produce (fold, impute and pivot can multiply their input).
pub const MAX_ROWS: usize = 2_000_000;

/// JavaScript's unary `+` (`+null` is 0; text is parsed; dates give their milliseconds).
pub fn js_num(v: &Value) -> f64 {
    v.as_num().unwrap_or(0.0)
}

/// JavaScript's `a < b`: text against text by code point, anything else as numbers.
pub fn js_lt(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x < y,
        _ => js_num(a) < js_num(b),
    }
}

/// JavaScript's `a <= b` (false when either side is NaN).
pub fn js_le(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x <= y,
        _ => js_num(a) <= js_num(b),
    }
}

/// JavaScript's `a === b`, except that a date equals a number of the same milliseconds (Vega
/// parses dates to timestamps, so `datum.date === time(...)` holds in Vega).
pub fn strict_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Num(x) | Value::Date(x), Value::Num(y) | Value::Date(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        _ => false,
    }
}

/// Vega's `ascending` comparator (vega-util): nulls first, then `<` / `>`, NaN before numbers.
pub fn ascending(u: &Value, v: &Value) -> Ordering {
    let (un, vn) = (matches!(u, Value::Null), matches!(v, Value::Null));
    if (js_lt(u, v) || un) && !vn {
        return Ordering::Less;
    }
    if (js_lt(v, u) || vn) && !un {
        return Ordering::Greater;
    }
    let nan = |x: &Value| matches!(x, Value::Num(n) | Value::Date(n) if n.is_nan());
    if nan(u) && !nan(v) {
        return Ordering::Less;
    }
    if nan(v) && !nan(u) {
        return Ordering::Greater;
    }
    Ordering::Equal
}

/// The grouping key of several values (each by [`Value::key`]).
pub fn group_key<'a>(values: impl Iterator<Item = &'a Value>) -> String {
    let mut k = String::new();
    for (i, v) in values.enumerate() {
        if i > 0 {
            k.push('\u{1}');
        }
        k.push_str(&v.key());
    }
    k
}

/// Column indices of `names` in `table` (`None` for a field the table lacks: null everywhere).
pub fn cols(table: &Table, names: &[String]) -> Vec<Option<usize>> {
    names.iter().map(|n| table.col(n)).collect()
}

/// The value of an optional column in a row.
pub fn cell(row: &[Value], col: Option<usize>) -> Value {
    col.and_then(|c| row.get(c)).cloned().unwrap_or(Value::Null)
}

/// A borrowed value of an optional column in a row.
pub fn cell_ref(row: &[Value], col: Option<usize>) -> &Value {
    static NULL: Value = Value::Null;
    col.and_then(|c| row.get(c)).unwrap_or(&NULL)
}

/// Sets `row[col]`, growing the row if needed (it never needs to: tables keep rows full).
pub fn set(row: &mut Vec<Value>, col: usize, v: Value) {
    if row.len() <= col {
        row.resize(col + 1, Value::Null);
    }
    row[col] = v;
}

/// A field reference (`"a.b"`) turned into its table key.
pub fn field(json: &Json, path: &Path) -> Result<String, Error> {
    Ok(field_key(json.str(path)?))
}

/// An optional array of field references (`groupby`).
pub fn field_list(json: Option<&Json>, path: &Path) -> Result<Vec<String>, Error> {
    let Some(j) = json else { return Ok(Vec::new()) };
    j.arr(path)?.iter().enumerate().map(|(i, f)| field(f, &path.index(i))).collect()
}

/// A JSON scalar as a value (arrays and objects are refused).
pub fn scalar(json: &Json, path: &Path) -> Result<Value, Error> {
    Ok(match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Num(n) => Value::Num(*n),
        Json::Str(s) => Value::str(s),
        other => {
            return Err(Error::unsupported(
                path,
                format!("{} as a value", other.kind()),
                "a number, string, boolean or null",
            ))
        }
    })
}

/// A required member of an object.
pub fn req<'a>(obj: &'a Json, key: &str, path: &Path) -> Result<&'a Json, Error> {
    obj.get(key).ok_or_else(|| Error::spec(path, format!("missing \"{key}\"")))
}

/// An `as` that is either one name or `[start, end]`; one name `n` means `[n, n_end]`.
pub fn as_pair(json: &Json, path: &Path) -> Result<(String, String), Error> {
    match json {
        Json::Str(s) => Ok((s.clone(), format!("{s}_end"))),
        Json::Arr(a) if a.len() == 2 => {
            Ok((a[0].str(&path.index(0))?.to_string(), a[1].str(&path.index(1))?.to_string()))
        }
        other => Err(Error::spec(path, format!("expected a field name or two names, found {}", other.kind()))),
    }
}

/// An optional `as` of exactly two field names, or `default`.
pub fn as_two(json: Option<&Json>, path: &Path, default: (&str, &str)) -> Result<(String, String), Error> {
    let Some(a) = json else { return Ok((default.0.to_string(), default.1.to_string())) };
    match a.arr(path)? {
        [p, v] => Ok((p.str(&path.index(0))?.to_string(), v.str(&path.index(1))?.to_string())),
        _ => Err(Error::spec(path, "expected two field names")),
    }
}

/// The fields of a generating transform's rows: the group fields, then the two `as` fields
/// (each once).
pub fn group_fields(groupby: &[String], as_: &(String, String)) -> Vec<String> {
    let mut out = groupby.to_vec();
    for f in [&as_.0, &as_.1] {
        if !out.contains(f) {
            out.push(f.clone());
        }
    }
    out
}

/// A row of `out` (made with [`group_fields`]) with the group's values and the two `as` values.
pub fn group_row(
    out: &Table,
    groupby: &[String],
    dims: &[Value],
    as_: &(String, String),
    a: Value,
    b: Value,
) -> Vec<Value> {
    let mut row = vec![Value::Null; out.fields.len()];
    for (g, d) in groupby.iter().zip(dims) {
        if let Some(i) = out.col(g) {
            row[i] = d.clone();
        }
    }
    if let Some(i) = out.col(&as_.0) {
        row[i] = a;
    }
    if let Some(i) = out.col(&as_.1) {
        row[i] = b;
    }
    row
}

/// One `{"field": ..., "order": ...}` of a window or stack `sort`.
#[derive(Debug, Clone, PartialEq)]
pub struct SortField {
    /// Table key of the field.
    pub field: String,
    /// True for `"order": "descending"`.
    pub descending: bool,
}

/// Reads a `sort` array of sort fields.
pub fn sort_fields(json: Option<&Json>, path: &Path) -> Result<Vec<SortField>, Error> {
    let Some(j) = json else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (i, s) in j.arr(path)?.iter().enumerate() {
        let p = path.index(i);
        crate::grammar::json::check_keys(s, &p, &["field", "order"], &[])?;
        let descending = match s.get("order") {
            None | Some(Json::Null) => false,
            Some(o) => match o.str(&p.key("order"))? {
                "ascending" => false,
                "descending" => true,
                other => {
                    return Err(Error::unsupported(&p.key("order"), format!("\"{other}\""), "ascending, descending"))
                }
            },
        };
        out.push(SortField { field: field(req(s, "field", &p)?, &p.key("field"))?, descending });
    }
    Ok(out)
}

/// Compares two rows by sort fields as Vega's comparator does (first difference decides).
pub fn compare_rows(a: &[Value], b: &[Value], sort: &[(Option<usize>, bool)]) -> Ordering {
    for (col, desc) in sort {
        let c = ascending(cell_ref(a, *col), cell_ref(b, *col));
        if c != Ordering::Equal {
            return if *desc { c.reverse() } else { c };
        }
    }
    Ordering::Equal
}

/// Rows grouped by the values of `cols`, groups in first-seen order, rows in input order.
pub fn partition(table: &Table, cols: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let k = group_key(cols.iter().map(|c| cell_ref(row, *c)));
        match index.get(&k) {
            Some(&g) => groups[g].push(r),
            None => {
                index.insert(k, groups.len());
                groups.push(vec![r]);
            }
        }
    }
    groups
}

/// Refuses an output of more than [`MAX_ROWS`] rows.
pub fn check_rows(n: usize, path: &Path, what: &str) -> Result<(), Error> {
    if n > MAX_ROWS {
        return Err(Error::Data {
            path: path.clone(),
            row: None,
            message: format!("{what} would make {n} rows (at most {MAX_ROWS})"),
        });
    }
    Ok(())
}

/// Vega-Lite's `varName`: every character but `[A-Za-z0-9_]` becomes `_`.
pub fn var_name(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn comparisons_follow_javascript() {
        assert!(js_lt(&Value::Null, &Value::Num(2.0))); // null < 2 is true in JavaScript
        assert!(!js_lt(&Value::str("abc"), &Value::Num(2.0)));
        assert!(!js_lt(&Value::str("10"), &Value::Num(9.0)));
        assert!(js_lt(&Value::str("10"), &Value::str("9")));
        assert!(strict_eq(&Value::Date(5.0), &Value::Num(5.0)));
        assert!(!strict_eq(&Value::str("3"), &Value::Num(3.0)));
        assert_eq!(ascending(&Value::Null, &Value::Num(-5.0)), Ordering::Less);
        assert_eq!(ascending(&Value::Num(f64::NAN), &Value::Num(-5.0)), Ordering::Less);
        assert_eq!(ascending(&Value::Num(2.0), &Value::Num(2.0)), Ordering::Equal);
        assert_eq!(var_name("_extent_0,-5"), "_extent_0__5");
    }
}
