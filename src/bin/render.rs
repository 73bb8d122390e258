//! `render`: static export of the charts, drawn by the same Rust code the browser runs.
//!
//! ```text
//! render --chart champions-by-year [--format svg|png] [--lang en|zh] [--theme light|dark]
//!        [--width 640] [--scale 2] [--data dataset.json] [--out FILE]
//! render --all --out-dir DIR [--format svg|png] [--width 640] [--scale 2] [--data dataset.json]
//! render --vega-lite spec.json [--format svg|png] [--lang en|zh] [--theme light|dark] [--width 640]
//!        [--scale 2] [--out FILE] [--base DIR] [--dump]
//! render --custom spec.json --rows data.csv [--spec] [--format svg|png] [--lang en|zh]
//!        [--theme light|dark] [--width 640] [--scale 2] [--out FILE]
//! render --vega-lite spec.json --static-dir DIR [--lang en|zh] [--base DIR]
//! render --custom spec.json --rows data.csv --static-dir DIR [--lang en|zh]
//! ```
//!
//! One chart goes to `--out` or to standard output. `--all` writes, for every chart, language and
//! theme, `DIR/<chart>.<lang>.<theme>.svg` (or `.png`), and per chart and language the
//! first-pixels bundle (`render/first.rs`): `DIR/<chart>.<lang>.json` with the title, subtitle,
//! summary and data table (also the widget's fallback when WebAssembly is unavailable) and the
//! chart as SVG at every first-pixels width and theme. `--static-dir` writes the same bundle for
//! one newsroom chart, for `data-static`. PNG is the SVG rasterised with resvg, using the
//! system's fonts. Errors exit with status 2 (usage) or 1 (anything else) and one message.
#![forbid(unsafe_code)]

/// The wasm32 build of the package compiles every binary too (`cargo test --target wasm32-...`);
/// there is nothing to export there.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "render/args.rs"]
mod args;

#[cfg(not(target_arch = "wasm32"))]
#[path = "render/custom.rs"]
mod custom;

#[cfg(not(target_arch = "wasm32"))]
#[path = "render/first.rs"]
mod first;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::args::{parse, Args, Failure, Format, USAGE};
    use super::custom;
    use super::first;
    use std::collections::BTreeSet;
    use std::ffi::OsString;
    use std::io::Write;
    use std::path::Path;
    use std::process::ExitCode;
    use std::sync::{Arc, Mutex};

    use news_infographic::chart::ChartDef;
    use news_infographic::data::BINZHOU_JSON;
    use news_infographic::{export, ChartKind, Dataset, Lang, Theme, ThemeName};
    use resvg::tiny_skia;
    use resvg::usvg::{self, fontdb};

    pub fn main() -> ExitCode {
        match run(std::env::args_os().skip(1).collect()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure::Usage(m)) => {
                eprintln!("render: error: {m}\n(run `render --help` for usage)");
                ExitCode::from(2)
            }
            Err(Failure::Run(m)) => {
                eprintln!("render: error: {m}");
                ExitCode::from(1)
            }
        }
    }

    fn run(argv: Vec<OsString>) -> Result<(), Failure> {
        let Some(args) = parse(argv)? else {
            return write_stdout(USAGE.as_bytes());
        };
        let dataset = match &args.data {
            None => Dataset::from_json(BINZHOU_JSON).map_err(|e| Failure::Run(e.to_string()))?,
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| Failure::Run(format!("--data {}: cannot read: {e}", p.display())))?;
                Dataset::from_json(&text).map_err(|e| Failure::Run(format!("--data {}: {e}", p.display())))?
            }
        };
        let scale = args.scale.unwrap_or(2.0);
        if let (Some(spec), Some(rows), Some(dir)) = (&args.custom, &args.rows, &args.static_dir) {
            let def = custom::def(spec, rows).map_err(Failure::Run)?;
            return write_first(&def, spec, dir, args.lang.unwrap_or_default());
        }
        if let (Some(spec), Some(rows)) = (&args.custom, &args.rows) {
            let opts = custom::Opts {
                lang: args.lang.unwrap_or_default(),
                theme: args.theme.unwrap_or_default(),
                width: args.width,
                spec_only: args.spec,
            };
            let out = custom::render(spec, rows, &opts).map_err(Failure::Run)?;
            let bytes = match (out, args.format) {
                (custom::Out::Svg(svg), Format::Png) => {
                    Rasterizer::new()?.png(&svg, scale as f32).map_err(Failure::Run)?
                }
                (custom::Out::Svg(text), _) | (custom::Out::Json(text), _) => text.into_bytes(),
            };
            return match &args.out {
                Some(p) => write_file(p, &bytes),
                None => write_stdout(&bytes),
            };
        }
        if let Some(spec) = &args.vega_lite {
            let bytes = vega_lite(spec, &args, scale)?;
            if args.static_dir.is_some() {
                return Ok(());
            }
            return match &args.out {
                Some(p) => write_file(p, &bytes),
                None => write_stdout(&bytes),
            };
        }
        if args.spec {
            let kind = args.chart.unwrap_or(ChartKind::ByYear);
            let theme = news_infographic::Theme::get(args.theme.unwrap_or_default());
            let json =
                kind.vega_lite(&dataset, args.lang.unwrap_or_default(), args.width, &theme).ok_or_else(|| {
                    Failure::Run(format!("{} is the story's own layout, not a Vega-Lite chart", kind.name()))
                })?;
            let bytes = (json.to_text() + "\n").into_bytes();
            return match &args.out {
                Some(p) => write_file(p, &bytes),
                None => write_stdout(&bytes),
            };
        }
        let raster = match args.format {
            Format::Png => Some(Rasterizer::new()?),
            Format::Svg => None,
        };
        if args.all {
            let dir = args.out_dir.as_deref().unwrap_or(Path::new("."));
            let n = export_all(&dataset, dir, args.format, args.width, scale, raster.as_ref())?;
            eprintln!("render: wrote {n} files to {}", dir.display());
        } else {
            let kind = args.chart.unwrap_or(ChartKind::ByYear);
            let lang = args.lang.unwrap_or_default();
            let theme = args.theme.unwrap_or_default();
            let bytes = render(&dataset, kind, lang, theme, args.width, scale, raster.as_ref())?;
            match &args.out {
                Some(p) => write_file(p, &bytes)?,
                None => write_stdout(&bytes)?,
            }
        }
        if let Some(r) = raster {
            r.warn_missing_glyphs();
        }
        Ok(())
    }

    /// A Vega-Lite spec as SVG, PNG or (`--dump`) the differential JSON.
    fn vega_lite(spec: &Path, args: &Args, scale: f64) -> Result<Vec<u8>, Failure> {
        use news_infographic::grammar::{dump::dump, format::Locale, Chart, Json};
        let what = spec.display().to_string();
        let text = std::fs::read_to_string(spec).map_err(|e| Failure::Run(format!("{what}: cannot read: {e}")))?;
        let json = Json::parse(&text).map_err(|e| Failure::Run(format!("{what}: {e}")))?;
        let base = args.base.clone().unwrap_or_else(|| spec.parent().map(Path::to_path_buf).unwrap_or_default());
        let read = |url: &str| -> Result<String, String> {
            if url.contains("://") || url.starts_with('/') {
                return Err("only relative file paths are read here".into());
            }
            std::fs::read_to_string(base.join(url)).map_err(|e| e.to_string())
        };
        let chart = Chart::new(&json, &read).map_err(|e| Failure::Run(format!("{what}: {e}")))?;
        if let Some(dir) = &args.static_dir {
            let def = ChartDef::VegaLite(std::rc::Rc::new(chart));
            write_first(&def, spec, dir, args.lang.unwrap_or_default())?;
            return Ok(Vec::new());
        }
        let loc = if args.lang == Some(Lang::Zh) { Locale::Zh } else { Locale::En };
        let theme = Theme::get(args.theme.unwrap_or_default());
        let c = chart.layout(args.width, loc, &theme).map_err(|e| Failure::Run(format!("{what}: {e}")))?;
        if args.dump {
            return Ok(dump(&chart, &c).to_text().into_bytes());
        }
        let svg = export::svg(&c.layout).map_err(|e| Failure::Run(format!("{what}: {e}")))?;
        match args.format {
            Format::Svg => Ok(svg.into_bytes()),
            Format::Png => Rasterizer::new()?.png(&svg, scale as f32).map_err(|e| Failure::Run(format!("{what}: {e}"))),
        }
    }

    fn render(
        d: &Dataset,
        kind: ChartKind,
        lang: Lang,
        theme: ThemeName,
        width: f64,
        scale: f64,
        raster: Option<&Rasterizer>,
    ) -> Result<Vec<u8>, Failure> {
        let what = || format!("{} ({}, {})", kind.name(), lang_code(lang), theme_code(theme));
        let layout =
            kind.layout(d, width, lang, &Theme::get(theme)).map_err(|e| Failure::Run(format!("{}: {e}", what())))?;
        let svg = export::svg(&layout).map_err(|e| Failure::Run(format!("{}: {e}", what())))?;
        match raster {
            None => Ok(svg.into_bytes()),
            Some(r) => r.png(&svg, scale as f32).map_err(|e| Failure::Run(format!("{}: {e}", what()))),
        }
    }

    /// Every preset chart x language: its first-pixels bundle ([`first`]: the index, which is
    /// also the no-WebAssembly fallback's text and table, and the SVG at every first-pixels
    /// width and theme), then the chart x language x theme at `width` in `format`; and the
    /// overview's heading and key figures per language.
    fn export_all(
        d: &Dataset,
        dir: &Path,
        format: Format,
        width: f64,
        scale: f64,
        raster: Option<&Rasterizer>,
    ) -> Result<usize, Failure> {
        std::fs::create_dir_all(dir).map_err(|e| Failure::Run(format!("--out-dir {}: {e}", dir.display())))?;
        let mut n = 0;
        let rc = std::rc::Rc::new(d.clone());
        for lang in [Lang::En, Lang::Zh] {
            let (name, bytes) = first::overview(d, lang).map_err(Failure::Run)?;
            write_file(&dir.join(name), &bytes)?;
            n += 1;
        }
        for kind in ChartKind::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let def = ChartDef::Preset(kind, rc.clone());
                let stem = format!("{}.{}", kind.name(), lang_code(lang));
                for (name, bytes) in first::bundle(&def, &stem, lang).map_err(Failure::Run)? {
                    write_file(&dir.join(name), &bytes)?;
                    n += 1;
                }
                for theme in [ThemeName::Light, ThemeName::Dark] {
                    let bytes = render(d, kind, lang, theme, width, scale, raster)?;
                    let name = format!("{}.{}.{}.{}", kind.name(), lang_code(lang), theme_code(theme), format.ext());
                    write_file(&dir.join(name), &bytes)?;
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    use super::first::{lang_code, theme_code};

    /// `--static-dir`: the first-pixels bundle of one newsroom chart, named after its spec file
    /// (`chart.vl.json` gives `chart.json` and `chart.<theme>.<width>.svg`).
    fn write_first(def: &ChartDef, spec: &Path, dir: &Path, lang: Lang) -> Result<(), Failure> {
        let file = spec.file_name().and_then(|n| n.to_str()).unwrap_or("chart");
        let stem = file.trim_end_matches(".json").trim_end_matches(".vl");
        let stem = if stem.is_empty() { "chart" } else { stem };
        std::fs::create_dir_all(dir).map_err(|e| Failure::Run(format!("--static-dir {}: {e}", dir.display())))?;
        let files = first::bundle(def, stem, lang).map_err(|e| Failure::Run(format!("{}: {e}", spec.display())))?;
        for (name, bytes) in &files {
            write_file(&dir.join(name), bytes)?;
        }
        eprintln!(
            "render: wrote {} files to {}; embed with data-static=\"{}\"",
            files.len(),
            dir.display(),
            dir.join(&files[0].0).display()
        );
        Ok(())
    }

    fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
        std::fs::write(path, bytes).map_err(|e| Failure::Run(format!("cannot write {}: {e}", path.display())))
    }

    fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
        let mut out = std::io::stdout().lock();
        match out.write_all(bytes).and_then(|()| out.flush()) {
            // A reader that stopped early (`render ... | head`) is not an error.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Run(format!("standard output: {e}"))),
            _ => Ok(()),
        }
    }

    /// Sans-serif families to draw Latin text with, first found wins (Debian's default first,
    /// as browsers on this system resolve `sans-serif`).
    const SANS: [&str; 5] = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];
    /// Fonts for Chinese text, first found wins: Simplified Chinese glyph forms before the
    /// Japanese, Korean and Traditional faces that share the same font files.
    const CJK: [&str; 6] = [
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Noto Sans SC",
        "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei",
        "Droid Sans Fallback",
    ];

    /// SVG to PNG with resvg and the system's fonts, loaded once.
    struct Rasterizer {
        fontdb: Arc<fontdb::Database>,
        sans: String,
        cjk: Arc<Vec<String>>,
        missing: Arc<Mutex<BTreeSet<char>>>,
    }

    impl Rasterizer {
        fn new() -> Result<Rasterizer, Failure> {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            if db.is_empty() {
                return Err(Failure::Run(
                    "no system fonts found, so PNG text cannot be drawn (install fonts-dejavu-core)".into(),
                ));
            }
            let has = |family: &str| db.faces().any(|f| f.families.iter().any(|(n, _)| n == family));
            let cjk: Vec<String> = CJK.iter().filter(|f| has(f)).map(|f| f.to_string()).collect();
            let sans = SANS
                .iter()
                .find(|f| has(f))
                .map(|f| f.to_string())
                .or_else(|| cjk.first().cloned())
                .or_else(|| db.faces().next().and_then(|f| f.families.first()).map(|(n, _)| n.clone()))
                .unwrap_or_default();
            db.set_sans_serif_family(sans.clone());
            Ok(Rasterizer { fontdb: Arc::new(db), sans, cjk: Arc::new(cjk), missing: Arc::default() })
        }

        fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
            let opt = usvg::Options {
                font_family: self.sans.clone(),
                fontdb: self.fontdb.clone(),
                font_resolver: usvg::FontResolver {
                    select_font: usvg::FontResolver::default_font_selector(),
                    select_fallback: self.fallback(),
                },
                ..usvg::Options::default()
            };
            let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("SVG could not be read: {e}"))?;
            let size = tree.size().to_int_size();
            let px = size.scale_by(scale).ok_or_else(|| format!("cannot scale {size:?} by {scale}"))?;
            let mut pixmap = tiny_skia::Pixmap::new(px.width(), px.height())
                .ok_or_else(|| format!("cannot allocate a {} x {} px image", px.width(), px.height()))?;
            resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
            pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
        }

        /// For a character the sans-serif font lacks: a CJK font for Chinese characters and
        /// punctuation (at the weight and style of the text), then resvg's default search of all
        /// fonts. Characters no font has are collected for one warning.
        fn fallback(&self) -> usvg::FallbackSelectionFn<'static> {
            let (cjk, missing) = (self.cjk.clone(), self.missing.clone());
            let default = usvg::FontResolver::default_fallback_selector();
            Box::new(move |c, used, db| {
                if is_cjk(c) {
                    if let Some(base) = used.first().and_then(|id| db.face(*id)) {
                        let (weight, style) = (base.weight, base.style);
                        for family in cjk.iter() {
                            let q = fontdb::Query {
                                families: &[fontdb::Family::Name(family)],
                                weight,
                                stretch: fontdb::Stretch::Normal,
                                style,
                            };
                            match db.query(&q) {
                                Some(id) if !used.contains(&id) => return Some(id),
                                _ => {}
                            }
                        }
                    }
                }
                let found = default(c, used, db);
                if found.is_none() {
                    if let Ok(mut m) = missing.lock() {
                        m.insert(c);
                    }
                }
                found
            })
        }

        fn warn_missing_glyphs(&self) {
            let Ok(m) = self.missing.lock() else { return };
            if !m.is_empty() {
                let chars: String = m.iter().take(20).collect();
                eprintln!(
                    "render: warning: no installed font has glyphs for some characters, which are missing \
                     from the PNG ({chars}); for Chinese, install fonts-noto-cjk"
                );
            }
        }
    }

    /// CJK ideographs, punctuation, fullwidth forms and related blocks.
    fn is_cjk(c: char) -> bool {
        matches!(c as u32,
            0x2E80..=0x2FDF | 0x3000..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
    }
}
