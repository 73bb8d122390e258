//! Format functions: `format` (d3-format), `timeFormat`/`utcFormat` and `timeParse`/`utcParse`
//! (d3-time-format; local time is UTC here), and `monthFormat`, `monthAbbrevFormat`,
//! `dayFormat`, `dayAbbrevFormat`. Output is in [`Locale::En`]. A specifier written as a literal
//! was parsed with the expression; one computed at run time is parsed per call, and an invalid
//! one gives null.

use std::sync::Arc;

use super::ast::Pre;
use super::dates::{make_time, time_clip};
use super::functions::Func;
use super::js::{to_number, to_text, V};
use crate::grammar::format::number::NumberFormat;
use crate::grammar::format::time::TimeFormat as TimeFmt;
use crate::grammar::format::Locale;
use crate::grammar::value::Value;

/// Calls format function `f` on evaluated arguments, with its pre-parsed specifier if any.
pub(super) fn call(f: Func, a: &[V], pre: Option<&Pre>) -> V {
    use Func::*;
    let v = a.first().cloned().unwrap_or(V::null());
    match f {
        MonthFormat | MonthAbbrevFormat | DayFormat | DayAbbrevFormat => return names(f, &v),
        _ if matches!(v, V::P(Value::Null)) => return V::text("null".into()),
        _ => {}
    }
    let spec = || a.get(1).map(to_text).unwrap_or_default();
    if f == Format {
        let fmt = match pre {
            Some(Pre::Number(n)) => n.clone(),
            _ => match NumberFormat::parse(&spec()) {
                Ok(n) => Arc::new(n),
                Err(_) => return V::null(),
            },
        };
        return V::text(fmt.format(to_number(&v), Locale::En));
    }
    let fmt = match pre {
        Some(Pre::Time(t)) => t.clone(),
        _ => match TimeFmt::parse(&spec()) {
            Ok(t) => Arc::new(t),
            Err(_) => return V::null(),
        },
    };
    match f {
        TimeParse | UtcParse => fmt.parse_date(&to_text(&v)).map_or(V::null(), |t| V::P(Value::Date(t))),
        _ => {
            // d3-time-format formats `new Date(+value)`: a date as it is, anything else as a number.
            let t = match v {
                V::P(Value::Date(t)) => t,
                _ => time_clip(to_number(&v)),
            };
            V::text(fmt.format(t, Locale::En))
        }
    }
}

/// vega-functions `monthFormat(m)` etc.: the name of a month (0-11) or weekday (0 = Sunday);
/// empty text for anything that is not an integer.
fn names(f: Func, v: &V) -> V {
    let n = match v {
        V::P(Value::Num(n)) if n.fract() == 0.0 => *n,
        _ => return V::text(String::new()),
    };
    let (t, spec) = match f {
        Func::MonthFormat => (make_time(&[2000.0, n, 1.0]), "%B"),
        Func::MonthAbbrevFormat => (make_time(&[2000.0, n, 1.0]), "%b"),
        Func::DayFormat => (make_time(&[2000.0, 0.0, 2.0 + n]), "%A"),
        _ => (make_time(&[2000.0, 0.0, 2.0 + n]), "%a"),
    };
    match TimeFmt::parse(spec) {
        Ok(fmt) => V::text(fmt.format(t, Locale::En)),
        Err(_) => V::null(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::ast::Node;
    use super::super::Expr;
    use crate::error::{Error, Path};
    use crate::grammar::value::Value;

    #[test]
    fn literal_specifiers_are_parsed_with_the_expression() {
        let e = Expr::parse("format(datum.v, ',.2f')", &Path::root()).unwrap();
        assert!(matches!(&e.root, Node::Call(_, _, Some(_))));
        let e = Expr::parse("format(datum.v, datum.spec)", &Path::root()).unwrap();
        assert!(matches!(&e.root, Node::Call(_, _, None)));
        let fields = ["v".to_string(), "spec".to_string()];
        assert_eq!(e.eval(&(&fields[..], &[Value::Num(0.5), Value::str(".1f")][..])), Value::str("0.5"));
        assert_eq!(e.eval(&(&fields[..], &[Value::Num(0.5), Value::str(".x.f")][..])), Value::Null);
        assert!(matches!(Expr::parse("timeFormat(1, 2)", &Path::root()), Err(Error::Expr { at: 14, .. })));
        assert!(matches!(Expr::parse("utcFormat(1, null)", &Path::root()), Err(Error::Expr { at: 13, .. })));
    }
}
