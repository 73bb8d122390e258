// The reader-facing end-to-end checks, run in Chromium, Firefox and WebKit through WebDriver.
// Each engine's checks run in one session; a summary per engine closes the run, and an engine
// that cannot start fails it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';
import { ENGINES, startEngine, Tab } from './webdriver.mjs';
import { repo, screenshots } from './harness.mjs';

const CHARTS = ['champions-by-year', 'champions-by-industry', 'claims-check'];
const results = Object.fromEntries(ENGINES.map((e) => [e, { ran: 0, passed: 0 }]));
let server;
let origin;

before(async () => {
  server = await startServer({ root: repo, port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${server.address().port}`;
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await new Promise((r) => server.close(r));
  const lines = ENGINES.map((e) => `${e.padEnd(9)} ${results[e].passed} passed, ${results[e].ran - results[e].passed} failed (of ${results[e].ran} checks)`);
  console.log(['', 'End-to-end checks per engine:', ...lines].join('\n'));
});

const PAINTED = `
  const out = [];
  for (const host of document.querySelectorAll('.news-infographic')) {
    for (const fig of host.shadowRoot.querySelectorAll('figure')) {
      const c = fig.querySelector('canvas');
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) painted++;
      }
      out.push({ chart: fig.dataset.chart, cssW: c.getBoundingClientRect().width, w: c.width, dpr: devicePixelRatio, painted });
    }
  }
  return out;`;

for (const engine of ENGINES) {
  describe(engine, () => {
    let session;
    let tab;
    before(async () => {
      session = await startEngine(engine);
      tab = new Tab(session, origin);
    });
    after(async () => { await session?.stop(); });

    const check = (name, fn) => test(name, async () => {
      results[engine].ran++;
      await fn();
      results[engine].passed++;
    });

    for (const width of [1280, 375]) {
      check(`article at ${width}px: key figures, three painted charts, sources, no overflow`, async () => {
        const inner = await tab.open('/www/', width);
        assert.equal(inner, width);
        await tab.settled();
        assert.equal(await tab.eval("return document.querySelector('.news-infographic').getAttribute('data-state')"), 'ready');
        const stats = await tab.eval(PAINTED);
        assert.deepEqual(stats.map((s) => s.chart), CHARTS);
        for (const s of stats) {
          assert.ok(s.painted > 2000, `${s.chart}: ${s.painted} painted pixels`);
          assert.equal(s.w, Math.round(s.cssW * s.dpr), `${s.chart}: canvas is CSS width x devicePixelRatio`);
        }
        const figures = await tab.eval(`return [...document.querySelector('.news-infographic').shadowRoot.querySelectorAll('.ni-figure-value')].map((e) => e.textContent)`);
        assert.deepEqual(figures, ['53', '15', '28.3%']);
        const caption = await tab.eval(`return document.querySelector('.news-infographic').shadowRoot.querySelector('figcaption').textContent`);
        assert.match(caption, /Binzhou city reports impressive growth of champion products/);
        const scrollW = await tab.eval('return document.documentElement.scrollWidth');
        assert.ok(scrollW <= width, `no horizontal scrolling: ${scrollW}`);
        await tab.eval(`document.querySelector('.news-infographic').scrollIntoView()`);
        await tab.screenshot(path.join(screenshots, `${engine}-${width}.png`));
      });
    }

    check('hover: the 2023 bar shows 53, 15 and 38; 2021 shows 37; leaving hides it', async () => {
      await tab.open('/www/', 1280);
      await tab.settled();
      const b = await tab.canvasBox('champions-by-year');
      await tab.hover(b.x + b.width * 0.75, b.y + b.height * 0.7);
      const text = await tab.waitTooltip('champions-by-year', /53 champion products/, '2023 bar');
      assert.match(text, /^2023$/m);
      assert.match(text, /^15 first in the world$/m);
      assert.match(text, /^38 first in China only/m);
      await tab.hover(b.x + b.width * 0.3, b.y + b.height * 0.7);
      await tab.waitTooltip('champions-by-year', /^37 champion products/m, '2021 bar');
      await tab.hover(b.x + b.width * 0.5, b.y - 40);
      await tab.waitTooltip('champions-by-year', null, 'after leaving the canvas');
    });

    check('tap: a tap pins the tooltip, a tap elsewhere dismisses it', async () => {
      await tab.open('/www/', 480);
      await tab.settled();
      const b = await tab.canvasBox('champions-by-industry');
      // Second row: textiles, about 80-124 px below the canvas top.
      await tab.tap(b.x + b.width * 0.6, b.y + 100);
      const text = await tab.waitTooltip('champions-by-industry', /^Textiles$/m, 'tap on textiles');
      assert.match(text, /^2024: 6$/m);
      await tab.tap(b.x + b.width * 0.5, b.y - 30);
      await tab.waitTooltip('champions-by-industry', null, 'tap outside');
    });

    for (const chart of CHARTS) {
      check(`${chart} embedded on its own`, async () => {
        await tab.open(`/www/examples/${chart}.html`, 640);
        await tab.settled();
        const stats = await tab.eval(PAINTED);
        assert.deepEqual(stats.map((s) => s.chart), [chart]);
        assert.ok(stats[0].painted > 2000);
      });
    }

    check('a bad chart name shows an alert naming the problem', async () => {
      await tab.open('/www/examples/champions-by-year.html', 640);
      await tab.settled();
      await tab.eval(`
        const s = document.createElement('script');
        s.src = '../embed.js';
        s.dataset.chart = 'pie-chart';
        document.querySelector('main').append(s);`);
      let text = null;
      await session.driver.wait(async () => {
        text = await tab.eval(`
          const a = [...document.querySelectorAll('.news-infographic')].map((h) => h.shadowRoot.querySelector('[role="alert"]')).find(Boolean);
          return a ? a.textContent : null;`);
        return text !== null;
      }, 10000);
      assert.match(text, /unknown chart "pie-chart"/);
      const states = await tab.eval(`return [...document.querySelectorAll('.news-infographic')].map((h) => h.getAttribute('data-state'))`);
      assert.deepEqual(states, ['ready', 'error'], 'the other widget keeps working');
    });
  });
}

test('every engine ran its checks', () => {
  for (const e of ENGINES) {
    assert.ok(results[e].ran >= 8, `${e}: only ${results[e].ran} checks ran`);
    assert.equal(results[e].passed, results[e].ran, `${e}: ${results[e].ran - results[e].passed} checks failed`);
  }
});
