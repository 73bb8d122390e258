//! The sentence under a chart, computed from the data it draws: how many marks, and the
//! highest and lowest values of its measure with what they belong to. For readers who cannot
//! see the chart, and for everyone at a glance.

use crate::grammar::compile::Chart;
use crate::grammar::encoding::{Channel, FieldDef, FieldType};
use crate::grammar::format::Locale;
use crate::grammar::guide::format::format_value;
use crate::grammar::mark::MarkType;
use crate::grammar::Value;

fn kind(m: MarkType, loc: Locale) -> &'static str {
    let (en, zh) = match m {
        MarkType::Bar => ("Bar chart", "条形图"),
        MarkType::Line => ("Line chart", "折线图"),
        MarkType::Area => ("Area chart", "面积图"),
        MarkType::Point | MarkType::Circle | MarkType::Square => ("Scatter plot", "散点图"),
        MarkType::Tick => ("Strip plot", "刻度图"),
        MarkType::Rule => ("Chart of lines", "线段图"),
        MarkType::Text => ("Table of values", "数值图"),
        MarkType::Rect => ("Heatmap", "热力图"),
        MarkType::Arc => ("Pie chart", "饼图"),
        MarkType::Trail => ("Trail chart", "轨迹图"),
    };
    crate::grammar::words::pick(loc, en, zh)
}

/// One or two sentences with the numbers that matter. Small multiples are summed up over
/// every panel (each value named with its panel); concatenated views by their first view.
pub fn summary(chart: &Chart, loc: Locale) -> String {
    if let Some((first, _)) = chart.parts.first() {
        return summary(first, loc);
    }
    if let (Some(f), false) = (&chart.spec.facet, chart.panels.is_empty()) {
        return panels(chart, f, loc);
    }
    let Some((u, fl)) = chart.units.first() else { return String::new() };
    sentence(u, fl, None, loc)
}

/// "4 panels, one per site." and the sentence over the first mark's rows of every panel.
fn panels(chart: &Chart, f: &crate::grammar::facet::Facet, loc: Locale) -> String {
    let Some(first) = chart.panels.first() else { return String::new() };
    let (u, f0) = &chart.units[first.units.start];
    let mut merged = f0.clone();
    merged.table.rows.clear();
    let mut names = Vec::new();
    for p in &chart.panels {
        let fl = &chart.units[p.units.start].1;
        if fl.table.fields != merged.table.fields {
            continue;
        }
        let name = crate::grammar::facet::header(f, &p.key, loc);
        for r in &fl.table.rows {
            merged.table.rows.push(r.clone());
            names.push(name.clone());
        }
    }
    let by: Vec<String> = f.fields().iter().map(|ff| ff.title.clone().unwrap_or_else(|| ff.def.label())).collect();
    let n = chart.panels.len();
    let head = match loc {
        Locale::En => format!("{n} {}, one per {}.", if n == 1 { "panel" } else { "panels" }, by.join(" and ")),
        Locale::Zh => format!("共{n}个分图，按{}划分。", by.join("和")),
    };
    format!("{head} {}", sentence(u, &merged, Some(&names), loc))
}

/// The sentence over one unit's rows; `panels` names the panel of each row, if any.
fn sentence(
    u: &crate::grammar::flow::Unit,
    f: &crate::grammar::flow::Flowed,
    panels: Option<&[String]>,
    loc: Locale,
) -> String {
    let e = &u.encoding;
    let cont = |c: Channel| {
        e.get(c).filter(|d| d.ty == FieldType::Quantitative && (d.field.is_some() || d.aggregate.is_some()))
    };
    let measure: Option<&FieldDef> = cont(Channel::Theta).or_else(|| match (cont(Channel::X), cont(Channel::Y)) {
        (_, Some(y))
            if e.get(Channel::X).is_none_or(|x| x.ty != FieldType::Quantitative || u.mark.ty != MarkType::Bar) =>
        {
            Some(y)
        }
        (Some(x), _) => Some(x),
        (None, y) => y,
    });
    let label: Option<&FieldDef> =
        [Channel::X, Channel::Y, Channel::Color, Channel::Theta].iter().filter_map(|c| e.get(*c)).find(|d| {
            d.field.is_some()
                && (d.ty.is_discrete() || d.ty == FieldType::Temporal)
                && Some(d.column()) != measure.map(|m| m.column())
        });
    let n = f.table.rows.len();
    let head = match loc {
        Locale::En => format!("{} with {} {}.", kind(u.mark.ty, loc), n, if n == 1 { "mark" } else { "marks" }),
        Locale::Zh => format!("{}，共{}个数据点。", kind(u.mark.ty, loc), n),
    };
    let Some(m) = measure else { return head };
    let Some(col) = m.column() else { return head };
    let Some(mi) = f.table.col(&col) else { return head };
    let li = label.and_then(|l| l.column()).and_then(|c| f.table.col(&c));
    let mut best: Option<(f64, usize)> = None;
    let mut worst: Option<(f64, usize)> = None;
    let mut missing = 0;
    for (i, r) in f.table.rows.iter().enumerate() {
        match crate::grammar::flow::number_of(&r[mi]) {
            Some(v) => {
                if best.is_none_or(|b| v > b.0) {
                    best = Some((v, i));
                }
                if worst.is_none_or(|w| v < w.0) {
                    worst = Some((v, i));
                }
            }
            None => missing += 1,
        }
    }
    let name = |i: usize| -> String {
        let own = match (li, label) {
            (Some(c), Some(l)) => format_value(l, &f.table.rows[i][c], loc),
            _ => String::new(),
        };
        match (panels.and_then(|p| p.get(i)).filter(|p| !p.is_empty()), own.is_empty()) {
            (Some(p), false) => format!("{own}{}{p}", if loc == Locale::Zh { "，" } else { ", " }),
            (Some(p), true) => p.clone(),
            (None, _) => own,
        }
    };
    let val = |v: f64| format_value(m, &Value::Num(v), loc);
    let title = m.label();
    let mut s = head;
    if let (Some((hv, hi)), Some((lv, lo))) = (best, worst) {
        let (hn, ln) = (name(hi), name(lo));
        s.push(' ');
        s.push_str(&match (loc, hn.is_empty()) {
            (Locale::En, false) => {
                format!("{title} is highest for {hn} ({}) and lowest for {ln} ({}).", val(hv), val(lv))
            }
            (Locale::En, true) => format!("{title} ranges from {} to {}.", val(lv), val(hv)),
            (Locale::Zh, false) => format!("{title}最高的是{hn}（{}），最低的是{ln}（{}）。", val(hv), val(lv)),
            (Locale::Zh, true) => format!("{title}从{}到{}。", val(lv), val(hv)),
        });
    }
    if missing > 0 {
        s.push(' ');
        s.push_str(&match loc {
            Locale::En => format!("{missing} {} not reported.", if missing == 1 { "value is" } else { "values are" }),
            Locale::Zh => format!("有{missing}个值未报道。"),
        });
    }
    s
}
