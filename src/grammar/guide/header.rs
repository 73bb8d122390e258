//! Facet headers' styling: a facet field's `header` (and `config.header`, `config.headerRow`,
//! `headerColumn`, `headerFacet` under it) read into one [`HeaderStyle`] for the layout, which
//! writes a title and labels: above or below each panel, or (a `row`'s default, as in
//! Vega-Lite) once per row of panels on their left, turned a quarter ([`HeaderStyle::side_label`]).
//! Supported: font sizes, weights and colours of labels and title, `labelAlign` (left,
//! centre, right of the panel), `labelOrient` / `titleOrient` / `orient` `top` or `bottom`
//! (and `left` for a row), `labelAngle` 0 (and -90, 90 or 270 beside the panels),
//! `labelPadding` (between label and panel, or the x axis under it) and `titlePadding`
//! (between title and panels), `labelLimit` and `titleLimit`, and the
//! labels' text: `format`, `formatType` and `labelExpr` ([`HeaderText`]). What this layout
//! cannot draw (headers on the right, column headers beside the panels, a font other than the
//! chart's, ...) is refused with its path.

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
    "titleAnchor",
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
    "titleAngle",
    "titleBaseline",
    "titleFont",
    "titleFontStyle",
    "titleLineHeight",
];

/// Above, below or to the left of the panels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// Above (`top`, the default of column and wrapped facets).
    Top,
    /// Below (`bottom`).
    Bottom,
    /// On the left, once per row of panels (`left`, a row's default).
    Left,
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
    /// The labels' rotation in degrees, clockwise: 0, or -90 / 90 beside the panels
    /// (`labelAngle`; Vega-Lite's 270, a row's default, is -90: read upwards).
    pub angle: f64,
    /// Where the title sits along what it heads (`titleAnchor`: start, middle, end); `None`:
    /// this layout's default (the start of a title over every panel's values, the middle of a
    /// grid's column or row title, as Vega-Lite centres them).
    pub title_anchor: Option<Anchor>,
}

impl Default for HeaderStyle {
    fn default() -> HeaderStyle {
        HeaderStyle {
            label: TextStyle { size: 12.0, bold: true, color: None, place: Place::Top, padding: 4.0, limit: 0.0 },
            align: Anchor::Middle,
            title: TextStyle { size: 12.0, bold: false, color: None, place: Place::Top, padding: 4.0, limit: 0.0 },
            angle: 0.0,
            title_anchor: None,
        }
    }
}

impl HeaderStyle {
    /// A row's default: labels and title on the left, read upwards (Vega-Lite's).
    pub fn row() -> HeaderStyle {
        let mut s = HeaderStyle::default();
        s.label.place = Place::Left;
        s.title.place = Place::Left;
        s.angle = -90.0;
        s
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
        "left" => Ok(Place::Left),
        s => Err(Error::unsupported(
            p,
            format!("\"{s}\" (headers are written above, below or, for rows, left of the panels)"),
            "top, bottom, left",
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
                    self.angle = match a.rem_euclid(360.0) {
                        0.0 => 0.0,
                        90.0 => 90.0,
                        270.0 => -90.0,
                        _ => {
                            return Err(Error::unsupported(
                                &p,
                                format!("{a} (labels are written level, or a quarter turn beside the panels)"),
                                "0, 90, -90 or 270",
                            ))
                        }
                    };
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
                "titleAnchor" => {
                    self.title_anchor = match v {
                        Json::Null => None,
                        _ => Some(match v.str(&p)? {
                            "start" => Anchor::Start,
                            "middle" => Anchor::Middle,
                            "end" => Anchor::End,
                            s => return Err(Error::unsupported(&p, format!("\"{s}\""), "start, middle, end")),
                        }),
                    }
                }
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
            Place::Top | Place::Left => edge - s.padding - s.size / 2.0,
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
            Place::Top | Place::Left => top + 4.0 + s.size / 2.0,
            Place::Bottom => top + s.padding + s.size / 2.0,
        };
        let anchor = self.title_anchor.unwrap_or(Anchor::Start);
        let ax = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x + w / 2.0,
            Anchor::End => x + w,
        };
        let l = Label::new(
            fit_text(text, s.size, s.bold, limited(w, s.limit)),
            ax,
            y,
            s.size,
            s.color.unwrap_or(theme.muted),
            anchor,
        );
        if s.bold {
            l.bold()
        } else {
            l
        }
    }
}

/// `w`, or `limit` when that is narrower (0: no limit).
pub(super) fn limited(w: f64, limit: f64) -> f64 {
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
    let row = kind == "headerRow";
    let mut s = if row { HeaderStyle::row() } else { HeaderStyle::default() };
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
    check_sides(&mut s, &sources, row)?;
    if let (Some(f), Some(p)) = (&text.format, &format_at) {
        let time = text.format_type.as_deref().map_or(temporal, |t| t != "number");
        let bad = if time { TimeFormat::parse(f).err() } else { NumberFormat::parse(f).err() };
        if let Some(why) = bad {
            return Err(Error::spec(p, format!("\"{f}\" is not a valid format: {why}")));
        }
    }
    Ok((s, text))
}

/// The path of the last source that sets one of `keys`.
fn last_at(sources: &[(&Json, Path)], keys: &[&str]) -> Option<Path> {
    sources.iter().rev().find_map(|(h, p)| keys.iter().find(|k| h.get(k).is_some()).map(|k| p.key(k)))
}

/// What the layout can draw of the headers' sides: only a row's headers go beside the
/// panels, its labels and title on the same side; a turned label only beside them.
fn check_sides(s: &mut HeaderStyle, sources: &[(&Json, Path)], row: bool) -> Result<(), Error> {
    let left = (s.label.place == Place::Left, s.title.place == Place::Left);
    if !row && (left.0 || left.1) {
        let at = last_at(sources, &["labelOrient", "titleOrient", "orient"]).unwrap_or_default();
        return Err(Error::unsupported(
            &at,
            "\"left\" for a column or wrapped facet (only rows go beside the panels here)",
            "top, bottom",
        ));
    }
    if left.0 != left.1 {
        let at = last_at(sources, &["titleOrient", "labelOrient", "orient"]).unwrap_or_default();
        return Err(Error::unsupported(
            &at,
            "a row's title and labels on different sides",
            "the same orient for both (\"orient\")",
        ));
    }
    if !left.0 && s.angle != 0.0 {
        match last_at(sources, &["labelAngle"]) {
            Some(at) => {
                return Err(Error::unsupported(
                    &at,
                    format!("{} above or below the panels (written level there)", s.angle),
                    "0",
                ))
            }
            // A row moved above the panels keeps no default turn.
            None => s.angle = 0.0,
        }
    }
    Ok(())
}

fn color(j: &Json, p: &Path) -> Result<Rgb, Error> {
    let s = j.str(p)?;
    crate::style::parse_color(s)
        .ok_or_else(|| Error::spec(p, format!("\"{s}\" is not a colour (#rgb, #rrggbb or rgb())")))
}
