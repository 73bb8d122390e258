//! The tree walker: operators with JavaScript semantics over [`V`] (`+` concatenates when
//! either side is text, `&&`/`||` return an operand, comparisons follow the abstract relational
//! comparison). Evaluation never fails; recursion is bounded by the parser's depth cap.

use std::rc::Rc;

use super::ast::{BinOp, Node, UnOp};
use super::functions;
use super::js::{
    less, loose_eq, strict_eq, to_int32, to_number, to_primitive, to_text, to_uint32, truthy, MAX_TEXT, V,
};
use super::Datum;
use crate::grammar::value::Value;

/// Evaluates `node` against one datum.
pub(super) fn eval(node: &Node, d: &dyn Datum) -> V {
    match node {
        Node::Lit(v) => V::P(v.clone()),
        Node::Field(k) => V::P(d.field(k)),
        Node::Array(xs) => V::A(Rc::new(xs.iter().map(|x| eval(x, d)).collect())),
        Node::Unary(op, x) => unary(*op, &eval(x, d)),
        Node::Chain(first, rest) => rest.iter().fold(eval(first, d), |acc, (op, x)| binary(*op, &acc, &eval(x, d))),
        Node::Logic(and, xs) => {
            let mut last = V::null();
            for x in xs {
                last = eval(x, d);
                if truthy(&last) != *and {
                    break;
                }
            }
            last
        }
        Node::Cond(t, a, b) => {
            if truthy(&eval(t, d)) {
                eval(a, d)
            } else {
                eval(b, d)
            }
        }
        Node::Call(f, args, pre) => functions::call(*f, args, pre.as_ref(), d),
    }
}

fn unary(op: UnOp, x: &V) -> V {
    match op {
        UnOp::Neg => V::num(-to_number(x)),
        UnOp::Plus => V::num(to_number(x)),
        UnOp::Not => V::bool(!truthy(x)),
        UnOp::BitNot => V::num(f64::from(!to_int32(to_number(x)))),
    }
}

/// `a op b`.
pub(super) fn binary(op: BinOp, a: &V, b: &V) -> V {
    use BinOp::*;
    let num = |f: fn(f64, f64) -> f64| V::num(f(to_number(a), to_number(b)));
    let int = |f: fn(i32, i32) -> i32| V::num(f64::from(f(to_int32(to_number(a)), to_int32(to_number(b)))));
    match op {
        Add => add(a, b),
        Sub => num(|x, y| x - y),
        Mul => num(|x, y| x * y),
        Div => num(|x, y| x / y),
        Rem => num(|x, y| x % y),
        Shl => V::num(f64::from(to_int32(to_number(a)).wrapping_shl(to_uint32(to_number(b)) & 31))),
        Shr => V::num(f64::from(to_int32(to_number(a)).wrapping_shr(to_uint32(to_number(b)) & 31))),
        UShr => V::num(f64::from(to_uint32(to_number(a)).wrapping_shr(to_uint32(to_number(b)) & 31))),
        Lt => V::bool(less(a, b) == Some(true)),
        Gt => V::bool(less(b, a) == Some(true)),
        Le => V::bool(less(b, a) == Some(false)),
        Ge => V::bool(less(a, b) == Some(false)),
        Eq => V::bool(loose_eq(a, b)),
        Ne => V::bool(!loose_eq(a, b)),
        StrictEq => V::bool(strict_eq(a, b)),
        StrictNe => V::bool(!strict_eq(a, b)),
        BitAnd => int(|x, y| x & y),
        BitXor => int(|x, y| x ^ y),
        BitOr => int(|x, y| x | y),
    }
}

/// `+`: text concatenation when either primitive is text, else numeric addition (dates add
/// as milliseconds). A concatenation longer than [`MAX_TEXT`] is null.
fn add(a: &V, b: &V) -> V {
    let (x, y) = (to_primitive(a), to_primitive(b));
    if matches!(x, Value::Str(_)) || matches!(y, Value::Str(_)) {
        let (p, q) = (to_text(&V::P(x)), to_text(&V::P(y)));
        if p.len() + q.len() > MAX_TEXT {
            return V::null();
        }
        return V::text(p + &q);
    }
    V::num(to_number(&V::P(x)) + to_number(&V::P(y)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn s(t: &str) -> V {
        V::P(Value::str(t))
    }

    #[test]
    fn arithmetic_coerces_as_javascript() {
        assert_eq!(binary(BinOp::Add, &s("1"), &V::num(2.0)), s("12"));
        assert_eq!(binary(BinOp::Mul, &s("3"), &s("4")), V::num(12.0));
        assert_eq!(binary(BinOp::Add, &V::null(), &V::num(1.0)), V::num(1.0));
        assert_eq!(binary(BinOp::Add, &V::bool(true), &V::bool(true)), V::num(2.0));
        assert_eq!(binary(BinOp::Rem, &V::num(-7.0), &V::num(3.0)), V::num(-1.0));
        assert_eq!(binary(BinOp::Sub, &V::P(Value::Date(5000.0)), &V::P(Value::Date(2000.0))), V::num(3000.0));
        assert_eq!(binary(BinOp::UShr, &V::num(-7.0), &V::num(28.0)), V::num(15.0)); // vega 6.4.0: 15
        assert_eq!(binary(BinOp::Shl, &V::num(1.0), &V::num(33.0)), V::num(2.0));
    }

    #[test]
    fn comparisons_with_nan_are_false() {
        let nan = V::num(f64::NAN);
        for op in [BinOp::Lt, BinOp::Le, BinOp::Gt, BinOp::Ge, BinOp::Eq] {
            assert_eq!(binary(op, &nan, &nan), V::bool(false), "{op:?}");
        }
        assert_eq!(binary(BinOp::Ne, &nan, &nan), V::bool(true));
        assert_eq!(binary(BinOp::Le, &V::null(), &V::num(0.0)), V::bool(true));
    }

    #[test]
    fn long_concatenations_are_null_not_huge() {
        let big = s(&"x".repeat(MAX_TEXT / 2 + 1));
        assert_eq!(binary(BinOp::Add, &big, &big), V::null());
    }

    #[test]
    fn logic_returns_the_deciding_operand() {
        use super::super::Expr;
        let run = |src: &str| Expr::parse(src, &crate::error::Path::root()).unwrap().eval(&(&[][..], &[][..]));
        assert_eq!(run("0 || '' || 'x' || 2"), Value::str("x"));
        assert_eq!(run("1 && 'a' && 0 && 2"), Value::Num(0.0));
        assert_eq!(run("null || 0"), Value::Num(0.0));
        assert_eq!(run("[] && 5"), Value::Num(5.0)); // arrays are truthy
        assert_eq!(run("5 & 3 | 8 ^ 1"), Value::Num(9.0));
        assert_eq!(run("~5 >> 1"), Value::Num(-3.0));
    }
}
