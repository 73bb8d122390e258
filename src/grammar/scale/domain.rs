//! Settling a continuous domain in Vega's order (vega-encode's `configureDomain`): `zero` (a
//! positive start becomes 0, a negative end becomes 0; not for log, time, utc), pixel
//! `padding` of continuous scales (vega-util's zoom about the transformed middle), rounding
//! of time domains to whole ms, then `nice` (d3's linear, log or time nice). Vega only warns
//! about a log domain touching zero; here it is an error.

use super::continuous::{pad_domain, PadKind};
use super::interval::Interval;
use super::linear::linear_nice;
use super::log::log_nice;
use super::time::{tick_interval, time_nice, MAX_TIME};
use super::{jsmath, Domain, Nice, Range, ScaleOptions, ScaleType};

/// The numeric extent of a range for continuous and band scales (d3 uses the first two).
pub(super) fn numeric_range(range: &Range) -> Option<(f64, f64)> {
    match range {
        Range::Continuous(a, b) => Some((*a, *b)),
        Range::Numbers(v) => match v.as_slice() {
            [a, b, ..] => Some((*a, *b)),
            _ => None,
        },
        Range::Colors(_) => None,
    }
}

fn pad_kind(ty: ScaleType, o: &ScaleOptions) -> PadKind {
    let or1 = |x: f64| if x == 0.0 { 1.0 } else { x };
    match ty {
        ScaleType::Log => PadKind::Log,
        ScaleType::Sqrt => PadKind::Pow(0.5),
        ScaleType::Pow => PadKind::Pow(or1(o.exponent)),
        ScaleType::Symlog => PadKind::Symlog(or1(o.constant)),
        _ => PadKind::Linear,
    }
}

fn apply_nice(ty: ScaleType, a: f64, b: f64, o: &ScaleOptions) -> Result<(f64, f64), String> {
    let time = matches!(ty, ScaleType::Time | ScaleType::Utc);
    let count = match o.nice {
        Nice::None => return Ok((a, b)),
        Nice::Count(c) if c == 0.0 || c.is_nan() => return Ok((a, b)),
        Nice::Interval(unit, step) if time => {
            let iv = match step {
                0 => Interval::every(unit, 1.0),
                s if s < 0 => tick_interval(a, b, 10.0),
                s => Interval::every(unit, s as f64),
            };
            return Ok(iv.map_or((a, b), |iv| time_nice(a, b, iv)));
        }
        Nice::Interval(..) => return Err(format!("{} scale: a nice interval needs a time or utc scale", ty.name())),
        Nice::Auto => 10.0,
        Nice::Count(c) => c,
    };
    Ok(match ty {
        ScaleType::Log => log_nice(a, b, o.base),
        _ if time => tick_interval(a, b, count).map_or((a, b), |iv| time_nice(a, b, iv)),
        _ => linear_nice(a, b, count),
    })
}

/// The settled continuous domain of a continuous or quantize scale.
pub(super) fn continuous_domain(
    ty: ScaleType,
    domain: &Domain,
    range: &Range,
    o: &ScaleOptions,
) -> Result<(f64, f64), String> {
    let name = ty.name();
    let Domain::Continuous(mut a, mut b) = *domain else {
        return Err(format!("{name} scale needs a continuous domain (two numbers)"));
    };
    if !a.is_finite() || !b.is_finite() {
        return Err(format!("{name} scale: domain must be finite numbers, got [{a}, {b}]"));
    }
    let time = matches!(ty, ScaleType::Time | ScaleType::Utc);
    if o.zero && !time && ty != ScaleType::Log {
        if a > 0.0 {
            a = 0.0;
        }
        if b < 0.0 {
            b = 0.0;
        }
    }
    if ty == ScaleType::Log && !((a > 0.0 && b > 0.0) || (a < 0.0 && b < 0.0)) {
        return Err(format!("log scale domain must not include or cross zero, got [{a}, {b}]"));
    }
    let pad = o.padding.filter(|p| *p != 0.0);
    if let (Some(p), Some((r0, r1)), true) = (pad, numeric_range(range), ty.is_continuous() && a != b) {
        (a, b) = pad_domain(pad_kind(ty, o), a, b, (r1 - r0).abs(), p);
        if !a.is_finite() || !b.is_finite() {
            return Err(format!("{name} scale: padding {p} leaves no room in the range"));
        }
    }
    if time {
        (a, b) = (jsmath::round(a), jsmath::round(b));
        if a.abs() > MAX_TIME || b.abs() > MAX_TIME {
            return Err(format!("{name} scale: domain [{a}, {b}] is outside JavaScript's date range"));
        }
    }
    apply_nice(ty, a, b, o)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::Scale;
    use super::*;
    use crate::grammar::calendar::Unit;
    use crate::grammar::Value;

    fn opts(f: impl FnOnce(&mut ScaleOptions)) -> ScaleOptions {
        let mut o = ScaleOptions::default();
        f(&mut o);
        o
    }

    fn lin(d: (f64, f64), o: &ScaleOptions) -> Result<Scale, String> {
        Scale::new(ScaleType::Linear, Domain::Continuous(d.0, d.1), Range::Continuous(0.0, 300.0), o)
    }

    // d3-scale 4.0.3: scaleLinear().domain([0, 97.5]).nice() -> [0, 100]; [-42, 0] -> [-45, 0]
    #[test]
    fn zero_then_nice() {
        let o = opts(|o| {
            o.zero = true;
            o.nice = Nice::Auto;
        });
        assert_eq!(lin((3.2, 97.5), &o).unwrap().domain(), &Domain::Continuous(0.0, 100.0));
        assert_eq!(lin((-42.0, -3.0), &o).unwrap().domain(), &Domain::Continuous(-45.0, 0.0));
        assert_eq!(lin((-42.0, 7.0), &opts(|o| o.zero = true)).unwrap().domain(), &Domain::Continuous(-42.0, 7.0));
        // zero does not apply to log or time
        let log = Scale::new(ScaleType::Log, Domain::Continuous(5.0, 50.0), Range::Continuous(0.0, 1.0), &o).unwrap();
        assert_eq!(log.domain(), &Domain::Continuous(1.0, 100.0));
        let t = Scale::new(
            ScaleType::Time,
            Domain::Continuous(5e11, 6e11),
            Range::Continuous(0.0, 1.0),
            &opts(|o| o.zero = true),
        )
        .unwrap();
        assert_eq!(t.domain(), &Domain::Continuous(5e11, 6e11));
    }

    #[test]
    fn nice_counts_and_intervals() {
        let s = lin((1.1, 10.9), &opts(|o| o.nice = Nice::Count(3.0))).unwrap();
        assert_eq!(s.domain(), &Domain::Continuous(0.0, 15.0));
        assert_eq!(
            lin((1.1, 10.9), &opts(|o| o.nice = Nice::Count(0.0))).unwrap().domain(),
            &Domain::Continuous(1.1, 10.9)
        );
        assert!(lin((1.0, 2.0), &opts(|o| o.nice = Nice::Interval(Unit::Month, 1))).is_err());
        let month = |step| opts(|o| o.nice = Nice::Interval(Unit::Month, step));
        let (a, b) = (
            crate::grammar::calendar::from_parts(2021, 1, 10, 0, 0, 0, 0),
            crate::grammar::calendar::from_parts(2021, 7, 20, 0, 0, 0, 0),
        );
        let t = Scale::new(ScaleType::Utc, Domain::Continuous(a, b), Range::Continuous(0.0, 1.0), &month(3)).unwrap();
        let Domain::Continuous(x, y) = *t.domain() else { panic!("continuous") };
        let iso = crate::grammar::calendar::iso;
        assert_eq!((iso(x), iso(y)), ("2021-01-01T00:00:00.000Z".into(), "2021-10-01T00:00:00.000Z".into()));
        let t0 = Scale::new(ScaleType::Utc, Domain::Continuous(a, b), Range::Continuous(0.0, 1.0), &month(0)).unwrap();
        let Domain::Continuous(x, _) = *t0.domain() else { panic!("continuous") };
        assert_eq!(iso(x), "2021-02-01T00:00:00.000Z");
    }

    // vega-util: zoomLinear([0, 100], null, 300 / 270) = [-5.555555555555557, 105.55555555555556],
    // then d3 nice -> [-10, 110]
    #[test]
    fn continuous_padding_then_nice() {
        let s = lin(
            (0.0, 100.0),
            &opts(|o| {
                o.padding = Some(15.0);
                o.nice = Nice::Auto;
            }),
        )
        .unwrap();
        assert_eq!(s.domain(), &Domain::Continuous(-10.0, 110.0));
        assert!(lin((0.0, 100.0), &opts(|o| o.padding = Some(150.0))).is_err());
    }

    // d3-scale 4.0.3: scaleUtc().domain([2020-01-01, 2020-01-02]).range([0, 240]):
    // (2020-01-01T06:00) -> 60, invert(100.3) -> 1577872908000
    #[test]
    fn time_scales_map_dates_by_ms() {
        let day = crate::grammar::calendar::from_parts(2020, 0, 1, 0, 0, 0, 0);
        let s = Scale::new(
            ScaleType::Time,
            Domain::Continuous(day, day + 86_400_000.0),
            Range::Continuous(0.0, 240.0),
            &ScaleOptions::default(),
        )
        .unwrap();
        assert_eq!(s.map(&Value::Date(day + 6.0 * 3_600_000.0)), Some(60.0));
        assert_eq!(s.invert(100.3), Some(Value::Date(1577872908000.0)));
        assert!(matches!(s.ticks(4.0).first(), Some(Value::Date(_))));
        let r = Scale::new(
            ScaleType::Utc,
            Domain::Continuous(0.4, 10.6),
            Range::Continuous(0.0, 1.0),
            &ScaleOptions::default(),
        )
        .unwrap();
        assert_eq!(r.domain(), &Domain::Continuous(0.0, 11.0));
    }
}
