//! The `calculate` transform: `{"calculate": expression, "as": field}` writes the expression's
//! value for each row into `as` (Vega's `formula`). A later row sees the field as computed for
//! itself only; the expression reads the row as it is before the assignment.

use crate::error::{Error, Path};
use crate::grammar::expr::Expr;
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{Table, Value};

use super::util;

/// The `calculate` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Calculate {
    /// The expression.
    pub expr: Expr,
    /// Output field.
    pub as_: String,
}

impl Calculate {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Calculate, Error> {
        check_keys(json, path, &["calculate", "as"], &[])?;
        let src = util::req(json, "calculate", path)?.str(&path.key("calculate"))?;
        let expr = Expr::parse(src, &path.key("calculate"))?;
        let as_ = util::req(json, "as", path)?.str(&path.key("as"))?.to_string();
        Ok(Calculate { expr, as_ })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        vec![self.as_.clone()]
    }

    /// Evaluates the expression on every row.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let col = table.field_index_or_add(&self.as_);
        let fields = std::mem::take(&mut table.fields);
        for row in &mut table.rows {
            let v = {
                let d: (&[String], &[Value]) = (&fields, row);
                self.expr.eval(&d)
            };
            util::set(row, col, v);
        }
        table.fields = fields;
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn writes_the_value_and_overwrites_a_field() {
        let c = Calculate::parse(&Json::parse(r#"{"calculate": "datum.a * 2", "as": "b"}"#).unwrap(), &Path::root())
            .unwrap();
        let mut t = Table::with_fields(vec!["a".into()]);
        t.rows.push(vec![Value::Num(3.0)]);
        let t = c.run(t).unwrap();
        assert_eq!(t.fields, vec!["a", "b"]);
        assert_eq!(t.rows[0], vec![Value::Num(3.0), Value::Num(6.0)]);
        let c = Calculate::parse(&Json::parse(r#"{"calculate": "datum.a + 1", "as": "a"}"#).unwrap(), &Path::root())
            .unwrap();
        assert_eq!(c.run(t).unwrap().rows[0][0], Value::Num(4.0));
        let e =
            Calculate::parse(&Json::parse(r#"{"calculate": "datum.a"}"#).unwrap(), &Path::of(&["transform"]).index(1))
                .unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["transform"]).index(1)));
    }
}
