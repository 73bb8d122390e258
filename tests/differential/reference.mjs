// Reference side of the differential tests: what Vega-Lite + Vega compute for a spec.
//
//   TZ=UTC node tests/differential/reference.mjs SPEC.vl.json [SPEC.vl.json ...]
//
// prints ONE JSON object, keyed by each spec file's basename without ".vl.json":
//
//   {"NAME": {
//      "scales": {"x": {"type": "band", "domain": ["a", "b"]},
//                 "y": {"type": "linear", "domain": [0, 100]}, ...},
//      "marks":  {"bar": 12, "text": 12},
//      "data":   [{"field": value, ...}, ...]
//   }}
//
// scales  Every top-level scale of the compiled Vega spec, by its Vega name (Vega-Lite names them
//         after the channel: x, y, xOffset, color, size, opacity, shape, theta, radius).
//         "type" is the scale's `type` in the compiled spec ("linear" when absent, Vega's default).
//         "domain" is view.scale(name).domain() after the dataflow ran, so it already includes
//         zero, nice, padding of the domain, sort order of discrete domains, etc.
//         Band and point scales also have "geometry": {first, last, band}, the first and last
//         domain value's position and the bandwidth as fractions of the scale's numeric range
//         (so direction and paddings are compared whatever the plot's size); an offset scale's
//         geometry also has "ofParentBand", its range's length over its x or y scale's bandwidth.
// marks   Item counts per Vega-Lite mark type (bar, line, area, point, circle, square, tick, rule,
//         text, rect, arc, trail). A Vega mark is a Vega-Lite mark when its compiled `style` starts
//         with a Vega-Lite mark type (Vega-Lite names them "marks", "layer_0_marks", ...). Counts
//         are summed over all scenegraph instances of the mark. Path marks (Vega "line", "area",
//         "trail") count one per drawn series: one per scenegraph instance that has items (a
//         colour/detail series is one instance inside the "pathgroup" facet group). Every
//         Vega-Lite mark type of the spec has a key, with 0 when it drew nothing.
// data    The rows of the dataset that the FIRST Vega-Lite mark (depth first) reads, i.e.
//         view.data(from.data) after all transforms; a facet name is resolved to the dataset the
//         facet group splits. In a faceted spec (a top-level "cell" group), whose cells read
//         datasets of their own (a group named or styled "cell"), the rows are instead the data of the first mark's items over
//         every cell (one row per bar, point, or point of a line). Rows are plain JSON objects with keys sorted; Date values become
//         epoch milliseconds; NaN and +-Infinity become null (as JSON.stringify does); the rows are
//         sorted by their JSON text so that row order does not matter.
//
// Run with TZ=UTC: this file sets it itself before any date is touched, because Vega parses date
// strings such as "Mar 1 2021" with Date.parse in the local time zone.
//
// Exported for the test: reference(vlSpec), referenceFile(path), encodedFieldNames(vlSpec),
// markFieldNames(vlSpec), canonical(value), VL_MARK_TYPES.
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vega from 'vega';
import * as vl from 'vega-lite';

export const VL_MARK_TYPES = new Set([
  'arc', 'area', 'bar', 'circle', 'image', 'line', 'point', 'rect', 'rule', 'square', 'text',
  'tick', 'trail', 'geoshape',
]);

/** Vega marktypes drawn as one shape per series rather than one per datum. */
const PATH_MARKTYPES = new Set(['line', 'area', 'trail']);

/** A value as plain JSON: dates to ms, non-finite numbers to null, object keys sorted. */
export function canonical(value) {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (typeof v !== 'function' && v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value === undefined ? null : value;
}

/**
 * The Vega-Lite marks of a compiled Vega spec, depth first: [{name, vlType, dataset}].
 * `dataset` is the top-level dataset the mark reads (facet names resolved).
 */
function vegaLiteMarks(vgMarks, facets = new Map(), out = []) {
  for (const mark of vgMarks ?? []) {
    if (mark.type === 'group') {
      const inner = new Map(facets);
      const facet = mark.from?.facet;
      if (facet) inner.set(facet.name, facets.get(facet.data) ?? facet.data);
      vegaLiteMarks(mark.marks, inner, out);
      continue;
    }
    const style = [].concat(mark.style ?? []);
    if (!VL_MARK_TYPES.has(style[0])) continue;
    const from = mark.from?.data;
    out.push({ name: mark.name, vlType: style[0], dataset: facets.get(from) ?? from, vg: mark });
  }
  return out;
}

/** Walk the scenegraph and count items of the named marks. */
function countItems(sceneMark, typeByName, counts) {
  if (sceneMark.role === 'mark' && typeByName.has(sceneMark.name)) {
    const type = typeByName.get(sceneMark.name);
    const n = sceneMark.items.length;
    counts[type] += PATH_MARKTYPES.has(sceneMark.marktype) ? (n > 0 ? 1 : 0) : n;
    return;
  }
  for (const item of sceneMark.items ?? []) {
    for (const child of item.items ?? []) countItems(child, typeByName, counts);
  }
}

/** The data of every item of the named mark, over all its scenegraph instances. */
function collectData(sceneMark, name, out) {
  if (sceneMark.role === 'mark' && sceneMark.name === name) {
    for (const item of sceneMark.items) if (item.datum) out.push(item.datum);
    return;
  }
  for (const item of sceneMark.items ?? []) {
    for (const child of item.items ?? []) collectData(child, name, out);
  }
}

/**
 * Where a band or point scale puts its values, as fractions of its numeric range: the first and
 * last domain value's position and the bandwidth (order, direction and paddings, whatever the
 * plot's size). Null for other scales.
 */
function geometry(scale, type) {
  if (type !== 'band' && type !== 'point') return null;
  const range = scale.range();
  const domain = scale.domain();
  if (range.length !== 2 || domain.length === 0) return null;
  const lo = Math.min(range[0], range[1]);
  const span = Math.abs(range[1] - range[0]);
  if (!(span > 0)) return null;
  const at = (v) => (scale(v) - lo) / span;
  return { first: at(domain[0]), last: at(domain[domain.length - 1]), band: scale.bandwidth() / span };
}

/** Compile a Vega-Lite spec, run it headless, and extract {scales, marks, data}. */
export async function reference(vlSpec) {
  const vg = vl.compile(structuredClone(vlSpec)).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    await view.runAsync();

    const scales = {};
    for (const s of vg.scales ?? []) {
      const scale = view.scale(s.name);
      scales[s.name] = { type: s.type ?? 'linear', domain: canonical(scale.domain()) };
      const g = geometry(scale, s.type);
      if (g) scales[s.name].geometry = g;
      const parent = { xOffset: 'x', yOffset: 'y' }[s.name];
      if (g && parent && vg.scales.some((p) => p.name === parent)) {
        g.ofParentBand = Math.abs(scale.range()[1] - scale.range()[0]) / view.scale(parent).bandwidth();
      }
    }

    const vlMarks = vegaLiteMarks(vg.marks);
    const typeByName = new Map(vlMarks.map((m) => [m.name, m.vlType]));
    const marks = {};
    for (const m of vlMarks) marks[m.vlType] = 0;
    countItems(view.scenegraph().root, typeByName, marks);

    let data = [];
    // The cell group is styled "cell", or "view" when it holds only arcs (no x/y), and named "cell".
    const faceted = (vg.marks ?? []).some((m) => m.type === 'group' && m.from?.facet
      && (m.name === 'cell' || [].concat(m.style ?? []).includes('cell')));
    if (faceted && vlMarks.length > 0) {
      // A facet's cells read datasets local to each cell: the rows are the first mark's items'
      // data, gathered over every cell.
      const rows = [];
      collectData(view.scenegraph().root, vlMarks[0].name, rows);
      data = rows.map(canonical);
    } else if (vlMarks.length > 0 && vlMarks[0].dataset) {
      data = view.data(vlMarks[0].dataset).map(canonical);
    }
    if (data.length > 0) {
      const keyed = data.map((row) => [JSON.stringify(row), row]);
      keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      data = keyed.map(([, row]) => row);
    }
    return { scales, marks, data };
  } finally {
    view.finalize();
  }
}

export function specName(path) {
  return basename(path).replace(/\.vl\.json$/, '');
}

export async function referenceFile(path) {
  return reference(JSON.parse(readFileSync(path, 'utf8')));
}

const varName = (s) => String(s).replace(/\W/g, '_');

/** Bins on these channels default to 6 bins in Vega-Lite; on all others to 10. */
const SIX_BIN_CHANNELS = new Set([
  'color', 'fill', 'stroke', 'opacity', 'fillOpacity', 'strokeOpacity', 'shape', 'size',
  'strokeDash', 'strokeWidth',
]);

/**
 * Names of data fields that the spec's encodings refer to, as Vega-Lite names them in the rows:
 * the field itself, aggregate output `op_field` (`__count` for count), bin output
 * `bin_maxbins_N_field` / `bin_step_S_field` with `_end` and `_range`, timeUnit output
 * `unit_field` with `_end`, and stack output `name_start` / `name_end`. A superset is fine: the
 * test only requires those that Vega's rows actually contain.
 */
export function encodedFieldNames(vlSpec) {
  const names = new Set();
  const visit = (spec) => {
    for (const [channel, defs] of Object.entries(spec.encoding ?? {})) {
      for (const def of [].concat(defs ?? [])) {
        if (def === null || typeof def !== 'object') continue;
        const field = typeof def.field === 'string' ? def.field : undefined;
        let name = field;
        if (def.aggregate === 'count') name = '__count';
        else if (typeof def.aggregate === 'string' && field) name = `${def.aggregate}_${field}`;
        else if (def.bin && field) {
          const bin = def.bin === true ? {} : def.bin;
          const params = Object.keys(bin).length > 0 ? bin
            : { maxbins: SIX_BIN_CHANNELS.has(channel) ? 6 : 10 };
          const prefix = 'bin' + Object.entries(params)
            .filter(([k]) => k !== 'binned')
            .map(([k, v]) => varName(`_${k}_${v}`)).join('');
          name = `${prefix}_${field}`;
          names.add(`${name}_end`);
          names.add(`${name}_range`);
        } else if (def.timeUnit && field) {
          const unit = typeof def.timeUnit === 'string' ? def.timeUnit : def.timeUnit.unit;
          if (unit) {
            name = `${unit}_${field}`;
            names.add(`${name}_end`);
          }
        }
        if (!name) continue;
        names.add(name);
        if (field) names.add(field);
        names.add(`${name}_start`);
        names.add(`${name}_end`);
      }
    }
    for (const layer of spec.layer ?? []) visit(layer);
  };
  visit(vlSpec);
  return names;
}

/** Field names that the compiled Vega marks encode directly ({"field": "name"} in encode blocks). */
export function markFieldNames(vlSpec) {
  const vg = vl.compile(structuredClone(vlSpec)).spec;
  const names = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    if (typeof node.field === 'string') names.add(node.field);
    Object.values(node).forEach(visit);
  };
  for (const m of vegaLiteMarks(vg.marks)) visit(m.vg.encode);
  return names;
}

async function main(paths) {
  if (paths.length === 0) {
    process.stderr.write('usage: node tests/differential/reference.mjs SPEC.vl.json...\n');
    process.exit(2);
  }
  const out = {};
  for (const path of paths) out[specName(path)] = await referenceFile(path);
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
