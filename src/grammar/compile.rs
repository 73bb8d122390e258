//! The whole pipeline for one spec: [`Chart::new`] reads the spec and runs every unit's data
//! flow once; [`Chart::layout`] resolves scales, guides and marks for a width into the one
//! [`Layout`] display list, with hit items, one record per mark and Vega-Lite's mark counts
//! (a single view's layout and marks in `view.rs`, a facet's in `facet/grid.rs`, views side by
//! side in `concat.rs`).

use crate::error::{Error, Path};
use crate::grammar::config::Config;
use crate::grammar::data::{self, DataDef};
use crate::grammar::encoding::Channel;
use crate::grammar::flow::{self, Flowed, Unit};
use crate::grammar::format::Locale;
use crate::grammar::guide::axis;
use crate::grammar::guide::legend;
use crate::grammar::mark::MarkType;
use crate::grammar::scales::{self, Extent, Scales};
use crate::grammar::spec::Spec;
use crate::grammar::transform::Sources;
use crate::grammar::{Json, Table, Value};
use crate::layout::{Layout, Rect};
use crate::theme::{Rgb, Theme};

pub(crate) use crate::grammar::view::{draw_legends, Legends};

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

    pub(crate) fn polar(&self) -> bool {
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
