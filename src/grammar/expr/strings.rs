//! String (and sequence) functions: `length lower upper trim pad slice substring indexof
//! lastindexof replace parseInt parseFloat truncate inrange`. Indices count UTF-16 code units,
//! as JavaScript's do; `pad` and `replace` results longer than [`MAX_TEXT`] are null.

use super::functions::Func;
use super::js::{from_utf16, less, strict_eq, to_int32, to_integer, to_number, to_text, truthy, utf16, MAX_TEXT, V};
use super::lexer::is_js_space;
use crate::grammar::value::Value;

/// Calls string function `f` on evaluated arguments (arity already checked).
pub(super) fn call(f: Func, a: &[V]) -> V {
    let arg = |i: usize| a.get(i).cloned().unwrap_or(V::null());
    let text = |i: usize| to_text(&arg(i));
    let num = |i: usize| a.get(i).map_or(f64::NAN, to_number);
    match f {
        Func::Length => match arg(0) {
            V::P(Value::Str(s)) => V::num(s.encode_utf16().count() as f64),
            V::A(xs) => V::num(xs.len() as f64),
            _ => V::num(f64::NAN), // JavaScript's `undefined`, which acts as NaN
        },
        Func::Lower => V::text(text(0).to_lowercase()),
        Func::Upper => V::text(text(0).to_uppercase()),
        Func::Trim => V::text(text(0).trim_matches(is_js_space).to_string()),
        Func::Pad => pad(&text(0), num(1), a.get(2), a.get(3)),
        Func::Slice => match arg(0) {
            V::P(Value::Str(s)) => {
                let u = utf16(&s);
                let (i, j) = range(&u, num(1), a.get(2).map(to_number));
                V::text(from_utf16(&u[i..j.max(i)]))
            }
            V::A(xs) => {
                let (i, j) = range(&xs[..], num(1), a.get(2).map(to_number));
                V::A(std::rc::Rc::new(xs[i..j.max(i)].to_vec()))
            }
            _ => V::null(),
        },
        Func::Substring => {
            let u = utf16(&text(0));
            let clamp = |x: f64| to_integer(x).clamp(0.0, u.len() as f64) as usize;
            let (i, j) = (clamp(num(1)), a.get(2).map_or(u.len(), |e| clamp(to_number(e))));
            V::text(from_utf16(&u[i.min(j)..i.max(j)]))
        }
        Func::IndexOf | Func::LastIndexOf => index_of(f == Func::LastIndexOf, &arg(0), &arg(1)),
        Func::Replace => match arg(1) {
            V::P(Value::Str(p)) => replace(&text(0), &p, &text(2)),
            _ => V::null(),
        },
        Func::ParseInt => V::num(parse_int(&text(0), a.get(1).map_or(0, |r| to_int32(to_number(r))))),
        Func::ParseFloat => V::num(parse_float(&text(0))),
        Func::Truncate => truncate(&text(0), num(1), a.get(2), a.get(3)),
        Func::InRange => in_range(&arg(0), &arg(1)),
        _ => V::null(),
    }
}

/// JavaScript `slice` bounds: negative counts from the end, NaN is 0, end defaults to length.
fn range<T>(xs: &[T], start: f64, end: Option<f64>) -> (usize, usize) {
    let len = xs.len() as f64;
    let rel = |k: f64| {
        let k = to_integer(k);
        (if k < 0.0 { (len + k).max(0.0) } else { k.min(len) }) as usize
    };
    (rel(start), end.map_or(xs.len(), rel))
}

fn repeat(c: &str, n: f64) -> String {
    if n >= 1.0 {
        c.repeat(n as usize)
    } else {
        String::new()
    }
}

/// vega-util `pad(str, length, char = ' ', align = 'right')`.
fn pad(s: &str, length: f64, ch: Option<&V>, align: Option<&V>) -> V {
    let c = match ch {
        Some(v) if truthy(v) => to_text(v),
        _ => " ".to_string(),
    };
    let n = length - s.encode_utf16().count() as f64;
    if n.is_nan() || n <= 0.0 || c.is_empty() {
        return V::text(s.to_string());
    }
    if (n.ceil() + 1.0) * c.len() as f64 + s.len() as f64 > MAX_TEXT as f64 {
        return V::null();
    }
    let (l, r) = match align {
        Some(V::P(Value::Str(a))) if &**a == "left" => (n.floor(), 0.0),
        Some(V::P(Value::Str(a))) if &**a == "center" => ((n / 2.0).trunc(), (n / 2.0).ceil()),
        _ => (0.0, n.floor()),
    };
    V::text(repeat(&c, l) + s + &repeat(&c, r))
}

/// vega-util `truncate(str, length, align = 'right', ellipsis = '…')`.
fn truncate(s: &str, length: f64, align: Option<&V>, ellipsis: Option<&V>) -> V {
    let e = match ellipsis {
        Some(V::P(Value::Null)) | None => "\u{2026}".to_string(),
        Some(v) => to_text(v),
    };
    let u = utf16(s);
    let n = u.len() as f64;
    if n <= length {
        return V::text(s.to_string());
    }
    let l = (length - e.encode_utf16().count() as f64).max(0.0);
    let l = if length.is_nan() { f64::NAN } else { l };
    let piece = |a: f64, b: Option<f64>| {
        let (i, j) = range(&u, a, b);
        from_utf16(&u[i..j.max(i)])
    };
    V::text(match align {
        Some(V::P(Value::Str(a))) if &**a == "left" => e + &piece(n - l, None),
        Some(V::P(Value::Str(a))) if &**a == "center" => {
            piece(0.0, Some((l / 2.0).ceil())) + &e + &piece(n - to_integer(l / 2.0), None)
        }
        _ => piece(0.0, Some(l)) + &e,
    })
}

fn index_of(last: bool, seq: &V, x: &V) -> V {
    match seq {
        V::P(Value::Str(s)) => {
            let (hay, needle) = (utf16(s), utf16(&to_text(x)));
            let fits = hay.len() >= needle.len();
            let at = |i: &usize| hay.get(*i..*i + needle.len()) == Some(&needle[..]);
            let found = if !fits {
                None
            } else if last {
                (0..=hay.len() - needle.len()).rev().find(at)
            } else {
                (0..=hay.len() - needle.len()).find(at)
            };
            V::num(found.map_or(-1.0, |i| i as f64))
        }
        V::A(xs) => {
            let found =
                if last { xs.iter().rposition(|y| strict_eq(y, x)) } else { xs.iter().position(|y| strict_eq(y, x)) };
            V::num(found.map_or(-1.0, |i| i as f64))
        }
        _ => V::null(),
    }
}

/// `String.prototype.replace` with a string pattern: the first match only, with the `$$`,
/// `$&`, `` $` `` and `$'` replacement patterns.
fn replace(s: &str, pat: &str, repl: &str) -> V {
    let Some(i) = s.find(pat) else { return V::text(s.to_string()) };
    let (before, after) = (&s[..i], &s[i + pat.len()..]);
    let mut out = String::from(before);
    let mut chars = repl.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            let piece = match chars.peek() {
                Some('$') => "$",
                Some('&') => pat,
                Some('`') => before,
                Some('\'') => after,
                _ => {
                    out.push('$');
                    continue;
                }
            };
            chars.next();
            out.push_str(piece);
        } else {
            out.push(c);
        }
        if out.len() > MAX_TEXT {
            return V::null();
        }
    }
    out.push_str(after);
    V::text(out)
}

/// JavaScript `parseInt(text, radix)` (radix 0 means 10, or 16 after a `0x` prefix).
fn parse_int(s: &str, radix: i32) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut r = radix;
    let mut t = t;
    if r != 0 && !(2..=36).contains(&r) {
        return f64::NAN;
    }
    if r == 0 || r == 16 {
        if let Some(rest) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
            t = rest;
            r = 16;
        }
    }
    let r = if r == 0 { 10 } else { r as u32 };
    let digits: String = t.chars().take_while(|c| c.is_digit(r)).collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    let v = if r == 10 {
        digits.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        digits.chars().fold(0.0, |acc, c| acc * r as f64 + c.to_digit(r).unwrap_or(0) as f64)
    };
    if neg {
        -v
    } else {
        v
    }
}

/// JavaScript `parseFloat`: the longest decimal prefix after leading white space.
fn parse_float(s: &str) -> f64 {
    let t: Vec<char> = s.trim_start_matches(is_js_space).chars().collect();
    let mut i = usize::from(matches!(t.first(), Some('+' | '-')));
    let rest: String = t[i..].iter().take(8).collect();
    if rest.starts_with("Infinity") {
        return if t.first() == Some(&'-') { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    let digits = |i: &mut usize| {
        let s = *i;
        while t.get(*i).is_some_and(|c| c.is_ascii_digit()) {
            *i += 1;
        }
        *i - s
    };
    let mut n = digits(&mut i);
    if t.get(i) == Some(&'.') {
        let mut j = i + 1;
        let f = digits(&mut j);
        if n + f > 0 {
            i = j;
            n += f;
        }
    }
    if n == 0 {
        return f64::NAN;
    }
    if matches!(t.get(i), Some('e' | 'E')) {
        let mut j = i + 1 + usize::from(matches!(t.get(i + 1), Some('+' | '-')));
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    t[..i].iter().collect::<String>().parse().unwrap_or(f64::NAN)
}

/// vega-util `inrange(value, range)`: between the first and last items, inclusive.
fn in_range(v: &V, r: &V) -> V {
    let (lo, hi) = match r {
        V::A(xs) => match (xs.first(), xs.last()) {
            (Some(a), Some(b)) => (a.clone(), b.clone()),
            _ => return V::bool(false),
        },
        V::P(Value::Str(s)) => {
            let u = utf16(s);
            match (u.first(), u.last()) {
                (Some(a), Some(b)) => (V::text(from_utf16(&[*a])), V::text(from_utf16(&[*b]))),
                _ => return V::bool(false),
            }
        }
        _ => return V::bool(false),
    };
    let (lo, hi) = if less(&hi, &lo) == Some(true) { (hi, lo) } else { (lo, hi) };
    V::bool(less(v, &lo) == Some(false) && less(&hi, v) == Some(false))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parse_int_and_float_take_prefixes() {
        assert_eq!(parse_int("  0x1Fz", 0), 31.0); // vega 6.4.0: 31
        assert_eq!(parse_int("-42px", 0), -42.0);
        assert_eq!(parse_int("ff", 16), 255.0);
        assert_eq!(parse_int("12", 2), 1.0);
        assert!(parse_int("x", 0).is_nan());
        assert!(parse_int("1", 1).is_nan());
        assert_eq!(parse_float("3.5e2abc"), 350.0); // vega 6.4.0: 350
        assert_eq!(parse_float(" -.5."), -0.5);
        assert_eq!(parse_float("1e"), 1.0);
        assert_eq!(parse_float("-Infinityx"), f64::NEG_INFINITY);
        assert!(parse_float(".e1").is_nan());
    }

    #[test]
    fn replace_uses_javascript_patterns() {
        assert_eq!(replace("aXbX", "X", "[$&$$]"), V::text("a[X$]bX".into())); // vega 6.4.0
        assert_eq!(replace("abc", "b", "$`$'$1"), V::text("aac$1c".into()));
        assert_eq!(replace("abc", "", "-"), V::text("-abc".into()));
    }

    #[test]
    fn pad_and_truncate_follow_vega_util() {
        let t = |s: &str| V::P(Value::str(s));
        assert_eq!(pad("ab", 5.0, Some(&t("*")), Some(&t("center"))), t("*ab**")); // vega 6.4.0
        assert_eq!(pad("ab", 4.0, None, Some(&t("left"))), t("  ab"));
        assert_eq!(pad("ab", 1e12, None, None), V::null());
        assert_eq!(truncate("abcdefgh", 5.0, Some(&t("center")), None), t("ab…gh")); // vega 6.4.0
        assert_eq!(truncate("abcdefgh", 5.0, Some(&t("left")), None), t("…efgh"));
        assert_eq!(truncate("abcdefgh", 5.0, None, Some(&t("..."))), t("ab..."));
        assert_eq!(truncate("abc", 5.0, None, None), t("abc"));
    }
}
