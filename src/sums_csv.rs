//! Large CSV files as summed charts. A column, bar (stacked or grouped), pie or donut spec
//! that sums y per x and colour, with nothing else computed from the rows (no facet,
//! annotations, highlight, size, bins or unit), over a file of more than [`FROM_ROWS`] rows
//! (or past the frame's [`crate::frame::MAX_BYTES`]) is summed while it is read
//! ([`crate::frame::each_csv_row`]: one pass, no rows kept). Each row is checked as the frame
//! path checks it (the same messages, with the file's own row numbers); the chart is then made
//! from one row per x and colour holding their sum, in the order they first appear, plus each
//! row whose y is not reported, kept as it is. That table gives the chart, its data table,
//! summary and note on rows not drawn that the whole file would: the chart sums each group's
//! one row to itself, and drops and counts the same rows. Up to [`MAX_BYTES`] and [`MAX_ROWS`]
//! rows. Smaller files are read by the frame path.

use std::collections::HashMap;

use crate::error::Error;
use crate::frame::{Cell, Frame};
use crate::spec::{Aggregate, Mark, Spec};

/// Largest CSV text a summed chart reads (64 MiB).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Most rows a summed chart reads.
pub const MAX_ROWS: usize = 5_000_000;
/// Above this many data rows a summable chart's CSV is summed as it is read (as
/// [`crate::xy_csv::FROM_ROWS`]): the row-by-row frame and the grammar took 1.1 s for
/// 100,000 rows in the bench, this reader 1.9 s for 1,000,000.
pub const FROM_ROWS: usize = 5_000;

/// Whether the chart only sums y per x and colour, so a file can be summed as it is read.
pub fn summable(spec: &Spec) -> bool {
    matches!(
        spec.kind,
        Mark::Column | Mark::StackedColumn | Mark::Bar | Mark::StackedBar | Mark::GroupedBar | Mark::Pie | Mark::Donut
    ) && spec.aggregate == Aggregate::Sum
        && spec.highlight.is_empty()
        && spec.size.is_none()
        && spec.bins.is_none()
        && spec.bin_width.is_none()
        && spec.unit.is_none()
        && spec.facet.is_none()
        && spec.columns.is_none()
        && spec.annotations.is_empty()
        && spec.unknown.is_empty()
}

/// The table a summable chart is made from when the text has more than [`FROM_ROWS`] rows (or
/// is past the frame's byte limit); `None` when the frame path reads it.
pub fn read(spec: &Spec, text: &str) -> Option<Result<Frame, Error>> {
    if !summable(spec) {
        return None;
    }
    // Lines, the header among them.
    let lines = text.bytes().filter(|&b| b == b'\n').take(FROM_ROWS + 2).count();
    if text.len() <= crate::frame::MAX_BYTES && lines <= FROM_ROWS + 1 {
        return None;
    }
    Some(sums(spec, text))
}

/// Appends a cell to a grouping key: numbers by value (-0 as 0), texts by their text, each
/// part tagged and ended so that no two different cells write the same key.
fn key(out: &mut String, c: &Cell) {
    match c {
        Cell::Num(v) => {
            out.push('n');
            out.push_str(&(if *v == 0.0 { 0u64 } else { v.to_bits() }).to_string());
        }
        Cell::Text(t) => {
            out.push('t');
            out.push_str(&t.len().to_string());
            out.push(':');
            out.push_str(t);
        }
        Cell::Missing => out.push('m'),
    }
    out.push('|');
}

/// One row of the summed table: a group's (by its index) or a row kept as it is.
enum Out {
    Group(usize),
    Row(Vec<Cell>),
}

fn sums(spec: &Spec, text: &str) -> Result<Frame, Error> {
    if text.len() > MAX_BYTES {
        return Err(Error::Invalid {
            path: "data".into(),
            message: format!("is {} bytes; the limit for a chart that sums its rows is {MAX_BYTES} bytes", text.len()),
        });
    }
    type Cols = (usize, Option<usize>, Option<usize>);
    let mut at: Option<Cols> = None;
    let (mut problems, mut count, mut bad, mut rows) = (Vec::new(), 0usize, 0usize, 0usize);
    let mut groups: HashMap<String, usize> = HashMap::new();
    // Each group's first row (its x and colour cells, its y the running sum).
    let mut firsts: Vec<Vec<Cell>> = Vec::new();
    let mut out: Vec<Out> = Vec::new();
    let header = crate::frame::each_csv_row(text, &mut |header, n, row| {
        if n > MAX_ROWS {
            return Err(Error::Invalid {
                path: "data".into(),
                message: format!("has more than {MAX_ROWS} rows, the limit for a chart that sums its rows"),
            });
        }
        rows = n;
        let cols = match at {
            Some(c) => c,
            None => *at.insert(spec.columns_in(&Frame { columns: header.to_vec(), rows: Vec::new() })?),
        };
        let mut p = Vec::new();
        if spec.row_problems(n, &row, cols, &mut p) {
            bad += 1;
            count += p.len();
            problems.extend(p.into_iter().take(crate::spec::MAX_LISTED.saturating_sub(problems.len())));
            return Ok(());
        }
        let (x, Some(y), c) = cols else { return Ok(()) };
        if bad > 0 {
            // Refused already: only counting now.
            return Ok(());
        }
        match row[y] {
            Cell::Num(v) => {
                let next = firsts.len();
                let mut k = String::new();
                key(&mut k, &row[x]);
                if let Some(c) = c {
                    key(&mut k, &row[c]);
                }
                let g = *groups.entry(k).or_insert(next);
                if g == next {
                    let mut first = row;
                    first[y] = Cell::Num(0.0);
                    firsts.push(first);
                    out.push(Out::Group(g));
                }
                if let Cell::Num(s) = &mut firsts[g][y] {
                    *s += v;
                }
            }
            // Not reported: the chart drops it and counts it, as it would in the whole file.
            _ => out.push(Out::Row(row)),
        }
        Ok(())
    })?;
    if bad > 0 {
        return Err(crate::spec::refusal(&problems, count, bad, rows));
    }
    // Only the columns the chart reads: x, colour and y, in the file's order.
    let Some((x, y, c)) = at else {
        spec.columns_in(&Frame { columns: header.clone(), rows: Vec::new() })?;
        return Err(Error::Invalid { path: "data".into(), message: "has no rows".into() });
    };
    let keep: Vec<usize> = (0..header.len()).filter(|&k| k == x || Some(k) == c || Some(k) == y).collect();
    let pick = |r: Vec<Cell>| keep.iter().map(|&k| r[k].clone()).collect::<Vec<_>>();
    let mut firsts: Vec<Option<Vec<Cell>>> = firsts.into_iter().map(Some).collect();
    let rows = out
        .into_iter()
        .map(|o| match o {
            Out::Group(g) => pick(firsts[g].take().unwrap_or_default()),
            Out::Row(r) => pick(r),
        })
        .collect();
    Ok(Frame { columns: keep.iter().map(|&k| header[k].clone()).collect(), rows })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::ChartDef;
    use crate::custom::Custom;
    use crate::data::Lang;

    fn spec(s: &str) -> Spec {
        serde_json::from_str(s).unwrap()
    }

    /// `n` rows of year (20), region (12) and value (every 997th empty), as CSV.
    fn rows(n: usize) -> String {
        let regions = [
            "North", "South", "East", "West", "Central", "Coast", "Hills", "Delta", "Lakes", "Plains", "Islands",
            "Capital",
        ];
        let mut t = String::from("year,region,value\n");
        for i in 0..n {
            let v = if i % 997 == 996 { String::new() } else { format!("{:.2}", (i % 13) as f64 * 1.25 - 3.0) };
            t.push_str(&format!("{},{},{v}\n", 2005 + i % 20, regions[(i / 20) % 12]));
        }
        t
    }

    #[test]
    fn a_file_past_the_frames_limits_gives_the_chart_the_whole_file_would() {
        let s = spec(r#"{"kind": "stacked-column", "x": "year", "y": "value", "color": "region"}"#);
        let text = rows(120_000);
        assert!(Frame::from_csv(&text).is_err(), "past the frame's row limit: only summed as read");
        let summed = read(&s, &text).expect("summed").unwrap();
        // One row per year and region, plus each row not reported.
        let missing = (0..120_000).filter(|i| i % 997 == 996).count();
        assert_eq!(summed.rows.len(), 240 + missing);
        // The same chart as the frame path over the same rows (here read without its limit):
        // same table, same summary, same note.
        assert_eq!(summed.columns, ["year", "region", "value"]);
        let mut whole = Frame::default();
        whole.columns = crate::frame::each_csv_row(&text, &mut |_, _, r| {
            whole.rows.push(r);
            Ok(())
        })
        .unwrap();
        let a = Custom::new(s.clone(), summed).unwrap();
        let b = Custom::new(s.clone(), whole).unwrap();
        assert_eq!(a.table(Lang::En).rows, b.table(Lang::En).rows);
        let (da, db) = (ChartDef::Custom(a.into()), ChartDef::Custom(b.into()));
        assert_eq!(da.meta(Lang::En).summary, db.meta(Lang::En).summary);
        assert_eq!(da.warnings().len(), db.warnings().len());
        let theme = crate::theme::Theme::get(crate::theme::ThemeName::Light);
        let (la, lb) = (da.layout(640.0, Lang::En, &theme).unwrap(), db.layout(640.0, Lang::En, &theme).unwrap());
        assert_eq!(la.bars, lb.bars);
        assert_eq!(la.labels, lb.labels, "axes, legend and the note on rows not drawn");
    }

    /// The chart of `text` summed as read and read whole by the frame path: the same table,
    /// summary, warnings and layout.
    fn same_chart(spec_text: &str, text: &str) {
        let s = spec(spec_text);
        let summed = read(&s, text).expect("summed").unwrap();
        let whole = Frame::from_csv(text).unwrap();
        let (a, b) = match (Custom::new(s.clone(), summed), Custom::new(s, whole)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(a), Err(b)) => return assert_eq!(a.to_string(), b.to_string(), "{spec_text}: the same refusal"),
            (a, b) => panic!("{spec_text}: {:?} vs {:?}", a.err(), b.err()),
        };
        assert_eq!(a.table(Lang::En).rows, b.table(Lang::En).rows, "{spec_text}");
        let (da, db) = (ChartDef::Custom(a.into()), ChartDef::Custom(b.into()));
        assert_eq!(da.meta(Lang::En).summary, db.meta(Lang::En).summary, "{spec_text}");
        assert_eq!(da.warnings().len(), db.warnings().len());
        let theme = crate::theme::Theme::get(crate::theme::ThemeName::Dark);
        for w in [320.0, 1280.0] {
            let (la, lb) = (da.layout(w, Lang::Zh, &theme).unwrap(), db.layout(w, Lang::Zh, &theme).unwrap());
            assert_eq!((la.bars, la.labels, la.parts), (lb.bars, lb.labels, lb.parts), "{spec_text} at {w}");
        }
    }

    #[test]
    fn every_summable_kind_draws_what_the_frame_path_draws() {
        // 20,000 rows: past FROM_ROWS, within the frame's limits, so both paths can read it.
        let text = rows(20_000);
        same_chart(r#"{"kind": "column", "x": "year", "y": "value", "sort": "y-descending"}"#, &text);
        same_chart(r#"{"kind": "bar", "x": "region", "y": "value"}"#, &text);
        same_chart(r#"{"kind": "grouped-bar", "x": "year", "y": "value", "color": "region"}"#, &text);
        // Parts of a whole: refused with a part not reported, the same way; with positive
        // values, small slices merged into "Other".
        same_chart(r#"{"kind": "pie", "x": "region", "y": "value"}"#, &text.replace(",-", ","));
        let positive = text.replace(",-", ",").replace(",\n", ",1\n");
        same_chart(r#"{"kind": "pie", "x": "region", "y": "value", "otherBelow": 8.5}"#, &positive);
        same_chart(r#"{"kind": "donut", "x": "region", "y": "value"}"#, &positive);
        same_chart(r#"{"kind": "stacked-bar", "x": "year", "y": "value", "color": "region"}"#, &positive);
    }

    #[test]
    fn small_files_and_other_charts_keep_the_frame_path() {
        let s = spec(r#"{"kind": "column", "x": "year", "y": "value"}"#);
        assert!(read(&s, &rows(1000)).is_none());
        let mean = spec(r#"{"kind": "column", "x": "year", "y": "value", "aggregate": "mean"}"#);
        assert!(read(&mean, &rows(120_000)).is_none());
        let line = spec(r#"{"kind": "line", "x": "year", "y": "value"}"#);
        assert!(read(&line, &rows(120_000)).is_none());
    }

    #[test]
    fn problems_are_named_by_the_files_own_rows() {
        let s = spec(r#"{"kind": "column", "x": "year", "y": "value"}"#);
        let mut text = rows(110_000);
        text.push_str("2030,North,lots\n,North,4\n");
        let e = read(&s, &text).unwrap().unwrap_err().to_string();
        assert!(e.contains("2 of 110002 rows cannot be drawn"), "{e}");
        assert!(e.contains("row 110001, field `value`: \"lots\" is not a number"), "{e}");
        assert!(e.contains("row 110002, field `year`: empty"), "{e}");
        let wrong = spec(r#"{"kind": "column", "x": "yr", "y": "value"}"#);
        let e = read(&wrong, &rows(110_000)).unwrap().unwrap_err().to_string();
        assert!(e.contains("spec.x") && e.contains("\"yr\" is not a column"), "{e}");
        let huge = "year,value\n".to_string() + &"2005,1\n".repeat(10);
        assert!(read(&s, &huge).is_none());
    }
}
