//! `repeat`: one view per field (`"repeat": ["a", "b"]`, wrapped by `columns`) or per pair of
//! fields (`{"row": [...], "column": [...]}`), each the `spec` with its `{"repeat": ...}`
//! references replaced, then drawn as a concatenation ([`crate::grammar::concat`]); with
//! `layer` beside them, each view is a layer ([`crate::grammar::repeat_layer`]). The views
//! get Vega-Lite's names (`child__a`, `child__row_hcolumn_w`), which prefix their scales.

use crate::error::{Error, Path};
use crate::grammar::concat::Arrange;
use crate::grammar::json::check_keys;
use crate::grammar::Json;

/// `repeat` as a list of fields or as `{row, column}` lists: one view per field (or pair).
#[allow(clippy::type_complexity)]
pub(crate) fn expand(
    json: &Json,
    root: &Path,
    columns: Option<usize>,
    spacing: f64,
) -> Result<(Arrange, Vec<(Json, Path, String)>), Error> {
    let rp = root.key("repeat");
    let r = json.get("repeat").unwrap_or(&Json::Null);
    let spec = json
        .get("spec")
        .ok_or_else(|| Error::spec(&rp, "a repeat draws its \"spec\": give the view to repeat there"))?;
    let names = |j: &Json, p: &Path| -> Result<Vec<String>, Error> {
        j.arr(p)?.iter().enumerate().map(|(i, x)| x.str(&p.index(i)).map(str::to_string)).collect()
    };
    let var = |s: &str| s.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect::<String>();
    let mut views = Vec::new();
    let arrange = match r {
        Json::Arr(_) => {
            for f in &names(r, &rp)? {
                let bound = [("repeat", f.as_str())];
                views.push((bind(spec, &bound, &root.key("spec"))?, root.key("spec"), format!("child__{}", var(f))));
            }
            Arrange { columns, spacing, ..Arrange::default() }
        }
        Json::Obj(_) => {
            check_keys(r, &rp, &["row", "column", "layer"], &[])?;
            let layers =
                r.get("layer").map(|l| crate::grammar::repeat_layer::fields(l, &rp.key("layer"))).transpose()?;
            if columns.is_some() {
                return Err(Error::spec(
                    &root.key("columns"),
                    "\"columns\" wraps a repeat of one list; row and column repeats have their own",
                ));
            }
            let rows = r.get("row").map(|x| names(x, &rp.key("row"))).transpose()?;
            let cols = r.get("column").map(|x| names(x, &rp.key("column"))).transpose()?;
            let (rows_v, cols_v) = (
                rows.clone().unwrap_or_else(|| vec![String::new()]),
                cols.clone().unwrap_or_else(|| vec![String::new()]),
            );
            for rv in &rows_v {
                for cv in &cols_v {
                    let mut bound = Vec::new();
                    let mut name = String::from("child_");
                    if rows.is_some() {
                        bound.push(("row", rv.as_str()));
                        name += &format!("_row_{}", var(rv));
                    }
                    if cols.is_some() {
                        bound.push(("column", cv.as_str()));
                        // Vega-Lite's names: child__row_hcolumn_w, child__column_w.
                        name += &format!("{}column_{}", if rows.is_some() { "" } else { "_" }, var(cv));
                    }
                    let sp = root.key("spec");
                    let view = match &layers {
                        Some(l) => crate::grammar::repeat_layer::layer_of(spec, &bound, l, &sp)?,
                        None => bind(spec, &bound, &sp)?,
                    };
                    views.push((view, sp, name));
                }
            }
            Arrange { columns: Some(cols_v.len()), spacing, ..Arrange::default() }
        }
        other => {
            return Err(Error::spec(
                &rp,
                format!("expected a list of fields or {{\"row\", \"column\"}}, found {}", other.kind()),
            ))
        }
    };
    Ok((arrange, views))
}

/// `spec` with every `{"repeat": name}` replaced by the field it stands for.
pub(crate) fn bind(j: &Json, bound: &[(&str, &str)], path: &Path) -> Result<Json, Error> {
    match j {
        Json::Obj(o) if o.len() == 1 && o[0].0 == "repeat" => {
            let name = o[0].1.str(&path.key("repeat"))?;
            bound.iter().find(|(k, _)| *k == name).map(|(_, v)| Json::Str(v.to_string())).ok_or_else(|| {
                Error::spec(
                    &path.key("repeat"),
                    format!(
                        "\"{name}\" is not repeated here (repeated: {})",
                        bound.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
                    ),
                )
            })
        }
        Json::Obj(o) => Ok(Json::Obj(
            o.iter().map(|(k, v)| Ok((k.clone(), bind(v, bound, &path.key(k))?))).collect::<Result<_, Error>>()?,
        )),
        Json::Arr(a) => {
            Ok(Json::Arr(a.iter().enumerate().map(|(i, v)| bind(v, bound, &path.index(i))).collect::<Result<_, _>>()?))
        }
        other => Ok(other.clone()),
    }
}
