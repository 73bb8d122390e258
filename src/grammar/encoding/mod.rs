//! Encodings: which channel shows which field (or constant), and how (`type`, `aggregate`,
//! `bin`, `timeUnit`, `sort`, `stack`, `scale`, `axis`, `legend`, `format`, `condition`).
//! This file has the channels, the measurement types and a view's [`Encoding`]; `field.rs` one
//! channel's definition, `rules.rs` Vega-Lite's naming, type inference and sort rules.

mod field;
mod rules;

pub use field::{Bin, Condition, FieldDef, Sort};
pub use rules::OPS;

use crate::error::{Error, Path};
use crate::grammar::Json;

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
        "x",
        "y",
        "x2",
        "y2",
        "xOffset",
        "yOffset",
        "color",
        "fill",
        "stroke",
        "opacity",
        "fillOpacity",
        "strokeOpacity",
        "strokeWidth",
        "size",
        "shape",
        "strokeDash",
        "theta",
        "theta2",
        "radius",
        "radius2",
        "text",
        "tooltip",
        "detail",
        "order",
    ];
    const ALL: [Channel; 24] = [
        Channel::X,
        Channel::Y,
        Channel::X2,
        Channel::Y2,
        Channel::XOffset,
        Channel::YOffset,
        Channel::Color,
        Channel::Fill,
        Channel::Stroke,
        Channel::Opacity,
        Channel::FillOpacity,
        Channel::StrokeOpacity,
        Channel::StrokeWidth,
        Channel::Size,
        Channel::Shape,
        Channel::StrokeDash,
        Channel::Theta,
        Channel::Theta2,
        Channel::Radius,
        Channel::Radius2,
        Channel::Text,
        Channel::Tooltip,
        Channel::Detail,
        Channel::Order,
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
                    let known = [
                        "row",
                        "column",
                        "facet",
                        "latitude",
                        "longitude",
                        "latitude2",
                        "longitude2",
                        "href",
                        "url",
                        "key",
                        "description",
                        "angle",
                        "shape2",
                    ];
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
        let prim: Vec<(Channel, FieldType, bool)> =
            self.channels.iter().map(|(c, d)| (*c, d.ty, d.time_unit.is_some())).collect();
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
