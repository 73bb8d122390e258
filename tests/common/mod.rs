//! Shared by the snapshot tests: compare SVG output with `tests/snapshots/NAME.svg`; on a
//! mismatch write `NAME.new.svg` beside it; `UPDATE_SNAPSHOTS=1` accepts new output.
#![allow(dead_code)]

use std::path::PathBuf;

/// Compares `actual` with the snapshot `name` (see the module doc).
pub fn check_snapshot(name: &str, actual: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.svg"));
    let new_path = dir.join(format!("{name}.new.svg"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        let _ = std::fs::remove_file(&new_path);
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no snapshot {}; run with UPDATE_SNAPSHOTS=1 to create it", path.display()));
    if expected != actual {
        std::fs::write(&new_path, actual).unwrap();
        panic!(
            "{name}: SVG differs from {}; new output in {} (UPDATE_SNAPSHOTS=1 accepts it)",
            path.display(),
            new_path.display()
        );
    }
    let _ = std::fs::remove_file(&new_path);
}
