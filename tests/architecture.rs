//! The direction of dependencies: the grammar engine (`src/grammar/`) never imports the Binzhou
//! story or the shorthand spec (the story is content written on the engine), and only
//! `src/wasm/` touches wasm-bindgen or web-sys.

use std::path::Path;

/// Modules of the crate that belong to the story or to the older shorthand charts.
const STORY: &[&str] = &[
    "chart",
    "claims",
    "custom",
    "data",
    "figures",
    "frame",
    "presets",
    "query",
    "series",
    "shorthand",
    "spec",
    "table",
    "text",
    "xy",
    "export",
    "wasm",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::NAME` path in `text` (the first segment after `crate::`).
fn crate_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + 7..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        out.push(name);
    }
    out
}

#[test]
fn the_grammar_never_imports_the_story() {
    let mut files = Vec::new();
    rust_files(Path::new("src/grammar"), &mut files);
    assert!(files.len() > 30, "the grammar engine's files were not found");
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for name in crate_paths(&text) {
            if STORY.contains(&name.as_str()) {
                bad.push(format!("{}: crate::{name}", f.display()));
            }
        }
        for banned in ["wasm_bindgen", "web_sys", "js_sys"] {
            if text.contains(banned) {
                bad.push(format!("{}: {banned}", f.display()));
            }
        }
    }
    assert!(bad.is_empty(), "the grammar imports the story or the browser: {bad:#?}");
}

#[test]
fn the_check_itself_sees_imports() {
    assert_eq!(
        crate_paths("use crate::grammar::spec; use crate::spec::Spec; x = crate::text::pick"),
        ["grammar", "spec", "text"]
    );
}

#[test]
fn only_the_wasm_module_touches_the_browser() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    for f in files {
        if f.starts_with("src/wasm") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for banned in ["wasm_bindgen::", "web_sys::", "js_sys::"] {
            assert!(!text.contains(banned), "{} uses {banned}", f.display());
        }
    }
}
