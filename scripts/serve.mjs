// Serves www/ on 127.0.0.1 with the headers a real deployment should send: the .wasm as
// application/wasm, the strict Content-Security-Policy the pages are built to work under, and CORS
// on the module's files so the components can be embedded on other sites. No dependencies: node's
// own http module. The header policy is headersFor(), kept apart from the file serving.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * The response headers for the file at `path` (its path inside www/, as a URL path). Every file
 * gets the strict CSP and the site's defaults. Everything under /pkg/ (the module, its wasm, the
 * components) is also readable from any origin: a page elsewhere loads it with CORS (module
 * scripts, the wasm fetch). README.md ("Embedding on another site") lists the same for other hosts.
 */
export function headersFor(path) {
  return {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
    ...(path.startsWith('/pkg/') && {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    }),
  };
}

const root = resolve(fileURLToPath(new URL('../www/', import.meta.url)));

/** Starts the server; resolves to { server, url } once it listens. */
export function serve({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer(async (request, response) => {
    let path = '/';
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, headersFor(`/${relative(root, file).split(sep).join('/')}`));
      response.end(body);
    } catch {
      // With the CORS headers a missing module file shows as a 404 on the other site, not as a CORS error.
      response.writeHead(404, { ...headersFor(path), 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Niet gevonden');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serve({ port });
  console.log(`Pijnwijzer draait op ${url}  (Ctrl+C stopt)`);
}
