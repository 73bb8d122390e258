//! Data queries over a [`Dataset`]: filter values, group and sum them, and compare two figures
//! (absolute change, percent change, ratio, share of a total). Unknown values propagate: a sum
//! with a "not reported" member is itself not reported, never a guess.

use serde::{Deserialize, Serialize};

use crate::data::{Dataset, Scope, Value};

/// Which values a query looks at. Every `None` field matches anything.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Filter {
    /// Only this metric.
    pub metric: Option<String>,
    /// Only this year.
    pub year: Option<i32>,
    /// Only this scope.
    pub scope: Option<Scope>,
    /// Only this industry id.
    pub industry: Option<String>,
    /// Only city-wide figures (values with no industry).
    pub city_wide: bool,
}

impl Filter {
    /// True when `v` passes the filter.
    pub fn matches(&self, v: &Value) -> bool {
        self.metric.as_ref().is_none_or(|m| *m == v.metric)
            && self.year.is_none_or(|y| y == v.year)
            && self.scope.is_none_or(|s| s == v.scope)
            && self.industry.as_ref().is_none_or(|i| v.industry.as_ref() == Some(i))
            && (!self.city_wide || v.industry.is_none())
    }
}

/// The key values are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupBy {
    /// One row per year.
    Year,
    /// One row per industry (city-wide values form the group `""`).
    Industry,
    /// One row per scope.
    Scope,
}

/// A query: a filter, optionally grouped.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Query {
    /// Which values.
    pub filter: Filter,
    /// How to group them; `None` gives one row with the overall sum.
    pub group_by: Option<GroupBy>,
}

/// One row of a query result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The group key (`"all"` for an ungrouped query).
    pub key: String,
    /// The sum, or `None` when any member was not reported.
    pub value: Option<f64>,
    /// How many values the group holds.
    pub count: usize,
    /// Ids of the values summed, so every number can be traced to its source.
    pub ids: Vec<String>,
}

/// The values that pass `f`, in dataset order.
pub fn filter<'a>(d: &'a Dataset, f: &Filter) -> Vec<&'a Value> {
    d.values.iter().filter(|v| f.matches(v)).collect()
}

/// Sum of values; `None` if any is not reported or the list is empty.
pub fn sum(values: &[&Value]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.iter().try_fold(0.0, |acc, v| v.value.map(|x| acc + x))
}

/// Runs a query: filter, then group (in order of first appearance) and sum.
pub fn run(d: &Dataset, q: &Query) -> Vec<Row> {
    let vals = filter(d, &q.filter);
    let key_of = |v: &Value| match q.group_by {
        None => "all".to_string(),
        Some(GroupBy::Year) => v.year.to_string(),
        Some(GroupBy::Industry) => v.industry.clone().unwrap_or_default(),
        Some(GroupBy::Scope) => match v.scope {
            Scope::Global => "global".into(),
            Scope::GlobalOrNational => "global-or-national".into(),
        },
    };
    let mut groups: Vec<(String, Vec<&Value>)> = Vec::new();
    for v in vals {
        let k = key_of(v);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, members)) => members.push(v),
            None => groups.push((k, vec![v])),
        }
    }
    groups
        .into_iter()
        .map(|(key, members)| Row {
            value: sum(&members),
            count: members.len(),
            ids: members.iter().map(|v| v.id.clone()).collect(),
            key,
        })
        .collect()
}

/// How one figure compares with an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// Earlier figure.
    pub from: f64,
    /// Later figure.
    pub to: f64,
    /// `to - from`.
    pub absolute: f64,
    /// `(to - from) / from * 100`; `None` when `from` is 0.
    pub percent: Option<f64>,
    /// `to / from`; `None` when `from` is 0.
    pub ratio: Option<f64>,
    /// The difference as a share of the later figure, `(to - from) / to * 100`.
    pub share_of_later: Option<f64>,
}

/// Compares two figures.
pub fn change(from: f64, to: f64) -> Change {
    let absolute = to - from;
    let per = |base: f64| if base == 0.0 { None } else { Some(absolute / base) };
    Change {
        from,
        to,
        absolute,
        percent: per(from).map(|x| x * 100.0),
        ratio: if from == 0.0 { None } else { Some(to / from) },
        share_of_later: per(to).map(|x| x * 100.0),
    }
}

/// `part` as a percentage of `total`; `None` when the total is 0.
pub fn share(part: f64, total: f64) -> Option<f64> {
    if total == 0.0 {
        None
    } else {
        Some(part / total * 100.0)
    }
}

/// Columnar query for large data: keeps rows whose value lies in `[min, max]` (a NaN value is
/// "not reported" and always kept), groups them by `keys` and sums each group. Returns
/// `(key, sum, rows)` in key order; a group with a not-reported member sums to NaN (unknown).
pub fn group_sum(keys: &[u32], values: &[f64], min: f64, max: f64) -> Vec<(u32, f64, usize)> {
    let n = keys.len().min(values.len());
    let top = keys[..n].iter().copied().max().map_or(0, |k| k as usize + 1);
    if top > 1 << 20 {
        // Sparse keys: sort instead of a dense table.
        let mut pairs: Vec<(u32, f64)> = (0..n)
            .filter(|&i| values[i].is_nan() || (values[i] >= min && values[i] <= max))
            .map(|i| (keys[i], values[i]))
            .collect();
        crate::order::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        let mut out: Vec<(u32, f64, usize)> = Vec::new();
        for (k, v) in pairs {
            match out.last_mut() {
                Some(last) if last.0 == k => {
                    last.1 += v;
                    last.2 += 1;
                }
                _ => out.push((k, v, 1)),
            }
        }
        return out;
    }
    let mut sums = vec![0.0; top];
    let mut counts = vec![0usize; top];
    for i in 0..n {
        let v = values[i];
        if v.is_nan() || (v >= min && v <= max) {
            let k = keys[i] as usize;
            sums[k] += v;
            counts[k] += 1;
        }
    }
    (0..top).filter(|&k| counts[k] > 0).map(|k| (k as u32, sums[k], counts[k])).collect()
}

/// The single city-wide value for a metric, year and scope, if the dataset has one.
pub fn city_value<'a>(d: &'a Dataset, metric: &str, year: i32, scope: Scope) -> Option<&'a Value> {
    d.values.iter().find(|v| v.metric == metric && v.year == year && v.scope == scope && v.industry.is_none())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn d() -> Dataset {
        Dataset::binzhou()
    }

    #[test]
    fn group_city_totals_by_year() {
        let q = Query {
            filter: Filter { scope: Some(Scope::GlobalOrNational), city_wide: true, ..Filter::default() },
            group_by: Some(GroupBy::Year),
        };
        let rows = run(&d(), &q);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].key.as_str(), rows[0].value), ("2021", Some(37.0)));
        assert_eq!((rows[1].key.as_str(), rows[1].value, rows[1].ids[0].as_str()), ("2023", Some(53.0), "F3"));
    }

    #[test]
    fn unknown_members_make_the_sum_unknown() {
        let q = Query { filter: Filter { year: Some(2023), ..Filter::default() }, group_by: Some(GroupBy::Industry) };
        let data = d();
        let rows = run(&data, &q);
        let get = |k: &str| rows.iter().find(|r| r.key == k).unwrap().value;
        assert_eq!(get("chemicals"), Some(14.0));
        assert_eq!(get("aluminum"), None);
        assert_eq!(get(""), Some(68.0), "53 total + 15 global: a sum across scopes, as asked");
        let all_industries_2023 = run(
            &data,
            &Query { filter: Filter { year: Some(2023), industry: None, ..Filter::default() }, group_by: None },
        );
        assert_eq!(all_industries_2023[0].value, None, "unreported industries poison an overall sum");
        assert_eq!(sum(&[]), None);
    }

    #[test]
    fn filter_by_industry_and_scope() {
        let f = Filter { industry: Some("textiles".into()), ..Filter::default() };
        let data = d();
        let ids: Vec<_> = filter(&data, &f).iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["F7", "F8"]);
        let g = Filter { scope: Some(Scope::Global), ..Filter::default() };
        assert_eq!(sum(&filter(&d(), &g)), Some(19.0));
    }

    #[test]
    fn change_between_years() {
        let c = change(37.0, 53.0);
        assert_eq!(c.absolute, 16.0);
        assert!((c.percent.unwrap() - 43.2432).abs() < 1e-3);
        assert!((c.share_of_later.unwrap() - 30.1887).abs() < 1e-3);
        assert!((c.ratio.unwrap() - 1.4324).abs() < 1e-3);
        assert_eq!(change(4.0, 15.0).ratio, Some(3.75));
        assert_eq!(change(0.0, 5.0).percent, None);
        assert!((share(15.0, 53.0).unwrap() - 28.30).abs() < 0.01);
        assert!((share(4.0, 37.0).unwrap() - 10.81).abs() < 0.01);
        assert_eq!(share(1.0, 0.0), None);
    }

    #[test]
    fn columnar_group_sum() {
        let keys = [0, 1, 0, 2, 1, 0];
        let vals = [1.0, 2.0, 3.0, 100.0, f64::NAN, 5.0];
        let r = group_sum(&keys, &vals, 0.0, 10.0);
        assert_eq!(r[0], (0, 9.0, 3));
        assert_eq!((r[1].0, r[1].2), (1, 2));
        assert!(r[1].1.is_nan(), "a not-reported member makes the sum unknown");
        assert_eq!(r.len(), 2, "key 2's only row is filtered out");
        let sparse = group_sum(&[5_000_000, 7, 5_000_000], &[1.0, 2.0, 3.0], f64::MIN, f64::MAX);
        assert_eq!(sparse, [(7, 2.0, 1), (5_000_000, 4.0, 2)]);
    }

    #[test]
    fn query_deserialises_and_rejects_unknown_fields() {
        let q: Query = serde_json::from_str(r#"{"filter":{"year":2021,"city_wide":true},"group_by":"scope"}"#).unwrap();
        let data = d();
        let rows = run(&data, &q);
        assert_eq!(
            rows.iter().map(|r| (r.key.as_str(), r.value)).collect::<Vec<_>>(),
            [("global-or-national", Some(37.0)), ("global", Some(4.0))]
        );
        assert!(serde_json::from_str::<Query>(r#"{"filter":{"yr":2021}}"#).is_err());
    }
}
