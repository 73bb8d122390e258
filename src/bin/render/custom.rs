//! `render --custom SPEC --rows FILE`: a chart of a newsroom's own data, as SVG (the widget's
//! drawing: the same layout the canvas draws, for `data-static` first pixels and print), with
//! `--static-dir` as a first-pixels bundle, or with `--spec` as the Vega-Lite spec it stands for.

use std::path::Path;

use news_infographic::chart::ChartDef;
use news_infographic::custom::Custom;
use news_infographic::frame::{Frame, JsonRows};
use news_infographic::spec::Spec;
use news_infographic::{export, Lang, Theme, ThemeName};

/// How to render.
pub struct Opts {
    /// Interface language.
    pub lang: Lang,
    /// Theme.
    pub theme: ThemeName,
    /// Width in CSS px.
    pub width: f64,
    /// Write the Vega-Lite spec instead of a drawing.
    pub spec_only: bool,
}

/// What was made.
pub enum Out {
    /// An SVG document.
    Svg(String),
    /// JSON text.
    Json(String),
}

/// Reads the spec and rows, checks them and renders; errors are one line naming the file.
pub fn render(spec: &Path, rows: &Path, o: &Opts) -> Result<Out, String> {
    let (s, frame) = read(spec, rows)?;
    if let (true, Rows::Frame(frame)) = (o.spec_only, &frame) {
        s.check(frame).map_err(|e| format!("{}: {e}", spec.display()))?;
        let json =
            news_infographic::shorthand::to_vega_lite(&s, frame).map_err(|e| format!("{}: {e}", spec.display()))?;
        return Ok(Out::Json(json.to_text() + "\n"));
    }
    if o.spec_only {
        return Err(format!(
            "{}: over {} rows a line or dot chart is drawn from number columns, without a Vega-Lite spec",
            rows.display(),
            news_infographic::xy_csv::FROM_ROWS
        ));
    }
    let def = chart(s, frame, spec)?;
    let layout = def.layout(o.width, o.lang, &Theme::get(o.theme)).map_err(|e| format!("{}: {e}", spec.display()))?;
    export::svg(&layout).map(Out::Svg).map_err(|e| format!("{}: {e}", spec.display()))
}

fn chart(s: Spec, rows: Rows, spec: &Path) -> Result<ChartDef, String> {
    let frame = match rows {
        Rows::Frame(f) => f,
        Rows::Xy(xy) => return Ok(ChartDef::Xy(std::rc::Rc::new(*xy))),
    };
    let c = Custom::new(s, frame).map_err(|e| format!("{}: {e}", spec.display()))?;
    Ok(ChartDef::Custom(std::rc::Rc::new(c)))
}

/// The chart of `spec` over `rows`, for `--static-dir`.
pub fn def(spec: &Path, rows: &Path) -> Result<ChartDef, String> {
    let (s, frame) = read(spec, rows)?;
    chart(s, frame, spec)
}

/// The spec and the rows, each checked as read: JSON rows or CSV text (a large CSV line or dot
/// chart is read as number columns, one for a chart that only sums as its sums, as in the
/// widget).
fn read(spec: &Path, rows: &Path) -> Result<(Spec, Rows), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()));
    let spec_text = read(spec)?;
    let s: Spec = serde_json::from_str(&spec_text).map_err(|e| format!("{}: invalid spec: {e}", spec.display()))?;
    let text = read(rows)?;
    let frame = if rows.extension().is_some_and(|e| e == "json") {
        let data: JsonRows = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", rows.display()))?;
        Frame::from_rows(data.0)
    } else if let Some(xy) = news_infographic::xy_csv::read(&s, &text) {
        return Ok((s, Rows::Xy(Box::new(xy.map_err(|e| format!("{}: {e}", rows.display()))?))));
    } else if let Some(summed) = news_infographic::sums_csv::read(&s, &text) {
        // A large file for a chart that only sums: its sums (with --spec, the spec's data).
        summed
    } else {
        Frame::from_csv(&text)
    }
    .map_err(|e| format!("{}: {e}", rows.display()))?;
    Ok((s, Rows::Frame(frame)))
}

/// The data as read.
enum Rows {
    /// Rows of cells.
    Frame(Frame),
    /// A large line or dot chart's series.
    Xy(Box<news_infographic::xy::Xy>),
}
