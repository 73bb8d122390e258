//! Fuzzing harness for news-infographic. Each target in `fuzz_targets/` calls [`fuzz`] with its
//! name; [`checks`] holds what each target runs and asserts (shared with the native regression
//! test, `tests/fuzz_regressions.rs`).
//!
//! Inputs come in two forms:
//! - text (anything not starting with a NUL byte): what the target's entry point reads, e.g.
//!   a dataset's JSON, CSV, or `spec JSON <NUL> data` for `spec_validator`;
//! - structured (`dataset_json` and `layout_svg` only, a NUL byte then anything): the bytes
//!   after the NUL drive `arbitrary` ([`structured`]) to build a mostly valid dataset or chart
//!   case, which is then turned into the text form and run like one. This gets the fuzzer past
//!   the parsers and validators quickly, into layout and SVG.
//!
//! With `NI_FUZZ_CASE_OUT=<file>` set, each input's text form is written to that file before it
//! runs: `scripts/fuzz.sh` replays a crash that way to save it as a readable fixture.

pub mod checks;
pub mod structured;

use std::path::PathBuf;
use std::sync::OnceLock;

use arbitrary::Unstructured;

/// The text form of `data` for `target`, and whether it was built from structured bytes.
pub fn to_text(target: &str, data: &[u8]) -> Option<Vec<u8>> {
    match (target, data.split_first()) {
        ("dataset_json", Some((0, rest))) => {
            structured::dataset_json(&mut Unstructured::new(rest)).ok().map(String::into_bytes)
        }
        ("layout_svg", Some((0, rest))) => {
            structured::layout_case(&mut Unstructured::new(rest)).ok().map(|c| c.to_text().into_bytes())
        }
        _ => Some(data.to_vec()),
    }
}

fn case_out() -> Option<&'static PathBuf> {
    static OUT: OnceLock<Option<PathBuf>> = OnceLock::new();
    OUT.get_or_init(|| std::env::var_os("NI_FUZZ_CASE_OUT").map(PathBuf::from)).as_ref()
}

/// One fuzz iteration of `target` on the fuzzer's bytes.
pub fn fuzz(target: &str, data: &[u8]) {
    let Some(text) = to_text(target, data) else { return };
    if let Some(path) = case_out() {
        std::fs::write(path, &text).expect("write NI_FUZZ_CASE_OUT");
    }
    let outcome = checks::run(target, &text);
    if case_out().is_some() {
        eprintln!("{target}: {}", outcome.err().unwrap_or_else(|| "accepted, every invariant holds".into()));
    }
}
