//! Facet fields with a `timeUnit` or a `bin`: as Vega-Lite compiles them, the facet splits on
//! a derived column (`year_date`, `bin_maxbins_6_price` with its `_end`), computed by a
//! `timeUnit` or `bin` transform over all the facet's rows, after the facet's own transforms
//! and before the split, so every panel's bins are the same and one panel shows one year or
//! one bin. The bins' extent is the whole data's, as in Vega-Lite. Row and column bins default
//! to at most 6 bins, a wrapped facet's to 10 (Vega-Lite's `autoMaxBins`). Likewise, a bin in
//! the view's encoding is the same in every panel: over all the panels' rows ([`shared_bins`]).

use super::Facet;
use crate::error::{Error, Path};
use crate::grammar::encoding::{Bin, FieldDef};
use crate::grammar::flow::Unit;
use crate::grammar::json::Json;
use crate::grammar::transform::bin::Bin as BinTransform;
use crate::grammar::transform::timeunit::TimeUnitTransform;
use crate::grammar::transform::Transform;
use crate::grammar::Table;

/// The transform that derives one facet field's column, if it needs one.
fn transform(def: &FieldDef) -> Result<Option<(Transform, Path)>, Error> {
    let (Some(f), Some(out)) = (&def.field, def.column()) else { return Ok(None) };
    match (&def.bin, &def.time_unit) {
        (Some(Bin::Bin { params, .. }), _) => {
            let p = def.path.key("bin");
            let end = def.bin_end().unwrap_or_else(|| format!("{out}_end"));
            let json = Json::Obj(vec![
                ("bin".into(), Json::Bool(true)),
                ("field".into(), Json::Str(f.clone())),
                ("as".into(), Json::Arr(vec![Json::Str(out), Json::Str(end)])),
            ]);
            let mut b = BinTransform::parse(&json, &p)?;
            b.params = (**params).clone();
            b.field = f.clone();
            Ok(Some((Transform::Bin(b), p)))
        }
        (Some(Bin::Binned), _) => Err(Error::unsupported(
            &def.path.key("bin"),
            "\"binned\" in a facet",
            "true or bin parameters (the facet bins the field itself)",
        )),
        (None, Some(tu)) => {
            let t = TimeUnitTransform { unit: tu.clone(), field: f.clone(), as_end: format!("{out}_end"), as_: out };
            Ok(Some((Transform::TimeUnit(t), def.path.key("timeUnit"))))
        }
        (None, None) => Ok(None),
    }
}

/// Inserts the transforms the facet's fields need into every unit, where the split happens
/// (after the facet's own `at` transforms), and moves the split after them.
pub fn insert(f: &mut Facet, units: &mut [Unit]) -> Result<(), Error> {
    let mut derived = Vec::new();
    for ff in f.fields() {
        derived.extend(transform(&ff.def)?);
    }
    if derived.is_empty() {
        return Ok(());
    }
    for u in units.iter_mut() {
        let at = f.at.min(u.transforms.len());
        u.transforms.splice(at..at, derived.iter().cloned());
    }
    f.at += derived.len();
    Ok(())
}

/// `u` with every binned channel of its encoding (without an `extent` of its own) binned over
/// the extent of its field in all of `tables` (every panel's rows), so the panels share bins.
pub fn shared_bins<'a>(u: &Unit, tables: impl Iterator<Item = &'a Table> + Clone) -> Unit {
    let mut u = u.clone();
    for (_, d) in u.encoding.channels.iter_mut() {
        let (Some(f), None, Some(Bin::Bin { params, .. })) = (&d.field, d.aggregate, &mut d.bin) else { continue };
        if params.extent.is_some() {
            continue;
        }
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for t in tables.clone() {
            let Some(c) = t.col(f) else { continue };
            for x in t.rows.iter().filter_map(|r| r[c].finite()) {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
        if lo <= hi {
            params.extent = Some((lo, hi));
        }
    }
    u
}

/// For each facet field, the column its panels' bin ends are read from (`None` when the field
/// is not binned).
pub fn end_columns(f: &Facet) -> Vec<Option<String>> {
    f.fields().iter().map(|ff| ff.def.bin_end()).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::format::Locale;
    use crate::grammar::{Chart, Value};

    const ROWS: &str = r#"{"values": [
        {"day": "2020-03-01", "n": 3}, {"day": "2020-11-30", "n": 14}, {"day": "2021-06-15", "n": 27},
        {"day": "2022-01-01", "n": 9}, {"day": "2022-12-31", "n": 41}, {"day": null, "n": 2}]}"#;

    fn chart(spec: &str) -> Result<Chart, Error> {
        Chart::new(&Json::parse(&spec.replace("ROWS", ROWS)).unwrap(), &|_| Err("no files".into()))
    }

    fn headers(c: &Chart) -> Vec<String> {
        c.panels.iter().map(|p| super::super::header(c.spec.facet.as_ref().unwrap(), &p.key, Locale::En)).collect()
    }

    #[test]
    fn one_panel_per_year_headed_by_the_year() {
        let spec = r#"{"data": ROWS, "facet": {"field": "day", "timeUnit": "utcyear", "type": "ordinal"},
            "spec": {"mark": "bar", "encoding": {"y": {"field": "n", "type": "quantitative", "aggregate": "sum"}}}}"#;
        let c = chart(spec).unwrap();
        assert_eq!(headers(&c), ["2020", "2021", "2022", "not reported"]);
        // Each panel sums its own year's rows: 3 + 14, 27, 9 + 41, and the row without a day.
        let sums: Vec<Value> =
            c.units.iter().map(|(_, f)| f.table.rows[0][f.table.col("sum_n").unwrap()].clone()).collect();
        assert_eq!(sums, [Value::Num(17.0), Value::Num(27.0), Value::Num(50.0), Value::Num(2.0)]);
        // Titled as Vega-Lite titles it (not "utcyear").
        assert_eq!(c.spec.facet.as_ref().unwrap().wrap.as_ref().unwrap().title.as_deref(), Some("day (year)"));
        let said = crate::grammar::summary::summary(&c, Locale::En);
        assert!(said.starts_with("4 panels, one per day (year)."), "{said}");
    }

    #[test]
    fn one_panel_per_bin_headed_by_its_range() {
        // n runs from 2 to 41: Vega's bins for at most 6 (a row) are 0-10, 10-20, ... 40-50.
        let spec = r#"{"data": ROWS, "mark": "point", "encoding": {"x": {"field": "n", "type": "quantitative"},
            "row": {"field": "n", "bin": true, "type": "quantitative"}}}"#;
        let c = chart(spec).unwrap();
        assert_eq!(headers(&c), ["0 \u{2013} 10", "10 \u{2013} 20", "20 \u{2013} 30", "40 \u{2013} 50"]);
        let f = c.spec.facet.as_ref().unwrap();
        assert_eq!(f.row.as_ref().unwrap().def.column().as_deref(), Some("bin_maxbins_6_n"));
        let per_panel: Vec<usize> = c.units.iter().map(|(_, fl)| fl.table.rows.len()).collect();
        assert_eq!(per_panel, [3, 1, 1, 1], "2, 3 and 9; 14; 27; 41");
        // A wrapped facet allows 10 bins: steps of 5 over 0-45.
        let spec = spec.replace(r#""row""#, r#""facet""#);
        let c = chart(&spec).unwrap();
        assert_eq!(
            headers(&c),
            ["0 \u{2013} 5", "5 \u{2013} 10", "10 \u{2013} 15", "25 \u{2013} 30", "40 \u{2013} 45"]
        );
    }

    /// A unit's column, row by row.
    fn col(c: &Chart, unit: usize, name: &str) -> Vec<Value> {
        let t = &c.units[unit].1.table;
        let i = t.col(name).unwrap_or_else(|| panic!("no {name} in {:?}", t.fields));
        t.rows.iter().map(|r| r[i].clone()).collect()
    }

    #[test]
    fn an_encoding_bin_is_the_same_in_every_panel() {
        // Over all rows, 0.5 to 3.9 in at most 4 bins: steps of 1 from 0 (panel A alone would
        // get steps of 0.5 from 0.5).
        let spec = r#"{"data": {"values": [{"g": "A", "m": 0.5}, {"g": "A", "m": 1.5}, {"g": "B", "m": 3.2}, {"g": "B", "m": 3.9}]},
            "facet": {"field": "g"}, "spec": {"mark": "bar", "encoding": {"x": {"field": "m", "bin": {"maxbins": 4}, "type": "quantitative"},
            "y": {"aggregate": "count", "type": "quantitative"}}}}"#;
        let c = chart(spec).unwrap();
        let n = |v: f64| Value::Num(v);
        assert_eq!(col(&c, 0, "bin_maxbins_4_m"), [n(0.0), n(1.0)]);
        assert_eq!(col(&c, 0, "bin_maxbins_4_m_end"), [n(1.0), n(2.0)]);
        assert_eq!(col(&c, 1, "bin_maxbins_4_m"), [n(3.0)]);
        assert_eq!(col(&c, 1, "__count"), [n(2.0)]);
    }

    #[test]
    fn an_encoding_bins_own_extent_is_used_and_values_outside_it_are_not_drawn() {
        let spec = r#"{"data": {"values": [{"m": 0.5}, {"m": 1.5}, {"m": 12}]}, "mark": "bar",
            "encoding": {"x": {"field": "m", "bin": {"extent": [0, 10], "maxbins": 2}, "type": "quantitative"},
            "y": {"aggregate": "count", "type": "quantitative"}}}"#;
        let c = chart(spec).unwrap();
        let n = |v: f64| Value::Num(v);
        // [0, 10] in at most 2 bins: steps of 5; 12 is past the extent (Vega's +Infinity).
        let key = "bin_extent_0_10_maxbins_2_m";
        assert_eq!(col(&c, 0, key), [n(0.0)]);
        assert_eq!(col(&c, 0, &format!("{key}_end")), [n(5.0)]);
        assert_eq!(col(&c, 0, "__count"), [n(2.0)]);
        assert_eq!(c.units[0].1.dropped, 1, "the bin past the extent is not drawn, and counted");
        // The axis spans the extent's bins, 0 to 10, not only the bins with values (0 to 5).
        let l = c.layout(640.0, Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light)).unwrap();
        let x = l.scales.get(crate::grammar::encoding::Channel::X).unwrap();
        assert_eq!(x.scale.domain(), &crate::grammar::scale::Domain::Continuous(0.0, 10.0));
    }

    #[test]
    fn binned_data_in_a_facet_is_refused_by_path() {
        let e =
            chart(r#"{"data": ROWS, "facet": {"field": "n", "bin": "binned"}, "spec": {"mark": "bar"}}"#).unwrap_err();
        assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("facet.bin"), "{e}");
    }
}
