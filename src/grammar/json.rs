//! A JSON tree that keeps object keys in order, deserialised by serde from any format (serde_json
//! natively, serde-wasm-bindgen in the browser), and a checked reader over it: every accessor
//! takes the [`Path`] of the node, so a wrong type or an unknown key is refused where it is.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Path};

/// A JSON value with ordered object keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in their written order.
    Obj(Vec<(String, Json)>),
}

impl From<f64> for Json {
    fn from(v: f64) -> Json {
        Json::Num(v)
    }
}

impl From<usize> for Json {
    fn from(v: usize) -> Json {
        Json::Num(v as f64)
    }
}

impl From<i32> for Json {
    fn from(v: i32) -> Json {
        Json::Num(v as f64)
    }
}

impl From<bool> for Json {
    fn from(v: bool) -> Json {
        Json::Bool(v)
    }
}

impl From<&str> for Json {
    fn from(v: &str) -> Json {
        Json::Str(v.to_string())
    }
}

impl From<String> for Json {
    fn from(v: String) -> Json {
        Json::Str(v)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(v: Vec<T>) -> Json {
        Json::Arr(v.into_iter().map(Into::into).collect())
    }
}

/// Writes a [`Json`] value in JSON's own notation, keys in order (no serde, so it works in the
/// wasm build): `json!({"mark": "bar", "height": (h * 2.0), "axis": null})`. A value that is
/// more than one token (an expression, a negative number) goes in parentheses.
#[macro_export]
macro_rules! json {
    (null) => { $crate::grammar::Json::Null };
    ([ $($e:tt),* $(,)? ]) => { $crate::grammar::Json::Arr(vec![$( $crate::json!($e) ),*]) };
    ({ $($k:literal : $v:tt),* $(,)? }) => {
        $crate::grammar::Json::Obj(vec![$( ($k.to_string(), $crate::json!($v)) ),*])
    };
    ($e:expr) => { $crate::grammar::Json::from($e) };
}

/// Deepest nesting accepted (a hostile spec cannot overflow the stack).
pub const MAX_DEPTH: usize = 64;

impl Json {
    /// Parses JSON text (native builds; the browser passes already-parsed objects).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(text: &str) -> Result<Json, Error> {
        let j: Json = serde_json::from_str(text).map_err(|e| Error::spec(&Path::root(), format!("not JSON: {e}")))?;
        j.check_depth(&Path::root(), 0)?;
        Ok(j)
    }

    /// Refuses trees nested deeper than [`MAX_DEPTH`].
    pub fn check_depth(&self, path: &Path, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(Error::spec(path, format!("nested deeper than {MAX_DEPTH} levels")));
        }
        match self {
            Json::Arr(a) => a.iter().enumerate().try_for_each(|(i, v)| v.check_depth(&path.index(i), depth + 1)),
            Json::Obj(o) => o.iter().try_for_each(|(k, v)| v.check_depth(&path.key(k), depth + 1)),
            _ => Ok(()),
        }
    }

    /// The member `key` of an object (`None` for other values or a missing key).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(o) => o.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The object's members, or an error naming `path`.
    pub fn obj(&self, path: &Path) -> Result<&[(String, Json)], Error> {
        match self {
            Json::Obj(o) => Ok(o),
            other => Err(Error::spec(path, format!("expected an object, found {}", other.kind()))),
        }
    }

    /// The array's items, or an error naming `path`.
    pub fn arr(&self, path: &Path) -> Result<&[Json], Error> {
        match self {
            Json::Arr(a) => Ok(a),
            other => Err(Error::spec(path, format!("expected an array, found {}", other.kind()))),
        }
    }

    /// The string, or an error naming `path`.
    pub fn str(&self, path: &Path) -> Result<&str, Error> {
        match self {
            Json::Str(s) => Ok(s),
            other => Err(Error::spec(path, format!("expected a string, found {}", other.kind()))),
        }
    }

    /// The number, or an error naming `path`.
    pub fn num(&self, path: &Path) -> Result<f64, Error> {
        match self {
            Json::Num(n) => Ok(*n),
            other => Err(Error::spec(path, format!("expected a number, found {}", other.kind()))),
        }
    }

    /// The boolean, or an error naming `path`.
    pub fn bool(&self, path: &Path) -> Result<bool, Error> {
        match self {
            Json::Bool(b) => Ok(*b),
            other => Err(Error::spec(path, format!("expected true or false, found {}", other.kind()))),
        }
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    /// Compact JSON text (for messages and for the `found` part of errors).
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }

    fn write(&self, s: &mut String) {
        match self {
            Json::Null => s.push_str("null"),
            Json::Bool(b) => s.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => s.push_str(&crate::grammar::value::js_number(*n)),
            Json::Str(t) => write_str(s, t),
            Json::Arr(a) => {
                s.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    v.write(s);
                }
                s.push(']');
            }
            Json::Obj(o) => {
                s.push('{');
                for (i, (k, v)) in o.iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    write_str(s, k);
                    s.push(':');
                    v.write(s);
                }
                s.push('}');
            }
        }
    }
}

fn write_str(s: &mut String, t: &str) {
    s.push('"');
    for c in t.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            c if (c as u32) < 0x20 => s.push_str(&format!("\\u{:04x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push('"');
}

/// Refuses keys of `obj` (at `path`) that are not in `known`; a key in `unsupported` gets the
/// "unsupported" error (a real Vega-Lite property this engine does not draw yet).
pub fn check_keys(obj: &Json, path: &Path, known: &[&str], unsupported: &[&str]) -> Result<(), Error> {
    for (k, _) in obj.obj(path)? {
        if known.contains(&k.as_str()) {
            continue;
        }
        if unsupported.contains(&k.as_str()) {
            return Err(Error::unsupported(&path.key(k), format!("\"{k}\" is not supported yet"), ""));
        }
        return Err(Error::Unsupported {
            path: path.key(k),
            found: format!("unknown property \"{k}\""),
            supported: known.join(", "),
        });
    }
    Ok(())
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = seq.next_element()? {
            v.push(x);
        }
        Ok(Json::Arr(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut v: Vec<(String, Json)> = Vec::new();
        while let Some((k, x)) = map.next_entry::<String, Json>()? {
            // A repeated key keeps its last value, as JSON.parse does.
            if let Some(slot) = v.iter_mut().find(|(kk, _)| *kk == k) {
                slot.1 = x;
            } else {
                v.push((k, x));
            }
        }
        Ok(Json::Obj(v))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_writes_back() {
        let j = Json::parse(r#"{"b": 1, "a": [true, null, "x\"y"], "c": 2.5}"#).unwrap();
        assert_eq!(j.to_text(), r#"{"b":1,"a":[true,null,"x\"y"],"c":2.5}"#);
        assert_eq!(j.get("c"), Some(&Json::Num(2.5)));
    }

    #[test]
    fn refuses_deep_nesting_and_unknown_keys_with_paths() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let e = Json::parse(&deep).unwrap_err();
        assert!(matches!(e, Error::Spec { .. }), "{e}");
        let j = Json::parse(r#"{"mark": "bar", "encodingg": {}}"#).unwrap();
        let e = check_keys(&j, &Path::root(), &["mark", "encoding"], &[]).unwrap_err();
        assert_eq!(e.path(), Some(&Path::of(&["encodingg"])));
    }

    #[test]
    fn the_json_macro_writes_what_the_parser_reads() {
        let h = 120.0;
        let none: Option<f64> = None;
        let j = crate::json!({"mark": "bar", "height": (h * 2.0), "dy": (-11.0), "axis": null,
            "values": [1.0, (Some(2.0)), none, true], "list": (vec!["a", "b"]), "n": 3usize});
        let text =
            r#"{"mark":"bar","height":240,"dy":-11,"axis":null,"values":[1,2,null,true],"list":["a","b"],"n":3}"#;
        assert_eq!(j.to_text(), text);
        assert_eq!(Json::parse(text).unwrap(), j);
    }
}
