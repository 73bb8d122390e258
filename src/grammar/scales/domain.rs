//! A scale's domain: the spec's `domain` (or `domainMin`/`domainMax`), else the union of the
//! values every unit encodes on the channel (stacks give their starts and ends, bins their
//! edges, time-unit bars their ends), ordered by `sort` for discrete scales.

use crate::error::{Error, Path};
use crate::grammar::encoding::{Bin, Channel, FieldDef, FieldType, Sort};
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::mark::MarkType;
use crate::grammar::scale::{Domain, ScaleType};
use crate::grammar::transform::ops::Op;
use crate::grammar::{Json, Value};

fn value_of_json(j: &Json, p: &Path, temporal: bool) -> Result<Value, Error> {
    Ok(match j {
        Json::Num(n) => {
            if temporal {
                Value::Date(*n)
            } else {
                Value::Num(*n)
            }
        }
        Json::Str(s) if temporal => Value::Date(
            crate::grammar::format::date::parse_date(s)
                .ok_or_else(|| Error::spec(p, format!("\"{s}\" is not a date")))?,
        ),
        Json::Str(s) => Value::str(s),
        Json::Bool(b) => Value::Bool(*b),
        Json::Null => Value::Null,
        Json::Obj(_) => {
            return Err(Error::unsupported(p, j.to_text(), "a value (date-time objects are not supported yet)"))
        }
        Json::Arr(_) => return Err(Error::spec(p, "expected a value")),
    })
}

/// Columns a channel's values come from in a unit (stacks replace the summed column).
fn columns(u: &Unit, f: &Flowed, c: Channel, d: &FieldDef) -> Vec<String> {
    if let Some(s) = &f.stack {
        if s.channel == c {
            return vec![format!("{}_start", s.column), format!("{}_end", s.column)];
        }
    }
    let mut cols: Vec<String> = [d.column(), d.bin_end()].into_iter().flatten().collect();
    // Bars and rects of a time unit span to its end (Vega-Lite's domain does too).
    if d.time_unit.is_some() && matches!(u.mark.ty, MarkType::Bar | MarkType::Rect) {
        if let Some(c) = d.column() {
            cols.push(format!("{c}_end"));
        }
    }
    cols
}

pub(super) fn domain_of(
    ch: Channel,
    ty: ScaleType,
    def: &FieldDef,
    uses: &[(usize, Channel, &FieldDef)],
    units: &[(Unit, Flowed)],
    sj: &Json,
    sp: &Path,
) -> Result<Domain, Error> {
    let temporal = def.ty == FieldType::Temporal;
    if let Some(d) = sj.get("domain") {
        let dp = sp.key("domain");
        if let Json::Str(s) = d {
            if s != "unaggregated" {
                return Err(Error::unsupported(&dp, format!("\"{s}\""), "an array of values"));
            }
        } else {
            let vals: Vec<Value> = d
                .arr(&dp)?
                .iter()
                .enumerate()
                .map(|(i, v)| value_of_json(v, &dp.index(i), temporal))
                .collect::<Result<_, _>>()?;
            if ty.is_continuous() {
                let nums: Vec<f64> = vals.iter().filter_map(|v| v.finite()).collect();
                if nums.len() != 2 || vals.len() != 2 {
                    return Err(Error::spec(&dp, "a continuous domain is [min, max]"));
                }
                return Ok(Domain::Continuous(nums[0], nums[1]));
            }
            if ty == ScaleType::Threshold {
                return Ok(Domain::Thresholds(vals.iter().filter_map(|v| v.finite()).collect()));
            }
            return Ok(Domain::Discrete(vals));
        }
    }
    let mut values: Vec<Value> = Vec::new();
    for (i, c, d) in uses {
        let (u, f) = &units[*i];
        if let Some(v) = &d.datum {
            values.push(if temporal {
                crate::grammar::flow::date_of(v).map(Value::Date).unwrap_or(Value::Null)
            } else {
                v.clone()
            });
            continue;
        }
        for col in columns(u, f, *c, d) {
            if let Some(ci) = f.table.col(&col) {
                values.extend(f.table.rows.iter().map(|r| r[ci].clone()));
            }
        }
    }
    if ty.is_continuous() || matches!(ty, ScaleType::Quantize) {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for v in &values {
            let x = if temporal { crate::grammar::flow::date_of(v) } else { crate::grammar::flow::number_of(v) };
            if let Some(x) = x {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
        // A bin over a fixed extent (given, or a facet's) spans its bins, as Vega-Lite's
        // domain from the bins' start and stop does, whatever values fell in them.
        for (_, _, d) in uses {
            if let Some(Bin::Bin { params, .. }) = &d.bin {
                if let Some(Ok((start, stop, _))) =
                    params.extent.map(|e| crate::grammar::transform::bin::bins(e, params))
                {
                    lo = lo.min(start);
                    hi = hi.max(stop);
                }
            }
        }
        if let Some(m) = sj.get("domainMin") {
            lo = m.num(&sp.key("domainMin"))?;
        }
        if let Some(m) = sj.get("domainMax") {
            hi = m.num(&sp.key("domainMax"))?;
        }
        if !lo.is_finite() || !hi.is_finite() {
            return Ok(Domain::Continuous(0.0, 0.0));
        }
        return Ok(Domain::Continuous(lo, hi));
    }
    if ty == ScaleType::Quantile {
        return Ok(Domain::Samples(values.iter().filter_map(|v| v.finite()).collect()));
    }
    // Discrete: unique values, ordered as `sort` says.
    let mut uniq: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for v in values {
        // Vega's discrete domains keep null (as a value of its own) but not NaN.
        if matches!(v, Value::Num(n) | Value::Date(n) if n.is_nan()) {
            continue;
        }
        if seen.insert(v.key()) {
            uniq.push(v);
        }
    }
    match &def.sort {
        Sort::Ascending => crate::order::sort_by(&mut uniq, |a, b| a.cmp_total(b)),
        Sort::Descending => crate::order::sort_by(&mut uniq, |a, b| b.cmp_total(a)),
        Sort::None => {}
        Sort::Values(list) => {
            let mut head: Vec<Value> =
                list.iter().filter(|v| uniq.iter().any(|u| u.key() == v.key())).cloned().collect();
            let mut rest: Vec<Value> =
                uniq.iter().filter(|u| !list.iter().any(|v| v.key() == u.key())).cloned().collect();
            crate::order::sort_by(&mut rest, |a, b| a.cmp_total(b));
            head.extend(rest);
            uniq = head;
        }
        Sort::ByChannel(by, desc) => {
            let (u, f) = &units[uses[0].0];
            let other = u.encoding.get(*by);
            let stacked = f.stack.as_ref().is_some_and(|s| s.channel == *by);
            let op = match other.and_then(|d| d.aggregate) {
                _ if stacked => Op::Sum,
                Some(op) => op,
                None => Op::parse("min").unwrap_or(Op::Sum),
            };
            let col = other.and_then(|d| d.column());
            sort_by_measure(&mut uniq, f, def, col.as_deref(), op, *desc);
        }
        Sort::ByField { field, op, descending } => {
            let (_, f) = &units[uses[0].0];
            sort_by_measure(&mut uniq, f, def, field.as_deref(), *op, *descending);
        }
    }
    let _ = ch;
    Ok(Domain::Discrete(uniq))
}

fn sort_by_measure(uniq: &mut [Value], f: &Flowed, def: &FieldDef, col: Option<&str>, op: Op, desc: bool) {
    let key_col = def.column().and_then(|c| f.table.col(&c));
    let val_col = col.and_then(|c| f.table.col(c));
    let measure = |v: &Value| -> f64 {
        let vals: Vec<Value> = match key_col {
            Some(k) => f
                .table
                .rows
                .iter()
                .filter(|r| r[k].key() == v.key())
                .map(|r| val_col.map(|c| r[c].clone()).unwrap_or(Value::Num(1.0)))
                .collect(),
            None => Vec::new(),
        };
        op.compute(&vals).finite().unwrap_or(f64::NAN)
    };
    let mut keyed: Vec<(f64, Value)> = uniq.iter().map(|v| (measure(v), v.clone())).collect();
    crate::order::sort_by(&mut keyed, |a, b| {
        let o = a.0.partial_cmp(&b.0).unwrap_or_else(|| a.0.is_nan().cmp(&b.0.is_nan()));
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    for (slot, (_, v)) in uniq.iter_mut().zip(keyed) {
        *slot = v;
    }
}
