//! The dataset model: reported values with their year, scope, industry and source, the
//! categories they refer to, and the article's claims. Deserialised with serde (from JSON natively,
//! from a JS object through serde-wasm-bindgen in the browser), then checked by [`Dataset::validate`]
//! so every later stage can rely on ids resolving and numbers being finite and non-negative.

use serde::Deserialize;

use crate::error::Error;

/// The two languages every label exists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Parses `"en"` or `"zh"` (also `zh-CN`, `zh-Hans`); anything else is an error naming the field.
    pub fn parse(s: &str) -> Result<Lang, Error> {
        match s {
            "" | "en" => Ok(Lang::En),
            s if s == "zh" || s.starts_with("zh-") => Ok(Lang::Zh),
            other => Err(Error::Invalid {
                path: "lang".into(),
                message: format!("\"{other}\" is not a supported language (use \"en\" or \"zh\")"),
            }),
        }
    }
}

/// A text in both languages. A missing `zh` falls back to `en`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English text.
    pub en: String,
    /// Simplified Chinese text (may be empty).
    #[serde(default)]
    pub zh: String,
}

impl Text {
    /// The text in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            _ => &self.en,
        }
    }
}

/// Whether a count covers products first in the world only, or first in the world or in China.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// First in the world.
    Global,
    /// First in the world or first in China (the article's totals).
    GlobalOrNational,
}

/// Where a value was published.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Source {
    /// Id that values refer to.
    pub id: String,
    /// Title of the publication.
    pub title: String,
    /// Publication or update date, `YYYY-MM-DD`.
    pub date: String,
    /// Optional remark on the source.
    #[serde(default)]
    pub note: Option<Text>,
    /// Fields the contract does not define (refused by [`Dataset::validate`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A category (an industry) that values can belong to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Category {
    /// Id that values refer to.
    pub id: String,
    /// Display name in both languages.
    pub name: Text,
    /// Fields the contract does not define (refused by [`Dataset::validate`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One reported figure. `value: None` means the source did not report it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Value {
    /// Unique id (claims refer to values by it).
    pub id: String,
    /// What is counted, e.g. `champions`.
    pub metric: String,
    /// The year the figure is for.
    pub year: i32,
    /// Global only, or global or national.
    pub scope: Scope,
    /// Industry id, or `None` for a city-wide total.
    #[serde(default)]
    pub industry: Option<String>,
    /// The figure, or `None` when it was not reported.
    pub value: Option<f64>,
    /// Source id.
    pub source: String,
    /// Remark shown beside the value (e.g. a year caveat).
    #[serde(default)]
    pub note: Option<Text>,
    /// Fields the contract does not define (refused by [`Dataset::validate`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// What a claim states, in the terms it states it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Stated {
    /// "grew by N percent".
    PercentChange {
        /// The stated percentage.
        percent: f64,
    },
    /// "N-fold" / "N times".
    Ratio {
        /// The stated multiple.
        ratio: f64,
        /// True when the wording hedges ("nearly", "about").
        #[serde(default)]
        approximate: bool,
    },
    /// "from A to B".
    Values {
        /// Stated starting figure.
        from: f64,
        /// Stated end figure.
        to: f64,
    },
}

/// A claim the article makes from its own figures.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Claim {
    /// Claim id (`C1`...).
    pub id: String,
    /// What the claim is about (short label).
    pub topic: Text,
    /// The claim's wording, paraphrased.
    pub stated_as: Text,
    /// Value id of the starting figure.
    pub from: String,
    /// Value id of the end figure.
    pub to: String,
    /// The stated quantity.
    pub stated: Stated,
    /// Fields the contract does not define (refused by [`Dataset::validate`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A whole dataset: the unit every chart and query works on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Dataset {
    /// Dataset id.
    pub id: String,
    /// Title in both languages.
    pub title: Text,
    /// Where the figures are about.
    #[serde(default)]
    pub place: Text,
    /// The unit counted, as a noun ("products").
    #[serde(default)]
    pub unit: Text,
    /// The main comparison: start year and end year.
    pub period: [i32; 2],
    /// Publications values come from.
    pub sources: Vec<Source>,
    /// Industry categories.
    #[serde(default)]
    pub industries: Vec<Category>,
    /// The figures.
    pub values: Vec<Value>,
    /// Claims to check.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Fields the contract does not define (refused by [`Dataset::validate`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Fields a record has that the data contract does not define (collected so they can be
/// reported by name: serde's own `deny_unknown_fields` is not seen through serde-wasm-bindgen,
/// which reads only the fields it expects).
pub type Unknown = std::collections::BTreeMap<String, Ignored>;

/// The value of an unknown field, read and thrown away.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ignored;

impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| Ignored)
    }
}

/// An error for the first unknown field, if any.
pub fn check_unknown(path: &str, unknown: &Unknown, known: &[&str]) -> Result<(), Error> {
    match unknown.keys().next() {
        None => Ok(()),
        Some(k) => Err(Error::Invalid {
            path: if path.is_empty() { k.clone() } else { format!("{path}.{k}") },
            message: format!("unknown field `{k}` (expected one of: {})", known.join(", ")),
        }),
    }
}

/// Largest count a story dataset may hold (whole numbers up to this are exact in f64).
pub const MAX_COUNT: f64 = 1e12;
/// Longest text field accepted anywhere in a dataset or spec, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;
/// Most values, industries or claims in a story dataset.
pub const MAX_ENTRIES: usize = 10_000;

/// Checks one text field's length.
pub fn check_text(path: impl FnOnce() -> String, s: &str) -> Result<(), Error> {
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::Invalid {
            path: path(),
            message: format!("is {} characters long; the limit is {MAX_TEXT_CHARS}", s.chars().count()),
        });
    }
    Ok(())
}

/// The Binzhou story's dataset as shipped in `www/data/binzhou.json`.
pub const BINZHOU_JSON: &str = include_str!("../www/data/binzhou.json");

impl Dataset {
    /// Reads a dataset from JSON text and validates it (native builds; the browser parses with
    /// `JSON.parse` and hands the object over instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Dataset, Error> {
        let d: Dataset =
            serde_json::from_str(text).map_err(|e| Error::Parse { path: String::new(), message: format!("{e}") })?;
        d.validate()?;
        Ok(d)
    }

    /// The shipped Binzhou dataset (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn binzhou() -> Dataset {
        Dataset::from_json(BINZHOU_JSON).expect("the shipped dataset is valid")
    }

    /// Checks what serde cannot: ids unique and resolvable, numbers finite and non-negative,
    /// global counts never above the total they are part of.
    pub fn validate(&self) -> Result<(), Error> {
        if self.period[0] >= self.period[1] {
            return Err(Error::Invalid {
                path: "period".into(),
                message: format!("start year {} must be before end year {}", self.period[0], self.period[1]),
            });
        }
        for (list, n) in
            [("values", self.values.len()), ("industries", self.industries.len()), ("claims", self.claims.len())]
        {
            if n > MAX_ENTRIES {
                return Err(Error::Invalid {
                    path: list.into(),
                    message: format!("has {n} entries; the limit is {MAX_ENTRIES}"),
                });
            }
        }
        check_unknown(
            "",
            &self.unknown,
            &["id", "title", "place", "unit", "period", "sources", "industries", "values", "claims"],
        )?;
        for (i, v) in self.values.iter().enumerate() {
            check_unknown(
                &format!("values[{i}]"),
                &v.unknown,
                &["id", "metric", "year", "scope", "industry", "value", "source", "note"],
            )?;
        }
        for (i, s) in self.sources.iter().enumerate() {
            check_unknown(&format!("sources[{i}]"), &s.unknown, &["id", "title", "date", "note"])?;
        }
        for (i, c) in self.industries.iter().enumerate() {
            check_unknown(&format!("industries[{i}]"), &c.unknown, &["id", "name"])?;
        }
        for (i, c) in self.claims.iter().enumerate() {
            check_unknown(&format!("claims[{i}]"), &c.unknown, &["id", "topic", "stated_as", "from", "to", "stated"])?;
        }
        self.check_texts()?;
        unique(self.sources.iter().map(|s| s.id.as_str()), "sources")?;
        unique(self.industries.iter().map(|c| c.id.as_str()), "industries")?;
        unique(self.values.iter().map(|v| v.id.as_str()), "values")?;
        unique(self.claims.iter().map(|c| c.id.as_str()), "claims")?;
        for (i, v) in self.values.iter().enumerate() {
            if let Some(x) = v.value {
                if !x.is_finite() || x < 0.0 {
                    return Err(Error::Invalid {
                        path: format!("values[{i}].value"),
                        message: "a count must be a finite number, zero or more".into(),
                    });
                }
                if x.fract() != 0.0 || x > MAX_COUNT {
                    return Err(Error::Invalid {
                        path: format!("values[{i}].value"),
                        message: format!("a count must be a whole number up to {MAX_COUNT}"),
                    });
                }
            }
            if !self.sources.iter().any(|s| s.id == v.source) {
                return Err(Error::UnknownId { path: format!("values[{i}].source"), id: v.source.clone() });
            }
            if let Some(ind) = &v.industry {
                if !self.industries.iter().any(|c| &c.id == ind) {
                    return Err(Error::UnknownId { path: format!("values[{i}].industry"), id: ind.clone() });
                }
            }
        }
        for (i, v) in self.values.iter().enumerate() {
            if v.scope != Scope::Global {
                continue;
            }
            let total = self.values.iter().find(|t| {
                t.scope == Scope::GlobalOrNational
                    && t.year == v.year
                    && t.industry == v.industry
                    && t.metric == v.metric
            });
            if let (Some(g), Some(Some(t))) = (v.value, total.map(|t| t.value)) {
                if g > t {
                    return Err(Error::Invalid {
                        path: format!("values[{i}].value"),
                        message: format!("{g} first in the world is more than the {t} in total for {}", v.year),
                    });
                }
            }
        }
        for (i, c) in self.claims.iter().enumerate() {
            for (field, id) in [("from", &c.from), ("to", &c.to)] {
                if self.value(id).is_none() {
                    return Err(Error::UnknownId { path: format!("claims[{i}].{field}"), id: id.clone() });
                }
            }
        }
        Ok(())
    }

    fn check_texts(&self) -> Result<(), Error> {
        let both = |path: String, t: &Text| -> Result<(), Error> {
            check_text(|| format!("{path}.en"), &t.en)?;
            check_text(|| format!("{path}.zh"), &t.zh)
        };
        check_text(|| "id".into(), &self.id)?;
        both("title".into(), &self.title)?;
        both("place".into(), &self.place)?;
        both("unit".into(), &self.unit)?;
        for (i, s) in self.sources.iter().enumerate() {
            check_text(|| format!("sources[{i}].title"), &s.title)?;
            check_text(|| format!("sources[{i}].date"), &s.date)?;
            check_text(|| format!("sources[{i}].id"), &s.id)?;
        }
        for (i, c) in self.industries.iter().enumerate() {
            check_text(|| format!("industries[{i}].id"), &c.id)?;
            both(format!("industries[{i}].name"), &c.name)?;
        }
        for (i, v) in self.values.iter().enumerate() {
            check_text(|| format!("values[{i}].id"), &v.id)?;
            check_text(|| format!("values[{i}].metric"), &v.metric)?;
            if let Some(n) = &v.note {
                both(format!("values[{i}].note"), n)?;
            }
        }
        for (i, c) in self.claims.iter().enumerate() {
            both(format!("claims[{i}].topic"), &c.topic)?;
            both(format!("claims[{i}].stated_as"), &c.stated_as)?;
        }
        Ok(())
    }

    /// The value with this id.
    pub fn value(&self, id: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The industry with this id.
    pub fn industry(&self, id: &str) -> Option<&Category> {
        self.industries.iter().find(|c| c.id == id)
    }
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, list: &str) -> Result<(), Error> {
    let mut seen: Vec<&str> = Vec::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            return Err(Error::Invalid { path: format!("{list}[{i}].id"), message: "must not be empty".into() });
        }
        if seen.contains(&id) {
            return Err(Error::Invalid { path: format!("{list}[{i}].id"), message: format!("\"{id}\" is used twice") });
        }
        seen.push(id);
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn shipped_dataset_reads_and_validates() {
        let d = Dataset::binzhou();
        assert_eq!(d.period, [2021, 2023]);
        assert_eq!(d.industries.len(), 8);
        assert_eq!(d.value("F3").unwrap().value, Some(53.0));
        assert_eq!(d.value("F8").unwrap().year, 2024);
        assert_eq!(d.value("aluminum-2023").unwrap().value, None, "unreported stays unknown, not 0");
        assert_eq!(d.claims.len(), 4);
    }

    fn with(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Dataset, Error> {
        let mut v: serde_json::Value = serde_json::from_str(BINZHOU_JSON).unwrap();
        edit(&mut v);
        Dataset::from_json(&v.to_string())
    }

    #[test]
    fn negative_count_is_refused_with_its_path() {
        let e = with(|v| v["values"][2]["value"] = (-1).into()).unwrap_err();
        assert_eq!(
            e,
            Error::Invalid {
                path: "values[2].value".into(),
                message: "a count must be a finite number, zero or more".into()
            }
        );
    }

    #[test]
    fn unknown_references_are_named() {
        let e = with(|v| v["values"][4]["industry"] = "steel".into()).unwrap_err();
        assert_eq!(e, Error::UnknownId { path: "values[4].industry".into(), id: "steel".into() });
        let e = with(|v| v["claims"][1]["to"] = "F99".into()).unwrap_err();
        assert_eq!(e, Error::UnknownId { path: "claims[1].to".into(), id: "F99".into() });
    }

    #[test]
    fn duplicate_ids_and_impossible_subsets_are_refused() {
        let e = with(|v| v["values"][1]["id"] = "F1".into()).unwrap_err();
        assert!(matches!(e, Error::Invalid { ref path, .. } if path == "values[1].id"), "{e}");
        let e = with(|v| v["values"][3]["value"] = 60.into()).unwrap_err();
        assert!(e.to_string().contains("more than the 53 in total"), "{e}");
    }

    #[test]
    fn malformed_json_and_wrong_types_are_parse_errors() {
        assert!(matches!(Dataset::from_json("{\"id\": 1"), Err(Error::Parse { .. })));
        let e = with(|v| v["values"][0]["year"] = "2021".into()).unwrap_err();
        assert!(e.to_string().contains("invalid type"), "{e}");
    }

    #[test]
    fn unknown_fields_fractions_and_long_texts_are_refused() {
        let e = with(|v| v["values"][0]["valeu"] = 3.into()).unwrap_err();
        assert!(e.to_string().contains("unknown field `valeu`"), "{e}");
        // Nested records too, with their path (the browser's reader sees only named fields,
        // so these are collected and checked here rather than by serde).
        for (path, set) in [
            (
                "sources[0].titel",
                &(|v: &mut serde_json::Value| v["sources"][0]["titel"] = "x".into()) as &dyn Fn(&mut serde_json::Value),
            ),
            ("industries[1].nmae", &|v: &mut serde_json::Value| v["industries"][1]["nmae"] = "x".into()),
            ("claims[2].stated_ass", &|v: &mut serde_json::Value| v["claims"][2]["stated_ass"] = "x".into()),
        ] {
            let e = with(set).unwrap_err().to_string();
            assert!(e.starts_with(&format!("invalid value at `{path}`: unknown field")), "{e}");
        }
        let e = with(|v| v["values"][0]["value"] = 37.5.into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid value at `values[0].value`: a count must be a whole number up to 1000000000000"
        );
        let e = with(|v| v["industries"][0]["name"]["en"] = "x".repeat(5000).into()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid value at `industries[0].name.en`: is 5000 characters long; the limit is 1000"
        );
    }

    #[test]
    fn languages() {
        assert_eq!(Lang::parse("zh-CN").unwrap(), Lang::Zh);
        assert!(Lang::parse("fr").unwrap_err().to_string().contains("\"fr\""));
        let t = Text { en: "a".into(), zh: String::new() };
        assert_eq!(t.get(Lang::Zh), "a");
    }
}
