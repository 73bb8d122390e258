//! The chart catalogue: which charts exist, their titles and summaries, and the one entry point
//! that turns a chart name, a dataset and a width into a [`Layout`].

use std::rc::Rc;

use crate::custom::Custom;
use crate::data::{Dataset, Lang};
use crate::error::Error;
use crate::format::{num, percent};
use crate::layout::Layout;
use crate::presets::{by_industry, by_year, claims_check};
use crate::query::change;
use crate::table::Table;
use crate::text::pick;
use crate::theme::Theme;
use crate::xy::Xy;

/// The charts this build can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Stacked bars per year, split by scope.
    ByYear,
    /// Paired bars per industry, unreported ones written out.
    ByIndustry,
    /// The article's claims beside computed values.
    ClaimsCheck,
}

impl ChartKind {
    /// Every chart, in the order the overview shows them.
    pub const ALL: [ChartKind; 3] = [ChartKind::ByYear, ChartKind::ByIndustry, ChartKind::ClaimsCheck];
    /// The names the embed attribute `data-chart` accepts for single charts.
    pub const NAMES: [&'static str; 3] = ["champions-by-year", "champions-by-industry", "claims-check"];

    /// Parses a chart name.
    pub fn parse(name: &str) -> Result<ChartKind, Error> {
        Self::NAMES.iter().position(|n| *n == name).map(|i| Self::ALL[i]).ok_or_else(|| Error::UnknownChart {
            name: name.to_string(),
            expected: ChartKind::NAMES.iter().map(|n| n.to_string()).collect(),
        })
    }

    /// The chart's name.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Lays the chart out for `width` CSS px.
    pub fn layout(self, d: &Dataset, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
        let width = width.clamp(200.0, 4000.0);
        match self {
            ChartKind::ByYear => by_year::layout(d, width, lang, theme),
            ChartKind::ByIndustry => by_industry::layout(d, width, lang, theme),
            ChartKind::ClaimsCheck => claims_check::layout(d, width, lang, theme),
        }
    }

    /// The chart as the Vega-Lite spec the grammar draws it from, at `width` (the story then
    /// adds its tooltips and labels); `None` for the claims check, the story's own layout.
    pub fn vega_lite(self, d: &Dataset, lang: Lang, width: f64, theme: &Theme) -> Option<crate::grammar::Json> {
        let width = width.clamp(200.0, 4000.0);
        match self {
            ChartKind::ByYear => Some(by_year::spec(d, lang, width, theme)),
            ChartKind::ByIndustry => Some(by_industry::spec(d, lang, width, theme)),
            ChartKind::ClaimsCheck => None,
        }
    }

    /// Title, subtitle and a one- or two-sentence summary with the numbers that matter.
    pub fn meta(self, d: &Dataset, lang: Lang) -> ChartMeta {
        let [a, b] = d.period;
        match self {
            ChartKind::ByYear => {
                let bars = by_year::bars(d);
                let summary = match (bars[0].total, bars[1].total) {
                    (Some(t0), Some(t1)) => {
                        let c = change(t0, t1);
                        let pct = c.percent.map(|p| percent(p, true)).unwrap_or_default();
                        let g = match (bars[0].global, bars[1].global) {
                            (Some(g0), Some(g1)) => match lang {
                                Lang::En => {
                                    format!(" Products first in the world went from {} to {}.", num(g0, 1), num(g1, 1))
                                }
                                Lang::Zh => format!("其中世界第一的产品从{}个增至{}个。", num(g0, 1), num(g1, 1)),
                            },
                            _ => String::new(),
                        };
                        match lang {
                            Lang::En => format!(
                                "Champion products rose from {} in {a} to {} in {b} ({pct}).{g}",
                                num(t0, 1),
                                num(t1, 1)
                            ),
                            Lang::Zh => {
                                format!("冠军产品从{a}年的{}个增至{b}年的{}个（{pct}）。{g}", num(t0, 1), num(t1, 1))
                            }
                        }
                    }
                    _ => pick(lang, "A total was not reported.", "有总数未见报道。").to_string(),
                };
                ChartMeta {
                    title: match lang {
                        Lang::En => format!("Champion products, {a} and {b}"),
                        Lang::Zh => format!("{a}年与{b}年的冠军产品"),
                    },
                    subtitle: pick(
                        lang,
                        "Products ranked first in the world, or first in China only",
                        "世界第一或仅全国第一的产品",
                    )
                    .into(),
                    summary,
                }
            }
            ChartKind::ByIndustry => {
                let rows = by_industry::rows(d, lang);
                let reported = rows
                    .iter()
                    .filter(|r| r.start.and_then(|v| v.value).is_some() || r.later.and_then(|v| v.value).is_some())
                    .count();
                let n = rows.len();
                ChartMeta {
                    title: pick(lang, "Champion products by industry", "各行业的冠军产品").into(),
                    subtitle: match lang {
                        Lang::En => format!("Counts were reported for {reported} of the {n} industries"),
                        Lang::Zh => format!("{n}个行业中只有{reported}个报道了数量"),
                    },
                    summary: match lang {
                        Lang::En => format!("The report gives counts for {reported} of {n} industries; the other {} are marked not reported.", n - reported),
                        Lang::Zh => format!("报道给出了{n}个行业中{reported}个的数量，其余{}个标为未报道。", n - reported),
                    },
                }
            }
            ChartKind::ClaimsCheck => ChartMeta {
                title: pick(lang, "Checking the report's arithmetic", "核对报道中的计算").into(),
                subtitle: pick(
                    lang,
                    "Each claim beside the value computed from the report's own figures",
                    "每项说法与依据报道自身数字计算的结果对照",
                )
                .into(),
                summary: claims_summary(d, lang),
            },
        }
    }
}

fn claims_summary(d: &Dataset, lang: Lang) -> String {
    use crate::claims::{check_all, Verdict};
    let Ok(checks) = check_all(d) else { return String::new() };
    let n = checks.len();
    let ok = checks.iter().filter(|c| c.verdict == Verdict::Matches).count();
    let off: Vec<String> = checks
        .iter()
        .filter(|c| c.verdict == Verdict::DoesNotMatch)
        .map(|c| format!("{} ({})", c.claim.id, c.claim.stated_as.get(lang)))
        .collect();
    let flagged = n - ok - off.len();
    match lang {
        Lang::En => {
            let mut s =
                format!("{ok} of {n} claims match the report's own figures exactly; {flagged} hold only with a caveat");
            if !off.is_empty() {
                s += &format!("; {} does not match", off.join(", "));
            }
            s + "."
        }
        Lang::Zh => {
            let mut s = format!("{n}项说法中{ok}项与报道自身数字完全相符，{flagged}项需附加说明");
            if !off.is_empty() {
                s += &format!("，{}不符", off.join("、"));
            }
            s + "。"
        }
    }
}

/// Any chart the widget can show: a preset of the story's dataset, or a newsroom's own data
/// with a spec. Everything the wasm edge needs goes through here.
#[derive(Debug, Clone)]
pub enum ChartDef {
    /// A preset chart of a dataset in the story schema.
    Preset(ChartKind, Rc<Dataset>),
    /// A custom chart.
    Custom(Rc<Custom>),
    /// A line or dot chart of a large numeric series (typed arrays).
    Xy(Rc<Xy>),
    /// A Vega-Lite spec, drawn by the grammar engine.
    VegaLite(Rc<crate::grammar::Chart>),
}

impl ChartDef {
    /// A newsroom chart of CSV text: a plain line or dot chart of a large file as a number
    /// series ([`crate::xy_csv`]), a chart that only sums y per x and colour over a large file
    /// from its sums ([`crate::sums_csv`]), any other as a [`Custom`] chart of the rows.
    pub fn from_csv(spec: crate::spec::Spec, text: &str) -> Result<ChartDef, Error> {
        if let Some(xy) = crate::xy_csv::read(&spec, text) {
            return Ok(ChartDef::Xy(Rc::new(xy?)));
        }
        if let Some(summed) = crate::sums_csv::read(&spec, text) {
            return Ok(ChartDef::Custom(Rc::new(Custom::new(spec, summed?)?)));
        }
        let frame = crate::frame::Frame::from_csv(text)?;
        Ok(ChartDef::Custom(Rc::new(Custom::new(spec, frame)?)))
    }
}

/// The grammar's locale for an interface language.
pub fn locale(lang: Lang) -> crate::grammar::format::Locale {
    match lang {
        Lang::En => crate::grammar::format::Locale::En,
        Lang::Zh => crate::grammar::format::Locale::Zh,
    }
}

/// Width the data table and summary of a Vega-Lite chart are computed at (they do not depend
/// on it beyond how many points of a long line get items).
const TABLE_WIDTH: f64 = 640.0;

impl ChartDef {
    /// The chart's name (`custom` for custom charts).
    pub fn name(&self) -> &'static str {
        match self {
            ChartDef::Preset(k, _) => k.name(),
            ChartDef::Custom(_) | ChartDef::Xy(_) => "custom",
            ChartDef::VegaLite(_) => "vega-lite",
        }
    }

    /// Lays the chart out for `width` CSS px.
    pub fn layout(&self, width: f64, lang: Lang, theme: &Theme) -> Result<Layout, Error> {
        match self {
            ChartDef::Preset(k, d) => k.layout(d, width, lang, theme),
            ChartDef::Custom(c) => Ok(c.compiled(width, lang, theme)?.0.layout),
            ChartDef::Xy(xy) => crate::layout::xy::layout(xy, width.clamp(200.0, 4000.0), lang, theme),
            ChartDef::VegaLite(c) => Ok(c.layout(width, locale(lang), theme)?.layout),
        }
    }

    /// Title, subtitle and summary.
    pub fn meta(&self, lang: Lang) -> ChartMeta {
        match self {
            ChartDef::Preset(k, d) => k.meta(d, lang),
            ChartDef::Custom(c) => {
                ChartMeta { title: c.spec.title.clone(), subtitle: c.spec.subtitle.clone(), summary: c.summary(lang) }
            }
            ChartDef::Xy(xy) => ChartMeta {
                title: xy.spec.title.clone(),
                subtitle: xy.spec.subtitle.clone(),
                summary: xy.summary(lang),
            },
            ChartDef::VegaLite(c) => ChartMeta {
                title: c.spec.title.text.clone(),
                subtitle: c.spec.title.subtitle.clone(),
                summary: crate::grammar::summary::summary(c, locale(lang)),
            },
        }
    }

    /// The chart's data table.
    pub fn table(&self, lang: Lang) -> Table {
        self.table_head(lang, usize::MAX).0
    }

    /// The first `limit` rows of the chart's data table, and how many rows it has in all
    /// (a large series is not formatted beyond what is shown).
    pub fn table_head(&self, lang: Lang, limit: usize) -> (Table, usize) {
        let mut t = match self {
            ChartDef::Preset(k, d) => crate::table::table(*k, d, lang),
            ChartDef::Custom(c) => c.table(lang),
            ChartDef::Xy(xy) => return (xy.table(lang, limit), xy.len()),
            ChartDef::VegaLite(c) => vega_lite_table(c, lang, usize::MAX),
        };
        let n = t.rows.len();
        t.rows.truncate(limit);
        (t, n)
    }

    /// What may mislead readers, for the chart's author ([`crate::grammar::warnings`]): the
    /// charts drawn by the grammar from a newsroom's spec (Vega-Lite and shorthand); the story's
    /// own charts have none.
    pub fn warnings(&self) -> Vec<crate::grammar::warnings::Warning> {
        let chart = match self {
            ChartDef::Custom(c) => &c.grammar,
            ChartDef::VegaLite(c) => c,
            _ => return Vec::new(),
        };
        match chart.layout(TABLE_WIDTH, locale(Lang::En), &Theme::get(crate::theme::ThemeName::Light)) {
            Ok(l) => crate::grammar::warnings::warnings(chart, &l),
            Err(_) => Vec::new(),
        }
    }

    /// Lines under the chart: sources, notes, and how derived values were made.
    pub fn credits(&self, lang: Lang) -> Vec<String> {
        match self {
            ChartDef::Preset(_, d) => {
                let mut out: Vec<String> = d.sources.iter().map(|s| crate::text::source_line(lang, d, &s.id)).collect();
                out.push(crate::text::derived_note(lang).to_string());
                out
            }
            ChartDef::Custom(c) => {
                let mut out = c.spec.credits(lang);
                let light = Theme::get(crate::theme::ThemeName::Light);
                if let Ok((l, _)) = c.compiled(TABLE_WIDTH, lang, &light) {
                    out.extend(c.grammar.notes(&l, locale(lang)));
                }
                // A note with no clear spot on the chart at the narrowest or the table's width
                // is written here instead, so every reader can read it.
                let mut moved: Vec<String> = Vec::new();
                for w in [320.0, TABLE_WIDTH] {
                    for m in c.compiled(w, lang, &light).map(|r| r.1).unwrap_or_default() {
                        if !moved.contains(&m) {
                            moved.push(m);
                        }
                    }
                }
                out.extend(moved.into_iter().map(|m| format!("{}{m}", pick(lang, "Note: ", "注："))));
                out
            }
            ChartDef::Xy(xy) => xy.spec.credits(lang),
            ChartDef::VegaLite(c) => {
                let mut out: Vec<String> = c.spec.source.iter().cloned().collect();
                out.extend(
                    crate::grammar::compile::sources(c)
                        .into_iter()
                        .map(|u| format!("{}{u}", pick(lang, "Data: ", "数据："))),
                );
                if let Ok(l) = c.layout(TABLE_WIDTH, locale(lang), &Theme::get(crate::theme::ThemeName::Light)) {
                    out.extend(c.notes(&l, locale(lang)));
                }
                out
            }
        }
    }
}

/// A Vega-Lite chart's table: one row per mark with the fields it shows after every transform
/// (formatted for the page; the CSV writes numbers in full).
pub(crate) fn vega_lite_table(c: &crate::grammar::Chart, lang: Lang, limit: usize) -> Table {
    use crate::grammar::Value;
    let loc = locale(lang);
    let compiled = c.layout(TABLE_WIDTH, loc, &Theme::get(crate::theme::ThemeName::Light));
    let records = compiled.map(|x| x.records).unwrap_or_default();
    let mut columns: Vec<String> = Vec::new();
    for r in &records {
        for (k, _) in r {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let cell = |v: &Value| match v {
        Value::Null => crate::text::not_reported(lang).to_string(),
        Value::Num(n) if n.is_nan() => crate::text::not_reported(lang).to_string(),
        Value::Num(n) => crate::grammar::value::js_number(*n),
        Value::Date(ms) => crate::grammar::calendar::iso(*ms),
        other => other.to_text(),
    };
    let rows = records
        .iter()
        .take(limit)
        .map(|r| {
            columns.iter().map(|k| r.iter().find(|(c, _)| c == k).map(|(_, v)| cell(v)).unwrap_or_default()).collect()
        })
        .collect();
    let caption = if c.spec.title.text.is_empty() {
        pick(lang, "Data shown in the chart", "图表所示数据").to_string()
    } else {
        c.spec.title.text.clone()
    };
    Table { caption, columns, rows }
}

/// Text that goes around a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartMeta {
    /// Heading.
    pub title: String,
    /// One line under the heading.
    pub subtitle: String,
    /// One or two sentences with the numbers that matter.
    pub summary: String,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_errors() {
        for k in ChartKind::ALL {
            assert_eq!(ChartKind::parse(k.name()).unwrap(), k);
        }
        let e = ChartKind::parse("pie").unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown chart \"pie\": expected one of champions-by-year, champions-by-industry, claims-check"
        );
    }

    #[test]
    fn summaries_carry_the_computed_numbers() {
        let d = Dataset::binzhou();
        let m = ChartKind::ByYear.meta(&d, Lang::En);
        assert_eq!(m.summary, "Champion products rose from 37 in 2021 to 53 in 2023 (+43.2%). Products first in the world went from 4 to 15.");
        let m = ChartKind::ByYear.meta(&d, Lang::Zh);
        assert_eq!(m.summary, "冠军产品从2021年的37个增至2023年的53个（+43.2%）。其中世界第一的产品从4个增至15个。");
        let m = ChartKind::ByIndustry.meta(&d, Lang::En);
        assert_eq!(m.subtitle, "Counts were reported for 2 of the 8 industries");
        let m = ChartKind::ClaimsCheck.meta(&d, Lang::En);
        assert_eq!(m.summary, "1 of 4 claims match the report's own figures exactly; 2 hold only with a caveat; C1 (grew by 30 percent) does not match.");
    }
}
