//! Layered repeats, `"repeat": {"layer": ["a", "b"]}`, normalised as Vega-Lite normalises
//! them: the `spec` is layered once per field, each copy with its `{"repeat": "layer"}`
//! references replaced by the field, so the layers share their scales, axes and legend (a
//! `"color": {"datum": {"repeat": "layer"}}` names each layer in one legend). Beside `row` or
//! `column`, every view of the grid is such a layer ([`crate::grammar::repeat`]). The repeated
//! spec's `width` and `height` size the layer. Errors inside a layer are named where they
//! were written, under `spec` ([`remap`]).

use crate::error::{Error, Path, Seg};
use crate::grammar::json::check_keys;
use crate::grammar::repeat::bind;
use crate::grammar::Json;

/// The layer `spec` stands for: one copy per field of `layers`, each bound with `bound` and
/// `layer`; the spec's `width` and `height` moved up to the layer.
pub(crate) fn layer_of(spec: &Json, bound: &[(&str, &str)], layers: &[String], path: &Path) -> Result<Json, Error> {
    let mut out: Vec<(String, Json)> = Vec::new();
    for k in ["width", "height"] {
        if let Some(v) = spec.get(k) {
            out.push((k.to_string(), v.clone()));
        }
    }
    let child = match spec {
        Json::Obj(o) => Json::Obj(o.iter().filter(|(k, _)| k != "width" && k != "height").cloned().collect()),
        other => other.clone(),
    };
    let mut items = Vec::new();
    for l in layers {
        let mut b = bound.to_vec();
        b.push(("layer", l.as_str()));
        items.push(bind(&child, &b, path)?);
    }
    out.push(("layer".to_string(), Json::Arr(items)));
    Ok(Json::Obj(out))
}

/// The fields of a `repeat.layer` list at `path`.
pub(crate) fn fields(r: &Json, path: &Path) -> Result<Vec<String>, Error> {
    let list = r.arr(path)?;
    if list.is_empty() {
        return Err(Error::spec(path, "a layered repeat needs at least one field"));
    }
    list.iter().enumerate().map(|(i, x)| x.str(&path.index(i)).map(str::to_string)).collect()
}

/// A spec whose `repeat` is only `{"layer": [...]}`, rewritten as the layer it stands for
/// (with the spec's other keys: data, transforms, title ...); `None` for any other spec.
pub fn layered(json: &Json, root: &Path) -> Result<Option<Json>, Error> {
    let Some(r @ Json::Obj(_)) = json.get("repeat") else { return Ok(None) };
    if r.get("layer").is_none() || r.get("row").is_some() || r.get("column").is_some() {
        return Ok(None);
    }
    let rp = root.key("repeat");
    check_keys(r, &rp, &["layer"], &[])?;
    let spec = json
        .get("spec")
        .ok_or_else(|| Error::spec(&rp, "a repeat draws its \"spec\": give the view to repeat there"))?;
    for k in ["columns", "spacing"] {
        if json.get(k).is_some() {
            return Err(Error::spec(&root.key(k), format!("\"{k}\" arranges views side by side; layers share one")));
        }
    }
    let layer =
        layer_of(spec, &[], &fields(r.get("layer").unwrap_or(&Json::Null), &rp.key("layer"))?, &root.key("spec"))?;
    let mut out: Vec<(String, Json)> =
        json.obj(root)?.iter().filter(|(k, _)| k != "repeat" && k != "spec").cloned().collect();
    if let Json::Obj(o) = layer {
        for (k, v) in o {
            if !out.iter().any(|(n, _)| *n == k) {
                out.push((k, v));
            }
        }
    }
    Ok(Some(Json::Obj(out)))
}

/// `e` with a path inside the layer at `at` (`at.layer[i]...`) named where it was written,
/// under `to` (the repeated spec).
pub fn remap(mut e: Error, at: &Path, to: &Path) -> Error {
    if let Error::Unsupported { path, .. }
    | Error::Spec { path, .. }
    | Error::Expr { path, .. }
    | Error::Data { path, .. } = &mut e
    {
        let mut layer = at.0.clone();
        layer.push(Seg::Key("layer".into()));
        let n = layer.len();
        if path.0.len() > n && path.0[..n] == layer[..] && matches!(path.0[n], Seg::Index(_)) {
            let mut p = to.0.clone();
            p.extend(path.0[n + 1..].iter().cloned());
            *path = Path(p);
        }
    }
    e
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::encoding::Channel;
    use crate::grammar::format::Locale;
    use crate::grammar::scale::Domain;
    use crate::grammar::{Chart, Json, Value};
    use crate::theme::{Theme, ThemeName};

    const DATA: &str = r#"{"values": [
        {"t": 1, "g": "x", "a": 1, "b": 10}, {"t": 2, "g": "y", "a": 4, "b": 20}, {"t": 3, "g": "x", "a": 2, "b": 15}]}"#;

    fn chart(spec: &str) -> Result<Chart, crate::error::Error> {
        Chart::new(&Json::parse(&spec.replace("DATA", DATA)).unwrap(), &|_| Err("no files".into()))
    }

    fn path(spec: &str) -> String {
        chart(spec).unwrap_err().path().map(|p| p.to_string()).unwrap_or_default()
    }

    const LAYERS: &str = r#"{"data": DATA, "repeat": {"layer": ["a", "b"]}, "spec": {"width": 300, "mark": "line",
        "encoding": {"x": {"field": "t", "type": "quantitative"}, "y": {"field": {"repeat": "layer"}, "type": "quantitative"},
          "color": {"datum": {"repeat": "layer"}, "type": "nominal"}}}}"#;

    #[test]
    fn one_layer_per_field_sharing_scales_and_one_legend() {
        let c = chart(LAYERS).unwrap();
        let ys: Vec<Option<String>> =
            c.units.iter().map(|(u, _)| u.encoding.get(Channel::Y).unwrap().field.clone()).collect();
        assert_eq!(ys, [Some("a".to_string()), Some("b".to_string())]);
        let colours: Vec<Option<Value>> =
            c.units.iter().map(|(u, _)| u.encoding.get(Channel::Color).unwrap().datum.clone()).collect();
        assert_eq!(colours, [Some(Value::str("a")), Some(Value::str("b"))]);
        assert!(c.parts.is_empty(), "a layer, not views side by side");
        assert_eq!(c.spec.width, crate::grammar::spec::Size::Px(300.0), "the spec's width sizes the layer");
        let l = c.layout(800.0, Locale::En, &Theme::get(ThemeName::Light)).unwrap();
        // One y scale over a (1 to 4) and b (10 to 20), from zero.
        assert_eq!(l.scales.get(Channel::Y).unwrap().scale.domain(), &Domain::Continuous(0.0, 20.0));
        assert_eq!(
            l.scales.get(Channel::Color).unwrap().scale.domain(),
            &Domain::Discrete(vec![Value::str("a"), Value::str("b")])
        );
        let texts: Vec<&str> = l.layout.labels.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts.iter().filter(|t| **t == "a" || **t == "b").count(), 2, "one legend names both: {texts:?}");
        assert_eq!(l.counts, vec![(crate::grammar::mark::MarkType::Line, 2)]);
    }

    #[test]
    fn beside_row_each_view_is_a_layer() {
        let spec = r#"{"data": DATA, "repeat": {"row": ["t", "a"], "layer": ["a", "b"]}, "spec": {"mark": "point",
            "encoding": {"x": {"field": {"repeat": "row"}, "type": "quantitative"}, "y": {"field": {"repeat": "layer"}, "type": "quantitative"}}}}"#;
        let c = chart(spec).unwrap();
        let fields = |v: usize, ch: Channel| -> Vec<String> {
            c.parts[v].0.units.iter().map(|(u, _)| u.encoding.get(ch).unwrap().field.clone().unwrap()).collect()
        };
        assert_eq!(c.parts.len(), 2);
        assert_eq!(
            (fields(0, Channel::X), fields(0, Channel::Y)),
            (vec!["t".into(), "t".into()], vec!["a".into(), "b".into()])
        );
        assert_eq!(fields(1, Channel::X), ["a", "a"]);
        assert_eq!(c.parts.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["child__row_t", "child__row_a"]);
    }

    #[test]
    fn errors_are_named_in_the_repeated_spec() {
        assert_eq!(path(&LAYERS.replace(r#""mark": "line""#, r#""mark": "lnie""#)), "spec.mark");
        assert_eq!(
            path(&LAYERS.replace(r#"{"datum": {"repeat": "layer"}"#, r#"{"datum": {"repeat": "row"}"#)),
            "spec.encoding.color.datum.repeat"
        );
        let grid = LAYERS.replace(r#"{"layer": ["a", "b"]}"#, r#"{"column": ["a"], "layer": ["a", "b"]}"#);
        assert_eq!(path(&grid.replace(r#""mark": "line""#, r#""mark": "lnie""#)), "spec.mark");
        assert_eq!(path(&LAYERS.replace(r#""repeat": {"#, r#""columns": 2, "repeat": {"#)), "columns");
        assert_eq!(path(&LAYERS.replace(r#"["a", "b"]"#, r#"["a", 3]"#)), "repeat.layer[1]");
    }
}
