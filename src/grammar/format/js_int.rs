//! The integer side of JavaScript numbers that d3-format and d3-array rely on: `Math.round`,
//! `Math.round(x).toString(radix)` (exact for any double) and V8's `Math.pow(10, n)`.

/// `Math.round(x)`: nearest integer, ties towards +infinity.
pub fn js_round(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let f = x.floor();
    let r = if x - f >= 0.5 { f + 1.0 } else { f };
    if r == 0.0 && x < 0.0 {
        -0.0
    } else {
        r
    }
}

/// `Math.round(x).toString(radix)` for radix 2, 8 or 16 (`x` non-negative), exact.
pub fn radix_string(x: f64, radix: u32) -> String {
    let x = js_round(x);
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return "Infinity".into();
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    let mut bin: Vec<u8> = Vec::new();
    let (m, zeros) = if e < 0 { (if -e >= 64 { 0 } else { m >> -e }, 0) } else { (m, e as usize) };
    for i in (0..64).rev() {
        let b = ((m >> i) & 1) as u8;
        if b == 1 || !bin.is_empty() {
            bin.push(b);
        }
    }
    bin.extend(std::iter::repeat_n(0, zeros));
    if bin.is_empty() {
        return "0".into();
    }
    let w = match radix {
        2 => 1,
        8 => 3,
        _ => 4,
    };
    let mut out = Vec::new();
    for chunk in bin.rchunks(w) {
        let v = chunk.iter().fold(0usize, |a, &b| a * 2 + b as usize);
        out.push(b"0123456789abcdef"[v]);
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}

/// `Math.pow(10, n)` as V8 computes it (a few powers differ from the nearest double by 1 ulp).
pub fn js_pow10(n: i32) -> f64 {
    let v8: u64 = match n {
        -39 => 0x37d5c72fb1552d84,
        -32 => 0x3949f623d5a8a732,
        -29 => 0x39e95a5efea6b348,
        -24 => 0x3af357c299a88ea8,
        -23 => 0x3b282db34012b252,
        -21 => 0x3b92e3b40a0e9b50,
        -20 => 0x3bc79ca10c924224,
        -17 => 0x3c670ef54646d496,
        -5 => 0x3ee4f8b588e368f0,
        -4 => 0x3f1a36e2eb1c432c,
        26 => 0x4554adf4b7320334,
        29 => 0x45f431e0fae6d722,
        34 => 0x46fed09bead87c04,
        36 => 0x476812f9cf7920e2,
        39 => 0x48078287f49c4a1e,
        _ => return format!("1e{n}").parse().unwrap_or(0.0),
    };
    f64::from_bits(v8)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn rounding_radix_and_powers() {
        assert_eq!(js_round(2.5), 3.0);
        assert_eq!(js_round(-2.5), -2.0);
        assert_eq!(js_round(0.49999999999999994), 0.0);
        assert_eq!(radix_string(255.0, 16), "ff");
        assert_eq!(radix_string(10.0, 2), "1010");
        assert_eq!(radix_string(64.0, 8), "100");
        assert_eq!(radix_string(0.2, 2), "0");
        assert_eq!(radix_string(2f64.powi(64) + 4096.0, 16), "10000000000001000");
        assert_eq!(js_pow10(3), 1000.0);
        assert_eq!(js_pow10(-4), 0.00009999999999999999);
        assert_eq!(js_pow10(-3), 0.001);
    }
}
