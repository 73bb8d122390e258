//! Honest-chart checks: what the engine can tell is misleading about a chart it has drawn, with
//! the reason and the fix, for the chart's author (a console warning and the chart handle's
//! `warnings()`), never for readers. Each warning has a code, the JSON path it is about, and a
//! message: bars or areas on a scale that does not start at zero; a log scale on bars or
//! areas; pie slices that do not make a whole, or more than seven of them; categorical
//! colours too close to tell apart; rows dropped by a filter, a missing value or an
//! unreadable cell, with their counts; two independent y scales in one layer (dual axes).

use crate::error::Path;
use crate::grammar::compile::{Chart, Compiled};
use crate::grammar::encoding::Channel;
use crate::grammar::flow::number_of;
use crate::grammar::mark::MarkType;
use crate::grammar::scale::{Domain, ScaleType};
use crate::grammar::scales::orient;
use crate::theme::Rgb;

/// One thing about a chart that may mislead its readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// A stable name: `zero-baseline`, `log-length`, `pie-whole`, `pie-slices`,
    /// `close-colours`, `rows-filtered`, `rows-missing`, `cells-unreadable`, `dual-axes`.
    pub code: &'static str,
    /// The spec's JSON path it is about.
    pub path: Path,
    /// The reason and the fix, in one or two sentences.
    pub message: String,
}

/// Most pie slices a reader can compare.
pub const MAX_SLICES: usize = 7;
/// Colours closer than this (CIE76 ΔE) are hard to tell apart in a legend.
pub const MIN_DELTA_E: f64 = 10.0;

/// The warnings of `chart` as laid out in `c`, in the order of the checks.
pub fn warnings(chart: &Chart, c: &Compiled) -> Vec<Warning> {
    let mut out = Vec::new();
    for (u, _) in &chart.units {
        if !matches!(u.mark.ty, MarkType::Bar | MarkType::Area) {
            continue;
        }
        let ch = if orient(u) == Some(true) { Channel::X } else { Channel::Y };
        let ranged = u.encoding.get(if ch == Channel::X { Channel::X2 } else { Channel::Y2 }).is_some();
        let (Some(d), Some(r)) = (u.encoding.get(ch), c.scales.get(ch)) else { continue };
        let what = if u.mark.ty == MarkType::Bar { "bars" } else { "areas" };
        let path = d.path.key("scale");
        match (r.ty, r.scale.domain()) {
            (ScaleType::Log, _) => out.push(Warning {
                code: "log-length",
                path: path.key("type"),
                message: format!(
                    "{what} on a log scale: their lengths are not proportional to the values. Fix: use a linear scale, or points or a line on the log scale"
                ),
            }),
            (ScaleType::Linear | ScaleType::Pow | ScaleType::Sqrt | ScaleType::Symlog, Domain::Continuous(lo, hi))
                if !ranged && (lo.min(*hi) > 0.0 || lo.max(*hi) < 0.0) =>
            {
                out.push(Warning {
                    code: "zero-baseline",
                    path,
                    message: format!(
                        "{what} on a scale from {} to {}, not from zero: their lengths overstate the differences. Fix: remove \"zero\": false or a domain that leaves out 0, or use points or a line",
                        crate::grammar::value::js_number(lo.min(*hi)),
                        crate::grammar::value::js_number(lo.max(*hi))
                    ),
                });
            }
            _ => {}
        }
    }
    for (u, f) in &chart.units {
        if u.mark.ty != MarkType::Arc {
            continue;
        }
        let Some(d) = u.encoding.get(Channel::Theta) else { continue };
        let Some(col) = d.column().and_then(|k| f.table.col(&k)) else { continue };
        let values: Vec<f64> = f.table.rows.iter().filter_map(|r| number_of(&r[col])).collect();
        let path = d.path.clone();
        if values.iter().any(|v| *v < 0.0) {
            out.push(Warning {
                code: "pie-whole",
                path: path.clone(),
                message: "a pie slice is negative: a pie shows the parts of one whole. Fix: use a bar chart".into(),
            });
        } else {
            let sum: f64 = values.iter().sum();
            let shares = |whole: f64, slack: f64| {
                values.iter().all(|v| *v <= whole)
                    && (sum - whole).abs() > whole * 0.005
                    && (sum - whole).abs() <= whole * slack
            };
            let percent = values.iter().any(|v| *v > 1.0);
            if (percent && shares(100.0, 0.1)) || (!percent && !values.is_empty() && shares(1.0, 0.1)) {
                let total =
                    if percent { format!("{}%", round1(sum)) } else { format!("{}", round1(sum * 100.0) / 100.0) };
                out.push(Warning {
                    code: "pie-whole",
                    path: path.clone(),
                    message: format!(
                        "the slices look like shares but add up to {total}, not {}: the pie does not make a whole. Fix: add the missing share (an \"Other\" slice) or correct the values",
                        if percent { "100%" } else { "1" }
                    ),
                });
            }
        }
        let slices = values.iter().filter(|v| **v > 0.0).count();
        if slices > MAX_SLICES {
            out.push(Warning {
                code: "pie-slices",
                path,
                message: format!(
                    "{slices} pie slices: more than {MAX_SLICES} are hard to compare. Fix: merge the small ones into \"Other\", or use a bar chart"
                ),
            });
        }
    }
    // Categories only: the steps of an ordinal or sequential scheme are meant to be near.
    if let Some(r) = c.scales.get(Channel::Color).filter(|r| r.def.ty == crate::grammar::encoding::FieldType::Nominal) {
        if let Domain::Discrete(values) = r.scale.domain() {
            let colours: Vec<(String, Rgb)> =
                values.iter().filter_map(|v| r.scale.color(v).map(|c| (v.to_text(), c))).collect();
            'pairs: for i in 0..colours.len() {
                for j in i + 1..colours.len() {
                    let de = delta_e(colours[i].1, colours[j].1);
                    if de < MIN_DELTA_E {
                        out.push(Warning {
                            code: "close-colours",
                            path: r.def.path.key("scale"),
                            message: format!(
                                "\"{}\" and \"{}\" have colours {} and {} (ΔE {:.1}): readers cannot tell them apart. Fix: give colours at least {MIN_DELTA_E} apart, or fewer groups",
                                colours[i].0,
                                colours[j].0,
                                colours[i].1.hex(),
                                colours[j].1.hex(),
                                de
                            ),
                        });
                        break 'pairs;
                    }
                }
            }
        }
    }
    let dual = c.views.iter().filter(|(_, s)| s.get(Channel::Y).is_some()).count();
    if chart.spec.layer_own.contains(&Channel::Y) && dual == 2 {
        out.push(Warning {
            code: "dual-axes",
            path: chart.spec.root.path.key("resolve").key("scale").key("y"),
            message: "two y scales in one chart (dual axes): where the marks cross, or which is higher, depends only on the two scales chosen, and readers take it for a comparison. Fix: two charts side by side sharing x (hconcat), or both series indexed to a common start on one axis".into(),
        });
    }
    for (u, f) in &chart.units {
        for (p, n) in &f.filtered {
            out.push(Warning {
                code: "rows-filtered",
                path: p.key("filter"),
                message: format!(
                    "{} removed by this filter. Fix: none needed if meant; readers are not told",
                    rows(*n)
                ),
            });
        }
        if f.dropped > 0 {
            out.push(Warning {
                code: "rows-missing",
                path: u.path.key("encoding"),
                message: format!(
                    "{} not drawn: a position they need is missing or not a number (the note under the chart says so). Fix: fill in the values, or filter the rows out on purpose",
                    rows(f.dropped)
                ),
            });
        }
        if let Some(first) = f.problems.first() {
            let path = u.data.as_ref().map(|(_, p)| p.clone()).unwrap_or_else(|| u.path.key("data"));
            out.push(Warning {
                code: "cells-unreadable",
                path,
                message: format!(
                    "{} could not be read as the type asked for (first: row {}, field \"{}\", \"{}\"). Fix: correct the cells or the format.parse",
                    cells(f.problems.len()),
                    first.row,
                    first.field,
                    first.text
                ),
            });
        }
    }
    out
}

fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{n} rows")
    }
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".into()
    } else {
        format!("{n} cells")
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// CIE76 colour difference (ΔE*ab) between two sRGB colours, through CIE Lab (D65).
pub fn delta_e(a: Rgb, b: Rgb) -> f64 {
    let (l1, a1, b1) = lab(a);
    let (l2, a2, b2) = lab(b);
    ((l1 - l2).powi(2) + (a1 - a2).powi(2) + (b1 - b2).powi(2)).sqrt()
}

fn lab(c: Rgb) -> (f64, f64, f64) {
    let lin = |u: u8| {
        let v = u as f64 / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    (116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::format::Locale;
    use crate::grammar::Json;
    use crate::theme::{Theme, ThemeName};

    fn codes(spec: &str) -> Vec<(&'static str, String)> {
        let chart = Chart::new(&Json::parse(spec).unwrap(), &|_| Err("no files".into())).unwrap();
        let c = chart.layout(640.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
        warnings(&chart, &c).into_iter().map(|w| (w.code, w.path.to_string())).collect()
    }

    const BARS: &str = r#""data": {"values": [{"k": "a", "v": 80}, {"k": "b", "v": 90}]}, "mark": "bar""#;

    #[test]
    fn two_y_scales_in_one_layer() {
        let layer = |resolve: &str| {
            format!(
                r#"{{"data": {{"values": [{{"m": 1, "rain": 80, "temp": 3}}, {{"m": 2, "rain": 20, "temp": 9}}]}},
                "layer": [{{"mark": "bar", "encoding": {{"x": {{"field": "m", "type": "ordinal"}}, "y": {{"field": "rain", "type": "quantitative"}}}}}},
                          {{"mark": "line", "encoding": {{"x": {{"field": "m", "type": "ordinal"}}, "y": {{"field": "temp", "type": "quantitative"}}}}}}]{resolve}}}"#
            )
        };
        let dual = codes(&layer(r#", "resolve": {"scale": {"y": "independent"}}"#));
        assert!(dual.contains(&("dual-axes", "resolve.scale.y".to_string())), "{dual:?}");
        let one = codes(&layer(""));
        assert!(!one.iter().any(|(c, _)| *c == "dual-axes"), "{one:?}");
    }

    #[test]
    fn bars_that_do_not_start_at_zero() {
        let spec = |scale: &str| {
            format!(
                r#"{{{BARS}, "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative", "scale": {scale}}}}}}}"#
            )
        };
        assert_eq!(codes(&spec(r#"{"domain": [70, 100]}"#)), [("zero-baseline", "encoding.y.scale".to_string())]);
        // Stacked bars start at zero even with "zero": false (the stack's start is in the
        // domain, as in Vega-Lite); unstacked ones do not.
        assert!(codes(&spec(r#"{"zero": false}"#)).is_empty());
        let unstacked = spec(r#"{"zero": false}, "stack": null"#);
        assert_eq!(codes(&unstacked)[0].0, "zero-baseline");
        assert!(codes(&spec("{}")).is_empty(), "the default scale starts at zero");
        assert_eq!(codes(&spec(r#"{"type": "log"}"#)), [("log-length", "encoding.y.scale.type".to_string())]);
        // Points may leave zero out: no warning.
        let points = spec(r#"{"zero": false}, "stack": null"#).replace(r#""mark": "bar""#, r#""mark": "point""#);
        assert!(codes(&points).is_empty());
        // Ranged bars (a Gantt chart) have their own starts.
        let ranged = r#"{"data": {"values": [{"k": "a", "s": 5, "e": 9}]}, "mark": "bar", "encoding": {"y": {"field": "k", "type": "nominal"},
            "x": {"field": "s", "type": "quantitative", "scale": {"zero": false}}, "x2": {"field": "e"}}}"#;
        assert!(codes(ranged).is_empty());
    }

    #[test]
    fn pies_that_are_no_whole_or_too_many_slices() {
        let pie = |values: &str| {
            format!(
                r#"{{"data": {{"values": [{values}]}}, "mark": "arc", "encoding": {{"theta": {{"field": "v", "type": "quantitative"}}, "color": {{"field": "k", "type": "nominal"}}}}}}"#
            )
        };
        let shares = |vs: &[f64]| {
            vs.iter().enumerate().map(|(i, v)| format!(r#"{{"k": "k{i}", "v": {v}}}"#)).collect::<Vec<_>>().join(",")
        };
        assert_eq!(codes(&pie(&shares(&[40.0, 30.0, 20.0]))), [("pie-whole", "encoding.theta".to_string())], "90%");
        assert!(codes(&pie(&shares(&[50.0, 30.0, 20.0]))).is_empty(), "100%");
        assert!(codes(&pie(&shares(&[0.5, 0.25, 0.25]))).is_empty(), "1");
        assert_eq!(codes(&pie(&shares(&[0.5, 0.25, 0.2])))[0].0, "pie-whole", "0.95");
        assert!(codes(&pie(&shares(&[120.0, 380.0, 77.0]))).is_empty(), "counts, not shares");
        assert_eq!(codes(&pie(&shares(&[5.0, -2.0])))[0].0, "pie-whole");
        let eight: Vec<f64> = vec![12.5; 8];
        assert_eq!(codes(&pie(&shares(&eight))), [("pie-slices", "encoding.theta".to_string())]);
        assert!(codes(&pie(&shares(&[100.0 / 7.0; 7]))).is_empty(), "seven slices of a whole");
    }

    #[test]
    fn colours_too_close_to_tell_apart() {
        let spec = |range: &str| {
            format!(
                r#"{{{BARS}, "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}},
                "color": {{"field": "k", "type": "nominal", "scale": {{"range": {range}}}}}}}}}"#
            )
        };
        assert_eq!(
            codes(&spec(r##"["#1f77b4", "#2077b6"]"##)),
            [("close-colours", "encoding.color.scale".to_string())]
        );
        assert!(codes(&spec(r##"["#1f77b4", "#ff7f0e"]"##)).is_empty());
        // The theme's palette, for its twelve groups, passes.
        let twelve: Vec<String> = (0..12).map(|i| format!(r#"{{"k": "g{i}", "v": {}}}"#, i + 1)).collect();
        let spec = format!(
            r#"{{"data": {{"values": [{}]}}, "mark": "bar", "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}, "color": {{"field": "k", "type": "nominal"}}}}}}"#,
            twelve.join(",")
        );
        assert!(codes(&spec).is_empty());
    }

    #[test]
    fn dropped_rows_with_their_counts() {
        let spec = r#"{"data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": null}, {"k": "c", "v": 3}, {"k": "d", "v": 4}]},
            "transform": [{"filter": "datum.k != 'd'"}], "mark": "bar",
            "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#;
        let chart = Chart::new(&Json::parse(spec).unwrap(), &|_| Err("no files".into())).unwrap();
        let c = chart.layout(640.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
        let w = warnings(&chart, &c);
        assert_eq!(w.iter().map(|w| w.code).collect::<Vec<_>>(), ["rows-filtered", "rows-missing"]);
        assert_eq!(w[0].path.to_string(), "transform[0].filter");
        assert!(w[0].message.starts_with("1 row removed"), "{}", w[0].message);
        assert!(w[1].message.starts_with("1 row not drawn"), "{}", w[1].message);
        let csv = r#"{"data": {"values": [{"d": "2020-01-01", "v": 1}, {"d": "not a date", "v": 2}]}, "mark": "point",
            "encoding": {"x": {"field": "d", "type": "temporal"}, "y": {"field": "v", "type": "quantitative"}}}"#;
        let found = codes(csv);
        assert!(found.iter().any(|(c, p)| *c == "cells-unreadable" && p == "data"), "{found:?}");
        let clean = r#"{"data": {"values": [{"k": "a", "v": 1}]}, "mark": "bar",
            "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}"#;
        assert!(codes(clean).is_empty());
    }

    #[test]
    fn delta_e_is_cie76() {
        // Black and white are 100 apart in L*; a colour is 0 from itself.
        assert!((delta_e(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 100.0).abs() < 0.01);
        assert_eq!(delta_e(Rgb(31, 119, 180), Rgb(31, 119, 180)), 0.0);
    }
}
