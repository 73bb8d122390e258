//! Tokens of Vega's expression language (a JavaScript subset): numbers, strings, names and
//! punctuators, each with its character offset. Everything outside the subset that JavaScript
//! would lex (regular expressions aside) is lexed here too, so the parser can refuse it by name.

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A numeric literal.
    Num(f64),
    /// A string literal, escapes resolved.
    Str(String),
    /// A name (identifier or keyword; `true`, `false`, `null` included).
    Name(String),
    /// A punctuator such as `+`, `===` or `(`.
    Punct(&'static str),
    /// The end of the source.
    End,
}

/// A token and the character offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub tok: Tok,
    pub at: usize,
}

/// A lexing failure: character offset and message.
pub(super) type LexError = (usize, String);

/// Longest first, so that `>>>=` wins over `>>>` and `>>`.
const PUNCTS: [&str; 50] = [
    ">>>=", "===", "!==", ">>>", "<<=", ">>=", "**=", "...", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "<<",
    ">>", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "?.", "+", "-", "*", "/", "%", "<", ">",
    "!", "~", "&", "|", "^", "?", ":", "(", ")", "[", "]", "{", "}",
];
const SINGLE: [&str; 5] = [",", ".", "=", ";", "`"];

/// JavaScript's white space and line terminators (the set `String.prototype.trim` removes).
pub(super) fn is_js_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

fn is_name_start(c: char) -> bool {
    c == '_' || c == '$' || c.is_alphabetic()
}

fn is_name_part(c: char) -> bool {
    is_name_start(c) || c.is_alphanumeric() || c == '\u{200c}' || c == '\u{200d}'
}

/// Splits `src` (already length-checked) into tokens ending with [`Tok::End`].
pub(super) fn lex(src: &[char]) -> Result<Vec<Token>, LexError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        let at = i;
        if is_js_space(c) {
            i += 1;
        } else if c == '/' && matches!(src.get(i + 1), Some('/' | '*')) {
            return Err((at, "comments are not allowed in expressions".into()));
        } else if c.is_ascii_digit() || (c == '.' && src.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let (n, end) = number(src, i)?;
            out.push(Token { tok: Tok::Num(n), at });
            i = end;
        } else if c == '"' || c == '\'' {
            let (s, end) = string(src, i)?;
            out.push(Token { tok: Tok::Str(s), at });
            i = end;
        } else if is_name_start(c) {
            let end = (i..src.len()).find(|&j| !is_name_part(src[j])).unwrap_or(src.len());
            out.push(Token { tok: Tok::Name(src[i..end].iter().collect()), at });
            i = end;
        } else if let Some(p) = PUNCTS.iter().chain(SINGLE.iter()).find(|p| starts_with(src, i, p)) {
            out.push(Token { tok: Tok::Punct(p), at });
            i += p.len();
        } else {
            return Err((at, format!("unexpected character `{c}`")));
        }
    }
    out.push(Token { tok: Tok::End, at: src.len() });
    Ok(out)
}

fn starts_with(src: &[char], i: usize, p: &str) -> bool {
    (i..).zip(p.chars()).all(|(j, pc)| src.get(j) == Some(&pc))
}

fn digits_end(src: &[char], mut i: usize, ok: impl Fn(char) -> bool) -> usize {
    while src.get(i).is_some_and(|&c| ok(c)) {
        i += 1;
    }
    i
}

/// A numeric literal at `start`: decimal (`12`, `1.5`, `.5`, `1e-3`) or hexadecimal (`0x1F`).
fn number(src: &[char], start: usize) -> Result<(f64, usize), LexError> {
    let next = src.get(start + 1).copied();
    let end;
    let value;
    if src[start] == '0' && matches!(next, Some('x' | 'X')) {
        end = digits_end(src, start + 2, |c| c.is_ascii_hexdigit());
        if end == start + 2 {
            return Err((start, "hexadecimal literal without digits".into()));
        }
        value = src[start + 2..end].iter().fold(0.0, |acc, c| acc * 16.0 + c.to_digit(16).unwrap_or(0) as f64);
    } else if src[start] == '0' && next.is_some_and(|c| c.is_ascii_alphanumeric() && !matches!(c, 'e' | 'E')) {
        return Err((start, "octal and binary literals are not supported (write the number in decimal)".into()));
    } else {
        let mut i = digits_end(src, start, |c| c.is_ascii_digit());
        if src.get(i) == Some(&'.') {
            i = digits_end(src, i + 1, |c| c.is_ascii_digit());
        }
        if matches!(src.get(i), Some('e' | 'E')) {
            let mut j = i + 1;
            if matches!(src.get(j), Some('+' | '-')) {
                j += 1;
            }
            let k = digits_end(src, j, |c| c.is_ascii_digit());
            if k == j {
                return Err((start, "number with an empty exponent".into()));
            }
            i = k;
        }
        end = i;
        let text: String = src[start..end].iter().collect();
        value = text.parse::<f64>().map_err(|_| (start, format!("invalid number `{text}`")))?;
    }
    if src.get(end).is_some_and(|&c| is_name_part(c)) {
        return Err((end, "a number must not be followed directly by a letter".into()));
    }
    Ok((value, end))
}

/// A string literal opened by the quote at `start`, with JavaScript's escapes.
fn string(src: &[char], start: usize) -> Result<(String, usize), LexError> {
    let quote = src[start];
    let mut out = String::new();
    let mut pending_high: Option<u32> = None; // a \uD800-\uDBFF waiting for its low half
    let mut i = start + 1;
    loop {
        let Some(&c) = src.get(i) else {
            return Err((start, "unterminated string".into()));
        };
        let mut unit: Option<u32> = None;
        match c {
            _ if c == quote => {
                flush_high(&mut out, &mut pending_high);
                return Ok((out, i + 1));
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => return Err((i, "line break inside a string".into())),
            '\\' => {
                let Some(&e) = src.get(i + 1) else {
                    return Err((start, "unterminated string".into()));
                };
                if e != 'x' && e != 'u' {
                    flush_high(&mut out, &mut pending_high);
                }
                i += 2;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '0' if !src.get(i).is_some_and(|d| d.is_ascii_digit()) => out.push('\0'),
                    '1'..='9' | '0' => return Err((i - 2, "octal escapes are not supported".into())),
                    'x' => {
                        unit = Some(hex(src, i, 2).ok_or((i - 2, "invalid \\x escape".to_string()))?);
                        i += 2;
                    }
                    'u' if src.get(i) == Some(&'{') => {
                        let close = (i + 1..src.len().min(i + 9)).find(|&j| src[j] == '}');
                        let cp = close.and_then(|cl| hex(src, i + 1, cl - i - 1).filter(|_| cl > i + 1));
                        let (Some(cl), Some(cp)) = (close, cp) else {
                            return Err((i - 2, "invalid \\u{...} escape".into()));
                        };
                        if cp > 0x10_ffff {
                            return Err((i - 2, "code point out of range".into()));
                        }
                        unit = Some(cp);
                        i = cl + 1;
                    }
                    'u' => {
                        unit = Some(hex(src, i, 4).ok_or((i - 2, "invalid \\u escape".to_string()))?);
                        i += 4;
                    }
                    '\r' => {
                        if src.get(i) == Some(&'\n') {
                            i += 1;
                        }
                    }
                    '\n' | '\u{2028}' | '\u{2029}' => {}
                    other => out.push(other),
                }
                if unit.is_none() {
                    continue;
                }
            }
            _ => {
                flush_high(&mut out, &mut pending_high);
                out.push(c);
                i += 1;
                continue;
            }
        }
        // An escaped code unit or point: pair surrogates, replace lone ones.
        let u = unit.unwrap_or(0xfffd);
        match (pending_high.take(), u) {
            (Some(h), 0xdc00..=0xdfff) => {
                out.push(char::from_u32(0x10000 + ((h - 0xd800) << 10) + (u - 0xdc00)).unwrap_or('\u{fffd}'))
            }
            (h, _) => {
                if h.is_some() {
                    out.push('\u{fffd}');
                }
                if (0xd800..=0xdbff).contains(&u) {
                    pending_high = Some(u);
                } else {
                    out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
                }
            }
        }
    }
}

fn flush_high(out: &mut String, pending: &mut Option<u32>) {
    if pending.take().is_some() {
        out.push('\u{fffd}');
    }
}

fn hex(src: &[char], at: usize, n: usize) -> Option<u32> {
    let s = src.get(at..at + n)?;
    s.iter().try_fold(0u32, |acc, c| Some(acc * 16 + c.to_digit(16)?))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let chars: Vec<char> = s.chars().collect();
        lex(&chars).unwrap().into_iter().map(|t| t.tok).collect()
    }
    fn err(s: &str) -> LexError {
        let chars: Vec<char> = s.chars().collect();
        lex(&chars).unwrap_err()
    }

    #[test]
    fn numbers_strings_names_and_punctuators() {
        assert_eq!(
            toks("a>>>1 !== .5e1 0x1F '\\u00e9\\x41\\n'"),
            vec![
                Tok::Name("a".into()),
                Tok::Punct(">>>"),
                Tok::Num(1.0),
                Tok::Punct("!=="),
                Tok::Num(5.0),
                Tok::Num(31.0),
                Tok::Str("éA\n".into()),
                Tok::End
            ]
        );
        assert_eq!(toks("\"\\uD83D\\uDE00\\u{1F600}\\q\""), vec![Tok::Str("😀😀q".into()), Tok::End]);
        assert_eq!(toks("'\\uD83D\\n\\uDE00x'"), vec![Tok::Str("\u{fffd}\n\u{fffd}x".into()), Tok::End]);
        assert_eq!(
            toks("datum.名称"),
            vec![Tok::Name("datum".into()), Tok::Punct("."), Tok::Name("名称".into()), Tok::End]
        );
    }

    #[test]
    fn errors_name_the_character_offset() {
        assert_eq!(err("1 + 'abc").0, 4);
        assert_eq!(err("é # 1").0, 2);
        assert_eq!(err("12abc").0, 2);
        assert_eq!(err("1 + 017").0, 4);
        assert_eq!(err("'\\u12'").0, 1);
        assert_eq!(err("1e+").0, 0);
        assert!(err("a // b").1.contains("comments"));
    }
}
