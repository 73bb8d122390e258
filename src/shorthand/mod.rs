//! The simple chart spec (`kind`, `x`, `y`, `color`, ...) as the Vega-Lite spec it stands for:
//! [`to_vega_lite`] writes the chart in the grammar, with its data inline, so a newsroom can take
//! a shorthand chart into any Vega-Lite tool and the grammar engine draws it with every widget
//! feature. Each kind is one file that writes its view ([`Kind`]); this module registers them,
//! adds the words around the chart, the annotations ([`annotate`]) and small multiples
//! ([`multiples`]). Numbers a kind shows that are not in the data (shares, changes, bins,
//! "Other") are computed here in Rust and travel in the inline data, with the rows they came from.

pub mod annotate;
mod area;
mod bars;
pub mod dumbbell;
mod histogram;
mod lines;
pub mod multiples;
pub mod panels;
pub mod pie;
pub mod place;
mod scatter;
pub mod slope;
mod waffle;

use crate::error::Error;
use crate::frame::{Cell, Frame};
use crate::grammar::Json;
use crate::series::Series;
use crate::spec::{Aggregate, Mark, Spec};

/// What a kind file gets: the checked spec, its data and (for kinds that aggregate) the series.
pub struct Ctx<'a> {
    /// The spec.
    pub spec: &'a Spec,
    /// The data (for a panel of small multiples, that panel's rows).
    pub frame: &'a Frame,
    /// All the data, across the panels of small multiples (else the same as `frame`).
    pub whole: &'a Frame,
    /// The rows aggregated per x and colour, for kinds that aggregate.
    pub series: Option<&'a Series>,
}

/// The view a kind writes: top-level Vega-Lite members (`data`, `transform`, `mark` and
/// `encoding`, or `layer`, and scale `resolve`), without title or source.
pub type View = Vec<(String, Json)>;

/// One kind: checks what only it needs, and writes its view.
pub struct Kind {
    /// The kinds this file writes.
    pub marks: &'static [Mark],
    /// Checks the spec against the data beyond [`Spec::check`] (a column's type, two colour values).
    pub check: fn(&Spec, &Frame) -> Result<(), Error>,
    /// Writes the view.
    pub view: fn(&Ctx) -> Result<View, Error>,
}

/// The registered kinds.
const KINDS: [&Kind; 9] = [
    &bars::KIND,
    &lines::KIND,
    &area::KIND,
    &scatter::KIND,
    &histogram::KIND,
    &pie::KIND,
    &dumbbell::KIND,
    &slope::KIND,
    &waffle::KIND,
];

fn kind(m: Mark) -> &'static Kind {
    KINDS.iter().find(|k| k.marks.contains(&m)).copied().unwrap_or(&bars::KIND)
}

/// The kind's own checks, the annotations' and the facet's (called by [`Spec::check`]).
pub fn check_kind(spec: &Spec, frame: &Frame) -> Result<(), Error> {
    (kind(spec.kind).check)(spec, frame)?;
    annotate::check(spec, frame)?;
    multiples::check(spec, frame)
}

/// No extra checks.
pub fn no_check(_: &Spec, _: &Frame) -> Result<(), Error> {
    Ok(())
}

/// A text value.
pub fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

/// An object from pairs.
pub fn obj(pairs: Vec<(&str, Json)>) -> Json {
    Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// A view from pairs.
pub fn members(pairs: Vec<(&str, Json)>) -> View {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The field name as a Vega-Lite field reference (dots and brackets escaped).
pub fn field(name: &str) -> Json {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '.' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    Json::Str(out)
}

/// The field name as an expression's `datum[...]` reference.
pub fn datum(name: &str) -> String {
    format!("datum[{}]", Json::Str(name.to_string()).to_text())
}

/// A cell as a JSON value (not reported is null).
pub fn cell(c: &Cell) -> Json {
    match c {
        Cell::Num(n) => Json::Num(*n),
        Cell::Text(t) => Json::Str(t.clone()),
        Cell::Missing => Json::Null,
    }
}

/// Every row of the frame as inline data.
pub fn rows(frame: &Frame) -> Json {
    let rows = frame
        .rows
        .iter()
        .map(|r| Json::Obj(frame.columns.iter().zip(r).map(|(k, c)| (k.clone(), cell(c))).collect()))
        .collect();
    obj(vec![("values", Json::Arr(rows))])
}

/// Inline data from rows of (field, value) pairs.
pub fn values(rows: Vec<Vec<(&str, Json)>>) -> Json {
    obj(vec![("values", Json::Arr(rows.into_iter().map(obj).collect()))])
}

/// The aggregate op the spec names, if any.
pub fn op(spec: &Spec) -> Option<&'static str> {
    match spec.aggregate {
        Aggregate::Sum => Some("sum"),
        Aggregate::Mean => Some("mean"),
        Aggregate::Count => Some("count"),
        Aggregate::Min => Some("min"),
        Aggregate::Max => Some("max"),
        Aggregate::None => None,
    }
}

/// An opacity condition drawing the highlighted values of `keys` at full strength, the rest
/// faded (none without highlights).
pub fn highlight(spec: &Spec, keys: &[&str]) -> Option<Json> {
    if spec.highlight.is_empty() {
        return None;
    }
    let list: Vec<String> = spec.highlight.iter().map(|h| Json::Str(h.clone()).to_text()).collect();
    let test = keys
        .iter()
        .map(|k| format!("indexof([{}], toString({})) >= 0", list.join(", "), datum(k)))
        .collect::<Vec<_>>()
        .join(" || ");
    Some(obj(vec![("condition", obj(vec![("test", s(&test)), ("value", Json::Num(1.0))])), ("value", Json::Num(0.3))]))
}

/// The x channel of the kinds drawn across an ordinal x (lines, dots, areas), in the spec's
/// order.
pub fn ordinal_x(spec: &Spec) -> Json {
    let sort = match spec.sort {
        crate::spec::Sort::Data => Json::Null,
        crate::spec::Sort::X => s("ascending"),
        crate::spec::Sort::YAscending => s("y"),
        crate::spec::Sort::YDescending => s("-y"),
    };
    obj(vec![("field", field(&spec.x)), ("type", s("ordinal")), ("sort", sort), ("title", s(&spec.x))])
}

/// The colour channel (from the spec's colour column) and the highlight's opacity, pushed
/// onto `enc`.
pub fn colour_and_highlight(spec: &Spec, enc: &mut Vec<(&str, Json)>) {
    if let Some(col) = &spec.color {
        enc.push(("color", obj(vec![("field", field(col)), ("type", s("nominal")), ("title", s(col))])));
    }
    let mut keys = vec![spec.x.as_str()];
    keys.extend(spec.color.as_deref());
    if let Some(o) = highlight(spec, &keys) {
        enc.push(("opacity", o));
    }
}

/// The chart as a Vega-Lite spec with its data inline.
pub fn to_vega_lite(spec: &Spec, frame: &Frame) -> Result<Json, Error> {
    let series = if spec.kind.aggregates() { Some(crate::series::build(spec, frame)?) } else { None };
    let cx = Ctx { spec, frame, whole: frame, series: series.as_ref() };
    let view = kind(spec.kind).view;
    let annotated = |cx: &Ctx| -> Result<View, Error> {
        let mut body = view(cx)?;
        annotate::add(cx, &mut body)?;
        Ok(body)
    };
    // Small multiples whose layers carry data of their own (the kind's, or the annotations')
    // are written per panel and merged; the others split one view's data.
    let body = match &spec.facet {
        Some(facet) if multiples::own_data(spec.kind) || !spec.annotations.is_empty() => {
            panels::merge(&cx, facet, &annotated)?
        }
        _ => annotated(&cx)?,
    };
    let body = multiples::wrap(&cx, body)?;
    let mut top = vec![("$schema".to_string(), s("https://vega.github.io/schema/vega-lite/v5.json"))];
    if !spec.title.is_empty() || !spec.subtitle.is_empty() {
        top.push(("title".into(), obj(vec![("text", s(&spec.title)), ("subtitle", s(&spec.subtitle))])));
    }
    if let Some(src) = spec.source_line(crate::data::Lang::En) {
        top.push(("usermeta".into(), obj(vec![("source", s(&src))])));
    }
    top.extend(body);
    Ok(Json::Obj(top))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::custom::Custom;
    use crate::grammar::format::Locale;
    use crate::grammar::Chart;

    fn custom(csv: &str, spec: &str) -> Custom {
        Custom::new(serde_json::from_str(spec).unwrap(), Frame::from_csv(csv).unwrap()).unwrap()
    }

    /// The light theme.
    pub fn light() -> crate::theme::Theme {
        crate::theme::Theme::get(crate::theme::ThemeName::Light)
    }

    /// A chart of `csv` as `spec` says, or its error's text.
    pub fn try_chart(csv: &str, spec: &str) -> Result<Custom, String> {
        let spec = serde_json::from_str(spec).map_err(|e| e.to_string())?;
        Custom::new(spec, Frame::from_csv(csv).map_err(|e| e.to_string())?).map_err(|e| e.to_string())
    }

    /// A chart that must build.
    pub fn chart_of(csv: &str, spec: &str) -> Custom {
        try_chart(csv, spec).unwrap_or_else(|e| panic!("{spec}: {e}"))
    }

    /// The chart laid out at `width` (English, light), with the kind's label passes.
    pub fn laid(c: &Custom, width: f64) -> crate::layout::Layout {
        c.compiled(width, crate::data::Lang::En, &light()).unwrap().0.layout
    }

    /// The rectangles drawn, in drawing order.
    pub fn bars_of(c: &Custom, width: f64) -> Vec<crate::layout::Rect> {
        laid(c, width)
            .shapes
            .iter()
            .filter_map(|s| match &s.geom {
                crate::layout::Geom::Rect { rect, .. } => Some(*rect),
                _ => None,
            })
            .collect()
    }

    /// The fill colours of the rectangles drawn.
    pub fn fills(l: &crate::layout::Layout) -> Vec<Option<crate::theme::Rgb>> {
        l.shapes
            .iter()
            .filter(|s| matches!(s.geom, crate::layout::Geom::Rect { .. }))
            .map(|s| s.fill.map(|f| f.color))
            .collect()
    }

    /// The grammar's aggregated values for (x, colour), from the translated spec.
    fn grammar_values(c: &Custom) -> Vec<(String, String, Option<f64>)> {
        let json = to_vega_lite(&c.spec, &c.frame).unwrap();
        let chart = Chart::new(&json, &|_| Err("no data files here".to_string())).unwrap();
        chart.layout(640.0, Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light)).unwrap();
        let (u, f) = &chart.units[0];
        let across = matches!(c.spec.kind, Mark::Bar | Mark::StackedBar | Mark::GroupedBar);
        let ch = if across { crate::grammar::encoding::Channel::X } else { crate::grammar::encoding::Channel::Y };
        let y = u.encoding.get(ch).unwrap().column().unwrap();
        let t = &f.table;
        let (xi, yi) = (t.col(&c.spec.x).unwrap(), t.col(&y).unwrap());
        let ci = c.spec.color.as_ref().and_then(|k| t.col(k));
        t.rows
            .iter()
            .map(|r| (r[xi].to_text(), ci.map(|i| r[i].to_text()).unwrap_or_default(), r[yi].finite()))
            .collect()
    }

    #[test]
    fn translated_charts_show_the_shorthands_numbers() {
        let cases = [
            (
                "year,scope,count\n2021,global,4\n2021,national,33\n2023,global,15\n2023,national,38\n",
                r#"{"kind": "stacked-bar", "x": "year", "y": "count", "color": "scope"}"#,
            ),
            ("k,v\na,2\na,4\nb,7\nc,1\n", r#"{"kind": "bar", "x": "k", "y": "v", "sort": "y-descending"}"#),
            ("k,v\na,2\na,\na,4\nb,5\n", r#"{"kind": "bar", "x": "k", "y": "v", "aggregate": "mean"}"#),
            (
                "year,g,v\n2020,x,1\n2020,y,2\n2021,x,3\n2021,y,4\n",
                r#"{"kind": "grouped-bar", "x": "year", "y": "v", "color": "g"}"#,
            ),
            ("year,v\n2019,3\n2020,5\n2021,4\n", r#"{"kind": "line", "x": "year", "y": "v", "sort": "x"}"#),
        ];
        for (csv, spec) in cases {
            let c = custom(csv, spec);
            let got = grammar_values(&c);
            let s = c.series.as_ref().unwrap();
            for (g, group) in s.groups.iter().enumerate() {
                for (k, cat) in s.categories.iter().enumerate() {
                    if !s.present[g][k] {
                        continue;
                    }
                    let want = s.values[g][k];
                    let found = got.iter().find(|(x, col, _)| x == cat && (s.groups.len() == 1 || col == group));
                    let found = found.unwrap_or_else(|| panic!("{spec}: no grammar row for {cat}/{group}: {got:?}"));
                    assert_eq!(found.2, want, "{spec}: {cat}/{group}");
                }
            }
        }
    }

    #[test]
    fn sort_and_highlight_become_grammar() {
        let c = custom(
            "k,v\na,2\nb,7\n",
            r#"{"kind": "bar", "x": "k", "y": "v", "sort": "y-descending", "highlight": ["b"], "title": "T"}"#,
        );
        let j = to_vega_lite(&c.spec, &c.frame).unwrap();
        let text = j.to_text();
        assert!(text.contains(r#""sort":"-x""#), "{text}");
        assert!(text.contains(r#""test":"indexof([\"b\"], toString(datum[\"k\"])) >= 0""#), "{text}");
        let chart = Chart::new(&j, &|_| Err("no data files here".to_string())).unwrap();
        let l = chart.layout(640.0, Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light)).unwrap();
        let x = l.scales.list.iter().find(|r| r.channel.name() == "y").unwrap();
        assert_eq!(format!("{:?}", x.scale.domain()), r#"Discrete([Str("b"), Str("a")])"#);
    }
}
