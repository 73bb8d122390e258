//! `waffle` (a unit chart): one square per unit of `y` (or per `unit` units), ten to a row,
//! filled group by group in the x values' order, each group in its colour: 53 products as 53
//! squares, 15 of them in the first colour. A value that is not a whole number of squares is
//! refused unless `unit` is given; then each group's squares are rounded to the nearest whole
//! square and the note under the chart says so.

use super::{field, highlight, members, obj, s, values, Ctx, Kind, View};
use crate::error::Error;
use crate::format::num;
use crate::frame::Frame;
use crate::grammar::Json;
use crate::spec::{Mark, Spec};

/// The waffle kind.
pub const KIND: Kind = Kind { marks: &[Mark::Waffle], check, view };

/// Squares per row.
pub const PER_ROW: usize = 10;
/// Most squares drawn.
pub const MAX_SQUARES: usize = 1000;

fn check(spec: &Spec, _: &Frame) -> Result<(), Error> {
    if spec.color.is_some() {
        return Err(Error::Invalid {
            path: "spec.color".into(),
            message: "a waffle's groups are its x values: leave color out".into(),
        });
    }
    if let Some(u) = spec.unit {
        if !(u.is_finite() && u > 0.0) {
            return Err(Error::Invalid {
                path: "spec.unit".into(),
                message: format!("{u} is not a number of units above 0"),
            });
        }
    }
    Ok(())
}

/// Squares per group: `values / unit`, which must be whole when no unit was given.
pub fn squares(names: &[String], totals: &[Option<f64>], unit: Option<f64>, y: &str) -> Result<Vec<usize>, Error> {
    let mut out = Vec::new();
    for (name, t) in names.iter().zip(totals) {
        let Some(v) = t else {
            return Err(Error::Invalid {
                path: "data".into(),
                message: format!("field `{y}` of \"{name}\" is not reported: a waffle cannot count it"),
            });
        };
        let n = v / unit.unwrap_or(1.0);
        if unit.is_none() && n.fract() != 0.0 {
            return Err(Error::Invalid {
                path: "spec.unit".into(),
                message: format!(
                    "\"{name}\" has {} units, not a whole number of squares: set `unit` (units per square)",
                    num(*v, 4)
                ),
            });
        }
        out.push(n.round() as usize);
    }
    let total: usize = out.iter().sum();
    if total > MAX_SQUARES {
        return Err(Error::Invalid {
            path: "spec.unit".into(),
            message: format!(
                "{total} squares are more than {MAX_SQUARES}: set `unit` to count several units per square"
            ),
        });
    }
    Ok(out)
}

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let Some(sr) = cx.series else { return Err(Error::Invalid { path: "spec".into(), message: "no series".into() }) };
    let totals: Vec<Option<f64>> = (0..sr.categories.len()).map(|c| sr.total(c)).collect();
    let counts = squares(&sr.categories, &totals, spec.unit, &spec.y)?;
    let per = spec.unit.map(|u| format!("squares (1 = {} {})", num(u, 4), spec.y)).unwrap_or_else(|| "squares".into());
    let mut rows = Vec::new();
    let mut k = 0;
    for (c, name) in sr.categories.iter().enumerate() {
        for _ in 0..counts[c] {
            rows.push(vec![
                (spec.x.as_str(), s(name)),
                (spec.y.as_str(), totals[c].map(Json::Num).unwrap_or(Json::Null)),
                (per.as_str(), Json::Num(counts[c] as f64)),
                ("column", Json::Num((k % PER_ROW) as f64)),
                ("row", Json::Num((k / PER_ROW) as f64)),
            ]);
            k += 1;
        }
    }
    let band = |f: &str| {
        obj(vec![
            ("field", s(f)),
            ("type", s("ordinal")),
            ("axis", Json::Null),
            ("scale", obj(vec![("paddingInner", Json::Num(0.12)), ("paddingOuter", Json::Num(0.0))])),
        ])
    };
    let color = obj(vec![
        ("field", field(&spec.x)),
        ("type", s("nominal")),
        ("title", s(&spec.x)),
        ("scale", obj(vec![("domain", Json::Arr(sr.categories.iter().map(|c| s(c)).collect()))])),
    ]);
    let mut enc = vec![
        ("x", band("column")),
        ("y", band("row")),
        ("color", color),
        (
            "tooltip",
            Json::Arr(vec![
                obj(vec![("field", field(&spec.x)), ("type", s("nominal"))]),
                obj(vec![("field", field(&spec.y)), ("type", s("quantitative"))]),
                obj(vec![("field", field(&per)), ("type", s("quantitative"))]),
            ]),
        ),
    ];
    if let Some(o) = highlight(spec, &[spec.x.as_str()]) {
        enc.push(("opacity", o));
    }
    Ok(members(vec![
        ("data", values(rows)),
        ("width", obj(vec![("step", Json::Num(22.0))])),
        ("height", obj(vec![("step", Json::Num(22.0))])),
        ("mark", s("rect")),
        ("encoding", obj(enc)),
    ]))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_summary_gives_the_whole_and_each_share() {
        let c = crate::shorthand::tests::chart_of(
            "scope,products\nFirst in the world,15\nFirst in China only,38\n",
            r#"{"kind": "waffle", "x": "scope", "y": "products"}"#,
        );
        assert_eq!(
            c.summary(crate::data::Lang::En),
            "53 in all: First in the world 15 (28.3%), First in China only 38 (71.7%)."
        );
        assert_eq!(
            c.summary(crate::data::Lang::Zh),
            "共53。First in the world：15（28.3%）；First in China only：38（71.7%）。"
        );
    }

    use super::*;
    use crate::shorthand::tests::{chart_of, laid, try_chart};

    #[test]
    fn one_square_per_unit_in_group_order() {
        let c = chart_of("scope,n\nWorld leaders,15\nChina only,38\n", r#"{"kind": "waffle", "x": "scope", "y": "n"}"#);
        let l = laid(&c, 640.0);
        let rects: Vec<_> = l
            .shapes
            .iter()
            .filter_map(|s| match &s.geom {
                crate::layout::Geom::Rect { rect, .. }
                    if rect.y >= l.plot.y && rect.right() <= l.plot.right() + 0.5 =>
                {
                    Some((*rect, s.fill.map(|f| f.color)))
                }
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 53);
        let first = rects[0].1;
        assert_eq!(rects.iter().filter(|r| r.1 == first).count(), 15, "15 squares in the first colour");
        // Squares are square, ten to a row.
        assert!((rects[0].0.w - rects[0].0.h).abs() < 0.5, "{:?}", rects[0].0);
        assert!((rects[10].0.y - rects[0].0.y) > rects[0].0.h && (rects[10].0.x - rects[0].0.x).abs() < 0.5);
    }

    #[test]
    fn squares_are_whole_or_counted_per_unit() {
        let e = try_chart("g,n\na,1.5\n", r#"{"kind": "waffle", "x": "g", "y": "n"}"#).unwrap_err();
        assert!(e.contains("`spec.unit`") && e.contains("not a whole number"), "{e}");
        let names = ["a".to_string(), "b".to_string()];
        assert_eq!(squares(&names, &[Some(1500.0), Some(2549.0)], Some(100.0), "n").unwrap(), [15, 25]);
        assert!(squares(&names, &[Some(1.0), None], None, "n")
            .unwrap_err()
            .to_string()
            .contains("\"b\" is not reported"));
        assert!(squares(&names, &[Some(2000.0), Some(0.0)], None, "n")
            .unwrap_err()
            .to_string()
            .contains("2000 squares"));
    }
}
