//! The `stack` transform, as Vega's `stack`: rows are grouped by `groupby`, sorted by `sort`
//! within each group (stable; none keeps input order) and stacked. `offset` `zero` stacks
//! positive values up from 0 and negative ones down from 0; `normalize` stacks absolute values
//! scaled so each group spans [0, 1]; `center` stacks absolute values centred on half the
//! largest group total. A null value counts as 0. Outputs `as` `[start, end]` (one name `n`
//! means `[n, n_end]`); rows keep their order.

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::util::{self, js_num, SortField};

/// How stacks are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// From zero.
    Zero,
    /// Scaled to [0, 1].
    Normalize,
    /// Centred.
    Center,
}

/// The `stack` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    /// Table key of the stacked field.
    pub field: String,
    /// Table keys of the group fields.
    pub groupby: Vec<String>,
    /// Order within a stack.
    pub sort: Vec<SortField>,
    /// Placement.
    pub offset: Offset,
    /// Output start and end fields.
    pub as_: (String, String),
}

impl Stack {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Stack, Error> {
        check_keys(json, path, &["stack", "groupby", "sort", "offset", "as"], &[])?;
        let raw = util::req(json, "stack", path)?.str(&path.key("stack"))?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let sort = util::sort_fields(json.get("sort"), &path.key("sort"))?;
        let op = path.key("offset");
        let offset = match json.get("offset").map(|o| o.str(&op)).transpose()? {
            None | Some("zero") => Offset::Zero,
            Some("normalize") => Offset::Normalize,
            Some("center") => Offset::Center,
            Some(other) => return Err(Error::unsupported(&op, format!("\"{other}\""), "zero, normalize, center")),
        };
        let as_ = match json.get("as") {
            Some(a) => util::as_pair(a, &path.key("as"))?,
            None => (format!("{raw}_start"), format!("{raw}_end")),
        };
        Ok(Stack { field: field_key(raw), groupby, sort, offset, as_ })
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        vec![self.as_.0.clone(), self.as_.1.clone()]
    }

    /// Stacks the table.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let src = table.col(&self.field);
        let scols: Vec<(Option<usize>, bool)> = self.sort.iter().map(|s| (table.col(&s.field), s.descending)).collect();
        let mut groups = util::partition(&table, &util::cols(&table, &self.groupby));
        let value = |r: usize| js_num(util::cell_ref(&table.rows[r], src));
        let sums: Vec<f64> = groups.iter().map(|g| g.iter().map(|&r| value(r).abs()).sum()).collect();
        let max = sums.iter().fold(0.0f64, |m, s| if *s > m { *s } else { m });
        let mut out = vec![(0.0, 0.0); table.len()];
        for (g, sum) in groups.iter_mut().zip(&sums) {
            if !scols.is_empty() {
                crate::order::sort_by(g, |&a, &b| util::compare_rows(&table.rows[a], &table.rows[b], &scols));
            }
            match self.offset {
                Offset::Zero => {
                    let (mut pos, mut neg) = (0.0, 0.0);
                    for &r in g.iter() {
                        let v = value(r);
                        if v < 0.0 {
                            out[r] = (neg, neg + v);
                            neg += v;
                        } else {
                            out[r] = (pos, pos + v);
                            pos += v;
                        }
                    }
                }
                Offset::Normalize => {
                    let scale = 1.0 / sum;
                    let (mut last, mut acc) = (0.0, 0.0);
                    for &r in g.iter() {
                        acc += value(r).abs();
                        let end = scale * acc;
                        out[r] = (last, end);
                        last = end;
                    }
                }
                Offset::Center => {
                    let mut last = (max - sum) / 2.0;
                    for &r in g.iter() {
                        let end = last + value(r).abs();
                        out[r] = (last, end);
                        last = end;
                    }
                }
            }
        }
        let c0 = table.field_index_or_add(&self.as_.0);
        let c1 = table.field_index_or_add(&self.as_.1);
        for (row, (s, e)) in table.rows.iter_mut().zip(out) {
            util::set(row, c0, Value::Num(s));
            util::set(row, c1, Value::Num(e));
        }
        Ok(table)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn data() -> Table {
        let mut t = Table::with_fields(vec!["k".into(), "c".into(), "v".into()]);
        for (k, c, v) in [
            ("a", "x", Some(3.0)),
            ("a", "y", Some(-2.0)),
            ("b", "x", Some(1.0)),
            ("a", "z", Some(4.0)),
            ("b", "y", None),
            ("b", "z", Some(2.0)),
        ] {
            t.rows.push(vec![Value::str(k), Value::str(c), v.map_or(Value::Null, Value::Num)]);
        }
        t
    }

    fn pairs(spec: &str) -> Vec<(f64, f64)> {
        let s = Stack::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap();
        let t = s.run(data()).unwrap();
        let (a, b) = (t.col(&s.as_.0).unwrap(), t.col(&s.as_.1).unwrap());
        t.rows.iter().map(|r| (r[a].as_num().unwrap(), r[b].as_num().unwrap())).collect()
    }

    // Reference values: vega-lite 6.4.3 + vega 6.4.0 stack on the same six rows.
    #[test]
    fn zero_offset_splits_negatives() {
        let p = pairs(r#"{"stack": "v", "groupby": ["k"], "as": ["s0", "s1"]}"#);
        assert_eq!(p, vec![(0.0, 3.0), (0.0, -2.0), (0.0, 1.0), (3.0, 7.0), (1.0, 1.0), (1.0, 3.0)]);
    }

    #[test]
    fn normalize_with_negatives_and_sort() {
        let p = pairs(
            r#"{"stack": "v", "groupby": ["k"], "offset": "normalize", "as": "s", "sort": [{"field": "c", "order": "descending"}]}"#,
        );
        let (a, b, c) = (0.6666666666666666, 0.4444444444444444, 0.6666666666666666);
        assert_eq!(p, vec![(a, 1.0), (b, a), (c, 1.0), (0.0, b), (c, c), (0.0, c)]);
    }

    #[test]
    fn without_groupby_one_stack_and_text_numbers() {
        let mut t = Table::with_fields(vec!["v".into()]);
        t.rows = vec![vec![Value::str("2")], vec![Value::Num(-1.0)], vec![Value::Num(3.0)]];
        let s = Stack::parse(&Json::parse(r#"{"stack": "v", "as": "s"}"#).unwrap(), &Path::root()).unwrap();
        let out = s.run(t).unwrap();
        let got: Vec<(Value, Value)> = out.rows.iter().map(|r| (r[1].clone(), r[2].clone())).collect();
        let n = Value::Num;
        assert_eq!(got, vec![(n(0.0), n(2.0)), (n(0.0), n(-1.0)), (n(2.0), n(5.0))]);
    }

    #[test]
    fn center_offset() {
        let p = pairs(r#"{"stack": "v", "groupby": ["k"], "offset": "center", "as": ["s0", "s1"]}"#);
        assert_eq!(p, vec![(0.0, 3.0), (3.0, 5.0), (3.0, 4.0), (5.0, 9.0), (4.0, 4.0), (4.0, 6.0)]);
        let s = Stack::parse(&Json::parse(r#"{"stack": "v", "groupby": []}"#).unwrap(), &Path::root()).unwrap();
        assert_eq!(s.output_fields(), vec!["v_start", "v_end"]);
        let e = Stack::parse(&Json::parse(r#"{"stack": "v", "offset": "wiggle"}"#).unwrap(), &Path::of(&["t"]))
            .unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["t", "offset"])));
    }
}
