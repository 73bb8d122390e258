// Vega-Lite charts in the widget: every mark kind of the example page drawn in Chromium,
// Firefox and WebKit (WebDriver), with tooltips from the core's hit-testing and keyboard steps;
// in Chromium (playwright) a strict CSP, the data export, the embed API with a spec object, and
// bad specs shown as an alert that names the JSON path.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { Key } from 'selenium-webdriver';
import { startServer } from '../../scripts/serve.mjs';
import { ENGINES, startEngine, Tab } from './webdriver.mjs';
import { repo, screenshots, setUp, openPage, widgetsSettled } from './harness.mjs';

const PAGE = '/www/examples/vega-lite.html';
const SPECS = ['bar', 'stacked', 'donut', 'line', 'area', 'heatmap', 'points', 'rule', 'tick', 'window', 'facet', 'concat', 'inline'];

// For each widget: state, painted pixels of its canvas, backing size against CSS size x DPR.
const STATS = `
  return [...document.querySelectorAll('.news-infographic')].map((h) => {
    const c = h.shadowRoot.querySelector('canvas');
    const alert = h.shadowRoot.querySelector('[role="alert"]');
    if (!c) return { state: h.getAttribute('data-state'), alert: alert ? alert.textContent : null };
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) painted++;
    }
    return { state: h.getAttribute('data-state'), chart: h.shadowRoot.querySelector('figure').dataset.chart,
      painted, w: c.width, cssW: c.getBoundingClientRect().width, dpr: devicePixelRatio };
  });`;

let server;
let origin;
before(async () => {
  server = await startServer({ root: repo, port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(async () => { await new Promise((r) => server.close(r)); });

for (const engine of ENGINES) {
  describe(`vega-lite in ${engine}`, () => {
    let session;
    let tab;
    before(async () => {
      session = await startEngine(engine);
      tab = new Tab(session, origin);
    });
    after(async () => { await session?.stop(); });

    for (const width of [1280, 375]) {
      test(`every mark kind is drawn at ${width}px, crisp, without overflow`, async () => {
        assert.equal(await tab.open(PAGE, width), width);
        await tab.settled();
        const stats = await tab.eval(STATS);
        assert.equal(stats.length, SPECS.length);
        stats.forEach((s, i) => {
          assert.equal(s.state, 'ready', `${SPECS[i]}: ${s.alert}`);
          assert.equal(s.chart, 'vega-lite');
          assert.ok(s.painted > 400, `${SPECS[i]}: ${s.painted} painted pixels`);
          assert.equal(s.w, Math.round(s.cssW * s.dpr), `${SPECS[i]}: canvas is CSS width x devicePixelRatio`);
        });
        const scrollW = await tab.eval('return document.documentElement.scrollWidth');
        assert.ok(scrollW <= width, `no horizontal scrolling: ${scrollW}`);
        await tab.screenshot(path.join(screenshots, `vega-lite-${engine}-${width}.png`));
      });
    }

    test('hover over the 2023 bar shows its value from the data; keyboard steps announce each bar', async () => {
      await tab.open(PAGE, 1280);
      await tab.settled();
      // Scroll, then measure after two animation frames (WebKit settles the scroll late).
      const box = await session.driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        const c = document.querySelector('.news-infographic').shadowRoot.querySelector('canvas');
        c.scrollIntoView({ block: 'center' });
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const r = c.getBoundingClientRect();
          done({ x: r.left, y: r.top, width: r.width, height: r.height });
        }));`);
      let tip = null;
      const shown = async () => {
        tip = await tab.eval(`const t = document.querySelector('.news-infographic').shadowRoot.querySelector('[role="tooltip"]'); return t && !t.hidden ? t.innerText : null;`);
        return tip && /53/.test(tip);
      };
      // A first move can land before the page has its pointer listeners' layout; move twice.
      for (const dx of [0.72, 0.74]) {
        await tab.hover(box.x + box.width * dx, box.y + box.height * 0.75);
        try {
          await session.driver.wait(shown, 3000);
          break;
        } catch {
          // try the second position
        }
      }
      assert.ok(tip && /53/.test(tip), `tooltip over the 2023 bar: ${JSON.stringify(tip)}`);
      assert.match(tip, /2023/);
      await tab.eval(`document.querySelector('.news-infographic').shadowRoot.querySelector('canvas').focus()`);
      await session.driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      const live = () => tab.eval(`return document.querySelector('.news-infographic').shadowRoot.querySelector('[aria-live]').textContent`);
      assert.match(await live(), /2021.*37/);
      await session.driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      assert.match(await live(), /2023.*53/);
    });
  });
}

describe('vega-lite in chromium (playwright)', () => {
  const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  let env;
  before(async () => { env = await setUp({ root: repo, headers: { 'Content-Security-Policy': STRICT } }); });
  after(async () => { await env?.close(); });

  test('under a strict CSP every chart draws with no violation and no console error', async () => {
    const { page, context, log } = await openPage(env, PAGE, { width: 900 });
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    });
    await page.reload();
    await widgetsSettled(page);
    const states = await page.evaluate(() => [...document.querySelectorAll('.news-infographic')].map((h) => h.getAttribute('data-state')));
    assert.deepEqual(states, SPECS.map(() => 'ready'));
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('"Get the data" writes one row per mark with its fields after the transforms', async () => {
    const { page, context } = await openPage(env, PAGE, { width: 900 });
    await widgetsSettled(page);
    const host = page.locator('.news-infographic').nth(1); // stacked: calculate + fold
    const [dl] = await Promise.all([page.waitForEvent('download'), host.getByRole('button', { name: 'Get the data' }).click()]);
    assert.equal(dl.suggestedFilename(), 'stacked.csv');
    const lines = readFileSync(await dl.path(), 'utf8').replace(/^\ufeff/, '').split('\r\n');
    assert.equal(lines[0], 'Year,Products,Ranked first');
    // 37 - 4 = 33 national-only products in 2021, 53 - 15 = 38 in 2023, computed by the engine.
    assert.ok(lines.includes('2021,33,national only'), lines.join('\n'));
    assert.ok(lines.includes('2023,38,national only'), lines.join('\n'));
    assert.ok(lines.includes('2023,15,global'), lines.join('\n'));
    await context.close();
  });

  test('the Vega-Lite catalogue in the browser: each entry a drawn chart or an alert naming its path', async () => {
    const entries = JSON.parse(readFileSync(path.join(repo, 'tests/fixtures/vega-lite/catalogue.json'), 'utf8'));
    const { page, context, log } = await openPage(env, PAGE, { width: 640 });
    await widgetsSettled(page);
    const results = await page.evaluate(async (list) => {
      const out = [];
      for (const e of list) {
        const el = document.createElement('div');
        document.querySelector('main').append(el);
        const h = NewsInfographic.mount(el, { chart: 'vega-lite', spec: e.spec });
        await h.ready;
        const alert = el.shadowRoot.querySelector('[role="alert"]');
        const c = el.shadowRoot.querySelector('canvas');
        out.push({ id: e.id, state: el.getAttribute('data-state'), alert: alert ? alert.textContent : '', canvas: c ? c.width : 0 });
        h.destroy();
      }
      return out;
    }, entries);
    let errors = 0;
    entries.forEach((e, i) => {
      const r = results[i];
      if (e.expect === 'ok') {
        assert.equal(r.state, 'ready', `${e.id}: ${r.alert}`);
        assert.ok(r.canvas > 0, `${e.id}: drawn`);
      } else {
        errors++;
        assert.equal(r.state, 'error', `${e.id} should be refused`);
        assert.ok(r.alert.includes(e.expect), `${e.id}: alert ${JSON.stringify(r.alert)} lacks ${JSON.stringify(e.expect)}`);
      }
    });
    // One console error per refused spec (the message the alert shows), nothing else.
    assert.equal(log.errors.filter((m) => m.startsWith('news-infographic: ')).length, errors);
    await context.close();
  });

  test('every differential spec (each mark, transform and scale kind vega was compared on) draws in the widget', async () => {
    const dir = path.join(repo, 'tests/differential/specs');
    const names = readdirSync(dir).filter((f) => f.endsWith('.vl.json'));
    const specs = names.map((f) => ({ name: f, spec: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
    assert.ok(specs.length >= 45, `${specs.length} specs`);
    const { page, context, log } = await openPage(env, PAGE, { width: 640 });
    await widgetsSettled(page);
    const results = await page.evaluate(async (list) => {
      const out = [];
      for (const { name, spec } of list) {
        const el = document.createElement('div');
        document.querySelector('main').append(el);
        const h = NewsInfographic.mount(el, { chart: 'vega-lite', spec });
        await h.ready;
        const c = el.shadowRoot.querySelector('canvas');
        let painted = 0;
        if (c) {
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
          for (let i = 0; i < data.length; i += 16) {
            if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) painted++;
          }
        }
        const alert = el.shadowRoot.querySelector('[role="alert"]');
        out.push({ name, state: el.getAttribute("data-state"), painted, alert: alert ? alert.textContent : "" });
        h.destroy();
      }
      return out;
    }, specs);
    for (const r of results) {
      assert.equal(r.state, 'ready', `${r.name}: ${r.alert}`);
      assert.ok(r.painted > 100, `${r.name}: ${r.painted} painted samples`);
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('NewsInfographic.mount takes a spec object; bad specs get an alert naming the JSON path', async () => {
    const { page, context, log } = await openPage(env, PAGE, { width: 900 });
    await widgetsSettled(page);
    const results = await page.evaluate(async () => {
      const out = [];
      const specs = [
        { data: { values: [{ a: 'x', b: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative', scale: { type: 'sequential' } } } },
        { data: { values: [{ a: 1 }] }, mark: 'image', encoding: { x: { field: 'a', type: 'quantitative' } } },
        { data: { values: [{ a: 1 }] }, mark: 'point', transform: [{ filter: 'datum.a > ' }] },
        { data: { values: [{ a: 'x', b: 2 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } },
      ];
      for (const spec of specs) {
        const el = document.createElement('div');
        document.querySelector('main').append(el);
        const h = NewsInfographic.mount(el, { chart: 'vega-lite', spec });
        await h.ready;
        const alert = el.shadowRoot.querySelector('[role="alert"]');
        out.push({ state: el.getAttribute('data-state'), alert: alert ? alert.textContent : '' });
      }
      return out;
    });
    assert.match(results[0].alert, /unsupported at `encoding\.y\.scale\.type`: "sequential" \(supported: /);
    assert.match(results[1].alert, /unsupported at `mark`: mark "image" is not supported yet/);
    assert.match(results[2].alert, /invalid expression at `transform\[0\]\.filter` \(character \d+\)/);
    assert.equal(results[3].state, 'ready');
    assert.equal(log.errors.length, 3, log.errors.join('\n'));
    await context.close();
  });

  test('honest-chart warnings: in the console once per widget and on handle.warnings(), never on the page', async () => {
    const { page, context, log } = await openPage(env, PAGE, { width: 900 });
    const warned = [];
    page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('news-infographic: ')) warned.push(m.text()); });
    await widgetsSettled(page);
    const r = await page.evaluate(async () => {
      const mk = async (spec) => {
        const el = document.createElement('div');
        document.querySelector('main').append(el);
        const h = NewsInfographic.mount(el, { chart: 'vega-lite', spec });
        await h.ready;
        return { el, h };
      };
      const values = [{ k: 'a', v: 80 }, { k: 'b', v: 90 }];
      const bad = await mk({ data: { values }, mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative', scale: { domain: [70, 100] } } } });
      const good = await mk({ data: { values }, mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } });
      window.__bad = bad;
      return { warnings: bad.h.warnings(), good: good.h.warnings(), text: bad.el.shadowRoot.textContent };
    });
    // The reader's colour scheme changes: the widget rebuilds, and warns no second time.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => window.__bad.el.shadowRoot.querySelector('.ni-root')?.dataset.theme === 'dark');
    r.after = await page.evaluate(() => window.__bad.h.warnings().length);
    assert.deepEqual(r.warnings.map((w) => [w.code, w.path]), [['zero-baseline', 'encoding.y.scale']]);
    assert.match(r.warnings[0].message, /from 70 to 100, not from zero.*Fix:/);
    assert.equal(r.after, 1, 'the rebuilt chart still has its warning');
    assert.deepEqual(r.good, []);
    assert.ok(!/zero-baseline|not from zero/.test(r.text), 'readers never see it');
    const mine = warned.filter((t) => t.includes('zero-baseline'));
    assert.equal(mine.length, 1, `once per chart: ${warned.join(' | ')}`);
    assert.match(mine[0], /^news-infographic: zero-baseline at `encoding\.y\.scale`: bars on a scale from 70 to 100/);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});
