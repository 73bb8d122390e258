import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/serve.mjs', '.', '8099'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const [url, idx] = [process.argv[2], Number(process.argv[3])];
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto('http://127.0.0.1:8099/' + url);
  const h = page.locator('.news-infographic').nth(idx);
  await h.scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => document.querySelectorAll('.news-infographic')[i]?.getAttribute('data-state') === 'ready', idx, { timeout: 20000 });
  await page.waitForTimeout(300);
  await h.screenshot({ path: `/tmp/fx/h-${width}.png` });
}
await browser.close(); srv.kill();
