// Where the main thread's time goes until first draw, from one Chromium trace per library (an
// extra load, not counted in the medians): self time of the renderer main thread's trace events
// from navigation to the page's performance.mark("bench-rendered"), grouped by event name.
import { loadFresh } from './load.mjs';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'v8.wasm',
  'blink.user_timing',
  'loading',
  'toplevel',
].join(',');

/** Self time per event name on one thread, for complete ("X") and begin/end events between
 *  `from` and `until` (clipped to them). */
function selfTimes(events, until, from = -Infinity) {
  const spans = [];
  const open = [];
  const add = (name, ts, end) => {
    const a = Math.max(ts, from);
    const b = Math.min(end, until);
    if (b > a) spans.push({ name, ts: a, end: b });
  };
  for (const e of events) {
    if (e.ph === 'X') add(e.name, e.ts, e.ts + (e.dur || 0));
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) add(b.name, b.ts, e.ts);
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  const close = (s) => self.set(s.name, (self.get(s.name) || 0) + s.self);
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1].end <= s.ts) close(stack.pop());
    s.self = s.end - s.ts;
    if (stack.length) stack[stack.length - 1].self -= Math.min(s.end, stack[stack.length - 1].end) - s.ts;
    stack.push(s);
  }
  while (stack.length) close(stack.pop());
  return self;
}

/** Traces one load of bench/pages/bars-<lib>.html, or of `page` (a path under /bench/pages/) when given. */
export async function traceLoad(browser, origin, lib, page = `bars-${lib}.html`) {
  // Tracing is per browser; start it before the page exists, so the whole navigation is in it.
  await browser.startTracing(undefined, { categories: CATEGORIES.split(',') });
  let buf;
  let result;
  try {
    const r = await loadFresh(browser, `${origin}/bench/pages/${page}`, { timeout: 120000 });
    result = r.result;
    await r.context.close();
  } finally {
    buf = await browser.stopTracing();
  }
  const events = JSON.parse(buf.toString()).traceEvents || [];
  const mark = events.find((e) => e.name === 'bench-rendered');
  if (!mark) return { lib, error: 'no bench-rendered mark in the trace', rendered: result && result.rendered };
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const key = `${mark.pid}:${mark.tid}`;
  const thread = mains.has(key) ? key : null;
  const own = events.filter((e) => `${e.pid}:${e.tid}` === (thread || key)).sort((a, b) => a.ts - b.ts);
  const self = selfTimes(own, mark.ts);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self]
    .filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
  // Background work V8 did for this page (streaming parse/compile, wasm compilation) up to first draw.
  const background = events.filter(
    (e) => e.pid === mark.pid && `${e.pid}:${e.tid}` !== key && e.ph === 'X' && e.ts <= mark.ts && /wasm|compile|Compile|parse|Parse/.test(e.name),
  );
  const bg = new Map();
  for (const e of background) bg.set(e.name, (bg.get(e.name) || 0) + (e.dur || 0));
  // The widget's first pixels: what the main thread ran between the chart's index arriving
  // and its picture being requested (the wait the resource timings alone cannot explain).
  let gap = null;
  const sent = events.filter((e) => e.name === 'ResourceSendRequest' && e.args && e.args.data && e.args.data.url);
  const index = sent.find((e) => /\/static\/[^/]+\.json$/.test(e.args.data.url));
  const svg = sent.find((e) => /\/static\/[^/]+\.svg$/.test(e.args.data.url));
  const done = index && events.find((e) => e.name === 'ResourceFinish' && e.args && e.args.data && e.args.data.requestId === index.args.data.requestId);
  if (done && svg && svg.ts > done.ts) {
    const w = selfTimes(own, svg.ts, done.ts);
    gap = {
      ms: (svg.ts - done.ts) / 1000,
      top: [...w]
        .filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask')
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([name, us]) => ({ name, ms: us / 1000 })),
      idleMs: (svg.ts - done.ts - [...w].reduce((a, [, us]) => a + us, 0)) / 1000,
    };
  }
  return {
    lib,
    page,
    rendered: result && result.rendered,
    firstPixelsGap: gap,
    mainThreadTracedMs: total / 1000,
    top,
    backgroundCompile: [...bg].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, us]) => ({ name, ms: us / 1000 })),
  };
}

/**
 * One pointer sweep (`sweep(page, cdp)`, the bench's own) over bench/pages/`page` after it has
 * drawn, traced: the renderer main thread's self time per move by event name, the harness's
 * share included (the baseline page measures that alone). Traced wall time, tracing on: a
 * breakdown to compare pages within one run, not a figure for the medians.
 */
export async function tracePointer(browser, origin, page, moves, sweep) {
  const r = await loadFresh(browser, `${origin}/bench/pages/${page}`, { timeout: 120000 });
  try {
    if (r.result.rendered === undefined) return { page, error: `not drawn (${r.result.failed || r.result.signal})` };
    await r.page.waitForTimeout(300);
    await browser.startTracing(r.page, { categories: CATEGORIES.split(',') });
    let buf;
    try {
      await sweep(r.page, r.cdp);
    } finally {
      buf = await browser.stopTracing();
    }
    const events = JSON.parse(buf.toString()).traceEvents || [];
    // The page's main thread: the renderer main thread that dispatched the pointer events.
    const dispatch = new Map();
    for (const e of events) if (e.name === 'EventDispatch') dispatch.set(`${e.pid}:${e.tid}`, (dispatch.get(`${e.pid}:${e.tid}`) || 0) + 1);
    const key = [...dispatch].sort((a, b) => b[1] - a[1]).map(([k]) => k)[0];
    if (!key) return { page, error: 'no pointer events in the trace' };
    const own = events.filter((e) => `${e.pid}:${e.tid}` === key).sort((a, b) => a.ts - b.ts);
    const self = selfTimes(own, Infinity);
    const per = (us) => us / 1000 / moves;
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const get = (n) => per(self.get(n) || 0);
    return {
      page,
      moves,
      perMoveMs: per(total),
      // Script (the library's handlers and the harness's), frame production, style and layout.
      scriptMs: get('FunctionCall') + get('v8.callFunction') + get('RunMicrotasks') + get('EventDispatch'),
      frameMs: get('ProxyMain::BeginMainFrame') + get('Commit') + get('MainFrameAborted') + get('Paint') + get('PrePaint'),
      styleLayoutMs: get('UpdateLayoutTree') + get('Layout') + get('HitTest'),
      top: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, us]) => ({ name, ms: per(us) })),
    };
  } finally {
    await r.context.close();
  }
}
