//! JavaScript's number functions where Rust's differ: `Math.round` (ties toward +∞),
//! `Math.sign` (keeps ±0), `Math.max`/`Math.min` (NaN wins), V8's `Math.pow(10, k)` (which is
//! one ulp off the nearest double for some k), `+("1e" + x)` (d3's exact power of ten), and
//! d3-array's `bisectRight`. d3's tick arithmetic is reproduced with these, bit for bit.

/// `Math.round`: the nearest integer, ties toward +∞, keeping the sign of zero.
pub(crate) fn round(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let f = x.floor();
    let r = if x - f >= 0.5 { f + 1.0 } else { f };
    if r == 0.0 && x.is_sign_negative() {
        -0.0
    } else {
        r
    }
}

/// `Math.sign`: -1, 1, or the argument itself for ±0 and NaN.
pub(crate) fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

/// `Math.max(a, b)` (NaN if either is NaN).
pub(crate) fn max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

/// `Math.min(a, b)` (NaN if either is NaN).
pub(crate) fn min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.min(b)
    }
}

/// Exponents k for which V8's `Math.pow(10, k)` is one ulp above the nearest double to 10^k
/// (measured with node 20 over k in -330..=330).
const V8_POW10_UP: &[i32] = &[
    -307, -303, -278, -268, -246, -207, -163, -148, -145, -106, -104, -88, -76, -57, -39, -29, -24, -23, -21, -20, 29,
    34, 39, 49, 58, 61, 111, 126, 165, 166, 169, 187, 210, 215, 225, 273, 274, 275,
];
/// Exponents k for which V8's `Math.pow(10, k)` is one ulp below the nearest double.
const V8_POW10_DOWN: &[i32] = &[
    -306, -222, -166, -138, -128, -122, -111, -101, -63, -32, -17, -5, -4, 26, 36, 42, 70, 95, 96, 136, 142, 191, 218,
    232, 242, 244, 260, 279, 284, 290, 294,
];

/// The double nearest 10^k for an integer k (as JavaScript parses `1e{k}`).
fn exact_pow10(k: i64) -> f64 {
    if k > 400 {
        f64::INFINITY
    } else if k < -400 {
        0.0
    } else {
        format!("1e{k}").parse::<f64>().unwrap_or(f64::NAN)
    }
}

/// V8's `Math.pow(10, p)`, as d3-array's `tickSpec` computes it.
pub(crate) fn math_pow10(p: f64) -> f64 {
    if p.is_nan() {
        return f64::NAN;
    }
    if p.is_infinite() {
        return if p > 0.0 { f64::INFINITY } else { 0.0 };
    }
    if p.fract() != 0.0 {
        return 10f64.powf(p);
    }
    let v = exact_pow10(p as i64);
    if (-400.0..=400.0).contains(&p) {
        let k = p as i32;
        if V8_POW10_UP.contains(&k) {
            return v.next_up();
        }
        if V8_POW10_DOWN.contains(&k) {
            return v.next_down();
        }
    }
    v
}

/// d3-scale's `pow10`: `+("1e" + x)` for finite x (NaN unless x is an integer), 0 or x itself
/// for infinities.
pub(crate) fn str_pow10(x: f64) -> f64 {
    if x.is_infinite() {
        return if x < 0.0 { 0.0 } else { x };
    }
    if x.is_nan() || x.fract() != 0.0 {
        return f64::NAN;
    }
    exact_pow10(x as i64)
}

/// d3-array's `bisectRight` over `a[lo..hi]`: the first index whose value is greater than `x`
/// (a NaN `x` gives `hi`, as d3's comparator check does).
pub(crate) fn bisect_right(a: &[f64], x: f64, lo: usize, hi: usize) -> usize {
    let (mut lo, mut hi) = (lo, hi.min(a.len()));
    if lo < hi && x.is_nan() {
        return hi;
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // ascending(a[mid], x) <= 0, false when a[mid] is NaN
        if a.get(mid).is_some_and(|&m| m <= x) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn rounding_and_sign_follow_javascript() {
        assert_eq!(round(-2.5), -2.0);
        assert_eq!(round(2.5), 3.0);
        assert_eq!(round(0.49999999999999994), 0.0);
        assert!(round(-0.2).is_sign_negative());
        assert_eq!(sign(-3.0), -1.0);
        assert!(sign(-0.0).is_sign_negative() && sign(-0.0) == 0.0);
        assert!(max(f64::NAN, 0.0).is_nan());
    }

    #[test]
    fn powers_of_ten_match_v8() {
        // node 20: Math.pow(10, -5) === 0.000009999999999999999, Math.pow(10, 29) === 1.0000000000000001e29
        assert_eq!(math_pow10(-5.0), 0.000009999999999999999);
        assert_eq!(math_pow10(29.0), 1.0000000000000001e29);
        assert_eq!(math_pow10(-3.0), 0.001);
        assert_eq!(math_pow10(2.0), 100.0);
        assert_eq!(str_pow10(-5.0), 0.00001);
        assert!(str_pow10(0.5).is_nan());
        assert_eq!(str_pow10(f64::NEG_INFINITY), 0.0);
    }

    #[test]
    fn bisect_right_finds_the_first_greater() {
        let a = [1.0, 2.0, 2.0, 3.0];
        assert_eq!(bisect_right(&a, 2.0, 0, 4), 3);
        assert_eq!(bisect_right(&a, 0.0, 0, 4), 0);
        assert_eq!(bisect_right(&a, 9.0, 0, 4), 4);
        assert_eq!(bisect_right(&a, 9.0, 0, 2), 2);
    }
}
