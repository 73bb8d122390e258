//! [`Scale::new`]: checks a scale's options, domain and range, settles a continuous domain
//! (`domain.rs`), flips the range for `reverse` (vega-encode's `configureRange`), and builds
//! the kind that maps values: continuous, band/point, ordinal, quantize, quantile, threshold.

use super::band::Band;
use super::continuous::{Continuous, Transform};
use super::domain::{continuous_domain, numeric_range};
use super::ordinal::Index;
use super::quantile::Quantile;
use super::quantize::Quantize;
use super::threshold::Threshold;
use super::{Domain, Range, Scale, ScaleOptions, ScaleType};

/// The mapping machinery behind a [`Scale`].
#[derive(Debug, Clone)]
pub(super) enum Kind {
    /// Linear, log, pow, sqrt, symlog, time, utc.
    Continuous(Continuous),
    /// Band and point: geometry and the domain index.
    Band(Band, Index),
    /// Ordinal: the domain index.
    Ordinal(Index),
    /// Quantize thresholds.
    Quantize(Quantize),
    /// Quantile thresholds.
    Quantile(Quantile),
    /// Threshold cut points.
    Threshold(Threshold),
}

fn check_options(ty: ScaleType, o: &ScaleOptions) -> Result<(), String> {
    let bad = |what: &str, v: f64| Err(format!("{} scale: invalid {what} {v}", ty.name()));
    if ty == ScaleType::Log && !(o.base.is_finite() && o.base > 0.0 && o.base != 1.0) {
        return bad("base (must be positive and not 1)", o.base);
    }
    if ty == ScaleType::Pow && !o.exponent.is_finite() {
        return bad("exponent", o.exponent);
    }
    if ty == ScaleType::Symlog && !(o.constant.is_finite() && o.constant != 0.0) {
        return bad("constant (must be a non-zero number)", o.constant);
    }
    if o.align.is_nan() {
        return bad("align", o.align);
    }
    for (what, p) in [("padding", o.padding), ("paddingInner", o.padding_inner), ("paddingOuter", o.padding_outer)] {
        if let Some(p) = p.filter(|p| !p.is_finite()) {
            return bad(what, p);
        }
    }
    Ok(())
}

fn reversed(range: Range) -> Range {
    match range {
        Range::Continuous(a, b) => Range::Continuous(b, a),
        Range::Colors(mut c) => {
            c.reverse();
            Range::Colors(c)
        }
        Range::Numbers(mut n) => {
            n.reverse();
            Range::Numbers(n)
        }
    }
}

/// How many outputs a discrete range has (a numeric extent counts as two values).
fn range_len(range: &Range) -> usize {
    match range {
        Range::Continuous(..) => 2,
        Range::Colors(c) => c.len(),
        Range::Numbers(n) => n.len(),
    }
}

fn check_range(ty: ScaleType, range: &Range) -> Result<(), String> {
    let name = ty.name();
    let finite = |v: &[f64]| v.iter().all(|x| x.is_finite());
    match range {
        Range::Continuous(a, b) if !finite(&[*a, *b]) => Err(format!("{name} scale: range must be finite numbers")),
        Range::Numbers(v) if !finite(v) => Err(format!("{name} scale: range must be finite numbers")),
        Range::Colors(_) if matches!(ty, ScaleType::Band | ScaleType::Point) => {
            Err(format!("{name} scale: range must be numbers, not colours"))
        }
        _ if ty.is_continuous() || matches!(ty, ScaleType::Band | ScaleType::Point) => {
            if matches!(range, Range::Colors(c) if !c.is_empty()) || numeric_range(range).is_some() {
                Ok(())
            } else {
                Err(format!("{name} scale: range needs two numbers or at least one colour"))
            }
        }
        _ if range_len(range) == 0 => Err(format!("{name} scale: range is empty")),
        _ => Ok(()),
    }
}

impl Scale {
    /// A scale of type `ty` over `domain` and `range` with `opts` applied (see the module
    /// docs for the order). Errors name the scale type: a domain of the wrong kind, empty,
    /// NaN or infinite; a log domain including or crossing 0; an empty or non-finite range;
    /// invalid options (log base, pow exponent, symlog constant, NaN paddings).
    pub fn new(ty: ScaleType, domain: Domain, range: Range, opts: &ScaleOptions) -> Result<Scale, String> {
        check_options(ty, opts)?;
        check_range(ty, &range)?;
        let range = if opts.reverse { reversed(range) } else { range };
        let name = ty.name();
        let discrete = |d: &Domain| match d {
            Domain::Discrete(v) if !v.is_empty() => Ok(Index::new(v)),
            Domain::Discrete(_) => Err(format!("{name} scale: domain is empty")),
            _ => Err(format!("{name} scale needs a discrete domain")),
        };
        let (domain, kind) = match ty {
            ScaleType::Band | ScaleType::Point => {
                let (values, index) = discrete(&domain)?;
                let (r0, r1) = numeric_range(&range).unwrap_or((0.0, 1.0));
                let (inner, outer) = if ty == ScaleType::Point {
                    (1.0, opts.padding_outer.or(opts.padding).unwrap_or(0.0))
                } else {
                    (
                        opts.padding_inner.or(opts.padding).unwrap_or(0.0),
                        opts.padding_outer.or(opts.padding).unwrap_or(0.0),
                    )
                };
                let band = Band::new(values.len(), r0, r1, inner, outer, opts.align);
                (Domain::Discrete(values), Kind::Band(band, index))
            }
            ScaleType::Ordinal => {
                let (values, index) = discrete(&domain)?;
                (Domain::Discrete(values), Kind::Ordinal(index))
            }
            ScaleType::Quantize => {
                let (a, b) = continuous_domain(ty, &domain, &range, opts)?;
                (Domain::Continuous(a, b), Kind::Quantize(Quantize::new(a, b, range_len(&range))))
            }
            ScaleType::Quantile => {
                let Domain::Samples(v) = domain else { return Err("quantile scale needs a domain of samples".into()) };
                let mut v: Vec<f64> = v.into_iter().filter(|x| !x.is_nan()).collect();
                if v.is_empty() {
                    return Err("quantile scale: domain has no numbers".into());
                }
                crate::order::sort_by(&mut v, f64::total_cmp);
                let q = Quantile::new(&v, range_len(&range));
                (Domain::Samples(v), Kind::Quantile(q))
            }
            ScaleType::Threshold => {
                let Domain::Thresholds(v) = domain else {
                    return Err("threshold scale needs a domain of thresholds".into());
                };
                if v.is_empty() || v.iter().any(|x| x.is_nan()) {
                    return Err("threshold scale: thresholds must be a non-empty list of numbers".into());
                }
                let t = Threshold::new(&v, range_len(&range));
                (Domain::Thresholds(v), Kind::Threshold(t))
            }
            _ => {
                let (a, b) = continuous_domain(ty, &domain, &range, opts)?;
                let transform = match ty {
                    ScaleType::Log => Transform::Log { negative: a < 0.0 },
                    ScaleType::Pow => Transform::pow(opts.exponent),
                    ScaleType::Sqrt => Transform::Sqrt,
                    ScaleType::Symlog => Transform::Symlog(opts.constant),
                    _ => Transform::Identity,
                };
                let (r0, r1) = numeric_range(&range).unwrap_or((f64::NAN, f64::NAN));
                let colors = match &range {
                    Range::Colors(c) => Some(c.clone()),
                    _ => None,
                };
                let sequential = !matches!(ty, ScaleType::Time | ScaleType::Utc);
                let c = Continuous { transform, d0: a, d1: b, r0, r1, colors, clamp: opts.clamp, sequential };
                (Domain::Continuous(a, b), Kind::Continuous(c))
            }
        };
        Ok(Scale { ty, domain, range, opts: opts.clone(), kind })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{scheme, Scheme};
    use super::*;
    use crate::grammar::Value;
    use crate::theme::Rgb;

    fn opts(f: impl FnOnce(&mut ScaleOptions)) -> ScaleOptions {
        let mut o = ScaleOptions::default();
        f(&mut o);
        o
    }

    fn lin(d: (f64, f64), o: &ScaleOptions) -> Result<Scale, String> {
        Scale::new(ScaleType::Linear, Domain::Continuous(d.0, d.1), Range::Continuous(0.0, 300.0), o)
    }

    fn ramp(name: &str) -> Vec<Rgb> {
        scheme(name).map(|s| s.colors().to_vec()).unwrap_or_default()
    }

    #[test]
    fn reverse_flips_the_range() {
        let s = lin((0.0, 100.0), &opts(|o| o.reverse = true)).unwrap();
        assert_eq!(s.map(&Value::Num(25.0)), Some(225.0));
        assert_eq!(s.invert(225.0), Some(Value::Num(25.0)));
        let c = Scale::new(
            ScaleType::Linear,
            Domain::Continuous(0.0, 100.0),
            Range::Colors(ramp("blues")),
            &opts(|o| o.reverse = true),
        )
        .unwrap();
        // vega-scale 8.1.3: sequential-linear [0, 100] with blues(1 - t): (25) -> rgb(41, 120, 184)
        assert_eq!(c.color(&Value::Num(25.0)), Some(Rgb(41, 120, 184)));
    }

    // vega-scale 8.1.3: scale('sequential-linear')().domain([0, 100]).interpolator(scheme('blues')):
    // (25) rgb(156, 200, 226), (0) rgb(207, 225, 242), (100) rgb(10, 74, 144), (150) rgb(0, 0, 44);
    // clamped (150) rgb(10, 74, 144); sequential-log [1, 1000] viridis (10) rgb(49, 104, 142);
    // sequential-sqrt [0, 100] greens (25) rgb(96, 186, 108); scaleUtc [0, 1000] black-white (250) rgb(64, 64, 64)
    #[test]
    fn continuous_colour_scales_match_vega() {
        let blues = |o: &ScaleOptions| {
            Scale::new(ScaleType::Linear, Domain::Continuous(0.0, 100.0), Range::Colors(ramp("blues")), o).unwrap()
        };
        let s = blues(&ScaleOptions::default());
        let c = |s: &Scale, x: f64| s.color(&Value::Num(x));
        assert_eq!(
            (c(&s, 25.0), c(&s, 0.0), c(&s, 100.0)),
            (Some(Rgb(156, 200, 226)), Some(Rgb(207, 225, 242)), Some(Rgb(10, 74, 144)))
        );
        assert_eq!(c(&s, 150.0), Some(Rgb(0, 0, 44)));
        assert_eq!(s.map(&Value::Num(25.0)), None);
        assert_eq!(c(&blues(&opts(|o| o.clamp = true)), 150.0), Some(Rgb(10, 74, 144)));
        let l = Scale::new(
            ScaleType::Log,
            Domain::Continuous(1.0, 1000.0),
            Range::Colors(ramp("viridis")),
            &ScaleOptions::default(),
        )
        .unwrap();
        assert_eq!(c(&l, 10.0), Some(Rgb(49, 104, 142)));
        let q = Scale::new(
            ScaleType::Sqrt,
            Domain::Continuous(0.0, 100.0),
            Range::Colors(ramp("greens")),
            &ScaleOptions::default(),
        )
        .unwrap();
        assert_eq!(c(&q, 25.0), Some(Rgb(96, 186, 108)));
        let bw = Range::Colors(vec![Rgb(0, 0, 0), Rgb(255, 255, 255), Rgb(255, 0, 0)]);
        let t = Scale::new(ScaleType::Utc, Domain::Continuous(0.0, 1000.0), bw, &ScaleOptions::default()).unwrap();
        assert_eq!(c(&t, 250.0), Some(Rgb(64, 64, 64)));
        assert!(matches!(scheme("tableau10"), Some(Scheme::Categorical(_))));
    }

    #[test]
    fn errors_are_reported_not_drawn() {
        let o = ScaleOptions::default();
        let log = |a, b| Scale::new(ScaleType::Log, Domain::Continuous(a, b), Range::Continuous(0.0, 1.0), &o);
        assert!(log(0.0, 10.0).unwrap_err().contains("zero"));
        assert!(log(-1.0, 10.0).is_err());
        assert!(log(-10.0, -1.0).is_ok());
        assert!(lin((f64::NAN, 1.0), &o).is_err());
        assert!(lin((0.0, f64::INFINITY), &o).is_err());
        let empty = Scale::new(ScaleType::Band, Domain::Discrete(vec![]), Range::Continuous(0.0, 1.0), &o);
        assert!(empty.unwrap_err().contains("empty"));
        assert!(Scale::new(ScaleType::Band, Domain::Continuous(0.0, 1.0), Range::Continuous(0.0, 1.0), &o).is_err());
        assert!(Scale::new(
            ScaleType::Linear,
            Domain::Discrete(vec![Value::Num(1.0)]),
            Range::Continuous(0.0, 1.0),
            &o
        )
        .is_err());
        assert!(
            Scale::new(ScaleType::Ordinal, Domain::Discrete(vec![Value::Num(1.0)]), Range::Colors(vec![]), &o).is_err()
        );
        assert!(Scale::new(
            ScaleType::Band,
            Domain::Discrete(vec![Value::Num(1.0)]),
            Range::Colors(vec![Rgb(0, 0, 0)]),
            &o
        )
        .is_err());
        let base1 = opts(|o| o.base = 1.0);
        assert!(Scale::new(ScaleType::Log, Domain::Continuous(1.0, 10.0), Range::Continuous(0.0, 1.0), &base1).is_err());
        assert!(Scale::new(ScaleType::Time, Domain::Continuous(0.0, 1e17), Range::Continuous(0.0, 1.0), &o).is_err());
        assert!(Scale::new(ScaleType::Linear, Domain::Continuous(0.0, 1.0), Range::Numbers(vec![1.0]), &o).is_err());
    }
}
