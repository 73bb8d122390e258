//! The expression tree the parser builds and the interpreter walks. Chains of operators of one
//! precedence (`a + b - c`, `a && b && c`) are stored flat, so a long sum does not make a deep
//! tree: depth comes only from real nesting, which the parser caps.

use std::fmt;
use std::sync::Arc;

use super::functions::Func;
use crate::grammar::format::number::NumberFormat;
use crate::grammar::format::time::TimeFormat;
use crate::grammar::value::Value;

/// A node of the expression tree.
#[derive(Debug, Clone)]
pub(super) enum Node {
    /// A literal or constant.
    Lit(Value),
    /// `datum.a.b`, by flattened key.
    Field(Arc<str>),
    /// An array literal.
    Array(Vec<Node>),
    /// A unary operator.
    Unary(UnOp, Box<Node>),
    /// `first op1 x1 op2 x2 ...`, all ops of one precedence, evaluated left to right.
    Chain(Box<Node>, Vec<(BinOp, Node)>),
    /// `x1 && x2 && ...` (`and` true) or `x1 || x2 || ...`, short-circuit, returning an operand.
    Logic(bool, Vec<Node>),
    /// `test ? then : else`.
    Cond(Box<Node>, Box<Node>, Box<Node>),
    /// A built-in function call; `pre` holds a format specifier parsed ahead of time.
    Call(Func, Vec<Node>, Option<Pre>),
}

/// A unary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Not,
    /// `~x`
    BitNot,
}

/// A binary (non-logical) operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BinOp {
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Rem,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `>>>`
    UShr,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `===`
    StrictEq,
    /// `!==`
    StrictNe,
    /// `&`
    BitAnd,
    /// `^`
    BitXor,
    /// `|`
    BitOr,
}

/// Binding power of a binary operator token (higher binds tighter): `||` 1, `&&` 2, `|` 3,
/// `^` 4, `&` 5, equality 6, relational 7, shifts 8, additive 9, multiplicative 10. `None` for
/// a token that is no binary operator; `Some((prec, None))` for `&&` / `||`.
pub(super) fn binary_op(p: &str) -> Option<(u8, Option<BinOp>)> {
    use BinOp::*;
    let r = match p {
        "||" => (1, None),
        "&&" => (2, None),
        "|" => (3, Some(BitOr)),
        "^" => (4, Some(BitXor)),
        "&" => (5, Some(BitAnd)),
        "==" => (6, Some(Eq)),
        "!=" => (6, Some(Ne)),
        "===" => (6, Some(StrictEq)),
        "!==" => (6, Some(StrictNe)),
        "<" => (7, Some(Lt)),
        "<=" => (7, Some(Le)),
        ">" => (7, Some(Gt)),
        ">=" => (7, Some(Ge)),
        "<<" => (8, Some(Shl)),
        ">>" => (8, Some(Shr)),
        ">>>" => (8, Some(UShr)),
        "+" => (9, Some(Add)),
        "-" => (9, Some(Sub)),
        "*" => (10, Some(Mul)),
        "/" => (10, Some(Div)),
        "%" => (10, Some(Rem)),
        _ => return None,
    };
    Some(r)
}

/// The precedence of a [`BinOp`] (as [`binary_op`] gives it).
pub(super) fn precedence(op: BinOp) -> u8 {
    use BinOp::*;
    match op {
        BitOr => 3,
        BitXor => 4,
        BitAnd => 5,
        Eq | Ne | StrictEq | StrictNe => 6,
        Lt | Le | Gt | Ge => 7,
        Shl | Shr | UShr => 8,
        Add | Sub => 9,
        Mul | Div | Rem => 10,
    }
}

/// A format specifier parsed when the expression was.
#[derive(Clone)]
pub(super) enum Pre {
    /// A d3-format number specifier.
    Number(Arc<NumberFormat>),
    /// A d3-time-format specifier.
    Time(Arc<TimeFormat>),
}

impl fmt::Debug for Pre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Pre::Number(_) => "Pre::Number",
            Pre::Time(_) => "Pre::Time",
        })
    }
}

impl Node {
    /// The field keys this node reads, appended to `out` without duplicates.
    pub(super) fn collect_fields(&self, out: &mut Vec<String>) {
        match self {
            Node::Lit(_) => {}
            Node::Field(k) => {
                if !out.iter().any(|f| **f == **k) {
                    out.push(k.to_string());
                }
            }
            Node::Array(xs) | Node::Logic(_, xs) | Node::Call(_, xs, _) => {
                xs.iter().for_each(|x| x.collect_fields(out))
            }
            Node::Unary(_, x) => x.collect_fields(out),
            Node::Chain(first, rest) => {
                first.collect_fields(out);
                rest.iter().for_each(|(_, x)| x.collect_fields(out));
            }
            Node::Cond(a, b, c) => [a, b, c].iter().for_each(|x| x.collect_fields(out)),
        }
    }

    /// The depth of the tree under this node (a leaf is 1); the parser tracks it as it builds.
    #[cfg(test)]
    pub(super) fn depth(&self) -> usize {
        1 + match self {
            Node::Lit(_) | Node::Field(_) => 0,
            Node::Array(xs) | Node::Logic(_, xs) | Node::Call(_, xs, _) => {
                xs.iter().map(Node::depth).max().unwrap_or(0)
            }
            Node::Unary(_, x) => x.depth(),
            Node::Chain(first, rest) => rest.iter().map(|(_, x)| x.depth()).max().unwrap_or(0).max(first.depth()),
            Node::Cond(a, b, c) => a.depth().max(b.depth()).max(c.depth()),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::Expr;
    use crate::error::Path;

    #[test]
    fn fields_are_collected_once_in_first_use_order() {
        let e = Expr::parse("if(datum.b, [datum.a, datum.b], -datum.c ? datum['a'] : pad(datum.d, 2))", &Path::root())
            .unwrap();
        assert_eq!(e.fields(), ["b", "a", "c", "d"]);
        assert!(Expr::parse("1 + 2", &Path::root()).unwrap().fields().is_empty());
    }
}
