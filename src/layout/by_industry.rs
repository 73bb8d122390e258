//! `champions-by-industry`: one row per industry with a bar for the start year and one for the
//! latest reported year. Industries without reported counts are written "not reported" and
//! never drawn as zero; a figure for a year other than the story's end year carries that year.

use super::{legend, measure, nice_ticks, wrap, Anchor, Bar, Item, Label, Layout, Rect, Rule};
use crate::data::{Dataset, Lang, Value};
use crate::error::Error;
use crate::format::{num, percent, signed};
use crate::query::change;
use crate::text;
use crate::theme::Theme;

const PAD: f64 = 8.0;
const SIZE: f64 = 13.0;
const TICK: f64 = 12.0;
const BAR_H: f64 = 14.0;
const BAR_GAP: f64 = 4.0;
const LINE_H: f64 = 16.0;
const ROW_GAP: f64 = 12.0;

/// One industry's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustryRow<'a> {
    /// Industry id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The start-year value entry, if the dataset has one.
    pub start: Option<&'a Value>,
    /// The latest value entry after the start year, if any.
    pub later: Option<&'a Value>,
}

impl IndustryRow<'_> {
    fn reported(&self) -> bool {
        self.start.and_then(|v| v.value).is_some() || self.later.and_then(|v| v.value).is_some()
    }
}

/// All industries, those with any reported figure first, otherwise in dataset order.
pub fn rows(d: &Dataset, lang: Lang) -> Vec<IndustryRow<'_>> {
    let start_year = d.period[0];
    let mut out: Vec<IndustryRow> = d
        .industries
        .iter()
        .map(|c| {
            let of = |v: &&Value| v.industry.as_deref() == Some(c.id.as_str());
            let start = d.values.iter().filter(of).find(|v| v.year == start_year);
            // Latest reported year after the start; else the latest entry at all.
            let after: Vec<&Value> = d.values.iter().filter(of).filter(|v| v.year > start_year).collect();
            let later = after
                .iter()
                .filter(|v| v.value.is_some())
                .max_by_key(|v| v.year)
                .or_else(|| after.iter().max_by_key(|v| v.year))
                .copied();
            IndustryRow { id: &c.id, name: c.name.get(lang), start, later }
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| b.reported().cmp(&a.reported()));
    out
}

/// Lays the chart out at `width` CSS px.
pub fn layout(d: &Dataset, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
    let rows = rows(d, lang);
    let [start_year, end_year] = d.period;
    let mut l = Layout::new(width, theme.background, &theme.font);
    let entries = [(theme.years[0], text::year(lang, start_year)), (theme.years[1], text::year(lang, end_year))];
    let mut y = legend(&mut l, &entries, PAD, PAD, width - 2.0 * PAD, SIZE, theme.text) + 8.0;

    let name_w = (width * 0.34).clamp(84.0, 220.0);
    // Names go in a column left of the bars, unless a word would not fit there: then each name
    // sits on its own line above its bars (narrow screens, long words).
    let stacked = rows.iter().flat_map(|r| r.name.split(' ')).any(|w| measure(w, SIZE, false) > name_w - 10.0);
    let other_year = rows.iter().any(|r| r.later.is_some_and(|v| v.year != end_year && v.value.is_some()));
    // Room right of the bars for the longest value label (either year).
    let room = rows
        .iter()
        .flat_map(|r| [r.start, r.later])
        .flatten()
        .filter(|v| v.value.is_some())
        .map(|v| measure(&label_for(v, end_year, lang), SIZE, true))
        .fold(measure(text::not_reported(lang), SIZE, false) - 40.0, f64::max)
        + 8.0;
    let x0 = if stacked { PAD } else { PAD + name_w };
    let bars_w = width - PAD - room - x0;
    let max = rows.iter().flat_map(|r| [r.start, r.later]).filter_map(|v| v.and_then(|v| v.value)).fold(0.0, f64::max);
    let ticks = nice_ticks(max, if width < 400.0 { 3 } else { 5 });
    let x_of = |v: f64| x0 + v / ticks.max * bars_w;

    let top = y;
    let mut pending_rows = Vec::new();
    for r in &rows {
        let names = if stacked {
            wrap(r.name, SIZE, false, width - 2.0 * PAD)
        } else {
            wrap(r.name, SIZE, false, name_w - 10.0)
        };
        let names_h = names.len() as f64 * LINE_H;
        let block = 2.0 * BAR_H + BAR_GAP;
        let h = if stacked { names_h + block + 2.0 } else { names_h.max(block) } + ROW_GAP;
        pending_rows.push((r, names, y, h));
        y += h;
    }
    let plot = Rect::new(x0, top, width - PAD - x0, y - top);
    l.plot = plot;
    for t in &ticks.values {
        let x = x_of(*t);
        let color = if *t == 0.0 { theme.axis } else { theme.grid };
        if stacked {
            // Grid lines only beside the bars, never through the names above them.
            for (_, names, ry, h) in &pending_rows {
                let y0 = ry + ROW_GAP / 2.0 + names.len() as f64 * LINE_H;
                l.rules.push(Rule { x1: x, y1: y0, x2: x, y2: ry + h - ROW_GAP / 2.0 + 2.0, color, width: 1.0 });
            }
        } else {
            l.rules.push(Rule { x1: x, y1: plot.y, x2: x, y2: plot.bottom(), color, width: 1.0 });
        }
    }
    let tick_labels: Vec<(f64, String)> = ticks.values.iter().map(|t| (x_of(*t), num(*t, 1))).collect();
    super::x_tick_labels(&mut l, &tick_labels, plot.bottom() + 12.0, TICK, theme.muted);
    let mut bottom = plot.bottom() + 24.0;

    for (r, names, ry, h) in pending_rows {
        let item = l.items.len();
        let inner = ry + ROW_GAP / 2.0;
        let block = 2.0 * BAR_H + BAR_GAP;
        let names_h = names.len() as f64 * LINE_H;
        let bars_top = if stacked { inner + names_h + 2.0 } else { inner + ((h - ROW_GAP) - block) / 2.0 };
        for (k, line) in names.iter().enumerate() {
            let name_top = if stacked { inner } else { inner + ((h - ROW_GAP) - names_h) / 2.0 };
            let ly = name_top + LINE_H * (k as f64 + 0.5);
            l.labels.push(Label::new(line.clone(), PAD, ly, SIZE, theme.text, Anchor::Start));
        }
        let mut lines = Vec::new();
        if !r.reported() {
            l.labels.push(Label::new(
                text::not_reported(lang),
                x0 + 6.0,
                bars_top + block / 2.0,
                SIZE,
                theme.muted,
                Anchor::Start,
            ));
        }
        let mut far = x0;
        for (slot, entry) in [r.start, r.later].into_iter().enumerate() {
            let year = entry.map(|v| v.year).unwrap_or(d.period[slot]);
            let value = entry.and_then(|v| v.value);
            let line = text::year_value_line(lang, year, value.map(|v| num(v, 1)).as_deref());
            lines.push(line.clone());
            if !r.reported() {
                continue;
            }
            let by = bars_top + slot as f64 * (BAR_H + BAR_GAP);
            match (entry, value) {
                (Some(e), Some(v)) => {
                    let rect = Rect::new(x0, by, x_of(v) - x0, BAR_H);
                    l.bars.push(Bar { rect, color: theme.years[slot], item, label: line });
                    let s = if slot == 1 { label_for(e, end_year, lang) } else { num(v, 1) };
                    l.labels.push(
                        Label::new(s, rect.right() + 4.0, by + BAR_H / 2.0, SIZE, theme.text, Anchor::Start).bold(),
                    );
                    far = far.max(rect.right());
                }
                _ => l.labels.push(Label::new(
                    text::not_reported(lang),
                    x0 + 4.0,
                    by + BAR_H / 2.0,
                    TICK,
                    theme.muted,
                    Anchor::Start,
                )),
            }
        }
        if let (Some(a), Some(b)) = (r.start.and_then(|v| v.value), r.later.and_then(|v| v.value)) {
            let c = change(a, b);
            let pct = c.percent.map(|p| percent(p, true)).unwrap_or_else(|| "–".into());
            lines.push(text::change_line(lang, &signed(c.absolute, 1), &pct));
        }
        for v in [r.start, r.later].into_iter().flatten() {
            if let Some(n) = &v.note {
                lines.push(n.get(lang).to_string());
            }
        }
        let src = r.later.or(r.start).map(|v| v.source.as_str()).unwrap_or_default();
        lines.push(text::source_line(lang, d, src));
        let hit = Rect::new(PAD, ry, width - 2.0 * PAD, h);
        let mark = Rect::new(x0, bars_top, (far - x0).max(measure(text::not_reported(lang), SIZE, false) + 8.0), block);
        l.items.push(Item {
            hit: None,
            rect: hit,
            anchor: (x0 + mark.w / 2.0, bars_top),
            mark,
            title: r.name.to_string(),
            lines,
        });
    }
    if other_year {
        for line in wrap(text::other_year_note(lang), TICK, false, width - 2.0 * PAD) {
            l.labels.push(Label::new(line, PAD, bottom + 8.0, TICK, theme.muted, Anchor::Start));
            bottom += LINE_H;
        }
        bottom += 8.0;
    }
    l.height = bottom;
    Ok(l)
}

fn label_for(v: &Value, end_year: i32, lang: Lang) -> String {
    let s = v.value.map(|x| num(x, 1)).unwrap_or_default();
    if v.year != end_year {
        text::value_with_year(lang, &s, v.year)
    } else {
        s
    }
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
    fn all_eight_industries_reported_ones_first() {
        let d = Dataset::binzhou();
        let r = rows(&d, Lang::En);
        assert_eq!(r.len(), 8);
        assert_eq!(r[0].id, "chemicals");
        assert_eq!(r[1].id, "textiles");
        assert_eq!(r[1].later.unwrap().year, 2024);
        assert!(r[2..].iter().all(|x| !x.reported()));
    }

    #[test]
    fn clean_at_every_width() {
        for w in [320.0, 375.0, 640.0, 1280.0] {
            assert_clean(&at(w), &format!("by-industry at {w}"));
        }
    }

    #[test]
    fn only_reported_values_are_drawn() {
        let l = at(640.0);
        assert_eq!(l.bars.len(), 4, "12, 14, 2, 6 and nothing for the six unreported industries");
        let w: Vec<f64> = l.bars.iter().map(|b| b.rect.w).collect();
        assert!((w[1] / w[0] - 14.0 / 12.0).abs() < 1e-9);
        assert!((w[3] / w[2] - 3.0).abs() < 1e-9);
        let nr = l.labels.iter().filter(|x| x.text == "not reported").count();
        assert_eq!(nr, 6);
        assert_eq!(l.items.len(), 8);
    }

    #[test]
    fn the_2024_textiles_figure_carries_its_year() {
        let l = at(640.0);
        assert!(l.labels.iter().any(|x| x.text == "6 (2024)"));
        assert!(l.labels.iter().any(|x| x.text.starts_with("Year in brackets")));
        let t = &l.items[1];
        assert_eq!(t.title, "Textiles");
        assert_eq!(t.lines[0], "2021: 2");
        assert_eq!(t.lines[1], "2024: 6");
        assert_eq!(t.lines[2], "Change: +4 (+200%, computed)");
        assert!(t.lines.iter().any(|x| x.contains("2024, not 2023")));
    }

    #[test]
    fn names_never_break_inside_a_word() {
        let d = Dataset::binzhou();
        for w in [240.0, 260.0, 288.0, 300.0, 320.0, 360.0, 640.0] {
            let l = layout(&d, w, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
            assert_clean(&l, &format!("by-industry at {w}"));
            for c in &d.industries {
                for word in c.name.en.split(' ') {
                    assert!(
                        l.labels.iter().any(|x| x.text.split(' ').any(|t| t == word)),
                        "{w}px: \"{word}\" of \"{}\" is broken",
                        c.name.en
                    );
                }
            }
        }
    }

    #[test]
    fn narrow_screens_put_names_above_the_bars() {
        let narrow = at(288.0);
        assert!((narrow.bars[0].rect.x - 8.0).abs() < 1e-9, "bars start at the left edge under their names");
        assert!(narrow.labels.iter().any(|x| x.text == "Equipment manufacturing"));
        let wide = at(640.0);
        assert!(wide.bars[0].rect.x > 150.0, "a name column at 640 px");
    }

    #[test]
    fn unreported_tooltips_say_so() {
        let l = at(640.0);
        let alu = l.items.iter().find(|i| i.title == "Aluminum").unwrap();
        assert_eq!(alu.lines[0], "2021: not reported");
        assert_eq!(alu.lines[1], "2023: not reported");
    }
}
