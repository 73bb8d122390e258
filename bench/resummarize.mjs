#!/usr/bin/env node
// Rebuilds the summaries, ratios, targets and bench/RESULTS.md from the raw runs kept in
// bench/results.json, after a change to how they are derived; nothing is measured again.
//
//   node bench/resummarize.mjs
import fs from 'node:fs';
import { summarizeBars, addAboveBaseline, ratios, allTargets } from './lib/summarize.mjs';
import { writeResults } from './lib/report.mjs';

const file = new URL('./results.json', import.meta.url);
const res = JSON.parse(fs.readFileSync(file, 'utf8'));
if (res.barsRuns && res.bars) {
  res.bars = summarizeBars(res.barsRuns, Object.keys(res.bars));
  addAboveBaseline(res.bars);
  res.ratios = ratios(res.bars);
}
res.targets = allTargets(res);
res.resummarized = new Date().toISOString();
writeResults(res);
console.log('resummarize: wrote bench/results.json and bench/RESULTS.md');
for (const t of res.targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.measured}`);
