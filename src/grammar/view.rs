//! One view laid out (a unit or a layer, not a facet or views side by side): scales resolved
//! at the plot's size, the axes (two y axes for a layer with its own y per child), legends
//! beside, above or below, then every unit's marks ([`Chart::draw_units`], also used by the
//! facet and concat layouts) into the one display list.

use crate::error::Error;
use crate::grammar::compile::{palette, Acc, Chart, Compiled, Opts};
use crate::grammar::encoding::Channel;
use crate::grammar::format::Locale;
use crate::grammar::guide::axis::{self, Axis};
use crate::grammar::guide::legend;
use crate::grammar::mark::common::{Ctx, Out};
use crate::grammar::mark::{self, MarkType};
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::spec::Size;
use crate::grammar::Value;
use crate::layout::{Layout, Rect};
use crate::theme::{Rgb, Theme};

impl Chart {
    /// [`Chart::layout`] as one view of a larger one (scales shared with the others, legends
    /// drawn once by the whole).
    pub fn layout_with(&self, width: f64, loc: Locale, theme: &Theme, opts: &Opts) -> Result<Compiled, Error> {
        let width = width.clamp(200.0, 4000.0);
        if let Some(a) = &self.arrange {
            return crate::grammar::concat::layout(self, a, width, loc, theme, opts);
        }
        if let Some(f) = &self.spec.facet {
            return crate::grammar::facet::grid::layout(self, f, width, loc, theme, opts);
        }
        let theme = self.themed(theme);
        let palette = palette(&theme, self.config.mark_color);
        let accent = palette[0];
        let pad = 8.0;
        let n_bands = |sc: &Scales, c: Channel| match sc.get(c).map(|r| r.scale.domain()) {
            Some(crate::grammar::scale::Domain::Discrete(v))
                if sc.get(c).is_some_and(|r| {
                    r.ty == crate::grammar::scale::ScaleType::Band || r.ty == crate::grammar::scale::ScaleType::Point
                }) =>
            {
                Some(v.len())
            }
            _ => None,
        };
        // First pass: domains (ranges at a provisional size) for the guides' sizes.
        let guess_h = match self.spec.height {
            Size::Px(h) => h,
            _ => self.config.height,
        };
        let mut first = scales::resolve(&self.units, Extent { width: width * 0.75, height: guess_h }, &palette)?;
        opts.apply(&mut first);
        let plot_h = match (self.spec.height, n_bands(&first, Channel::Y)) {
            (Size::Px(h), _) => h,
            (Size::Step(s), Some(n)) => s * n.max(1) as f64,
            (_, Some(n)) => self.config.step * n.max(1) as f64 * 1.1,
            _ if self.polar() => (width - 2.0 * pad).min(self.config.height * 1.3),
            _ => self.config.height,
        }
        .clamp(40.0, 3000.0);
        // Each layer its own colours (resolve): its own legend, after the shared ones.
        let own_layers = !self.spec.layer_own.is_empty() && self.units.len() > 1;
        let mut shared_legends = opts.legend_scales(&first);
        shared_legends.list.retain(|r| !own_layers || !self.spec.layer_own.contains(&r.channel));
        let mut legends = legend::plan(&shared_legends, &self.marks(), loc, &theme, self.config.legend_off)?;
        if own_layers && (opts.legends || opts.own_legends.iter().any(|c| self.spec.layer_own.contains(c))) {
            let ext = Extent { width: width * 0.75, height: guess_h };
            for (r, s) in crate::grammar::resolve::layer_scales(self, &first, ext, &palette)? {
                let own =
                    Scales { list: s.list.into_iter().filter(|x| self.spec.layer_own.contains(&x.channel)).collect() };
                let marks: Vec<MarkType> = self.units[r].iter().map(|(u, _)| u.mark.ty).collect();
                legends.extend(legend::plan(&own, &marks, loc, &theme, self.config.legend_off)?);
            }
        }
        let orient = legend::orient(&first, self.config.legend_orient.as_deref());
        let (legend_place, legend_w, mut top) = Legends::place(&legends, orient, width, pad, &theme);
        // Vertical axis labels take at most 40 % of a narrow chart (shortened with "…"), so the
        // plot keeps room on a phone.
        let cap = |a: Option<Axis>| {
            a.map(|mut a| {
                a.limit = a.limit.min((width * 0.4).max(40.0));
                a
            })
        };
        // Dual axes (`resolve.scale.y` independent): each child its own y scale, the first's
        // axis on the left and the second's on the right.
        let own_y = own_layers && self.spec.layer_own.contains(&Channel::Y) && !self.polar();
        let y_axes = |groups: &[(std::ops::Range<usize>, Scales)], sc: &Scales| -> Result<[Option<Axis>; 2], Error> {
            if !own_y {
                return Ok([
                    match sc.get(Channel::Y) {
                        Some(r) if !self.polar() => cap(axis::plan(r, plot_h, loc, &self.config)?),
                        _ => None,
                    },
                    None,
                ]);
            }
            let ys: Vec<&crate::grammar::scales::Resolved> =
                groups.iter().filter_map(|(_, s)| s.get(Channel::Y)).collect();
            if ys.len() > 2 {
                return Err(Error::spec(
                    &self.spec.root.path.key("resolve").key("scale").key("y"),
                    format!(
                        "dual axes take two layers with a y each, one axis left and one right; this layer has {}",
                        ys.len()
                    ),
                ));
            }
            let left = match ys.first() {
                Some(r) => cap(axis::plan(r, plot_h, loc, &self.config)?),
                None => None,
            };
            let right = match ys.get(1) {
                Some(r) => cap(axis::plan(r, plot_h, loc, &self.config)?).map(|mut a| {
                    a.orient = axis::Orient::Right;
                    a
                }),
                None => None,
            };
            Ok([left, right])
        };
        let guess = Extent { width: width * 0.75, height: guess_h };
        let first_groups =
            if own_y { crate::grammar::resolve::layer_scales(self, &first, guess, &palette)? } else { Vec::new() };
        let [y_axis, y_right] = y_axes(&first_groups, &first)?;
        let left = pad + y_axis.as_ref().map_or(0.0, |a| a.thickness());
        let right_w = y_right.as_ref().map_or(0.0, |a| a.thickness());
        let avail = (width - left - right_w - legend_w - pad - 12.0).max(40.0);
        let plot_w = match (self.spec.width, n_bands(&first, Channel::X)) {
            (Size::Px(w), _) => w.min(avail),
            (Size::Step(s), Some(n)) => (s * n.max(1) as f64).min(avail),
            _ => avail,
        };
        let plot_w = if self.polar() { plot_w.min(plot_h) } else { plot_w };
        let mut sc = scales::resolve(&self.units, Extent { width: plot_w, height: plot_h }, &palette)?;
        opts.apply(&mut sc);
        let x_axis: Option<Axis> = match sc.get(Channel::X) {
            Some(r) if !self.polar() => axis::plan(r, plot_w, loc, &self.config)?,
            _ => None,
        };
        let ext = Extent { width: plot_w, height: plot_h };
        let groups =
            if own_layers { crate::grammar::resolve::layer_scales(self, &sc, ext, &palette)? } else { Vec::new() };
        let [y_axis, y_right] = y_axes(&groups, &sc)?;
        let x_top = x_axis.as_ref().is_some_and(|a| a.orient == axis::Orient::Top);
        if x_top {
            top += x_axis.as_ref().map_or(0.0, |a| a.thickness());
        } else {
            top += 6.0;
        }
        let plot_x = if self.polar() { left + (avail - plot_w) / 2.0 } else { left };
        let plot = Rect::new(plot_x, top, plot_w, plot_h);
        let bottom = plot.bottom() + if x_top { 0.0 } else { x_axis.as_ref().map_or(0.0, |a| a.thickness()) } + pad;
        let mut l = Layout::new(width, theme.background, &theme.font);
        l.plot = plot;
        for a in [&y_axis, &x_axis].into_iter().flatten() {
            a.draw_grid(plot, &mut l, &theme);
        }
        let mut acc = Acc::new(l);
        let mut layers = Vec::new();
        if own_layers {
            for (i, (r, s)) in groups.into_iter().enumerate() {
                self.draw_units(r, &s, plot, &theme, loc, accent, &mut acc)?;
                let own = s.list.into_iter().filter(|x| self.spec.layer_own.contains(&x.channel)).collect();
                layers.push((format!("layer_{i}"), Scales { list: own }));
            }
        } else {
            self.draw_units(0..self.units.len(), &sc, plot, &theme, loc, accent, &mut acc)?;
        }
        let l = &mut acc.layout;
        for a in [&y_axis, &y_right, &x_axis].into_iter().flatten() {
            a.draw(plot, l, &theme);
        }
        l.height = draw_legends(l, &legends, legend_place.beside_from(plot.y), bottom, pad, &theme).ceil();
        let mut compiled = acc.finish(sc);
        compiled.views = layers;
        Ok(compiled)
    }

    /// Draws the marks of `units` (a range of [`Chart::units`]) into `plot`, with scales `sc`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn draw_units(
        &self,
        units: std::ops::Range<usize>,
        sc: &Scales,
        plot: Rect,
        theme: &Theme,
        loc: Locale,
        accent: Rgb,
        acc: &mut Acc,
    ) -> Result<(), Error> {
        let layered = units.len() > 1;
        for (u, f) in &self.units[units] {
            let first_record = acc.records.len();
            let first_label = acc.layout.labels.len();
            let ctx =
                Ctx { unit: u, flowed: f, scales: sc, plot, theme, loc, accent, source: self.spec.source.as_deref() };
            let (mut count, mut overlay) = (0, 0);
            let mut out = Out {
                layout: &mut acc.layout,
                dropped: &mut acc.dropped,
                records: &mut acc.records,
                item_records: &mut acc.item_records,
                count: &mut count,
                overlay: &mut overlay,
            };
            match u.mark.ty {
                MarkType::Bar => mark::bar::draw(&ctx, &mut out)?,
                MarkType::Line => mark::line::draw(&ctx, &mut out)?,
                MarkType::Area => mark::area::draw(&ctx, &mut out)?,
                MarkType::Point | MarkType::Circle | MarkType::Square => mark::point::draw(&ctx, &mut out)?,
                MarkType::Tick => mark::tick::draw(&ctx, &mut out)?,
                MarkType::Rule => mark::rule::draw(&ctx, &mut out)?,
                MarkType::Text => mark::text::draw(&ctx, &mut out)?,
                MarkType::Rect => mark::rect::draw(&ctx, &mut out)?,
                MarkType::Arc => mark::arc::draw(&ctx, &mut out)?,
                MarkType::Trail => mark::trail::draw(&ctx, &mut out)?,
            }
            acc.unit_labels.push(first_label..acc.layout.labels.len());
            acc.unit_plots.push(plot);
            // An area's `line` and a line's `point` overlay are marks of their own in Vega.
            let over = match u.mark.ty {
                MarkType::Area => Some(MarkType::Line),
                MarkType::Line => Some(MarkType::Point),
                _ => None,
            };
            let extra = over.filter(|_| overlay > 0).map(|m| (m, overlay));
            for (ty, n) in std::iter::once((u.mark.ty, count)).chain(extra) {
                match acc.counts.iter_mut().find(|(m, _)| *m == ty) {
                    Some(c) => c.1 += n,
                    None => acc.counts.push((ty, n)),
                }
            }
            if layered {
                // Layers show different fields: each record says which layer's mark it is.
                let word = crate::grammar::words::pick(loc, "Mark", "标记");
                for r in &mut acc.records[first_record..] {
                    r.insert(0, (word.to_string(), Value::str(u.mark.ty.name())));
                }
            }
        }
        Ok(())
    }
}

/// Where a chart's legends go.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Legends {
    /// In a column this wide at the right, from `top` down.
    Beside {
        /// Where the first legend starts.
        top: f64,
        /// The column's width.
        width: f64,
    },
    /// Under the chart.
    Below,
    /// Above the chart, from this y (their room was kept there).
    Top(f64),
}

impl Legends {
    /// Where `legends` go in a chart `width` px wide (`orient`: the spec's legend orient):
    /// beside the plot from 640 px unless the spec puts them above or below, else stacked
    /// above it from `pad` (or under it). Returns the place (beside: from the top given later,
    /// [`Legends::beside_from`]), the width taken beside, and where what comes under legends
    /// above starts.
    pub(crate) fn place(
        legends: &[legend::Legend],
        orient: Option<&str>,
        width: f64,
        pad: f64,
        theme: &Theme,
    ) -> (Legends, f64, f64) {
        if width >= 640.0 && !legends.is_empty() && !matches!(orient, Some("top" | "bottom")) {
            let w = legends.iter().map(|l| l.width()).fold(0.0, f64::max).min(220.0) + 16.0;
            return (Legends::Beside { top: pad, width: w }, w, pad);
        }
        if orient == Some("bottom") {
            return (Legends::Below, 0.0, pad);
        }
        let top = legends.iter().map(|lg| lg.height(width - 2.0 * pad, theme) + 6.0).fold(pad, |a, h| a + h);
        (Legends::Top(pad), 0.0, top)
    }

    /// The same place, legends beside starting at `top`.
    pub(crate) fn beside_from(self, top: f64) -> Legends {
        match self {
            Legends::Beside { width, .. } => Legends::Beside { top, width },
            other => other,
        }
    }
}

/// Draws `legends` where `place` says, in a layout whose content ends at `bottom`; returns the
/// layout's height (the content's, or the legends' when they reach lower).
pub(crate) fn draw_legends(
    l: &mut Layout,
    legends: &[legend::Legend],
    place: Legends,
    bottom: f64,
    pad: f64,
    theme: &Theme,
) -> f64 {
    let width = l.width;
    match place {
        Legends::Beside { top, width: w } => {
            let mut y = top;
            for lg in legends {
                y = lg.draw(l, width - w + 8.0, y, w - 16.0, theme) + 8.0;
            }
            bottom.max(y + pad)
        }
        Legends::Below => {
            let mut y = bottom;
            for lg in legends {
                y = lg.draw(l, pad, y, width - 2.0 * pad, theme) + 6.0;
            }
            bottom.max(y + pad)
        }
        Legends::Top(top) => {
            let mut y = top;
            for lg in legends {
                y = lg.draw(l, pad, y, width - 2.0 * pad, theme) + 6.0;
            }
            bottom
        }
    }
}
