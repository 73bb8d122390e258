//! `histogram`: how many rows fall in each bin of the numeric x column. `binWidth` sets the
//! width of every bin (edges at its multiples); otherwise `bins` (default 10) is the most bins,
//! with nice edges, as Vega-Lite's `bin.maxbins`. Empty cells are not counted (the note under the
//! chart says how many rows were left out).

use super::{field, members, obj, rows, s, Ctx, Kind, View};
use crate::error::Error;
use crate::frame::Frame;
use crate::grammar::Json;
use crate::spec::{Mark, Spec};

/// The histogram kind.
pub const KIND: Kind = Kind { marks: &[Mark::Histogram], check, view };

fn check(spec: &Spec, f: &Frame) -> Result<(), Error> {
    super::scatter::numeric(f, "spec.x", &spec.x, false)?;
    if let Some(b) = spec.bins {
        if !((1.0..=200.0).contains(&b) && b.fract() == 0.0) {
            return Err(Error::Invalid {
                path: "spec.bins".into(),
                message: format!("{b} is not a whole number from 1 to 200"),
            });
        }
    }
    if let Some(w) = spec.bin_width {
        if !(w.is_finite() && w > 0.0) {
            return Err(Error::Invalid {
                path: "spec.binWidth".into(),
                message: format!("{w} is not a width above 0"),
            });
        }
    }
    if spec.color.is_some() {
        return Err(Error::Invalid {
            path: "spec.color".into(),
            message: "a histogram counts one column: draw one per group with \"facet\"".into(),
        });
    }
    Ok(())
}

fn view(cx: &Ctx) -> Result<View, Error> {
    let spec = cx.spec;
    let bin = match spec.bin_width {
        Some(w) => obj(vec![("step", Json::Num(w))]),
        None => obj(vec![("maxbins", Json::Num(spec.bins.unwrap_or(10.0)))]),
    };
    let x = obj(vec![("field", field(&spec.x)), ("type", s("quantitative")), ("bin", bin), ("title", s(&spec.x))]);
    let y = obj(vec![("aggregate", s("count")), ("type", s("quantitative")), ("title", s("Rows"))]);
    Ok(members(vec![
        ("data", rows(cx.frame)),
        (
            "transform",
            Json::Arr(vec![obj(vec![("filter", obj(vec![("field", field(&spec.x)), ("valid", Json::Bool(true))]))])]),
        ),
        ("mark", s("bar")),
        ("encoding", obj(vec![("x", x), ("y", y)])),
    ]))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::shorthand::tests::{bars_of, chart_of, try_chart};

    #[test]
    fn rows_are_counted_per_bin_of_the_given_width() {
        // 0 to 10 step 5: [0,5) holds 1, 2, 4; [5,10] holds 5, 9.
        let c = chart_of("v\n1\n2\n4\n5\n9\n\n", r#"{"kind": "histogram", "x": "v", "binWidth": 5}"#);
        let bars = bars_of(&c, 640.0);
        assert_eq!(bars.len(), 2, "{bars:?}");
        assert!((bars[0].h / bars[1].h - 1.5).abs() < 0.01, "3 rows against 2: {bars:?}");
        assert!((bars[0].w - bars[1].w).abs() < 0.5, "equal widths");
    }

    #[test]
    fn bad_bins_are_named() {
        let e = try_chart("v\n1\n", r#"{"kind": "histogram", "x": "v", "bins": 0}"#).unwrap_err();
        assert!(e.contains("`spec.bins`"), "{e}");
        let e = try_chart("v\n1\n", r#"{"kind": "histogram", "x": "v", "y": "v"}"#).unwrap_err();
        assert!(e.contains("`spec.y`"), "{e}");
    }
}
