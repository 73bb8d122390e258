//! The [`Chart`] handle: one chart's definition, language, theme and brand styles, and its
//! current layout; it draws into a canvas, answers hit-tests and gives tooltips, descriptions,
//! the data table and exports. Part of the browser edge ([`super`]).

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::{theme_of, to_js};
use crate::chart::ChartDef;
use crate::data::Lang;
use crate::error::Error;
use crate::layout::Layout;
use crate::style::Style;
use crate::theme::{Theme, ThemeName};
use crate::{draw, export, text};

/// Most rows of a chart's data table put on the page.
pub const TABLE_ROWS_SHOWN: usize = 500;

/// Tooltip content for one item, with where it points and the box to outline on focus, in CSS px.
#[derive(Serialize)]
struct Tip<'a> {
    title: &'a str,
    lines: &'a [String],
    x: f64,
    y: f64,
    #[serde(rename = "box")]
    mark: [f64; 4],
}

/// One chart: its current layout, drawn into a canvas on demand.
#[wasm_bindgen]
pub struct Chart {
    def: ChartDef,
    lang: Lang,
    theme: ThemeName,
    style: Style,
    layout: Option<Layout>,
}

impl Chart {
    pub(super) fn new(def: ChartDef, lang: &str, theme: &str) -> Result<Chart, JsError> {
        Ok(Chart { def, lang: Lang::parse(lang)?, theme: theme_of(theme)?, style: Style::default(), layout: None })
    }

    /// The theme with the page's brand styles applied.
    fn resolved_theme(&self) -> Theme {
        let mut t = Theme::get(self.theme);
        self.style.apply(&mut t);
        t
    }

    /// Item `i`, its bar `j`, and the bar's lines: what it shows, then the item's last line
    /// (its source).
    fn part(&self, i: usize, j: usize) -> Option<(&crate::layout::Item, &crate::layout::Part, Vec<String>)> {
        let l = self.layout.as_ref()?;
        let it = l.items.get(i)?;
        let bar = &l.parts[*l.parts(i).get(j)?];
        let mut lines = vec![bar.label.clone()];
        lines.extend(it.lines.last().filter(|s| **s != bar.label && it.lines.len() > 1).cloned());
        Some((it, bar, lines))
    }
}

#[wasm_bindgen]
impl Chart {
    /// The chart's name (`custom` for custom charts).
    pub fn name(&self) -> String {
        self.def.name().to_string()
    }

    /// Heading.
    pub fn title(&self) -> String {
        self.def.meta(self.lang).title
    }

    /// Line under the heading.
    pub fn subtitle(&self) -> String {
        self.def.meta(self.lang).subtitle
    }

    /// One or two sentences with the numbers that matter.
    pub fn summary(&self) -> String {
        self.def.meta(self.lang).summary
    }

    /// Source and note lines for the caption.
    pub fn credits(&self) -> Vec<String> {
        self.def.credits(self.lang)
    }

    /// The data exactly as the chart shows it, as CSV, with the source lines at the end.
    pub fn csv(&self) -> String {
        self.def.table(self.lang).to_csv(&self.def.credits(self.lang))
    }

    /// The chart as an SVG document `width` CSS px wide.
    pub fn svg(&self, width: f64) -> Result<String, JsError> {
        let layout = self.def.layout(width, self.lang, &self.resolved_theme())?;
        Ok(export::svg(&layout)?)
    }

    /// What may mislead readers, for the chart's author: `[{code, path, message}]` (the
    /// honest-chart checks; empty for the story's charts). The widget writes each to the
    /// console once.
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct W {
            code: &'static str,
            path: String,
            message: String,
        }
        let list: Vec<W> = self
            .def
            .warnings()
            .into_iter()
            .map(|w| W { code: w.code, path: w.path.to_string(), message: w.message })
            .collect();
        to_js(&list)
    }

    /// The chart for print: the SVG `width` CSS px wide in the light theme (with the page's
    /// brand styles), whatever the screen's theme, since paper is white.
    #[wasm_bindgen(js_name = printSvg)]
    pub fn print_svg(&self, width: f64) -> Result<String, JsError> {
        let mut t = Theme::get(ThemeName::Light);
        self.style.apply(&mut t);
        let layout = self.def.layout(width, self.lang, &t)?;
        Ok(export::svg(&layout)?)
    }

    /// Lays the chart out for `css_width`, sizes the canvas to that times `dpr` and draws.
    /// Returns the height in CSS px for the canvas's style.
    pub fn render(&mut self, canvas: &HtmlCanvasElement, css_width: f64, dpr: f64) -> Result<f64, JsError> {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
        let layout = self.def.layout(css_width, self.lang, &self.resolved_theme())?;
        canvas.set_width((layout.width * dpr).round() as u32);
        canvas.set_height((layout.height * dpr).round() as u32);
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| Error::Draw("the canvas has no 2D context".into()))?;
        draw::draw(&backend.into_drawing_area(), &layout, dpr, 1.0)?;
        let h = layout.height;
        self.layout = Some(layout);
        Ok(h)
    }

    /// Index of the item under `(x, y)` (CSS px from the canvas's top-left), or -1.
    pub fn hit(&self, x: f64, y: f64) -> i32 {
        self.layout.as_ref().and_then(|l| l.hit(x, y)).map_or(-1, |i| i as i32)
    }

    /// How many items the chart has (bars or rows a reader can point at or step through).
    #[wasm_bindgen(js_name = itemCount)]
    pub fn item_count(&self) -> usize {
        self.layout.as_ref().map_or(0, |l| l.items.len())
    }

    /// Tooltip for item `i`: `{title, lines, x, y}`, or `undefined` when there is no such item.
    pub fn tooltip(&self, i: usize) -> Result<JsValue, JsError> {
        match self.layout.as_ref().and_then(|l| l.items.get(i)) {
            Some(it) => to_js(&Tip {
                title: &it.title,
                lines: &it.lines,
                x: it.anchor.0,
                y: it.anchor.1,
                mark: [it.mark.x, it.mark.y, it.mark.w, it.mark.h],
            }),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Brand styles from the embedding page's `--ni-*` custom properties, as the browser
    /// resolved them: colours as `rgb(...)` or `#rrggbb` (background, text, muted text, accent:
    /// the first series colour) and a font family list; `undefined` keeps the theme's value.
    /// Returns one warning per value that cannot be used or falls short of WCAG contrast. Takes
    /// effect at the next `render`.
    #[wasm_bindgen(js_name = setStyle)]
    pub fn set_style(
        &mut self,
        background: Option<String>,
        text: Option<String>,
        muted: Option<String>,
        accent: Option<String>,
        font: Option<String>,
    ) -> Vec<String> {
        let mut warnings = Vec::new();
        let mut color = |name: &str, v: Option<String>| {
            let v = v?;
            let c = crate::style::parse_color(&v);
            if c.is_none() {
                warnings.push(format!("{name}: \"{v}\" is not an opaque colour; the theme's is used"));
            }
            c
        };
        let style = Style {
            background: color("--ni-bg", background),
            text: color("--ni-text", text),
            muted: color("--ni-muted", muted),
            accent: color("--ni-accent", accent),
            font: font.as_deref().and_then(crate::style::clean_font),
        };
        warnings.extend(style.apply(&mut Theme::get(self.theme)));
        self.style = style;
        warnings
    }

    /// Whether items run across (columns, points along x) rather than down (rows): the arrow
    /// keys along that direction step between items, the other two between an item's bars.
    pub fn across(&self) -> bool {
        self.layout.as_ref().is_some_and(|l| l.across)
    }

    /// How many bars item `i` has (segments of a stack, bars of a group, the two years of a row).
    #[wasm_bindgen(js_name = partCount)]
    pub fn part_count(&self, i: usize) -> usize {
        self.layout.as_ref().map_or(0, |l| l.parts(i).len())
    }

    /// Tooltip for bar `j` of item `i` (same shape as `tooltip`), or `undefined`.
    #[wasm_bindgen(js_name = partTooltip)]
    pub fn part_tooltip(&self, i: usize, j: usize) -> Result<JsValue, JsError> {
        match self.part(i, j) {
            Some((it, bar, lines)) => to_js(&Tip {
                title: &it.title,
                lines: &lines,
                x: bar.rect.x + bar.rect.w / 2.0,
                y: bar.rect.y,
                mark: [bar.rect.x, bar.rect.y, bar.rect.w, bar.rect.h],
            }),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Bar `j` of item `i` as one sentence for the live region ("" when there is no such bar).
    #[wasm_bindgen(js_name = describePart)]
    pub fn describe_part(&self, i: usize, j: usize) -> String {
        match self.part(i, j) {
            Some((it, _, lines)) => text::describe(self.lang, &it.title, &lines),
            None => String::new(),
        }
    }

    /// Item `i` as one sentence for a screen reader's live region ("" when there is no such item).
    pub fn describe(&self, i: usize) -> String {
        match self.layout.as_ref().and_then(|l| l.items.get(i)) {
            Some(it) => text::describe(self.lang, &it.title, &it.lines),
            None => String::new(),
        }
    }

    /// The chart's data as `{caption, columns, rows}` of formatted cells.
    ///
    /// At most [`TABLE_ROWS_SHOWN`] rows are returned (a page cannot carry a 100,000-row table);
    /// `total_rows` says how many there are, and `csv()` always has them all.
    pub fn table(&self) -> Result<JsValue, JsError> {
        #[derive(Serialize)]
        struct Shown<'a> {
            caption: &'a str,
            columns: &'a [String],
            rows: &'a [Vec<String>],
            total_rows: usize,
            note: String,
        }
        let (t, n) = self.def.table_head(self.lang, TABLE_ROWS_SHOWN);
        let shown = t.rows.len();
        let note = if n > shown { text::table_cut(self.lang, shown, n) } else { String::new() };
        to_js(&Shown { caption: &t.caption, columns: &t.columns, rows: &t.rows, total_rows: n, note })
    }
}
