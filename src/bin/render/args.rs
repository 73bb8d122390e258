//! `render`'s command line: the usage text, the flags read into [`Args`] with every
//! combination checked (a wrong one is a usage error, exit status 2), and [`Failure`].

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use news_infographic::{ChartKind, Lang, ThemeName};

pub(crate) const USAGE: &str = "\
Usage:
  render --chart NAME [--format svg|png] [--lang en|zh] [--theme light|dark]
     [--width PX] [--scale N] [--data FILE] [--out FILE]
  render --chart NAME --spec [--lang L] [--theme T] [--width PX] [--data FILE] [--out FILE]
  render --all --out-dir DIR [--format svg|png] [--width PX] [--scale N] [--data FILE]
  render --vega-lite SPEC [--format svg|png] [--lang L] [--theme T] [--width PX] [--scale N]
     [--out FILE] [--base DIR] [--dump]
  render --custom SPEC --rows FILE [--spec] [--format svg|png] [--lang L] [--theme T]
     [--width PX] [--scale N] [--out FILE]
  render --vega-lite SPEC --static-dir DIR [--lang L] [--base DIR]
  render --custom SPEC --rows FILE --static-dir DIR [--lang L]

  --chart NAME    champions-by-year, champions-by-industry or claims-check
  --format F      svg (default) or png
  --lang L        en (default) or zh
  --theme T       light (default) or dark
  --width PX      layout width in CSS px, 200 to 4000 (default 640)
  --scale N       PNG pixels per CSS px, above 0 and at most 8 (default 2; png only)
  --data FILE     dataset JSON (default: the shipped Binzhou dataset)
  --out FILE      write to FILE instead of standard output
  --all           every chart x language (en, zh) x theme (light, dark) into --out-dir, plus
              <chart>.<lang>.json (title, subtitle, summary, data table, first-pixels
              sizes) and the SVG at every first-pixels width per chart and language
  --out-dir DIR   folder for --all (created if missing)
  --vega-lite F   a Vega-Lite spec (JSON); its data.url files are read relative to it
  --base DIR      with --vega-lite: folder relative data.urls resolve against (default: the
              spec's folder; a page's folder to match what the page loads)
  --custom F      a chart spec of a newsroom's own data (www/schema/chart-spec.schema.json)
  --rows F        with --custom: the data, CSV with a header row or JSON rows (.json)
  --spec          with --custom: write the Vega-Lite spec the chart stands for
  --static-dir D  with --vega-lite or --custom: write the chart's first pixels into D, for the
              widget's data-static: D/<spec name>.json (title, summary, table, sizes) and
              the chart as SVG at every first-pixels width in both themes
  --dump          with --vega-lite: print scales, mark counts and the first mark's rows as JSON
              (what tests/differential compares with Vega) instead of an image
  --spec          with --chart: write the chart's Vega-Lite spec (what the grammar draws it
              from, its data inline) instead of an image; not for claims-check
  -h, --help      this text
";

/// What went wrong, and the exit status it maps to.
pub(crate) enum Failure {
    /// Bad command line: status 2.
    Usage(String),
    /// Anything else: status 1.
    Run(String),
}

pub(crate) fn usage<T>(msg: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Usage(msg.into()))
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Format {
    Svg,
    Png,
}

impl Format {
    pub(crate) fn ext(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}

pub(crate) struct Args {
    pub(crate) chart: Option<ChartKind>,
    pub(crate) format: Format,
    pub(crate) lang: Option<Lang>,
    pub(crate) theme: Option<ThemeName>,
    pub(crate) width: f64,
    pub(crate) scale: Option<f64>,
    pub(crate) data: Option<PathBuf>,
    pub(crate) out: Option<PathBuf>,
    pub(crate) all: bool,
    pub(crate) out_dir: Option<PathBuf>,
    pub(crate) vega_lite: Option<PathBuf>,
    pub(crate) custom: Option<PathBuf>,
    pub(crate) rows: Option<PathBuf>,
    pub(crate) base: Option<PathBuf>,
    pub(crate) dump: bool,
    pub(crate) spec: bool,
    pub(crate) static_dir: Option<PathBuf>,
}

/// `Ok(None)` means `--help`.
pub(crate) fn parse(argv: Vec<OsString>) -> Result<Option<Args>, Failure> {
    let mut a = Args {
        chart: None,
        format: Format::Svg,
        lang: None,
        theme: None,
        width: 640.0,
        scale: None,
        data: None,
        out: None,
        all: false,
        out_dir: None,
        vega_lite: None,
        custom: None,
        rows: None,
        base: None,
        dump: false,
        spec: false,
        static_dir: None,
    };
    let mut seen: Vec<String> = Vec::new();
    let mut it = argv.into_iter();
    while let Some(raw) = it.next() {
        let Some(arg) = raw.to_str() else {
            return usage(format!("argument {raw:?} is not valid UTF-8"));
        };
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        if !arg.starts_with("--") {
            return usage(format!("unexpected argument \"{arg}\" (flags start with --)"));
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.to_string(), None),
        };
        const WITH_VALUE: [&str; 14] = [
            "--chart",
            "--format",
            "--lang",
            "--theme",
            "--width",
            "--scale",
            "--data",
            "--out",
            "--out-dir",
            "--vega-lite",
            "--custom",
            "--rows",
            "--base",
            "--static-dir",
        ];
        if flag == "--dump" || flag == "--spec" {
            if flag == "--dump" {
                a.dump = true;
            } else {
                a.spec = true;
            }
            continue;
        }
        if flag != "--all" && !WITH_VALUE.contains(&flag.as_str()) {
            return usage(format!("unknown flag \"{flag}\""));
        }
        if seen.contains(&flag) {
            return usage(format!("{flag} given more than once"));
        }
        seen.push(flag.clone());
        if flag == "--all" {
            if inline.is_some() {
                return usage("--all takes no value");
            }
            a.all = true;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => match it.next() {
                Some(v) => v.into_string().map_err(|v| Failure::Usage(format!("{flag}: {v:?} is not valid UTF-8")))?,
                None => return usage(format!("{flag} needs a value")),
            },
        };
        if value.is_empty() || (value.starts_with("--") && value.len() > 2) {
            return usage(format!("{flag} needs a value (got \"{value}\")"));
        }
        let v = value.as_str();
        match flag.as_str() {
            "--chart" => {
                a.chart = Some(ChartKind::parse(v).map_err(|e| Failure::Usage(format!("--chart: {e}")))?);
            }
            "--format" => {
                a.format = match v {
                    "svg" => Format::Svg,
                    "png" => Format::Png,
                    _ => return usage(format!("--format: unknown format \"{v}\": expected svg or png")),
                }
            }
            "--lang" => {
                a.lang = Some(match Lang::parse(v) {
                    Ok(l) => l,
                    Err(_) => return usage(format!("--lang: unknown language \"{v}\": expected en or zh")),
                })
            }
            "--theme" => {
                a.theme = Some(match v {
                    "light" => ThemeName::Light,
                    "dark" => ThemeName::Dark,
                    _ => return usage(format!("--theme: unknown theme \"{v}\": expected light or dark")),
                })
            }
            "--width" => {
                a.width = match v.parse::<f64>() {
                    Ok(w) if (200.0..=4000.0).contains(&w) => w,
                    _ => return usage(format!("--width: \"{v}\" is not a width from 200 to 4000 (CSS px)")),
                }
            }
            "--scale" => {
                a.scale = Some(match v.parse::<f64>() {
                    Ok(s) if s > 0.0 && s <= 8.0 => s,
                    _ => return usage(format!("--scale: \"{v}\" is not a number above 0 and at most 8")),
                })
            }
            "--data" => a.data = Some(PathBuf::from(v)),
            "--out" => a.out = Some(PathBuf::from(v)),
            "--out-dir" => a.out_dir = Some(PathBuf::from(v)),
            "--vega-lite" => a.vega_lite = Some(PathBuf::from(v)),
            "--custom" => a.custom = Some(PathBuf::from(v)),
            "--rows" => a.rows = Some(PathBuf::from(v)),
            "--base" => a.base = Some(PathBuf::from(v)),
            "--static-dir" => a.static_dir = Some(PathBuf::from(v)),
            _ => unreachable!("flag list checked above"),
        }
    }

    if a.static_dir.is_some() {
        if a.vega_lite.is_none() && a.custom.is_none() {
            return usage("--static-dir writes the first pixels of one --vega-lite or --custom chart");
        }
        for (given, flag) in [
            (a.out.is_some(), "--out"),
            (a.format != Format::Svg, "--format"),
            (a.dump, "--dump"),
            (a.spec, "--spec"),
            (seen.iter().any(|f| f == "--width"), "--width"),
            (a.theme.is_some(), "--theme"),
        ] {
            if given {
                return usage(format!(
                    "--static-dir writes every first-pixels width and theme into the folder; drop {flag}"
                ));
            }
        }
    }
    if a.scale.is_some() && a.format != Format::Png {
        return usage("--scale applies to --format png only");
    }
    if a.custom.is_some() || a.rows.is_some() {
        if a.custom.is_none() || a.rows.is_none() {
            return usage("--custom SPEC and --rows FILE go together");
        }
        if a.all || a.chart.is_some() || a.data.is_some() || a.vega_lite.is_some() || a.dump {
            return usage("--custom draws one chart; drop --all, --chart, --data, --vega-lite and --dump");
        }
        if a.spec && a.format != Format::Svg {
            return usage("--spec writes JSON; drop --format");
        }
        return Ok(Some(a));
    }
    if a.spec && (a.chart.is_none() || a.all || a.vega_lite.is_some() || a.format != Format::Svg) {
        return usage("--spec writes the Vega-Lite spec of one --chart (not with --all, --vega-lite or --format)");
    }
    if a.dump && a.vega_lite.is_none() {
        return usage("--dump needs --vega-lite SPEC");
    }
    if a.vega_lite.is_some() {
        if a.all || a.chart.is_some() || a.data.is_some() {
            return usage("--vega-lite draws one spec; drop --all, --chart and --data");
        }
        return Ok(Some(a));
    }
    if a.all {
        for (given, flag) in [
            (a.chart.is_some(), "--chart"),
            (a.lang.is_some(), "--lang"),
            (a.theme.is_some(), "--theme"),
            (a.out.is_some(), "--out"),
        ] {
            if given {
                return usage(format!("--all renders every chart, language and theme into --out-dir; drop {flag}"));
            }
        }
        if a.out_dir.is_none() {
            return usage("--all needs --out-dir DIR");
        }
    } else {
        if a.out_dir.is_some() {
            return usage("--out-dir is for --all; use --out FILE for one chart");
        }
        if a.chart.is_none() {
            return usage(format!("missing --chart NAME (one of {}) or --all", ChartKind::NAMES.join(", ")));
        }
        if a.format == Format::Png && a.out.is_none() && std::io::stdout().is_terminal() {
            return usage("refusing to write PNG to a terminal; use --out FILE or redirect standard output");
        }
    }
    Ok(Some(a))
}
