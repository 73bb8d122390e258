//! Tokens to [`Node`] tree by precedence climbing, with the language's whitelist applied as it
//! goes: only `datum` fields, the constants and the built-in functions are names; everything
//! else JavaScript has (assignment, `new`, `this`, member calls, signals) is refused with the
//! offset where it starts (names are resolved in `names.rs`). Nesting is capped at
//! [`MAX_DEPTH`] both while parsing and in the tree.

use super::ast::{binary_op, precedence, Node, UnOp};
use super::lexer::{Tok, Token};
use super::MAX_DEPTH;
use crate::grammar::value::{js_number, Value};

/// A parse failure: character offset and message.
pub(super) type ParseError = (usize, String);
type R<T> = Result<T, ParseError>;
/// A node and the depth of its tree.
type P = (Node, usize);

/// Parses a whole token list (ending with [`Tok::End`]) to a tree.
pub(super) fn parse(toks: &[Token]) -> R<Node> {
    let mut p = Parser { toks, pos: 0, nesting: 0 };
    if matches!(p.peek().tok, Tok::End) {
        return Err((0, "empty expression".into()));
    }
    let (node, _) = p.ternary()?;
    let t = p.peek();
    let msg = match &t.tok {
        Tok::End => return Ok(node),
        Tok::Punct(")") => "unmatched `)`".to_string(),
        Tok::Punct(",") => "unexpected `,`: an expression is one formula (sequences are not supported)".to_string(),
        Tok::Punct(p) if is_assignment(p) => format!("assignment (`{p}`) is not allowed in expressions"),
        other => format!("unexpected {} after a complete expression", describe(other)),
    };
    Err((t.at, msg))
}

fn is_assignment(p: &str) -> bool {
    p == "=" || (p.len() >= 2 && p.ends_with('=') && !matches!(p, "==" | "!=" | "<=" | ">=" | "===" | "!=="))
}

pub(super) fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("number {}", js_number(*n)),
        Tok::Str(_) => "string".into(),
        Tok::Name(n) => format!("`{n}`"),
        Tok::Punct(p) => format!("`{p}`"),
        Tok::End => "end of expression".into(),
    }
}

/// The parser's state: the tokens, the next one's index, and the current nesting.
pub(super) struct Parser<'a> {
    toks: &'a [Token],
    pos: usize,
    nesting: usize,
}

impl Parser<'_> {
    pub(super) fn peek(&self) -> &Token {
        static END: Token = Token { tok: Tok::End, at: 0 };
        self.toks.get(self.pos).or(self.toks.last()).unwrap_or(&END)
    }

    pub(super) fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    pub(super) fn is(&self, p: &str) -> bool {
        matches!(self.peek().tok, Tok::Punct(q) if q == p)
    }

    pub(super) fn expect(&mut self, p: &str, what: &str) -> R<()> {
        if self.is(p) {
            self.bump();
            return Ok(());
        }
        let t = self.peek();
        Err((t.at, format!("expected `{p}` {what}, found {}", describe(&t.tok))))
    }

    fn too_deep(at: usize) -> ParseError {
        (at, format!("expression is nested more than {MAX_DEPTH} levels deep"))
    }

    /// A node of depth `d`, refused when deeper than [`MAX_DEPTH`].
    pub(super) fn node(n: Node, d: usize, at: usize) -> R<P> {
        if d > MAX_DEPTH {
            return Err(Self::too_deep(at));
        }
        Ok((n, d))
    }

    fn enter(&mut self) -> R<()> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(Self::too_deep(self.peek().at));
        }
        Ok(())
    }

    /// `test ? a : b` (right-associative) or a binary expression; the entry of every
    /// sub-expression, so it is where nesting is counted.
    pub(super) fn ternary(&mut self) -> R<P> {
        self.enter()?;
        let at = self.peek().at;
        let test = self.binary(1)?;
        let out = if self.is("?") {
            self.bump();
            let a = self.ternary()?;
            self.expect(":", "in `test ? a : b`")?;
            let b = self.ternary()?;
            let d = 1 + test.1.max(a.1).max(b.1);
            Self::node(Node::Cond(Box::new(test.0), Box::new(a.0), Box::new(b.0)), d, at)?
        } else {
            test
        };
        self.nesting -= 1;
        Ok(out)
    }

    /// Precedence climbing over binary operators binding at least `min`.
    fn binary(&mut self, min: u8) -> R<P> {
        let mut left = self.unary()?;
        loop {
            let t = self.peek();
            let Tok::Punct(p) = t.tok else { break };
            let Some((prec, op)) = binary_op(p) else { break };
            if prec < min {
                break;
            }
            let at = t.at;
            self.bump();
            let right = self.binary(prec + 1)?;
            left = Self::combine(left, prec, op, right, at)?;
        }
        Ok(left)
    }

    /// `left op right`, appended to `left` when it is a chain of the same precedence.
    fn combine(left: P, prec: u8, op: Option<super::ast::BinOp>, right: P, at: usize) -> R<P> {
        let (mut l, ld) = left;
        let (r, rd) = right;
        match op {
            None => {
                let and = prec == 2;
                if let Node::Logic(a, xs) = &mut l {
                    if *a == and {
                        xs.push(r);
                        return Self::node(l, ld.max(rd + 1), at);
                    }
                }
                Self::node(Node::Logic(and, vec![l, r]), 1 + ld.max(rd), at)
            }
            Some(op) => {
                if let Node::Chain(_, rest) = &mut l {
                    if rest.first().is_some_and(|(o, _)| precedence(*o) == prec) {
                        rest.push((op, r));
                        return Self::node(l, ld.max(rd + 1), at);
                    }
                }
                Self::node(Node::Chain(Box::new(l), vec![(op, r)]), 1 + ld.max(rd), at)
            }
        }
    }

    fn unary(&mut self) -> R<P> {
        let t = self.peek().clone();
        let op = match t.tok {
            Tok::Punct("-") => UnOp::Neg,
            Tok::Punct("+") => UnOp::Plus,
            Tok::Punct("!") => UnOp::Not,
            Tok::Punct("~") => UnOp::BitNot,
            Tok::Punct(p @ ("++" | "--")) => return Err((t.at, format!("`{p}` (increment/decrement) is not allowed"))),
            _ => return self.postfix(),
        };
        self.bump();
        self.enter()?;
        let (x, d) = self.unary()?;
        self.nesting -= 1;
        Self::node(Node::Unary(op, Box::new(x)), d + 1, t.at)
    }

    /// A primary expression, refusing member access and calls on anything but `datum` and
    /// the built-in functions.
    fn postfix(&mut self) -> R<P> {
        let p = self.primary()?;
        let t = self.peek();
        match t.tok {
            Tok::Punct("." | "[" | "?.") => {
                Err((t.at, "property access is only supported on `datum` (use length(x) for a length)".into()))
            }
            Tok::Punct("(") => Err((t.at, "only built-in functions can be called".into())),
            Tok::Punct(p @ ("++" | "--")) => Err((t.at, format!("`{p}` (increment/decrement) is not allowed"))),
            _ => Ok(p),
        }
    }

    fn primary(&mut self) -> R<P> {
        let t = self.bump();
        match t.tok {
            Tok::Num(n) => Ok((Node::Lit(Value::Num(n)), 1)),
            Tok::Str(s) => Ok((Node::Lit(Value::str(&s)), 1)),
            Tok::Punct("(") => {
                let inner = self.ternary()?;
                self.expect(")", "to close `(`")?;
                Ok(inner)
            }
            Tok::Punct("[") => self.array(t.at),
            Tok::Punct("{") => Err((t.at, "object literals are not supported".into())),
            Tok::Punct("/") => Err((t.at, "regular expressions are not supported".into())),
            Tok::Name(name) => self.name(&name, t.at),
            other => Err((t.at, format!("unexpected {}", describe(&other)))),
        }
    }

    fn array(&mut self, at: usize) -> R<P> {
        let mut items = Vec::new();
        let mut depth = 0;
        while !self.is("]") {
            if self.is(",") {
                return Err((self.peek().at, "array holes (`[1,,2]`) are not supported".into()));
            }
            let (x, d) = self.ternary()?;
            items.push(x);
            depth = depth.max(d);
            if !self.is("]") {
                self.expect(",", "between array items")?;
            }
        }
        self.bump();
        Self::node(Node::Array(items), depth + 1, at)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::ast::BinOp;
    use super::*;

    fn tree(s: &str) -> R<Node> {
        let chars: Vec<char> = s.chars().collect();
        let toks = super::super::lexer::lex(&chars)?;
        parse(&toks)
    }

    #[test]
    fn chains_of_one_precedence_are_flat() {
        let n = tree("1 + 2 - 3 * 4 + 5").unwrap();
        let Node::Chain(first, rest) = &n else { panic!("{n:?}") };
        assert!(matches!(**first, Node::Lit(Value::Num(1.0))));
        let ops: Vec<BinOp> = rest.iter().map(|(o, _)| *o).collect();
        assert_eq!(ops, vec![BinOp::Add, BinOp::Sub, BinOp::Add]);
        assert!(matches!(rest[1].1, Node::Chain(_, _)));
        assert_eq!(n.depth(), 3);
        let long = vec!["datum.a"; 500].join(" + ");
        assert_eq!(tree(&long).unwrap().depth(), 2);
    }

    #[test]
    fn datum_keys_flatten() {
        let n = tree("datum['a b'].c[0]").unwrap();
        assert!(matches!(n, Node::Field(ref k) if &**k == "a b.c.0"), "{n:?}");
    }

    #[test]
    fn refusals_name_their_offset() {
        assert_eq!(tree("datum.a = 1").unwrap_err().0, 8);
        assert_eq!(tree("1 + (2").unwrap_err().0, 6);
        assert_eq!(tree("x + 1").unwrap_err().0, 0);
        assert_eq!(tree("datum.f(1)").unwrap_err().0, 7);
        assert_eq!(tree("'a'.length").unwrap_err().0, 3);
        assert_eq!(tree("abs(1, 2)").unwrap_err(), (0, "abs() takes 1 argument, got 2".into()));
        assert!(tree("new Date()").unwrap_err().1.contains("not allowed"));
        assert!(tree("datum").unwrap_err().1.contains("followed by a field"));
        assert!(tree("event.x").unwrap_err().1.contains("not supported"));
        assert!(tree("1, 2").unwrap_err().1.contains("one formula"));
    }
}
