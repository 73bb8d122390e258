//! The `window` transform, as Vega's `window`: rows are partitioned by `groupby`, each
//! partition is sorted by `sort` (stable: ties keep input order; no sort keeps input order),
//! and every row gets the value of each op over its frame. `frame` `[a, b]` spans rows
//! `i + a ..= i + b` (null = unbounded; default `[null, 0]`); with a `sort` and without
//! `ignorePeers` the frame grows to include rows that sort equal to its ends. Ops: the
//! aggregate ops of [`super::ops`] (updated as the frame slides, as Vega does), `row_number`,
//! `rank`, `dense_rank`, `percent_rank`, `cume_dist`, `ntile` (`param` bins), `lag` / `lead`
//! (`param` offset, default 1), `first_value`, `last_value`, `nth_value` (`param` nth). Rows
//! keep their order in the output.

use crate::error::{Error, Path};
use crate::grammar::json::{check_keys, Json};
use crate::grammar::value::{field_key, Table, Value};

use super::aggregate::{default_name, parse_op};
use super::ops::{Accum, Op};
use super::util::{self, SortField};

/// Most values gathered for median-like ops over all frames (keeps run time bounded).
const MAX_FRAME_WORK: usize = 400_000_000;

/// A window operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WindowOp {
    /// 1, 2, 3 ... in the partition.
    RowNumber,
    /// Rank with gaps for ties.
    Rank,
    /// Rank without gaps.
    DenseRank,
    /// `(rank - 1) / (n - 1)`.
    PercentRank,
    /// Share of rows sorting before or equal (Vega's, which gives a partition's first row 1/n).
    CumeDist,
    /// `ceil(param * cume_dist)`.
    Ntile(f64),
    /// The field `param` rows before.
    Lag(i64),
    /// The field `param` rows after.
    Lead(i64),
    /// The field at the frame's first row.
    FirstValue,
    /// The field at the frame's last row.
    LastValue,
    /// The field at the frame's `param`-th row.
    NthValue(i64),
    /// An aggregate op over the frame.
    Aggregate(Op),
}

/// One `{"op", "field", "param", "as"}` of a window.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowField {
    /// The op.
    pub op: WindowOp,
    /// Table key of the field.
    pub field: Option<String>,
    /// Output field.
    pub as_: String,
}

impl WindowField {
    fn parse(json: &Json, path: &Path) -> Result<WindowField, Error> {
        check_keys(json, path, &["op", "field", "param", "as"], &[])?;
        let opj = util::req(json, "op", path)?;
        let name = opj.str(&path.key("op"))?;
        let pp = path.key("param");
        let param = json.get("param").filter(|p| !matches!(p, Json::Null)).map(|p| p.num(&pp)).transpose()?;
        let int = |default: Option<i64>, positive: bool| -> Result<i64, Error> {
            let v = match (param, default) {
                (None, Some(d)) => return Ok(d),
                (None, None) => return Err(Error::spec(path, format!("the \"{name}\" op needs a \"param\""))),
                (Some(v), _) => v,
            };
            if v.fract() != 0.0 || v.abs() > 1e9 || (positive && v <= 0.0) {
                return Err(Error::spec(
                    &pp,
                    if positive { "must be a whole number from 1" } else { "must be a whole number" },
                ));
            }
            Ok(if v == 0.0 { default.unwrap_or(1) } else { v as i64 })
        };
        let op = match name {
            "row_number" => WindowOp::RowNumber,
            "rank" => WindowOp::Rank,
            "dense_rank" => WindowOp::DenseRank,
            "percent_rank" => WindowOp::PercentRank,
            "cume_dist" => WindowOp::CumeDist,
            "ntile" => match param {
                Some(n) if n > 0.0 && n.is_finite() => WindowOp::Ntile(n),
                _ => return Err(Error::spec(&pp, "ntile needs a positive \"param\"")),
            },
            "lag" => WindowOp::Lag(int(Some(1), false)?),
            "lead" => WindowOp::Lead(int(Some(1), false)?),
            "first_value" => WindowOp::FirstValue,
            "last_value" => WindowOp::LastValue,
            "nth_value" => WindowOp::NthValue(int(None, true)?),
            _ => WindowOp::Aggregate(parse_op(opj, &path.key("op"))?),
        };
        let raw = json.get("field").map(|f| f.str(&path.key("field"))).transpose()?;
        let needs_field = matches!(
            op,
            WindowOp::Lag(_) | WindowOp::Lead(_) | WindowOp::FirstValue | WindowOp::LastValue | WindowOp::NthValue(_)
        ) || matches!(op, WindowOp::Aggregate(o) if o != Op::Count);
        if needs_field && raw.is_none() {
            return Err(Error::spec(path, format!("the \"{name}\" op needs a \"field\"")));
        }
        let as_ = match json.get("as") {
            Some(a) => a.str(&path.key("as"))?.to_string(),
            None => default_name(name, raw),
        };
        Ok(WindowField { op, field: raw.map(field_key), as_ })
    }
}

/// The `window` transform.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// The ops.
    pub fields: Vec<WindowField>,
    /// Table keys of the partition fields.
    pub groupby: Vec<String>,
    /// Sort within partitions.
    pub sort: Vec<SortField>,
    /// Frame offsets (None = unbounded).
    pub frame: (Option<i64>, Option<i64>),
    /// Frame by row count alone, not widened to peers.
    pub ignore_peers: bool,
    path: Path,
}

fn frame_end(j: &Json, path: &Path) -> Result<Option<i64>, Error> {
    match j {
        Json::Null => Ok(None),
        other => {
            let n = other.num(path)?;
            if n.fract() != 0.0 || n.abs() > 1e12 {
                return Err(Error::spec(path, "must be a whole number or null"));
            }
            Ok(Some(n as i64))
        }
    }
}

/// Parses a `[a, b]` frame at `path`.
pub(crate) fn parse_frame(json: &Json, path: &Path) -> Result<(Option<i64>, Option<i64>), Error> {
    match json.arr(path)? {
        [a, b] => Ok((frame_end(a, &path.index(0))?, frame_end(b, &path.index(1))?)),
        _ => Err(Error::spec(path, "expected [start, end]")),
    }
}

impl Window {
    /// Reads the transform object at `path`.
    pub fn parse(json: &Json, path: &Path) -> Result<Window, Error> {
        check_keys(json, path, &["window", "groupby", "sort", "frame", "ignorePeers"], &[])?;
        let wp = path.key("window");
        let fields = util::req(json, "window", path)?
            .arr(&wp)?
            .iter()
            .enumerate()
            .map(|(i, f)| WindowField::parse(f, &wp.index(i)))
            .collect::<Result<_, _>>()?;
        let groupby = util::field_list(json.get("groupby"), &path.key("groupby"))?;
        let sort = util::sort_fields(json.get("sort"), &path.key("sort"))?;
        let frame = match json.get("frame") {
            Some(f) => parse_frame(f, &path.key("frame"))?,
            None => (None, Some(0)),
        };
        let ignore_peers =
            json.get("ignorePeers").map(|b| b.bool(&path.key("ignorePeers"))).transpose()?.unwrap_or(false);
        Ok(Window { fields, groupby, sort, frame, ignore_peers, path: path.clone() })
    }

    /// A window of one aggregate op without sort (used by `impute`).
    pub(crate) fn aggregate(
        op: Op,
        field: &str,
        as_: &str,
        groupby: Vec<String>,
        frame: (Option<i64>, Option<i64>),
        path: &Path,
    ) -> Window {
        let f = WindowField { op: WindowOp::Aggregate(op), field: Some(field.to_string()), as_: as_.to_string() };
        Window { fields: vec![f], groupby, sort: Vec::new(), frame, ignore_peers: false, path: path.clone() }
    }

    /// Output fields.
    pub fn output_fields(&self) -> Vec<String> {
        self.fields.iter().map(|f| f.as_.clone()).collect()
    }

    /// Computes the window ops for every row.
    pub fn run(&self, mut table: Table) -> Result<Table, Error> {
        let gcols = util::cols(&table, &self.groupby);
        let scols: Vec<(Option<usize>, bool)> = self.sort.iter().map(|s| (table.col(&s.field), s.descending)).collect();
        let fcols: Vec<Option<usize>> =
            self.fields.iter().map(|f| f.field.as_ref().and_then(|n| table.col(n))).collect();
        let partitions = util::partition(&table, &gcols);
        let mut results: Vec<Vec<Value>> = self.fields.iter().map(|_| vec![Value::Null; table.len()]).collect();
        let mut work = 0usize;
        for mut part in partitions {
            if !scols.is_empty() {
                crate::order::sort_by(&mut part, |&a, &b| util::compare_rows(&table.rows[a], &table.rows[b], &scols));
            }
            self.partition(&table, &part, &scols, &fcols, &mut results, &mut work)?;
        }
        let outs: Vec<usize> = self.fields.iter().map(|f| table.field_index_or_add(&f.as_)).collect();
        for (c, vals) in outs.iter().zip(results) {
            for (row, v) in table.rows.iter_mut().zip(vals) {
                util::set(row, *c, v);
            }
        }
        Ok(table)
    }

    #[allow(clippy::too_many_arguments)]
    fn partition(
        &self,
        table: &Table,
        data: &[usize],
        scols: &[(Option<usize>, bool)],
        fcols: &[Option<usize>],
        results: &mut [Vec<Value>],
        work: &mut usize,
    ) -> Result<(), Error> {
        let n = data.len();
        let row = |i: usize| -> &[Value] { &table.rows[data[i]] };
        let sorted = !scols.is_empty();
        // Vega compares with the sort (no sort: every row differs from the next).
        let peers = |a: usize, b: usize| sorted && util::compare_rows(row(a), row(b), scols).is_eq();
        let value = |k: usize, i: usize| util::cell(row(i), fcols[k]);
        let mut accs: Vec<Accum> = self.fields.iter().map(|_| Accum::default()).collect();
        let (mut a, mut b) = (0usize, 0usize); // rows currently in the accumulators
        let (mut rank, mut drank, mut cume) = (1usize, 1usize, 0usize);
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            let clamp = |x: i64| x.clamp(0, n as i64) as usize;
            let mut i0 = self.frame.0.map_or(0, |f| clamp(i as i64 + f));
            let mut i1 = self.frame.1.map_or(n, |f| clamp(i as i64 + f + 1));
            if sorted && !self.ignore_peers {
                if i0 > 0 && i0 < n && peers(i0, i0 - 1) {
                    while i0 > 0 && peers(i0, i0 - 1) {
                        i0 -= 1;
                    }
                }
                if i1 >= 1 && i1 < n && peers(i1 - 1, i1) {
                    while i1 < n && peers(i1 - 1, i1) {
                        i1 += 1;
                    }
                }
            }
            if i > 0 && !peers(i - 1, i) {
                rank = i + 1;
                drank += 1;
            }
            if cume < i {
                let mut j = i;
                while j + 1 < n && peers(j, j + 1) {
                    j += 1;
                }
                cume = j;
            }
            let cume_dist = (1 + cume) as f64 / n as f64;
            // Slide the aggregates to [i0, max(i0, i1)).
            let (lo, hi) = (i0, i1.max(i0));
            let reset = lo < a || hi < b || lo >= b;
            for (k, acc) in accs.iter_mut().enumerate() {
                if !matches!(self.fields[k].op, WindowOp::Aggregate(_)) {
                    continue;
                }
                if reset {
                    *acc = Accum::default();
                    (lo..hi).for_each(|j| acc.add(&value(k, j)));
                } else {
                    (a..lo).for_each(|j| acc.rem(&value(k, j)));
                    (b..hi).for_each(|j| acc.add(&value(k, j)));
                }
            }
            (a, b) = (lo, hi);
            for (k, f) in self.fields.iter().enumerate() {
                let v = match f.op {
                    WindowOp::RowNumber => Value::Num((i + 1) as f64),
                    WindowOp::Rank => Value::Num(rank as f64),
                    WindowOp::DenseRank => Value::Num(drank as f64),
                    WindowOp::PercentRank => Value::Num((rank - 1) as f64 / (n as f64 - 1.0)),
                    WindowOp::CumeDist => Value::Num(cume_dist),
                    WindowOp::Ntile(q) => Value::Num((q * cume_dist).ceil()),
                    WindowOp::Lag(o) => at(i as i64 - o, n).map_or(Value::Null, |j| value(k, j)),
                    WindowOp::Lead(o) => at(i as i64 + o, n).map_or(Value::Null, |j| value(k, j)),
                    WindowOp::FirstValue => {
                        if i0 < n {
                            value(k, i0)
                        } else {
                            Value::Null
                        }
                    }
                    WindowOp::LastValue => {
                        if i1 >= 1 {
                            value(k, i1 - 1)
                        } else {
                            Value::Null
                        }
                    }
                    WindowOp::NthValue(m) => {
                        let j = i0 as i64 + m - 1;
                        if j < i1 as i64 {
                            at(j, n).map_or(Value::Null, |j| value(k, j))
                        } else {
                            Value::Null
                        }
                    }
                    WindowOp::Aggregate(op) => {
                        let acc = &mut accs[k];
                        if acc.reads_values(op) {
                            *work += hi - lo;
                            if *work > MAX_FRAME_WORK {
                                return Err(Error::Data {
                                    path: self.path.clone(),
                                    row: None,
                                    message: format!("the window's \"{}\" frames are too large to compute", op.name()),
                                });
                            }
                            let vals: Vec<Value> = (lo..hi).map(|j| value(k, j)).collect();
                            acc.value(op, &vals)
                        } else {
                            acc.value(op, &[])
                        }
                    }
                };
                if let Some(slot) = results.get_mut(k).and_then(|r| r.get_mut(data[i])) {
                    *slot = v;
                }
            }
        }
        Ok(())
    }
}

fn at(j: i64, n: usize) -> Option<usize> {
    (j >= 0 && (j as usize) < n).then_some(j as usize)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn data() -> Table {
        let mut t = Table::with_fields(vec!["g".into(), "x".into(), "v".into()]);
        for (g, x, v) in [
            ("a", 3.0, Some(1.0)),
            ("b", 1.0, Some(2.0)),
            ("a", 1.0, Some(3.0)),
            ("a", 2.0, None),
            ("b", 1.0, Some(5.0)),
        ] {
            t.rows.push(vec![Value::str(g), Value::Num(x), v.map_or(Value::Null, Value::Num)]);
        }
        t
    }

    fn col(spec: &str, name: &str) -> Vec<Value> {
        let w = Window::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap();
        let t = w.run(data()).unwrap();
        let c = t.col(name).unwrap();
        t.rows.iter().map(|r| r[c].clone()).collect()
    }

    fn nums(xs: &[f64]) -> Vec<Value> {
        xs.iter().map(|x| Value::Num(*x)).collect()
    }

    // Reference values below: vega-lite 6.4.3 + vega 6.4.0 on the same five rows.
    #[test]
    fn unsorted_running_window() {
        let spec = r#"{"window": [{"op": "sum", "field": "v", "as": "s"}, {"op": "rank", "as": "r"}, {"op": "row_number", "as": "rn"}]}"#;
        assert_eq!(col(spec, "s"), nums(&[1.0, 3.0, 6.0, 6.0, 11.0]));
        assert_eq!(col(spec, "r"), nums(&[1.0, 2.0, 3.0, 4.0, 5.0]));
        let spec = r#"{"window": [{"op": "sum", "field": "v", "as": "s"}], "frame": [null, null]}"#;
        assert_eq!(col(spec, "s"), nums(&[11.0; 5]));
    }

    #[test]
    fn ranks_with_ties_and_row_ops() {
        let spec = r#"{"window": [{"op": "sum", "field": "v", "as": "s"}, {"op": "rank", "as": "r"}, {"op": "dense_rank", "as": "dr"},
            {"op": "percent_rank", "as": "pr"}, {"op": "cume_dist", "as": "cd"}, {"op": "ntile", "param": 2, "as": "nt"},
            {"op": "lag", "field": "v", "as": "lg"}, {"op": "lead", "field": "v", "param": 2, "as": "ld"},
            {"op": "first_value", "field": "v", "as": "fv"}, {"op": "last_value", "field": "v", "as": "lv"},
            {"op": "nth_value", "field": "v", "param": 2, "as": "nv"}, {"op": "count", "as": "c"}, {"op": "mean", "field": "v", "as": "m"}],
            "sort": [{"field": "x"}], "groupby": ["g"]}"#;
        let null = Value::Null;
        assert_eq!(col(spec, "c"), nums(&[3.0, 2.0, 1.0, 2.0, 2.0]));
        assert_eq!(col(spec, "s"), nums(&[4.0, 7.0, 3.0, 3.0, 7.0]));
        assert_eq!(col(spec, "m"), nums(&[2.0, 3.5, 3.0, 3.0, 3.5]));
        assert_eq!(col(spec, "r"), nums(&[3.0, 1.0, 1.0, 2.0, 1.0]));
        assert_eq!(col(spec, "dr"), nums(&[3.0, 1.0, 1.0, 2.0, 1.0]));
        assert_eq!(col(spec, "pr"), nums(&[1.0, 0.0, 0.0, 0.5, 0.0]));
        assert_eq!(col(spec, "cd"), nums(&[1.0, 0.5, 1.0 / 3.0, 2.0 / 3.0, 1.0]));
        assert_eq!(col(spec, "nt"), nums(&[2.0, 1.0, 1.0, 2.0, 2.0]));
        assert_eq!(col(spec, "lg"), vec![null.clone(), null.clone(), null.clone(), Value::Num(3.0), Value::Num(2.0)]);
        assert_eq!(col(spec, "ld"), vec![null.clone(), null.clone(), Value::Num(1.0), null.clone(), null.clone()]);
        assert_eq!(col(spec, "fv"), nums(&[3.0, 2.0, 3.0, 3.0, 2.0]));
        assert_eq!(
            col(spec, "lv"),
            vec![Value::Num(1.0), Value::Num(5.0), Value::Num(3.0), null.clone(), Value::Num(5.0)]
        );
        assert_eq!(col(spec, "nv"), vec![null.clone(), Value::Num(5.0), null.clone(), null, Value::Num(5.0)]);
    }

    #[test]
    fn sliding_frames_with_peers() {
        let spec = r#"{"window": [{"op": "sum", "field": "v", "as": "s"}, {"op": "median", "field": "v", "as": "md"}, {"op": "min", "field": "v", "as": "mn"}],
            "sort": [{"field": "x", "order": "descending"}], "frame": [-1, 1]}"#;
        assert_eq!(col(spec, "s"), nums(&[1.0, 10.0, 10.0, 11.0, 10.0]));
        assert_eq!(col(spec, "md"), nums(&[1.0, 3.0, 3.0, 2.5, 3.0]));
        assert_eq!(col(spec, "mn"), nums(&[1.0, 2.0, 2.0, 1.0, 2.0]));
        let spec =
            r#"{"window": [{"op": "sum", "field": "v", "as": "s"}], "sort": [{"field": "x"}], "ignorePeers": true}"#;
        assert_eq!(col(spec, "s"), nums(&[11.0, 2.0, 5.0, 10.0, 10.0]));
    }

    // Reference: vega 6.4.0 window over [0.1, 0.2, "0.3", null, "", 0.7, 1e-9], frame [-2, 0].
    #[test]
    fn sliding_aggregates_match_vega() {
        let mut t = Table::with_fields(vec!["v".into()]);
        let vs = [
            Value::Num(0.1),
            Value::Num(0.2),
            Value::str("0.3"),
            Value::Null,
            Value::str(""),
            Value::Num(0.7),
            Value::Num(1e-9),
        ];
        t.rows = vs.iter().map(|v| vec![v.clone()]).collect();
        let spec = r#"{"window": [{"op": "mean", "field": "v", "as": "m"}, {"op": "variance", "field": "v", "as": "var"},
            {"op": "max", "field": "v", "as": "mx"}, {"op": "distinct", "field": "v", "as": "d"}], "frame": [-2, 0]}"#;
        let w = Window::parse(&Json::parse(spec).unwrap(), &Path::root()).unwrap();
        let out = w.run(t).unwrap();
        let col = |i: usize| -> Vec<Value> { out.rows.iter().map(|r| r[i].clone()).collect() };
        assert_eq!(col(1), nums(&[0.1, 0.15000000000000002, 0.2, 0.25, 0.3, 0.7, 0.35000000049999996]));
        let null = Value::Null;
        let var = [
            null.clone(),
            Value::Num(0.004999999999999999),
            Value::Num(0.009999999999999995),
            Value::Num(0.0049999999999999906),
            null.clone(),
            null,
            Value::Num(0.24499999929999994),
        ];
        assert_eq!(col(2), var.to_vec());
        let s3 = Value::str("0.3");
        assert_eq!(
            col(3),
            vec![Value::Num(0.1), Value::Num(0.2), s3.clone(), s3.clone(), s3, Value::Num(0.7), Value::Num(0.7)]
        );
        assert_eq!(col(4), nums(&[1.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0]));
        let mut one = Table::with_fields(vec!["v".into()]);
        one.rows.push(vec![Value::Num(1.0)]);
        let w = Window::parse(
            &Json::parse(r#"{"window": [{"op": "percent_rank", "as": "p"}, {"op": "cume_dist", "as": "c"}]}"#).unwrap(),
            &Path::root(),
        )
        .unwrap();
        let out = w.run(one).unwrap();
        assert!(out.rows[0][1].as_num().unwrap().is_nan());
        assert_eq!(out.rows[0][2], Value::Num(1.0));
    }

    #[test]
    fn bad_params_are_refused() {
        let p = Path::of(&["transform"]).index(0);
        let e = Window::parse(&Json::parse(r#"{"window": [{"op": "ntile", "as": "n"}]}"#).unwrap(), &p).unwrap_err();
        assert_eq!(e.path(), Some(&p.key("window").index(0).key("param")));
        let e = Window::parse(&Json::parse(r#"{"window": [{"op": "lag", "as": "n"}]}"#).unwrap(), &p).unwrap_err();
        assert!(e.to_string().contains("field"), "{e}");
        let e = Window::parse(&Json::parse(r#"{"window": [{"op": "prev_value", "field": "v"}]}"#).unwrap(), &p)
            .unwrap_err();
        assert!(matches!(e, Error::Unsupported { .. }));
        let e = Window::parse(&Json::parse(r#"{"window": [], "frame": [0.5, null]}"#).unwrap(), &p).unwrap_err();
        assert_eq!(e.path(), Some(&p.key("frame").index(0)));
    }
}
