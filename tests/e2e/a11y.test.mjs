// Accessibility checks in Chromium (playwright-core): axe-core on the article in light and dark
// and on the Chinese page, with zero violations, and the widget's own structure (figure, table,
// names) as a screen reader sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setUp, openPage, widgetsSettled, wakeLazy } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
}

const PAGES = [
  ['/', 'light', 1280],
  ['/', 'dark', 1280],
  ['/', 'light', 320],
  ['/zh.html', 'light', 1280],
  ['/zh.html', 'dark', 375],
  ['/examples/claims-check.html', 'light', 640],
  ['/examples/vega-lite.html', 'light', 1280],
  ['/examples/vega-lite.html', 'dark', 375],
  ['/frame.html?chart=champions-by-year', 'dark', 375],
  ['/charts/vega-lite-stacked.zh.html', 'light', 640],
];

for (const [url, scheme, width] of PAGES) {
  test(`axe-core: ${url} in ${scheme} at ${width}px has no violations`, async () => {
    const { page, context, log } = await openPage(env, url, { width, colorScheme: scheme });
    await widgetsSettled(page);
    const theme = await page.evaluate(() => document.querySelector('.news-infographic').shadowRoot.querySelector('.ni-root').dataset.theme);
    assert.equal(theme, scheme, 'the widget follows prefers-color-scheme');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('each chart is a named figure with a summary, a source, a role=img canvas and a data table', async () => {
  const { page, context } = await openPage(env, '/', { width: 1280 });
  await widgetsSettled(page);
  const figs = await page.evaluate(() => [...document.querySelector('.news-infographic').shadowRoot.querySelectorAll('figure')].map((f) => {
    const c = f.querySelector('canvas');
    const t = f.querySelector('table');
    return {
      chart: f.dataset.chart,
      title: f.querySelector('.ni-title').textContent,
      label: c.getAttribute('aria-label'),
      role: c.getAttribute('role'),
      tab: c.tabIndex,
      caption: f.querySelector('figcaption').textContent,
      head: [...t.querySelectorAll('thead th')].map((x) => x.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((x) => x.textContent)),
    };
  }));
  assert.equal(figs.length, 3);
  for (const f of figs) {
    assert.equal(f.role, 'img');
    assert.equal(f.tab, 0);
    assert.ok(f.label.startsWith(f.title), f.label);
    assert.match(f.caption, /2024-02-19/);
  }
  assert.match(figs[0].label, /rose from 37 in 2021 to 53 in 2023 \(\+43\.2%\)/);
  assert.deepEqual(figs[0].rows, [['2021', '37', '4', '33', '10.8%'], ['2023', '53', '15', '38', '28.3%']]);
  assert.equal(figs[1].rows.length, 8);
  assert.deepEqual(figs[1].rows[1], ['Textiles', '2', '6 (2024)', '+4 (+200%)']);
  assert.deepEqual(figs[1].rows[5].slice(1), ['not reported', 'not reported', 'not reported']);
  assert.match(figs[2].rows[0].join(' | '), /\+30% \| \+43\.2% \| ✗ Does not match/);

  // "Show as table" reveals the table for sighted readers, and hides it again.
  const toggle = page.locator('figure[data-chart="champions-by-industry"] button.ni-toggle');
  const table = page.locator('figure[data-chart="champions-by-industry"] .ni-table-wrap');
  const width = () => table.evaluate((t) => t.getBoundingClientRect().width);
  assert.ok((await width()) <= 1, 'visually hidden until asked for');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok((await width()) > 200);
  assert.equal(await toggle.textContent(), 'Hide table');
  await toggle.click();
  assert.ok((await width()) <= 1);
  await context.close();
});

test('data-theme on the script tag overrides the reader\'s colour scheme', async () => {
  const { page, context } = await openPage(env, '/examples/champions-by-year.html', { width: 640, colorScheme: 'light' });
  await widgetsSettled(page);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.src = '../embed.js';
    s.dataset.chart = 'champions-by-year';
    s.dataset.theme = 'dark';
    document.querySelector('main').append(s);
  });
  await wakeLazy(page);
  await page.waitForFunction(() => document.querySelectorAll('.news-infographic[data-state="ready"]').length === 2);
  const themes = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')].map((h) => h.shadowRoot.querySelector('.ni-root').dataset.theme));
  assert.deepEqual(themes, ['light', 'dark']);
  // Switching the reader's scheme re-themes the first widget only.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.querySelector('.news-infographic').shadowRoot.querySelector('.ni-root').dataset.theme === 'dark');
  const bg = await page.evaluate(() => {
    const c = document.querySelector('.news-infographic').shadowRoot.querySelector('canvas');
    return [...c.getContext('2d').getImageData(1, 1, 1, 1).data];
  });
  assert.deepEqual(bg.slice(0, 3), [24, 26, 31], 'canvas redrawn in the dark palette');
  await context.close();
});
