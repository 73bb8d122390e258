//! The browser edge (compiled for `wasm32` only): the one module that touches wasm-bindgen and
//! web-sys. It exposes opaque handles: [`Story`] owns a validated dataset and answers
//! queries; [`Chart`] owns one chart's current layout, draws it into a canvas and answers
//! hit-tests; [`Columns`] holds a table of typed columns for repeated queries (`columns.rs`).
//! Methods return small values (numbers, strings, small objects); no chart maths
//! happens in JavaScript.

use std::rc::Rc;
use std::sync::Once;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::chart::{ChartDef, ChartKind};
use crate::custom::Custom;
use crate::data::{Dataset, Lang};
use crate::error::Error;
use crate::frame::{Frame, JsonRows};
use crate::query::{self, Query};
use crate::spec::Spec;
use crate::theme::ThemeName;
use crate::xy::Xy;
use crate::{figures, text};

mod chart;
mod columns;
pub use chart::{Chart, TABLE_ROWS_SHOWN};
pub use columns::{Columns, Selection};

pub(crate) fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// serde-wasm-bindgen's errors print as JS errors ("Error: ..."); keep only the message.
fn de_msg(e: serde_wasm_bindgen::Error) -> String {
    e.to_string().replace("Error: ", "")
}

fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("news-infographic: internal error: {info}").into());
        }))
    });
}

pub(crate) fn theme_of(name: &str) -> Result<ThemeName, Error> {
    match name {
        "" | "light" => Ok(ThemeName::Light),
        "dark" => Ok(ThemeName::Dark),
        other => Err(Error::Invalid {
            path: "theme".into(),
            message: format!("\"{other}\" is not a theme (use \"light\" or \"dark\")"),
        }),
    }
}

/// A validated dataset, shared by the charts made from it.
#[wasm_bindgen]
pub struct Story {
    data: Rc<Dataset>,
}

#[wasm_bindgen]
impl Story {
    /// Takes a dataset object (as `JSON.parse` returns it) and validates it.
    #[wasm_bindgen(constructor)]
    pub fn new(dataset: JsValue) -> Result<Story, JsError> {
        install_panic_hook();
        let data: Dataset = serde_wasm_bindgen::from_value(dataset)
            .map_err(|e| Error::Parse { path: String::new(), message: de_msg(e) })?;
        data.validate()?;
        Ok(Story { data: Rc::new(data) })
    }

    /// The names of the charts this build draws.
    #[wasm_bindgen(js_name = chartNames)]
    pub fn chart_names() -> Vec<String> {
        ChartKind::NAMES.iter().map(|s| s.to_string()).collect()
    }

    /// The widget's own words (loading, buttons, keyboard help) in `lang`.
    pub fn ui(lang: &str) -> Result<JsValue, JsError> {
        to_js(&text::ui(Lang::parse(lang)?))
    }

    /// The dataset's title.
    pub fn title(&self, lang: &str) -> Result<String, JsError> {
        Ok(self.data.title.get(Lang::parse(lang)?).to_string())
    }

    /// Key figures: an array of `{value, label, detail}`.
    #[wasm_bindgen(js_name = keyFigures)]
    pub fn key_figures(&self, lang: &str) -> Result<JsValue, JsError> {
        to_js(&figures::key_figures(&self.data, Lang::parse(lang)?))
    }

    /// Runs a query (`{filter: {...}, group_by: "year" | "industry" | "scope"}`) and returns rows
    /// `{key, value, count, ids}`; `value` is `null` when a member was not reported.
    pub fn query(&self, q: JsValue) -> Result<JsValue, JsError> {
        let q: Query = serde_wasm_bindgen::from_value(q).map_err(|e| Error::Query(de_msg(e)))?;
        to_js(&query::run(&self.data, &q))
    }

    /// Compares two figures: `{from, to, absolute, percent, ratio, share_of_later}`.
    pub fn change(from: f64, to: f64) -> Result<JsValue, JsError> {
        to_js(&query::change(from, to))
    }

    /// A chart of this dataset.
    pub fn chart(&self, name: &str, lang: &str, theme: &str) -> Result<Chart, JsError> {
        Chart::new(ChartDef::Preset(ChartKind::parse(name)?, Rc::clone(&self.data)), lang, theme)
    }
}

/// Columnar query for large data (no parsing, no copies of strings): keeps rows whose value is
/// in `[min, max]` (NaN = not reported, always kept), groups by `keys`, sums. Returns a flat
/// `Float64Array` of `[key, sum, rows, key, sum, rows, ...]` in key order; NaN sums are unknown.
#[wasm_bindgen(js_name = groupSum)]
pub fn group_sum(keys: &[u32], values: &[f64], min: f64, max: f64) -> Vec<f64> {
    query::group_sum(keys, values, min, max).into_iter().flat_map(|(k, s, n)| [k as f64, s, n as f64]).collect()
}

/// Largest dataset text the widget accepts, in bytes.
#[wasm_bindgen(js_name = maxDataBytes)]
pub fn max_data_bytes() -> usize {
    crate::frame::MAX_BYTES
}

/// Largest CSV text the widget accepts for this chart spec, in bytes: more for a plain line or
/// dot chart (read as number columns) than for others.
#[wasm_bindgen(js_name = maxCsvBytes)]
pub fn max_csv_bytes(spec: JsValue) -> usize {
    match serde_wasm_bindgen::from_value::<Spec>(spec) {
        Ok(s) => crate::xy_csv::max_bytes(&s),
        Err(_) => crate::frame::MAX_BYTES,
    }
}

/// Panics on purpose. Tests call it to check that a panic becomes an error for one widget
/// and leaves the others working; it has no other use.
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    install_panic_hook();
    panic!("deliberate panic from __panicForTests");
}

/// A chart of a newsroom's own data: `csv` (text with a header row) or `rows` (a parsed JSON
/// dataset: an array of row objects or `{rows: [...]}`), and a chart spec object.
#[wasm_bindgen(js_name = customChart)]
pub fn custom_chart(
    csv: Option<String>,
    rows: JsValue,
    spec: JsValue,
    lang: &str,
    theme: &str,
) -> Result<Chart, JsError> {
    install_panic_hook();
    let spec: Spec =
        serde_wasm_bindgen::from_value(spec).map_err(|e| Error::Parse { path: "spec".into(), message: de_msg(e) })?;
    let def = match csv {
        Some(text) => ChartDef::from_csv(spec, &text)?,
        None => {
            let data: JsonRows = serde_wasm_bindgen::from_value(rows)
                .map_err(|e| Error::Parse { path: "data".into(), message: de_msg(e) })?;
            ChartDef::Custom(Rc::new(Custom::new(spec, Frame::from_rows(data.0)?)?))
        }
    };
    Chart::new(def, lang, theme)
}

/// A line or dot chart of a large numeric series: `xs` and `ys` (Float64Arrays, or arrays of
/// numbers; NaN in `ys` = not reported) and a chart spec object (no colour column). Up to
/// [`crate::xy::MAX_XY_POINTS`] points, decimated per pixel column when drawn.
#[wasm_bindgen(js_name = xyChart)]
pub fn xy_chart(spec: JsValue, xs: Vec<f64>, ys: Vec<f64>, lang: &str, theme: &str) -> Result<Chart, JsError> {
    install_panic_hook();
    let spec: Spec =
        serde_wasm_bindgen::from_value(spec).map_err(|e| Error::Parse { path: "spec".into(), message: de_msg(e) })?;
    Chart::new(ChartDef::Xy(Rc::new(Xy::new(spec, xs, ys)?)), lang, theme)
}

/// The `data.url`s a Vega-Lite spec (a JS object) needs, for the page to fetch: relative URLs
/// resolve against the page, as in vega-embed.
#[wasm_bindgen(js_name = vegaLiteUrls)]
pub fn vega_lite_urls(spec: JsValue) -> Result<Vec<String>, JsError> {
    install_panic_hook();
    let json = vega_lite_json(spec)?;
    Ok(crate::grammar::compile::urls(&json))
}

fn vega_lite_json(spec: JsValue) -> Result<crate::grammar::Json, Error> {
    let json: crate::grammar::Json = serde_wasm_bindgen::from_value(spec)
        .map_err(|e| Error::Spec { path: crate::error::Path::root(), message: de_msg(e) })?;
    json.check_depth(&crate::error::Path::root(), 0)?;
    Ok(json)
}

/// A Vega-Lite chart: the spec (a JS object), the fetched texts of its `data.url`s as
/// `[[url, text], ...]` (in `vegaLiteUrls` order; `[url, null, reason]` for one that could not be
/// fetched), interface language and theme.
#[wasm_bindgen(js_name = vegaLiteChart)]
pub fn vega_lite_chart(spec: JsValue, texts: JsValue, lang: &str, theme: &str) -> Result<Chart, JsError> {
    install_panic_hook();
    let json = vega_lite_json(spec)?;
    let texts: Vec<Vec<Option<String>>> = if texts.is_undefined() || texts.is_null() {
        Vec::new()
    } else {
        serde_wasm_bindgen::from_value(texts)
            .map_err(|e| Error::Spec { path: crate::error::Path::of(&["data", "url"]), message: de_msg(e) })?
    };
    let read = |url: &str| match texts.iter().find(|e| e.first().and_then(|u| u.as_deref()) == Some(url)) {
        Some(e) => match (e.get(1).cloned().flatten(), e.get(2).cloned().flatten()) {
            (Some(t), _) => Ok(t),
            (None, why) => Err(why.unwrap_or_else(|| "no text".into())),
        },
        None => Err("not fetched".into()),
    };
    let chart = crate::grammar::Chart::new(&json, &read)?;
    Chart::new(ChartDef::VegaLite(Rc::new(chart)), lang, theme)
}
