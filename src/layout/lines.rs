//! Custom `line` and `dot` charts: x values across (spaced by value when they are all numbers,
//! evenly otherwise), one line or row of dots per colour group, the last value or the group
//! name written at the end of each line. A value that was not reported leaves a gap.

use super::{fit_text, legend, measure, span_ticks, Anchor, Dot, Item, Label, Layout, Path, Rect, Rule};
use crate::custom::Custom;
use crate::data::Lang;
use crate::error::Error;
use crate::format::num;
use crate::layout::bars::color_of;
use crate::spec::Mark;
use crate::theme::Theme;

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const TICK: f64 = 12.0;

/// Lays the chart out at `width` CSS px.
pub fn layout(c: &Custom, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let s = &c.series;
    let (ng, nc) = (s.groups.len(), s.categories.len());
    let dots_only = c.spec.kind == Mark::Dot;
    let mut l = Layout::new(width, theme.background, &theme.font);
    l.across = true;
    let mut top = PAD;
    if ng > 1 {
        let entries: Vec<_> = (0..ng).map(|g| (theme.palette[g % theme.palette.len()], s.groups[g].clone())).collect();
        top = legend(&mut l, &entries, PAD, top, width - 2.0 * PAD, SIZE, theme.text) + 8.0;
    }
    let known =
        || (0..ng).flat_map(move |g| (0..nc).filter_map(move |k| if s.present[g][k] { s.values[g][k] } else { None }));
    let lo = known().fold(0.0, f64::min);
    let hi = known().fold(0.0, f64::max);
    let ticks = span_ticks(lo, hi, if width < 400.0 { 4 } else { 5 });
    let t0 = ticks.values[0];
    let axis_w = ticks.values.iter().map(|t| measure(&num(*t, 2), TICK, false)).fold(0.0, f64::max) + 8.0;
    // End labels: the group name, or the value when there is one group.
    let end_text = |g: usize| -> Option<(usize, String)> {
        let k = (0..nc).rev().find(|&k| s.present[g][k] && s.values[g][k].is_some())?;
        Some((k, if ng > 1 { s.groups[g].clone() } else { num(s.values[g][k]?, 2) }))
    };
    let room = (0..ng).filter_map(end_text).map(|(_, t)| measure(&t, SIZE, true)).fold(0.0, f64::max) + 10.0;
    let room = room.min(width * 0.35);
    let plot_h = (width * 0.45).clamp(180.0, 320.0);
    let plot = Rect::new(PAD + axis_w, top + 8.0, (width - 2.0 * PAD - axis_w - room).max(60.0), plot_h);
    l.plot = Rect::new(plot.x - 6.0, plot.y - 6.0, plot.w + 12.0, plot.h + 12.0);
    let y_of = |v: f64| plot.bottom() - (v - t0) / (ticks.max - t0) * plot.h;
    // x by value only when every x is a finite number ("inf" or "1e400" parse, but cannot be placed).
    let numeric: Option<Vec<f64>> =
        s.categories.iter().map(|k| k.parse::<f64>().ok().filter(|v| v.is_finite())).collect();
    // The x range, computed once (not per point: charts may hold 100,000 points).
    let span = numeric.as_ref().map(|xs| xs.iter().fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(*x), b.max(*x))));
    let x_of = |k: usize| -> f64 {
        match (&numeric, span) {
            (Some(xs), Some((a, b))) if nc > 1 && b > a => plot.x + (xs[k] - a) / (b - a) * plot.w,
            (Some(_), _) => plot.x + plot.w / 2.0,
            _ if nc > 1 => plot.x + k as f64 / (nc - 1) as f64 * plot.w,
            _ => plot.x + plot.w / 2.0,
        }
    };
    // More points than pixel columns: draw each column's range (min-max decimation), no dots,
    // and point at columns rather than single points.
    let dense = nc as f64 > plot.w / 3.0;
    for t in &ticks.values {
        let y = y_of(*t);
        l.rules.push(Rule {
            x1: plot.x,
            y1: y,
            x2: plot.right(),
            y2: y,
            color: if *t == 0.0 { theme.axis } else { theme.grid },
            width: 1.0,
        });
        l.labels.push(Label::new(num(*t, 2), plot.x - 8.0, y.max(TICK * 0.6), TICK, theme.muted, Anchor::End));
    }
    // x labels: every k-th so that they do not collide.
    let fit = |k: usize| fit_text(&s.categories[k], TICK, false, (width - 2.0).min(plot.w.max(60.0)));
    let widest = (0..nc.min(2000)).map(|k| measure(&fit(k), TICK, false)).fold(0.0, f64::max) + 8.0;
    let step = if nc > 1 { ((widest * nc as f64) / plot.w).ceil().max(1.0) as usize } else { 1 };
    let mut last_right = f64::MIN;
    for k in (0..nc).step_by(step) {
        let text = fit(k);
        let half = measure(&text, TICK, false) / 2.0;
        let x = x_of(k).max(half + 1.0).min(width - half - 1.0);
        if x - half < last_right + 4.0 {
            continue;
        }
        last_right = x + half;
        l.labels.push(Label::new(text, x, plot.bottom() + 16.0, TICK, theme.muted, Anchor::Middle));
    }

    for g in 0..ng {
        let color = color_of(c, g, 0, theme);
        let mut run: Vec<(f64, f64)> = Vec::new();
        let flush = |run: &mut Vec<(f64, f64)>, l: &mut Layout| {
            if run.len() > 1 && !dots_only {
                l.paths.push(Path { points: std::mem::take(run), color, width: if dense { 1.5 } else { 2.5 } });
            }
            run.clear();
        };
        // In a dense chart: the current pixel column and the range of values in it.
        let mut column: Option<(f64, f64, f64)> = None;
        for k in 0..nc {
            match (s.present[g][k], s.values[g][k]) {
                (true, Some(v)) if dense => {
                    let (x, y) = (x_of(k).round(), y_of(v));
                    match column {
                        Some((cx, lo, hi)) if cx == x => column = Some((cx, lo.min(y), hi.max(y))),
                        _ => {
                            if let Some((cx, lo, hi)) = column {
                                run.push((cx, hi));
                                run.push((cx, lo));
                            }
                            column = Some((x, y, y));
                        }
                    }
                    if dots_only {
                        l.dots.push(Dot { x, y, r: 1.5, color: color_of(c, g, k, theme) });
                    }
                }
                (true, Some(v)) => {
                    run.push((x_of(k), y_of(v)));
                    l.dots.push(Dot {
                        x: x_of(k),
                        y: y_of(v),
                        r: if dots_only { 5.0 } else { 3.0 },
                        color: color_of(c, g, k, theme),
                    });
                }
                (true, None) => {
                    if let Some((cx, lo, hi)) = column.take() {
                        run.push((cx, hi));
                        run.push((cx, lo));
                    }
                    flush(&mut run, &mut l)
                }
                _ => {}
            }
        }
        if let Some((cx, lo, hi)) = column.take() {
            run.push((cx, hi));
            run.push((cx, lo));
        }
        flush(&mut run, &mut l);
    }
    // End labels, pushed apart vertically so they never overlap.
    let mut ends: Vec<(f64, String, usize)> =
        (0..ng).filter_map(|g| end_text(g).map(|(k, t)| (y_of(s.values[g][k].unwrap_or(0.0)), t, g))).collect();
    crate::order::sort_by(&mut ends, |a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    // Push apart downwards, then back up from the bottom of the plot, so that no end label
    // lands on the x labels under the plot.
    let gap = SIZE + 3.0;
    let mut ys: Vec<f64> = Vec::with_capacity(ends.len());
    for (y, _, _) in &ends {
        let prev = ys.last().copied().unwrap_or(f64::MIN);
        ys.push(y.max(prev + gap).max(SIZE * 0.6));
    }
    let mut floor = plot.bottom() - SIZE * 0.6;
    for y in ys.iter_mut().rev() {
        *y = y.min(floor);
        floor = *y - gap;
    }
    for ((_, t, g), y) in ends.into_iter().zip(ys) {
        let x = plot.right() + 8.0;
        let t = fit_text(&t, SIZE, true, width - 1.0 - x);
        if y >= SIZE * 0.6 && x + measure(&t, SIZE, true) <= width - 1.0 {
            l.labels.push(
                Label::new(t, x, y, SIZE, theme.palette[g % theme.palette.len()].max_contrast(theme), Anchor::Start)
                    .bold(),
            );
        }
    }
    if dense {
        // One item per 8 px band: its x range and each group's lowest and highest value.
        let band = 8.0;
        let mut k = 0;
        while k < nc {
            let x0 = x_of(k);
            let mut end = k;
            while end + 1 < nc && x_of(end + 1) < x0 + band {
                end += 1;
            }
            let mut lines = Vec::new();
            let mut ys = Vec::new();
            for g in 0..ng {
                let vals: Vec<f64> = (k..=end).filter(|&i| s.present[g][i]).filter_map(|i| s.values[g][i]).collect();
                let name = if ng > 1 { format!("{}: ", s.groups[g]) } else { String::new() };
                match (vals.iter().cloned().reduce(f64::min), vals.iter().cloned().reduce(f64::max)) {
                    (Some(a), Some(b)) if a == b => lines.push(format!("{name}{}", num(a, 2))),
                    (Some(a), Some(b)) => lines.push(format!("{name}{} – {}", num(a, 2), num(b, 2))),
                    _ => lines.push(format!("{name}{}", crate::text::not_reported(lang))),
                }
                ys.extend(vals.iter().map(|v| y_of(*v)));
            }
            lines.extend(c.source_line(lang));
            let ya = ys.iter().cloned().fold(plot.bottom(), f64::min);
            let title = if end > k {
                format!("{} – {}", s.categories[k], s.categories[end])
            } else {
                s.categories[k].clone()
            };
            let hit = Rect::new(x0 - band / 2.0, plot.y, band.max(x_of(end) - x0 + band), plot.h);
            let mark = Rect::new(x0 - 4.0, ya - 4.0, (x_of(end) - x0 + 8.0).max(8.0), plot.bottom() - ya + 4.0);
            l.items.push(Item { hit: None, rect: hit, anchor: (x0, ya), mark, title, lines });
            k = end + 1;
        }
        l.height = plot.bottom() + 32.0;
        return Ok(l);
    }
    let half = if nc > 1 { plot.w / (nc - 1) as f64 / 2.0 } else { plot.w / 2.0 };
    for k in 0..nc {
        let x = x_of(k);
        let ys: Vec<f64> =
            (0..ng).filter_map(|g| if s.present[g][k] { s.values[g][k].map(y_of) } else { None }).collect();
        let (ya, yb) = ys.iter().fold((plot.bottom(), plot.bottom()), |(a, b), y| (a.min(*y), b.max(*y)));
        let (ya, yb) = if ys.is_empty() { (plot.bottom() - 10.0, plot.bottom()) } else { (ya, yb) };
        let hw = half.max(22.0);
        let hit = Rect::new(x - hw, plot.y, 2.0 * hw, plot.h);
        let mark = Rect::new(x - 7.0, ya - 7.0, 14.0, yb - ya + 14.0);
        l.items.push(Item { hit: None,
            rect: hit,
            anchor: (x, ya),
            mark,
            title: s.categories[k].clone(),
            lines: c.lines_for(k, lang),
        });
    }
    l.height = plot.bottom() + 32.0;
    Ok(l)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::assert_clean;
    use crate::layout::bars::tests::custom;
    use crate::theme::ThemeName;

    const DATA: &str =
        "year,city,gdp\n2019,A,10\n2020,A,12\n2021,A,\n2022,A,15\n2019,B,8\n2020,B,9\n2021,B,11\n2022,B,14\n";

    #[test]
    fn lines_break_at_missing_values_and_stay_inside() {
        let c = custom(DATA, r#"{"kind":"line","x":"year","y":"gdp","color":"city"}"#);
        for w in [240.0, 320.0, 640.0, 1280.0] {
            let l = layout(&c, w, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
            assert_clean(&l, &format!("line at {w}"));
            assert_eq!(l.paths.len(), 2, "A breaks into one 2-point run (2019-2020) and a lone point; B is one line");
            assert_eq!(l.dots.len(), 7);
            assert_eq!(l.items.len(), 4);
        }
        let l = layout(&c, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_eq!(l.items[2].lines[0], "A: not reported");
        assert!(l.labels.iter().any(|x| x.text == "A") && l.labels.iter().any(|x| x.text == "B"));
    }

    #[test]
    fn dense_lines_are_decimated_per_pixel_column() {
        let mut csv = String::from("x,y\n");
        for i in 0..50_000 {
            csv += &format!("{i},{}\n", (i * 7919) % 1000);
        }
        let c = custom(&csv, r#"{"kind":"line","x":"x","y":"y"}"#);
        let l = layout(&c, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_clean(&l, "dense line");
        let points: usize = l.paths.iter().map(|p| p.points.len()).sum();
        assert!(points <= 2 * 640, "at most two points per pixel column, got {points}");
        assert!(l.dots.is_empty());
        assert!(l.items.len() < 100, "items per 8 px band: {}", l.items.len());
        // The band's range covers the extremes of its points.
        assert!(l.items[0].lines[0].contains(" – "), "{:?}", l.items[0].lines);
    }

    #[test]
    fn numeric_x_is_spaced_by_value_and_dots_are_bigger() {
        let c = custom("year,v\n2000,1\n2001,2\n2010,3\n", r#"{"kind":"dot","x":"year","y":"v"}"#);
        let l = layout(&c, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_clean(&l, "dots");
        let xs: Vec<f64> = l.dots.iter().map(|d| d.x).collect();
        assert!(((xs[1] - xs[0]) / (xs[2] - xs[0]) - 0.1).abs() < 1e-9);
        assert!(l.paths.is_empty());
        assert_eq!(l.dots[0].r, 5.0);
    }
}
