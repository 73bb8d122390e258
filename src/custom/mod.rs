//! A chart of a newsroom's own data: the checked spec, the frame and the aggregated series,
//! with the words around the chart (title, summary, source) and its data table. It is drawn by
//! the grammar engine: the shorthand spec is written as the Vega-Lite spec it stands for
//! ([`crate::shorthand`]) and laid out like any other Vega-Lite chart. Small multiples' own
//! passes (labels, table and summary per panel) are in `panels.rs`.

mod panels;

use crate::data::Lang;
use crate::error::Error;
use crate::format::num;
use crate::frame::Frame;
use crate::series::{build, Series};
use crate::spec::{Mark, Spec};
use crate::table::Table;
use crate::text;

/// A validated custom chart.
#[derive(Debug, Clone)]
pub struct Custom {
    /// The spec.
    pub spec: Spec,
    /// The data.
    pub frame: Frame,
    /// The data aggregated as the spec says (kinds that aggregate; scatter, bubble and
    /// histogram draw every row).
    pub series: Option<Series>,
    /// The chart in the grammar, with its data flowed: what is drawn.
    pub grammar: std::rc::Rc<crate::grammar::Chart>,
}

impl PartialEq for Custom {
    fn eq(&self, o: &Custom) -> bool {
        self.spec == o.spec && self.frame == o.frame && self.series == o.series
    }
}

impl Custom {
    /// Checks the spec against the data, aggregates it, and builds its grammar chart.
    pub fn new(spec: Spec, frame: Frame) -> Result<Custom, Error> {
        spec.check(&frame)?;
        let series = if spec.kind.aggregates() { Some(build(&spec, &frame)?) } else { None };
        let json = crate::shorthand::to_vega_lite(&spec, &frame)?;
        let grammar = std::rc::Rc::new(crate::grammar::Chart::new(&json, &|_| Err("inline data only".to_string()))?);
        Ok(Custom { spec, frame, series, grammar })
    }

    /// A value as text, or "not reported".
    pub fn value_text(&self, v: Option<f64>, lang: Lang) -> String {
        v.map(|x| num(x, 2)).unwrap_or_else(|| text::not_reported(lang).to_string())
    }

    /// The source line, if the spec names one.
    pub fn source_line(&self, lang: Lang) -> Option<String> {
        self.spec.source_line(lang)
    }

    /// The chart laid out at `width`: the grammar's layout, then the kind's own label passes
    /// (slope labels spread apart, annotations placed clear of the marks). Also returns the
    /// notes that found no clear spot, for the lines under the chart.
    pub fn compiled(
        &self,
        width: f64,
        lang: Lang,
        theme: &crate::theme::Theme,
    ) -> Result<(crate::grammar::Compiled, Vec<String>), Error> {
        let mut c = self.grammar.layout(width, crate::chart::locale(lang), theme)?;
        let cx = crate::shorthand::Ctx {
            spec: &self.spec,
            frame: &self.frame,
            whole: &self.frame,
            series: self.series.as_ref(),
        };
        if let Some(facet) = &self.spec.facet {
            if crate::shorthand::multiples::own_data(self.spec.kind) || !self.spec.annotations.is_empty() {
                let moved = self.panel_labels(&mut c, facet, theme);
                return Ok((c, moved));
            }
        }
        self.kind_labels(&cx, &mut c);
        let moved = crate::shorthand::place::place(&cx, &mut c, theme);
        Ok((c, moved))
    }

    /// The kind's label passes on a single chart (slope labels spread apart, dumbbell change
    /// labels kept inside).
    fn kind_labels(&self, cx: &crate::shorthand::Ctx, c: &mut crate::grammar::Compiled) {
        let whole = crate::layout::Rect::new(0.0, 0.0, c.layout.width, c.layout.height);
        let plot = c.layout.plot;
        if self.spec.kind == Mark::Slope {
            let below = crate::shorthand::annotate::layers_below(cx);
            let ranges: Vec<_> = crate::shorthand::slope::LABEL_LAYERS
                .iter()
                .filter_map(|&i| c.unit_labels.get(i + below).cloned())
                .collect();
            crate::shorthand::slope::dodge(&mut c.layout, &ranges, plot, (whole.x, whole.right()));
        }
        if matches!(self.spec.kind, Mark::Dumbbell | Mark::Arrow) {
            // The change labels are the kind's last layer.
            let below = crate::shorthand::annotate::layers_below(cx);
            let heads = c.unit_labels.len().saturating_sub(below) - self.kind_lines();
            if let Some(r) = c.unit_labels.get(below + heads.saturating_sub(1)).cloned() {
                crate::shorthand::dumbbell::fit_labels(cx, c, r, plot, whole.right());
            }
        }
    }

    /// How many layers the annotations add over the kind's own (reference lines).
    pub(super) fn kind_lines(&self) -> usize {
        let list = crate::shorthand::annotate::read(&self.spec.annotations).unwrap_or_default();
        list.iter().filter(|a| matches!(a, crate::shorthand::annotate::Annotation::Line { .. })).count()
    }

    /// Tooltip lines for category `c` (kinds that aggregate).
    pub fn lines_for(&self, c: usize, lang: Lang) -> Vec<String> {
        let Some(s) = &self.series else { return Vec::new() };
        let mut out = Vec::new();
        if s.groups.len() == 1 {
            out.push(self.value_text(s.values[0][c], lang));
        } else {
            for g in 0..s.groups.len() {
                if s.present[g][c] {
                    out.push(format!("{}: {}", s.groups[g], self.value_text(s.values[g][c], lang)));
                }
            }
            if self.spec.kind == Mark::StackedBar {
                out.push(format!("{}: {}", text::pick(lang, "Total", "合计"), self.value_text(s.total(c), lang)));
            }
        }
        out.extend(self.source_line(lang));
        out
    }

    /// One or two sentences with the numbers that matter, computed from the series (for small
    /// multiples, one per panel, each from that panel's rows).
    pub fn summary(&self, lang: Lang) -> String {
        if let (Some(facet), Some(_)) = (&self.spec.facet, &self.series) {
            return self.panel_summaries(facet, lang);
        }
        let Some(s) = &self.series else {
            return crate::grammar::summary::summary(&self.grammar, crate::chart::locale(lang));
        };
        self.series_summary(s, lang)
    }

    fn series_summary(&self, s: &Series, lang: Lang) -> String {
        // Parts of a whole: the whole and each part's share.
        if matches!(self.spec.kind, Mark::Waffle | Mark::Pie | Mark::Donut) {
            return self.parts_summary(s, lang);
        }
        let n = s.categories.len();
        // Stacked and single-series charts compare totals per x; grouped and multi-line charts
        // compare single values (adding a group's years together would mean nothing).
        let per_value = s.groups.len() > 1 && self.spec.kind != Mark::StackedBar;
        let mut points: Vec<(String, f64)> = Vec::new();
        let mut unknown = 0;
        let mut count = 0;
        if per_value {
            for c in 0..n {
                for g in 0..s.groups.len() {
                    if s.present[g][c] {
                        count += 1;
                        match s.values[g][c] {
                            Some(v) => points.push((text::paren(lang, &s.categories[c], &s.groups[g]), v)),
                            None => unknown += 1,
                        }
                    }
                }
            }
        } else {
            for c in 0..n {
                count += 1;
                match s.total(c) {
                    Some(v) => points.push((s.categories[c].clone(), v)),
                    None => unknown += 1,
                }
            }
        }
        let mut out = match self.spec.kind {
            Mark::Line | Mark::Dot if points.len() >= 2 && s.groups.len() == 1 => {
                let (a, b) = (&points[0], &points[points.len() - 1]);
                match lang {
                    Lang::En => format!("From {} in {} to {} in {}.", num(a.1, 2), a.0, num(b.1, 2), b.0),
                    Lang::Zh => format!("从{}的{}到{}的{}。", a.0, num(a.1, 2), b.0, num(b.1, 2)),
                }
            }
            _ if !points.is_empty() => {
                let hi = points.iter().fold(&points[0], |m, x| if x.1 > m.1 { x } else { m });
                let lo = points.iter().fold(&points[0], |m, x| if x.1 < m.1 { x } else { m });
                match lang {
                    Lang::En => format!("Highest: {}, {}; lowest: {}, {}.", hi.0, num(hi.1, 2), lo.0, num(lo.1, 2)),
                    Lang::Zh => format!("最高：{}，{}；最低：{}，{}。", hi.0, num(hi.1, 2), lo.0, num(lo.1, 2)),
                }
            }
            _ => String::new(),
        };
        let n = count;
        if unknown > 0 {
            out += &match lang {
                Lang::En => format!(" {unknown} of {n} values are not reported."),
                Lang::Zh => format!("{n}个数值中有{unknown}个未报道。"),
            };
        }
        out.trim().to_string()
    }

    /// A whole and its parts (waffle, pie, donut): "53 in all: First in the world 15 (28.3%), First in
    /// China only 38 (71.7%)."; parts not reported are said to be.
    fn parts_summary(&self, s: &Series, lang: Lang) -> String {
        let parts: Vec<(&String, Option<f64>)> =
            (0..s.categories.len()).map(|c| (&s.categories[c], s.total(c))).collect();
        let whole: f64 = parts.iter().filter_map(|p| p.1).sum();
        let missing = parts.iter().filter(|p| p.1.is_none()).count();
        let each: Vec<String> = parts
            .iter()
            .filter_map(|(name, v)| {
                let v = (*v)?;
                let share = (whole > 0.0).then(|| crate::format::percent(v / whole * 100.0, false));
                Some(match (lang, share) {
                    (Lang::En, Some(p)) => format!("{name} {} ({p})", num(v, 2)),
                    (Lang::En, None) => format!("{name} {}", num(v, 2)),
                    (Lang::Zh, Some(p)) => format!("{name}：{}（{p}）", num(v, 2)),
                    (Lang::Zh, None) => format!("{name}：{}", num(v, 2)),
                })
            })
            .collect();
        let mut out = match lang {
            Lang::En => format!("{} in all: {}.", num(whole, 2), each.join(", ")),
            Lang::Zh => format!("共{}。{}。", num(whole, 2), each.join("；")),
        };
        if missing > 0 {
            out += &match lang {
                Lang::En => format!(" {missing} of {} groups are not reported.", parts.len()),
                Lang::Zh => format!("{}组中有{missing}组未报道。", parts.len()),
            };
        }
        out
    }

    /// The data as the chart shows it.
    pub fn table(&self, lang: Lang) -> Table {
        if let Some(facet) =
            self.spec.facet.as_deref().filter(|_| crate::shorthand::multiples::own_data(self.spec.kind))
        {
            return self.panel_table(facet, lang);
        }
        // Small multiples: the grammar's rows, one per mark, the panel's value first.
        let series = self.series.as_ref().filter(|_| self.spec.facet.is_none());
        let Some(s) = series else {
            let mut t = crate::chart::vega_lite_table(&self.grammar, lang, usize::MAX);
            t.caption = self.spec.title.clone();
            return t;
        };
        let mut columns = vec![self.spec.x.clone()];
        if s.groups.len() == 1 {
            columns.push(self.spec.y.clone());
        } else {
            columns.extend(s.groups.iter().cloned());
        }
        let rows = (0..s.categories.len())
            .map(|c| {
                let mut r = vec![s.categories[c].clone()];
                for g in 0..s.groups.len() {
                    r.push(if s.present[g][c] { self.value_text(s.values[g][c], lang) } else { String::new() });
                }
                r
            })
            .collect();
        Table { caption: self.spec.title.clone(), columns, rows }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Custom;
    use crate::data::Lang;
    use crate::frame::Frame;
    use crate::spec::Spec;

    fn custom(csv: &str, spec: &str) -> Custom {
        Custom::new(serde_json::from_str::<Spec>(spec).unwrap(), Frame::from_csv(csv).unwrap()).unwrap()
    }

    #[test]
    fn summaries_compare_what_the_chart_compares() {
        let data = "industry,year,products\nChemicals,2021,12\nChemicals,2023,14\nTextiles,2021,2\nTextiles,2024,6\nAluminum,2023,\n";
        let grouped = custom(data, r#"{"kind":"grouped-bar","x":"industry","y":"products","color":"year"}"#);
        assert_eq!(
            grouped.summary(Lang::En),
            "Highest: Chemicals (2023), 14; lowest: Textiles (2021), 2. 1 of 5 values are not reported."
        );
        let bar = custom("k,v\na,3\nb,9\n", r#"{"kind":"bar","x":"k","y":"v"}"#);
        assert_eq!(bar.summary(Lang::En), "Highest: b, 9; lowest: a, 3.");
        assert_eq!(bar.summary(Lang::Zh), "最高：b，9；最低：a，3。");
        let line = custom("year,v\n2021,37\n2023,53\n", r#"{"kind":"line","x":"year","y":"v"}"#);
        assert_eq!(line.summary(Lang::En), "From 37 in 2021 to 53 in 2023.");
    }

    #[test]
    fn table_and_tooltips() {
        let c = custom(
            "x,g,v\na,p,1\na,q,\nb,p,2\n",
            r#"{"kind":"stacked-bar","x":"x","y":"v","color":"g","source":{"title":"S","date":"2024"}}"#,
        );
        let t = c.table(Lang::En);
        assert_eq!(t.columns, ["x", "p", "q"]);
        assert_eq!(t.rows, [["a", "1", "not reported"], ["b", "2", ""]]);
        assert_eq!(c.lines_for(0, Lang::En), ["p: 1", "q: not reported", "Total: not reported", "Source: S, 2024"]);
    }
}
