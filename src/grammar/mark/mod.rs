//! Marks: the mark definition of a unit (`"bar"` or `{"type": "bar", ...}`) and one file per
//! mark type that turns the unit's rows, through its scales, into [`crate::layout::Shape`]s and
//! hit items.

pub mod arc;
pub mod area;
pub mod bar;
pub mod common;
pub mod line;
pub mod point;
pub mod rect;
pub mod rule;
pub mod text;
pub mod tick;
pub mod tooltip;
pub mod trail;

use crate::error::{Error, Path};
use crate::grammar::json::check_keys;
use crate::grammar::Json;

/// Mark types this engine draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkType {
    /// Bars (either orientation).
    Bar,
    /// Lines.
    Line,
    /// Filled areas.
    Area,
    /// Points (shapes, hollow by default).
    Point,
    /// Filled circles.
    Circle,
    /// Filled squares.
    Square,
    /// Short lines across an axis.
    Tick,
    /// Lines between two positions (reference lines).
    Rule,
    /// Text.
    Text,
    /// Rectangles (heatmaps).
    Rect,
    /// Arcs (pie, donut, radial).
    Arc,
    /// Lines whose width varies along them.
    Trail,
}

impl MarkType {
    /// Names, as in a spec.
    pub const NAMES: &'static [&'static str] =
        &["bar", "line", "area", "point", "circle", "square", "tick", "rule", "text", "rect", "arc", "trail"];
    const ALL: [MarkType; 12] = [
        MarkType::Bar,
        MarkType::Line,
        MarkType::Area,
        MarkType::Point,
        MarkType::Circle,
        MarkType::Square,
        MarkType::Tick,
        MarkType::Rule,
        MarkType::Text,
        MarkType::Rect,
        MarkType::Arc,
        MarkType::Trail,
    ];

    /// The spec name.
    pub fn name(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|m| *m == self).unwrap_or(0)]
    }
}

/// A mark and its properties (constants that apply to every mark of the unit).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkDef {
    /// The type.
    pub ty: MarkType,
    /// Properties other than `type`, as given (read by the mark files through [`MarkDef::num`]
    /// and friends).
    pub props: Vec<(String, Json)>,
    /// Where it is in the spec.
    pub path: Path,
}

/// Mark properties this engine reads.
const PROPS: &[&str] = &[
    "type",
    "color",
    "fill",
    "stroke",
    "opacity",
    "fillOpacity",
    "strokeOpacity",
    "strokeWidth",
    "strokeDash",
    "size",
    "filled",
    "cornerRadius",
    "cornerRadiusEnd",
    "interpolate",
    "point",
    "line",
    "align",
    "baseline",
    "dx",
    "dy",
    "angle",
    "fontSize",
    "fontWeight",
    "font",
    "text",
    "innerRadius",
    "outerRadius",
    "padAngle",
    "radius",
    "radius2",
    "thickness",
    "orient",
    "tooltip",
    "clip",
    "binSpacing",
    "shape",
    "width",
    "height",
    "limit",
    "style",
    "invalid",
    "cursor",
    "aria",
    "description",
    "strokeCap",
    "strokeJoin",
    "tension",
    "discreteBandSize",
    "continuousBandSize",
    "cornerRadiusTopLeft",
    "cornerRadiusTopRight",
    "cornerRadiusBottomLeft",
    "cornerRadiusBottomRight",
    "theta",
    "x",
    "y",
];
const NOT_YET: &[&str] = &[
    "href",
    "url",
    "blend",
    "aspect",
    "ellipsis",
    "lineBreak",
    "lineHeight",
    "dir",
    "timeUnitBandPosition",
    "timeUnitBandSize",
    "x2",
    "y2",
    "xOffset",
    "yOffset",
    "theta2",
    "fontStyle",
    "extent",
    "ticks",
    "median",
    "outliers",
    "rule",
    "box",
    "borders",
    "minBandSize",
];

impl MarkDef {
    /// Reads `mark` at `path`.
    pub fn parse(j: &Json, path: &Path) -> Result<MarkDef, Error> {
        let (name, props, tp) = match j {
            Json::Str(s) => (s.as_str(), Vec::new(), path.clone()),
            Json::Obj(o) => {
                check_keys(j, path, PROPS, NOT_YET)?;
                let t = j.get("type").ok_or_else(|| Error::spec(path, "a mark object needs \"type\""))?;
                let props = o.iter().filter(|(k, _)| k != "type").cloned().collect();
                (t.str(&path.key("type"))?, props, path.key("type"))
            }
            other => {
                return Err(Error::spec(path, format!("expected a mark name or object, found {}", other.to_text())))
            }
        };
        let ty = match MarkType::NAMES.iter().position(|n| *n == name) {
            Some(i) => MarkType::ALL[i],
            None => {
                let later = ["image", "geoshape"];
                let why = if later.contains(&name) {
                    format!("mark \"{name}\" is not supported yet")
                } else {
                    format!("unknown mark \"{name}\"")
                };
                return Err(Error::unsupported(&tp, why, &MarkType::NAMES.join(", ")));
            }
        };
        let m = MarkDef { ty, props, path: path.clone() };
        m.check()?;
        Ok(m)
    }

    /// A property, if given.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.props.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A numeric property (refuses expressions and other types with the property's path).
    pub fn num(&self, key: &str) -> Result<Option<f64>, Error> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Num(n)) if n.is_finite() => Ok(Some(*n)),
            Some(other) => Err(Error::unsupported(&self.path.key(key), other.to_text(), "a number")),
        }
    }

    /// A text property.
    pub fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(other) => Err(Error::unsupported(&self.path.key(key), other.to_text(), "text")),
        }
    }

    /// A boolean property.
    pub fn flag(&self, key: &str) -> Result<Option<bool>, Error> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(Json::Obj(_)) if key == "point" || key == "line" || key == "tooltip" => Ok(Some(true)),
            Some(other) => Err(Error::unsupported(&self.path.key(key), other.to_text(), "true or false")),
        }
    }

    fn check(&self) -> Result<(), Error> {
        for k in [
            "opacity",
            "fillOpacity",
            "strokeOpacity",
            "strokeWidth",
            "size",
            "cornerRadius",
            "dx",
            "dy",
            "fontSize",
            "innerRadius",
            "outerRadius",
            "padAngle",
            "thickness",
            "binSpacing",
            "radius",
            "radius2",
            "cornerRadiusEnd",
        ] {
            self.num(k)?;
        }
        for k in ["color", "fill", "stroke"] {
            if let Some(v) = self.get(k) {
                if !matches!(v, Json::Str(_) | Json::Null) {
                    return Err(Error::unsupported(&self.path.key(k), v.to_text(), "a CSS colour"));
                }
            }
        }
        if let Some(a) = self.num("angle")? {
            if a.rem_euclid(90.0) != 0.0 {
                return Err(Error::unsupported(
                    &self.path.key("angle"),
                    crate::grammar::value::js_number(a),
                    "0, 90, 180, 270 (quarter turns)",
                ));
            }
        }
        if let Some(i) = self.text("interpolate")? {
            if !matches!(i.as_str(), "linear" | "monotone" | "step" | "step-after" | "step-before" | "linear-closed") {
                return Err(Error::unsupported(
                    &self.path.key("interpolate"),
                    format!("\"{i}\""),
                    "linear, monotone, step, step-after, step-before",
                ));
            }
        }
        if let Some(Json::Arr(d)) = self.get("strokeDash") {
            if d.iter().any(|x| !matches!(x, Json::Num(n) if *n >= 0.0 && n.is_finite())) {
                return Err(Error::spec(&self.path.key("strokeDash"), "expected an array of lengths"));
            }
        }
        if let Some(o) = self.text("orient")? {
            if o != "horizontal" && o != "vertical" {
                return Err(Error::unsupported(&self.path.key("orient"), format!("\"{o}\""), "horizontal, vertical"));
            }
        }
        Ok(())
    }
}

/// Lays a spec (with inline data) out 400 px wide in the light theme, for the mark files' tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn test_layout(spec: &str) -> crate::grammar::Compiled {
    let json = crate::grammar::Json::parse(spec).unwrap();
    let chart = crate::grammar::Chart::new(&json, &|_| Err("no files".to_string())).unwrap();
    chart
        .layout(400.0, crate::grammar::format::Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light))
        .unwrap()
}
