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
# WebKitWebDriver sometimes dies while starting a session (seen 2026-12-01: "driver status:
# signal: 9", then HTTP 500 from the runner). That driver failure, and only it, is retried once;
# a failing test fails the run at once.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "${clean_env[@]}" SAFARIDRIVER="$WEBKITDRIVER_PATH" xvfb-run -a cargo test --target wasm32-unknown-unknown --test browser 2>&1 | tee "$log"; then
  if grep -q "test result: FAILED" "$log" || ! grep -Eq "driver status: signal|webdriver (POST|GET) .* request failed" "$log"; then
    exit 1
  fi
  echo "test-browser: WebKitWebDriver failed (not a test): retrying once"
  "${clean_env[@]}" SAFARIDRIVER="$WEBKITDRIVER_PATH" xvfb-run -a cargo test --target wasm32-unknown-unknown --test browser
fi
