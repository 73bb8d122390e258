//! Points: `scatter` (every row a point at its numeric x and y, no aggregation) and `bubble` (a
//! scatter whose circles' areas are proportional to the `size` column: a linear size scale from
//! zero, so a value twice as large covers twice the ink, with a size legend).

use super::{field, highlight, members, obj, rows, s, Ctx, Kind, View};
use crate::error::Error;
use crate::frame::{Cell, Frame};
use crate::grammar::Json;
use crate::spec::{Mark, Spec};

/// The point kinds.
pub const KIND: Kind = Kind { marks: &[Mark::Scatter, Mark::Bubble], check, view };

/// The largest bubble's area, in px² (a circle about 45 px across).
const MAX_AREA: f64 = 1600.0;

/// Every cell of `name` is a number (or empty: not reported), and, for sizes, not negative.
pub fn numeric(f: &Frame, path: &str, name: &str, nonnegative: bool) -> Result<(), Error> {
    let Some(i) = f.column(name) else {
        return Err(Error::Invalid {
            path: path.into(),
            message: format!("\"{name}\" is not a column of the data (columns: {})", f.columns.join(", ")),
        });
    };
    for (r, row) in f.rows.iter().enumerate() {
        match &row[i] {
            Cell::Text(t) => {
                return Err(Error::Invalid {
                    path: "data".into(),
                    message: format!("row {}, field `{name}`: \"{t}\" is not a number ({path} must be numeric)", r + 1),
                })
            }
            Cell::Num(v) if nonnegative && *v < 0.0 => {
                return Err(Error::Invalid {
                    path: "data".into(),
                    message: format!("row {}, field `{name}`: a circle's size cannot be negative ({v})", r + 1),
                })
            }
            _ => {}
        }
    }
    Ok(())
}

fn check(spec: &Spec, f: &Frame) -> Result<(), Error> {
    numeric(f, "spec.x", &spec.x, false)?;
    match (&spec.size, spec.kind) {
        (Some(size), Mark::Bubble) => numeric(f, "spec.size", size, true),
        (None, Mark::Bubble) => {
            Err(Error::Invalid { path: "spec.size".into(), message: "a bubble chart needs a size column".into() })
        }
        (Some(_), _) => Err(Error::Invalid {
            path: "spec.size".into(),
            message: "only a bubble chart has sizes: use \"kind\": \"bubble\"".into(),
        }),
        (None, _) => Ok(()),
    }
}

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let axis = |name: &str| {
        obj(vec![
            ("field", field(name)),
            ("type", s("quantitative")),
            ("title", s(name)),
            ("scale", obj(vec![("zero", Json::Bool(false))])),
        ])
    };
    let mut enc = vec![("x", axis(&spec.x)), ("y", axis(&spec.y))];
    if let Some(col) = &spec.color {
        enc.push(("color", obj(vec![("field", field(col)), ("type", s("nominal")), ("title", s(col))])));
    }
    if let (Mark::Bubble, Some(size)) = (spec.kind, &spec.size) {
        let scale = obj(vec![
            ("type", s("linear")),
            ("zero", Json::Bool(true)),
            ("range", Json::Arr(vec![Json::Num(0.0), Json::Num(MAX_AREA)])),
        ]);
        enc.push((
            "size",
            obj(vec![("field", field(size)), ("type", s("quantitative")), ("title", s(size)), ("scale", scale)]),
        ));
    }
    let mut keys = vec![spec.x.as_str()];
    keys.extend(spec.color.as_deref());
    if let Some(o) = highlight(spec, &keys) {
        enc.push(("opacity", o));
    }
    let mark = match spec.kind {
        Mark::Bubble => obj(vec![
            ("type", s("circle")),
            ("opacity", Json::Num(0.6)),
            ("stroke", s("#ffffff")),
            ("strokeWidth", Json::Num(0.5)),
        ]),
        _ => obj(vec![("type", s("circle")), ("opacity", Json::Num(0.8))]),
    };
    Ok(members(vec![("data", rows(cx.frame)), ("mark", mark), ("encoding", obj(enc))]))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::layout::Geom;
    use crate::shorthand::tests::{chart_of, laid, try_chart};

    fn areas(csv: &str, spec: &str) -> Vec<f64> {
        let l = laid(&chart_of(csv, spec), 640.0);
        let plot = l.plot;
        l.shapes
            .iter()
            .filter(|s| matches!(s.geom, Geom::Circle { x, y, .. } if y >= plot.y && x <= plot.right() + 0.5))
            .filter_map(|s| match &s.geom {
                Geom::Circle { r, .. } => Some(std::f64::consts::PI * r * r),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_row_is_a_point_and_bubbles_are_area_true() {
        let csv = "a,b,s\n1,2,10\n1,2,20\n3,1,40\n";
        assert_eq!(areas(csv, r#"{"kind": "scatter", "x": "a", "y": "b"}"#).len(), 3, "no aggregation");
        let a = areas(csv, r#"{"kind": "bubble", "x": "a", "y": "b", "size": "s"}"#);
        assert_eq!(a.len(), 3);
        assert!((a[1] / a[0] - 2.0).abs() < 0.01 && (a[2] / a[0] - 4.0).abs() < 0.01, "{a:?}");
    }

    #[test]
    fn sizes_must_be_numbers_and_belong_to_bubbles() {
        let e = try_chart("a,b,s\n1,2,x\n", r#"{"kind": "bubble", "x": "a", "y": "b", "size": "s"}"#).unwrap_err();
        assert!(e.contains("row 1, field `s`: \"x\" is not a number"), "{e}");
        let e = try_chart("a,b,s\n1,2,-1\n", r#"{"kind": "bubble", "x": "a", "y": "b", "size": "s"}"#).unwrap_err();
        assert!(e.contains("cannot be negative"), "{e}");
        let e = try_chart("a,b\n1,2\n", r#"{"kind": "bubble", "x": "a", "y": "b"}"#).unwrap_err();
        assert!(e.contains("`spec.size`"), "{e}");
        let e = try_chart("a,b\nq,2\n", r#"{"kind": "scatter", "x": "a", "y": "b"}"#).unwrap_err();
        assert!(e.contains("row 1, field `a`"), "{e}");
    }
}
