#!/usr/bin/env bash
# wasm-bindgen-test browser tests (tests/browser.rs) in Chromium, Firefox and WebKit, headless.
# The runner picks its driver from environment variables, so each engine runs with only its own
# variable set. WebKitWebDriver needs an X display: it runs under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
clean_env=(env -u CHROMEDRIVER -u GECKODRIVER -u SAFARIDRIVER -u CHROMEDRIVER_REMOTE -u GECKODRIVER_REMOTE -u SAFARIDRIVER_REMOTE)

for f in "$CHROMEDRIVER_PATH" "$GECKODRIVER_PATH" "$WEBKITDRIVER_PATH"; do
  [ -x "$f" ] || { echo "test-browser: ERROR: driver $f is missing (run scripts/setup.sh)" >&2; exit 1; }
done


echo "-- wasm-bindgen-test in chromium"
"${clean_env[@]}" CHROMEDRIVER="$CHROMEDRIVER_PATH" cargo test --target wasm32-unknown-unknown --test browser
echo "-- wasm-bindgen-test in firefox"
"${clean_env[@]}" GECKODRIVER="$GECKODRIVER_PATH" cargo test --target wasm32-unknown-unknown --test browser
echo "-- wasm-bindgen-test in webkit"
"${clean_env[@]}" SAFARIDRIVER="$WEBKITDRIVER_PATH" xvfb-run -a cargo test --target wasm32-unknown-unknown --test browser
