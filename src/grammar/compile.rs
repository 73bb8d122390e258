//! The whole pipeline for one spec: [`Chart::new`] reads the spec and runs every unit's data
//! flow once; [`Chart::layout`] resolves scales, guides and marks for a width into the one
//! [`Layout`] display list, with hit items, one record per mark and Vega-Lite's mark counts.

use crate::error::{Error, Path};
use crate::grammar::config::Config;
use crate::grammar::data::{self, DataDef};
use crate::grammar::encoding::Channel;
use crate::grammar::flow::{self, Flowed, Unit};
use crate::grammar::format::Locale;
use crate::grammar::guide::axis::{self, Axis};
use crate::grammar::guide::legend;
use crate::grammar::mark::common::{Ctx, Out};
use crate::grammar::mark::{self, MarkType};
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::spec::{Size, Spec};
use crate::grammar::transform::Sources;
use crate::grammar::{Json, Table, Value};
use crate::layout::{Layout, Rect};
use crate::theme::{Rgb, Theme};

/// A spec read and its data flowed, ready to be laid out at any width.
#[derive(Debug, Clone)]
pub struct Chart {
    /// The spec.
    pub spec: Spec,
    /// Its config.
    pub config: Config,
    /// Units with their rows (in a facet, every panel's units, panel after panel).
    pub units: Vec<(Unit, Flowed)>,
    /// In a facet, each panel with the range of `units` it draws; empty otherwise.
    pub panels: Vec<Panel>,
    /// In a concatenation (`hconcat`, `vconcat`, `concat`, `repeat`), each view as a chart of
    /// its own, with the prefix Vega-Lite gives its scales (`concat_0`); empty otherwise.
    pub parts: Vec<(Chart, String)>,
    /// How the parts are arranged.
    pub arrange: Option<crate::grammar::concat::Arrange>,
}

/// One panel of a facet.
#[derive(Debug, Clone)]
pub struct Panel {
    /// Its place and values.
    pub key: crate::grammar::facet::CellKey,
    /// The range of [`Chart::units`] it draws.
    pub units: std::ops::Range<usize>,
}

/// What laying marks out accumulates, across the units (and panels) of a chart.
pub(crate) struct Acc {
    pub layout: Layout,
    pub dropped: usize,
    pub records: Vec<Vec<(String, Value)>>,
    pub item_records: Vec<usize>,
    pub counts: Vec<(MarkType, usize)>,
    pub unit_labels: Vec<std::ops::Range<usize>>,
    pub unit_plots: Vec<Rect>,
}

impl Acc {
    pub fn new(layout: Layout) -> Acc {
        Acc {
            layout,
            dropped: 0,
            records: Vec::new(),
            item_records: Vec::new(),
            counts: Vec::new(),
            unit_labels: Vec::new(),
            unit_plots: Vec::new(),
        }
    }

    pub fn finish(self, scales: Scales) -> Compiled {
        Compiled {
            layout: self.layout,
            scales,
            counts: self.counts,
            records: self.records,
            item_records: self.item_records,
            dropped: self.dropped,
            unit_labels: self.unit_labels,
            unit_plots: self.unit_plots,
            views: Vec::new(),
        }
    }
}

/// A layout and what was computed on the way.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The display list.
    pub layout: Layout,
    /// The resolved scales.
    pub scales: Scales,
    /// Marks drawn per mark type, counted as Vega-Lite counts them.
    pub counts: Vec<(MarkType, usize)>,
    /// One record per hit item: the fields its mark shows.
    pub records: Vec<Vec<(String, Value)>>,
    /// For each hit item of the layout, the index in `records` of the mark it points at.
    pub item_records: Vec<usize>,
    /// Rows not drawn because a value they need is missing.
    pub dropped: usize,
    /// For each unit (layer), the range of `layout.labels` its marks wrote (for passes that
    /// place one layer's labels, like the shorthand's slope labels).
    pub unit_labels: Vec<std::ops::Range<usize>>,
    /// For each unit, beside [`Compiled::unit_labels`], the plot area it drew in (a facet's
    /// panel, a concatenated view's plot), for passes that keep labels inside it.
    pub unit_plots: Vec<Rect>,
    /// In a concatenation, each view's scales with the prefix Vega-Lite names them by
    /// (`concat_0`); `scales` then holds only the shared ones.
    pub views: Vec<(String, Scales)>,
}

/// How one view is laid out inside a larger one.
#[derive(Debug, Clone, Copy)]
pub struct Opts<'a> {
    /// Scales shared with other views: its non-position channels use these.
    pub shared: Option<&'a Scales>,
    /// Whether it draws its own legends (not when the enclosing view draws them once).
    pub legends: bool,
    /// Channels it draws legends for even when the enclosing view draws the others
    /// (`resolve` independent).
    pub own_legends: &'a [Channel],
}

impl Default for Opts<'_> {
    fn default() -> Self {
        Opts { shared: None, legends: true, own_legends: &[] }
    }
}

impl Opts<'_> {
    /// The scales of `sc` whose legends the view draws: all of them when it draws its own
    /// legends, else those of [`Opts::own_legends`].
    pub fn legend_scales(&self, sc: &Scales) -> Scales {
        let keep = |c: Channel| self.legends || self.own_legends.contains(&c);
        Scales { list: sc.list.iter().filter(|r| keep(r.channel)).cloned().collect() }
    }

    /// `sc` with the shared scales in place of its own non-position ones.
    pub fn apply(&self, sc: &mut Scales) {
        let Some(shared) = self.shared else { return };
        for r in &shared.list {
            if crate::grammar::concat::positional(r.channel) {
                continue;
            }
            if let Some(mine) = sc.list.iter_mut().find(|x| x.channel == r.channel) {
                *mine = r.clone();
            }
        }
    }
}

/// Most layered units.
const MAX_UNITS: usize = 32;

/// Every `data.url` a spec needs, in order, deduplicated (the caller fetches them).
pub fn urls(json: &Json) -> Vec<String> {
    fn walk(j: &Json, under_data: bool, out: &mut Vec<String>, depth: usize) {
        if depth > 64 {
            return;
        }
        match j {
            Json::Obj(o) => {
                if under_data {
                    if let Some(Json::Str(u)) = j.get("url") {
                        if !out.contains(u) {
                            out.push(u.clone());
                        }
                    }
                }
                for (k, v) in o {
                    walk(v, k == "data", out, depth + 1);
                }
            }
            Json::Arr(a) => a.iter().for_each(|v| walk(v, false, out, depth + 1)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(json, false, &mut out, 0);
    out
}

struct Src<'a> {
    datasets: &'a [(String, Json)],
    text: &'a dyn Fn(&str) -> Result<String, String>,
}

impl Sources for Src<'_> {
    fn load(&self, data: &Json, path: &Path) -> Result<Table, Error> {
        let def = DataDef::parse(data, path)?.resolve(self.datasets, path)?;
        let text = match &def.source {
            data::Source::Url(u) => Some((self.text)(u).map_err(|why| Error::Data {
                path: path.key("url"),
                row: None,
                message: format!("\"{u}\" could not be loaded ({why})"),
            })?),
            _ => None,
        };
        Ok(data::load(&def, path, text.as_deref(), &[])?.table)
    }
}

impl Chart {
    /// Reads `json` and runs its data flow; `text(url)` gives each fetched `data.url`'s text (or
    /// why it could not be fetched: the error then names the path and the reason).
    pub fn new(json: &Json, text: &dyn Fn(&str) -> Result<String, String>) -> Result<Chart, Error> {
        Chart::new_at(json, &Path::root(), text)
    }

    /// [`Chart::new`] for a spec found at `root` (a concatenated view), its errors named by
    /// their path from the top.
    pub fn new_at(json: &Json, root: &Path, text: &dyn Fn(&str) -> Result<String, String>) -> Result<Chart, Error> {
        Chart::new_in(json, root, text, &[])
    }

    /// [`Chart::new_at`] for a view inside a concatenation, whose units that read the data it
    /// inherits first run the transforms written above it (`inherited`).
    pub fn new_in(
        json: &Json,
        root: &Path,
        text: &dyn Fn(&str) -> Result<String, String>,
        inherited: &[(crate::grammar::transform::Transform, Path)],
    ) -> Result<Chart, Error> {
        if let Some(l) = crate::grammar::repeat_layer::layered(json, root)? {
            let chart = Chart::new_in(&l, root, text, inherited);
            return chart.map_err(|e| crate::grammar::repeat_layer::remap(e, root, &root.key("spec")));
        }
        if let Some(c) = crate::grammar::concat::parse(json, root)? {
            return crate::grammar::concat::chart(c, json, root, text, inherited);
        }
        let json = crate::grammar::composite::normalize_at(json, root)?;
        let mut spec = Spec::parse_at(&json, root)?;
        let config = Config::parse(&spec.config, &root.key("config"))?;
        let mut list = flow::units(&spec.root);
        crate::grammar::inherit::apply(&mut list, root, inherited, spec.facet.as_mut());
        if let Some(f) = spec.facet.as_mut() {
            crate::grammar::facet::derive::insert(f, &mut list)?;
        }
        if list.len() > MAX_UNITS {
            return Err(Error::spec(&root.key("layer"), format!("more than {MAX_UNITS} layered marks")));
        }
        let src = Src { datasets: &spec.datasets, text };
        for u in &mut list {
            if let Some((d, p)) = &u.data {
                u.data = Some((d.resolve(&spec.datasets, p)?, p.clone()));
            }
        }
        let (units, panels) = match &spec.facet {
            Some(f) => crate::grammar::facet::split::flow(f, root, &list, text, &src)?,
            None => {
                let mut units = Vec::new();
                for u in list {
                    let f = flow::run(&u, text, &src)?;
                    units.push((u, f));
                }
                (units, Vec::new())
            }
        };
        let chart = Chart { spec, config, units, panels, parts: Vec::new(), arrange: None };
        chart.check()?;
        Ok(chart)
    }

    /// Resolves the scales and plans the guides once, so a spec that cannot be drawn is refused
    /// when it is read (with its path), not at the first draw.
    fn check(&self) -> Result<(), Error> {
        let theme = Theme::get(crate::theme::ThemeName::Light);
        let sc = scales::resolve(
            &self.units,
            Extent { width: 480.0, height: self.config.height },
            &palette(&theme, self.config.mark_color),
        )?;
        for c in [Channel::X, Channel::Y] {
            if let Some(r) = sc.get(c) {
                axis::plan(r, 480.0, Locale::En, &self.config)?;
            }
        }
        legend::plan(&sc, &self.marks(), Locale::En, &theme, self.config.legend_off)?;
        Ok(())
    }

    /// The mark types drawn, in layer order.
    pub fn marks(&self) -> Vec<MarkType> {
        self.units.iter().map(|(u, _)| u.mark.ty).collect()
    }

    fn polar(&self) -> bool {
        self.units.iter().all(|(u, _)| u.mark.ty == MarkType::Arc)
    }

    /// The theme with the spec's `background` and font.
    pub(crate) fn themed(&self, theme: &Theme) -> Theme {
        let mut theme = theme.clone();
        if let Some(bg) = self.config.background {
            theme.background = bg;
        }
        if let Some(f) = &self.config.font {
            theme.font = f.clone();
        }
        theme
    }

    /// Lays the chart out `width` CSS px wide.
    pub fn layout(&self, width: f64, loc: Locale, theme: &Theme) -> Result<Compiled, Error> {
        self.layout_with(width, loc, theme, &Opts::default())
    }

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
        let below = orient == Some("bottom");
        let beside = width >= 640.0 && !legends.is_empty() && !matches!(orient, Some("top" | "bottom"));
        let legend_w =
            if beside { legends.iter().map(|l| l.width()).fold(0.0, f64::max).min(220.0) + 16.0 } else { 0.0 };
        let mut top = pad;
        let legend_top = top;
        if !beside && !below {
            for lg in &legends {
                top += lg.height(width - 2.0 * pad, &theme) + 6.0;
            }
        }
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
        let place = if beside {
            Legends::Beside { top: plot.y, width: legend_w }
        } else if below {
            Legends::Below
        } else {
            Legends::Top(legend_top)
        };
        l.height = draw_legends(l, &legends, place, bottom, pad, &theme).ceil();
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

    /// Rows not drawn, and cells that did not parse: lines for under the chart.
    pub fn notes(&self, c: &Compiled, loc: Locale) -> Vec<String> {
        let mut out = Vec::new();
        let dropped = c.dropped + self.units.iter().map(|(_, f)| f.dropped).sum::<usize>();
        if dropped > 0 {
            out.push(crate::grammar::words::not_drawn(loc, dropped));
        }
        let problems: Vec<&data::Problem> = self.units.iter().flat_map(|(_, f)| f.problems.iter()).collect();
        if let Some(p) = problems.first() {
            out.push(crate::grammar::words::unreadable(
                loc,
                problems.len(),
                &format!("row {}, {} \"{}\"", p.row, p.field, p.text),
            ));
        }
        out
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

/// The categorical palette: the theme's 12 distinguishable colours, the accent first.
pub fn palette(theme: &Theme, mark_color: Option<Rgb>) -> Vec<Rgb> {
    let mut p: Vec<Rgb> = theme.palette.to_vec();
    if let Some(c) = mark_color {
        p.retain(|x| *x != c);
        p.insert(0, c);
    }
    p
}

/// The `data.url`s a chart's units read (its sources, for the credits line).
pub fn sources(chart: &Chart) -> Vec<String> {
    let mut out = Vec::new();
    for (u, _) in &chart.units {
        if let Some((d, _)) = &u.data {
            if let data::Source::Url(url) = &d.source {
                if !out.contains(url) {
                    out.push(url.clone());
                }
            }
        }
    }
    out
}
