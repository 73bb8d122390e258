//! Vega-Lite's data loading: a spec's `data` object ([`DataDef::parse`]) read into one
//! [`Table`] ([`load`]), with the type parsing Vega-Lite asks Vega to do.
//!
//! What Vega-Lite (5.x, `src/data.ts`, `src/compile/data/source.ts`, `formatparse.ts`) and Vega
//! (`vega-loader`, `d3-dsv`) do, and this module does the same:
//!
//! - `values` is an array of rows, an object (one row, or the document `format.property` points
//!   into) or a string parsed per `format.type` (default JSON). A row that is not an object
//!   becomes `{"data": v}` (Vega's `ingest`). `url` names text the caller fetched; without
//!   `format.type` its type comes from the URL's last `.` segment (`json`, `csv`, `tsv`, `dsv`;
//!   anything else is JSON). `name` refers to top-level `datasets` ([`DataDef::resolve`]).
//! - CSV, TSV and DSV cells are all text ([`parse_csv`], as d3-dsv): Vega-Lite never asks Vega to
//!   infer types (it emits no `parse: "auto"`). A CSV number stays text unless a parse applies.
//! - The parse applied is the explicit `format.parse` plus the implicit one the caller passes
//!   (Vega-Lite's `getImplicitFromEncoding` / `getImplicitFromFilterTransform`): `date` for
//!   fields used as temporal or with a `timeUnit`; `number` for quantitative fields aggregated
//!   with `min`/`max`, for the quantitative x (y when horizontal) of line/area/trail marks
//!   without `order`, and for fields a filter compares with a number; `string` for fields a
//!   filter compares with text. Other quantitative uses are NOT parsed by Vega-Lite: Vega's
//!   scales and aggregates convert text with `+v` at use. An explicit entry for a field (even
//!   `null`) replaces the implicit one; `parse: null` turns all parsing off, implicit included.
//! - Conversions are vega-util's `toNumber`, `toBoolean`, `toString`, `toDate` and d3's
//!   `timeParse`: `null` and `""` become null; `toNumber("1,234")` is NaN. Cells that do not
//!   convert keep Vega's value AND are listed as [`Problem`]s (with their row), never silently.
//!
//! Deliberate differences from Vega, all reported: a byte-order mark is removed; a header with
//! an empty or repeated name is refused (d3 would merge or key by ""); cells beyond the header's
//! width are dropped as d3 does but listed, as are short rows and blank lines (rows of empty
//! cells, as d3 reads them); nested JSON objects are flattened into dotted keys
//! (`{"a": {"b": 1}}` gives field `a.b`, which is what `field_key("a.b")` names; an empty
//! object is the text `{}`); arrays inside rows become their JSON text; dates are
//! [`crate::grammar::Value::Date`] milliseconds (Vega has Date objects, or numbers from
//! `Date.parse`). Checked against d3-dsv 3.0.2, vega 6.4.0 and vega-lite 6.5.0.

mod csv;
mod json;
pub(crate) mod jsontext;
mod number;
mod parse;
mod problems;
mod source;

pub use self::csv::parse_csv;
pub use self::json::parse_json_rows;
pub use self::jsontext::{parse_json_text, MAX_JSON_VALUES};
pub use self::number::js_to_number;
pub use self::parse::Parse;
pub use self::source::{DataDef, Format, FormatType, ParseSpec, Source};

use crate::error::{Error, Path};
use crate::grammar::{Json, Table};

/// Most rows a data source may have.
pub const MAX_ROWS: usize = 1_000_000;
/// Most bytes of text (a URL's text or inline `values` text) read.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// Most fields (columns) a data source may have.
pub const MAX_FIELDS: usize = 1_000;
/// Most cells (rows times fields) a data source may have: bounds memory.
pub const MAX_CELLS: usize = 16_000_000;
/// Most problems listed one by one; further ones are counted in one last [`Problem`].
pub const MAX_PROBLEMS: usize = 1_000;

/// A loaded data source: its rows and everything that did not read cleanly.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The rows, fields in first-seen order.
    pub table: Table,
    /// Cells that did not parse as asked, ragged CSV rows, fields written twice, in row order
    /// within each kind. At most [`MAX_PROBLEMS`] plus one summary.
    pub problems: Vec<Problem>,
}

/// One cell (or row) that did not read cleanly. The value Vega would have (NaN, null, an
/// Invalid Date as `Date(NaN)`) is in the table; this says where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The data row, counted from 0 (the CSV header is not a row).
    pub row: usize,
    /// The field (table key), or empty for a whole-row problem.
    pub field: String,
    /// The text as read (for a row problem, the extra cells).
    pub text: String,
    /// What happened, e.g. `not a number: read as NaN`.
    pub message: String,
}

/// Loads the data of `def` (whose spec path is `path`, e.g. `data` or `layer[0].data`) and
/// applies the explicit `format.parse` and the `implicit` parse the caller derived from the
/// encodings and filters (field strings as written in the spec, e.g. `a.b` or `a\\.b`; the first
/// entry for a field counts; fields absent from the data are skipped).
///
/// `url_text` is the fetched text of a [`Source::Url`] (ignored otherwise). A
/// [`Source::Named`] must first be resolved with [`DataDef::resolve`].
/// Errors: [`Error::Data`] for unreadable text or a limit ([`MAX_ROWS`], [`MAX_TEXT_BYTES`],
/// [`MAX_FIELDS`], [`MAX_CELLS`]), naming `path.values` or `path.url`; [`Error::Spec`] for a
/// format that cannot apply.
pub fn load(def: &DataDef, path: &Path, url_text: Option<&str>, implicit: &[(String, Parse)]) -> Result<Loaded, Error> {
    let mut problems = problems::Problems::default();
    let ty = def.format_type(path)?;
    let mut table = match &def.source {
        Source::Values(Json::Str(text)) => read_text(text, ty, def, &path.key("values"), path, &mut problems)?,
        Source::Values(v) => {
            if ty != FormatType::Json {
                return Err(Error::spec(
                    &path.key("format").key("type"),
                    "csv, tsv and dsv formats need `values` given as text",
                ));
            }
            json::rows_at_property(v, def.format.property.as_deref(), &path.key("values"), path, &mut problems)?
        }
        Source::Url(_) => {
            let p = path.key("url");
            let text = url_text.ok_or_else(|| Error::Data {
                path: p.clone(),
                row: None,
                message: "the URL's text was not given to the loader".into(),
            })?;
            read_text(text, ty, def, &p, path, &mut problems)?
        }
        Source::Named(n) => {
            return Err(Error::Data {
                path: path.key("name"),
                row: None,
                message: format!("named data \"{n}\" has no rows: resolve it against the top-level `datasets` first"),
            })
        }
    };
    parse::apply(&mut table, &def.format.parse, implicit, path, &mut problems)?;
    Ok(Loaded { table, problems: problems.finish() })
}

/// Reads text (a URL's or inline `values`) per the format type.
fn read_text(
    text: &str,
    ty: FormatType,
    def: &DataDef,
    src: &Path,
    data_path: &Path,
    problems: &mut problems::Problems,
) -> Result<Table, Error> {
    check_text_size(text, src)?;
    match ty {
        FormatType::Json => {
            let j = parse_json_text(text, src)?;
            json::rows_at_property(&j, def.format.property.as_deref(), src, data_path, problems)
        }
        FormatType::Csv => csv::read_dsv(text, b',', src, problems),
        FormatType::Tsv => csv::read_dsv(text, b'\t', src, problems),
        FormatType::Dsv => {
            let d = source::delimiter_byte(def.format.delimiter, &data_path.key("format"))?;
            csv::read_dsv(text, d, src, problems)
        }
    }
}

/// Refuses text over [`MAX_TEXT_BYTES`].
fn check_text_size(text: &str, src: &Path) -> Result<(), Error> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Error::Data {
            path: src.clone(),
            row: None,
            message: format!("the text is {} bytes; the limit is {MAX_TEXT_BYTES} (64 MB)", text.len()),
        });
    }
    Ok(())
}

/// Refuses a table growing over the row, field or cell limits.
fn check_shape(rows: usize, fields: usize, src: &Path) -> Result<(), Error> {
    if rows > MAX_ROWS {
        return Err(Error::Data {
            path: src.clone(),
            row: Some(MAX_ROWS),
            message: format!("more than {MAX_ROWS} rows"),
        });
    }
    if fields > MAX_FIELDS {
        return Err(Error::Data {
            path: src.clone(),
            row: rows.checked_sub(1),
            message: format!("more than {MAX_FIELDS} fields"),
        });
    }
    if rows.saturating_mul(fields.max(1)) > MAX_CELLS {
        return Err(Error::Data {
            path: src.clone(),
            row: rows.checked_sub(1),
            message: format!("more than {MAX_CELLS} cells ({rows} rows of {fields} fields)"),
        });
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
