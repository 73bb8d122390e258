//! Custom `bar`, `stacked-bar` and `grouped-bar` charts: horizontal bars, one row per x value,
//! names in a column on the left (or above the bars when a word would not fit), values written
//! at the bar ends, "not reported" written where a bar would be.

use super::{legend, measure, span_ticks, wrap, x_tick_labels, Anchor, Bar, Item, Label, Layout, Rect, Rule};
use crate::custom::Custom;
use crate::data::Lang;
use crate::error::Error;
use crate::format::{compact, num};
use crate::spec::Mark;
use crate::text;
use crate::theme::{Rgb, Theme};

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const TICK: f64 = 12.0;
const LINE_H: f64 = 16.0;
const ROW_GAP: f64 = 12.0;

/// The colour of group `g` at category `c`, honouring the spec's highlight list.
pub fn color_of(c: &Custom, g: usize, cat: usize, theme: &Theme) -> Rgb {
    let s = &c.series;
    let base = if s.groups.len() == 1 { theme.palette[0] } else { theme.palette[g % theme.palette.len()] };
    let hl = &c.spec.highlight;
    if hl.is_empty() || hl.contains(&s.categories[cat]) || hl.contains(&s.groups[g]) {
        base
    } else {
        theme.quiet
    }
}

/// A "not reported" note in a bar's place: after the zero line if it fits there, else ending at
/// the right edge.
fn not_reported_label(text: &str, zero: f64, y: f64, width: f64, color: Rgb) -> Label {
    if zero + 4.0 + measure(text, TICK, false) <= width - PAD {
        Label::new(text, zero + 4.0, y, TICK, color, Anchor::Start)
    } else {
        Label::new(text, width - PAD, y, TICK, color, Anchor::End)
    }
}

/// Lays the chart out at `width` CSS px.
pub fn layout(c: &Custom, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let s = &c.series;
    let (ng, nc) = (s.groups.len(), s.categories.len());
    let stacked = c.spec.kind == Mark::StackedBar;
    let grouped = c.spec.kind == Mark::GroupedBar && ng > 1;
    let mut l = Layout::new(width, theme.background, &theme.font);
    let mut y = PAD;
    if ng > 1 {
        let entries: Vec<(Rgb, String)> =
            (0..ng).map(|g| (theme.palette[g % theme.palette.len()], s.groups[g].clone())).collect();
        y = legend(&mut l, &entries, PAD, y, width - 2.0 * PAD, SIZE, theme.text) + 8.0;
    }

    // Value domain: stacked bars stack their totals; others show each value.
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 0.0;
    for cat in 0..nc {
        if stacked {
            // The drawn stack: every known segment, even when another is not reported.
            let drawn: f64 = (0..ng).filter(|&g| s.present[g][cat]).filter_map(|g| s.values[g][cat]).sum();
            hi = hi.max(drawn);
        } else {
            for g in 0..ng {
                if let Some(v) = s.values[g][cat] {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
    }
    let ticks = span_ticks(lo, hi, if width < 400.0 { 3 } else { 5 });
    let t0 = ticks.values[0];

    let name_w = (width * 0.3).clamp(72.0, 220.0);
    // On narrow charts values are written short (954k); tooltips and the table keep them exact.
    let fmt = |x: f64| if width < 480.0 { compact(x) } else { num(x, 2) };
    let label_of = |v: Option<f64>| v.map(fmt).unwrap_or_else(|| text::not_reported(lang).to_string());
    let room = (0..nc)
        .flat_map(|cat| {
            if stacked {
                vec![label_of(s.total(cat))]
            } else {
                (0..ng).map(|g| label_of(s.values[g][cat])).collect()
            }
        })
        .map(|t| measure(&t, SIZE, true))
        .fold(0.0, f64::max)
        + 8.0;
    // Room on the left for labels of negative bars.
    let left_room = if lo < 0.0 { room } else { 0.0 };
    // Names sit left of the bars when every word fits there and the bars keep room to be read.
    let names_above = s.categories.iter().flat_map(|n| n.split(' ')).any(|w| measure(w, SIZE, false) > name_w - 10.0)
        || width - 2.0 * PAD - name_w - room - left_room < 80.0;
    let x0 = if names_above { PAD } else { PAD + name_w };
    let bars_w = (width - PAD - room - x0 - left_room).max(20.0);
    let xa = x0 + left_room;
    let x_of = |v: f64| xa + (v - t0) / (ticks.max - t0) * bars_w;
    // Sub-bars of a group are spaced so their value labels (13 px text) never touch.
    let (bar_h, bar_gap) = if grouped { (14.0, 4.0) } else { (16.0, 3.0) };
    let per_row = if grouped { ng } else { 1 };
    let block = per_row as f64 * bar_h + (per_row as f64 - 1.0) * bar_gap;

    let top = y;
    let mut rows = Vec::new();
    for name in &s.categories {
        let names = wrap(name, SIZE, false, if names_above { width - 2.0 * PAD } else { name_w - 10.0 });
        let nh = names.len() as f64 * LINE_H;
        let h = if names_above { nh + block + 2.0 } else { nh.max(block).max(32.0) } + ROW_GAP;
        rows.push((names, y, h));
        y += h;
    }
    l.plot = Rect::new(x0, top, width - PAD - x0, y - top);
    for t in &ticks.values {
        let x = x_of(*t);
        let color = if *t == 0.0 { theme.axis } else { theme.grid };
        l.rules.push(Rule { x1: x, y1: top, x2: x, y2: y, color, width: 1.0 });
    }
    let tick_labels: Vec<(f64, String)> = ticks.values.iter().map(|t| (x_of(*t), num(*t, 2))).collect();
    x_tick_labels(&mut l, &tick_labels, y + 12.0, TICK, theme.muted);

    for (cat, (names, ry, h)) in rows.into_iter().enumerate() {
        let item = l.items.len();
        let inner = ry + ROW_GAP / 2.0;
        let nh = names.len() as f64 * LINE_H;
        let bars_top = if names_above { inner + nh + 2.0 } else { inner + ((h - ROW_GAP) - block) / 2.0 };
        let name_top = if names_above { inner } else { inner + ((h - ROW_GAP) - nh) / 2.0 };
        for (k, line) in names.iter().enumerate() {
            l.labels.push(Label::new(
                line.clone(),
                PAD,
                name_top + LINE_H * (k as f64 + 0.5),
                SIZE,
                theme.text,
                Anchor::Start,
            ));
        }
        let zero = x_of(0.0);
        let mut far = zero;
        if stacked {
            let mut acc = 0.0;
            for g in 0..ng {
                if let (true, Some(v)) = (s.present[g][cat], s.values[g][cat]) {
                    let rect = Rect::new(x_of(acc), bars_top, x_of(acc + v) - x_of(acc), bar_h);
                    let label = format!("{}: {}", s.groups[g], c.value_text(Some(v), lang));
                    l.bars.push(Bar { rect, color: color_of(c, g, cat, theme), item, label });
                    acc += v;
                }
            }
            let label = label_of(s.total(cat));
            let known = s.total(cat).is_some();
            far = x_of(acc);
            if known {
                l.labels
                    .push(Label::new(label, far + 4.0, bars_top + bar_h / 2.0, SIZE, theme.text, Anchor::Start).bold());
            } else if acc > 0.0 {
                // Some segments are drawn but the total is unknown: say so after them.
                l.labels.push(Label::new(label, far + 4.0, bars_top + bar_h / 2.0, TICK, theme.muted, Anchor::Start));
            } else {
                l.labels.push(not_reported_label(&label, zero, bars_top + bar_h / 2.0, width, theme.muted));
            }
        } else {
            for (k, g) in (0..ng).filter(|g| grouped || s.present[*g][cat] || ng == 1).enumerate() {
                let by = bars_top + k as f64 * (bar_h + bar_gap);
                if !s.present[g][cat] {
                    continue;
                }
                match s.values[g][cat] {
                    Some(v) => {
                        let (a, b) = (x_of(v.min(0.0)), x_of(v.max(0.0)));
                        let rect = Rect::new(a, by, (b - a).max(0.5), bar_h);
                        let value = c.value_text(Some(v), lang);
                        let label = if ng > 1 { format!("{}: {value}", s.groups[g]) } else { value };
                        l.bars.push(Bar { rect, color: color_of(c, g, cat, theme), item, label });
                        let lab = if v < 0.0 {
                            Label::new(fmt(v), a - 4.0, by + bar_h / 2.0, SIZE, theme.text, Anchor::End)
                        } else {
                            Label::new(fmt(v), b + 4.0, by + bar_h / 2.0, SIZE, theme.text, Anchor::Start)
                        };
                        far = far.max(b);
                        l.labels.push(lab.bold());
                    }
                    None => l.labels.push(not_reported_label(
                        text::not_reported(lang),
                        zero,
                        by + bar_h / 2.0,
                        width,
                        theme.muted,
                    )),
                }
                if !grouped {
                    break;
                }
            }
        }
        let hit = Rect::new(PAD, ry, width - 2.0 * PAD, h);
        let mark = Rect::new(xa.min(zero), bars_top, (far - xa.min(zero)).max(40.0), block);
        l.items.push(Item { hit: None,
            rect: hit,
            anchor: (mark.x + mark.w / 2.0, bars_top),
            mark,
            title: s.categories[cat].clone(),
            lines: c.lines_for(cat, lang),
        });
    }
    l.height = y + 28.0;
    if !c.spec.notes.is_empty() {
        for line in wrap(&c.spec.notes, TICK, false, width - 2.0 * PAD) {
            l.labels.push(Label::new(line, PAD, l.height, TICK, theme.muted, Anchor::Start));
            l.height += LINE_H;
        }
        l.height += 6.0;
    }
    Ok(l)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::frame::Frame;
    use crate::layout::assert_clean;
    use crate::spec::Spec;
    use crate::theme::ThemeName;

    pub(crate) fn custom(csv: &str, spec: &str) -> Custom {
        Custom::new(serde_json::from_str::<Spec>(spec).unwrap(), Frame::from_csv(csv).unwrap()).unwrap()
    }

    const DATA: &str =
        "year,scope,count\n2021,World first,4\n2021,China only,33\n2023,World first,15\n2023,China only,38\n";

    #[test]
    fn every_kind_is_clean_at_every_width() {
        for kind in ["bar", "stacked-bar", "grouped-bar"] {
            let c = custom(DATA, &format!(r#"{{"kind":"{kind}","x":"year","y":"count","color":"scope"}}"#));
            for w in [240.0, 320.0, 640.0, 1280.0] {
                let l = layout(&c, w, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
                assert_clean(&l, &format!("{kind} at {w}"));
            }
        }
    }

    #[test]
    fn stacked_lengths_follow_values() {
        let c = custom(DATA, r#"{"kind":"stacked-bar","x":"year","y":"count","color":"scope"}"#);
        let l = layout(&c, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        let w: Vec<f64> = l.bars.iter().map(|b| b.rect.w).collect();
        assert!((w[1] / w[0] - 33.0 / 4.0).abs() < 1e-9);
        assert!(((w[2] + w[3]) / (w[0] + w[1]) - 53.0 / 37.0).abs() < 1e-9);
        assert!(l.labels.iter().any(|x| x.text == "53"));
        let it = &l.items[1];
        assert_eq!(it.lines[..3], ["World first: 15", "China only: 38", "Total: 53"]);
        assert!(!l.across, "rows run down");
        let parts: Vec<&str> = l.parts(1).into_iter().map(|b| l.bars[b].label.as_str()).collect();
        assert_eq!(parts, ["World first: 15", "China only: 38"]);
    }

    #[test]
    fn negatives_missing_and_highlight() {
        let c = custom("k,v\nup,5\ndown,-3\nnone,\n", r#"{"kind":"bar","x":"k","y":"v","highlight":["down"]}"#);
        let th = Theme::get(ThemeName::Light);
        let l = layout(&c, 480.0, Lang::En, &th).unwrap();
        assert_clean(&l, "negatives");
        assert_eq!(l.bars.len(), 2, "nothing drawn for the missing value");
        assert!(l.bars[1].rect.right() <= l.bars[0].rect.x + 1e-9, "the negative bar sits left of zero");
        assert_eq!(l.bars[0].color, th.quiet);
        assert_eq!(l.bars[1].color, th.palette[0]);
        assert!(l.labels.iter().any(|x| x.text == "not reported"));
        assert!(l.labels.iter().any(|x| x.text == "-3"));
    }
}
