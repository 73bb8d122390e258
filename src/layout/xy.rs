//! Line and dot charts of a large numeric series ([`Xy`]): x spaced by value on a numeric axis,
//! min-max decimation per pixel column once points outnumber columns, one tooltip item per
//! 8 px band (its x range and the lowest and highest y in it). Linear in the number of points:
//! each point is visited once for the path and once for the bands.

use super::{measure, nice_ticks, span_ticks, x_tick_labels, Anchor, Dot, Item, Label, Layout, Path, Rect, Rule};
use crate::data::Lang;
use crate::error::Error;
use crate::format::num;
use crate::spec::Mark;
use crate::text::pick;
use crate::theme::Theme;
use crate::xy::Xy;

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const TICK: f64 = 12.0;
/// Width of one tooltip band in dense charts, CSS px.
const BAND: f64 = 8.0;

/// Round x tick values inside `[lo, hi]` (not forced to include 0, unlike value axes).
fn x_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if hi <= lo {
        return vec![lo];
    }
    let t = nice_ticks(hi - lo, count);
    let step = if t.values.len() > 1 { t.values[1] } else { hi - lo };
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// Per band: first and last point, lowest and highest y, points not reported.
#[derive(Clone, Copy)]
struct Band {
    first: usize,
    last: usize,
    lo: f64,
    hi: f64,
    unknown: usize,
}

/// Lays the chart out at `width` CSS px.
pub fn layout(xy: &Xy, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let (xs, ys, n) = (&xy.xs, &xy.ys, xy.len());
    let dots_only = xy.spec.kind == Mark::Dot;
    let mut l = Layout::new(width, theme.background, &theme.font);
    l.across = true;
    let (lo, hi) = xy.range().map_or((0.0, 0.0), |(a, b)| (a.min(0.0), b.max(0.0)));
    let ticks = span_ticks(lo, hi, if width < 400.0 { 4 } else { 5 });
    let t0 = ticks.values[0];
    let axis_w = ticks.values.iter().map(|t| measure(&num(*t, 2), TICK, false)).fold(0.0, f64::max) + 8.0;
    let last_known = xy.last_known();
    let end_text = last_known.map(|i| num(ys[i], 2));
    let room = (end_text.as_deref().map_or(0.0, |t| measure(t, SIZE, true)) + 10.0).min(width * 0.35);
    let plot_h = (width * 0.45).clamp(180.0, 320.0);
    let plot = Rect::new(PAD + axis_w, PAD + 8.0, (width - 2.0 * PAD - axis_w - room).max(60.0), plot_h);
    l.plot = Rect::new(plot.x - 6.0, plot.y - 6.0, plot.w + 12.0, plot.h + 12.0);
    // Scales as one multiply-add each: they run once per point.
    let ky = plot.h / (ticks.max - t0);
    let y_of = |v: f64| plot.bottom() - (v - t0) * ky;
    let (x_lo, x_hi) = (xs[0], xs[n - 1]);
    let (kx, x_start) = if x_hi > x_lo { (plot.w / (x_hi - x_lo), plot.x) } else { (0.0, plot.x + plot.w / 2.0) };
    let x_of = |x: f64| x_start + (x - x_lo) * kx;

    for t in &ticks.values {
        let y = y_of(*t);
        let color = if *t == 0.0 { theme.axis } else { theme.grid };
        l.rules.push(Rule { x1: plot.x, y1: y, x2: plot.right(), y2: y, color, width: 1.0 });
        l.labels.push(Label::new(num(*t, 2), plot.x - 8.0, y.max(TICK * 0.6), TICK, theme.muted, Anchor::End));
    }
    let x_labels: Vec<(f64, String)> =
        x_ticks(x_lo, x_hi, (plot.w / 90.0).max(2.0) as usize).into_iter().map(|t| (x_of(t), num(t, 2))).collect();
    x_tick_labels(&mut l, &x_labels, plot.bottom() + 16.0, TICK, theme.muted);

    let color = theme.palette[0];
    let dense = n as f64 > plot.w / 3.0;
    // The path, in runs broken by values not reported; in a dense chart each pixel column is
    // drawn as its range (highest, then lowest), so at most two points per column.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut column: Option<(f64, f64, f64)> = None;
    // Dense dots: one per pixel the points fall on (rows seen in the current column).
    let mut seen = vec![false; plot_h as usize + 2];
    let flush = |run: &mut Vec<(f64, f64)>, l: &mut Layout| {
        if run.len() > 1 && !dots_only {
            l.paths.push(Path { points: std::mem::take(run), color, width: if dense { 1.5 } else { 2.5 } });
        }
        run.clear();
    };
    // Dense charts: each 8 px band's points, gathered in the same pass.
    let count = (plot.w / BAND).ceil() as usize + 1;
    let mut bands: Vec<Option<Band>> = if dense { vec![None; count] } else { Vec::new() };
    for i in 0..n {
        let (x, y) = (x_of(xs[i]), ys[i]);
        if dense {
            // `as usize` saturates: a point left of the plot (rounding) lands in band 0.
            let b = (((x - plot.x) * (1.0 / BAND)) as usize).min(count - 1);
            let e = bands[b].get_or_insert(Band { first: i, last: i, lo: f64::MAX, hi: f64::MIN, unknown: 0 });
            e.last = i;
            if y.is_nan() {
                e.unknown += 1;
            } else {
                (e.lo, e.hi) = (e.lo.min(y), e.hi.max(y));
            }
        }
        if y.is_nan() {
            if let Some((cx, lo, hi)) = column.take() {
                run.extend([(cx, hi), (cx, lo)]);
            }
            flush(&mut run, &mut l);
            continue;
        }
        let y = y_of(y);
        if !dense {
            run.push((x, y));
            l.dots.push(Dot { x, y, r: if dots_only { 5.0 } else { 3.0 }, color });
            continue;
        }
        let x = x.round();
        match column {
            Some((cx, lo, hi)) if cx == x => column = Some((cx, lo.min(y), hi.max(y))),
            _ => {
                if let Some((cx, lo, hi)) = column {
                    run.extend([(cx, hi), (cx, lo)]);
                }
                column = Some((x, y, y));
                if dots_only {
                    seen.iter_mut().for_each(|s| *s = false);
                }
            }
        }
        if dots_only {
            let row = ((y - plot.y).round().max(0.0) as usize).min(seen.len() - 1);
            if !seen[row] {
                seen[row] = true;
                l.dots.push(Dot { x, y: plot.y + row as f64, r: 1.5, color });
            }
        }
    }
    if let Some((cx, lo, hi)) = column.take() {
        run.extend([(cx, hi), (cx, lo)]);
    }
    flush(&mut run, &mut l);

    if let (Some(i), Some(t)) = (last_known, end_text) {
        let (x, y) = (plot.right() + 8.0, y_of(ys[i]).clamp(SIZE * 0.6, plot.bottom() - SIZE * 0.6));
        if x + measure(&t, SIZE, true) <= width - 1.0 {
            l.labels.push(Label::new(t, x, y, SIZE, color.max_contrast(theme), Anchor::Start).bold());
        }
    }

    let source = xy.source_line(lang);
    if dense {
        for (b, band) in bands.iter().enumerate() {
            let Some(e) = band else { continue };
            let known = e.last - e.first + 1 - e.unknown;
            let mut lines = vec![match known {
                0 => crate::text::not_reported(lang).to_string(),
                _ if e.lo == e.hi => num(e.lo, 2),
                _ => format!("{} – {}", num(e.lo, 2), num(e.hi, 2)),
            }];
            let points = e.last - e.first + 1;
            lines.push(match lang {
                Lang::En => format!("{} point{}", num(points as f64, 0), if points == 1 { "" } else { "s" }),
                Lang::Zh => format!("{}个点", num(points as f64, 0)),
            });
            if e.unknown > 0 && known > 0 {
                lines.push(format!("{} {}", num(e.unknown as f64, 0), pick(lang, "not reported", "个未报道")));
            }
            lines.extend(source.clone());
            let (x0, x1) = (xs[e.first], xs[e.last]);
            let title = if x1 > x0 { format!("{} – {}", num(x0, 2), num(x1, 2)) } else { num(x0, 2) };
            let ya = if known > 0 { y_of(e.hi) } else { plot.bottom() };
            let left = plot.x + b as f64 * BAND;
            let hit = Rect::new(left, plot.y, BAND.min(plot.right() + 6.0 - left).max(1.0), plot.h);
            let mark =
                Rect::new(left, ya - 4.0, BAND.min(plot.right() + 6.0 - left).max(1.0), plot.bottom() - ya + 4.0);
            l.items.push(Item { hit: None, rect: hit, anchor: (left + BAND / 2.0, ya), mark, title, lines });
        }
    } else {
        let half = if n > 1 { plot.w / (n - 1) as f64 / 2.0 } else { plot.w / 2.0 };
        for i in 0..n {
            let x = x_of(xs[i]);
            let ya = if ys[i].is_nan() { plot.bottom() - 10.0 } else { y_of(ys[i]) };
            let hw = half.max(22.0);
            let mut lines = vec![xy.value_text(ys[i], lang)];
            lines.extend(source.clone());
            l.items.push(Item {
                hit: None,
                rect: Rect::new(x - hw, plot.y, 2.0 * hw, plot.h),
                anchor: (x, ya),
                mark: Rect::new(x - 7.0, ya - 7.0, 14.0, 14.0),
                title: num(xs[i], 2),
                lines,
            });
        }
    }
    l.height = plot.bottom() + 32.0;
    Ok(l)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::assert_clean;
    use crate::spec::Spec;
    use crate::theme::ThemeName;

    fn series(kind: &str, n: usize) -> Xy {
        let spec: Spec = serde_json::from_str(&format!(r#"{{"kind":"{kind}","x":"t","y":"v"}}"#)).unwrap();
        let xs: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let ys: Vec<f64> =
            (0..n).map(|i| if i % 1000 == 999 { f64::NAN } else { ((i * 7919) % 1000) as f64 }).collect();
        Xy::new(spec, xs, ys).unwrap()
    }

    #[test]
    fn a_million_points_become_at_most_two_per_pixel_column() {
        let xy = series("line", 1_000_000);
        for w in [320.0, 640.0, 1280.0] {
            let l = layout(&xy, w, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
            assert_clean(&l, &format!("xy line at {w}"));
            let points: usize = l.paths.iter().map(|p| p.points.len()).sum();
            assert!(points <= 2 * (l.plot.w as usize + 1) + 2 * l.paths.len(), "{points} points at {w}");
            assert!(l.dots.is_empty());
            // One item per 8 px band, each covering its points' whole range.
            assert!(l.items.len() <= (l.plot.w / BAND) as usize + 2);
            assert_eq!(l.items[0].lines[0], "0 – 999", "{:?}", l.items[0].lines);
            assert!(l.items.iter().all(|it| it.rect.w > 0.0));
        }
    }

    #[test]
    fn few_points_get_a_dot_and_an_item_each() {
        let xy = series("line", 12);
        let l = layout(&xy, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_clean(&l, "xy short line");
        assert_eq!(l.dots.len(), 12);
        assert_eq!(l.items.len(), 12);
        assert_eq!(l.items[1].title, "1");
        assert_eq!(l.items[1].lines[0], "919");
        // x spaced by value, not by position: 0, 1 and 10 put the middle point a tenth along.
        let spec: Spec = serde_json::from_str(r#"{"kind":"dot","x":"t","y":"v"}"#).unwrap();
        let uneven = Xy::new(spec, vec![0.0, 1.0, 10.0], vec![1.0, 2.0, 3.0]).unwrap();
        let l = layout(&uneven, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert!(((l.dots[1].x - l.dots[0].x) / (l.dots[2].x - l.dots[0].x) - 0.1).abs() < 1e-9);
    }

    #[test]
    fn dense_dots_are_one_per_pixel() {
        let xy = series("dot", 200_000);
        let l = layout(&xy, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_clean(&l, "xy dots");
        assert!(l.paths.is_empty());
        let cols = l.plot.w as usize + 1;
        assert!(l.dots.len() <= cols * (l.plot.h as usize + 2), "{}", l.dots.len());
        assert!(l.dots.len() > cols, "a cloud, not a line: {}", l.dots.len());
    }

    #[test]
    fn x_ticks_are_round_and_inside() {
        assert_eq!(x_ticks(0.0, 999_999.0, 5), [0.0, 200_000.0, 400_000.0, 600_000.0, 800_000.0]);
        assert_eq!(x_ticks(2001.0, 2019.0, 4), [2005.0, 2010.0, 2015.0]);
        assert_eq!(x_ticks(3.0, 3.0, 4), [3.0]);
    }
}
