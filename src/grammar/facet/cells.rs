//! A facet's panels: the distinct values (or pairs) found in the data, sorted as the fields
//! say (ascending by default, nulls last; a row/column grid keeps its empty cells, as
//! Vega-Lite draws them), at most [`super::MAX_PANELS`], and each panel's header text.

use super::{Facet, MAX_PANELS};
use crate::error::{Error, Path};
use crate::grammar::encoding::Sort;
use crate::grammar::guide::format::format_value;
use crate::grammar::Value;

/// One panel's place and values.
#[derive(Debug, Clone, PartialEq)]
pub struct CellKey {
    /// Row of the natural grid (0 for a wrapped facet, whose position depends on the width).
    pub row: usize,
    /// Column of the natural grid (the index among panels for a wrapped facet).
    pub col: usize,
    /// Each facet field with this panel's value, in [`Facet::fields`] order.
    pub values: Vec<Value>,
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
/// draws them).
pub fn cells(f: &Facet, found: &[Vec<Value>], path: &Path) -> Result<Vec<CellKey>, Error> {
    let fields = f.fields();
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
        distinct(0).into_iter().enumerate().map(|(i, v)| CellKey { row: 0, col: i, values: vec![v] }).collect()
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
                out.push(CellKey { row: r, col: c, values });
            }
        }
        out
    };
    if out.len() > MAX_PANELS {
        return Err(Error::spec(path, format!("{} panels: at most {MAX_PANELS} can be drawn readably", out.len())));
    }
    Ok(out)
}

/// A panel's header: its values as the fields' types write them ("not reported" for none).
pub fn header(f: &Facet, key: &CellKey, loc: crate::grammar::format::Locale) -> String {
    f.fields()
        .iter()
        .zip(&key.values)
        .filter(|(ff, _)| ff.labels)
        .map(|(ff, v)| match v {
            Value::Null => crate::grammar::words::pick(loc, "not reported", "未报告").to_string(),
            v => format_value(&ff.def, v, loc),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
