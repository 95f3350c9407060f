// Serves www/ on 127.0.0.1 as a real static host should: compressed (brotli or gzip, as the browser
// accepts), with validators (ETag, Last-Modified) so a reload gets 304s, not the whole wasm again,
// content-hashed names cached for a year, the .wasm as application/wasm, the strict
// Content-Security-Policy the pages are built to work under, and CORS on the module's files so the
// components can be embedded on other sites. The files are served by maintained libraries on node's
// own http server: serve-static (which uses `send`: conditional requests, ranges, HEAD, paths that
// never leave the root) and compression. Where the build left a precompressed copy (FILE.br,
// FILE.gz: scripts/precompress.mjs, run on www/pkg/), that copy is sent instead, as hosts with
// precompressed files do: brotli at its best quality is a fifth smaller than brotli on the fly. The
// header policy is headersFor(), kept apart from all this.
import { statSync } from 'node:fs';
import { createServer, STATUS_CODES } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import Negotiator from 'negotiator';
import serveStatic from 'serve-static';
import { PRECOMPRESSED } from './precompress.mjs';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * A content-hashed file name: a dot, 8 or more lowercase hex digits, a dot and the extension
 * (`pijnwijzer_bg.3fa9c2d1e0b4a7f6.wasm`). Such a name changes whenever its content does, so the
 * file can be cached for good; the rule reads the name only, never which files exist.
 */
export const HASHED_NAME = /\.[0-9a-f]{8,}\.[^./]+$/;

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
 * gets the strict CSP and the site's defaults. A content-hashed name (HASHED_NAME) is cached for a
 * year without asking again; every other file is revalidated on each use (`no-cache`: the browser
 * sends its ETag and gets a 304 while the file is unchanged). Everything under /pkg/ (the module,
 * its wasm, the components) is also readable from any origin: a page elsewhere loads it with CORS
 * (module scripts, the wasm fetch). README.md ("Embedding on another site") lists the same for
 * other hosts.
 */
export function headersFor(path) {
  return {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': HASHED_NAME.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(path.startsWith('/pkg/') && {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    }),
  };
}

const WWW = fileURLToPath(new URL('../www/', import.meta.url));

/** The answer's text for an error status, in Dutch where a reader may meet it. */
const MESSAGES = {
  400: 'Ongeldig verzoek',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
};

/** The request's path, decoded where it can be: only to choose the headers of an error answer. */
function requestPath(request) {
  const [path] = request.url.split('?');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Answers the error's status (404 when there is none: nothing was found) in plain text, with the
 * headers of the path asked for: with the CORS headers a missing module file shows as a 404 on the
 * other site, not as a CORS error.
 */
function fail(request, response, error) {
  if (response.headersSent) {
    // A file that failed halfway (a read error): the answer cannot be changed, only cut short.
    response.destroy();
    return;
  }
  const status = error ? (error.status ?? 500) : 404;
  const body = MESSAGES[status] ?? STATUS_CODES[status];
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  response.writeHead(status, {
    ...headersFor(requestPath(request)),
    ...(status < 500 && error?.headers),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
    ...(status === 405 && { Allow: 'GET, HEAD' }),
  });
  response.end(body);
}

/**
 * The precompressed copy of the file asked for that the browser accepts, best first (FILE.br, then
 * FILE.gz; scripts/precompress.mjs writes them), as { encoding, suffix }; or null, and the file is
 * compressed on the fly. A path with a `..` segment is left to serve-static, which refuses it.
 */
function precompressedCopy(base, request) {
  let path;
  try {
    path = decodeURIComponent(request.url.split('?')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.split(/[\\/]/).includes('..')) return null;
  // Among encodings accepted equally, ours in PRECOMPRESSED's order (brotli first), as compression() prefers.
  const ours = PRECOMPRESSED.map((copy) => copy.encoding);
  const accepted = new Negotiator(request).encodings(ours, ours);
  for (const encoding of accepted) {
    const copy = PRECOMPRESSED.find((c) => c.encoding === encoding);
    if (copy && statSync(join(base, path + copy.suffix), { throwIfNoEntry: false })?.isFile()) return copy;
  }
  return null;
}

/** Starts the server on `root` (www/ by default); resolves to { server, url } once it listens. */
export function serve({ port = 8080, host = '127.0.0.1', root = WWW } = {}) {
  const base = resolve(root);
  const files = serveStatic(base, {
    dotfiles: 'ignore',
    fallthrough: false,
    index: ['index.html'],
    setHeaders: (response, file) => {
      // A precompressed copy is sent with the headers of the file it is a copy of.
      const copy = PRECOMPRESSED.find((c) => c.encoding === response.getHeader('Content-Encoding'));
      const path = `/${relative(base, copy ? file.slice(0, -copy.suffix.length) : file)
        .split(sep)
        .join('/')}`;
      for (const [name, value] of Object.entries(headersFor(path))) response.setHeader(name, value);
    },
  });
  // A part of a file (206) goes out as stored, as nginx sends it: its Content-Range counts stored bytes.
  const compress = compression({
    filter: (request, response) => response.statusCode !== 206 && compression.filter(request, response),
  });
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      fail(request, response, { status: 405 });
      return;
    }
    const copy = precompressedCopy(base, request);
    if (copy) {
      // compression() leaves an answer alone that already has a Content-Encoding.
      const query = request.url.indexOf('?');
      request.url =
        query < 0 ? request.url + copy.suffix : request.url.slice(0, query) + copy.suffix + request.url.slice(query);
      response.setHeader('Content-Encoding', copy.encoding);
    }
    response.setHeader('Vary', 'Accept-Encoding');
    compress(request, response, () => files(request, response, (error) => fail(request, response, error)));
  });
  return new Promise((done, refuse) => {
    server.once('error', refuse);
    server.listen(port, host, () => done({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serve({ port });
  console.log(`Pijnwijzer draait op ${url}  (Ctrl+C stopt)`);
}
