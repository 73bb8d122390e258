//! The catalogue of bad (and awkward) inputs in `tests/fixtures/catalogue/catalogue.json`: each
//! entry must give either a clean render (layout at 320, 640 and 1280 px with no overlapping or
//! clipped labels and every mark inside the plot, and an SVG) or an error whose message names
//! what is wrong and where. The end-to-end test `tests/e2e/hostile.test.mjs` runs the same
//! entries through the widget in a browser.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::rc::Rc;

use news_infographic::chart::ChartDef;
use news_infographic::custom::Custom;
use news_infographic::frame::{Frame, JsonRows};
use news_infographic::spec::Spec;
use news_infographic::{export, ChartKind, Dataset, Error, Lang, Theme, ThemeName};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue")
}

/// Data text for an entry: its file, or generated for the very large cases.
fn data_text(e: &Value) -> (String, bool) {
    if let Some(g) = e["generate"].as_str() {
        let (what, n) = g.split_once(':').unwrap();
        let n: usize = n.parse().unwrap();
        let text = match what {
            "categories" => {
                let mut s = String::from("k,v\n");
                for i in 0..n {
                    s += &format!("c{i},1\n");
                }
                s
            }
            "label" => format!("k,v\n{},1\n", "x".repeat(n)),
            other => panic!("unknown generator {other}"),
        };
        return (text, true);
    }
    let file = e["data"].as_str().unwrap();
    (std::fs::read_to_string(dir().join(file)).unwrap(), file.ends_with(".csv"))
}

fn custom(e: &Value) -> Result<ChartDef, String> {
    let spec: Spec = serde_json::from_value(e["spec"].clone()).map_err(|x| x.to_string())?;
    let (text, is_csv) = data_text(e);
    let frame = if is_csv {
        // As the widget reads CSV: large line, dot and summing charts by their own readers.
        return ChartDef::from_csv(spec, &text).map_err(|x| x.to_string());
    } else {
        let d: JsonRows = serde_json::from_str(&text).map_err(|x| x.to_string())?;
        Frame::from_rows(d.0).map_err(|x| x.to_string())?
    };
    Custom::new(spec, frame).map(|c| ChartDef::Custom(Rc::new(c))).map_err(|x: Error| x.to_string())
}

fn story(e: &Value) -> Result<Vec<ChartDef>, String> {
    let (text, _) = data_text(e);
    let d = Rc::new(Dataset::from_json(&text).map_err(|x| x.to_string())?);
    Ok(ChartKind::ALL.iter().map(|k| ChartDef::Preset(*k, Rc::clone(&d))).collect())
}

fn render_clean(id: &str, def: &ChartDef) {
    for lang in [Lang::En, Lang::Zh] {
        for w in [320.0, 640.0, 1280.0] {
            let l = def
                .layout(w, lang, &Theme::get(ThemeName::Light))
                .unwrap_or_else(|e| panic!("{id}: layout failed: {e}"));
            assert!(l.overlapping_labels().is_empty(), "{id} at {w}: overlapping labels");
            assert!(l.clipped_labels().is_empty(), "{id} at {w}: clipped labels {:?}", l.clipped_labels());
            assert!(l.bars_outside_plot().is_empty(), "{id} at {w}: marks outside the plot");
            let svg = export::svg(&l).unwrap();
            assert!(svg.starts_with("<svg"));
            assert!(
                !svg.contains("<script") && !svg.contains("<img") && !svg.contains("<iframe"),
                "{id}: markup from data reached the SVG"
            );
        }
    }
}

#[test]
fn every_catalogue_entry_renders_or_fails_clearly() {
    let list: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("catalogue.json")).unwrap()).unwrap();
    assert!(list.len() >= 40, "the catalogue holds at least 40 inputs");
    let mut errors = 0;
    let mut failures: Vec<String> = Vec::new();
    for e in &list {
        let id = e["id"].as_str().unwrap();
        let expect = e["native_expect"].as_str().or(e["expect"].as_str()).unwrap();
        let result = match e["kind"].as_str().unwrap() {
            "custom" => custom(e).map(|d| vec![d]),
            "story" => story(e),
            other => panic!("{id}: unknown kind {other}"),
        };
        match (expect, result) {
            ("ok", Ok(defs)) => {
                for d in &defs {
                    render_clean(id, d);
                }
                if let Some(rows) = e["table"].as_array() {
                    let want: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| r.as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect())
                        .collect();
                    assert_eq!(defs[0].table(Lang::En).rows, want, "{id}: table");
                }
            }
            ("ok", Err(msg)) => failures.push(format!("{id}: expected a render, got the error {msg}")),
            (want, Ok(_)) => failures.push(format!("{id}: expected an error containing {want:?}, but it rendered")),
            (want, Err(msg)) => {
                errors += 1;
                if !msg.contains(want) {
                    failures.push(format!("{id}: error {msg:?} does not contain {want:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} catalogue entries failed:\n{}", failures.len(), failures.join("\n"));
    assert!(errors >= 25, "most catalogue entries are errors: {errors}");
}
