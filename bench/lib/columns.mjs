// Typed columns (pages/columns.html): group-by-sum and a filter over 10^5, 10^6 and 10^7 rows
// in the widget's wasm (Columns/Selection: the table read from CSV once, then queried) against
// plain JS over typed arrays and arquero over prebuilt columns; CSV parsing into typed values
// of 1, 10 and 50 MB against d3-dsv (autoType) and papaparse (dynamicTyping). One fresh
// context per size and path; each answer is checked against plain JS in the page.
import { loadFresh } from './load.mjs';
import { summary } from './stats.mjs';

export const GROUP_SIZES = [1e5, 1e6, 1e7];
export const PARSE_MB = [1, 10, 50];
const REPS = Number(process.env.BENCH_COLUMNS_REPS || 5);

async function inPage(browser, origin, f, args) {
  const { context, page, result } = await loadFresh(browser, `${origin}/bench/pages/columns.html`, { timeout: 60000 });
  try {
    if (result.rendered === undefined) return { error: result.failed || result.signal };
    const r = await page.evaluate(f, args);
    r.wasmMemory = await page.evaluate(() => window.__columns.memory());
    return r;
  } catch (e) {
    return { error: e.message };
  } finally {
    await context.close();
  }
}

export async function measureColumns(browser, origin, log) {
  const groupBy = [];
  for (const n of GROUP_SIZES) {
    for (const path of ['ours', 'js', 'arquero']) {
      const r = await inPage(browser, origin, ([p, n, reps]) => window.__columns.groupBy(p, n, reps), [path, n, REPS]);
      const row = { n, path, correct: r.correct, error: r.error, loadMs: r.loadMs, groupMs: r.groupMs && summary(r.groupMs), filterMs: r.filterMs && summary(r.filterMs), wasmMemory: path === 'ours' ? r.wasmMemory : undefined };
      groupBy.push(row);
      log(`columns group-by ${path} n=${n}: ${row.error || `group ${row.groupMs.median.toFixed(1)} ms, filter ${row.filterMs.median.toFixed(1)} ms${row.correct ? '' : ' WRONG ANSWER'}`}`);
    }
  }
  const parse = [];
  for (const mb of PARSE_MB) {
    for (const path of ['ours', 'd3', 'papaparse']) {
      const r = await inPage(browser, origin, ([p, mb, reps]) => window.__columns.parse(p, mb, reps), [path, mb, Math.min(REPS, 3)]);
      const row = { mb, path, bytes: r.bytes, rows: r.rows, result: r.result, correct: r.correct, error: r.error, ms: r.ms && summary(r.ms) };
      parse.push(row);
      log(`columns parse ${path} ${mb} MB: ${row.error || `${row.ms.median.toFixed(0)} ms${row.correct ? '' : ' WRONG ROW COUNT'}`}`);
    }
  }
  return { groupBy, parse, reps: REPS };
}
