// First pixels (issue 13): while the wasm loads, a widget shows its chart pre-rendered by
// `render` in the reserved space, inside the figure the interactive chart then fills, and the
// canvas replaces it with nothing moving. The wasm is held back here until the first pixels
// are checked, so they cannot have come from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setUp, repo, recordShifts } from './harness.mjs';

const RENDER = process.env.NI_RENDER || path.join(repo, 'target/export/render');
const OUT = path.join(repo, 'tests/output/first');
let env;

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const spec = path.join(repo, 'tests/e2e/fixtures/first-bar.vl.json');
  for (const args of [['--static-dir', OUT], ['--width', '640', '--out', path.join(OUT, 'plain.svg')]]) {
    const r = spawnSync(RENDER, ['--vega-lite', spec, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, `render ${args.join(' ')}: ${r.stderr}`);
  }
  env = await setUp({ root: repo });
});
after(async () => { await env?.close(); });

/** A page whose wasm requests wait for release(); records layout shifts and console messages. */
async function heldBack(width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  let release;
  const gate = new Promise((r) => { release = r; });
  let wasmServed = false;
  await context.route('**/*.wasm', async (route) => {
    await gate;
    wasmServed = true;
    await route.continue();
  });
  await recordShifts(context);
  const page = await context.newPage();
  const log = { errors: [], warnings: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  return { context, page, log, release: () => release(), served: () => wasmServed };
}

/** Boxes of every host's figures and pictures (or canvases), in page coordinates. */
const BOXES = `(() => [...document.querySelectorAll('.news-infographic')].map((h) => {
  const r = h.shadowRoot;
  const box = (e) => { const b = e.getBoundingClientRect(); return [Math.round(b.left), Math.round(b.top + scrollY), Math.round(b.width), Math.round(b.height)]; };
  return {
    state: h.getAttribute('data-state'),
    first: !!r.querySelector('.ni-first'),
    host: box(h),
    figures: [...r.querySelectorAll('figure')].map(box),
    heads: [...r.querySelectorAll('.ni-head, .ni-tools, figcaption')].map(box),
    plots: [...r.querySelectorAll('.ni-plot > img, .ni-plot > canvas')].map((e) => ({ tag: e.tagName, box: box(e), src: e.src ? e.src.replace(/^.*\\//, '') : '', done: e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0) })),
    text: [...r.querySelectorAll('.ni-title, .ni-summary')].map((e) => e.textContent),
  };
}))()`;

async function firstShown(page, n) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('.news-infographic')];
    return hosts.length >= n && hosts.slice(0, n).every((h) => {
      const imgs = [...h.shadowRoot.querySelectorAll('.ni-first .ni-plot > img')];
      return imgs.length && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
  }, n, { timeout: 20000 });
  return page.evaluate(BOXES);
}

/**
 * Waits until the widgets have settled: every one that started mounting is ready (or an error
 * or the fallback); one still waiting below the fold (data-state="lazy", further than the lazy
 * mount's 150 % margin, which depends on the fonts' line heights) is left alone.
 */
async function ready(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('.news-infographic')]
    .every((h, i) => ['ready', 'error', 'fallback'].concat(i > 0 ? ['lazy'] : []).includes(h.getAttribute('data-state'))), null, { timeout: 30000 })
    .catch(async (e) => {
      const states = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')]
        .map((h) => `${h.getAttribute('data-chart') || h.getAttribute('chart') || h.id}: ${h.getAttribute('data-state')} ${h.shadowRoot?.querySelector('[role="alert"]')?.textContent || ''}`));
      throw new Error(`${e.message}; widgets: ${states.join(' | ')}`);
    });
  await page.waitForTimeout(300);
  return page.evaluate(BOXES);
}

for (const width of [375, 1280]) {
  test(`article at ${width}px: the story charts appear pre-rendered before the wasm, and the canvases replace them in place`, async () => {
    const { context, page, log, release, served } = await heldBack(width);
    await page.goto(env.origin + '/www/');
    // The reader is at the widget while it loads: whatever moves in it counts.
    await page.evaluate(() => document.querySelector('.news-infographic').scrollIntoView());
    const [before] = await firstShown(page, 1);
    assert.equal(served(), false, 'the wasm was held back');
    assert.equal(before.state, 'loading');
    assert.equal(before.first, true);
    assert.deepEqual(before.plots.map((p) => p.tag), ['IMG', 'IMG', 'IMG']);
    const plotWidth = width === 375 ? 343 : 640;
    for (const p of before.plots) {
      assert.equal(p.box[2], plotWidth, `${p.src} drawn for the plot's width`);
      assert.match(p.src, new RegExp(`^(champions-by-year|champions-by-industry|claims-check)\\.en\\.(light|dark)\\.${plotWidth}\\.svg$`));
    }
    assert.ok(before.text.includes('Champion products, 2021 and 2023'), before.text.join(' | '));
    // The buttons are there, inert, so the row below the chart already has its height.
    const inert = await page.evaluate(() => [...document.querySelector('.news-infographic').shadowRoot.querySelectorAll('.ni-first button')].map((b) => b.getAttribute('aria-disabled')));
    assert.ok(inert.length >= 12 && inert.every((a) => a === 'true'), inert.join());

    release();
    const [afterAll] = await ready(page);
    assert.equal(afterAll.state, 'ready');
    assert.equal(afterAll.first, false);
    assert.deepEqual(afterAll.plots.map((p) => p.tag), ['CANVAS', 'CANVAS', 'CANVAS']);
    // Same size, same positions: the figures, the rows around the plots and the plots.
    assert.deepEqual(afterAll.host, before.host);
    assert.deepEqual(afterAll.figures, before.figures);
    assert.deepEqual(afterAll.heads, before.heads);
    assert.deepEqual(afterAll.plots.map((p) => p.box), before.plots.map((p) => p.box));
    const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
    assert.equal(cls, 0, `layout shifts: ${shifts.join('; ')}`);
    // Interactive the moment it replaced the picture.
    const canvas = page.locator('figure[data-chart="champions-by-year"] canvas');
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.7);
    await page.locator('figure[data-chart="champions-by-year"] [role="tooltip"]').waitFor({ state: 'visible' });
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('data-static: a newsroom chart\'s index from `render --static-dir` and a single SVG, both shown before the wasm', async () => {
  const { context, page, log, release, served } = await heldBack(1280);
  await page.goto(env.origin + '/tests/e2e/fixtures/first-pixels.html');
  const before = await firstShown(page, 1);
  await page.waitForFunction(() => {
    const i = document.querySelectorAll('.news-infographic')[1]?.shadowRoot.querySelector('.ni-first img');
    return i && i.complete && i.naturalWidth > 0;
  });
  const plain = (await page.evaluate(BOXES))[1];
  assert.equal(served(), false, 'the wasm was held back');
  // The index: the spec's words (written by render) around the rendering for 640 px.
  assert.deepEqual(before[0].text.slice(0, 1), ['Parcels delivered per depot']);
  assert.equal(before[0].plots[0].src, 'first-bar.light.640.svg');
  // The single SVG, as exported.
  assert.equal(plain.first, true);
  assert.equal(plain.plots[0].src, 'plain.svg');
  assert.equal(plain.plots[0].box[2], 640);

  release();
  const afterAll = await ready(page);
  assert.deepEqual(afterAll.map((h) => h.state), ['ready', 'ready']);
  assert.deepEqual(afterAll[0].plots.map((p) => p.tag), ['CANVAS']);
  assert.deepEqual(afterAll[0].figures, before[0].figures);
  assert.deepEqual(afterAll[0].plots[0].box, before[0].plots[0].box);
  // The single SVG is the chart at its width: the canvas takes the picture's size.
  assert.deepEqual(afterAll[1].plots[0].box.slice(2), plain.plots[0].box.slice(2));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('no first pixels where none would be honest, and a missing index only warns', async () => {
  const { context, page, log, release } = await heldBack(1280);
  await page.goto(env.origin + '/tests/e2e/fixtures/element.html');
  await page.evaluate(() => {
    document.body.replaceChildren();
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    // Another dataset than the shipped one: the shipped pictures would show the wrong numbers.
    window.NewsInfographic.mount(a, { chart: 'champions-by-year', data: '/www/data/binzhou.json' });
    // An index that is not there.
    window.NewsInfographic.mount(b, { chart: 'vega-lite', spec: '/tests/e2e/fixtures/first-bar.vl.json', static: '/tests/output/first/missing.json' });
  });
  await page.waitForTimeout(1500);
  const shown = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')].map((h) => ({
    first: !!h.shadowRoot.querySelector('.ni-first'),
    loading: !!h.shadowRoot.querySelector('.ni-loading'),
    state: h.getAttribute('data-state'),
  })));
  assert.deepEqual(shown, [{ first: false, loading: true, state: 'loading' }, { first: false, loading: true, state: 'loading' }]);
  assert.ok(log.warnings.some((w) => /no first pixels: .*missing\.json/.test(w)), log.warnings.join('\n'));
  release();
  const afterAll = await ready(page);
  assert.deepEqual(afterAll.map((h) => h.state), ['ready', 'ready']);
  await context.close();
});
