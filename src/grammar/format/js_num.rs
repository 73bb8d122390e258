//! Number-to-text conversions exactly as JavaScript writes them, which d3-format builds on:
//! `toFixed`, `toExponential`, `toPrecision` and `String(x)`. Rounding works on the exact decimal expansion
//! of the binary value and breaks exact ties upwards, as the ECMAScript spec says, so
//! `(1.005).toFixed(2)` is `"1.00"` (the double is below 1.005) and `(2.5).toFixed(0)` is `"3"`.

/// Decimal digits of a positive finite value: value = 0.d1d2d3... x 10^point, d1 != 0.
struct Digits {
    d: Vec<u8>,
    point: i32,
}

const BASE: u64 = 1_000_000_000;

fn mul_small(v: &mut Vec<u64>, k: u64) {
    let mut carry = 0u64;
    for limb in v.iter_mut() {
        let t = *limb * k + carry;
        *limb = t % BASE;
        carry = t / BASE;
    }
    while carry > 0 {
        v.push(carry % BASE);
        carry /= BASE;
    }
}

/// The exact decimal expansion of a positive finite double (at most ~770 digits).
fn exact(x: f64) -> Digits {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    let mut v = vec![m % BASE, (m / BASE) % BASE, m / (BASE * BASE)];
    let mut shift = 0i32;
    if e >= 0 {
        while e > 0 {
            let s = e.min(29);
            mul_small(&mut v, 1u64 << s);
            e -= s;
        }
    } else {
        let mut k = -e;
        shift = k;
        while k > 0 {
            let s = k.min(13);
            mul_small(&mut v, 5u64.pow(s as u32));
            k -= s;
        }
    }
    while v.len() > 1 && v.last() == Some(&0) {
        v.pop();
    }
    let mut d = Vec::with_capacity(v.len() * 9);
    for (i, limb) in v.iter().rev().enumerate() {
        let s = if i == 0 { limb.to_string() } else { format!("{limb:09}") };
        d.extend(s.bytes().map(|b| b - b'0'));
    }
    let point = d.len() as i32 - shift;
    while d.last() == Some(&0) {
        d.pop();
    }
    Digits { d, point }
}

/// The shortest digits that read back as `x` (positive finite), as `Number.prototype.toString`.
fn shortest(x: f64) -> Digits {
    let s = format!("{x:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    while d.len() > 1 && d.last() == Some(&0) {
        d.pop();
    }
    Digits { d, point: exp + 1 }
}

/// Digits of round(0.D x 10^n), ties up; empty for zero.
fn round_int(dg: &Digits, n: i32) -> Vec<u8> {
    if n < 0 {
        return Vec::new();
    }
    let n = n as usize;
    let mut out: Vec<u8> = (0..n).map(|i| dg.d.get(i).copied().unwrap_or(0)).collect();
    if dg.d.get(n).is_some_and(|&c| c >= 5) {
        let mut i = out.len();
        loop {
            if i == 0 {
                out.insert(0, 1);
                break;
            }
            i -= 1;
            if out[i] == 9 {
                out[i] = 0;
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    let lead = out.iter().take_while(|&&c| c == 0).count();
    out.drain(..lead);
    out
}

/// `p` significant digits of `x` (positive finite) and the decimal exponent of the first.
fn significant(x: f64, p: usize) -> (Vec<u8>, i32) {
    let dg = exact(x);
    let mut d = round_int(&dg, p as i32);
    let mut e = dg.point - 1;
    if d.len() > p {
        d.truncate(p);
        e += 1;
    }
    (d, e)
}

fn text(d: &[u8]) -> String {
    d.iter().map(|&c| char::from(b'0' + c)).collect()
}

fn exp_text(d: &[u8], e: i32) -> String {
    let mut s = text(&d[..d.len().min(1)]);
    if d.len() > 1 {
        s.push('.');
        s.push_str(&text(&d[1..]));
    }
    format!("{s}e{}{}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x < 0.0 { "-Infinity" } else { "Infinity" }.into())
    } else {
        None
    }
}

/// `String(x)`: the shortest round-trip digits, in exponent form outside [1e-7, 1e21).
pub fn to_js_string(x: f64) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    if x == 0.0 {
        return "0".into();
    }
    if x < 0.0 {
        return format!("-{}", to_js_string(-x));
    }
    let dg = shortest(x);
    let (k, n) = (dg.d.len() as i32, dg.point);
    if k <= n && n <= 21 {
        text(&dg.d) + &"0".repeat((n - k) as usize)
    } else if 0 < n && n <= 21 {
        let (a, b) = dg.d.split_at(n as usize);
        format!("{}.{}", text(a), text(b))
    } else if -6 < n && n <= 0 {
        format!("0.{}{}", "0".repeat((-n) as usize), text(&dg.d))
    } else {
        exp_text(&dg.d, n - 1)
    }
}

/// `x.toFixed(f)` (f at most 100).
pub fn to_fixed(x: f64, f: usize) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x < 0.0 {
        return format!("-{}", to_fixed(-x, f));
    }
    if x >= 1e21 {
        return to_js_string(x);
    }
    let mut s = String::new();
    if x > 0.0 {
        let dg = exact(x);
        s = text(&round_int(&dg, dg.point + f as i32));
    }
    if s.len() <= f {
        s = "0".repeat(f + 1 - s.len()) + &s;
    }
    if f > 0 {
        s.insert(s.len() - f, '.');
    }
    s
}

/// `x.toExponential(f)`, or `x.toExponential()` (shortest digits) when `f` is `None`.
pub fn to_exponential(x: f64, f: Option<usize>) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    if x < 0.0 {
        return format!("-{}", to_exponential(-x, f));
    }
    if x == 0.0 {
        return exp_text(&vec![0; f.unwrap_or(0) + 1], 0);
    }
    match f {
        Some(f) => {
            let (d, e) = significant(x, f + 1);
            exp_text(&d, e)
        }
        None => {
            let dg = shortest(x);
            exp_text(&dg.d, dg.point - 1)
        }
    }
}

/// `x.toPrecision(p)` (p in 1..=100).
pub fn to_precision(x: f64, p: usize) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    if x < 0.0 {
        return format!("-{}", to_precision(-x, p));
    }
    let p = p.max(1);
    let (d, e) = if x == 0.0 { (vec![0; p], 0) } else { significant(x, p) };
    if e < -6 || e >= p as i32 {
        exp_text(&d, e)
    } else if e >= 0 {
        let (a, b) = d.split_at((e + 1) as usize);
        if b.is_empty() {
            text(a)
        } else {
            format!("{}.{}", text(a), text(b))
        }
    } else {
        format!("0.{}{}", "0".repeat((-(e + 1)) as usize), text(&d))
    }
}

/// d3's `formatDecimalParts`: the coefficient digits and exponent of `x` (positive) with `p`
/// significant digits, or the shortest digits when `p` is `None`; `None` for 0, NaN, infinity.
pub fn decimal_parts(x: f64, p: Option<usize>) -> Option<(String, i32)> {
    if !x.is_finite() || x == 0.0 {
        return None;
    }
    let x = x.abs();
    Some(match p {
        Some(p) if p > 0 => {
            let (d, e) = significant(x, p);
            (text(&d), e)
        }
        _ => {
            let dg = shortest(x);
            (text(&dg.d), dg.point - 1)
        }
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fixed_matches_javascript() {
        // Values from node 20 (V8): Number.prototype.toFixed.
        assert_eq!(to_fixed(1.005, 2), "1.00");
        assert_eq!(to_fixed(2.5, 0), "3");
        assert_eq!(to_fixed(0.5, 0), "1");
        assert_eq!(to_fixed(8.345, 2), "8.35");
        assert_eq!(to_fixed(1.345, 2), "1.34");
        assert_eq!(to_fixed(0.1, 20), "0.10000000000000000555");
        assert_eq!(to_fixed(5e-324, 2), "0.00");
        assert_eq!(to_fixed(0.0004, 3), "0.000");
        assert_eq!(to_fixed(0.0005, 3), "0.001");
        assert_eq!(to_fixed(99.99, 1), "100.0");
        assert_eq!(to_fixed(1e21, 2), "1e+21");
        assert_eq!(to_fixed(-1.5, 0), "-2");
    }

    #[test]
    fn exponential_precision_and_string() {
        assert_eq!(to_exponential(12345.0, Some(2)), "1.23e+4");
        assert_eq!(to_exponential(0.0, Some(2)), "0.00e+0");
        assert_eq!(to_exponential(5e-324, Some(6)), "4.940656e-324");
        assert_eq!(to_exponential(1500.0, None), "1.5e+3");
        assert_eq!(to_exponential(9.99, Some(1)), "1.0e+1");
        assert_eq!(to_precision(0.0001234, 3), "0.000123");
        assert_eq!(to_precision(1234567.0, 3), "1.23e+6");
        assert_eq!(to_precision(1e-7, 6), "1.00000e-7");
        assert_eq!(to_precision(0.0, 3), "0.00");
        assert_eq!(to_precision(999.5, 3), "1.00e+3");
        assert_eq!(to_precision(0.1, 21), "0.100000000000000005551");
        assert_eq!(to_js_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(to_js_string(1e21), "1e+21");
        assert_eq!(to_js_string(123e18), "123000000000000000000");
        assert_eq!(to_js_string(1e-7), "1e-7");
        assert_eq!(to_js_string(0.000001), "0.000001");
        assert_eq!(to_js_string(-0.0), "0");
        assert_eq!(to_js_string(2f64.powi(60)), "1152921504606847000");
        assert_eq!(to_js_string(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(decimal_parts(1.23, None), Some(("123".into(), 0)));
        assert_eq!(decimal_parts(0.0, Some(3)), None);
    }
}
