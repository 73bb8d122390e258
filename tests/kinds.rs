//! The newsroom kinds' gallery (`www/data/gallery/`, shown by `www/examples/gallery.html`):
//! every spec builds, is one of the JSON Schema's examples, draws one SVG snapshot per kind,
//! and stays clean (no overlapping or clipped labels, marks inside the plot) at phone and
//! desktop widths; every kind of the schema's enum has a gallery chart.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use news_infographic::chart::ChartDef;
use news_infographic::custom::Custom;
use news_infographic::frame::Frame;
use news_infographic::spec::{Mark, Spec};
use news_infographic::{export, Lang, Theme, ThemeName};

fn gallery() -> Vec<(String, Custom)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/data/gallery");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".spec.json").map(String::from))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let spec: Spec =
                serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{n}.spec.json"))).unwrap())
                    .unwrap_or_else(|e| panic!("{n}: {e}"));
            let frame = Frame::from_csv(&std::fs::read_to_string(dir.join(format!("{n}.csv"))).unwrap()).unwrap();
            let c = Custom::new(spec, frame).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, c)
        })
        .collect()
}

#[test]
fn every_kind_has_a_gallery_chart_and_a_schema_example() {
    let g = gallery();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/schema/chart-spec.schema.json"))
            .unwrap(),
    )
    .unwrap();
    let kinds: Vec<&str> =
        schema["properties"]["kind"]["enum"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(kinds, Mark::ALL.iter().map(|(_, n)| *n).collect::<Vec<_>>(), "the schema lists every kind, in order");
    let examples = schema["examples"].as_array().unwrap();
    for (_, name) in Mark::ALL {
        if ["stacked-bar", "grouped-bar", "line", "dot"].contains(&name) {
            continue; // the first kinds' examples are in the schema and www/data/examples/
        }
        assert!(g.iter().any(|(_, c)| c.spec.kind.name() == name), "no gallery chart of kind {name}");
        assert!(examples.iter().any(|e| e["kind"] == name), "no schema example of kind {name}");
    }
}

#[test]
fn gallery_kind_snapshots() {
    for (name, c) in gallery() {
        let def = ChartDef::Custom(Rc::new(c));
        let l = def.layout(640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
        common::check_snapshot(&format!("kind-{name}-640"), &export::svg(&l).unwrap());
    }
}

#[test]
fn gallery_charts_are_clean_on_phones_and_desktops() {
    for (name, c) in gallery() {
        let def = ChartDef::Custom(Rc::new(c));
        for w in [320.0, 375.0, 768.0, 1280.0, 2000.0] {
            for theme in [ThemeName::Light, ThemeName::Dark] {
                let l = def.layout(w, Lang::En, &Theme::get(theme)).unwrap();
                let o = l.overlapping_labels();
                assert!(
                    o.is_empty(),
                    "{name} at {w}: {:?}",
                    o.iter().map(|&(a, b)| (&l.labels[a].text, &l.labels[b].text)).collect::<Vec<_>>()
                );
                assert!(
                    l.clipped_labels().is_empty(),
                    "{name} at {w}: clipped {:?}",
                    l.clipped_labels().iter().map(|&i| &l.labels[i].text).collect::<Vec<_>>()
                );
                let p = l.plot;
                for it in &l.items {
                    // Every mark's centre is inside the plot (a bubble at the edge may spill
                    // over it, as in Vega-Lite).
                    let m = it.mark;
                    let (cx, cy) = (m.x + m.w / 2.0, m.y + m.h / 2.0);
                    assert!(
                        cx >= p.x - 1.0 && cx <= p.right() + 1.0 && cy >= p.y - 1.0 && cy <= p.bottom() + 1.0,
                        "{name} at {w}: mark {m:?} outside the plot {p:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_waffle_tells_the_story_15_of_53() {
    let g = gallery();
    let (_, c) = g.iter().find(|(n, _)| n == "waffle").unwrap();
    let def = ChartDef::Custom(Rc::new(c.clone()));
    let l = def.layout(640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
    assert_eq!(l.items.len(), 53, "one keyboard stop per product");
    let first = l.items.iter().filter(|i| i.title.contains("First in the world")).count();
    assert_eq!(first, 15, "{:?}", l.items.first());
}
