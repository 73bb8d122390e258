#!/usr/bin/env node
// Fails (exit 1) when the widget's files (embed.js, embed.css, the wasm-bindgen glue and the
// wasm; not the dataset) exceed a gzip -9 budget. Not wired into `make test`.
//
//   node bench/size-budget.mjs [budget]       budget in KB (1 KB = 1024 bytes), default 40
//   NI_SIZE_BUDGET_KB=60 node bench/size-budget.mjs
//
// Exit 0 within budget, 1 over it, 2 on a bad argument or missing files (run `make build`).
import { widgetSizes } from './lib/widget-files.mjs';

const arg = process.argv[2] ?? process.env.NI_SIZE_BUDGET_KB ?? '40';
const budgetKB = Number(arg);
if (!Number.isFinite(budgetKB) || budgetKB <= 0) {
  console.error(`size-budget: "${arg}" is not a size in KB (e.g. 40)`);
  process.exit(2);
}
const budget = Math.round(budgetKB * 1024);

let sizes;
try {
  sizes = widgetSizes();
} catch (e) {
  console.error(`size-budget: ${e.message}`);
  process.exit(2);
}
for (const f of sizes.files) {
  console.log(`size-budget: ${f.file.padEnd(36)} ${String(f.raw).padStart(8)} raw ${String(f.gzip).padStart(8)} gzip -9`);
}
const verdict = sizes.gzip <= budget ? 'within' : 'OVER';
console.log(
  `size-budget: total ${sizes.raw} raw, ${sizes.gzip} gzip -9 bytes; budget ${budget} (${budgetKB} KB): ${verdict}` +
    (sizes.gzip <= budget ? ` by ${budget - sizes.gzip} bytes` : ` by ${sizes.gzip - budget} bytes (${(sizes.gzip / budget).toFixed(2)}x)`),
);
process.exit(sizes.gzip <= budget ? 0 : 1);
