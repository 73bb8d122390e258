//! A facet's data flow: each unit's data read and run through the facet's own transforms
//! once, split into the panels ([`flow`]), then each panel's rows through the view's own
//! transforms and what its encoding implies, with bins shared by every panel.

use crate::error::{Error, Path};
use crate::grammar::compile::Panel;
use crate::grammar::encoding::FieldDef;
use crate::grammar::facet::{cells, Facet};
use crate::grammar::flow::{self, Cell, Flowed, Unit};
use crate::grammar::transform::Sources;

/// Reads each unit's data once, splits it into the panels, and runs the view's own flow per
/// panel. Cells that did not parse, and rows the facet's own filters removed, are reported
/// once (by the first panel), not once per panel.
#[allow(clippy::type_complexity)]
pub fn flow(
    f: &Facet,
    root: &Path,
    list: &[Unit],
    text: &dyn Fn(&str) -> Result<String, String>,
    src: &dyn Sources,
) -> Result<(Vec<(Unit, Flowed)>, Vec<Panel>), Error> {
    let top = root.key("data");
    for u in list {
        if let Some((_, p)) = &u.data {
            if *p != top {
                return Err(Error::spec(
                    p,
                    "a view inside a facet draws the facet's data: give \"data\" at the top level",
                ));
            }
        }
    }
    let Some(first) = list.first() else { return Ok((Vec::new(), Vec::new())) };
    let defs: Vec<FieldDef> = f.fields().iter().map(|ff| ff.def.clone()).collect();
    // A binned field's panels are headed by their range: its bin ends are read with the values.
    let ends: Vec<FieldDef> = crate::grammar::facet::derive::end_columns(f)
        .into_iter()
        .zip(&defs)
        .map(|(c, d)| FieldDef { field: c, bin: None, time_unit: None, ..d.clone() })
        .collect();
    let probe: Vec<FieldDef> = defs.iter().chain(&ends).cloned().collect();
    let found = flow::cell_values(first, f.at, &probe, text, src)?;
    let keys = cells(f, &found, &defs[0].path)?;
    // Each unit's data is read and split once; the view's own flow then runs per panel.
    let values: Vec<Vec<crate::grammar::Value>> = keys.iter().map(|k| k.values.clone()).collect();
    let mut split = Vec::new();
    for u in list {
        split.push(flow::split(u, f.at, &defs, &values, text, src)?);
    }
    // Each panel's rows through the view's transforms, for every unit.
    let mut staged = Vec::new();
    for i in 0..keys.len() {
        let mut row = Vec::new();
        for (u, (cells, problems, filtered)) in list.iter().zip(&mut split) {
            let rows = std::mem::replace(&mut cells[i], crate::grammar::Table::with_fields(Vec::new()));
            // The shared part's problems and filter counts go with the first panel, once.
            let (p, fl) =
                if i == 0 { (std::mem::take(problems), std::mem::take(filtered)) } else { (Vec::new(), Vec::new()) };
            let (t, fl) = flow::transform_from(u, rows, f.at, fl, src)?;
            row.push((t, p, fl));
        }
        staged.push(row);
    }
    // Bins in the encoding are the same in every panel: over all the panels' rows.
    let list: Vec<Unit> = list
        .iter()
        .enumerate()
        .map(|(k, u)| crate::grammar::facet::derive::shared_bins(u, staged.iter().map(|row| &row[k].0)))
        .collect();
    let mut units = Vec::new();
    let mut panels = Vec::new();
    for (key, row) in keys.into_iter().zip(staged) {
        let start = units.len();
        for (u, (t, p, fl)) in list.iter().zip(row) {
            let mut u = u.clone();
            u.cell = Some(Cell { at: f.at, keep: defs.iter().cloned().zip(key.values.iter().cloned()).collect() });
            let flowed = flow::derive_rest(&u, t, p, fl, src)?;
            units.push((u, flowed));
        }
        panels.push(Panel { key, units: start..units.len() });
    }
    Ok((units, panels))
}
