//! Tests of facet header styling ([`super::header`]): what is read from where, what is
//! refused by path, and where the layout writes labels and titles.

use super::header::{for_field, HeaderStyle, Place};
use crate::error::{Error, Path};
use crate::grammar::format::Locale;
use crate::grammar::{Chart, Compiled, Json};
use crate::layout::{Anchor, Label};
use crate::theme::{Rgb, Theme, ThemeName};

const ROWS: &str = r#"[
    {"site": "North", "year": 2021, "v": 12}, {"site": "North", "year": 2022, "v": 18},
    {"site": "South", "year": 2021, "v": 7}, {"site": "South", "year": 2022, "v": 3}]"#;

fn chart(spec: &str) -> Result<Chart, Error> {
    Chart::new(&Json::parse(&spec.replace("ROWS", ROWS)).unwrap(), &|_| Err("no files".into()))
}

fn laid(spec: &str) -> Compiled {
    chart(spec).unwrap().layout(800.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap()
}

fn label<'a>(c: &'a Compiled, text: &str) -> &'a Label {
    c.layout.labels.iter().find(|l| l.text == text).unwrap_or_else(|| panic!("no label {text}"))
}

/// A wrapped facet by site with `HEADER` as the field's header.
const SPEC: &str = r#"{"data": {"values": ROWS}, "facet": {"field": "site", "header": HEADER}, "columns": 2,
    "spec": {"mark": "bar", "encoding": {"x": {"field": "year", "type": "ordinal"}, "y": {"field": "v", "type": "quantitative"}}}}"#;

fn with(header: &str) -> String {
    SPEC.replace("HEADER", header)
}

#[test]
fn the_fields_header_overrides_config_which_overrides_the_defaults() {
    let cfg = Json::parse(r##"{"header": {"labelFontSize": 14, "titleFontWeight": 700}, "headerFacet": {"labelColor": "#112233"}, "headerRow": {"labelColor": "#ffffff"}}"##).unwrap();
    let own = Json::parse(r#"{"labelFontSize": 16, "titleOrient": "bottom"}"#).unwrap();
    let (cp, hp) = (Path::root().key("config"), Path::root().key("facet").key("header"));
    let (s, _) = for_field(Some((&cfg, &cp)), "headerFacet", Some((&own, &hp)), false).unwrap();
    assert_eq!(s.label.size, 16.0, "the field's own size, over config.header's 14");
    assert_eq!(s.label.color, Some(Rgb(0x11, 0x22, 0x33)), "headerFacet's, not headerRow's");
    assert!(s.title.bold, "700 is bold");
    assert_eq!(s.title.place, Place::Bottom);
    let d = HeaderStyle::default();
    assert_eq!((s.label.bold, s.align, s.label.place), (d.label.bold, d.align, d.label.place), "the rest unchanged");
}

#[test]
fn what_the_layout_cannot_draw_is_refused_by_path() {
    let path = |s: &str| chart(s).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
    assert_eq!(path(&with(r#"{"labelAngle": -90}"#)), "facet.header.labelAngle");
    assert_eq!(path(&with(r#"{"labelOrient": "left"}"#)), "facet.header.labelOrient");
    assert_eq!(path(&with(r#"{"orient": "right"}"#)), "facet.header.orient");
    assert_eq!(path(&with(r#"{"labelFont": "Georgia"}"#)), "facet.header.labelFont");
    assert_eq!(path(&with(r#"{"labelColor": "not a colour"}"#)), "facet.header.labelColor");
    assert_eq!(path(&with(r#"{"titleFontWeight": "heavy"}"#)), "facet.header.titleFontWeight");
    assert_eq!(path(&with(r#"{"labelFontSize": 90}"#)), "facet.header.labelFontSize");
    let cfg = with("{}").replace(r#""columns": 2,"#, r#""columns": 2, "config": {"header": {"labelAngle": 45}},"#);
    assert_eq!(path(&cfg), "config.header.labelAngle");
    // Row and column on one label line per panel (the row's headers moved above): they must
    // be styled alike.
    let grid = r##"{"data": {"values": ROWS}, "mark": "bar", "encoding": {"y": {"field": "v", "type": "quantitative"},
        "row": {"field": "year", "type": "ordinal", "header": ROWHEAD},
        "column": {"field": "site", "header": {"labelColor": "#ff0000"}}}}"##;
    let row = |h: &str| grid.replace("ROWHEAD", h);
    assert_eq!(path(&row(r#"{"orient": "top"}"#)), "encoding.column.header");
    // Beside the panels the row has a style of its own, level or turned.
    assert!(chart(&row(r#"{"labelAngle": 0}"#)).is_ok());
    assert!(chart(&row(r#"{"labelAngle": 270}"#)).is_ok());
    assert!(chart(&row(r#"{"labelAngle": 90}"#)).is_ok());
    assert_eq!(path(&row(r#"{"labelAngle": 45}"#)), "encoding.row.header.labelAngle");
    assert_eq!(path(&row(r#"{"orient": "right"}"#)), "encoding.row.header.orient");
    assert_eq!(path(&row(r#"{"titleOrient": "top"}"#)), "encoding.row.header.titleOrient");
    assert_eq!(
        path(&row(r#"{"labelOrient": "top", "labelAngle": -90, "titleOrient": "top"}"#)),
        "encoding.row.header.labelAngle"
    );
    // A column's headers go above or below the panels only.
    let col = grid
        .replace("ROWHEAD", "{}")
        .replace(r##"{"labelColor": "#ff0000"}"##, r#"{"labelOrient": "left", "titleOrient": "left"}"#);
    assert_eq!(path(&col), "encoding.column.header.labelOrient");
    // Level labels (0, or a whole turn) are what this layout writes: accepted.
    assert!(chart(&with(r#"{"labelAngle": 360}"#)).is_ok());
}

#[test]
fn a_label_sits_its_padding_away_from_the_panel_aligned_as_asked() {
    let theme = Theme::get(ThemeName::Light);
    let mut s = HeaderStyle::default();
    s.label.size = 16.0;
    s.label.padding = 10.0;
    let at = |s: &HeaderStyle| s.label_at("North", 100.0, 200.0, 50.0, &theme);
    // Above a panel whose top is at 50: its centre 10 px of padding and half of 16 px above.
    let l = at(&s);
    assert_eq!((l.x, l.y, l.anchor), (200.0, 32.0, Anchor::Middle));
    s.align = Anchor::Start;
    assert_eq!(at(&s).x, 100.0);
    s.align = Anchor::End;
    assert_eq!(at(&s).x, 300.0);
    s.label.place = Place::Bottom;
    assert_eq!(at(&s).y, 68.0, "below an edge at 50: 50 + 10 + 8");
    assert_eq!(s.label_band(), 30.0, "16 px of text, 10 of padding and 4 of margin");
}

#[test]
fn labels_and_title_are_drawn_in_the_style_asked() {
    let c = laid(&with(
        r##"{"title": "Where", "labelColor": "#aa0000", "labelFontSize": 16, "labelFontWeight": "normal",
            "titleColor": "#0000aa", "titleFontSize": 14, "titleFontWeight": "bold"}"##,
    ));
    let north = label(&c, "North");
    assert_eq!((north.color, north.size, north.bold), (Rgb(0xaa, 0, 0), 16.0, false));
    let title = label(&c, "Where");
    assert_eq!((title.color, title.size, title.bold), (Rgb(0, 0, 0xaa), 14.0, true));
    crate::layout::assert_clean(&c.layout, "styled headers");
    // By default: 12 px bold labels in the theme's text colour, the title in its muted one.
    let c = laid(&with(r#"{"title": "Where"}"#));
    let theme = Theme::get(ThemeName::Light);
    let north = label(&c, "North");
    assert_eq!((north.color, north.size, north.bold), (theme.text, 12.0, true));
    assert_eq!(label(&c, "Where").color, theme.muted);
}

#[test]
fn bottom_labels_go_under_their_panel_and_a_bottom_title_under_all() {
    // The first two bars are North's panel (2021, 2022), the last two South's.
    let bars = |c: &Compiled, r: std::ops::Range<usize>| {
        let m: Vec<_> = c.layout.items[r].iter().map(|i| i.mark).collect();
        (m.iter().map(|b| b.y).fold(f64::MAX, f64::min), m.iter().map(|b| b.bottom()).fold(0.0, f64::max))
    };
    let top = laid(&with(r#"{"title": "Where"}"#));
    let (north_top, _) = bars(&top, 0..2);
    assert!(label(&top, "North").y < north_top, "above its bars by default");
    assert!(label(&top, "Where").y < label(&top, "North").y, "the title above the labels");
    let c = laid(&with(r#"{"title": "Where", "orient": "bottom"}"#));
    let (_, north_bottom) = bars(&c, 0..2);
    let (_, south_bottom) = bars(&c, 2..4);
    let (n, s) = (label(&c, "North"), label(&c, "South"));
    assert!(n.y > north_bottom && s.y > south_bottom, "under the bars: {} > {north_bottom}", n.y);
    // Under the x axis too: below its "2021" tick labels.
    let ticks = c.layout.labels.iter().filter(|l| l.text == "2021").map(|l| l.y).fold(0.0, f64::max);
    assert!(n.y > ticks, "{} > {ticks}", n.y);
    assert!(label(&c, "Where").y > n.y, "the title under all the panels");
    assert!(c.layout.height > top.layout.height - 1.0, "the chart holds the title below");
    crate::layout::assert_clean(&c.layout, "bottom headers");
}

fn headers(spec: &str) -> Vec<String> {
    let c = Chart::new(&Json::parse(spec).unwrap(), &|_| Err("no files".into())).unwrap();
    let f = c.spec.facet.as_ref().unwrap();
    c.panels.iter().map(|p| crate::grammar::facet::header(f, &p.key, Locale::En)).collect()
}

#[test]
fn labels_are_formatted_and_rewritten_as_the_header_says() {
    // Checked with vega-lite 6.5: "Site 1.0 (1)", "Site 2.5 (2.5)", "Site 1000.0 (1000)".
    let spec = r#"{"data": {"values": [{"g": 1, "v": 3}, {"g": 2.5, "v": 4}, {"g": 1000, "v": 2}]},
        "facet": {"field": "g", "type": "ordinal", "header": {"format": ".1f", "labelExpr": "'Site ' + datum.label + ' (' + datum.value + ')'"}},
        "spec": {"mark": "bar", "encoding": {"y": {"field": "v", "type": "quantitative"}}}}"#;
    assert_eq!(headers(spec), ["Site 1.0 (1)", "Site 2.5 (2.5)", "Site 1000.0 (1000)"]);
    // A date format on a temporal field (vega-lite: "2021/03", "2022/05"), from config.header.
    let spec = r#"{"data": {"values": [{"d": "2021-03-04", "v": 3}, {"d": "2022-05-06", "v": 4}]},
        "config": {"header": {"format": "%Y/%m"}},
        "facet": {"field": "d", "type": "temporal"}, "spec": {"mark": "bar", "encoding": {"y": {"field": "v", "type": "quantitative"}}}}"#;
    assert_eq!(headers(spec), ["2021/03", "2022/05"]);
}

#[test]
fn a_label_limit_shortens_long_labels() {
    let theme = Theme::get(ThemeName::Light);
    let mut s = HeaderStyle::default();
    let long = "A rather long panel name";
    assert_eq!(s.label_at(long, 0.0, 400.0, 50.0, &theme).text, long, "room enough, no limit");
    s.label.limit = 60.0;
    let l = s.label_at(long, 0.0, 400.0, 50.0, &theme);
    assert!(l.text.ends_with('…') && l.text.len() < long.len(), "{}", l.text);
    assert!(l.bbox().w <= 60.0 + 0.5, "{} px", l.bbox().w);
}

#[test]
fn bad_formats_and_expressions_are_named_by_path() {
    let path = |s: &str| chart(s).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
    assert_eq!(path(&with(r#"{"format": "abc"}"#)), "facet.header.format");
    assert_eq!(path(&with(r#"{"format": ".1f", "formatType": "percent"}"#)), "facet.header.formatType");
    assert!(path(&with(r#"{"labelExpr": "datum.label +"}"#)).starts_with("facet.header.labelExpr"));
}

#[test]
fn a_rows_headers_sit_left_of_its_panels_turned_or_level() {
    let spec = |h: &str| {
        r#"{"data": {"values": ROWS}, "mark": "bar", "encoding": {"x": {"field": "v", "type": "quantitative"},
            "y": {"field": "site", "type": "nominal"}, "row": {"field": "year", "type": "ordinal", "header": HEAD}}}"#
            .replace("HEAD", h)
    };
    let turned = laid(&spec("{}"));
    let plot = turned.layout.plot;
    let l = label(&turned, "2021");
    assert_eq!((l.angle, l.anchor), (-90.0, Anchor::Middle), "read upwards, centred on its row");
    assert!(l.bbox().right() < plot.x && l.bbox().x > 0.0);
    assert!(turned.layout.labels.iter().all(|x| x.text != "year" || x.angle == -90.0), "no title over the panels");
    crate::layout::assert_clean(&turned.layout, "row headers");
    // Level (labelAngle 0): set against the y axis, right-aligned, the band as wide as the
    // longest label; labelAlign moves a turned label along its row.
    let level = laid(&spec(r#"{"labelAngle": 0}"#));
    let l = label(&level, "2022");
    assert_eq!((l.angle, l.anchor), (0.0, Anchor::End));
    assert!(l.x < level.layout.plot.x);
    crate::layout::assert_clean(&level.layout, "level row headers");
    let start = laid(&spec(r#"{"labelAlign": "left"}"#));
    let (a, b) = (label(&start, "2021"), label(&turned, "2021"));
    assert_eq!(a.anchor, Anchor::Start);
    assert!(a.y > b.y, "starts at the bottom of its row when read upwards");
}

#[test]
fn title_anchor_moves_the_title_along_what_it_heads() {
    // Over every panel: the start by default, the end or middle when asked.
    let wrapped = |h: &str| laid(&with(h));
    let start = label(&wrapped("{}"), "site").clone();
    let end = label(&wrapped(r#"{"titleAnchor": "end"}"#), "site").clone();
    let middle = label(&wrapped(r#"{"titleAnchor": "middle"}"#), "site").clone();
    assert_eq!((start.anchor, end.anchor, middle.anchor), (Anchor::Start, Anchor::End, Anchor::Middle));
    assert!(start.x < middle.x && middle.x < end.x);
    assert!(end.bbox().right() <= 800.0);
    // A row's title, read upwards: centred on the rows by default, at their bottom for start.
    let rows = |h: &str| {
        laid(
            &r#"{"data": {"values": ROWS}, "mark": "bar", "encoding": {"x": {"field": "v", "type": "quantitative"},
            "row": {"field": "year", "type": "ordinal", "header": HEAD}}}"#
                .replace("HEAD", h),
        )
    };
    let (mid, low) = (rows("{}"), rows(r#"{"titleAnchor": "start"}"#));
    let (a, b) = (label(&mid, "year"), label(&low, "year"));
    assert_eq!((a.anchor, b.anchor), (Anchor::Middle, Anchor::Start));
    assert!(b.y > a.y, "start is the bottom when read upwards");
    let path = |s: &str| chart(s).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
    assert_eq!(path(&with(r#"{"titleAnchor": "left"}"#)), "facet.header.titleAnchor");
}
