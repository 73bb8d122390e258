#!/usr/bin/env bash
# Build the npm package in target/npm-pkg: `wasm-pack build --target web`, wasm-opt, then the
# loader and its widget/ modules, its types, the default dataset and a package README. The
# package's layout is the hosting layout of www/ (embed.js beside widget/, pkg/ and data/), so its
# files can be served as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'echo "package: ERROR: failed (line $LINENO): $BASH_COMMAND" >&2' ERR

if [ "${NI_SKIP_SETUP:-0}" != 1 ]; then bash scripts/setup.sh; fi

out=target/npm-pkg
# A target directory of its own: wasm-pack's `cargo build` and scripts/build.sh's `cargo rustc
# --crate-type cdylib` write the same target/wasm32-unknown-unknown/release/news_infographic.wasm
# and would rebuild each other's (and race when run at the same time).
export CARGO_TARGET_DIR="${NI_PACKAGE_TARGET_DIR:-target/package}"

# Cargo.toml sets `[package.metadata.wasm-pack.profile.release] wasm-opt = false`: wasm-pack
# neither runs the first wasm-opt on PATH (Debian's breaks modules) nor downloads one; npm
# binaryen's runs below. `--mode no-install`: use the wasm-bindgen CLI on PATH (setup.sh installs
# the version in Cargo.lock) instead of falling back to `cargo install`.
echo "package: wasm-pack build --target web --release -> $out"
rm -rf "$out"
wasm-pack build --mode no-install --target web --release --out-dir "$out" --out-name news_infographic --no-gitignore

# Same optimisation and feature flags as scripts/build.sh.
echo "package: wasm-opt -Oz (npm binaryen $(node_modules/.bin/wasm-opt --version | awk '{print $3}'))"
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  -o "$out/news_infographic_bg.wasm" "$out/news_infographic_bg.wasm"

# embed.js loads pkg/news_infographic.js and pkg/news_infographic_bg.wasm relative to itself:
# move wasm-bindgen's output (and snippets/, if any) into pkg/.
mkdir -p "$out/pkg" "$out/data"
mv "$out"/news_infographic*.js "$out"/news_infographic*.wasm "$out"/news_infographic*.d.ts "$out/pkg/"
if [ -d "$out/snippets" ]; then mv "$out/snippets" "$out/pkg/"; fi

cp www/embed.js www/embed.css "$out/"
# The ES modules embed.js imports from widget/ beside itself.
mkdir -p "$out/widget"
cp www/widget/*.js "$out/widget/"
cp www/news-infographic.d.ts "$out/embed.d.ts"
cp www/data/binzhou.json "$out/data/"
cp scripts/npm-README.md "$out/README.md"
# The pre-rendered charts embed.js shows when WebAssembly cannot run, if the static export has
# written them.
if [ -d www/static ]; then
  cp -r www/static "$out/static"
else
  echo "package: note: no www/static/ (static export not run): the package has no pre-rendered fallbacks"
fi

# package.json: name and version from Cargo.toml (through wasm-pack; checked here), the extra
# files, and paths under pkg/. No "exports" map: every file is reachable by its path.
version=$(cargo metadata --no-deps --format-version 1 --offline 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="news-infographic");process.stdout.write(p?p.version:"")})')
[ -n "$version" ] || { echo "package: ERROR: no version for news-infographic in cargo metadata" >&2; exit 1; }
grep -q "NI.version = \"$version\";" www/embed.js \
  || { echo "package: ERROR: www/embed.js's NI.version does not match Cargo.toml's version $version" >&2; exit 1; }

NI_VERSION="$version" node - "$out/package.json" <<'EOF'
const fs = require("fs");
const file = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
const fail = (msg) => { console.error("package: ERROR: " + msg); process.exit(1); };
if (pkg.name !== "news-infographic") fail(`package.json name is ${pkg.name}, expected news-infographic`);
if (pkg.version !== process.env.NI_VERSION) fail(`package.json version ${pkg.version} != Cargo.toml ${process.env.NI_VERSION}`);
const underPkg = (f) => (f.startsWith("news_infographic") ? "pkg/" + f : f);
pkg.files = [
  ...(pkg.files || []).map(underPkg),
  "pkg/news_infographic_bg.wasm.d.ts",
  "embed.js",
  "widget/",
  "embed.css",
  "embed.d.ts",
  "data/binzhou.json",
].filter((f, i, all) => all.indexOf(f) === i);
for (const key of ["main", "module"]) if (pkg[key]) pkg[key] = underPkg(pkg[key]);
pkg.types = underPkg(pkg.types || "news_infographic.d.ts");
if (Array.isArray(pkg.sideEffects)) pkg.sideEffects = pkg.sideEffects.map((p) => p.replace(/^\.\/snippets\//, "./pkg/snippets/"));
if (fs.existsSync(file.replace(/package\.json$/, "pkg/snippets"))) pkg.files.push("pkg/snippets/");
if (fs.existsSync(file.replace(/package\.json$/, "static"))) pkg.files.push("static/");
delete pkg.exports;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
EOF

# What `npm publish` would ship: every file of the hosting layout must be in it.
echo "package: npm pack --dry-run"
(cd "$out" && npm pack --dry-run --json --ignore-scripts) | node -e '
let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const [r] = JSON.parse(s);
  const have = new Set(r.files.map((f) => f.path));
  for (const f of r.files) console.log(`package:   ${String(f.size).padStart(8)}  ${f.path}`);
  console.log(`package: ${r.filename}: ${r.entryCount} files, ${r.size} bytes packed, ${r.unpackedSize} unpacked`);
  const want = ["package.json", "README.md", "embed.js", "widget/mount.js", "widget/core.js", "embed.css", "embed.d.ts", "data/binzhou.json",
    "pkg/news_infographic.js", "pkg/news_infographic_bg.wasm", "pkg/news_infographic.d.ts", "pkg/news_infographic_bg.wasm.d.ts"];
  const missing = want.filter((f) => !have.has(f));
  if (missing.length) { console.error("package: ERROR: missing from the package: " + missing.join(", ")); process.exit(1); }
});'

for f in "$out/pkg/news_infographic_bg.wasm" "$out/pkg/news_infographic.js"; do
  printf 'package: %-44s %8d bytes raw, %7d bytes gzip -9\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
done
