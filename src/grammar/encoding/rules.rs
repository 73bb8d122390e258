//! Vega-Lite's rules for a channel definition: the default titles of aggregates, the names of
//! bin fields, the type inferred when none is given, and how `sort` is read.

use crate::error::{Error, Path};
use crate::grammar::json::check_keys;
use crate::grammar::transform::ops::Op;
use crate::grammar::value::field_key;
use crate::grammar::{Json, Value};

use super::field::{Bin, FieldDef, Sort};
use super::{Channel, FieldType};

/// Aggregate ops, for messages.
pub const OPS: &str =
    "count, valid, missing, distinct, sum, mean, average, median, q1, q3, min, max, stdev, stdevp, variance, variancep";

pub(super) fn op_title(op: Op) -> String {
    let n = op.name();
    match n {
        "mean" | "average" => "Average".into(),
        "q1" | "q3" => n.to_uppercase(),
        "stdev" => "Standard deviation".into(),
        _ => {
            let mut c = n.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        }
    }
}

/// Vega-Lite's name prefix for a bin (`bin_maxbins_10`, `bin_step_5`, `bin_maxbins_20_extent_0_100`).
pub(super) fn bin_name(b: &Json, channel: Channel) -> String {
    let var = |s: String| s.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect::<String>();
    match b {
        Json::Obj(o) if !o.is_empty() => {
            let mut s = String::from("bin");
            for (k, v) in o {
                let t = match v {
                    Json::Arr(a) => a
                        .iter()
                        .map(|x| match x {
                            Json::Num(n) => crate::grammar::value::js_number(*n),
                            other => other.to_text(),
                        })
                        .collect::<Vec<_>>()
                        .join(","),
                    Json::Num(n) => crate::grammar::value::js_number(*n),
                    Json::Str(t) => t.clone(),
                    other => other.to_text(),
                };
                s.push_str(&var(format!("_{k}_{t}")));
            }
            s
        }
        _ => {
            let max = if matches!(
                channel,
                Channel::Color
                    | Channel::Fill
                    | Channel::Stroke
                    | Channel::Size
                    | Channel::StrokeWidth
                    | Channel::Opacity
                    | Channel::Shape
            ) {
                6
            } else {
                10
            };
            format!("bin_maxbins_{max}")
        }
    }
}

pub(super) fn infer_type(d: &FieldDef, j: &Json) -> FieldType {
    let scale_type = j.get("scale").and_then(|s| s.get("type")).and_then(|t| match t {
        Json::Str(s) => Some(s.as_str()),
        _ => None,
    });
    if d.time_unit.is_some() || matches!(scale_type, Some("time" | "utc")) {
        return FieldType::Temporal;
    }
    if d.aggregate.is_some()
        || matches!(d.bin, Some(Bin::Bin { .. }))
        || matches!(scale_type, Some("linear" | "log" | "pow" | "sqrt" | "symlog"))
    {
        return FieldType::Quantitative;
    }
    if let Some(v) = &d.datum {
        return if matches!(v, Value::Num(_)) { FieldType::Quantitative } else { FieldType::Nominal };
    }
    if matches!(scale_type, Some("ordinal" | "point" | "band")) {
        return FieldType::Ordinal;
    }
    FieldType::Nominal
}

pub(super) fn parse_sort(s: &Json, path: &Path) -> Result<Sort, Error> {
    let channel_sort = |name: &str, desc: bool| -> Result<Sort, Error> {
        match Channel::parse(name) {
            Some(c) if !matches!(c, Channel::Tooltip | Channel::Detail | Channel::Order) => {
                Ok(Sort::ByChannel(c, desc))
            }
            _ => Err(Error::unsupported(
                path,
                format!("\"{name}\""),
                "ascending, descending, null, an array, a channel like \"-y\", {field, op, order}",
            )),
        }
    };
    match s {
        Json::Null => Ok(Sort::None),
        Json::Str(t) if t == "ascending" => Ok(Sort::Ascending),
        Json::Str(t) if t == "descending" => Ok(Sort::Descending),
        Json::Str(t) => match t.strip_prefix('-') {
            Some(c) => channel_sort(c, true),
            None => channel_sort(t, false),
        },
        Json::Arr(a) => Ok(Sort::Values(
            a.iter()
                .enumerate()
                .map(|(i, v)| match v {
                    Json::Num(n) => Ok(Value::Num(*n)),
                    Json::Str(s) => Ok(Value::str(s)),
                    Json::Bool(b) => Ok(Value::Bool(*b)),
                    other => Err(Error::spec(&path.index(i), format!("expected a value, found {}", other.to_text()))),
                })
                .collect::<Result<_, _>>()?,
        )),
        Json::Obj(_) => {
            check_keys(s, path, &["field", "op", "order", "encoding"], &[])?;
            let descending = match s.get("order") {
                None | Some(Json::Null) => false,
                Some(Json::Str(o)) if o == "ascending" => false,
                Some(Json::Str(o)) if o == "descending" => true,
                Some(other) => {
                    return Err(Error::spec(
                        &path.key("order"),
                        format!("expected ascending or descending, found {}", other.to_text()),
                    ))
                }
            };
            if let Some(e) = s.get("encoding") {
                return channel_sort(e.str(&path.key("encoding"))?, descending);
            }
            let op = match s.get("op") {
                None => {
                    if s.get("field").is_some() {
                        Op::Sum
                    } else {
                        Op::Count
                    }
                }
                Some(o) => {
                    let name = o.str(&path.key("op"))?;
                    Op::parse(name).ok_or_else(|| Error::unsupported(&path.key("op"), format!("\"{name}\""), OPS))?
                }
            };
            let field = s.get("field").map(|f| f.str(&path.key("field")).map(field_key)).transpose()?;
            Ok(Sort::ByField { field, op, descending })
        }
        other => Err(Error::spec(path, format!("expected a sort, found {}", other.to_text()))),
    }
}
