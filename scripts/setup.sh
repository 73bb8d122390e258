#!/usr/bin/env bash
# Idempotent developer/CI setup: each step is skipped when already satisfied.
# `scripts/setup.sh build` sets up only what building and serving need (Rust target,
# wasm-bindgen-cli, npm dev dependencies); `scripts/setup.sh` (or `test`) everything the tests
# need too (browsers, drivers, fonts, geckodriver, wasm-pack).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"
case "$mode" in build|test) ;; *) echo "setup: unknown mode \"$mode\" (build or test)" >&2; exit 2 ;; esac

step() { printf 'setup: %s\n' "$*"; }
die()  { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "step failed (line $LINENO): $BASH_COMMAND"' ERR

# 1. Rust wasm target
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown: present"
else
  step "rust target wasm32-unknown-unknown: installing"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli at exactly the wasm-bindgen version pinned in Cargo.lock
[ -f Cargo.toml ] || die "Cargo.toml not found in $(pwd)"
[ -f Cargo.lock ] || { step "Cargo.lock missing: cargo generate-lockfile"; cargo generate-lockfile; }
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || die "no wasm-bindgen package in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb_version" ] \
   && command -v wasm-bindgen-test-runner >/dev/null; then
  step "wasm-bindgen-cli $wb_version: present"
else
  step "wasm-bindgen-cli $wb_version: installing (cargo install, a few minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force   # no --locked: fails on this mirror
fi

# npm dev dependencies first: building needs binaryen's wasm-opt and terser.
npm_deps() {
  if [ ! -f package-lock.json ]; then
    step "npm dev dependencies: npm install (no lock file)"
    npm install --no-audit --no-fund
  elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm dev dependencies: npm ci"
    npm ci --no-audit --no-fund
  else
    step "npm dev dependencies: up to date"
  fi
}
npm_deps
if [ "$mode" = build ]; then
  step "done (build and serve)"
  exit 0
fi

# 3. Debian packages: headless browser + driver for tests, fonts for canvas text
# Chromium, Firefox and WebKit (WebKitWebDriver drives WebKitGTK's MiniBrowser; it needs an X
# display, hence Xvfb) for the browser tests; poppler-utils (pdftoppm) turns the printed article
# (page.pdf()) into images for the print test.
debs=(chromium chromium-driver fonts-noto-cjk fonts-dejavu-core firefox-esr webkit2gtk-driver xvfb xauth poppler-utils)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "debian packages (${debs[*]}): present"
else
  step "debian packages: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
    sudo="sudo"
  fi
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# 4. geckodriver (Debian has none; npm's package downloads from the internet). Installed into a
# folder of its own, NOT on PATH: a geckodriver on PATH silently switches wasm-bindgen-test from
# Chromium to Firefox. Tests find it through GECKODRIVER (see scripts/env.sh).
gecko_root="${NI_TOOLS:-$HOME/.local/share/news-infographic/tools}"
if [ -x "$gecko_root/bin/geckodriver" ]; then
  step "geckodriver: present ($gecko_root/bin/geckodriver)"
else
  step "geckodriver: installing (cargo install --root $gecko_root, a few minutes)"
  cargo install geckodriver --root "$gecko_root"
fi

# 6. wasm-pack (`make package`, `wasm-pack test`). It uses the wasm-bindgen CLI from step 2 and,
# with `wasm-opt = false` in Cargo.toml, never runs or downloads a wasm-opt itself.
if wasm-pack --version >/dev/null 2>&1; then
  step "wasm-pack: present ($(wasm-pack --version))"
else
  step "wasm-pack: installing (cargo install --locked, a few minutes)"
  cargo install wasm-pack --locked
fi

step "done"
