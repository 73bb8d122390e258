//! The few interface words the grammar engine writes itself (tooltips, tables, summaries), in
//! English and Chinese. Everything else on a chart comes from the spec and its data.

use crate::grammar::format::Locale;

/// Picks the English or Chinese text.
pub fn pick(loc: Locale, en: &'static str, zh: &'static str) -> &'static str {
    match loc {
        Locale::En => en,
        Locale::Zh => zh,
    }
}

/// What a missing value is called: never zero, never a guess.
pub fn not_reported(loc: Locale) -> &'static str {
    pick(loc, "not reported", "未报道")
}

/// "label: value" in the locale's punctuation.
pub fn pair(loc: Locale, label: &str, value: &str) -> String {
    match loc {
        Locale::En => format!("{label}: {value}"),
        Locale::Zh => format!("{label}：{value}"),
    }
}

/// The note under a chart when rows could not be drawn.
pub fn not_drawn(loc: Locale, n: usize) -> String {
    match (loc, n) {
        (Locale::En, 1) => "1 row is not drawn: a value it needs is missing or not a number.".into(),
        (Locale::En, n) => format!("{n} rows are not drawn: a value they need is missing or not a number."),
        (Locale::Zh, n) => format!("有{n}行数据缺少所需的值或不是数字，未绘出。"),
    }
}

/// The note under a chart when cells did not parse as the spec asked.
pub fn unreadable(loc: Locale, n: usize, first: &str) -> String {
    match loc {
        Locale::En => format!("{n} cells could not be read as the spec asks (first: {first})."),
        Locale::Zh => format!("有{n}个单元格无法按规格读取（第一个：{first}）。"),
    }
}
