// The files the widget needs to draw a chart (not the dataset): the loader, the ES modules it
// imports (www/widget/*.js), its stylesheet, the wasm-bindgen glue and the wasm. Shared by
// size-budget.mjs and the report.
import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { REPO } from './server.mjs';
import { fileSizes } from './bytes.mjs';

/** www/widget/*.js, sorted; without the folder, one name that widgetSizes() reports as missing. */
function widgetModules() {
  try {
    return fs.readdirSync(path.join(REPO, 'www/widget')).filter((f) => f.endsWith('.js')).sort().map((f) => `www/widget/${f}`);
  } catch {
    return ['www/widget/mount.js'];
  }
}

export const WIDGET_FILES = ['www/embed.js', ...widgetModules(), 'www/embed.css', 'www/pkg/news_infographic.js', 'www/pkg/news_infographic_bg.wasm'];

/** [{file, raw, gzip, sha256, mtime}] and totals; throws when a file is missing (run make build). */
export function widgetSizes() {
  const files = WIDGET_FILES.map((f) => {
    const abs = path.join(REPO, f);
    if (!fs.existsSync(abs)) throw new Error(`${f} is missing: run \`make build\` first`);
    const st = fs.statSync(abs);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(abs)).digest('hex').slice(0, 16);
    return { file: f, ...fileSizes(abs), sha256, mtime: st.mtime.toISOString() };
  });
  return {
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

/** Short content hash of the widget's files: which build a page load saw. */
export function widgetHash() {
  const h = crypto.createHash('sha256');
  for (const f of WIDGET_FILES) {
    try {
      h.update(fs.readFileSync(path.join(REPO, f)));
    } catch {
      h.update('missing');
    }
  }
  return h.digest('hex').slice(0, 12);
}

/** Names of the custom sections of a wasm module (wasm-opt drops "name"; wasm-bindgen keeps it). */
export function customSections(buf) {
  const names = [];
  let i = 8;
  const leb = () => {
    let r = 0, s = 0, b;
    do {
      b = buf[i++];
      r |= (b & 0x7f) << s;
      s += 7;
    } while (b & 0x80);
    return r >>> 0;
  };
  while (i < buf.length) {
    const id = buf[i++];
    const size = leb();
    const end = i + size;
    if (id === 0) {
      const n = leb();
      names.push(buf.subarray(i, i + n).toString('utf8'));
    }
    i = end;
  }
  return names;
}

/**
 * Waits until www/ holds a finished build: the wasm already through wasm-opt (no "name"
 * section: scripts/build.sh writes wasm-bindgen's output first and optimises it in place) and no
 * widget file modified in the last `quietMs`. Others rebuild while the bench runs.
 */
export async function waitForStableWidget(log, { quietMs = 15000, maxMs = 600000 } = {}) {
  const start = Date.now();
  for (;;) {
    let reason = null;
    try {
      const wasm = fs.readFileSync(path.join(REPO, 'www/pkg/news_infographic_bg.wasm'));
      if (customSections(wasm).includes('name')) reason = 'the wasm in www/pkg is not optimised yet (a build is running)';
      const newest = Math.max(...WIDGET_FILES.map((f) => fs.statSync(path.join(REPO, f)).mtimeMs));
      if (!reason && Date.now() - newest < quietMs) reason = 'the widget files changed in the last seconds';
    } catch (e) {
      reason = `widget files missing (${e.code || e.message})`;
    }
    if (!reason) return;
    if (Date.now() - start > maxMs) throw new Error(`www/ never settled: ${reason}`);
    log(`waiting: ${reason}`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}
