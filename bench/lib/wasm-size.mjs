// Where the wasm's bytes go: twiggy top over the module before wasm-opt (wasm-opt strips the
// names). The cargo output target/wasm32-unknown-unknown/release/news_infographic.wasm still
// holds wasm-bindgen's custom section, so it is run through wasm-bindgen first (into a temporary
// folder), like scripts/build.sh does, then twiggy reads that module. Items are grouped into
// rough categories by symbol name. Needs `cargo install twiggy`; without it, says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './server.mjs';
import { gzip9 } from './bytes.mjs';

const CARGO_WASM = path.join(REPO, 'target/wasm32-unknown-unknown/release/news_infographic.wasm');

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

// First match wins.
const CATEGORIES = [
  ['data segments (.rodata, strings, tables)', /^data segment|^data\[/],
  ['serde (derived Deserialize/Serialize + serde-wasm-bindgen)', /serde/],
  ['number formatting and parsing (core::fmt, flt2dec, dec2flt)', /core.*::fmt|flt2dec|dec2flt|float_to_decimal|FromStr|num::.*::fmt/],
  ['allocator (dlmalloc)', /dlmalloc/],
  ['sorting (core::slice::sort)', /slice::sort/],
  ['hash maps (hashbrown)', /hashbrown|HashMap|RawTable/],
  ['plotters (drawing backends)', /plotters/],
  ['csv-core', /csv_core/],
  ['wasm-bindgen / js-sys / web-sys glue', /wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|__externref|shim/],
  ['exported entry points (chart_*, story_*, customChart, with what was inlined into them)', /^(chart|story)_[A-Za-z]+$|^customChart$/],
  ['news_infographic (layout, text, charts, data)', /news_infographic/],
  ['other core / alloc / std', /^<?(core|alloc|std)\b|^<(char|str)>|^<T as (core|alloc)|__rustc|__rdl|compiler_builtins|^mem(cmp|cpy|set|move)$|^__multi3$/],
];

export function wasmBreakdown() {
  const twiggy = which('twiggy');
  const bindgen = which('wasm-bindgen');
  if (!fs.existsSync(CARGO_WASM)) return { available: false, reason: `${CARGO_WASM} missing (run make build)` };
  if (!twiggy) return { available: false, reason: 'twiggy is not installed (cargo install twiggy, about 2 min)' };
  if (!bindgen) return { available: false, reason: 'wasm-bindgen CLI not found (scripts/setup.sh installs it)' };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-twiggy-'));
  try {
    const src = path.join(tmp, 'news_infographic.wasm');
    fs.copyFileSync(CARGO_WASM, src); // a snapshot: others may rebuild while we read
    const mtime = fs.statSync(CARGO_WASM).mtime.toISOString();
    execFileSync(bindgen, ['--target', 'web', '--out-dir', path.join(tmp, 'pkg'), src], { stdio: 'pipe' });
    const bound = path.join(tmp, 'pkg', 'news_infographic_bg.wasm');
    const json = execFileSync(twiggy, ['top', '-n', '100000', '--format', 'json', bound], {
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
    const items = JSON.parse(json);
    const total = fs.statSync(bound).size;
    const names = items.find((i) => /"function names" subsection|name section/.test(i.name));
    const cats = new Map(CATEGORIES.map(([c]) => [c, 0]));
    cats.set('other', 0);
    const codeItems = items.filter((i) => !/custom section|subsection|^"/.test(i.name) && !/^Σ|and \d+ more/.test(i.name));
    for (const it of codeItems) {
      const hit = CATEGORIES.find(([, re]) => re.test(it.name));
      const c = hit ? hit[0] : 'other';
      cats.set(c, cats.get(c) + it.shallow_size);
    }
    return {
      available: true,
      module: 'cargo wasm (LTO) after wasm-bindgen, before wasm-opt',
      cargoWasmMtime: mtime,
      bytes: total,
      gzip: gzip9(fs.readFileSync(bound)),
      nameSectionBytes: names ? names.shallow_size : null,
      categories: [...cats].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
      top: codeItems.slice(0, 25).map((i) => ({ name: i.name.slice(0, 140), bytes: i.shallow_size })),
    };
  } catch (e) {
    return { available: false, reason: `twiggy/wasm-bindgen failed: ${String(e.message).slice(0, 300)}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
