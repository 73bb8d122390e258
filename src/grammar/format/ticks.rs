//! Tick label formats for linear scales: d3-array's `tickStep` and d3-scale's `tickFormat`,
//! which derive the precision of a specifier from the tick step (`precisionFixed`,
//! `precisionPrefix`, `precisionRound`) and use SI-prefix scaling for type `s`.

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

/// d3-array's `tickStep(start, stop, count)`: the one implementation, in the scales
/// ([`crate::grammar::scale::tick_step`]), checked there against d3 bit for bit.
pub fn tick_step(start: f64, stop: f64, count: f64) -> f64 {
    crate::grammar::scale::tick_step(start, stop, count)
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
