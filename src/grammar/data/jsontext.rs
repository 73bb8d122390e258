//! JSON text to a [`Json`] tree, as `JSON.parse` reads it (keys in order, a repeated key keeps
//! its first place and its last value), for URL text and inline `values` strings. Written here
//! because the wasm build has no serde_json. Nesting is limited to [`MAX_DEPTH`] and the tree
//! to [`MAX_JSON_VALUES`] values, so hostile text cannot exhaust the stack or memory.

use std::collections::HashMap;

use crate::error::{Error, Path};
use crate::grammar::json::MAX_DEPTH;
use crate::grammar::Json;

/// Most values (of any kind, nested ones included) one JSON text may hold.
pub const MAX_JSON_VALUES: usize = 16_000_000;

/// Parses JSON text (a leading byte-order mark is skipped); errors are [`Error::Data`] at `path`
/// with the line and column.
pub fn parse_json_text(text: &str, path: &Path) -> Result<Json, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser { b: text.as_bytes(), text, i: 0, count: 0, path };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
    count: usize,
    path: &'a Path,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> Error {
        let before = &self.b[..self.i.min(self.b.len())];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&c| c != b'\n').count() + 1;
        Error::Data {
            path: self.path.clone(),
            row: None,
            message: format!("not JSON: {what} at line {line}, column {col}"),
        }
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Error> {
        if depth > MAX_DEPTH {
            return Err(self.err(&format!("nested deeper than {MAX_DEPTH} levels")));
        }
        self.count += 1;
        if self.count > MAX_JSON_VALUES {
            return Err(self.err(&format!("more than {MAX_JSON_VALUES} values")));
        }
        match self.b.get(self.i) {
            None => Err(self.err("unexpected end of text")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, Error> {
        self.i += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        self.ws();
        if self.eat("}") {
            return Ok(Json::Obj(members));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a key in double quotes"));
            }
            let k = self.string()?;
            self.ws();
            if !self.eat(":") {
                return Err(self.err("expected `:`"));
            }
            self.ws();
            let v = self.value(depth + 1)?;
            let slot = if members.len() < 16 {
                members.iter().position(|(kk, _)| *kk == k)
            } else {
                if index.len() < members.len() {
                    index = members.iter().enumerate().map(|(n, (kk, _))| (kk.clone(), n)).collect();
                }
                index.get(&k).copied()
            };
            match slot.and_then(|n| members.get_mut(n)) {
                Some(m) => m.1 = v,
                None => {
                    if members.len() >= 16 {
                        index.insert(k.clone(), members.len());
                    }
                    members.push((k, v));
                }
            }
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("}") {
                return Ok(Json::Obj(members));
            }
            return Err(self.err("expected `,` or `}`"));
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, Error> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Ok(Json::Arr(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("]") {
                return Ok(Json::Arr(items));
            }
            return Err(self.err("expected `,` or `]`"));
        }
    }

    fn number(&mut self) -> Result<Json, Error> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let s = p.i;
            while matches!(p.b.get(p.i), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - s
        };
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.b.get(int_start) == Some(&b'0')) {
            return Err(self.err("invalid number"));
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("invalid number"));
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("invalid number"));
            }
        }
        let t = self.text.get(start..self.i).unwrap_or("");
        t.parse::<f64>().map(Json::Num).map_err(|_| self.err("invalid number"))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let h = self.text.get(self.i..self.i + 4).ok_or_else(|| self.err("bad \\u escape"))?;
        let v = u32::from_str_radix(h, 16).map_err(|_| self.err("bad \\u escape"))?;
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, Error> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while matches!(self.b.get(self.i), Some(c) if *c != b'"' && *c != b'\\' && *c >= 0x20) {
                self.i += 1;
            }
            // The run stops at ASCII bytes only, so it is whole characters.
            out.push_str(self.text.get(run..self.i).unwrap_or(""));
            match self.b.get(self.i) {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.b.get(self.i).copied().ok_or_else(|| self.err("unterminated string"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let mut cp = hi;
                            if (0xD800..0xDC00).contains(&hi) && self.b[self.i..].starts_with(b"\\u") {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                } else {
                                    self.i = save;
                                }
                            }
                            // A lone surrogate (which JavaScript keeps) becomes U+FFFD.
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err("bad escape"));
                        }
                    }
                }
                Some(_) => return Err(self.err("control character in a string")),
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn p(t: &str) -> Result<Json, Error> {
        parse_json_text(t, &Path::of(&["data", "url"]))
    }

    #[test]
    fn reads_what_json_parse_reads_and_agrees_with_serde() {
        let t = "\u{feff} {\"b\": [1, -2.5e2, true, null], \"a\": \"x\\\"\\u00e9\\ud83d\\ude00\\n\", \"b\": {}}";
        let j = p(t).unwrap();
        // A repeated key keeps its first place and last value, as JSON.parse does.
        assert_eq!(j, Json::Obj(vec![("b".into(), Json::Obj(vec![])), ("a".into(), Json::Str("x\"é😀\n".into()))]));
        let doc = r#"[{"k": 0.1, "n": [[], {"z": "猫"}], "e": 1E+3}, 3]"#;
        assert_eq!(p(doc).unwrap(), Json::parse(doc).unwrap());
        let many: String =
            format!("{{{}}}", (0..40).map(|i| format!("\"k{}\": {i}", i % 20)).collect::<Vec<_>>().join(","));
        assert_eq!(p(&many).unwrap(), Json::parse(&many).unwrap());
    }

    #[test]
    fn refuses_bad_text_with_line_and_column() {
        for (bad, what) in [
            ("[1, ", "end of text"),
            ("[1, 2", "expected `,` or `]`"),
            ("{\"a\" 1}", "expected `:`"),
            ("[01]", "invalid number"),
            ("[1.]", "invalid number"),
            ("{'a': 1}", "double quotes"),
            ("[1] x", "after the JSON value"),
            ("\"a\tb\"", "control character"),
            ("[NaN]", "unexpected character"),
        ] {
            let e = p(bad).unwrap_err();
            assert!(e.to_string().contains(what), "{bad}: {e}");
            assert_eq!(e.path(), Some(&Path::of(&["data", "url"])));
        }
        let e = p("[1,\n  x]").unwrap_err();
        assert!(e.to_string().contains("line 2, column 3"), "{e}");
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(p(&deep).unwrap_err().to_string().contains("nested deeper"));
    }
}
