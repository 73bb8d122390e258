//! Tests of the facet grid ([`super::grid`]): panels, wrapping, shared and independent axes,
//! row and column headers.

use crate::error::Error;
use crate::grammar::compile::{Chart, Compiled};
use crate::grammar::encoding::Channel;
use crate::grammar::format::Locale;
use crate::grammar::scale::Domain;
use crate::grammar::{Json, Value};
use crate::theme::Theme;
use crate::theme::ThemeName;

const ROWS: &str = r#"[
    {"site": "North", "year": 2021, "v": 12}, {"site": "North", "year": 2022, "v": 18},
    {"site": "South", "year": 2021, "v": 7}, {"site": "South", "year": 2022, "v": -3},
    {"site": "East", "year": 2021, "v": 30}, {"site": "East", "year": 2022, "v": 22},
    {"site": "West", "year": 2021, "v": 5}, {"site": "West", "year": 2022, "v": null}]"#;

fn chart(spec: &str) -> Result<Chart, Error> {
    Chart::new(&Json::parse(&spec.replace("ROWS", ROWS)).unwrap(), &|_| Err("no files".into()))
}

fn laid(spec: &str, width: f64) -> Compiled {
    chart(spec).unwrap().layout(width, Locale::En, &Theme::get(ThemeName::Light)).unwrap()
}

fn texts(c: &Compiled) -> Vec<&str> {
    c.layout.labels.iter().map(|l| l.text.as_str()).collect()
}

const WRAP: &str = r#"{"data": {"values": ROWS}, "facet": {"field": "site"}, "columns": 2,
    "spec": {"mark": "bar", "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}}}}"#;

#[test]
fn one_panel_per_value_with_shared_scales() {
    let ch = chart(WRAP).unwrap();
    let heads: Vec<&Value> = ch.panels.iter().map(|p| &p.key.values[0]).collect();
    assert_eq!(heads, [&Value::str("East"), &Value::str("North"), &Value::str("South"), &Value::str("West")]);
    let c = laid(WRAP, 800.0);
    // Shared y: the union of every panel's values (-3 to 30), niced as Vega-Lite does.
    assert_eq!(c.scales.get(Channel::Y).unwrap().scale.domain(), &Domain::Continuous(-5.0, 30.0));
    // West 2022 is not reported: 7 bars, and the row is counted as not drawn.
    assert_eq!(c.counts, vec![(crate::grammar::mark::MarkType::Bar, 7)]);
    assert_eq!(c.dropped + ch.units.iter().map(|(_, f)| f.dropped).sum::<usize>(), 1);
    for h in ["East", "North", "South", "West", "site"] {
        assert!(texts(&c).contains(&h), "header {h} in {:?}", texts(&c));
    }
    // Each record names its panel first, so the table and "Get the data" cover every panel.
    assert_eq!(c.records.len(), 7);
    assert_eq!(c.records[0][0], ("site".to_string(), Value::str("East")));
    assert_eq!(c.records[6][0], ("site".to_string(), Value::str("West")));
    assert_eq!(c.layout.items[0].lines[0], "site: East", "the tooltip names the panel");
    assert_eq!(c.layout.items.last().unwrap().lines[0], "site: West");
    crate::layout::assert_clean(&c.layout, "facet at 800");
}

#[test]
fn the_summary_covers_every_panel() {
    let ch = chart(WRAP).unwrap();
    assert_eq!(
        crate::grammar::summary::summary(&ch, Locale::En),
        // West 2022 is not reported: not drawn (the note under the chart says so).
        "4 panels, one per site. Bar chart with 7 marks. v is highest for 2021, East (30) and lowest for 2022, South (\u{2212}3)."
    );
}

#[test]
fn wraps_to_fewer_columns_instead_of_shrinking() {
    let plots = |w: f64| {
        let c = laid(WRAP, w);
        c.layout.height
    };
    let (wide_h, narrow_h) = (plots(1280.0), plots(375.0));
    assert!(narrow_h > wide_h * 1.5, "one column on a phone is taller: {narrow_h} vs {wide_h}");
    for w in [320.0, 375.0, 640.0, 1280.0, 2000.0] {
        let c = laid(WRAP, w);
        crate::layout::assert_clean(&c.layout, &format!("facet at {w}"));
        let widths: Vec<f64> = c.layout.items.iter().map(|it| it.mark.w).collect();
        assert!(widths.iter().all(|&bw| bw > 10.0), "bars stay readable at {w}: {widths:?}");
    }
    // Shared y axis: drawn once per row, so two columns at 1280 show its ticks twice (two
    // rows), one column at 375 four times (four rows).
    let count = |c: &Compiled| texts(c).iter().filter(|t| **t == "30").count();
    assert_eq!(count(&laid(WRAP, 1280.0)), 2);
    assert_eq!(count(&laid(WRAP, 375.0)), 4);
}

#[test]
fn independent_y_gives_each_panel_its_own_domain_and_axis() {
    let spec = WRAP.replace(r#""columns": 2,"#, r#""columns": 4, "resolve": {"scale": {"y": "independent"}},"#);
    let c = laid(&spec, 1600.0);
    let has = |t: &str| texts(&c).contains(&t);
    // East runs to 30, West to 5: each panel's own axis shows its own top tick.
    assert!(has("30") && has("5"));
    let axes = texts(&c).iter().filter(|t| **t == "0").count();
    assert_eq!(axes, 4, "four y axes, one per panel: {:?}", texts(&c));
    crate::layout::assert_clean(&c.layout, "independent");
}

#[test]
fn rows_and_columns_from_the_channels_make_a_grid() {
    let spec = r#"{"data": {"values": ROWS}, "mark": "point", "encoding": {
        "x": {"field": "v", "type": "quantitative"}, "row": {"field": "year", "type": "ordinal"},
        "column": {"field": "site", "header": {"title": null}}}}"#;
    let ch = chart(spec).unwrap();
    assert_eq!(ch.panels.len(), 8, "2 years x 4 sites");
    let c = laid(spec, 1400.0);
    let all = |t: &str| c.layout.labels.iter().filter(|l| l.text == t).collect::<Vec<_>>();
    // As Vega-Lite heads a grid: each column's label once, over its top panel; each row's
    // once, left of its panels, read upwards; the row's title beside them.
    assert_eq!(all("East").len(), 1, "{:?}", texts(&c));
    assert!(all("East")[0].y < c.layout.plot.y);
    let (y2021, y2022) = (all("2021"), all("2022"));
    assert_eq!((y2021.len(), y2022.len()), (1, 1));
    for l in [y2021[0], y2022[0], all("year")[0]] {
        assert_eq!(l.angle, -90.0);
        assert!(l.bbox().right() <= c.layout.plot.x, "{} left of the panels", l.text);
    }
    assert!(y2021[0].y < y2022[0].y, "2021's row first");
    assert!(all("year")[0].x < y2021[0].x, "the title outside the labels");
    assert!(!texts(&c).contains(&"2021 · East"));
    assert!(!texts(&c).contains(&"site"), "a null header title is not written");
    crate::layout::assert_clean(&c.layout, "grid");
    // On a phone the four columns reflow: no rows and columns left to head, so each panel
    // says which it is, level, over it.
    let phone = laid(spec, 375.0);
    assert!(texts(&phone).contains(&"2021 · East"), "{:?}", texts(&phone));
    assert!(phone.layout.labels.iter().all(|l| l.angle == 0.0 || l.text == "v" || l.text.is_empty()));
    crate::layout::assert_clean(&phone.layout, "grid on a phone");
    assert_eq!(c.records[0][..2], [("year".to_string(), Value::Num(2021.0)), ("site".to_string(), Value::str("East"))]);
}

#[test]
fn the_split_comes_after_the_facets_transforms_and_before_the_views() {
    // The outer filter runs once on all rows; the view's aggregate runs per panel.
    let spec = r#"{"data": {"values": ROWS}, "transform": [{"filter": "datum.v > 0"}],
        "facet": {"field": "site"}, "spec": {"transform": [{"aggregate": [{"op": "sum", "field": "v", "as": "t"}]}],
        "mark": "bar", "encoding": {"y": {"field": "t", "type": "quantitative"}}}}"#;
    let ch = chart(spec).unwrap();
    let sums: Vec<Value> = ch.units.iter().map(|(_, f)| f.table.rows[0][f.table.col("t").unwrap()].clone()).collect();
    assert_eq!(sums, [Value::Num(52.0), Value::Num(30.0), Value::Num(7.0), Value::Num(5.0)]);
    let filtered: usize = ch.units.iter().flat_map(|(_, f)| f.filtered.iter().map(|x| x.1)).sum();
    assert_eq!(filtered, 2, "the -3 and the null row, counted once, not once per panel");
}

#[test]
fn a_view_with_its_own_data_is_refused_by_path() {
    let spec = r#"{"data": {"values": ROWS}, "facet": {"field": "site"}, "spec": {"layer": [
        {"mark": "bar", "encoding": {"y": {"field": "v", "type": "quantitative"}}},
        {"data": {"values": [{"v": 1}]}, "mark": "rule", "encoding": {"y": {"field": "v", "type": "quantitative"}}}]}}"#;
    let e = chart(spec).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("spec.layer[1].data"), "{e}");
}
