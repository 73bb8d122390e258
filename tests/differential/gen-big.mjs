// Writes the large generated specs (10^5 rows each) for the differential tests. They are too big
// to commit, so the test writes them at run time into tests/output/differential/.
//
//   node tests/differential/gen-big.mjs [DIR]     (default DIR: tests/output/differential)
//
// The rows come from a fixed-seed xorshift generator, so every run writes the same bytes. Values
// are rounded to 4 decimals so that their JSON text is short and reads back exactly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROWS = 100_000;
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DIR = join(REPO, 'tests', 'output', 'differential');

/** xorshift32 with a fixed seed: uniform numbers in [0, 1). */
function generator(seed) {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

const round4 = (v) => Math.round(v * 1e4) / 1e4;
const GROUPS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];

function rows() {
  const next = generator(20240229);
  const out = [];
  for (let i = 0; i < ROWS; i++) {
    const g = Math.floor(next() * GROUPS.length);
    // a bump per group plus noise: sum of three uniforms is roughly bell-shaped
    const x = round4(g * 2 + (next() + next() + next()) * 3);
    const y = round4(x * (0.5 + g * 0.1) + (next() - 0.5) * 8 - 2);
    out.push({ i, g: GROUPS[g], x, y });
  }
  return out;
}

/** The specs by name; each has its own copy of the same 10^5 rows. */
export function bigSpecs() {
  const values = rows();
  return {
    'big-heatmap-1e5': {
      title: 'Density of 100,000 generated points',
      width: 400,
      height: 300,
      data: { values },
      mark: 'rect',
      encoding: {
        x: { bin: { maxbins: 40 }, field: 'x', type: 'quantitative' },
        y: { bin: { maxbins: 30 }, field: 'y', type: 'quantitative' },
        color: { aggregate: 'count', type: 'quantitative' },
      },
    },
    'big-scatter-1e5': {
      width: 500,
      height: 400,
      data: { values },
      mark: { type: 'circle', size: 4, opacity: 0.3 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        color: { field: 'g', type: 'nominal' },
      },
    },
  };
}

/** Write every big spec into `dir`; returns their paths. */
export function writeBigSpecs(dir = DEFAULT_DIR) {
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (const [name, spec] of Object.entries(bigSpecs())) {
    const path = join(dir, `${name}.vl.json`);
    writeFileSync(path, JSON.stringify(spec) + '\n');
    paths.push(path);
  }
  return paths;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of writeBigSpecs(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_DIR)) {
    process.stdout.write(path + '\n');
  }
}
