//! Colours and type sizes for the light and dark themes. Layouts copy colours out of a
//! [`Theme`], so a layout is plain data that tests can check (contrast, distinctness).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let ch = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }
}

/// Which palette to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// A resolved palette.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Chart background.
    pub background: Rgb,
    /// Main text.
    pub text: Rgb,
    /// Secondary text (axes, notes).
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Axis baseline.
    pub axis: Rgb,
    /// Series colours, in order (world first, China only).
    pub series: [Rgb; 2],
    /// Colours for an earlier and a later year.
    pub years: [Rgb; 2],
    /// "Matches" verdicts.
    pub good: Rgb,
    /// "Does not match" verdicts.
    pub bad: Rgb,
    /// Qualified verdicts.
    pub caution: Rgb,
    /// Text drawn on a verdict chip.
    pub on_chip: Rgb,
    /// Font family stack for canvas and SVG text.
    pub font: &'static str,
}

impl Theme {
    /// The palette for `name`.
    pub fn get(name: ThemeName) -> Theme {
        match name {
            ThemeName::Light => Theme {
                background: Rgb(255, 255, 255),
                text: Rgb(26, 26, 26),
                muted: Rgb(84, 84, 84),
                grid: Rgb(226, 226, 226),
                axis: Rgb(120, 120, 120),
                series: [Rgb(194, 65, 12), Rgb(37, 99, 160)],
                years: [Rgb(112, 112, 112), Rgb(13, 116, 108)],
                good: Rgb(26, 127, 55),
                bad: Rgb(180, 35, 24),
                caution: Rgb(138, 90, 0),
                on_chip: Rgb(255, 255, 255),
                font: "sans-serif",
            },
            ThemeName::Dark => Theme {
                background: Rgb(24, 26, 31),
                text: Rgb(236, 236, 236),
                muted: Rgb(176, 176, 176),
                grid: Rgb(58, 61, 68),
                axis: Rgb(140, 140, 140),
                series: [Rgb(251, 146, 60), Rgb(96, 165, 250)],
                years: [Rgb(163, 163, 163), Rgb(45, 212, 191)],
                good: Rgb(74, 222, 128),
                bad: Rgb(248, 113, 113),
                caution: Rgb(250, 204, 21),
                on_chip: Rgb(24, 26, 31),
                font: "sans-serif",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_reach_3_to_1_and_text_4_5_to_1_in_both_themes() {
        for name in [ThemeName::Light, ThemeName::Dark] {
            let t = Theme::get(name);
            for c in t.series.iter().chain(t.years.iter()).chain([t.good, t.bad, t.caution].iter()) {
                assert!(c.contrast(t.background) >= 3.0, "{name:?} {c:?} {}", c.contrast(t.background));
            }
            for c in [t.text, t.muted] {
                assert!(c.contrast(t.background) >= 4.5, "{name:?} {c:?}");
            }
            for chip in [t.good, t.bad, t.caution] {
                assert!(t.on_chip.contrast(chip) >= 4.5, "{name:?} chip {chip:?} {}", t.on_chip.contrast(chip));
            }
        }
    }

    #[test]
    fn contrast_is_symmetric_and_bounded() {
        let (w, k) = (Rgb(255, 255, 255), Rgb(0, 0, 0));
        assert!((w.contrast(k) - 21.0).abs() < 1e-9);
        assert_eq!(w.contrast(k), k.contrast(w));
        assert!((w.contrast(w) - 1.0).abs() < 1e-9);
    }
}
