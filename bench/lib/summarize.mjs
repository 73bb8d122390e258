// From the raw runs to medians, ranges, ratios to each peer, and the targets met or missed.
import path from 'node:path';
import { summary, median, ratio } from './stats.mjs';
import { fileSizes } from './bytes.mjs';
import { REPO } from './server.mjs';

export const PEERS = ['chartjs', 'uplot', 'echarts', 'vegalite'];
export const NAMES = {
  ours: 'news-infographic',
  chartjs: 'Chart.js',
  uplot: 'uPlot',
  echarts: 'ECharts',
  vegalite: 'Vega-Lite',
  baseline: 'baseline (harness only)',
};
export const BUDGET_GZIP = 40 * 1024;

const pick = (runs, f) => runs.map(f).filter((x) => Number.isFinite(x));

/** The widget build most loads saw; loads of the widget that saw another are left out. */
export function mainBuild(runs) {
  const counts = new Map();
  for (const r of runs) if (r.lib === 'ours' && r.widget) counts.set(r.widget, (counts.get(r.widget) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([h]) => h)[0];
}

/** gzip -9 bytes of the files the widget's first pixels depend on, among those a load fetched. */
export function firstBytes(timeline) {
  const need = (p) => p === '/www/embed.js' || p === '/www/embed.css' || p === '/www/widget/first.js' || p.startsWith('/www/static/');
  return [...new Set((timeline || []).map((t) => t.path).filter(need))].reduce((sum, p) => sum + fileSizes(path.join(REPO, p)).gzip, 0);
}

export function summarizeBars(runs, libs) {
  const out = {};
  const build = mainBuild(runs);
  for (const lib of libs) {
    const other = runs.filter((r) => r.lib === lib && lib === 'ours' && r.widget !== build);
    const ok = runs.filter((r) => r.lib === lib && r.rendered !== undefined && !other.includes(r));
    const failed = runs.filter((r) => r.lib === lib && r.rendered === undefined);
    const bytes = ok.map((r) => r.bytes).filter(Boolean);
    const s = {
      loads: ok.length,
      failedLoads: failed.map((r) => r.failed || r.signal),
      otherBuildLoads: other.length,
      build: lib === 'ours' ? build : undefined,
      renderedMs: summary(pick(ok, (r) => r.rendered)),
      firstPixelsMs: summary(pick(ok, (r) => r.firstPixels)),
      firstPixelsStaticLoads: ok.filter((r) => r.firstPixelsStatic).length,
      bytesBeforeFirstGzip: summary(pick(ok, (r) => r.bytesBeforeFirst)),
      // What the first pixels need (widget/first.js imports nothing): embed.js, embed.css,
      // first.js and the static/ files shown. A peer's first pixels need all its files.
      bytesForFirstGzip: summary(pick(ok, (r) => (lib === 'ours' && r.firstPixelsStatic ? firstBytes(r.timeline) : r.bytes && r.bytes.gzip))),
      cls: summary(pick(ok, (r) => r.cls)),
      cpuTaskMs: summary(pick(ok, (r) => r.cpu && r.cpu.task)),
      cpuScriptMs: summary(pick(ok, (r) => r.cpu && r.cpu.script)),
      pointerLatencyMs: summary(pick(ok, (r) => r.pointer && r.pointer.medianMs)),
      pointerCpuPerMoveMs: summary(pick(ok, (r) => r.pointer && r.pointer.cpuPerMoveMs)),
      pointerWasmPerMoveMs: summary(pick(ok, (r) => r.pointer && r.pointer.wasmCallsPerMoveMs)),
      tooltipShownOf100: summary(pick(ok, (r) => r.pointer && (100 * r.pointer.tooltipShown) / r.pointer.samples)),
      jsHeapBytes: summary(pick(ok, (r) => r.memory && r.memory.jsHeapUsed)),
      wasmMemoryBytes: summary(pick(ok, (r) => r.memory && r.memory.wasmMemory)),
      memoryTotalBytes: summary(pick(ok, (r) => r.memory && r.memory.total)),
      loadavg1: summary(pick(runs.filter((r) => r.lib === lib), (r) => r.loadavg1)),
    };
    if (bytes.length) {
      const last = bytes[bytes.length - 1];
      s.bytes = {
        raw: summary(bytes.map((b) => b.raw)),
        gzip: summary(bytes.map((b) => b.gzip)),
        files: last.files,
      };
    }
    // Median arrival time of each file, for the load's waterfall.
    const paths = new Set(ok.flatMap((r) => (r.timeline || []).map((t) => t.path)));
    s.waterfall = [...paths]
      .map((p) => ({
        path: p,
        startMs: median(ok.map((r) => (r.timeline || []).find((t) => t.path === p)).filter(Boolean).map((t) => t.start)),
        endMs: median(ok.map((r) => (r.timeline || []).find((t) => t.path === p)).filter(Boolean).map((t) => t.end)),
      }))
      .sort((a, b) => a.endMs - b.endMs);
    out[lib] = s;
  }
  return out;
}

/** Per-move CPU minus the harness-only baseline's: each library's own work per pointer move. */
export function addAboveBaseline(bars) {
  const base = bars.baseline && bars.baseline.pointerCpuPerMoveMs.median;
  for (const s of Object.values(bars)) s.pointerCpuAboveBaselineMs = base == null || s.pointerCpuPerMoveMs.median == null ? null : s.pointerCpuPerMoveMs.median - base;
}

/** ours / peer for each metric's median. */
export function ratios(bars) {
  const metrics = {
    bytesGzip: (s) => s.bytes && s.bytes.gzip.median,
    bytesRaw: (s) => s.bytes && s.bytes.raw.median,
    renderedMs: (s) => s.renderedMs.median,
    cpuTaskMs: (s) => s.cpuTaskMs.median,
    pointerLatencyMs: (s) => s.pointerLatencyMs.median,
    pointerCpuPerMoveMs: (s) => s.pointerCpuPerMoveMs.median,
    pointerCpuAboveBaselineMs: (s) => s.pointerCpuAboveBaselineMs,
    memoryTotalBytes: (s) => s.memoryTotalBytes.median,
    jsHeapBytes: (s) => s.jsHeapBytes.median,
  };
  const out = {};
  for (const [m, f] of Object.entries(metrics)) {
    out[m] = Object.fromEntries(PEERS.filter((p) => bars[p]).map((p) => [p, ratio(f(bars.ours), f(bars[p]))]));
  }
  return out;
}

export function summarizeScaling(runs) {
  const out = {};
  for (const r of runs) {
    const cell = ((out[r.n] ||= {})[r.lib] ||= { runs: [] });
    cell.runs.push(r);
  }
  for (const n of Object.keys(out)) {
    for (const lib of Object.keys(out[n])) {
      const c = out[n][lib];
      const ok = c.runs.filter((r) => r.rendered !== undefined);
      const bad = c.runs.find((r) => r.rendered === undefined);
      out[n][lib] = {
        loads: ok.length,
        renderedMs: summary(pick(ok, (r) => r.rendered)),
        cpuTaskMs: summary(pick(ok, (r) => r.cpu && r.cpu.task)),
        failed: bad ? bad.failed || bad.signal : undefined,
        failedAfterMs: bad ? bad.wallMs : undefined,
        failedCpuMs: bad && bad.cpu ? bad.cpu.task : undefined,
      };
    }
  }
  return out;
}

const fmtKB = (b) => (b / 1024).toFixed(1) + ' KB';
const fmtMs = (x) => (x == null ? 'n/a' : x.toFixed(x < 10 ? 1 : 0) + ' ms');

/** The issue's targets, each { target, measured, met, reason }. */
export function targets({ bars, scaling, queries, widget, wasm, traces, lineExplained }) {
  const o = bars.ours;
  const t = [];
  const wasmFile = widget.files.find((f) => f.file.endsWith('.wasm'));
  t.push({
    id: 'bytes',
    target: 'widget bytes (JS + wasm + CSS) <= 40 KB gzip -9',
    measured: `${fmtKB(widget.gzip)} gzip (${fmtKB(widget.raw)} raw)`,
    met: widget.gzip <= BUDGET_GZIP,
    reason: `the wasm alone is ${fmtKB(wasmFile.gzip)} gzip (${fmtKB(wasmFile.raw)} raw)` +
      (wasm && wasm.available
        ? `; before wasm-opt its code is (twiggy) ${wasm.categories.slice(0, 5).map((c) => `${c.name.replace(/ \(.*/, '')} ${fmtKB(c.bytes)}`).join(', ')}`
        : ''),
  });
  const tt = (metric, label) => {
    const ours = o[metric].median;
    const up = bars.uplot[metric].median;
    const cj = bars.chartjs[metric].median;
    return {
      id: metric,
      target: `${label} <= uPlot and <= 0.75 x Chart.js`,
      measured: `${fmtMs(ours)} vs uPlot ${fmtMs(up)}, Chart.js ${fmtMs(cj)} (x${(ours / cj).toFixed(2)} Chart.js)`,
      met: ours <= up && ours <= 0.75 * cj,
    };
  };
  const time = tt('renderedMs', 'time to first chart');
  const files = o.waterfall.filter((w) => w.path.startsWith('/www/'));
  const loader = files.find((w) => w.path === '/www/embed.js');
  const rest = files.filter((w) => w !== loader);
  if (loader && rest.length) {
    const lastEnd = Math.max(...rest.map((w) => w.endMs));
    const base = bars.baseline && bars.baseline.renderedMs.median;
    time.reason =
      `embed.js arrives at ${fmtMs(loader.endMs)}; ${Math.min(...rest.map((w) => w.startMs)) >= loader.endMs ? 'only then do ' : ''}its requests (${rest.map((w) => w.path.replace(/^.*\//, '')).join(', ')}) start, and all have arrived by ${fmtMs(lastEnd)}; first draw follows ${fmtMs(o.renderedMs.median - lastEnd)} later (in that time, per embed.js: wasm compile and instantiate, dataset validation, building the widget's DOM, waiting for document.fonts.ready and an animation frame; not timed separately)` +
      (base != null ? `. The no-library page itself reports at ${fmtMs(base)}: above that floor the widget takes ${fmtMs(o.renderedMs.median - base)}, uPlot ${fmtMs(bars.uplot.renderedMs.median - base)}, Chart.js ${fmtMs(bars.chartjs.renderedMs.median - base)}` : '');
  }
  t.push(time);
  const cpu = tt('cpuTaskMs', 'main-thread CPU until first chart');
  const tr = (traces || []).find((x) => x.lib === 'ours' && x.top);
  if (tr) {
    const get = (n) => (tr.top.find((e) => e.name === n) || { ms: 0 }).ms;
    cpu.reason = `one traced load (wall time of main-thread events, tracing on): Layout ${fmtMs(get('Layout'))} + style ${fmtMs(get('UpdateLayoutTree'))} for the widget's DOM (figure, buttons, hidden table, caption) in its shadow root, lazy wasm compilation on first calls (wasm.CompileLazy) ${fmtMs(get('wasm.CompileLazy'))}, promise chains (RunMicrotasks: instantiate, dataset, build) ${fmtMs(get('RunMicrotasks'))}; see "Main thread until first draw" in bench/RESULTS.md`;
  }
  t.push(cpu);
  t.push({
    id: 'pointer',
    target: 'cost per pointer move <= Chart.js',
    measured: `event to end of next frame ${fmtMs(o.pointerLatencyMs.median)} vs Chart.js ${fmtMs(bars.chartjs.pointerLatencyMs.median)}; main-thread CPU per move ${fmtMs(o.pointerCpuPerMoveMs.median)} vs ${fmtMs(bars.chartjs.pointerCpuPerMoveMs.median)} (above the no-library baseline: ${fmtMs(o.pointerCpuAboveBaselineMs)} vs ${fmtMs(bars.chartjs.pointerCpuAboveBaselineMs)})`,
    met: o.pointerLatencyMs.median <= bars.chartjs.pointerLatencyMs.median && o.pointerCpuPerMoveMs.median <= bars.chartjs.pointerCpuPerMoveMs.median,
    reason:
      `of the widget's CPU per move, ${fmtMs(o.pointerWasmPerMoveMs.median)} is inside its wasm calls (hit + tooltip, timed); the rest is JS, style and layout: on each move embed.js rebuilds the tooltip's DOM and reads offsetWidth/offsetHeight, which forces a layout (from reading embed.js; not timed separately)` +
      (bars.baseline && bars.baseline.pointerCpuPerMoveMs.n ? `; the harness-only baseline page costs ${fmtMs(bars.baseline.pointerCpuPerMoveMs.median)} per move` : ''),
  });
  t.push({
    id: 'memory',
    target: "memory after render (JS heap + wasm memory) <= Chart.js's JS heap",
    measured: `${fmtKB(o.memoryTotalBytes.median)} (JS heap ${fmtKB(o.jsHeapBytes.median)} + wasm ${fmtKB(o.wasmMemoryBytes.median)}) vs Chart.js ${fmtKB(bars.chartjs.jsHeapBytes.median)}`,
    met: o.memoryTotalBytes.median <= bars.chartjs.jsHeapBytes.median,
    reason: `the widget's JS heap alone is x${(o.jsHeapBytes.median / bars.chartjs.jsHeapBytes.median).toFixed(2)} Chart.js's; the wasm linear memory is ${fmtKB(o.wasmMemoryBytes.median)} (${Math.round(o.wasmMemoryBytes.median / 65536)} pages of 64 KiB: the Rust stack, static data and the allocator's heap; wasm memory never shrinks)`,
  });
  const s6 = scaling[1e6] || scaling['1000000'] || {};
  const ours6 = s6.ours || {};
  const csv6 = s6['ours-csv'] || {};
  const up6 = s6.uplot || {};
  const cj6 = s6.chartjs || {};
  t.push({
    id: 'line-1e6',
    target: '10^6-point line drawn no later than uPlot',
    measured: ours6.loads
      ? `${fmtMs(ours6.renderedMs.median)} (number columns) vs uPlot ${fmtMs(up6.renderedMs && up6.renderedMs.median)}, Chart.js with decimation ${fmtMs(cj6.renderedMs && cj6.renderedMs.median)}` +
        (csv6.loads ? '' : `; from CSV text (data-src) refused: ${csv6.failed || 'not run'}`)
      : `refused: ${ours6.failed || 'not run'} (uPlot draws it at ${fmtMs(up6.renderedMs && up6.renderedMs.median)})`,
    met: !!ours6.loads && up6.renderedMs && ours6.renderedMs.median <= up6.renderedMs.median,
    reason: (() => {
      const le = lineExplained;
      if (ours6.loads && le && le.trace && le.trace.top) {
        return `number columns are copied into wasm memory as two f64 arrays, checked and min-max decimated per pixel column in Rust (at most two points per column are drawn), and the data table shows the first 500 rows; in a traced load at 10^${Math.log10(le.n)}: ${le.trace.top.slice(0, 4).map((e) => `${e.name} ${fmtMs(e.ms)}`).join(', ')}`;
      }
      if (!le || !le.trace || !le.trace.top) return 'the widget refuses data over 100,000 rows or 5 MB';
      const get = (n) => (le.trace.top.find((e) => e.name === n) || { ms: 0 }).ms;
      const s5 = scaling[le.n] || {};
      return `the widget refuses data over 100,000 rows or 5 MB. At 10^${Math.log10(le.n)} it draws in ${fmtMs(s5.ours && s5.ours.renderedMs.median)} (uPlot ${fmtMs(s5.uplot && s5.uplot.renderedMs.median)}); in a traced load ${fmtMs(get('Layout'))} of that is Layout and ${fmtMs(get('UpdateLayoutTree'))} style recalculation` +
        (le.dom ? ` of the DOM it builds: its hidden data table has a row per point (${le.dom.tableRows} table rows, ${le.dom.elements} elements in the shadow root)` : '') +
        `; all script and wasm work (RunMicrotasks: CSV parse, layout, drawing, the table's content) is ${fmtMs(get('RunMicrotasks'))}`;
    })(),
  });
  const q6 = queries.filter((q) => q.n === 1e6 && !/js/i.test(q.path));
  const gs = q6.find((q) => q.path === 'groupSum' && q.ms && q.ms.median != null);
  const q6ok = gs || q6.find((q) => q.ms && q.ms.median != null);
  const label = { groupSum: 'groupSum', story: 'Story.query', custom: 'customChart' };
  const js6 = queries.find((q) => q.n === 1e6 && q.path === 'groupSumJs');
  t.push({
    id: 'query-1e6',
    target: '10^6-row group-by <= 30 ms (inside the wasm)',
    measured: q6ok
      ? `${fmtMs(q6ok.ms.median)} (${label[q6ok.path]}, range ${fmtMs(q6ok.ms.min)}–${fmtMs(q6ok.ms.max)})` + (js6 && js6.ms ? `; the same loop in plain JS ${fmtMs(js6.ms.median)}` : '')
      : `not possible: ${q6.map((q) => `${label[q.path]} ${q.missing ? 'missing' : `refuses ("${q.refused || q.error}")`}`).join('; ')}`,
    met: !!q6ok && q6ok.ms.median <= 30,
    reason: q6ok && q6ok.path === 'groupSum'
      ? 'groupSum copies 12 MB (keys and values) into wasm memory on each call before summing'
      : 'no exported function takes 10^6 rows',
  });
  return t;
}

/**
 * The first-pixels issue's targets, from the stacked-bar loads alone: first pixels against
 * uPlot's first draw, bytes before them, layout shift, time to interactive, total bytes
 * against vega-embed's, memory against Chart.js's.
 */
export function firstPixelTargets({ bars, widget, traces }) {
  const o = bars.ours;
  const up = bars.uplot;
  const vl = bars.vegalite;
  const cj = bars.chartjs;
  const t = [];
  if (!o || !up || !o.firstPixelsMs.n) return t;
  const fp = o.firstPixelsMs.median;
  t.push({
    id: 'first-pixels',
    target: "first chart pixels <= 0.6 x uPlot's time to first draw",
    measured: `${fmtMs(fp)} (pre-rendered in ${o.firstPixelsStaticLoads} of ${o.loads} loads) vs uPlot ${fmtMs(up.renderedMs.median)} (x${(fp / up.renderedMs.median).toFixed(2)})`,
    met: fp <= 0.6 * up.renderedMs.median,
    reason: firstReason(o, (traces || []).find((x) => x.lib === 'ours')),
  });
  t.push({
    id: 'bytes-before-first',
    target: 'bytes before first pixels <= 30 KB gzip',
    measured: `${fmtKB(o.bytesForFirstGzip.median)} gzip needed (embed.js, embed.css, first.js, the chart's index and SVG; first.js imports nothing, and the e2e tests show them with the wasm held back); ${fmtKB(o.bytesBeforeFirstGzip.median)} had arrived by then on loopback, the wasm and modules loading in parallel included`,
    met: o.bytesForFirstGzip.median != null && o.bytesForFirstGzip.median <= 30 * 1024,
  });
  t.push({
    id: 'layout-shift',
    target: 'layout-shift score 0',
    measured: `${o.cls.median} (max ${o.cls.max} over ${o.cls.n} loads)`,
    met: o.cls.max === 0,
  });
  t.push({
    id: 'interactive',
    target: "time to interactive <= uPlot's time to first draw",
    measured: `${fmtMs(o.renderedMs.median)} vs uPlot ${fmtMs(up.renderedMs.median)} (x${(o.renderedMs.median / up.renderedMs.median).toFixed(2)})`,
    met: o.renderedMs.median <= up.renderedMs.median,
    reason: `the interactive chart needs the wasm (${fmtKB((widget.files.find((f) => f.file.endsWith('.wasm')) || {}).gzip || 0)} gzip, in by ${fmtMs(arrival(o, '/www/pkg/news_infographic_bg.wasm'))}), its JS glue (in by ${fmtMs(arrival(o, '/www/pkg/news_infographic.js'))}), the dataset (in by ${fmtMs(arrival(o, '/www/data/binzhou.json'))}) and the widget's modules (the last in by ${fmtMs(Math.max(...(o.waterfall || []).filter((x) => x.path.startsWith('/www/widget/')).map((x) => x.endMs)))}), then instantiation, lazy compilation of the code it runs and the figure's DOM (see the traced load under "time to first chart")`,
  });
  if (vl && vl.bytes && o.bytes) {
    t.push({
      id: 'bytes-vs-vega',
      target: "total widget bytes <= 0.5 x vega-embed's (vega + vega-lite + vega-embed)",
      measured: `${fmtKB(o.bytes.gzip.median)} vs ${fmtKB(vl.bytes.gzip.median)} gzip (x${(o.bytes.gzip.median / vl.bytes.gzip.median).toFixed(2)})`,
      met: o.bytes.gzip.median <= 0.5 * vl.bytes.gzip.median,
      reason: 'the wasm is most of it; where its bytes go is under "widget bytes" (twiggy): the grammar engine itself, spread over many modules with no single large item, then data segments, core/alloc/std and serde. opt-level "z" instead of "s" took 69.2 KB gzip off (503.1 -> 433.8 KB, measured before typed columns were added)',
    });
  }
  if (cj) {
    t.push({
      id: 'memory-first',
      target: "memory (JS heap + wasm memory) <= Chart.js's",
      measured: `${fmtKB(o.memoryTotalBytes.median)} vs Chart.js ${fmtKB(cj.memoryTotalBytes.median)}`,
      met: o.memoryTotalBytes.median <= cj.memoryTotalBytes.median,
    });
  }
  return t;
}

/** The typed-columns targets: group-by over 10^6 rows against arquero and plain JS; CSV parsing against d3-dsv. */
export function columnsTargets({ columns }) {
  const t = [];
  if (!columns) return t;
  const g = (path, n) => columns.groupBy.find((r) => r.path === path && r.n === n);
  const [o, js, aq] = [g('ours', 1e6), g('js', 1e6), g('arquero', 1e6)];
  if (o && o.groupMs && js && js.groupMs && aq && aq.groupMs) {
    const om = o.groupMs.median;
    t.push({
      id: 'group-by-1e6',
      target: "group-by over 10^6 rows <= 1.0 x arquero's and <= plain typed-array JavaScript's",
      measured: `${fmtMs(om)} vs arquero ${fmtMs(aq.groupMs.median)} (x${(om / aq.groupMs.median).toFixed(2)}), plain JS ${fmtMs(js.groupMs.median)} (x${(om / js.groupMs.median).toFixed(2)})` + (o.correct ? '' : '; WRONG ANSWER'),
      met: o.correct && om <= aq.groupMs.median && om <= js.groupMs.median,
      reason: 'text keys are interned ids that index the accumulators directly; the filter builds an index list (4 bytes a row), where the JS loop only counts',
    });
  }
  const sizes = [...new Set(columns.parse.map((r) => r.mb))];
  const rows = sizes.map((mb) => [mb, columns.parse.find((r) => r.mb === mb && r.path === 'ours'), columns.parse.find((r) => r.mb === mb && r.path === 'd3')]);
  if (rows.every(([, o, d]) => o && o.ms && d && d.ms)) {
    t.push({
      id: 'csv-parse',
      target: "CSV parsing at least as fast as d3-dsv's",
      measured: rows.map(([mb, o, d]) => `${mb} MB: ${fmtMs(o.ms.median)} vs ${fmtMs(d.ms.median)}`).join('; '),
      met: rows.every(([, o, d]) => o.ms.median <= d.ms.median),
      reason: 'two passes of csv-core over the bytes (types, then values) straight into typed columns; the time includes copying the text into wasm memory',
    });
  }
  return t;
}

/** The Vega-Lite specs' targets: first draw and CPU <= 0.5 x vega-embed's, pointer cost <= Chart.js's (stacked bars). */
/** The traced sweeps' story for the pointer target: each page's main-thread time per move. */
function pointerWhy(traces) {
  const ok = (traces || []).filter((t) => !t.error);
  if (!ok.length) return undefined;
  const base = ok.find((t) => t.page === 'bars-baseline.html');
  const name = (pg) => pg.replace('vl-ours.html?spec=', 'ours ').replace('bars-', '').replace('.html', ' (stacked bars)');
  const above = (t) => (base ? ` (${(t.perMoveMs - base.perMoveMs).toFixed(2)} above the harness's page)` : '');
  return (
    'one traced sweep per page in this run (main-thread self time per move, tracing on): ' +
    ok.map((t) => `${name(t.page)} ${t.perMoveMs.toFixed(2)} ms, script ${t.scriptMs.toFixed(2)}${t.page === 'bars-baseline.html' ? '' : above(t)}`).join('; ') +
    '. Most of every page\'s time per move is the harness and the frame it waits for (the baseline page has no library); the widget\'s own work is the difference, hit-testing in Rust and the tooltip\'s DOM'
  );
}

export function vlTargets({ vl, bars, pointerTraces }) {
  const t = [];
  if (!vl) return t;
  const specs = Object.keys(vl.specs);
  const row = (metric) => specs.map((s) => [s, vl.specs[s].ours[metric].median, vl.specs[s].vega[metric].median]);
  const fmt = (rows) => rows.map(([s, o, v]) => `${s} ${fmtMs(o)} vs ${fmtMs(v)}` + (o != null && v ? ` (x${(o / v).toFixed(2)})` : '')).join('; ');
  const ok = (rows, k) => rows.every(([, o, v]) => o != null && v != null && o <= k * v);
  const first = row('renderedMs');
  const why = "both pages load their library and the spec's CSV; the widget's first draw waits for its wasm (compiled while the modules load) and then lazily compiles the code the chart runs (the stacked-bar trace: wasm.CompileLazy is the largest main-thread item), where vega's JS is parsed and run at once; a smaller wasm and less code run before the first draw would meet it";
  t.push({ id: 'vl-first-draw', target: "Vega-Lite specs: time to first draw <= 0.5 x vega-embed's", measured: fmt(first), met: ok(first, 0.5), reason: why });
  const cpu = row('cpuTaskMs');
  t.push({ id: 'vl-cpu', target: "Vega-Lite specs: main-thread CPU to first draw <= 0.5 x vega-embed's", measured: fmt(cpu), met: ok(cpu, 0.5), reason: why });
  const cj = bars && bars.chartjs && bars.chartjs.pointerCpuPerMoveMs.median;
  if (cj != null) {
    const p = specs.map((s) => [s, vl.specs[s].ours.pointerCpuPerMoveMs.median]);
    t.push({
      id: 'vl-pointer',
      target: "Vega-Lite specs: CPU per pointer move <= Chart.js's (stacked bars)",
      measured: p.map(([s, o]) => `${s} ${o == null ? 'n/a' : o.toFixed(2)} ms`).join('; ') + ` vs Chart.js ${cj.toFixed(2)} ms`,
      met: p.every(([, o]) => o != null && o <= cj),
      reason: pointerWhy(pointerTraces),
    });
  }
  return t;
}

/** Every target the run has figures for (the full suites' and each issue's). */
export function allTargets(res) {
  const t = res.bars && res.scaling && res.queries ? targets(res) : [];
  if (res.bars) t.push(...firstPixelTargets(res));
  t.push(...columnsTargets(res), ...vlTargets(res));
  return t;
}

/** Median arrival (Resource Timing responseEnd) of `p` in the widget's loads. */
function arrival(o, p) {
  const w = (o.waterfall || []).find((x) => x.path === p);
  return w ? w.endMs : null;
}

/** Where the widget's first pixels wait: the files they need, in the order they come. */
/** The traced load's main thread between the index's arrival and the SVG's request. */
function gapText(tr) {
  const g = tr && tr.firstPixelsGap;
  if (!g) return 'the gap was not traced in this run';
  const names = g.top.map((e) => e.name).join(' ');
  const why = [
    /wasm/.test(names) && "the wasm's streaming compilation takes in its bytes on the main thread",
    /Microtasks|newInstance|evaluateModule/.test(names) && 'the modules are instantiated and promise callbacks run',
    /Layout|UpdateLayoutTree/.test(names) && "first.js builds the figure and lays it out to pick the picture's width",
  ].filter(Boolean);
  return `in the traced load that gap was ${fmtMs(g.ms)}, the main thread busy with ${g.top.map((e) => `${e.name} ${fmtMs(e.ms)}`).join(', ')} (idle ${fmtMs(Math.max(0, g.idleMs))})${why.length ? ': ' + why.join('; ') : ''}`;
}

function firstReason(o, tr) {
  const at = (p) => (o.waterfall || []).find((x) => x.path === p || (p.endsWith('*') && x.path.startsWith(p.slice(0, -1)) && x.path.endsWith('.json')));
  const svg = (o.waterfall || []).find((x) => x.path.startsWith('/www/static/') && x.path.endsWith('.svg'));
  const e = at('/www/embed.js');
  const f = at('/www/widget/first.js');
  const ix = at('/www/static/*');
  if (!e || !f || !ix || !svg) return 'the first pixels need embed.js, then first.js and the chart\'s index, then its SVG';
  return `median arrivals: embed.js ${fmtMs(e.endMs)}; its requests start at ${fmtMs(Math.min(f.startMs, ix.startMs))} (the widget mounts as its tag runs when it is within the lazy margin); first.js ${fmtMs(f.endMs)} and the index ${fmtMs(ix.endMs)} in parallel; the SVG is requested at ${fmtMs(svg.startMs)} (in between, the other widget modules arrive and run, the last at ${fmtMs(Math.max(...(o.waterfall || []).filter((x) => x.path.startsWith('/www/widget/')).map((x) => x.endMs)))}; ${gapText(tr)}) and in by ${fmtMs(svg.endMs)}; decoded and in a frame at ${fmtMs(o.firstPixelsMs.median)}. uPlot's page needs one script. What would meet it: the picture in the page's own HTML (an <img> inside the host element, shown before any script), or the widget's other modules and the wasm requested only after the first pixels are up (which delays the interactive chart)`;
}
