//! Where the annotations' labels go, after layout ([`place`]): each label at the first of a
//! list of spots clear of the marks, of the other labels and of each other; a note that finds
//! none at its full width is wrapped narrower, then shortened to one line, and if still nothing
//! is clear it is handed back for the lines under the chart, so labels never overlap. Ranges of
//! categories are shaded here too (whole bands).

use super::annotate::{channel, line_value, read, Annotation, Pos};
use super::Ctx;
use crate::format::num;
use crate::grammar::encoding::Channel;
use crate::grammar::{Compiled, Value};
use crate::layout::{wrap, Anchor, Geom, Label, Paint, Rect, Shape};
use crate::spec::Mark;
use crate::theme::Theme;

/// A pixel on `channel` ("x" or "y") for value `v` (the middle of a band) in the plot area
/// `plot`, if the scale has it.
fn pixel(c: &Compiled, plot: Rect, ch: &str, v: &Value) -> Option<f64> {
    let (channel, origin) = if ch == "x" { (Channel::X, plot.x) } else { (Channel::Y, plot.y) };
    let r = c.scales.get(channel)?;
    let mut p = r.scale.map(v)?;
    if r.ty.is_discrete() {
        p += r.scale.bandwidth() / 2.0;
    }
    p.is_finite().then_some(origin + p)
}

/// What labels must keep clear of: the marks' extents and the labels already there.
fn obstacles(c: &Compiled) -> Vec<Rect> {
    let l = &c.layout;
    l.items.iter().map(|i| i.mark).chain(l.labels.iter().map(|lb| lb.bbox())).collect()
}

/// Pads a rect by `m` px on every side.
fn grow(r: Rect, m: f64) -> Rect {
    Rect::new(r.x - m, r.y - m, r.w + 2.0 * m, r.h + 2.0 * m)
}

/// Lines of a note placed with their first line's centre at `y`, anchored at `x`.
fn block(lines: &[String], x: f64, y: f64, size: f64, color: crate::theme::Rgb, anchor: Anchor) -> (Vec<Label>, Rect) {
    let labels: Vec<Label> = lines
        .iter()
        .enumerate()
        .map(|(k, t)| Label::new(t.clone(), x, y + k as f64 * size * 1.25, size, color, anchor))
        .collect();
    let mut r = labels[0].bbox();
    for l in &labels[1..] {
        let b = l.bbox();
        let (x0, y0) = (r.x.min(b.x), r.y.min(b.y));
        r = Rect::new(x0, y0, r.right().max(b.right()) - x0, r.bottom().max(b.bottom()) - y0);
    }
    (labels, r)
}

/// Whether `r` is clear of every obstacle and inside the chart.
fn clear(r: &Rect, bounds: &Rect, taken: &[Rect]) -> bool {
    r.x >= bounds.x
        && r.y >= bounds.y
        && r.right() <= bounds.right()
        && r.bottom() <= bounds.bottom()
        && !taken.iter().any(|t| t.intersects(r))
}

/// Places every annotation's label (and a note's connector, a category range's shade) on the
/// laid-out chart. Returns the notes that found no clear spot, for the lines under the chart.
pub fn place(cx: &Ctx, c: &mut Compiled, theme: &Theme) -> Vec<String> {
    let plot = c.layout.plot;
    let bounds = Rect::new(2.0, plot.y - 2.0, c.layout.width - 4.0, plot.h + 4.0);
    place_in(cx, c, theme, plot, bounds, &|_| true)
}

/// [`place`] in one plot area (a panel of small multiples, with its rows in `cx`), labels kept
/// inside `bounds`, for the annotations `keep` lets through (by index).
pub fn place_in(
    cx: &Ctx,
    c: &mut Compiled,
    theme: &Theme,
    plot: Rect,
    bounds: Rect,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<String> {
    let spec = cx.spec;
    let mut moved = Vec::new();
    if spec.annotations.is_empty() {
        return moved;
    }
    let size = 12.0;
    let mut taken = obstacles(c);
    let ink = theme.text;
    let mut shades = Vec::new();
    let mut extra: Vec<Label> = Vec::new();
    let mut connectors: Vec<Shape> = Vec::new();
    for (i, a) in read(&spec.annotations).unwrap_or_default().iter().enumerate() {
        if !keep(i) {
            continue;
        }
        match a {
            Annotation::Line { axis, value, label } => {
                let ch = channel(spec.kind, axis.as_deref().unwrap_or("y"));
                let Some((v, text)) = line_value(cx, value, label) else { continue };
                let Some(p) = pixel(c, plot, ch, &Value::Num(v)) else { continue };
                // Along the line: its ends first, then across the plot, above and below it.
                let mut spots: Vec<(f64, f64, Anchor)> = Vec::new();
                if ch == "y" {
                    for dy in [-0.8 * size, 0.8 * size] {
                        spots.push((plot.right() - 2.0, p + dy, Anchor::End));
                        spots.push((plot.x + 2.0, p + dy, Anchor::Start));
                        for f in [0.75, 0.5, 0.25] {
                            spots.push((plot.x + plot.w * f, p + dy, Anchor::Middle));
                        }
                    }
                } else {
                    for f in [0.0, 0.25, 0.5, 0.75, 1.0] {
                        let y = plot.y + size * 0.7 + (plot.h - 1.4 * size) * f;
                        spots.push((p + 4.0, y, Anchor::Start));
                        spots.push((p - 4.0, y, Anchor::End));
                    }
                }
                put_text(&text, &spots, size, ink, bounds, &mut taken, &mut extra, &mut moved);
            }
            Annotation::Range { axis, from, to, label } => {
                let ax = axis.as_deref().unwrap_or("y");
                let ch = channel(spec.kind, ax);
                let (Some(p0), Some(p1)) = (pixel(c, plot, ch, &from.value()), pixel(c, plot, ch, &to.value())) else {
                    continue;
                };
                let (mut p0, mut p1) = (p0.min(p1), p0.max(p1));
                let discrete =
                    c.scales.get(if ch == "x" { Channel::X } else { Channel::Y }).is_some_and(|r| r.ty.is_discrete());
                if discrete {
                    // Whole bands: from the first one's start to the last one's end.
                    let half = c
                        .scales
                        .get(if ch == "x" { Channel::X } else { Channel::Y })
                        .map_or(0.0, |r| r.scale.step() / 2.0);
                    (p0, p1) = (p0 - half, p1 + half);
                    let r = if ch == "x" {
                        Rect::new(p0, plot.y, p1 - p0, plot.h)
                    } else {
                        Rect::new(plot.x, p0, plot.w, p1 - p0)
                    };
                    shades.push(Shape {
                        geom: Geom::Rect { rect: r, radius: 0.0 },
                        fill: Some(Paint { color: theme.muted, opacity: 0.14 }),
                        stroke: None,
                        stroke_width: 0.0,
                        dash: Vec::new(),
                    });
                }
                if label.is_empty() {
                    continue;
                }
                let spots = if ch == "x" {
                    vec![
                        (p0 + 4.0, plot.y + size * 0.7, Anchor::Start),
                        (p1 - 4.0, plot.y + size * 0.7, Anchor::End),
                        (p0 + 4.0, plot.bottom() - size * 0.7, Anchor::Start),
                    ]
                } else {
                    vec![
                        (plot.x + 4.0, p0 + size * 0.7, Anchor::Start),
                        (plot.right() - 4.0, p0 + size * 0.7, Anchor::End),
                        (plot.x + 4.0, p1 - size * 0.7, Anchor::Start),
                    ]
                };
                put_text(label, &spots, size, ink, bounds, &mut taken, &mut extra, &mut moved);
            }
            Annotation::Note { x, y, text, .. } => {
                let cat_ch = channel(spec.kind, "x");
                let val_ch = channel(spec.kind, "y");
                let Some(px) = pixel(c, plot, cat_ch, &x.value()) else {
                    moved.push(text.clone());
                    continue;
                };
                let py = match y.or_else(|| value_at(cx, x)) {
                    Some(v) => pixel(c, plot, val_ch, &Value::Num(v)),
                    None => None,
                };
                let (ax, ay) = match (cat_ch, py) {
                    ("x", Some(py)) => (px, py),
                    ("x", None) => (px, plot.y),
                    (_, Some(py)) => (py, px),
                    (_, None) => (plot.right(), px),
                };
                if let Some(r) = note(text, (ax, ay), size, ink, bounds, plot.w, &mut taken, &mut extra) {
                    connectors.push(r);
                } else {
                    moved.push(text.clone());
                }
            }
        }
    }
    let l = &mut c.layout;
    l.shapes.splice(0..0, shades);
    l.shapes.extend(connectors);
    l.labels.extend(extra);
    moved
}

/// The chart's value at category `x` (a stacked chart's total; else the first series'), for a
/// note given no y.
fn value_at(cx: &Ctx, x: &Pos) -> Option<f64> {
    let sr = cx.series?;
    let key = match x {
        Pos::Num(n) => num(*n, 10),
        Pos::Text(t) => t.clone(),
    };
    let c = sr.categories.iter().position(|k| *k == key)?;
    if matches!(cx.spec.kind, Mark::StackedBar | Mark::StackedColumn | Mark::StackedArea) {
        sr.total(c)
    } else {
        (0..sr.groups.len()).find_map(|g| sr.values[g][c])
    }
}

/// Puts a one-line `text` at the first clear spot (or, shortened, at the first spot where its
/// shortened form is clear); else it moves under the chart.
#[allow(clippy::too_many_arguments)]
fn put_text(
    text: &str,
    spots: &[(f64, f64, Anchor)],
    size: f64,
    ink: crate::theme::Rgb,
    bounds: Rect,
    taken: &mut Vec<Rect>,
    out: &mut Vec<Label>,
    moved: &mut Vec<String>,
) {
    for shorten in [false, true] {
        for &(x, y, anchor) in spots {
            let mut lab = Label::new(text, x, y, size, ink, anchor).bold();
            if shorten {
                let room = match anchor {
                    Anchor::End => x - bounds.x,
                    _ => bounds.right() - x,
                };
                super::slope::shorten(&mut lab, room.min(bounds.w * 0.5));
            }
            let b = lab.bbox();
            if clear(&grow(b, 2.0), &bounds, taken) {
                taken.push(grow(b, 2.0));
                out.push(lab);
                return;
            }
        }
    }
    moved.push(text.to_string());
}

/// Places a note near `anchor`: tried above-right, above-left, beside, below-right and
/// below-left, nearer first (out to 200 px); wrapped to 200 px (at most 45 % of the plot), then narrower, then
/// shortened to one line. Returns its connector, or `None` when nothing was clear.
#[allow(clippy::too_many_arguments)]
fn note(
    text: &str,
    anchor: (f64, f64),
    size: f64,
    ink: crate::theme::Rgb,
    bounds: Rect,
    plot_w: f64,
    taken: &mut Vec<Rect>,
    out: &mut Vec<Label>,
) -> Option<Shape> {
    let (ax, ay) = anchor;
    let widest = (plot_w * 0.45).clamp(80.0, 200.0);
    let mut forms: Vec<Vec<String>> = vec![wrap(text, size, false, widest), wrap(text, size, false, widest * 0.7)];
    let mut one = Label::new(text, 0.0, 0.0, size, ink, Anchor::Start);
    super::slope::shorten(&mut one, widest);
    forms.push(vec![one.text]);
    for lines in &forms {
        let n = lines.len() as f64;
        let h = n * size * 1.25;
        for d in [18.0, 34.0, 56.0, 90.0, 140.0, 200.0] {
            let spots = [
                (ax + d * 0.5, ay - d - h + size * 0.6, Anchor::Start),
                (ax - d * 0.5, ay - d - h + size * 0.6, Anchor::End),
                (ax + d, ay - h / 2.0 + size * 0.6, Anchor::Start),
                (ax - d, ay - h / 2.0 + size * 0.6, Anchor::End),
                (ax + d * 0.5, ay + d, Anchor::Start),
                (ax - d * 0.5, ay + d, Anchor::End),
            ];
            for (x, y, a) in spots {
                let (labels, r) = block(lines, x, y, size, ink, a);
                if clear(&grow(r, 3.0), &bounds, taken) {
                    taken.push(grow(r, 3.0));
                    out.extend(labels);
                    // The connector: from the anchor to the nearest point of the note's box.
                    let tx = ax.clamp(r.x, r.right());
                    let ty = ay.clamp(r.y, r.bottom());
                    let line = vec![(ax, ay), (tx, ty)];
                    return Some(Shape {
                        geom: Geom::Line(line),
                        fill: None,
                        stroke: Some(Paint { color: ink, opacity: 0.7 }),
                        stroke_width: 1.0,
                        dash: Vec::new(),
                    });
                }
            }
        }
    }
    None
}
