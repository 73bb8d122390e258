//! `champions-by-year`: one stacked bar per year of the story's period, split into products
//! first in the world and products first in China only (total minus global, computed), with the
//! value of each segment and the total written on the bars.

use super::{legend, measure, nice_ticks, Anchor, Bar, Item, Label, Layout, Rect, Rule};
use crate::data::{Dataset, Lang, Scope};
use crate::error::Error;
use crate::format::{num, percent};
use crate::query::{city_value, share};
use crate::text;
use crate::theme::Theme;

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const TICK: f64 = 12.0;

/// One year's bar, resolved from the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct YearBar {
    /// The year.
    pub year: i32,
    /// Total (global or national), if reported.
    pub total: Option<f64>,
    /// First in the world, if reported.
    pub global: Option<f64>,
    /// First in China only: total minus global, when both are reported.
    pub national_only: Option<f64>,
    /// Source id of the total.
    pub source: String,
}

/// The bars' data: the start and end year of the dataset's period.
pub fn bars(d: &Dataset) -> Vec<YearBar> {
    let metric = d.values.first().map(|v| v.metric.as_str()).unwrap_or_default();
    d.period
        .iter()
        .map(|&year| {
            let total_v = city_value(d, metric, year, Scope::GlobalOrNational);
            let total = total_v.and_then(|v| v.value);
            let global = city_value(d, metric, year, Scope::Global).and_then(|v| v.value);
            let national_only = match (total, global) {
                (Some(t), Some(g)) => Some(t - g),
                _ => None,
            };
            let source = total_v.map(|v| v.source.clone()).unwrap_or_default();
            YearBar { year, total, global, national_only, source }
        })
        .collect()
}

/// Lays the chart out at `width` CSS px.
pub fn layout(d: &Dataset, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let data = bars(d);
    let mut l = Layout::new(width, theme.background, &theme.font);
    l.across = true;
    let entries = [
        (theme.series[0], text::first_in_world(lang).to_string()),
        (theme.series[1], text::first_in_china_only(lang).to_string()),
    ];
    let legend_bottom = legend(&mut l, &entries, PAD, PAD, width - 2.0 * PAD, SIZE, theme.text);

    let max = data.iter().filter_map(|b| b.total).fold(0.0, f64::max);
    let ticks = nice_ticks(max, if width < 400.0 { 4 } else { 6 });
    let axis_w = ticks.values.iter().map(|t| measure(&num(*t, 1), TICK, false)).fold(0.0, f64::max) + 10.0;
    let plot_h = (width * 0.5).clamp(200.0, 300.0);
    // Room above the plot for a total written over a bar that reaches the top tick.
    let plot = Rect::new(PAD + axis_w, legend_bottom + 22.0, width - 2.0 * PAD - axis_w, plot_h);
    l.plot = plot;
    let y_of = |v: f64| plot.bottom() - v / ticks.max * plot.h;

    for t in &ticks.values {
        let y = y_of(*t);
        let color = if *t == 0.0 { theme.axis } else { theme.grid };
        l.rules.push(Rule { x1: plot.x, y1: y, x2: plot.right(), y2: y, color, width: 1.0 });
        l.labels.push(Label::new(num(*t, 1), plot.x - 6.0, y, TICK, theme.muted, Anchor::End));
    }
    // Keep the top tick label inside the frame.
    if let Some(top) = l.labels.last_mut() {
        top.y = top.y.max(top.size * 0.6);
    }

    let band = plot.w / data.len().max(1) as f64;
    let bar_w = (band * 0.5).min(110.0);
    // Values written short (1.2M) when the full form is wider than a bar's band.
    let label = |v: f64, size: f64| {
        let full = num(v, 1);
        if measure(&full, size, true) <= band - 6.0 {
            full
        } else {
            crate::format::compact(v)
        }
    };
    // Totals over the bars first, so that segment labels placed beside bars can avoid them.
    for (i, b) in data.iter().enumerate() {
        if let Some(total) = b.total {
            let cx = plot.x + band * (i as f64 + 0.5);
            let t = label(total, SIZE + 1.0);
            l.labels.push(Label::new(t, cx, y_of(total) - 11.0, SIZE + 1.0, theme.text, Anchor::Middle).bold());
        }
    }
    for (i, b) in data.iter().enumerate() {
        let cx = plot.x + band * (i as f64 + 0.5);
        let x = cx - bar_w / 2.0;
        let item = l.items.len();
        let mut lines = Vec::new();
        let source = text::source_line(lang, d, &b.source);
        l.labels.push(Label::new(text::year(lang, b.year), cx, plot.bottom() + 14.0, SIZE, theme.text, Anchor::Middle));
        let Some(total) = b.total else {
            l.labels.push(Label::new(
                text::not_reported(lang),
                cx,
                plot.bottom() - 12.0,
                SIZE,
                theme.muted,
                Anchor::Middle,
            ));
            lines.push(text::total_line(lang, text::not_reported(lang)));
            lines.push(source);
            let hit = Rect::new(cx - band * 0.45, plot.y, band * 0.9, plot.h);
            l.items.push(Item {
                hit: None,
                rect: hit,
                anchor: (cx, plot.bottom() - 24.0),
                mark: hit,
                title: text::year(lang, b.year),
                lines,
            });
            continue;
        };
        // Segments bottom-up: global, then national-only (or the whole total if global is unknown).
        let t = num(total, 1);
        let segments: Vec<(f64, usize, String)> = match (b.global, b.national_only) {
            (Some(g), Some(n)) => vec![
                (g, 0, text::global_line(lang, &num(g, 1))),
                (n, 1, text::national_line(lang, &num(n, 1), &t, &num(g, 1))),
            ],
            _ => vec![(total, 1, text::total_line(lang, &t))],
        };
        let mut base = 0.0;
        // Labels that do not fit inside their segment go to the right of the bar, pushed apart
        // (upwards from the lowest) so that tiny neighbouring segments never stack their labels.
        let mut outside_y = f64::MAX;
        for (v, series, part) in segments {
            let (y0, y1) = (y_of(base + v), y_of(base));
            let rect = Rect::new(x, y0, bar_w, y1 - y0);
            l.bars.push(Bar { rect, color: theme.series[series], item, label: part });
            let s = label(v, SIZE);
            if v > 0.0 {
                let inside = rect.h >= SIZE + 6.0 && measure(&s, SIZE, true) <= bar_w - 8.0;
                if inside {
                    let ink = theme.series[series].ink();
                    l.labels.push(Label::new(s, cx, y0 + rect.h / 2.0, SIZE, ink, Anchor::Middle).bold());
                } else {
                    // Never below the baseline, where the year labels are.
                    let ly = (y0 + rect.h / 2.0).min(outside_y - SIZE * 1.25).min(plot.bottom() - SIZE * 0.6 - 1.0);
                    outside_y = ly;
                    // Right of the bar, else left of it; on a chart too narrow for either the
                    // figure stays in the tooltip and the table.
                    let right = Label::new(s.clone(), x + bar_w + 5.0, ly, SIZE, theme.text, Anchor::Start).bold();
                    let left = Label::new(s, x - 5.0, ly, SIZE, theme.text, Anchor::End).bold();
                    // Within this bar's own band, so that it never covers the next bar or
                    // the labels that bar will place.
                    let (slot_l, slot_r) = (plot.x + band * i as f64, plot.x + band * (i as f64 + 1.0));
                    let free = |lab: &Label| {
                        let b = lab.bbox();
                        b.x >= slot_l
                            && b.right() <= slot_r.min(width - 1.0)
                            && !l.labels.iter().any(|o| o.bbox().intersects(&b))
                    };
                    if free(&right) {
                        l.labels.push(right);
                    } else if free(&left) {
                        l.labels.push(left);
                    }
                }
            }
            base += v;
        }
        let top = y_of(total);
        lines.push(text::total_line(lang, &t));
        match (b.global, b.national_only) {
            (Some(g), Some(n)) => {
                lines.push(text::global_line(lang, &num(g, 1)));
                lines.push(text::national_line(lang, &num(n, 1), &t, &num(g, 1)));
                if let Some(s) = share(g, total) {
                    lines.push(text::share_line(lang, &percent(s, false)));
                }
            }
            _ => lines.push(text::global_line(lang, text::not_reported(lang))),
        }
        lines.push(source);
        let hit = Rect::new(cx - band * 0.45, plot.y, band * 0.9, plot.h);
        let mark = Rect::new(x, top, bar_w, plot.bottom() - top);
        l.items.push(Item { hit: None, rect: hit, anchor: (cx, top), mark, title: text::year(lang, b.year), lines });
    }
    l.height = plot.bottom() + 28.0;
    Ok(l)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::assert_clean;
    use crate::theme::ThemeName;

    fn at(w: f64) -> Layout {
        layout(&Dataset::binzhou(), w, Lang::En, &Theme::get(ThemeName::Light)).unwrap()
    }

    #[test]
    fn data_is_the_reported_totals_split_by_scope() {
        let b = bars(&Dataset::binzhou());
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].year, b[0].total, b[0].global, b[0].national_only), (2021, Some(37.0), Some(4.0), Some(33.0)));
        assert_eq!(
            (b[1].year, b[1].total, b[1].global, b[1].national_only),
            (2023, Some(53.0), Some(15.0), Some(38.0))
        );
    }

    #[test]
    fn clean_at_every_width() {
        for w in [320.0, 375.0, 640.0, 1280.0] {
            assert_clean(&at(w), &format!("by-year at {w}"));
        }
    }

    #[test]
    fn bar_heights_are_proportional_to_values() {
        let l = at(640.0);
        assert_eq!(l.bars.len(), 4);
        let h: Vec<f64> = l.bars.iter().map(|b| b.rect.h).collect();
        // 4, 33, 15, 38 on one scale.
        assert!((h[1] / h[0] - 33.0 / 4.0).abs() < 1e-9);
        assert!((h[3] / h[2] - 38.0 / 15.0).abs() < 1e-9);
        assert!(((h[2] + h[3]) / (h[0] + h[1]) - 53.0 / 37.0).abs() < 1e-9);
        // Stacked: national-only sits right on top of global.
        assert!((l.bars[1].rect.bottom() - l.bars[0].rect.y).abs() < 1e-9);
    }

    #[test]
    fn every_figure_is_labelled_on_the_chart() {
        let l = at(375.0);
        let texts: Vec<&str> = l.labels.iter().map(|x| x.text.as_str()).collect();
        for v in ["4", "33", "37", "15", "38", "53", "2021", "2023", "First in the world", "First in China only"] {
            assert!(texts.contains(&v), "{v} missing from {texts:?}");
        }
    }

    #[test]
    fn tooltip_of_2023_has_exact_figures_and_source() {
        let l = at(640.0);
        let (x, y) = l.items[1].anchor;
        let i = l.hit(x, y + 5.0).expect("a bar under the pointer");
        let it = &l.items[i];
        assert_eq!(it.title, "2023");
        assert_eq!(it.lines[0], "53 champion products in all");
        assert_eq!(it.lines[1], "15 first in the world");
        assert_eq!(it.lines[2], "38 first in China only (53 − 15, computed)");
        assert_eq!(it.lines[3], "World-first share: 28.3% (computed)");
        assert!(it.lines[4].contains("2024-02-19"));
        assert_eq!(l.hit(1.0, 1.0), None);
    }

    #[test]
    fn an_unreported_total_is_written_not_drawn_as_zero() {
        let mut d = Dataset::binzhou();
        d.values.iter_mut().find(|v| v.id == "F1").unwrap().value = None;
        let l = layout(&d, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        assert_eq!(l.bars.len(), 2, "only 2023's two segments are drawn");
        assert!(l.labels.iter().any(|x| x.text == "not reported"));
        assert!(l.items[0].lines[0].contains("not reported"));
    }

    #[test]
    fn each_segment_says_what_it_shows_for_keyboard_stepping() {
        let l = at(640.0);
        assert!(l.across, "years run across: left and right step between them");
        let parts: Vec<&str> = l.parts(1).into_iter().map(|b| l.bars[b].label.as_str()).collect();
        assert_eq!(parts, ["15 first in the world", "38 first in China only (53 − 15, computed)"]);
        assert_eq!(l.parts(0).len(), 2);
        assert!(l.parts(2).is_empty());
    }

    #[test]
    fn hit_areas_are_touch_sized() {
        let l = at(320.0);
        for it in &l.items {
            assert!(it.rect.w >= 44.0 && it.rect.h >= 44.0);
        }
    }
}
