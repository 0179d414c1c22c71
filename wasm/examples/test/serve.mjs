// A static server for a built example app, on 127.0.0.1 only: the files under `root`, and
// the seed report at /report.json. Counts the requests per path (to see how often the
// `.wasm` is fetched).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED = fileURLToPath(new URL('../../../seeds/2013-14/report.json', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** @returns {Promise<{ url: string, requests: Map<string, number>, close: () => Promise<void> }>} */
export function serve(root) {
  const base = resolve(root);
  const requests = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const file = path === '/report.json' ? SEED : resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (file !== SEED && !file.startsWith(base + sep)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      ok({
        url: `http://127.0.0.1:${server.address().port}/`,
        requests,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
