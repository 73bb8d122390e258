// The bench site: scripts/serve.mjs's startServer with the repository as root, so /www/ (the
// widget), /bench/pages/ and /bench/node_modules/ (the peers' dist files) resolve from one origin.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function serveRepo() {
  const server = await startServer({ root: REPO, port: 0, host: '127.0.0.1' });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}
