import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/serve.mjs', '.', '8099'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  await page.goto('http://127.0.0.1:8099/' + process.argv[2]);
  const sel = process.argv[3];
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => document.querySelector(s + ' .news-infographic')?.getAttribute('data-state') === 'ready', sel, { timeout: 20000 });
  await page.waitForTimeout(300);
  await page.locator(sel).screenshot({ path: `/tmp/fx/shot-${width}.png` });
}
await browser.close(); srv.kill();
