//! Scale resolution: for each channel, the scale shared by every layered unit that encodes it.
//! Type defaults, domains (union over units, with `zero`, `nice`, bins and stacks), discrete
//! orders (`sort`) and ranges follow Vega-Lite's documented defaults; the scale kinds
//! themselves live in [`crate::grammar::scale`].

mod defaults;
mod domain;
mod range;

pub use defaults::orient;

use crate::error::Error;
use crate::grammar::encoding::{Bin, Channel, FieldDef};
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::json::check_keys;
use crate::grammar::mark::MarkType;
use crate::grammar::scale::{Domain, Nice, Range, Scale, ScaleOptions, ScaleType};
use crate::grammar::Json;
use crate::theme::Rgb;

use defaults::{default_type, default_zero};
use domain::domain_of;
use range::range_of;

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
            Channel::Fill | Channel::Stroke => {
                return self.list.iter().find(|r| r.channel == c).or_else(|| self.get(Channel::Color))
            }
            other => other.primary(),
        };
        self.list.iter().find(|r| r.channel == p)
    }
}

/// Channels that have scales, in resolution order.
pub const SCALED: [Channel; 15] = [
    Channel::X,
    Channel::Y,
    Channel::XOffset,
    Channel::YOffset,
    Channel::Color,
    Channel::Fill,
    Channel::Stroke,
    Channel::Size,
    Channel::Opacity,
    Channel::FillOpacity,
    Channel::StrokeOpacity,
    Channel::StrokeWidth,
    Channel::Shape,
    Channel::StrokeDash,
    Channel::Theta,
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
    "type",
    "domain",
    "domainMin",
    "domainMax",
    "domainMid",
    "range",
    "scheme",
    "zero",
    "nice",
    "reverse",
    "padding",
    "paddingInner",
    "paddingOuter",
    "align",
    "exponent",
    "base",
    "constant",
    "clamp",
    "round",
    "interpolate",
    "rangeMin",
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
                u.encoding.channels.iter().filter(move |(c, _)| c.primary() == ch).map(move |(c, d)| (i, *c, d))
            })
            .filter(|(_, _, d)| d.field.is_some() || d.datum.is_some() || d.aggregate.is_some())
            .collect();
        // Scale properties come from the first layer that gives any (an explicit domain in a
        // later layer holds for the shared scale, as in Vega-Lite), else from the first use.
        let primary = uses
            .iter()
            .find(|(_, c, d)| *c == ch && d.scale.is_some())
            .or_else(|| uses.iter().find(|(_, c, _)| *c == ch))
            .or(uses.first());
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
                ScaleType::parse(s).ok_or_else(|| {
                    Error::unsupported(&sp.key("type"), format!("\"{s}\""), &ScaleType::NAMES.join(", "))
                })?
            }
            None => default_type(ch, def, &marks, units, pu),
        };
        let binned = matches!(def.bin, Some(Bin::Bin { .. }) | Some(Bin::Binned));
        let custom_domain =
            sj.get("domain").is_some() || sj.get("domainMin").is_some() || sj.get("domainMax").is_some();
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
            Some(other) => {
                return Err(Error::unsupported(&sp.key("nice"), other.to_text(), "true, false or a tick count"))
            }
            None if matches!(ch, Channel::X | Channel::Y)
                && !binned
                && !custom_domain
                && !matches!(ty, ScaleType::Time | ScaleType::Utc)
                && ty.is_continuous() =>
            {
                Nice::Auto
            }
            None => Nice::None,
        };
        opts.reverse = sj.get("reverse").map(|r| r.bool(&sp.key("reverse"))).transpose()?.unwrap_or(false);
        opts.clamp = sj.get("clamp").map(|r| r.bool(&sp.key("clamp"))).transpose()?.unwrap_or(false);
        let num = |k: &str| sj.get(k).map(|v| v.num(&sp.key(k))).transpose();
        opts.exponent = num("exponent")?.unwrap_or(if ty == ScaleType::Sqrt { 0.5 } else { 1.0 });
        opts.base = num("base")?.unwrap_or(10.0);
        opts.constant = num("constant")?.unwrap_or(1.0);
        opts.align = num("align")?.unwrap_or(0.5);
        // Default paddings follow the first layer whose mark sets band paddings (Vega-Lite
        // merges a layered scale's defaults from its first child that gives them; points and
        // lines give none).
        let banded =
            marks.iter().find(|m| matches!(m, MarkType::Bar | MarkType::Rect | MarkType::Rule | MarkType::Tick));
        let rect_like = banded.is_some_and(|m| matches!(m, MarkType::Rect | MarkType::Rule));
        let tick_like = banded.is_some_and(|m| matches!(m, MarkType::Tick));
        let offset = matches!(ch, Channel::X | Channel::Y)
            && units[pu].0.encoding.get(if ch == Channel::X { Channel::XOffset } else { Channel::YOffset }).is_some();
        match ty {
            ScaleType::Band => {
                let (di, d_o) = if rect_like || matches!(ch, Channel::XOffset | Channel::YOffset) {
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
                opts.padding_outer =
                    Some(num("paddingOuter")?.or(num("padding")?).unwrap_or(if num("paddingInner")?.is_some() {
                        inner / 2.0
                    } else {
                        d_o
                    }));
            }
            ScaleType::Point => opts.padding = Some(num("padding")?.unwrap_or(0.5)),
            _ => opts.padding = num("padding")?,
        }
        let domain = domain_of(ch, ty, def, &uses, units, &sj, &sp)?;
        if matches!(&domain, Domain::Discrete(v) if v.is_empty()) {
            // No values (empty data): no scale, no axis; the chart shows an empty plot.
            continue;
        }
        // An offset divides one band of its position scale (resolved before it).
        let ext = match ch {
            Channel::XOffset => Extent { width: out.get(Channel::X).map_or(ext.width, |r| r.scale.bandwidth()), ..ext },
            Channel::YOffset => {
                Extent { height: out.get(Channel::Y).map_or(ext.height, |r| r.scale.bandwidth()), ..ext }
            }
            _ => ext,
        };
        let mut range = range_of(ch, ty, def, &sj, &sp, ext, &marks, palette, &domain)?;
        if let Range::Continuous(a, b) = &mut range {
            for (k, slot) in [("rangeMin", a), ("rangeMax", b)] {
                if let Some(v) = sj.get(k) {
                    if matches!(ch, Channel::X | Channel::Y) {
                        return Err(Error::unsupported(
                            &sp.key(k),
                            v.to_text(),
                            "the plot's width or height (omit it)",
                        ));
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
