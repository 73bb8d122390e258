//! `spec_validator`: see `fuzz/src/checks.rs` (`run_spec_validator`) for what runs and what is asserted.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| news_infographic_fuzz::fuzz("spec_validator", data));
