// Shared set-up for the end-to-end tests: serve www/ on an ephemeral loopback port, drive
// Debian's Chromium through playwright-core, and record console errors and every request.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const screenshots = path.join(repo, 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Starts the server and the browser; fails loudly when either is missing. `root` is what the
 * server serves (default www/; the repository root gives /www/ and /tests/e2e/fixtures/), and
 * `headers` are added to every response (a Content-Security-Policy, say).
 */
export async function setUp({ root = path.join(repo, 'www'), headers = {} } = {}) {
  if (!existsSync(path.join(repo, 'www/pkg/news_infographic_bg.wasm'))) {
    throw new Error('www/pkg is not built: run `make build` (or `make test`, which builds first)');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/setup.sh`);
  const server = await startServer({ root, headers, port: 0, host: '127.0.0.1', log: false });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshots, { recursive: true });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * Opens a page that records console errors, uncaught exceptions and requests; any request to
 * another origin is recorded and aborted.
 */
export async function openPage(env, urlPath, { width = 1280, height = 900, ...ctxOpts } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, ...ctxOpts });
  const page = await context.newPage();
  const log = { errors: [], foreign: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    log.requests.push(url);
    if (!url.startsWith(env.origin + '/')) {
      log.foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(env.origin + urlPath);
  return { page, context, log };
}

/**
 * Records layout shifts in every page of `context` from the start of its load: window.__cls
 * (the score, shifts without recent input) and window.__shifts (each moved box, before -> after).
 */
export async function recordShifts(context) {
  await context.addInitScript(() => {
    window.__cls = 0;
    window.__shifts = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls += e.value;
        for (const s of e.sources || []) window.__shifts.push(`${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * Widgets far below the fold wait (data-state="lazy") until the reader scrolls near them:
 * scrolls each into view in turn until none waits, then back to the top.
 */
export async function wakeLazy(page) {
  for (let i = 0; i < 100; i++) {
    const waiting = await page.evaluate(() => {
      const h = document.querySelector('.news-infographic[data-state="lazy"]');
      if (h) { h.scrollIntoView(); window.__niWaking = h; }
      return !!h;
    });
    if (!waiting) break;
    await page.waitForFunction(() => window.__niWaking.getAttribute('data-state') !== 'lazy', null, { timeout: 10000 });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Waits until every widget on the page has finished loading (ready or error), lazy ones too. */
export async function widgetsSettled(page) {
  await wakeLazy(page);
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('.news-infographic')];
    return hosts.length > 0 && hosts.every((h) => ['ready', 'error'].includes(h.getAttribute('data-state')));
  }, null, { timeout: 20000 });
}

/** For each chart canvas: its name, CSS and backing sizes, and how many pixels differ from the background. */
export async function canvasStats(page) {
  return page.evaluate(() => {
    const out = [];
    for (const host of document.querySelectorAll('.news-infographic')) {
      for (const fig of host.shadowRoot.querySelectorAll('figure')) {
        const c = fig.querySelector('canvas');
        const ctx = c.getContext('2d');
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        const bg = [data[0], data[1], data[2]];
        let painted = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 30) painted++;
        }
        const r = c.getBoundingClientRect();
        out.push({ chart: fig.dataset.chart, cssW: r.width, cssH: r.height, w: c.width, h: c.height, painted });
      }
    }
    return out;
  });
}

/**
 * An init script (pass it to addInitScript) that counts live listeners and observers
 * (ResizeObserver, IntersectionObserver) in `window.__live`, including listeners removed by an
 * AbortSignal: the lifecycle tests compare the counts before and after many mount cycles.
 */
export function countLive() {
  const live = { listeners: 0, observers: 0 };
  window.__live = live;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const keys = new WeakMap();
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn) {
      let set = keys.get(this);
      if (!set) keys.set(this, (set = new Set()));
      const capture = typeof opts === 'boolean' ? opts : !!(opts && opts.capture);
      const key = type + '|' + capture;
      if (![...set].find((x) => x.key === key && x.fn === fn)) {
        const id = { key, fn };
        set.add(id);
        live.listeners++;
        const signal = opts && typeof opts === 'object' ? opts.signal : null;
        const drop = () => { if (set.delete(id)) live.listeners--; };
        if (signal) { if (signal.aborted) drop(); else add.call(signal, 'abort', drop); }
        if (opts && typeof opts === 'object' && opts.once) add.call(this, type, drop, { once: true, capture, signal: signal || undefined });
        id.drop = drop;
      }
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const set = keys.get(this);
    const capture = typeof opts === 'boolean' ? opts : !!(opts && opts.capture);
    if (set) { const id = [...set].find((x) => x.key === type + '|' + capture && x.fn === fn); if (id) id.drop(); }
    return remove.call(this, type, fn, opts);
  };
  for (const name of ['ResizeObserver', 'IntersectionObserver']) {
    const Base = window[name];
    window[name] = class extends Base {
      constructor(cb, o) { super(cb, o); this.__n = 0; }
      observe(t) { this.__n++; live.observers++; return super.observe(t); }
      disconnect() { live.observers -= this.__n; this.__n = 0; return super.disconnect(); }
    };
  }
}
