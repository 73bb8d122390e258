//! A facet's panels: the distinct values (or pairs) found in the data, sorted as the fields
//! say (ascending by default, nulls last; a row/column grid keeps its empty cells, as
//! Vega-Lite draws them), at most [`super::MAX_PANELS`], and each panel's header text: the
//! value as its field writes it, a time unit's as a date of that unit ("2021" for a year), a
//! bin's as its range, "0 – 10", as Vega-Lite writes bin headers.

use super::{Facet, FacetField, MAX_PANELS};
use crate::error::{Error, Path};
use crate::grammar::encoding::Sort;
use crate::grammar::format::number::NumberFormat;
use crate::grammar::format::Locale;
use crate::grammar::guide::format::format_value;
use crate::grammar::value::js_number;
use crate::grammar::Value;

/// One panel's place and values.
#[derive(Debug, Clone, PartialEq)]
pub struct CellKey {
    /// Row of the natural grid (0 for a wrapped facet, whose position depends on the width).
    pub row: usize,
    /// Column of the natural grid (the index among panels for a wrapped facet).
    pub col: usize,
    /// Each facet field with this panel's value, in [`Facet::fields`] order (a binned field's
    /// bin start).
    pub values: Vec<Value>,
    /// For a binned field, its bin's end (`None` for fields that are not binned).
    pub ends: Vec<Option<Value>>,
}

/// Sorts distinct values as the field's `sort` says (ascending by default; nulls last).
fn sorted(mut vals: Vec<Value>, sort: &Sort) -> Vec<Value> {
    let asc = |a: &Value, b: &Value| match (a, b) {
        (Value::Null, Value::Null) => std::cmp::Ordering::Equal,
        (Value::Null, _) => std::cmp::Ordering::Greater,
        (_, Value::Null) => std::cmp::Ordering::Less,
        _ => a.cmp_total(b),
    };
    match sort {
        Sort::None => {}
        Sort::Descending => crate::order::sort_by(&mut vals, |a, b| asc(b, a)),
        Sort::Values(order) => {
            let rank = |v: &Value| order.iter().position(|o| o == v).unwrap_or(order.len());
            crate::order::sort_by(&mut vals, |a, b| rank(a).cmp(&rank(b)).then_with(|| asc(a, b)));
        }
        _ => crate::order::sort_by(&mut vals, asc),
    }
    vals
}

/// The panels, in reading order, from the distinct combinations found in the data: a wrapped
/// facet has one per value; a row/column grid one per pair (empty cells included, as Vega-Lite
/// draws them). Each combination lists the fields' values, then (optionally) each field's bin
/// end, `Null` for a field that is not binned.
pub fn cells(f: &Facet, found: &[Vec<Value>], path: &Path) -> Result<Vec<CellKey>, Error> {
    let fields = f.fields();
    let n = fields.len();
    // A bin's end, by its start.
    let end_of = |i: usize, v: &Value| -> Option<Value> {
        found.iter().find(|k| k[i] == *v).and_then(|k| k.get(n + i)).filter(|e| !matches!(e, Value::Null)).cloned()
    };
    let ends = |values: &[Value]| -> Vec<Option<Value>> {
        let idx: Vec<usize> = match (&f.wrap, &f.row, &f.column) {
            (Some(_), ..) => vec![0],
            (None, r, c) => (0..usize::from(r.is_some()) + usize::from(c.is_some())).collect(),
        };
        idx.iter().zip(values).map(|(&i, v)| end_of(i, v)).collect()
    };
    let distinct = |i: usize| {
        let mut v: Vec<Value> = Vec::new();
        for k in found {
            if !v.contains(&k[i]) {
                v.push(k[i].clone());
            }
        }
        sorted(v, &fields[i].def.sort)
    };
    let out: Vec<CellKey> = if f.wrap.is_some() {
        distinct(0)
            .into_iter()
            .enumerate()
            .map(|(i, v)| CellKey { row: 0, col: i, ends: ends(std::slice::from_ref(&v)), values: vec![v] })
            .collect()
    } else {
        let rows = if f.row.is_some() { distinct(0) } else { vec![Value::Null] };
        let cols = if f.column.is_some() { distinct(usize::from(f.row.is_some())) } else { vec![Value::Null] };
        let mut out = Vec::new();
        for (r, rv) in rows.iter().enumerate() {
            for (c, cv) in cols.iter().enumerate() {
                let mut values = Vec::new();
                if f.row.is_some() {
                    values.push(rv.clone());
                }
                if f.column.is_some() {
                    values.push(cv.clone());
                }
                out.push(CellKey { row: r, col: c, ends: ends(&values), values });
            }
        }
        out
    };
    if out.len() > MAX_PANELS {
        return Err(Error::spec(path, format!("{} panels: at most {MAX_PANELS} can be drawn readably", out.len())));
    }
    Ok(out)
}

/// A panel's header: its values as the fields' types write them ("not reported" for none),
/// or as their `labelExpr` says (given `datum.value` and that text as `datum.label`).
pub fn header(f: &Facet, key: &CellKey, loc: Locale) -> String {
    (0..f.fields().len()).filter_map(|i| field_header(f, i, key, loc)).collect::<Vec<_>>().join(" · ")
}

/// What the header of facet field `i` (in [`Facet::fields`] order) says for the panel `key`;
/// `None` when that field's labels are off.
pub fn field_header(f: &Facet, i: usize, key: &CellKey, loc: Locale) -> Option<String> {
    let ff = *f.fields().get(i)?;
    if !ff.labels {
        return None;
    }
    let text = label(ff, &key.values[i], key.ends.get(i).and_then(|e| e.as_ref()), loc);
    Some(match &ff.label_expr {
        Some(e) => {
            let names = ["value".to_string(), "label".to_string()];
            let values = [key.values[i].clone(), Value::str(&text)];
            match e.eval(&(&names[..], &values[..])) {
                Value::Null => String::new(),
                v => v.to_text(),
            }
        }
        None => text,
    })
}

/// One field's value as a header writes it: a bin as "start – end" (its numbers as
/// Vega-Lite's `format(v, "")` writes them, unless the field has a `format`), anything else
/// as its type and time unit write it; "not reported" for none.
pub fn label(ff: &FacetField, v: &Value, end: Option<&Value>, loc: Locale) -> String {
    match (v, end) {
        (Value::Null, _) => crate::grammar::words::pick(loc, "not reported", "未报告").to_string(),
        (Value::Num(a), Some(Value::Num(b))) => {
            let spec = ff.def.format.as_deref().unwrap_or("");
            match NumberFormat::parse(spec) {
                Ok(nf) => format!("{} \u{2013} {}", nf.format(*a, loc), nf.format(*b, loc)),
                Err(_) => format!("{} \u{2013} {}", js_number(*a), js_number(*b)),
            }
        }
        (v, _) => format_value(&ff.def, v, loc),
    }
}
