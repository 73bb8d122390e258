//! Key figures for the top of the infographic: the end-year total and its change, the
//! world-first count and its multiple, and the world-first share, all computed from the dataset.

use crate::data::{Dataset, Lang};
use crate::format::{num, percent, ratio, signed};
use crate::presets::by_year::bars;
use crate::query::{change, share};

/// One key figure: a big number with a label and a line of detail.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KeyFigure {
    /// The big number, formatted.
    pub value: String,
    /// What it counts.
    pub label: String,
    /// How it compares with the start year.
    pub detail: String,
}

/// The key figures; a figure whose inputs were not reported is left out rather than guessed.
pub fn key_figures(d: &Dataset, lang: Lang) -> Vec<KeyFigure> {
    let b = bars(d);
    let (start, end) = (&b[0], &b[1]);
    let (a, z) = (start.year, end.year);
    let mut out = Vec::new();
    if let (Some(t0), Some(t1)) = (start.total, end.total) {
        let c = change(t0, t1);
        let pct = c.percent.map(|p| percent(p, true)).unwrap_or_else(|| "–".into());
        out.push(match lang {
            Lang::En => KeyFigure {
                value: num(t1, 1),
                label: format!("champion products in {z}"),
                detail: format!("up from {} in {a}: {} ({pct})", num(t0, 1), signed(c.absolute, 1)),
            },
            Lang::Zh => KeyFigure {
                value: num(t1, 1),
                label: format!("{z}年冠军产品数量"),
                detail: format!("{a}年为{}个：{}（{pct}）", num(t0, 1), signed(c.absolute, 1)),
            },
        });
    }
    if let (Some(g0), Some(g1)) = (start.global, end.global) {
        let r = change(g0, g1).ratio.map(ratio).unwrap_or_else(|| "–".into());
        out.push(match lang {
            Lang::En => KeyFigure {
                value: num(g1, 1),
                label: format!("first in the world in {z}"),
                detail: format!("up from {} in {a}: {r} as many", num(g0, 1)),
            },
            Lang::Zh => KeyFigure {
                value: num(g1, 1),
                label: format!("{z}年世界第一的产品"),
                detail: format!("{a}年为{}个，是其{r}", num(g0, 1)),
            },
        });
    }
    if let (Some(g0), Some(t0), Some(g1), Some(t1)) = (start.global, start.total, end.global, end.total) {
        if let (Some(s0), Some(s1)) = (share(g0, t0), share(g1, t1)) {
            out.push(match lang {
                Lang::En => KeyFigure {
                    value: percent(s1, false),
                    label: format!("of {z}'s champions lead the world"),
                    detail: format!("{} in {a} (computed)", percent(s0, false)),
                },
                Lang::Zh => KeyFigure {
                    value: percent(s1, false),
                    label: format!("{z}年冠军产品中世界第一的占比"),
                    detail: format!("{a}年为{}（计算得出）", percent(s0, false)),
                },
            });
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_stories_key_figures() {
        let k = key_figures(&Dataset::binzhou(), Lang::En);
        assert_eq!(k.len(), 3);
        assert_eq!((k[0].value.as_str(), k[0].detail.as_str()), ("53", "up from 37 in 2021: +16 (+43.2%)"));
        assert_eq!((k[1].value.as_str(), k[1].detail.as_str()), ("15", "up from 4 in 2021: 3.75× as many"));
        assert_eq!((k[2].value.as_str(), k[2].detail.as_str()), ("28.3%", "10.8% in 2021 (computed)"));
    }

    #[test]
    fn unreported_inputs_drop_the_figure_instead_of_guessing() {
        let mut d = Dataset::binzhou();
        d.values.iter_mut().find(|v| v.id == "F2").unwrap().value = None;
        let k = key_figures(&d, Lang::Zh);
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].label, "2023年冠军产品数量");
    }
}
