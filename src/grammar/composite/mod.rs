//! Composite marks, expanded before the spec is read, as Vega-Lite's normaliser expands them:
//! a unit whose mark is `boxplot` ([`boxplot`]), `errorbar` ([`errorbar`]) or `errorband`
//! ([`errorband`]) becomes the
//! aggregate and calculate transforms and the layer of plain marks it stands for, with the
//! field names Vega-Lite gives them (`lower_box_F`, `center_F`, `lower_F`, ...). Raw data
//! only (the continuous channel a field to aggregate); pre-aggregated input (`y2`, `yError`),
//! `bin` or `timeUnit` on the other channels are refused with their path.

pub mod boxplot;
pub mod errorband;
pub mod errorbar;

use crate::error::{Error, Path};
use crate::grammar::json::Json;

/// Expands the composite marks in `json` (the top level and every layer, recursively).
pub fn normalize(json: &Json) -> Result<Json, Error> {
    walk(json, &Path::root(), 0)
}

/// [`normalize`] for a spec found at `root`.
pub fn normalize_at(json: &Json, root: &Path) -> Result<Json, Error> {
    walk(json, root, 0)
}

fn walk(j: &Json, path: &Path, depth: usize) -> Result<Json, Error> {
    let Json::Obj(o) = j else { return Ok(j.clone()) };
    if depth > 16 {
        return Ok(j.clone());
    }
    let mark = match j.get("mark") {
        Some(Json::Str(s)) => Some(s.as_str()),
        Some(m @ Json::Obj(_)) => match m.get("type") {
            Some(Json::Str(s)) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    };
    match mark {
        Some("errorbar") => return errorbar::expand(j, path),
        Some("errorband") => return errorband::expand(j, path),
        Some("boxplot") => return boxplot::expand(j, path),
        _ => {}
    }
    if let Some(inner @ Json::Obj(_)) = j.get("spec") {
        // A facet's view.
        let expanded = walk(inner, &path.key("spec"), depth + 1)?;
        return Ok(Json::Obj(
            o.iter().map(|(k, v)| (k.clone(), if k == "spec" { expanded.clone() } else { v.clone() })).collect(),
        ));
    }
    let Some(Json::Arr(layers)) = j.get("layer") else { return Ok(j.clone()) };
    let mut out = Vec::with_capacity(o.len());
    for (k, v) in o {
        if k == "layer" {
            let lp = path.key("layer");
            let expanded = layers
                .iter()
                .enumerate()
                .map(|(i, l)| walk(l, &lp.index(i), depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            out.push((k.clone(), Json::Arr(expanded)));
        } else {
            out.push((k.clone(), v.clone()));
        }
    }
    Ok(Json::Obj(out))
}

/// What a composite mark's unit says, read for its expansion.
pub(crate) struct Parts {
    /// `x` or `y`: the channel whose field is aggregated.
    pub axis: &'static str,
    /// Its field.
    pub field: String,
    /// Its definition (title, scale, axis are kept).
    pub def: Json,
    /// Every other channel, as given.
    pub rest: Vec<(String, Json)>,
    /// Fields the aggregate groups by (those of the other channels).
    pub groupby: Vec<Json>,
    /// The mark's properties other than `type`.
    pub mark: Vec<(String, Json)>,
    /// The unit's other properties (data, title, size, ...), and its own transforms.
    pub outer: Vec<(String, Json)>,
    /// The unit's own transforms.
    pub transform: Vec<Json>,
}

/// Reads a composite mark's unit at `path`: which axis is continuous (the quantitative one;
/// both: `orient`, else y), and what the aggregate groups by.
pub(crate) fn parts(j: &Json, path: &Path, name: &str) -> Result<Parts, Error> {
    let enc =
        j.get("encoding").and_then(|e| if let Json::Obj(o) = e { Some(o.clone()) } else { None }).unwrap_or_default();
    let ep = path.key("encoding");
    let quantitative = |c: &str| {
        enc.iter().any(|(k, d)| {
            k == c
                && matches!(d.get("type"), Some(Json::Str(t)) if t == "quantitative")
                && d.get("aggregate").is_none()
                && d.get("field").is_some()
        })
    };
    let mark: Vec<(String, Json)> = match j.get("mark") {
        Some(Json::Obj(m)) => m.iter().filter(|(k, _)| k != "type").cloned().collect(),
        _ => Vec::new(),
    };
    let orient =
        mark.iter()
            .find(|(k, _)| k == "orient")
            .and_then(|(_, v)| if let Json::Str(s) = v { Some(s.clone()) } else { None });
    let axis = match (quantitative("x"), quantitative("y"), orient.as_deref()) {
        (true, false, _) => "x",
        (false, true, _) => "y",
        (true, true, Some("horizontal")) => "x",
        (true, true, _) => "y",
        _ => {
            return Err(Error::unsupported(
                &ep,
                format!("{name} without a quantitative x or y field to aggregate"),
                "raw data: a quantitative field on x or y",
            ))
        }
    };
    for k in ["x2", "y2", "xError", "yError", "xError2", "yError2"] {
        if enc.iter().any(|(c, _)| c == k) {
            return Err(Error::unsupported(
                &ep.key(k),
                format!("{name} on pre-aggregated data"),
                "raw data: one quantitative field on x or y",
            ));
        }
    }
    let def = enc.iter().find(|(k, _)| k == axis).map(|(_, d)| d.clone()).unwrap_or(Json::Null);
    let field = match def.get("field") {
        Some(Json::Str(f)) => f.clone(),
        _ => return Err(Error::spec(&ep.key(axis).key("field"), "expected a field name")),
    };
    let mut rest = Vec::new();
    let mut groupby = Vec::new();
    for (k, d) in &enc {
        if k == axis {
            continue;
        }
        for bad in ["bin", "timeUnit", "aggregate"] {
            if d.get(bad).is_some_and(|v| !matches!(v, Json::Null | Json::Bool(false))) {
                return Err(Error::unsupported(&ep.key(k).key(bad), format!("{bad} beside a {name}"), "plain fields"));
            }
        }
        if let Some(f @ Json::Str(_)) = d.get("field") {
            if !groupby.contains(f) {
                groupby.push(f.clone());
            }
        }
        rest.push((k.clone(), d.clone()));
    }
    let transform = match j.get("transform") {
        Some(Json::Arr(t)) => t.clone(),
        _ => Vec::new(),
    };
    let outer = match j {
        Json::Obj(o) => {
            o.iter().filter(|(k, _)| !matches!(k.as_str(), "mark" | "encoding" | "transform")).cloned().collect()
        }
        _ => Vec::new(),
    };
    Ok(Parts { axis, field, def, rest, groupby, mark, outer, transform })
}

/// `datum["name"]` for a calculate expression.
pub(crate) fn datum(name: &str) -> String {
    format!("datum[{}]", Json::Str(name.to_string()).to_text())
}

/// A part's encoding: the continuous axis on `prefix_F` (and `axis2` on `end_F`), the other
/// channels as given.
pub(crate) fn part_encoding(p: &Parts, prefix: &str, end: Option<&str>) -> Json {
    let mut def = vec![
        ("field".to_string(), Json::Str(format!("{prefix}_{}", p.field))),
        ("type".to_string(), Json::Str("quantitative".into())),
    ];
    let title = p.def.get("title").cloned().unwrap_or_else(|| Json::Str(p.field.clone()));
    def.push(("title".into(), title));
    for k in ["scale", "axis"] {
        if let Some(v) = p.def.get(k) {
            def.push((k.into(), v.clone()));
        }
    }
    let mut enc = vec![(p.axis.to_string(), Json::Obj(def))];
    if let Some(e) = end {
        enc.push((format!("{}2", p.axis), Json::Obj(vec![("field".into(), Json::Str(format!("{e}_{}", p.field)))])));
    }
    enc.extend(p.rest.iter().cloned());
    Json::Obj(enc)
}

/// The expanded spec: the unit's other properties, its transforms and then `extra`, and
/// `layer` (or the one part itself).
pub(crate) fn assemble(p: &Parts, extra: Vec<Json>, mut layer: Vec<Json>) -> Json {
    let mut out = p.outer.clone();
    let mut t = p.transform.clone();
    t.extend(extra);
    out.push(("transform".into(), Json::Arr(t)));
    if layer.len() == 1 {
        if let Json::Obj(o) = layer.remove(0) {
            out.extend(o);
        }
    } else {
        out.push(("layer".into(), Json::Arr(layer)));
    }
    Json::Obj(out)
}

/// `extent` (`ci`, `stderr`, `stdev`, `iqr`) and `center` (`mean`, `median`) of an errorbar or
/// errorband, and the aggregate and calculates they need.
pub(crate) fn aggregation(p: &Parts, path: &Path) -> Result<Vec<Json>, Error> {
    let prop = |k: &str| {
        p.mark.iter().find(|(m, _)| m == k).and_then(|(_, v)| if let Json::Str(s) = v { Some(s.clone()) } else { None })
    };
    let center = prop("center");
    let extent =
        prop("extent")
            .unwrap_or_else(|| if center.as_deref() == Some("median") { "iqr".into() } else { "stderr".into() });
    let center = center.unwrap_or_else(|| if extent == "iqr" { "median".into() } else { "mean".into() });
    let f = &p.field;
    let agg = |op: &str, prefix: &str| {
        Json::Obj(vec![
            ("op".into(), Json::Str(op.into())),
            ("field".into(), Json::Str(f.clone())),
            ("as".into(), Json::Str(format!("{prefix}_{f}"))),
        ])
    };
    let group = Json::Arr(p.groupby.clone());
    let aggregate =
        |ops: Vec<Json>| Json::Obj(vec![("aggregate".into(), Json::Arr(ops)), ("groupby".into(), group.clone())]);
    let calc = |expr: String, name: &str| {
        Json::Obj(vec![("calculate".into(), Json::Str(expr)), ("as".into(), Json::Str(format!("{name}_{f}")))])
    };
    let (c, e) = (format!("center_{f}"), format!("extent_{f}"));
    Ok(match extent.as_str() {
        "stderr" | "stdev" => vec![
            aggregate(vec![agg(&extent, "extent"), agg(&center, "center")]),
            // (A group without numbers has no centre: its ends are not reported, where
            // Vega's `undefined + undefined` gives NaN.)
            calc(format!("isValid({c}) && isValid({e}) ? {c} + {e} : null", c = datum(&c), e = datum(&e)), "upper"),
            calc(format!("isValid({c}) && isValid({e}) ? {c} - {e} : null", c = datum(&c), e = datum(&e)), "lower"),
        ],
        "iqr" => vec![aggregate(vec![agg("q1", "lower"), agg("q3", "upper"), agg("median", "center")])],
        // The 95 % bootstrap interval of the mean, seeded (transform/bootstrap.rs).
        "ci" => vec![aggregate(vec![agg("ci0", "lower"), agg("ci1", "upper"), agg(&center, "center")])],
        other => {
            return Err(Error::unsupported(
                &path.key("mark").key("extent"),
                format!("\"{other}\""),
                "ci, stderr, stdev, iqr",
            ))
        }
    })
}
