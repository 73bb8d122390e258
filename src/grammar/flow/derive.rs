//! The columns an encoding implies before the mark reads them: `timeUnit` (with the unit's end
//! on a time axis), `bin` (start and end, Vega's bin algorithm) and the `aggregate`, grouped by
//! every other encoded field, named as Vega-Lite names them.

use crate::error::Error;
use crate::grammar::encoding::{Bin, Channel, FieldDef, FieldType};
use crate::grammar::transform::ops::Op;
use crate::grammar::{Table, Value};

use super::{date_of, defs, Unit};

/// Adds `timeUnit` and `bin` columns, then aggregates.
pub(super) fn derive(u: &Unit, t: &mut Table) -> Result<(), Error> {
    let all = defs(&u.encoding);
    for (ch, d) in &all {
        let (Some(f), None) = (&d.field, d.aggregate) else { continue };
        if let Some(tu) = &d.time_unit {
            let out = d.column().unwrap_or_default();
            let src = t.col(f);
            let c = t.field_index_or_add(&out);
            // On a time axis a unit is a span: Vega-Lite adds its end.
            let end = (matches!(ch, Channel::X | Channel::Y) && d.ty == FieldType::Temporal)
                .then(|| t.field_index_or_add(&format!("{out}_end")));
            for r in &mut t.rows {
                let v = src.map(|s| r[s].clone()).unwrap_or(Value::Null);
                let floored = date_of(&v).map(|ms| tu.floor(ms));
                r[c] = floored.map(Value::Date).unwrap_or(Value::Null);
                if let Some(e) = end {
                    r[e] = floored.map(|ms| Value::Date(tu.step_end(ms))).unwrap_or(Value::Null);
                }
            }
        }
        if let Some(Bin::Bin { params, .. }) = &d.bin {
            let src = t.col(f);
            let vals: Vec<f64> = src.map(|s| t.rows.iter().filter_map(|r| r[s].finite()).collect()).unwrap_or_default();
            let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            // An explicit extent (given, or the whole facet's) over the rows' own.
            let (start, stop, step) = if vals.is_empty() {
                (0.0, 0.0, 1.0)
            } else {
                crate::grammar::transform::bin::bins(params.extent.unwrap_or((lo, hi)), params)
                    .map_err(|m| Error::spec(&d.path.key("bin"), m))?
            };
            let (cs, ce) = (
                t.field_index_or_add(&d.column().unwrap_or_default()),
                t.field_index_or_add(&d.bin_end().unwrap_or_default()),
            );
            for r in &mut t.rows {
                let v = src.and_then(|s| r[s].finite());
                match v {
                    // Outside an explicit extent: Vega's -Infinity / +Infinity (not drawn).
                    Some(x) if step > 0.0 && (x < start || x > stop) => {
                        let (b0, b1) = crate::grammar::transform::bin::bin_of(x, (start, stop, step));
                        r[cs] = Value::Num(b0);
                        r[ce] = Value::Num(b1);
                    }
                    Some(x) if step > 0.0 => {
                        let k = ((x - start) / step).floor().max(0.0);
                        let mut b0 = start + k * step;
                        if b0 >= stop - step * 1e-9 && x <= stop {
                            b0 = stop - step;
                        }
                        r[cs] = Value::Num(round_bin(b0));
                        r[ce] = Value::Num(round_bin(b0 + step));
                    }
                    _ => {
                        r[cs] = Value::Null;
                        r[ce] = Value::Null;
                    }
                }
            }
        }
    }
    if all.iter().any(|(_, d)| d.aggregate.is_some()) {
        aggregate(&all, t);
    }
    Ok(())
}

fn round_bin(v: f64) -> f64 {
    let r = (v * 1e12).round() / 1e12;
    if (r - v).abs() < 1e-9 * v.abs().max(1.0) {
        r
    } else {
        v
    }
}

/// Groups by every non-aggregated encoded column and computes each aggregate.
fn aggregate(all: &[(Channel, &FieldDef)], t: &mut Table) {
    let mut keys: Vec<String> = Vec::new();
    let mut measures: Vec<(String, Op, Option<String>)> = Vec::new();
    for (_, d) in all {
        if let Some(op) = d.aggregate {
            let out = d.column().unwrap_or_default();
            if !measures.iter().any(|m| m.0 == out) {
                measures.push((out, op, d.field.clone()));
            }
        } else if d.field.is_some() {
            let tu_end =
                d.time_unit.as_ref().and(d.column()).map(|c| format!("{c}_end")).filter(|c| t.col(c).is_some());
            for k in [d.column(), d.bin_end(), tu_end].into_iter().flatten() {
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
    }
    let kcols: Vec<Option<usize>> = keys.iter().map(|k| t.col(k)).collect();
    let mcols: Vec<Option<usize>> = measures.iter().map(|m| m.2.as_ref().and_then(|f| t.col(f))).collect();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut groups: Vec<(Vec<Value>, Vec<usize>)> = Vec::new();
    for (ri, r) in t.rows.iter().enumerate() {
        let kv: Vec<Value> = kcols.iter().map(|c| c.map(|c| r[c].clone()).unwrap_or(Value::Null)).collect();
        let key: String = kv.iter().map(|v| v.key()).collect::<Vec<_>>().join("\u{1}");
        let g = *index.entry(key).or_insert_with(|| {
            groups.push((kv, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(ri);
    }
    let mut fields = keys.clone();
    fields.extend(measures.iter().map(|m| m.0.clone()));
    let mut rows = Vec::with_capacity(groups.len());
    for (kv, members) in groups {
        let mut row = kv;
        for (m, c) in measures.iter().zip(&mcols) {
            let vals: Vec<Value> = match c {
                Some(c) => members.iter().map(|&i| t.rows[i][*c].clone()).collect(),
                None => members.iter().map(|_| Value::Num(1.0)).collect(),
            };
            row.push(m.1.compute(&vals));
        }
        rows.push(row);
    }
    *t = Table { fields, rows };
}
