//! `errorbar`: a rule from `lower_F` to `upper_F` per group (the mean ± the standard error by
//! default; `extent` `stdev` or `iqr` with the median), with ticks at both ends when the mark
//! says `ticks: true`, as Vega-Lite expands it.

use super::{aggregation, assemble, part_encoding, parts};
use crate::error::{Error, Path};
use crate::grammar::json::Json;

/// The layer an `errorbar` unit stands for.
pub fn expand(j: &Json, path: &Path) -> Result<Json, Error> {
    let p = parts(j, path, "errorbar")?;
    let extra = aggregation(&p, path)?;
    let flag = |k: &str| p.mark.iter().any(|(m, v)| m == k && !matches!(v, Json::Bool(false) | Json::Null));
    let colour: Vec<(String, Json)> =
        p.mark.iter().filter(|(k, _)| matches!(k.as_str(), "color" | "opacity")).cloned().collect();
    let with = |ty: &str, more: Vec<(String, Json)>| {
        let mut m = vec![("type".to_string(), Json::Str(ty.into()))];
        m.extend(more);
        m.extend(colour.iter().cloned());
        Json::Obj(m)
    };
    let ticks_orient = if p.axis == "y" { "horizontal" } else { "vertical" };
    let mut layer = Vec::new();
    if flag("ticks") {
        for end in ["lower", "upper"] {
            let mark = with("tick", vec![("orient".into(), Json::Str(ticks_orient.into()))]);
            layer.push(Json::Obj(vec![("mark".into(), mark), ("encoding".into(), part_encoding(&p, end, None))]));
        }
    }
    let size: Vec<(String, Json)> =
        p.mark.iter().filter(|(k, _)| k == "thickness").map(|(_, v)| ("size".to_string(), v.clone())).collect();
    layer.push(Json::Obj(vec![
        ("mark".into(), with("rule", size)),
        ("encoding".into(), part_encoding(&p, "lower", Some("upper"))),
    ]));
    Ok(assemble(&p, extra, layer))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;

    const DATA: &str = r#""data": {"values": [{"k": "a", "v": 1}, {"k": "a", "v": 2}, {"k": "a", "v": 6}, {"k": "b", "v": 4}, {"k": "b", "v": 8}]}"#;

    #[test]
    fn mean_plus_minus_the_standard_error_per_group() {
        let c = test_layout(&format!(
            r#"{{{DATA}, "mark": "errorbar", "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}}}}}"#
        ));
        assert_eq!(c.counts, [(crate::grammar::mark::MarkType::Rule, 2)]);
        // a: mean 3, sd sqrt(7), stderr sqrt(7/3); b: mean 6, stderr 2.
        let y = c.scales.get(crate::grammar::encoding::Channel::Y).unwrap();
        let crate::grammar::scale::Domain::Continuous(lo, hi) = *y.scale.domain() else { panic!() };
        assert!(lo <= 3.0 - (7.0f64 / 3.0).sqrt() && hi >= 8.0, "{lo}..{hi}");
        let with_ticks = test_layout(&format!(
            r#"{{{DATA}, "mark": {{"type": "errorbar", "ticks": true, "extent": "stdev"}}, "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}}}}}"#
        ));
        let n: Vec<_> = with_ticks.counts.iter().map(|(m, n)| (m.name(), *n)).collect();
        assert_eq!(n, [("tick", 4), ("rule", 2)]);
    }

    #[test]
    fn pre_aggregated_input_is_refused_by_path() {
        let json = crate::grammar::Json::parse(&format!(
            r#"{{{DATA}, "mark": "errorbar", "encoding": {{"x": {{"field": "k", "type": "nominal"}}, "y": {{"field": "v", "type": "quantitative"}}, "y2": {{"field": "v"}}}}}}"#
        ))
        .unwrap();
        let e = crate::grammar::Chart::new(&json, &|_| Err(String::new())).unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "encoding.y2");
    }
}
