//! Small multiples: `facet` names a column, and the chart is drawn once per value of it (in the
//! order the values first appear), in panels that share their scales, `columns` to a row
//! (default 3) and fewer on a narrow screen. The view is wrapped as Vega-Lite's `facet`
//! operator with `columns` wrapping, and the grammar's facet layout draws it. Kinds whose layers
//! carry their own data (dumbbell, arrow, slope, pie, donut, waffle), and any kind with
//! annotations, are written per panel and merged first ([`super::panels`]).

use super::{field, obj, s, Ctx, View};
use crate::error::Error;
use crate::frame::Frame;
use crate::grammar::Json;
use crate::spec::{Mark, Spec};

/// Most panels.
pub const MAX_PANELS: usize = 24;

/// The kinds whose layers carry their own data: their views are written per panel and merged
/// ([`super::panels`]).
pub fn own_data(m: Mark) -> bool {
    matches!(m, Mark::Dumbbell | Mark::Arrow | Mark::Slope | Mark::Pie | Mark::Donut | Mark::Waffle)
}

/// Checks the facet column and that the kind can be split.
pub fn check(spec: &Spec, f: &Frame) -> Result<(), Error> {
    let Some(name) = &spec.facet else {
        for (k, a) in super::annotate::read(&spec.annotations)?.iter().enumerate() {
            if let super::annotate::Annotation::Note { panel: Some(_), .. } = a {
                return Err(Error::Invalid {
                    path: format!("spec.annotations[{k}].panel"),
                    message: "names a panel of small multiples: name a `facet` column too".into(),
                });
            }
        }
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
    if own_data(spec.kind) && (name == &spec.x || spec.color.as_ref() == Some(name)) {
        return Err(Error::Invalid {
            path: "spec.facet".into(),
            message: format!(
                "`{name}` is already a part of each {} chart: split the panels by another column",
                spec.kind.name()
            ),
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
    // A note's panel must be one of them.
    for (k, a) in super::annotate::read(&spec.annotations)?.iter().enumerate() {
        if let super::annotate::Annotation::Note { panel: Some(p), .. } = a {
            if !seen.contains(p) {
                return Err(Error::Invalid {
                    path: format!("spec.annotations[{k}].panel"),
                    message: format!("\"{p}\" is not a value of `{name}` (panels: {})", seen.join(", ")),
                });
            }
        }
    }
    Ok(())
}

/// The view as a facet of panels, when the spec names a facet column.
pub fn wrap(cx: &Ctx, mut body: View) -> Result<View, Error> {
    let Some(name) = &cx.spec.facet else { return Ok(body) };
    // The data and the kind's row-level transforms go before the split, so every panel shares
    // them (a histogram's bins among them); the view's marks and encodings are repeated.
    let mut take = |k: &str| body.iter().position(|(n, _)| n == k).map(|i| body.remove(i));
    let outer: Vec<(String, Json)> = ["data", "transform"].into_iter().filter_map(&mut take).collect();
    let facet = obj(vec![("field", field(name)), ("type", s("nominal")), ("sort", Json::Null), ("title", s(name))]);
    let mut out = outer;
    out.push(("facet".into(), facet));
    out.push(("columns".into(), Json::Num(cx.spec.columns.unwrap_or(3) as f64)));
    out.push(("spec".into(), Json::Obj(body)));
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::shorthand::tests::{chart_of, try_chart};

    #[test]
    fn facets_are_checked_by_path() {
        let csv = "year,sector,v\n2020,a,1\n2020,b,2\n";
        let e = try_chart(csv, r#"{"kind": "line", "x": "year", "y": "v", "facet": "sectr"}"#).unwrap_err();
        assert!(e.contains("`spec.facet`: \"sectr\" is not a column"), "{e}");
        let e = try_chart(csv, r#"{"kind": "line", "x": "year", "y": "v", "columns": 2}"#).unwrap_err();
        assert!(e.contains("`spec.columns`"), "{e}");
        let e = try_chart(csv, r#"{"kind": "slope", "x": "year", "y": "v", "color": "sector", "facet": "sector"}"#)
            .unwrap_err();
        assert!(e.contains("`spec.facet`: `sector` is already a part of each slope chart"), "{e}");
        let e = try_chart(csv, r#"{"kind": "column", "x": "year", "y": "v", "facet": "sector", "annotations": [{"type": "note", "x": 2020, "text": "t", "panel": "zinc"}]}"#).unwrap_err();
        assert!(e.contains("`spec.annotations[0].panel`: \"zinc\" is not a value of `sector` (panels: a, b)"), "{e}");
        let e = try_chart(csv, r#"{"kind": "column", "x": "year", "y": "v", "annotations": [{"type": "note", "x": 2020, "text": "t", "panel": "a"}]}"#).unwrap_err();
        assert!(e.contains("`spec.annotations[0].panel`: names a panel"), "{e}");
    }

    #[test]
    fn one_panel_per_value_in_data_order_with_shared_scales() {
        let csv =
            "year,sector,v\n2021,steel,4\n2022,steel,9\n2021,paper,12\n2022,paper,-3\n2021,glass,1\n2022,glass,\n";
        let c = chart_of(csv, r#"{"kind": "column", "x": "year", "y": "v", "facet": "sector", "columns": 3}"#);
        let (laid, _) = c.compiled(1200.0, crate::data::Lang::En, &crate::shorthand::tests::light()).unwrap();
        let texts: Vec<&str> = laid.layout.labels.iter().map(|l| l.text.as_str()).collect();
        let at = |t: &str| texts.iter().position(|x| *x == t).unwrap_or_else(|| panic!("{t} in {texts:?}"));
        assert!(at("steel") < at("paper") && at("paper") < at("glass"), "panels in data order: {texts:?}");
        // One y scale for the three panels: from -3 up to 12, niced.
        let y = laid.scales.get(crate::grammar::encoding::Channel::Y).unwrap();
        assert_eq!(y.scale.domain(), &crate::grammar::scale::Domain::Continuous(-4.0, 12.0));
        // Five columns drawn (glass 2022 is not reported), each record naming its panel.
        assert_eq!(laid.records.len(), 5);
        assert!(laid.records.iter().all(|r| r[0].0 == "sector"), "{:?}", laid.records[0]);
        crate::layout::assert_clean(&laid.layout, "column facet");
        // The summary and the table speak of each panel, not of totals over the panels.
        assert_eq!(
            c.summary(crate::data::Lang::En),
            "3 panels, one per sector. steel: Highest: 2022, 9; lowest: 2021, 4. paper: Highest: 2021, 12; lowest: 2022, -3. glass: Highest: 2021, 1; lowest: 2021, 1. 1 of 2 values are not reported."
        );
        let t = c.table(crate::data::Lang::En);
        assert_eq!(t.columns[0], "sector");
        assert_eq!(t.rows.len(), 5);
    }
}
