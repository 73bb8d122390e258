//! Stacking as Vega-Lite applies it: which channel is stacked by default (bars, areas, arcs),
//! what splits the stack (colour, detail and the other non-positional fields) and the order
//! (descending by those fields for y, ascending for x, or `order`), with `zero`, `normalize`
//! and `center` offsets. Writes `<column>_start` and `<column>_end`.

use crate::grammar::encoding::{Channel, Encoding, FieldDef, FieldType};
use crate::grammar::mark::MarkType;
use crate::grammar::{Json, Table, Value};

use super::{number_of, Stacked, Unit};

/// The stack Vega-Lite applies by default: bars, areas and arcs with a quantitative channel
/// whose other channel is discrete or the same, and a colour (or detail) that splits them.
pub fn stack_of(u: &Unit) -> Option<Stacked> {
    let e = &u.encoding;
    let mark = u.mark.ty;
    // Arcs, and other marks placed by angle (text labels of a pie), stack along theta.
    let polar = e.get(Channel::Theta).is_some() && e.get(Channel::X).is_none() && e.get(Channel::Y).is_none();
    let (sc, other) = if mark == MarkType::Arc || polar {
        (Channel::Theta, None)
    } else {
        let x = e.get(Channel::X);
        let y = e.get(Channel::Y);
        let quant = |d: Option<&FieldDef>| {
            d.is_some_and(|d| {
                (d.ty == FieldType::Quantitative && d.bin.is_none() && d.field.is_some()) || d.aggregate.is_some()
            })
        };
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
    let mut v: Vec<&FieldDef> = [
        Channel::Color,
        Channel::Fill,
        Channel::Stroke,
        Channel::Opacity,
        Channel::Size,
        Channel::Shape,
        Channel::StrokeDash,
    ]
    .iter()
    .filter_map(|c| e.get(*c))
    .filter(|d| d.field.is_some() && d.aggregate.is_none())
    .collect();
    v.extend(e.detail.iter().filter(|d| d.field.is_some()));
    v
}

/// Adds `<column>_start` and `<column>_end`, stacking within each position of the other axis.
pub(super) fn stack_rows(u: &Unit, s: &Stacked, t: &mut Table) {
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
    let order_cols: Vec<(usize, bool)> = e
        .order
        .iter()
        .filter_map(|d| {
            d.column().and_then(|c| t.col(&c)).map(|c| (c, d.sort == crate::grammar::encoding::Sort::Descending))
        })
        .collect();
    let descending = s.channel == Channel::Y;
    let vc = t.col(&s.column);
    let cs = t.field_index_or_add(&format!("{}_start", s.column));
    let ce = t.field_index_or_add(&format!("{}_end", s.column));
    let mut groups: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let k: String = group_cols.iter().map(|&c| r[c].key()).collect::<Vec<_>>().join("\u{1}");
        groups
            .entry(k.clone())
            .or_insert_with(|| {
                order.push(k.clone());
                Vec::new()
            })
            .push(i);
    }
    for k in order {
        let mut idx = groups.remove(&k).unwrap_or_default();
        crate::order::sort_by(&mut idx, |&a, &b| {
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
