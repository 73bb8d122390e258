//! Every sentence and label the widget shows, in English and Simplified Chinese. Numbers are
//! passed in already computed and formatted with [`crate::format`]; nothing here does arithmetic.

use crate::data::{Dataset, Lang};

/// Picks the English or Chinese form.
pub fn pick<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A year as a label: `2023` / `2023年`.
pub fn year(lang: Lang, y: i32) -> String {
    match lang {
        Lang::En => y.to_string(),
        Lang::Zh => format!("{y}年"),
    }
}

/// "not reported".
pub fn not_reported(lang: Lang) -> &'static str {
    pick(lang, "not reported", "未报道")
}

/// Legend entry for products first in the world.
pub fn first_in_world(lang: Lang) -> &'static str {
    pick(lang, "First in the world", "世界第一")
}

/// Legend entry for products first in China but not in the world.
pub fn first_in_china_only(lang: Lang) -> &'static str {
    pick(lang, "First in China only", "仅全国第一")
}

/// Tooltip line: the total count.
pub fn total_line(lang: Lang, n: &str) -> String {
    match lang {
        Lang::En => format!("{n} champion products in all"),
        Lang::Zh => format!("冠军产品共{n}个"),
    }
}

/// Tooltip line: the global count.
pub fn global_line(lang: Lang, n: &str) -> String {
    match lang {
        Lang::En => format!("{n} first in the world"),
        Lang::Zh => format!("{n}个世界第一"),
    }
}

/// Tooltip line: the national-only count, derived.
pub fn national_line(lang: Lang, n: &str, total: &str, global: &str) -> String {
    match lang {
        Lang::En => format!("{n} first in China only ({total} − {global}, computed)"),
        Lang::Zh => format!("{n}个仅全国第一（{total} − {global}，计算得出）"),
    }
}

/// Tooltip line: the global share, derived.
pub fn share_line(lang: Lang, pct: &str) -> String {
    match lang {
        Lang::En => format!("World-first share: {pct} (computed)"),
        Lang::Zh => format!("世界第一占比：{pct}（计算得出）"),
    }
}

/// A label and its value: `First in the world: not reported`.
pub fn pair(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{label}: {value}"),
        Lang::Zh => format!("{label}：{value}"),
    }
}

/// Tooltip line: a value for one year, or "not reported".
pub fn year_value_line(lang: Lang, y: i32, v: Option<&str>) -> String {
    let v = v.unwrap_or(not_reported(lang));
    match lang {
        Lang::En => format!("{y}: {v}"),
        Lang::Zh => format!("{y}年：{v}"),
    }
}

/// Tooltip line: change between two values.
pub fn change_line(lang: Lang, abs: &str, pct: &str) -> String {
    match lang {
        Lang::En => format!("Change: {abs} ({pct}, computed)"),
        Lang::Zh => format!("变化：{abs}（{pct}，计算得出）"),
    }
}

/// A value labelled with a year other than the chart's own: `6 (2024)`.
pub fn value_with_year(lang: Lang, v: &str, y: i32) -> String {
    match lang {
        Lang::En => format!("{v} ({y})"),
        Lang::Zh => format!("{v}（{y}年）"),
    }
}

/// Footnote for values whose year differs from the chart's later year.
pub fn other_year_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "Year in brackets: the report gives that figure for a different year.",
        "括号内年份：报道给出的是该年份的数字。",
    )
}

/// The source line for one source.
pub fn source_line(lang: Lang, d: &Dataset, source_id: &str) -> String {
    match d.source(source_id) {
        Some(s) => match lang {
            Lang::En => format!("Source: “{}”, {}", s.title, s.date),
            Lang::Zh => format!("来源：《{}》，{}", s.title, s.date),
        },
        None => pick(lang, "Source: unknown", "来源：未知").to_string(),
    }
}

/// The note that derived values are computed.
pub fn derived_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "Totals are as reported; changes, shares and “first in China only” counts are computed here from the reported figures.",
        "总数为报道数字；变化、占比和“仅全国第一”的数量均由报道数字计算得出。",
    )
}

/// Claims chart: the row labels for the stated and the computed bar.
pub fn stated_computed(lang: Lang) -> (&'static str, &'static str) {
    (pick(lang, "Stated", "报道"), pick(lang, "Computed", "计算"))
}

/// Claims chart: the quoted wording.
pub fn report_says(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!("Report: “{s}”"),
        Lang::Zh => format!("报道：“{s}”"),
    }
}

/// Claims chart: a row heading.
pub fn claim_heading(lang: Lang, id: &str, topic: &str, from: i32, to: i32) -> String {
    match lang {
        Lang::En => format!("{id} · {topic}, {from}–{to}"),
        Lang::Zh => format!("{id} · {topic}，{from}–{to}年"),
    }
}

/// Claims chart: verdict wording (symbol first so colour is never the only cue).
pub fn verdict(lang: Lang, v: crate::claims::Verdict, stated_ratio: &str) -> String {
    use crate::claims::Verdict::*;
    match (v, lang) {
        (Matches, Lang::En) => "✓ Matches".into(),
        (Matches, Lang::Zh) => "✓ 相符".into(),
        (DoesNotMatch, Lang::En) => "✗ Does not match".into(),
        (DoesNotMatch, Lang::Zh) => "✗ 不符".into(),
        (ConsistentIfRead, Lang::En) => format!("≈ Holds as “nearly {stated_ratio}”"),
        (ConsistentIfRead, Lang::Zh) => format!("≈ 理解为“近{stated_ratio}”时成立"),
        (MixedYears, Lang::En) => "! Mixed years".into(),
        (MixedYears, Lang::Zh) => "! 年份不一致".into(),
        (CannotCheck, Lang::En) => "? Cannot check".into(),
        (CannotCheck, Lang::Zh) => "? 无法核对".into(),
    }
}

/// Claims chart: why a stated percentage is really a share of the later total.
pub fn explain_share(
    lang: Lang,
    stated: &str,
    abs: &str,
    to: &str,
    share: &str,
    to_year: i32,
    from_year: i32,
) -> String {
    match lang {
        Lang::En => format!(
            "{stated} is {abs} ÷ {to} = {share}, the new products' share of the {to_year} total, not growth since {from_year}."
        ),
        Lang::Zh => format!("{stated}是{abs} ÷ {to} = {share}，即新增产品占{to_year}年总数的比例，而非较{from_year}年的增幅。"),
    }
}

/// Claims chart: why "nearly N-fold" holds only in one reading.
pub fn explain_nearly(lang: Lang, to: &str, ratio: &str, from: &str, from_year: i32, pct: &str, n: &str) -> String {
    match lang {
        Lang::En => format!(
            "{to} is {ratio} the {from} of {from_year} ({pct}): right for “nearly {n} times as many”, not for an increase of {n} times."
        ),
        Lang::Zh => format!("{to}是{from_year}年{from}的{ratio}（{pct}）：理解为“近{n}倍于”成立，理解为“增长了{n}倍”则不成立。"),
    }
}

/// Claims chart: a comparison that ends in another year.
pub fn explain_end_year(lang: Lang, year: i32, period_end: i32) -> String {
    match lang {
        Lang::En => format!("The end figure is for {year}, not {period_end} like the other comparisons."),
        Lang::Zh => format!("终点数字为{year}年，而非其他比较所用的{period_end}年。"),
    }
}

/// Claims chart: the plain arithmetic for a claim that matches.
pub fn explain_plain(lang: Lang, to: &str, from: &str, abs: &str, pct: &str) -> String {
    match lang {
        Lang::En => format!("{to} − {from} = {abs} ({pct})."),
        Lang::Zh => format!("{to} − {from} = {abs}（{pct}）。"),
    }
}

/// Claims chart: a claim that could not be checked.
pub fn explain_unreported(lang: Lang) -> &'static str {
    pick(lang, "A figure this claim needs was not reported.", "该说法所需的数字未见报道。")
}

/// `a (b)` in English, `a（b）` in Chinese.
pub fn paren(lang: Lang, a: &str, b: &str) -> String {
    match lang {
        Lang::En => format!("{a} ({b})"),
        Lang::Zh => format!("{a}（{b}）"),
    }
}

/// One line for a screen reader: an item's heading and its tooltip lines.
pub fn describe(lang: Lang, title: &str, lines: &[String]) -> String {
    match lang {
        Lang::En => format!("{title}: {}", lines.join("; ")),
        Lang::Zh => format!("{title}：{}", lines.join("；")),
    }
}

/// Words of the widget's own controls and states.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ui {
    /// Shown while the wasm and the data load.
    pub loading: &'static str,
    /// Button that reveals a chart's data table.
    pub show_table: &'static str,
    /// Button that hides it again.
    pub hide_table: &'static str,
    /// Heading of an error card.
    pub error: &'static str,
    /// How to use a chart from the keyboard (its accessible description).
    pub keys: &'static str,
    /// Label of the key-figures group.
    pub key_figures: &'static str,
    /// Reader action: download the chart's data as CSV.
    pub get_data: &'static str,
    /// Reader action: download a PNG.
    pub download_png: &'static str,
    /// Reader action: download an SVG.
    pub download_svg: &'static str,
    /// Reader action: show the embed code.
    pub embed: &'static str,
    /// Copy the embed code.
    pub copy: &'static str,
    /// Shown once copied.
    pub copied: &'static str,
    /// Label of the embed code box.
    pub embed_code: &'static str,
}

/// The widget's own words in `lang`.
pub fn ui(lang: Lang) -> Ui {
    Ui {
        loading: pick(lang, "Loading the interactive graphic…", "正在加载互动图表…"),
        show_table: pick(lang, "Show as table", "以表格显示"),
        hide_table: pick(lang, "Hide table", "隐藏表格"),
        error: pick(lang, "This graphic could not be shown.", "无法显示此图表。"),
        keys: pick(
            lang,
            "Use the arrow keys to step through the data, Home and End for the first and last item, Escape to close the details.",
            "使用方向键逐项浏览数据，Home 和 End 跳到第一项和最后一项，Esc 关闭详情。",
        ),
        key_figures: pick(lang, "Key figures", "关键数字"),
        get_data: pick(lang, "Get the data", "下载数据"),
        download_png: pick(lang, "Download image (PNG)", "下载图片（PNG）"),
        download_svg: pick(lang, "Download image (SVG)", "下载图片（SVG）"),
        embed: pick(lang, "Embed", "嵌入"),
        copy: pick(lang, "Copy code", "复制代码"),
        copied: pick(lang, "Copied", "已复制"),
        embed_code: pick(lang, "Embed code for this chart", "此图表的嵌入代码"),
    }
}

/// Note under a data table cut short on the page.
pub fn table_cut(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("The first {shown} of {total} rows; “Get the data” has them all."),
        Lang::Zh => format!("仅显示{total}行中的前{shown}行；“下载数据”包含全部。"),
    }
}
