//! The data flow of one unit: its data loaded and parsed, the spec's transforms run, then what
//! the encoding implies, in Vega-Lite's order: `timeUnit` and `bin` columns, the `aggregate`
//! (grouped by every other encoded field), and the `stack`. The result is the table the mark
//! draws, one row per mark (or per point of a line).

use crate::error::{Error, Path};
mod derive;
mod impute;
mod stack;

pub use stack::stack_of;

use crate::grammar::data::{self, DataDef, Parse, Problem};
use crate::grammar::encoding::{Channel, Encoding, FieldDef, FieldType};
use crate::grammar::mark::{MarkDef, MarkType};
use crate::grammar::spec::{Body, View};
use crate::grammar::transform::{Sources, Transform};
use crate::grammar::{Table, Value};

/// One mark of the spec with everything it inherits from its layers.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The view's path.
    pub path: Path,
    /// The mark.
    pub mark: MarkDef,
    /// Its channels (the parents' merged in).
    pub encoding: Encoding,
    /// Its data (own or inherited) and the path where it was given.
    pub data: Option<(DataDef, Path)>,
    /// Parents' transforms, then its own.
    pub transforms: Vec<(Transform, Path)>,
    /// In a facet, the one cell (panel) this unit draws; `None` outside facets.
    pub cell: Option<Cell>,
}

/// One cell of a facet: after the first `at` transforms (the facet's own), only rows whose
/// `fields` hold these values go on; the cell's own transforms run on them.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// How many of the unit's transforms run before the rows are split into cells.
    pub at: usize,
    /// Each facet field (its definition, for dates) with this cell's value.
    pub keep: Vec<(FieldDef, Value)>,
}

/// Flattens layers into units, in drawing order.
pub fn units(root: &View) -> Vec<Unit> {
    let mut out = Vec::new();
    walk(root, None, &[], &Encoding::default(), &mut out);
    out
}

fn walk(v: &View, data: Option<&(DataDef, Path)>, tf: &[(Transform, Path)], enc: &Encoding, out: &mut Vec<Unit>) {
    let own = v.data.clone().map(|d| (d, v.path.key("data")));
    let data = own.as_ref().or(data);
    let mut transforms = tf.to_vec();
    transforms.extend(v.transforms.iter().cloned());
    let encoding = enc.merged(&v.encoding);
    match &v.body {
        Body::Unit(m) => out.push(Unit {
            path: v.path.clone(),
            mark: m.clone(),
            encoding,
            data: data.cloned(),
            transforms,
            cell: None,
        }),
        Body::Layer(children) => {
            for c in children {
                walk(c, data, &transforms, &encoding, out);
            }
        }
    }
}

/// Where a stack goes: the stacked channel, the column it sums, and the offset.
#[derive(Debug, Clone, PartialEq)]
pub struct Stacked {
    /// `X` or `Y` (or `Theta` for pies).
    pub channel: Channel,
    /// The summed column.
    pub column: String,
    /// `zero`, `normalize` or `center`.
    pub offset: String,
}

/// A unit's rows after the data flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flowed {
    /// The rows the mark draws.
    pub table: Table,
    /// The stack applied, if any.
    pub stack: Option<Stacked>,
    /// Cells that did not parse (row, field), kept as Vega keeps them (null or NaN).
    pub problems: Vec<Problem>,
    /// Rows removed because a continuous position they need is missing (Vega-Lite's
    /// `invalid: "filter"`), reported under the chart, never silently.
    pub dropped: usize,
    /// Rows each `filter` transform removed, with its path (for the author's warnings).
    pub filtered: Vec<(Path, usize)>,
}

/// Removes rows whose continuous `x`, `y`, `theta` or `radius` is missing or not a number
/// (lines and areas keep them and break instead). Returns how many.
fn filter_invalid(u: &Unit, t: &mut Table) -> usize {
    if matches!(u.mark.ty, MarkType::Line | MarkType::Area | MarkType::Trail) {
        return 0;
    }
    let cols: Vec<usize> = [Channel::X, Channel::Y, Channel::Theta, Channel::Radius]
        .iter()
        .filter_map(|c| u.encoding.get(*c))
        .filter(|d| !d.ty.is_discrete() && d.datum.is_none())
        .filter_map(|d| d.column())
        .filter_map(|c| t.col(&c))
        .collect();
    if cols.is_empty() {
        return 0;
    }
    let before = t.rows.len();
    t.rows.retain(|r| {
        cols.iter().all(|&c| match &r[c] {
            Value::Num(n) | Value::Date(n) => n.is_finite(),
            v @ Value::Str(s) => number_of(v).is_some() || crate::grammar::format::date::parse_date(s).is_some(),
            Value::Bool(_) => true,
            Value::Null => false,
        })
    });
    before - t.rows.len()
}

/// Every field definition of an encoding, with its channel.
pub fn defs(e: &Encoding) -> Vec<(Channel, &FieldDef)> {
    let mut v: Vec<(Channel, &FieldDef)> = e.channels.iter().map(|(c, d)| (*c, d)).collect();
    v.extend(e.detail.iter().map(|d| (Channel::Detail, d)));
    v.extend(e.order.iter().map(|d| (Channel::Order, d)));
    if let Some(t) = &e.tooltip {
        v.extend(t.iter().map(|d| (Channel::Tooltip, d)));
    }
    v
}

/// Runs the unit's data flow. `url_text` gives the fetched text of a `data.url`, or why it
/// could not be fetched.
pub fn run(
    u: &Unit,
    url_text: &dyn Fn(&str) -> Result<String, String>,
    sources: &dyn Sources,
) -> Result<Flowed, Error> {
    let (table, problems, filtered) = load_and_transform(u, u.transforms.len(), url_text, sources)?;
    finish(u, table, u.transforms.len(), problems, filtered, sources)
}

/// The rest of a unit's flow from rows that have been through its first `from` transforms:
/// the other transforms, then what the encoding implies (derived columns, impute, invalid
/// positions, stack).
pub fn finish(
    u: &Unit,
    table: Table,
    from: usize,
    problems: Vec<Problem>,
    filtered: Vec<(Path, usize)>,
    sources: &dyn Sources,
) -> Result<Flowed, Error> {
    let (table, filtered) = transform_from(u, table, from, filtered, sources)?;
    derive_rest(u, table, problems, filtered, sources)
}

/// The unit's transforms from the `from`-th on, adding the rows each filter removed to
/// `filtered`: the first half of [`finish`].
pub fn transform_from(
    u: &Unit,
    mut table: Table,
    from: usize,
    mut filtered: Vec<(Path, usize)>,
    sources: &dyn Sources,
) -> Result<(Table, Vec<(Path, usize)>), Error> {
    for (t, tp) in u.transforms.iter().skip(from) {
        let before = table.rows.len();
        table = t.run(table, sources)?;
        if matches!(t, crate::grammar::transform::Transform::Filter(_)) && table.rows.len() < before {
            filtered.push((tp.clone(), before - table.rows.len()));
        }
    }
    Ok((table, filtered))
}

/// What the encoding implies, on rows that have been through all the unit's transforms:
/// the second half of [`finish`].
pub fn derive_rest(
    u: &Unit,
    mut table: Table,
    problems: Vec<Problem>,
    filtered: Vec<(Path, usize)>,
    sources: &dyn Sources,
) -> Result<Flowed, Error> {
    derive::derive(u, &mut table)?;
    for t in impute::transforms(u)? {
        table = t.run(table, sources)?;
    }
    let dropped = filter_invalid(u, &mut table);
    let stack = stack_of(u);
    if let Some(s) = &stack {
        stack::stack_rows(u, s, &mut table);
    }
    Ok(Flowed { table, stack, problems, dropped, filtered })
}

/// A facet's split: the unit's data loaded and parsed once, its first `at` transforms (the
/// facet's own) run once, then the rows dealt into the cells whose `fields` hold `keys` (one
/// pass; rows of no cell are left out). Returns each cell's rows, and the parse problems and
/// filter counts of the shared part, which belong to the whole chart, not to one panel.
#[allow(clippy::type_complexity)]
pub fn split(
    u: &Unit,
    at: usize,
    fields: &[FieldDef],
    keys: &[Vec<Value>],
    url_text: &dyn Fn(&str) -> Result<String, String>,
    sources: &dyn Sources,
) -> Result<(Vec<Table>, Vec<Problem>, Vec<(Path, usize)>), Error> {
    let mut probe = u.clone();
    probe.cell = Some(Cell { at: usize::MAX, keep: fields.iter().map(|d| (d.clone(), Value::Null)).collect() });
    let (table, problems, filtered) = load_and_transform(&probe, at, url_text, sources)?;
    let cols: Vec<Option<usize>> = fields.iter().map(|d| d.column().and_then(|f| table.col(&f))).collect();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        index.insert(crate::grammar::transform::util::group_key(k.iter()), i);
    }
    let mut cells: Vec<Table> = keys.iter().map(|_| Table::with_fields(table.fields.clone())).collect();
    let mut key: Vec<Value> = Vec::with_capacity(cols.len());
    for row in table.rows {
        key.clear();
        key.extend(cols.iter().map(|c| c.map_or(Value::Null, |i| row[i].clone())));
        if let Some(&i) = index.get(&crate::grammar::transform::util::group_key(key.iter())) {
            cells[i].rows.push(row);
        }
    }
    Ok((cells, problems, filtered))
}

/// The unit's data loaded and parsed, and its first `upto` transforms run (with the cell's
/// split where it falls). Returns the rows, the cells that did not parse, and the rows each
/// filter removed.
#[allow(clippy::type_complexity)]
fn load_and_transform(
    u: &Unit,
    upto: usize,
    url_text: &dyn Fn(&str) -> Result<String, String>,
    sources: &dyn Sources,
) -> Result<(Table, Vec<Problem>, Vec<(Path, usize)>), Error> {
    let (def, dpath) =
        u.data.as_ref().ok_or_else(|| Error::spec(&u.path, "no data: give \"data\" here or on a parent"))?;
    // Dates for temporal fields, as Vega-Lite does; quantitative text is read as a number where
    // it is used (Vega's `+v`), see [`number_of`].
    let mut implicit: Vec<(String, Parse)> = Vec::new();
    let cell_defs = u.cell.iter().flat_map(|c| c.keep.iter().map(|(d, _)| d));
    for d in defs(&u.encoding).into_iter().map(|(_, d)| d).chain(cell_defs) {
        let Some(f) = &d.field else { continue };
        if d.ty == FieldType::Temporal || d.time_unit.is_some() {
            implicit.push((f.clone(), Parse::Date(None, false)));
        }
    }
    let text = match &def.source {
        data::Source::Url(url) => Some(url_text(url).map_err(|why| Error::Data {
            path: dpath.key("url"),
            row: None,
            message: format!("\"{url}\" could not be loaded ({why})"),
        })?),
        _ => None,
    };
    let loaded = data::load(def, dpath, text.as_deref(), &implicit)?;
    let mut table = loaded.table;
    let mut filtered = Vec::new();
    for (i, (t, tp)) in u.transforms.iter().take(upto).enumerate() {
        if let Some(c) = u.cell.as_ref().filter(|c| c.at == i) {
            keep_cell(c, &mut table);
        }
        let before = table.rows.len();
        table = t.run(table, sources)?;
        if matches!(t, crate::grammar::transform::Transform::Filter(_)) && table.rows.len() < before {
            filtered.push((tp.clone(), before - table.rows.len()));
        }
    }
    if let Some(c) = u.cell.as_ref().filter(|c| c.at == u.transforms.len() && upto >= c.at) {
        keep_cell(c, &mut table);
    }
    Ok((table, loaded.problems, filtered))
}

/// Keeps the rows of one facet cell.
fn keep_cell(c: &Cell, t: &mut Table) {
    let cols: Vec<(Option<usize>, &Value)> =
        c.keep.iter().map(|(d, v)| (d.column().and_then(|f| t.col(&f)), v)).collect();
    t.rows.retain(|r| cols.iter().all(|(i, v)| i.map_or(matches!(v, Value::Null), |i| r[i] == **v)));
}

/// The distinct values of `fields` (in first-seen order, one tuple per row's combination) in
/// the unit's rows after its first `at` transforms: the cells of a facet.
pub fn cell_values(
    u: &Unit,
    at: usize,
    fields: &[FieldDef],
    url_text: &dyn Fn(&str) -> Result<String, String>,
    sources: &dyn Sources,
) -> Result<Vec<Vec<Value>>, Error> {
    let mut probe = u.clone();
    probe.cell = Some(Cell { at: usize::MAX, keep: fields.iter().map(|d| (d.clone(), Value::Null)).collect() });
    let (table, _, _) = load_and_transform(&probe, at, url_text, sources)?;
    let cols: Vec<Option<usize>> = fields.iter().map(|d| d.column().and_then(|f| table.col(&f))).collect();
    let mut out: Vec<Vec<Value>> = Vec::new();
    for r in &table.rows {
        let key: Vec<Value> = cols.iter().map(|c| c.map_or(Value::Null, |i| r[i].clone())).collect();
        if !out.contains(&key) {
            out.push(key);
        }
    }
    Ok(out)
}

/// A number from a value as Vega reads one where it needs a number (`+v`: text is parsed,
/// booleans are 0 or 1); `None` for null and for what is not a finite number.
pub fn number_of(v: &Value) -> Option<f64> {
    match v {
        // Deliberately unlike `+""` (0): an empty cell is a value not reported, never zero.
        Value::Str(s) if s.trim().is_empty() => None,
        Value::Str(s) => Some(crate::grammar::data::js_to_number(s)).filter(|n| n.is_finite()),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        other => other.finite(),
    }
}

/// A date from a value (dates, numbers as ms, text read as a date).
pub fn date_of(v: &Value) -> Option<f64> {
    match v {
        Value::Date(ms) | Value::Num(ms) if ms.is_finite() => Some(*ms),
        Value::Str(s) => crate::grammar::format::date::parse_date(s),
        _ => None,
    }
}
