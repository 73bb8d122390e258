//! Tests of a facet's independent colour scale (`resolve.scale.color`): each panel its own
//! colour domain and legend.

use crate::grammar::format::Locale;
use crate::grammar::{Chart, Compiled, Json};
use crate::theme::{Theme, ThemeName};

const SPEC: &str = r#"{"data": {"values": [
    {"site": "North", "kind": "oak", "v": 12}, {"site": "North", "kind": "ash", "v": 18},
    {"site": "South", "kind": "elm", "v": 7}, {"site": "South", "kind": "oak", "v": 3},
    {"site": "East", "kind": "yew", "v": 30}]},
  "facet": {"field": "site"}, "columns": 3, "resolve": RESOLVE,
  "spec": {"mark": "bar", "encoding": {"x": {"field": "kind"}, "y": {"field": "v", "type": "quantitative"},
    "color": {"field": "kind"}}}}"#;

fn chart(resolve: &str) -> Result<Chart, crate::error::Error> {
    Chart::new(&Json::parse(&SPEC.replace("RESOLVE", resolve)).unwrap(), &|_| Err("no files".into()))
}

fn count(c: &Compiled, text: &str) -> usize {
    c.layout.labels.iter().filter(|l| l.text == text).count()
}

#[test]
fn each_panel_legends_its_own_colours() {
    let ch = chart(r#"{"scale": {"color": "independent"}}"#).unwrap();
    let c = ch.layout(1280.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
    // One row of three panels, each with an x axis naming all four kinds: "oak" 3 times there,
    // and in the legends of North (ash, oak) and South (elm, oak); "yew" only in East's.
    assert_eq!((count(&c, "oak"), count(&c, "yew"), count(&c, "ash")), (5, 4, 4));
    crate::layout::assert_clean(&c.layout, "independent colour at 1280");
    // Shared (the default): one legend of the four kinds.
    let c = chart("{}").unwrap().layout(1280.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
    assert_eq!((count(&c, "oak"), count(&c, "yew")), (4, 4));
    // Narrow: panels wrap, each keeps its legend over it.
    let c = ch.layout(375.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
    assert_eq!(count(&c, "yew") - count(&c, "ash"), 0, "one legend each still");
    crate::layout::assert_clean(&c.layout, "independent colour at 375");
}

#[test]
fn a_shared_legend_over_independent_colours_is_refused_by_path() {
    let e = chart(r#"{"scale": {"color": "independent"}, "legend": {"color": "shared"}}"#).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("resolve.legend.color"), "{e}");
    let e = chart(r#"{"scale": {"size": "independent"}}"#).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("resolve.scale.size"), "{e}");
}

#[test]
fn inside_views_the_views_must_not_share_colour() {
    let facet = SPEC.replace("RESOLVE", r#"{"scale": {"color": "independent"}}"#);
    let views = |resolve: &str| format!(r#"{{"resolve": {resolve}, "vconcat": [{facet}]}}"#);
    let e = Chart::new(&Json::parse(&views("{}")).unwrap(), &|_| Err("no files".into())).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("vconcat[0].resolve.scale.color"), "{e}");
    let ok =
        Chart::new(&Json::parse(&views(r#"{"scale": {"color": "independent"}}"#)).unwrap(), &|_| Err("none".into()))
            .unwrap();
    let c = ok.layout(1280.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
    assert_eq!(count(&c, "yew"), 4, "the panels' own legends are drawn inside the views");
}

#[test]
fn an_empty_cell_of_a_grid_has_no_legend() {
    // Rows by site, columns by kind: North has no elm, so its elm cell is empty.
    let grid = SPEC
        .replace(
            r#""facet": {"field": "site"}, "columns": 3,"#,
            r#""facet": {"row": {"field": "site"}, "column": {"field": "kind"}},"#,
        )
        .replace("RESOLVE", r#"{"scale": {"color": "independent"}}"#);
    let c = Chart::new(&Json::parse(&grid).unwrap(), &|_| Err("no files".into())).unwrap();
    assert_eq!(c.panels.len(), 12, "3 sites x 4 kinds");
    let l = c.layout(1280.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
    // One legend per drawn cell (5 cells have a bar), each titled "kind".
    let legends = l.layout.labels.iter().filter(|x| x.text == "kind").count();
    // The shared x axis under each column, and the column field's title over the grid (the
    // row's, "site", beside it).
    let titles = 4 + 1;
    assert_eq!(legends - titles, 5);
}
