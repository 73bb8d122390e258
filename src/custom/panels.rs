//! Small multiples of a newsroom chart, panel by panel: each panel's rows give its label
//! passes (slope labels, dumbbell changes kept clear of the next panel), its line of the summary
//! and, for the kinds that compute their own numbers, its rows of the data table.

use super::Custom;
use crate::data::Lang;
use crate::frame::Frame;
use crate::series::{build, Series};
use crate::spec::Mark;
use crate::table::Table;

impl Custom {
    /// The same passes per panel of small multiples, each with the panel's own rows and plot
    /// area (labels kept clear of the next panel), then the annotations placed panel by panel
    /// (lines and ranges in each, a note in its own panel). Returns the notes that found no
    /// clear spot.
    pub(super) fn panel_labels(
        &self,
        c: &mut crate::grammar::Compiled,
        facet: &str,
        theme: &crate::theme::Theme,
    ) -> Vec<String> {
        let mut moved = Vec::new();
        let Some(col) = self.frame.column(facet) else { return moved };
        let per = self.grammar.panels.first().map(|p| p.units.len()).unwrap_or(0);
        if per == 0 {
            return moved;
        }
        let plots: Vec<crate::layout::Rect> = c.unit_plots.iter().step_by(per).copied().collect();
        let split = crate::shorthand::panels::split(&self.frame, col);
        let homes = self.note_panels(&split);
        for (i, crate::shorthand::panels::Split { rows, .. }) in split.iter().enumerate() {
            let series = build(&self.spec, rows).ok();
            let cx =
                crate::shorthand::Ctx { spec: &self.spec, frame: rows, whole: &self.frame, series: series.as_ref() };
            let base = i * per;
            let Some(plot) = plots.get(i).copied() else { break };
            // Between the panels beside it in its row (or the chart's edges).
            let row = plots.iter().filter(|o| (o.y - plot.y).abs() < 1.0);
            let left = row.clone().filter(|o| o.right() <= plot.x).map(|o| o.right() + 4.0).fold(0.0, f64::max);
            let right = row.filter(|o| o.x >= plot.right()).map(|o| o.x - 4.0).fold(c.layout.width, f64::min);
            let below = crate::shorthand::annotate::layers_below(&cx);
            if self.spec.kind == Mark::Slope {
                let ranges: Vec<_> = crate::shorthand::slope::LABEL_LAYERS
                    .iter()
                    .filter_map(|&k| c.unit_labels.get(base + below + k).cloned())
                    .collect();
                crate::shorthand::slope::dodge(&mut c.layout, &ranges, plot, (left, right));
            }
            if matches!(self.spec.kind, Mark::Dumbbell | Mark::Arrow) {
                // The change labels: the kind's last layer, under the annotations' lines.
                let label = (base + per).checked_sub(1 + self.kind_lines());
                if let Some(r) = label.and_then(|k| c.unit_labels.get(k)).cloned() {
                    crate::shorthand::dumbbell::fit_labels(&cx, c, r, plot, right);
                }
            }
            let bounds = crate::layout::Rect::new(left.max(2.0), plot.y - 2.0, right - left.max(2.0), plot.h + 4.0);
            let keep = |k: usize| homes.get(k).copied().flatten().is_none_or(|home| home == i);
            moved.extend(crate::shorthand::place::place_in(&cx, c, theme, plot, bounds, &keep));
        }
        moved
    }

    /// For each annotation, the panel a note goes in (the one its `panel` names, else the first
    /// whose rows have its x value); `None` for lines and ranges, which go in every panel.
    fn note_panels(&self, split: &[crate::shorthand::panels::Split]) -> Vec<Option<usize>> {
        use crate::shorthand::annotate::{read, Annotation, Pos};
        let x = self.frame.column(&self.spec.x);
        read(&self.spec.annotations)
            .unwrap_or_default()
            .iter()
            .map(|a| match a {
                Annotation::Note { panel: Some(p), .. } => Some(split.iter().position(|s| s.name == *p).unwrap_or(0)),
                Annotation::Note { x: at, .. } => {
                    let want = match at {
                        Pos::Num(n) => crate::format::exact(*n),
                        Pos::Text(t) => t.clone(),
                    };
                    let has = |f: &Frame| x.is_some_and(|x| f.rows.iter().any(|r| r[x].text() == want));
                    Some(split.iter().position(|s| has(&s.rows)).unwrap_or(0))
                }
                _ => None,
            })
            .collect()
    }

    /// Small multiples of the kinds that compute their own numbers: each panel's values as the
    /// single chart's table has them (x, then the value or one column per colour value), the
    /// panel's value first.
    pub(super) fn panel_table(&self, facet: &str, lang: Lang) -> Table {
        let mut columns = vec![facet.to_string(), self.spec.x.clone()];
        let mut rows = Vec::new();
        let Some(col) = self.frame.column(facet) else {
            return Table { caption: self.spec.title.clone(), columns, rows };
        };
        let panels: Vec<(String, Series)> = crate::shorthand::panels::split(&self.frame, col)
            .into_iter()
            .filter_map(|p| build(&self.spec, &p.rows).ok().map(|s| (p.name, s)))
            .collect();
        let mut groups: Vec<String> = Vec::new();
        for (_, s) in &panels {
            for g in &s.groups {
                if !groups.contains(g) {
                    groups.push(g.clone());
                }
            }
        }
        let single = groups.len() <= 1;
        if single {
            columns.push(self.spec.y.clone());
        } else {
            columns.extend(groups.iter().cloned());
        }
        for (name, s) in &panels {
            for (c, cat) in s.categories.iter().enumerate() {
                let mut r = vec![name.clone(), cat.clone()];
                for g in if single { vec![0] } else { (0..groups.len()).collect() } {
                    let k = if single { Some(0) } else { s.groups.iter().position(|x| *x == groups[g]) };
                    r.push(match k {
                        Some(k) if s.present[k][c] => self.value_text(s.values[k][c], lang),
                        _ => String::new(),
                    });
                }
                rows.push(r);
            }
        }
        Table { caption: self.spec.title.clone(), columns, rows }
    }

    /// "2 panels by scope. First in the world: highest ...": each panel's series built from its
    /// own rows, as the panel draws them.
    pub(super) fn panel_summaries(&self, facet: &str, lang: Lang) -> String {
        let Some(i) = self.frame.column(facet) else { return String::new() };
        let panels = crate::shorthand::panels::split(&self.frame, i);
        let mut out = match lang {
            Lang::En => format!("{} panels, one per {facet}.", panels.len()),
            Lang::Zh => format!("共{}个分图，按{facet}划分。", panels.len()),
        };
        let mut spec = self.spec.clone();
        spec.facet = None;
        for crate::shorthand::panels::Split { name: v, rows: frame, .. } in &panels {
            if let Ok(s) = build(&spec, frame) {
                let one = self.series_summary(&s, lang);
                if !one.is_empty() {
                    out += &match lang {
                        Lang::En => format!(" {v}: {one}"),
                        Lang::Zh => format!("{v}：{one}"),
                    };
                }
            }
        }
        out
    }
}
