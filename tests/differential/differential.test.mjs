// Differential tests: our engine against Vega-Lite + Vega, spec by spec.
//
//   node --test tests/differential/            (NI_RENDER=path/to/render to pick the binary)
//
// For every tests/differential/specs/*.vl.json, plus the 10^5-row specs that gen-big.mjs writes
// into tests/output/differential/, this runs reference.mjs in-process (Vega's answer) and
// `$NI_RENDER --vega-lite SPEC --dump` (ours; default target/export/render, the cargo profile
// `export`), whose JSON has the shape documented in reference.mjs, and compares:
//   scales  same names; equal types; domains equal element by element, in order (numbers within
//           1e-9 relative, or 1e-12 absolute near zero; strings exactly); for band and point
//           scales, the first and last value's position and the bandwidth as fractions of the
//           range (order, direction, paddings).
//   marks   equal item counts per Vega-Lite mark type (a missing key counts as 0).
//   data    rows of the main mark's dataset: the same number of rows, matched as multisets on the
//           fields present in both engines' rows (null and a missing field are the same); every
//           field of Vega's rows that the spec's encodings name (the field, `op_field`,
//           `__count`, `bin_maxbins_N_field` and `_end`, `unit_field`, `field_start`/`_end`, or a
//           field the compiled Vega marks encode) must be in ours. Fields a spec lists in
//           `usermeta.differential.random` (values Vega draws with Math.random, such as a
//           bootstrap interval's bounds) are left out of the rows; everything else is compared.
// A spec named todo-*.vl.json is expected to fail: it runs as a node:test `todo` (reported, not
// counted as a failure), with the reason read from todo-NAME.why beside it when that exists.
// A missing binary FAILS every engine test; it never skips.
process.env.TZ = 'UTC';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { reference, encodedFieldNames, markFieldNames, specName } from './reference.mjs';
import { writeBigSpecs } from './gen-big.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const SPEC_DIR = join(HERE, 'specs');
const BIN = resolve(REPO, process.env.NI_RENDER || 'target/export/render');
const REL_TOL = 1e-9;
const ABS_TOL = 1e-12;
const MAX_PROBLEMS = 15;

/**
 * The story's preset charts are Vega-Lite specs written by the Rust core from the dataset:
 * `render --chart NAME --spec` writes each (English and Chinese) into tests/output/differential/
 * so that Vega checks them like any other spec. A render that fails here fails the run.
 */
function writePresetSpecs() {
  const dir = join(REPO, 'tests', 'output', 'differential');
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const chart of ['champions-by-year', 'champions-by-industry']) {
    for (const lang of ['en', 'zh']) {
      const file = join(dir, `preset-${chart}-${lang}.vl.json`);
      const r = spawnSync(BIN, ['--chart', chart, '--spec', '--lang', lang, '--width', '640', '--out', file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${BIN} --chart ${chart} --spec failed: ${r.error ?? r.stderr}`);
      out.push(file);
    }
  }
  return out;
}

/**
 * The newsroom kinds are shorthand specs the Rust core writes as Vega-Lite (their numbers,
 * shares and changes computed in Rust, inline): `render --custom SPEC --rows CSV --spec` writes
 * each gallery chart (www/data/gallery/NAME.spec.json with NAME.csv) into
 * tests/output/differential/kind-NAME.vl.json, and Vega checks it like any other spec.
 */
function writeKindSpecs() {
  const gallery = join(REPO, 'www', 'data', 'gallery');
  const dir = join(REPO, 'tests', 'output', 'differential');
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const f of readdirSync(gallery).filter((f) => f.endsWith('.spec.json')).sort()) {
    const name = f.replace(/\.spec\.json$/, '');
    const file = join(dir, `kind-${name}.vl.json`);
    const args = ['--custom', join(gallery, f), '--rows', join(gallery, `${name}.csv`), '--spec', '--out', file];
    const r = spawnSync(BIN, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${BIN} --custom ${f} --spec failed: ${r.error ?? r.stderr}`);
    out.push(file);
  }
  return out;
}

const specPaths = [
  ...readdirSync(SPEC_DIR).filter((f) => f.endsWith('.vl.json')).sort().map((f) => join(SPEC_DIR, f)),
  ...writeBigSpecs(),
  ...(existsSync(BIN) ? writePresetSpecs() : []),
  ...(existsSync(BIN) ? writeKindSpecs() : []),
];

// ---------------------------------------------------------------------------------------------
// Value comparison and display

function sameNumber(a, b) {
  if (a === b) return true;
  const diff = Math.abs(a - b);
  return diff <= ABS_TOL || diff <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

/** Equal as the dump means it: numbers within tolerance, null == missing, arrays/objects deep. */
function sameValue(a, b) {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return a === b;
}

function show(value, limit = 200) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > limit ? `${text.slice(0, limit)}... (${text.length} chars)` : text;
}

// ---------------------------------------------------------------------------------------------
// The three comparisons; each returns a list of readable problems.

/** Band geometry as fractions of the range, equal to 1e-9 (pixel sizes differ, ratios do not). */
function sameGeometry(a, b) {
  if (!b) return false;
  return Object.keys(a).every((k) => typeof b[k] === 'number' && Math.abs(a[k] - b[k]) <= 1e-9);
}

function compareScales(ref, ours) {
  const problems = [];
  const mine = ours ?? {};
  for (const [name, want] of Object.entries(ref)) {
    const got = mine[name];
    if (!got) {
      problems.push(`scale ${name}: missing from ours (vega: ${want.type} ${show(want.domain)})`);
      continue;
    }
    if (got.type !== want.type) {
      problems.push(`scale ${name} type: vega ${show(want.type)}, ours ${show(got.type)}`);
    }
    if (!Array.isArray(got.domain) || !sameValue(want.domain, got.domain)) {
      let where = '';
      if (Array.isArray(got.domain) && got.domain.length === want.domain.length) {
        const i = want.domain.findIndex((v, k) => !sameValue(v, got.domain[k]));
        where = ` (first difference at [${i}]: vega ${show(want.domain[i])}, ours ${show(got.domain[i])})`;
      } else if (Array.isArray(got.domain)) {
        where = ` (length: vega ${want.domain.length}, ours ${got.domain.length})`;
      }
      problems.push(`scale ${name} domain: vega ${show(want.domain)}, ours ${show(got.domain)}${where}`);
    }
    if (want.geometry && !sameGeometry(want.geometry, got.geometry)) {
      problems.push(`scale ${name} geometry (fractions of the range): vega ${show(want.geometry)}, ours ${show(got.geometry)}`);
    }
  }
  for (const name of Object.keys(mine)) {
    if (!(name in ref)) problems.push(`scale ${name}: ours has it, vega does not (ours: ${show(mine[name])})`);
  }
  return problems;
}

function compareMarks(ref, ours) {
  const problems = [];
  const mine = ours ?? {};
  for (const type of new Set([...Object.keys(ref), ...Object.keys(mine)])) {
    const want = ref[type] ?? 0;
    const got = mine[type] ?? 0;
    if (want !== got) problems.push(`marks ${type}: vega ${want} items, ours ${got}`);
  }
  return problems;
}

function keysOf(rows) {
  const keys = new Set();
  for (const row of rows) for (const k of Object.keys(row)) keys.add(k);
  return keys;
}

/** Sort key of a row projected on `fields`: numbers to 10 significant digits, null == missing. */
function rowKey(row, fields) {
  return JSON.stringify(fields.map((f) => {
    const v = row[f];
    if (v === undefined || v === null) return null;
    return typeof v === 'number' ? Number(v.toPrecision(10)) : v;
  }));
}

function project(row, fields) {
  const out = {};
  for (const f of fields) if (row[f] !== undefined) out[f] = row[f];
  return out;
}

function compareData(ref, ours, required) {
  if (!Array.isArray(ours)) return [`data: ours is not an array of rows (${show(ours)})`];
  const problems = [];
  const refKeys = keysOf(ref);
  const ourKeys = keysOf(ours);
  for (const f of [...required].filter((f) => refKeys.has(f)).sort()) {
    if (!ourKeys.has(f)) {
      problems.push(`data field ${show(f)}: named by the encoding and in vega's rows, missing from ours ` +
        `(vega's first row: ${show(ref[0])})`);
    }
  }
  if (ref.length !== ours.length) {
    problems.push(`data: vega has ${ref.length} rows, ours ${ours.length}`);
  }
  const fields = [...refKeys].filter((f) => ourKeys.has(f)).sort();
  if (fields.length === 0) {
    if (ref.length > 0 && ours.length > 0) problems.push('data: no field in common between the engines\' rows');
    return problems;
  }
  const sorted = (rows) => rows.map((r) => [rowKey(r, fields), r])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const a = sorted(ref);
  const b = sorted(ours);
  if (a.length === b.length) {
    for (let i = 0; i < a.length && problems.length < MAX_PROBLEMS; i++) {
      const [wantRow, gotRow] = [a[i][1], b[i][1]];
      const bad = fields.filter((f) => !sameValue(wantRow[f], gotRow[f]));
      if (bad.length > 0) {
        problems.push(`data row ${i} (sorted on ${fields.join(', ')}): ` +
          bad.map((f) => `${f}: vega ${show(wantRow[f])}, ours ${show(gotRow[f])}`).join('; ') +
          `\n      vega row: ${show(project(wantRow, fields))}\n      ours row: ${show(project(gotRow, fields))}`);
      }
    }
  } else {
    // Different counts: show the rows that only one side has (multiset difference on the key).
    const count = new Map();
    for (const [k] of b) count.set(k, (count.get(k) ?? 0) + 1);
    const onlyRef = [];
    for (const [k, row] of a) {
      if ((count.get(k) ?? 0) > 0) count.set(k, count.get(k) - 1);
      else onlyRef.push(row);
    }
    const onlyOurs = [];
    const left = new Map();
    for (const [k] of a) left.set(k, (left.get(k) ?? 0) + 1);
    for (const [k, row] of b) {
      if ((left.get(k) ?? 0) > 0) left.set(k, left.get(k) - 1);
      else onlyOurs.push(row);
    }
    for (const row of onlyRef.slice(0, 5)) problems.push(`data row only in vega: ${show(project(row, fields))}`);
    for (const row of onlyOurs.slice(0, 5)) problems.push(`data row only in ours: ${show(project(row, fields))}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Running both engines

const references = new Map();
function referenceOf(path) {
  if (!references.has(path)) references.set(path, reference(JSON.parse(readFileSync(path, 'utf8'))));
  return references.get(path);
}

function missingBinary() {
  return `engine binary not found: ${BIN}\n` +
    '  build it (cargo build --profile export --bin render) or point NI_RENDER at it';
}

function ourDump(path, name) {
  if (!existsSync(BIN)) assert.fail(missingBinary());
  const run = spawnSync(BIN, ['--vega-lite', path, '--dump'], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 30,
  });
  if (run.error) assert.fail(`${name}: could not run ${BIN}: ${run.error.message}`);
  if (run.status !== 0) {
    assert.fail(`${name}: ${BIN} --vega-lite ${path} --dump exited with ${run.status ?? run.signal}\n` +
      `  stderr: ${run.stderr.trim().slice(0, 2000)}`);
  }
  let dump;
  try {
    dump = JSON.parse(run.stdout);
  } catch (e) {
    assert.fail(`${name}: our --dump is not JSON (${e.message}): ${show(run.stdout)}`);
  }
  // Either the bare {scales, marks, data} or keyed by the spec name, as reference.mjs prints.
  if (dump && !('scales' in dump) && !('marks' in dump) && !('data' in dump)) {
    if (name in dump) return dump[name];
    const values = Object.values(dump);
    if (values.length === 1) return values[0];
  }
  return dump;
}

function todoReason(path, name) {
  if (!name.startsWith('todo-')) return undefined;
  const why = path.replace(/\.vl\.json$/, '.why');
  return existsSync(why) ? readFileSync(why, 'utf8').trim() : 'marked todo-: expected to fail for now';
}

// ---------------------------------------------------------------------------------------------
// The tests

test('the engine binary exists', () => {
  if (!existsSync(BIN)) assert.fail(missingBinary());
});

test('every spec compiles and runs in vega', async () => {
  const failures = [];
  for (const path of specPaths) {
    try {
      await referenceOf(path);
    } catch (e) {
      failures.push(`${specName(path)}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, []);
});

for (const path of specPaths) {
  const name = specName(path);
  test(`differential: ${name}`, { todo: todoReason(path, name) }, async () => {
    const spec = JSON.parse(readFileSync(path, 'utf8'));
    const ref = await referenceOf(path);
    const ours = ourDump(path, name);
    // Fields whose values Vega draws at random (a bootstrap's bounds), named by the spec in
    // usermeta.differential.random: left out of the row comparison, every other field kept.
    const random = new Set(spec.usermeta?.differential?.random ?? []);
    const drop = (rows) => (random.size === 0 || !Array.isArray(rows) ? rows
      : rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !random.has(k)))));
    const required = new Set([...encodedFieldNames(spec), ...markFieldNames(spec)].filter((f) => !random.has(f)));
    const problems = [
      ...compareScales(ref.scales, ours?.scales),
      ...compareMarks(ref.marks, ours?.marks),
      ...compareData(drop(ref.data), drop(ours?.data), required),
    ];
    if (problems.length > 0) {
      const shown = problems.slice(0, MAX_PROBLEMS);
      const more = problems.length > shown.length ? `\n  ... and ${problems.length - shown.length} more` : '';
      assert.fail(`${name}: ${problems.length} difference(s) from vega\n  - ${shown.join('\n  - ')}${more}`);
    }
  });
}
