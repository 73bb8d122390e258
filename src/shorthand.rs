//! The simple chart spec (`kind`, `x`, `y`, `color`, `aggregate`, `sort`, `highlight`, ...) as
//! the Vega-Lite spec it stands for: [`to_vega_lite`] writes the same chart in the grammar, with
//! the data inline, so a newsroom can take a shorthand chart into any Vega-Lite tool and the
//! grammar engine draws it from the same numbers (the tests check the aggregated values agree).

use crate::frame::{Cell, Frame};
use crate::grammar::Json;
use crate::spec::{Aggregate, Mark, Sort, Spec};

fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

fn obj(pairs: Vec<(&str, Json)>) -> Json {
    Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The field name as a Vega-Lite field reference (dots and brackets escaped).
fn field(name: &str) -> Json {
    let mut out = String::new();
    for c in name.chars() {
        if matches!(c, '.' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    Json::Str(out)
}

/// The chart as a Vega-Lite spec with its data inline.
pub fn to_vega_lite(spec: &Spec, frame: &Frame) -> Json {
    let rows: Vec<Json> = frame
        .rows
        .iter()
        .map(|r| {
            Json::Obj(
                frame
                    .columns
                    .iter()
                    .zip(r)
                    .map(|(k, cell)| {
                        let v = match cell {
                            Cell::Num(n) => Json::Num(*n),
                            Cell::Text(t) => Json::Str(t.clone()),
                            Cell::Missing => Json::Null,
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            )
        })
        .collect();
    let op = match spec.aggregate {
        Aggregate::Sum => Some("sum"),
        Aggregate::Mean => Some("mean"),
        Aggregate::Count => Some("count"),
        Aggregate::Min => Some("min"),
        Aggregate::Max => Some("max"),
        Aggregate::None => None,
    };
    let mut y = vec![("field", field(&spec.y)), ("type", s("quantitative")), ("title", s(&spec.y))];
    if let Some(op) = op {
        y.push(("aggregate", s(op)));
    }
    let sort = match spec.sort {
        Sort::Data => Json::Null,
        Sort::X => s("ascending"),
        Sort::YAscending => s("y"),
        Sort::YDescending => s("-y"),
    };
    let line_like = matches!(spec.kind, Mark::Line | Mark::Dot);
    let x = obj(vec![
        ("field", field(&spec.x)),
        ("type", s(if line_like { "ordinal" } else { "nominal" })),
        ("sort", sort),
        ("title", s(&spec.x)),
    ]);
    let mut enc = vec![("x", x), ("y", obj(y))];
    if let Some(col) = &spec.color {
        enc.push(("color", obj(vec![("field", field(col)), ("type", s("nominal")), ("title", s(col))])));
        if spec.kind == Mark::GroupedBar {
            enc.push(("xOffset", obj(vec![("field", field(col)), ("type", s("nominal"))])));
        }
    }
    if !spec.highlight.is_empty() {
        // Highlighted x (or colour) values at full strength, the rest faded.
        let list: Vec<String> = spec.highlight.iter().map(|h| Json::Str(h.clone()).to_text()).collect();
        let mut keys = vec![Json::Str(spec.x.clone()).to_text()];
        keys.extend(spec.color.iter().map(|c| Json::Str(c.clone()).to_text()));
        let test = keys
            .iter()
            .map(|k| format!("indexof([{}], toString(datum[{k}])) >= 0", list.join(", ")))
            .collect::<Vec<_>>()
            .join(" || ");
        enc.push((
            "opacity",
            obj(vec![
                ("condition", obj(vec![("test", s(&test)), ("value", Json::Num(1.0))])),
                ("value", Json::Num(0.3)),
            ]),
        ));
    }
    let mark = match spec.kind {
        Mark::Bar | Mark::StackedBar | Mark::GroupedBar => s("bar"),
        Mark::Line => obj(vec![("type", s("line")), ("point", Json::Bool(true))]),
        Mark::Dot => s("circle"),
    };
    let mut top = vec![("$schema", s("https://vega.github.io/schema/vega-lite/v5.json"))];
    if !spec.title.is_empty() || !spec.subtitle.is_empty() {
        top.push(("title", obj(vec![("text", s(&spec.title)), ("subtitle", s(&spec.subtitle))])));
    }
    if let Some(src) = spec.source_line(crate::data::Lang::En) {
        top.push(("usermeta", obj(vec![("source", s(&src))])));
    }
    top.push(("data", obj(vec![("values", Json::Arr(rows))])));
    top.push(("mark", mark));
    top.push(("encoding", obj(enc)));
    obj(top)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::custom::Custom;
    use crate::grammar::format::Locale;
    use crate::grammar::Chart;

    fn custom(csv: &str, spec: &str) -> Custom {
        Custom::new(serde_json::from_str(spec).unwrap(), Frame::from_csv(csv).unwrap()).unwrap()
    }

    /// The grammar's aggregated values for (x, colour), from the translated spec.
    fn grammar_values(c: &Custom) -> Vec<(String, String, Option<f64>)> {
        let json = to_vega_lite(&c.spec, &c.frame);
        let chart = Chart::new(&json, &|_| Err("no data files here".to_string())).unwrap();
        chart.layout(640.0, Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light)).unwrap();
        let (u, f) = &chart.units[0];
        let y = u.encoding.get(crate::grammar::encoding::Channel::Y).unwrap().column().unwrap();
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
            let s = &c.series;
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
        let j = to_vega_lite(&c.spec, &c.frame);
        let text = j.to_text();
        assert!(text.contains(r#""sort":"-y""#), "{text}");
        assert!(text.contains(r#""test":"indexof([\"b\"], toString(datum[\"k\"])) >= 0""#), "{text}");
        let chart = Chart::new(&j, &|_| Err("no data files here".to_string())).unwrap();
        let l = chart.layout(640.0, Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light)).unwrap();
        let x = l.scales.list.iter().find(|r| r.channel.name() == "x").unwrap();
        assert_eq!(format!("{:?}", x.scale.domain()), r#"Discrete([Str("b"), Str("a")])"#);
    }
}
