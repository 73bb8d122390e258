// End-to-end: the real article page, built and served from www/, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setUp, openPage, widgetsSettled, canvasStats, screenshots, wakeLazy } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

const CHARTS = ['champions-by-year', 'champions-by-industry', 'claims-check'];
// On the article: the overview's three story charts, then the waffle of the 53 products (a
// shorthand chart of the newsroom kinds, embedded further down).
const ARTICLE = [...CHARTS, 'custom'];

for (const width of [375, 1280]) {
  test(`article at ${width}px: every chart painted, crisp, no errors, nothing leaves the server`, async () => {
    const { page, context, log } = await openPage(env, '/', { width, deviceScaleFactor: 2 });
    await widgetsSettled(page);
    const state = await page.getAttribute('.news-infographic', 'data-state');
    assert.equal(state, 'ready');
    const stats = await canvasStats(page);
    assert.deepEqual(stats.map((s) => s.chart), ARTICLE);
    for (const s of stats) {
      assert.ok(s.painted > 2000, `${s.chart}: only ${s.painted} painted pixels`);
      assert.equal(s.w, Math.round(s.cssW * 2), `${s.chart}: backing width is CSS width x devicePixelRatio`);
      assert.ok(s.cssW <= width, `${s.chart}: ${s.cssW}px wide in a ${width}px viewport`);
    }
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollW <= width, `no horizontal scrolling: scrollWidth ${scrollW}`);
    // Key figures come from Rust.
    const figures = await page.locator('.ni-figure-value').allTextContents();
    assert.deepEqual(figures, ['53', '15', '28.3%']);
    // The open shadow root holds each chart as a <figure> with a caption naming the source.
    const caption = await page.locator('figure[data-chart="champions-by-year"] figcaption').textContent();
    assert.match(caption, /Binzhou city reports impressive growth of champion products/);
    assert.match(caption, /2024-02-19/);
    await page.screenshot({ path: path.join(screenshots, `article-${width}.png`), fullPage: true });
    assert.deepEqual(log.errors, [], 'no console errors');
    assert.deepEqual(log.foreign, [], 'no request to another origin');
    assert.ok(log.requests.some((u) => u.endsWith('.wasm')));
    assert.equal(log.requests.filter((u) => u.endsWith('.wasm')).length, 1, 'wasm fetched once');
    await context.close();
  });
}

test('hovering the 2023 bar shows a tooltip with 53, 15 and 38', async () => {
  const { page, context, log } = await openPage(env, '/', { width: 1280 });
  await widgetsSettled(page);
  const canvas = page.locator('figure[data-chart="champions-by-year"] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const tip = page.locator('figure[data-chart="champions-by-year"] [role="tooltip"]');
  assert.equal(await tip.isVisible(), false);
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.7);
  await tip.waitFor({ state: 'visible' });
  const text = await tip.innerText();
  assert.match(text, /^2023$/m);
  assert.match(text, /\b53 champion products\b/);
  assert.match(text, /\b15 first in the world\b/);
  assert.match(text, /\b38 first in China only\b/);
  // The tooltip sits inside the plot, near the bar.
  const t = await tip.boundingBox();
  assert.ok(t.x >= box.x - 1 && t.x + t.width <= box.x + box.width + 1);
  // Moving over the 2021 bar switches it; leaving the canvas hides it.
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.7);
  await page.waitForFunction(() => {
    const host = document.querySelector('.news-infographic');
    return /^37 champion products/m.test(host.shadowRoot.querySelector('figure [role="tooltip"]').innerText);
  });
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'hidden' });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a tap pins the tooltip on touch screens; a tap elsewhere dismisses it', async () => {
  const { page, context } = await openPage(env, '/', { width: 375, hasTouch: true, isMobile: true });
  await widgetsSettled(page);
  const canvas = page.locator('figure[data-chart="champions-by-industry"] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const tip = page.locator('figure[data-chart="champions-by-industry"] [role="tooltip"]');
  // The second row (about 80-124 px down) is textiles; its tooltip carries the 2024 figure.
  await page.touchscreen.tap(box.x + box.width * 0.6, box.y + 100);
  await tip.waitFor({ state: 'visible' });
  const text = await tip.innerText();
  assert.match(text, /^Textiles$/m);
  assert.match(text, /^2024: 6$/m);
  assert.match(text, /^2021: 2$/m);
  // Pinned: a pointer move elsewhere does not replace it.
  await page.mouse.move(box.x + 10, box.y + box.height - 10);
  assert.match(await tip.innerText(), /^Textiles$/m);
  await page.touchscreen.tap(5, 5);
  await tip.waitFor({ state: 'hidden' });
  await context.close();
});

for (const chart of CHARTS) {
  test(`${chart} embedded on its own`, async () => {
    const { page, context, log } = await openPage(env, `/examples/${chart}.html`, { width: 640 });
    await widgetsSettled(page);
    const stats = await canvasStats(page);
    assert.equal(stats.length, 1);
    assert.equal(stats[0].chart, chart);
    assert.ok(stats[0].painted > 2000);
    assert.equal(await page.locator('.ni-figure').count(), 0, 'no key figures outside the overview');
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('several widgets on one page share one wasm module', async () => {
  const { page, context, log } = await openPage(env, '/examples/champions-by-year.html', { width: 640 });
  await widgetsSettled(page);
  await page.evaluate(() => {
    for (const chart of ['claims-check', 'champions-by-industry']) {
      const s = document.createElement('script');
      s.src = '../embed.js';
      s.dataset.chart = chart;
      document.querySelector('main').append(s);
    }
  });
  await wakeLazy(page);
  await page.waitForFunction(() => document.querySelectorAll('.news-infographic[data-state="ready"]').length === 3);
  const stats = await canvasStats(page);
  assert.deepEqual(stats.map((s) => s.chart), ['champions-by-year', 'claims-check', 'champions-by-industry']);
  assert.equal(log.requests.filter((u) => u.endsWith('.wasm')).length, 1);
  assert.equal(log.requests.filter((u) => u.endsWith('binzhou.json')).length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an unknown chart name gives an alert in the widget and one console error', async () => {
  const { page, context, log } = await openPage(env, '/examples/champions-by-year.html', { width: 640 });
  await widgetsSettled(page);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.src = '../embed.js';
    s.dataset.chart = 'pie-chart';
    document.querySelector('main').append(s);
  });
  const alert = page.locator('[role="alert"]');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /unknown chart "pie-chart": expected one of champions-by-year/);
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0], /pie-chart/);
  await context.close();
});
