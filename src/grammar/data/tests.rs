//! Tests of [`super::load`]: sources, formats and the explicit and implicit parse together.

use super::*;
use crate::grammar::Value;

fn def(t: &str) -> DataDef {
    DataDef::parse(&Json::parse(t).unwrap(), &Path::of(&["data"])).unwrap()
}
fn run(d: &str, url_text: Option<&str>, implicit: &[(&str, Parse)]) -> Result<Loaded, Error> {
    let imp: Vec<(String, Parse)> = implicit.iter().map(|(f, p)| (f.to_string(), p.clone())).collect();
    load(&def(d), &Path::of(&["data"]), url_text, &imp)
}
const JAN15: f64 = 1_579_046_400_000.0; // Date.UTC(2020, 0, 15)

#[test]
fn csv_cells_stay_text_as_vega_lite_asks_no_type_inference() {
    // Vega-Lite's compiled embedded_csv example: {"values": "a\n1\n2\n3\n4", "format": {"type":
    // "csv"}} with a quantitative y gets no format.parse: the cells stay text.
    let l = run(r#"{"values": "a\n1\n2\n3\n4", "format": {"type": "csv"}}"#, None, &[]).unwrap();
    assert_eq!(l.table.fields, vec!["a"]);
    assert_eq!(l.table.rows[0], vec![Value::str("1")]);
    assert!(l.problems.is_empty());
}

/// vega-lite 6.5.0 compiles a line of x quantitative, y `max`, color temporal to
/// "parse": {"b": "number", "t": "date", "a": "number"}; filters `equal: 5` and
/// `oneOf: ["a"]` to "number" and "string"; `parse: null` and a field's null to no parse.
#[test]
fn the_implicit_parse_converts_temporal_and_numeric_fields() {
    // Vega-Lite's compiled line example: stocks.csv gets "parse": {"date": "date"}.
    let text = "symbol,date,price\nGOOG,2020-01-15,12.5\nGOOG,,abc\n";
    let l = run(
        r#"{"url": "data/stocks.csv"}"#,
        Some(text),
        &[("date", Parse::Date(None, false)), ("price", Parse::Number)],
    )
    .unwrap();
    assert_eq!(l.table.rows[0], vec![Value::str("GOOG"), Value::Date(JAN15), Value::Num(12.5)]);
    assert_eq!(l.table.rows[1][1], Value::Null, "an empty cell is null");
    assert!(matches!(l.table.rows[1][2], Value::Num(n) if n.is_nan()));
    assert_eq!(l.problems.len(), 1);
    let p = &l.problems[0];
    assert_eq!((p.row, p.field.as_str(), p.text.as_str()), (1, "price", "abc"));
}

#[test]
fn explicit_parse_wins_and_its_null_keeps_a_field_as_loaded() {
    let d = r#"{"values": "d,n,s\n15.01.2020,7,x\n", "format": {"type": "csv", "parse": {"d": "date:'%d.%m.%Y'", "n": null}}}"#;
    let l = run(
        d,
        None,
        &[("d", Parse::Date(None, false)), ("n", Parse::Number), ("s", Parse::String), ("s", Parse::Number)],
    )
    .unwrap();
    assert_eq!(l.table.rows[0], vec![Value::Date(JAN15), Value::str("7"), Value::str("x")]);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
}

#[test]
fn parse_null_turns_all_parsing_off() {
    let l = run(
        r#"{"values": [{"d": "2020-01-15"}], "format": {"parse": null}}"#,
        None,
        &[("d", Parse::Date(None, false))],
    )
    .unwrap();
    assert_eq!(l.table.rows[0], vec![Value::str("2020-01-15")]);
}

/// vega-loader 6.4.0 `read` gives {"n":3,"b":true,"s":"4","e":null,"zz":null} for
/// [{"n":"3","b":"no","s":4,"e":""}] parsed as n number, b boolean, s and e string, zz number;
/// and null for "2020-01-15" under "date:'%d.%m.%Y'".
#[test]
fn every_parse_type_on_json_values() {
    let d = r#"{"values": [{"n": "3", "b": "false", "s": 4, "d": "2020-01-15T06:00:00Z", "u": "2020/01/15"},
                         {"n": 2, "b": 1, "s": null, "d": 1579046400000, "u": "x"}],
              "format": {"parse": {"n": "number", "b": "boolean", "s": "string", "d": "date", "u": "utc:'%Y/%m/%d'"}}}"#;
    let l = run(d, None, &[]).unwrap();
    let t = &l.table;
    assert_eq!(
        t.rows[0],
        vec![
            Value::Num(3.0),
            Value::Bool(false),
            Value::str("4"),
            Value::Date(JAN15 + 6.0 * 3_600_000.0),
            Value::Date(JAN15)
        ]
    );
    assert_eq!(t.rows[1], vec![Value::Num(2.0), Value::Bool(true), Value::Null, Value::Date(JAN15), Value::Null]);
    assert_eq!(l.problems.len(), 1);
    assert_eq!((l.problems[0].row, l.problems[0].field.as_str()), (1, "u"));
}

#[test]
fn nested_fields_parse_by_their_field_strings() {
    let d = r#"{"values": {"meta": {}, "rows": [{"a": {"b": "5"}, "c.d": "6"}]}, "format": {"property": "rows", "parse": {"a.b": "number", "c\\.d": "number"}}}"#;
    let l = run(d, None, &[]).unwrap();
    assert_eq!(l.table.fields, vec!["a.b", "c.d"]);
    assert_eq!(l.table.rows[0], vec![Value::Num(5.0), Value::Num(6.0)]);
}

#[test]
fn json_url_text_with_property_and_primitive_values() {
    let text = "{\"values\": {\"features\": [{\"k\": 1}, {\"k\": 2}]}}";
    let l = run(r#"{"url": "x.json", "format": {"property": "values.features"}}"#, Some(text), &[]).unwrap();
    assert_eq!(l.table.rows, vec![vec![Value::Num(1.0)], vec![Value::Num(2.0)]]);
    let l = run(r#"{"values": [5, 3, 8, 1]}"#, None, &[]).unwrap();
    assert_eq!(l.table.fields, vec!["data"]);
    assert_eq!(l.table.rows[2], vec![Value::Num(8.0)]);
    let l = run(r#"{"values": "[1, 2]"}"#, None, &[]).unwrap();
    assert_eq!(l.table.len(), 2, "inline text defaults to JSON");
    let e = run(r#"{"url": "x.json"}"#, Some("{oops"), &[]).unwrap_err();
    assert_eq!(e.path(), Some(&Path::of(&["data", "url"])));
}

#[test]
fn tsv_and_dsv_text_and_ragged_rows_are_listed() {
    let l = run(r#"{"url": "a.tsv"}"#, Some("a\tb\n1\t2\t3\n"), &[]).unwrap();
    assert_eq!(l.table.rows[0], vec![Value::str("1"), Value::str("2")]);
    assert_eq!(l.problems[0].text, "3");
    let l = run(
        r#"{"values": "a;b\n1;2", "format": {"type": "dsv", "delimiter": ";", "parse": {"b": "number"}}}"#,
        None,
        &[],
    )
    .unwrap();
    assert_eq!(l.table.rows[0], vec![Value::str("1"), Value::Num(2.0)]);
}

#[test]
fn fields_parse_names_are_added_as_null_and_listed_implicit_ones_are_skipped() {
    let l =
        run(r#"{"values": [{"a": 1}], "format": {"parse": {"b": "number"}}}"#, None, &[("zz", Parse::Number)]).unwrap();
    assert_eq!(l.table.fields, vec!["a", "b"]);
    assert_eq!(l.table.rows[0], vec![Value::Num(1.0), Value::Null]);
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].field, "b");
}

#[test]
fn refuses_what_cannot_be_loaded_with_paths() {
    let e = run(r#"{"url": "a.csv"}"#, None, &[]).unwrap_err();
    assert_eq!(e.path(), Some(&Path::of(&["data", "url"])));
    let e = run(r#"{"name": "t"}"#, None, &[]).unwrap_err();
    assert_eq!(e.path(), Some(&Path::of(&["data", "name"])));
    let e = run(r#"{"values": [{"a": 1}], "format": {"type": "csv"}}"#, None, &[]).unwrap_err();
    assert_eq!(e.path(), Some(&Path::of(&["data", "format", "type"])));
    let big = "x".repeat(MAX_TEXT_BYTES + 1);
    let e = run(r#"{"url": "a.csv"}"#, Some(&big), &[]).unwrap_err();
    assert!(matches!(&e, Error::Data { path, row: None, .. } if path == &Path::of(&["data", "url"])), "{e}");
    assert!(e.to_string().contains("64 MB"), "{e}");
    let d = DataDef {
        source: Source::Values(Json::Str("a".into())),
        format: Format { ty: Some(FormatType::Dsv), ..Format::default() },
    };
    let e = load(&d, &Path::of(&["data"]), None, &[]).unwrap_err();
    assert_eq!(e.path(), Some(&Path::of(&["data", "format"])));
}

#[test]
fn named_data_loads_after_resolving_datasets() {
    let ds = vec![("somedata".to_string(), Json::Str("a,b\n1,2".into()))];
    let d = def(r#"{"name": "somedata", "format": {"type": "csv", "parse": {"b": "number"}}}"#);
    let r = d.resolve(&ds, &Path::of(&["data"])).unwrap();
    let l = load(&r, &Path::of(&["data"]), None, &[]).unwrap();
    assert_eq!(l.table.rows[0], vec![Value::str("1"), Value::Num(2.0)]);
}

#[test]
fn a_hundred_thousand_csv_rows_load_with_parse() {
    let mut s = String::from("t,v\n");
    for i in 0..100_000 {
        s.push_str(&format!("2020-01-15,{i}\n"));
    }
    let l = run(r#"{"url": "big.csv"}"#, Some(&s), &[("t", Parse::Date(None, false)), ("v", Parse::Number)]).unwrap();
    assert_eq!(l.table.len(), 100_000);
    assert_eq!(l.table.rows[99_999], vec![Value::Date(JAN15), Value::Num(99_999.0)]);
    assert!(l.problems.is_empty());
}

#[test]
fn garbage_text_never_panics() {
    // A fixed pseudo-random stream of bytes from the characters that matter to the readers.
    let alphabet = "\",;\t\r\n\\ab1.-e{}[]:\u{feff}é\u{0}u\"";
    let chars: Vec<char> = alphabet.chars().collect();
    let mut seed = 0x2545_f491_u64;
    for _ in 0..3000 {
        let len = (seed % 40) as usize;
        let text: String = (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                chars[(seed >> 33) as usize % chars.len()]
            })
            .collect();
        let _ = parse_csv(&text, b',', &Path::root());
        let _ = parse_json_text(&text, &Path::root());
        let _ = js_to_number(&text);
        let _ = run(
            r#"{"url": "x.csv", "format": {"parse": {"a": "number", "b": "date"}}}"#,
            Some(&text),
            &[("\"", Parse::Boolean)],
        );
    }
}
