// A tiny static server for the demo and its browser test: serves the demo page, the npm
// package's entry and build output, and the seed report, from the repository root, on
// 127.0.0.1 only. `node wasm/www/serve.mjs [port]` prints the page's address.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const PAGE = '/wasm/www/';

/** What may be served: the page, the package's JS and WASM, and the seeds. */
const ALLOWED = ['/wasm/www/', '/wasm/npm/lib/', '/wasm/npm/dist/', '/seeds/'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/yaml; charset=utf-8',
};

/**
 * Starts the server; resolves to `{ url, close }` where `url` is the demo page.
 * @param {{ port?: number, root?: string }} [options] port 0 (default) picks a free one
 */
export function startServer({ port = 0, root = REPO } = {}) {
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      if (path === '/') {
        res.writeHead(302, { location: PAGE }).end();
        return;
      }
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(root, `.${path}`);
      const allowed = ALLOWED.some((prefix) => path.startsWith(prefix));
      if (!allowed || !(file === root || file.startsWith(root + sep))) {
        res.writeHead(404).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolveStart({
        url: `http://127.0.0.1:${actual}${PAGE}`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.argv[2] ?? 8080) });
  console.log(`naplint demo: ${url} (Ctrl-C stops)`);
}
