//! Scale resolution: for each channel, the scale shared by every layered unit that encodes it.
//! Type defaults, domains (union over units, with `zero`, `nice`, bins and stacks), discrete
//! orders (`sort`) and ranges follow Vega-Lite's documented defaults; the scale kinds
//! themselves live in [`crate::grammar::scale`].

use crate::error::{Error, Path};
use crate::grammar::encoding::{Bin, Channel, FieldDef, FieldType, Sort};
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::json::check_keys;
use crate::grammar::mark::MarkType;
use crate::grammar::scale::{self, Domain, Nice, Range, Scale, ScaleOptions, ScaleType};
use crate::grammar::transform::ops::Op;
use crate::grammar::{Json, Value};
use crate::theme::Rgb;

/// A channel's resolved scale with what guides need to know.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The channel (primary: `x` also serves `x2`).
    pub channel: Channel,
    /// The scale.
    pub scale: Scale,
    /// Its type.
    pub ty: ScaleType,
    /// The first definition that uses it (type, title, format, axis, legend).
    pub def: FieldDef,
    /// Guide title (the defs' titles joined).
    pub title: String,
}

/// Every scale of a chart.
#[derive(Debug, Clone, Default)]
pub struct Scales {
    /// In channel order.
    pub list: Vec<Resolved>,
}

impl Scales {
    /// The scale of channel `c` (secondary channels give their primary's).
    pub fn get(&self, c: Channel) -> Option<&Resolved> {
        let p = match c {
            Channel::Fill | Channel::Stroke => return self.list.iter().find(|r| r.channel == c).or_else(|| self.get(Channel::Color)),
            other => other.primary(),
        };
        self.list.iter().find(|r| r.channel == p)
    }
}

/// Channels that have scales, in resolution order.
pub const SCALED: [Channel; 15] = [
    Channel::X, Channel::Y, Channel::XOffset, Channel::YOffset, Channel::Color, Channel::Fill, Channel::Stroke,
    Channel::Size, Channel::Opacity, Channel::FillOpacity, Channel::StrokeOpacity, Channel::StrokeWidth,
    Channel::Shape, Channel::StrokeDash, Channel::Theta,
];

/// Pixel sizes the ranges are resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Extent {
    /// Plot width.
    pub width: f64,
    /// Plot height.
    pub height: f64,
}

const SCALE_KEYS: &[&str] = &[
    "type", "domain", "domainMin", "domainMax", "domainMid", "range", "scheme", "zero", "nice", "reverse", "padding",
    "paddingInner", "paddingOuter", "align", "exponent", "base", "constant", "clamp", "round", "interpolate", "rangeMin",
    "rangeMax",
];

/// Resolves every scale for units and their flowed rows.
pub fn resolve(units: &[(Unit, Flowed)], ext: Extent, palette: &[Rgb]) -> Result<Scales, Error> {
    let mut out = Scales::default();
    let mut channels: Vec<Channel> = SCALED.to_vec();
    channels.push(Channel::Radius);
    for ch in channels {
        let uses: Vec<(usize, Channel, &FieldDef)> = units
            .iter()
            .enumerate()
            .flat_map(|(i, (u, _))| {
                u.encoding
                    .channels
                    .iter()
                    .filter(move |(c, _)| c.primary() == ch)
                    .map(move |(c, d)| (i, *c, d))
            })
            .filter(|(_, _, d)| d.field.is_some() || d.datum.is_some() || d.aggregate.is_some())
            .collect();
        let primary = uses.iter().find(|(_, c, _)| *c == ch).or(uses.first());
        let Some(&(pu, _, def)) = primary else { continue };
        if let Some(Json::Null) = def.scale {
            continue;
        }
        let sj = def.scale.clone().unwrap_or(Json::Obj(Vec::new()));
        let sp = def.path.key("scale");
        check_keys(&sj, &sp, SCALE_KEYS, &["domainRaw", "bins"])?;
        match sj.get("interpolate") {
            None => {}
            Some(Json::Str(i)) if i == "rgb" => {}
            Some(other) => return Err(Error::unsupported(&sp.key("interpolate"), other.to_text(), "rgb")),
        }
        let marks: Vec<MarkType> = uses.iter().map(|(i, _, _)| units[*i].0.mark.ty).collect();
        let ty = match sj.get("type") {
            Some(t) => {
                let s = t.str(&sp.key("type"))?;
                ScaleType::parse(s).ok_or_else(|| Error::unsupported(&sp.key("type"), format!("\"{s}\""), &ScaleType::NAMES.join(", ")))?
            }
            None => default_type(ch, def, &marks, units, pu),
        };
        let binned = matches!(def.bin, Some(Bin::Bin { .. }) | Some(Bin::Binned));
        let custom_domain = sj.get("domain").is_some() || sj.get("domainMin").is_some() || sj.get("domainMax").is_some();
        let mut opts = ScaleOptions { align: 0.5, exponent: 1.0, base: 10.0, constant: 1.0, ..ScaleOptions::default() };
        let stacked_with_range = uses.iter().any(|(i, c, _)| matches!(c, Channel::X2 | Channel::Y2) && *i == pu);
        opts.zero = match sj.get("zero") {
            Some(z) => z.bool(&sp.key("zero"))?,
            None => default_zero(ch, def, &units[pu].0, ty, custom_domain, binned, stacked_with_range),
        };
        opts.nice = match sj.get("nice") {
            Some(Json::Bool(true)) => Nice::Auto,
            Some(Json::Bool(false)) => Nice::None,
            Some(Json::Num(n)) => Nice::Count(*n),
            Some(other) => return Err(Error::unsupported(&sp.key("nice"), other.to_text(), "true, false or a tick count")),
            None if matches!(ch, Channel::X | Channel::Y) && !binned && !custom_domain && !matches!(ty, ScaleType::Time | ScaleType::Utc) && ty.is_continuous() => Nice::Auto,
            None => Nice::None,
        };
        opts.reverse = sj.get("reverse").map(|r| r.bool(&sp.key("reverse"))).transpose()?.unwrap_or(false);
        opts.clamp = sj.get("clamp").map(|r| r.bool(&sp.key("clamp"))).transpose()?.unwrap_or(false);
        let num = |k: &str| sj.get(k).map(|v| v.num(&sp.key(k))).transpose();
        opts.exponent = num("exponent")?.unwrap_or(if ty == ScaleType::Sqrt { 0.5 } else { 1.0 });
        opts.base = num("base")?.unwrap_or(10.0);
        opts.constant = num("constant")?.unwrap_or(1.0);
        opts.align = num("align")?.unwrap_or(0.5);
        let rect_like = marks.iter().all(|m| matches!(m, MarkType::Rect));
        let tick_like = marks.iter().all(|m| matches!(m, MarkType::Tick));
        let offset = matches!(ch, Channel::X | Channel::Y)
            && units[pu].0.encoding.get(if ch == Channel::X { Channel::XOffset } else { Channel::YOffset }).is_some();
        match ty {
            ScaleType::Band => {
                let (di, d_o) = if rect_like {
                    (0.0, 0.0)
                } else if tick_like {
                    (0.25, 0.125)
                } else if offset {
                    (0.2, 0.2)
                } else {
                    (0.1, 0.05)
                };
                let inner = num("paddingInner")?.or(num("padding")?).unwrap_or(di);
                opts.padding_inner = Some(inner);
                opts.padding_outer = Some(num("paddingOuter")?.or(num("padding")?).unwrap_or(if num("paddingInner")?.is_some() { inner / 2.0 } else { d_o }));
            }
            ScaleType::Point => opts.padding = Some(num("padding")?.unwrap_or(0.5)),
            _ => opts.padding = num("padding")?,
        }
        let domain = domain_of(ch, ty, def, &uses, units, &sj, &sp)?;
        if matches!(&domain, Domain::Discrete(v) if v.is_empty()) {
            // No values (empty data): no scale, no axis; the chart shows an empty plot.
            continue;
        }
        let mut range = range_of(ch, ty, def, &sj, &sp, ext, &marks, palette, &domain)?;
        if let Range::Continuous(a, b) = &mut range {
            for (k, slot) in [("rangeMin", a), ("rangeMax", b)] {
                if let Some(v) = sj.get(k) {
                    if matches!(ch, Channel::X | Channel::Y) {
                        return Err(Error::unsupported(&sp.key(k), v.to_text(), "the plot's width or height (omit it)"));
                    }
                    *slot = v.num(&sp.key(k))?;
                }
            }
        }
        let scale = Scale::new(ty, domain, range, &opts).map_err(|m| Error::spec(&sp, m))?;
        let mut titles: Vec<String> = Vec::new();
        for (_, c, d) in &uses {
            let t = d.default_title();
            if !t.is_empty() && !titles.contains(&t) && (!matches!(c, Channel::X2 | Channel::Y2) || d.title.is_some()) {
                titles.push(t);
            }
        }
        out.list.push(Resolved { channel: ch, scale, ty, def: def.clone(), title: titles.join(", ") });
    }
    Ok(out)
}

fn default_type(ch: Channel, def: &FieldDef, marks: &[MarkType], units: &[(Unit, Flowed)], pu: usize) -> ScaleType {
    let discrete = def.ty.is_discrete();
    match ch {
        Channel::X | Channel::Y if discrete => {
            let offset = units[pu].0.encoding.get(if ch == Channel::X { Channel::XOffset } else { Channel::YOffset }).is_some();
            if offset || marks.iter().any(|m| matches!(m, MarkType::Bar | MarkType::Rect | MarkType::Tick)) { ScaleType::Band } else { ScaleType::Point }
        }
        Channel::XOffset | Channel::YOffset => ScaleType::Band,
        Channel::Shape | Channel::StrokeDash => ScaleType::Ordinal,
        Channel::Color | Channel::Fill | Channel::Stroke if discrete => ScaleType::Ordinal,
        Channel::Size | Channel::Opacity | Channel::FillOpacity | Channel::StrokeOpacity | Channel::StrokeWidth if discrete => ScaleType::Point,
        _ if def.ty == FieldType::Temporal => {
            if def.time_unit.as_ref().is_some_and(|t| t.is_utc()) { ScaleType::Utc } else { ScaleType::Time }
        }
        Channel::Theta | Channel::Radius if discrete => ScaleType::Band,
        _ => ScaleType::Linear,
    }
}

fn default_zero(ch: Channel, def: &FieldDef, u: &Unit, ty: ScaleType, custom: bool, binned: bool, ranged: bool) -> bool {
    if custom || !ty.is_continuous() || matches!(ty, ScaleType::Log | ScaleType::Time | ScaleType::Utc) {
        return false;
    }
    if ch == Channel::Size && def.ty == FieldType::Quantitative {
        return true;
    }
    if binned || !matches!(ch, Channel::X | Channel::Y | Channel::Theta | Channel::Radius) {
        return false;
    }
    let orient = orient(u);
    if matches!(u.mark.ty, MarkType::Bar | MarkType::Area | MarkType::Line) {
        if (orient == Some(true) && ch == Channel::Y) || (orient == Some(false) && ch == Channel::X) {
            return false;
        }
    }
    if matches!(u.mark.ty, MarkType::Bar | MarkType::Area) && !ranged {
        return true;
    }
    true
}

/// `Some(true)` for horizontal marks (bars along x), `Some(false)` for vertical, `None` when
/// neither axis is continuous.
pub fn orient(u: &Unit) -> Option<bool> {
    if let Ok(Some(o)) = u.mark.text("orient") {
        return Some(o == "horizontal");
    }
    let e = &u.encoding;
    let cont = |c: Channel| e.get(c).is_some_and(|d| !d.ty.is_discrete() && d.bin.is_none());
    let disc = |c: Channel| e.get(c).is_some_and(|d| d.ty.is_discrete() || d.bin.is_some());
    match (cont(Channel::X), cont(Channel::Y)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        (true, true) => Some(disc(Channel::Y) && !disc(Channel::X)),
        _ => None,
    }
}

fn value_of_json(j: &Json, p: &Path, temporal: bool) -> Result<Value, Error> {
    Ok(match j {
        Json::Num(n) => if temporal { Value::Date(*n) } else { Value::Num(*n) },
        Json::Str(s) if temporal => Value::Date(crate::grammar::format::date::parse_date(s).ok_or_else(|| Error::spec(p, format!("\"{s}\" is not a date")))?),
        Json::Str(s) => Value::str(s),
        Json::Bool(b) => Value::Bool(*b),
        Json::Null => Value::Null,
        Json::Obj(_) => return Err(Error::unsupported(p, j.to_text(), "a value (date-time objects are not supported yet)")),
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

fn domain_of(
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
            let vals: Vec<Value> = d.arr(&dp)?.iter().enumerate().map(|(i, v)| value_of_json(v, &dp.index(i), temporal)).collect::<Result<_, _>>()?;
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
            values.push(if temporal { crate::grammar::flow::date_of(v).map(Value::Date).unwrap_or(Value::Null) } else { v.clone() });
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
        Sort::Ascending => uniq.sort_by(|a, b| a.cmp_total(b)),
        Sort::Descending => uniq.sort_by(|a, b| b.cmp_total(a)),
        Sort::None => {}
        Sort::Values(list) => {
            let mut head: Vec<Value> = list.iter().filter(|v| uniq.iter().any(|u| u.key() == v.key())).cloned().collect();
            let mut rest: Vec<Value> = uniq.iter().filter(|u| !list.iter().any(|v| v.key() == u.key())).cloned().collect();
            rest.sort_by(|a, b| a.cmp_total(b));
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
    keyed.sort_by(|a, b| {
        let o = a.0.partial_cmp(&b.0).unwrap_or_else(|| a.0.is_nan().cmp(&b.0.is_nan()));
        if desc { o.reverse() } else { o }
    });
    for (slot, (_, v)) in uniq.iter_mut().zip(keyed) {
        *slot = v;
    }
}

#[allow(clippy::too_many_arguments)]
fn range_of(
    ch: Channel,
    ty: ScaleType,
    def: &FieldDef,
    sj: &Json,
    sp: &Path,
    ext: Extent,
    marks: &[MarkType],
    palette: &[Rgb],
    domain: &Domain,
) -> Result<Range, Error> {
    let n = match domain {
        Domain::Discrete(v) => v.len(),
        _ => 0,
    };
    if let Some(r) = sj.get("range") {
        let rp = sp.key("range");
        let items = match r {
            Json::Arr(a) => a,
            Json::Str(s) => return Err(Error::unsupported(&rp, format!("\"{s}\""), "an array of colours or numbers")),
            other => return Err(Error::spec(&rp, format!("expected an array, found {}", other.to_text()))),
        };
        if items.iter().all(|x| matches!(x, Json::Str(_))) && !items.is_empty() {
            let colors = items
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let s = x.str(&rp.index(i))?;
                    crate::style::parse_color(s).ok_or_else(|| Error::spec(&rp.index(i), format!("\"{s}\" is not a colour")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Range::Colors(colors));
        }
        let nums = items.iter().enumerate().map(|(i, x)| x.num(&rp.index(i))).collect::<Result<Vec<_>, _>>()?;
        if ty.is_continuous() && nums.len() == 2 && matches!(ch, Channel::Size | Channel::Opacity | Channel::StrokeWidth | Channel::FillOpacity | Channel::StrokeOpacity) {
            return Ok(Range::Continuous(nums[0], nums[1]));
        }
        if matches!(ch, Channel::X | Channel::Y) {
            return Err(Error::unsupported(&rp, r.to_text(), "the plot's width or height (omit range)"));
        }
        return Ok(Range::Numbers(nums));
    }
    if matches!(ch, Channel::Color | Channel::Fill | Channel::Stroke) {
        let scheme = match sj.get("scheme") {
            Some(Json::Str(s)) => Some(scale::scheme(s).ok_or_else(|| Error::unsupported(&sp.key("scheme"), format!("\"{s}\""), &scale::SCHEME_NAMES.join(", ")))?),
            Some(Json::Obj(o)) => {
                let name = o.iter().find(|(k, _)| k == "name").map(|(_, v)| v.str(&sp.key("scheme").key("name"))).transpose()?.unwrap_or("");
                Some(scale::scheme(name).ok_or_else(|| Error::unsupported(&sp.key("scheme").key("name"), format!("\"{name}\""), &scale::SCHEME_NAMES.join(", ")))?)
            }
            Some(other) => return Err(Error::spec(&sp.key("scheme"), format!("expected a scheme name, found {}", other.to_text()))),
            None => None,
        };
        return Ok(Range::Colors(match (scheme, def.ty) {
            (Some(s @ scale::Scheme::Categorical(_)), _) => scale::scheme_colors(&s, n.max(1)),
            (Some(s), _) if n > 0 => scale::scheme_colors(&s, n),
            (Some(s), _) => s.colors().to_vec(),
            (None, FieldType::Nominal) => palette.to_vec(),
            (None, FieldType::Ordinal) => scale::scheme("blues").map(|s| scale::scheme_colors(&s, n.max(2))).unwrap_or_else(|| palette.to_vec()),
            (None, _) => scale::scheme("blues").map(|s| s.colors().to_vec()).unwrap_or_else(|| palette.to_vec()),
        }));
    }
    Ok(match ch {
        Channel::X | Channel::XOffset => Range::Continuous(0.0, ext.width),
        Channel::Y | Channel::YOffset => Range::Continuous(ext.height, 0.0),
        Channel::Theta => Range::Continuous(0.0, std::f64::consts::TAU),
        Channel::Radius => Range::Continuous(0.0, ext.width.min(ext.height) / 2.0),
        Channel::Size => {
            let max = if marks.contains(&MarkType::Bar) || marks.contains(&MarkType::Tick) {
                (ext.width.min(ext.height) / 10.0).max(4.0)
            } else if marks.contains(&MarkType::Text) {
                40.0
            } else {
                361.0
            };
            let min = if marks.contains(&MarkType::Text) { 8.0 } else if marks.contains(&MarkType::Bar) { 2.0 } else { 9.0 };
            if ty.is_continuous() { Range::Continuous(min, max) } else { Range::Numbers(spread(min, max, n)) }
        }
        Channel::Opacity | Channel::FillOpacity | Channel::StrokeOpacity => {
            if ty.is_continuous() { Range::Continuous(0.3, 0.8) } else { Range::Numbers(spread(0.3, 0.8, n)) }
        }
        Channel::StrokeWidth => if ty.is_continuous() { Range::Continuous(1.0, 4.0) } else { Range::Numbers(spread(1.0, 4.0, n)) },
        _ => Range::Numbers((0..n.max(1)).map(|i| i as f64).collect()),
    })
}

fn spread(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if n <= 1 {
        return vec![hi];
    }
    (0..n).map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64).collect()
}
