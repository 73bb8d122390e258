//! Number formatting for labels, tooltips and summaries. Works on integers only (no `{}` on
//! `f64`), which keeps `core::fmt`'s float machinery out of the wasm binary and makes the
//! output identical on every platform.

/// Formats `v` rounded to at most `max_decimals` decimals, dropping trailing zeros:
/// `43.243 -> "43.2"`, `3.75 -> "3.75"`, `4.0 -> "4"`. Non-finite input gives `"–"`.
pub fn num(v: f64, max_decimals: u32) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let a = v.abs();
    if a >= 1e15 {
        return scientific(v);
    }
    // Fewer decimals for large values, so the scaled integer stays exact within i64.
    let mut max_decimals = max_decimals.min(9);
    while max_decimals > 0 && a * 10f64.powi(max_decimals as i32) > 9e15 {
        max_decimals -= 1;
    }
    let scale = 10i64.pow(max_decimals);
    let scaled = (a * scale as f64).round() as i64;
    let (int, mut frac, mut digits) = (scaled / scale, scaled % scale, max_decimals);
    while digits > 0 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    let mut s = String::new();
    if v < 0.0 && scaled != 0 {
        s.push('-');
    }
    s.push_str(&int.to_string());
    if digits > 0 {
        let f = frac.to_string();
        s.push('.');
        for _ in f.len()..digits as usize {
            s.push('0');
        }
        s.push_str(&f);
    }
    s
}

/// A number written so that it reads back as (nearly) the same number: `num(v, 6)` below 10^15,
/// else scientific notation with 16 significant digits. Used where numbers are identities
/// (category keys, table cells of raw data), not labels.
pub fn exact(v: f64) -> String {
    let a = v.abs();
    if !v.is_finite() || a < 1e15 {
        return num(v, 6);
    }
    let mut exp = a.log10().floor() as i32;
    let mut digits = (a / 10f64.powi(exp) * 1e15).round() as u64;
    if digits >= 10_000_000_000_000_000 {
        digits /= 10;
        exp += 1;
    }
    let d = digits.to_string();
    let frac = d[1..].trim_end_matches('0');
    let sign = if v < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{}e{exp}", &d[..1])
    } else {
        format!("{sign}{}.{frac}e{exp}", &d[..1])
    }
}

/// `1.23e18` style for magnitudes of 10^15 and more (four significant digits).
fn scientific(v: f64) -> String {
    let a = v.abs();
    let mut exp = a.log10().floor() as i32;
    let mut mant = a / 10f64.powi(exp);
    if mant >= 9.9995 {
        mant /= 10.0;
        exp += 1;
    }
    format!("{}{}e{exp}", if v < 0.0 { "-" } else { "" }, num(mant, 3))
}

/// Like [`num`] with an explicit `+` for positive values: `"+16"`, `"-2"`, `"0"`.
pub fn signed(v: f64, max_decimals: u32) -> String {
    let s = num(v, max_decimals);
    if v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

/// A percentage with one decimal: `percent(43.24, true) -> "+43.2%"`.
pub fn percent(v: f64, sign: bool) -> String {
    let s = if sign { signed(v, 1) } else { num(v, 1) };
    format!("{s}%")
}

/// A multiple: `ratio(3.75) -> "3.75×"`.
pub fn ratio(v: f64) -> String {
    format!("{}×", num(v, 2))
}

/// A short form for tight spaces: `953983.32 -> "954k"`, `1250000 -> "1.3M"`, `12.345 -> "12.35"`.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let (div, suffix) = if a >= 1e12 {
        (1e12, "T")
    } else if a >= 1e9 {
        (1e9, "B")
    } else if a >= 1e6 {
        (1e6, "M")
    } else if a >= 1e4 {
        (1e3, "k")
    } else {
        return num(v, 2);
    };
    let digits = if a / div >= 100.0 { 0 } else { 1 };
    format!("{}{suffix}", num(v / div, digits))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_trims() {
        assert_eq!(num(43.2432, 1), "43.2");
        assert_eq!(num(3.75, 2), "3.75");
        assert_eq!(num(4.0, 2), "4");
        assert_eq!(num(0.05, 1), "0.1");
        assert_eq!(num(10.8108, 1), "10.8");
        assert_eq!(num(2.04, 1), "2");
        assert_eq!(num(1.05, 2), "1.05");
        assert_eq!(num(-2.5, 1), "-2.5");
        assert_eq!(num(-0.01, 1), "0");
        assert_eq!(num(f64::NAN, 1), "–");
        assert_eq!(num(20240101000000.0, 6), "20240101000000");
        assert_eq!(num(20240102000000.5, 6), "20240102000000.5");
        assert_eq!(num(1e13, 6), "10000000000000");
        assert_eq!(num(1.5e300, 2), "1.5e300");
        assert_eq!(num(-2.5e18, 0), "-2.5e18");
        for v in [f64::MAX, -f64::MAX, 1.2345678901234567e200, 1e15, 123.456] {
            let back: f64 = exact(v).parse().unwrap();
            assert!((back - v).abs() <= v.abs() * 1e-15, "{v} -> {}", exact(v));
        }
        assert_eq!(exact(2.5e18), "2.5e18");
    }

    #[test]
    fn signs_percents_ratios() {
        assert_eq!(signed(16.0, 0), "+16");
        assert_eq!(signed(-2.0, 0), "-2");
        assert_eq!(signed(0.0, 0), "0");
        assert_eq!(percent(43.2432, true), "+43.2%");
        assert_eq!(percent(28.3, false), "28.3%");
        assert_eq!(ratio(3.75), "3.75×");
        assert_eq!(ratio(3.0), "3×");
    }

    #[test]
    fn compact_forms() {
        assert_eq!(compact(953983.32), "954k");
        assert_eq!(compact(1_250_000.0), "1.3M");
        assert_eq!(compact(-45_000.0), "-45k");
        assert_eq!(compact(9999.0), "9999");
        assert_eq!(compact(12.345), "12.35");
        assert_eq!(compact(2.5e9), "2.5B");
    }
}
