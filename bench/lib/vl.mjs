// The same Vega-Lite specs drawn by the widget and by vega-embed (pages/vl-ours.html and
// pages/vl-vega.html, ?spec=NAME, the files in www/data/vega-lite/): bar (with value labels),
// stacked bar, line with dates, scatter, a layered annotation (rules and text over points) and
// a facet. Per spec and library BENCH_VL_LOADS fresh loads, interleaved: bytes, time to first
// draw, main-thread CPU, pointer cost along the middle of the canvas, memory.
import { measurePage } from './bars.mjs';
import { summary } from './stats.mjs';

export const VL_SPECS = ['bar', 'stacked', 'line', 'points', 'rule', 'facet'];
const LOADS = Number(process.env.BENCH_VL_LOADS || 5);

export async function measureVl(browser, origin, log) {
  const runs = [];
  for (const spec of VL_SPECS) {
    for (let i = 0; i < LOADS; i++) {
      for (const lib of i % 2 ? ['vega', 'ours'] : ['ours', 'vega']) {
        const r = await measurePage(browser, origin, `${origin}/bench/pages/vl-${lib}.html?spec=${spec}`, lib);
        runs.push({ spec, ...r });
      }
    }
    const cell = (lib) => runs.filter((r) => r.spec === spec && r.lib === lib && r.rendered !== undefined);
    log(`vega-lite ${spec}: first draw ours ${med(cell('ours'), (r) => r.rendered)} ms, vega-embed ${med(cell('vega'), (r) => r.rendered)} ms`);
  }
  const out = {};
  for (const spec of VL_SPECS) {
    out[spec] = {};
    for (const lib of ['ours', 'vega']) {
      const ok = runs.filter((r) => r.spec === spec && r.lib === lib && r.rendered !== undefined);
      const failed = runs.filter((r) => r.spec === spec && r.lib === lib && r.rendered === undefined);
      out[spec][lib] = {
        loads: ok.length,
        failed: failed.map((r) => r.failed || r.signal),
        renderedMs: summary(ok.map((r) => r.rendered)),
        cpuTaskMs: summary(ok.map((r) => r.cpu && r.cpu.task)),
        pointerCpuPerMoveMs: summary(ok.map((r) => r.pointer && r.pointer.cpuPerMoveMs)),
        pointerLatencyMs: summary(ok.map((r) => r.pointer && r.pointer.medianMs)),
        memoryTotalBytes: summary(ok.map((r) => r.memory && r.memory.total)),
        bytesGzip: summary(ok.map((r) => r.bytes && r.bytes.gzip)),
      };
    }
  }
  return { loads: LOADS, specs: out };
}

function med(rs, f) {
  const s = summary(rs.map(f));
  return s.median == null ? 'n/a' : s.median.toFixed(0);
}
