#!/usr/bin/env bash
# Build the wasm (with LTO), generate JS bindings into www/pkg, optimise with npm binaryen's wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'echo "build: ERROR: failed (line $LINENO): $BASH_COMMAND" >&2' ERR

if [ "${NI_SKIP_SETUP:-0}" != 1 ]; then bash scripts/setup.sh build; fi

# `cargo build` ignores `lto` for crate-type ["cdylib","rlib"]; building the lib as cdylib alone applies it.
echo "build: cargo rustc (release, wasm32, cdylib)"
cargo rustc --lib --release --target wasm32-unknown-unknown --crate-type cdylib

echo "build: wasm-bindgen -> www/pkg"
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/news_infographic.wasm

# Never Debian's wasm-opt (108): it writes modules that fail at run time. Feature flags match what
# Rust's wasm32 target enables by default, so validation passes.
echo "build: wasm-opt -Oz (npm binaryen $(node_modules/.bin/wasm-opt --version | awk '{print $3}'))"
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  -o www/pkg/news_infographic_bg.wasm www/pkg/news_infographic_bg.wasm

# The generated JS glue is served as is: minify it (terser, npm dev dependency; ES module, so
# top-level names and import.meta stay). embed.js stays the readable source it is.
echo "build: terser www/pkg/news_infographic.js"
node_modules/.bin/terser www/pkg/news_infographic.js --module --compress --mangle --comments false \
  -o www/pkg/news_infographic.min.js
mv www/pkg/news_infographic.min.js www/pkg/news_infographic.js

for f in www/pkg/news_infographic_bg.wasm www/pkg/news_infographic.js; do
  printf 'build: %-36s %8d bytes raw, %7d bytes gzip -9\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done

# Static export from the same Rust drawing code (native): every chart x language x theme as SVG,
# plus per chart and language the title, summary and data table as JSON, for readers without
# JavaScript or WebAssembly (<noscript>). Its own profile: release without LTO, so a relink takes
# seconds, not the ~35 s fat LTO over resvg costs (the first build compiles resvg, ~1.5 min).
echo "build: render --all -> www/static (native, cargo profile export)"
rm -rf www/static
export_start=$SECONDS
cargo run --profile export --quiet --bin render -- --all --out-dir www/static
echo "build: static export took $((SECONDS - export_start)) s (build and render)"

# oEmbed: a static response per chart and language, and the chart pages that announce them.
echo "build: oEmbed responses -> www/oembed, chart pages -> www/charts"
node scripts/oembed.mjs
