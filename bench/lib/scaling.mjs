// Line charts of 10^4, 10^5 and 10^6 points (bench/generated/line-<n>.csv, columns x,y): time
// from navigation start to first draw and main-thread CPU, for the widget (`ours`: the page
// parses the CSV like the peers' pages and mounts with `columns`; `ours-csv`: data-chart="custom"
// with data-src the CSV, parsed in Rust), uPlot and Chart.js with its decimation plugin. Fresh context per load,
// interleaved. A (library, n) whose first load fails (the widget refusing the data) or times out
// is recorded with its message and not repeated.
import os from 'node:os';
import { loadFresh } from './load.mjs';
import { lineCsv, rowsCsv } from './data.mjs';
import { interleave } from './stats.mjs';
import { widgetHash } from './widget-files.mjs';

export const LINE_LIBS = ['ours', 'ours-csv', 'uplot', 'chartjs'];
export const LINE_SIZES = [1e4, 1e5, 1e6];
export const LINE_LOADS = Number(process.env.BENCH_LINE_LOADS || 5);
const TIMEOUT = Number(process.env.BENCH_LINE_TIMEOUT_MS || 120000);

export async function measureScaling(browser, origin, log = () => {}) {
  for (const n of LINE_SIZES) lineCsv(n);
  const runs = [];
  const stop = new Set();
  for (const n of LINE_SIZES) {
    for (const { round, lib } of interleave(LINE_LIBS, LINE_LOADS)) {
      const key = `${lib}:${n}`;
      if (stop.has(key)) continue;
      const load = os.loadavg()[0];
      const widget = widgetHash();
      const started = Date.now();
      const { context, result } = await loadFresh(browser, `${origin}/bench/pages/line-${lib}.html?n=${n}`, { timeout: TIMEOUT });
      await context.close();
      const run = { lib, n, round, loadavg1: load, widget: widget === widgetHash() ? widget : 'changed', wallMs: Date.now() - started, ...result };
      if (result.rendered === undefined) {
        stop.add(key);
        if (result.signal === 'timeout') run.failed = `no first draw within ${TIMEOUT} ms`;
      }
      runs.push(run);
      log(`line ${lib} n=${n} round ${round}: ${run.rendered !== undefined ? run.rendered.toFixed(0) + ' ms' : 'FAILED ' + run.failed}`);
    }
  }
  return runs;
}

/**
 * Why the widget's line chart of n points takes the time it does: one traced load (main-thread
 * self time by event) and one load that counts the DOM the widget built in its shadow root.
 */
export async function explainWidgetLine(browser, origin, n, traceLoad) {
  const trace = await traceLoad(browser, origin, 'ours', `line-ours.html?n=${n}`).catch((e) => ({ error: e.message }));
  const { context, page, result } = await loadFresh(browser, `${origin}/bench/pages/line-ours.html?n=${n}`, { timeout: TIMEOUT });
  let dom = null;
  if (result.rendered !== undefined) {
    dom = await page.evaluate(() => {
      const root = document.querySelector('.news-infographic').shadowRoot;
      return { tableRows: root.querySelectorAll('tr').length, elements: root.querySelectorAll('*').length };
    });
  }
  await context.close();
  return { n, trace, dom, rendered: result.rendered };
}

/**
 * A column chart from CSV text of n rows (bench/generated/rows-<n>.csv: year, region, value;
 * pages/column-ours-csv.html, spec `{"kind": "stacked-column", "x": "year", "y": "value",
 * "color": "region"}`: 20 stacks of 12 sums): the row-by-row reader and the grammar, which
 * every kind but plain line and dot charts goes through. Same loads and rules as the lines.
 */
export async function measureKinds(browser, origin, log = () => {}) {
  const runs = [];
  for (const n of LINE_SIZES) {
    rowsCsv(n);
    for (let round = 0; round < LINE_LOADS; round++) {
      const started = Date.now();
      const { context, result } = await loadFresh(browser, `${origin}/bench/pages/column-ours-csv.html?n=${n}`, { timeout: TIMEOUT });
      await context.close();
      const run = { lib: 'ours-column-csv', n, round, wallMs: Date.now() - started, ...result };
      runs.push(run);
      log(`stacked columns n=${n} round ${round}: ${run.rendered !== undefined ? run.rendered.toFixed(0) + ' ms' : 'FAILED ' + (run.failed || run.signal)}`);
      if (result.rendered === undefined) break;
    }
  }
  return runs;
}
