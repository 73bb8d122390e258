//! A newsroom's brand styles on the canvas: the `--ni-bg`, `--ni-text`, `--ni-muted`,
//! `--ni-accent` and `--ni-font` custom properties, as the browser resolved them (colours as
//! `rgb(...)`), applied to a [`Theme`] so that the drawing matches the DOM around it. Colours
//! that fall short of WCAG contrast are still used (the brand's choice) but reported.

use crate::format::num;
use crate::theme::{Rgb, Theme};

/// Overrides for a theme; `None` keeps the theme's own value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Style {
    /// Chart background.
    pub background: Option<Rgb>,
    /// Main text.
    pub text: Option<Rgb>,
    /// Secondary text.
    pub muted: Option<Rgb>,
    /// The first series colour (the accent).
    pub accent: Option<Rgb>,
    /// Font family list for chart text.
    pub font: Option<String>,
}

/// Parses a colour as browsers serialise computed values: `rgb(r, g, b)`, `rgba(r, g, b, 1)`
/// (translucent colours are refused: what they look like depends on what is behind them),
/// or `#rgb` / `#rrggbb`.
pub fn parse_color(s: &str) -> Option<Rgb> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        let v = u32::from_str_radix(hex, 16).ok()?;
        return match hex.len() {
            3 => {
                let d = |k: u32| ((v >> k) & 0xf) as u8 * 17;
                Some(Rgb(d(8), d(4), d(0)))
            }
            6 => Some(Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)),
            _ => None,
        };
    }
    let inner = s.strip_prefix("rgba(").or_else(|| s.strip_prefix("rgb("))?.strip_suffix(')')?;
    let parts: Vec<&str> = inner.split([',', ' ', '/']).filter(|p| !p.is_empty()).collect();
    let channel = |p: &str| p.parse::<u8>().ok();
    match parts.as_slice() {
        [r, g, b] => Some(Rgb(channel(r)?, channel(g)?, channel(b)?)),
        [r, g, b, a] if a.parse::<f64>().ok()? >= 1.0 => Some(Rgb(channel(r)?, channel(g)?, channel(b)?)),
        _ => None,
    }
}

/// A font family list safe to put into a canvas font string: printable, no `;{}`, at most
/// 300 characters.
pub fn clean_font(s: &str) -> Option<String> {
    let s = s.trim();
    let ok = !s.is_empty() && s.len() <= 300 && !s.chars().any(|c| c.is_control() || matches!(c, ';' | '{' | '}'));
    ok.then(|| s.to_string())
}

impl Style {
    /// Applies the overrides to `theme`; returns a warning for each colour pair that falls
    /// short of WCAG contrast (text 4.5:1, marks 3:1 against the background).
    pub fn apply(&self, theme: &mut Theme) -> Vec<String> {
        if let Some(c) = self.background {
            theme.background = c;
        }
        if let Some(c) = self.text {
            theme.text = c;
        }
        if let Some(c) = self.muted {
            theme.muted = c;
        }
        if let Some(c) = self.accent {
            // The first series of the story's charts and the first colour of every other chart.
            theme.series[0] = c;
            if let Some(i) = theme.palette.iter().position(|p| *p == c) {
                theme.palette.swap(0, i);
            } else {
                theme.palette[0] = c;
            }
        }
        if let Some(f) = &self.font {
            theme.font = f.clone();
        }
        let mut warnings = Vec::new();
        let bg = theme.background;
        for (name, c, min) in
            [("--ni-text", theme.text, 4.5), ("--ni-muted", theme.muted, 4.5), ("--ni-accent", theme.series[0], 3.0)]
        {
            let ratio = c.contrast(bg);
            if ratio < min {
                warnings.push(format!(
                    "{name} has a contrast of {}:1 against the background; readers need at least {}:1",
                    num(ratio, 2),
                    num(min, 1)
                ));
            }
        }
        warnings
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::theme::ThemeName;

    #[test]
    fn parses_what_browsers_serialise() {
        assert_eq!(parse_color("rgb(245, 240, 230)"), Some(Rgb(245, 240, 230)));
        assert_eq!(parse_color(" rgba(1, 2, 3, 1) "), Some(Rgb(1, 2, 3)));
        assert_eq!(parse_color("rgb(1 2 3)"), Some(Rgb(1, 2, 3)));
        assert_eq!(parse_color("#c2410c"), Some(Rgb(194, 65, 12)));
        assert_eq!(parse_color("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_color("rgba(0, 0, 0, 0)"), None, "transparent");
        assert_eq!(parse_color("rgba(0, 0, 0, 0.5)"), None);
        for bad in ["", "red", "rgb(300, 0, 0)", "rgb(1, 2)", "#12345", "#zzzzzz", "rgb(1, 2, 3"] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn fonts_are_kept_out_of_other_css() {
        assert_eq!(clean_font(" Georgia, serif "), Some("Georgia, serif".into()));
        assert_eq!(clean_font("x; color: red"), None);
        assert_eq!(clean_font("a}b"), None);
        assert_eq!(clean_font(""), None);
    }

    #[test]
    fn overrides_replace_the_theme_and_report_poor_contrast() {
        let mut th = Theme::get(ThemeName::Light);
        let style = Style {
            background: Some(Rgb(245, 240, 230)),
            accent: Some(Rgb(0, 90, 60)),
            font: Some("Georgia, serif".into()),
            ..Style::default()
        };
        assert!(style.apply(&mut th).is_empty());
        assert_eq!(
            (th.background, th.series[0], th.font.as_str()),
            (Rgb(245, 240, 230), Rgb(0, 90, 60), "Georgia, serif")
        );
        assert_eq!(th.text, Theme::get(ThemeName::Light).text, "unset values stay");
        let pale = Style { accent: Some(Rgb(250, 230, 200)), ..Style::default() };
        let w = pale.apply(&mut Theme::get(ThemeName::Light));
        assert_eq!(w.len(), 1);
        assert!(w[0].starts_with("--ni-accent has a contrast of 1.2"), "{}", w[0]);
    }
}
