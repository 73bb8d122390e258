//! The typed-columns handles ([`crate::columns`]) for JavaScript: a table is read once into
//! wasm memory ([`Columns`]) and queried many times through selections of its rows
//! ([`Selection`]); only the small answers (groups, bins, counts) cross to JavaScript, unless
//! the page asks for a column's values or the row indices.

use std::rc::Rc;

use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::columns::group::{self, Agg, Key};
use crate::columns::query::{self, Op, Sel, Value};
use crate::columns::{Column, Table};
use crate::error::Error;

/// A table of typed columns in wasm memory.
#[wasm_bindgen]
pub struct Columns {
    t: Rc<Table>,
}

/// Some rows of a [`Columns`] table (all of them, or what filters kept), in an order.
#[wasm_bindgen]
pub struct Selection {
    t: Rc<Table>,
    /// `None`: every row, in table order (no index list is made).
    rows: Option<Vec<u32>>,
}

impl Selection {
    fn sel(&self) -> Sel<'_> {
        match &self.rows {
            None => Sel::All(self.t.rows()),
            Some(r) => Sel::Rows(r),
        }
    }

    fn with(&self, rows: Vec<u32>) -> Selection {
        Selection { t: self.t.clone(), rows: Some(rows) }
    }
}

#[wasm_bindgen]
impl Columns {
    /// Reads CSV text with a header row into typed columns (numbers, dates, text).
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(text: &str) -> Result<Columns, JsError> {
        super::install_panic_hook();
        Ok(Columns { t: Rc::new(Table::from_csv(text)?) })
    }

    /// Reads JSON rows (`[{...}, ...]` or `{"rows": [...]}`, as text) into typed columns.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Columns, JsError> {
        super::install_panic_hook();
        Ok(Columns { t: Rc::new(Table::from_json(text)?) })
    }

    /// Number of rows.
    #[wasm_bindgen(js_name = rowCount)]
    pub fn row_count(&self) -> u32 {
        self.t.rows() as u32
    }

    /// Column names, in order.
    pub fn names(&self) -> Vec<String> {
        self.t.names().to_vec()
    }

    /// A column's type: "number", "date" or "text".
    pub fn kind(&self, column: &str) -> Result<String, JsError> {
        Ok(self.t.column(column)?.kind().to_string())
    }

    /// Every row, in table order.
    pub fn all(&self) -> Selection {
        Selection { t: self.t.clone(), rows: None }
    }

    /// The rows whose `column` compares `op` ("==", "!=", "<", "<=", ">", ">=") with `value`
    /// (a number, a text, or for a date column a date text or a timestamp in ms).
    #[wasm_bindgen(js_name = "where")]
    pub fn where_(&self, column: &str, op: &str, value: JsValue) -> Result<Selection, JsError> {
        self.all().where_(column, op, value)
    }
}

#[wasm_bindgen]
impl Selection {
    /// How many rows.
    pub fn count(&self) -> u32 {
        self.sel().len() as u32
    }

    /// Of these rows, those whose `column` compares `op` with `value` (see `Columns.where`).
    #[wasm_bindgen(js_name = "where")]
    pub fn where_(&self, column: &str, op: &str, value: JsValue) -> Result<Selection, JsError> {
        let op = Op::parse(op)?;
        let v = value_of(&self.t, column, &value)?;
        Ok(self.with(query::filter(&self.t, self.sel(), column, op, &v)?))
    }

    /// Groups by `key` and aggregates `value` with `agg` ("sum", "mean", "min", "max",
    /// "count"; `value` may be null for count). Returns `{ keys, values, rows, reported }`:
    /// `keys` an array (texts, numbers, or null for rows without a key), `values` an array of
    /// numbers or null (no reported value in the group), `rows` and `reported` Uint32Arrays.
    #[wasm_bindgen(js_name = groupBy)]
    pub fn group_by(&self, key: &str, value: Option<String>, agg: &str) -> Result<JsValue, JsError> {
        let groups = group::group_by(&self.t, self.sel(), key, value.as_deref(), Agg::parse(agg)?)?;
        let keys = Array::new();
        let values = Array::new();
        let rows = Uint32Array::new_with_length(groups.len() as u32);
        let reported = Uint32Array::new_with_length(groups.len() as u32);
        for (i, g) in groups.iter().enumerate() {
            keys.push(&match &g.key {
                Key::Text(s) => JsValue::from_str(s),
                Key::Num(x) => JsValue::from_f64(*x),
                Key::Missing => JsValue::NULL,
            });
            values.push(&g.value.map(JsValue::from_f64).unwrap_or(JsValue::NULL));
            rows.set_index(i as u32, g.rows);
            reported.set_index(i as u32, g.reported);
        }
        let out = Object::new();
        for (k, v) in [
            ("keys", JsValue::from(keys)),
            ("values", values.into()),
            ("rows", rows.into()),
            ("reported", reported.into()),
        ] {
            Reflect::set(&out, &JsValue::from_str(k), &v).map_err(|_| JsError::new("could not build the result"))?;
        }
        Ok(out.into())
    }

    /// Counts the rows of a number or date `column` in bins `step` wide:
    /// `{ starts: Float64Array, counts: Uint32Array }`.
    pub fn bin(&self, column: &str, step: f64) -> Result<JsValue, JsError> {
        let bins = query::bin(&self.t, self.sel(), column, step)?;
        let starts = Float64Array::new_with_length(bins.len() as u32);
        let counts = Uint32Array::new_with_length(bins.len() as u32);
        for (i, (s, c)) in bins.iter().enumerate() {
            starts.set_index(i as u32, *s);
            counts.set_index(i as u32, *c);
        }
        let out = Object::new();
        Reflect::set(&out, &"starts".into(), &starts).map_err(|_| JsError::new("could not build the result"))?;
        Reflect::set(&out, &"counts".into(), &counts).map_err(|_| JsError::new("could not build the result"))?;
        Ok(out.into())
    }

    /// These rows ordered by `column` (not-reported cells last).
    #[wasm_bindgen(js_name = sortBy)]
    pub fn sort_by(&self, column: &str, descending: bool) -> Result<Selection, JsError> {
        Ok(self.with(query::sort(&self.t, self.sel(), column, descending)?))
    }

    /// The row indices (a copy, for pages that need them).
    pub fn indices(&self) -> Vec<u32> {
        self.sel().to_rows()
    }

    /// A number or date column's values for these rows (a copy; NaN where not reported).
    pub fn numbers(&self, column: &str) -> Result<Vec<f64>, JsError> {
        let c = self.t.column(column)?;
        if let Column::Text { .. } = c {
            return Err(Error::Query(format!("\"{column}\" is a text column")).into());
        }
        Ok(match &self.rows {
            None => (0..self.t.rows()).map(|i| c.num(i)).collect(),
            Some(r) => r.iter().map(|&i| c.num(i as usize)).collect(),
        })
    }
}

/// A filter value from JavaScript, read for the column it is compared with.
fn value_of(t: &Table, column: &str, v: &JsValue) -> Result<Value, Error> {
    let c = t.column(column)?;
    if let Some(x) = v.as_f64() {
        return Ok(Value::Num(x));
    }
    if let Some(s) = v.as_string() {
        if let Column::Date(_) = c {
            return crate::grammar::format::date::parse_date(&s)
                .map(Value::Num)
                .ok_or_else(|| Error::Query(format!("\"{s}\" is not a date (column \"{column}\")")));
        }
        return Ok(Value::Text(s));
    }
    Err(Error::Query(format!("compare \"{column}\" with a number or a text")))
}
