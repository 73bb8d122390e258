// Synthetic line data for the scaling runs: bench/generated/line-<n>.csv with columns x,y
// (x = 0..n-1, y a deterministic random walk with 2 decimals), written once and reused.
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
