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

impl Rgb {
    /// The colour as CSS hex, `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Of black and white, the one text reads better in on this colour (a brand's accent may be
    /// pale or dark: labels written inside bars follow it).
    pub fn ink(self) -> Rgb {
        let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
        if self.contrast(black) > self.contrast(white) {
            black
        } else {
            white
        }
    }

    /// This colour if text in it reaches 4.5:1 on the theme's background, else the theme's text colour.
    pub fn max_contrast(self, theme: &Theme) -> Rgb {
        if self.contrast(theme.background) >= 4.5 {
            self
        } else {
            theme.text
        }
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
#[derive(Debug, Clone, PartialEq)]
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
    /// Categorical colours for a newsroom's own series, in order.
    pub palette: [Rgb; 12],
    /// Marks that are not highlighted when something else is.
    pub quiet: Rgb,
    /// "Matches" verdicts.
    pub good: Rgb,
    /// "Does not match" verdicts.
    pub bad: Rgb,
    /// Qualified verdicts.
    pub caution: Rgb,
    /// Text drawn on a verdict chip.
    pub on_chip: Rgb,
    /// Font family stack for canvas and SVG text.
    pub font: String,
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
                years: [Rgb(120, 120, 120), Rgb(22, 58, 110)],
                palette: [
                    Rgb(0, 114, 178),
                    Rgb(200, 82, 0),
                    Rgb(0, 125, 90),
                    Rgb(170, 68, 136),
                    Rgb(90, 90, 90),
                    Rgb(57, 73, 171),
                    Rgb(216, 27, 96),
                    Rgb(106, 61, 154),
                    Rgb(0, 131, 143),
                    Rgb(110, 125, 0),
                    Rgb(93, 64, 55),
                    Rgb(140, 95, 0),
                ],
                quiet: Rgb(140, 140, 140),
                good: Rgb(0, 110, 140),
                bad: Rgb(180, 35, 24),
                caution: Rgb(138, 90, 0),
                on_chip: Rgb(255, 255, 255),
                font: "sans-serif".into(),
            },
            ThemeName::Dark => Theme {
                background: Rgb(24, 26, 31),
                text: Rgb(236, 236, 236),
                muted: Rgb(176, 176, 176),
                grid: Rgb(58, 61, 68),
                axis: Rgb(140, 140, 140),
                series: [Rgb(251, 146, 60), Rgb(96, 165, 250)],
                years: [Rgb(130, 130, 130), Rgb(125, 211, 252)],
                palette: [
                    Rgb(86, 180, 233),
                    Rgb(240, 140, 60),
                    Rgb(0, 190, 140),
                    Rgb(220, 130, 190),
                    Rgb(190, 190, 190),
                    Rgb(230, 180, 40),
                    Rgb(255, 110, 150),
                    Rgb(180, 150, 240),
                    Rgb(80, 210, 220),
                    Rgb(190, 200, 80),
                    Rgb(200, 160, 130),
                    Rgb(140, 160, 255),
                ],
                quiet: Rgb(115, 115, 115),
                good: Rgb(103, 232, 249),
                bad: Rgb(248, 113, 113),
                caution: Rgb(250, 204, 21),
                on_chip: Rgb(24, 26, 31),
                font: "sans-serif".into(),
            },
        }
    }
}

/// A colour-vision deficiency, simulated at full severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    /// No L cones (red-blind).
    Protanopia,
    /// No M cones (green-blind).
    Deuteranopia,
    /// No S cones (blue-blind).
    Tritanopia,
}

impl Deficiency {
    /// All three.
    pub const ALL: [Deficiency; 3] = [Deficiency::Protanopia, Deficiency::Deuteranopia, Deficiency::Tritanopia];

    /// Machado, Oliveira and Fernandes (2009) matrices, severity 1, on linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Protanopia => {
                [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
            }
            Deficiency::Deuteranopia => {
                [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
            }
            Deficiency::Tritanopia => {
                [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
            }
        }
    }
}

fn to_linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

impl Rgb {
    /// How the colour looks with `d`, as linear RGB.
    fn simulate(self, d: Option<Deficiency>) -> [f64; 3] {
        let lin = [to_linear(self.0), to_linear(self.1), to_linear(self.2)];
        match d {
            None => lin,
            Some(d) => {
                let m = d.matrix();
                let mut out = [0.0; 3];
                for (i, row) in m.iter().enumerate() {
                    out[i] = (row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]).clamp(0.0, 1.0);
                }
                out
            }
        }
    }

    /// CIE L*a*b* (D65) of linear RGB.
    fn lab(lin: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = lin;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }

    /// CIE76 colour difference between two colours as seen with `d` (or normal vision).
    pub fn delta_e(self, other: Rgb, d: Option<Deficiency>) -> f64 {
        let (a, b) = (Rgb::lab(self.simulate(d)), Rgb::lab(other.simulate(d)));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn paired_colours_stay_distinct_under_colour_vision_deficiencies() {
        for name in [ThemeName::Light, ThemeName::Dark] {
            let t = Theme::get(name);
            let pairs =
                [("series", t.series[0], t.series[1]), ("years", t.years[0], t.years[1]), ("verdicts", t.good, t.bad)];
            for (what, a, b) in pairs {
                for d in
                    [None, Some(Deficiency::Protanopia), Some(Deficiency::Deuteranopia), Some(Deficiency::Tritanopia)]
                {
                    let de = a.delta_e(b, d);
                    assert!(de >= 20.0, "{name:?} {what} under {d:?}: ΔE {de:.1}");
                }
            }
        }
    }

    #[test]
    fn the_twelve_categorical_colours_stay_apart() {
        let ds = [None, Some(Deficiency::Protanopia), Some(Deficiency::Deuteranopia), Some(Deficiency::Tritanopia)];
        for name in [ThemeName::Light, ThemeName::Dark] {
            let p = Theme::get(name).palette;
            let mut worst = f64::MAX;
            let mut worst_cvd = f64::MAX;
            for i in 0..p.len() {
                for j in i + 1..p.len() {
                    worst = worst.min(p[i].delta_e(p[j], None));
                    // Neighbours in the order colours are handed out, and any two of the first six,
                    // must also stay apart for readers with a colour-vision deficiency.
                    if j == i + 1 || j < 6 {
                        for d in ds {
                            worst_cvd = worst_cvd.min(p[i].delta_e(p[j], d));
                        }
                    }
                }
            }
            eprintln!("{name:?}: worst pair ΔE {worst:.1}, worst neighbour under CVD {worst_cvd:.1}");
            // Measured: light 16.6 and 10.2, dark 14.8 and 10.7 (CIE76).
            assert!(worst >= 14.0, "{name:?}: two palette colours only ΔE {worst:.1} apart");
            assert!(worst_cvd >= 10.0, "{name:?}: neighbours ΔE {worst_cvd:.1} apart under a deficiency");
        }
    }

    #[test]
    fn simulation_is_sane() {
        // Greys are unchanged by every simulation; pure red and green collapse for deuteranopes.
        let grey = Rgb(120, 120, 120);
        for d in Deficiency::ALL {
            assert!(grey.delta_e(grey, Some(d)) < 1e-9);
            assert!(Rgb(128, 128, 128).delta_e(grey, Some(d)) > 1.0);
        }
        let (red, green) = (Rgb(200, 60, 40), Rgb(90, 130, 40));
        assert!(red.delta_e(green, None) > 40.0);
        assert!(red.delta_e(green, Some(Deficiency::Deuteranopia)) < red.delta_e(green, None) / 2.0);
    }

    #[test]
    fn marks_reach_3_to_1_and_text_4_5_to_1_in_both_themes() {
        for name in [ThemeName::Light, ThemeName::Dark] {
            let t = Theme::get(name);
            for c in t
                .series
                .iter()
                .chain(t.years.iter())
                .chain(t.palette.iter())
                .chain([t.quiet, t.good, t.bad, t.caution].iter())
            {
                assert!(c.contrast(t.background) >= 3.0, "{name:?} {c:?} {}", c.contrast(t.background));
            }
            for c in [t.text, t.muted] {
                assert!(c.contrast(t.background) >= 4.5, "{name:?} {c:?}");
            }
            for chip in [t.good, t.bad, t.caution] {
                assert!(t.on_chip.contrast(chip) >= 4.5, "{name:?} chip {chip:?} {}", t.on_chip.contrast(chip));
            }
            // Values written inside stacked segments.
            for c in t.series {
                assert!(c.ink().contrast(c) >= 4.5, "{name:?} ink on {c:?}");
            }
        }
        // A brand's pale or dark accent still gets readable labels.
        assert_eq!(Rgb(250, 230, 200).ink(), Rgb(0, 0, 0));
        assert_eq!(Rgb(0, 60, 40).ink(), Rgb(255, 255, 255));
    }

    #[test]
    fn contrast_is_symmetric_and_bounded() {
        let (w, k) = (Rgb(255, 255, 255), Rgb(0, 0, 0));
        assert!((w.contrast(k) - 21.0).abs() < 1e-9);
        assert_eq!(w.contrast(k), k.contrast(w));
        assert!((w.contrast(w) - 1.0).abs() < 1e-9);
    }
}
