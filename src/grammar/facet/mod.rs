//! Small multiples: Vega-Lite's `facet` operator (`{"facet": ..., "spec": ...}` with `columns`
//! and `spacing`) and the `row`, `column` and `facet` encoding channels (the shorthand for it).
//! This file reads them into a [`Facet`]; `derive.rs` adds the columns of fields with a
//! `timeUnit` or `bin`; `cells.rs` finds the panels in the data (sorted, grids complete) and
//! writes their headers; `split.rs` splits the rows; `grid.rs` lays the panels out, with
//! shared (or, by `resolve`, independent) scales.

pub mod cells;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod colour_tests;
pub mod derive;
pub mod edges;
pub mod grid;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod grid_tests;
pub mod split;

pub use cells::{cells, header, CellKey};

use crate::error::{Error, Path};
use crate::grammar::encoding::{Bin, Channel, FieldDef, FieldType, Sort};
use crate::grammar::guide::header::{self, HeaderStyle};
use crate::grammar::json::check_keys;
use crate::grammar::Json;

/// Most panels one chart draws (beyond that, no panel is readable).
pub const MAX_PANELS: usize = 64;

/// One facet field: which column splits the data, its title and order.
#[derive(Debug, Clone)]
pub struct FacetField {
    /// The field, read like an encoding channel's (type, sort, title).
    pub def: FieldDef,
    /// The title over the panels; `None` for `header.title: null` (or `title: null`).
    pub title: Option<String>,
    /// Whether each panel is labelled with its value (`header.labels`, default true).
    pub labels: bool,
    /// How its headers are written (`header` and `config.header`).
    pub style: HeaderStyle,
    /// `labelExpr`: each label's text from `datum.value` and `datum.label`.
    pub label_expr: Option<crate::grammar::expr::Expr>,
}

/// How the data is split into panels.
#[derive(Debug, Clone)]
pub struct Facet {
    /// One panel row per value (`row`).
    pub row: Option<FacetField>,
    /// One panel column per value (`column`).
    pub column: Option<FacetField>,
    /// One panel per value, wrapped into `columns` (`facet` with a field).
    pub wrap: Option<FacetField>,
    /// Panels per row for a wrapped facet (`columns`); all in one row when not given.
    pub columns: Option<usize>,
    /// Space between panels in px (`spacing`; Vega-Lite's default is 20).
    pub spacing: f64,
    /// `resolve.scale.x` / `resolve.axis.x` independent: each panel its own x scale / axis.
    pub independent_x: (bool, bool),
    /// The same for y.
    pub independent_y: (bool, bool),
    /// Each panel its own theta scale: Vega-Lite's default in a facet (each pie a whole),
    /// unless `resolve.scale.theta` is `"shared"`.
    pub independent_theta: bool,
    /// `resolve.scale.color` independent: each panel its own colour scale and legend.
    pub independent_color: bool,
    /// How many of the root view's transforms run before the split (the facet's own).
    pub at: usize,
}

impl Facet {
    /// The facet fields, in the order a cell's key lists them (row, column, wrapped).
    pub fn fields(&self) -> Vec<&FacetField> {
        [&self.row, &self.column, &self.wrap].into_iter().flatten().collect()
    }

    /// How the headers over (or under) each panel are written: the fields share one title
    /// line and one label per panel, so they share one style (checked when the facet is
    /// read). A row headed on the left ([`Facet::side_rows`]) that the grid could not keep
    /// beside its panels (a phone's reflow) joins that line level, in the column's style.
    pub fn style(&self) -> HeaderStyle {
        let line: Vec<&FacetField> =
            self.fields().into_iter().filter(|ff| ff.style.label.place != header::Place::Left).collect();
        match (line.first(), &self.row) {
            (Some(ff), _) => ff.style,
            (None, Some(r)) => {
                let mut s = r.style;
                s.label.place = header::Place::Top;
                s.title.place = header::Place::Top;
                s.angle = 0.0;
                s
            }
            (None, None) => HeaderStyle::default(),
        }
    }

    /// The row field, when its headers go on the left of the panels (Vega-Lite's default).
    pub fn side_rows(&self) -> Option<&FacetField> {
        self.row.as_ref().filter(|r| r.style.label.place == header::Place::Left)
    }
}

/// Which facet a field splits by: Vega-Lite bins `row` and `column` into at most 6 bins by
/// default, a wrapped `facet` into 10.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Row,
    Column,
    Wrap,
}

/// Reads one facet field definition at `path`; `config` is the spec's, for header defaults.
fn field(j: &Json, path: &Path, kind: Kind, config: Option<(&Json, &Path)>) -> Result<FacetField, Error> {
    check_keys(
        j,
        path,
        &["field", "type", "title", "sort", "header", "spacing", "timeUnit", "bin"],
        &["aggregate", "align", "center", "bounds", "labelAngle"],
    )?;
    if j.get("field").is_none() {
        return Err(Error::spec(path, "a facet needs a \"field\""));
    }
    let plain =
        Json::Obj(j.obj(path)?.iter().filter(|(k, _)| !matches!(k.as_str(), "header" | "spacing")).cloned().collect());
    let mut def = FieldDef::parse(&plain, path, Channel::Detail)?;
    if !def.typed {
        def.ty = FieldType::Nominal;
    }
    if let (Some(Bin::Bin { params, name }), Kind::Row | Kind::Column) = (&mut def.bin, kind) {
        if params.auto_maxbins {
            params.maxbins = Some(6.0);
            if name == "bin_maxbins_10" {
                *name = "bin_maxbins_6".into();
            }
        }
    }
    if matches!(def.sort, Sort::ByChannel(..) | Sort::ByField { .. }) {
        return Err(Error::unsupported(
            &path.key("sort"),
            "sorting panels by another field is not supported yet",
            "\"ascending\", \"descending\", null or a list of values",
        ));
    }
    let mut title = match j.get("title") {
        Some(Json::Null) => None,
        _ => Some(def.default_title()),
    };
    let mut labels = true;
    let kind_key = match kind {
        Kind::Row => "headerRow",
        Kind::Column => "headerColumn",
        Kind::Wrap => "headerFacet",
    };
    if let Some((c, cp)) = config {
        for k in ["header", kind_key] {
            if let Some(l) = c.get(k).and_then(|h| h.get("labels")) {
                labels = l.bool(&cp.key(k).key("labels"))?;
            }
        }
    }
    let hp = path.key("header");
    let own = match j.get("header") {
        Some(Json::Null) => {
            title = None;
            labels = false;
            None
        }
        Some(h) => {
            match h.get("title") {
                Some(Json::Null) => title = None,
                Some(t) => title = Some(t.str(&hp.key("title"))?.to_string()),
                None => {}
            }
            if let Some(l) = h.get("labels") {
                labels = l.bool(&hp.key("labels"))?;
            }
            Some((h, &hp))
        }
        None => None,
    };
    let temporal = def.ty == FieldType::Temporal || def.time_unit.is_some();
    let (style, text) = header::for_field(config, kind_key, own, temporal)?;
    // The header's format writes the panels' values (in headers and tooltips).
    if text.format.is_some() {
        def.format = text.format;
        def.format_type = text.format_type.or(def.format_type);
    }
    Ok(FacetField { def, title, labels, style, label_expr: text.label_expr })
}

/// Reads the facet of a spec, if it has one: the operator (`facet` beside `spec`) or the
/// `row` / `column` / `facet` channels of the top-level `encoding` (which it takes out of
/// `json`, so the rest reads as a single view).
pub fn parse(json: &mut Json, root: &Path) -> Result<Option<Facet>, Error> {
    let (cfg, cp) = (json.get("config").cloned(), root.key("config"));
    let config = cfg.as_ref().map(|c| (c, &cp));
    let mut f = Facet {
        row: None,
        column: None,
        wrap: None,
        columns: None,
        spacing: 20.0,
        independent_x: (false, false),
        independent_y: (false, false),
        independent_theta: true,
        independent_color: false,
        at: 0,
    };
    if let Some(fj) = json.get("facet") {
        let p = root.key("facet");
        let is_grid = fj.get("row").is_some() || fj.get("column").is_some();
        if is_grid {
            check_keys(fj, &p, &["row", "column"], &[])?;
            f.row = fj.get("row").map(|r| field(r, &p.key("row"), Kind::Row, config)).transpose()?;
            f.column = fj.get("column").map(|c| field(c, &p.key("column"), Kind::Column, config)).transpose()?;
        } else {
            f.wrap = Some(field(fj, &p, Kind::Wrap, config)?);
        }
        if json.get("spec").is_none() {
            return Err(Error::spec(&p, "a facet draws its \"spec\": give the view to repeat there"));
        }
        for k in ["mark", "layer", "encoding"] {
            if json.get(k).is_some() {
                return Err(Error::spec(&root.key(k), format!("in a facet, \"{k}\" goes inside \"spec\"")));
            }
        }
    } else if let Some(enc) = json.get("encoding").and_then(|e| e.obj(&root.key("encoding")).ok()) {
        let p = root.key("encoding");
        let take = |k: &str| enc.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let (row, column, wrap) = (take("row"), take("column"), take("facet"));
        if row.is_none() && column.is_none() && wrap.is_none() {
            return check_alone(json, root).map(|_| None);
        }
        if wrap.is_some() && (row.is_some() || column.is_some()) {
            return Err(Error::spec(
                &p.key("facet"),
                "\"facet\" wraps panels on its own: use it or \"row\"/\"column\", not both",
            ));
        }
        f.row = row.map(|r| field(&r, &p.key("row"), Kind::Row, config)).transpose()?;
        f.column = column.map(|c| field(&c, &p.key("column"), Kind::Column, config)).transpose()?;
        f.wrap = wrap.map(|w| field(&w, &p.key("facet"), Kind::Wrap, config)).transpose()?;
        if let Json::Obj(o) = json {
            for (k, v) in o.iter_mut() {
                if k == "encoding" {
                    if let Json::Obj(e) = v {
                        e.retain(|(n, _)| !matches!(n.as_str(), "row" | "column" | "facet"));
                    }
                }
            }
        }
        resolve_into(&mut f, json.get("resolve"), root)?;
        // The facet's `resolve` (read here), not the view's: the view reads as a single one.
        if let Json::Obj(o) = json {
            o.retain(|(k, _)| k != "resolve");
        }
        return finish(f, json, root).map(Some);
    } else {
        return check_alone(json, root).map(|_| None);
    }
    resolve_into(&mut f, json.get("resolve"), root)?;
    finish(f, json, root).map(Some)
}

/// Reads `columns` and `spacing`.
fn finish(mut f: Facet, json: &Json, root: &Path) -> Result<Facet, Error> {
    let line: Vec<&FacetField> =
        f.fields().into_iter().filter(|ff| ff.style.label.place != header::Place::Left).collect();
    if let [first, rest @ ..] = line.as_slice() {
        if let Some(other) = rest.iter().find(|ff| ff.style != first.style) {
            return Err(Error::unsupported(
                &other.def.path.key("header"),
                "row and column headers styled differently (they are written on one line per panel here)",
                "the same header styling for row and column",
            ));
        }
    }
    if let Some(c) = json.get("columns") {
        let cp = root.key("columns");
        let n = c.num(&cp)?;
        if f.wrap.is_none() {
            return Err(Error::spec(&cp, "\"columns\" wraps a facet of one field; a row/column grid has its own"));
        }
        if !(n >= 1.0 && n <= MAX_PANELS as f64 && n.fract() == 0.0) {
            return Err(Error::spec(&cp, format!("columns must be a whole number from 1 to {MAX_PANELS}")));
        }
        f.columns = Some(n as usize);
    }
    if let Some(s) = json.get("spacing") {
        let sp = root.key("spacing");
        f.spacing = match s {
            Json::Num(n) if n.is_finite() && *n >= 0.0 && *n <= 200.0 => *n,
            Json::Obj(_) => {
                check_keys(s, &sp, &["row", "column"], &[])?;
                let v = s.get("column").or(s.get("row")).map(|x| x.num(&sp.key("column"))).transpose()?;
                v.unwrap_or(20.0).clamp(0.0, 200.0)
            }
            other => return Err(Error::spec(&sp, format!("spacing must be 0 to 200 px, found {}", other.to_text()))),
        };
    }
    Ok(f)
}

/// Reads a facet's `resolve`: x and y scales and axes shared (the default) or independent.
fn resolve_into(f: &mut Facet, r: Option<&Json>, root: &Path) -> Result<(), Error> {
    if let Some(r) = r {
        let rp = root.key("resolve");
        check_keys(r, &rp, &["scale", "axis", "legend"], &[])?;
        for (kind, v) in r.obj(&rp)? {
            let kp = rp.key(kind);
            for (ch, how) in v.obj(&kp)? {
                let p = kp.key(ch);
                let independent = match how {
                    Json::Str(s) if s == "shared" => false,
                    Json::Str(s) if s == "independent" => true,
                    other => return Err(Error::unsupported(&p, other.to_text(), "shared, independent")),
                };
                if (kind.as_str(), ch.as_str()) == ("scale", "color") {
                    f.independent_color = independent;
                    continue;
                }
                // A colour legend follows its scale: per panel when the scale is.
                if (kind.as_str(), ch.as_str()) == ("legend", "color") {
                    let scale_too = r
                        .get("scale")
                        .and_then(|s| s.get("color"))
                        .is_some_and(|v| *v == Json::Str("independent".into()));
                    match (independent, scale_too) {
                        (true, true) => continue,
                        (false, true) => {
                            return Err(Error::spec(
                                &p,
                                "a shared legend needs a shared scale: the panels resolve it each on their own",
                            ))
                        }
                        _ => {}
                    }
                }
                let slot = match (kind.as_str(), ch.as_str()) {
                    ("scale", "x") => &mut f.independent_x.0,
                    ("axis", "x") => &mut f.independent_x.1,
                    ("scale", "y") => &mut f.independent_y.0,
                    ("axis", "y") => &mut f.independent_y.1,
                    ("scale", "theta") => &mut f.independent_theta,
                    _ if !independent => continue,
                    _ => return Err(Error::unsupported(&p, "\"independent\" is not supported yet here", "shared")),
                };
                *slot = independent;
            }
        }
        // An independent scale has its own axis in every panel.
        f.independent_x.1 |= f.independent_x.0;
        f.independent_y.1 |= f.independent_y.0;
    }
    Ok(())
}

/// Outside a facet, its keys have no meaning: named as errors, never ignored.
fn check_alone(json: &Json, root: &Path) -> Result<(), Error> {
    if json.get("spec").is_some() {
        return Err(Error::spec(&root.key("spec"), "\"spec\" is the view a facet repeats: give \"facet\" beside it"));
    }
    for k in ["columns", "spacing"] {
        if json.get(k).is_some() {
            return Err(Error::spec(
                &root.key(k),
                format!("\"{k}\" arranges the panels of a facet; this spec has none"),
            ));
        }
    }
    Ok(())
}

/// The spec with its view moved up: `{"facet", "spec": view, ...}` read as the view with the
/// outer `data`, `transform` and the rest (the view's own transforms come after the split).
/// Returns the merged spec and the path where the view's keys are found.
pub fn unwrap(json: &Json, root: &Path) -> Result<Option<(Json, Json)>, Error> {
    let Some(inner) = json.get("spec") else { return Ok(None) };
    let ip = root.key("spec");
    check_keys(
        inner,
        &ip,
        &[
            "data",
            "transform",
            "mark",
            "encoding",
            "layer",
            "name",
            "description",
            "title",
            "width",
            "height",
            "resolve",
        ],
        &["facet", "repeat", "concat", "hconcat", "vconcat", "spec"],
    )?;
    if inner.get("data").is_some() {
        return Err(Error::spec(&ip.key("data"), "a facet splits its own data: give \"data\" beside \"facet\""));
    }
    let outer = Json::Obj(
        json.obj(root)?
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "facet" | "spec" | "columns" | "spacing" | "resolve"))
            .cloned()
            .collect(),
    );
    Ok(Some((outer, inner.clone())))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::Value;

    fn read(text: &str) -> Result<Option<Facet>, Error> {
        let mut j = Json::parse(text).unwrap();
        parse(&mut j, &Path::root())
    }

    #[test]
    fn reads_the_operator_and_the_channels() {
        let f = read(r#"{"data": {"values": []}, "facet": {"field": "site", "header": {"title": null}}, "columns": 3, "spec": {"mark": "bar"}}"#).unwrap().unwrap();
        let w = f.wrap.as_ref().unwrap();
        assert_eq!(w.def.field.as_deref(), Some("site"));
        assert_eq!(w.def.ty, FieldType::Nominal);
        assert_eq!(w.title, None);
        assert_eq!(f.columns, Some(3));
        let mut j = Json::parse(
            r#"{"mark": "bar", "encoding": {"x": {"field": "a"}, "row": {"field": "r", "type": "ordinal"}}}"#,
        )
        .unwrap();
        let f = parse(&mut j, &Path::root()).unwrap().unwrap();
        assert_eq!(f.row.as_ref().unwrap().title.as_deref(), Some("r"));
        assert!(j.get("encoding").unwrap().get("row").is_none(), "the channel is taken out of the view");
        assert!(read(r#"{"mark": "bar"}"#).unwrap().is_none());
    }

    #[test]
    fn names_what_is_wrong_by_path() {
        let path = |t: &str| read(t).unwrap_err().path().map(|p| p.to_string());
        assert_eq!(
            path(r#"{"facet": {"field": "a"}, "mark": "bar", "spec": {"mark": "bar"}}"#).as_deref(),
            Some("mark")
        );
        assert_eq!(path(r#"{"facet": {"field": "a"}}"#).as_deref(), Some("facet"));
        assert_eq!(
            path(r#"{"facet": {"field": "a", "aggregate": "sum"}, "spec": {"mark": "bar"}}"#).as_deref(),
            Some("facet.aggregate")
        );
        assert_eq!(
            path(r#"{"facet": {"field": "a", "header": {"labelAngle": 30}}, "spec": {"mark": "bar"}}"#).as_deref(),
            Some("facet.header.labelAngle")
        );
        assert_eq!(path(r#"{"mark": "bar", "columns": 2}"#).as_deref(), Some("columns"));
        assert_eq!(
            path(r#"{"mark": "bar", "encoding": {"row": {"field": "a"}}, "columns": 2}"#).as_deref(),
            Some("columns")
        );
        assert_eq!(
            path(r#"{"facet": {"field": "a"}, "columns": 0.5, "spec": {"mark": "bar"}}"#).as_deref(),
            Some("columns")
        );
        assert_eq!(
            path(
                r#"{"facet": {"field": "a"}, "resolve": {"legend": {"color": "independent"}}, "spec": {"mark": "bar"}}"#
            )
            .as_deref(),
            Some("resolve.legend.color")
        );
        assert_eq!(path(r#"{"mark": "bar", "spec": {}}"#).as_deref(), Some("spec"));
    }

    #[test]
    fn panels_are_sorted_and_grids_are_complete() {
        let f = read(r#"{"facet": {"row": {"field": "r"}, "column": {"field": "c", "sort": "descending"}}, "spec": {"mark": "bar"}}"#).unwrap().unwrap();
        let s = |t: &str| Value::str(t);
        let found = vec![vec![s("b"), s("x")], vec![s("a"), s("y")], vec![s("a"), s("x")]];
        let c = cells(&f, &found, &Path::root()).unwrap();
        let keys: Vec<(usize, usize, Vec<Value>)> = c.into_iter().map(|k| (k.row, k.col, k.values)).collect();
        assert_eq!(
            keys,
            vec![
                (0, 0, vec![s("a"), s("y")]),
                (0, 1, vec![s("a"), s("x")]),
                (1, 0, vec![s("b"), s("y")]),
                (1, 1, vec![s("b"), s("x")]),
            ],
            "rows ascending, columns descending, the empty b/y cell kept"
        );
        let f = read(r#"{"facet": {"field": "n", "type": "quantitative", "sort": [3]}, "spec": {"mark": "bar"}}"#)
            .unwrap()
            .unwrap();
        let found: Vec<Vec<Value>> =
            [10.0, 2.0, 3.0].iter().map(|n| vec![Value::Num(*n)]).chain([vec![Value::Null]]).collect();
        let order: Vec<Value> =
            cells(&f, &found, &Path::root()).unwrap().into_iter().map(|k| k.values[0].clone()).collect();
        assert_eq!(
            order,
            vec![Value::Num(3.0), Value::Num(2.0), Value::Num(10.0), Value::Null],
            "listed first, then ascending numerically, nulls last"
        );
        let many: Vec<Vec<Value>> = (0..65).map(|i| vec![Value::Num(i as f64)]).collect();
        assert!(cells(&f, &many, &Path::root()).unwrap_err().to_string().contains("65 panels"));
    }
}
