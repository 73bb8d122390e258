// Writes the static oEmbed responses and the chart pages that announce them (run by
// scripts/build.sh after the static export; generated, git-ignored):
//
//   www/oembed/<chart>.<lang>.json   {"version": "1.0", "type": "rich", "html": <iframe of the
//                                     chart page + resizer>,
//                                     "width", "height", "title", "provider_name", "provider_url"}
//   www/charts/<chart>.<lang>.html   a frame page for that chart with its
//                                     <link rel="alternate" type="application/json+oembed">
//
// for the overview, the three story charts and every Vega-Lite spec in www/data/vega-lite/, in
// English and Chinese. A CMS that takes a pasted URL is given the chart page's URL; it reads the
// discovery link, fetches the JSON and embeds its `html`. oEmbed needs absolute URLs: they start
// with NI_PUBLIC_URL (default http://127.0.0.1:8080/, the `make serve` address), so a newsroom
// sets it to where it hosts www/.
//
//   NI_PUBLIC_URL=https://graphics.example.org/ni/ node scripts/oembed.mjs
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(REPO, 'www');
const base = new URL(process.env.NI_PUBLIC_URL || 'http://127.0.0.1:8080/').href.replace(/\/?$/, '/');
const PROVIDER = 'news-infographic';
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-downloads';

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Height of a static SVG (its `height` attribute), or a default. */
function svgHeight(file, fallback) {
  try {
    const m = /<svg[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : fallback;
  } catch {
    return fallback;
  }
}

/** Every chart that gets a response: { name, lang, params, title, height }. */
function charts() {
  const out = [];
  for (const lang of ['en', 'zh']) {
    const titles = {};
    for (const chart of ['champions-by-year', 'champions-by-industry', 'claims-check']) {
      const meta = JSON.parse(readFileSync(join(WWW, 'static', `${chart}.${lang}.json`), 'utf8'));
      titles[chart] = meta.title;
      // The canvas plus the heading, summary, caption and buttons around it (about 260 px at
      // 640 px wide); the frame reports its real height as soon as it has drawn.
      const height = Math.round(svgHeight(join(WWW, 'static', `${chart}.${lang}.light.svg`), 400) + 260);
      out.push({ name: chart, lang, params: { chart, lang }, title: meta.title, height });
    }
    out.push({
      name: 'overview',
      lang,
      params: { chart: 'overview', lang },
      title: lang === 'zh' ? '滨州的冠军产品' : "Binzhou's champion products",
      height: 1900,
    });
    for (const f of readdirSync(join(WWW, 'data', 'vega-lite')).filter((f) => f.endsWith('.vl.json')).sort()) {
      const spec = JSON.parse(readFileSync(join(WWW, 'data', 'vega-lite', f), 'utf8'));
      const t = spec.title;
      const title = typeof t === 'string' ? t : (t && typeof t.text === 'string' ? t.text : f);
      const name = `vega-lite-${f.replace(/\.vl\.json$/, '')}`;
      // Relative to the chart page (www/charts/), a folder below www/ like the examples the
      // gallery specs' own relative data URLs are written for.
      out.push({ name, lang, params: { chart: 'vega-lite', spec: `../data/vega-lite/${f}`, lang }, title, height: 560 });
    }
  }
  return out;
}

/** The iframe shows the chart page itself: a frame page with the chart fixed, so that URLs in
 * the spec resolve as they do from www/examples/, wherever www/ is hosted. */
function iframeHtml(c) {
  return `<iframe src="${escapeHtml(`${base}charts/${c.name}.${c.lang}.html`)}" title="${escapeHtml(c.title)}" style="width: 100%; border: 0" ` +
    `height="${c.height}" loading="lazy" sandbox="${SANDBOX}"></iframe>` +
    `<script src="${escapeHtml(base)}frame-resize.js" async></script>`;
}

function chartPage(c) {
  const data = Object.entries(c.params).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
  return `<!doctype html>
<html lang="${c.lang === 'zh' ? 'zh-Hans' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.title)}</title>
<link rel="alternate" type="application/json+oembed" href="../oembed/${c.name}.${c.lang}.json" title="${escapeHtml(c.title)}">
<link rel="stylesheet" href="../frame.css">
<script src="../frame.js"${data} defer></script>
</head>
<body>
</body>
</html>
`;
}

rmSync(join(WWW, 'oembed'), { recursive: true, force: true });
rmSync(join(WWW, 'charts'), { recursive: true, force: true });
mkdirSync(join(WWW, 'oembed'), { recursive: true });
mkdirSync(join(WWW, 'charts'), { recursive: true });
const list = charts();
for (const c of list) {
  const response = {
    version: '1.0',
    type: 'rich',
    provider_name: PROVIDER,
    provider_url: base,
    title: c.title,
    width: 640,
    height: c.height,
    html: iframeHtml(c),
  };
  writeFileSync(join(WWW, 'oembed', `${c.name}.${c.lang}.json`), JSON.stringify(response, null, 2) + '\n');
  writeFileSync(join(WWW, 'charts', `${c.name}.${c.lang}.html`), chartPage(c));
}
console.log(`oembed: wrote ${list.length} responses and chart pages (base ${base})`);
