//! Chart specs for a newsroom's own data: which mark, which columns go on x, y and colour, how
//! rows are aggregated and sorted, what is highlighted, and the words around the chart.
//! [`Spec::check`] validates a spec against a [`Frame`], naming the field and the row of every
//! problem. The JSON Schema is `www/schema/chart-spec.schema.json`.

use serde::Deserialize;

use crate::error::Error;
use crate::frame::{Cell, Frame};

/// Chart kinds for custom data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// One horizontal bar per x value (the categories run down the chart).
    #[default]
    Bar,
    /// Horizontal bars split by colour, stacked.
    StackedBar,
    /// Horizontal bars split by colour, side by side.
    GroupedBar,
    /// A line per colour across x.
    Line,
    /// A dot per x and colour.
    Dot,
    /// One vertical bar per x value; negative values hang below zero.
    Column,
    /// Vertical bars split by colour, stacked (negative parts below zero).
    StackedColumn,
    /// A filled area under the values across x (one per colour, overlapping).
    Area,
    /// Areas split by colour, stacked.
    StackedArea,
    /// Every row a point at (x, y), no aggregation.
    Scatter,
    /// A scatter whose circles' areas are proportional to the `size` column.
    Bubble,
    /// How many rows fall in each bin of the numeric `x` column.
    Histogram,
    /// Slices of a whole, one per x value (small ones merged into "Other").
    Pie,
    /// A pie with a hole.
    Donut,
    /// Each x value's two values (the two `color` values) joined by a line.
    Dumbbell,
    /// A dumbbell with an arrow from the first `color` value to the second.
    Arrow,
    /// Two columns of values (the two `color` values), each x value joined by a line.
    Slope,
    /// One square per unit (or per `unit` units), coloured by x value.
    Waffle,
}

impl Mark {
    /// Every kind, with its name in specs.
    pub const ALL: [(Mark, &'static str); 18] = [
        (Mark::Bar, "bar"),
        (Mark::StackedBar, "stacked-bar"),
        (Mark::GroupedBar, "grouped-bar"),
        (Mark::Line, "line"),
        (Mark::Dot, "dot"),
        (Mark::Column, "column"),
        (Mark::StackedColumn, "stacked-column"),
        (Mark::Area, "area"),
        (Mark::StackedArea, "stacked-area"),
        (Mark::Scatter, "scatter"),
        (Mark::Bubble, "bubble"),
        (Mark::Histogram, "histogram"),
        (Mark::Pie, "pie"),
        (Mark::Donut, "donut"),
        (Mark::Dumbbell, "dumbbell"),
        (Mark::Arrow, "arrow"),
        (Mark::Slope, "slope"),
        (Mark::Waffle, "waffle"),
    ];

    /// The kind's name in specs.
    pub fn name(self) -> &'static str {
        Mark::ALL.iter().find(|(m, _)| *m == self).map(|(_, n)| *n).unwrap_or("bar")
    }

    /// Whether rows are aggregated per x and colour (every kind but scatter, bubble and
    /// histogram, which draw or bin each row).
    pub fn aggregates(self) -> bool {
        !matches!(self, Mark::Scatter | Mark::Bubble | Mark::Histogram)
    }

    /// Whether the kind compares exactly two `color` values per x value.
    pub fn paired(self) -> bool {
        matches!(self, Mark::Dumbbell | Mark::Arrow | Mark::Slope)
    }
}

/// How rows that share x (and colour) are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregate {
    /// Add them up (the default). A "not reported" member makes the sum not reported.
    #[default]
    Sum,
    /// Their mean.
    Mean,
    /// How many rows there are.
    Count,
    /// The smallest.
    Min,
    /// The largest.
    Max,
    /// Each x (and colour) must appear once.
    None,
}

/// Order of the x values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    /// As first seen in the data (the default).
    #[default]
    Data,
    /// By x: numerically when every x is a number, else alphabetically.
    X,
    /// By total value, smallest first.
    YAscending,
    /// By total value, largest first.
    YDescending,
}

/// Where the data comes from, shown under the chart.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SpecSource {
    /// Publication or organisation.
    pub title: String,
    /// Date of the figures or of publication.
    #[serde(default)]
    pub date: Option<String>,
}

/// A chart spec.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
pub struct Spec {
    /// Ignored: lets a spec name its JSON Schema.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The mark.
    pub kind: Mark,
    /// Column for the x axis (categories).
    pub x: String,
    /// Column with the numbers (every kind but `histogram`, which counts rows).
    #[serde(default)]
    pub y: String,
    /// Column that splits the data into coloured series.
    #[serde(default)]
    pub color: Option<String>,
    /// How rows sharing x and colour are combined.
    #[serde(default)]
    pub aggregate: Aggregate,
    /// Order of x values.
    #[serde(default)]
    pub sort: Sort,
    /// x values (or colour values) drawn in the accent colour, the rest muted.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// Bubble: the column with the circles' sizes (areas proportional to it).
    #[serde(default)]
    pub size: Option<String>,
    /// Histogram: about this many bins (nice bin edges, as Vega-Lite's `bin.maxbins`).
    #[serde(default)]
    pub bins: Option<f64>,
    /// Histogram: the width of every bin, in x units (wins over `bins`).
    #[serde(default, rename = "binWidth")]
    pub bin_width: Option<f64>,
    /// Pie and donut: slices below this share of the whole (percent; default 2) are merged
    /// into one "Other" slice.
    #[serde(default, rename = "otherBelow")]
    pub other_below: Option<f64>,
    /// Waffle: units per square (default 1).
    #[serde(default)]
    pub unit: Option<f64>,
    /// Small multiples: one panel per value of this column.
    #[serde(default)]
    pub facet: Option<String>,
    /// Small multiples: most panels per row (default 3; fewer on narrow screens).
    #[serde(default)]
    pub columns: Option<usize>,
    /// Notes, reference lines and shaded ranges drawn over the chart.
    #[serde(default)]
    /// (Kept as JSON and read by [`crate::shorthand::annotate::read`]: a derived reader of
    /// tagged enums costs the wasm tens of KB.)
    pub annotations: Vec<crate::grammar::Json>,
    /// Heading.
    #[serde(default)]
    pub title: String,
    /// Line under the heading.
    #[serde(default)]
    pub subtitle: String,
    /// A note under the chart.
    #[serde(default)]
    pub notes: String,
    /// Source line.
    #[serde(default)]
    pub source: Option<SpecSource>,
    /// Fields the schema does not define (refused by [`Spec::check`]).
    #[serde(flatten)]
    pub unknown: crate::data::Unknown,
}

/// Most problems listed in one error message.
pub(crate) const MAX_LISTED: usize = 5;

impl Spec {
    /// The source line, if the spec names one ("Source: title, date").
    pub fn source_line(&self, lang: crate::data::Lang) -> Option<String> {
        self.source.as_ref().map(|s| {
            let date = s.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            format!("{}{}{date}", crate::text::pick(lang, "Source: ", "来源："), s.title)
        })
    }

    /// Lines under the chart: the source line and the notes.
    pub fn credits(&self, lang: crate::data::Lang) -> Vec<String> {
        let mut out: Vec<String> = self.source_line(lang).into_iter().collect();
        if !self.notes.is_empty() {
            out.push(self.notes.clone());
        }
        out
    }

    /// Checks the spec against the data: columns exist, the y column holds numbers (or is empty,
    /// meaning not reported), every row has an x, and the kind has what it needs.
    pub fn check(&self, f: &Frame) -> Result<(), Error> {
        crate::data::check_unknown(
            "spec",
            &self.unknown,
            &[
                "kind",
                "x",
                "y",
                "color",
                "aggregate",
                "sort",
                "highlight",
                "size",
                "bins",
                "binWidth",
                "otherBelow",
                "unit",
                "facet",
                "columns",
                "annotations",
                "title",
                "subtitle",
                "notes",
                "source",
            ],
        )?;
        for (field, t) in [
            ("title", &self.title),
            ("subtitle", &self.subtitle),
            ("notes", &self.notes),
            ("x", &self.x),
            ("y", &self.y),
        ] {
            crate::data::check_text(|| format!("spec.{field}"), t)?;
        }
        if let Some(src) = &self.source {
            crate::data::check_text(|| "spec.source.title".into(), &src.title)?;
        }
        if self.highlight.len() > 1000 {
            return Err(Error::Invalid {
                path: "spec.highlight".into(),
                message: "lists more than 1000 values".into(),
            });
        }
        let (x, y, c) = self.columns_in(f)?;
        crate::shorthand::check_kind(self, f)?;
        let mut problems: Vec<String> = Vec::new();
        let mut bad_rows = 0;
        for (i, row) in f.rows.iter().enumerate() {
            if self.row_problems(i + 1, row, (x, y, c), &mut problems) {
                bad_rows += 1;
            }
        }
        if f.rows.is_empty() {
            return Err(Error::Invalid { path: "data".into(), message: "has no rows".into() });
        }
        if problems.is_empty() {
            return Ok(());
        }
        Err(refusal(&problems, problems.len(), bad_rows, f.rows.len()))
    }

    /// The columns the spec names in `f`: x, y (none for a histogram) and colour, checked to
    /// exist (and a stacked or grouped kind to have a colour).
    pub fn columns_in(&self, f: &Frame) -> Result<(usize, Option<usize>, Option<usize>), Error> {
        let col = |field: &str, name: &str| {
            f.column(name).ok_or_else(|| Error::Invalid {
                path: format!("spec.{field}"),
                message: format!("\"{name}\" is not a column of the data (columns: {})", f.columns.join(", ")),
            })
        };
        let x = col("x", &self.x)?;
        let y = if self.kind == Mark::Histogram {
            if !self.y.is_empty() {
                return Err(Error::Invalid {
                    path: "spec.y".into(),
                    message: "a histogram counts the rows in each bin of x: leave y out".into(),
                });
            }
            None
        } else if self.y.is_empty() {
            return Err(Error::Invalid {
                path: "spec.y".into(),
                message: "missing: name the column with the numbers".into(),
            });
        } else {
            Some(col("y", &self.y)?)
        };
        let c = match &self.color {
            Some(name) => Some(col("color", name)?),
            None => None,
        };
        if matches!(self.kind, Mark::StackedBar | Mark::GroupedBar | Mark::StackedColumn | Mark::StackedArea)
            && c.is_none()
        {
            return Err(Error::Invalid {
                path: "spec.color".into(),
                message: "stacked and grouped kinds need a colour column to split the bars or areas".into(),
            });
        }
        Ok((x, y, c))
    }

    /// The problems of data row `n` (1 = the first) for this spec, pushed to `problems`, with
    /// the columns from [`Spec::columns_in`]; whether it has any.
    pub fn row_problems(
        &self,
        n: usize,
        row: &[Cell],
        (x, y, c): (usize, Option<usize>, Option<usize>),
        problems: &mut Vec<String>,
    ) -> bool {
        let before = problems.len();
        if row[x] == Cell::Missing {
            problems.push(format!("row {n}, field `{}`: empty, so the row has no place on the chart", self.x));
        }
        if let Some(c) = c {
            if row[c] == Cell::Missing {
                problems.push(format!("row {n}, field `{}`: empty colour value", self.color.as_deref().unwrap_or("")));
            }
        }
        if let Some(y) = y {
            match &row[y] {
                Cell::Text(t) if self.aggregate != Aggregate::Count => {
                    problems.push(format!("row {n}, field `{}`: \"{}\" is not a number", self.y, clip(t)))
                }
                Cell::Num(v) if *v < 0.0 && matches!(self.kind, Mark::StackedBar | Mark::StackedArea) => problems
                    .push(format!("row {n}, field `{}`: stacked bars and areas cannot show a negative value", self.y)),
                Cell::Num(v) if *v < 0.0 && matches!(self.kind, Mark::Pie | Mark::Donut | Mark::Waffle) => {
                    problems.push(format!("row {n}, field `{}`: a part of a whole cannot be negative ({v})", self.y))
                }
                _ => {}
            }
        }
        problems.len() > before
    }
}

/// The refusal of data with problems: the first of `problems` (of `count` in all) listed, on
/// `bad_rows` of `rows` rows.
pub(crate) fn refusal(problems: &[String], count: usize, bad_rows: usize, rows: usize) -> Error {
    let shown = problems.iter().take(MAX_LISTED).cloned().collect::<Vec<_>>().join("; ");
    let more = if count > MAX_LISTED { format!("; and {} more", count - MAX_LISTED) } else { String::new() };
    Error::Invalid { path: "data".into(), message: format!("{bad_rows} of {rows} rows cannot be drawn: {shown}{more}") }
}

fn clip(s: &str) -> String {
    let mut t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame::from_csv("year,scope,count\n2021,global,4\n2021,national,33\n2023,global,15\n2023,national,38\n")
            .unwrap()
    }

    fn spec(json: &str) -> Result<Spec, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_valid_spec_passes() {
        let s = spec(r#"{"kind":"stacked-bar","x":"year","y":"count","color":"scope","title":"T"}"#).unwrap();
        s.check(&frame()).unwrap();
        assert_eq!(s.aggregate, Aggregate::Sum);
        assert_eq!(s.sort, Sort::Data);
    }

    #[test]
    fn unknown_columns_and_fields_are_named() {
        let s = spec(r#"{"kind":"bar","x":"yr","y":"count"}"#).unwrap();
        assert_eq!(
            s.check(&frame()).unwrap_err().to_string(),
            "invalid value at `spec.x`: \"yr\" is not a column of the data (columns: year, scope, count)"
        );
        let typo = spec(r#"{"kind":"bar","x":"year","y":"count","colour":"scope"}"#).unwrap();
        assert!(typo
            .check(&frame())
            .unwrap_err()
            .to_string()
            .starts_with("invalid value at `spec.colour`: unknown field `colour`"));
        assert!(spec(r#"{"kind":"piechart","x":"year","y":"count"}"#)
            .unwrap_err()
            .contains("unknown variant `piechart`"));
        assert!(spec(r#"{"kind":"bar","x":"year"}"#)
            .unwrap()
            .check(&frame())
            .unwrap_err()
            .to_string()
            .contains("`spec.y`"));
    }

    #[test]
    fn stacked_needs_colour() {
        let s = spec(r#"{"kind":"grouped-bar","x":"year","y":"count"}"#).unwrap();
        assert!(s.check(&frame()).unwrap_err().to_string().starts_with("invalid value at `spec.color`"));
    }

    #[test]
    fn bad_rows_are_counted_and_listed_with_their_numbers() {
        let f = Frame::from_csv("x,y\na,1\nb,lots\n,3\nd,\n").unwrap();
        let s = spec(r#"{"kind":"bar","x":"x","y":"y"}"#).unwrap();
        let e = s.check(&f).unwrap_err().to_string();
        assert_eq!(
            e,
            "invalid value at `data`: 2 of 4 rows cannot be drawn: row 2, field `y`: \"lots\" is not a number; row 3, field `x`: empty, so the row has no place on the chart"
        );
    }
}
