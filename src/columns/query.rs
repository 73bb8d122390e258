//! Queries over typed columns: filter, bin, sort (group and aggregate: [`super::group`]). Each
//! works on a selection of rows ([`Sel`]), so they chain without copying the table. A "not
//! reported" cell passes no comparison and is left out of bins; sorting puts it last.

use super::{Column, Table, MISSING};
use crate::error::Error;

/// A set of row indices of one table, ascending unless sorted.
pub type Rows = Vec<u32>;

/// Which rows a query runs over: all of a table's (no index list at all), or a list.
#[derive(Debug, Clone, Copy)]
pub enum Sel<'a> {
    /// Rows `0..n`.
    All(usize),
    /// These rows, in this order.
    Rows(&'a [u32]),
}

impl Sel<'_> {
    /// Calls `f` with each row index, in order.
    #[inline(always)]
    pub(super) fn each(self, mut f: impl FnMut(usize)) {
        match self {
            Sel::All(n) => (0..n).for_each(f),
            Sel::Rows(r) => r.iter().for_each(|&i| f(i as usize)),
        }
    }

    /// How many rows.
    pub fn len(self) -> usize {
        match self {
            Sel::All(n) => n,
            Sel::Rows(r) => r.len(),
        }
    }

    /// No rows at all.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The row indices as a list.
    pub fn to_rows(self) -> Rows {
        match self {
            Sel::All(n) => (0..n as u32).collect(),
            Sel::Rows(r) => r.to_vec(),
        }
    }
}

/// The rows of `sel` for which `pred` holds.
#[inline(always)]
fn keep(sel: Sel, mut pred: impl FnMut(usize) -> bool) -> Rows {
    let mut out = Vec::new();
    sel.each(|i| {
        if pred(i) {
            out.push(i as u32)
        }
    });
    out
}

/// A comparison in a filter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    /// `"=="`, `"!="`, `"<"`, `"<="`, `">"` or `">="`.
    pub fn parse(s: &str) -> Result<Op, Error> {
        Ok(match s {
            "==" | "=" => Op::Eq,
            "!=" => Op::Ne,
            "<" => Op::Lt,
            "<=" => Op::Le,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            _ => return Err(Error::Query(format!("unknown comparison \"{s}\": expected ==, !=, <, <=, > or >="))),
        })
    }
}

/// What a filter compares with.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number (or a date's timestamp).
    Num(f64),
    /// A text.
    Text(String),
}

/// The rows of `rows` whose `column` compares `op` with `value`. A cell that is not reported
/// passes no comparison (not even `!=`). Text compares by equality only.
pub fn filter(t: &Table, rows: Sel, column: &str, op: Op, value: &Value) -> Result<Rows, Error> {
    let c = t.column(column)?;
    Ok(match (c, value) {
        (Column::Num(v) | Column::Date(v), Value::Num(x)) => {
            let x = *x;
            // One loop per comparison, so none decides per row which comparison to make.
            match op {
                Op::Eq => keep(rows, |i| v[i] == x),
                Op::Ne => keep(rows, |i| v[i] != x && !v[i].is_nan()),
                Op::Lt => keep(rows, |i| v[i] < x),
                Op::Le => keep(rows, |i| v[i] <= x),
                Op::Gt => keep(rows, |i| v[i] > x),
                Op::Ge => keep(rows, |i| v[i] >= x),
            }
        }
        (Column::Text { ids, dict }, Value::Text(s)) => {
            let want = dict.iter().position(|d| d == s).map(|p| p as u32);
            match op {
                Op::Eq => match want {
                    Some(w) => keep(rows, |i| ids[i] == w),
                    None => Vec::new(),
                },
                Op::Ne => keep(rows, |i| ids[i] != MISSING && Some(ids[i]) != want),
                _ => return Err(Error::Query(format!("\"{column}\" is text: compare it with == or != only"))),
            }
        }
        (c, v) => {
            return Err(Error::Query(format!(
                "\"{column}\" is a {} column; {} cannot be compared with it",
                c.kind(),
                match v {
                    Value::Num(x) => format!("the number {x}"),
                    Value::Text(s) => format!("the text \"{s}\""),
                }
            )))
        }
    })
}

/// Counts `rows` of a number or date `column` in bins of width `step` starting at multiples of
/// it: `(bin start, rows)`, ascending, empty bins between the first and last included. Not
/// reported cells are left out (their count is `rows.len()` minus the total).
pub fn bin(t: &Table, rows: Sel, column: &str, step: f64) -> Result<Vec<(f64, u32)>, Error> {
    if !(step.is_finite() && step > 0.0) {
        return Err(Error::Query(format!("bin step {step} is not a positive number")));
    }
    let v = match t.column(column)? {
        Column::Num(v) | Column::Date(v) => v,
        c => return Err(Error::Query(format!("\"{column}\" is a {} column: bin a number or date column", c.kind()))),
    };
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    rows.each(|i| {
        let x = v[i];
        if !x.is_nan() {
            lo = lo.min(x);
            hi = hi.max(x);
        }
    });
    if lo > hi {
        return Ok(Vec::new());
    }
    let first = (lo / step).floor();
    let n = ((hi / step).floor() - first) as usize + 1;
    if n > 100_000 {
        return Err(Error::Query(format!("bin step {step} makes {n} bins; at most 100000")));
    }
    let mut counts = vec![0u32; n];
    rows.each(|i| {
        let x = v[i];
        if !x.is_nan() {
            let b = (((x / step).floor() - first) as usize).min(n - 1);
            counts[b] += 1;
        }
    });
    Ok(counts.into_iter().enumerate().map(|(b, c)| ((first + b as f64) * step, c)).collect())
}

/// `rows` ordered by `column` (numbers and dates by value, text by its characters), stable,
/// not-reported cells last either way.
pub fn sort(t: &Table, rows: Sel, column: &str, descending: bool) -> Result<Rows, Error> {
    let mut out = rows.to_rows();
    match t.column(column)? {
        Column::Num(v) | Column::Date(v) => crate::order::sort_by(&mut out, |&a, &b| {
            let (x, y) = (v[a as usize], v[b as usize]);
            match (x.is_nan(), y.is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ if descending => y.total_cmp(&x),
                _ => x.total_cmp(&y),
            }
        }),
        Column::Text { ids, dict } => {
            // Rank each distinct text once, then sort by rank.
            let mut order: Vec<u32> = (0..dict.len() as u32).collect();
            crate::order::sort_by(&mut order, |&a, &b| dict[a as usize].cmp(&dict[b as usize]));
            let mut rank = vec![0u32; dict.len()];
            for (r, &id) in order.iter().enumerate() {
                rank[id as usize] = r as u32;
            }
            let key = |i: u32| match ids[i as usize] {
                MISSING => None,
                id => Some(rank[id as usize]),
            };
            crate::order::sort_by(&mut out, |&a, &b| match (key(a), key(b)) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(_), None) => std::cmp::Ordering::Less,
                (Some(x), Some(y)) if descending => y.cmp(&x),
                (Some(x), Some(y)) => x.cmp(&y),
            });
        }
    }
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn table() -> Table {
        Table::from_csv(
            "region,year,sales\nNorth,2021,10\nSouth,2021,-4\nNorth,2022,\n,2022,7\nSouth,2023,2.5\nNorth,2023,1\n",
        )
        .unwrap()
    }

    #[test]
    fn filters_chain_and_missing_cells_pass_no_comparison() {
        let t = table();
        let rows = filter(&t, Sel::All(t.rows()), "sales", Op::Gt, &Value::Num(0.0)).unwrap();
        assert_eq!(rows, [0, 3, 4, 5]);
        let rows = filter(&t, Sel::Rows(&rows), "region", Op::Eq, &Value::Text("North".into())).unwrap();
        assert_eq!(rows, [0, 5]);
        let ne = filter(&t, Sel::All(t.rows()), "region", Op::Ne, &Value::Text("North".into())).unwrap();
        assert_eq!(ne, [1, 4], "the row without a region is not != North either");
        let ne = filter(&t, Sel::All(t.rows()), "sales", Op::Ne, &Value::Num(10.0)).unwrap();
        assert_eq!(ne, [1, 3, 4, 5], "the row whose sales are not reported is not != 10 either");
        let none = filter(&t, Sel::All(t.rows()), "region", Op::Eq, &Value::Text("East".into())).unwrap();
        assert!(none.is_empty());
        let e = filter(&t, Sel::All(t.rows()), "region", Op::Lt, &Value::Text("N".into())).unwrap_err().to_string();
        assert!(e.contains("== or !="), "{e}");
        let e = filter(&t, Sel::All(t.rows()), "sales", Op::Eq, &Value::Text("x".into())).unwrap_err().to_string();
        assert!(e.contains("number column"), "{e}");
    }

    #[test]
    fn bins_cover_the_range_and_sorting_puts_missing_last() {
        let t = table();
        let b = bin(&t, Sel::All(t.rows()), "sales", 5.0).unwrap();
        // -4 in [-5, 0); 1 and 2.5 in [0, 5); 7 in [5, 10); 10 in [10, 15).
        assert_eq!(b, [(-5.0, 1), (0.0, 2), (5.0, 1), (10.0, 1)]);
        assert!(bin(&t, Sel::All(t.rows()), "sales", 0.0).is_err());
        assert_eq!(sort(&t, Sel::All(t.rows()), "sales", false).unwrap(), [1, 5, 4, 3, 0, 2]);
        assert_eq!(sort(&t, Sel::All(t.rows()), "sales", true).unwrap(), [0, 3, 4, 5, 1, 2]);
        assert_eq!(sort(&t, Sel::All(t.rows()), "region", false).unwrap(), [0, 2, 5, 1, 4, 3]);
    }
}
