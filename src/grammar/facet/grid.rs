//! The panels of a facet laid out in a grid ([`layout`]; their data is split by `split.rs`)
//! that reflows to fewer columns when panels would fall below a readable width.
//! Scales are shared unless `resolve` makes x, y or colour independent; a shared y axis is
//! drawn once per row (left), a shared x axis once per column (under its lowest panel);
//! legends once, but an independent colour scale's over each panel (none over an empty one).
//! Every panel's marks go into the one display list, in reading order, so the keyboard steps
//! through one panel and on into the next; each record starts with the panel's facet values.

use crate::error::Error;
use crate::grammar::compile::{draw_legends, palette, Acc, Chart, Compiled, Legends, Opts, Panel};
use crate::grammar::encoding::Channel;
use crate::grammar::facet::cells::field_header;
use crate::grammar::facet::edges::Side;
use crate::grammar::facet::{header, Facet};
use crate::grammar::format::Locale;
use crate::grammar::guide::axis::{self, Axis};
use crate::grammar::guide::header::{HeaderStyle, Place};
use crate::grammar::guide::legend;
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::spec::Size;
use crate::layout::{Layout, Rect};
use crate::theme::Theme;

/// Narrowest panel worth drawing: below it, the grid wraps to fewer columns.
pub const MIN_PANEL_WIDTH: f64 = 150.0;

/// Where each panel goes for `cols` columns: (row, column), in panel order.
fn places(chart: &Chart, f: &Facet, cols: usize, natural_cols: usize) -> Vec<(usize, usize)> {
    chart
        .panels
        .iter()
        .enumerate()
        .map(
            |(i, p)| {
                if f.wrap.is_none() && cols == natural_cols {
                    (p.key.row, p.key.col)
                } else {
                    (i / cols, i % cols)
                }
            },
        )
        .collect()
}

/// The scales of one panel: the shared ones, with x and/or y resolved on its own rows when
/// `resolve` makes them independent.
fn panel_scales(
    chart: &Chart,
    f: &Facet,
    p: &Panel,
    shared: &Scales,
    ext: Extent,
    pal: &[crate::theme::Rgb],
) -> Result<Scales, Error> {
    let theta = f.independent_theta && shared.get(Channel::Theta).is_some();
    if !(f.independent_x.0 || f.independent_y.0 || theta || f.independent_color)
        || chart.units[p.units.clone()].iter().all(|(_, fl)| fl.table.rows.is_empty())
    {
        return Ok(shared.clone());
    }
    let own = scales::resolve(&chart.units[p.units.clone()], ext, pal)?;
    let mut out = shared.clone();
    let own_color = f.independent_color;
    let flags = [
        (f.independent_x.0, Channel::X),
        (f.independent_y.0, Channel::Y),
        (theta, Channel::Theta),
        (own_color, Channel::Color),
    ];
    for (flag, ch) in flags {
        if let (true, Some(r)) = (flag, own.get(ch)) {
            out.list.retain(|x| x.channel != ch);
            out.list.push(r.clone());
        }
    }
    Ok(out)
}

/// "site: North" (each facet field's title and this panel's value), for tooltips.
fn panel_line(f: &Facet, key: &crate::grammar::facet::CellKey, loc: Locale) -> String {
    f.fields()
        .iter()
        .enumerate()
        .map(|(i, ff)| {
            let name = ff.def.title.clone().or(ff.def.field.clone()).unwrap_or_default();
            let end = key.ends.get(i).and_then(|e| e.as_ref());
            format!("{name}: {}", crate::grammar::facet::cells::label(ff, &key.values[i], end, loc))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lays the panels out `width` px wide.
pub fn layout(
    chart: &Chart,
    f: &Facet,
    width: f64,
    loc: Locale,
    theme: &Theme,
    opts: &Opts,
) -> Result<Compiled, Error> {
    let theme = chart.themed(theme);
    let pal = palette(&theme, chart.config.mark_color);
    let accent = pal[0];
    let pad = 8.0;
    let n = chart.panels.len().max(1);
    let natural_cols = match f.wrap {
        Some(_) => f.columns.unwrap_or(n).clamp(1, n),
        None => chart.panels.iter().map(|p| p.key.col + 1).max().unwrap_or(1),
    };
    let mut first = scales::resolve(&chart.units, Extent { width: 200.0, height: 200.0 }, &pal)?;
    opts.apply(&mut first);
    // An independent colour scale is legended in each panel, not once.
    let mut once = opts.legend_scales(&first);
    if f.independent_color {
        once.list.retain(|r| r.channel != Channel::Color);
    }
    let legends = legend::plan(&once, &chart.marks(), loc, &theme, chart.config.legend_off)?;
    let orient = legend::orient(&first, chart.config.legend_orient.as_deref());
    let (legend_place, legend_w, mut top) = Legends::place(&legends, orient, width, pad, &theme);
    let cap = |a: Option<Axis>| {
        a.map(|mut a| {
            a.limit = a.limit.min((width * 0.3).max(40.0));
            a
        })
    };
    let y_thick = |sc: &Scales, h: f64| -> Result<f64, Error> {
        Ok(match sc.get(Channel::Y) {
            Some(r) => cap(axis::plan(r, h, loc, &chart.config)?).map_or(0.0, |a| a.thickness()),
            None => 0.0,
        })
    };
    let guess_h = match chart.spec.height {
        Size::Px(h) => h,
        _ => chart.config.height.min(200.0),
    };
    let yth0 = y_thick(&first, guess_h)?;
    let inner = width - 2.0 * pad - legend_w;
    let bands = |c: Channel| match first.get(c).map(|r| r.scale.domain()) {
        Some(crate::grammar::scale::Domain::Discrete(v)) if first.get(c).is_some_and(|r| r.scale.bandwidth() > 0.0) => {
            Some(v.len())
        }
        _ => None,
    };
    // The panels' width depends on the y axis's, which depends on the panels' height: sized
    // with a first guess of the axis, then again with the axis actually planned if it is wider.
    let size = |inner: f64| -> Result<_, Error> {
        let mut yth = yth0;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let panel_w = |cols: usize| {
                let axes = if f.independent_y.1 { cols as f64 * yth } else { yth };
                ((inner - axes - (cols - 1) as f64 * f.spacing) / cols as f64).floor()
            };
            // Narrower than their own width (or the least readable one), panels wrap instead.
            let min_w = match chart.spec.width {
                Size::Px(w) => w.max(MIN_PANEL_WIDTH),
                _ => MIN_PANEL_WIDTH,
            };
            let mut cols = natural_cols;
            while cols > 1 && panel_w(cols) < min_w {
                cols -= 1;
            }
            let avail = panel_w(cols).max(40.0);
            let plot_w = match (chart.spec.width, bands(Channel::X)) {
                (Size::Px(w), _) => w.min(avail),
                (Size::Step(s), Some(k)) => (s * k.max(1) as f64).min(avail),
                _ => avail,
            };
            let plot_h = match (chart.spec.height, bands(Channel::Y)) {
                (Size::Px(h), _) => h,
                (Size::Step(s), Some(k)) => s * k.max(1) as f64,
                (_, Some(k)) => chart.config.step * k.max(1) as f64 * 1.1,
                _ => (plot_w * 0.75).clamp(120.0, chart.config.height),
            }
            .clamp(40.0, 3000.0);
            let ext = Extent { width: plot_w, height: plot_h };
            let mut shared = scales::resolve(&chart.units, ext, &pal)?;
            opts.apply(&mut shared);
            let place = places(chart, f, cols, natural_cols);
            // Every panel's scales and axes first: the rows' heights depend on the x axes drawn.
            let mut plans = Vec::new();
            for (i, p) in chart.panels.iter().enumerate() {
                let sc = panel_scales(chart, f, p, &shared, ext, &pal)?;
                let (r, c) = place[i];
                let lowest = !place.iter().any(|&(r2, c2)| c2 == c && r2 > r);
                let x_axis = match sc.get(Channel::X) {
                    Some(x) if f.independent_x.1 || lowest => axis::plan(x, plot_w, loc, &chart.config)?,
                    _ => None,
                };
                let y_axis = match sc.get(Channel::Y) {
                    Some(y) if f.independent_y.1 || c == 0 => cap(axis::plan(y, plot_h, loc, &chart.config)?),
                    _ => None,
                };
                // Grid lines in every panel, whether or not it carries the axis.
                let grids = [Channel::X, Channel::Y]
                    .iter()
                    .filter_map(|ch| sc.get(*ch).map(|r| (*ch, r)))
                    .map(|(ch, r)| axis::plan(r, if ch == Channel::X { plot_w } else { plot_h }, loc, &chart.config))
                    .collect::<Result<Vec<_>, _>>()?;
                plans.push((sc, x_axis, y_axis, grids));
            }
            let real = plans.iter().filter_map(|p| p.2.as_ref()).map(|a| a.thickness()).fold(0.0, f64::max);
            if real <= yth + 0.5 || attempt >= 3 {
                break Ok((plot_w, plot_h, shared, place, plans, yth, cols));
            }
            yth = real;
        }
    };
    // A row headed on the left keeps its headers there while the grid keeps its columns; a
    // grid reflowed for a narrow screen writes each panel's values over it instead.
    let mut side = Side::plan(chart, f, width, loc);
    let mut sized = size(inner - side.as_ref().map_or(0.0, |s| s.width))?;
    if side.is_some() && sized.6 < natural_cols {
        side = None;
        sized = size(inner)?;
    }
    let (plot_w, plot_h, shared, place, plans, yth, _) = sized;
    let left = side.as_ref().map_or(0.0, |s| s.width);
    // Over (or under) the panels: every field's values, or only the column's beside row headers.
    let line: Vec<usize> =
        (0..f.fields().len()).filter(|&i| side.is_none() || (f.row.is_some() && i > 0) || f.row.is_none()).collect();
    let title: Vec<&str> =
        line.iter().filter_map(|&i| f.fields()[i].title.as_deref()).filter(|t| !t.is_empty()).collect();
    let title = title.join(" · ");
    let style = f.style();
    let title_top = (!title.is_empty() && style.title.place == Place::Top).then(|| {
        top += style.title_band();
        top - style.title_band()
    });
    let labelled = line.iter().any(|&i| f.fields()[i].labels);
    let header_h = if labelled { style.label_band() } else { 0.0 };
    // With row headers beside them, the column labels take one band over the top row (or under
    // the bottom one); otherwise each row of panels has its band.
    let (row_h, grid_top, grid_bottom) = match (&side, style.label.place) {
        (None, _) => (header_h, 0.0, 0.0),
        (Some(_), Place::Bottom) => (0.0, 0.0, header_h),
        (Some(_), _) => (0.0, header_h, 0.0),
    };
    // Labels above the panels sit between the row's top and its plots; below, under the x axes.
    let above = if style.label.place == Place::Bottom { 0.0 } else { row_h };
    let rows = place.iter().map(|p| p.0 + 1).max().unwrap_or(1);
    let x_th = |a: &Option<Axis>| a.as_ref().filter(|a| a.orient != axis::Orient::Top).map_or(0.0, |a| a.thickness());
    // Each panel's own colour legend (an independent colour scale), over the panel.
    let mut panel_legends = Vec::new();
    for (i, (sc, ..)) in plans.iter().enumerate() {
        let empty = chart.units[chart.panels[i].units.clone()].iter().all(|(_, fl)| fl.table.rows.is_empty());
        let draws = (opts.legends || opts.own_legends.contains(&Channel::Color)) && !empty;
        let own = match (f.independent_color && draws, sc.get(Channel::Color)) {
            (true, Some(r)) => Scales { list: vec![r.clone()] },
            _ => Scales::default(),
        };
        let lg = legend::plan(&own, &chart.marks(), loc, &theme, chart.config.legend_off)?;
        let h: f64 = lg.iter().map(|l| l.height(plot_w, &theme) + 6.0).sum();
        panel_legends.push((lg, h));
    }
    let mut row_y = vec![top + 6.0 + grid_top];
    let mut row_axis = Vec::new();
    let mut row_legend = Vec::new();
    for r in 0..rows {
        let in_row: Vec<usize> = (0..plans.len()).filter(|&i| place[i].0 == r).collect();
        let axis_h = in_row.iter().map(|&i| x_th(&plans[i].1)).fold(0.0, f64::max);
        let legend_h = in_row.iter().map(|&i| panel_legends[i].1).fold(0.0, f64::max);
        row_axis.push(axis_h);
        row_legend.push(legend_h);
        row_y.push(row_y[r] + row_h + legend_h + plot_h + axis_h + f.spacing);
    }
    let col_x = |c: usize| {
        let step = plot_w + f.spacing + if f.independent_y.1 { yth } else { 0.0 };
        pad + left + yth + c as f64 * step
    };
    let mut union: Option<Rect> = None;
    let mut acc = Acc::new(Layout::new(width, theme.background, &theme.font));
    let mut axes = Vec::new();
    for (i, p) in chart.panels.iter().enumerate() {
        let (r, c) = place[i];
        let (sc, x_axis, y_axis, grids) = &plans[i];
        let plot = Rect::new(col_x(c), row_y[r] + above + row_legend[r], plot_w, plot_h);
        let mut ly = row_y[r] + above;
        for lg in &panel_legends[i].0 {
            ly = lg.draw(&mut acc.layout, plot.x, ly, plot_w, &theme) + 6.0;
        }
        union = Some(match union {
            None => plot,
            Some(u) => {
                let (x0, y0) = (u.x.min(plot.x), u.y.min(plot.y));
                Rect::new(x0, y0, u.right().max(plot.right()) - x0, u.bottom().max(plot.bottom()) - y0)
            }
        });
        for g in grids.iter().flatten() {
            g.draw_grid(plot, &mut acc.layout, &theme);
        }
        // Beside row headers, a column's label once: over its top panel (under its bottom one).
        let heads = side.is_none()
            || match style.label.place {
                Place::Bottom => !place.iter().any(|&(r2, c2)| c2 == c && r2 > r),
                _ => !place.iter().any(|&(r2, c2)| c2 == c && r2 < r),
            };
        if labelled && heads {
            let text = match side {
                None => header(f, &p.key, loc),
                Some(_) => line.iter().filter_map(|&i| field_header(f, i, &p.key, loc)).collect::<Vec<_>>().join(" · "),
            };
            let edge = match (&side, style.label.place) {
                (None, Place::Bottom) => plot.bottom() + row_axis[r],
                (Some(_), Place::Bottom) => row_y[rows] - f.spacing,
                (None, _) => plot.y - row_legend[r],
                (Some(_), _) => row_y[0],
            };
            acc.layout.labels.push(style.label_at(&text, plot.x, plot_w, edge, &theme));
        }
        let first_record = acc.records.len();
        let first_item = acc.layout.items.len();
        chart.draw_units(p.units.clone(), sc, plot, &theme, loc, accent, &mut acc)?;
        // The tooltip and the keyboard's announcement say which panel a mark is in.
        let panel_line = panel_line(f, &p.key, loc);
        for it in &mut acc.layout.items[first_item..] {
            it.lines.insert(0, panel_line.clone());
        }
        let named: Vec<(String, crate::grammar::Value)> = f
            .fields()
            .iter()
            .zip(&p.key.values)
            .map(|(ff, v)| (ff.def.title.clone().or(ff.def.field.clone()).unwrap_or_default(), v.clone()))
            .collect();
        for rec in &mut acc.records[first_record..] {
            rec.splice(0..0, named.iter().cloned());
        }
        axes.push((plot, x_axis.clone(), y_axis.clone()));
    }
    for (plot, x, y) in &axes {
        for a in [y, x].into_iter().flatten() {
            a.draw(*plot, &mut acc.layout, &theme);
        }
    }
    let l = &mut acc.layout;
    if let Some(sd) = &side {
        let tops: Vec<(f64, f64)> = (0..rows).map(|r| (row_y[r] + row_legend[r], plot_h)).collect();
        sd.draw(l, pad, &tops, &theme);
    }
    let mut bottom = row_y[rows] - f.spacing + grid_bottom;
    // Beside row headers the column title is centred over the columns, as Vega-Lite writes it.
    let titled = |s: &HeaderStyle, y: f64| match side {
        None => s.title_at(&title, pad, inner, y, &theme),
        Some(_) => {
            let x0 = col_x(0);
            let cols = place.iter().map(|p| p.1 + 1).max().unwrap_or(1);
            s.title_over(&title, x0, col_x(cols - 1) + plot_w - x0, y, &theme)
        }
    };
    match title_top {
        Some(y) => l.labels.push(titled(&style, y)),
        None if !title.is_empty() => {
            l.labels.push(titled(&style, bottom));
            bottom += style.title_band();
        }
        None => {}
    }
    let bottom = bottom + pad;
    let height = draw_legends(l, &legends, legend_place.beside_from(top + 6.0), bottom, pad, &theme);
    l.plot = union.unwrap_or(Rect::new(pad, top, plot_w, plot_h));
    l.height = height.ceil();
    Ok(acc.finish(shared))
}
