//! Legends for colour, size, shape, opacity and dash scales: symbol legends for discrete
//! scales (one entry per domain value), a gradient for continuous colour, sized circles for
//! size. Entries flow onto further lines when narrow; `legend: null` hides one, and a scale
//! that several channels share gets one legend.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::format::number::tick_format;
use crate::grammar::format::Locale;
use crate::grammar::guide::format::format_value;
use crate::grammar::json::check_keys;
use crate::grammar::mark::MarkType;
use crate::grammar::scale::Domain;
use crate::grammar::scales::{Resolved, Scales};
use crate::grammar::{Json, Value};
use crate::layout::{fit_text, measure, Anchor, Geom, Label, Layout, Paint, Rect, Shape};
use crate::theme::{Rgb, Theme};

/// One legend entry's symbol.
#[derive(Debug, Clone, PartialEq)]
pub enum Symbol {
    /// A filled swatch (bars, areas, arcs, rects).
    Swatch(Rgb),
    /// A line sample (lines, rules), with a dash.
    Line(Rgb, Vec<f64>),
    /// A circle of a radius (points, size legends).
    Circle(Rgb, f64),
    /// A point shape by index (shape legends).
    Shape(usize, Rgb),
}

/// A planned legend.
#[derive(Debug, Clone, PartialEq)]
pub enum Legend {
    /// Entries with symbols.
    Symbols {
        /// Title.
        title: Option<String>,
        /// Symbol and label per entry.
        entries: Vec<(Symbol, String)>,
    },
    /// A colour ramp from the low to the high label.
    Gradient {
        /// Title.
        title: Option<String>,
        /// Colours, low to high.
        stops: Vec<Rgb>,
        /// Labels under the ramp (position 0-1 and text).
        labels: Vec<(f64, String)>,
    },
}

const ENTRY_H: f64 = 20.0;
const SIZE: f64 = 11.0;
const MAX_ENTRIES: usize = 50;

/// Plans the legends of a chart's scales.
pub fn plan(scales: &Scales, marks: &[MarkType], loc: Locale, theme: &Theme, off: bool) -> Result<Vec<Legend>, Error> {
    let mut out = Vec::new();
    if off {
        return Ok(out);
    }
    let filled = marks.iter().any(|m| {
        matches!(
            m,
            MarkType::Bar | MarkType::Area | MarkType::Arc | MarkType::Rect | MarkType::Circle | MarkType::Square
        )
    });
    let line = marks.iter().all(|m| matches!(m, MarkType::Line | MarkType::Rule | MarkType::Trail));
    let mut seen: Vec<String> = Vec::new();
    for r in &scales.list {
        if !matches!(
            r.channel,
            Channel::Color
                | Channel::Fill
                | Channel::Stroke
                | Channel::Size
                | Channel::Shape
                | Channel::Opacity
                | Channel::StrokeDash
        ) {
            continue;
        }
        let p = r.def.path.key("legend");
        let title = match &r.def.legend {
            Some(Json::Null) => continue,
            Some(l) => {
                check_keys(
                    l,
                    &p,
                    &[
                        "title",
                        "orient",
                        "direction",
                        "type",
                        "format",
                        "formatType",
                        "values",
                        "symbolType",
                        "labelLimit",
                        "columns",
                        "labelFontSize",
                        "titleFontSize",
                        "symbolSize",
                        "padding",
                        "offset",
                        "aria",
                        "description",
                        "labelColor",
                        "titleColor",
                        "gradientLength",
                        "tickCount",
                    ],
                    &["labelExpr", "encode", "fillColor"],
                )?;
                if let Some(o) = l.get("orient") {
                    let s = o.str(&p.key("orient"))?;
                    if !matches!(s, "right" | "left" | "top" | "bottom" | "none") {
                        return Err(Error::unsupported(
                            &p.key("orient"),
                            format!("\"{s}\""),
                            "right, left, top, bottom, none",
                        ));
                    }
                    if s == "none" {
                        continue;
                    }
                }
                match l.get("title") {
                    Some(Json::Null) => None,
                    Some(t) => Some(t.str(&p.key("title"))?.to_string()),
                    None => Some(r.title.clone()),
                }
            }
            None => Some(r.title.clone()),
        };
        let key = format!("{}|{:?}", r.def.column().unwrap_or_default(), r.scale.domain());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        // The legend's own `format` / `formatType` win over the channel's.
        let mut r = r.clone();
        if let Some(l) = &r.def.legend {
            if let Some(f) = l.get("format") {
                r.def.format = Some(f.str(&p.key("format"))?.to_string());
            }
            if let Some(f) = l.get("formatType") {
                r.def.format_type = Some(f.str(&p.key("formatType"))?.to_string());
            }
        }
        out.push(one(&r, title, filled, line, loc, theme));
    }
    Ok(out)
}

/// Where the legends go: the first legend's own `orient`, else `config.legend.orient`.
/// `top` and `bottom` put them above or below the chart at every width; otherwise (`right`,
/// `left`, unset) they go beside the plot, on the right, from 640 px, and above it on
/// narrower screens (a phone keeps the plot's width).
pub fn orient<'a>(scales: &'a Scales, config: Option<&'a str>) -> Option<&'a str> {
    scales
        .list
        .iter()
        .filter(|r| {
            matches!(
                r.channel,
                Channel::Color
                    | Channel::Fill
                    | Channel::Stroke
                    | Channel::Size
                    | Channel::Shape
                    | Channel::Opacity
                    | Channel::StrokeDash
            )
        })
        .find_map(|r| match r.def.legend.as_ref()?.get("orient")? {
            Json::Str(s) => Some(s.as_str()),
            _ => None,
        })
        .or(config)
}

fn one(r: &Resolved, title: Option<String>, filled: bool, line: bool, loc: Locale, theme: &Theme) -> Legend {
    let colored = matches!(r.channel, Channel::Color | Channel::Fill | Channel::Stroke);
    match r.scale.domain() {
        Domain::Continuous(lo, hi) if colored => {
            let stops: Vec<Rgb> =
                (0..=8).filter_map(|i| r.scale.color(&Value::Num(lo + (hi - lo) * i as f64 / 8.0))).collect();
            let fmt = tick_format(*lo, *hi, 5.0, r.def.format.as_deref()).ok();
            let ticks = r.scale.ticks(5.0);
            let labels = ticks
                .iter()
                .filter_map(|v| {
                    let n = v.finite()?;
                    let t = if hi > lo { (n - lo) / (hi - lo) } else { 0.0 };
                    let text = match &fmt {
                        Some(f) if r.def.ty != crate::grammar::encoding::FieldType::Temporal => f.format(n, loc),
                        _ => format_value(&r.def, v, loc),
                    };
                    Some((t, text))
                })
                .collect();
            Legend::Gradient { title, stops, labels }
        }
        Domain::Continuous(..) => {
            let entries = r
                .scale
                .ticks(4.0)
                .iter()
                .map(|v| {
                    let px = r.scale.map(v).unwrap_or(1.0);
                    let sym = match r.channel {
                        Channel::Size => {
                            Symbol::Circle(theme.muted, (px.max(1.0) / std::f64::consts::PI).sqrt().clamp(1.0, 18.0))
                        }
                        _ => Symbol::Swatch(theme.muted),
                    };
                    (sym, format_value(&r.def, v, loc))
                })
                .collect();
            Legend::Symbols { title, entries }
        }
        Domain::Discrete(values) => {
            let entries = values
                .iter()
                .take(MAX_ENTRIES)
                .enumerate()
                .map(|(i, v)| {
                    let c = if colored { r.scale.color(v).unwrap_or(theme.muted) } else { theme.muted };
                    let sym = match r.channel {
                        Channel::Shape => Symbol::Shape(r.scale.map(v).unwrap_or(i as f64) as usize, c),
                        Channel::StrokeDash => {
                            Symbol::Line(c, vec![6.0, 3.0].into_iter().take(if i == 0 { 0 } else { 2 }).collect())
                        }
                        Channel::Size => Symbol::Circle(
                            c,
                            (r.scale.map(v).unwrap_or(30.0).max(1.0) / std::f64::consts::PI).sqrt().clamp(1.0, 18.0),
                        ),
                        _ if line => Symbol::Line(c, Vec::new()),
                        _ if filled => Symbol::Swatch(c),
                        _ => Symbol::Circle(c, 5.0),
                    };
                    let label = if v.is_missing() {
                        crate::grammar::words::not_reported(loc).to_string()
                    } else {
                        format_value(&r.def, v, loc)
                    };
                    (sym, label)
                })
                .collect();
            Legend::Symbols { title, entries }
        }
        _ => Legend::Symbols { title, entries: Vec::new() },
    }
}

fn symbol_w(s: &Symbol) -> f64 {
    match s {
        Symbol::Circle(_, r) => (2.0 * r).max(12.0),
        Symbol::Line(..) => 18.0,
        _ => 12.0,
    }
}

impl Legend {
    /// Draws the legend flowing from `(x, y)` within `max_w`; returns the y below it.
    pub fn draw(&self, l: &mut Layout, x: f64, y: f64, max_w: f64, theme: &Theme) -> f64 {
        let mut y = y;
        let title = match self {
            Legend::Symbols { title, .. } | Legend::Gradient { title, .. } => title,
        };
        if let Some(t) = title.as_ref().filter(|t| !t.is_empty()) {
            l.labels.push(
                Label::new(fit_text(t, SIZE, true, max_w), x, y + SIZE * 0.7, SIZE, theme.text, Anchor::Start).bold(),
            );
            y += SIZE * 1.5;
        }
        match self {
            Legend::Symbols { entries, .. } => {
                let (mut cx, mut cy) = (x, y);
                for (sym, name) in entries {
                    let sw = symbol_w(sym);
                    let h = ENTRY_H.max(sw + 4.0);
                    let name = fit_text(name, SIZE, false, (max_w - sw - 6.0).max(20.0));
                    let w = sw + 6.0 + measure(&name, SIZE, false);
                    if cx > x && cx + w > x + max_w {
                        cx = x;
                        cy += h;
                    }
                    let mid = cy + h / 2.0;
                    let shape = match sym {
                        Symbol::Swatch(c) => Shape {
                            geom: Geom::Rect { rect: Rect::new(cx, mid - 6.0, 12.0, 12.0), radius: 0.0 },
                            fill: Some(Paint { color: *c, opacity: 1.0 }),
                            stroke: None,
                            stroke_width: 0.0,
                            dash: Vec::new(),
                        },
                        Symbol::Line(c, dash) => Shape {
                            geom: Geom::Line(vec![(cx, mid), (cx + 18.0, mid)]),
                            fill: None,
                            stroke: Some(Paint { color: *c, opacity: 1.0 }),
                            stroke_width: 2.0,
                            dash: dash.clone(),
                        },
                        Symbol::Circle(c, r) => Shape {
                            geom: Geom::Circle { x: cx + sw / 2.0, y: mid, r: *r },
                            fill: Some(Paint { color: *c, opacity: 0.85 }),
                            stroke: None,
                            stroke_width: 0.0,
                            dash: Vec::new(),
                        },
                        Symbol::Shape(i, c) => Shape {
                            geom: Geom::Polygon(crate::grammar::mark::point::symbol(*i, cx + 6.0, mid, 64.0)),
                            fill: None,
                            stroke: Some(Paint { color: *c, opacity: 1.0 }),
                            stroke_width: 1.5,
                            dash: Vec::new(),
                        },
                    };
                    l.shapes.push(shape);
                    l.labels.push(Label::new(name, cx + sw + 6.0, mid, SIZE, theme.text, Anchor::Start));
                    cx += w + 16.0;
                    let _ = h;
                }
                cy + ENTRY_H.max(entries.iter().map(|(s, _)| symbol_w(s) + 4.0).fold(0.0, f64::max))
            }
            Legend::Gradient { stops, labels, .. } => {
                let w = max_w.min(200.0);
                let n = stops.len().max(1) as f64;
                for (i, c) in stops.iter().enumerate() {
                    let r = Rect::new(x + w * i as f64 / n, y, w / n + 0.5, 10.0);
                    l.shapes.push(Shape {
                        geom: Geom::Rect { rect: r, radius: 0.0 },
                        fill: Some(Paint { color: *c, opacity: 1.0 }),
                        stroke: None,
                        stroke_width: 0.0,
                        dash: Vec::new(),
                    });
                }
                let mut last = f64::MIN;
                for (t, text) in labels {
                    let half = measure(text, SIZE, false) / 2.0;
                    let lx = (x + w * t).clamp(x + half, x + w.max(2.0 * half) - half);
                    if lx - half < last + 4.0 {
                        continue;
                    }
                    last = lx + half;
                    l.labels.push(Label::new(
                        text.clone(),
                        lx,
                        y + 10.0 + 4.0 + SIZE * 0.6,
                        SIZE,
                        theme.muted,
                        Anchor::Middle,
                    ));
                }
                y + 10.0 + 4.0 + SIZE * 1.3
            }
        }
    }

    /// The height the legend takes at `max_w` (drawn into a scratch layout).
    pub fn height(&self, max_w: f64, theme: &Theme) -> f64 {
        let mut scratch = Layout::new(max_w + 1.0, theme.background, &theme.font);
        self.draw(&mut scratch, 0.0, 0.0, max_w, theme)
    }

    /// The width of the widest entry or the title (for a legend beside the plot).
    pub fn width(&self) -> f64 {
        match self {
            Legend::Symbols { title, entries } => {
                entries
                    .iter()
                    .map(|(s, n)| symbol_w(s) + 6.0 + measure(n, SIZE, false))
                    .chain(title.iter().map(|t| measure(t, SIZE, true)))
                    .fold(0.0, f64::max)
                    + 2.0
            }
            Legend::Gradient { title, .. } => title.iter().map(|t| measure(t, SIZE, true)).fold(200.0, f64::max),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::format::Locale;
    use crate::grammar::{Chart, Json};

    #[test]
    fn a_legend_format_writes_its_labels_and_null_hides_it() {
        let spec = |legend: &str| {
            Json::parse(&format!(r#"{{"data": {{"values": [{{"a": 0.25, "b": 1}}, {{"a": 0.5, "b": 2}}]}}, "mark": "point",
                "encoding": {{"x": {{"field": "b", "type": "quantitative"}}, "color": {{"field": "a", "type": "ordinal", "legend": {legend}}}}}}}"#)).unwrap()
        };
        let theme = crate::theme::Theme::get(crate::theme::ThemeName::Light);
        let texts = |legend: &str| -> Vec<String> {
            let c = Chart::new(&spec(legend), &|_| Err(String::new())).unwrap();
            c.layout(640.0, Locale::En, &theme).unwrap().layout.labels.iter().map(|l| l.text.clone()).collect()
        };
        let t = texts(r#"{"format": ".0%", "title": "Share"}"#);
        assert!(
            t.contains(&"25%".to_string()) && t.contains(&"50%".to_string()) && t.contains(&"Share".to_string()),
            "{t:?}"
        );
        let t = texts("null");
        assert!(!t.contains(&"0.25".to_string()) && !t.contains(&"25%".to_string()), "{t:?}");
    }

    #[test]
    fn orient_top_and_bottom_hold_at_every_width() {
        let theme = crate::theme::Theme::get(crate::theme::ThemeName::Light);
        // The legend's "Group" title: where is it against the plot?
        let place = |orient: &str, width: f64| {
            let spec = Json::parse(&format!(
                r#"{{"data": {{"values": [{{"k": "a", "v": 1}}, {{"k": "b", "v": 2}}]}}, "mark": "bar",
                "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}},
                "color": {{"field": "k", "type": "nominal", "title": "Group", "legend": {{{orient}}}}}}}}}"#
            ))
            .unwrap();
            let c = Chart::new(&spec, &|_| Err(String::new())).unwrap();
            let l = c.layout(width, Locale::En, &theme).unwrap().layout;
            let t = l.labels.iter().find(|x| x.text == "Group").unwrap().bbox();
            if t.bottom() <= l.plot.y {
                "above"
            } else if t.y >= l.plot.bottom() {
                "below"
            } else if t.x >= l.plot.right() {
                "beside"
            } else {
                "inside"
            }
        };
        assert_eq!(place("", 1000.0), "beside");
        assert_eq!(place("", 400.0), "above");
        assert_eq!(place(r#""orient": "top""#, 1000.0), "above");
        assert_eq!(place(r#""orient": "bottom""#, 1000.0), "below");
        assert_eq!(place(r#""orient": "bottom""#, 400.0), "below");
    }
}
