//! The spec's `data` object read into a [`DataDef`]: where the rows come from (`values`, `url`,
//! or `name` of a top-level `datasets` entry) and their `format` (`type`, `delimiter`,
//! `property`, `parse`). Unknown keys are refused; generators (`sequence`, `graticule`,
//! `sphere`) and TopoJSON (`type: "topojson"`, `feature`, `mesh`) are refused as not supported
//! yet.

use super::parse::Parse;
use crate::error::{Error, Path};
use crate::grammar::json::check_keys;
use crate::grammar::Json;

/// A data source of a spec.
#[derive(Debug, Clone, PartialEq)]
pub struct DataDef {
    /// Where the rows come from.
    pub source: Source,
    /// How to read them.
    pub format: Format,
}

/// Where a data source's rows come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Inline `values`: an array of rows, one object, or text read per `format.type`.
    Values(Json),
    /// `url`: text the caller fetches and passes to [`super::load`].
    Url(String),
    /// `name` alone: an entry of the top-level `datasets` ([`DataDef::resolve`]).
    Named(String),
}

/// The `format` object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Format {
    /// `type` as written (`None`: from the URL's extension, else JSON).
    pub ty: Option<FormatType>,
    /// `delimiter` (type `dsv` only; one ASCII character).
    pub delimiter: Option<char>,
    /// `property`: dotted path to the rows inside a JSON document (type `json` only).
    pub property: Option<String>,
    /// `parse`.
    pub parse: ParseSpec,
}

/// `format.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatType {
    /// JSON (the default).
    Json,
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// Values separated by `format.delimiter`.
    Dsv,
}

/// `format.parse`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ParseSpec {
    /// Absent: only the implicit parse applies.
    #[default]
    Default,
    /// `parse: null`: no parsing at all, implicit included.
    Off,
    /// Per field, as written (a field's `null` is [`Parse::Auto`]: left as loaded).
    Fields(Vec<(String, Parse)>),
}

impl DataDef {
    /// Reads the spec's `data` object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<DataDef, Error> {
        check_keys(json, path, &["values", "url", "name", "format"], &["sequence", "graticule", "sphere"])?;
        let (values, url, name) = (json.get("values"), json.get("url"), json.get("name"));
        let name = name.map(|n| n.str(&path.key("name"))).transpose()?;
        let source = match (values, url) {
            (Some(_), Some(_)) => return Err(Error::spec(path, "give `values` or `url`, not both")),
            (Some(v), None) => match v {
                Json::Arr(_) | Json::Obj(_) | Json::Str(_) => Source::Values(v.clone()),
                other => {
                    return Err(Error::spec(
                        &path.key("values"),
                        format!("expected an array, an object or text, found {}", other.kind()),
                    ))
                }
            },
            (None, Some(u)) => Source::Url(u.str(&path.key("url"))?.to_string()),
            (None, None) => match name {
                Some(n) => Source::Named(n.to_string()),
                None => return Err(Error::spec(path, "a data source needs `values`, `url` or `name`")),
            },
        };
        let format = match json.get("format") {
            Some(f) => Format::parse(f, &path.key("format"))?,
            None => Format::default(),
        };
        let def = DataDef { source, format };
        def.format_type(path)?;
        Ok(def)
    }

    /// This source with a [`Source::Named`] replaced by the entry of the spec's top-level
    /// `datasets` it names (the entry's format is this source's `format`); others unchanged.
    /// `path` is this data object's path.
    pub fn resolve(&self, datasets: &[(String, Json)], path: &Path) -> Result<DataDef, Error> {
        let Source::Named(name) = &self.source else { return Ok(self.clone()) };
        let values = datasets.iter().find(|(k, _)| k == name).map(|(_, v)| v).ok_or_else(|| {
            let known: Vec<&str> = datasets.iter().map(|(k, _)| k.as_str()).collect();
            Error::spec(
                &path.key("name"),
                format!("no dataset named \"{name}\" in the top-level `datasets` (it has: {})", known.join(", ")),
            )
        })?;
        Ok(DataDef { source: Source::Values(values.clone()), format: self.format.clone() })
    }

    /// The format type that applies: `format.type`, else the URL's extension (as Vega-Lite's
    /// `SourceNode`: the text after the URL's last `.`, one of `json csv tsv dsv`), else JSON.
    /// Errors for a combination that cannot be read (dsv without delimiter, `property` on
    /// delimited text, `delimiter` without dsv, a `.topojson` URL).
    pub fn format_type(&self, path: &Path) -> Result<FormatType, Error> {
        let fpath = path.key("format");
        let ty = match (self.format.ty, &self.source) {
            (Some(t), _) => t,
            (None, Source::Url(u)) => match u.rsplit_once('.').map(|(_, e)| e) {
                Some("csv") => FormatType::Csv,
                Some("tsv") => FormatType::Tsv,
                Some("dsv") => FormatType::Dsv,
                Some("topojson") => {
                    return Err(Error::unsupported(
                        &path.key("url"),
                        "TopoJSON data is not supported yet",
                        "json, csv, tsv, dsv",
                    ))
                }
                _ => FormatType::Json,
            },
            (None, _) => FormatType::Json,
        };
        if ty == FormatType::Dsv {
            delimiter_byte(self.format.delimiter, &fpath)?;
        } else if self.format.delimiter.is_some() {
            return Err(Error::spec(&fpath.key("delimiter"), "`delimiter` applies to `\"type\": \"dsv\"` only"));
        }
        if ty != FormatType::Json && self.format.property.is_some() {
            return Err(Error::spec(&fpath.key("property"), "`property` applies to JSON data only"));
        }
        Ok(ty)
    }
}

/// The DSV delimiter as a byte: one ASCII character other than a quote or a line end.
pub(crate) fn delimiter_byte(d: Option<char>, fpath: &Path) -> Result<u8, Error> {
    match d {
        None => Err(Error::spec(fpath, "`\"type\": \"dsv\"` needs a `delimiter`")),
        Some(c) if c.is_ascii() && !matches!(c, '"' | '\n' | '\r') => Ok(c as u8),
        Some(c) if c.is_ascii() => Err(Error::spec(&fpath.key("delimiter"), format!("{c:?} cannot separate cells"))),
        Some(c) => Err(Error::unsupported(
            &fpath.key("delimiter"),
            format!("the non-ASCII delimiter {c:?}"),
            "one ASCII character",
        )),
    }
}

impl Format {
    /// Reads a `format` object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Format, Error> {
        check_keys(json, path, &["type", "delimiter", "property", "parse"], &["feature", "mesh"])?;
        let ty = match json.get("type") {
            None => None,
            Some(t) => Some(match t.str(&path.key("type"))? {
                "json" => FormatType::Json,
                "csv" => FormatType::Csv,
                "tsv" => FormatType::Tsv,
                "dsv" => FormatType::Dsv,
                "topojson" => {
                    return Err(Error::unsupported(
                        &path.key("type"),
                        "\"topojson\" is not supported yet",
                        "json, csv, tsv, dsv",
                    ))
                }
                other => {
                    return Err(Error::spec(
                        &path.key("type"),
                        format!("\"{other}\" is not a format type (json, csv, tsv, dsv)"),
                    ))
                }
            }),
        };
        let delimiter = match json.get("delimiter") {
            None => None,
            Some(d) => {
                let s = d.str(&path.key("delimiter"))?;
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => {
                        return Err(Error::spec(
                            &path.key("delimiter"),
                            format!("must be one character, found {:?}", s),
                        ))
                    }
                }
            }
        };
        let property = json.get("property").map(|p| p.str(&path.key("property")).map(str::to_string)).transpose()?;
        if let Some(p) = &property {
            super::json::split_access_path(p, &path.key("property"))?;
        }
        let parse = match json.get("parse") {
            None => ParseSpec::Default,
            Some(Json::Null) => ParseSpec::Off,
            Some(Json::Obj(members)) => {
                let mut fields = Vec::with_capacity(members.len());
                for (k, v) in members {
                    let p = path.key("parse").key(k);
                    let parse = match v {
                        Json::Null => Parse::Auto,
                        Json::Str(s) => Parse::from_spec(s, &p)?,
                        other => {
                            return Err(Error::spec(
                                &p,
                                format!("expected a parse type or null, found {}", other.kind()),
                            ))
                        }
                    };
                    fields.push((k.clone(), parse));
                }
                ParseSpec::Fields(fields)
            }
            Some(other) => {
                return Err(Error::spec(
                    &path.key("parse"),
                    format!("expected an object or null, found {}", other.kind()),
                ))
            }
        };
        Ok(Format { ty, delimiter, property, parse })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn def(t: &str) -> Result<DataDef, Error> {
        DataDef::parse(&Json::parse(t).unwrap(), &Path::of(&["data"]))
    }

    #[test]
    fn reads_sources_and_formats() {
        let d =
            def(r#"{"url": "data/x.csv", "format": {"parse": {"d": "date:'%d.%m.%Y'", "n": "number", "s": null}}}"#)
                .unwrap();
        assert_eq!(d.source, Source::Url("data/x.csv".into()));
        assert_eq!(d.format_type(&Path::root()).unwrap(), FormatType::Csv);
        let want = vec![
            ("d".into(), Parse::Date(Some("%d.%m.%Y".into()), false)),
            ("n".into(), Parse::Number),
            ("s".into(), Parse::Auto),
        ];
        assert_eq!(d.format.parse, ParseSpec::Fields(want));
        assert_eq!(def(r#"{"values": [1], "format": {"parse": null}}"#).unwrap().format.parse, ParseSpec::Off);
        let d = def(r#"{"values": "a|b", "format": {"type": "dsv", "delimiter": "|"}, "name": "t"}"#).unwrap();
        assert_eq!((d.format.ty, d.format.delimiter), (Some(FormatType::Dsv), Some('|')));
        // Vega-Lite's extension rule: the text after the last dot; unknown ones are JSON.
        for (u, t) in [
            ("a/b.tsv", FormatType::Tsv),
            ("a/b.json", FormatType::Json),
            ("http://x.org/data", FormatType::Json),
            ("b.csv?v=1", FormatType::Json),
        ] {
            assert_eq!(def(&format!(r#"{{"url": "{u}"}}"#)).unwrap().format_type(&Path::root()).unwrap(), t, "{u}");
        }
    }

    #[test]
    fn refuses_unknown_keys_generators_and_bad_formats_with_paths() {
        let cases = [
            (r#"{"values": [], "format": {"typ": "csv"}}"#, "data.format.typ", "unknown property"),
            (r#"{"values": [], "formt": {}}"#, "data.formt", "unknown property"),
            (r#"{"sequence": {"start": 0, "stop": 5}}"#, "data.sequence", "not supported yet"),
            (r#"{"sphere": true}"#, "data.sphere", "not supported yet"),
            (r#"{"graticule": true}"#, "data.graticule", "not supported yet"),
            (r#"{"url": "w.json", "format": {"type": "topojson"}}"#, "data.format.type", "not supported yet"),
            (r#"{"url": "w.json", "format": {"feature": "c"}}"#, "data.format.feature", "not supported yet"),
            (r#"{"url": "w.topojson"}"#, "data.url", "TopoJSON"),
            (r#"{"values": "x", "format": {"type": "xml"}}"#, "data.format.type", "not a format type"),
            (r#"{"values": "x", "format": {"type": "dsv"}}"#, "data.format", "needs a `delimiter`"),
            (
                r#"{"values": "x", "format": {"type": "dsv", "delimiter": "ab"}}"#,
                "data.format.delimiter",
                "one character",
            ),
            (r#"{"values": "x", "format": {"type": "dsv", "delimiter": "¦"}}"#, "data.format.delimiter", "non-ASCII"),
            (r#"{"values": "x", "format": {"type": "csv", "delimiter": ";"}}"#, "data.format.delimiter", "dsv"),
            (r#"{"url": "a.csv", "format": {"property": "p"}}"#, "data.format.property", "JSON data only"),
            (r#"{"values": [], "format": {"parse": {"a": "numbr"}}}"#, "data.format.parse.a", "parse type"),
            (r#"{"values": [], "format": {"parse": "auto"}}"#, "data.format.parse", "object or null"),
            (r#"{"values": 5}"#, "data.values", "expected an array"),
            (r#"{"values": [], "url": "a.csv"}"#, "data", "not both"),
            (r#"{"format": {}}"#, "data", "needs `values`"),
            (r#"{"url": 3}"#, "data.url", "expected a string"),
        ];
        for (spec, path, what) in cases {
            let e = def(spec).unwrap_err();
            assert_eq!(e.path().map(|p| p.to_string()).as_deref(), Some(path), "{spec}: {e}");
            assert!(e.to_string().contains(what), "{spec}: {e}");
        }
    }

    #[test]
    fn resolves_named_data_from_datasets() {
        let Json::Obj(ds) = Json::parse(r#"{"somedata": [1, 2, 3], "other": "a\n1"}"#).unwrap() else { panic!() };
        let d = def(r#"{"name": "somedata"}"#).unwrap();
        assert_eq!(d.source, Source::Named("somedata".into()));
        let r = d.resolve(&ds, &Path::of(&["data"])).unwrap();
        assert_eq!(r.source, Source::Values(Json::parse("[1, 2, 3]").unwrap()));
        let e = def(r#"{"name": "nope"}"#).unwrap().resolve(&ds, &Path::of(&["data"])).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["data", "name"])));
        assert!(e.to_string().contains("somedata, other"), "{e}");
    }
}
