//! JavaScript's text-to-number conversion (`+text`, ECMAScript StringToNumber), which Vega's
//! `toNumber` uses: surrounding white space ignored, blank text is 0, `Infinity`, `0x`/`0o`/`0b`
//! integers, decimal literals; anything else (`1,234`, `12px`, `inf`, `nan`) is NaN.

/// `+text` in JavaScript.
pub fn js_to_number(text: &str) -> f64 {
    let t = text.trim_matches(is_js_space);
    if t.is_empty() {
        return 0.0;
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    let b = t.as_bytes();
    if b.len() > 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return radix_integer(&t[2..], radix);
        }
    }
    if is_decimal_literal(b) {
        t.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// JavaScript's WhiteSpace and LineTerminator characters (what `String.prototype.trim` removes).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// Digits in `radix` (no sign, no separators) as a number; NaN when any is not a digit.
fn radix_integer(digits: &str, radix: u32) -> f64 {
    let mut v = 0.0f64;
    for c in digits.chars() {
        match c.to_digit(radix) {
            Some(d) => v = v * radix as f64 + d as f64,
            None => return f64::NAN,
        }
    }
    v
}

/// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`: the literals Rust's parser
/// reads the same way as JavaScript (Rust alone would also take `inf` and `nan`).
fn is_decimal_literal(b: &[u8]) -> bool {
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn converts_as_unary_plus_does() {
        // Values of `+text` in JavaScript (ECMAScript StringToNumber).
        assert_eq!(js_to_number("12"), 12.0);
        assert_eq!(js_to_number("  -1.5e3\n"), -1500.0);
        assert_eq!(js_to_number(".5"), 0.5);
        assert_eq!(js_to_number("5."), 5.0);
        assert_eq!(js_to_number("+7"), 7.0);
        assert_eq!(js_to_number("0x1F"), 31.0);
        assert_eq!(js_to_number("0b101"), 5.0);
        assert_eq!(js_to_number("0o17"), 15.0);
        assert_eq!(js_to_number("   "), 0.0);
        assert_eq!(js_to_number("\u{a0}3\u{3000}"), 3.0);
        assert_eq!(js_to_number("-Infinity"), f64::NEG_INFINITY);
        for bad in ["1,234", "12px", "inf", "nan", "NaN", "infinity", "-0x10", "1e", "e5", ".", "+", "1_000", "0x"] {
            assert!(js_to_number(bad).is_nan(), "{bad}");
        }
    }
}
