//! The `filter` transform: keeps the rows for which a predicate holds. A predicate is an
//! expression string (truthy result keeps the row), a field predicate (see [`super::predicate`])
//! or an `and` / `or` / `not` composition of predicates. Parameter (selection) predicates are
//! refused: this engine draws static charts.

use crate::error::{Error, Path};
use crate::grammar::expr::Expr;
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::predicate::FieldPredicate;

/// Deepest `and` / `or` / `not` nesting accepted.
const MAX_DEPTH: usize = 32;

/// A predicate tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Predicate {
    /// An expression string.
    Expr(Expr),
    /// A field predicate.
    Field(FieldPredicate),
    /// All must hold.
    And(Vec<Predicate>),
    /// One must hold.
    Or(Vec<Predicate>),
    /// Must not hold.
    Not(Box<Predicate>),
}

impl Predicate {
    /// Reads a predicate (Vega-Lite's `LogicalComposition<Predicate>`) at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Predicate, Error> {
        parse_at(json, path, 0)
    }

    /// Evaluates the predicate on one row of a table with these fields.
    pub fn test(&self, fields: &[String], row: &[Value]) -> bool {
        match self {
            Predicate::Expr(e) => {
                let d: (&[String], &[Value]) = (fields, row);
                e.eval(&d).truthy()
            }
            Predicate::Field(f) => {
                let v = fields.iter().position(|n| n == f.field()).and_then(|c| row.get(c)).unwrap_or(&Value::Null);
                f.test(v)
            }
            Predicate::And(ps) => ps.iter().all(|p| p.test(fields, row)),
            Predicate::Or(ps) => ps.iter().any(|p| p.test(fields, row)),
            Predicate::Not(p) => !p.test(fields, row),
        }
    }
}

fn parse_at(json: &Json, path: &Path, depth: usize) -> Result<Predicate, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::spec(path, format!("predicates nested deeper than {MAX_DEPTH} levels")));
    }
    let list = |key: &str| -> Result<Vec<Predicate>, Error> {
        check_keys(json, path, &[key], &[])?;
        let p = path.key(key);
        let items = json.get(key).map(|j| j.arr(&p)).transpose()?.unwrap_or(&[]);
        items.iter().enumerate().map(|(i, j)| parse_at(j, &p.index(i), depth + 1)).collect()
    };
    match json {
        Json::Str(s) => Ok(Predicate::Expr(Expr::parse(s, path)?)),
        Json::Obj(_) if json.get("param").is_some() => Err(Error::unsupported(
            &path.key("param"),
            "parameter (selection) predicates",
            "expressions and field predicates",
        )),
        Json::Obj(_) if json.get("and").is_some() => Ok(Predicate::And(list("and")?)),
        Json::Obj(_) if json.get("or").is_some() => Ok(Predicate::Or(list("or")?)),
        Json::Obj(_) if json.get("not").is_some() => {
            check_keys(json, path, &["not"], &[])?;
            let p = path.key("not");
            let inner = json.get("not").map(|j| parse_at(j, &p, depth + 1)).transpose()?;
            inner.map(|i| Predicate::Not(Box::new(i))).ok_or_else(|| Error::spec(&p, "missing predicate"))
        }
        Json::Obj(_) => Ok(Predicate::Field(FieldPredicate::parse(json, path)?)),
        other => Err(Error::spec(
            path,
            format!("expected an expression string or a predicate object, found {}", other.kind()),
        )),
    }
}

/// The `filter` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// The predicate.
    pub predicate: Predicate,
}

impl Filter {
    /// Reads `{"filter": ...}` at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Filter, Error> {
        check_keys(json, path, &["filter"], &[])?;
        let f = super::util::req(json, "filter", path)?;
        Ok(Filter { predicate: Predicate::parse(f, &path.key("filter"))? })
    }

    /// Keeps the rows that pass.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let fields = std::mem::take(&mut table.fields);
        table.rows.retain(|r| self.predicate.test(&fields, r));
        table.fields = fields;
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut t = Table::with_fields(vec!["i".into(), "x".into(), "s".into()]);
        let xs = [Value::Num(1.0), Value::Null, Value::str("3"), Value::Num(5.0), Value::str("abc"), Value::Num(-1.0)];
        let ss = [Value::str("a"), Value::str("b"), Value::str("1"), Value::Null, Value::str(""), Value::str("c")];
        for i in 0..6 {
            t.rows.push(vec![Value::Num(i as f64), xs[i].clone(), ss[i].clone()]);
        }
        t
    }

    fn ids(spec: &str) -> Vec<f64> {
        let f = Filter::parse(&Json::parse(spec).unwrap(), &Path::of(&["transform"]).index(0)).unwrap();
        f.run(table()).unwrap().rows.iter().map(|r| r[0].as_num().unwrap()).collect()
    }

    // Reference: vega-lite 6.4.3 (not (x < 0 or (s == "a" and i < 3))) keeps rows 1, 2, 3, 4.
    #[test]
    fn compositions() {
        assert_eq!(
            ids(
                r#"{"filter": {"not": {"or": [{"field": "x", "lt": 0}, {"and": [{"field": "s", "equal": "a"}, "datum.i < 3"]}]}}}"#
            ),
            vec![1.0, 2.0, 3.0, 4.0]
        );
        assert_eq!(ids(r#"{"filter": "datum.i >= 4"}"#), vec![4.0, 5.0]);
        assert_eq!(ids(r#"{"filter": {"and": []}}"#).len(), 6);
        assert_eq!(ids(r#"{"filter": {"field": "nope", "valid": true}}"#).len(), 0);
    }

    #[test]
    fn refusals_name_paths() {
        let e = Filter::parse(
            &Json::parse(r#"{"filter": {"param": "brush"}}"#).unwrap(),
            &Path::of(&["transform"]).index(2),
        )
        .unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }));
        assert_eq!(e.to_string().split('`').nth(1), Some("transform[2].filter.param"));
        let deep = format!("{}\"datum.i > 1\"{}", "{\"not\": ".repeat(40), "}".repeat(40));
        let e = Filter::parse(&Json::parse(&format!("{{\"filter\": {deep}}}")).unwrap(), &Path::root()).unwrap_err();
        assert!(e.to_string().contains("deeper"), "{e}");
    }
}
