//! `resolve`: how views share scales, axes and legends. In a layer, everything is shared
//! (the default); independent scales (dual axes) are refused for now, with their path. In a
//! concatenation ([`concat`]), position scales and axes are independent per view (the
//! default), or the x and y scales shared ([`share_positions`]; axes stay per view), and the
//! other scales and their legends shared, or,
//! with `"independent"`, resolved per view, each view with its own legend (`resolve.scale`),
//! or shared with a legend drawn in every view (`resolve.legend`).

use crate::error::{Error, Path, Seg};
use crate::grammar::compile::Chart;
use crate::grammar::concat::positional;
use crate::grammar::encoding::Channel;
use crate::grammar::flow::{Flowed, Unit};
use crate::grammar::json::check_keys;
use crate::grammar::scale::Domain;
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::{Json, Value};
use crate::theme::Rgb;
use std::ops::Range;

/// The units of each child of the top-level layer (consecutive, in layer order), with
/// `sc`'s scales but its own for the channels of [`crate::grammar::spec::Spec::layer_own`].
pub fn layer_scales(
    chart: &Chart,
    sc: &Scales,
    ext: Extent,
    pal: &[Rgb],
) -> Result<Vec<(Range<usize>, Scales)>, Error> {
    let root = &chart.spec.root.path;
    let child = |u: &Unit| match u.path.0.get(root.0.len() + 1) {
        Some(Seg::Index(i)) if u.path.0.len() > root.0.len() + 1 => Some(*i),
        _ => None,
    };
    let mut groups: Vec<(Option<usize>, Range<usize>)> = Vec::new();
    for (k, (u, _)) in chart.units.iter().enumerate() {
        match groups.last_mut() {
            Some((c, r)) if *c == child(u) => r.end = k + 1,
            _ => groups.push((child(u), k..k + 1)),
        }
    }
    let mut out = Vec::new();
    for (_, r) in groups {
        let own = scales::resolve(&chart.units[r.clone()], ext, pal)?;
        let mut s = sc.clone();
        for c in &chart.spec.layer_own {
            s.list.retain(|x| x.channel != *c);
            s.list.extend(own.get(*c).cloned());
        }
        out.push((r, s));
    }
    Ok(out)
}

/// The channels a layer's `resolve` makes independent per child: colour, by its scale.
pub fn layer_own(r: Option<&Json>) -> Vec<Channel> {
    let independent =
        r.and_then(|r| r.get("scale")).and_then(|s| s.get("color")) == Some(&Json::Str("independent".into()));
    if independent {
        vec![Channel::Color]
    } else {
        Vec::new()
    }
}

/// What the views of a concatenation resolve on their own, beyond position, and the position
/// scales they share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewResolve {
    /// Position channels (`x`, `y`) whose scale the views share (`resolve.scale: "shared"`):
    /// one domain over every view's values, each view with its own axis.
    pub shared_positions: Vec<Channel>,
    /// Channels whose scale each view resolves itself (and legends itself).
    pub own_scales: Vec<Channel>,
    /// Channels each view draws a legend for (its own scale's, or the shared one's).
    pub own_legends: Vec<Channel>,
}

/// Reads a concatenation's `resolve` at `path`.
pub fn concat(r: &Json, path: &Path) -> Result<ViewResolve, Error> {
    check_keys(r, path, &["scale", "axis", "legend"], &[])?;
    let mut out = ViewResolve::default();
    let mut shared_legends = Vec::new();
    for (kind, v) in r.obj(path)? {
        for (ch, how) in v.obj(&path.key(kind))? {
            let p = path.key(kind).key(ch);
            let Some(c) = Channel::parse(ch) else {
                return Err(Error::unsupported(&p, format!("unknown channel \"{ch}\""), "x, y, color, size, ..."));
            };
            let pos = positional(c);
            let default = if pos { "independent" } else { "shared" };
            match how {
                Json::Str(s) if s == "shared" && kind == "scale" && matches!(c, Channel::X | Channel::Y) => {
                    out.shared_positions.push(c);
                }
                Json::Str(s) if s == default => {
                    if kind == "legend" {
                        shared_legends.push((c, p));
                    }
                }
                Json::Str(s) if s == "independent" && !pos && kind != "axis" => {
                    if kind == "scale" {
                        out.own_scales.push(c);
                    }
                    if !out.own_legends.contains(&c) {
                        out.own_legends.push(c);
                    }
                }
                Json::Str(s) if s == "shared" || s == "independent" => {
                    return Err(Error::unsupported(
                        &p,
                        format!("\"{s}\" is not supported yet for concatenated views"),
                        default,
                    ))
                }
                other => return Err(Error::unsupported(&p, other.to_text(), "shared, independent")),
            }
        }
    }
    // One legend cannot show the different scales of several views.
    if let Some((_, p)) = shared_legends.iter().find(|(c, _)| out.own_scales.contains(c)) {
        return Err(Error::spec(p, "a shared legend needs a shared scale: these views resolve it each on their own"));
    }
    Ok(out)
}

/// Makes the views share the scales of `channels` (x, y): the domain resolved over every
/// view's units (as one scale: zero and nice over the union) is written into each view's
/// definitions of the channel as an explicit domain, so each keeps its own range and axis.
pub fn share_positions(parts: &mut [(Chart, String)], channels: &[Channel], pal: &[Rgb]) -> Result<(), Error> {
    for &c in channels {
        let mut units: Vec<(Unit, Flowed)> = Vec::new();
        for (p, _) in parts.iter() {
            for (u, f) in &p.units {
                let mut u = u.clone();
                u.encoding.channels.retain(|(ch, _)| ch.primary() == c);
                units.push((u, f.clone()));
            }
        }
        let sc = scales::resolve(&units, Extent { width: 200.0, height: 200.0 }, pal)?;
        let Some(r) = sc.get(c) else { continue };
        let domain = match r.scale.domain() {
            Domain::Continuous(a, b) => vec![Json::Num(*a), Json::Num(*b)],
            Domain::Discrete(v) => v.iter().map(json_of).collect(),
            _ => {
                return Err(Error::unsupported(
                    &r.def.path.key("scale").key("type"),
                    "a shared quantile or threshold position scale",
                    "linear, log, pow, sqrt, symlog, time, utc, band, point",
                ))
            }
        };
        for (p, _) in parts.iter_mut() {
            fix_domain(p, c, &domain);
        }
    }
    Ok(())
}

/// A value as JSON, dates as their milliseconds.
fn json_of(v: &Value) -> Json {
    match v {
        Value::Num(n) | Value::Date(n) => Json::Num(*n),
        Value::Str(s) => Json::Str(s.to_string()),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
    }
}

/// Every definition of channel `c` in `chart` (and its views) with `domain` as its scale's.
fn fix_domain(chart: &mut Chart, c: Channel, domain: &[Json]) {
    for (u, _) in chart.units.iter_mut() {
        for (ch, d) in u.encoding.channels.iter_mut() {
            if *ch != c || matches!(d.scale, Some(Json::Null)) {
                continue;
            }
            let mut o: Vec<(String, Json)> = match &d.scale {
                Some(Json::Obj(o)) => o
                    .iter()
                    .filter(|(k, _)| !matches!(k.as_str(), "domain" | "domainMin" | "domainMax" | "nice" | "zero"))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            o.push(("domain".into(), Json::Arr(domain.to_vec())));
            o.push(("nice".into(), Json::Bool(false)));
            o.push(("zero".into(), Json::Bool(false)));
            d.scale = Some(Json::Obj(o));
        }
    }
    for (p, _) in chart.parts.iter_mut() {
        fix_domain(p, c, domain);
    }
}

/// Checks a layer's `resolve` object: every entry must be `"shared"`, except (for the
/// top-level layer, `top`) an independent colour scale or legend: each child its own.
pub fn check(r: &Json, path: &Path, top: bool) -> Result<(), Error> {
    check_keys(r, path, &["scale", "axis", "legend"], &[])?;
    let own = layer_own(Some(r));
    for (k, v) in r.obj(path)? {
        let p = path.key(k);
        for (ch, how) in v.obj(&p)? {
            match how {
                Json::Str(s) if s == "shared" && k == "legend" && own.iter().any(|c| c.name() == ch) => {
                    return Err(Error::spec(
                        &p.key(ch),
                        "a shared legend needs a shared scale: the layers resolve it each on their own",
                    ))
                }
                Json::Str(s) if s == "shared" => {}
                Json::Str(s)
                    if s == "independent"
                        && top
                        && ch == "color"
                        && (k == "scale" || (k == "legend" && own.contains(&Channel::Color))) => {}
                Json::Str(s) if s == "independent" => {
                    return Err(Error::unsupported(&p.key(ch), "\"independent\" is not supported yet", "shared"))
                }
                other => return Err(Error::unsupported(&p.key(ch), other.to_text(), "shared")),
            }
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
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
        assert_eq!(
            path(r#"{"scale": {"color": "independent"}, "legend": {"color": "shared"}}"#),
            "resolve.legend.color"
        );
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
        assert_eq!(
            path(r#"{"scale": {"color": "independent"}, "legend": {"color": "shared"}}"#),
            "resolve.legend.color"
        );
        assert_eq!(path(r#"{"legend": {"color": "independent"}}"#), "resolve.legend.color");
        assert_eq!(path(r#"{"scale": {"y": "independent"}}"#), "resolve.scale.y");
        // A nested layer's own colours are not drawn yet.
        let nested = LAYER.replace("RESOLVE", "{}").replace(
            r#""layer": [
        {"mark": "bar""#,
            r#""layer": [{"resolve": {"scale": {"color": "independent"}}, "layer": [{"mark": "rule"}]},
        {"mark": "bar""#,
        );
        let e = Chart::new(&Json::parse(&nested).unwrap(), &|_| Err("no files".into())).unwrap_err();
        assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("layer[0].resolve.scale.color"), "{e}");
    }
}
