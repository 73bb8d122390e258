//! Structured inputs, built with `arbitrary` from the fuzzer's bytes: a small story-schema
//! dataset (for `dataset_json`) and a custom chart case (for `layout_svg`). Each is turned into
//! the target's text form, so a finding is saved, replayed and read as ordinary text.

use arbitrary::{Result, Unstructured};
use serde_json::{json, Value};

use crate::checks::LayoutCase;
use news_infographic::data::Lang;
use news_infographic::theme::ThemeName;

/// Names that have broken charts before, or might: wrapping, CJK, quoting, numbers as text,
/// right-to-left text, markup, whitespace.
const NAMES: &[&str] = &[
    "2021",
    "2023",
    "2024",
    "Chemicals",
    "Textiles",
    "Animal husbandry and aquaculture",
    "First in the world",
    "First in China only",
    "畜牧和水产养殖业",
    "化工",
    "a",
    "b",
    "x,y",
    "say \"hi\"",
    "two\nlines",
    "  padded  ",
    "Supercalifragilisticexpialidocious",
    "-5",
    "0",
    "1e3",
    "NaN",
    "inf",
    "-infinity",
    "<b>&amp;</b>",
    "emoji 📈📉",
    "null",
    "1.5",
    "2021-01",
    "Ñandú",
    "العربية",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
];

fn name(u: &mut Unstructured) -> Result<String> {
    if u.ratio(3, 4)? {
        Ok(u.choose(NAMES)?.to_string())
    } else {
        let s: String = u.arbitrary()?;
        Ok(s.chars().take(48).collect())
    }
}

/// A number as CSV text: small integers mostly, and the edges (huge, tiny, negative zero).
fn number(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=9)? {
        0..=3 => u.int_in_range(-20i32..=1000)?.to_string(),
        4 => format!("{}", u.arbitrary::<i32>()? as f64 / 10f64.powi(u.int_in_range(0..=4)?)),
        5 => format!(
            "{}{}e{}",
            if u.arbitrary()? { "-" } else { "" },
            u.int_in_range(1..=9)?,
            u.int_in_range(250..=308)?
        ),
        6 => format!("{}e-{}", u.int_in_range(1..=9)?, u.int_in_range(1..=320)?),
        7 => {
            let v = f64::from_bits(u.arbitrary()?);
            if v.is_finite() {
                format!("{v:e}")
            } else {
                "1".into()
            }
        }
        8 => "-0".into(),
        _ => u.arbitrary::<i64>()?.to_string(),
    })
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A custom chart case: a spec over columns `x`, `y` and maybe `g`, up to 48 rows, a width in
/// 200..2000, a language and a theme.
pub fn layout_case(u: &mut Unstructured) -> Result<LayoutCase> {
    let kind = *u.choose(&["bar", "stacked-bar", "grouped-bar", "line", "dot"])?;
    let aggregate = *u.choose(&["sum", "mean", "count", "min", "max", "none"])?;
    let sort = *u.choose(&["data", "x", "y-ascending", "y-descending"])?;
    let color = u.ratio(2, 3)?;
    let width = u.int_in_range(200u32..=2000)? as f64 + if u.ratio(1, 4)? { 0.5 } else { 0.0 };
    let lang = if u.ratio(1, 4)? { Lang::Zh } else { Lang::En };
    let theme = if u.arbitrary()? { ThemeName::Dark } else { ThemeName::Light };

    let xs: Vec<String> = (0..u.int_in_range(1..=12)?).map(|_| name(u)).collect::<Result<_>>()?;
    let gs: Vec<String> = (0..u.int_in_range(1..=6)?).map(|_| name(u)).collect::<Result<_>>()?;
    let mut csv = if color { "x,y,g\n".to_string() } else { "x,y\n".to_string() };
    for _ in 0..u.int_in_range(0..=48)? {
        let x = u.choose(&xs)?.clone();
        let y = match u.int_in_range(0..=9)? {
            0 => String::new(),
            1 => name(u)?,
            _ => number(u)?,
        };
        let mut row = vec![quote(&x), quote(&y)];
        if color {
            row.push(quote(u.choose(&gs)?));
        }
        csv += &row.join(",");
        csv.push('\n');
    }

    let mut spec = json!({ "kind": kind, "x": "x", "y": "y" });
    if color {
        spec["color"] = "g".into();
    }
    if u.ratio(3, 4)? {
        spec["aggregate"] = aggregate.into();
    }
    if u.ratio(3, 4)? {
        spec["sort"] = sort.into();
    }
    if u.ratio(1, 3)? {
        let mut hl = Vec::new();
        for _ in 0..u.int_in_range(1..=3)? {
            hl.push(Value::from(if u.arbitrary()? { u.choose(&xs)?.clone() } else { u.choose(&gs)?.clone() }));
        }
        spec["highlight"] = hl.into();
    }
    for field in ["title", "subtitle", "notes"] {
        if u.ratio(1, 3)? {
            spec[field] = name(u)?.into();
        }
    }
    if u.ratio(1, 3)? {
        let mut source = json!({ "title": name(u)? });
        if u.arbitrary()? {
            source["date"] = name(u)?.into();
        }
        spec["source"] = source;
    }
    Ok(LayoutCase { width, lang, theme, spec: spec.to_string(), csv })
}

fn text_pair(u: &mut Unstructured) -> Result<Value> {
    Ok(if u.ratio(1, 2)? { json!({ "en": name(u)?, "zh": name(u)? }) } else { json!({ "en": name(u)? }) })
}

/// A story-schema dataset, JSON: mostly valid (so the preset charts get laid out), with
/// unreported values, years outside the period, industries, and claims of every kind.
pub fn dataset_json(u: &mut Unstructured) -> Result<String> {
    let start = u.int_in_range(1990..=2030)?;
    let end = start + u.int_in_range(1..=6)?;
    let sources = vec![json!({ "id": "S1", "title": name(u)?, "date": "2024-02-19" })];
    let n_ind = u.int_in_range(0..=8)?;
    let industries: Vec<Value> =
        (0..n_ind).map(|i| Ok(json!({ "id": format!("i{i}"), "name": text_pair(u)? }))).collect::<Result<_>>()?;
    let mut values: Vec<Value> = Vec::new();
    let years = [start, end, end + 1, start - 1];
    for k in 0..u.int_in_range(0..=24)? {
        let year = *u.choose(&years)?;
        let industry = if n_ind > 0 && u.ratio(1, 2)? {
            Value::from(format!("i{}", u.int_in_range(0..=n_ind - 1)?))
        } else {
            Value::Null
        };
        let value = match u.int_in_range(0..=7)? {
            0 => Value::Null,
            1 => json!(f64::from_bits(u.arbitrary::<u64>()?).abs().min(1e300)),
            2 => json!(u.int_in_range(0u32..=100_000)? as f64 / 100.0),
            _ => json!(u.int_in_range(0u32..=120)?),
        };
        let scope = if u.arbitrary()? { "global" } else { "global-or-national" };
        let metric = if u.ratio(7, 8)? { "champions" } else { "other" };
        let mut v = json!({ "id": format!("v{k}"), "metric": metric, "year": year, "scope": scope,
                            "value": value, "source": "S1" });
        if !industry.is_null() {
            v["industry"] = industry;
        }
        if u.ratio(1, 6)? {
            v["note"] = text_pair(u)?;
        }
        values.push(v);
    }
    let mut claims = Vec::new();
    if !values.is_empty() {
        for k in 0..u.int_in_range(0..=4)? {
            let from = u.choose(&values)?["id"].clone();
            let to = u.choose(&values)?["id"].clone();
            let stated = match u.int_in_range(0..=2)? {
                0 => json!({ "kind": "percent-change", "percent": u.int_in_range(-100i32..=1000)? }),
                1 => json!({ "kind": "ratio", "ratio": u.int_in_range(0u32..=400)? as f64 / 20.0,
                             "approximate": u.arbitrary::<bool>()? }),
                _ => {
                    json!({ "kind": "values", "from": u.int_in_range(0u32..=100)?, "to": u.int_in_range(0u32..=100)? })
                }
            };
            claims.push(json!({ "id": format!("C{k}"), "topic": text_pair(u)?, "stated_as": text_pair(u)?,
                                "from": from, "to": to, "stated": stated }));
        }
    }
    // NaN or infinite numbers cannot be written as JSON; serde_json writes `null` for them.
    Ok(json!({
        "id": "fuzz", "title": text_pair(u)?, "place": text_pair(u)?, "unit": text_pair(u)?,
        "period": [start, end], "sources": sources, "industries": industries,
        "values": values, "claims": claims,
    })
    .to_string())
}
