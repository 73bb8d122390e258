//! First pixels: what the widget shows in a chart's reserved space before its wasm is ready.
//!
//! For one chart in one language this writes an index, `<stem>.json`, and the chart drawn as SVG
//! at every width of [`WIDTHS`] in each theme, `<stem>.<theme>.<width>.svg`. The index holds the
//! words around the chart (title, subtitle, summary, credits, the data table and the widget's
//! button labels) and the height of each rendering, so that the widget (`www/widget/first.js`)
//! can build the same figure the interactive chart will fill, at the same size, before anything
//! but this index is loaded. At a container width in [`WIDTHS`] the picture is the canvas's
//! layout exactly; between two widths the widget shows the narrower one at its own size.
//!
//! The preset charts' index is also their no-WebAssembly fallback (`<chart>.<lang>.json`).

use news_infographic::chart::{ChartDef, ChartMeta};
use news_infographic::{export, text, Lang, Theme, ThemeName};
use serde::Serialize;

/// Layout widths (CSS px) of the renderings. The article's column at common phone widths
/// (viewport minus the page's padding: 288 for 320 px, 328 for 360, 343 for 375, 358 for 390,
/// 361 for 393, 380 for 412, 382 for 414, 398 for 430) and its 640 px column on tablets and
/// desktops are in it, so there the picture is exactly what the canvas draws; the rest is a
/// grid for other pages' columns.
pub const WIDTHS: [u32; 26] = [
    280, 288, 300, 320, 328, 336, 343, 352, 358, 361, 368, 380, 382, 390, 398, 414, 448, 480, 520, 560, 600, 640, 720,
    800, 960, 1200,
];

const THEMES: [ThemeName; 2] = [ThemeName::Light, ThemeName::Dark];

/// The index the widget reads.
#[derive(Serialize)]
struct Index<'a> {
    title: &'a str,
    subtitle: &'a str,
    summary: &'a str,
    table: &'a news_infographic::table::Table,
    /// Source lines and the note on derived values, for the caption.
    credits: Vec<String>,
    /// The widget's button labels, so the first figure has the live one's buttons.
    ui: text::Ui,
    first: First,
}

/// Where the renderings are and how tall each is.
#[derive(Serialize)]
struct First {
    /// File name pattern relative to the index: `{theme}` and `{width}` are filled in.
    svg: String,
    themes: Vec<&'static str>,
    /// `[width, height]` in CSS px, widths ascending. Heights are the same in both themes.
    sizes: Vec<[u32; 2]>,
}

/// The files of one chart's first pixels: `(file name, bytes)`, the index first.
pub fn bundle(def: &ChartDef, stem: &str, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, String> {
    let ChartMeta { title, subtitle, summary } = def.meta(lang);
    let table = def.table(lang);
    let mut files = vec![(String::new(), Vec::new())];
    let mut sizes = Vec::new();
    for theme in THEMES {
        for w in WIDTHS {
            let layout =
                def.layout(w as f64, lang, &Theme::get(theme)).map_err(|e| format!("{stem} at {w} px: {e}"))?;
            let h = layout.height.ceil() as u32;
            if theme == ThemeName::Light {
                sizes.push([w, h]);
            } else if sizes.iter().find(|s| s[0] == w).map(|s| s[1]) != Some(h) {
                return Err(format!("{stem} at {w} px: the dark theme's height {h} differs from the light one's"));
            }
            let svg = export::svg(&layout).map_err(|e| format!("{stem} at {w} px: {e}"))?;
            files.push((format!("{stem}.{}.{w}.svg", theme_code(theme)), svg.into_bytes()));
        }
    }
    let index = Index {
        title: &title,
        subtitle: &subtitle,
        summary: &summary,
        table: &table,
        credits: def.credits(lang),
        ui: text::ui(lang),
        first: First {
            svg: format!("{stem}.{{theme}}.{{width}}.svg"),
            themes: THEMES.iter().map(|t| theme_code(*t)).collect(),
            sizes,
        },
    };
    let mut json = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?;
    json.push('\n');
    files[0] = (format!("{stem}.json"), json.into_bytes());
    Ok(files)
}

/// The key figures and title above the preset charts in the overview, for its first figure.
#[derive(Serialize)]
struct Overview {
    title: String,
    key_figures_label: &'static str,
    key_figures: Vec<news_infographic::figures::KeyFigure>,
}

/// `overview.<lang>.json`: the overview's heading and key figures.
pub fn overview(d: &news_infographic::Dataset, lang: Lang) -> Result<(String, Vec<u8>), String> {
    let o = Overview {
        title: d.title.get(lang).to_string(),
        key_figures_label: text::ui(lang).key_figures,
        key_figures: news_infographic::figures::key_figures(d, lang),
    };
    let mut json = serde_json::to_string_pretty(&o).map_err(|e| e.to_string())?;
    json.push('\n');
    Ok((format!("overview.{}.json", lang_code(lang)), json.into_bytes()))
}

pub fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

pub fn theme_code(t: ThemeName) -> &'static str {
    match t {
        ThemeName::Light => "light",
        ThemeName::Dark => "dark",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use news_infographic::data::BINZHOU_JSON;
    use news_infographic::{ChartKind, Dataset};
    use std::rc::Rc;

    fn index(files: &[(String, Vec<u8>)]) -> serde_json::Value {
        serde_json::from_slice(&files[0].1).unwrap()
    }

    #[test]
    fn every_width_and_theme_is_rendered_at_the_height_the_index_gives() {
        let d = Rc::new(Dataset::from_json(BINZHOU_JSON).unwrap());
        let def = ChartDef::Preset(ChartKind::ByYear, d.clone());
        let files = bundle(&def, "champions-by-year.en", Lang::En).unwrap();
        assert_eq!(files[0].0, "champions-by-year.en.json");
        assert_eq!(files.len(), 1 + 2 * WIDTHS.len());
        let ix = index(&files);
        assert_eq!(ix["first"]["svg"], "champions-by-year.en.{theme}.{width}.svg");
        let sizes = ix["first"]["sizes"].as_array().unwrap();
        assert_eq!(sizes.len(), WIDTHS.len());
        for s in sizes {
            let (w, h) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
            for theme in ["light", "dark"] {
                let name = format!("champions-by-year.en.{theme}.{w}.svg");
                let svg = &files.iter().find(|f| f.0 == name).unwrap_or_else(|| panic!("{name}")).1;
                let head = String::from_utf8_lossy(&svg[..120.min(svg.len())]).to_string();
                assert!(head.contains(&format!("width=\"{w}\" height=\"{h}\"")), "{name}: {head}");
            }
            // The canvas is drawn from the same layout: same height.
            let l = def.layout(w as f64, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
            assert_eq!(l.height.ceil() as u64, h);
        }
        // The narrow renderings are taller than the wide ones' aspect would give: they are
        // laid out anew, not scaled.
        assert_ne!(sizes[0][1], sizes[WIDTHS.len() - 1][1]);
        assert_eq!(ix["ui"]["show_table"], "Show as table");
        assert_eq!(ix["title"], "Champion products, 2021 and 2023");
    }

    #[test]
    fn the_overview_index_has_the_story_title_and_key_figures() {
        let d = Dataset::from_json(BINZHOU_JSON).unwrap();
        let (name, bytes) = overview(&d, Lang::Zh).unwrap();
        assert_eq!(name, "overview.zh.json");
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["key_figures_label"], "关键数字");
        let figs = v["key_figures"].as_array().unwrap();
        assert_eq!(figs[0]["value"], "53");
    }
}
