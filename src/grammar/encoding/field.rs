//! One channel's definition ([`FieldDef`]): a field (with `type`, `aggregate`, `bin`,
//! `timeUnit`, `sort`, `stack`, `scale`, `axis`, `legend`, `title`, `format`), a `datum` or a
//! `value`, with `condition`s. [`FieldDef::column`] names the field a channel reads after the
//! data flow, with Vega-Lite's own names (`sum_price`, `bin_maxbins_10_price`, `month_date`,
//! `__count`).

use crate::error::{Error, Path};
use crate::grammar::expr::Expr;
use crate::grammar::json::check_keys;
use crate::grammar::transform::bin::{parse_params, BinParams};
use crate::grammar::transform::ops::Op;
use crate::grammar::transform::timeunit::TimeUnit;
use crate::grammar::value::field_key;
use crate::grammar::{Json, Value};

use super::rules::{bin_name, infer_type, op_title, parse_sort, OPS};
use super::{Channel, FieldType};

/// How a channel's discrete domain is ordered.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Sort {
    /// Ascending by value (Vega-Lite's default).
    #[default]
    Ascending,
    /// Descending by value.
    Descending,
    /// As the values first appear in the data (`sort: null`).
    None,
    /// The listed values first, in this order, then the rest ascending.
    Values(Vec<Value>),
    /// By another channel's field (`"-y"`, `{"encoding": "y"}`): channel, descending.
    ByChannel(Channel, bool),
    /// By an aggregate of a field (`{"field": "b", "op": "sum", "order": "descending"}`).
    ByField {
        /// Field key.
        field: Option<String>,
        /// Aggregate op.
        op: Op,
        /// Descending.
        descending: bool,
    },
}

/// A `bin` property.
#[derive(Debug, Clone, PartialEq)]
pub enum Bin {
    /// Bin the field (`true` or parameters); `name` is Vega-Lite's prefix (`bin_maxbins_10`).
    Bin {
        /// The parameters.
        params: Box<BinParams>,
        /// Field-name prefix.
        name: String,
    },
    /// Already binned data (`"binned"`): the field holds bin starts, `x2`/`y2` the ends.
    Binned,
}

/// A rule `{"test": ..., "value" | field def}`: when the test holds, `then` applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The predicate.
    pub test: Expr,
    /// What applies when it is true.
    pub then: FieldDef,
}

/// One channel's definition: a field, a datum or a value.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    /// Where it is in the spec.
    pub path: Path,
    /// The source field (flattened key), if any.
    pub field: Option<String>,
    /// The measurement type (inferred when not given, as Vega-Lite does).
    pub ty: FieldType,
    /// Aggregate op (`count` may have no field).
    pub aggregate: Option<Op>,
    /// Binning.
    pub bin: Option<Bin>,
    /// Time unit.
    pub time_unit: Option<TimeUnit>,
    /// Sort of a discrete domain.
    pub sort: Sort,
    /// `stack`: `None` = default, `Some(None)` = `null`/`false`, `Some(Some(offset))`.
    pub stack: Option<Option<String>>,
    /// `scale` object (`Some(Json::Null)` = no scale).
    pub scale: Option<Json>,
    /// `axis` object (`Some(Json::Null)` = no axis).
    pub axis: Option<Json>,
    /// `legend` object (`Some(Json::Null)` = no legend).
    pub legend: Option<Json>,
    /// Title for axis, legend and tooltip.
    pub title: Option<String>,
    /// d3 format specifier.
    pub format: Option<String>,
    /// `"number"`, `"time"` or `"utc"`.
    pub format_type: Option<String>,
    /// A constant in data units.
    pub datum: Option<Value>,
    /// A constant in visual units (colour text, px, ...).
    pub value: Option<Json>,
    /// Conditions, first match wins.
    pub conditions: Vec<Condition>,
    /// The spec gave `type` (not inferred).
    pub typed: bool,
    /// `impute` parameters (`method`, `value`, `frame`, `keyvals`), for x or y.
    pub impute: Option<Json>,
}

impl FieldDef {
    /// The column this channel reads in the flowed table.
    pub fn column(&self) -> Option<String> {
        let f = self.field.as_deref();
        if let Some(op) = self.aggregate {
            return Some(match (op, f) {
                (Op::Count, _) | (_, None) => "__count".to_string(),
                (op, Some(f)) => format!("{}_{}", op.name(), f),
            });
        }
        let f = f?;
        if let Some(Bin::Bin { name, .. }) = &self.bin {
            return Some(format!("{name}_{f}"));
        }
        if let Some(tu) = &self.time_unit {
            return Some(format!("{}_{f}", tu.name()));
        }
        Some(f.to_string())
    }

    /// The end column of a binned field (`bin_maxbins_10_x_end`).
    pub fn bin_end(&self) -> Option<String> {
        match (&self.bin, &self.field, self.aggregate) {
            (Some(Bin::Bin { name, .. }), Some(f), None) => Some(format!("{name}_{f}_end")),
            _ => None,
        }
    }

    /// The default title: `Sum of price`, `price (binned)`, `Month of date`, `Count of Records`.
    pub fn default_title(&self) -> String {
        if let Some(t) = &self.title {
            return t.clone();
        }
        let f = self.field.clone().unwrap_or_default();
        match (self.aggregate, &self.bin, &self.time_unit) {
            (Some(Op::Count), ..) if self.field.is_none() => "Count of Records".into(),
            (Some(op), ..) => format!("{} of {f}", op_title(op)),
            (None, Some(Bin::Bin { .. }), _) => format!("{f} (binned)"),
            (None, _, Some(tu)) => format!("{f} ({})", tu.title()),
            _ => f,
        }
    }

    /// What tooltips, tables and summaries call the field: its title, or (when the title is
    /// hidden with `title: null`) its field name.
    pub fn label(&self) -> String {
        let t = self.default_title();
        if t.is_empty() {
            let mut d = self.clone();
            d.title = None;
            return d.default_title();
        }
        t
    }

    fn plain(path: &Path) -> FieldDef {
        FieldDef {
            path: path.clone(),
            field: None,
            ty: FieldType::Nominal,
            aggregate: None,
            bin: None,
            time_unit: None,
            sort: Sort::Ascending,
            stack: None,
            scale: None,
            axis: None,
            legend: None,
            title: None,
            format: None,
            format_type: None,
            datum: None,
            value: None,
            conditions: Vec::new(),
            typed: false,
            impute: None,
        }
    }

    /// Reads one channel definition at `path`.
    pub fn parse(j: &Json, path: &Path, channel: Channel) -> Result<FieldDef, Error> {
        const KEYS: &[&str] = &[
            "field",
            "type",
            "aggregate",
            "bin",
            "timeUnit",
            "sort",
            "stack",
            "scale",
            "axis",
            "legend",
            "title",
            "format",
            "formatType",
            "datum",
            "value",
            "condition",
            "band",
            "bandPosition",
            "impute",
        ];
        check_keys(j, path, KEYS, &["header", "param", "empty", "labelExpr"])?;
        let mut d = FieldDef::plain(path);
        if let Some(f) = j.get("field") {
            d.field = Some(match f {
                Json::Str(s) if !s.is_empty() => field_key(s),
                Json::Obj(_) => {
                    return Err(Error::unsupported(&path.key("field"), "{\"repeat\": ...}", "a field name"))
                }
                other => {
                    return Err(Error::spec(
                        &path.key("field"),
                        format!("expected a field name, found {}", other.to_text()),
                    ))
                }
            });
        }
        if let Some(a) = j.get("aggregate") {
            let s = match a {
                Json::Str(s) => s.as_str(),
                other => return Err(Error::unsupported(&path.key("aggregate"), other.to_text(), "an op name")),
            };
            d.aggregate =
                Some(Op::parse(s).ok_or_else(|| Error::unsupported(&path.key("aggregate"), format!("\"{s}\""), OPS))?);
            if d.field.is_none() && d.aggregate != Some(Op::Count) {
                return Err(Error::spec(path, format!("aggregate \"{s}\" needs a field")));
            }
        }
        if let Some(b) = j.get("bin") {
            let bp = path.key("bin");
            d.bin = match b {
                Json::Bool(false) | Json::Null => None,
                Json::Str(s) if s == "binned" => Some(Bin::Binned),
                Json::Bool(true) | Json::Obj(_) => {
                    let mut params = parse_params(b, &bp)?;
                    if params.auto_maxbins
                        && matches!(
                            channel,
                            Channel::Color
                                | Channel::Fill
                                | Channel::Stroke
                                | Channel::Size
                                | Channel::StrokeWidth
                                | Channel::Opacity
                                | Channel::Shape
                        )
                    {
                        params.maxbins = Some(6.0);
                    }
                    Some(Bin::Bin { params: Box::new(params), name: bin_name(b, channel) })
                }
                other => {
                    return Err(Error::spec(
                        &bp,
                        format!("expected true, \"binned\" or an object, found {}", other.to_text()),
                    ))
                }
            };
        }
        if let Some(t) = j.get("timeUnit") {
            let tp = path.key("timeUnit");
            let s = match t {
                Json::Str(s) => s.as_str(),
                Json::Obj(o) => match o.iter().find(|(k, _)| k == "unit") {
                    Some((_, Json::Str(s))) if o.len() == 1 => s.as_str(),
                    _ => return Err(Error::unsupported(&tp, t.to_text(), "a unit name or {\"unit\": name}")),
                },
                other => return Err(Error::spec(&tp, format!("expected a time unit, found {}", other.to_text()))),
            };
            d.time_unit = Some(TimeUnit::parse(s).ok_or_else(|| Error::unsupported(&tp, format!("\"{s}\""), "year, quarter, month, date, day, hours, minutes, seconds, milliseconds and their combinations, with utc"))?);
        }
        if let Some(dt) = j.get("datum") {
            d.datum = Some(match dt {
                Json::Num(n) => Value::Num(*n),
                Json::Str(s) => Value::str(s),
                Json::Bool(b) => Value::Bool(*b),
                Json::Null => Value::Null,
                other => {
                    return Err(Error::unsupported(&path.key("datum"), other.to_text(), "a number, text or boolean"))
                }
            });
        }
        d.value = j.get("value").cloned();
        d.typed = j.get("type").is_some();
        if let Some(i) = j.get("impute") {
            let ip = path.key("impute");
            if !matches!(channel, Channel::X | Channel::Y) {
                return Err(Error::unsupported(&ip, "impute on this channel", "impute on x or y"));
            }
            check_keys(i, &ip, &["method", "value", "frame", "keyvals"], &[])?;
            d.impute = Some(i.clone());
        }
        d.ty = match j.get("type") {
            Some(Json::Str(t)) => match t.as_str() {
                "quantitative" => FieldType::Quantitative,
                "temporal" => FieldType::Temporal,
                "ordinal" => FieldType::Ordinal,
                "nominal" => FieldType::Nominal,
                other => {
                    return Err(Error::unsupported(
                        &path.key("type"),
                        format!("\"{other}\""),
                        "quantitative, temporal, ordinal, nominal",
                    ))
                }
            },
            Some(other) => {
                return Err(Error::spec(&path.key("type"), format!("expected a type name, found {}", other.to_text())))
            }
            None => infer_type(&d, j),
        };
        d.sort = match j.get("sort") {
            None => Sort::Ascending,
            Some(s) => parse_sort(s, &path.key("sort"))?,
        };
        d.stack = match j.get("stack") {
            None => None,
            Some(Json::Null) | Some(Json::Bool(false)) => Some(None),
            Some(Json::Bool(true)) => Some(Some("zero".into())),
            Some(Json::Str(s)) if matches!(s.as_str(), "zero" | "normalize" | "center") => Some(Some(s.clone())),
            Some(other) => {
                return Err(Error::unsupported(&path.key("stack"), other.to_text(), "zero, normalize, center, null"))
            }
        };
        d.scale = j.get("scale").cloned();
        d.axis = j.get("axis").cloned();
        d.legend = j.get("legend").cloned();
        d.title = match j.get("title") {
            None => None,
            // `title: null` hides the guide's title.
            Some(Json::Null) => Some(String::new()),
            Some(t) => Some(t.str(&path.key("title"))?.to_string()),
        };
        d.format = j.get("format").map(|f| f.str(&path.key("format")).map(str::to_string)).transpose()?;
        d.format_type = j.get("formatType").map(|f| f.str(&path.key("formatType")).map(str::to_string)).transpose()?;
        if let Some(ft) = &d.format_type {
            if !matches!(ft.as_str(), "number" | "time" | "utc") {
                return Err(Error::unsupported(&path.key("formatType"), format!("\"{ft}\""), "number, time, utc"));
            }
        }
        if let Some(c) = j.get("condition") {
            let cp = path.key("condition");
            let list: Vec<(&Json, Path)> = match c {
                Json::Arr(a) => a.iter().enumerate().map(|(i, x)| (x, cp.index(i))).collect(),
                other => vec![(other, cp.clone())],
            };
            for (cj, p) in list {
                if cj.get("param").is_some() {
                    return Err(Error::unsupported(&p.key("param"), "conditions on params (selections)", "test"));
                }
                let test = match cj.get("test") {
                    Some(Json::Str(s)) => Expr::parse(s, &p.key("test"))?,
                    Some(other) => {
                        return Err(Error::unsupported(&p.key("test"), other.to_text(), "an expression string"))
                    }
                    None => return Err(Error::spec(&p, "a condition needs \"test\"")),
                };
                let rest = Json::Obj(cj.obj(&p)?.iter().filter(|(k, _)| k != "test").cloned().collect());
                let then = FieldDef::parse(&rest, &p, channel)?;
                d.conditions.push(Condition { test, then });
            }
        }
        if d.field.is_none()
            && d.datum.is_none()
            && d.value.is_none()
            && d.aggregate.is_none()
            && d.conditions.is_empty()
        {
            return Err(Error::spec(path, "expected \"field\", \"datum\" or \"value\""));
        }
        Ok(d)
    }
}
