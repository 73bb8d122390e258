//! Turns a checked [`Spec`] and its [`Frame`] into series: the x categories in order, the colour
//! groups, and one aggregated value per group and category (`None` = not reported).

use crate::error::Error;
use crate::frame::{Cell, Frame};
use crate::order;
use crate::spec::{Aggregate, Sort, Spec};

/// The rows (1-based numbers) and values that fall on one group and category.
type Members = Vec<(usize, Option<f64>)>;

/// Aggregated data ready for layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// x categories, in display order.
    pub categories: Vec<String>,
    /// Colour groups, in order first seen (one unnamed group without a colour column).
    pub groups: Vec<String>,
    /// `values[g][c]`: the value for group `g` at category `c`; `None` when not reported or absent.
    pub values: Vec<Vec<Option<f64>>>,
    /// `present[g][c]`: whether any row exists for that pair (absent differs from not reported).
    pub present: Vec<Vec<bool>>,
}

impl Series {
    /// Sum over groups at category `c`, ignoring absent pairs; `None` if a present one is unknown.
    pub fn total(&self, c: usize) -> Option<f64> {
        let mut t = 0.0;
        for g in 0..self.groups.len() {
            if self.present[g][c] {
                t += self.values[g][c]?;
            }
        }
        Some(t)
    }
}

/// Most x values a bar chart shows (one row each).
pub const MAX_BAR_CATEGORIES: usize = 250;
/// Most x values a line or dot chart shows (dense ones are decimated per pixel column).
pub const MAX_POINTS: usize = 100_000;
/// Most colour groups.
pub const MAX_GROUPS: usize = 12;

/// Aggregates the frame as the spec says. Call [`Spec::check`] first.
pub fn build(spec: &Spec, f: &Frame) -> Result<Series, Error> {
    let col = |n: &str| {
        f.column(n).ok_or_else(|| Error::Invalid { path: "spec".into(), message: format!("no column \"{n}\"") })
    };
    let (x, y) = (col(&spec.x)?, col(&spec.y)?);
    let c = spec.color.as_deref().map(col).transpose()?;
    let mut categories: Vec<String> = Vec::new();
    // Index by value: a linear search per row would be quadratic in the number of categories.
    let mut cat_index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut group_index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut numeric_x: Vec<Option<f64>> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    // Members per (group, category): the row numbers and their values.
    let mut members: Vec<Vec<Members>> = Vec::new();
    for (i, row) in f.rows.iter().enumerate() {
        let xv = row[x].text();
        let gv = c.map(|c| row[c].text()).unwrap_or_default();
        let ci = match cat_index.get(&xv) {
            Some(p) => *p,
            None => {
                cat_index.insert(xv.clone(), categories.len());
                categories.push(xv);
                numeric_x.push(if let Cell::Num(v) = row[x] { Some(v) } else { None });
                for m in members.iter_mut() {
                    m.push(Vec::new());
                }
                categories.len() - 1
            }
        };
        let gi = match group_index.get(&gv) {
            Some(p) => *p,
            None => {
                group_index.insert(gv.clone(), groups.len());
                groups.push(gv);
                members.push(vec![Vec::new(); categories.len()]);
                groups.len() - 1
            }
        };
        let v = match &row[y] {
            Cell::Num(v) => Some(*v),
            _ => None,
        };
        members[gi][ci].push((i + 1, v));
    }
    let mut values = Vec::new();
    let mut present = Vec::new();
    for (gi, per_cat) in members.iter().enumerate() {
        let mut vs = Vec::new();
        let mut ps = Vec::new();
        for (ci, m) in per_cat.iter().enumerate() {
            ps.push(!m.is_empty());
            vs.push(if m.is_empty() { None } else { aggregate(spec, m, &categories[ci], &groups[gi])? });
        }
        values.push(vs);
        present.push(ps);
    }
    let bars =
        matches!(spec.kind, crate::spec::Mark::Bar | crate::spec::Mark::StackedBar | crate::spec::Mark::GroupedBar);
    let limit = if bars { MAX_BAR_CATEGORIES } else { MAX_POINTS };
    if categories.len() > limit {
        return Err(Error::Invalid {
            path: format!("spec.x (`{}`)", spec.x),
            message: format!(
                "has {} different values; this chart shows at most {limit}: aggregate or filter the data first",
                categories.len()
            ),
        });
    }
    if groups.len() > MAX_GROUPS {
        return Err(Error::Invalid {
            path: format!("spec.color (`{}`)", spec.color.as_deref().unwrap_or("")),
            message: format!("has {} different values; at most {MAX_GROUPS} colours can be told apart", groups.len()),
        });
    }
    for (g, row) in values.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_some_and(|x| !x.is_finite() || x.abs() > 1e15) {
                return Err(Error::Invalid {
                    path: format!("data (x = \"{}\", colour = \"{}\")", categories[c], groups[g]),
                    message: "the combined value is too large to draw (over 10^15)".into(),
                });
            }
        }
    }
    let mut s = Series { categories, groups, values, present };
    let order: Option<Vec<usize>> = match spec.sort {
        Sort::Data => None,
        Sort::X => {
            let n = s.categories.len();
            if numeric_x.iter().all(Option::is_some) {
                let x = |i: usize| numeric_x[i].unwrap_or_default();
                Some(order::indices(n, &mut |a, b| x(a).partial_cmp(&x(b)).unwrap_or(std::cmp::Ordering::Equal)))
            } else {
                Some(order::indices(n, &mut |a, b| s.categories[a].cmp(&s.categories[b])))
            }
        }
        Sort::YAscending | Sort::YDescending => {
            // Unknown totals go last either way.
            let key = |i: usize| s.total(i);
            Some(order::indices(s.categories.len(), &mut |a, b| match (key(a), key(b)) {
                (Some(p), Some(q)) => {
                    let o = p.partial_cmp(&q).unwrap_or(std::cmp::Ordering::Equal);
                    if spec.sort == Sort::YDescending {
                        o.reverse()
                    } else {
                        o
                    }
                }
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }))
        }
    };
    if let Some(idx) = order {
        s.categories = idx.iter().map(|&i| s.categories[i].clone()).collect();
        for g in 0..s.groups.len() {
            s.values[g] = idx.iter().map(|&i| s.values[g][i]).collect();
            s.present[g] = idx.iter().map(|&i| s.present[g][i]).collect();
        }
    }
    Ok(s)
}

fn aggregate(spec: &Spec, m: &[(usize, Option<f64>)], x: &str, g: &str) -> Result<Option<f64>, Error> {
    let known: Option<Vec<f64>> = m.iter().map(|(_, v)| *v).collect();
    Ok(match spec.aggregate {
        Aggregate::Count => Some(m.len() as f64),
        Aggregate::None => {
            if m.len() > 1 {
                let rows: Vec<String> = m.iter().map(|(r, _)| r.to_string()).collect();
                let at = if g.is_empty() { format!("x = \"{x}\"") } else { format!("x = \"{x}\", colour = \"{g}\"") };
                return Err(Error::Invalid {
                    path: "spec.aggregate".into(),
                    message: format!(
                        "rows {} share {at}; choose sum, mean, min or max to combine them",
                        rows.join(", ")
                    ),
                });
            }
            m[0].1
        }
        // A sum with an unknown member is unknown. Mean, min and max are of the reported members,
        // as Vega-Lite computes them (not reported only when no member is reported).
        Aggregate::Sum => known.map(|v| v.iter().sum()),
        Aggregate::Mean => {
            let v = reported(m);
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        }
        Aggregate::Min => reported(m).into_iter().reduce(f64::min),
        Aggregate::Max => reported(m).into_iter().reduce(f64::max),
    })
}

fn reported(m: &[(usize, Option<f64>)]) -> Vec<f64> {
    m.iter().filter_map(|(_, v)| *v).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn mean_min_max_skip_members_not_reported_but_a_sum_does_not() {
        let csv = "k,v\na,2\na,\na,4\nb,\n";
        let mean = run(csv, r#"{"kind": "bar", "x": "k", "y": "v", "aggregate": "mean"}"#).unwrap();
        assert_eq!(mean.values[0], vec![Some(3.0), None]);
        let max = run(csv, r#"{"kind": "bar", "x": "k", "y": "v", "aggregate": "max"}"#).unwrap();
        assert_eq!(max.values[0], vec![Some(4.0), None]);
        let sum = run(csv, r#"{"kind": "bar", "x": "k", "y": "v"}"#).unwrap();
        assert_eq!(sum.values[0], vec![None, None]);
    }

    fn run(csv: &str, spec: &str) -> Result<Series, Error> {
        let f = Frame::from_csv(csv).unwrap();
        let s: Spec = serde_json::from_str(spec).unwrap();
        s.check(&f)?;
        build(&s, &f)
    }

    const DATA: &str = "year,scope,count\n2023,global,15\n2021,global,4\n2021,national,33\n2023,national,38\n";

    #[test]
    fn groups_by_x_and_colour() {
        let s = run(DATA, r#"{"kind":"stacked-bar","x":"year","y":"count","color":"scope"}"#).unwrap();
        assert_eq!(s.categories, ["2023", "2021"]);
        assert_eq!(s.groups, ["global", "national"]);
        assert_eq!(s.values, [[Some(15.0), Some(4.0)], [Some(38.0), Some(33.0)]]);
        assert_eq!(s.total(0), Some(53.0));
    }

    #[test]
    fn sorts() {
        let s = run(DATA, r#"{"kind":"bar","x":"year","y":"count","sort":"x"}"#).unwrap();
        assert_eq!(s.categories, ["2021", "2023"]);
        assert_eq!(s.values, [[Some(37.0), Some(53.0)]], "summed over scope");
        let s = run("k,v\na,2\nb,9\nc,\nd,5\n", r#"{"kind":"bar","x":"k","y":"v","sort":"y-descending"}"#).unwrap();
        assert_eq!(s.categories, ["b", "d", "a", "c"], "not reported goes last");
        assert_eq!(s.values[0][3], None);
    }

    #[test]
    fn aggregates() {
        let csv = "k,v\na,2\na,4\nb,\nb,1\n";
        let get = |agg: &str| {
            run(csv, &format!(r#"{{"kind":"bar","x":"k","y":"v","aggregate":"{agg}"}}"#)).unwrap().values[0].clone()
        };
        assert_eq!(get("sum"), [Some(6.0), None]);
        // Mean and max are of the reported members (b: only 1 is reported).
        assert_eq!(get("mean"), [Some(3.0), Some(1.0)]);
        assert_eq!(get("count"), [Some(2.0), Some(2.0)]);
        assert_eq!(get("max"), [Some(4.0), Some(1.0)]);
        let e = run(csv, r#"{"kind":"bar","x":"k","y":"v","aggregate":"none"}"#).unwrap_err();
        assert_eq!(e.to_string(), "invalid value at `spec.aggregate`: rows 1, 2 share x = \"a\"; choose sum, mean, min or max to combine them");
    }

    #[test]
    fn limits_are_named() {
        let mut csv = String::from("k,v\n");
        for i in 0..300 {
            csv += &format!("c{i},1\n");
        }
        let e = run(&csv, r#"{"kind":"bar","x":"k","y":"v"}"#).unwrap_err();
        assert_eq!(e.to_string(), "invalid value at `spec.x (`k`)`: has 300 different values; this chart shows at most 250: aggregate or filter the data first");
        assert!(run(&csv, r#"{"kind":"line","x":"k","y":"v"}"#).is_ok(), "a line chart takes more points");
        let e = run("k,v\na,1e308\na,1e308\n", r#"{"kind":"bar","x":"k","y":"v"}"#).unwrap_err();
        assert!(e.to_string().contains("too large"), "{e}");
    }

    #[test]
    fn absent_pairs_are_not_unknown() {
        let s = run("x,g,v\na,p,1\nb,q,2\n", r#"{"kind":"grouped-bar","x":"x","y":"v","color":"g"}"#).unwrap();
        assert_eq!(s.present, [[true, false], [false, true]]);
        assert_eq!(s.total(0), Some(1.0));
    }
}
