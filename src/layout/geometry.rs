//! Rectangles and text metrics. Text widths are estimated from per-character advance widths
//! of a wide sans-serif (DejaVu Sans), so the estimate errs on the wide side for narrower
//! fonts and labels never overlap in practice.

/// An axis-aligned rectangle in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its top-left corner and size.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// True when the point lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }

    /// True when the two rectangles share any area.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// True when `o` lies wholly inside (with half a pixel of rounding slack).
    pub fn encloses(&self, o: &Rect) -> bool {
        const E: f64 = 0.5;
        o.x >= self.x - E && o.y >= self.y - E && o.right() <= self.right() + E && o.bottom() <= self.bottom() + E
    }
}

/// True when `(x, y)` lies inside the polygon (even-odd rule).
pub fn in_polygon(pts: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut inside = false;
    let n = pts.len();
    for i in 0..n {
        let (xi, yi) = pts[i];
        let (xj, yj) = pts[(i + n - 1) % n];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

/// Distance from `p` to the segment `a`-`b`.
pub fn segment_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    (a.0 + t * dx - p.0).hypot(a.1 + t * dy - p.1)
}

fn advance(c: char) -> f64 {
    match c {
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
        ' ' => 0.32,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | 'I' => 0.42,
        'm' | 'w' | 'M' | 'W' | '%' | '—' => 0.95,
        'A'..='Z' | '0'..='9' | '+' | '×' | '÷' | '=' | '≈' | '✓' | '✗' | '→' | '–' => 0.7,
        _ => 0.62,
    }
}

/// Estimated width of one line of text at `size` px.
pub fn measure(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(advance).sum();
    em * size * if bold { 1.08 } else { 1.0 }
}

fn is_cjk(c: char) -> bool {
    advance(c) >= 1.0
}

/// `text` cut with "…" so it is no wider than `max_w` (unchanged if it fits).
pub fn fit_text(text: &str, size: f64, bold: bool, max_w: f64) -> String {
    if measure(text, size, bold) <= max_w {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut next = out.clone();
        next.push(c);
        next.push('…');
        if measure(&next, size, bold) > max_w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Splits `text` into lines no wider than `max_w`. Breaks at spaces; CJK text may break between
/// any two characters; a single word wider than `max_w` is broken between characters.
pub fn wrap(text: &str, size: f64, bold: bool, max_w: f64) -> Vec<String> {
    // Tokens: words (with no spaces) and single CJK characters.
    let mut tokens: Vec<(String, bool)> = Vec::new(); // (token, preceded by space)
    let mut space = false;
    for c in text.chars() {
        if c == ' ' {
            space = true;
        } else if is_cjk(c) {
            tokens.push((c.to_string(), space));
            space = false;
        } else {
            match tokens.last_mut() {
                Some((t, _)) if !space && !t.chars().last().is_some_and(is_cjk) => t.push(c),
                _ => tokens.push((c.to_string(), space)),
            }
            space = false;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (tok, spaced) in tokens {
        let candidate = if line.is_empty() {
            tok.clone()
        } else if spaced {
            format!("{line} {tok}")
        } else {
            format!("{line}{tok}")
        };
        if measure(&candidate, size, bold) <= max_w || line.is_empty() && measure(&tok, size, bold) <= max_w {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The token alone may still be too wide: break it between characters.
        for c in tok.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && measure(&next, size, bold) > max_w {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn rect_relations() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(a.contains(10.0, 5.0) && !a.contains(10.1, 5.0));
        assert!(a.intersects(&Rect::new(9.0, 9.0, 5.0, 5.0)));
        assert!(!a.intersects(&Rect::new(10.0, 0.0, 5.0, 5.0)), "touching edges do not overlap");
        assert!(a.encloses(&Rect::new(1.0, 1.0, 8.0, 8.0)) && !a.encloses(&Rect::new(5.0, 5.0, 8.0, 8.0)));
    }

    #[test]
    fn measure_grows_with_text_and_size() {
        assert!(measure("Chemicals", 13.0, false) > measure("Chem", 13.0, false));
        assert_eq!(measure("ab", 20.0, false), 2.0 * measure("ab", 10.0, false));
        assert!(measure("化工", 13.0, false) >= 26.0);
        assert!(measure("53", 13.0, true) > measure("53", 13.0, false));
    }

    #[test]
    fn wrap_breaks_at_spaces_and_every_line_fits() {
        let lines = wrap("Animal husbandry and aquaculture", 13.0, false, 120.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "Animal husbandry and aquaculture");
        for l in &lines {
            assert!(measure(l, 13.0, false) <= 120.0, "{l}");
        }
        assert_eq!(wrap("Textiles", 13.0, false, 500.0), ["Textiles"]);
    }

    #[test]
    fn wrap_breaks_cjk_and_overlong_words() {
        let lines = wrap("畜牧和水产养殖业的冠军产品", 13.0, false, 60.0);
        assert!(lines.len() >= 3);
        assert_eq!(lines.concat(), "畜牧和水产养殖业的冠军产品");
        let lines = wrap("Supercalifragilisticexpialidocious", 13.0, false, 50.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| measure(l, 13.0, false) <= 50.0));
    }
}
