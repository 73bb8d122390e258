//! The `config` subset this engine reads: background, font, the default mark colour, axis and
//! legend defaults, and the view's default size (facet header defaults, `config.header` and
//! the like, are read with the facet, by `grammar::guide::header`). Other config keys are refused with their path,
//! so a spec is never drawn with styling it asked for and did not get.

use crate::error::{Error, Path};
use crate::grammar::json::check_keys;
use crate::grammar::Json;
use crate::theme::Rgb;

/// Resolved configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `config.background`.
    pub background: Option<Rgb>,
    /// `config.font`.
    pub font: Option<String>,
    /// `config.mark.color`.
    pub mark_color: Option<Rgb>,
    /// `config.axis.grid` (default: grid on continuous axes).
    pub grid: Option<bool>,
    /// `config.axis.labelFontSize`.
    pub label_size: f64,
    /// `config.axis.titleFontSize`.
    pub title_size: f64,
    /// `config.view.continuousHeight`.
    pub height: f64,
    /// `config.view.step`.
    pub step: f64,
    /// `config.legend.disable`.
    pub legend_off: bool,
    /// `legend.orient`: where legends go when a legend does not say.
    pub legend_orient: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            background: None,
            font: None,
            mark_color: None,
            grid: None,
            label_size: 11.0,
            title_size: 12.0,
            height: 240.0,
            step: 20.0,
            legend_off: false,
            legend_orient: None,
        }
    }
}

fn color(j: &Json, p: &Path) -> Result<Rgb, Error> {
    let s = j.str(p)?;
    crate::style::parse_color(s).ok_or_else(|| Error::spec(p, format!("\"{s}\" is not a colour")))
}

fn size(j: &Json, p: &Path, lo: f64, hi: f64) -> Result<f64, Error> {
    let n = j.num(p)?;
    if !(lo..=hi).contains(&n) {
        return Err(Error::spec(p, format!("expected {lo} to {hi}")));
    }
    Ok(n)
}

impl Config {
    /// Reads `config` at `path`.
    pub fn parse(j: &Json, path: &Path) -> Result<Config, Error> {
        let mut c = Config::default();
        check_keys(
            j,
            path,
            &[
                "background",
                "font",
                "mark",
                "axis",
                "axisX",
                "axisY",
                "legend",
                "view",
                "padding",
                "autosize",
                "title",
                "style",
                "range",
                "scale",
                // Read by the facet's headers (grammar::guide::header).
                "header",
                "headerRow",
                "headerColumn",
                "headerFacet",
            ],
            &[],
        )?;
        for (k, v) in j.obj(path)? {
            let p = path.key(k);
            match k.as_str() {
                "background" => c.background = Some(color(v, &p)?),
                "font" => c.font = crate::style::clean_font(v.str(&p)?),
                "mark" => {
                    check_keys(v, &p, &["color", "tooltip"], &[])?;
                    if let Some(m) = v.get("color") {
                        c.mark_color = Some(color(m, &p.key("color"))?);
                    }
                }
                "axis" | "axisX" | "axisY" => {
                    check_keys(
                        v,
                        &p,
                        &["grid", "labelFontSize", "titleFontSize", "domain", "ticks", "labelColor", "titleColor"],
                        &[],
                    )?;
                    if let Some(g) = v.get("grid") {
                        c.grid = Some(g.bool(&p.key("grid"))?);
                    }
                    if let Some(s) = v.get("labelFontSize") {
                        c.label_size = size(s, &p.key("labelFontSize"), 6.0, 40.0)?;
                    }
                    if let Some(s) = v.get("titleFontSize") {
                        c.title_size = size(s, &p.key("titleFontSize"), 6.0, 40.0)?;
                    }
                }
                "legend" => {
                    check_keys(v, &p, &["disable", "orient"], &[])?;
                    if let Some(d) = v.get("disable") {
                        c.legend_off = d.bool(&p.key("disable"))?;
                    }
                    if let Some(o) = v.get("orient") {
                        c.legend_orient = Some(o.str(&p.key("orient"))?.to_string());
                    }
                }
                "view" => {
                    check_keys(
                        v,
                        &p,
                        &[
                            "continuousWidth",
                            "continuousHeight",
                            "step",
                            "stroke",
                            "strokeWidth",
                            "width",
                            "height",
                            "discreteWidth",
                            "discreteHeight",
                            "fill",
                        ],
                        &[],
                    )?;
                    if let Some(h) = v.get("continuousHeight") {
                        c.height = size(h, &p.key("continuousHeight"), 40.0, 4000.0)?;
                    }
                    if let Some(s) = v.get("step") {
                        c.step = size(s, &p.key("step"), 4.0, 200.0)?;
                    }
                }
                "range" | "scale" | "style" | "title" if !v.obj(&p)?.is_empty() => {
                    return Err(Error::unsupported(&p, format!("config.{k} is not supported yet"), ""));
                }
                _ => {}
            }
        }
        Ok(c)
    }
}
