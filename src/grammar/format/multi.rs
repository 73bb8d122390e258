//! d3-scale's default tick format for UTC time scales: the coarsest of `.%L`, `:%S`, `%I:%M`,
//! `%I %p`, `%a %d`, `%b %d`, `%B`, `%Y` whose unit boundary the time does not fall on.

use super::time::{time_value, TimeFormat};
use super::Locale;

const DAY_MS: i64 = 86_400_000;

/// The specifier d3-scale's `scaleUtc().tickFormat()` picks for a time.
fn pick(ms: f64) -> &'static str {
    let Some(t) = time_value(ms) else {
        return "%Y"; // d3: every interval comparison with an Invalid Date is false
    };
    let (days, rem) = (t.div_euclid(DAY_MS), t.rem_euclid(DAY_MS));
    let (_, month, day) = crate::grammar::calendar::civil_from_days(days);
    if rem % 1000 != 0 {
        ".%L"
    } else if rem % 60_000 != 0 {
        ":%S"
    } else if rem % 3_600_000 != 0 {
        "%I:%M"
    } else if rem != 0 {
        "%I %p"
    } else if day != 1 {
        if (days + 4).rem_euclid(7) != 0 {
            "%a %d"
        } else {
            "%b %d"
        }
    } else if month != 1 {
        "%B"
    } else {
        "%Y"
    }
}

/// d3-scale's default UTC time tick format, in the locale: `multi_format(t, Locale::En)` is
/// `"2000"` at 2000-01-01T00:00Z, `"Feb 06"` on a Sunday, `"01 PM"` at 13:00.
pub fn multi_format(ms: f64, loc: Locale) -> String {
    match TimeFormat::parse(pick(ms)) {
        Ok(f) => f.format(ms, loc),
        Err(_) => String::new(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::grammar::calendar::from_parts;

    #[test]
    fn picks_the_unit_like_d3_scale() {
        // Values from d3-scale 4.0.3 scaleUtc().tickFormat() with d3-time-format 4.1.1 en-US /
        // zh-CN (timeFormatDefaultLocale), node 20.
        let cases: [(f64, &str, &str); 10] = [
            (from_parts(2000, 0, 1, 0, 0, 0, 0), "2000", "2000"),
            (from_parts(2000, 2, 1, 0, 0, 0, 0), "March", "三月"),
            (from_parts(2000, 1, 6, 0, 0, 0, 0), "Feb 06", "二月 06"),
            (from_parts(2000, 1, 7, 0, 0, 0, 0), "Mon 07", "周一 07"),
            (from_parts(2000, 1, 7, 13, 0, 0, 0), "01 PM", "01 下午"),
            (from_parts(2000, 1, 7, 0, 0, 0, 0) - 3_600_000.0, "11 PM", "11 下午"),
            (from_parts(2000, 1, 7, 13, 30, 0, 0), "01:30", "01:30"),
            (from_parts(2000, 1, 7, 13, 30, 15, 0), ":15", ":15"),
            (from_parts(2000, 1, 7, 13, 30, 15, 250), ".250", ".250"),
            (-1.0, ".999", ".999"),
        ];
        for (t, en, zh) in cases {
            assert_eq!(multi_format(t, Locale::En), en, "{t}");
            assert_eq!(multi_format(t, Locale::Zh), zh, "{t}");
        }
        assert_eq!(multi_format(f64::NAN, Locale::En), "0NaN");
    }
}
