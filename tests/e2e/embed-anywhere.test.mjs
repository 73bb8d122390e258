// Embedding without the script tag, in Chromium: the frame page cross-origin (two loopback
// ports) resized by frame-resize.js, by a real pym.js parent and by amp-iframe's contract;
// hostile messages ignored; oEmbed discovery and responses; the <news-infographic> element
// (innerHTML, createElement with attributes set later, updates, removal, 500 cycles without
// leaks); lazy mounting on a page of 20 widgets; and print to PDF (pdftoppm, pdftotext).
// Firefox and WebKit run the frame page and the element in engines.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { countLive, repo, setUp } from './harness.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let env; // the article's origin: the repository root, no CSP (test pages, pym.js, the AMP page)
let frames; // www/ on another port, under a strict CSP: the frame pages' origin
let F;

const OUT = path.join(repo, 'tests/output/embed');
let pages = 0;
/** The gallery's bar chart, its data URL made absolute for pages outside www/examples/. */
const BAR = '/tests/output/embed/bar.vl.json';

before(async () => {
  mkdirSync(OUT, { recursive: true });
  const bar = JSON.parse(readFileSync(path.join(repo, 'www/data/vega-lite/bar.vl.json'), 'utf8'));
  bar.data.url = '/www/data/vega-lite/champions.csv';
  writeFileSync(path.join(repo, BAR.slice(1)), JSON.stringify(bar));
  // (tests/output/ is git-ignored)
  env = await setUp({ root: repo });
  frames = await startServer({ root: path.join(repo, 'www'), headers: { 'Content-Security-Policy': STRICT }, port: 0, host: '127.0.0.1' });
  F = `http://127.0.0.1:${frames.address().port}`;
});
after(async () => {
  await env.close();
  await new Promise((r) => frames.close(r));
});

/** A page on the article's origin with `body` as its HTML; records errors and dialogs. */
async function pageWith(body, { width = 1000, height = 900, colorScheme = 'light', init } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme });
  if (init) await context.addInitScript(init);
  const errors = [];
  const requests = [];
  // A real file on a real loopback server: Chromium's local-network checks block a page that
  // a test route made up from framing a loopback address.
  const name = `page-${++pages}.html`;
  writeFileSync(path.join(OUT, name), body);
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // Failed loads are reported with their URL (a page without a favicon is not a failure).
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(`${env.origin}/tests/output/embed/${name}`);
  return { page, context, errors, requests };
}

/** The frame page inside `page` whose URL starts with `origin`, once its widget is ready. */
async function readyFrame(page, origin = F) {
  let frame;
  await page.waitForFunction(() => true);
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(origin));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, `a frame from ${origin}`);
  await frame.waitForFunction(() => document.querySelector('.news-infographic')?.getAttribute('data-state') === 'ready', null, { timeout: 20000 });
  return frame;
}

const innerHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const outerHeight = (page, sel) => page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().height, sel);

/** Waits until the element `sel` is as tall as the frame's document (to a pixel). */
async function fits(page, sel, frame, what) {
  let inner = 0;
  let outer = 0;
  for (let i = 0; i < 100; i++) {
    inner = await innerHeight(frame);
    outer = await outerHeight(page, sel);
    if (inner > 100 && Math.abs(inner - outer) <= 1) return inner;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: the frame's page is ${inner} px tall, its iframe ${outer} px`);
}

test('frame page, cross-origin: frame-resize.js follows its height as the content changes and the viewport narrows', async () => {
  const { page, context, errors } = await pageWith(`<!doctype html><meta charset="utf-8"><body style="margin:0">
    <main style="max-width: 720px; margin: 0 auto"><p>Before the chart.</p>
    <iframe id="f" src="${F}/frame.html?chart=champions-by-year" title="Champion products" style="width: 100%; border: 0" height="150"
      sandbox="allow-scripts allow-same-origin allow-popups allow-downloads"></iframe>
    <p>After the chart.</p><script src="${F}/frame-resize.js"></script></main>`);
  const frame = await readyFrame(page);
  const wide = await fits(page, '#f', frame, 'at 1000 px');
  assert.ok(wide > 400, `the whole widget shows (${wide} px)`);
  // The frame's background is transparent: the article's shows through.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
  // Content grows: the table opens.
  await frame.locator('button', { hasText: 'Show as table' }).first().click();
  const open = await fits(page, '#f', frame, 'with the table open');
  assert.ok(open > wide + 40, `taller with the table (${wide} -> ${open})`);
  // The viewport narrows: the text wraps, the height follows.
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await fits(page, '#f', frame, 'at 375 px');
  assert.notEqual(narrow, open);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile postMessages: wrong source, wrong shape, HTML in the height, out of range: all ignored', async () => {
  const { page, context, errors } = await pageWith(`<!doctype html><meta charset="utf-8"><body>
    <iframe id="f" src="${F}/frame.html?chart=claims-check" style="width: 100%; border: 0" height="150"></iframe>
    <div id="other"></div><script src="${F}/frame-resize.js"></script>`);
  const frame = await readyFrame(page);
  const h = await fits(page, '#f', frame, 'settled');
  // From the article's own window, and from an iframe that is not a frame page.
  await page.evaluate(() => {
    window.postMessage('pymxPYMxxPYMxheightxPYMx9999', '*');
    window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 9999 }, '*');
    const evil = document.createElement('iframe');
    evil.srcdoc = "<script>parent.postMessage({sentinel: 'amp', type: 'embed-size', height: 7777}, '*'); parent.postMessage('pymxPYMxxPYMxheightxPYMx7777', '*')<\/script>";
    document.getElementById('other').append(evil);
  });
  // From the frame's own window, in shapes that are not exactly the expected ones.
  await frame.evaluate(() => {
    const bad = [
      { sentinel: 'amp', type: 'embed-size', height: '<img src=x onerror=alert(1)>' },
      { sentinel: 'amp', type: 'embed-size', height: 5555, extra: 1 },
      { sentinel: 'amp', type: 'embed-size', height: 1e9 },
      { sentinel: 'amp', type: 'embed-size', height: -5 },
      { sentinel: 'amp', type: 'embed-size', height: '5555' },
      'pymxPYMxxPYMxheightxPYMx<b>5555</b>',
      'pymxPYMxxPYMxheightxPYMx5555; alert(1)',
      '<img src=x onerror=alert(1)>',
      ['pymxPYMxxPYMxheightxPYMx5555'],
      null,
    ];
    for (const m of bad) parent.postMessage(m, '*');
  });
  await page.waitForTimeout(600);
  assert.equal(await outerHeight(page, '#f'), h, 'the height did not change');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, b').length), 0, 'nothing was inserted');
  // The channel itself works: a well-formed message from the frame is followed.
  await frame.evaluate(() => parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 777 }, '*'));
  await page.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height === 777);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pym.js parent (npm pym.js 1.3) resizes the frame page with no change on its side', async () => {
  const { page, context, errors } = await pageWith(`<!doctype html><meta charset="utf-8"><body>
    <div id="c"></div><script src="/node_modules/pym.js/dist/pym.v1.min.js"></script>
    <script>window.parent_ = new pym.Parent('c', '${F}/frame.html?chart=champions-by-industry', {});</script>`);
  const frame = await readyFrame(page);
  assert.match(frame.url(), /childId=c/, 'pym.js passed its child id');
  const h = await fits(page, '#c iframe', frame, 'pym.js');
  assert.ok(h > 500, `industry chart height ${h}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('AMP example: amp-iframe gets the frame page, its placeholder, and is resized by the embed-size message', async () => {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 900 } });
  const errors = [];
  // Offline stand-ins: the AMP runtime (only amp-iframe's documented resize contract, see the
  // fixture) and localhost:8080, where the example's frame lives, served by the frames' port.
  // (Playwright runs the routes last registered first.)
  await context.route('https://cdn.ampproject.org/**', (r) => r.fulfill({ contentType: 'text/javascript', body: '' }));
  await context.route('https://cdn.ampproject.org/v0.js', (r) => r.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(repo, 'tests/e2e/fixtures/amp-stand-in.js'), 'utf8') }));
  await context.route('http://localhost:8080/**', async (r) => r.fulfill({ response: await r.fetch({ url: r.request().url().replace('http://localhost:8080', F) }) }));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.origin}/www/examples/amp.html`);
  const amp = page.locator('amp-iframe');
  assert.equal(await amp.getAttribute('resizable'), '');
  assert.match(await page.locator('amp-img[placeholder]').getAttribute('src'), /static\/champions-by-year\.en\.light\.svg$/);
  const frame = await readyFrame(page, 'http://localhost:8080');
  const h = await fits(page, 'amp-iframe', frame, 'amp-iframe');
  assert.equal(Number(await amp.getAttribute('data-resized-to')), h);
  assert.deepEqual(errors, []);
  await context.close();
});

test('oEmbed: chart pages carry the discovery link; each response is a rich iframe snippet that embeds and resizes', async () => {
  const page0 = await (await fetch(`${F}/frame.html`)).text();
  assert.match(page0, /<link rel="alternate" type="application\/json\+oembed" href="oembed\/overview\.en\.json"/);
  const chartPage = await (await fetch(`${F}/charts/champions-by-year.en.html`)).text();
  const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(chartPage)?.[1];
  assert.ok(href, 'discovery link on the chart page');
  const res = await fetch(new URL(href, `${F}/charts/champions-by-year.en.html`));
  assert.equal(res.status, 200);
  const o = await res.json();
  assert.equal(o.version, '1.0');
  assert.equal(o.type, 'rich');
  assert.equal(o.title, 'Champion products, 2021 and 2023');
  assert.equal(o.provider_name, 'news-infographic');
  assert.ok(Number.isInteger(o.width) && Number.isInteger(o.height) && o.height > 300);
  assert.match(o.html, /^<iframe src="[^"]*\/charts\/champions-by-year\.en\.html" title="Champion products, 2021 and 2023"/);
  assert.match(o.html, /<script src="[^"]*\/frame-resize\.js" async><\/script>$/);
  // Every chart has one, Vega-Lite gallery specs included.
  const all = readdirSync(path.join(repo, 'www/oembed'));
  for (const name of ['overview.en.json', 'claims-check.zh.json', 'vega-lite-bar.en.json']) assert.ok(all.includes(name), name);
  // A CMS pastes the snippet (here with the build's default base replaced by the frames' origin).
  const snippet = o.html.replaceAll('http://127.0.0.1:8080', F);
  const { page, context, errors } = await pageWith(`<!doctype html><meta charset="utf-8"><body><article>${snippet}</article>`);
  const frame = await readyFrame(page);
  await fits(page, 'iframe', frame, 'oEmbed snippet');
  assert.deepEqual(errors, []);
  await context.close();
});

test('<news-infographic>: by innerHTML, by createElement with attributes set afterwards, updated, removed; 500 cycles leave nothing behind', async () => {
  const { page, context, errors } = await pageWith(`<!doctype html><meta charset="utf-8"><body><main id="m"></main>
    <script src="/www/embed.js" data-mount="none"></script>`, { init: countLive });
  await page.waitForFunction(() => !!customElements.get('news-infographic'));
  const title = (sel) => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.ni-title')?.textContent, sel);
  // innerHTML, as a CMS or a framework's template writes it.
  await page.evaluate(() => { document.getElementById('m').innerHTML = '<news-infographic id="a" chart="champions-by-year"></news-infographic>'; });
  await page.waitForFunction(() => document.getElementById('a').getAttribute('data-state') === 'ready');
  assert.equal(await title('#a'), 'Champion products, 2021 and 2023');
  assert.ok(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').width > 0));
  // createElement, appended, attributes set afterwards (as React and Vue do): one widget, the last attributes.
  await page.evaluate(() => {
    const el = document.createElement('news-infographic');
    el.id = 'b';
    document.getElementById('m').append(el);
    el.setAttribute('chart', 'champions-by-industry');
    el.setAttribute('lang', 'zh');
  });
  await page.waitForFunction(() => document.getElementById('b').getAttribute('data-state') === 'ready');
  assert.equal(await title('#b'), '各行业的冠军产品');
  // An attribute changes: the chart follows.
  await page.evaluate(() => document.getElementById('b').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.getElementById('b').shadowRoot.querySelector('.ni-title')?.textContent === 'Champion products by industry'
    && document.getElementById('b').getAttribute('data-state') === 'ready');
  // A Vega-Lite chart by its spec URL.
  await page.evaluate((bar) => { document.getElementById('m').insertAdjacentHTML('beforeend', `<news-infographic id="c" chart="vega-lite" spec="${bar}"></news-infographic>`); }, BAR);
  await page.waitForFunction(() => document.getElementById('c').getAttribute('data-state') === 'ready');
  // Removed: the widget is destroyed.
  await page.evaluate(() => ['a', 'b', 'c'].forEach((id) => document.getElementById(id).remove()));
  assert.equal(await page.evaluate(() => document.querySelector('#m').children.length), 0);
  const before = await page.evaluate(() => ({ ...window.__live }));
  await page.evaluate(async () => {
    const charts = ['champions-by-year', 'champions-by-industry', 'claims-check'];
    for (let i = 0; i < 500; i++) {
      const el = document.createElement('news-infographic');
      if (i % 2) el.setAttribute('chart', charts[i % 3]);
      document.getElementById('m').append(el);
      if (!(i % 2)) el.setAttribute('chart', charts[i % 3]);
      await new Promise((r) => queueMicrotask(r));
      await el.newsInfographic.ready;
      if (i % 5 === 0) { el.setAttribute('lang', 'zh'); await new Promise((r) => queueMicrotask(r)); await el.newsInfographic.ready; }
      el.remove();
    }
  });
  const after = await page.evaluate(() => ({ ...window.__live }));
  console.log(`web component: listeners ${before.listeners} -> ${after.listeners}, observers ${before.observers} -> ${after.observers}`);
  assert.equal(after.listeners, before.listeners, 'no listeners left behind');
  assert.equal(after.observers, before.observers, 'no observers left behind');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lazy mounting: a page of 20 widgets fetches only what the visible ones need; the rest mount as the reader scrolls, with no layout shift', async () => {
  const widgets = Array.from({ length: 20 }, (_, i) => {
    const lazy = i === 19 ? ' data-lazy="false"' : '';
    return `<h2>Chart ${i + 1}</h2><p class="filler">Some paragraphs of the article between the charts.</p>
      <script src="/www/embed.js" data-chart="vega-lite" data-spec="${BAR}?w=${i}"${lazy} async></script>`;
  }).join('\n');
  const { page, context, errors, requests } = await pageWith(`<!doctype html><meta charset="utf-8">
    <style>.filler { height: 600px; }</style><body><main>${widgets}</main>`, {
    width: 800,
    height: 800,
    init: () => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
    },
  });
  const specs = () => requests.filter((u) => u.includes('bar.vl.json?w=')).map((u) => Number(new URL(u).searchParams.get('w'))).sort((a, b) => a - b);
  const wasm = () => requests.filter((u) => u.endsWith('.wasm')).length;
  await page.waitForFunction(() => [...document.querySelectorAll('.news-infographic')].filter((h) => h.getAttribute('data-state') !== 'lazy')
    .every((h) => h.getAttribute('data-state') === 'ready'), null, { timeout: 20000 });
  const first = specs();
  const states = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')].map((h) => h.getAttribute('data-state')));
  const lazyCount = states.filter((s) => s === 'lazy').length;
  console.log(`lazy: ${first.length} of 20 specs fetched at first (${JSON.stringify(first)}), ${lazyCount} waiting`);
  assert.ok(first.includes(0) && first.includes(19), 'the first widget and the data-lazy="false" one mount at once');
  assert.ok(first.length <= 6, `only the widgets near the viewport fetch their spec: ${JSON.stringify(first)}`);
  assert.equal(lazyCount, 20 - first.length, 'every other widget waits, with its space reserved');
  const reserved = await page.evaluate(() => [...document.querySelectorAll('.news-infographic[data-state="lazy"]')].map((h) => Math.round(h.getBoundingClientRect().height)));
  assert.ok(reserved.every((h) => h >= 400), `waiting widgets keep their space: ${reserved}`);
  assert.equal(wasm(), 1, 'the wasm is fetched once');
  // Widgets that mount on screen when the page opens may still grow past their reserved height
  // (the first-pixels issue); mounting lazily below the fold must add no shift of its own.
  const atOpen = await page.evaluate(() => window.__cls);
  // Scroll through the article like a brisk reader (2,000 px a second; one who outruns the
  // loading by a viewport and a half can see a widget grow as it draws).
  for (let y = 0; y < 40000; y += 400) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(200);
    if (await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2)) break;
  }
  await page.waitForFunction(() => [...document.querySelectorAll('.news-infographic')].every((h) => h.getAttribute('data-state') === 'ready'), null, { timeout: 20000 });
  assert.deepEqual(specs(), Array.from({ length: 20 }, (_, i) => i), 'each spec fetched once, when needed');
  assert.equal(wasm(), 1);
  const shift = (await page.evaluate(() => window.__cls)) - atOpen;
  console.log(`lazy: layout shift ${atOpen} when the page opened, ${shift} while scrolling`);
  assert.equal(shift, 0, 'no layout shift from lazy mounting');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: the article as PDF shows every chart as vector SVG in the light theme with its source line, and no buttons', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${env.origin}/www/index.html`);
  await page.waitForFunction(() => document.querySelector('.news-infographic')?.getAttribute('data-state') === 'ready', null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => document.querySelector('.news-infographic').shadowRoot.querySelector('.ni-root').dataset.theme), 'dark');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('.news-infographic').shadowRoot.querySelectorAll('.ni-print svg').length === 3);
  const onPaper = await page.evaluate(() => {
    const root = document.querySelector('.news-infographic').shadowRoot;
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    return {
      buttons: [...root.querySelectorAll('button')].filter(shown).length,
      canvases: [...root.querySelectorAll('canvas')].filter(shown).length,
      svgs: [...root.querySelectorAll('.ni-print svg')].filter(shown).length,
      background: [...root.querySelectorAll('.ni-print svg rect')][0]?.getAttribute('fill'),
      text: getComputedStyle(root.querySelector('.ni-title')).color,
    };
  });
  assert.deepEqual(onPaper, { buttons: 0, canvases: 0, svgs: 3, background: '#FFFFFF', text: 'rgb(26, 26, 26)' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ni-print-'));
  const pdf = path.join(dir, 'article.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  // pdftotext: the charts' own labels are text in the PDF (vector), the buttons are not there.
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of ['First in China only', 'Chemicals', 'not reported', 'Source:']) assert.ok(text.includes(words), `"${words}" printed`);
  for (const words of ['Show as table', 'Get the data', 'Download image']) assert.ok(!text.includes(words), `"${words}" not printed`);
  // pdftoppm: the pages as images, and none of them blank.
  execFileSync('pdftoppm', ['-r', '40', '-png', pdf, path.join(dir, 'page')]);
  const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
  assert.ok(pngs.length >= 2, `${pngs.length} pages`);
  for (const p of pngs) assert.ok(statSync(path.join(dir, p)).size > 2000, `${p} has content`);
  await context.close();
});
