// The stacked-bar comparison: one fresh load of bench/pages/bars-<lib>.html, measured for time
// to first draw and CPU (load.mjs), library bytes (bytes.mjs), memory after render and the
// cost of pointer moves across the bars.
import { loadFresh } from './load.mjs';
import { libraryBytes, isLibraryPath, fileSizes } from './bytes.mjs';
import path from 'node:path';
import { REPO } from './server.mjs';
import { median } from './stats.mjs';
import { metrics } from './browser.mjs';
import { widgetHash } from './widget-files.mjs';

export const BAR_LIBS = ['ours', 'chartjs', 'uplot', 'echarts', 'vegalite'];
export const MOVES = Number(process.env.BENCH_MOVES || 100);

/** JS heap after a forced GC (CDP), plus the wasm linear memory where the page has one. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() =>
    window.NewsInfographic && window.NewsInfographic.wasmMemoryBytes ? window.NewsInfographic.wasmMemoryBytes() : 0,
  );
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm, total: heap.usedSize + wasm };
}

/**
 * `moves` mouse moves (CDP Input.dispatchMouseEvent through page.mouse) along the page's
 * __sweep() line, one at a time: each waits until the page has recorded its sample (the time
 * from the pointermove event to the end of the next frame, see pages/harness.js).
 */
export async function pointerSweep(page, cdp, moves) {
  const line = await page.evaluate(() => window.__sweep());
  await page.mouse.move(line.x0 - 10, line.y - 40); // start outside the sweep, not yet armed
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => window.__instrument && window.__instrument());
  await page.evaluate(() => window.__bench.armPointer());
  const before = await metrics(cdp);
  for (let i = 0; i < moves; i++) {
    const x = line.x0 + ((line.x1 - line.x0) * i) / (moves - 1);
    await page.mouse.move(x, line.y);
    await page.evaluate((n) => window.__bench.waitSamples(n), i + 1);
  }
  const after = await metrics(cdp);
  const r = await page.evaluate(() => ({
    samples: window.__bench.pointerSamples,
    shown: window.__bench.tooltipShown,
    wasmCalls: window.__wasmCalls,
  }));
  return {
    medianMs: median(r.samples),
    // Main-thread CPU (TaskDuration, thread ticks) over the whole sweep, per move: the library's
    // handlers, its redraws and tooltip DOM work, plus the same small harness work on every page.
    cpuPerMoveMs: ((after.TaskDuration - before.TaskDuration) * 1000) / moves,
    samples: r.samples.length,
    tooltipShown: r.shown,
    // The widget only: time inside its wasm calls (hit-test and tooltip content) per move.
    wasmCallsPerMoveMs: r.wasmCalls ? (r.wasmCalls.hit + r.wasmCalls.tooltip) / moves : undefined,
    line,
  };
}

export function measureBars(browser, origin, lib) {
  return measurePage(browser, origin, `${origin}/bench/pages/bars-${lib}.html`, lib);
}

/** One fresh load of `url` (a bench page), measured as for the stacked bars. */
export async function measurePage(browser, origin, url, lib) {
  const before = widgetHash();
  const { context, page, cdp, responses, result } = await loadFresh(browser, url);
  try {
    const out = { lib, ...result };
    // Which build of the widget this load saw ("changed" when someone rebuilt during it).
    out.widget = before === widgetHash() ? before : 'changed';
    if (result.rendered === undefined) return out;
    // Let late work after first draw settle (fonts, observers) before memory and pointer.
    await page.waitForTimeout(300);
    // When each file arrived (Resource Timing, ms from navigation start): the load's waterfall.
    out.timeline = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({
        path: new URL(e.name).pathname,
        start: e.startTime,
        end: e.responseEnd,
      })),
    );
    // First pixels: the widget's mark once its pre-rendered chart is decoded and in a frame
    // (widget/first.js); a peer's first pixels are its first draw. Bytes before first pixels:
    // the library files (gzip -9) that had arrived by then.
    const shown = await page.evaluate(() => {
      const m = performance.getEntriesByName('ni-first-pixels')[0];
      return { first: m ? m.startTime : null, cls: window.__cls };
    });
    out.firstPixels = shown.first != null ? shown.first : result.rendered;
    out.firstPixelsStatic = shown.first != null;
    out.cls = shown.cls;
    out.bytesBeforeFirst = out.timeline
      .filter((t) => t.end <= out.firstPixels + 0.5 && isLibraryPath(t.path))
      .reduce((sum, t) => sum + fileSizes(path.join(REPO, decodeURIComponent(t.path))).gzip, 0);
    out.memory = await memory(page, cdp);
    out.pointer = await pointerSweep(page, cdp, MOVES);
    out.bytes = libraryBytes(responses, origin);
    return out;
  } finally {
    await context.close();
  }
}
