//! Large numeric series: a line or dot chart of up to [`MAX_XY_POINTS`] points given as two
//! number columns (typed arrays in the browser), without the text table of a [`crate::frame::Frame`].
//! A frame keeps every cell as text or number per row, which is what bar charts and
//! aggregation need but costs tens of bytes and an allocation per cell; here x and y are two
//! `Vec<f64>`, checked once, and the layout decimates them per pixel column
//! ([`crate::layout::xy`]).

use crate::data::Lang;
use crate::error::Error;
use crate::format::num;
use crate::order;
use crate::spec::{Mark, Sort, Spec};
use crate::table::Table;

/// Most points a typed-array chart takes (80 MB of the two columns as doubles in wasm memory).
pub const MAX_XY_POINTS: usize = 5_000_000;

/// A checked x/y series with its spec. `y` is NaN where a value was not reported.
#[derive(Debug, Clone, PartialEq)]
pub struct Xy {
    /// The spec (kind `line` or `dot`, no colour column).
    pub spec: Spec,
    /// x values, finite and in ascending order.
    pub xs: Vec<f64>,
    /// y values; NaN = not reported.
    pub ys: Vec<f64>,
    /// What the summary needs, found in one pass when the series is checked.
    stats: Stats,
}

/// First, last and highest reported point (indices) and how many are not reported.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Stats {
    first: Option<usize>,
    last: Option<usize>,
    highest: Option<usize>,
    lowest: Option<usize>,
    unknown: usize,
}

impl Stats {
    fn of(ys: &[f64]) -> Stats {
        let mut s = Stats::default();
        for (i, y) in ys.iter().enumerate() {
            if y.is_nan() {
                s.unknown += 1;
                continue;
            }
            s.first.get_or_insert(i);
            s.last = Some(i);
            if s.highest.is_none_or(|h| *y > ys[h]) {
                s.highest = Some(i);
            }
            if s.lowest.is_none_or(|h| *y < ys[h]) {
                s.lowest = Some(i);
            }
        }
        s
    }
}

impl Xy {
    /// Checks the spec and the columns. x values must be finite; they must be in ascending
    /// order unless the spec asks for `"sort": "x"`, in which case the points are sorted.
    /// y values must be finite or NaN (not reported) and at most 10^15 in size.
    pub fn new(spec: Spec, xs: Vec<f64>, ys: Vec<f64>) -> Result<Xy, Error> {
        let bad = |path: String, message: String| Error::Invalid { path, message };
        crate::data::check_unknown(
            "spec",
            &spec.unknown,
            &["kind", "x", "y", "color", "aggregate", "sort", "highlight", "title", "subtitle", "notes", "source"],
        )?;
        if !matches!(spec.kind, Mark::Line | Mark::Dot) {
            return Err(bad("spec.kind".into(), "number columns draw `line` and `dot` charts only".into()));
        }
        if let Some(c) = &spec.color {
            return Err(bad(format!("spec.color (`{c}`)"), "number columns draw one series: leave colour out".into()));
        }
        if xs.len() != ys.len() {
            return Err(bad("columns".into(), format!("x has {} values but y has {}", xs.len(), ys.len())));
        }
        if xs.is_empty() {
            return Err(bad("columns".into(), "are empty: there is nothing to draw".into()));
        }
        if xs.len() > MAX_XY_POINTS {
            return Err(bad("columns".into(), format!("have {} points; the limit is {MAX_XY_POINTS}", xs.len())));
        }
        // One pass over the points (there may be millions). Rows are numbered from 1, as in a
        // spreadsheet.
        let mut descending = None;
        for i in 0..xs.len() {
            let (x, y) = (xs[i], ys[i]);
            if !x.is_finite() {
                return Err(bad(format!("columns.x, row {}", i + 1), "is not a finite number".into()));
            }
            if y.is_infinite() || y.abs() > 1e15 {
                return Err(bad(format!("columns.y, row {}", i + 1), "is too large to draw (over 10^15)".into()));
            }
            if descending.is_none() && i > 0 && x < xs[i - 1] {
                descending = Some(i - 1);
            }
        }
        let mut xy = Xy { spec, xs, ys, stats: Stats::default() };
        if let Some(i) = descending {
            if xy.spec.sort != Sort::X {
                return Err(bad(
                    format!("columns.x, row {}", i + 2),
                    format!(
                        "is smaller than row {}: x must be in ascending order (or set \"sort\": \"x\" in the spec)",
                        i + 1
                    ),
                ));
            }
            let (xs, ys) = (&xy.xs, &xy.ys);
            let idx = order::indices(xs.len(), &mut |a, b| xs[a].total_cmp(&xs[b]));
            let (xs, ys): (Vec<f64>, Vec<f64>) = idx.iter().map(|&i| (xs[i], ys[i])).unzip();
            (xy.xs, xy.ys) = (xs, ys);
        }
        xy.stats = Stats::of(&xy.ys);
        Ok(xy)
    }

    /// The lowest and highest value reported, if any.
    pub fn range(&self) -> Option<(f64, f64)> {
        Some((self.ys[self.stats.lowest?], self.ys[self.stats.highest?]))
    }

    /// Index of the last point with a reported value, if any.
    pub fn last_known(&self) -> Option<usize> {
        self.stats.last
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.xs.len()
    }

    /// Always false: a checked series has at least one point.
    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }

    /// A y value as text, or "not reported".
    pub fn value_text(&self, y: f64, lang: Lang) -> String {
        if y.is_nan() {
            crate::text::not_reported(lang).to_string()
        } else {
            num(y, 2)
        }
    }

    /// The source line, if the spec names one.
    pub fn source_line(&self, lang: Lang) -> Option<String> {
        self.spec.source_line(lang)
    }

    /// One or two sentences: how many points, first and last value, the highest.
    pub fn summary(&self, lang: Lang) -> String {
        let n = self.len();
        let x = &self.spec.x;
        let at = |i: usize| num(self.xs[i], 2);
        let Stats { first, last, highest, unknown, .. } = self.stats;
        let mut out = match (first, last, highest) {
            (Some(a), Some(b), Some(hi)) => {
                let (ya, yb, yh) = (num(self.ys[a], 2), num(self.ys[b], 2), num(self.ys[hi], 2));
                match lang {
                    Lang::En => format!(
                        "{} points. From {ya} at {x} = {} to {yb} at {x} = {}; highest {yh} at {x} = {}.",
                        num(n as f64, 0),
                        at(a),
                        at(b),
                        at(hi)
                    ),
                    Lang::Zh => format!(
                        "共{}个点。从{x}为{}时的{ya}到{x}为{}时的{yb}；最高为{yh}（{x}为{}）。",
                        num(n as f64, 0),
                        at(a),
                        at(b),
                        at(hi)
                    ),
                }
            }
            _ => String::new(),
        };
        if unknown > 0 {
            out += &match lang {
                Lang::En => format!(" {} of {} values are not reported.", num(unknown as f64, 0), num(n as f64, 0)),
                Lang::Zh => format!("{}个数值中有{}个未报道。", num(n as f64, 0), num(unknown as f64, 0)),
            };
        }
        out.trim().to_string()
    }

    /// The data, at most `limit` rows of it (a page cannot carry a million-row table; the CSV
    /// download asks for all).
    pub fn table(&self, lang: Lang, limit: usize) -> Table {
        let rows = (0..self.len().min(limit)).map(|i| vec![num(self.xs[i], 2), self.value_text(self.ys[i], lang)]);
        Table {
            caption: self.spec.title.clone(),
            columns: vec![self.spec.x.clone(), self.spec.y.clone()],
            rows: rows.collect(),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn spec(extra: &str) -> Spec {
        serde_json::from_str(&format!(r#"{{"kind":"line","x":"t","y":"v"{extra}}}"#)).unwrap()
    }

    #[test]
    fn checks_name_the_row() {
        let e = Xy::new(spec(""), vec![0.0, 1.0, f64::NAN], vec![1.0; 3]).unwrap_err();
        assert_eq!(e.to_string(), "invalid value at `columns.x, row 3`: is not a finite number");
        let e = Xy::new(spec(""), vec![0.0, 2.0, 1.0], vec![1.0; 3]).unwrap_err();
        assert!(e.to_string().starts_with("invalid value at `columns.x, row 3`: is smaller than row 2"), "{e}");
        let e = Xy::new(spec(""), vec![0.0, 1.0], vec![1.0]).unwrap_err();
        assert_eq!(e.to_string(), "invalid value at `columns`: x has 2 values but y has 1");
        let e = Xy::new(spec(""), vec![0.0], vec![f64::INFINITY]).unwrap_err();
        assert!(e.to_string().starts_with("invalid value at `columns.y, row 1`:"), "{e}");
        let e = Xy::new(spec(r#","color":"g""#), vec![0.0], vec![1.0]).unwrap_err();
        assert!(e.to_string().contains("`spec.color (`g`)`"), "{e}");
        let bar: Spec = serde_json::from_str(r#"{"kind":"bar","x":"t","y":"v"}"#).unwrap();
        assert!(Xy::new(bar, vec![0.0], vec![1.0]).unwrap_err().to_string().contains("`spec.kind`"));
        assert!(Xy::new(spec(""), vec![], vec![]).is_err());
    }

    #[test]
    fn sorts_when_asked_and_keeps_pairs_together() {
        let xy = Xy::new(spec(r#","sort":"x""#), vec![2.0, 0.0, 1.0], vec![20.0, f64::NAN, 10.0]).unwrap();
        assert_eq!(xy.xs, [0.0, 1.0, 2.0]);
        assert!(xy.ys[0].is_nan());
        assert_eq!(xy.ys[1..], [10.0, 20.0]);
        assert_eq!(xy.range(), Some((10.0, 20.0)));
    }

    #[test]
    fn summary_and_table_come_from_the_points() {
        let xy = Xy::new(spec(""), vec![0.0, 1.0, 2.0, 3.0], vec![5.0, 9.5, f64::NAN, 7.0]).unwrap();
        assert_eq!(
            xy.summary(Lang::En),
            "4 points. From 5 at t = 0 to 7 at t = 3; highest 9.5 at t = 1. 1 of 4 values are not reported."
        );
        assert_eq!(xy.summary(Lang::Zh), "共4个点。从t为0时的5到t为3时的7；最高为9.5（t为1）。4个数值中有1个未报道。");
        let t = xy.table(Lang::En, 3);
        assert_eq!(t.columns, ["t", "v"]);
        assert_eq!(t.rows, [["0", "5"], ["1", "9.5"], ["2", "not reported"]]);
    }
}
