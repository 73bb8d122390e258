#!/usr/bin/env node
// Dependency-free static file server for the site (default root: www).
//   node scripts/serve.mjs [root] [port]        (port also from env PORT; default 8080)
//   import { startServer } from './scripts/serve.mjs'
//   const server = await startServer({ root: 'www', port: 0 });  // port 0 = ephemeral
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res, status, body, headers) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** Resolve a URL path to a file under root, or null if it escapes root / is malformed. */
function resolveUnder(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Start serving `root`. Resolves with the listening http.Server
 * (server.address().port gives the actual port when port is 0).
 * `headers`: extra response headers added to every response (e.g. a CSP).
 */
export function startServer({ root = 'www', port = 8080, host = '127.0.0.1', headers = {}, log = false } = {}) {
  const absRoot = fs.realpathSync(path.resolve(root));
  const base = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', ...headers };

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method Not Allowed\n', { ...base, Allow: 'GET, HEAD' });
    }
    let file = resolveUnder(absRoot, req.url || '/');
    if (!file) return send(res, 403, 'Forbidden\n', base);
    try {
      let st = fs.statSync(file);
      if (st.isDirectory()) {
        if (!req.url.split('?')[0].endsWith('/')) {
          const q = req.url.indexOf('?');
          const loc = q < 0 ? req.url + '/' : req.url.slice(0, q) + '/' + req.url.slice(q);
          return send(res, 301, 'Moved\n', { ...base, Location: loc });
        }
        file = path.join(file, 'index.html');
        st = fs.statSync(file);
      }
      // Refuse symlinks that point outside the root.
      const real = fs.realpathSync(file);
      if (real !== absRoot && !real.startsWith(absRoot + path.sep)) return send(res, 403, 'Forbidden\n', base);
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      res.writeHead(200, {
        ...base,
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (err) {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return send(res, 404, 'Not Found\n', base);
      return send(res, 500, 'Internal Server Error\n', base);
    } finally {
      if (log) console.log(`${req.method} ${req.url}`);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = process.argv[2] || 'www';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  startServer({ root, port }).then(
    (server) => {
      const { address, port: p } = server.address();
      console.log(`Serving ${path.resolve(root)} at http://${address}:${p}/`);
    },
    (err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    },
  );
}
