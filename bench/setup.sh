#!/usr/bin/env bash
# What `make bench` needs, each step skipped when already there: the repository's own setup
# (Chromium, playwright-core in the root node_modules), a build of the widget in www/pkg, and the
# bench's own dev dependencies (chart.js, uplot, echarts, vega, vega-lite, vega-embed, arquero,
# d3-dsv, papaparse) from
# bench/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf 'bench setup: %s\n' "$*"; }

if [ -x /usr/bin/chromium ] && [ -d node_modules/playwright-core ]; then
  step "chromium and playwright-core: present"
else
  step "chromium or playwright-core missing: scripts/setup.sh"
  bash scripts/setup.sh
fi

if [ -f www/pkg/news_infographic_bg.wasm ] && [ -f www/pkg/news_infographic.js ]; then
  step "widget build (www/pkg): present"
else
  step "widget build (www/pkg): missing, building"
  NI_SKIP_SETUP=1 bash scripts/build.sh
fi

cd bench
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "bench npm dev dependencies: npm ci"
  npm ci --no-audit --no-fund
else
  step "bench npm dev dependencies: up to date"
fi
