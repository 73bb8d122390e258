// Hostile input and faults in the real widget (Chromium, playwright-core): every entry of the
// catalogue (tests/fixtures/catalogue/catalogue.json) plus network faults and bad attributes
// gives either a rendered chart or an alert naming the problem, with exactly one console error,
// no uncaught exception and no script run from data; a panic stays in its widget; 1,000
// mount/update/destroy cycles and 500 resizes leave memory, listeners and observers where they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setUp, repo, countLive } from './harness.mjs';

const CATALOGUE = JSON.parse(readFileSync(path.join(repo, 'tests/fixtures/catalogue/catalogue.json'), 'utf8'));
let env;
let faults; // a second origin: hangs, fails, mislabels; never sends CORS headers
let faultOrigin;

before(async () => {
  env = await setUp({ root: repo });
  faults = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname === '/500') { res.writeHead(500); return res.end('boom'); }
    if (url.pathname === '/html') { res.writeHead(200, { 'Content-Type': 'text/html' }); return res.end('<!doctype html><p>Not found'); }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(readFileSync(path.join(repo, 'www/data/binzhou.json')));
  });
  await new Promise((r) => faults.listen(0, '127.0.0.1', r));
  faultOrigin = `http://127.0.0.1:${faults.address().port}`;
});
after(async () => {
  faults?.closeAllConnections?.();
  await new Promise((r) => faults.close(r));
  await env?.close();
});

/** Opens a blank page on the test origin with embed.js loaded and error/exception recording. */
async function page() {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  const p = await context.newPage();
  const log = { errors: [], uncaught: [] };
  p.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  p.on('pageerror', (e) => log.uncaught.push(e.message));
  await p.goto(env.origin + '/www/examples/champions-by-year.html');
  await p.waitForFunction(() => document.querySelector('.news-infographic')?.getAttribute('data-state') === 'ready');
  return { p, context, log };
}

/** Mounts one widget with `options` and waits for it to settle; returns its state and alert text. */
function mountAndSettle(p, options, timeout = 20000) {
  return p.evaluate(async ({ options, timeout }) => {
    const el = document.createElement('div');
    document.querySelector('main').append(el);
    const h = window.NewsInfographic.mount(el, options);
    const t0 = performance.now();
    while (!['ready', 'error', 'fallback'].includes(el.getAttribute('data-state'))) {
      if (performance.now() - t0 > timeout) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const alert = el.shadowRoot.querySelector('[role="alert"]');
    const cells = [...el.shadowRoot.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    const canvas = el.shadowRoot.querySelector('canvas');
    const state = el.getAttribute('data-state');
    h.destroy();
    return { state, alert: alert && alert.textContent, cells, canvasW: canvas ? canvas.width : 0, pwned: !!window.__pwned };
  }, { options, timeout });
}

test('every catalogue entry: a render or an alert naming the problem, one console error, no script from data', async () => {
  const { p, context, log } = await page();
  // Spec objects go straight in; generated data is built in the page.
  const failures = [];
  for (const e of CATALOGUE) {
    let data = `/tests/fixtures/catalogue/${e.data}`;
    if (e.generate) {
      const [what, n] = e.generate.split(':');
      data = await p.evaluate(({ what, n, id }) => {
        let text = 'k,v\n';
        if (what === 'categories') { for (let i = 0; i < n; i++) text += `c${i},1\n`; }
        else text += 'x'.repeat(n) + ',1\n';
        const s = document.createElement('script');
        s.type = 'text/csv';
        s.id = id;
        s.textContent = text;
        document.body.append(s);
        return '#' + id;
      }, { what, n: Number(n), id: e.id });
    }
    const before = log.errors.length;
    const opts = e.kind === 'story' ? { chart: 'overview', data } : { chart: 'custom', data, spec: e.spec };
    const r = await mountAndSettle(p, opts);
    const consoleErrors = log.errors.slice(before);
    if (e.expect === 'ok') {
      if (r.state !== 'ready') failures.push(`${e.id}: expected a render, got ${r.state}: ${r.alert}`);
      else if (!(r.canvasW > 0)) failures.push(`${e.id}: no canvas`);
      else if (e.table && JSON.stringify(r.cells) !== JSON.stringify(e.table)) failures.push(`${e.id}: table ${JSON.stringify(r.cells)}`);
      if (consoleErrors.length) failures.push(`${e.id}: console errors on a render: ${consoleErrors}`);
    } else {
      if (r.state !== 'error') failures.push(`${e.id}: expected an error, got ${r.state}`);
      else if (!r.alert || !r.alert.includes(e.expect)) failures.push(`${e.id}: alert ${JSON.stringify(r.alert)} lacks ${JSON.stringify(e.expect)}`);
      if (consoleErrors.length !== 1) failures.push(`${e.id}: ${consoleErrors.length} console errors`);
    }
    if (r.pwned) failures.push(`${e.id}: script from data ran`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(log.uncaught, [], 'no uncaught exceptions');
  await context.close();
});

const EMBED_CASES = [
  ['unknown chart name', { chart: 'pie-chart' }, 'unknown chart "pie-chart"'],
  ['unsupported language', { chart: 'champions-by-year', lang: 'fr' }, '"fr" is not a supported language'],
  ['unknown theme', { chart: 'champions-by-year', theme: 'blue' }, '"blue" is not a theme'],
  ['custom without a spec', { chart: 'custom', data: '/www/data/examples/binzhou-total.csv' }, 'needs a chart spec'],
  ['custom without data', { chart: 'custom', spec: { kind: 'bar', x: 'k', y: 'v' } }, 'needs a dataset in data-src'],
  ['inline data id that does not exist', { chart: 'custom', data: '#nowhere', spec: { kind: 'bar', x: 'k', y: 'v' } }, 'no element with id "nowhere"'],
  ['data-src answers 404', { chart: 'overview', data: '/www/data/missing.json' }, 'HTTP 404'],
  ['spec URL answers 404', { chart: 'custom', data: '/www/data/examples/binzhou-total.csv', spec: '/www/data/examples/missing.spec.json' }, 'HTTP 404'],
];

test('bad attribute values and missing files: an alert each', async () => {
  const { p, context, log } = await page();
  for (const [what, opts, want] of EMBED_CASES) {
    const before = log.errors.length;
    const r = await mountAndSettle(p, opts);
    assert.equal(r.state, 'error', what);
    assert.ok(r.alert && r.alert.includes(want), `${what}: ${r.alert}`);
    assert.equal(log.errors.slice(before).filter((x) => x.startsWith('news-infographic:')).length, 1, `${what}: one console error`);
  }
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test('network faults: 500, HTML instead of JSON, another origin without CORS, no answer', async () => {
  const { p, context, log } = await page();
  const cases = [
    ['500', `${faultOrigin}/500`, /HTTP 500|request failed/],
    ['HTML instead of JSON (same origin)', '/www/index.html', /is not valid JSON/],
    ['another origin without CORS', `${faultOrigin}/data.json`, /request failed .*CORS/],
  ];
  for (const [what, data, want] of cases) {
    const r = await mountAndSettle(p, { chart: 'overview', data });
    assert.equal(r.state, 'error', what);
    assert.match(r.alert, want, what);
  }
  // A server that never answers: the widget gives up after its time limit.
  await p.evaluate(() => { window.NewsInfographic.timeoutMs = 1500; });
  const r = await mountAndSettle(p, { chart: 'overview', data: `${faultOrigin}/hang` });
  assert.equal(r.state, 'error');
  assert.match(r.alert, /no answer within 1\.5 s/);
  // Wrong MIME type for JSON (served as text/html): the data is still read as JSON.
  const ok = await mountAndSettle(p, { chart: 'champions-by-year', data: '/www/data/binzhou.json' });
  assert.equal(ok.state, 'ready');
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test('a panic in Rust becomes that widget\'s error; the other widgets keep working; new widgets get a fresh instance', async () => {
  const { p, context, log } = await page();
  await p.evaluate(async () => {
    for (let i = 0; i < 2; i++) {
      const el = document.createElement('div');
      el.className = 'extra';
      document.querySelector('main').append(el);
      await window.NewsInfographic.mount(el, { chart: 'claims-check' }).ready;
    }
  });
  await p.evaluate(() => document.querySelector('.news-infographic').newsInfographic.__panicForTests());
  await p.waitForFunction(() => document.querySelector('.news-infographic').getAttribute('data-state') === 'error');
  const alert = await p.evaluate(() => document.querySelector('.news-infographic').shadowRoot.querySelector('[role="alert"]').textContent);
  assert.match(alert, /internal error in the chart code/);
  assert.ok(log.errors.some((x) => x.includes('deliberate panic')), 'the panic message reaches the console');
  // The others still answer hit-tests and draw.
  const others = await p.evaluate(() => [...document.querySelectorAll('.extra')].map((h) => h.getAttribute('data-state')));
  assert.deepEqual(others, ['ready', 'ready']);
  const extra = p.locator('.extra').first().locator('canvas');
  await extra.scrollIntoViewIfNeeded();
  const b = await extra.boundingBox();
  await p.mouse.move(b.x + b.width / 2, b.y + 40);
  await p.locator('.extra').first().locator('[role="tooltip"]').waitFor({ state: 'visible' });
  // A widget mounted now uses a new wasm instance and works.
  const r = await mountAndSettle(p, { chart: 'champions-by-industry' });
  assert.equal(r.state, 'ready');
  assert.deepEqual(log.uncaught, []);
  await context.close();
});

test('lifecycle: 1,000 mount/update/destroy cycles and 500 resizes leave memory, listeners and observers where they were', async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.addInitScript(countLive);
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await p.goto(env.origin + '/www/examples/champions-by-year.html');
  await p.waitForFunction(() => document.querySelector('.news-infographic')?.getAttribute('data-state') === 'ready');
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const rest = await p.evaluate(() => ({ wasm: window.NewsInfographic.wasmMemoryBytes(), ...window.__live, hosts: document.querySelectorAll('.news-infographic').length }));
    return { heap: usedSize, ...rest };
  };
  const cycles = (n) => p.evaluate(async (n) => {
    const charts = ['champions-by-year', 'champions-by-industry', 'claims-check'];
    for (let i = 0; i < n; i++) {
      const el = document.createElement('div');
      document.querySelector('main').append(el);
      let h = window.NewsInfographic.mount(el, { chart: charts[i % 3] });
      await h.ready;
      h = h.update({ lang: i % 2 ? 'zh' : 'en' });
      await h.ready;
      h.destroy();
    }
  }, n);
  const resizes = (n) => p.evaluate(async (n) => {
    const host = document.querySelector('.news-infographic');
    for (let i = 0; i < n; i++) {
      host.style.width = 320 + ((i * 37) % 900) + 'px';
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    host.style.width = '';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, n);
  // Warm up first: V8's code and feedback caches grow over the first ~600 cycles and then stay
  // flat (measured: 650, 130, then under 10 bytes per cycle for successive batches of 300).
  await cycles(600);
  await resizes(20);
  const start = await measure();
  await cycles(1000);
  await resizes(500);
  const end = await measure();
  console.log(`lifecycle: heap ${start.heap} -> ${end.heap} bytes, wasm ${start.wasm} -> ${end.wasm} bytes, listeners ${start.listeners} -> ${end.listeners}, observers ${start.observers} -> ${end.observers}`);
  assert.equal(end.hosts, 1, 'destroyed widgets are gone from the page');
  assert.equal(end.listeners, start.listeners, 'no listeners left behind');
  assert.equal(end.observers, start.observers, 'no observers left behind');
  assert.ok(end.heap <= start.heap * 1.05, `JS heap grew from ${start.heap} to ${end.heap}`);
  assert.ok(end.wasm <= start.wasm * 1.05, `wasm memory grew from ${start.wasm} to ${end.wasm}`);
  await context.close();
});
