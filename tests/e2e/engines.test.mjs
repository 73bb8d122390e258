// The reader-facing end-to-end checks, run in Chromium, Firefox and WebKit through WebDriver.
// Each engine's checks run in one session; a summary per engine closes the run, and an engine
// that cannot start fails it.
import { test, describe, before, after } from 'node:test';
import { Key } from 'selenium-webdriver';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { startServer } from '../../scripts/serve.mjs';
import { ENGINES, startEngine, Tab } from './webdriver.mjs';
import { repo, screenshots } from './harness.mjs';

const CHARTS = ['champions-by-year', 'champions-by-industry', 'claims-check'];
// On the article: the overview's three story charts, then the waffle of the 53 products.
const ARTICLE = [...CHARTS, 'custom'];
const results = Object.fromEntries(ENGINES.map((e) => [e, { ran: 0, passed: 0 }]));
let server;
let origin;
let noWasm;
let noWasmOrigin;
let frames; // the same files on another port: frame pages from another origin
let framesOrigin;
let slow; // the same files, with every .wasm answered only after WASM_DELAY ms
let slowOrigin;
const WASM_DELAY = 4000;

before(async () => {
  server = await startServer({ root: repo, port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${server.address().port}`;
  // The same files under a policy that forbids compiling WebAssembly.
  noWasm = await startServer({ root: repo, port: 0, host: '127.0.0.1', headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
  noWasmOrigin = `http://127.0.0.1:${noWasm.address().port}`;
  frames = await startServer({ root: repo, port: 0, host: '127.0.0.1', headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" } });
  framesOrigin = `http://127.0.0.1:${frames.address().port}`;
  slow = http.createServer((req, res) => {
    const pass = () => {
      const up = http.request(origin + req.url, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on('error', () => { res.writeHead(502); res.end(); });
      req.pipe(up);
    };
    if (req.url.split('?')[0].endsWith('.wasm')) setTimeout(pass, WASM_DELAY);
    else pass();
  });
  await new Promise((r) => slow.listen(0, '127.0.0.1', r));
  slowOrigin = `http://127.0.0.1:${slow.address().port}`;
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await new Promise((r) => server.close(r));
  await new Promise((r) => noWasm.close(r));
  await new Promise((r) => frames.close(r));
  slow.closeAllConnections?.();
  await new Promise((r) => slow.close(r));
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
      check(`article at ${width}px: key figures, the three story charts and the waffle painted, sources, no overflow`, async () => {
        const inner = await tab.open('/www/', width);
        assert.equal(inner, width);
        await tab.settled();
        assert.equal(await tab.eval("return document.querySelector('.news-infographic').getAttribute('data-state')"), 'ready');
        const stats = await tab.eval(PAINTED);
        assert.deepEqual(stats.map((s) => s.chart), ARTICLE);
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

    check('keyboard: Tab reaches every chart, arrows/Home/End move and announce, Escape dismisses, no trap', async () => {
      await tab.open('/www/', 1280);
      await tab.settled();
      await tab.eval('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)');
      const focusedChart = () => tab.eval(`
        const a = document.activeElement;
        if (!a || !a.shadowRoot) return null;
        const inner = a.shadowRoot.activeElement;
        return inner ? (inner.closest('figure')?.dataset.chart || '') + ':' + inner.tagName.toLowerCase() : null;`);
      const reached = [];
      for (let i = 0; i < 60 && reached.length < ARTICLE.length; i++) {
        await session.driver.actions().sendKeys(Key.TAB).perform();
        const f = await focusedChart();
        if (f && f.endsWith(':canvas') && !reached.includes(f)) reached.push(f);
      }
      assert.deepEqual(reached, ARTICLE.map((c) => `${c}:canvas`), 'Tab reaches each chart in order');
      // Back to the first chart and step through it.
      await tab.eval(`document.querySelector('.news-infographic').shadowRoot.querySelector('figure[data-chart="champions-by-year"] canvas').focus()`);
      const live = () => tab.eval(`return document.querySelector('.news-infographic').shadowRoot.querySelector('figure[data-chart="champions-by-year"] [aria-live]').textContent`);
      const ring = () => tab.eval(`const r = document.querySelector('.news-infographic').shadowRoot.querySelector('figure[data-chart="champions-by-year"] .ni-focus'); return r.hidden ? null : r.getBoundingClientRect().width`);
      const press = (k) => session.driver.actions().sendKeys(k).perform();
      await press(Key.ARROW_RIGHT);
      assert.match(await live(), /^2021: 37 champion products in all; 4 first in the world; 33 first in China only/);
      assert.ok((await ring()) > 20, 'visible focus indicator');
      await press(Key.ARROW_RIGHT);
      const second = await live();
      assert.match(second, /^2023: 53 champion products in all; 15 first in the world; 38 first in China only/);
      assert.match(await tab.tooltip('champions-by-year'), /^53 champion products in all$/m);
      // Up and down step through the segments of the stack, and back out to the whole bar.
      await press(Key.ARROW_UP);
      assert.match(await live(), /^2023: 15 first in the world; Source: /);
      assert.match(await tab.tooltip('champions-by-year'), /^15 first in the world$/m);
      await press(Key.ARROW_UP);
      assert.match(await live(), /^2023: 38 first in China only \(53 − 15, computed\); Source: /);
      await press(Key.ARROW_UP);
      assert.match(await live(), /^2023: 38 first in China only/, 'stays on the top segment');
      await press(Key.ARROW_DOWN);
      await press(Key.ARROW_DOWN);
      assert.match(await live(), /^2023: 53 champion products in all/);
      await press(Key.HOME);
      assert.match(await live(), /^2021:/);
      await press(Key.END);
      assert.match(await live(), /^2023:/);
      await press(Key.ESCAPE);
      assert.equal(await tab.tooltip('champions-by-year'), null);
      assert.equal(await ring(), null);
      await press(Key.TAB);
      const after = await focusedChart();
      assert.ok(after && !after.endsWith(':canvas'), `focus moves on from the chart (${after})`);
    });

    check('320px: no horizontal scrolling, no overlapping or clipped text', async () => {
      assert.equal(await tab.open('/www/', 320), 320);
      await tab.settled();
      const r = await tab.eval(`
        const host = document.querySelector('.news-infographic');
        const boxes = [];
        for (const e of host.shadowRoot.querySelectorAll('h2, h3, p, li > span, figcaption > span, button, strong')) {
          if (e.closest('.ni-sr') || e.closest('[hidden]') || !e.textContent.trim()) continue;
          const b = e.getBoundingClientRect();
          if (b.width && b.height) boxes.push({ t: e.textContent.slice(0, 30), x: b.left, y: b.top, r: b.right, b: b.bottom, e });
        }
        const overlaps = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], c = boxes[j];
          if (a.e.contains(c.e) || c.e.contains(a.e)) continue;
          if (a.x < c.r - 0.5 && c.x < a.r - 0.5 && a.y < c.b - 0.5 && c.y < a.b - 0.5) overlaps.push(a.t + ' / ' + c.t);
        }
        return { scrollW: document.documentElement.scrollWidth, overlaps, clipped: boxes.filter((x) => x.r > 320.5 || x.x < -0.5).map((x) => x.t), n: boxes.length };`);
      assert.ok(r.n > 20, `found ${r.n} text boxes`);
      assert.ok(r.scrollW <= 320, `scrollWidth ${r.scrollW}`);
      assert.deepEqual(r.overlaps, []);
      assert.deepEqual(r.clipped, []);
    });

    check('Chinese page: figures, summaries and tooltips in Chinese', async () => {
      await tab.open('/www/zh.html', 1280);
      await tab.settled();
      const r = await tab.eval(`
        const root = document.querySelector('.news-infographic').shadowRoot;
        return { lang: root.querySelector('.ni-root').lang, label: root.querySelector('.ni-figure-label').textContent,
                 summary: root.querySelector('figcaption .ni-summary').textContent, button: root.querySelector('button').textContent };`);
      assert.equal(r.lang, 'zh-Hans');
      assert.match(r.label, /2023年冠军产品数量/);
      assert.match(r.summary, /冠军产品从2021年的37个增至2023年的53个（\+43\.2%）/);
      assert.equal(r.button, '以表格显示');
      const b = await tab.canvasBox('champions-by-year');
      await tab.hover(b.x + b.width * 0.75, b.y + b.height * 0.7);
      const text = await tab.waitTooltip('champions-by-year', /冠军产品共53个/, 'zh tooltip');
      assert.match(text, /15个世界第一/);
      assert.match(text, /38个仅全国第一/);
      await tab.screenshot(path.join(screenshots, `${engine}-zh-1280.png`));
    });

    check('custom CSV and JSON data: the right numbers in tables and tooltips', async () => {
      await tab.open('/www/examples/custom-data.html', 800);
      await tab.settled();
      const tables = await tab.eval(`return [...document.querySelectorAll('.news-infographic')].map((h) =>
        [...h.shadowRoot.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)))`);
      assert.deepEqual(tables[0], [['2021', '4', '33'], ['2023', '15', '38']]);
      assert.deepEqual(tables[1][2], ['Aluminum', 'not reported', 'not reported', '']);
      assert.deepEqual(tables[2], [['2021', '37'], ['2023', '53']]);
      const stats = await tab.eval(PAINTED);
      assert.equal(stats.length, 3);
      for (const s of stats) assert.ok(s.painted > 1000, `custom chart painted: ${s.painted}`);
    });

    check('without WebAssembly: pre-rendered images and tables, never a blank box', async () => {
      const saved = tab.origin;
      tab.origin = noWasmOrigin;
      try {
        await tab.open('/www/', 1280);
        await session.driver.wait(() => tab.eval("return document.querySelector('.news-infographic')?.getAttribute('data-state') === 'fallback'"), 20000, 'no fallback');
        const r = await session.driver.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          const root = document.querySelector('.news-infographic').shadowRoot;
          const imgs = [...root.querySelectorAll('img')];
          Promise.all(imgs.map((i) => i.complete ? null : new Promise((ok) => { i.onload = ok; i.onerror = ok; }))).then(() =>
            done({ widths: imgs.map((i) => i.naturalWidth), table: root.querySelector('table').innerText }));`);
        assert.equal(r.widths.length, 3);
        for (const w of r.widths) assert.ok(w > 300, `image loaded (${w})`);
        assert.match(r.table, /53/);
        await tab.screenshot(path.join(screenshots, `${engine}-fallback-1280.png`));
      } finally {
        tab.origin = saved;
      }
    });

    check('first pixels: the pre-rendered charts while the wasm is held back, then the canvases in their place', async () => {
      const saved = tab.origin;
      tab.origin = slowOrigin;
      try {
        await tab.open('/www/', 1280);
        const BOXES = `return [...document.querySelector('.news-infographic').shadowRoot.querySelectorAll('figure')].map((f) => {
          const p = f.querySelector('.ni-plot > img, .ni-plot > canvas');
          const b = p.getBoundingClientRect(), fb = f.getBoundingClientRect();
          return { tag: p.tagName, done: p.tagName !== 'IMG' || (p.complete && p.naturalWidth > 0), plot: [Math.round(b.left), Math.round(b.top + scrollY), Math.round(b.width), Math.round(b.height)], figure: [Math.round(fb.top + scrollY), Math.round(fb.height)] };
        });`;
        await session.driver.wait(async () => {
          const b = await tab.eval(`const h = document.querySelector('.news-infographic'); if (!h || !h.shadowRoot.querySelector('.ni-first')) return null; ${BOXES}`);
          return b && b.length === 3 && b.every((x) => x.done);
        }, WASM_DELAY - 500, 'no first pixels before the wasm arrived');
        const before = await tab.eval(BOXES);
        assert.equal(await tab.eval("return document.querySelector('.news-infographic').getAttribute('data-state')"), 'loading');
        assert.deepEqual(before.map((b) => b.tag), ['IMG', 'IMG', 'IMG']);
        await tab.settled();
        const after = await tab.eval(BOXES);
        assert.deepEqual(after.map((b) => b.tag), ['CANVAS', 'CANVAS', 'CANVAS']);
        assert.deepEqual(after.map((b) => b.plot), before.map((b) => b.plot), 'the canvases are where the pictures were, at their size');
        assert.deepEqual(after.map((b) => b.figure), before.map((b) => b.figure), 'the figures did not move or change height');
      } finally {
        tab.origin = saved;
      }
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

    check('frame page from another origin: drawn, and frame-resize.js sets the iframe to its height', async () => {
      await tab.open(`/tests/e2e/fixtures/frame-host.html?f=${encodeURIComponent(framesOrigin)}`, 1280);
      const d = session.driver;
      let outer = 0;
      let inner = 0;
      await d.wait(async () => {
        outer = await tab.eval("return Math.round(document.getElementById('f').getBoundingClientRect().height)");
        if (outer < 300) return false;
        await d.switchTo().frame(await d.findElement({ id: 'f' }));
        try {
          const ready = await d.executeScript("return document.querySelector('.news-infographic')?.getAttribute('data-state')");
          inner = await d.executeScript('return Math.ceil(document.documentElement.getBoundingClientRect().height)');
          return ready === 'ready' && Math.abs(inner - outer) <= 1;
        } finally {
          await d.switchTo().parentFrame();
        }
      }, 20000, 'the iframe did not take its page\'s height').catch((e) => {
        throw new Error(`${e.message} (iframe ${outer} px, its page ${inner} px)`);
      });
      assert.ok(outer > 400, `the whole widget shows (${outer} px)`);
    });

    check('<news-infographic>: parsed, created with attributes set afterwards, updated, removed', async () => {
      await tab.open('/tests/e2e/fixtures/element.html', 1280);
      await tab.settled();
      const title = (id) => tab.eval(`return document.getElementById('${id}')?.shadowRoot?.querySelector('.ni-title')?.textContent || null`);
      assert.equal(await title('a'), 'Champion products, 2021 and 2023');
      await tab.eval(`
        const el = document.createElement('news-infographic');
        el.id = 'b';
        el.setAttribute('lazy', 'false');
        document.getElementById('m').append(el);
        el.setAttribute('chart', 'claims-check');
        el.setAttribute('lang', 'zh');`);
      await session.driver.wait(async () => (await title('b')) === '核对报道中的计算', 20000, 'the created element');
      await tab.eval("document.getElementById('b').setAttribute('lang', 'en')");
      await session.driver.wait(async () => (await title('b')) === "Checking the report's arithmetic", 20000, 'the updated element');
      await tab.eval("document.getElementById('a').remove(); document.getElementById('b').remove()");
      assert.equal(await tab.eval("return document.querySelectorAll('news-infographic').length"), 0);
    });

    for (const width of [375, 1280]) {
      check(`gallery at ${width}px: one painted chart of every newsroom kind, no alert`, async () => {
        await tab.open('/www/examples/gallery.html', width);
        await tab.settled();
        const kinds = await tab.eval(`return [...document.querySelectorAll('section.gallery-kind')].map((s) => {
          const h = s.querySelector('.news-infographic');
          return { id: s.id, state: h.getAttribute('data-state'), alert: h.shadowRoot.querySelector('[role="alert"]')?.textContent || '' };
        })`);
        assert.equal(kinds.length, 17);
        for (const k of kinds) assert.equal(k.state, 'ready', `${k.id}: ${k.state} ${k.alert}`);
        const stats = await tab.eval(PAINTED);
        assert.equal(stats.length, 17);
        stats.forEach((st, i) => assert.ok(st.painted > 1500, `${kinds[i].id}: ${st.painted} painted pixels`));
        const scrollW = await tab.eval('return document.documentElement.scrollWidth');
        assert.ok(scrollW <= width, `no horizontal scrolling: ${scrollW}`);
        await tab.screenshot(path.join(screenshots, `${engine}-gallery-${width}.png`));
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
    assert.ok(results[e].ran >= 15, `${e}: only ${results[e].ran} checks ran`);
    assert.equal(results[e].passed, results[e].ran, `${e}: ${results[e].ran - results[e].passed} checks failed`);
  }
});
