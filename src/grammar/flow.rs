//! The data flow of one unit: its data loaded and parsed, the spec's transforms run, then what
//! the encoding implies, in Vega-Lite's order: `timeUnit` and `bin` columns, the `aggregate`
//! (grouped by every other encoded field), and the `stack`. The result is the table the mark
//! draws, one row per mark (or per point of a line).

use crate::error::{Error, Path};
use crate::grammar::data::{self, DataDef, Parse, Problem};
use crate::grammar::encoding::{Bin, Channel, FieldDef, FieldType};
use crate::grammar::mark::{MarkDef, MarkType};
use crate::grammar::spec::{Body, View};
use crate::grammar::transform::ops::Op;
use crate::grammar::transform::{Sources, Transform};
use crate::grammar::encoding::Encoding;
use crate::grammar::{Json, Table, Value};

/// One mark of the spec with everything it inherits from its layers.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The view's path.
    pub path: Path,
    /// The mark.
    pub mark: MarkDef,
    /// Its channels (the parents' merged in).
    pub encoding: Encoding,
    /// Its data (own or inherited) and the path where it was given.
    pub data: Option<(DataDef, Path)>,
    /// Parents' transforms, then its own.
    pub transforms: Vec<(Transform, Path)>,
}

/// Flattens layers into units, in drawing order.
pub fn units(root: &View) -> Vec<Unit> {
    let mut out = Vec::new();
    walk(root, None, &[], &Encoding::default(), &mut out);
    out
}

fn walk(v: &View, data: Option<&(DataDef, Path)>, tf: &[(Transform, Path)], enc: &Encoding, out: &mut Vec<Unit>) {
    let own = v.data.clone().map(|d| (d, v.path.key("data")));
    let data = own.as_ref().or(data);
    let mut transforms = tf.to_vec();
    transforms.extend(v.transforms.iter().cloned());
    let encoding = enc.merged(&v.encoding);
    match &v.body {
        Body::Unit(m) => out.push(Unit { path: v.path.clone(), mark: m.clone(), encoding, data: data.cloned(), transforms }),
        Body::Layer(children) => {
            for c in children {
                walk(c, data, &transforms, &encoding, out);
            }
        }
    }
}

/// Where a stack goes: the stacked channel, the column it sums, and the offset.
#[derive(Debug, Clone, PartialEq)]
pub struct Stacked {
    /// `X` or `Y` (or `Theta` for pies).
    pub channel: Channel,
    /// The summed column.
    pub column: String,
    /// `zero`, `normalize` or `center`.
    pub offset: String,
}

/// A unit's rows after the data flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flowed {
    /// The rows the mark draws.
    pub table: Table,
    /// The stack applied, if any.
    pub stack: Option<Stacked>,
    /// Cells that did not parse (row, field), kept as Vega keeps them (null or NaN).
    pub problems: Vec<Problem>,
    /// Rows removed because a continuous position they need is missing (Vega-Lite's
    /// `invalid: "filter"`), reported under the chart, never silently.
    pub dropped: usize,
}

/// Removes rows whose continuous `x`, `y`, `theta` or `radius` is missing or not a number
/// (lines and areas keep them and break instead). Returns how many.
fn filter_invalid(u: &Unit, t: &mut Table) -> usize {
    if matches!(u.mark.ty, MarkType::Line | MarkType::Area) {
        return 0;
    }
    let cols: Vec<usize> = [Channel::X, Channel::Y, Channel::Theta, Channel::Radius]
        .iter()
        .filter_map(|c| u.encoding.get(*c))
        .filter(|d| !d.ty.is_discrete() && d.datum.is_none())
        .filter_map(|d| d.column())
        .filter_map(|c| t.col(&c))
        .collect();
    if cols.is_empty() {
        return 0;
    }
    let before = t.rows.len();
    t.rows.retain(|r| cols.iter().all(|&c| match &r[c] {
        Value::Num(n) | Value::Date(n) => n.is_finite(),
        v @ Value::Str(s) => number_of(v).is_some() || crate::grammar::format::date::parse_date(s).is_some(),
        Value::Bool(_) => true,
        Value::Null => false,
    }));
    before - t.rows.len()
}

/// Every field definition of an encoding, with its channel.
pub fn defs(e: &Encoding) -> Vec<(Channel, &FieldDef)> {
    let mut v: Vec<(Channel, &FieldDef)> = e.channels.iter().map(|(c, d)| (*c, d)).collect();
    v.extend(e.detail.iter().map(|d| (Channel::Detail, d)));
    v.extend(e.order.iter().map(|d| (Channel::Order, d)));
    if let Some(t) = &e.tooltip {
        v.extend(t.iter().map(|d| (Channel::Tooltip, d)));
    }
    v
}

/// Runs the unit's data flow. `url_text` gives the fetched text of a `data.url`, or why it
/// could not be fetched.
pub fn run(u: &Unit, url_text: &dyn Fn(&str) -> Result<String, String>, sources: &dyn Sources) -> Result<Flowed, Error> {
    let (def, dpath) = u.data.as_ref().ok_or_else(|| Error::spec(&u.path, "no data: give \"data\" here or on a parent"))?;
    // Dates for temporal fields, as Vega-Lite does; quantitative text is read as a number where
    // it is used (Vega's `+v`), see [`number_of`].
    let mut implicit: Vec<(String, Parse)> = Vec::new();
    for (_, d) in defs(&u.encoding) {
        let Some(f) = &d.field else { continue };
        if d.ty == FieldType::Temporal || d.time_unit.is_some() {
            implicit.push((f.clone(), Parse::Date(None, false)));
        }
    }
    let text = match &def.source {
        data::Source::Url(url) => Some(url_text(url).map_err(|why| Error::Data {
            path: dpath.key("url"),
            row: None,
            message: format!("\"{url}\" could not be loaded ({why})"),
        })?),
        _ => None,
    };
    let loaded = data::load(def, dpath, text.as_deref(), &implicit)?;
    let mut table = loaded.table;
    for (t, _) in &u.transforms {
        table = t.run(table, sources)?;
    }
    derive(u, &mut table)?;
    let dropped = filter_invalid(u, &mut table);
    let stack = stack_of(u);
    if let Some(s) = &stack {
        stack_rows(u, s, &mut table);
    }
    Ok(Flowed { table, stack, problems: loaded.problems, dropped })
}

/// Adds `timeUnit` and `bin` columns, then aggregates.
fn derive(u: &Unit, t: &mut Table) -> Result<(), Error> {
    let all = defs(&u.encoding);
    for (ch, d) in &all {
        let (Some(f), None) = (&d.field, d.aggregate) else { continue };
        if let Some(tu) = &d.time_unit {
            let out = d.column().unwrap_or_default();
            let src = t.col(f);
            let c = t.field_index_or_add(&out);
            // On a time axis a unit is a span: Vega-Lite adds its end.
            let end = (matches!(ch, Channel::X | Channel::Y) && d.ty == FieldType::Temporal).then(|| t.field_index_or_add(&format!("{out}_end")));
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
            let (start, stop, step) = if vals.is_empty() {
                (0.0, 0.0, 1.0)
            } else {
                crate::grammar::transform::bin::bins((lo, hi), params)
                    .map_err(|m| Error::spec(&d.path.key("bin"), m))?
            };
            let (cs, ce) = (t.field_index_or_add(&d.column().unwrap_or_default()), t.field_index_or_add(&d.bin_end().unwrap_or_default()));
            for r in &mut t.rows {
                let v = src.and_then(|s| r[s].finite());
                match v {
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
    if (r - v).abs() < 1e-9 * v.abs().max(1.0) { r } else { v }
}

/// A number from a value as Vega reads one where it needs a number (`+v`: text is parsed,
/// booleans are 0 or 1); `None` for null and for what is not a finite number.
pub fn number_of(v: &Value) -> Option<f64> {
    match v {
        // Deliberately unlike `+""` (0): an empty cell is a value not reported, never zero.
        Value::Str(s) if s.trim().is_empty() => None,
        Value::Str(s) => Some(crate::grammar::data::js_to_number(s)).filter(|n| n.is_finite()),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        other => other.finite(),
    }
}

/// A date from a value (dates, numbers as ms, text read as a date).
pub fn date_of(v: &Value) -> Option<f64> {
    match v {
        Value::Date(ms) | Value::Num(ms) if ms.is_finite() => Some(*ms),
        Value::Str(s) => crate::grammar::format::date::parse_date(s),
        _ => None,
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
            let tu_end = d.time_unit.as_ref().and(d.column()).map(|c| format!("{c}_end")).filter(|c| t.col(c).is_some());
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

/// The stack Vega-Lite applies by default: bars, areas and arcs with a quantitative channel
/// whose other channel is discrete or the same, and a colour (or detail) that splits them.
pub fn stack_of(u: &Unit) -> Option<Stacked> {
    let e = &u.encoding;
    let mark = u.mark.ty;
    let (sc, other) = if mark == MarkType::Arc {
        (Channel::Theta, None)
    } else {
        let x = e.get(Channel::X);
        let y = e.get(Channel::Y);
        let quant = |d: Option<&FieldDef>| d.is_some_and(|d| (d.ty == FieldType::Quantitative && d.bin.is_none() && d.field.is_some()) || d.aggregate.is_some());
        let xq = quant(x) && e.get(Channel::X2).is_none();
        let yq = quant(y) && e.get(Channel::Y2).is_none();
        let orient_h = u.mark.text("orient").ok().flatten().as_deref() == Some("horizontal");
        match (xq, yq) {
            (true, false) => (Channel::X, y),
            (false, true) => (Channel::Y, x),
            (true, true) if orient_h => (Channel::X, y),
            (true, true) => (Channel::Y, x),
            _ => return None,
        }
    };
    let d = e.get(sc)?;
    let explicit = d.stack.clone();
    if let Some(None) = explicit {
        return None;
    }
    let default_on = matches!(mark, MarkType::Bar | MarkType::Area | MarkType::Arc)
        && !matches!(d.scale.as_ref().and_then(|s| s.get("type")), Some(Json::Str(t)) if t == "log");
    let _ = other;
    if explicit.is_none() && !default_on {
        return None;
    }
    Some(Stacked { channel: sc, column: d.column()?, offset: explicit.flatten().unwrap_or_else(|| "zero".into()) })
}

fn stack_by(e: &Encoding) -> Vec<&FieldDef> {
    let mut v: Vec<&FieldDef> = [Channel::Color, Channel::Fill, Channel::Stroke, Channel::Opacity, Channel::Size, Channel::Shape, Channel::StrokeDash]
        .iter()
        .filter_map(|c| e.get(*c))
        .filter(|d| d.field.is_some() && d.aggregate.is_none())
        .collect();
    v.extend(e.detail.iter().filter(|d| d.field.is_some()));
    v
}

/// Adds `<column>_start` and `<column>_end`, stacking within each position of the other axis.
fn stack_rows(u: &Unit, s: &Stacked, t: &mut Table) {
    let e = &u.encoding;
    let other = match s.channel {
        Channel::X => e.get(Channel::Y),
        Channel::Y => e.get(Channel::X),
        _ => None,
    };
    let offset = match s.channel {
        Channel::X => e.get(Channel::YOffset),
        Channel::Y => e.get(Channel::XOffset),
        _ => None,
    };
    let group_cols: Vec<usize> = other
        .into_iter()
        .chain(offset)
        .flat_map(|d| [d.column(), d.bin_end()])
        .flatten()
        .filter_map(|c| t.col(&c))
        .collect();
    let by_cols: Vec<usize> = stack_by(e).iter().filter_map(|d| d.column()).filter_map(|c| t.col(&c)).collect();
    let order_cols: Vec<(usize, bool)> = e.order.iter().filter_map(|d| d.column().and_then(|c| t.col(&c)).map(|c| (c, d.sort == crate::grammar::encoding::Sort::Descending))).collect();
    let descending = s.channel == Channel::Y;
    let vc = t.col(&s.column);
    let cs = t.field_index_or_add(&format!("{}_start", s.column));
    let ce = t.field_index_or_add(&format!("{}_end", s.column));
    let mut groups: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let k: String = group_cols.iter().map(|&c| r[c].key()).collect::<Vec<_>>().join("\u{1}");
        groups.entry(k.clone()).or_insert_with(|| {
            order.push(k.clone());
            Vec::new()
        }).push(i);
    }
    for k in order {
        let mut idx = groups.remove(&k).unwrap_or_default();
        idx.sort_by(|&a, &b| {
            let (ra, rb) = (&t.rows[a], &t.rows[b]);
            if !order_cols.is_empty() {
                for &(c, desc) in &order_cols {
                    let o = ra[c].cmp_total(&rb[c]);
                    let o = if desc { o.reverse() } else { o };
                    if o.is_ne() {
                        return o;
                    }
                }
                return std::cmp::Ordering::Equal;
            }
            for &c in &by_cols {
                let o = ra[c].cmp_total(&rb[c]);
                let o = if descending { o.reverse() } else { o };
                if o.is_ne() {
                    return o;
                }
            }
            std::cmp::Ordering::Equal
        });
        let vals: Vec<Option<f64>> = idx.iter().map(|&i| vc.and_then(|c| number_of(&t.rows[i][c]))).collect();
        let total: f64 = vals.iter().flatten().map(|v| v.abs()).sum();
        let (mut pos, mut neg) = (0.0, 0.0);
        let start = match s.offset.as_str() {
            "center" => -total / 2.0,
            _ => 0.0,
        };
        if s.offset == "center" {
            pos = start;
        }
        for (i, v) in idx.into_iter().zip(vals) {
            match v {
                Some(v) => {
                    let (a, b) = if s.offset == "center" || s.offset == "normalize" {
                        let a = pos;
                        pos += v.abs();
                        (a, pos)
                    } else if v < 0.0 {
                        let a = neg;
                        neg += v;
                        (a, neg)
                    } else {
                        let a = pos;
                        pos += v;
                        (a, pos)
                    };
                    let (a, b) = if s.offset == "normalize" && total > 0.0 { (a / total, b / total) } else { (a, b) };
                    t.rows[i][cs] = Value::Num(a);
                    t.rows[i][ce] = Value::Num(b);
                }
                None => {
                    t.rows[i][cs] = Value::Null;
                    t.rows[i][ce] = Value::Null;
                }
            }
        }
    }
}
