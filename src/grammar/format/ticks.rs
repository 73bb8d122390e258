//! Tick label formats for linear scales: d3-array's `tickStep` and d3-scale's `tickFormat`,
//! which derive the precision of a specifier from the tick step (`precisionFixed`,
//! `precisionPrefix`, `precisionRound`) and use SI-prefix scaling for type `s`.

use super::js_int::{js_pow10, js_round};
use super::js_num::decimal_parts;
use super::number::NumberFormat;
use super::specifier::Spec;

/// d3-format's `exponent`: the decimal exponent of |x| (`None` for 0, NaN and infinity).
fn exponent(x: f64) -> Option<i32> {
    decimal_parts(x.abs(), None).map(|(_, e)| e)
}

fn prefix_exponent(value: f64) -> Option<i32> {
    exponent(value).map(|e| e.div_euclid(3).clamp(-8, 8) * 3)
}

/// d3-format's `precisionFixed(step)`.
fn precision_fixed(step: f64) -> Option<i64> {
    exponent(step).map(|e| (-e as i64).max(0))
}

/// d3-format's `precisionPrefix(step, value)`.
fn precision_prefix(step: f64, value: f64) -> Option<i64> {
    Some((prefix_exponent(value)? as i64 - exponent(step)? as i64).max(0))
}

/// d3-format's `precisionRound(step, max)`.
fn precision_round(step: f64, max: f64) -> Option<i64> {
    let step = step.abs();
    let max = max.abs() - step;
    Some((exponent(max)? as i64 - exponent(step)? as i64).max(0) + 1)
}

/// d3-array's `tickIncrement` core (`tickSpec`), returning the signed increment.
fn tick_increment(start: f64, stop: f64, count: f64) -> f64 {
    let (e10, e5, e2) = (50f64.sqrt(), 10f64.sqrt(), 2f64.sqrt());
    let mut count = count;
    // d3 retries with twice the count at most twice (0.5 <= count < 2); a loop bounds it.
    for _ in 0..3 {
        let step = (stop - start) / if count.is_nan() { f64::NAN } else { count.max(0.0) };
        let power = step.log10().floor();
        let (up, down) = if power.is_finite() {
            let p = power as i32;
            (js_pow10(p), js_pow10(-p))
        } else {
            (10f64.powf(power), 10f64.powf(-power))
        };
        let error = step / up;
        let factor = if error >= e10 {
            10.0
        } else if error >= e5 {
            5.0
        } else if error >= e2 {
            2.0
        } else {
            1.0
        };
        let (i1, i2, inc);
        if power < 0.0 {
            let k = down / factor;
            let (mut a, mut b) = (js_round(start * k), js_round(stop * k));
            if a / k < start {
                a += 1.0;
            }
            if b / k > stop {
                b -= 1.0;
            }
            (i1, i2, inc) = (a, b, -k);
        } else {
            let k = up * factor;
            let (mut a, mut b) = (js_round(start / k), js_round(stop / k));
            if a * k < start {
                a += 1.0;
            }
            if b * k > stop {
                b -= 1.0;
            }
            (i1, i2, inc) = (a, b, k);
        }
        if i2 < i1 && (0.5..2.0).contains(&count) {
            count *= 2.0;
            continue;
        }
        return inc;
    }
    f64::NAN
}

/// d3-array's `tickStep(start, stop, count)`: the nice step (1, 2 or 5 times a power of ten)
/// for about `count` ticks, negative when `stop < start`.
pub fn tick_step(start: f64, stop: f64, count: f64) -> f64 {
    let reverse = stop < start;
    let inc = if reverse { tick_increment(stop, start, count) } else { tick_increment(start, stop, count) };
    let step = if inc < 0.0 { 1.0 / -inc } else { inc };
    if reverse {
        -step
    } else {
        step
    }
}

/// d3-scale's linear `tickFormat(start, stop, count, specifier)`: the specifier (default
/// `",f"`) with its precision derived from the tick step when it has none.
pub fn tick_format(start: f64, stop: f64, count: f64, spec: Option<&str>) -> Result<NumberFormat, String> {
    let step = tick_step(start, stop, count);
    let mut s = Spec::parse(spec.unwrap_or(",f"))?;
    let max = start.abs().max(stop.abs());
    let max = if start.is_nan() || stop.is_nan() { f64::NAN } else { max };
    match s.ty {
        Some('s') => {
            if s.precision.is_none() {
                s.precision = precision_prefix(step, max);
            }
            s.ty = Some('f');
            return Ok(NumberFormat::build(s, Some(prefix_exponent(max))));
        }
        None | Some('e' | 'g' | 'p' | 'r') if s.precision.is_none() => {
            s.precision = precision_round(step, max).map(|p| p - i64::from(s.ty == Some('e')));
        }
        Some('f' | '%') if s.precision.is_none() => {
            s.precision = precision_fixed(step).map(|p| p - 2 * i64::from(s.ty == Some('%')));
        }
        _ => {}
    }
    Ok(NumberFormat::build(s, None))
}
