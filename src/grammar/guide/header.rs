//! Facet headers' styling: a facet field's `header` (and `config.header`, `config.headerRow`,
//! `headerColumn`, `headerFacet` under it) read into one [`HeaderStyle`] for the layout, which
//! writes one title line over the panels and one label line per panel, above it or below it.
//! Supported: font sizes, weights and colours of labels and title, `labelAlign` (left,
//! centre, right of the panel), `labelOrient` / `titleOrient` / `orient` `top` or `bottom`,
//! `labelPadding` (between label and panel, or the x axis under it) and `titlePadding`
//! (between title and panels), `labelLimit` and `titleLimit`, `labelAngle` 0, and the
//! labels' text: `format`, `formatType` and `labelExpr` ([`HeaderText`]). What this layout cannot draw (labels beside
//! the panels, turned labels, a font other than the chart's, ...) is refused with its path.

use crate::error::{Error, Path};
use crate::grammar::expr::Expr;
use crate::grammar::format::number::NumberFormat;
use crate::grammar::format::time::TimeFormat;
use crate::grammar::json::check_keys;
use crate::grammar::Json;
use crate::layout::{fit_text, Anchor, Label};
use crate::theme::{Rgb, Theme};

/// Header properties drawn here.
pub const KEYS: &[&str] = &[
    "title",
    "labels",
    "labelAngle",
    "labelAlign",
    "labelColor",
    "labelFontSize",
    "labelFontWeight",
    "labelOrient",
    "labelPadding",
    "titleColor",
    "titleFontSize",
    "titleFontWeight",
    "titleOrient",
    "titlePadding",
    "orient",
    "labelLimit",
    "titleLimit",
    "format",
    "formatType",
    "labelExpr",
];

/// Header properties Vega-Lite has and this layout does not draw yet.
pub const NOT_YET: &[&str] = &[
    "labelAnchor",
    "labelBaseline",
    "labelFont",
    "labelFontStyle",
    "labelLineHeight",
    "titleAlign",
    "titleAnchor",
    "titleAngle",
    "titleBaseline",
    "titleFont",
    "titleFontStyle",
    "titleLineHeight",
];

/// Above or below the panels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// Above (`top`, the default).
    Top,
    /// Below (`bottom`).
    Bottom,
}

/// How one text of the header is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font size, px.
    pub size: f64,
    /// Bold weight.
    pub bold: bool,
    /// Colour (`None`: the theme's).
    pub color: Option<Rgb>,
    /// Above or below.
    pub place: Place,
    /// Space between this text and what it heads, px.
    pub padding: f64,
    /// Widest it may be, px, shortened with "…" beyond (`labelLimit`, `titleLimit`; 0: no
    /// limit but the room there is).
    pub limit: f64,
}

/// What a field's header labels say, beyond its values: `format`, `formatType` and
/// `labelExpr` (with `datum.value` and `datum.label`, as Vega-Lite gives them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderText {
    /// A d3 format for the labels.
    pub format: Option<String>,
    /// `number`, `time` or `utc`.
    pub format_type: Option<String>,
    /// The label's expression.
    pub label_expr: Option<Expr>,
}

/// The styling of a facet's headers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeaderStyle {
    /// Each panel's label.
    pub label: TextStyle,
    /// Where the label sits across its panel (`labelAlign`).
    pub align: Anchor,
    /// The title over (or under) all the panels.
    pub title: TextStyle,
}

impl Default for HeaderStyle {
    fn default() -> HeaderStyle {
        HeaderStyle {
            label: TextStyle { size: 12.0, bold: true, color: None, place: Place::Top, padding: 4.0, limit: 0.0 },
            align: Anchor::Middle,
            title: TextStyle { size: 12.0, bold: false, color: None, place: Place::Top, padding: 4.0, limit: 0.0 },
        }
    }
}

fn num(j: &Json, p: &Path, lo: f64, hi: f64) -> Result<f64, Error> {
    let n = j.num(p)?;
    if !(lo..=hi).contains(&n) {
        return Err(Error::spec(p, format!("expected {lo} to {hi}, found {n}")));
    }
    Ok(n)
}

fn weight(j: &Json, p: &Path) -> Result<bool, Error> {
    match j {
        Json::Str(s) if s == "bold" || s == "bolder" => Ok(true),
        Json::Str(s) if s == "normal" || s == "lighter" => Ok(false),
        Json::Num(n) if (1.0..=1000.0).contains(n) => Ok(*n >= 600.0),
        other => Err(Error::unsupported(p, other.to_text(), "normal, bold, lighter, bolder or 100 to 900")),
    }
}

fn place(j: &Json, p: &Path) -> Result<Place, Error> {
    match j.str(p)? {
        "top" => Ok(Place::Top),
        "bottom" => Ok(Place::Bottom),
        s => Err(Error::unsupported(
            p,
            format!("\"{s}\" (headers are written above or below the panels)"),
            "top, bottom",
        )),
    }
}

impl HeaderStyle {
    /// Applies the properties of one `header` object found at `path` (later sources override
    /// earlier ones: config first, then the field's own).
    pub fn read(&mut self, h: &Json, path: &Path) -> Result<(), Error> {
        check_keys(h, path, KEYS, NOT_YET)?;
        for (k, v) in h.obj(path)? {
            let p = path.key(k);
            match k.as_str() {
                "labelAngle" => {
                    let a = v.num(&p)?;
                    if a.rem_euclid(360.0) != 0.0 {
                        return Err(Error::unsupported(&p, format!("{a} (labels are written level)"), "0"));
                    }
                }
                "labelAlign" => {
                    self.align = match v.str(&p)? {
                        "left" => Anchor::Start,
                        "center" => Anchor::Middle,
                        "right" => Anchor::End,
                        s => return Err(Error::unsupported(&p, format!("\"{s}\""), "left, center, right")),
                    }
                }
                "labelColor" => self.label.color = Some(color(v, &p)?),
                "titleColor" => self.title.color = Some(color(v, &p)?),
                "labelFontSize" => self.label.size = num(v, &p, 6.0, 40.0)?,
                "titleFontSize" => self.title.size = num(v, &p, 6.0, 40.0)?,
                "labelFontWeight" => self.label.bold = weight(v, &p)?,
                "titleFontWeight" => self.title.bold = weight(v, &p)?,
                "labelOrient" => self.label.place = place(v, &p)?,
                "titleOrient" => self.title.place = place(v, &p)?,
                "orient" => {
                    self.label.place = place(v, &p)?;
                    self.title.place = self.label.place;
                }
                "labelPadding" => self.label.padding = num(v, &p, 0.0, 100.0)?,
                "titlePadding" => self.title.padding = num(v, &p, 0.0, 100.0)?,
                "labelLimit" => self.label.limit = num(v, &p, 0.0, 4000.0)?,
                "titleLimit" => self.title.limit = num(v, &p, 0.0, 4000.0)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Height of the band each panel's label takes (its padding included).
    pub fn label_band(&self) -> f64 {
        self.label.size + 4.0 + self.label.padding
    }

    /// Height of the band the title takes (its padding included).
    pub fn title_band(&self) -> f64 {
        self.title.size + 4.0 + self.title.padding
    }

    /// A panel's label over (or under) `[x, x + w]`: `edge` is the panel's top (or the bottom
    /// of what is under it).
    pub fn label_at(&self, text: &str, x: f64, w: f64, edge: f64, theme: &Theme) -> Label {
        let s = &self.label;
        let t = fit_text(text, s.size, s.bold, limited(w, s.limit));
        let ax = match self.align {
            Anchor::Start => x,
            Anchor::Middle => x + w / 2.0,
            Anchor::End => x + w,
        };
        let y = match s.place {
            Place::Top => edge - s.padding - s.size / 2.0,
            Place::Bottom => edge + s.padding + s.size / 2.0,
        };
        let l = Label::new(t, ax, y, s.size, s.color.unwrap_or(theme.text), self.align);
        if s.bold {
            l.bold()
        } else {
            l
        }
    }

    /// The title starting at `x`, at most `w` wide, in the band that starts at `top`.
    pub fn title_at(&self, text: &str, x: f64, w: f64, top: f64, theme: &Theme) -> Label {
        let s = &self.title;
        let y = match s.place {
            Place::Top => top + 4.0 + s.size / 2.0,
            Place::Bottom => top + s.padding + s.size / 2.0,
        };
        let l = Label::new(
            fit_text(text, s.size, s.bold, limited(w, s.limit)),
            x,
            y,
            s.size,
            s.color.unwrap_or(theme.muted),
            Anchor::Start,
        );
        if s.bold {
            l.bold()
        } else {
            l
        }
    }
}

/// `w`, or `limit` when that is narrower (0: no limit).
fn limited(w: f64, limit: f64) -> f64 {
    if limit > 0.0 {
        w.min(limit)
    } else {
        w
    }
}

/// The style and label text of one facet field's headers: `config.header`, then
/// `config.<kind>` (`headerRow`, `headerColumn` or `headerFacet`), then the field's own
/// `header`, each overriding the ones before. `config` is the spec's `config` object and its
/// path; `temporal` says how a `format` without `formatType` is read.
pub fn for_field(
    config: Option<(&Json, &Path)>,
    kind: &str,
    header: Option<(&Json, &Path)>,
    temporal: bool,
) -> Result<(HeaderStyle, HeaderText), Error> {
    let mut s = HeaderStyle::default();
    let mut text = HeaderText::default();
    let mut sources = Vec::new();
    if let Some((c, cp)) = config {
        for k in ["header", kind] {
            let Some(h) = c.get(k) else { continue };
            let p = cp.key(k);
            if h.get("title").is_some() {
                return Err(Error::spec(&p.key("title"), "a header's title is given with its field, not in config"));
            }
            sources.push((h, p));
        }
    }
    if let Some((h, hp)) = header {
        sources.push((h, hp.clone()));
    }
    let mut format_at = None;
    for (h, p) in &sources {
        s.read(h, p)?;
        if let Some(f) = h.get("format") {
            text.format = Some(f.str(&p.key("format"))?.to_string());
            format_at = Some(p.key("format"));
        }
        if let Some(t) = h.get("formatType") {
            let tp = p.key("formatType");
            match t.str(&tp)? {
                k @ ("number" | "time" | "utc") => text.format_type = Some(k.to_string()),
                k => return Err(Error::unsupported(&tp, format!("\"{k}\""), "number, time, utc")),
            }
        }
        if let Some(e) = h.get("labelExpr") {
            let ep = p.key("labelExpr");
            text.label_expr = Some(Expr::parse(e.str(&ep)?, &ep)?);
        }
    }
    if let (Some(f), Some(p)) = (&text.format, &format_at) {
        let time = text.format_type.as_deref().map_or(temporal, |t| t != "number");
        let bad = if time { TimeFormat::parse(f).err() } else { NumberFormat::parse(f).err() };
        if let Some(why) = bad {
            return Err(Error::spec(p, format!("\"{f}\" is not a valid format: {why}")));
        }
    }
    Ok((s, text))
}

fn color(j: &Json, p: &Path) -> Result<Rgb, Error> {
    let s = j.str(p)?;
    crate::style::parse_color(s)
        .ok_or_else(|| Error::spec(p, format!("\"{s}\" is not a colour (#rgb, #rrggbb or rgb())")))
}
