//! The data table behind each chart: the same figures the chart shows, as rows and columns of
//! formatted text, for screen readers and for the "Show as table" view. "Not reported" stays a
//! word, never a zero.

use serde::Serialize;

use crate::chart::ChartKind;
use crate::claims::check_all;
use crate::data::{Dataset, Lang};
use crate::format::{num, percent, signed};
use crate::presets::{by_industry, by_year, claims_check};
use crate::query::{change, share};
use crate::text::{self, pick};

/// A table: a caption, column headings and rows of cells. The first cell of each row heads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as CSV (RFC 4180 quoting, CRLF line ends), followed by `notes` as one-cell rows
    /// (the source line, the note on derived values).
    pub fn to_csv(&self, notes: &[String]) -> String {
        fn field(s: &str) -> String {
            // Text that a spreadsheet would run as a formula (=, @, or +/- before a non-digit) is
            // prefixed with an apostrophe; signed numbers like "+2 (+16.7%)" stay as they are.
            let risky = s.starts_with(['=', '@'])
                || (s.starts_with(['+', '-']) && !s[1..].starts_with(|c: char| c.is_ascii_digit()));
            let s = if risky { format!("'{s}") } else { s.to_string() };
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s
            }
        }
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(self.rows.iter()) {
            out += &row.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
            out += "\r\n";
        }
        for n in notes {
            out += "\r\n";
            out += &field(n);
        }
        if !notes.is_empty() {
            out += "\r\n";
        }
        out
    }
}

/// The table for one chart.
pub fn table(kind: ChartKind, d: &Dataset, lang: Lang) -> Table {
    let caption = kind.meta(d, lang).title;
    let nr = || text::not_reported(lang).to_string();
    let cell = |v: Option<f64>| v.map(|x| num(x, 1)).unwrap_or_else(nr);
    match kind {
        ChartKind::ByYear => Table {
            caption,
            columns: vec![
                pick(lang, "Year", "年份").into(),
                pick(lang, "All champion products", "冠军产品总数").into(),
                text::first_in_world(lang).into(),
                format!("{} {}", text::first_in_china_only(lang), pick(lang, "(computed)", "（计算得出）")),
                pick(lang, "World-first share (computed)", "世界第一占比（计算得出）").into(),
            ],
            rows: by_year::bars(d)
                .iter()
                .map(|b| {
                    let s = match (b.global, b.total) {
                        (Some(g), Some(t)) => share(g, t).map(|s| percent(s, false)),
                        _ => None,
                    };
                    vec![
                        text::year(lang, b.year),
                        cell(b.total),
                        cell(b.global),
                        cell(b.national_only),
                        s.unwrap_or_else(nr),
                    ]
                })
                .collect(),
        },
        ChartKind::ByIndustry => {
            let [a, z] = d.period;
            Table {
                caption,
                columns: vec![
                    pick(lang, "Industry", "行业").into(),
                    text::year(lang, a),
                    format!("{}{}", text::year(lang, z), pick(lang, " (or latest)", "（或最近年份）")),
                    pick(lang, "Change (computed)", "变化（计算得出）").into(),
                ],
                rows: by_industry::rows(d, lang)
                    .iter()
                    .map(|r| {
                        let start = r.start.and_then(|v| v.value);
                        let later = r.later.and_then(|v| v.value);
                        let later_cell = match (r.later, later) {
                            (Some(v), Some(x)) if v.year != z => text::value_with_year(lang, &num(x, 1), v.year),
                            _ => cell(later),
                        };
                        let ch = match (start, later) {
                            (Some(x), Some(y)) => {
                                let c = change(x, y);
                                let p = c.percent.map(|p| percent(p, true)).unwrap_or_else(|| "–".into());
                                text::paren(lang, &signed(c.absolute, 1), &p)
                            }
                            _ => nr(),
                        };
                        vec![r.name.to_string(), cell(start), later_cell, ch]
                    })
                    .collect(),
            }
        }
        ChartKind::ClaimsCheck => {
            let (stated, computed) = text::stated_computed(lang);
            Table {
                caption,
                columns: vec![
                    pick(lang, "Claim", "说法").into(),
                    pick(lang, "Report's wording", "报道原文").into(),
                    stated.into(),
                    computed.into(),
                    pick(lang, "Verdict", "结论").into(),
                    pick(lang, "Why", "说明").into(),
                ],
                rows: check_all(d)
                    .unwrap_or_default()
                    .iter()
                    .map(|c| {
                        let t = claims_check::texts(c, lang);
                        vec![
                            t.heading,
                            c.claim.stated_as.get(lang).to_string(),
                            t.stated,
                            t.computed,
                            t.verdict,
                            t.explanation,
                        ]
                    })
                    .collect(),
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn by_year_table_has_every_figure() {
        let t = table(ChartKind::ByYear, &Dataset::binzhou(), Lang::En);
        assert_eq!(t.rows, [["2021", "37", "4", "33", "10.8%"], ["2023", "53", "15", "38", "28.3%"]]);
        assert_eq!(t.columns.len(), 5);
    }

    #[test]
    fn industry_table_keeps_unknowns_as_words_and_the_2024_year() {
        let t = table(ChartKind::ByIndustry, &Dataset::binzhou(), Lang::En);
        assert_eq!(t.rows.len(), 8);
        assert_eq!(t.rows[0], ["Chemicals", "12", "14", "+2 (+16.7%)"]);
        assert_eq!(t.rows[1], ["Textiles", "2", "6 (2024)", "+4 (+200%)"]);
        assert_eq!(t.rows[2], ["Aluminum", "not reported", "not reported", "not reported"]);
        let zh = table(ChartKind::ByIndustry, &Dataset::binzhou(), Lang::Zh);
        assert_eq!(zh.rows[1], ["纺织", "2", "6（2024年）", "+4（+200%）"]);
        assert_eq!(zh.rows[2][1], "未报道");
    }

    #[test]
    fn csv_quotes_and_appends_the_source() {
        let t = table(ChartKind::ByIndustry, &Dataset::binzhou(), Lang::En);
        let csv = t.to_csv(&["Source: “A, B”, 2024-02-19".to_string()]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Industry,2021,2023 (or latest),Change (computed)");
        assert_eq!(lines[1], "Chemicals,12,14,+2 (+16.7%)");
        assert_eq!(lines[2], "Textiles,2,6 (2024),+4 (+200%)");
        assert_eq!(lines[3], "Aluminum,not reported,not reported,not reported");
        assert_eq!(lines[10], "\"Source: “A, B”, 2024-02-19\"");
        let t = Table {
            caption: String::new(),
            columns: vec!["a".into()],
            rows: vec![vec!["=SUM(A1)".into()], vec!["-3".into()], vec!["-cmd".into()], vec!["say \"hi\"".into()]],
        };
        assert_eq!(t.to_csv(&[]), "a\r\n'=SUM(A1)\r\n-3\r\n'-cmd\r\n\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn claims_table() {
        let t = table(ChartKind::ClaimsCheck, &Dataset::binzhou(), Lang::En);
        assert_eq!(t.rows.len(), 4);
        assert_eq!(t.rows[0][2..5], ["+30%", "+43.2%", "✗ Does not match"]);
    }
}
