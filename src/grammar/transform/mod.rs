//! Vega-Lite's data transforms over the row [`Table`], one file per transform, with Vega-Lite's
//! documented semantics and Vega's behaviour where the documentation is silent (output row
//! order, null handling, floating point sequence). [`parse`] reads one element of a spec's
//! `transform` array; [`Transform::run`] applies it.
//!
//! Supported: `filter` (expressions, field predicates, `and`/`or`/`not`), `calculate`, `fold`,
//! `aggregate`, `joinaggregate`, `bin`, `timeUnit`, `window`, `stack`, `impute`, `lookup`,
//! `pivot`, `quantile`, `regression`, `loess`, `density`, `sample` (seeded), `flatten`.
//! Refused with [`Error::Unsupported`] at `transform[i].<name>`: `extent` (it sets a
//! parameter), and parameter predicates.
//!
//! Field references go through [`crate::grammar::value::field_key`]; a field that is not in
//! the table reads as null in every row (Vega behaviour). Transforms that multiply rows (fold,
//! impute, pivot) refuse outputs over [`util::MAX_ROWS`] rows with [`Error::Data`].

pub mod aggregate;
pub mod bin;
pub mod bootstrap;
pub mod calculate;
pub mod curve;
pub mod density;
pub mod filter;
pub mod flatten;
pub mod fold;
pub mod impute;
pub mod joinaggregate;
pub mod loess;
pub mod lookup;
pub mod ops;
pub mod pivot;
pub mod predicate;
pub mod quantile;
pub mod regression;
pub mod sample;
pub mod stack;
pub mod timeunit;
pub mod util;
pub mod window;

use crate::error::{Error, Path};
use crate::grammar::json::Json;
use crate::grammar::value::Table;

/// Where `lookup` gets its secondary data (`from.data`: `values`, `url`, ...); the data
/// loader implements it.
pub trait Sources {
    /// Loads the data object `data` found at `path`.
    fn load(&self, data: &Json, path: &Path) -> Result<Table, Error>;
}

/// One transform of a spec's `transform` array.
#[derive(Debug, Clone, PartialEq)]
pub enum Transform {
    /// `filter`.
    Filter(filter::Filter),
    /// `calculate`.
    Calculate(calculate::Calculate),
    /// `fold`.
    Fold(fold::Fold),
    /// `aggregate`.
    Aggregate(aggregate::Aggregate),
    /// `joinaggregate`.
    JoinAggregate(joinaggregate::JoinAggregate),
    /// `bin`.
    Bin(bin::Bin),
    /// `timeUnit`.
    TimeUnit(timeunit::TimeUnitTransform),
    /// `window`.
    Window(window::Window),
    /// `stack`.
    Stack(stack::Stack),
    /// `impute`.
    Impute(impute::Impute),
    /// `lookup`.
    Lookup(lookup::Lookup),
    /// `pivot`.
    Pivot(pivot::Pivot),
    /// `quantile`.
    Quantile(quantile::Quantile),
    /// `regression`.
    Regression(regression::Regression),
    /// `density`.
    Density(density::Density),
    /// `loess`.
    Loess(loess::Loess),
    /// `sample`.
    Sample(sample::Sample),
    /// `flatten`.
    Flatten(flatten::Flatten),
}

/// The transform keys, in the order Vega-Lite tests for them.
const SUPPORTED: &[&str] = &[
    "filter",
    "calculate",
    "bin",
    "timeUnit",
    "aggregate",
    "window",
    "joinaggregate",
    "fold",
    "lookup",
    "impute",
    "pivot",
    "stack",
    "quantile",
    "regression",
    "density",
    "loess",
    "sample",
    "flatten",
];

/// Vega-Lite transforms this engine refuses.
const REFUSED: &[&str] = &["extent"];

/// Reads one element of a spec's `transform` array (`path` is `transform[i]`).
pub fn parse(json: &Json, path: &Path) -> Result<Transform, Error> {
    let obj = json.obj(path)?;
    // A supported transform's own parameters may share a refused one's name (regression's
    // `extent`), so those are looked for only when no supported transform matched.
    let supported = SUPPORTED.iter().find(|k| json.get(k).is_some());
    for name in REFUSED.iter().filter(|_| supported.is_none()) {
        if json.get(name).is_some() {
            return Err(Error::unsupported(
                &path.key(name),
                format!("the \"{name}\" transform"),
                &SUPPORTED.join(", "),
            ));
        }
    }
    let Some(kind) = supported else {
        return Err(match obj.first() {
            Some((k, _)) => Error::Unsupported {
                path: path.key(k),
                found: format!("unknown transform property \"{k}\""),
                supported: SUPPORTED.join(", "),
            },
            None => Error::spec(path, "empty transform"),
        });
    };
    Ok(match *kind {
        "filter" => Transform::Filter(filter::Filter::parse(json, path)?),
        "calculate" => Transform::Calculate(calculate::Calculate::parse(json, path)?),
        "bin" => Transform::Bin(bin::Bin::parse(json, path)?),
        "timeUnit" => Transform::TimeUnit(timeunit::TimeUnitTransform::parse(json, path)?),
        "aggregate" => Transform::Aggregate(aggregate::Aggregate::parse(json, path)?),
        "window" => Transform::Window(window::Window::parse(json, path)?),
        "joinaggregate" => Transform::JoinAggregate(joinaggregate::JoinAggregate::parse(json, path)?),
        "fold" => Transform::Fold(fold::Fold::parse(json, path)?),
        "lookup" => Transform::Lookup(lookup::Lookup::parse(json, path)?),
        "impute" => Transform::Impute(impute::Impute::parse(json, path)?),
        "pivot" => Transform::Pivot(pivot::Pivot::parse(json, path)?),
        "quantile" => Transform::Quantile(quantile::Quantile::parse(json, path)?),
        "regression" => Transform::Regression(regression::Regression::parse(json, path)?),
        "density" => Transform::Density(density::Density::parse(json, path)?),
        "loess" => Transform::Loess(loess::Loess::parse(json, path)?),
        "sample" => Transform::Sample(sample::Sample::parse(json, path)?),
        "flatten" => Transform::Flatten(flatten::Flatten::parse(json, path)?),
        _ => Transform::Stack(stack::Stack::parse(json, path)?),
    })
}

/// Reads a whole `transform` array found at `path`.
pub fn parse_all(json: &Json, path: &Path) -> Result<Vec<Transform>, Error> {
    json.arr(path)?.iter().enumerate().map(|(i, t)| parse(t, &path.index(i))).collect()
}

impl Transform {
    /// Applies the transform (`ctx` loads `lookup` data).
    pub fn run(&self, table: Table, ctx: &dyn Sources) -> Result<Table, Error> {
        match self {
            Transform::Filter(t) => t.run(table),
            Transform::Calculate(t) => t.run(table),
            Transform::Fold(t) => t.run(table),
            Transform::Aggregate(t) => t.run(table),
            Transform::JoinAggregate(t) => t.run(table),
            Transform::Bin(t) => t.run(table),
            Transform::TimeUnit(t) => t.run(table),
            Transform::Window(t) => t.run(table),
            Transform::Stack(t) => t.run(table),
            Transform::Impute(t) => t.run(table),
            Transform::Lookup(t) => t.run(table, ctx),
            Transform::Pivot(t) => t.run(table),
            Transform::Quantile(t) => t.run(table),
            Transform::Regression(t) => t.run(table),
            Transform::Density(t) => t.run(table),
            Transform::Loess(t) => t.run(table),
            Transform::Sample(t) => t.run(table),
            Transform::Flatten(t) => t.run(table),
        }
    }

    /// The fields the transform writes (an aggregate's or pivot's include its group fields; a
    /// pivot's new fields and a whole-row lookup's `as.field` columns depend on the data).
    pub fn output_fields(&self) -> Vec<String> {
        match self {
            Transform::Filter(_) => Vec::new(),
            Transform::Calculate(t) => t.output_fields(),
            Transform::Fold(t) => t.output_fields(),
            Transform::Aggregate(t) => t.output_fields(),
            Transform::JoinAggregate(t) => t.output_fields(),
            Transform::Bin(t) => t.output_fields(),
            Transform::TimeUnit(t) => t.output_fields(),
            Transform::Window(t) => t.output_fields(),
            Transform::Stack(t) => t.output_fields(),
            Transform::Impute(t) => t.output_fields(),
            Transform::Lookup(t) => t.output_fields(),
            Transform::Pivot(t) => t.output_fields(),
            Transform::Quantile(t) => t.output_fields(),
            Transform::Regression(t) => t.output_fields(),
            Transform::Density(t) => t.output_fields(),
            Transform::Loess(t) => t.output_fields(),
            Transform::Sample(t) => t.output_fields(),
            Transform::Flatten(t) => t.output_fields(),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::value::Value;

    struct NoData;
    impl Sources for NoData {
        fn load(&self, _: &Json, path: &Path) -> Result<Table, Error> {
            Err(Error::Data { path: path.clone(), row: None, message: "none".into() })
        }
    }

    fn at(i: usize) -> Path {
        Path::of(&["transform"]).index(i)
    }

    #[test]
    fn dispatches_and_refuses_with_paths() {
        let t = parse(&Json::parse(r#"{"as": "y", "calculate": "datum.x * 2"}"#).unwrap(), &at(0)).unwrap();
        assert!(matches!(t, Transform::Calculate(_)));
        assert_eq!(t.output_fields(), vec!["y"]);
        let e = parse(&Json::parse(r#"{"extent": "x", "param": "p"}"#).unwrap(), &at(3)).unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }));
        assert_eq!(e.path(), Some(&at(3).key("extent")));
        // A supported transform's parameter named like a refused transform is its own.
        assert!(matches!(
            parse(&Json::parse(r#"{"density": "x", "extent": [0, 1]}"#).unwrap(), &at(4)).unwrap(),
            Transform::Density(_)
        ));
        let e = parse(&Json::parse(r#"{"filtr": "datum.x"}"#).unwrap(), &at(1)).unwrap_err();
        assert_eq!(e.path(), Some(&at(1).key("filtr")));
        let e = parse(&Json::parse(r#"{"filter": "datum.x > 1", "as": "q"}"#).unwrap(), &at(2)).unwrap_err();
        assert_eq!(e.path(), Some(&at(2).key("as")));
        assert!(parse(&Json::parse("{}").unwrap(), &at(0)).is_err());
    }

    #[test]
    fn a_pipeline_runs_in_order() {
        let spec = Json::parse(
            r#"[{"filter": {"field": "v", "valid": true}}, {"calculate": "datum.v * 10", "as": "w"},
                {"aggregate": [{"op": "sum", "field": "w", "as": "s"}], "groupby": ["g"]},
                {"window": [{"op": "rank", "as": "r"}], "sort": [{"field": "s", "order": "descending"}]}]"#,
        )
        .unwrap();
        let ts = parse_all(&spec, &Path::of(&["transform"])).unwrap();
        let mut t = Table::with_fields(vec!["g".into(), "v".into()]);
        for (g, v) in [("a", Some(1.0)), ("b", Some(5.0)), ("a", None), ("a", Some(2.0))] {
            t.rows.push(vec![Value::str(g), v.map_or(Value::Null, Value::Num)]);
        }
        for tr in &ts {
            t = tr.run(t, &NoData).unwrap();
        }
        assert_eq!(t.fields, vec!["g", "s", "r"]);
        assert_eq!(
            t.rows,
            vec![
                vec![Value::str("a"), Value::Num(30.0), Value::Num(2.0)],
                vec![Value::str("b"), Value::Num(50.0), Value::Num(1.0)]
            ]
        );
    }
}
