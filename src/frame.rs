//! A newsroom's own data as a table: named columns and rows of cells (number, text, or missing).
//! Read from CSV (with a header row, through `csv-core`) or from JSON rows; every problem is
//! reported with its row number (1 = the first data row) and column name.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::Error;

/// Largest dataset accepted, in bytes of text.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most rows accepted.
pub const MAX_ROWS: usize = 100_000;
/// Most columns accepted.
pub const MAX_COLUMNS: usize = 1_000;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A finite number.
    Num(f64),
    /// Text.
    Text(String),
    /// Empty: not reported.
    Missing,
}

impl Cell {
    /// The cell as display text (numbers without float formatting machinery).
    pub fn text(&self) -> String {
        match self {
            Cell::Num(v) => crate::format::exact(*v),
            Cell::Text(s) => s.clone(),
            Cell::Missing => String::new(),
        }
    }

    fn from_str(s: &str) -> Cell {
        let t = s.trim();
        if t.is_empty() {
            return Cell::Missing;
        }
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() && t.bytes().any(|b| b.is_ascii_digit()) => Cell::Num(v),
            _ => Cell::Text(t.to_string()),
        }
    }
}

/// A table of data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// Column names, in order.
    pub columns: Vec<String>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

impl Frame {
    /// Index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// Reads CSV text with a header row. Accepts `,` or `;` or tab as the delimiter (the one
    /// found most in the header), a byte-order mark, CRLF line ends and quoted fields.
    pub fn from_csv(text: &str) -> Result<Frame, Error> {
        if text.len() > MAX_BYTES {
            return Err(too_big(text.len()));
        }
        let mut rows = Vec::new();
        let columns = each_csv_row(text, &mut |_, _, cells| {
            if rows.len() >= MAX_ROWS {
                return Err(too_many());
            }
            rows.push(cells);
            Ok(())
        })?;
        Ok(Frame { columns, rows })
    }

    /// Builds a frame from JSON rows (objects with the same keys, in the order first seen).
    pub fn from_rows(rows: Vec<JsonRow>) -> Result<Frame, Error> {
        if rows.len() > MAX_ROWS {
            return Err(too_many());
        }
        let mut columns: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for r in &rows {
            for (k, _) in &r.0 {
                if !index.contains_key(k) {
                    index.insert(k.clone(), columns.len());
                    columns.push(k.clone());
                }
            }
        }
        let columns = header_names(columns, "rows")?;
        for (i, r) in rows.iter().enumerate() {
            for (k, c) in &r.0 {
                if let Cell::Text(t) = c {
                    crate::data::check_text(|| format!("row {}, field `{k}`", i + 1), t)?;
                }
            }
        }
        let rows = rows
            .into_iter()
            .map(|r| {
                let mut cells = vec![Cell::Missing; columns.len()];
                for (k, v) in r.0 {
                    cells[index[&k]] = v;
                }
                cells
            })
            .collect();
        Ok(Frame { columns, rows })
    }
}

/// What [`each_csv_row`] calls with each row: the column names, the row's number (1 = the
/// first data row) and its cells.
pub type RowFn<'a> = dyn FnMut(&[String], usize, Vec<Cell>) -> Result<(), Error> + 'a;

/// Reads CSV text with a header row one data row at a time, as [`Frame::from_csv`] does (its
/// delimiter, byte-order mark, CRLF, quotes; blank lines are not rows; every problem named by
/// its row, 1 = the first data row), without keeping the rows: `row(columns, n, cells)` gets
/// each in turn. Returns the column names. For readers that fold a large file as they go.
pub fn each_csv_row(text: &str, row: &mut RowFn) -> Result<Vec<String>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter(text)).build();
    let mut input = text.as_bytes();
    let mut field = vec![0u8; 1024];
    let mut record: Vec<String> = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    // Records read (blank lines included: UTF-8 errors are numbered by them, as before).
    let mut read = 0usize;
    let mut columns: Option<Vec<String>> = None;
    let mut n = 0usize;
    let mut take = |r: Vec<String>, columns: &mut Option<Vec<String>>| -> Result<(), Error> {
        // Blank lines are not rows.
        if r.len() == 1 && r[0].trim().is_empty() {
            return Ok(());
        }
        let Some(cols) = columns.as_ref() else {
            *columns = Some(header_names(r.into_iter().map(|h| h.trim().to_string()).collect(), "csv header")?);
            return Ok(());
        };
        n += 1;
        for (k, cell) in r.iter().enumerate() {
            let col = cols.get(k).map(String::as_str).unwrap_or("?");
            crate::data::check_text(|| format!("csv row {n}, field `{col}`"), cell)?;
        }
        if r.len() != cols.len() {
            return Err(Error::Invalid {
                path: format!("csv row {n}"),
                message: format!("has {} fields but the header has {}", r.len(), cols.len()),
            });
        }
        row(cols, n, r.iter().map(|s| Cell::from_str(s)).collect())
    };
    loop {
        let (result, nin, nout) = reader.read_field(input, &mut field);
        input = &input[nin..];
        current.extend_from_slice(&field[..nout]);
        match result {
            csv_core::ReadFieldResult::OutputFull => continue,
            csv_core::ReadFieldResult::InputEmpty => {
                if input.is_empty() {
                    // Signal end of input so the last field is flushed.
                    let (r, _, out) = reader.read_field(&[], &mut field);
                    current.extend_from_slice(&field[..out]);
                    if let csv_core::ReadFieldResult::Field { record_end } = r {
                        record.push(utf8(std::mem::take(&mut current), read)?);
                        if record_end {
                            read += 1;
                            take(std::mem::take(&mut record), &mut columns)?;
                        }
                        continue;
                    }
                    break;
                }
            }
            csv_core::ReadFieldResult::Field { record_end } => {
                record.push(utf8(std::mem::take(&mut current), read)?);
                if record_end {
                    read += 1;
                    take(std::mem::take(&mut record), &mut columns)?;
                }
            }
            csv_core::ReadFieldResult::End => break,
        }
    }
    columns.ok_or_else(|| Error::Invalid { path: "csv".into(), message: "the file is empty".into() })
}

fn header_names(columns: Vec<String>, what: &str) -> Result<Vec<String>, Error> {
    if columns.len() > MAX_COLUMNS {
        return Err(Error::Invalid {
            path: what.into(),
            message: format!("has {} columns; the limit is {MAX_COLUMNS}", columns.len()),
        });
    }
    for (i, c) in columns.iter().enumerate() {
        crate::data::check_text(|| format!("{what}, column {}", i + 1), c)?;
    }
    if columns.is_empty() || columns.iter().all(|c| c.is_empty()) {
        return Err(Error::Invalid { path: what.into(), message: "has no column names".into() });
    }
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, c) in columns.iter().enumerate() {
        if c.is_empty() {
            return Err(Error::Invalid { path: format!("{what}, column {}", i + 1), message: "has no name".into() });
        }
        if seen.contains(c.as_str()) {
            return Err(Error::Invalid {
                path: format!("{what}, column {}", i + 1),
                message: format!("\"{c}\" appears twice"),
            });
        }
        seen.insert(c.as_str());
    }
    Ok(columns)
}

fn utf8(bytes: Vec<u8>, row: usize) -> Result<String, Error> {
    String::from_utf8(bytes)
        .map_err(|_| Error::Invalid { path: format!("csv row {row}"), message: "is not valid UTF-8 text".into() })
}

fn too_big(n: usize) -> Error {
    Error::Invalid { path: "data".into(), message: format!("is {n} bytes; the limit is {MAX_BYTES} bytes") }
}

fn too_many() -> Error {
    Error::Invalid { path: "data".into(), message: format!("has more than {MAX_ROWS} rows, the limit") }
}

/// A custom JSON dataset: an array of row objects, or an object `{"rows": [...]}`. Errors name
/// the row (1 = the first).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonRows(pub Vec<JsonRow>);

impl<'de> Deserialize<'de> for JsonRows {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RowsVisitor;
        impl<'de> Visitor<'de> for RowsVisitor {
            type Value = JsonRows;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of row objects, or an object with a \"rows\" list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonRows, A::Error> {
                let mut out = Vec::new();
                loop {
                    match seq.next_element::<JsonRow>() {
                        Ok(Some(r)) => out.push(r),
                        Ok(None) => return Ok(JsonRows(out)),
                        Err(e) => return Err(de::Error::custom(format!("row {}: {e}", out.len() + 1))),
                    }
                    if out.len() > MAX_ROWS {
                        return Err(de::Error::custom(format!("more than {MAX_ROWS} rows, the limit")));
                    }
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonRows, A::Error> {
                let mut rows = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "rows" {
                        rows = Some(map.next_value::<JsonRows>()?);
                    } else {
                        return Err(de::Error::custom(format!(
                            "unknown field `{key}`: the object form holds only \"rows\""
                        )));
                    }
                }
                rows.ok_or_else(|| de::Error::custom("the object has no \"rows\" list"))
            }
        }
        d.deserialize_any(RowsVisitor)
    }
}

/// One JSON row: field names and cells in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonRow(pub Vec<(String, Cell)>);

impl<'de> Deserialize<'de> for JsonRow {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RowVisitor;
        impl<'de> Visitor<'de> for RowVisitor {
            type Value = JsonRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of field names to numbers, text or null")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonRow, A::Error> {
                let mut out: Vec<(String, Cell)> = Vec::new();
                let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    let cell = map.next_value::<CellIn>()?.0;
                    if !seen.insert(key.clone()) {
                        return Err(de::Error::custom(format!("field \"{key}\" appears twice")));
                    }
                    if out.len() >= MAX_COLUMNS {
                        return Err(de::Error::custom(format!("more than {MAX_COLUMNS} fields in a row, the limit")));
                    }
                    out.push((key, cell));
                }
                Ok(JsonRow(out))
            }
        }
        d.deserialize_map(RowVisitor)
    }
}

struct CellIn(Cell);

impl<'de> Deserialize<'de> for CellIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = CellIn;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, text or null")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<CellIn, E> {
                if v.is_finite() {
                    Ok(CellIn(Cell::Num(v)))
                } else {
                    Err(E::custom("numbers must be finite"))
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CellIn, E> {
                Ok(CellIn(Cell::Num(v as f64)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CellIn, E> {
                Ok(CellIn(Cell::Num(v as f64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CellIn, E> {
                Ok(CellIn(if v.is_empty() { Cell::Missing } else { Cell::Text(v.to_string()) }))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<CellIn, E> {
                Ok(CellIn(if v.is_empty() { Cell::Missing } else { Cell::Text(v) }))
            }
            fn visit_none<E: de::Error>(self) -> Result<CellIn, E> {
                Ok(CellIn(Cell::Missing))
            }
            fn visit_unit<E: de::Error>(self) -> Result<CellIn, E> {
                Ok(CellIn(Cell::Missing))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<CellIn, E> {
                Err(E::custom("true/false is not a number or text"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<CellIn, A::Error> {
                Err(de::Error::custom("a list is not a number or text"))
            }
            fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<CellIn, A::Error> {
                Err(de::Error::custom("an object is not a number or text"))
            }
        }
        d.deserialize_any(CellVisitor)
    }
}

/// The CSV delimiter of `text`: comma, semicolon or tab, whichever its first line (the header)
/// has most of; on a tie the later in that list (so a header with none reads as one column).
pub fn delimiter(text: &str) -> u8 {
    let header_line = text.lines().next().unwrap_or("");
    [b',', b';', b'\t'].into_iter().max_by_key(|d| header_line.bytes().filter(|b| b == d).count()).unwrap_or(b',')
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_crlf_quotes_and_blanks() {
        let f = Frame::from_csv(
            "\u{feff}city,year,count\r\n\"Bin, zhou\",2021,37\r\nJinan,2021,\r\n\r\n\"Quoted\nnewline\",2023,5.5\r\n",
        )
        .unwrap();
        assert_eq!(f.columns, ["city", "year", "count"]);
        assert_eq!(f.rows.len(), 3);
        assert_eq!(f.rows[0], [Cell::Text("Bin, zhou".into()), Cell::Num(2021.0), Cell::Num(37.0)]);
        assert_eq!(f.rows[1][2], Cell::Missing, "an empty cell is not reported, not zero");
        assert_eq!(f.rows[2][0], Cell::Text("Quoted\nnewline".into()));
        assert_eq!(f.rows[2][2], Cell::Num(5.5));
    }

    #[test]
    fn csv_semicolons_and_tabs() {
        assert_eq!(Frame::from_csv("a;b\n1;2\n").unwrap().rows[0], [Cell::Num(1.0), Cell::Num(2.0)]);
        assert_eq!(Frame::from_csv("a\tb\nx\t2").unwrap().rows[0], [Cell::Text("x".into()), Cell::Num(2.0)]);
    }

    #[test]
    fn csv_errors_name_the_row() {
        let e = Frame::from_csv("a,b\n1,2\n3\n").unwrap_err();
        assert_eq!(e.to_string(), "invalid value at `csv row 2`: has 1 fields but the header has 2");
        let e = Frame::from_csv("a,a\n1,2\n").unwrap_err();
        assert!(e.to_string().contains("\"a\" appears twice"), "{e}");
        assert!(Frame::from_csv("").is_err());
    }

    #[test]
    fn text_that_is_not_a_number_stays_text() {
        assert_eq!(Cell::from_str("NaN"), Cell::Text("NaN".into()));
        assert_eq!(Cell::from_str("inf"), Cell::Text("inf".into()));
        assert_eq!(Cell::from_str(" 12 "), Cell::Num(12.0));
        assert_eq!(Cell::from_str("1e3"), Cell::Num(1000.0));
    }

    #[test]
    fn json_rows_keep_field_order_and_nulls() {
        let rows: Vec<JsonRow> = serde_json::from_str(r#"[{"z":"a","y":1},{"y":null,"z":"b","w":2}]"#).unwrap();
        let f = Frame::from_rows(rows).unwrap();
        assert_eq!(f.columns, ["z", "y", "w"]);
        assert_eq!(f.rows[1], [Cell::Text("b".into()), Cell::Missing, Cell::Num(2.0)]);
        assert_eq!(f.rows[0][2], Cell::Missing);
        let bad: Result<JsonRows, _> = serde_json::from_str(r#"[{"a":1},{"a":true}]"#);
        assert!(bad.unwrap_err().to_string().starts_with("row 2: true/false is not a number or text"));
        let wrapped: JsonRows = serde_json::from_str(r#"{"rows":[{"a":1}]}"#).unwrap();
        assert_eq!(wrapped.0.len(), 1);
        let e = serde_json::from_str::<JsonRows>(r#"{"data":[]}"#).unwrap_err().to_string();
        assert!(e.contains("unknown field `data`"), "{e}");
    }
}
