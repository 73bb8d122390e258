//! Small multiples: `facet` names a column, and the chart is drawn once per value of it, in
//! panels that share their scales, `columns` to a row (default 3) and fewer on a narrow screen.
//! The view is wrapped as Vega-Lite's `facet` operator with `columns` wrapping. **Not drawn
//! yet**: the grammar has no facet layout, so [`check`] refuses a `facet` by its path. Kinds whose
//! layers carry their own data (dumbbell, arrow, slope, pie, waffle) cannot be split that way
//! yet and are refused with the field's path.

use super::{field, obj, s, Ctx, View};
use crate::error::Error;
use crate::frame::Frame;
use crate::grammar::Json;
use crate::spec::{Mark, Spec};

/// Most panels.
pub const MAX_PANELS: usize = 24;

/// Checks the facet column and that the kind can be split.
pub fn check(spec: &Spec, f: &Frame) -> Result<(), Error> {
    let Some(name) = &spec.facet else {
        if spec.columns.is_some() {
            return Err(Error::Invalid {
                path: "spec.columns".into(),
                message: "sets panels per row: name a `facet` column too".into(),
            });
        }
        return Ok(());
    };
    let Some(i) = f.column(name) else {
        return Err(Error::Invalid {
            path: "spec.facet".into(),
            message: format!("\"{name}\" is not a column of the data (columns: {})", f.columns.join(", ")),
        });
    };
    if matches!(spec.kind, Mark::Dumbbell | Mark::Arrow | Mark::Slope | Mark::Pie | Mark::Donut | Mark::Waffle) {
        return Err(Error::Invalid {
            path: "spec.facet".into(),
            message: format!("small multiples of a {} chart are not supported yet", spec.kind.name()),
        });
    }
    let mut seen: Vec<String> = Vec::new();
    for (r, row) in f.rows.iter().enumerate() {
        if row[i] == crate::frame::Cell::Missing {
            return Err(Error::Invalid {
                path: "data".into(),
                message: format!("row {}, field `{name}`: empty, so the row belongs to no panel", r + 1),
            });
        }
        let t = row[i].text();
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    if seen.len() > MAX_PANELS {
        return Err(Error::Invalid {
            path: "spec.facet".into(),
            message: format!("`{name}` has {} values; at most {MAX_PANELS} panels are drawn", seen.len()),
        });
    }
    if let Some(c) = spec.columns {
        if !(1..=12).contains(&c) {
            return Err(Error::Invalid { path: "spec.columns".into(), message: format!("{c} is not from 1 to 12") });
        }
    }
    // The spec is checked and [`wrap`] writes its facet, but the grammar cannot lay out a
    // facet's panels yet: refused here, by name, rather than by the grammar's generic refusal.
    Err(Error::Invalid {
        path: "spec.facet".into(),
        message: "small multiples are not drawn yet (the grammar's facet layout is still missing)".into(),
    })
}

/// The view as a facet of panels, when the spec names a facet column.
pub fn wrap(cx: &Ctx, mut body: View) -> Result<View, Error> {
    let Some(name) = &cx.spec.facet else { return Ok(body) };
    let data = body.iter().position(|(k, _)| k == "data").map(|i| body.remove(i).1).unwrap_or(Json::Null);
    let facet = obj(vec![("field", field(name)), ("type", s("nominal")), ("sort", Json::Null), ("title", s(name))]);
    Ok(vec![
        ("data".into(), data),
        ("facet".into(), facet),
        ("columns".into(), Json::Num(cx.spec.columns.unwrap_or(3) as f64)),
        ("spec".into(), Json::Obj(body)),
    ])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::shorthand::tests::try_chart;

    #[test]
    fn facets_are_checked_then_refused_by_name() {
        let csv = "year,sector,v\n2020,a,1\n2020,b,2\n";
        let e = try_chart(csv, r#"{"kind": "line", "x": "year", "y": "v", "facet": "sectr"}"#).unwrap_err();
        assert!(e.contains("`spec.facet`: \"sectr\" is not a column"), "{e}");
        let e = try_chart(csv, r#"{"kind": "line", "x": "year", "y": "v", "columns": 2}"#).unwrap_err();
        assert!(e.contains("`spec.columns`"), "{e}");
        let e = try_chart(csv, r#"{"kind": "line", "x": "year", "y": "v", "facet": "sector"}"#).unwrap_err();
        assert!(e.contains("`spec.facet`: small multiples are not drawn yet"), "{e}");
    }
}
