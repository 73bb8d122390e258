//! `errorband`: an area from `lower_F` to `upper_F` along the other axis (a rect where only
//! the continuous axis is encoded), at opacity 0.3, with lines along both edges when the mark
//! says `borders: true`, as Vega-Lite expands it.

use super::{aggregation, assemble, part_encoding, parts};
use crate::error::{Error, Path};
use crate::grammar::json::Json;

/// The layer an `errorband` unit stands for.
pub fn expand(j: &Json, path: &Path) -> Result<Json, Error> {
    let p = parts(j, path, "errorband")?;
    let extra = aggregation(&p, path)?;
    let enc = j.get("encoding");
    let two_d = enc.is_some_and(|e| e.get("x").is_some() && e.get("y").is_some());
    let (band, border) = if two_d { ("area", "line") } else { ("rect", "rule") };
    let keep: Vec<(String, Json)> =
        p.mark.iter().filter(|(k, _)| matches!(k.as_str(), "color" | "interpolate" | "tension")).cloned().collect();
    let mark = |ty: &str, more: Vec<(String, Json)>| {
        let mut m = vec![("type".to_string(), Json::Str(ty.into()))];
        m.extend(keep.iter().filter(|(k, _)| ty == "area" || ty == "line" || k == "color").cloned());
        m.extend(more);
        Json::Obj(m)
    };
    let opacity = p.mark.iter().find(|(k, _)| k == "opacity").map(|(_, v)| v.clone()).unwrap_or(Json::Num(0.3));
    let mut layer = vec![Json::Obj(vec![
        ("mark".into(), mark(band, vec![("opacity".into(), opacity)])),
        ("encoding".into(), part_encoding(&p, "lower", Some("upper"))),
    ])];
    if p.mark.iter().any(|(k, v)| k == "borders" && !matches!(v, Json::Bool(false) | Json::Null)) {
        for end in ["lower", "upper"] {
            layer.push(Json::Obj(vec![
                ("mark".into(), mark(border, vec![])),
                ("encoding".into(), part_encoding(&p, end, None)),
            ]));
        }
    }
    Ok(assemble(&p, extra, layer))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::mark::test_layout;

    #[test]
    fn a_band_of_the_interquartile_range_with_borders() {
        let c = test_layout(
            r#"{"data": {"values": [{"t": 1, "v": 1}, {"t": 1, "v": 3}, {"t": 1, "v": 5}, {"t": 2, "v": 2}, {"t": 2, "v": 4}, {"t": 2, "v": 9}]},
            "mark": {"type": "errorband", "extent": "iqr", "borders": true},
            "encoding": {"x": {"field": "t", "type": "quantitative"}, "y": {"field": "v", "type": "quantitative"}}}"#,
        );
        let n: Vec<_> = c.counts.iter().map(|(m, n)| (m.name(), *n)).collect();
        assert_eq!(n, [("area", 1), ("line", 2)]);
        // q1 and q3 by hand: t=1: 2 and 4; t=2: 3 and 6.5.
        let y = c.scales.get(crate::grammar::encoding::Channel::Y).unwrap();
        let crate::grammar::scale::Domain::Continuous(lo, hi) = *y.scale.domain() else { panic!() };
        assert!(lo <= 2.0 && hi >= 6.5, "{lo}..{hi}");
    }
}
