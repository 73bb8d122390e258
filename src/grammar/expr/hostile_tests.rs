//! Hostile-input tests: oversized and deeply nested sources are refused with an error (no
//! hang, no stack overflow), and no input - random bytes, token soup, truncated expressions,
//! extreme arguments to every function - makes parsing or evaluation panic.

use super::functions::TABLE;
use super::{Expr, MAX_DEPTH, MAX_SOURCE_CHARS};
use crate::error::{Error, Path};
use crate::grammar::value::Value;

fn parse(src: &str) -> Result<Expr, Error> {
    Expr::parse(src, &Path::of(&["filter"]))
}

fn error_at(src: &str) -> (usize, String) {
    match parse(src) {
        Err(Error::Expr { at, message, .. }) => (at, message),
        other => panic!("expected an error, got {other:?}"),
    }
}

/// Parses and, when that succeeds, evaluates against a row of awkward values.
fn exercise(src: &str) {
    let fields = ["a".to_string(), "b".to_string(), "s".to_string(), "d".to_string()];
    let row = [Value::Num(f64::NAN), Value::Num(-1e308), Value::str("ä😀\u{0}"), Value::Date(8.64e15)];
    if let Ok(e) = parse(src) {
        let _ = e.eval(&(&fields[..], &row[..]));
        let _ = e.fields();
    }
}

/// A small deterministic generator (64-bit LCG), so failures reproduce.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn oversized_sources_are_refused_quickly() {
    let huge = "1+".repeat(50_000) + "1"; // 100,001 characters
    let (at, msg) = error_at(&huge);
    assert_eq!(at, MAX_SOURCE_CHARS);
    assert!(msg.contains("longer than 10000"), "{msg}");
    // The longest accepted source: a flat chain of 5,000 terms evaluates without recursion.
    let long = "1".to_string() + &"+1".repeat(4_999);
    assert_eq!(long.chars().count(), 9_999);
    let e = parse(&long).unwrap();
    assert_eq!(e.eval(&(&[][..], &[][..])), Value::Num(5_000.0));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let ok = "(".repeat(60) + "1" + &")".repeat(60);
    assert!(parse(&ok).is_ok());
    let cases = [
        "(".repeat(4_000) + "1" + &")".repeat(4_000),
        "- ".repeat(4_500) + "1",
        "!".repeat(9_000) + "1",
        "[".repeat(9_000),
        "abs(".repeat(1_500) + "1" + &")".repeat(1_500),
        "1?".repeat(2_000) + "1" + &":1".repeat(2_000),
        "(1||1&&1|1^1&1==1<1<<1+1*-".repeat(30) + "1" + &")".repeat(30),
    ];
    for src in &cases {
        let (_, msg) = error_at(src);
        assert!(msg.contains(&format!("more than {MAX_DEPTH} levels")), "{msg}");
    }
    // The mixed chain errs where the tree gets too deep, not at the start.
    assert!(error_at(&cases[6]).0 > 100);
}

#[test]
fn deepest_accepted_trees_evaluate_on_a_small_stack() {
    let n = MAX_DEPTH - 1;
    let srcs = [
        "abs(".repeat(n) + "datum.a" + &")".repeat(n),
        "- ".repeat(n) + "datum.a",
        "if(datum.a, ".repeat(n) + "1" + &", 0)".repeat(n),
        "[".repeat(n) + "datum.a" + &"]".repeat(n),
    ];
    for src in &srcs {
        assert!(parse(src).is_ok(), "{src}");
        assert!(parse(&format!("abs({src})")).is_err(), "{src}");
    }
    // Measured at the cap: an optimised build parses and evaluates each of these in under
    // 128 KiB of stack (wasm's default is 1 MiB); an unoptimised one needs up to ~1 MiB.
    let kib = if cfg!(debug_assertions) { 1536 } else { 256 };
    let run = std::thread::Builder::new().stack_size(kib * 1024).spawn(move || {
        for src in &srcs {
            let e = parse(src).unwrap();
            let _ = e.eval(&(&["a".to_string()][..], &[Value::Num(1.0)][..]));
        }
    });
    assert!(run.unwrap().join().is_ok());
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Lcg(7);
    for _ in 0..20_000 {
        let len = rng.next(40);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next(256) as u8).collect();
        exercise(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn token_soup_never_panics() {
    const PIECES: [&str; 48] = [
        "datum", ".", "a", "s", "[", "]", "'d'", "(", ")", "+", "-", "*", "/", "%", "<", ">=", "==", "===", "!", "~",
        "&&", "||", "?", ":", ",", "1", "0.5", "1e308", "-1e308", "NaN", "null", "true", "''", "pad", "slice",
        "datetime", "format", "'%Y'", "',.2f'", "length", "replace", "parseInt", "truncate", "'", "\"", "\\u{", "0x",
        ">>>",
    ];
    let mut rng = Lcg(11);
    for _ in 0..30_000 {
        let n = 1 + rng.next(14);
        let src: Vec<&str> = (0..n).map(|_| PIECES[rng.next(PIECES.len())]).collect();
        exercise(&src.join(if rng.next(2) == 0 { "" } else { " " }));
    }
}

#[test]
fn truncated_expressions_never_panic() {
    let full = [
        "datum['x y'] > 1 && (datum.a.b === 'q' || !isValid(datum.c)) ? format(datum.v, ',.2f') : 'n/a'",
        "timeFormat(datetime(year(datum.d), month(datum.d) + 1, 0), '%Y-%m-%d') + \"\\u00e9\\x41\"",
        "inrange(datum.v, [1e3, -0x1F]) ? pad(upper(trim(datum.s)), 10, '*', 'center') : truncate(datum.s, 4, 'left')",
        "replace(slice(substring(datum.s, 1, -1), -3), 'a', '$&$`') + lastindexof([1, '2', null], '2') >>> 1",
    ];
    for src in full {
        let chars: Vec<char> = src.chars().collect();
        for i in 0..=chars.len() {
            exercise(&chars[..i].iter().collect::<String>());
            exercise(&chars[i..].iter().collect::<String>());
        }
        assert!(parse(src).is_ok(), "{src}");
    }
}

#[test]
fn every_function_survives_extreme_arguments() {
    const ARGS: [&str; 11] =
        ["NaN", "Infinity", "-Infinity", "1e300", "-1e300", "null", "''", "[]", "datum.s", "datum.d", "-0.5"];
    for (name, _, min, max) in TABLE {
        let arity = (*max).min(3).max(*min);
        let mut idx = vec![0usize; arity];
        loop {
            let args: Vec<&str> = idx.iter().map(|&i| ARGS[i]).collect();
            exercise(&format!("{name}({})", args.join(", ")));
            // Next combination (odometer).
            let mut k = 0;
            while k < arity {
                idx[k] += 1;
                if idx[k] < ARGS.len() {
                    break;
                }
                idx[k] = 0;
                k += 1;
            }
            if k == arity {
                break;
            }
        }
    }
    for src in ["pad('x', 1e300)", "pad('', 1e9, 'ab')", "pad('x', 6e5) + pad('x', 6e5)"] {
        assert_eq!(parse(src).unwrap().eval(&(&[][..], &[][..])), Value::Null, "{src}");
        // oversized text is null
    }
}
