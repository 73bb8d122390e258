// One fresh page load: a new browser context, navigate, wait until the page reports its chart
// drawn (window.__rendered) or failed. Main-thread CPU time is CDP Performance.getMetrics
// "TaskDuration" with timeDomain "threadTicks" (thread CPU time of the renderer's main thread),
// sampled when the page's Runtime binding __benchSignal("rendered") reaches the runner, i.e.
// right after first draw (the sample also holds whatever the page ran between that call and
// the moment Chromium answers, normally nothing).
import { freshPage, metrics } from './browser.mjs';

/**
 * Loads `url` in a fresh context. Resolves with { context, page, cdp, responses, result } where
 * result = { rendered (ms from navigation start) | failed, cpu: {task, script, layout, style} (ms) }.
 * The caller closes the context (it may measure more first).
 */
export async function loadFresh(browser, url, { timeout = 30000 } = {}) {
  const { context, page, cdp } = await freshPage(browser);
  const responses = [];
  page.on('response', (r) => responses.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__benchSignal' });
  const signalled = new Promise((resolve) => {
    cdp.on('Runtime.bindingCalled', async (ev) => {
      if (ev.name !== '__benchSignal') return;
      const m = await metrics(cdp).catch(() => null);
      resolve({ signal: ev.payload, m });
    });
  });

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ signal: 'timeout', m: null }), timeout);
  });
  const nav = page.goto(url, { waitUntil: 'commit', timeout }).catch((e) => ({ navError: e.message }));
  const httpError = nav.then((r) =>
    r && typeof r.status === 'function' && r.status() >= 400 ? { signal: `HTTP ${r.status()}`, m: null } : new Promise(() => {}),
  );
  const first = await Promise.race([signalled, timedOut, httpError]);
  clearTimeout(timer);
  const navResult = await nav;

  const result = { signal: first.signal, errors };
  if (first.signal.startsWith('HTTP')) result.failed = `${url}: ${first.signal}`;
  if (navResult && navResult.navError) result.navError = navResult.navError;
  if (first.signal === 'rendered' || first.signal === 'failed') {
    const page_ = await page.evaluate(() => ({ rendered: window.__rendered, failed: window.__failed }));
    Object.assign(result, page_);
  }
  if (first.m) {
    result.cpu = {
      task: first.m.TaskDuration * 1000,
      script: first.m.ScriptDuration * 1000,
      layout: first.m.LayoutDuration * 1000,
      style: first.m.RecalcStyleDuration * 1000,
    };
  }
  return { context, page, cdp, responses, result };
}
