#!/usr/bin/env node
// news-infographic vs Chart.js, uPlot, ECharts and Vega-Lite, in one run (`make bench`).
// Not part of `make test`. Writes bench/results.json and bench/RESULTS.md.
//
//   node bench/run.mjs
//   env: BENCH_ROUNDS (15) loads per library for the stacked bars, BENCH_WARMUP (1) uncounted
//        rounds first, BENCH_MOVES (100) pointer moves per load, BENCH_LINE_LOADS (5) loads per
//        line-chart size, BENCH_QUERY_REPS (7), BENCH_COLUMNS_REPS (5), BENCH_SUITES
//        (bars,vl,scaling,query,columns), BENCH_VL_LOADS (5) loads per Vega-Lite spec and library.
//
// One file per concern in bench/lib/: browser.mjs (Chromium), server.mjs (static site),
// load.mjs (one fresh load: first draw, CPU), bars.mjs (bytes, memory, pointer), scaling.mjs
// (line charts), query.mjs (wasm queries), columns.mjs (typed columns vs JS, arquero, d3-dsv,
// papaparse), vl.mjs (Vega-Lite specs vs vega-embed), widget-files.mjs and wasm-size.mjs (bytes, twiggy),
// trace.mjs (one traced load per library), machine.mjs and cpu-share.mjs (where it ran),
// summarize.mjs (medians, ratios, targets), report.mjs (results.json, RESULTS.md).
// Pages: bench/pages/ (harness.js is the in-page side of every measurement).
import os from 'node:os';
import { launch } from './lib/browser.mjs';
import { serveRepo } from './lib/server.mjs';
import { measureBars, pointerSweep, BAR_LIBS, MOVES } from './lib/bars.mjs';
import { measureScaling, measureKinds, explainWidgetLine, LINE_LOADS } from './lib/scaling.mjs';
import { measureQueries } from './lib/query.mjs';
import { measureColumns } from './lib/columns.mjs';
import { measureVl, VL_SPECS } from './lib/vl.mjs';
import { widgetSizes, waitForStableWidget } from './lib/widget-files.mjs';
import { wasmBreakdown } from './lib/wasm-size.mjs';
import { machineInfo } from './lib/machine.mjs';
import { startCpuShare } from './lib/cpu-share.mjs';
import { interleave } from './lib/stats.mjs';
import { summarizeBars, addAboveBaseline, ratios, summarizeScaling, allTargets } from './lib/summarize.mjs';
import { traceLoad, tracePointer } from './lib/trace.mjs';
import { writeResults } from './lib/report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const SUITES = (process.env.BENCH_SUITES || 'bars,vl,scaling,query,columns').split(',');
const log = (s) => console.log(`bench: ${s}`);

widgetSizes(); // throws with "run make build" when www/pkg is missing
await waitForStableWidget(log);
const widget = widgetSizes();
const cpuShare = startCpuShare();
const { server, origin } = await serveRepo();
const browser = await launch();
const machine = machineInfo(browser.version());
log(`${machine.nproc} cores, ${machine.cpuModel}, Chromium ${machine.chromium}, load ${os.loadavg()[0].toFixed(2)}; site ${origin}`);

const res = {
  machine,
  config: { rounds: ROUNDS, warmup: WARMUP, moves: MOVES, lineLoads: LINE_LOADS, queryReps: Number(process.env.BENCH_QUERY_REPS || 7), suites: SUITES },
  widget,
  notes: [],
};

try {
  if (SUITES.includes('bars')) {
    const libs = [...BAR_LIBS, 'baseline'];
    for (let w = 0; w < WARMUP; w++) for (const lib of libs) await measureBars(browser, origin, lib);
    const runs = [];
    for (const { round, lib } of interleave(libs, ROUNDS)) {
      const loadavg1 = os.loadavg()[0];
      const r = await measureBars(browser, origin, lib);
      runs.push({ round, loadavg1, ...r });
      log(`bars ${lib} round ${round}: ${r.rendered !== undefined ? `first draw ${r.rendered.toFixed(0)} ms, CPU ${r.cpu.task.toFixed(0)} ms, pointer ${r.pointer.medianMs.toFixed(1)} ms` : `FAILED ${r.failed || r.signal}`}`);
    }
    res.barsRuns = runs;
    res.bars = summarizeBars(runs, libs);
    addAboveBaseline(res.bars);
    res.ratios = ratios(res.bars);
    res.traces = [];
    for (const lib of BAR_LIBS) res.traces.push(await traceLoad(browser, origin, lib).catch((e) => ({ lib, error: e.message })));
  }
  if (SUITES.includes('scaling')) {
    await waitForStableWidget(log);
    res.scalingRuns = await measureScaling(browser, origin, log);
    res.scaling = summarizeScaling(res.scalingRuns);
    // The largest line the widget drew: where its time went.
    const drawn = Object.keys(res.scaling).filter((n) => res.scaling[n].ours && res.scaling[n].ours.loads).map(Number);
    if (drawn.length) res.lineExplained = await explainWidgetLine(browser, origin, Math.max(...drawn), traceLoad);
    res.kindRuns = await measureKinds(browser, origin, log);
    res.kindScaling = summarizeScaling(res.kindRuns);
  }
  if (SUITES.includes('query')) {
    await waitForStableWidget(log);
    res.queries = await measureQueries(browser, origin);
    for (const q of res.queries) log(`query ${q.path} n=${q.n}: ${q.ms ? q.ms.median.toFixed(1) + ' ms' : q.refused || q.error}`);
  }
  if (SUITES.includes('vl')) {
    await waitForStableWidget(log);
    res.vl = await measureVl(browser, origin, log);
    // Where a pointer move's main-thread time goes: one traced sweep per page, the harness's
    // own page and Chart.js's stacked bars beside the widget's Vega-Lite specs.
    const pages = ['bars-baseline.html', 'bars-chartjs.html', 'bars-ours.html', ...VL_SPECS.map((s) => `vl-ours.html?spec=${s}`)];
    res.pointerTraces = [];
    for (const pg of pages) {
      const t = await tracePointer(browser, origin, pg, MOVES, (page, cdp) => pointerSweep(page, cdp, MOVES)).catch((e) => ({ page: pg, error: e.message }));
      res.pointerTraces.push(t);
      log(`pointer trace ${pg}: ${t.error || `${t.perMoveMs.toFixed(2)} ms per move (script ${t.scriptMs.toFixed(2)}, frames ${t.frameMs.toFixed(2)})`}`);
    }
  }
  if (SUITES.includes('columns')) {
    await waitForStableWidget(log);
    res.columns = await measureColumns(browser, origin, log);
  }
} finally {
  await browser.close();
  server.close();
}

res.machine.loadavgAtEnd = os.loadavg();
res.cpuShare = cpuShare.stop();
if (res.cpuShare && res.cpuShare.otherShareOfMachine > 0.05) {
  res.machine.otherLoad = `${(100 * res.cpuShare.otherShareOfMachine).toFixed(0)} % of the machine's CPU time during the run went to other processes (${res.cpuShare.otherSeconds.toFixed(0)} CPU-s in ${res.cpuShare.wallSeconds.toFixed(0)} s on ${machine.nproc} cores; the bench and its browsers used ${res.cpuShare.benchSeconds.toFixed(0)} CPU-s), from /proc/stat minus the bench's own processes, sampled every 500 ms`;
}
const widgetAfter = widgetSizes();
const changed = widgetAfter.files.filter((f, i) => f.sha256 !== widget.files[i].sha256);
if (changed.length) res.widgetChanged = changed.map((f) => `${f.file} now ${f.sha256} (${f.mtime})`).join(', ');
res.widgetAfter = widgetAfter;
res.wasm = wasmBreakdown();

res.targets = allTargets(res);
res.notes.push(
  'Time to first draw and CPU are for a page load with an empty cache over loopback: no network latency or bandwidth. On a real connection the bytes column and the number of requests in sequence weigh more.',
  "Pointer latency is bounded below by the wait for the next frame (up to 16.7 ms at 60 Hz), so it mostly shows whether a library's handler pushes work past the frame; CPU per move is the finer measure of each library's own work, and the baseline page (harness, no library) is the floor of both.",
  'Memory is the used JS heap after a forced GC plus, for the widget, the whole wasm linear memory (its reserved size, not what the allocator uses inside it). Canvas backing stores, DOM and GPU memory are not counted for anyone.',
  'uPlot has no stacked-bar mode or tooltip: the page draws the running totals behind the bottom series and adds a small DOM tooltip in a setCursor hook (it shows per year, so it shows on every move over the plot).',
  "ECharts is measured with its prebuilt `echarts.common.min.js` (common charts and components); a custom build with only bar, title, tooltip, legend and grid would be smaller, the full `echarts.min.js` (1.1 MB) larger.",
  'Chart.js is the full UMD bundle (`chart.umd.min.js`); with a bundler and tree-shaking (registering only the controllers, scales and plugins used) it would be smaller. No bundler is used for anyone.',
  'Peers draw no value labels on the bars; the widget writes every value and the totals on the chart and builds a caption, a hidden data table and reader-action buttons as DOM, which its time, CPU and memory include.',
);
const s6 = res.scaling && (res.scaling[1e6] || {})['ours-csv'];
if (s6 && !s6.loads) res.notes.push(`Line chart of 10^6 points from CSV text (\`data-src\`): the widget refuses it (\`${s6.failed}\`): the documented limits for data text are 100,000 rows and 5 MB. Large series go in as number columns (the \`ours\` row), up to 5,000,000 points.`);
const q = res.queries || [];
const gs = q.find((r) => r.path === 'groupSum' && r.missing);
if (gs) res.notes.push(`No columnar query export in this build (${gs.missing}): the 10^6-row group-by is measured only through Story.query and customChart, which refuse it.`);
const story6 = q.find((r) => r.n === 1e6 && r.path === 'story' && r.refused);
const custom6 = q.find((r) => r.n === 1e6 && r.path === 'custom' && r.refused);
if (story6 || custom6) res.notes.push(`At 10^6 rows Story.query and customChart refuse the input (${[story6, custom6].filter(Boolean).map((r) => `"${r.refused}" after ${r.refusedAfterMs.toFixed(0)} ms`).join('; ')}): both deserialise or copy the whole input into wasm memory before checking its size.`);
if (res.widgetChanged) res.notes.push(`The widget was rebuilt by someone else during the run; loads that saw a build other than the one most loads saw are left out of the stacked-bar medians (see results.json barsRuns[].widget).`);

writeResults(res);
log('wrote bench/results.json and bench/RESULTS.md');
for (const t of res.targets) log(`${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.measured}`);
