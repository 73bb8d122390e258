// Filter, group and sum inside the wasm at 10^4, 10^5 and 10^6 rows (pages/query.html), one
// fresh context per size and path. The exported paths: groupSum (typed arrays of keys and
// values, a value-range filter; the time includes copying both arrays into wasm memory),
// Story.query (filter + group_by + sum over a story dataset) and customChart (CSV, aggregate
// "sum" by x and colour; no filter); plain JS versions for scale. What the widget refuses is
// recorded with its message.
import { loadFresh } from './load.mjs';
import { summary } from './stats.mjs';
import { widgetHash } from './widget-files.mjs';

export const QUERY_SIZES = [1e4, 1e5, 1e6];
const REPS = Number(process.env.BENCH_QUERY_REPS || 7);

export async function measureQueries(browser, origin) {
  const out = [];
  for (const n of QUERY_SIZES) {
    for (const path of ['groupSum', 'groupSumJs', 'story', 'custom', 'js']) {
      const { context, page, result } = await loadFresh(browser, `${origin}/bench/pages/query.html`, { timeout: 60000 });
      try {
        if (result.rendered === undefined) {
          out.push({ n, path, error: result.failed || result.signal });
          continue;
        }
        const r = await page.evaluate(([p, n, reps]) => window.__query[p](n, reps), [path, n, REPS]);
        const memory = await page.evaluate(() => window.__query.memory());
        const times = r.queryMs || r.ms;
        out.push({
          n,
          path,
          widget: widgetHash(),
          refused: r.refused,
          missing: r.missing,
          correct: r.correct,
          constructMs: r.constructMs,
          ms: Array.isArray(times) ? summary(times) : undefined,
          refusedAfterMs: r.refused ? r.constructMs ?? r.ms : undefined,
          groups: r.groups,
          csvBytes: r.bytes,
          wasmMemory: /js/i.test(path) ? undefined : memory,
        });
      } catch (e) {
        out.push({ n, path, error: e.message });
      } finally {
        await context.close();
      }
    }
  }
  return out;
}
