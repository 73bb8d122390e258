// The newsroom kinds' gallery (www/examples/gallery.html), end to end in Chromium: one chart of
// every kind, each drawn, with its tooltip, keyboard steps with announcements, table and no
// error, at phone and desktop widths; screenshots in screenshots/gallery-<width>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setUp, openPage, widgetsSettled, canvasStats, repo, screenshots } from './harness.mjs';

const KINDS = ['column', 'diverging-column', 'stacked-column', 'bar', 'area', 'stacked-area', 'scatter', 'bubble',
  'histogram', 'pie', 'donut', 'dumbbell', 'arrow', 'slope', 'waffle', 'small-multiples',
  'small-multiples-donut'];
let env;
before(async () => { env = await setUp({ root: repo }); });
after(async () => { await env?.close(); });

for (const width of [375, 1280]) {
  test(`gallery at ${width}px: every kind drawn, no errors, no horizontal scrolling`, async () => {
    const { page, log } = await openPage(env, '/www/examples/gallery.html', { width });
    await widgetsSettled(page);
    const states = await page.evaluate(() => [...document.querySelectorAll('section.gallery-kind')].map((s) => ({
      id: s.id.replace('kind-', ''),
      state: s.querySelector('.news-infographic')?.getAttribute('data-state'),
      alert: s.querySelector('.news-infographic')?.shadowRoot.querySelector('[role="alert"]')?.textContent || '',
    })));
    assert.deepEqual(states.map((s) => s.id), KINDS);
    for (const s of states) assert.equal(s.state, 'ready', `${s.id}: ${s.state} ${s.alert}`);
    const stats = await canvasStats(page);
    assert.equal(stats.length, KINDS.length);
    stats.forEach((s, i) => assert.ok(s.painted > 1500, `${KINDS[i]}: ${s.painted} painted pixels`));
    const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollW <= width, `no horizontal scrolling: ${scrollW}`);
    assert.deepEqual(log.errors, []);
    await page.screenshot({ path: path.join(screenshots, `gallery-${width}.png`), fullPage: true });
  });
}

/** The widget of one gallery kind. */
const host = (page, kind) => page.locator(`#kind-${kind} .news-infographic`);

test('the waffle: keyboard steps announce the first squares as first in the world, the last as first in China only', async () => {
  const { page } = await openPage(env, '/www/examples/gallery.html', { width: 1280 });
  await widgetsSettled(page);
  const canvas = host(page, 'waffle').locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  const live = host(page, 'waffle').locator('[aria-live]').first();
  await page.keyboard.press('Home');
  await page.waitForFunction((el) => /First in the world/.test(el.textContent), await live.elementHandle());
  assert.match(await live.textContent(), /squares: 15/);
  await page.keyboard.press('End');
  await page.waitForFunction((el) => /First in China only/.test(el.textContent), await live.elementHandle());
  assert.match(await live.textContent(), /squares: 38/);
  const stops = await host(page, 'waffle').evaluate((h) => h.__niHandle?.items?.length ?? null);
  if (stops !== null) assert.equal(stops, 53);
});

test('pie tooltip gives value and printed share; donut Other lists what it holds', async () => {
  const { page } = await openPage(env, '/www/examples/gallery.html', { width: 1280 });
  await widgetsSettled(page);
  for (const [kind, want] of [['pie', /share of products \(%\)\D*72/], ['donut', /holds\W*Livestock, Other crafts, Health|holds\W*Livestock/]]) {
    const canvas = host(page, kind).locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.focus();
    const live = host(page, kind).locator('[aria-live]').first();
    const texts = [];
    await page.keyboard.press('Home');
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(50);
      texts.push(await live.textContent());
      await page.keyboard.press('ArrowRight');
    }
    assert.ok(texts.some((t) => want.test(t)), `${kind}: ${texts.join(' | ')}`);
  }
});

test('dumbbell and arrow write the change; the table lists every value', async () => {
  const { page } = await openPage(env, '/www/examples/gallery.html', { width: 1280 });
  await widgetsSettled(page);
  const summary = await host(page, 'arrow').evaluate((h) => h.shadowRoot.querySelector('figure').textContent);
  assert.match(summary, /From 2021 to 2023/);
  const button = host(page, 'dumbbell').getByRole('button', { name: /table/i }).first();
  await button.click();
  const table = await host(page, 'dumbbell').evaluate((h) => h.shadowRoot.querySelector('table').textContent);
  for (const v of ['37', '53', '4', '15', '33', '38']) assert.ok(table.includes(v), `table has ${v}: ${table}`);
});

test('small multiples: one panel per scope; the keyboard steps on into the second panel and says which; the table has the scope', async () => {
  const { page, log } = await openPage(env, '/www/examples/gallery.html', { width: 1280 });
  await widgetsSettled(page);
  const h = host(page, 'small-multiples');
  const canvas = h.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  const live = h.locator('[aria-live]').first();
  await page.keyboard.press('Home');
  await page.waitForFunction((el) => /First in the world/.test(el.textContent), await live.elementHandle());
  assert.match(await live.textContent(), /\b4\b/);
  await page.keyboard.press('End');
  await page.waitForFunction((el) => /First in China only/.test(el.textContent), await live.elementHandle());
  assert.match(await live.textContent(), /2023/);
  assert.match(await live.textContent(), /\b38\b/);
  await h.getByRole('button', { name: /table/i }).first().click();
  const rows = await h.evaluate((x) => [...x.shadowRoot.querySelectorAll('table tr')].map((r) => r.textContent));
  assert.equal(rows.length, 5, `a header and four rows: ${rows.join(' | ')}`);
  assert.match(rows[0], /scope/);
  assert.ok(rows.some((r) => /First in China only/.test(r) && /38/.test(r)), rows.join(' | '));
  assert.deepEqual(log.errors, []);
});

test('small multiples of donuts: each year a whole of its own; the keyboard and the table say which year', async () => {
  const { page, log } = await openPage(env, '/www/examples/gallery.html', { width: 1280 });
  await widgetsSettled(page);
  const h = host(page, 'small-multiples-donut');
  const canvas = h.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  const live = h.locator('[aria-live]').first();
  // 2021: 33 of 37 first in China only (89 %), the largest slice first.
  await page.keyboard.press('Home');
  await page.waitForFunction((el) => /2021/.test(el.textContent), await live.elementHandle());
  assert.match(await live.textContent(), /First in China only/);
  assert.match(await live.textContent(), /\b89\b/);
  await page.keyboard.press('End');
  await page.waitForFunction((el) => /2023/.test(el.textContent), await live.elementHandle());
  // 2023: 15 of 53 first in the world: 28 %.
  assert.match(await live.textContent(), /First in the world/);
  assert.match(await live.textContent(), /\b28\b/);
  await h.getByRole('button', { name: /table/i }).first().click();
  const rows = await h.evaluate((x) => [...x.shadowRoot.querySelectorAll('table tr')]
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent.trim())));
  // One row per year and scope, the year first: the numbers the donuts are made of.
  assert.deepEqual(rows[0], ['year', 'scope', 'products']);
  assert.deepEqual(rows.slice(1).map((r) => r.join(' ')).sort(),
    ['2021 First in China only 33', '2021 First in the world 4', '2023 First in China only 38', '2023 First in the world 15']);
  assert.deepEqual(log.errors, []);
});
