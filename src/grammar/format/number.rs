//! d3-format number formatting: a parsed specifier with d3's defaults applied, and the text it
//! writes for a value in a locale (sign, currency, SI prefix, grouping, padding, alignment).

use super::js_int::{js_pow10, js_round, radix_string};
use super::js_num::{decimal_parts, to_exponential, to_fixed, to_js_string, to_precision};
use super::specifier::Spec;
use super::Locale;

pub use super::ticks::{tick_format, tick_step};

/// The minus sign d3-format writes (U+2212).
pub const MINUS: char = '\u{2212}';

const PREFIXES: [&str; 17] = ["y", "z", "a", "f", "p", "n", "\u{b5}", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"];

/// A compiled d3-format specifier: `NumberFormat::parse(",.2f")?.format(1234.5, Locale::En)`
/// writes `"1,234.50"`.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberFormat {
    fill: char,
    align: char,
    sign: char,
    currency: bool,
    radix_prefix: bool,
    zero: bool,
    width: usize,
    comma: bool,
    precision: usize,
    trim: bool,
    ty: char,
    /// d3's `formatPrefix` mode (from `tick_format` with type `s`): values are scaled by
    /// 10^-e and get the SI suffix of `e`; `Some(None)` is d3's NaN scale for a zero extent.
    scale: Option<Option<i32>>,
}

/// The SI symbol of a multiple of three in [-24, 24].
pub(super) fn si_symbol(e3: i32) -> &'static str {
    PREFIXES.get((8 + e3.div_euclid(3)).clamp(0, 16) as usize).copied().unwrap_or("")
}

impl NumberFormat {
    /// Compiles a full d3-format specifier (`""` is d3's default, `.12~g`).
    pub fn parse(spec: &str) -> Result<NumberFormat, String> {
        Ok(Self::build(Spec::parse(spec)?, None))
    }

    /// Applies d3's defaults: `n` is `,g`; unknown or missing types are `~g` with precision 12;
    /// a `0` flag means fill `0` aligned `=`; precision defaults to 6 and is clamped.
    pub(super) fn build(s: Spec, scale: Option<Option<i32>>) -> NumberFormat {
        let (mut ty, mut comma, mut trim, mut precision) = (s.ty.unwrap_or('\0'), s.comma, s.trim, s.precision);
        if ty == 'n' {
            comma = true;
            ty = 'g';
        } else if !"%bcdefgoprsxX".contains(ty) {
            precision = precision.or(Some(12));
            trim = true;
            ty = 'g';
        }
        let (mut fill, mut align, mut zero) = (s.fill, s.align, s.zero);
        if zero || (fill == '0' && align == '=') {
            zero = true;
            fill = '0';
            align = '=';
        }
        let precision = match precision {
            None => 6,
            Some(p) if "gprs".contains(ty) => p.clamp(1, 21) as usize,
            Some(p) => p.clamp(0, 20) as usize,
        };
        NumberFormat {
            fill,
            align,
            sign: s.sign,
            currency: s.symbol == Some('$'),
            radix_prefix: s.symbol == Some('#') && "boxX".contains(ty),
            zero,
            width: s.width.unwrap_or(0),
            comma,
            precision,
            trim,
            ty,
            scale,
        }
    }

    /// Formats `v` as d3 does in the locale (En `$`, Zh `¥`; both `,` thousands and `.` decimal).
    pub fn format(&self, v: f64, loc: Locale) -> String {
        match self.scale {
            None => self.write(v, loc),
            Some(Some(e)) => self.write(js_pow10(-e) * v, loc),
            Some(None) => self.write(f64::NAN, loc),
        }
    }

    fn write(&self, v: f64, loc: Locale) -> String {
        let currency = match loc {
            Locale::En => "$",
            Locale::Zh => "\u{a5}",
        };
        let mut prefix = String::new();
        if self.currency {
            prefix.push_str(currency);
        } else if self.radix_prefix {
            prefix.push('0');
            prefix.push(self.ty.to_ascii_lowercase());
        }
        let mut suffix = if !self.currency && "%p".contains(self.ty) { "%" } else { "" }.to_string();
        if let Some(Some(e)) = self.scale {
            suffix.push_str(si_symbol(e));
        }
        let (mut value, vprefix, mut vsuffix);
        if self.ty == 'c' {
            vsuffix = to_js_string(v) + &suffix;
            vprefix = prefix;
            value = String::new();
        } else {
            let mut negative = v < 0.0 || (v == 0.0 && v.is_sign_negative());
            let (mut body, si) = if v.is_nan() { ("NaN".to_string(), None) } else { self.body(v.abs()) };
            if self.trim {
                body = trim_zeros(&body);
            }
            if negative && body.parse::<f64>().is_ok_and(|x| x == 0.0) && self.sign != '+' {
                negative = false;
            }
            vprefix = match (negative, self.sign) {
                (true, '(') => "(".to_string(),
                (true, _) => MINUS.to_string(),
                (false, '-' | '(') => String::new(),
                (false, s) => s.to_string(),
            } + &prefix;
            vsuffix = si.map(si_symbol).unwrap_or("").to_string() + &suffix;
            if negative && self.sign == '(' {
                vsuffix.push(')');
            }
            // Split the groupable integer digits from the fraction or exponent part.
            let split = body.find(|c: char| !c.is_ascii_digit()).filter(|_| "defgprs%".contains(self.ty));
            if let Some(i) = split {
                let rest = &body[i..];
                vsuffix = match rest.strip_prefix('.') {
                    Some(frac) => format!(".{frac}{vsuffix}"),
                    None => format!("{rest}{vsuffix}"),
                };
                body.truncate(i);
            }
            value = body;
        }
        if self.comma && !self.zero {
            value = group(&value, usize::MAX);
        }
        let len = vprefix.chars().count() + value.chars().count() + vsuffix.chars().count();
        let mut padding = if len < self.width { self.fill.to_string().repeat(self.width - len) } else { String::new() };
        if self.comma && self.zero {
            let w = if padding.is_empty() { usize::MAX } else { self.width.saturating_sub(vsuffix.chars().count()) };
            value = group(&(padding + &value), w);
            padding = String::new();
        }
        match self.align {
            '<' => vprefix + &value + &vsuffix + &padding,
            '=' => vprefix + &padding + &value + &vsuffix,
            '^' => {
                let half: String = padding.chars().take(padding.chars().count() / 2).collect();
                let rest: String = padding.chars().skip(half.chars().count()).collect();
                half + &vprefix + &value + &vsuffix + &rest
            }
            _ => padding + &vprefix + &value + &vsuffix,
        }
    }

    /// The digits of a non-negative value for the type, and the SI exponent for `s`.
    fn body(&self, x: f64) -> (String, Option<i32>) {
        let p = self.precision;
        let s = match self.ty {
            '%' => to_fixed(x * 100.0, p),
            'b' => radix_string(x, 2),
            'o' => radix_string(x, 8),
            'x' => radix_string(x, 16),
            'X' => radix_string(x, 16).to_uppercase(),
            'd' => {
                let r = js_round(x);
                if r.is_infinite() {
                    "\u{221e}".to_string() // toLocaleString writes ∞
                } else if r >= 1e21 {
                    expand_integer(&to_js_string(r))
                } else {
                    to_js_string(r)
                }
            }
            'e' => to_exponential(x, Some(p)),
            'f' => to_fixed(x, p),
            'p' => rounded(x * 100.0, p),
            'r' => rounded(x, p),
            's' => return prefix_auto(x, p),
            _ => to_precision(x, p),
        };
        (s, None)
    }
}

/// `1.2e+21` written out in full (`toLocaleString("en")` without separators).
fn expand_integer(s: &str) -> String {
    let Some((m, e)) = s.split_once('e') else { return s.to_string() };
    let e: usize = e.trim_start_matches('+').parse().unwrap_or(0);
    let digits: String = m.chars().filter(char::is_ascii_digit).collect();
    let frac = m.split_once('.').map_or(0, |(_, f)| f.len());
    digits + &"0".repeat(e.saturating_sub(frac))
}

/// d3's `formatRounded`: `p` significant digits written without exponent.
fn rounded(x: f64, p: usize) -> String {
    let Some((c, e)) = decimal_parts(x, Some(p)) else { return to_js_string(x) };
    if e < 0 {
        format!("0.{}{c}", "0".repeat((-e - 1) as usize))
    } else if c.len() > (e + 1) as usize {
        format!("{}.{}", &c[..(e + 1) as usize], &c[(e + 1) as usize..])
    } else {
        c.clone() + &"0".repeat((e + 1) as usize - c.len())
    }
}

/// d3's `formatPrefixAuto`: `p` significant digits scaled to an SI prefix.
fn prefix_auto(x: f64, p: usize) -> (String, Option<i32>) {
    let Some((c, e)) = decimal_parts(x, Some(p)) else { return (to_precision(x, p), None) };
    let pe = e.div_euclid(3).clamp(-8, 8) * 3;
    let i = e - pe + 1;
    let n = c.len() as i32;
    let s = if i == n {
        c
    } else if i > n {
        c + &"0".repeat((i - n) as usize)
    } else if i > 0 {
        format!("{}.{}", &c[..i as usize], &c[i as usize..])
    } else {
        let more = decimal_parts(x, Some((p as i32 + i - 1).max(0) as usize)).map(|d| d.0).unwrap_or_default();
        format!("0.{}{more}", "0".repeat((-i) as usize))
    };
    (s, Some(pe))
}

/// d3's `formatTrim`: drops insignificant zeros after the decimal point (`1.2000k` to `1.2k`).
fn trim_zeros(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    let (mut i0, mut i1): (isize, usize) = (-1, 0);
    for (i, &ch) in c.iter().enumerate().skip(1) {
        match ch {
            '.' => {
                i0 = i as isize;
                i1 = i;
            }
            '0' => {
                if i0 == 0 {
                    i0 = i as isize;
                }
                i1 = i;
            }
            '1'..='9' => {
                if i0 > 0 {
                    i0 = 0;
                }
            }
            _ => break,
        }
    }
    if i0 > 0 {
        c[..i0 as usize].iter().chain(&c[i1 + 1..]).collect()
    } else {
        s.to_string()
    }
}

/// d3's `formatGroup` with groups of three and `,`, limited to `width` when zero-padding.
fn group(value: &str, width: usize) -> String {
    let c: Vec<char> = value.chars().collect();
    let mut parts: Vec<String> = Vec::new();
    let (mut i, mut length, mut g) = (c.len(), 0usize, 3usize);
    while i > 0 && g > 0 {
        if length.saturating_add(g + 1) > width {
            g = width.saturating_sub(length).max(1);
        }
        let start = i.saturating_sub(g);
        parts.push(c[start..i].iter().collect());
        i = start;
        length = length.saturating_add(g + 1);
        if length > width {
            break;
        }
        g = 3;
    }
    parts.reverse();
    parts.join(",")
}
