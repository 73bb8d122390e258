//! Encodings: which channel shows which field (or constant), and how (`type`, `aggregate`,
//! `bin`, `timeUnit`, `sort`, `stack`, `scale`, `axis`, `legend`, `format`, `condition`).
//! [`FieldDef::column`] names the field a channel reads after the data flow, with Vega-Lite's own
//! names (`sum_price`, `bin_maxbins_10_price`, `month_date`, `__count`).

use crate::error::{Error, Path};
use crate::grammar::expr::Expr;
use crate::grammar::json::check_keys;
use crate::grammar::transform::bin::{parse_params, BinParams};
use crate::grammar::transform::ops::Op;
use crate::grammar::transform::timeunit::TimeUnit;
use crate::grammar::value::field_key;
use crate::grammar::{Json, Value};

/// Encoding channels this engine draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// Horizontal position.
    X,
    /// Vertical position.
    Y,
    /// Second horizontal position (ranges).
    X2,
    /// Second vertical position.
    Y2,
    /// Offset inside an x band (grouped bars).
    XOffset,
    /// Offset inside a y band.
    YOffset,
    /// Colour (fill or stroke, as the mark is filled).
    Color,
    /// Fill colour.
    Fill,
    /// Stroke colour.
    Stroke,
    /// Opacity.
    Opacity,
    /// Fill opacity.
    FillOpacity,
    /// Stroke opacity.
    StrokeOpacity,
    /// Stroke width.
    StrokeWidth,
    /// Size (area of points, width of bars, font size of text).
    Size,
    /// Point shape.
    Shape,
    /// Line dash.
    StrokeDash,
    /// Angle of arcs.
    Theta,
    /// End angle of arcs.
    Theta2,
    /// Radius of arcs.
    Radius,
    /// Inner radius of arcs.
    Radius2,
    /// Text of text marks.
    Text,
    /// Tooltip fields.
    Tooltip,
    /// Grouping without a visual channel.
    Detail,
    /// Order of points in lines and of stacked segments.
    Order,
}

impl Channel {
    /// The names, as in a spec.
    pub const NAMES: &'static [&'static str] = &[
        "x", "y", "x2", "y2", "xOffset", "yOffset", "color", "fill", "stroke", "opacity", "fillOpacity", "strokeOpacity",
        "strokeWidth", "size", "shape", "strokeDash", "theta", "theta2", "radius", "radius2", "text", "tooltip", "detail",
        "order",
    ];
    const ALL: [Channel; 24] = [
        Channel::X, Channel::Y, Channel::X2, Channel::Y2, Channel::XOffset, Channel::YOffset, Channel::Color,
        Channel::Fill, Channel::Stroke, Channel::Opacity, Channel::FillOpacity, Channel::StrokeOpacity,
        Channel::StrokeWidth, Channel::Size, Channel::Shape, Channel::StrokeDash, Channel::Theta, Channel::Theta2,
        Channel::Radius, Channel::Radius2, Channel::Text, Channel::Tooltip, Channel::Detail, Channel::Order,
    ];

    /// The channel of a spec name.
    pub fn parse(s: &str) -> Option<Channel> {
        Self::NAMES.iter().position(|n| *n == s).map(|i| Self::ALL[i])
    }

    /// The spec name.
    pub fn name(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|c| *c == self).unwrap_or(0)]
    }

    /// The channel whose scale a secondary channel shares (`x2` -> `x`).
    pub fn primary(self) -> Channel {
        match self {
            Channel::X2 => Channel::X,
            Channel::Y2 => Channel::Y,
            Channel::Theta2 => Channel::Theta,
            Channel::Radius2 => Channel::Radius,
            c => c,
        }
    }
}

/// Vega-Lite's measurement types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Numbers.
    Quantitative,
    /// Dates and times.
    Temporal,
    /// Ordered categories.
    Ordinal,
    /// Unordered categories.
    Nominal,
}

impl FieldType {
    /// True for ordinal and nominal.
    pub fn is_discrete(self) -> bool {
        matches!(self, FieldType::Ordinal | FieldType::Nominal)
    }
}

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
            (None, _, Some(tu)) => format!("{f} ({})", tu.name()),
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
        }
    }

    /// Reads one channel definition at `path`.
    pub fn parse(j: &Json, path: &Path, channel: Channel) -> Result<FieldDef, Error> {
        const KEYS: &[&str] = &[
            "field", "type", "aggregate", "bin", "timeUnit", "sort", "stack", "scale", "axis", "legend", "title", "format",
            "formatType", "datum", "value", "condition", "band", "bandPosition",
        ];
        check_keys(j, path, KEYS, &["impute", "header", "param", "empty", "labelExpr"])?;
        let mut d = FieldDef::plain(path);
        if let Some(f) = j.get("field") {
            d.field = Some(match f {
                Json::Str(s) if !s.is_empty() => field_key(s),
                Json::Obj(_) => return Err(Error::unsupported(&path.key("field"), "{\"repeat\": ...}", "a field name")),
                other => return Err(Error::spec(&path.key("field"), format!("expected a field name, found {}", other.to_text()))),
            });
        }
        if let Some(a) = j.get("aggregate") {
            let s = match a {
                Json::Str(s) => s.as_str(),
                other => return Err(Error::unsupported(&path.key("aggregate"), other.to_text(), "an op name")),
            };
            d.aggregate = Some(Op::parse(s).ok_or_else(|| Error::unsupported(&path.key("aggregate"), format!("\"{s}\""), OPS))?);
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
                    if params.auto_maxbins && matches!(channel, Channel::Color | Channel::Fill | Channel::Stroke | Channel::Size | Channel::StrokeWidth | Channel::Opacity | Channel::Shape) {
                        params.maxbins = Some(6.0);
                    }
                    Some(Bin::Bin { params: Box::new(params), name: bin_name(b, channel) })
                }
                other => return Err(Error::spec(&bp, format!("expected true, \"binned\" or an object, found {}", other.to_text()))),
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
                other => return Err(Error::unsupported(&path.key("datum"), other.to_text(), "a number, text or boolean")),
            });
        }
        d.value = j.get("value").cloned();
        d.typed = j.get("type").is_some();
        d.ty = match j.get("type") {
            Some(Json::Str(t)) => match t.as_str() {
                "quantitative" => FieldType::Quantitative,
                "temporal" => FieldType::Temporal,
                "ordinal" => FieldType::Ordinal,
                "nominal" => FieldType::Nominal,
                other => {
                    return Err(Error::unsupported(&path.key("type"), format!("\"{other}\""), "quantitative, temporal, ordinal, nominal"))
                }
            },
            Some(other) => return Err(Error::spec(&path.key("type"), format!("expected a type name, found {}", other.to_text()))),
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
            Some(other) => return Err(Error::unsupported(&path.key("stack"), other.to_text(), "zero, normalize, center, null")),
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
                    Some(other) => return Err(Error::unsupported(&p.key("test"), other.to_text(), "an expression string")),
                    None => return Err(Error::spec(&p, "a condition needs \"test\"")),
                };
                let rest = Json::Obj(cj.obj(&p)?.iter().filter(|(k, _)| k != "test").cloned().collect());
                let then = FieldDef::parse(&rest, &p, channel)?;
                d.conditions.push(Condition { test, then });
            }
        }
        if d.field.is_none() && d.datum.is_none() && d.value.is_none() && d.aggregate.is_none() && d.conditions.is_empty() {
            return Err(Error::spec(path, "expected \"field\", \"datum\" or \"value\""));
        }
        Ok(d)
    }
}

/// Aggregate ops, for messages.
pub const OPS: &str = "count, valid, missing, distinct, sum, mean, average, median, q1, q3, min, max, stdev, stdevp, variance, variancep";

fn op_title(op: Op) -> String {
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
fn bin_name(b: &Json, channel: Channel) -> String {
    let var = |s: String| s.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect::<String>();
    match b {
        Json::Obj(o) if !o.is_empty() => {
            let mut s = String::from("bin");
            for (k, v) in o {
                let t = match v {
                    Json::Arr(a) => a.iter().map(|x| match x {
                        Json::Num(n) => crate::grammar::value::js_number(*n),
                        other => other.to_text(),
                    }).collect::<Vec<_>>().join(","),
                    Json::Num(n) => crate::grammar::value::js_number(*n),
                    Json::Str(t) => t.clone(),
                    other => other.to_text(),
                };
                s.push_str(&var(format!("_{k}_{t}")));
            }
            s
        }
        _ => {
            let max = if matches!(channel, Channel::Color | Channel::Fill | Channel::Stroke | Channel::Size | Channel::StrokeWidth | Channel::Opacity | Channel::Shape) { 6 } else { 10 };
            format!("bin_maxbins_{max}")
        }
    }
}

fn infer_type(d: &FieldDef, j: &Json) -> FieldType {
    let scale_type = j.get("scale").and_then(|s| s.get("type")).and_then(|t| match t {
        Json::Str(s) => Some(s.as_str()),
        _ => None,
    });
    if d.time_unit.is_some() || matches!(scale_type, Some("time" | "utc")) {
        return FieldType::Temporal;
    }
    if d.aggregate.is_some() || matches!(d.bin, Some(Bin::Bin { .. })) || matches!(scale_type, Some("linear" | "log" | "pow" | "sqrt" | "symlog")) {
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

fn parse_sort(s: &Json, path: &Path) -> Result<Sort, Error> {
    let channel_sort = |name: &str, desc: bool| -> Result<Sort, Error> {
        match Channel::parse(name) {
            Some(c) if !matches!(c, Channel::Tooltip | Channel::Detail | Channel::Order) => Ok(Sort::ByChannel(c, desc)),
            _ => Err(Error::unsupported(path, format!("\"{name}\""), "ascending, descending, null, an array, a channel like \"-y\", {field, op, order}")),
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
                Some(other) => return Err(Error::spec(&path.key("order"), format!("expected ascending or descending, found {}", other.to_text()))),
            };
            if let Some(e) = s.get("encoding") {
                return channel_sort(e.str(&path.key("encoding"))?, descending);
            }
            let op = match s.get("op") {
                None => if s.get("field").is_some() { Op::Sum } else { Op::Count },
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

/// A view's channels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Encoding {
    /// Single-definition channels, in spec order.
    pub channels: Vec<(Channel, FieldDef)>,
    /// Tooltip fields (`tooltip` as one definition or a list); `Some(vec![])` = `tooltip: null`.
    pub tooltip: Option<Vec<FieldDef>>,
    /// `detail` fields.
    pub detail: Vec<FieldDef>,
    /// `order` fields.
    pub order: Vec<FieldDef>,
}

impl Encoding {
    /// Reads an `encoding` object.
    pub fn parse(j: &Json, path: &Path) -> Result<Encoding, Error> {
        let mut e = Encoding::default();
        for (k, v) in j.obj(path)? {
            let p = path.key(k);
            let c = match Channel::parse(k) {
                Some(c) => c,
                None => {
                    let known = ["row", "column", "facet", "latitude", "longitude", "latitude2", "longitude2", "href", "url", "key", "description", "angle", "shape2"];
                    if known.contains(&k.as_str()) {
                        return Err(Error::unsupported(&p, format!("channel \"{k}\" is not supported yet"), ""));
                    }
                    return Err(Error::unsupported(&p, format!("unknown channel \"{k}\""), &Channel::NAMES.join(", ")));
                }
            };
            let list = |v: &Json| -> Result<Vec<FieldDef>, Error> {
                match v {
                    Json::Null => Ok(Vec::new()),
                    Json::Arr(a) => a.iter().enumerate().map(|(i, x)| FieldDef::parse(x, &p.index(i), c)).collect(),
                    other => Ok(vec![FieldDef::parse(other, &p, c)?]),
                }
            };
            match c {
                Channel::Tooltip => e.tooltip = Some(list(v)?),
                Channel::Detail => e.detail = list(v)?,
                Channel::Order => e.order = list(v)?,
                _ => {
                    if let Json::Null = v {
                        continue;
                    }
                    e.channels.push((c, FieldDef::parse(v, &p, c)?))
                }
            }
        }
        e.secondary_types();
        Ok(e)
    }

    /// `x2`, `y2`, `theta2` and `radius2` without a type of their own take their primary's.
    fn secondary_types(&mut self) {
        let prim: Vec<(Channel, FieldType, bool)> = self.channels.iter().map(|(c, d)| (*c, d.ty, d.time_unit.is_some())).collect();
        for (c, d) in &mut self.channels {
            if c.primary() != *c && !d.typed {
                if let Some((_, ty, _)) = prim.iter().find(|(p, _, _)| *p == c.primary()) {
                    d.ty = *ty;
                }
            }
        }
    }

    /// The definition of channel `c`.
    pub fn get(&self, c: Channel) -> Option<&FieldDef> {
        self.channels.iter().find(|(k, _)| *k == c).map(|(_, d)| d)
    }

    /// This encoding with `child`'s channels laid over it (a layer's children inherit).
    pub fn merged(&self, child: &Encoding) -> Encoding {
        let mut out = self.clone();
        for (c, d) in &child.channels {
            out.channels.retain(|(k, _)| k != c);
            out.channels.push((*c, d.clone()));
        }
        if child.tooltip.is_some() {
            out.tooltip = child.tooltip.clone();
        }
        if !child.detail.is_empty() {
            out.detail = child.detail.clone();
        }
        if !child.order.is_empty() {
            out.order = child.order.clone();
        }
        out.secondary_types();
        out
    }
}
