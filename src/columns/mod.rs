//! Typed columns: a table read once into memory, column by column, and queried many times.
//!
//! Numbers are `f64`, text is interned (`u32` ids into one dictionary per column), dates are
//! timestamps (ms since 1970 UTC). JSON rows are read by [`json`]. A missing or empty cell is "not reported": `NaN` in number
//! and date columns, [`MISSING`] in text columns; it is never read as zero. CSV is parsed with
//! csv-core straight into the columns (a first pass reads each column's type, a second fills
//! it), with no row objects in between. The queries ([`query`], [`group`]) work on row
//! selections, so a filter, a group-by and a sort over the same table copy no rows.

pub mod group;
pub mod json;
pub mod query;

use crate::error::Error;
use crate::grammar::format::date::parse_date;

/// The id of a missing cell in a text column.
pub const MISSING: u32 = u32::MAX;

/// Most rows a table holds (measured: see the README's performance section).
pub const MAX_ROWS: usize = 10_000_000;

/// One column's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Numbers; `NaN` where not reported.
    Num(Vec<f64>),
    /// Dates as ms since 1970-01-01 UTC; `NaN` where not reported.
    Date(Vec<f64>),
    /// Text as ids into `dict`; [`MISSING`] where not reported.
    Text {
        /// One id per row.
        ids: Vec<u32>,
        /// The distinct texts, in order of first appearance.
        dict: Vec<String>,
    },
}

impl Column {
    /// `"number"`, `"date"` or `"text"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Column::Num(_) => "number",
            Column::Date(_) => "date",
            Column::Text { .. } => "text",
        }
    }

    /// Row `i` as a number (numbers and dates), `NaN` for text or a missing cell.
    pub fn num(&self, i: usize) -> f64 {
        match self {
            Column::Num(v) | Column::Date(v) => v[i],
            Column::Text { .. } => f64::NAN,
        }
    }
}

/// A table of typed columns, all of the same length.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    names: Vec<String>,
    columns: Vec<Column>,
    rows: usize,
}

/// What a first pass learned of one column.
#[derive(Clone, Copy, PartialEq)]
enum Seen {
    Empty,
    Num,
    Date,
    Text,
}

impl Seen {
    fn with(self, cell: &str) -> Seen {
        let t = cell.trim();
        if t.is_empty() || self == Seen::Text {
            return self;
        }
        let num = matches!(self, Seen::Empty | Seen::Num) && number(t).is_some();
        match (self, num) {
            (Seen::Empty | Seen::Num, true) => Seen::Num,
            (Seen::Empty | Seen::Date, false) if parse_date(t).is_some() => Seen::Date,
            _ => Seen::Text,
        }
    }
}

/// A cell as a number: decimal notation only ("1e3", "-2.5"; not "0x10", "inf" or "1,000").
fn number(t: &str) -> Option<f64> {
    let ok = t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && t.bytes().any(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl Table {
    /// Reads CSV text with a header row (comma, semicolon or tab, whichever the header has
    /// most of). A column whose filled cells are all numbers is a number column; all dates
    /// ([`parse_date`]'s formats), a date column; anything else, text. Errors name the row
    /// (counted from 1 after the header) and the column.
    pub fn from_csv(text: &str) -> Result<Table, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter = crate::frame::delimiter(text);
        // Pass 1: the header, the row count and each column's type.
        let mut names: Vec<String> = Vec::new();
        let mut seen: Vec<Seen> = Vec::new();
        let mut rows = 0usize;
        each_field(text, delimiter, |row, col, cell| {
            if row == 0 {
                let name = cell.trim().to_string();
                if name.is_empty() {
                    return Err(invalid(format!("columns[{col}]"), "the header has an empty column name".into()));
                }
                if names.contains(&name) {
                    return Err(invalid(
                        format!("columns[{col}]"),
                        format!("the column name \"{name}\" is used twice"),
                    ));
                }
                names.push(name);
                seen.push(Seen::Empty);
                return Ok(());
            }
            if col >= names.len() {
                return Err(invalid(
                    format!("rows[{row}]"),
                    format!("row {row} has more cells than the header's {} columns", names.len()),
                ));
            }
            if col == 0 {
                rows = row;
                if rows > MAX_ROWS {
                    return Err(invalid(format!("rows[{row}]"), format!("more than {MAX_ROWS} rows")));
                }
            }
            seen[col] = seen[col].with(cell);
            Ok(())
        })?;
        if names.is_empty() {
            return Err(Error::Parse { path: "csv".into(), message: "no header row".into() });
        }
        // Pass 2: fill the columns.
        let mut columns: Vec<Column> = seen
            .iter()
            .map(|s| match s {
                Seen::Num | Seen::Empty => Column::Num(Vec::with_capacity(rows)),
                Seen::Date => Column::Date(Vec::with_capacity(rows)),
                Seen::Text => Column::Text { ids: Vec::with_capacity(rows), dict: Vec::new() },
            })
            .collect();
        let mut lookup: Vec<std::collections::HashMap<String, u32>> = vec![Default::default(); names.len()];
        let mut filled = 0usize;
        each_field(text, delimiter, |row, col, cell| {
            if row == 0 {
                return Ok(());
            }
            // A short row: its missing cells are not reported.
            if col == 0 && filled > 0 {
                pad(&mut columns, row - 1);
            }
            let t = cell.trim();
            match &mut columns[col] {
                Column::Num(v) => v.push(if t.is_empty() { f64::NAN } else { number(t).unwrap_or(f64::NAN) }),
                Column::Date(v) => v.push(parse_date(t).unwrap_or(f64::NAN)),
                Column::Text { ids, dict } => {
                    if t.is_empty() {
                        ids.push(MISSING);
                    } else {
                        let map = &mut lookup[col];
                        let id = match map.get(t) {
                            Some(id) => *id,
                            None => {
                                let id = dict.len() as u32;
                                dict.push(t.to_string());
                                map.insert(t.to_string(), id);
                                id
                            }
                        };
                        ids.push(id);
                    }
                }
            }
            filled = row;
            Ok(())
        })?;
        pad(&mut columns, rows);
        Ok(Table { names, columns, rows })
    }

    /// Reads JSON rows (`[{...}]` or `{"rows": [...]}`) into typed columns ([`json`]).
    pub fn from_json(text: &str) -> Result<Table, Error> {
        json::from_json(text)
    }

    /// A table from columns made elsewhere (tests, number columns from JavaScript).
    pub fn from_columns(cols: Vec<(String, Column)>) -> Result<Table, Error> {
        let rows = cols.first().map(|c| len(&c.1)).unwrap_or(0);
        for (name, c) in &cols {
            if len(c) != rows {
                return Err(invalid(name.clone(), format!("{} values where the first column has {rows}", len(c))));
            }
        }
        let (names, columns) = cols.into_iter().unzip();
        Ok(Table { names, columns, rows })
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Column names, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The column called `name`, or an error naming the columns there are.
    pub fn column(&self, name: &str) -> Result<&Column, Error> {
        match self.names.iter().position(|n| n == name) {
            Some(i) => Ok(&self.columns[i]),
            None => Err(Error::Query(format!(
                "no column \"{name}\" (the table has {})",
                self.names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
            ))),
        }
    }
}

fn len(c: &Column) -> usize {
    match c {
        Column::Num(v) | Column::Date(v) => v.len(),
        Column::Text { ids, .. } => ids.len(),
    }
}

/// Fills every column up to `n` values with "not reported".
fn pad(columns: &mut [Column], n: usize) {
    for c in columns {
        match c {
            Column::Num(v) | Column::Date(v) => v.resize(n.max(v.len()), f64::NAN),
            Column::Text { ids, .. } => ids.resize(n.max(ids.len()), MISSING),
        }
    }
}

fn invalid(path: String, message: String) -> Error {
    Error::Invalid { path, message }
}

/// Calls `f(row, column, cell)` for every field (row 0 is the header); blank lines are skipped.
fn each_field(
    text: &str,
    delimiter: u8,
    mut f: impl FnMut(usize, usize, &str) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let mut out = vec![0u8; 256];
    let mut cell: Vec<u8> = Vec::new();
    let (mut row, mut col) = (0usize, 0usize);
    let mut blank = true;
    loop {
        let (result, nin, nout) = reader.read_field(input, &mut out);
        input = &input[nin..];
        cell.extend_from_slice(&out[..nout]);
        match result {
            csv_core::ReadFieldResult::OutputFull => continue,
            csv_core::ReadFieldResult::InputEmpty if !input.is_empty() => continue,
            csv_core::ReadFieldResult::InputEmpty => {
                input = &[];
                let (r, _, n) = reader.read_field(&[], &mut out);
                cell.extend_from_slice(&out[..n]);
                match r {
                    csv_core::ReadFieldResult::Field { record_end } => {
                        field(&mut f, &mut cell, &mut row, &mut col, &mut blank, record_end)?;
                    }
                    _ => return Ok(()),
                }
            }
            csv_core::ReadFieldResult::Field { record_end } => {
                field(&mut f, &mut cell, &mut row, &mut col, &mut blank, record_end)?;
            }
            csv_core::ReadFieldResult::End => return Ok(()),
        }
    }
}

fn field(
    f: &mut impl FnMut(usize, usize, &str) -> Result<(), Error>,
    cell: &mut Vec<u8>,
    row: &mut usize,
    col: &mut usize,
    blank: &mut bool,
    record_end: bool,
) -> Result<(), Error> {
    let text = std::str::from_utf8(cell)
        .map_err(|_| invalid(format!("rows[{row}]"), format!("row {row} is not valid UTF-8")))?;
    // A line with one empty cell is a blank line, not a row.
    let lone_empty = record_end && *col == 0 && text.is_empty();
    if !lone_empty {
        f(*row, *col, text)?;
        *blank = false;
    }
    cell.clear();
    *col += 1;
    if record_end {
        if !*blank {
            *row += 1;
        }
        *col = 0;
        *blank = true;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn each_column_gets_its_type_and_missing_cells_are_not_reported() {
        let t =
            Table::from_csv("city,year,when,count\nA,2021,2021-03-01,4\nB,2022,,\n\nA,2023,Mar 5 2023,-2.5\n").unwrap();
        assert_eq!(t.rows(), 3);
        assert_eq!(t.names(), ["city", "year", "when", "count"]);
        match t.column("city").unwrap() {
            Column::Text { ids, dict } => {
                assert_eq!(ids, &[0, 1, 0]);
                assert_eq!(dict, &["A", "B"]);
            }
            c => panic!("{c:?}"),
        }
        assert_eq!(t.column("year").unwrap(), &Column::Num(vec![2021.0, 2022.0, 2023.0]));
        let Column::Date(d) = t.column("when").unwrap() else { panic!() };
        assert_eq!(d[0], 1_614_556_800_000.0);
        assert!(d[1].is_nan());
        assert_eq!(d[2], 1_677_974_400_000.0);
        let Column::Num(c) = t.column("count").unwrap() else { panic!() };
        assert_eq!(c[0], 4.0);
        assert!(c[1].is_nan(), "an empty cell is not reported, not zero");
        assert_eq!(c[2], -2.5);
    }

    #[test]
    fn one_text_cell_makes_a_text_column_and_short_rows_are_padded() {
        let t = Table::from_csv("a;b\n1;x\nn/a;2\n3\n").unwrap();
        assert_eq!(t.rows(), 3);
        assert_eq!(t.column("a").unwrap().kind(), "text");
        match t.column("b").unwrap() {
            Column::Text { ids, dict } => {
                assert_eq!(ids, &[0, 1, MISSING]);
                assert_eq!(dict, &["x", "2"]);
            }
            c => panic!("{c:?}"),
        }
    }

    #[test]
    fn bad_input_is_refused_with_where() {
        let e = Table::from_csv("a,b\n1,2,3\n").unwrap_err().to_string();
        assert!(e.contains("rows[1]") && e.contains("more cells"), "{e}");
        let e = Table::from_csv("a,a\n1,2\n").unwrap_err().to_string();
        assert!(e.contains("columns[1]") && e.contains("twice"), "{e}");
        let e = Table::from_csv("a,\n1,2\n").unwrap_err().to_string();
        assert!(e.contains("empty column name"), "{e}");
        let e = Table::from_csv("").unwrap_err().to_string();
        assert!(e.contains("no header"), "{e}");
        let t = Table::from_csv("a\n1\n").unwrap();
        let e = t.column("b").unwrap_err().to_string();
        assert!(e.contains("no column \"b\"") && e.contains("\"a\""), "{e}");
    }

    #[test]
    fn quoted_cells_with_delimiters_and_newlines_stay_one_cell() {
        let t = Table::from_csv("name,n\n\"Smith, J\",1\n\"two\nlines\",2\n").unwrap();
        let Column::Text { dict, .. } = t.column("name").unwrap() else { panic!() };
        assert_eq!(dict, &["Smith, J", "two\nlines"]);
        assert_eq!(t.rows(), 2);
    }
}
