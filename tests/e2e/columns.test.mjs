// Typed columns from JavaScript (issue 13): a CSV table read once into the wasm, then
// filtered, grouped, binned and sorted through Selection handles; missing cells stay "not
// reported" (null), bad queries throw errors that say what and where.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env?.close(); });

test('Columns: read CSV once, then filter, group, bin and sort in wasm memory', async () => {
  const { page, context, log } = await openPage(env, '/examples/custom-data.html');
  const r = await page.evaluate(async () => {
    const core = await window.NewsInfographic.core();
    const csv = 'region,day,sales\nNorth,2024-01-01,10\nSouth,2024-01-02,-4\nNorth,2024-01-02,\n,2024-01-03,7\nSouth,2024-01-04,2.5\n';
    const t = core.Columns.fromCsv(csv);
    const kinds = t.names().map((n) => t.kind(n));
    const all = t.all();
    const g = all.groupBy('region', 'sales', 'sum');
    const north = t.where('region', '==', 'North');
    const gn = north.groupBy('region', 'sales', 'mean');
    const late = t.where('day', '>=', '2024-01-02').where('sales', '>', 0);
    const bins = all.bin('sales', 5);
    const sorted = all.sortBy('sales', true).indices();
    const errors = [];
    for (const f of [() => t.where('nope', '==', 1), () => t.where('region', '<', 'N'), () => all.groupBy('region', 'sales', 'median'), () => core.Columns.fromCsv('a,b\n1,2,3\n')]) {
      try { f(); errors.push('no error'); } catch (e) { errors.push(e.message); }
    }
    const j = core.Columns.fromJson('[{"region": "North", "sales": 3}, {"region": "South"}, {"region": "North", "sales": null}]');
    const gj = j.all().groupBy('region', 'sales', 'sum');
    const json = { rows: j.rowCount(), keys: gj.keys, values: gj.values, reported: [...gj.reported] };
    try { core.Columns.fromJson('[{"a": {"b": 1}}]'); errors.push('no error'); } catch (e) { errors.push(e.message); }
    j.free();
    const out = {
      rows: t.rowCount(), kinds, keys: g.keys, values: g.values, groupRows: [...g.rows], reported: [...g.reported],
      northMean: gn.values[0], late: late.indices().length ? [...late.indices()] : [], bins: { starts: [...bins.starts], counts: [...bins.counts] },
      sorted: [...sorted], numbers: [...north.numbers('sales')].map(String), errors, json,
    };
    [all, north, late, t].forEach((x) => x.free());
    return out;
  });
  assert.equal(r.rows, 5);
  assert.deepEqual(r.kinds, ['text', 'date', 'number']);
  // By hand: North 10 (one row not reported), South -4 + 2.5, the row without a region 7.
  assert.deepEqual(r.keys, ['North', 'South', null]);
  assert.deepEqual(r.values, [10, -1.5, 7]);
  assert.deepEqual(r.groupRows, [2, 2, 1]);
  assert.deepEqual(r.reported, [1, 2, 1]);
  assert.equal(r.northMean, 10);
  assert.deepEqual(r.late, [3, 4]);
  assert.deepEqual(r.bins, { starts: [-5, 0, 5, 10], counts: [1, 1, 1, 1] });
  assert.deepEqual(r.sorted, [0, 3, 4, 1, 2]);
  assert.deepEqual(r.numbers, ['10', 'NaN']);
  assert.match(r.errors[0], /no column "nope".*"region"/);
  assert.match(r.errors[1], /text: compare it with == or != only/);
  assert.match(r.errors[2], /unknown aggregate "median"/);
  assert.match(r.errors[3], /rows\[1\].*more cells/);
  assert.match(r.errors[4], /\[0\]\.a.*nested/);
  // JSON rows: an absent key and null are both not reported; South has no reported sales.
  assert.deepEqual(r.json, { rows: 3, keys: ['North', 'South'], values: [3, null], reported: [1, 0] });
  assert.deepEqual(log.errors, []);
  await context.close();
});
