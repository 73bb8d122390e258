//! Group and aggregate over typed columns: sum, mean, min, max and count per key. "Not
//! reported" cells are skipped by the aggregates and counted apart; a group with no reported
//! value has no value (`None`), never zero. Rows without a key form a group of their own.

use super::query::Sel;
use super::{Column, Table, MISSING};
use crate::error::Error;

/// An aggregate of a group's reported values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Agg {
    /// Sum.
    Sum,
    /// Arithmetic mean.
    Mean,
    /// Smallest.
    Min,
    /// Largest.
    Max,
    /// Number of rows (reported or not).
    Count,
}

impl Agg {
    /// `"sum"`, `"mean"`, `"min"`, `"max"` or `"count"`.
    pub fn parse(s: &str) -> Result<Agg, Error> {
        Ok(match s {
            "sum" => Agg::Sum,
            "mean" | "average" => Agg::Mean,
            "min" => Agg::Min,
            "max" => Agg::Max,
            "count" => Agg::Count,
            _ => return Err(Error::Query(format!("unknown aggregate \"{s}\": expected sum, mean, min, max or count"))),
        })
    }
}

/// A group's key: a text, a number, or not reported.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// A text key.
    Text(String),
    /// A number or date key.
    Num(f64),
    /// Rows whose key cell is not reported.
    Missing,
}

/// One group of a group-by.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The key.
    pub key: Key,
    /// The aggregate; `None` when no row of the group has a reported value.
    pub value: Option<f64>,
    /// Rows in the group.
    pub rows: u32,
    /// Of those, rows whose value was reported.
    pub reported: u32,
}

#[derive(Clone, Copy)]
struct Acc {
    sum: f64,
    min: f64,
    max: f64,
    rows: u32,
    reported: u32,
}

const EMPTY: Acc = Acc { sum: 0.0, min: f64::INFINITY, max: f64::NEG_INFINITY, rows: 0, reported: 0 };

impl Acc {
    #[inline(always)]
    fn add(&mut self, v: f64) {
        self.rows += 1;
        if !v.is_nan() {
            self.reported += 1;
            self.sum += v;
            self.min = self.min.min(v);
            self.max = self.max.max(v);
        }
    }

    fn group(self, key: Key, agg: Agg) -> Group {
        let value = match agg {
            Agg::Count => Some(self.rows as f64),
            _ if self.reported == 0 => None,
            Agg::Sum => Some(self.sum),
            Agg::Mean => Some(self.sum / self.reported as f64),
            Agg::Min => Some(self.min),
            Agg::Max => Some(self.max),
        };
        Group { key, value, rows: self.rows, reported: self.reported }
    }
}

/// Groups `rows` by `key` and aggregates `value` (a number column; not needed for `count`).
/// Text keys come in order of first appearance in the table, number and date keys ascending;
/// the group of rows without a key, if any, comes last.
pub fn group_by(t: &Table, rows: Sel, key: &str, value: Option<&str>, agg: Agg) -> Result<Vec<Group>, Error> {
    let values = match value {
        Some(name) => match t.column(name)? {
            Column::Num(v) => Some(v),
            c => return Err(Error::Query(format!("\"{name}\" is a {} column: aggregate a number column", c.kind()))),
        },
        None if agg == Agg::Count => None,
        None => return Err(Error::Query("a value column is needed for sum, mean, min and max".into())),
    };
    // For count, an empty column of values: every value "not reported", which count ignores.
    let none: Vec<f64> = Vec::new();
    let (values, counting) = match values {
        Some(v) => (v, false),
        None => (&none, true),
    };
    let val = |i: usize| if counting { f64::NAN } else { values[i] };
    let mut missing = EMPTY;
    let mut out = Vec::new();
    match t.column(key)? {
        Column::Text { ids, dict } => {
            // Text ids index the accumulators directly.
            let mut accs = vec![EMPTY; dict.len()];
            if let (Sel::All(_), false, Agg::Sum | Agg::Mean) = (rows, counting, agg) {
                // The common case, a sum or mean over the whole table: one pass over the two
                // columns side by side, no index list, no minimum or maximum kept.
                for (&id, &v) in ids.iter().zip(values.iter()) {
                    let a = if id == MISSING { &mut missing } else { &mut accs[id as usize] };
                    a.rows += 1;
                    if !v.is_nan() {
                        a.reported += 1;
                        a.sum += v;
                    }
                }
            } else {
                rows.each(|i| match ids[i] {
                    MISSING => missing.add(val(i)),
                    id => accs[id as usize].add(val(i)),
                });
            }
            for (id, a) in accs.into_iter().enumerate() {
                if a.rows > 0 {
                    out.push(a.group(Key::Text(dict[id].clone()), agg));
                }
            }
        }
        Column::Num(k) | Column::Date(k) => {
            let mut map: std::collections::HashMap<u64, usize> = Default::default();
            let mut accs: Vec<(f64, Acc)> = Vec::new();
            rows.each(|i| {
                let kv = k[i];
                if kv.is_nan() {
                    missing.add(val(i));
                    return;
                }
                // -0 and 0 are one key.
                let bits = (kv + 0.0).to_bits();
                let slot = *map.entry(bits).or_insert_with(|| {
                    accs.push((kv, EMPTY));
                    accs.len() - 1
                });
                accs[slot].1.add(val(i));
            });
            crate::order::sort_by(&mut accs, |a, b| a.0.total_cmp(&b.0));
            out.extend(accs.into_iter().map(|(kv, a)| a.group(Key::Num(kv), agg)));
        }
    }
    if missing.rows > 0 {
        out.push(missing.group(Key::Missing, agg));
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
    fn group_sums_skip_what_is_not_reported_and_keep_the_rows_without_a_key() {
        let t = table();
        let g = group_by(&t, Sel::All(t.rows()), "region", Some("sales"), Agg::Sum).unwrap();
        // By hand: North 10 + (missing) + 1 = 11 over 3 rows, 2 reported; South -4 + 2.5.
        assert_eq!(g[0], Group { key: Key::Text("North".into()), value: Some(11.0), rows: 3, reported: 2 });
        assert_eq!(g[1], Group { key: Key::Text("South".into()), value: Some(-1.5), rows: 2, reported: 2 });
        assert_eq!(g[2], Group { key: Key::Missing, value: Some(7.0), rows: 1, reported: 1 });
        // The same sums over an explicit list of rows (the general loop, not the whole-table one).
        let every: Vec<u32> = (0..t.rows() as u32).collect();
        assert_eq!(group_by(&t, Sel::Rows(&every), "region", Some("sales"), Agg::Sum).unwrap(), g);
        let mx = group_by(&t, Sel::All(t.rows()), "region", Some("sales"), Agg::Max).unwrap();
        assert_eq!(mx.iter().map(|g| g.value).collect::<Vec<_>>(), [Some(10.0), Some(2.5), Some(7.0)]);
        let m = group_by(&t, Sel::All(t.rows()), "year", Some("sales"), Agg::Mean).unwrap();
        assert_eq!(m.iter().map(|g| g.value).collect::<Vec<_>>(), [Some(3.0), Some(7.0), Some(1.75)]);
        let c = group_by(&t, Sel::All(t.rows()), "year", None, Agg::Count).unwrap();
        assert_eq!(c.iter().map(|g| g.value.unwrap()).collect::<Vec<_>>(), [2.0, 2.0, 2.0]);
    }

    #[test]
    fn a_group_with_no_reported_value_has_no_value_not_zero() {
        let t = Table::from_csv("k,v\na,\na,\nb,3\n").unwrap();
        let g = group_by(&t, Sel::All(t.rows()), "k", Some("v"), Agg::Sum).unwrap();
        assert_eq!(g[0].value, None);
        assert_eq!(g[0].rows, 2);
        assert_eq!(g[1].value, Some(3.0));
    }

    #[test]
    fn a_group_by_over_many_rows_matches_a_plain_loop() {
        let mut csv = String::from("k,v\n");
        let mut want = [0.0f64; 12];
        for i in 0..100_000u32 {
            let k = (i * 7919) % 12;
            let v = (i % 1000) as f64 - 499.5;
            csv.push_str(&format!("s{k},{v}\n"));
            want[k as usize] += v;
        }
        let t = Table::from_csv(&csv).unwrap();
        assert_eq!(t.rows(), 100_000);
        let g = group_by(&t, Sel::All(t.rows()), "k", Some("v"), Agg::Sum).unwrap();
        assert_eq!(g.len(), 12);
        for gr in g {
            let Key::Text(k) = &gr.key else { panic!() };
            let idx: usize = k[1..].parse().unwrap();
            assert!((gr.value.unwrap() - want[idx]).abs() < 1e-6, "{k}");
        }
    }
}
