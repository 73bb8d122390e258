//! The top level of a Vega-Lite spec: what this engine reads (`data`, `transform`, `mark`,
//! `encoding`, `layer`, `width`, `height`, `title`, `config`, ...), checked key by key. Known
//! Vega-Lite features this engine does not draw yet are refused with their JSON path;
//! unknown keys are refused as unknown.

use crate::error::{Error, Path};
use crate::grammar::data::DataDef;
use crate::grammar::encoding::Encoding;
use crate::grammar::json::check_keys;
use crate::grammar::mark::MarkDef;
use crate::grammar::transform::{self, Transform};
use crate::grammar::Json;

/// Width or height as the spec asks for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Size {
    /// Not given: the container's width; a default height.
    Auto,
    /// `"container"`.
    Container,
    /// A number of px (fitted to the container when wider).
    Px(f64),
    /// `{"step": n}`: n px per band of a discrete scale.
    Step(f64),
}

/// A title and subtitle (`title` as a string or an object).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Title {
    /// Main text.
    pub text: String,
    /// Line under it.
    pub subtitle: String,
}

/// One view: a unit (one mark) or a layer of views, with its own data and transforms.
#[derive(Debug, Clone)]
pub struct View {
    /// Where it is in the spec.
    pub path: Path,
    /// Its data (inherited from the parent when `None`).
    pub data: Option<DataDef>,
    /// Its transforms, with their paths.
    pub transforms: Vec<(Transform, Path)>,
    /// Channels (a layer's are inherited by its children).
    pub encoding: Encoding,
    /// What it draws.
    pub body: Body,
}

/// What a view draws.
#[derive(Debug, Clone)]
pub enum Body {
    /// One mark.
    Unit(MarkDef),
    /// Views drawn on top of each other, sharing scales.
    Layer(Vec<View>),
}

/// A whole spec, read.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Title and subtitle.
    pub title: Title,
    /// The `description` (the accessible description when given).
    pub description: String,
    /// Width.
    pub width: Size,
    /// Height.
    pub height: Size,
    /// Named datasets (`datasets`), for `data.name`.
    pub datasets: Vec<(String, Json)>,
    /// Where the data comes from (`usermeta.source`, text): written under the chart and as the
    /// last line of every tooltip, so each value carries its source.
    pub source: Option<String>,
    /// The `config` object (read by [`crate::grammar::config`]).
    pub config: Json,
    /// The views.
    pub root: View,
    /// Small multiples: how the rows are split into panels (`facet`, or the `row`, `column`
    /// and `facet` channels), each panel drawing `root`.
    pub facet: Option<crate::grammar::facet::Facet>,
    /// Channels whose scale (and legend) each child of the top-level layer resolves on its
    /// own (`resolve.scale.color: "independent"`).
    pub layer_own: Vec<crate::grammar::encoding::Channel>,
}

/// Top-level keys of Vega-Lite this engine reads.
const TOP: &[&str] = &[
    "$schema",
    "data",
    "transform",
    "mark",
    "encoding",
    "layer",
    "width",
    "height",
    "title",
    "description",
    "name",
    "config",
    "datasets",
    "autosize",
    "background",
    "padding",
    "resolve",
    "usermeta",
    "view",
    "columns",
    "spacing",
];
/// Real Vega-Lite top-level features refused for now (each named in the README table).
const NOT_YET: &[&str] =
    &["params", "selection", "projection", "repeat", "concat", "hconcat", "vconcat", "align", "bounds", "center"];
/// Keys of a layered child (no top-level-only properties).
const CHILD: &[&str] =
    &["data", "transform", "mark", "encoding", "layer", "name", "description", "title", "width", "height", "resolve"];

/// Deepest nesting of layers.
const MAX_LAYER_DEPTH: usize = 8;

impl Spec {
    /// Reads a spec, refusing what this engine cannot draw with the path of the first problem.
    pub fn parse(json: &Json) -> Result<Spec, Error> {
        Spec::parse_at(json, &Path::root())
    }

    /// Reads a spec found at `root` (a view of a concatenation: `hconcat[1]`), naming problems
    /// by their path from the top.
    pub fn parse_at(json: &Json, root: &Path) -> Result<Spec, Error> {
        let root = root.clone();
        json.check_depth(&root, 0)?;
        let mut json = json.clone();
        let mut facet = crate::grammar::facet::parse(&mut json, &root)?;
        let inner = crate::grammar::facet::unwrap(&json, &root)?;
        if let Some((outer, _)) = &inner {
            json = outer.clone();
        }
        let json = &json;
        check_keys(json, &root, TOP, NOT_YET)?;
        // Title, description, source, datasets and config, read as for a concatenation's top.
        let mut spec = Spec::outer(json, &root)?;
        if let Some(a) = json.get("autosize") {
            check_autosize(a, &root.key("autosize"))?;
        }
        // A facet's cells are sized by its view (`spec.width`); the shorthand's by the top level.
        let (sized, sp) = match &inner {
            Some((_, v)) => (v, root.key("spec")),
            None => (json, root.clone()),
        };
        let view = match &inner {
            Some((_, v)) => {
                let data = match json.get("data") {
                    Some(Json::Null) | None => None,
                    Some(d) => Some(DataDef::parse(d, &root.key("data"))?),
                };
                View {
                    path: root.clone(),
                    data,
                    transforms: parse_transforms(json, &root)?,
                    encoding: Encoding::default(),
                    body: Body::Layer(vec![parse_view(v, &sp, 1)?]),
                }
            }
            None => parse_view(json, &root, 0)?,
        };
        if let Some(f) = &mut facet {
            f.at = view.transforms.len();
        }
        spec.width = parse_size(sized.get("width"), &sp.key("width"))?;
        spec.height = parse_size(sized.get("height"), &sp.key("height"))?;
        spec.root = view;
        if spec.facet.is_none() && facet.is_none() && json.get("layer").is_some() {
            spec.layer_own = crate::grammar::resolve::layer_own(json.get("resolve"));
        }
        spec.facet = facet;
        Ok(spec)
    }
}

impl Spec {
    /// The top level of a concatenation (its views are read as specs of their own): title,
    /// description, source line, datasets and config; no view of its own.
    pub fn outer(json: &Json, root: &Path) -> Result<Spec, Error> {
        let title = match json.get("title") {
            None => Title::default(),
            Some(t) => parse_title(t, &root.key("title"))?,
        };
        let description = match json.get("description") {
            Some(d) => d.str(&root.key("description"))?.to_string(),
            None => String::new(),
        };
        let source = match json.get("usermeta").and_then(|m| m.get("source")) {
            None => None,
            Some(s) => Some(s.str(&root.key("usermeta").key("source"))?.to_string()),
        };
        Ok(Spec {
            title,
            description,
            width: Size::Auto,
            height: Size::Auto,
            datasets: match json.get("datasets") {
                Some(d) => d.obj(&root.key("datasets"))?.to_vec(),
                None => Vec::new(),
            },
            source,
            config: json.get("config").cloned().unwrap_or(Json::Obj(Vec::new())),
            root: View {
                path: root.clone(),
                data: None,
                transforms: Vec::new(),
                encoding: Encoding::default(),
                body: Body::Layer(Vec::new()),
            },
            facet: None,
            layer_own: Vec::new(),
        })
    }
}

fn parse_view(json: &Json, path: &Path, depth: usize) -> Result<View, Error> {
    if depth > 0 {
        check_keys(json, path, CHILD, NOT_YET)?;
    }
    if depth > MAX_LAYER_DEPTH {
        return Err(Error::spec(path, format!("layers nested deeper than {MAX_LAYER_DEPTH}")));
    }
    if let Some(r) = json.get("resolve") {
        // Independent colours are drawn for the top-level layer's children only.
        let top = depth == 0 && json.get("layer").is_some();
        crate::grammar::resolve::check(r, &path.key("resolve"), top)?;
    }
    let data = match json.get("data") {
        Some(Json::Null) | None => None,
        Some(d) => Some(DataDef::parse(d, &path.key("data"))?),
    };
    let transforms = parse_transforms(json, path)?;
    let encoding = match json.get("encoding") {
        Some(e) => Encoding::parse(e, &path.key("encoding"))?,
        None => Encoding::default(),
    };
    let body = match (json.get("mark"), json.get("layer")) {
        (Some(m), None) => Body::Unit(MarkDef::parse(m, &path.key("mark"))?),
        (None, Some(l)) => {
            let lp = path.key("layer");
            let items = l.arr(&lp)?;
            if items.is_empty() {
                return Err(Error::spec(&lp, "a layer needs at least one view"));
            }
            let mut views = Vec::new();
            for (i, v) in items.iter().enumerate() {
                views.push(parse_view(v, &lp.index(i), depth + 1)?);
            }
            Body::Layer(views)
        }
        (Some(_), Some(_)) => return Err(Error::spec(path, "a view has either \"mark\" or \"layer\", not both")),
        (None, None) => return Err(Error::spec(path, "a view needs \"mark\" or \"layer\"")),
    };
    Ok(View { path: path.clone(), data, transforms, encoding, body })
}

fn parse_transforms(json: &Json, path: &Path) -> Result<Vec<(Transform, Path)>, Error> {
    let mut transforms = Vec::new();
    if let Some(t) = json.get("transform") {
        let tp = path.key("transform");
        for (i, x) in t.arr(&tp)?.iter().enumerate() {
            let p = tp.index(i);
            transforms.push((transform::parse(x, &p)?, p));
        }
    }
    Ok(transforms)
}

fn parse_title(t: &Json, path: &Path) -> Result<Title, Error> {
    let lines = |j: &Json, p: &Path| -> Result<String, Error> {
        match j {
            Json::Str(s) => Ok(s.clone()),
            Json::Arr(a) => Ok(a
                .iter()
                .enumerate()
                .map(|(i, x)| x.str(&p.index(i)).map(str::to_string))
                .collect::<Result<Vec<_>, _>>()?
                .join(" ")),
            other => Err(Error::spec(p, format!("expected text, found {}", other.kind()))),
        }
    };
    match t {
        Json::Obj(_) => {
            check_keys(
                t,
                path,
                &[
                    "text",
                    "subtitle",
                    "anchor",
                    "orient",
                    "fontSize",
                    "subtitleFontSize",
                    "color",
                    "subtitleColor",
                    "fontWeight",
                    "offset",
                    "frame",
                    "align",
                    "baseline",
                    "font",
                    "dx",
                    "dy",
                    "limit",
                ],
                &[],
            )?;
            Ok(Title {
                text: t.get("text").map(|x| lines(x, &path.key("text"))).transpose()?.unwrap_or_default(),
                subtitle: t.get("subtitle").map(|x| lines(x, &path.key("subtitle"))).transpose()?.unwrap_or_default(),
            })
        }
        other => Ok(Title { text: lines(other, path)?, subtitle: String::new() }),
    }
}

fn parse_size(j: Option<&Json>, path: &Path) -> Result<Size, Error> {
    match j {
        None => Ok(Size::Auto),
        Some(Json::Str(s)) if s == "container" => Ok(Size::Container),
        Some(Json::Num(n)) if n.is_finite() && *n > 0.0 && *n <= 10_000.0 => Ok(Size::Px(*n)),
        Some(Json::Num(n)) => Err(Error::spec(path, format!("size {n} is not between 0 and 10000 px"))),
        Some(o @ Json::Obj(_)) => {
            check_keys(o, path, &["step"], &[])?;
            let s = o.get("step").ok_or_else(|| Error::spec(path, "expected {\"step\": n}"))?.num(&path.key("step"))?;
            if !(s.is_finite() && s > 0.0 && s <= 1000.0) {
                return Err(Error::spec(&path.key("step"), "step must be between 0 and 1000 px"));
            }
            Ok(Size::Step(s))
        }
        Some(other) => Err(Error::spec(
            path,
            format!("expected a number, \"container\" or {{\"step\": n}}, found {}", other.to_text()),
        )),
    }
}

fn check_autosize(a: &Json, path: &Path) -> Result<(), Error> {
    let ok = |s: &str| matches!(s, "pad" | "fit" | "fit-x" | "fit-y" | "none");
    match a {
        Json::Str(s) if ok(s) => Ok(()),
        Json::Obj(_) => check_keys(a, path, &["type", "contains", "resize"], &[]),
        other => Err(Error::unsupported(path, other.to_text(), "pad, fit, fit-x, fit-y, none")),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn err(text: &str) -> Error {
        Spec::parse(&Json::parse(text).unwrap()).unwrap_err()
    }

    #[test]
    fn refuses_what_is_not_drawn_with_its_path() {
        let e = err(r#"{"mark": "bar", "params": []}"#);
        assert_eq!(e.path(), Some(&Path::of(&["params"])));
        assert!(matches!(e, Error::Unsupported { .. }));
        let e = err(r#"{"mark": "bar", "facet": {"field": "a"}, "spec": {"mark": "bar"}}"#);
        assert_eq!(e.path(), Some(&Path::of(&["mark"])));
        let e = err(r#"{"layer": [{"mark": "bar"}, {"mark": "bar", "hconcat": []}]}"#);
        assert_eq!(e.to_string().split(':').next().unwrap(), "unsupported at `layer[1].hconcat`");
        let e = err(r#"{"mark": "bar", "widht": 3}"#);
        assert!(e.to_string().starts_with("unsupported at `widht`: unknown property"), "{e}");
        assert!(matches!(err(r#"{"data": {"values": []}}"#), Error::Spec { .. }));
    }

    #[test]
    fn reads_sizes_and_titles() {
        let s = Spec::parse(&Json::parse(r#"{"mark": "bar", "width": "container", "height": {"step": 12}, "title": {"text": ["A", "B"], "subtitle": "s"}}"#).unwrap()).unwrap();
        assert_eq!(s.width, Size::Container);
        assert_eq!(s.height, Size::Step(12.0));
        assert_eq!(s.title, Title { text: "A B".into(), subtitle: "s".into() });
        assert_eq!(err(r#"{"mark": "bar", "width": -1}"#).path(), Some(&Path::of(&["width"])));
    }
}
