// Bytes a page loads for its chart library: every response except the page's HTML, the bench's
// own harness (bench/pages/), the dataset (www/data/) and inline data: URLs; raw and gzip -9
// (GNU gzip itself, on stdin; zlib level 9 where there is no gzip, which comes out about 1 %
// larger on the wasm), computed from the served files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO } from './server.mjs';

export function gzip9(buf) {
  try {
    return execFileSync('gzip', ['-9', '-c', '-n'], { input: buf, maxBuffer: 1 << 30 }).length;
  } catch {
    return zlib.gzipSync(buf, { level: 9 }).length;
  }
}

const cache = new Map();
export function fileSizes(file) {
  const st = fs.statSync(file);
  const key = `${file}:${st.size}:${st.mtimeMs}`;
  if (!cache.has(key)) {
    const buf = fs.readFileSync(file);
    cache.set(key, { raw: buf.length, gzip: gzip9(buf) });
  }
  return cache.get(key);
}

/** Is this URL path part of the library (rather than the page, the harness or the data)? */
export function isLibraryPath(p) {
  return !(p.startsWith('/bench/pages/') || p.startsWith('/bench/generated/') || p.startsWith('/www/data/'));
}

/** Sizes of the library files among the responses `urls` (absolute URLs of one page load). */
export function libraryBytes(urls, origin) {
  const files = [];
  for (const u of new Set(urls)) {
    if (!u.startsWith(origin + '/')) continue;
    const p = new URL(u).pathname;
    if (!isLibraryPath(p)) continue;
    const file = path.join(REPO, decodeURIComponent(p));
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    files.push({ path: p, ...fileSizes(file) });
  }
  files.sort((a, b) => b.raw - a.raw);
  return {
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    files,
  };
}
