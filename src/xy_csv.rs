//! Large CSV files as line and dot charts: a plain `line` or `dot` spec (x and y, no colour,
//! aggregate, facet, annotations or highlight) over more than [`FROM_ROWS`] rows is read by
//! the typed-columns reader ([`crate::columns::Table::from_csv`]: two passes, numbers straight
//! into `f64`) into an [`Xy`] series, the path number columns take, instead of a row-by-row
//! [`crate::frame::Frame`] and the grammar's inline data. Such a file may be up to [`MAX_BYTES`]
//! and [`MAX_ROWS`] rows (the frame's limits are 5 MiB and 100,000 rows); x and y must be
//! numbers (x every row, y empty where not reported); a file within the frame's limits whose x
//! or y is not numbers (dates, text) is read by the frame path as before.

use crate::columns::{Column, Table};
use crate::error::Error;
use crate::spec::{Aggregate, Mark, Spec};
use crate::xy::Xy;

/// Above this many data rows, a plain line or dot chart of CSV text is drawn as an [`Xy`].
pub const FROM_ROWS: usize = 5_000;
/// Largest CSV text such a chart reads (64 MiB).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Most rows such a chart reads (as [`crate::xy::MAX_XY_POINTS`]).
pub const MAX_ROWS: usize = crate::xy::MAX_XY_POINTS;

/// Whether the spec is a line or dot chart that the number-columns path draws as the grammar
/// would: one series of x and y, nothing computed from other columns.
pub fn plain(spec: &Spec) -> bool {
    matches!(spec.kind, Mark::Line | Mark::Dot)
        && spec.color.is_none()
        && matches!(spec.aggregate, Aggregate::Sum | Aggregate::None)
        && spec.highlight.is_empty()
        && spec.size.is_none()
        && spec.bins.is_none()
        && spec.bin_width.is_none()
        && spec.other_below.is_none()
        && spec.unit.is_none()
        && spec.facet.is_none()
        && spec.columns.is_none()
        && spec.annotations.is_empty()
        && spec.unknown.is_empty()
}

/// Largest CSV text the widget takes for this spec: [`MAX_BYTES`] for a plain line or dot chart,
/// [`crate::sums_csv::MAX_BYTES`] for one that only sums, else the frame's limit.
pub fn max_bytes(spec: &Spec) -> usize {
    if plain(spec) {
        MAX_BYTES
    } else if crate::sums_csv::summable(spec) {
        crate::sums_csv::MAX_BYTES
    } else {
        crate::frame::MAX_BYTES
    }
}

/// The chart as an [`Xy`] series when the spec is plain and the text has more than
/// [`FROM_ROWS`] rows (or is over the frame's byte limit); `None` when the frame path takes it.
pub fn read(spec: &Spec, text: &str) -> Option<Result<Xy, Error>> {
    if !plain(spec) {
        return None;
    }
    let big = text.len() > crate::frame::MAX_BYTES;
    // Lines, the header among them.
    if !big && text.bytes().filter(|&b| b == b'\n').take(FROM_ROWS + 2).count() <= FROM_ROWS + 1 {
        return None;
    }
    match series(spec, text) {
        // x or y not numbers (dates, text), or not a column: the frame path reads the file (and
        // names the problem), if it may.
        Err(Error::Invalid { path, .. }) if !big && (path == "spec.x" || path == "spec.y") => None,
        other => Some(other),
    }
}

fn series(spec: &Spec, text: &str) -> Result<Xy, Error> {
    if text.len() > MAX_BYTES {
        return Err(Error::Invalid {
            path: "data".into(),
            message: format!("is {} bytes; the limit for a line or dot chart is {MAX_BYTES} bytes", text.len()),
        });
    }
    let table = Table::from_csv(text)?;
    if table.rows() > MAX_ROWS {
        return Err(Error::Invalid {
            path: "data".into(),
            message: format!("has {} rows; a line or dot chart takes at most {MAX_ROWS}", table.rows()),
        });
    }
    let numbers = |key: &str, name: &str| -> Result<Vec<f64>, Error> {
        let col = table.column(name).map_err(|_| Error::Invalid {
            path: format!("spec.{key}"),
            message: format!("\"{name}\" is not a column of the data (columns: {})", table.names().join(", ")),
        })?;
        match col {
            Column::Num(v) => Ok(v.clone()),
            other => Err(Error::Invalid {
                path: format!("spec.{key}"),
                message: format!(
                    "`{name}` holds {}s; a line or dot chart of more than {FROM_ROWS} rows needs numbers in x and y",
                    other.kind()
                ),
            }),
        }
    };
    let xs = numbers("x", &spec.x)?;
    let ys = numbers("y", &spec.y)?;
    if let Some(i) = xs.iter().position(|x| x.is_nan()) {
        return Err(Error::Invalid {
            path: "data".into(),
            message: format!("row {}, field `{}`: empty; every point needs its x value", i + 1, spec.x),
        });
    }
    let (xs, ys) = combine(spec, xs, ys)?;
    // The same checks as number columns (x order, sizes), with rows named as in the file.
    Xy::new(spec.clone(), xs, ys).map_err(|e| match e {
        Error::Invalid { path, message } => {
            Error::Invalid { path: path.replace("columns.x", &format!("data, field `{}`", spec.x)), message }
        }
        other => other,
    })
}

/// Rows that share x, as the frame path combines them: summed (the default; a sum with a
/// member not reported is not reported), or refused with `"aggregate": "none"`. With
/// `"sort": "x"` the rows are put in order of x first.
fn combine(spec: &Spec, mut xs: Vec<f64>, mut ys: Vec<f64>) -> Result<(Vec<f64>, Vec<f64>), Error> {
    if spec.sort == crate::spec::Sort::X && xs.windows(2).any(|w| w[1] < w[0]) {
        let idx = crate::order::indices(xs.len(), &mut |a, b| xs[a].total_cmp(&xs[b]).then(a.cmp(&b)));
        (xs, ys) = idx.iter().map(|&i| (xs[i], ys[i])).unzip();
    }
    if !xs.windows(2).any(|w| w[0] == w[1]) {
        return Ok((xs, ys));
    }
    if spec.aggregate == Aggregate::None {
        let i = xs.windows(2).position(|w| w[0] == w[1]).unwrap_or(0);
        return Err(Error::Invalid {
            path: "data".into(),
            message: format!(
                "rows {} and {}, field `{}`: the same x twice, and \"aggregate\": \"none\" combines nothing",
                i + 1,
                i + 2,
                spec.x
            ),
        });
    }
    let (mut ox, mut oy): (Vec<f64>, Vec<f64>) = (Vec::with_capacity(xs.len()), Vec::with_capacity(xs.len()));
    for (x, y) in xs.into_iter().zip(ys) {
        match ox.last() {
            Some(&last) if last == x => {
                if let Some(s) = oy.last_mut() {
                    *s += y; // NaN (not reported) stays NaN
                }
            }
            _ => {
                ox.push(x);
                oy.push(y);
            }
        }
    }
    Ok((ox, oy))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn spec(s: &str) -> Spec {
        serde_json::from_str(s).unwrap()
    }

    fn csv(n: usize, every: impl Fn(usize) -> String) -> String {
        let mut t = String::from("x,y\n");
        for i in 0..n {
            t.push_str(&every(i));
            t.push('\n');
        }
        t
    }

    #[test]
    fn small_files_and_other_kinds_keep_the_frame_path() {
        let line = spec(r#"{"kind": "line", "x": "x", "y": "y"}"#);
        assert!(read(&line, &csv(FROM_ROWS, |i| format!("{i},{i}"))).is_none());
        let coloured = spec(r#"{"kind": "line", "x": "x", "y": "y", "color": "g"}"#);
        assert!(read(&coloured, &csv(FROM_ROWS * 2, |i| format!("{i},{i}"))).is_none());
        // A bar chart is not plain; it only sums, so its large files are summed as read.
        let bars = spec(r#"{"kind": "bar", "x": "x", "y": "y"}"#);
        assert!(!plain(&bars) && max_bytes(&bars) == crate::sums_csv::MAX_BYTES);
        let mean = spec(r#"{"kind": "bar", "x": "x", "y": "y", "aggregate": "mean"}"#);
        assert_eq!(max_bytes(&mean), crate::frame::MAX_BYTES);
        assert_eq!(max_bytes(&line), MAX_BYTES);
    }

    #[test]
    fn large_files_become_one_series_with_gaps_where_not_reported() {
        let line = spec(r#"{"kind": "line", "x": "x", "y": "y"}"#);
        let n = 300_000; // over the frame's 100,000 rows
        let text = csv(n, |i| if i % 1000 == 7 { format!("{i},") } else { format!("{i},{}", (i % 50) as f64 - 10.5) });
        let xy = read(&line, &text).unwrap().unwrap();
        assert_eq!(xy.len(), n);
        assert_eq!(xy.xs[299_999], 299_999.0);
        assert!(xy.ys[7].is_nan() && xy.ys[8] == -2.5);
        assert_eq!(xy.range(), Some((-10.5, 38.5)));
        // Rows sharing x are summed, as the frame path sums them; "sort": "x" orders them first.
        let sorted = spec(r#"{"kind": "dot", "x": "x", "y": "y", "sort": "x"}"#);
        let text = csv(FROM_ROWS + 2, |i| format!("{},{}", (FROM_ROWS + 1 - i) / 2, 1 + i % 2));
        let xy = read(&sorted, &text).unwrap().unwrap();
        assert_eq!(xy.len(), FROM_ROWS / 2 + 1);
        assert_eq!((xy.xs[0], xy.ys[0]), (0.0, 3.0), "rows 20,001 and 20,002 (x = 0): 1 + 2");
        assert!(xy.xs.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn bad_large_files_are_refused_by_field_and_row() {
        let line = spec(r#"{"kind": "line", "x": "x", "y": "y"}"#);
        let n = FROM_ROWS + 10;
        // Text in y: within the frame's limits the frame path reads it (and names the cell);
        // over them, the error says why.
        let texty = csv(n, |i| if i == 500 { "500,lots".into() } else { format!("{i},{i}") });
        assert!(read(&line, &texty).is_none());
        let mut big = texty.clone();
        while big.len() <= crate::frame::MAX_BYTES {
            big.push_str("1e9,1\n");
        }
        let e = read(&line, &big).unwrap().unwrap_err();
        assert!(e.to_string().contains("`spec.y`") && e.to_string().contains("`y` holds texts"), "{e}");
        let dates = "x,y\n".to_string() + &(0..n).map(|i| format!("2020-01-01,{i}\n")).collect::<String>();
        assert!(read(&line, &dates).is_none(), "dates in x: the frame path");
        let e = read(&line, &csv(n, |i| if i == 9 { ",3".into() } else { format!("{i},{i}") })).unwrap().unwrap_err();
        assert!(e.to_string().contains("row 10, field `x`: empty"), "{e}");
        let e = read(&line, &csv(n, |i| format!("{},{i}", n - i))).unwrap().unwrap_err();
        assert!(e.to_string().contains("data, field `x`, row 2") && e.to_string().contains("ascending"), "{e}");
        let none = spec(r#"{"kind": "line", "x": "x", "y": "y", "aggregate": "none"}"#);
        let e = read(&none, &csv(n, |i| format!("{},{i}", i.min(30)))).unwrap().unwrap_err();
        assert!(e.to_string().contains("rows 31 and 32, field `x`: the same x twice"), "{e}");
        let wrong = spec(r#"{"kind": "line", "x": "t", "y": "y"}"#);
        assert!(read(&wrong, &csv(n, |i| format!("{i},{i}"))).is_none(), "the frame path names the column");
        let e = read(&wrong, &big).unwrap().unwrap_err();
        assert!(e.to_string().contains("`spec.x`: \"t\" is not a column"), "{e}");
    }
}
