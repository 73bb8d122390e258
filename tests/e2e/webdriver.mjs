// A small harness over W3C WebDriver (selenium-webdriver as the client) for running the same
// reader-facing checks in Chromium (chromedriver), Firefox (geckodriver) and WebKit
// (WebKitWebDriver driving WebKitGTK's MiniBrowser under Xvfb). Drivers are started here, on
// loopback ports; a driver that cannot start fails the run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Builder, Capabilities } from 'selenium-webdriver';
import commandLib from 'selenium-webdriver/lib/command.js';

const { Command, Name } = commandLib;
const TOOLS = process.env.NI_TOOLS || path.join(os.homedir(), '.local/share/news-infographic/tools');
const DRIVERS = {
  chromium: process.env.CHROMEDRIVER_PATH || '/usr/bin/chromedriver',
  firefox: process.env.GECKODRIVER_PATH || path.join(TOOLS, 'bin/geckodriver'),
  webkit: process.env.WEBKITDRIVER_PATH || '/usr/bin/WebKitWebDriver',
};
export const ENGINES = Object.keys(DRIVERS);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitReady(url, child, what) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url + '/status');
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer on ${url} within 20 s`);
}

function startProcess(cmd, args, env) {
  if (!existsSync(cmd)) throw new Error(`${cmd} is missing: run scripts/setup.sh`);
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  child.stderrTail = () => stderr;
  return child;
}

async function startXvfb() {
  for (let tries = 0; tries < 20; tries++) {
    const display = 90 + Math.floor(Math.random() * 400);
    if (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) continue;
    const x = startProcess('/usr/bin/Xvfb', [`:${display}`, '-screen', '0', '1400x1100x24', '-nolisten', 'tcp']);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && x.exitCode === null && !existsSync(`/tmp/.X11-unix/X${display}`)) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (x.exitCode === null && existsSync(`/tmp/.X11-unix/X${display}`)) return { display: `:${display}`, proc: x };
    x.kill();
  }
  throw new Error('could not start Xvfb');
}

/** Starts the driver for `engine` and a session in it. */
export async function startEngine(engine) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const extra = [];
  let driverProc;
  let caps;
  const profile = mkdtempSync(path.join(os.tmpdir(), `ni-${engine}-`));
  if (engine === 'chromium') {
    driverProc = startProcess(DRIVERS.chromium, [`--port=${port}`]);
    caps = {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          `--user-data-dir=${profile}`, '--window-size=1280,1000', '--hide-scrollbars'],
      },
    };
  } else if (engine === 'firefox') {
    driverProc = startProcess(DRIVERS.firefox, ['--port', String(port), '--host', '127.0.0.1']);
    caps = {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: { 'network.proxy.type': 0, 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
      },
    };
  } else if (engine === 'webkit') {
    const x = await startXvfb();
    extra.push(x.proc);
    driverProc = startProcess(DRIVERS.webkit, [`--port=${port}`], { DISPLAY: x.display });
    caps = { browserName: 'MiniBrowser' };
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  try {
    await waitReady(url, driverProc, `${engine} driver`);
  } catch (e) {
    throw new Error(`${e.message}\n${driverProc.stderrTail()}`);
  }
  const driver = await new Builder().usingServer(url).withCapabilities(new Capabilities(caps)).build();
  await driver.manage().setTimeouts({ script: 20000, pageLoad: 30000 });
  return {
    engine,
    driver,
    async stop() {
      try { await driver.quit(); } catch {}
      driverProc.kill();
      for (const p of extra) p.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Page-level helpers bound to one engine session. */
export class Tab {
  constructor(session, origin) {
    this.s = session;
    this.d = session.driver;
    this.origin = origin;
    this.framed = false;
  }

  /** Loads `urlPath` with a viewport `width` CSS px wide (through an iframe where the window cannot be that narrow). */
  async open(urlPath, width, height = 1000) {
    await this.d.switchTo().defaultContent();
    await this.d.get('about:blank');
    await this.d.manage().window().setRect({ width, height });
    const [inner, outer] = await this.d.executeScript('return [innerWidth, outerWidth]');
    if (inner !== width) {
      // Compensate for window chrome; if the window still cannot be that narrow, use a frame.
      // (WebKitGTK sometimes reports odd sizes right after a resize: never pass it a bad width.)
      const chrome = Number.isFinite(outer - inner) ? Math.max(0, Math.round(outer - inner)) : 0;
      try {
        await this.d.manage().window().setRect({ width: Math.round(width + chrome), height });
      } catch {
        // fall through to the frame below
      }
    }
    const now = await this.d.executeScript('return innerWidth');
    this.framed = now !== width;
    if (this.framed) {
      await this.d.get(`${this.origin}/tests/e2e/frame.html?w=${width}&src=${encodeURIComponent(urlPath)}`);
      await this.d.wait(async () => (await this.d.executeScript(
        "const f = document.getElementById('page'); return !!(f.contentDocument && f.contentDocument.readyState === 'complete' && f.contentDocument.querySelector('body'))")), 20000);
      await this.d.switchTo().frame(0);
    } else {
      await this.d.get(this.origin + urlPath);
    }
    return this.eval('return innerWidth');
  }

  eval(body, ...args) {
    return this.d.executeScript(body, ...args);
  }

  /** Waits until every widget has finished loading (ready or error). */
  async settled() {
    // Widgets far below the fold mount when scrolled near (data-state="lazy"): wake each.
    for (let i = 0; i < 100; i++) {
      const waiting = await this.eval(`const h = document.querySelector('.news-infographic[data-state="lazy"]');
        if (h) { h.scrollIntoView(); window.__niWaking = h; } return !!h;`);
      if (!waiting) break;
      // Headless engines sometimes deliver the scroll's intersection late (seen in Firefox and
      // WebKit inside the 375 px frame): scrolled to again, nudged a pixel, for up to 12 s in
      // all. A widget that never mounts still fails, with where it was.
      let mounted = false;
      for (let attempt = 0; attempt < 4 && !mounted; attempt++) {
        if (attempt > 0) {
          await this.eval(`window.__niWaking.scrollIntoView({ block: 'center' }); window.scrollBy(0, 1);`);
        }
        mounted = await this.d.wait(() => this.eval(`return window.__niWaking.getAttribute('data-state') !== 'lazy'`), 3000)
          .then(() => true, () => false);
      }
      if (!mounted) {
        const where = await this.eval(`const r = window.__niWaking.getBoundingClientRect();
          return JSON.stringify({ top: r.top, bottom: r.bottom, innerHeight, scrollY });`);
        throw new Error(`a lazy widget did not mount within 12 s of being scrolled to: ${where}`);
      }
    }
    await this.eval('window.scrollTo(0, 0)');
    await this.d.wait(() => this.eval(`
      const hosts = [...document.querySelectorAll('.news-infographic')];
      return hosts.length > 0 && hosts.every((h) => ['ready', 'error'].includes(h.getAttribute('data-state')))
        && hosts.every((h) => h.getAttribute('data-state') === 'error' || [...h.shadowRoot.querySelectorAll('canvas')].every((c) => c.width > 0));
    `), 20000, 'widgets did not settle');
  }

  /** Viewport offset of the page (non-zero inside the narrow-viewport frame). */
  async offset() {
    if (!this.framed) return { x: 0, y: 0 };
    await this.d.switchTo().defaultContent();
    const r = await this.eval("const r = document.getElementById('page').getBoundingClientRect(); return {x: r.left, y: r.top}");
    await this.d.switchTo().frame(0);
    return r;
  }

  /** Scrolls the chart into view, lets two frames pass, and returns its canvas box in viewport CSS px. */
  async canvasBox(chart) {
    return this.d.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const host = [...document.querySelectorAll('.news-infographic')].find((h) => h.shadowRoot.querySelector('figure[data-chart="${chart}"]'));
      const c = host.shadowRoot.querySelector('figure[data-chart="${chart}"] canvas');
      c.scrollIntoView({ block: 'center' });
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const r = c.getBoundingClientRect();
        done({ x: r.left, y: r.top, width: r.width, height: r.height });
      }));
    `);
  }

  async pointer(type, steps) {
    const o = await this.offset();
    const actions = steps.map((s) => (s.x === undefined ? s : { ...s, x: Math.round(s.x + o.x), y: Math.round(s.y + o.y) }));
    await this.d.execute(new Command(Name.ACTIONS).setParameter('actions', [
      { type: 'pointer', id: `${type}-1`, parameters: { pointerType: type }, actions },
    ]));
    await this.d.execute(new Command(Name.CLEAR_ACTIONS));
  }

  hover(x, y) {
    return this.pointer('mouse', [{ type: 'pointerMove', x, y, origin: 'viewport', duration: 0 }]);
  }

  tap(x, y) {
    return this.pointer('touch', [
      { type: 'pointerMove', x, y, origin: 'viewport', duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 60 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  /** Text of the chart's tooltip as rendered (line breaks kept), or null while hidden. */
  tooltip(chart) {
    return this.eval(`
      for (const h of document.querySelectorAll('.news-infographic')) {
        const t = h.shadowRoot.querySelector('figure[data-chart="${chart}"] [role="tooltip"]');
        if (t) return t.hidden ? null : t.innerText;
      }
      return null;
    `);
  }

  async waitTooltip(chart, re, what) {
    let last = null;
    try {
      await this.d.wait(async () => {
        last = await this.tooltip(chart);
        return re ? last !== null && re.test(last) : last === null;
      }, 5000);
    } catch {
      throw new Error(`${what}: tooltip is ${JSON.stringify(last)}`);
    }
    return last;
  }

  async screenshot(file) {
    if (this.framed) await this.d.switchTo().defaultContent();
    writeFileSync(file, Buffer.from(await this.d.takeScreenshot(), 'base64'));
    if (this.framed) await this.d.switchTo().frame(0);
  }
}
