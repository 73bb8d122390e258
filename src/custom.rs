//! A chart of a newsroom's own data: the checked spec, the frame and the aggregated series,
//! with the words around the chart (title, summary, source) and its data table.

use crate::data::Lang;
use crate::error::Error;
use crate::format::num;
use crate::frame::Frame;
use crate::series::{build, Series};
use crate::spec::{Mark, Spec};
use crate::table::Table;
use crate::text;

/// A validated custom chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Custom {
    /// The spec.
    pub spec: Spec,
    /// The data.
    pub frame: Frame,
    /// The data aggregated as the spec says.
    pub series: Series,
}

impl Custom {
    /// Checks the spec against the data and aggregates it.
    pub fn new(spec: Spec, frame: Frame) -> Result<Custom, Error> {
        spec.check(&frame)?;
        let series = build(&spec, &frame)?;
        Ok(Custom { spec, frame, series })
    }

    /// A value as text, or "not reported".
    pub fn value_text(&self, v: Option<f64>, lang: Lang) -> String {
        v.map(|x| num(x, 2)).unwrap_or_else(|| text::not_reported(lang).to_string())
    }

    /// The source line, if the spec names one.
    pub fn source_line(&self, lang: Lang) -> Option<String> {
        self.spec.source.as_ref().map(|s| {
            let date = s.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            format!("{}{}{date}", text::pick(lang, "Source: ", "来源："), s.title)
        })
    }

    /// Tooltip lines for category `c`.
    pub fn lines_for(&self, c: usize, lang: Lang) -> Vec<String> {
        let s = &self.series;
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

    /// One or two sentences with the numbers that matter, computed from the series.
    pub fn summary(&self, lang: Lang) -> String {
        let s = &self.series;
        let n = s.categories.len();
        let totals: Vec<(usize, f64)> = (0..n).filter_map(|c| s.total(c).map(|t| (c, t))).collect();
        let unknown = n - totals.len();
        let mut out = match self.spec.kind {
            Mark::Line | Mark::Dot if totals.len() >= 2 && s.groups.len() == 1 => {
                let (a, b) = (totals[0], totals[totals.len() - 1]);
                match lang {
                    Lang::En => format!(
                        "From {} in {} to {} in {}.",
                        num(a.1, 2),
                        s.categories[a.0],
                        num(b.1, 2),
                        s.categories[b.0]
                    ),
                    Lang::Zh => {
                        format!("从{}的{}到{}的{}。", s.categories[a.0], num(a.1, 2), s.categories[b.0], num(b.1, 2))
                    }
                }
            }
            _ if !totals.is_empty() => {
                let hi = totals.iter().fold(totals[0], |m, x| if x.1 > m.1 { *x } else { m });
                let lo = totals.iter().fold(totals[0], |m, x| if x.1 < m.1 { *x } else { m });
                match lang {
                    Lang::En => format!(
                        "Highest: {} ({}); lowest: {} ({}).",
                        s.categories[hi.0],
                        num(hi.1, 2),
                        s.categories[lo.0],
                        num(lo.1, 2)
                    ),
                    Lang::Zh => format!(
                        "最高：{}（{}）；最低：{}（{}）。",
                        s.categories[hi.0],
                        num(hi.1, 2),
                        s.categories[lo.0],
                        num(lo.1, 2)
                    ),
                }
            }
            _ => String::new(),
        };
        if unknown > 0 {
            out += &match lang {
                Lang::En => format!(" {unknown} of {n} values are not reported."),
                Lang::Zh => format!("{n}个数值中有{unknown}个未报道。"),
            };
        }
        out.trim().to_string()
    }

    /// The data as the chart shows it.
    pub fn table(&self, lang: Lang) -> Table {
        let s = &self.series;
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
