//! SVG snapshot tests: each chart of the shipped dataset, drawn by the same code the browser
//! uses, compared with `tests/snapshots/*.svg`. Coordinates are whole pixels, so output is
//! deterministic. On a mismatch the new output is written beside the snapshot as `.new.svg`;
//! run with `UPDATE_SNAPSHOTS=1` to accept it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::check_snapshot as check;

use news_infographic::{export::svg, ChartKind, Dataset, Lang, Theme, ThemeName};

fn render(kind: ChartKind, width: f64, lang: Lang, theme: ThemeName) -> String {
    let layout = kind.layout(&Dataset::binzhou(), width, lang, &Theme::get(theme)).unwrap();
    svg(&layout).unwrap()
}

#[test]
fn champions_by_year() {
    let s = render(ChartKind::ByYear, 640.0, Lang::En, ThemeName::Light);
    for text in ["\n53\n", "\n15\n", "\n38\n", "\n37\n", "\n4\n", "\n33\n"] {
        assert!(s.contains(text), "{text} missing");
    }
    check("champions-by-year-640-en-light", &s);
}

#[test]
fn champions_by_industry() {
    let s = render(ChartKind::ByIndustry, 640.0, Lang::En, ThemeName::Light);
    assert_eq!(s.matches("\nnot reported\n").count(), 6);
    check("champions-by-industry-640-en-light", &s);
}

#[test]
fn claims_check() {
    let s = render(ChartKind::ClaimsCheck, 640.0, Lang::En, ThemeName::Light);
    assert!(s.contains("Does not match"));
    check("claims-check-640-en-light", &s);
}

#[test]
fn narrow_dark_chinese() {
    let s = render(ChartKind::ByIndustry, 320.0, Lang::Zh, ThemeName::Dark);
    assert!(s.contains("未报道"));
    check("champions-by-industry-320-zh-dark", &s);
}

#[test]
fn text_is_escaped() {
    let mut d = Dataset::binzhou();
    d.industries[2].name.en = "<script>alert(1)</script> & co".into();
    let layout = ChartKind::ByIndustry.layout(&d, 640.0, Lang::En, &Theme::get(ThemeName::Light)).unwrap();
    let s = svg(&layout).unwrap();
    assert!(!s.contains("<script>"), "label text must be escaped in SVG");
}
