//! `boxplot`: per group, a box from the first to the third quartile with a tick at the median,
//! and whiskers: to the extremes for `extent: "min-max"`, else (`extent` k, default 1.5) to the
//! furthest values within k interquartile ranges of the box, the values beyond drawn as points
//! (outliers). Expanded as Vega-Lite expands it (Tukey: a joinaggregate of the quartiles, a
//! layer of outliers and of whiskers from the filtered rows, and a layer of boxes), with its
//! field names (`lower_box_F`, `upper_box_F`, `mid_box_F`, `lower_whisker_F`, ...) and its
//! defaults: boxes 14 px wide, a white median tick.

use super::{datum, parts, Parts};
use crate::error::{Error, Path};
use crate::grammar::json::Json;

fn obj(pairs: Vec<(&str, Json)>) -> Json {
    Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

fn op(op: &str, field: &str, as_: &str) -> Json {
    obj(vec![("op", s(op)), ("field", s(field)), ("as", s(as_))])
}

/// The continuous axis on `from_F` (to `to_F`), and the other channels except those left out.
fn encoding(p: &Parts, from: &str, to: Option<&str>, keep_color: bool) -> Json {
    let f = &p.field;
    let mut def = vec![("field", s(&format!("{from}_{f}"))), ("type", s("quantitative"))];
    def.push(("title", p.def.get("title").cloned().unwrap_or_else(|| s(f))));
    for k in ["scale", "axis"] {
        if let Some(v) = p.def.get(k) {
            def.push((k, v.clone()));
        }
    }
    let mut enc = vec![(p.axis.to_string(), obj(def))];
    if let Some(t) = to {
        enc.push((format!("{}2", p.axis), obj(vec![("field", s(&format!("{t}_{f}")))])));
    }
    enc.extend(p.rest.iter().filter(|(k, _)| keep_color || !matches!(k.as_str(), "color" | "size")).cloned());
    Json::Obj(enc)
}

/// The layer a `boxplot` unit stands for.
pub fn expand(j: &Json, path: &Path) -> Result<Json, Error> {
    let p = parts(j, path, "boxplot")?;
    let f = p.field.clone();
    let prop = |k: &str| p.mark.iter().find(|(m, _)| m == k).map(|(_, v)| v.clone());
    let k = match prop("extent") {
        None => Some(1.5),
        Some(Json::Str(e)) if e == "min-max" => None,
        Some(Json::Num(n)) if n >= 0.0 && n.is_finite() => Some(n),
        Some(other) => {
            return Err(Error::unsupported(
                &path.key("mark").key("extent"),
                other.to_text(),
                "\"min-max\" or a number from 0 up",
            ))
        }
    };
    let size = prop("size").unwrap_or(Json::Num(14.0));
    let box_orient = if p.axis == "y" { "vertical" } else { "horizontal" };
    let tick_orient = if p.axis == "y" { "horizontal" } else { "vertical" };
    let group = Json::Arr(p.groupby.clone());
    let (lo, hi) = if k.is_some() { ("min", "max") } else { ("lower_whisker", "upper_whisker") };
    let box_aggregate = obj(vec![
        (
            "aggregate",
            Json::Arr(vec![
                op("q1", &f, &format!("lower_box_{f}")),
                op("q3", &f, &format!("upper_box_{f}")),
                op("median", &f, &format!("mid_box_{f}")),
                op("min", &f, &format!("{lo}_{f}")),
                op("max", &f, &format!("{hi}_{f}")),
            ]),
        ),
        ("groupby", group.clone()),
    ]);
    let rule = |from: &str, to: &str| {
        obj(vec![("mark", obj(vec![("type", s("rule"))])), ("encoding", encoding(&p, from, Some(to), false))])
    };
    let whiskers = vec![rule("lower_whisker", "lower_box"), rule("upper_box", "upper_whisker")];
    let mut boxes = Vec::new();
    if k.is_none() {
        boxes.extend(whiskers.iter().cloned());
    }
    let mut box_mark = vec![("type", s("bar")), ("size", size.clone()), ("orient", s(box_orient))];
    if let Some(c) = prop("color") {
        box_mark.push(("color", c));
    }
    boxes.push(obj(vec![("mark", obj(box_mark)), ("encoding", encoding(&p, "lower_box", Some("upper_box"), true))]));
    boxes.push(obj(vec![
        ("mark", obj(vec![("type", s("tick")), ("color", s("white")), ("size", size), ("orient", s(tick_orient))])),
        ("encoding", encoding(&p, "mid_box", None, false)),
    ]));
    let mut out: Vec<(String, Json)> = p.outer.clone();
    let Some(k) = k else {
        let mut t = p.transform.clone();
        t.push(box_aggregate);
        out.push(("transform".into(), Json::Arr(t)));
        out.push(("layer".into(), Json::Arr(boxes)));
        return Ok(Json::Obj(out));
    };
    let (fx, lb, ub) = (datum(&f), datum(&format!("lower_box_{f}")), datum(&format!("upper_box_{f}")));
    let iqr = format!("({ub} - {lb})");
    let (low, high) = (
        format!("{lb} - {} * {iqr}", crate::grammar::value::js_number(k)),
        format!("{ub} + {} * {iqr}", crate::grammar::value::js_number(k)),
    );
    let quartiles = obj(vec![
        (
            "joinaggregate",
            Json::Arr(vec![op("q1", &f, &format!("lower_box_{f}")), op("q3", &f, &format!("upper_box_{f}"))]),
        ),
        ("groupby", group.clone()),
    ]);
    let mut outlier_enc = match encoding(&p, "", None, false) {
        Json::Obj(o) => o,
        _ => Vec::new(),
    };
    // The outliers are the rows themselves: the continuous axis is the field, colour kept.
    if let Some((_, Json::Obj(d))) = outlier_enc.first_mut() {
        if let Some((_, v)) = d.iter_mut().find(|(k, _)| k == "field") {
            *v = s(&f);
        }
    }
    outlier_enc.retain(|(k, _)| k != "tooltip");
    if let Some(c) = p.rest.iter().find(|(k, _)| k == "color") {
        outlier_enc.push(c.clone());
    }
    let outliers = obj(vec![
        ("transform", Json::Arr(vec![obj(vec![("filter", s(&format!("({fx} < {low}) || ({fx} > {high})")))])])),
        ("mark", s("point")),
        ("encoding", Json::Obj(outlier_enc)),
    ]);
    let within = obj(vec![
        (
            "transform",
            Json::Arr(vec![
                obj(vec![("filter", s(&format!("({low} <= {fx}) && ({fx} <= {high})")))]),
                obj(vec![
                    (
                        "aggregate",
                        Json::Arr(vec![
                            op("min", &f, &format!("lower_whisker_{f}")),
                            op("max", &f, &format!("upper_whisker_{f}")),
                            op("min", &format!("lower_box_{f}"), &format!("lower_box_{f}")),
                            op("max", &format!("upper_box_{f}"), &format!("upper_box_{f}")),
                        ]),
                    ),
                    ("groupby", group),
                ]),
            ]),
        ),
        ("layer", Json::Arr(whiskers)),
    ]);
    let mut first = p.transform.clone();
    first.push(quartiles);
    let mut second = p.transform.clone();
    second.push(box_aggregate);
    out.push((
        "layer".into(),
        Json::Arr(vec![
            obj(vec![("transform", Json::Arr(first)), ("layer", Json::Arr(vec![outliers, within]))]),
            obj(vec![("transform", Json::Arr(second)), ("layer", Json::Arr(boxes))]),
        ]),
    ));
    Ok(Json::Obj(out))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;

    const DATA: &str = r#""data": {"values": [{"k": "a", "v": 1}, {"k": "a", "v": 2}, {"k": "a", "v": 3}, {"k": "a", "v": 4}, {"k": "a", "v": 40},
        {"k": "b", "v": 10}, {"k": "b", "v": 12}, {"k": "b", "v": 13}]}"#;

    fn counts(mark: &str) -> Vec<(&'static str, usize)> {
        let c = test_layout(&format!(
            r#"{{{DATA}, "mark": {mark}, "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}}}}}"#
        ));
        c.counts.iter().map(|(m, n)| (m.name(), *n)).filter(|(_, n)| *n > 0).collect()
    }

    #[test]
    fn tukey_whiskers_and_outliers() {
        // a: q1 2, q3 4, IQR 2: fences -1 and 7, so 40 is an outlier; b has none.
        assert_eq!(counts(r#""boxplot""#), [("point", 1), ("rule", 4), ("bar", 2), ("tick", 2)]);
        // min-max: whiskers to the extremes, no outliers.
        assert_eq!(counts(r#"{"type": "boxplot", "extent": "min-max"}"#), [("rule", 4), ("bar", 2), ("tick", 2)]);
    }
}
