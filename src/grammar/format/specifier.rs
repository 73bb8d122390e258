//! The d3-format specifier grammar `[[fill]align][sign][symbol][0][width][,][.precision][~][type]`,
//! read into its raw parts before defaults are applied (d3's `formatSpecifier`).

/// The widest padding a specifier may ask for (d3 has no limit; this keeps allocation bounded).
pub const MAX_WIDTH: usize = 1000;

/// The raw parts of a number format specifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Fill character (default space).
    pub fill: char,
    /// Alignment: one of `<>=^` (default `>`).
    pub align: char,
    /// Sign: one of `-+( ` (default `-`).
    pub sign: char,
    /// Symbol: `$`, `#`, or `None`.
    pub symbol: Option<char>,
    /// Zero padding flag.
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// Group thousands.
    pub comma: bool,
    /// Precision, as written (may be negative after tick-precision arithmetic).
    pub precision: Option<i64>,
    /// Trim insignificant trailing zeros.
    pub trim: bool,
    /// Type letter (any ASCII letter or `%`), `None` when absent.
    pub ty: Option<char>,
}

fn invalid(spec: &str) -> String {
    format!("invalid format: {spec}")
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// A fill may be any single UTF-16 unit that is not a line terminator (JavaScript's `.`).
fn fill_ok(c: char) -> bool {
    (c as u32) <= 0xFFFF && !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

impl Spec {
    /// Reads a specifier; the error text is d3's (`invalid format: …`).
    pub fn parse(spec: &str) -> Result<Spec, String> {
        let c: Vec<char> = spec.chars().collect();
        let mut s = Spec {
            fill: ' ',
            align: '>',
            sign: '-',
            symbol: None,
            zero: false,
            width: None,
            comma: false,
            precision: None,
            trim: false,
            ty: None,
        };
        let mut i = 0;
        match (c.first(), c.get(1)) {
            (Some(&f), Some(&a)) if is_align(a) => {
                if !fill_ok(f) {
                    return Err(invalid(spec));
                }
                s.fill = f;
                s.align = a;
                i = 2;
            }
            (Some(&a), _) if is_align(a) => {
                s.align = a;
                i = 1;
            }
            _ => {}
        }
        let at = |i: usize| c.get(i).copied();
        if let Some(x @ ('+' | '-' | '(' | ' ')) = at(i) {
            s.sign = x;
            i += 1;
        }
        if let Some(x @ ('$' | '#')) = at(i) {
            s.symbol = Some(x);
            i += 1;
        }
        if at(i) == Some('0') {
            s.zero = true;
            i += 1;
        }
        let digits = |i: &mut usize| -> Option<u64> {
            let start = *i;
            let mut v: u64 = 0;
            while let Some(d) = at(*i).and_then(|x| x.to_digit(10)) {
                v = (v * 10 + d as u64).min(1 << 40);
                *i += 1;
            }
            (*i > start).then_some(v)
        };
        if let Some(w) = digits(&mut i) {
            if w as usize > MAX_WIDTH {
                return Err(format!("format width {w} is larger than {MAX_WIDTH}: {spec}"));
            }
            s.width = Some(w as usize);
        }
        if at(i) == Some(',') {
            s.comma = true;
            i += 1;
        }
        if at(i) == Some('.') {
            i += 1;
            s.precision = Some(digits(&mut i).ok_or_else(|| invalid(spec))? as i64);
        }
        if at(i) == Some('~') {
            s.trim = true;
            i += 1;
        }
        if let Some(t) = at(i).filter(|t| t.is_ascii_alphabetic() || *t == '%') {
            s.ty = Some(t);
            i += 1;
        }
        if i != c.len() {
            return Err(invalid(spec));
        }
        Ok(s)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_every_part() {
        let s = Spec::parse("*^+$012,.3~f").unwrap();
        assert_eq!((s.fill, s.align, s.sign, s.symbol, s.zero), ('*', '^', '+', Some('$'), true));
        assert_eq!((s.width, s.comma, s.precision, s.trim, s.ty), (Some(12), true, Some(3), true, Some('f')));
        let s = Spec::parse("<<").unwrap();
        assert_eq!((s.fill, s.align), ('<', '<'));
        let s = Spec::parse("=").unwrap();
        assert_eq!((s.fill, s.align, s.ty), (' ', '=', None));
        let s = Spec::parse("00").unwrap();
        assert_eq!((s.zero, s.width), (true, Some(0)));
        assert_eq!(Spec::parse("é^9d").unwrap().fill, 'é');
        assert_eq!(Spec::parse("").unwrap().ty, None);
    }

    #[test]
    fn refuses_what_d3_refuses() {
        // Each of these throws "invalid format: …" in d3-format 3.1.3.
        for bad in ["x.2f", ".f", "..2f", "~~f", "1.2.3f", "-+f", "$$f", "ff", "<<<", ",,f", "\n<f", "😀<f"] {
            assert_eq!(Spec::parse(bad), Err(format!("invalid format: {bad}")), "{bad:?}");
        }
        assert!(Spec::parse("99999f").unwrap_err().contains("larger than"));
        assert_eq!(Spec::parse(".99999999999999999999f").unwrap().precision, Some(1 << 40));
    }
}
