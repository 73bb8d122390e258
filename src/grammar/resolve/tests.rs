//! Tests of `resolve` in concatenated views and layers: what is shared, what each view or
//! layer resolves on its own, and what is refused by path.

use super::*;
use crate::grammar::format::Locale;
use crate::grammar::scale::Domain;
use crate::grammar::{Chart, Compiled, Value};
use crate::theme::{Theme, ThemeName};

const DATA: &str = r#"{"values": [
    {"city": "Lakeside", "rain": 12}, {"city": "Hillcrest", "rain": 4}, {"city": "Portview", "rain": 40}]}"#;

/// Two views coloured by city; the second without Hillcrest. `RESOLVE` is the top level's.
const SPEC: &str = r#"{"data": DATA, "resolve": RESOLVE, "hconcat": [
    {"mark": "bar", "encoding": {"x": {"field": "city"}, "y": {"field": "rain", "type": "quantitative"}, "color": {"field": "city"}}},
    {"transform": [{"filter": "datum.city != 'Hillcrest'"}], "mark": "point",
     "encoding": {"x": {"field": "rain", "type": "quantitative"}, "color": {"field": "city"}}}]}"#;

fn spec(resolve: &str) -> String {
    SPEC.replace("DATA", DATA).replace("RESOLVE", resolve)
}

fn chart(resolve: &str) -> Result<Chart, Error> {
    Chart::new(&Json::parse(&spec(resolve)).unwrap(), &|_| Err("no files".into()))
}

fn laid(resolve: &str) -> Compiled {
    chart(resolve).unwrap().layout(1280.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap()
}

fn count(c: &Compiled, text: &str) -> usize {
    c.layout.labels.iter().filter(|l| l.text == text).count()
}

fn colours(c: &Compiled, view: usize) -> Domain {
    c.views[view].1.get(Channel::Color).unwrap().scale.domain().clone()
}

#[test]
fn an_independent_colour_scale_is_resolved_and_legended_per_view() {
    let c = laid(r#"{"scale": {"color": "independent"}}"#);
    let s = |t: &str| Value::str(t);
    assert_eq!(colours(&c, 0), Domain::Discrete(vec![s("Hillcrest"), s("Lakeside"), s("Portview")]));
    assert_eq!(colours(&c, 1), Domain::Discrete(vec![s("Lakeside"), s("Portview")]));
    assert!(c.scales.get(Channel::Color).is_none(), "no shared colour scale");
    // Two legends: Lakeside in both (and as an x label of the bars), Hillcrest in the first.
    assert_eq!((count(&c, "Lakeside"), count(&c, "Hillcrest")), (3, 2));
    crate::layout::assert_clean(&c.layout, "independent colour");
}

#[test]
fn by_default_one_scale_and_one_legend_and_independent_legends_repeat_it() {
    let c = laid("{}");
    let shared = c.scales.get(Channel::Color).unwrap().scale.domain().clone();
    assert_eq!(colours(&c, 1), shared, "the second view uses the shared scale, Hillcrest included");
    assert_eq!((count(&c, "Lakeside"), count(&c, "Hillcrest")), (2, 2), "one legend, plus the x labels");
    let c = laid(r#"{"legend": {"color": "independent"}}"#);
    assert_eq!(colours(&c, 1), shared, "still one scale");
    assert_eq!((count(&c, "Lakeside"), count(&c, "Hillcrest")), (3, 3), "its legend in each view");
}

#[test]
fn a_shared_y_is_one_domain_over_every_view_each_with_its_own_axis() {
    // The bars' rain runs 4 to 40 (y from zero); the second view's points, without
    // Hillcrest, 12 to 40, on a y scale without zero.
    let spec = |r: &str| {
        SPEC.replace("DATA", DATA).replace("RESOLVE", r).replace(
            r#""x": {"field": "rain", "type": "quantitative"}"#,
            r#""x": {"field": "city"}, "y": {"field": "rain", "type": "quantitative", "scale": {"zero": false}}"#,
        )
    };
    let lay = |r: &str| {
        Chart::new(&Json::parse(&spec(r)).unwrap(), &|_| Err("no files".into()))
            .unwrap()
            .layout(1280.0, Locale::En, &Theme::get(ThemeName::Light))
            .unwrap()
    };
    let y = |c: &Compiled, v: usize| c.views[v].1.get(Channel::Y).unwrap().scale.domain().clone();
    // On their own: the bars from zero to 40; the points (zero: false) 12 to 40.
    let own = lay("{}");
    assert_eq!((y(&own, 0), y(&own, 1)), (Domain::Continuous(0.0, 40.0), Domain::Continuous(12.0, 40.0)));
    // Shared: one scale over both, from the bars' zero to 40, in each view.
    let c = lay(r#"{"scale": {"y": "shared"}}"#);
    assert_eq!((y(&c, 0), y(&c, 1)), (Domain::Continuous(0.0, 40.0), Domain::Continuous(0.0, 40.0)));
    // Each view still draws its axis: the top tick twice.
    assert_eq!(count(&c, "40"), 2);
    crate::layout::assert_clean(&c.layout, "shared y");
}

#[test]
fn what_cannot_be_resolved_so_is_named_by_path() {
    let path = |r: &str| chart(r).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
    assert_eq!(path(r#"{"scale": {"color": "independent"}, "legend": {"color": "shared"}}"#), "resolve.legend.color");
    assert_eq!(path(r#"{"axis": {"color": "independent"}}"#), "resolve.axis.color");
    assert_eq!(path(r#"{"axis": {"x": "shared"}}"#), "resolve.axis.x");
    assert_eq!(path(r#"{"scale": {"theta": "shared"}}"#), "resolve.scale.theta");
    assert_eq!(path(r#"{"scale": {"colour": "independent"}}"#), "resolve.scale.colour");
    assert_eq!(path(r#"{"scale": {"color": "separate"}}"#), "resolve.scale.color");
}

const LAYER: &str = r#"{"data": {"values": [
    {"a": "x", "b": 1, "c": "p", "d": "q"}, {"a": "y", "b": 3, "c": "r", "d": "s"}, {"a": "z", "b": 2, "c": "p", "d": "t"}]},
  "resolve": RESOLVE, "layer": [
    {"mark": "bar", "encoding": {"x": {"field": "a"}, "y": {"field": "b", "type": "quantitative"}, "color": {"field": "c"}}},
    {"mark": "point", "encoding": {"x": {"field": "a"}, "y": {"field": "b", "type": "quantitative"}, "color": {"field": "d"}}}]}"#;

fn layer(resolve: &str) -> Result<Chart, Error> {
    Chart::new(&Json::parse(&LAYER.replace("RESOLVE", resolve)).unwrap(), &|_| Err("no files".into()))
}

#[test]
fn independent_colours_in_a_layer_give_each_layer_its_scale_and_legend() {
    let c = layer(r#"{"scale": {"color": "independent"}}"#)
        .unwrap()
        .layout(800.0, Locale::En, &Theme::get(ThemeName::Light))
        .unwrap();
    let s = |t: &str| Value::str(t);
    let names: Vec<&str> = c.views.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["layer_0", "layer_1"], "named as Vega-Lite names them");
    assert_eq!(colours(&c, 0), Domain::Discrete(vec![s("p"), s("r")]));
    assert_eq!(colours(&c, 1), Domain::Discrete(vec![s("q"), s("s"), s("t")]));
    // Two legends, titled by their fields, each naming its own values once.
    for t in ["c", "d", "p", "r", "q", "s", "t"] {
        assert_eq!(count(&c, t), 1, "{t}");
    }
    crate::layout::assert_clean(&c.layout, "independent layer colours");
    // Shared (the default): one scale over both fields' values.
    let c = layer("{}").unwrap().layout(800.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
    assert!(c.views.is_empty());
    let d = c.scales.get(Channel::Color).unwrap().scale.domain().clone();
    assert_eq!(d, Domain::Discrete(vec![s("p"), s("q"), s("r"), s("s"), s("t")]));
}

#[test]
fn what_a_layer_cannot_resolve_is_named_by_path() {
    let path = |r: &str| layer(r).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
    assert_eq!(path(r#"{"scale": {"color": "independent"}, "legend": {"color": "shared"}}"#), "resolve.legend.color");
    assert_eq!(path(r#"{"legend": {"color": "independent"}}"#), "resolve.legend.color");
    assert_eq!(path(r#"{"scale": {"x": "independent"}}"#), "resolve.scale.x");
    // A nested layer's own colours are not drawn yet.
    let nested = LAYER.replace("RESOLVE", "{}").replace(
        r#""layer": [
    {"mark": "bar""#,
        r#""layer": [{"resolve": {"scale": {"color": "independent"}}, "layer": [{"mark": "rule"}]},
    {"mark": "bar""#,
    );
    let e = Chart::new(&Json::parse(&nested).unwrap(), &|_| Err("no files".into())).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("layer[0].resolve.scale.color"), "{e}");
    // Among views that share their colours, one legend could not match its colours.
    let views = format!(r#"{{"vconcat": [{}]}}"#, LAYER.replace("RESOLVE", r#"{"scale": {"color": "independent"}}"#));
    let e = Chart::new(&Json::parse(&views).unwrap(), &|_| Err("no files".into())).unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("vconcat[0].resolve.scale.color"), "{e}");
}

#[test]
fn dual_axes_give_each_layer_its_own_y_scale_left_and_right() {
    // Rain in mm (bars, 0-80) and temperature in degrees (a line, 0-9): each fills the plot
    // on its own scale, rain's axis on the left, temperature's on the right.
    let spec = r#"{"data": {"values": [{"m": 1, "rain": 80, "temp": 3}, {"m": 2, "rain": 20, "temp": 9}, {"m": 3, "rain": 50, "temp": 6}]},
        "layer": [{"mark": "bar", "encoding": {"x": {"field": "m", "type": "ordinal"}, "y": {"field": "rain", "type": "quantitative"}}},
                  {"mark": "line", "encoding": {"x": {"field": "m", "type": "ordinal"}, "y": {"field": "temp", "type": "quantitative"}}}],
        "resolve": {"scale": {"y": "independent"}}}"#;
    let chart =
        crate::grammar::Chart::new(&crate::grammar::Json::parse(spec).unwrap(), &|_| Err("no files".into())).unwrap();
    for w in [320.0, 640.0, 1280.0] {
        let c = chart
            .layout(w, crate::grammar::format::Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light))
            .unwrap();
        let ys: Vec<(String, crate::grammar::scale::Domain)> = c
            .views
            .iter()
            .filter_map(|(n, s)| {
                s.get(crate::grammar::encoding::Channel::Y).map(|r| (n.clone(), r.scale.domain().clone()))
            })
            .collect();
        assert_eq!(
            ys,
            [
                ("layer_0".to_string(), crate::grammar::scale::Domain::Continuous(0.0, 80.0)),
                // Zero included, as Vega-Lite's quantitative y scales do by default.
                ("layer_1".to_string(), crate::grammar::scale::Domain::Continuous(0.0, 9.0)),
            ],
            "at {w}"
        );
        let plot = c.layout.plot;
        // The left axis reaches 80 (rain), the right one 8 (temperature), each beside the plot.
        let side = |left: bool| -> Vec<&str> {
            c.layout
                .labels
                .iter()
                .filter(|l| if left { l.bbox().right() <= plot.x + 0.5 } else { l.bbox().x >= plot.right() - 0.5 })
                .map(|l| l.text.as_str())
                .collect()
        };
        assert!(side(true).contains(&"80") && !side(true).contains(&"8"), "left at {w}: {:?}", side(true));
        assert!(side(false).contains(&"8") && !side(false).contains(&"80"), "right at {w}: {:?}", side(false));
        assert!(c.layout.labels.iter().all(|l| l.bbox().right() <= w + 0.5), "the right axis fits at {w}");
        crate::layout::assert_clean(&c.layout, &format!("dual axes at {w}"));
    }
    // Three layers with a y each: refused by path.
    let three = spec.replace(
        r#"{"mark": "line","#,
        r#"{"mark": "point", "encoding": {"y": {"field": "m", "type": "quantitative"}}}, {"mark": "line","#,
    );
    let c =
        crate::grammar::Chart::new(&crate::grammar::Json::parse(&three).unwrap(), &|_| Err("no files".into())).unwrap();
    let e = c
        .layout(640.0, crate::grammar::format::Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light))
        .unwrap_err();
    assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("resolve.scale.y"), "{e}");
}
