//! Views side by side: `hconcat`, `vconcat`, `concat` (wrapped into `columns`) and `repeat`
//! (one view per field, written as a concatenation with the `{"repeat": ...}` references
//! replaced). Each view is read as a chart of its own, with the top level's `data`,
//! `datasets`, `config` and `transform`s ([`crate::grammar::inherit`]); as Vega-Lite
//! documents, position scales and axes are independent per view and the other scales (colour,
//! size, ...) and their legends are shared, unless `resolve` says otherwise
//! ([`crate::grammar::resolve`]). [`layout`] lays the views out one by one and places them,
//! wrapping to fewer columns when a view would fall below a readable width.

use crate::error::{Error, Path};
use crate::grammar::compile::{draw_legends, Chart, Compiled, Legends, Opts};
use crate::grammar::encoding::Channel;
use crate::grammar::format::Locale;
use crate::grammar::guide::legend;
use crate::grammar::inherit;
use crate::grammar::json::check_keys;
use crate::grammar::resolve::ViewResolve;
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::transform::Transform;
use crate::grammar::Json;
use crate::layout::{fit_text, Anchor, Label, Layout, Rect};
use crate::theme::Theme;

/// Most views one chart draws.
pub const MAX_VIEWS: usize = 24;
/// Narrowest view worth drawing side by side with another: below it, views wrap.
pub const MIN_VIEW_WIDTH: f64 = 260.0;

/// How the views are arranged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Arrange {
    /// Views per row (`None`: all in one row, as `hconcat` and `concat` without `columns`).
    pub columns: Option<usize>,
    /// Space between views, px (`spacing`, default 20).
    pub spacing: f64,
    /// What each view resolves on its own beyond position (`resolve`).
    pub resolve: ViewResolve,
}

/// A concatenation read: its arrangement and each view's spec (as written: what it inherits
/// is added by [`chart`]), path and scale prefix.
#[derive(Debug, Clone)]
pub struct Concat {
    /// How the views are arranged.
    pub arrange: Arrange,
    /// The views.
    pub views: Vec<(Json, Path, String)>,
}

const KEYS: &[&str] = &[
    "$schema",
    "data",
    "datasets",
    "config",
    "title",
    "description",
    "name",
    "usermeta",
    "background",
    "padding",
    "autosize",
    "spacing",
    "columns",
    "resolve",
    "hconcat",
    "vconcat",
    "concat",
    "repeat",
    "spec",
    "transform",
];

/// Position channels: independent in every view.
pub(crate) fn positional(c: Channel) -> bool {
    matches!(
        c,
        Channel::X
            | Channel::Y
            | Channel::X2
            | Channel::Y2
            | Channel::XOffset
            | Channel::YOffset
            | Channel::Theta
            | Channel::Theta2
            | Channel::Radius
            | Channel::Radius2
    )
}

/// Reads a concatenation or repeat at `root`, if the spec is one.
pub fn parse(json: &Json, root: &Path) -> Result<Option<Concat>, Error> {
    let key = ["hconcat", "vconcat", "concat"].into_iter().find(|k| json.get(k).is_some());
    if key.is_none() && json.get("repeat").is_none() {
        return Ok(None);
    }
    check_keys(json, root, KEYS, &["align", "bounds", "center", "params"])?;
    let resolve = match json.get("resolve") {
        Some(r) => crate::grammar::resolve::concat(r, &root.key("resolve"))?,
        None => ViewResolve::default(),
    };
    let spacing = match json.get("spacing") {
        None => 20.0,
        Some(Json::Num(n)) if n.is_finite() && (0.0..=200.0).contains(n) => *n,
        Some(other) => {
            return Err(Error::spec(
                &root.key("spacing"),
                format!("spacing must be 0 to 200 px, found {}", other.to_text()),
            ))
        }
    };
    let columns = match json.get("columns") {
        None => None,
        Some(c) => {
            let n = c.num(&root.key("columns"))?;
            if !(n >= 1.0 && n <= MAX_VIEWS as f64 && n.fract() == 0.0) {
                return Err(Error::spec(
                    &root.key("columns"),
                    format!("columns must be a whole number from 1 to {MAX_VIEWS}"),
                ));
            }
            Some(n as usize)
        }
    };
    let (arrange, views) = match key {
        Some(k) => {
            let p = root.key(k);
            if json.get("repeat").is_some() || json.get("spec").is_some() {
                let other = if json.get("repeat").is_some() { "repeat" } else { "spec" };
                return Err(Error::spec(
                    &root.key(other),
                    format!("a spec has either \"{k}\" or \"{other}\", not both"),
                ));
            }
            if k != "concat" && columns.is_some() {
                return Err(Error::spec(
                    &root.key("columns"),
                    format!("\"columns\" wraps \"concat\"; \"{k}\" has a fixed direction"),
                ));
            }
            let items = json.get(k).map(|v| v.arr(&p)).transpose()?.unwrap_or(&[]);
            let views = items.iter().enumerate().map(|(i, v)| (v.clone(), p.index(i), format!("concat_{i}"))).collect();
            let columns = match k {
                "vconcat" => Some(1),
                "hconcat" => None,
                _ => columns,
            };
            (Arrange { columns, spacing, ..Arrange::default() }, views)
        }
        None => crate::grammar::repeat::expand(json, root, columns, spacing)?,
    };
    let views: Vec<(Json, Path, String)> = views;
    let arrange = Arrange { resolve, ..arrange };
    if views.is_empty() {
        return Err(Error::spec(root, "a concatenation needs at least one view"));
    }
    if views.len() > MAX_VIEWS {
        return Err(Error::spec(root, format!("{} views: at most {MAX_VIEWS} can be drawn readably", views.len())));
    }
    Ok(Some(Concat { arrange, views }))
}

/// The chart of a concatenation: each view read (and checked) on its own, with what it
/// inherits ([`crate::grammar::inherit`]): the top level's data, datasets and config, and the
/// transforms above it (`above`, from further up, then this spec's own).
pub fn chart(
    c: Concat,
    json: &Json,
    root: &Path,
    text: &dyn Fn(&str) -> Result<String, String>,
    above: &[(Transform, Path)],
) -> Result<Chart, Error> {
    let tf = inherit::transforms(json, root, above)?;
    // A layered repeat's views are layers of the spec: their errors are named in the spec.
    let layered = json.get("repeat").and_then(|r| r.get("layer")).is_some();
    let mut parts = Vec::new();
    for (v, p, prefix) in c.views {
        // A view with data of its own starts afresh: the transforms above do not reach it.
        let fresh = v.get("data").is_some();
        let v = inherit::view(json, &v);
        let part = Chart::new_in(&v, &p, text, if fresh { &[] } else { &tf });
        let part = if layered { part.map_err(|e| crate::grammar::repeat_layer::remap(e, &p, &p)) } else { part }?;
        // A facet's own colours cannot go with the views' one colour legend.
        let shared_colour = !c.arrange.resolve.own_scales.contains(&Channel::Color);
        let own_colours = part.spec.facet.as_ref().is_some_and(|f| f.independent_color)
            || part.spec.layer_own.contains(&Channel::Color);
        if shared_colour && own_colours {
            return Err(Error::unsupported(
                &p.key("resolve").key("scale").key("color"),
                "a facet's or layer's independent colours among views that share theirs",
                "\"resolve\": {\"scale\": {\"color\": \"independent\"}} on the views too",
            ));
        }
        parts.push((part, prefix));
    }
    let spec = crate::grammar::spec::Spec::outer(json, root)?;
    let config = crate::grammar::config::Config::parse(&spec.config, &root.key("config"))?;
    if !c.arrange.resolve.shared_positions.is_empty() {
        let theme = Theme::get(crate::theme::ThemeName::Light);
        let pal = crate::grammar::compile::palette(&theme, config.mark_color);
        crate::grammar::resolve::share_positions(&mut parts, &c.arrange.resolve.shared_positions, &pal)?;
    }
    let units = parts.iter().flat_map(|(c, _)| c.units.iter().cloned()).collect();
    Ok(Chart { spec, config, units, panels: Vec::new(), parts, arrange: Some(c.arrange) })
}

/// The scales the views share: every non-position channel that `resolve` does not make
/// independent (`own`), resolved over all views' marks.
fn shared(chart: &Chart, own: &[Channel], pal: &[crate::theme::Rgb]) -> Option<Scales> {
    let stripped: Vec<_> = chart
        .units
        .iter()
        .map(|(u, f)| {
            let mut u = u.clone();
            u.encoding.channels.retain(|(c, _)| !positional(*c) && !own.contains(c));
            (u, f.clone())
        })
        .collect();
    scales::resolve(&stripped, Extent { width: 200.0, height: 200.0 }, pal).ok()
}

/// Lays the views out `width` px wide.
pub fn layout(
    chart: &Chart,
    a: &Arrange,
    width: f64,
    loc: Locale,
    theme: &Theme,
    opts: &Opts,
) -> Result<Compiled, Error> {
    let theme = chart.themed(theme);
    let pal = crate::grammar::compile::palette(&theme, chart.config.mark_color);
    let n = chart.parts.len().max(1);
    let own = if opts.shared.is_some() { None } else { shared(chart, &a.resolve.own_scales, &pal) };
    let common = opts.shared.or(own.as_ref());
    // The legends drawn once, for all views: not those each view draws itself.
    let legends = match (opts.legends, common) {
        (true, Some(sc)) => {
            let once = Scales {
                list: sc.list.iter().filter(|r| !a.resolve.own_legends.contains(&r.channel)).cloned().collect(),
            };
            legend::plan(&once, &chart.marks(), loc, &theme, chart.config.legend_off)?
        }
        _ => Vec::new(),
    };
    let beside = width >= 640.0 && !legends.is_empty();
    let legend_w = if beside { legends.iter().map(|l| l.width()).fold(0.0, f64::max).min(220.0) + 16.0 } else { 0.0 };
    let pad = 8.0;
    let mut top = 0.0;
    if !beside {
        top += pad;
        for lg in &legends {
            top += lg.height(width - 2.0 * pad, &theme) + 6.0;
        }
    }
    let inner = width - legend_w;
    let view_w = |cols: usize| ((inner - (cols - 1) as f64 * a.spacing) / cols as f64).floor();
    let mut cols = a.columns.unwrap_or(n).clamp(1, n);
    while cols > 1 && view_w(cols) < MIN_VIEW_WIDTH {
        cols -= 1;
    }
    let w = view_w(cols);
    let part_opts = Opts { shared: common, legends: common.is_none(), own_legends: &a.resolve.own_legends };
    let mut laid = Vec::new();
    for (p, _) in &chart.parts {
        laid.push(p.layout_with(w, loc, &theme, &part_opts)?);
    }
    let head = |p: &Chart| if p.spec.title.text.is_empty() { 0.0 } else { 22.0 };
    let rows = n.div_ceil(cols);
    let mut row_y = vec![top];
    for r in 0..rows {
        let h = (r * cols..((r + 1) * cols).min(n))
            .map(|i| head(&chart.parts[i].0) + laid[i].layout.height)
            .fold(0.0, f64::max);
        row_y.push(row_y[r] + h + a.spacing);
    }
    let mut l = Layout::new(width, theme.background, &theme.font);
    let mut out = crate::grammar::compile::Acc::new(Layout::new(width, theme.background, &theme.font));
    let mut named = Vec::new();
    for (i, c) in laid.into_iter().enumerate() {
        let (part, prefix) = &chart.parts[i];
        let (x, y) = ((i % cols) as f64 * (w + a.spacing), row_y[i / cols]);
        let h = head(part);
        if h > 0.0 {
            let t = fit_text(&part.spec.title.text, 13.0, true, w - 2.0 * pad);
            l.labels.push(Label::new(t, x + pad, y + h / 2.0 + 2.0, 13.0, theme.text, Anchor::Start).bold());
        }
        let labels_before = l.labels.len();
        let records_before = out.records.len();
        l.append(&c.layout, x, y + h);
        out.unit_labels.extend(c.unit_labels.iter().map(|r| r.start + labels_before..r.end + labels_before));
        out.unit_plots.extend(c.unit_plots.iter().map(|r| Rect::new(r.x + x, r.y + y + h, r.w, r.h)));
        out.item_records.extend(c.item_records.iter().map(|k| k + records_before));
        out.records.extend(c.records);
        out.dropped += c.dropped;
        for (m, k) in c.counts {
            match out.counts.iter_mut().find(|(x, _)| *x == m) {
                Some(e) => e.1 += k,
                None => out.counts.push((m, k)),
            }
        }
        named.push((prefix.clone(), c.scales));
    }
    l.width = width;
    let place = if beside { Legends::Beside { top: pad, width: legend_w } } else { Legends::Top(pad) };
    let height = draw_legends(&mut l, &legends, place, row_y[rows] - a.spacing, pad, &theme);
    if l.plot.w <= 0.0 {
        l.plot = Rect::new(pad, top, w, 1.0);
    }
    l.height = height.ceil();
    out.layout = l;
    let mut compiled = out.finish(common.cloned().unwrap_or_default());
    compiled.views = named;
    Ok(compiled)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::{dump::dump, Chart, Compiled, Json};
    use crate::theme::{Theme, ThemeName};

    const DATA: &str = r#"{"values": [
        {"month": "2024-01-01", "city": "Lakeside", "rain": 12, "temp": 3},
        {"month": "2024-02-01", "city": "Lakeside", "rain": 30, "temp": 5},
        {"month": "2024-01-01", "city": "Hillcrest", "rain": 4, "temp": -2},
        {"month": "2024-02-01", "city": "Hillcrest", "rain": 9, "temp": null}]}"#;

    fn chart(spec: &str) -> Result<Chart, crate::error::Error> {
        Chart::new(&Json::parse(&spec.replace("DATA", DATA)).unwrap(), &|_| Err("no files".into()))
    }

    fn laid(spec: &str, w: f64) -> Compiled {
        chart(spec).unwrap().layout(w, crate::grammar::format::Locale::En, &Theme::get(ThemeName::Light)).unwrap()
    }

    const H: &str = r#"{"data": DATA, "hconcat": [
        {"title": "Rain", "mark": "bar", "encoding": {"x": {"field": "month", "timeUnit": "month", "type": "ordinal"},
          "y": {"field": "rain", "type": "quantitative", "aggregate": "sum"}, "color": {"field": "city"}}},
        {"title": "Temperature", "mark": "line", "encoding": {"x": {"field": "month", "type": "temporal"},
          "y": {"field": "temp", "type": "quantitative"}, "color": {"field": "city"}}}]}"#;

    #[test]
    fn views_side_by_side_with_their_own_axes_and_one_legend() {
        let c = laid(H, 1280.0);
        let texts: Vec<&str> = c.layout.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts.iter().filter(|t| **t == "Hillcrest").count(), 1, "one shared colour legend: {texts:?}");
        assert!(texts.contains(&"Rain") && texts.contains(&"Temperature"), "each view's title");
        assert!(texts.contains(&"Jan") && texts.contains(&"Feb"), "an ordinal month is written as a month: {texts:?}");
        // 2 stacked bars per month... 4 bars, and 2 lines.
        assert_eq!(c.counts, vec![(crate::grammar::mark::MarkType::Bar, 4), (crate::grammar::mark::MarkType::Line, 2)]);
        assert_eq!(c.records.len(), c.item_records.iter().max().map_or(0, |m| m + 1));
        // Side by side at 1280: the line view starts right of the bar view.
        let bar_right = c.layout.items[..4].iter().map(|i| i.mark.right()).fold(0.0, f64::max);
        let line_left = c.layout.items[4..].iter().map(|i| i.mark.x).fold(f64::MAX, f64::min);
        assert!(line_left > bar_right, "{line_left} > {bar_right}");
        crate::layout::assert_clean(&c.layout, "hconcat 1280");
        // At 375 the views stack: the line view starts under the bars.
        let c = laid(H, 375.0);
        let bar_bottom = c.layout.items[..4].iter().map(|i| i.mark.bottom()).fold(0.0, f64::max);
        let line_top = c.layout.items[4..].iter().map(|i| i.mark.y).fold(f64::MAX, f64::min);
        assert!(line_top > bar_bottom, "{line_top} > {bar_bottom}");
        crate::layout::assert_clean(&c.layout, "hconcat 375");
        // Vega-Lite's names: a shared colour scale, position scales per view.
        let d = dump(&chart(H).unwrap(), &c);
        let names: Vec<&str> = match d.get("scales") {
            Some(Json::Obj(o)) => o.iter().map(|(k, _)| k.as_str()).collect(),
            _ => vec![],
        };
        assert_eq!(names, ["color", "concat_0_x", "concat_0_y", "concat_1_x", "concat_1_y"]);
    }

    #[test]
    fn a_repeat_is_one_view_per_field() {
        let spec = r#"{"data": DATA, "repeat": ["rain", "temp"], "columns": 1, "spec": {"mark": "bar",
            "encoding": {"x": {"field": "city"}, "y": {"field": {"repeat": "repeat"}, "type": "quantitative", "aggregate": "max"}}}}"#;
        let ch = chart(spec).unwrap();
        let ys: Vec<String> = ch
            .parts
            .iter()
            .map(|(p, _)| {
                p.units[0].0.encoding.get(crate::grammar::encoding::Channel::Y).unwrap().field.clone().unwrap()
            })
            .collect();
        assert_eq!(ys, ["rain", "temp"]);
        assert_eq!(ch.parts.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["child__rain", "child__temp"]);
        let c = laid(spec, 800.0);
        let tops: Vec<f64> = c.layout.items.iter().map(|i| i.mark.y).collect();
        assert_eq!(tops.len(), 4);
        assert!(tops[2].min(tops[3]) > tops[0].max(tops[1]), "one column: the second view under the first");
        let e = chart(&spec.replace(r#"{"repeat": "repeat"}"#, r#"{"repeat": "row"}"#)).unwrap_err();
        assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("spec.encoding.y.field.repeat"), "{e}");
    }

    #[test]
    fn what_is_not_supported_is_named_by_path() {
        let path = |s: &str| chart(s).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default();
        assert_eq!(path(&H.replace(r#""hconcat""#, r#""params": [], "hconcat""#)), "params");
        assert_eq!(
            path(&H.replace(r#""hconcat""#, r#""resolve": {"axis": {"y": "shared"}}, "hconcat""#)),
            "resolve.axis.y"
        );
        assert_eq!(path(&H.replace(r#""hconcat""#, r#""columns": 2, "hconcat""#)), "columns");
        assert_eq!(path(&H.replace(r#""mark": "line""#, r#""mark": "lnie""#)), "hconcat[1].mark");
        assert_eq!(path(r#"{"data": DATA, "repeat": {"layer": []}, "spec": {"mark": "bar"}}"#), "repeat.layer");
        assert_eq!(path(r#"{"data": DATA, "vconcat": []}"#), "");
    }

    #[test]
    fn views_inherit_data_and_may_be_facets() {
        let spec = r#"{"data": DATA, "vconcat": [
            {"mark": "point", "encoding": {"x": {"field": "rain", "type": "quantitative"}, "y": {"field": "temp", "type": "quantitative"}}},
            {"facet": {"field": "city"}, "spec": {"mark": "bar", "encoding": {"x": {"field": "month", "type": "ordinal", "timeUnit": "month"}, "y": {"field": "rain", "type": "quantitative"}}}}]}"#;
        let c = laid(spec, 900.0);
        // 3 points (Hillcrest February has no temperature: not drawn, and said so), 4 bars.
        assert_eq!(
            c.counts,
            vec![(crate::grammar::mark::MarkType::Point, 3), (crate::grammar::mark::MarkType::Bar, 4)]
        );
        assert_eq!(c.dropped + chart(spec).unwrap().units.iter().map(|(_, f)| f.dropped).sum::<usize>(), 1);
        crate::layout::assert_clean(&c.layout, "vconcat with a facet");
    }
}
