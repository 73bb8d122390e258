//! What each fuzz target runs and asserts, on its text input. Shared by the libFuzzer targets
//! (`fuzz/fuzz_targets/*.rs`, through the `news_infographic_fuzz` crate) and the native
//! regression test (`tests/fuzz_regressions.rs` includes this file with `#[path]`), so a saved
//! input is replayed through exactly the code that found it, without libFuzzer.
//!
//! Only crates the main crate itself depends on natively are used here (serde, serde_json and
//! resvg, whose `usvg::roxmltree` checks that exported SVG is well-formed XML).
//!
//! Every `run_*` function returns `Ok(())` when the input got all the way through (and every
//! invariant held) and `Err(reason)` when the crate rejected it with an error, which is fine:
//! rejecting bad input is the job. A broken invariant is a panic.

#![allow(dead_code)]

use std::rc::Rc;

use news_infographic::chart::{ChartDef, ChartKind};
use news_infographic::claims::check_all;
use news_infographic::custom::Custom;
use news_infographic::data::{Dataset, Lang};
use news_infographic::export;
use news_infographic::figures::key_figures;
use news_infographic::frame::{Cell, Frame, JsonRow, MAX_ROWS};
use news_infographic::layout::Layout;
use news_infographic::spec::Spec;
use news_infographic::table::Table;
use news_infographic::theme::{Theme, ThemeName};

/// The targets, as named in `fuzz/Cargo.toml` and under `tests/fixtures/fuzz/`.
pub const TARGETS: [&str; 5] = ["dataset_json", "csv_reader", "json_rows", "spec_validator", "layout_svg"];

/// Why an input stopped short of the end of the pipeline (not a bug).
pub type Outcome = Result<(), String>;

/// A bug the fuzzers found that is still open in `src/` (the fuzzing work does not fix `src/`).
pub struct KnownIssue {
    /// Short name, used in the checks below and in messages.
    pub id: &'static str,
    /// What goes wrong; its fixtures are under `tests/fixtures/fuzz/`.
    pub summary: &'static str,
    /// True while the bug reproduces (a minimal reproduction that does not panic).
    pub still_open: fn() -> bool,
}

/// Open bugs. While an issue is listed, an input that hits it is set aside (reported as
/// "known issue ..." instead of failing), so the fuzzer goes on finding new bugs and `cargo test`
/// stays green. When a bug is fixed, `tests/fuzz_regressions.rs` fails until its entry is
/// deleted here; from then on its fixtures are checked strictly, like every other input.
pub const KNOWN_ISSUES: &[KnownIssue] = &[
    // All issues found so far are fixed; see git history for the list.
];

const MILLION: &str = r#"{"id": "t", "title": {"en": "T"}, "period": [2021, 2023],
    "sources": [{"id": "s", "title": "Src", "date": "2024-01-01"}], "values": [
    {"id": "a", "metric": "champions", "year": 2021, "scope": "global-or-national", "value": 1000000, "source": "s"},
    {"id": "b", "metric": "champions", "year": 2023, "scope": "global-or-national", "value": 10, "source": "s"}]}"#;

const LONG_X: &str = "Animal husbandry and aquaculture together with fisheries and forestry";

fn known(id: &str) -> bool {
    KNOWN_ISSUES.iter().any(|k| k.id == id)
}

/// `Err("known issue ...")` when `hit` and the issue is still listed.
fn set_aside(id: &str, hit: bool) -> Outcome {
    if hit && known(id) {
        Err(format!("known issue `{id}`"))
    } else {
        Ok(())
    }
}

fn custom(csv: &str, spec: &str) -> Result<Custom, String> {
    let spec: Spec = serde_json::from_str(spec).map_err(|e| e.to_string())?;
    Custom::new(spec, Frame::from_csv(csv).map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// A character XML 1.0 does not allow in a document.
fn not_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Is the value span of the chart (what its ticks must cover) positive but below 1e-320?
fn span_subnormal(c: &Custom) -> bool {
    let Some(s) = c.series.as_ref() else { return false };
    let mut vals: Vec<f64> = s.values.iter().flatten().flatten().copied().collect();
    vals.extend((0..s.categories.len()).filter_map(|k| s.total(k)));
    let lo = vals.iter().copied().fold(0.0, f64::min);
    let hi = vals.iter().copied().fold(0.0, f64::max);
    hi - lo > 0.0 && hi - lo < 1e-320
}

/// Would a line or dot chart at `width` have an x label wider than the chart?
fn x_label_too_wide(c: &Custom, width: f64) -> bool {
    use news_infographic::spec::Mark;
    let width = width.clamp(200.0, 4000.0);
    matches!(c.spec.kind, Mark::Line | Mark::Dot)
        && c.series
            .iter()
            .flat_map(|s| s.categories.iter())
            .any(|k| news_infographic::layout::measure(k, 12.0, false) + 2.0 > width)
}

/// Would a line or dot chart of these categories place x by a value that is not finite?
fn x_not_finite(c: &Custom) -> bool {
    use news_infographic::spec::Mark;
    let Some(s) = c.series.as_ref() else { return false };
    if !matches!(c.spec.kind, Mark::Line | Mark::Dot) || s.categories.len() < 2 {
        return false;
    }
    let xs: Option<Vec<f64>> = s.categories.iter().map(|k| k.parse::<f64>().ok()).collect();
    xs.is_some_and(|xs| {
        let lo = xs.iter().copied().fold(f64::MAX, f64::min);
        let hi = xs.iter().copied().fold(f64::MIN, f64::max);
        xs.iter().any(|x| !x.is_finite()) || !(hi - lo).is_finite()
    })
}

/// Runs `target` on one input (the text form; see [`crate`] docs of each target).
pub fn run(target: &str, data: &[u8]) -> Outcome {
    match target {
        "dataset_json" => run_dataset_json(data),
        "csv_reader" => run_csv_reader(data),
        "json_rows" => run_json_rows(data),
        "spec_validator" => run_spec_validator(data),
        "layout_svg" => run_layout_svg(data),
        other => panic!("unknown fuzz target {other:?}"),
    }
}

/// Input bytes as the text the crate's entry points take (`&str`): invalid UTF-8 is replaced,
/// the same way in the fuzzer and in the regression test.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A layout width in 200..=2000 CSS px derived from the input bytes (FNV-1a), so one input
/// always lays out at the same width.
pub fn width_of(data: &[u8]) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    200.0 + (h % 1801) as f64
}

// ---------------------------------------------------------------------------------------------
// dataset_json: Dataset::from_json, then every preset chart of the dataset.

/// `Dataset::from_json`; when it accepts, every preset chart's meta, table, CSV, credits and
/// layout (two languages and themes) plus its SVG.
pub fn run_dataset_json(data: &[u8]) -> Outcome {
    let d = Dataset::from_json(&text(data)).map_err(|e| e.to_string())?;
    // What validation promises.
    assert!(d.period[0] < d.period[1], "validated period {:?} is not increasing", d.period);
    for v in &d.values {
        if let Some(x) = v.value {
            assert!(x.is_finite() && x >= 0.0, "validated value {} is {x}", v.id);
        }
    }
    let checks = check_all(&d).unwrap_or_else(|e| panic!("claims of a validated dataset fail to check: {e}"));
    assert_eq!(checks.len(), d.claims.len());
    for lang in [Lang::En, Lang::Zh] {
        let _ = key_figures(&d, lang);
    }
    let d = Rc::new(d);
    let width = width_of(data);
    for kind in ChartKind::ALL {
        let def = ChartDef::Preset(kind, Rc::clone(&d));
        for lang in [Lang::En, Lang::Zh] {
            let _ = def.meta(lang);
            check_table(&def.table(lang), &def.credits(lang));
        }
        for (lang, theme) in [(Lang::En, ThemeName::Light), (Lang::Zh, ThemeName::Dark)] {
            let what = format!("{} at {width} px, {lang:?}", kind.name());
            let l = def.layout(width, lang, &Theme::get(theme)).map_err(|e| format!("{what}: {e}"))?;
            check_layout(&l, &what)?;
            check_svg(&l, &what)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// csv_reader: Frame::from_csv.

/// `Frame::from_csv`; an accepted frame must be well-formed and read back the same from a
/// canonical re-encoding (when its names make that unambiguous).
pub fn run_csv_reader(data: &[u8]) -> Outcome {
    let t = text(data);
    let f = Frame::from_csv(&t).map_err(|e| e.to_string())?;
    check_frame(&f, true);
    if let Some(csv) = canonical_csv(&f) {
        let again = Frame::from_csv(&csv).unwrap_or_else(|e| panic!("re-encoded frame is refused: {e}\n{csv:?}"));
        assert_eq!(again, f, "frame read from {t:?} reads back differently from its re-encoding {csv:?}");
    }
    Ok(())
}

/// The frame as CSV, every field quoted, `,`-separated; `None` when reading it back could
/// legitimately differ: the delimiter is guessed from the header line, a one-column row that is
/// empty is a blank line, and a leading byte-order mark is dropped.
fn canonical_csv(f: &Frame) -> Option<String> {
    let risky = |c: &str| c.contains([',', ';', '\t', '"', '\n', '\r']) || c.starts_with('\u{feff}');
    if f.columns.iter().any(|c| risky(c)) {
        return None;
    }
    if f.columns.len() == 1 && f.rows.iter().any(|r| r[0] == Cell::Missing) {
        return None;
    }
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = f.columns.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
    out.push('\n');
    for r in &f.rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| match c {
                Cell::Num(v) => format!("{v}"),
                Cell::Text(s) => field(s),
                Cell::Missing => String::new(),
            })
            .collect();
        out += &cells.join(",");
        out.push('\n');
    }
    Some(out)
}

/// What every frame promises: named, unique columns, rectangular rows, finite numbers,
/// non-empty text (trimmed when it came from CSV).
pub fn check_frame(f: &Frame, from_csv: bool) {
    assert!(!f.columns.is_empty(), "frame without columns");
    for (i, c) in f.columns.iter().enumerate() {
        assert!(!c.is_empty(), "column {i} has no name");
        assert!(!f.columns[..i].contains(c), "column {c:?} twice");
        if from_csv {
            assert_eq!(c.trim(), c, "CSV column name {c:?} is not trimmed");
        }
    }
    assert!(f.rows.len() <= MAX_ROWS, "{} rows, more than the limit", f.rows.len());
    for (i, r) in f.rows.iter().enumerate() {
        assert_eq!(r.len(), f.columns.len(), "row {i} has {} cells for {} columns", r.len(), f.columns.len());
        for c in r {
            match c {
                Cell::Num(v) => {
                    assert!(v.is_finite(), "row {i}: non-finite number {v}");
                    if !(known("num-saturates") && v.abs() >= 9.2e12) {
                        let t = c.text();
                        let back: f64 = t.parse().unwrap_or_else(|_| panic!("row {i}: {v} shows as {t:?}"));
                        assert!((back - v).abs() <= 0.5e-6 + v.abs() * 1e-15, "row {i}: {v} shows as {t:?}");
                    }
                }
                Cell::Text(s) => {
                    assert!(!s.is_empty(), "row {i}: empty text cell (should be Missing)");
                    if from_csv {
                        assert_eq!(s.trim(), s, "row {i}: CSV text {s:?} is not trimmed");
                    }
                }
                Cell::Missing => {}
            }
            let _ = c.text();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// json_rows: serde_json into Vec<JsonRow> (or {"rows": [...]}), then Frame::from_rows.

/// The JSON shapes the widget accepts for custom data: an array of row objects or `{"rows": [...]}`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum JsonData {
    Rows(Vec<JsonRow>),
    Wrapped { rows: Vec<JsonRow> },
}

fn rows_from_json(t: &str) -> Result<Vec<JsonRow>, String> {
    match serde_json::from_str::<Vec<JsonRow>>(t) {
        Ok(rows) => Ok(rows),
        Err(e) => match serde_json::from_str::<JsonData>(t) {
            Ok(JsonData::Rows(r) | JsonData::Wrapped { rows: r }) => Ok(r),
            Err(_) => Err(e.to_string()),
        },
    }
}

/// JSON rows through `Frame::from_rows`; each cell must be the row's own value for that key.
pub fn run_json_rows(data: &[u8]) -> Outcome {
    let rows = rows_from_json(&text(data))?;
    let copy = rows.clone();
    let f = Frame::from_rows(rows).map_err(|e| e.to_string())?;
    check_frame(&f, false);
    assert_eq!(f.rows.len(), copy.len());
    for (r, row) in copy.iter().zip(&f.rows) {
        for (k, v) in &r.0 {
            let i = f.column(k).unwrap_or_else(|| panic!("key {k:?} is not a column"));
            assert_eq!(&row[i], v, "cell {k:?} changed");
        }
        let n = row.iter().filter(|c| **c != Cell::Missing).count();
        assert!(n <= r.0.len(), "a row has cells it did not give");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// spec_validator: spec JSON, NUL, data (CSV, or JSON rows when it starts with `[` or `{`).

/// Splits at the first NUL byte: the spec's JSON before it, the data after it (JSON rows when
/// the data starts with `[` or `{`, else CSV). Then `Custom::new` and, when it accepts, the
/// series invariants, the words around the chart and the layout.
pub fn run_spec_validator(data: &[u8]) -> Outcome {
    let nul = data.iter().position(|b| *b == 0).ok_or("no NUL between spec and data")?;
    let (spec, rest) = (&data[..nul], &data[nul + 1..]);
    let spec: Spec = serde_json::from_str(&text(spec)).map_err(|e| format!("spec: {e}"))?;
    let t = text(rest);
    let frame = if t.trim_start().starts_with(['[', '{']) {
        Frame::from_rows(rows_from_json(&t)?).map_err(|e| e.to_string())?
    } else {
        Frame::from_csv(&t).map_err(|e| e.to_string())?
    };
    let c = Custom::new(spec, frame).map_err(|e| e.to_string())?;
    check_custom(&c);
    set_aside("line-x-not-finite", x_not_finite(&c))?;
    set_aside("subnormal-values-crash", span_subnormal(&c))?;
    let width = width_of(data);
    set_aside("line-x-label-wider-than-chart", x_label_too_wide(&c, width))?;
    let n = c.series.as_ref().map_or(0, |s| s.categories.len() * s.groups.len().max(1));
    let kind = c.spec.kind;
    let def = ChartDef::Custom(Rc::new(c));
    let what = format!("custom chart at {width} px");
    let l = def.layout(width, Lang::En, &Theme::get(ThemeName::Light)).map_err(|e| format!("{what}: {e}"))?;
    check_layout(&l, &what)?;
    check_items(&l, kind, n, &what);
    Ok(())
}

/// What a checked custom chart promises: a series shaped like its categories and groups, and
/// text, table and tooltips for every category.
pub fn check_custom(c: &Custom) {
    let Some(s) = c.series.as_ref() else { return };
    assert!(!s.categories.is_empty() && !s.groups.is_empty(), "empty series from a checked chart");
    assert_eq!(s.values.len(), s.groups.len());
    assert_eq!(s.present.len(), s.groups.len());
    for g in 0..s.groups.len() {
        assert_eq!(s.values[g].len(), s.categories.len());
        assert_eq!(s.present[g].len(), s.categories.len());
        for k in 0..s.categories.len() {
            if !s.present[g][k] {
                assert_eq!(s.values[g][k], None, "absent pair with a value");
            }
        }
    }
    for (i, k) in s.categories.iter().enumerate() {
        assert!(!s.categories[..i].contains(k), "category {k:?} twice");
    }
    for (i, g) in s.groups.iter().enumerate() {
        assert!(!s.groups[..i].contains(g), "group {g:?} twice");
    }
    for lang in [Lang::En, Lang::Zh] {
        let _ = c.summary(lang);
        for k in 0..s.categories.len() {
            assert!(!c.lines_for(k, lang).is_empty(), "no tooltip lines for category {k}");
        }
        let t = c.table(lang);
        assert_eq!(t.rows.len(), s.categories.len());
        check_table(&t, &[]);
    }
}

// ---------------------------------------------------------------------------------------------
// layout_svg: a custom chart laid out at a width and exported as SVG.

/// A layout case in its text form, the form fixtures are kept in:
///
/// ```text
/// width=640 lang=en theme=light
/// {"kind":"bar","x":"x","y":"y"}
/// x,y
/// a,1
/// ```
///
/// Line 1: options (any order; defaults 640, en, light). Line 2: the spec's JSON on one line.
/// The rest: the data, CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutCase {
    /// Width in CSS px.
    pub width: f64,
    /// `en` or `zh`.
    pub lang: Lang,
    /// Light or dark.
    pub theme: ThemeName,
    /// The chart spec, JSON.
    pub spec: String,
    /// The data, CSV.
    pub csv: String,
}

impl LayoutCase {
    /// Parses the text form.
    pub fn parse(t: &str) -> Result<LayoutCase, String> {
        let (opts, rest) = t.split_once('\n').ok_or("no options line")?;
        let (spec, csv) = rest.split_once('\n').unwrap_or((rest, ""));
        let mut case = LayoutCase {
            width: 640.0,
            lang: Lang::En,
            theme: ThemeName::Light,
            spec: spec.to_string(),
            csv: csv.to_string(),
        };
        for opt in opts.split_whitespace() {
            match opt.split_once('=') {
                Some(("width", w)) => case.width = w.parse().map_err(|_| format!("bad width {w:?}"))?,
                Some(("lang", l)) => case.lang = Lang::parse(l).map_err(|e| e.to_string())?,
                Some(("theme", "light")) => case.theme = ThemeName::Light,
                Some(("theme", "dark")) => case.theme = ThemeName::Dark,
                _ => return Err(format!("unknown option {opt:?}")),
            }
        }
        Ok(case)
    }

    /// The text form.
    pub fn to_text(&self) -> String {
        let lang = if self.lang == Lang::Zh { "zh" } else { "en" };
        let theme = if self.theme == ThemeName::Dark { "dark" } else { "light" };
        format!("width={} lang={lang} theme={theme}\n{}\n{}", self.width, self.spec, self.csv)
    }
}

/// The layout case in `data` (text form): spec and CSV into a custom chart, laid out, checked,
/// exported as SVG and checked again.
pub fn run_layout_svg(data: &[u8]) -> Outcome {
    let case = LayoutCase::parse(&text(data))?;
    run_layout_case(&case)
}

/// One layout case.
pub fn run_layout_case(case: &LayoutCase) -> Outcome {
    let spec: Spec = serde_json::from_str(&case.spec).map_err(|e| format!("spec: {e}"))?;
    let frame = Frame::from_csv(&case.csv).map_err(|e| e.to_string())?;
    let c = Custom::new(spec, frame).map_err(|e| e.to_string())?;
    check_custom(&c);
    set_aside("line-x-not-finite", x_not_finite(&c))?;
    set_aside("subnormal-values-crash", span_subnormal(&c))?;
    set_aside("line-x-label-wider-than-chart", x_label_too_wide(&c, case.width))?;
    let n = c.series.as_ref().map_or(0, |s| s.categories.len() * s.groups.len().max(1));
    let kind = c.spec.kind;
    let def = ChartDef::Custom(Rc::new(c));
    let what = format!("{:?} chart at {} px", def.name(), case.width);
    let l = def.layout(case.width, case.lang, &Theme::get(case.theme)).map_err(|e| format!("{what}: {e}"))?;
    check_layout(&l, &what)?;
    check_items(&l, kind, n, &what);
    check_svg(&l, &what)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Invariants of layouts, SVG and tables.

fn finite_rect(r: &news_infographic::layout::Rect) -> bool {
    r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite()
}

/// Items a reader can point at: one per drawn mark (a bar, a stacked segment, a point), so at
/// most one per x value and group (values not reported draw no mark), and a thinned set for
/// very long series.
fn check_items(l: &Layout, kind: news_infographic::spec::Mark, n: usize, what: &str) {
    let _ = kind;
    assert!(l.items.len() <= n.max(1), "{what}: {} items for {n} x values and groups", l.items.len());
    for it in &l.items {
        assert!(it.rect.w > 0.0 && it.rect.h > 0.0, "{what}: empty hit area for {:?}", it.title);
        assert!(!it.lines.is_empty(), "{what}: no tooltip lines for {:?}", it.title);
    }
}

/// A kind of label overlap already reported: its issue id, and whether labels `a` and `b` are of it.
type OverlapClass<'a> = (&'static str, &'a dyn Fn(usize, usize) -> bool);

/// What every layout promises: a finite, non-empty size, finite coordinates, every data mark
/// inside the plot area, labels that do not overlap, marks that point at real items.
pub fn check_layout(l: &Layout, what: &str) -> Outcome {
    assert!(
        l.width.is_finite() && l.height.is_finite() && l.width > 0.0 && l.height > 0.0,
        "{what}: size {} x {}",
        l.width,
        l.height
    );
    assert!(finite_rect(&l.plot), "{what}: plot {:?}", l.plot);
    for b in &l.bars {
        assert!(finite_rect(&b.rect), "{what}: bar at {:?}", b.rect);
    }
    for p in &l.parts {
        assert!(finite_rect(&p.rect), "{what}: part at {:?}", p.rect);
        assert!(p.item < l.items.len(), "{what}: part of item {} of {}", p.item, l.items.len());
    }
    for d in &l.dots {
        assert!(d.x.is_finite() && d.y.is_finite() && d.r.is_finite(), "{what}: dot {d:?}");
    }
    for p in &l.paths {
        assert!(p.points.iter().all(|(x, y)| x.is_finite() && y.is_finite()), "{what}: path {:?}", p.points);
    }
    for r in &l.rules {
        assert!(
            [r.x1, r.y1, r.x2, r.y2].iter().all(|v| v.is_finite()),
            "{what}: rule ({}, {}) - ({}, {})",
            r.x1,
            r.y1,
            r.x2,
            r.y2
        );
    }
    for lab in &l.labels {
        assert!(lab.x.is_finite() && lab.y.is_finite(), "{what}: label {:?} at ({}, {})", lab.text, lab.x, lab.y);
    }
    for it in &l.items {
        assert!(finite_rect(&it.rect) && finite_rect(&it.mark), "{what}: item {:?} at {:?}", it.title, it.rect);
    }
    let outside = l.bars_outside_plot();
    assert!(
        outside.is_empty(),
        "{what}: marks outside the plot {:?}: {:?}",
        l.plot,
        outside
            .iter()
            .map(|&i| match i {
                i if i >= 20_000 => format!("path {:?}", l.paths[i - 20_000].points),
                i if i >= 10_000 => format!("dot ({}, {})", l.dots[i - 10_000].x, l.dots[i - 10_000].y),
                i => format!("bar {:?}", l.bars[i].rect),
            })
            .collect::<Vec<_>>()
    );
    let overlaps = l.overlapping_labels();
    // Overlaps of a kind already reported (KNOWN_ISSUES) are set aside; any other fails.
    let lab = |i: usize| &l.labels[i];
    // Line charts: an end label (bold, 13 px, just right of the plot) and an x label under the plot.
    let end_label = |i: usize| lab(i).bold && lab(i).size == 13.0 && (lab(i).x - (l.plot.right() + 2.0)).abs() < 1e-6;
    let x_label = |i: usize| lab(i).size == 12.0 && (lab(i).y - (l.plot.bottom() + 10.0)).abs() < 1e-6;
    let classes: [OverlapClass; 3] = [
        // champions-by-year: a total (the one bold 14 px label) and a value-axis label (12 px, right-aligned).
        ("year-total-over-axis-labels", &|a, b| {
            let total = |i: usize| lab(i).bold && lab(i).size == 14.0;
            let axis = |i: usize| lab(i).size == 12.0 && lab(i).anchor == news_infographic::layout::Anchor::End;
            what.starts_with("champions-by-year") && ((total(a) && axis(b)) || (total(b) && axis(a)))
        }),
        ("line-end-labels-below-plot", &|a, b| (end_label(a) && x_label(b)) || (end_label(b) && x_label(a))),
        // Value-axis ticks of values under 1e-12, all written "0".
        ("tiny-values-too-many-ticks", &|a, b| lab(a).size == 12.0 && lab(a).text == "0" && lab(b).text == "0"),
    ];
    let mut hit: Vec<&str> = Vec::new();
    let unexplained: Vec<(usize, usize)> = overlaps
        .iter()
        .copied()
        .filter(|&(a, b)| match classes.iter().find(|(id, class)| known(id) && class(a, b)) {
            Some((id, _)) => {
                hit.push(id);
                false
            }
            None => true,
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "{what}: overlapping labels {:?}",
        unexplained
            .iter()
            .map(|&(a, b)| (&lab(a).text, lab(a).bbox(), &lab(b).text, lab(b).bbox()))
            .collect::<Vec<_>>()
    );
    if let Some(id) = hit.first() {
        return Err(format!("known issue `{id}`"));
    }
    Ok(())
}

/// The layout's SVG: produced without error, well-formed XML, an `<svg>` root of the layout's size.
pub fn check_svg(l: &Layout, what: &str) -> Outcome {
    let svg = export::svg(l).unwrap_or_else(|e| panic!("{what}: SVG export failed: {e}"));
    set_aside("svg-control-characters", l.labels.iter().any(|lab| lab.text.chars().any(not_xml)))?;
    let doc = resvg::usvg::roxmltree::Document::parse(&svg)
        .unwrap_or_else(|e| panic!("{what}: exported SVG is not well-formed XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{what}: SVG root");
    let size = |a: &str| root.attribute(a).and_then(|v| v.parse::<f64>().ok());
    assert_eq!(size("width"), Some(l.width.round()), "{what}: SVG width");
    assert_eq!(size("height"), Some(l.height.round()), "{what}: SVG height");
    Ok(())
}

/// A table is rectangular, and its CSV export does not panic.
pub fn check_table(t: &Table, notes: &[String]) {
    for (i, r) in t.rows.iter().enumerate() {
        assert_eq!(r.len(), t.columns.len(), "table row {i} has {} cells for {} columns", r.len(), t.columns.len());
    }
    let _ = t.to_csv(notes);
}
