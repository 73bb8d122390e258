//! Browser tests (wasm-bindgen-test, headless Chromium): the real wasm edge draws a chart into a
//! real canvas, and the pixels and hit-tests are checked.
#![cfg(target_arch = "wasm32")]

use news_infographic::data::BINZHOU_JSON;
use news_infographic::wasm::Story;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn story() -> Story {
    let json = js_sys::JSON::parse(BINZHOU_JSON).unwrap();
    Story::new(json).unwrap_or_else(|_| panic!("the shipped dataset loads"))
}

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

/// Counts pixels within a small distance of `rgb`.
fn count(c: &HtmlCanvasElement, rgb: (u8, u8, u8)) -> usize {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64).unwrap().data();
    data.chunks(4)
        .filter(|p| {
            let d = |a: u8, b: u8| (a as i32 - b as i32).abs();
            d(p[0], rgb.0) + d(p[1], rgb.1) + d(p[2], rgb.2) < 12 && p[3] == 255
        })
        .count()
}

#[wasm_bindgen_test]
fn stacked_bars_are_painted_at_device_resolution() {
    let s = story();
    let mut chart = s.chart("champions-by-year", "en", "light").map_err(|_| ()).unwrap();
    let c = canvas();
    let h = chart.render(&c, 640.0, 2.0).map_err(|_| ()).unwrap();
    assert_eq!(c.width(), 1280, "canvas is CSS width x devicePixelRatio");
    assert_eq!(c.height(), (h * 2.0).round() as u32);
    let orange = count(&c, (194, 65, 12)); // first in the world: 4 + 15
    let blue = count(&c, (37, 99, 160)); // first in China only: 33 + 38
    assert!(orange > 5_000, "world-first segments painted: {orange}");
    // Same bar width, heights 33 + 38 against 4 + 15: areas in the ratio 71 / 19 (labels aside).
    let ratio = blue as f64 / orange as f64;
    assert!((ratio - 71.0 / 19.0).abs() < 0.3, "China-only vs world-first area {ratio}");
    let white = count(&c, (255, 255, 255));
    assert!(white > (c.width() * c.height()) as usize / 2, "background painted white");
}

#[wasm_bindgen_test]
fn hit_test_finds_the_2023_bar() {
    let s = story();
    let mut chart = s.chart("champions-by-year", "en", "light").map_err(|_| ()).unwrap();
    let c = canvas();
    let h = chart.render(&c, 640.0, 1.0).map_err(|_| ()).unwrap();
    assert_eq!(chart.item_count(), 2);
    let i = chart.hit(640.0 * 0.75, h * 0.7);
    assert_eq!(i, 1, "right half of the chart is 2023");
    assert_eq!(chart.hit(2.0, 2.0), -1);
    let tip = chart.tooltip(1).map_err(|_| ()).unwrap();
    let text = js_sys::JSON::stringify(&tip).unwrap().as_string().unwrap();
    for n in ["53 champion products", "15 first in the world", "38 first in China only"] {
        assert!(text.contains(n), "{n} not in {text}");
    }
}

#[wasm_bindgen_test]
fn dark_theme_and_chinese_draw_too() {
    let s = story();
    let mut chart = s.chart("champions-by-industry", "zh", "dark").map_err(|_| ()).unwrap();
    let c = canvas();
    chart.render(&c, 320.0, 1.0).map_err(|_| ()).unwrap();
    assert!(count(&c, (24, 26, 31)) > 10_000, "dark background");
    assert!(count(&c, (125, 211, 252)) > 100, "later-year bars in the dark palette");
    assert!(chart.summary().contains("8个行业"));
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_not_a_panic() {
    let s = story();
    assert!(s.chart("pie", "en", "light").is_err());
    assert!(s.chart("champions-by-year", "fr", "light").is_err());
    let bad = js_sys::JSON::parse(r#"{"id":"x"}"#).unwrap();
    assert!(Story::new(bad).is_err());
}

#[wasm_bindgen_test]
fn large_tables_are_cut_on_the_page_but_not_in_the_csv() {
    let mut csv = String::from("x,y\n");
    for i in 0..600 {
        csv += &format!("{i},{}\n", i % 7);
    }
    let spec = js_sys::JSON::parse(r#"{"kind":"line","x":"x","y":"y"}"#).unwrap();
    let chart = news_infographic::wasm::custom_chart(Some(csv), wasm_bindgen::JsValue::UNDEFINED, spec, "en", "light")
        .map_err(|_| ())
        .unwrap();
    let t = chart.table().map_err(|_| ()).unwrap();
    let rows = js_sys::Reflect::get(&t, &"rows".into()).unwrap();
    assert_eq!(js_sys::Array::from(&rows).length(), 500);
    assert_eq!(js_sys::Reflect::get(&t, &"total_rows".into()).unwrap().as_f64(), Some(600.0));
    let note = js_sys::Reflect::get(&t, &"note".into()).unwrap().as_string().unwrap();
    assert_eq!(note, "The first 500 of 600 rows; “Get the data” has them all.");
    assert_eq!(chart.csv().lines().count(), 601, "the CSV has every row");
}

/// A Vega-Lite bar chart through the wasm edge: drawn in the accent colour at device
/// resolution, bar heights in the ratio of the data, and hit-tests that find each bar.
#[wasm_bindgen_test]
fn vega_lite_bars_are_drawn_and_hit() {
    let spec = js_sys::JSON::parse(
        r#"{"data": {"values": [{"k": "a", "v": 10}, {"k": "b", "v": 30}]}, "mark": "bar",
            "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#,
    )
    .unwrap();
    let mut chart = news_infographic::wasm::vega_lite_chart(spec, wasm_bindgen::JsValue::UNDEFINED, "en", "light")
        .map_err(|_| ())
        .unwrap();
    let c = canvas();
    let h = chart.render(&c, 640.0, 2.0).map_err(|_| ()).unwrap();
    assert_eq!(c.width(), 1280);
    assert_eq!(c.height(), (h * 2.0).round() as u32);
    let accent = news_infographic::Theme::get(news_infographic::ThemeName::Light).palette[0];
    let painted = count(&c, (accent.0, accent.1, accent.2));
    assert!(painted > 10_000, "bars painted in the first palette colour: {painted}");
    assert_eq!(chart.item_count(), 2);
    assert_eq!(chart.name(), "vega-lite");
    // Bars: a at the left third, b at the right; b is three times as tall.
    let hit_a = chart.hit(640.0 * 0.3, h * 0.7);
    let hit_b = chart.hit(640.0 * 0.75, h * 0.7);
    assert_eq!((hit_a, hit_b), (0, 1));
    assert!(chart.describe(1).contains("30"), "{}", chart.describe(1));
}

/// A bad spec is a JavaScript error naming its path, not a panic.
#[wasm_bindgen_test]
fn vega_lite_errors_name_the_path() {
    let spec = js_sys::JSON::parse(r#"{"data": {"values": []}, "mark": "bar", "encoding": {"x": {"field": "k", "scale": {"type": "sequential"}}}}"#).unwrap();
    let err =
        news_infographic::wasm::vega_lite_chart(spec, wasm_bindgen::JsValue::UNDEFINED, "en", "light").err().unwrap();
    let msg: String = js_sys::Error::from(wasm_bindgen::JsValue::from(err)).message().into();
    assert!(msg.starts_with("unsupported at `encoding.x.scale.type`: \"sequential\""), "{msg}");
}
