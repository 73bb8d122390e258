// Synthetic data for the scaling runs, written once and reused: bench/generated/line-<n>.csv
// with columns x,y (x = 0..n-1, y a deterministic random walk with 2 decimals), and
// rows-<n>.csv with columns year,region,value (20 years, 12 regions, values from -40 to 100
// with 2 decimals, every 1,000th value left empty: messy enough to be counted as not drawn).
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './server.mjs';

export const GENERATED = path.join(REPO, 'bench', 'generated');

export function lineCsv(n) {
  fs.mkdirSync(GENERATED, { recursive: true });
  const file = path.join(GENERATED, `line-${n}.csv`);
  if (fs.existsSync(file)) return file;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const parts = ['x,y\n'];
  let y = 100;
  for (let i = 0; i < n; i++) {
    y += rand() - 0.5;
    parts.push(`${i},${y.toFixed(2)}\n`);
  }
  fs.writeFileSync(file, parts.join(''));
  return file;
}

export function rowsCsv(n) {
  fs.mkdirSync(GENERATED, { recursive: true });
  const file = path.join(GENERATED, `rows-${n}.csv`);
  if (fs.existsSync(file)) return file;
  let seed = 54321;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const regions = ['North', 'South', 'East', 'West', 'Central', 'Coast', 'Hills', 'Delta', 'Lakes', 'Plains', 'Islands', 'Capital'];
  const parts = ['year,region,value\n'];
  for (let i = 0; i < n; i++) {
    const v = i % 1000 === 999 ? '' : (rand() * 140 - 40).toFixed(2);
    parts.push(`${2005 + (i % 20)},${regions[Math.floor(i / 20) % 12]},${v}\n`);
  }
  fs.writeFileSync(file, parts.join(''));
  return file;
}
