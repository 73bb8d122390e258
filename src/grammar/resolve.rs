//! `resolve`: how views share scales, axes and legends. In a layer, everything is shared
//! (the default); independent scales (dual axes) are refused for now, with their path. In a
//! concatenation ([`concat`]), position scales and axes are independent per view (the
//! default; `"shared"` is refused for now) and the other scales and their legends shared, or,
//! with `"independent"`, resolved per view, each view with its own legend (`resolve.scale`),
//! or shared with a legend drawn in every view (`resolve.legend`).

use crate::error::{Error, Path};
use crate::grammar::concat::positional;
use crate::grammar::encoding::Channel;
use crate::grammar::json::check_keys;
use crate::grammar::Json;

/// What the views of a concatenation resolve on their own, beyond position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewResolve {
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

/// Checks a `resolve` object: every entry must be `"shared"`.
pub fn check(r: &Json, path: &Path) -> Result<(), Error> {
    check_keys(r, path, &["scale", "axis", "legend"], &[])?;
    for (k, v) in r.obj(path)? {
        let p = path.key(k);
        for (ch, how) in v.obj(&p)? {
            match how {
                Json::Str(s) if s == "shared" => {}
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
    fn what_cannot_be_resolved_so_is_named_by_path() {
        let path = |r: &str| chart(r).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
        assert_eq!(
            path(r#"{"scale": {"color": "independent"}, "legend": {"color": "shared"}}"#),
            "resolve.legend.color"
        );
        assert_eq!(path(r#"{"axis": {"color": "independent"}}"#), "resolve.axis.color");
        assert_eq!(path(r#"{"scale": {"x": "shared"}}"#), "resolve.scale.x");
        assert_eq!(path(r#"{"scale": {"colour": "independent"}}"#), "resolve.scale.colour");
        assert_eq!(path(r#"{"scale": {"color": "separate"}}"#), "resolve.scale.color");
    }
}
