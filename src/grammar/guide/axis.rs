//! Axes: ticks, labels, grid lines and titles for the `x` and `y` scales, with Vega-Lite's
//! `axis` properties (`title`, `format`, `formatType`, `labelAngle`, `labelOverlap`, `grid`,
//! `tickCount`, `values`, `orient`, `labels`, `ticks`, `domain`; `axis: null` hides it).
//! Labels never overlap: overlapping ones are thinned by parity, and discrete x labels that
//! cannot fit side by side are turned a quarter.

use crate::error::{Error, Path};
use crate::grammar::config::Config;
use crate::grammar::encoding::{Channel, FieldType};
use crate::grammar::format::number::tick_format;
use crate::grammar::format::time::{multi_format, TimeFormat};
use crate::grammar::format::Locale;
use crate::grammar::guide::format::format_value;
use crate::grammar::json::check_keys;
use crate::grammar::scales::Resolved;
use crate::grammar::{Json, Value};
use crate::layout::{fit_text, measure, Anchor, Label, Layout, Rect, Rule};
use crate::theme::Theme;

/// Which side of the plot an axis is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orient {
    /// Below.
    Bottom,
    /// Above.
    Top,
    /// Left.
    Left,
    /// Right.
    Right,
}

/// An axis, planned: where its ticks go and what they say.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// `x` or `y`.
    pub channel: Channel,
    /// Side.
    pub orient: Orient,
    /// Tick positions (px along the scale's range) and labels.
    pub ticks: Vec<(f64, String)>,
    /// Title, if shown.
    pub title: Option<String>,
    /// Grid lines across the plot.
    pub grid: bool,
    /// Labels turned a quarter (discrete x labels that do not fit).
    pub turned: bool,
    /// Label angle asked for (`labelAngle`).
    pub angle: Option<f64>,
    /// Labels shown.
    pub labels: bool,
    /// Label font size.
    pub size: f64,
    /// Title font size.
    pub title_size: f64,
    /// Axis line drawn.
    pub domain: bool,
    /// Longest label allowed, px.
    pub limit: f64,
    /// First and last labels kept inside the plot's ends (`labelFlush`).
    pub flush: bool,
}

const KEYS: &[&str] = &[
    "title",
    "format",
    "formatType",
    "labelAngle",
    "labelOverlap",
    "grid",
    "tickCount",
    "values",
    "orient",
    "labels",
    "ticks",
    "domain",
    "labelFontSize",
    "titleFontSize",
    "labelLimit",
    "tickMinStep",
    "labelColor",
    "titleColor",
    "labelPadding",
    "titlePadding",
    "tickSize",
    "labelFlush",
    "labelBound",
    "zindex",
    "offset",
    "aria",
    "description",
    "labelSeparation",
    "minExtent",
    "maxExtent",
    "translate",
    "bandPosition",
    "gridColor",
    "domainColor",
    "tickColor",
    "labelFont",
    "titleFont",
    "labelFontWeight",
    "titleFontWeight",
    "labelAlign",
    "labelBaseline",
    "titleAngle",
    "titleAlign",
    "titleAnchor",
];

/// Plans the axis of a position scale; `None` when the spec says `axis: null`. `length` is
/// the plot's extent along the axis.
pub fn plan(r: &Resolved, length: f64, loc: Locale, cfg: &Config) -> Result<Option<Axis>, Error> {
    let def = &r.def;
    let a = match &def.axis {
        Some(Json::Null) => return Ok(None),
        Some(a) => a.clone(),
        None => Json::Obj(Vec::new()),
    };
    let p = def.path.key("axis");
    check_keys(
        &a,
        &p,
        KEYS,
        &[
            "labelExpr",
            "encode",
            "style",
            "tickBand",
            "tickExtra",
            "tickOffset",
            "tickRound",
            "gridDash",
            "tickDash",
            "domainDash",
        ],
    )?;
    let is_x = r.channel == Channel::X;
    let orient = match a.get("orient") {
        None => {
            if is_x {
                Orient::Bottom
            } else {
                Orient::Left
            }
        }
        Some(o) => match (o.str(&p.key("orient"))?, is_x) {
            ("bottom", true) => Orient::Bottom,
            ("top", true) => Orient::Top,
            ("left", false) => Orient::Left,
            ("right", false) => Orient::Right,
            (s, _) => {
                return Err(Error::unsupported(
                    &p.key("orient"),
                    format!("\"{s}\""),
                    if is_x { "bottom, top" } else { "left, right" },
                ))
            }
        },
    };
    let flag = |k: &str, d: bool| -> Result<bool, Error> {
        a.get(k).map(|v| v.bool(&p.key(k))).transpose().map(|v| v.unwrap_or(d))
    };
    let continuous = r.ty.is_continuous();
    let grid = flag("grid", cfg.grid.unwrap_or(continuous))?;
    let title = match a.get("title") {
        Some(Json::Null) => None,
        Some(t) => Some(t.str(&p.key("title"))?.to_string()),
        None => Some(r.title.clone()).filter(|t| !t.is_empty()),
    };
    let angle = match a.get("labelAngle") {
        None => None,
        Some(v) => {
            let n = v.num(&p.key("labelAngle"))?;
            let m = n.rem_euclid(360.0);
            if m != 0.0 && m != 90.0 && m != 270.0 {
                return Err(Error::unsupported(
                    &p.key("labelAngle"),
                    crate::grammar::value::js_number(n),
                    "0, 90, -90, 270 (quarter turns)",
                ));
            }
            Some(if m == 270.0 { -90.0 } else { m })
        }
    };
    if let Some(o) = a.get("labelOverlap") {
        match o {
            Json::Bool(_) => {}
            Json::Str(s) if s == "parity" || s == "greedy" => {}
            other => {
                return Err(Error::unsupported(&p.key("labelOverlap"), other.to_text(), "true, false, parity, greedy"))
            }
        }
    }
    let size = a
        .get("labelFontSize")
        .map(|v| v.num(&p.key("labelFontSize")))
        .transpose()?
        .unwrap_or(cfg.label_size)
        .clamp(6.0, 40.0);
    let title_size = a
        .get("titleFontSize")
        .map(|v| v.num(&p.key("titleFontSize")))
        .transpose()?
        .unwrap_or(cfg.title_size)
        .clamp(6.0, 40.0);
    let limit = a.get("labelLimit").map(|v| v.num(&p.key("labelLimit"))).transpose()?.unwrap_or(180.0).max(20.0);
    let format = match a.get("format") {
        Some(f) => Some(f.str(&p.key("format"))?.to_string()),
        None => def.format.clone(),
    };
    let format_type = match a.get("formatType") {
        Some(f) => Some(f.str(&p.key("formatType"))?.to_string()),
        None => def.format_type.clone(),
    };
    let temporal = def.ty == FieldType::Temporal || matches!(format_type.as_deref(), Some("time" | "utc"));
    let values: Vec<Value> = match a.get("values") {
        Some(v) => v
            .arr(&p.key("values"))?
            .iter()
            .enumerate()
            .map(|(i, x)| match x {
                Json::Num(n) => Ok(if temporal { Value::Date(*n) } else { Value::Num(*n) }),
                Json::Str(s) if temporal => crate::grammar::format::date::parse_date(s)
                    .map(Value::Date)
                    .ok_or_else(|| Error::spec(&p.key("values").index(i), format!("\"{s}\" is not a date"))),
                Json::Str(s) => Ok(Value::str(s)),
                other => {
                    Err(Error::spec(&p.key("values").index(i), format!("expected a value, found {}", other.to_text())))
                }
            })
            .collect::<Result<_, _>>()?,
        None => {
            let count = match a.get("tickCount") {
                Some(c) => c.num(&p.key("tickCount"))?.clamp(1.0, 100.0),
                None => (length / 40.0).ceil().max(2.0),
            };
            match (&def.time_unit, continuous && temporal) {
                (Some(tu), true) => unit_ticks(r, tu, count),
                _ if continuous => r.scale.ticks(count),
                _ => discrete_domain(r),
            }
        }
    };
    let unit_labels = def.time_unit.is_some() && a.get("values").is_none();
    let mut ticks = Vec::new();
    let fmt_spec = format.clone();
    let num_fmt = if continuous && !temporal {
        let (lo, hi) = match r.scale.domain() {
            crate::grammar::scale::Domain::Continuous(a, b) => (*a, *b),
            _ => (0.0, 1.0),
        };
        let count = values.len().max(2) as f64;
        Some(tick_format(lo, hi, count, fmt_spec.as_deref()).map_err(|m| Error::spec(&p.key("format"), m))?)
    } else {
        None
    };
    let time_fmt = match (&fmt_spec, temporal) {
        (Some(s), true) => Some(TimeFormat::parse(s).map_err(|m| Error::spec(&p.key("format"), m))?),
        _ => None,
    };
    let band = r.scale.bandwidth();
    for v in values {
        let Some(pos) = r.scale.map(&v) else { continue };
        let label = if let Some(f) = &num_fmt {
            v.finite().map(|n| f.format(n, loc)).unwrap_or_default()
        } else if temporal && continuous && unit_labels && time_fmt.is_none() {
            format_value(def, &v, loc)
        } else if temporal && continuous {
            match (&time_fmt, crate::grammar::flow::date_of(&v)) {
                (Some(f), Some(ms)) => f.format(ms, loc),
                (None, Some(ms)) => multi_format(ms, loc),
                _ => v.to_text(),
            }
        } else {
            let mut d = def.clone();
            d.format = fmt_spec.clone();
            format_value(&d, &v, loc)
        };
        ticks.push((pos + band / 2.0, label));
    }
    let labels = flag("labels", true)?;
    let domain = flag("domain", true)?;
    let flush = match a.get("labelFlush") {
        Some(Json::Bool(b)) => *b,
        Some(Json::Num(_)) => true,
        Some(other) => {
            return Err(Error::spec(
                &p.key("labelFlush"),
                format!("expected true, false or a number, found {}", other.to_text()),
            ))
        }
        None => is_x && continuous,
    };
    let mut axis = Axis {
        channel: r.channel,
        orient,
        ticks,
        title,
        grid,
        turned: false,
        angle,
        labels,
        size,
        title_size,
        domain,
        limit,
        flush,
    };
    axis.turned = match angle {
        Some(a) => a != 0.0,
        None => is_x && !continuous && !fits_side_by_side(&axis, length),
    };
    Ok(Some(axis))
}

/// Ticks of a time-unit axis: the unit's own boundaries (every year of a `year` axis), every
/// k-th when there are more than `count`.
fn unit_ticks(r: &Resolved, tu: &crate::grammar::transform::timeunit::TimeUnit, count: f64) -> Vec<Value> {
    let (lo, hi) = match r.scale.domain() {
        crate::grammar::scale::Domain::Continuous(a, b) => (a.min(*b), a.max(*b)),
        _ => return Vec::new(),
    };
    let mut t = tu.floor(lo);
    if t < lo {
        t = tu.step_end(t);
    }
    let mut out = Vec::new();
    while t <= hi && out.len() < 2000 {
        out.push(t);
        let next = tu.step_end(t);
        if next.partial_cmp(&t) != Some(std::cmp::Ordering::Greater) {
            break;
        }
        t = next;
    }
    let k = (out.len() as f64 / count.max(1.0)).ceil().max(1.0) as usize;
    out.into_iter().step_by(k).map(Value::Date).collect()
}

fn discrete_domain(r: &Resolved) -> Vec<Value> {
    match r.scale.domain() {
        crate::grammar::scale::Domain::Discrete(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn fits_side_by_side(a: &Axis, length: f64) -> bool {
    let n = a.ticks.len().max(1) as f64;
    let step = length / n;
    a.ticks.iter().all(|(_, t)| measure(&fit_text(t, a.size, false, a.limit), a.size, false) + 4.0 <= step)
}

impl Axis {
    /// The px the axis needs beside the plot (labels and title).
    pub fn thickness(&self) -> f64 {
        let labels = if !self.labels {
            0.0
        } else if self.channel == Channel::X {
            if self.turned {
                self.longest()
            } else {
                self.size * 1.2
            }
        } else {
            self.longest()
        };
        let title = if self.title.is_some() { self.title_size * 1.2 + 6.0 } else { 0.0 };
        labels + title + 8.0
    }

    fn longest(&self) -> f64 {
        self.ticks
            .iter()
            .map(|(_, t)| measure(&fit_text(t, self.size, false, self.limit), self.size, false))
            .fold(0.0, f64::max)
    }

    /// Draws grid lines (under the marks) into `l` for the plot rectangle.
    pub fn draw_grid(&self, plot: Rect, l: &mut Layout, theme: &Theme) {
        if !self.grid {
            return;
        }
        for (p, _) in &self.ticks {
            let r = if self.channel == Channel::X {
                let x = plot.x + p;
                Rule { x1: x, y1: plot.y, x2: x, y2: plot.bottom(), color: theme.grid, width: 1.0 }
            } else {
                let y = plot.y + p;
                Rule { x1: plot.x, y1: y, x2: plot.right(), y2: y, color: theme.grid, width: 1.0 }
            };
            l.rules.push(r);
        }
    }

    /// Draws the axis line, tick labels (thinned so that none overlap) and title.
    pub fn draw(&self, plot: Rect, l: &mut Layout, theme: &Theme) {
        let size = self.size;
        let mut labels: Vec<Label> = Vec::new();
        if self.labels {
            for (p, t) in &self.ticks {
                let text = fit_text(t, size, false, self.limit);
                let lab = match (self.channel, self.orient) {
                    (Channel::X, o) => {
                        let x = plot.x + p;
                        let y = if o == Orient::Bottom { plot.bottom() + 6.0 } else { plot.y - 6.0 };
                        if self.turned {
                            let a = self.angle.unwrap_or(-90.0);
                            let a = if a == 0.0 { -90.0 } else { a };
                            let anchor = if (a < 0.0) == (o == Orient::Bottom) { Anchor::End } else { Anchor::Start };
                            Label::new(text, x, y, size, theme.muted, anchor).rotated(a)
                        } else {
                            let y = if o == Orient::Bottom { y + size * 0.6 } else { y - size * 0.6 };
                            let half = measure(&text, size, false) / 2.0;
                            // labelFlush (Vega-Lite's default on continuous x axes): labels at the
                            // plot's ends sit inside it, clear of the y axis's labels.
                            if self.flush && *p <= 0.5 {
                                Label::new(text, x, y, size, theme.muted, Anchor::Start)
                            } else if self.flush && *p >= plot.w - 0.5 {
                                Label::new(text, x, y, size, theme.muted, Anchor::End)
                            } else {
                                // Kept right of the y axis's labels (which end 6 px left of the plot).
                                let x = x.max(half + 1.0).max(plot.x - 4.0 + half).min(l.width - half - 1.0);
                                Label::new(text, x, y, size, theme.muted, Anchor::Middle)
                            }
                        }
                    }
                    (_, Orient::Right) => {
                        Label::new(text, plot.right() + 6.0, plot.y + p, size, theme.muted, Anchor::Start)
                    }
                    _ => Label::new(text, plot.x - 6.0, plot.y + p, size, theme.muted, Anchor::End),
                };
                labels.push(lab);
            }
        }
        // Parity thinning: keep every k-th label until no two overlap.
        let mut k = 1;
        while k < labels.len() {
            let kept: Vec<&Label> = labels.iter().step_by(k).collect();
            let clear = kept.windows(2).all(|w| {
                let (a, b) = (w[0].bbox(), w[1].bbox());
                let pad = if self.channel == Channel::X { 4.0 } else { 1.0 };
                !Rect::new(a.x - pad, a.y - pad, a.w + 2.0 * pad, a.h + 2.0 * pad).intersects(&b)
            });
            if clear {
                break;
            }
            k *= 2;
        }
        l.labels.extend(labels.into_iter().step_by(k.max(1)));
        if self.domain {
            let r = match self.orient {
                Orient::Bottom => Rule {
                    x1: plot.x,
                    y1: plot.bottom(),
                    x2: plot.right(),
                    y2: plot.bottom(),
                    color: theme.axis,
                    width: 1.0,
                },
                Orient::Top => {
                    Rule { x1: plot.x, y1: plot.y, x2: plot.right(), y2: plot.y, color: theme.axis, width: 1.0 }
                }
                Orient::Left => {
                    Rule { x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.bottom(), color: theme.axis, width: 1.0 }
                }
                Orient::Right => Rule {
                    x1: plot.right(),
                    y1: plot.y,
                    x2: plot.right(),
                    y2: plot.bottom(),
                    color: theme.axis,
                    width: 1.0,
                },
            };
            l.rules.push(r);
        }
        if let Some(t) = &self.title {
            let ts = self.title_size;
            let off = self.thickness() - ts * 0.6 - 2.0;
            let lab = match self.orient {
                Orient::Bottom => Label::new(
                    fit_text(t, ts, true, plot.w),
                    plot.x + plot.w / 2.0,
                    plot.bottom() + off,
                    ts,
                    theme.text,
                    Anchor::Middle,
                ),
                Orient::Top => Label::new(
                    fit_text(t, ts, true, plot.w),
                    plot.x + plot.w / 2.0,
                    plot.y - off,
                    ts,
                    theme.text,
                    Anchor::Middle,
                ),
                Orient::Left => Label::new(
                    fit_text(t, ts, true, plot.h),
                    plot.x - off,
                    plot.y + plot.h / 2.0,
                    ts,
                    theme.text,
                    Anchor::Middle,
                )
                .rotated(-90.0),
                Orient::Right => Label::new(
                    fit_text(t, ts, true, plot.h),
                    plot.right() + off,
                    plot.y + plot.h / 2.0,
                    ts,
                    theme.text,
                    Anchor::Middle,
                )
                .rotated(90.0),
            };
            l.labels.push(lab.bold());
        }
    }
}

/// The path of an axis property, for errors raised later.
pub fn path(r: &Resolved) -> Path {
    r.def.path.key("axis")
}
