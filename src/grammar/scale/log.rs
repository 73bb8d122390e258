//! Logarithmic scales (d3-scale's `scaleLog`): positions use the natural log of the value
//! (`-ln(-x)` for an all-negative domain); the `base` only chooses ticks and nice bounds.
//! Ticks are d3's: every integer multiple `k·base^i` inside the domain when it spans fewer
//! decades than the tick count (falling back to linear ticks when that yields too few), else
//! powers chosen by linear ticks on the exponents. Nice widens to whole powers of the base.

use super::jsmath;
use super::linear::{linear_ticks, MAX_TICKS};

/// A log base with d3's `logs`/`pows` pair, reflected for negative domains.
#[derive(Debug, Clone, Copy)]
struct LogBase {
    base: f64,
    negative: bool,
}

impl LogBase {
    fn logs(self, x: f64) -> f64 {
        let l = |x: f64| {
            if self.base == std::f64::consts::E {
                x.ln()
            } else if self.base == 10.0 {
                x.log10()
            } else if self.base == 2.0 {
                x.log2()
            } else {
                x.ln() / self.base.ln()
            }
        };
        if self.negative {
            -l(-x)
        } else {
            l(x)
        }
    }

    fn pows(self, x: f64) -> f64 {
        let p = |x: f64| {
            if self.base == 10.0 {
                jsmath::str_pow10(x)
            } else if self.base == std::f64::consts::E {
                x.exp()
            } else {
                self.base.powf(x)
            }
        };
        if self.negative {
            -p(-x)
        } else {
            p(x)
        }
    }
}

/// The natural-log transform of a log scale whose domain starts at `d0`.
pub(crate) fn transform(x: f64, negative: bool) -> f64 {
    if negative {
        -(-x).ln()
    } else {
        x.ln()
    }
}

/// The inverse of [`transform`].
pub(crate) fn untransform(x: f64, negative: bool) -> f64 {
    if negative {
        -(-x).exp()
    } else {
        x.exp()
    }
}

/// d3's log `ticks(count)` for the domain `[d0, d1]` (descending if the domain is).
pub(crate) fn log_ticks(d0: f64, d1: f64, base: f64, count: f64) -> Vec<f64> {
    let lb = LogBase { base, negative: d0 < 0.0 };
    let reverse = d1 < d0;
    let (u, v) = if reverse { (d1, d0) } else { (d0, d1) };
    let (mut i, mut j) = (lb.logs(u), lb.logs(v));
    let mut z = Vec::new();
    if base.fract() == 0.0 && j - i < count {
        i = i.floor();
        j = j.ceil();
        // d3 loops over every multiple; bound the work for huge bases.
        let mut budget = 100 * MAX_TICKS;
        let mut e = i;
        'decades: while e <= j {
            let mut k = if u > 0.0 { 1.0 } else { base - 1.0 };
            while (u > 0.0 && k < base) || (u <= 0.0 && k >= 1.0) {
                budget = budget.saturating_sub(1);
                if budget == 0 || z.len() >= MAX_TICKS {
                    break 'decades;
                }
                let t = if u > 0.0 {
                    if e < 0.0 {
                        k / lb.pows(-e)
                    } else {
                        k * lb.pows(e)
                    }
                } else if e > 0.0 {
                    k / lb.pows(-e)
                } else {
                    k * lb.pows(e)
                };
                k += if u > 0.0 { 1.0 } else { -1.0 };
                if t < u {
                    continue;
                }
                if t > v {
                    break;
                }
                z.push(t);
            }
            e += 1.0;
        }
        if ((z.len() * 2) as f64) < count {
            z = linear_ticks(u, v, count);
        }
    } else {
        z = linear_ticks(i, j, jsmath::min(j - i, count)).into_iter().map(|e| lb.pows(e)).collect();
    }
    if reverse {
        z.reverse();
    }
    z
}

/// d3's log `nice()`: the lower end floored and the upper end ceiled to powers of the base.
pub(crate) fn log_nice(d0: f64, d1: f64, base: f64) -> (f64, f64) {
    let lb = LogBase { base, negative: d0 < 0.0 };
    let floor = |x: f64| lb.pows(lb.logs(x).floor());
    let ceil = |x: f64| lb.pows(lb.logs(x).ceil());
    if d1 < d0 {
        (ceil(d0), floor(d1))
    } else {
        (floor(d0), ceil(d1))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{Domain, Nice, Range, Scale, ScaleOptions, ScaleType};
    use super::*;
    use crate::grammar::Value;

    fn decades(lo: i32, hi: i32) -> Vec<f64> {
        let mut v = Vec::new();
        for e in lo..hi {
            for k in 1..10 {
                v.push(if e < 0 {
                    k as f64 / jsmath::str_pow10(-e as f64)
                } else {
                    k as f64 * jsmath::str_pow10(e as f64)
                });
            }
        }
        v.push(jsmath::str_pow10(hi as f64));
        v
    }

    // Expected values from node 20 with d3-scale 4.0.3 (scaleLog().domain(..).ticks(..)).
    #[test]
    fn ticks_match_d3_log() {
        assert_eq!(log_ticks(1.0, 1000.0, 10.0, 10.0), decades(0, 3));
        assert_eq!(log_ticks(1.0, 1000.0, 10.0, 5.0), decades(0, 3));
        let want = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        assert_eq!(log_ticks(0.01, 10.0, 10.0, 10.0)[..18], want);
        assert_eq!(log_ticks(0.01, 10.0, 10.0, 10.0), decades(-2, 1));
        assert_eq!(log_ticks(1e-5, 1.0, 10.0, 10.0)[..3], [0.00001, 0.00002, 0.00003]);
        assert_eq!(
            log_ticks(3.0, 70.0, 10.0, 10.0),
            vec![3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0]
        );
        let powers: Vec<f64> = (0..=12).map(|e| jsmath::str_pow10(e as f64)).collect();
        assert_eq!(log_ticks(1.0, 1e12, 10.0, 10.0), powers);
        assert_eq!(log_ticks(1000.0, 1.0, 10.0, 3.0), vec![1000.0, 100.0, 10.0, 1.0]);
        assert_eq!(log_ticks(1.0, 64.0, 2.0, 10.0), vec![1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0]);
        let e = log_ticks(1.0, 100.0, std::f64::consts::E, 10.0);
        assert_eq!(e.len(), 5);
        assert!((e[4] - 54.598150033144236).abs() < 1e-12);
        let few = log_ticks(1.0, 1.5, 10.0, 10.0);
        assert_eq!(few, vec![1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.5]);
    }

    #[test]
    fn negative_domains_tick_and_nice_reflected() {
        let t = log_ticks(-1000.0, -1.0, 10.0, 10.0);
        assert_eq!(t.len(), 28);
        assert_eq!(t[..3], [-1000.0, -900.0, -800.0]);
        assert_eq!(t[27], -1.0);
        assert_eq!(log_nice(-650.0, -3.0, 10.0), (-1000.0, -1.0));
    }

    // d3-scale 4.0.3: nice() of [0.5, 700] -> [0.1, 1000]; base 2 [3, 1500] -> [2, 2048];
    // [800, 2] -> [1000, 1]
    #[test]
    fn nice_widens_to_powers() {
        assert_eq!(log_nice(0.5, 700.0, 10.0), (0.1, 1000.0));
        assert_eq!(log_nice(3.0, 1500.0, 2.0), (2.0, 2048.0));
        assert_eq!(log_nice(800.0, 2.0, 10.0), (1000.0, 1.0));
    }

    // d3-scale 4.0.3: scaleLog().domain([1, 1000]).range([0, 300]): (10) -> 100.00000000000001,
    // (500) -> 269.8970004336019, invert(150) -> 31.62277660168379
    #[test]
    fn log_scale_maps_by_natural_log() {
        let o = ScaleOptions { nice: Nice::Auto, ..ScaleOptions::default() };
        let s = Scale::new(ScaleType::Log, Domain::Continuous(1.0, 1000.0), Range::Continuous(0.0, 300.0), &o).unwrap();
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(s.map(&Value::Num(10.0)), 100.00000000000001));
        assert!(close(s.map(&Value::Num(500.0)), 269.8970004336019));
        assert!(close(s.invert(150.0).and_then(|v| v.as_num()), 31.62277660168379));
        assert_eq!(s.map(&Value::Num(0.0)), None);
        assert_eq!(s.map(&Value::Num(-5.0)), None);
    }
}
