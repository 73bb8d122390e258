//! The Vega-Lite engine end to end, natively: the catalogue of bad and awkward specs
//! (`tests/fixtures/vega-lite/catalogue.json`: each entry gives a clean chart or an error whose
//! message names the JSON path), the example gallery (`www/data/vega-lite/*.vl.json`) laid out at
//! widths from 320 to 2000 px with every axis label clear of the others and every mark inside the
//! plot, SVG snapshots of each gallery chart (`tests/snapshots/vl-*.svg`; `UPDATE_SNAPSHOTS=1`
//! accepts new output, a mismatch writes `.new.svg`), and the stages' outputs checked directly.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use common::check_snapshot;

use news_infographic::export::svg;
use news_infographic::grammar::format::Locale;
use news_infographic::grammar::mark::MarkType;
use news_infographic::grammar::{Chart, Json, Value};
use news_infographic::layout::{Geom, Layout, Rect};
use news_infographic::{Theme, ThemeName};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Reads data URLs as the example page would resolve them (relative to `www/examples/`).
fn read(url: &str) -> Result<String, String> {
    if url.contains("://") {
        return Err("not a local file".into());
    }
    std::fs::read_to_string(repo().join("www/examples").join(url)).map_err(|e| e.to_string())
}

fn chart(json: &Json) -> Result<Chart, String> {
    Chart::new(json, &read).map_err(|e| e.to_string())
}

fn light() -> Theme {
    Theme::get(ThemeName::Light)
}

/// No two axis or legend labels overlap, none leaves the frame, every shape lies inside the
/// layout, and every hit item has an area and lines.
fn assert_clean(l: &Layout, what: &str) {
    let frame = Rect::new(-0.5, -0.5, l.width + 1.0, l.height + 1.0);
    let outside_plot: Vec<usize> = (0..l.labels.len())
        .filter(|&i| {
            let b = l.labels[i].bbox();
            !(b.x >= l.plot.x && b.right() <= l.plot.right() && b.y >= l.plot.y && b.bottom() <= l.plot.bottom())
        })
        .collect();
    for (n, &i) in outside_plot.iter().enumerate() {
        let a = l.labels[i].bbox();
        assert!(frame.encloses(&a), "{what}: label {:?} leaves the frame {a:?}", l.labels[i].text);
        for &j in &outside_plot[n + 1..] {
            let b = l.labels[j].bbox();
            assert!(
                !a.intersects(&b),
                "{what}: guide labels {:?} and {:?} overlap",
                l.labels[i].text,
                l.labels[j].text
            );
        }
    }
    for s in &l.shapes {
        let pts: Vec<(f64, f64)> = match &s.geom {
            Geom::Rect { rect, .. } => vec![(rect.x, rect.y), (rect.right(), rect.bottom())],
            Geom::Polygon(p) | Geom::Line(p) => p.clone(),
            Geom::Circle { x, y, .. } => vec![(*x, *y)],
        };
        for (x, y) in pts {
            assert!(x.is_finite() && y.is_finite(), "{what}: a shape has a non-finite point");
            assert!(frame.contains(x, y), "{what}: shape point ({x}, {y}) outside the {}x{} layout", l.width, l.height);
        }
    }
    for it in &l.items {
        assert!(it.rect.w > 0.0 && it.rect.h > 0.0, "{what}: empty hit area for {}", it.title);
        assert!(!it.lines.is_empty(), "{what}: item {} has no tooltip lines", it.title);
    }
    assert!(l.height > 0.0);
}

#[test]
fn catalogue_entries_draw_cleanly_or_name_the_path() {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/vega-lite/catalogue.json")).unwrap();
    let entries = Json::parse(&text).unwrap();
    let list = entries.arr(&Default::default()).unwrap();
    assert!(list.len() >= 25);
    for e in list {
        let id = e.get("id").and_then(|v| if let Json::Str(s) = v { Some(s.clone()) } else { None }).unwrap();
        let expect = match e.get("expect") {
            Some(Json::Str(s)) => s.clone(),
            _ => panic!("{id}: no expect"),
        };
        let spec = e.get("spec").unwrap();
        let result = chart(spec).and_then(|c| {
            for w in [320.0, 640.0, 1280.0] {
                let l = c.layout(w, Locale::En, &light()).map_err(|e| e.to_string())?;
                assert_clean(&l.layout, &format!("{id} at {w}"));
                svg(&l.layout).map_err(|e| e.to_string())?;
            }
            Ok(c)
        });
        match (expect.as_str(), result) {
            ("ok", Ok(_)) => {}
            ("ok", Err(m)) => panic!("{id}: expected a chart, got: {m}"),
            (want, Ok(_)) => panic!("{id}: expected an error containing {want:?}, got a chart"),
            (want, Err(m)) => assert!(m.contains(want), "{id}: error {m:?} does not contain {want:?}"),
        }
    }
}

fn gallery() -> Vec<(String, Json)> {
    let dir = repo().join("www/data/vega-lite");
    let mut out: Vec<(String, Json)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            let name = p.file_name()?.to_str()?.strip_suffix(".vl.json")?.to_string();
            Some((name, Json::parse(&std::fs::read_to_string(&p).ok()?).ok()?))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn gallery_charts_are_clean_at_every_width() {
    let g = gallery();
    assert!(g.len() >= 10, "gallery specs missing");
    for (name, spec) in &g {
        let c = chart(spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        for w in [320.0, 375.0, 480.0, 640.0, 800.0, 1024.0, 1280.0, 2000.0] {
            for theme in [ThemeName::Light, ThemeName::Dark] {
                let l = c.layout(w, Locale::En, &Theme::get(theme)).unwrap_or_else(|e| panic!("{name} at {w}: {e}"));
                assert_clean(&l.layout, &format!("{name} at {w}"));
                assert!(!l.layout.items.is_empty(), "{name} at {w}: nothing to point at");
            }
        }
        let zh = c.layout(640.0, Locale::Zh, &light()).unwrap();
        assert_clean(&zh.layout, &format!("{name} in Chinese"));
    }
}

/// Catalogue entries worth a picture of their own: their layout at 640 px as an SVG snapshot.
#[test]
fn catalogue_snapshots() {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/vega-lite/catalogue.json")).unwrap();
    let entries = Json::parse(&text).unwrap();
    for id in ["facet-row-column-headers", "dozen-series"] {
        let e = entries.arr(&Default::default()).unwrap().iter().find(|e| e.get("id") == Some(&Json::Str(id.into())));
        let c = chart(e.unwrap_or_else(|| panic!("no entry {id}")).get("spec").unwrap()).unwrap();
        let l = c.layout(640.0, Locale::En, &light()).unwrap();
        check_snapshot(&format!("vl-{id}-640"), &svg(&l.layout).unwrap());
    }
}

#[test]
fn gallery_snapshots() {
    for (name, spec) in gallery() {
        let c = chart(&spec).unwrap();
        let l = c.layout(640.0, Locale::En, &light()).unwrap();
        check_snapshot(&format!("vl-{name}-640"), &svg(&l.layout).unwrap());
    }
}

fn counts(c: &Chart) -> Vec<(MarkType, usize)> {
    c.layout(640.0, Locale::En, &light()).unwrap().counts
}

#[test]
fn stages_compute_what_vega_lite_documents() {
    let g: std::collections::HashMap<String, Json> = gallery().into_iter().collect();
    // Data flow: calculate + fold give 37 - 4 = 33 and 53 - 15 = 38 national-only products,
    // stacked on the global ones (bars sorted by colour, descending, as Vega-Lite stacks y).
    let c = chart(&g["stacked"]).unwrap();
    let (_, f) = &c.units[0];
    let t = &f.table;
    let get = |r: &Vec<Value>, k: &str| r[t.col(k).unwrap()].clone();
    let national: Vec<f64> = t
        .rows
        .iter()
        .filter(|r| get(r, "scope") == Value::str("national only"))
        .map(|r| get(r, "products").finite().unwrap())
        .collect();
    assert_eq!(national, vec![33.0, 38.0]);
    let top_2023 = t
        .rows
        .iter()
        .filter(|r| get(r, "year").as_num() == Some(2023.0))
        .map(|r| get(r, "products_end").finite().unwrap())
        .fold(0.0, f64::max);
    assert_eq!(top_2023, 53.0);
    // Scales: the stacked y domain [0, 53] niced as d3 does with 10 ticks (step 5) to [0, 55].
    let l = c.layout(640.0, Locale::En, &light()).unwrap();
    let y = l.scales.list.iter().find(|r| r.channel.name() == "y").unwrap();
    assert_eq!(format!("{:?}", y.scale.domain()), "Continuous(0.0, 55.0)");
    assert_eq!(counts(&c), vec![(MarkType::Bar, 4)]);
    // Marks: the donut's two slices cover the whole circle, 15/53 of it global.
    let d = chart(&g["donut"]).unwrap();
    let l = d.layout(640.0, Locale::En, &light()).unwrap();
    assert_eq!(l.counts, vec![(MarkType::Arc, 2)]);
    let (_, f) = &d.units[0];
    let ends: Vec<f64> =
        f.table.rows.iter().map(|r| r[f.table.col("products_end").unwrap()].finite().unwrap()).collect();
    assert!(ends.contains(&53.0));
    // Guides: the line chart's x axis is a time axis with the two years as labels.
    let lc = chart(&g["line"]).unwrap();
    let l = lc.layout(640.0, Locale::En, &light()).unwrap();
    let texts: Vec<&str> = l.layout.labels.iter().map(|x| x.text.as_str()).collect();
    assert!(texts.contains(&"2021") && texts.contains(&"2023"), "{texts:?}");
    assert_eq!(l.counts.iter().find(|(m, _)| *m == MarkType::Line).map(|x| x.1), Some(2));
}

#[test]
fn missing_values_are_reported_not_drawn_as_zero() {
    let spec = Json::parse(r#"{"data": {"values": [{"a": "x", "b": 3}, {"a": "y", "b": null}, {"a": "z", "b": 5}]},
        "mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}"#).unwrap();
    let c = chart(&spec).unwrap();
    let l = c.layout(640.0, Locale::En, &light()).unwrap();
    assert_eq!(l.counts, vec![(MarkType::Bar, 2)]);
    let notes = c.notes(&l, Locale::En);
    assert_eq!(notes, vec!["1 row is not drawn: a value it needs is missing or not a number.".to_string()]);
}

#[test]
fn the_brand_accent_is_the_first_colour_of_every_chart() {
    let spec = Json::parse(r#"{"data": {"values": [{"a": "x", "b": 3}, {"a": "y", "b": 4}]}, "mark": "bar",
        "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}, "color": {"field": "a", "type": "nominal"}}}"#).unwrap();
    let c = chart(&spec).unwrap();
    let mut theme = light();
    let accent = news_infographic::theme::Rgb(200, 30, 90);
    news_infographic::style::Style { accent: Some(accent), ..Default::default() }.apply(&mut theme);
    let l = c.layout(640.0, Locale::En, &theme).unwrap();
    let first =
        l.layout.shapes.iter().find_map(|s| if let Geom::Rect { .. } = s.geom { s.fill } else { None }).unwrap();
    assert_eq!(first.color, accent);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A spec of `mark` over rows of a category, a series and a value (some missing, some negative).
    fn spec(mark: &str, rows: &[(u8, u8, Option<i32>)], stacked: bool) -> Json {
        let values: Vec<String> = rows
            .iter()
            .map(|(c, s, v)| {
                let v = v.map(|v| v.to_string()).unwrap_or_else(|| "null".into());
                format!(r#"{{"c": "category {c}", "s": "series {s}", "t": {c}, "v": {v}}}"#)
            })
            .collect();
        let enc = match mark {
            "arc" => r#"{"theta": {"field": "v", "type": "quantitative", "aggregate": "sum"}, "color": {"field": "c", "type": "nominal"}}"#.to_string(),
            "rect" => r#"{"x": {"field": "c", "type": "nominal"}, "y": {"field": "s", "type": "nominal"}, "color": {"field": "v", "type": "quantitative", "aggregate": "mean"}}"#.to_string(),
            "line" | "area" => r#"{"x": {"field": "t", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative", "aggregate": "sum"}, "color": {"field": "s", "type": "nominal"}}"#.to_string(),
            _ => format!(
                r#"{{"x": {{"field": "c", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative", "aggregate": "sum"}}{}}}"#,
                if stacked { r#", "color": {"field": "s", "type": "nominal"}"# } else { "" }
            ),
        };
        Json::parse(&format!(
            r#"{{"data": {{"values": [{}]}}, "mark": "{mark}", "encoding": {enc}}}"#,
            values.join(",")
        ))
        .unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// Any data, any width from 320 to 2000 px: guide labels never overlap or leave the frame,
        /// every mark stays inside the layout, every item can be pointed at; stacked totals equal
        /// the sums of their segments.
        #[test]
        fn any_chart_at_any_width_is_clean(
            mark in prop::sample::select(vec!["bar", "line", "area", "point", "tick", "rect", "arc", "circle"]),
            rows in prop::collection::vec((0u8..14, 0u8..12, prop::option::weighted(0.9, -500i32..5000)), 0..80),
            stacked in any::<bool>(),
            width in 320.0f64..2000.0,
        ) {
            let c = Chart::new(&spec(mark, &rows, stacked), &|_| Err("no data files here".to_string())).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let l = c.layout(width, Locale::En, &light()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            assert_clean(&l.layout, &format!("{mark} at {width}"));
            if mark == "bar" && stacked {
                let (_, f) = &c.units[0];
                let t = &f.table;
                let (ci, ei, vi) = (t.col("c").unwrap(), t.col("sum_v_end").unwrap(), t.col("sum_v").unwrap());
                for cat in 0u8..14 {
                    let key = Value::str(&format!("category {cat}"));
                    let pos: f64 = t.rows.iter().filter(|r| r[ci] == key).filter_map(|r| r[vi].finite()).filter(|v| *v > 0.0).sum();
                    let top = t.rows.iter().filter(|r| r[ci] == key).filter_map(|r| r[ei].finite()).fold(0.0, f64::max);
                    prop_assert!((pos - top).abs() < 1e-6, "category {cat}: positive segments sum to {pos}, the stack tops at {top}");
                }
            }
        }
    }
}
