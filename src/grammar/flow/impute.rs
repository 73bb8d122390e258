//! `impute` inside an encoding, as Vega-Lite compiles it: the imputed channel's column, keyed by
//! the other position channel's column and grouped by the fields that split the marks (colour,
//! detail, ...), becomes an `impute` transform run after the encoding's aggregate.

use crate::error::Error;
use crate::grammar::encoding::Channel;
use crate::grammar::transform::{self, Transform};
use crate::grammar::Json;

use super::Unit;

/// The impute transforms a unit's encoding asks for (none when no channel has `impute`).
pub(super) fn transforms(u: &Unit) -> Result<Vec<Transform>, Error> {
    let e = &u.encoding;
    let mut out = Vec::new();
    for (c, other) in [(Channel::Y, Channel::X), (Channel::X, Channel::Y)] {
        let Some(d) = e.get(c) else { continue };
        let Some(params) = &d.impute else { continue };
        let path = d.path.key("impute");
        let field = d.column().ok_or_else(|| Error::spec(&path, "impute needs a field"))?;
        let key = e
            .get(other)
            .and_then(|o| o.column())
            .ok_or_else(|| Error::spec(&path, format!("impute on {} needs a field on {}", c.name(), other.name())))?;
        let groupby: Vec<Json> = [
            Channel::Color,
            Channel::Fill,
            Channel::Stroke,
            Channel::StrokeDash,
            Channel::Shape,
            Channel::Size,
            Channel::Opacity,
        ]
        .iter()
        .filter_map(|g| e.get(*g))
        .chain(e.detail.iter())
        .filter(|g| g.aggregate.is_none())
        .filter_map(|g| g.column())
        .map(|name| Json::Str(escape(&name)))
        .collect();
        let mut obj = vec![
            ("impute".to_string(), Json::Str(escape(&field))),
            ("key".to_string(), Json::Str(escape(&key))),
            ("groupby".to_string(), Json::Arr(groupby)),
        ];
        obj.extend(params.obj(&path)?.iter().cloned());
        out.push(transform::parse(&Json::Obj(obj), &path)?);
    }
    Ok(out)
}

/// A table column written as a field reference (dots and brackets escaped).
fn escape(name: &str) -> String {
    let mut s = String::new();
    for ch in name.chars() {
        if matches!(ch, '.' | '[' | ']' | '\\') {
            s.push('\\');
        }
        s.push(ch);
    }
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::grammar::format::Locale;
    use crate::grammar::{Chart, Json, Value};

    #[test]
    fn a_series_missing_keys_gets_them_with_the_imputed_value() {
        let spec = Json::parse(r#"{"data": {"values": [{"t": 1, "k": "a", "v": 2}, {"t": 2, "k": "a", "v": 4}, {"t": 1, "k": "b", "v": 7}]},
            "mark": "line", "encoding": {"x": {"field": "t", "type": "quantitative"},
            "y": {"field": "v", "type": "quantitative", "impute": {"value": 0}}, "color": {"field": "k", "type": "nominal"}}}"#).unwrap();
        let c = Chart::new(&spec, &|_| Err("no files".into())).unwrap();
        let t = &c.units[0].1.table;
        let (ti, ki, vi) = (t.col("t").unwrap(), t.col("k").unwrap(), t.col("v").unwrap());
        let added: Vec<_> = t.rows.iter().filter(|r| r[ki] == Value::str("b") && r[ti].as_num() == Some(2.0)).collect();
        assert_eq!(added.len(), 1, "b gets the key t = 2");
        assert_eq!(added[0][vi], Value::Num(0.0));
        c.layout(400.0, Locale::En, &crate::theme::Theme::get(crate::theme::ThemeName::Light)).unwrap();
        let e = Chart::new(&Json::parse(r#"{"data": {"values": []}, "mark": "bar", "encoding": {"color": {"field": "k", "impute": {"value": 0}}}}"#).unwrap(), &|_| Err(String::new())).unwrap_err();
        assert_eq!(e.path().unwrap().to_string(), "encoding.color.impute");
    }
}
