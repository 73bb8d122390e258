//! Delimiter-separated text (CSV, TSV, DSV) into a [`Table`] of text cells, read with csv-core
//! and shaped as d3-dsv's `dsvFormat(d).parse` shapes it: the first row names the fields, every
//! cell is text, `""` escapes a quote inside a quoted cell (which may hold newlines), `\n`,
//! `\r\n` and `\r` end rows, a blank line is a row of empty cells (csv-core would skip it; the
//! blank lines are counted back in), missing cells are `""` and cells beyond the header are
//! dropped. Beyond d3: a byte-order mark is removed, a header with an empty or repeated name is
//! refused, and short rows, long rows and blank lines are listed as problems.

use std::sync::Arc;

use csv_core::{ReadFieldResult, ReaderBuilder};

use super::problems::Problems;
use super::{check_shape, check_text_size};
use crate::error::{Error, Path};
use crate::grammar::{Table, Value};

/// Parses delimiter-separated text with a header row; all cells are [`Value::Str`] (empty
/// cells `Str("")`), as d3-dsv gives them. `path` is the data source, for errors.
/// Problems (ragged rows) are dropped here; [`super::load`] lists them.
pub fn parse_csv(text: &str, delimiter: u8, path: &Path) -> Result<Table, Error> {
    check_text_size(text, path)?;
    read_dsv(text, delimiter, path, &mut Problems::default())
}

/// [`parse_csv`], listing ragged rows in `problems`.
pub(crate) fn read_dsv(text: &str, delimiter: u8, src: &Path, problems: &mut Problems) -> Result<Table, Error> {
    if !delimiter.is_ascii() || matches!(delimiter, b'"' | b'\r' | b'\n') {
        return Err(Error::Data {
            path: src.clone(),
            row: None,
            message: format!("the delimiter {:?} cannot separate cells", delimiter as char),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = Sink { header: None, rows: Vec::new(), delimiter: delimiter as char, src };
    let mut buf = vec![0u8; 8192];
    let mut field: Vec<u8> = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut pos = 0usize;
    let mut record_start = true;
    loop {
        if record_start {
            for _ in 0..blank_lines(bytes, pos) {
                out.record(vec![String::new()], true, problems)?;
            }
            record_start = false;
        }
        let (result, nin, nout) = reader.read_field(bytes.get(pos..).unwrap_or(&[]), &mut buf);
        pos += nin;
        field.extend_from_slice(buf.get(..nout).unwrap_or(&[]));
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                let f = std::mem::take(&mut field);
                record
                    .push(String::from_utf8(f).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()));
                if record_end {
                    out.record(std::mem::take(&mut record), false, problems)?;
                    record_start = true;
                }
            }
            ReadFieldResult::End => break,
        }
    }
    Ok(Table { fields: out.header.unwrap_or_default(), rows: out.rows })
}

/// The blank lines csv-core will skip at `pos` (the start of a record): the line ends there,
/// not counting the `\n` of a `\r\n` whose `\r` ended the previous record.
fn blank_lines(bytes: &[u8], pos: usize) -> usize {
    let mut i = pos;
    if pos > 0 && bytes.get(pos - 1) == Some(&b'\r') && bytes.get(pos) == Some(&b'\n') {
        i += 1;
    }
    let mut n = 0;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        n += 1;
    }
    n
}

/// Where records go: the first names the fields, the others become rows.
struct Sink<'a> {
    header: Option<Vec<String>>,
    rows: Vec<Vec<Value>>,
    delimiter: char,
    src: &'a Path,
}

impl Sink<'_> {
    fn record(&mut self, mut cells: Vec<String>, blank: bool, problems: &mut Problems) -> Result<(), Error> {
        let Some(header) = &self.header else {
            self.header = Some(header_names(cells, blank, self.src)?);
            return Ok(());
        };
        let n = header.len();
        let r = self.rows.len();
        check_shape(r + 1, n, self.src)?;
        if cells.len() > n {
            let extra = cells.split_off(n);
            problems.push(
                r,
                "",
                &extra.join(&self.delimiter.to_string()),
                format!(
                    "the row has {} cells but the header {n}: the cells beyond it are dropped, as d3-dsv does",
                    n + extra.len()
                ),
            );
        } else if cells.len() < n {
            let message = if blank {
                "blank line: read as a row of empty cells, as d3-dsv does".to_string()
            } else {
                format!(
                    "the row has {} of {n} cells: the missing ones are empty text, as d3-dsv reads them",
                    cells.len()
                )
            };
            problems.push(r, "", "", message);
            cells.resize(n, String::new());
        }
        self.rows.push(cells.into_iter().map(|c| Value::Str(Arc::from(c))).collect());
        Ok(())
    }
}

/// Checks the header row: every column named, no name twice, at most [`super::MAX_FIELDS`].
fn header_names(cells: Vec<String>, blank: bool, src: &Path) -> Result<Vec<String>, Error> {
    let err = |message: String| Error::Data { path: src.clone(), row: None, message };
    check_shape(0, cells.len(), src)?;
    for (i, name) in cells.iter().enumerate() {
        if name.is_empty() {
            let hint = if blank { " (the first line is blank: the header must come first)" } else { "" };
            return Err(err(format!("column {} of the header row has no name{hint}", i + 1)));
        }
        if let Some(j) = cells.iter().take(i).position(|c| c == name) {
            return Err(err(format!("the header row names column \"{name}\" twice (columns {} and {})", j + 1, i + 1)));
        }
    }
    Ok(cells)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn src() -> Path {
        Path::of(&["data", "url"])
    }
    fn read(t: &str, d: u8) -> (Table, Vec<super::super::Problem>) {
        let mut p = Problems::default();
        let t = read_dsv(t, d, &src(), &mut p).unwrap();
        (t, p.finish())
    }
    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows.iter().map(|r| r.iter().map(|v| v.to_text()).collect()).collect()
    }

    #[test]
    fn reads_bom_crlf_quotes_and_newlines_in_cells() {
        let (t, p) = read("\u{feff}name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nthen left\"\r\nLi,\r\n", b',');
        assert_eq!(t.fields, vec!["name", "note"]);
        assert_eq!(texts(&t), vec![vec!["Smith, J", "said \"hi\"\r\nthen left"], vec!["Li", ""]]);
        assert_eq!(t.rows[1][1], Value::str(""));
        assert!(p.is_empty(), "{p:?}");
        // Text without a final line end, and a quote inside an unquoted cell (literal in d3).
        let (t, _) = read("a,b\n1,x\"y", b',');
        assert_eq!(texts(&t), vec![vec!["1", "x\"y"]]);
    }

    #[test]
    fn reads_tsv_dsv_and_lone_cr_line_ends() {
        let (t, _) = read("a\tb\n1,5\t2\n", b'\t');
        assert_eq!(texts(&t), vec![vec!["1,5", "2"]]);
        let (t, _) = read("a|b\r1|2\r3|4", b'|');
        assert_eq!(texts(&t), vec![vec!["1", "2"], vec!["3", "4"]]);
    }

    #[test]
    fn ragged_rows_are_padded_or_cut_and_listed() {
        // d3-dsv 3.0.2: [{"a":"1","b":"","c":""},{"a":"1","b":"2","c":"3"}].
        let (t, p) = read("a,b,c\n1\n1,2,3,4,5\n", b',');
        assert_eq!(texts(&t), vec![vec!["1", "", ""], vec!["1", "2", "3"]]);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].row, p[0].text.as_str()), (0, ""));
        assert!(p[0].message.contains("1 of 3 cells"), "{}", p[0].message);
        assert_eq!((p[1].row, p[1].text.as_str()), (1, "4,5"));
        assert!(p[1].message.contains("dropped"), "{}", p[1].message);
    }

    #[test]
    fn blank_lines_are_rows_of_empty_cells_as_in_d3() {
        // d3-dsv 3.0.2 csvParse: "a,b\n1,2\n\n3,4\n\n" gives [{1,2}, {"",""}, {3,4}, {"",""}]
        // (one final line end is not a row); the CRLF text below gives 4 rows; "a\nx\n\ny\n"
        // gives x, "", y.
        let (t, p) = read("a,b\n1,2\n\n3,4\n\n", b',');
        assert_eq!(texts(&t), vec![vec!["1", "2"], vec!["", ""], vec!["3", "4"], vec!["", ""]]);
        assert_eq!(p.iter().map(|x| x.row).collect::<Vec<_>>(), vec![1, 3]);
        assert!(p[0].message.starts_with("blank line"));
        let (t, _) = read("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n", b',');
        assert_eq!(t.len(), 4);
        let (t, p) = read("a\nx\n\ny\n", b',');
        assert_eq!(texts(&t), vec![vec!["x"], vec![""], vec!["y"]]);
        assert!(p.is_empty(), "one column: an empty line is an empty cell");
        let e = read_dsv("\na,b\n1,2", b',', &src(), &mut Problems::default()).unwrap_err();
        assert!(e.to_string().contains("first line is blank"), "{e}");
    }

    #[test]
    fn refuses_unnamed_and_repeated_columns() {
        let e = parse_csv("a,,c\n1,2,3", b',', &src()).unwrap_err();
        assert_eq!(e.to_string(), "invalid data at `data.url`: column 2 of the header row has no name");
        let e = parse_csv("a,b,a\n1,2,3", b',', &src()).unwrap_err();
        assert!(e.to_string().contains("column \"a\" twice (columns 1 and 3)"), "{e}");
        let e = parse_csv("a\"b", b'"', &src()).unwrap_err();
        assert!(e.to_string().contains("delimiter"), "{e}");
        assert_eq!(parse_csv("", b',', &src()).unwrap(), Table::default());
        assert_eq!(parse_csv("a,b\n", b',', &src()).unwrap().fields, vec!["a", "b"]);
    }

    #[test]
    fn reads_a_hundred_thousand_rows_and_enforces_limits() {
        let mut s = String::from("i,v,name\n");
        for i in 0..100_000 {
            s.push_str(&format!("{i},{}.5,\"n {i}\"\n", i * 2));
        }
        let t = parse_csv(&s, b',', &src()).unwrap();
        assert_eq!(t.len(), 100_000);
        assert_eq!(texts(&t)[99_999], vec!["99999", "199998.5", "n 99999"]);
        let wide = (0..1001).map(|i| format!("f{i}")).collect::<Vec<_>>().join(",");
        let e = parse_csv(&wide, b',', &src()).unwrap_err();
        assert!(e.to_string().contains("more than 1000 fields"), "{e}");
        let rows = "x\n".to_string() + &"1\n".repeat(super::super::MAX_ROWS + 1);
        let e = parse_csv(&rows, b',', &src()).unwrap_err();
        assert_eq!(e, Error::Data { path: src(), row: Some(1_000_000), message: "more than 1000000 rows".into() });
    }
}
