//! What a concatenated or repeated view inherits from the specs above it: the top level's
//! `data`, `datasets` and `config` (copied into the view's spec, unless it has its own), and
//! the `transform`s of every spec above it. As Vega-Lite's data flow does, a parent's
//! transforms run on the data the views inherit, before the views' own: they are prepended to
//! the transforms of every unit that reads the inherited data, with their own paths (so an
//! error in one is named where it was written). A unit with data of its own starts afresh
//! and gets none of them, as in Vega-Lite.

use crate::error::{Error, Path};
use crate::grammar::facet::Facet;
use crate::grammar::flow::Unit;
use crate::grammar::transform::{self, Transform};
use crate::grammar::Json;

/// Transforms with the paths where they were written.
pub type Transforms = Vec<(Transform, Path)>;

/// `view` with what it inherits from `parent`: `data`, `datasets` and `config`, each unless
/// the view gives its own.
pub fn view(parent: &Json, view: &Json) -> Json {
    let mut o: Vec<(String, Json)> = match view {
        Json::Obj(o) => o.clone(),
        other => return other.clone(),
    };
    for k in ["data", "datasets", "config"] {
        if let (Some(v), false) = (parent.get(k), o.iter().any(|(n, _)| n == k)) {
            o.insert(0, (k.to_string(), v.clone()));
        }
    }
    Json::Obj(o)
}

/// The transforms the views of the concatenation `json` (at `root`) inherit: those inherited
/// from further up (`above`), then its own `transform` array.
pub fn transforms(json: &Json, root: &Path, above: &[(Transform, Path)]) -> Result<Transforms, Error> {
    let mut out = above.to_vec();
    if let Some(t) = json.get("transform") {
        let tp = root.key("transform");
        let list = t.arr(&tp)?;
        if !list.is_empty() && json.get("data").is_none() && above.is_empty() {
            // Nothing above reads data; the views' own data would silently skip them.
            return Err(Error::spec(
                &tp,
                "transforms above the views run on the data the views inherit: give \"data\" beside them",
            ));
        }
        for (i, x) in list.iter().enumerate() {
            let p = tp.index(i);
            out.push((transform::parse(x, &p)?, p));
        }
    }
    Ok(out)
}

/// Prepends `inherited` to the transforms of every unit of the view at `root` that reads the
/// inherited data (given at `root.data`, where [`view`] put it). In a facet whose data is
/// inherited, they run before the split, like the facet's own.
pub fn apply(units: &mut [Unit], root: &Path, inherited: &[(Transform, Path)], facet: Option<&mut Facet>) {
    if inherited.is_empty() {
        return;
    }
    let slot = root.key("data");
    let mut any = false;
    for u in units.iter_mut() {
        if u.data.as_ref().is_some_and(|(_, p)| *p == slot) {
            u.transforms.splice(0..0, inherited.iter().cloned());
            any = true;
        }
    }
    if let (true, Some(f)) = (any, facet) {
        f.at += inherited.len();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_view_keeps_what_it_gives_and_inherits_the_rest() {
        let parent = Json::parse(r#"{"data": {"values": [1]}, "config": {"background": "white"}}"#).unwrap();
        let v = view(&parent, &Json::parse(r#"{"config": {}, "mark": "bar"}"#).unwrap());
        assert_eq!(v.get("data"), parent.get("data"));
        assert_eq!(v.get("config"), Some(&Json::Obj(Vec::new())), "its own config is kept");
        assert!(v.get("datasets").is_none(), "nothing to inherit");
    }

    #[test]
    fn transforms_come_after_those_from_further_up_with_their_paths() {
        let above = transforms(
            &Json::parse(r#"{"data": {"values": []}, "transform": [{"filter": "datum.a > 1"}]}"#).unwrap(),
            &Path::root(),
            &[],
        )
        .unwrap();
        let inner = Json::parse(r#"{"transform": [{"calculate": "datum.a * 2", "as": "b"}]}"#).unwrap();
        let all = transforms(&inner, &Path::root().key("hconcat").index(1), &above).unwrap();
        let paths: Vec<String> = all.iter().map(|(_, p)| p.to_string()).collect();
        assert_eq!(paths, ["transform[0]", "hconcat[1].transform[0]"]);
        assert!(matches!(all[0].0, Transform::Filter(_)) && matches!(all[1].0, Transform::Calculate(_)));
        // With no data anywhere above, the transforms would run on nothing: refused.
        let e = transforms(&inner, &Path::root(), &[]).unwrap_err();
        assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("transform"));
    }

    use crate::grammar::{Chart, Value};

    const DATA: &str = r#"{"values": [
        {"city": "Lakeside", "rain": 12}, {"city": "Lakeside", "rain": 30},
        {"city": "Hillcrest", "rain": 4}, {"city": "Hillcrest", "rain": 9}, {"city": "Portview", "rain": 40}]}"#;

    fn chart(spec: &str) -> Result<Chart, Error> {
        Chart::new(&Json::parse(&spec.replace("DATA", DATA)).unwrap(), &|_| Err("no files".into()))
    }

    /// The column `col` of view `view`'s first unit, row by row.
    fn column(c: &Chart, view: usize, col: &str) -> Vec<Value> {
        let t = &c.parts[view].0.units[0].1.table;
        let i = t.col(col).unwrap_or_else(|| panic!("no {col} in {:?}", t.fields));
        t.rows.iter().map(|r| r[i].clone()).collect()
    }

    #[test]
    fn the_parents_transforms_run_before_each_views_own() {
        // The filter keeps rain > 5 (12, 30, 9, 40); the calculate doubles it; the first view
        // sums per city on what is left, the second draws the rows themselves.
        let spec = r#"{"data": DATA, "transform": [{"filter": "datum.rain > 5"}, {"calculate": "datum.rain * 2", "as": "r2"}],
            "hconcat": [
              {"transform": [{"aggregate": [{"op": "sum", "field": "r2", "as": "t"}], "groupby": ["city"]}],
               "mark": "bar", "encoding": {"x": {"field": "city"}, "y": {"field": "t", "type": "quantitative"}}},
              {"mark": "point", "encoding": {"x": {"field": "r2", "type": "quantitative"}}}]}"#;
        let c = chart(spec).unwrap();
        let n = |v: f64| Value::Num(v);
        assert_eq!(column(&c, 0, "t"), [n(84.0), n(18.0), n(80.0)], "Lakeside 24 + 60, Hillcrest 18, Portview 80");
        assert_eq!(column(&c, 1, "r2"), [n(24.0), n(60.0), n(18.0), n(80.0)]);
        let paths: Vec<String> = c.parts[0].0.units[0].0.transforms.iter().map(|(_, p)| p.to_string()).collect();
        assert_eq!(paths, ["transform[0]", "transform[1]", "hconcat[0].transform[0]"]);
        // The filter's count is reported once per view that draws its rows.
        assert_eq!(c.parts[1].0.units[0].1.filtered, [(Path::root().key("transform").index(0), 1)]);
    }

    #[test]
    fn repeats_facets_and_nested_views_inherit_them_and_own_data_does_not() {
        let n = |v: f64| Value::Num(v);
        let spec = r#"{"data": DATA, "transform": [{"filter": "datum.rain < 35"}], "repeat": ["rain"],
            "spec": {"mark": "bar", "encoding": {"x": {"field": "city"}, "y": {"field": {"repeat": "repeat"}, "type": "quantitative", "aggregate": "max"}}}}"#;
        let c = chart(spec).unwrap();
        // Portview's 40 is filtered out before the view's max per city.
        assert_eq!(column(&c, 0, "max_rain"), [n(30.0), n(9.0)]);
        // A facet: the inherited filter runs before the split, so Portview has no panel.
        let spec = r#"{"data": DATA, "transform": [{"filter": "datum.rain < 35"}], "vconcat": [
            {"facet": {"field": "city"}, "spec": {"mark": "bar", "encoding": {"y": {"field": "rain", "type": "quantitative"}}}}]}"#;
        let c = chart(spec).unwrap();
        let panels: Vec<Value> = c.parts[0].0.panels.iter().map(|p| p.key.values[0].clone()).collect();
        assert_eq!(panels, [Value::str("Hillcrest"), Value::str("Lakeside")]);
        // Nested: the outer filter, then the inner calculate; a layer with its own data gets neither.
        let spec = r#"{"data": DATA, "transform": [{"filter": "datum.rain > 10"}], "vconcat": [
            {"transform": [{"calculate": "datum.rain + 1", "as": "r1"}], "hconcat": [
              {"layer": [{"mark": "point", "encoding": {"x": {"field": "r1", "type": "quantitative"}}},
                         {"data": {"values": [{"rain": 1}]}, "mark": "rule", "encoding": {"x": {"field": "rain", "type": "quantitative"}}}]}]}]}"#;
        let c = chart(spec).unwrap();
        let inner = &c.parts[0].0.parts[0].0;
        let col = |u: usize, f: &str| {
            let t = &inner.units[u].1.table;
            t.rows.iter().map(|r| r[t.col(f).unwrap()].clone()).collect::<Vec<_>>()
        };
        assert_eq!(col(0, "r1"), [n(13.0), n(31.0), n(41.0)]);
        assert_eq!(col(1, "rain"), [n(1.0)], "its own data, unfiltered");
        assert!(inner.units[1].0.transforms.is_empty());
    }

    #[test]
    fn an_error_in_a_parents_transform_is_named_where_it_was_written() {
        let e = chart(r#"{"data": DATA, "transform": [{"filter": "datum.rain >"}], "hconcat": [{"mark": "bar"}]}"#)
            .unwrap_err();
        assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("transform[0].filter"), "{e}");
        let e = chart(r#"{"data": DATA, "transform": [{"foo": 1}], "hconcat": [{"mark": "bar"}]}"#).unwrap_err();
        assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some("transform[0].foo"), "{e}");
    }
}
