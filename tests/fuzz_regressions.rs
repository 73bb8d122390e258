//! Replays every saved fuzz input, `tests/fixtures/fuzz/<target>/*` (hand-made seeds and the
//! findings `scripts/fuzz.sh` saved), through the same code path and invariants as its fuzz
//! target, without libFuzzer: `fuzz/src/checks.rs` is compiled into this test as it is into the
//! fuzz targets. A finding that comes back fails here, in plain `cargo test`.
//!
//! Bugs found but not fixed yet are listed in `KNOWN_ISSUES` (fuzz/src/checks.rs): inputs that
//! hit one are set aside, and `known_issues_still_reproduce` fails once one is fixed, so that
//! its entry gets deleted and its fixtures are checked strictly from then on.
//!
//! `FUZZ_REGRESSIONS_VERBOSE=1 cargo test --test fuzz_regressions -- --nocapture` prints how each
//! input ended.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn fixtures(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn message(panic: &(dyn std::any::Any + Send)) -> String {
    match (panic.downcast_ref::<&str>(), panic.downcast_ref::<String>()) {
        (Some(s), _) => s.to_string(),
        (_, Some(s)) => s.clone(),
        _ => "(panic without a message)".into(),
    }
}

#[test]
fn every_saved_input_passes_its_target() {
    let verbose = std::env::var_os("FUZZ_REGRESSIONS_VERBOSE").is_some();
    let mut failures = Vec::new();
    for target in checks::TARGETS {
        let files = fixtures(target);
        let (mut accepted, mut refused, mut known) = (0, 0, 0);
        for f in &files {
            let data = std::fs::read(f).unwrap();
            let name = f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(f).display().to_string();
            if matches!(target, "dataset_json" | "layout_svg") && data.first() == Some(&0) {
                failures.push(format!(
                    "{name}: raw structured fuzzer input; save its text form instead \
                     (NI_FUZZ_CASE_OUT=<file> fuzz/target/<host>/release/{target} {name}, as scripts/fuzz.sh does)"
                ));
                continue;
            }
            let outcome = catch_unwind(AssertUnwindSafe(|| checks::run(target, &data)));
            if verbose {
                eprintln!("{name}: {:?}", outcome.as_ref().map_err(|p| message(p.as_ref())));
            }
            match outcome {
                Ok(Ok(())) => accepted += 1,
                Ok(Err(e)) if e.starts_with("known issue") => known += 1,
                Ok(Err(_)) => refused += 1,
                Err(p) => failures.push(format!("{name}: {}", message(p.as_ref()))),
            }
        }
        eprintln!(
            "{target}: {} inputs: {accepted} accepted, {refused} refused with an error, {known} set aside (known issues)",
            files.len()
        );
        assert!(accepted > 0, "{target}: no saved input gets through the whole pipeline, so this checks little");
    }
    assert!(failures.is_empty(), "{} saved fuzz input(s) break an invariant:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn known_issues_still_reproduce() {
    for k in checks::KNOWN_ISSUES {
        assert!(
            (k.still_open)(),
            "known issue `{}` no longer reproduces ({}): if it is fixed, delete its entry from \
             KNOWN_ISSUES in fuzz/src/checks.rs so its fixtures are checked strictly",
            k.id,
            k.summary
        );
    }
}

#[test]
fn layout_cases_read_back_from_their_text_form() {
    let case = checks::LayoutCase::parse(
        "width=320.5 lang=zh theme=dark\n{\"kind\":\"bar\",\"x\":\"k\",\"y\":\"v\"}\nk,v\na,1\n",
    )
    .unwrap();
    assert_eq!(case.width, 320.5);
    assert_eq!(checks::LayoutCase::parse(&case.to_text()).unwrap(), case);
    assert!(checks::LayoutCase::parse("width=wide\n{}\n").is_err());
}
