// Newsroom embedding, end to end in Chromium (playwright-core): isolation from host CSS, many
// widgets, strict CSP, the no-wasm fallback, custom CSV and JSON data, reader exports, layout shift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setUp, openPage, widgetsSettled, canvasStats, repo, wakeLazy, recordShifts } from './harness.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
let env;
before(async () => { env = await setUp({ root: repo }); });
after(async () => { await env?.close(); });

async function withCsp(csp, fn) {
  const e = await setUp({ root: repo, headers: { 'Content-Security-Policy': csp } });
  try {
    await fn(e);
  } finally {
    await e.close();
  }
}

async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('host-page CSS cannot break the widget, and the widget\'s CSS does not leak out', async () => {
  const { page, context, log } = await openPage(env, '/tests/e2e/fixtures/hostile-css.html', { width: 900 });
  await widgetsSettled(page);
  const stats = await canvasStats(page);
  assert.deepEqual(stats.map((s) => s.chart), ['champions-by-year', 'claims-check']);
  for (const s of stats) assert.ok(s.painted > 2000, `${s.chart} painted`);
  const inside = await page.evaluate(() => {
    const root = document.querySelector('.news-infographic').shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    const host = getComputedStyle(document.querySelector('.news-infographic'));
    return {
      title: cs('.ni-title').fontSize, color: cs('.ni-title').color, transform: cs('.ni-title').textTransform,
      figure: cs('figure').display, canvas: cs('canvas').display, button: cs('button').display,
      hostPadding: host.paddingTop, hostBorder: host.borderTopStyle,
    };
  });
  assert.notEqual(inside.title, '40px');
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.equal(inside.transform, 'none');
  assert.equal(inside.figure, 'block');
  assert.equal(inside.canvas, 'block');
  assert.notEqual(inside.button, 'none');
  assert.equal(inside.hostPadding, '0px');
  assert.equal(inside.hostBorder, 'none');
  // Tooltips still work.
  await page.locator('figure[data-chart="champions-by-year"] canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('figure[data-chart="champions-by-year"] canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.7);
  await page.locator('figure[data-chart="champions-by-year"] [role="tooltip"]').waitFor({ state: 'visible' });
  // The page's own elements that share class names keep the page's styles.
  const outside = await page.evaluate(() => ({
    caption: getComputedStyle(document.querySelector('p.ni-caption')).backgroundColor,
    button: getComputedStyle(document.querySelector('button.ni-toggle')).display,
    sheets: document.styleSheets.length,
  }));
  assert.equal(outside.caption, 'rgb(0, 0, 0)');
  assert.equal(outside.button, 'none');
  assert.equal(outside.sheets, 1, 'the widget adds no stylesheet to the page');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('brand styles reach the canvas: background, accent and font from --ni-*; a pale accent is reported', async () => {
  const { page, context, log } = await openPage(env, '/tests/e2e/fixtures/brand.html', { width: 900 });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.reload();
  await widgetsSettled(page);
  const r = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')].map((h) => {
    const c = h.shadowRoot.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const colors = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const k = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      colors.set(k, (colors.get(k) || 0) + 1);
    }
    return { corner: [data[0], data[1], data[2]], colors: Object.fromEntries(colors) };
  }));
  // hsl(160, 100%, 18%) is rgb(0, 92, 61).
  assert.deepEqual(r[0].corner, [245, 240, 230], 'canvas background is --ni-bg');
  assert.ok((r[0].colors['0,92,61'] || 0) > 500, 'the first series is drawn in --ni-accent');
  assert.ok(!r[0].colors['194,65,12'], 'the default accent is gone');
  assert.ok((r[1].colors['250,230,200'] || 0) > 500, 'a pale accent is still the brand\'s choice');
  assert.deepEqual(r[1].corner, [255, 255, 255]);
  assert.ok(warnings.some((w) => /--ni-accent has a contrast of 1\.\d+:1 against the background/.test(w)), warnings.join('\n'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('ten widgets, two added later, one destroyed: one wasm instance, no leftovers', async () => {
  const { page, context, log } = await openPage(env, '/tests/e2e/fixtures/many.html', { width: 800 });
  await widgetsSettled(page);
  assert.equal(await page.locator('.news-infographic[data-state="ready"]').count(), 10);
  await page.evaluate(() => {
    for (const chart of ['claims-check', 'champions-by-year']) {
      const s = document.createElement('script');
      s.src = '/www/embed.js';
      s.dataset.chart = chart;
      document.querySelector('main').append(s);
    }
  });
  // The new widgets sit at the end of the page: they wait until scrolled near.
  await page.waitForFunction(() => document.querySelectorAll('.news-infographic').length === 12);
  await wakeLazy(page);
  await page.waitForFunction(() => document.querySelectorAll('.news-infographic[data-state="ready"]').length === 12);
  const stats = await canvasStats(page);
  assert.equal(stats.length, 12, 'one canvas per single-chart widget');
  for (const s of stats) assert.ok(s.painted > 1000, `${s.chart} painted`);
  assert.equal(log.requests.filter((u) => u.endsWith('.wasm')).length, 1, 'the wasm is fetched once');
  assert.equal(log.requests.filter((u) => u.endsWith('news_infographic.js')).length, 1);
  const api = await page.evaluate(() => Object.keys(window).filter((k) => /infographic/i.test(k)));
  assert.deepEqual(api, ['NewsInfographic'], 'one global name');
  // Destroy one: its element, listeners and observers go; the others keep working.
  const removed = await page.evaluate(() => {
    const host = document.querySelectorAll('.news-infographic')[1];
    host.newsInfographic.destroy();
    return document.body.contains(host);
  });
  assert.equal(removed, false);
  assert.equal(await page.locator('.news-infographic[data-state="ready"]').count(), 11);
  const canvas = page.locator('.news-infographic').first().locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const b = await canvas.boundingBox();
  await page.mouse.move(b.x + b.width * 0.75, b.y + b.height * 0.7);
  await page.locator('.news-infographic').first().locator('[role="tooltip"]').waitFor({ state: 'visible' });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('strict CSP: the article works with zero violations', async () => {
  await withCsp(STRICT, async (e) => {
    const context = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordViolations(context);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const res = await page.goto(e.origin + '/www/');
    assert.equal(res.headers()['content-security-policy'], STRICT);
    await widgetsSettled(page);
    assert.equal(await page.getAttribute('.news-infographic', 'data-state'), 'ready');
    const stats = await canvasStats(page);
    assert.equal(stats.length, 4, 'the three story charts and the waffle');
    for (const s of stats) assert.ok(s.painted > 2000);
    // Interact too: tooltips set positions through the CSSOM, which CSP allows.
    await page.locator('figure[data-chart="champions-by-year"] canvas').scrollIntoViewIfNeeded();
    const box = await page.locator('figure[data-chart="champions-by-year"] canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.7);
    await page.locator('figure[data-chart="champions-by-year"] [role="tooltip"]').waitFor({ state: 'visible' });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    const cookies = await context.cookies();
    assert.deepEqual(cookies, [], 'no cookies');
    const storage = await page.evaluate(() => localStorage.length + sessionStorage.length);
    assert.equal(storage, 0, 'no storage');
    // A newsroom's own CSV and JSON data, inline and fetched, under the same policy.
    await page.goto(e.origin + '/www/examples/custom-data.html');
    await widgetsSettled(page);
    assert.equal(await page.locator('.news-infographic[data-state="ready"]').count(), 3);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

test('without wasm (CSP lacks wasm-unsafe-eval): the pre-rendered charts and tables, never a blank box', async () => {
  await withCsp(NO_WASM, async (e) => {
    const context = await e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(e.origin + '/www/');
    await widgetsSettled(page).catch(() => {});
    await page.waitForFunction(() => document.querySelector('.news-infographic')?.getAttribute('data-state') === 'fallback', null, { timeout: 20000 });
    const r = await page.evaluate(async () => {
      const root = document.querySelector('.news-infographic').shadowRoot;
      const imgs = [...root.querySelectorAll('img')];
      await Promise.all(imgs.map((i) => (i.complete ? null : new Promise((ok) => { i.onload = ok; i.onerror = ok; }))));
      return {
        imgs: imgs.map((i) => ({ w: i.naturalWidth, alt: i.alt })),
        tables: [...root.querySelectorAll('table')].map((t) => t.innerText),
      };
    });
    assert.equal(r.imgs.length, 3);
    for (const i of r.imgs) assert.ok(i.w > 300, 'the SVG loaded');
    assert.match(r.imgs[0].alt, /rose from 37 in 2021 to 53 in 2023/);
    assert.match(r.tables[0], /2023\s+53\s+15\s+38/);
    await context.close();
  });
});

test('custom CSV and JSON data render the right numbers', async () => {
  const { page, context, log } = await openPage(env, '/www/examples/custom-data.html', { width: 800 });
  await widgetsSettled(page);
  const tables = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')].map((h) =>
    [...h.shadowRoot.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent))));
  assert.deepEqual(tables[0], [['2021', '4', '33'], ['2023', '15', '38']], 'CSV, stacked by scope');
  assert.deepEqual(tables[1], [['Chemicals', '12', '14', ''], ['Textiles', '2', '', '6'], ['Aluminum', 'not reported', 'not reported', '']], 'JSON rows, grouped');
  assert.deepEqual(tables[2], [['2021', '37'], ['2023', '53']], 'inline CSV rendered into data-target');
  const target = await page.evaluate(() => document.getElementById('totals-chart').getAttribute('data-state'));
  assert.equal(target, 'ready');
  const host = page.locator('.news-infographic').first();
  await host.locator('canvas').scrollIntoViewIfNeeded();
  const b = await host.locator('canvas').boundingBox();
  // Horizontal stacked bars: 2021 above 2023. Look along the lower half for the 2023 bar.
  const tip = host.locator('[role="tooltip"]');
  let text = '';
  for (const fy of [0.45, 0.4, 0.5, 0.35, 0.55]) {
    for (const fx of [0.4, 0.6, 0.3, 0.7]) {
      await page.mouse.move(b.x + b.width * fx, b.y + b.height * fy);
      await page.waitForTimeout(80);
      text = (await tip.isVisible()) ? await tip.innerText() : '';
      if (/^2023$/m.test(text)) break;
    }
    if (/^2023$/m.test(text)) break;
  }
  // Drawn by the grammar engine: one tooltip per stacked segment, ending with the source.
  assert.match(text, /^2023$/m);
  assert.match(text, /^products: (15|38)$/m);
  assert.match(text, /^Source: Binzhou city reports impressive growth of champion products, 2024-02-19$/m);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('bad custom input shows an alert naming the field and row', async () => {
  const { page, context, log } = await openPage(env, '/www/examples/custom-data.html', { width: 800 });
  await widgetsSettled(page);
  await page.evaluate(() => {
    const data = document.createElement('script');
    data.type = 'text/csv';
    data.id = 'bad-csv';
    data.textContent = 'year,products\n2021,37\n2023,lots\n';
    const s = document.createElement('script');
    s.src = '../embed.js';
    s.dataset.chart = 'custom';
    s.dataset.src = '#bad-csv';
    s.dataset.spec = 'totals-spec';
    s.dataset.lazy = 'false'; // at the end of the page: mount without waiting to be scrolled near
    document.querySelector('main').append(data, s);
  });
  const alert = page.locator('[role="alert"]');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /row 2, field `products`: "lots" is not a number/);
  assert.equal(log.errors.length, 1);
  await context.close();
});

test('a million points as number columns: drawn, decimated, a table of the first 500 rows; a bad x names its row', async () => {
  const { page, context, log } = await openPage(env, '/www/examples/custom-data.html', { width: 800 });
  await widgetsSettled(page);
  const r = await page.evaluate(async () => {
    const n = 1000000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i;
      y[i] = i % 1000 === 999 ? NaN : (i * 7919) % 1000;
    }
    const el = document.createElement('div');
    document.querySelector('main').prepend(el);
    const spec = { kind: 'line', x: 't', y: 'v', title: 'A million points' };
    await window.NewsInfographic.mount(el, { chart: 'custom', spec, columns: { x, y } }).ready;
    const root = el.shadowRoot;
    const bad = document.createElement('div');
    document.querySelector('main').append(bad);
    x[4] = NaN;
    await window.NewsInfographic.mount(bad, { chart: 'custom', spec, columns: { x, y } }).ready;
    return {
      state: el.getAttribute('data-state'),
      rows: root.querySelectorAll('tbody tr').length,
      firstRow: [...root.querySelector('tbody tr').children].map((c) => c.textContent),
      summary: root.querySelector('.ni-summary').textContent,
      actions: [...root.querySelectorAll('.ni-action')].map((b) => b.textContent),
      badState: bad.getAttribute('data-state'),
      badAlert: bad.shadowRoot.querySelector('[role="alert"]').textContent,
    };
  });
  assert.equal(r.state, 'ready');
  assert.equal(r.rows, 500);
  assert.deepEqual(r.actions, ['Get the data', 'Download image (PNG)', 'Download image (SVG)'], 'no Embed: no snippet carries in-memory data');
  assert.deepEqual(r.firstRow, ['0', '0']);
  assert.match(r.summary, /^1000000 points\. From 0 at t = 0 to .* 1000 of 1000000 values are not reported\.$/);
  assert.equal(r.badState, 'error');
  assert.match(r.badAlert, /columns\.x, row 5`: is not a finite number/);
  assert.equal(log.errors.length, 1, log.errors.join('\n'));
  // The canvas is painted and a tooltip gives the range of a band's values.
  const host = page.locator('.news-infographic').first();
  await host.locator('canvas').scrollIntoViewIfNeeded();
  const b = await host.locator('canvas').boundingBox();
  await page.mouse.move(b.x + b.width * 0.4, b.y + b.height * 0.5);
  const tip = host.locator('[role="tooltip"]');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /0 – 999/);
  await context.close();
});

test('a 500,000-row CSV line chart (over the 5 MB of other charts) is read as number columns; a bar chart of it is summed as read and refused for its 500,000 bars', async () => {
  const { page, context, log } = await openPage(env, '/www/examples/custom-data.html', { width: 800 });
  await widgetsSettled(page);
  const r = await page.evaluate(async () => {
    const lines = ['t,v'];
    for (let i = 0; i < 500000; i++) lines.push(i % 5000 === 4 ? i + ',' : i + ',' + ((i * 7919) % 1000 - 400.25));
    const csv = lines.join('\n') + '\n';
    const holder = document.createElement('script');
    holder.type = 'text/csv';
    holder.id = 'big-csv';
    holder.textContent = csv;
    document.body.append(holder);
    const mount = async (spec) => {
      const el = document.createElement('div');
      document.querySelector('main').prepend(el);
      await window.NewsInfographic.mount(el, { chart: 'custom', spec, data: '#big-csv' }).ready.catch(() => {});
      return el;
    };
    const line = await mount({ kind: 'line', x: 't', y: 'v', title: 'Big file' });
    const bar = await mount({ kind: 'bar', x: 't', y: 'v' });
    return {
      bytes: csv.length,
      state: line.getAttribute('data-state'),
      summary: line.shadowRoot.querySelector('.ni-summary')?.textContent,
      firstRow: [...line.shadowRoot.querySelector('tbody tr').children].map((c) => c.textContent),
      canvas: line.shadowRoot.querySelector('canvas').width,
      barState: bar.getAttribute('data-state'),
      barAlert: bar.shadowRoot.querySelector('[role="alert"]')?.textContent,
    };
  });
  assert.ok(r.bytes > 5 * 1024 * 1024, `over the 5 MiB frame limit: ${r.bytes}`);
  assert.equal(r.state, 'ready');
  // Every 5,000th row has no v: 100 of 500,000 not reported; the first point is (0, -400.25).
  assert.match(r.summary, /^500000 points\. From -400\.25 at t = 0 .* 100 of 500000 values are not reported\.$/);
  assert.deepEqual(r.firstRow, ['0', '-400.25']);
  assert.ok(r.canvas > 0);
  assert.equal(r.barState, 'error');
  assert.match(r.barAlert, /spec\.x \(`t`\)`: has 500000 different values; this chart shows at most 250/);
  assert.equal(log.errors.length, 1, log.errors.join('\n'));
  await context.close();
});

test('a 300,000-row CSV (past the 100,000 rows of the row-by-row reader) of a stacked-column chart is summed as it is read: its sums, its note on rows not drawn', async () => {
  const { page, context, log } = await openPage(env, '/www/examples/custom-data.html', { width: 800 });
  await widgetsSettled(page);
  const r = await page.evaluate(async () => {
    // 4 years x 3 regions; every row's value is 1 except every 10,000th, left empty.
    const regions = ['North', 'South', 'East'];
    const lines = ['year,region,value'];
    for (let i = 0; i < 300000; i++) lines.push(`${2020 + (i % 4)},${regions[Math.floor(i / 4) % 3]},${i % 10000 === 9999 ? '' : 1}`);
    const holder = document.createElement('script');
    holder.type = 'text/csv';
    holder.id = 'sums-csv';
    holder.textContent = lines.join('\n') + '\n';
    document.body.append(holder);
    const el = document.createElement('div');
    document.querySelector('main').prepend(el);
    const spec = { kind: 'stacked-column', x: 'year', y: 'value', color: 'region', title: 'Summed as read' };
    await window.NewsInfographic.mount(el, { chart: 'custom', spec, data: '#sums-csv' }).ready.catch(() => {});
    const root = el.shadowRoot;
    return {
      state: el.getAttribute('data-state'),
      rows: [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      caption: root.querySelector('figcaption')?.textContent,
    };
  });
  assert.equal(r.state, 'ready');
  // 300,000 rows, 30 of them empty (every 10,000th: year 2023, each region in turn). Each
  // year and region sums 25,000 ones; a sum with a member not reported is not reported, as
  // for a small file: 2023's three.
  const cells = r.rows.flat().join(' ');
  assert.match(cells, /25,000|25000/, cells);
  assert.match(r.caption, /25000/, r.caption);
  assert.match(r.caption, /3 of 12 values are not reported/, r.caption);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('reader exports: CSV of what the chart shows, PNG at 2x, SVG, embed code', async () => {
  const { page, context } = await openPage(env, '/www/examples/champions-by-industry.html', { width: 800 });
  await widgetsSettled(page);
  const fig = page.locator('figure[data-chart="champions-by-industry"]');
  const grab = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name }).click()]);
    return { file: dl.suggestedFilename(), body: readFileSync(await dl.path()) };
  };
  const csv = await grab('Get the data');
  assert.equal(csv.file, 'champions-by-industry.csv');
  const lines = csv.body.toString('utf8').replace(/^\ufeff/, '').split('\r\n');
  assert.equal(lines[0], 'Industry,2021,2023 (or latest),Change (computed)');
  assert.equal(lines[2], 'Textiles,2,6 (2024),+4 (+200%)');
  assert.equal(lines.length >= 10, true);
  assert.ok(lines.some((l) => l.includes('Binzhou city reports impressive growth of champion products') && l.includes('2024-02-19')), 'source line');
  const png = await grab('Download image (PNG)');
  assert.equal(png.file, 'champions-by-industry.png');
  assert.equal(png.body.subarray(1, 4).toString(), 'PNG');
  const width = png.body.readUInt32BE(16);
  const cssWidth = await page.evaluate(() => document.querySelector('.news-infographic').clientWidth);
  assert.equal(width, cssWidth * 2, 'PNG at twice the CSS width');
  const svg = await grab('Download image (SVG)');
  const text = svg.body.toString('utf8');
  assert.match(text, /^<svg/);
  assert.match(text, /\n6 \(2024\)\n/);
  assert.equal((text.match(/\nnot reported\n/g) || []).length, 6);
  await fig.getByRole('button', { name: 'Embed' }).click();
  const code = await fig.locator('textarea').inputValue();
  assert.match(code, /^<script src="http:\/\/127\.0\.0\.1:\d+\/www\/embed\.js" data-chart="champions-by-industry" async><\/script>$/);
  await context.close();
});

test('no layout shift while the widget loads: on screen or below it, with a late stylesheet', async () => {
  // The article's widget starts below the fold at both widths. In the passes with `scroll`, the
  // reader scrolls to it while it loads, so whatever moves inside it counts; in those with a
  // `delay`, embed.css arrives late (a slow network, a busy phone), and the widget must show
  // nothing unstyled that then moves when the sheet lands.
  const passes = [];
  // Scrolling to the widget while it loads (scroll: true) caught the unstyled frame fixed in
  // 1bbf085. It once failed at 1280 px with article paragraphs moving (score 0.44): the
  // overview then grew from its 1600 px reservation to its drawn height while on screen. Its
  // first pixels (widget/first.js) now give it its final height before the wasm is there.
  for (const width of [375, 1280]) for (const scroll of [false, true]) for (const delay of [0, 600]) passes.push({ width, scroll, delay });
  for (const { width, scroll, delay } of passes) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 } });
    if (delay) {
      await context.route('**/embed.css', async (route) => {
        await new Promise((r) => setTimeout(r, delay));
        await route.continue();
      });
    }
    await recordShifts(context);
    const page = await context.newPage();
    await page.goto(env.origin + '/www/');
    if (scroll) await page.evaluate(() => document.querySelector('.news-infographic').scrollIntoView());
    // Widgets far below (the article's waffle) wait, lazy, until the reader nears them.
    await page.waitForFunction(() => [...document.querySelectorAll('.news-infographic')]
      .filter((h) => h.getAttribute('data-state') !== 'lazy')
      .every((h) => ['ready', 'error'].includes(h.getAttribute('data-state'))), null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
    assert.equal(cls, 0, `layout-shift score at ${width}px (scrolled: ${scroll}, embed.css delayed ${delay} ms); shifts: ${shifts.join('; ')}`);
    await context.close();
  }
});
