// `npm start`'s server (scripts/serve.mjs) as a real static host: compression by Accept-Encoding,
// validators and 304s, a year's caching for content-hashed names only, the header policy on every
// answer (CSP; CORS and CORP on /pkg/, 404s included) and no file outside the root, however the path
// is spelt. One server on www/ as `npm start` serves it, one on a temporary root with a file beside
// it that must never come back. Requests go through node:http, not fetch(): fetch decompresses
// bodies by itself and normalises `..` and `%2e%2e` away before a request leaves, so it could check
// neither the bytes sent nor a hostile path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { CSP, HASHED_NAME, headersFor, serve } from '../../scripts/serve.mjs';

const WWW = new URL('../../www/', import.meta.url);
const SECRET = 'geheim-buiten-de-root';
// Text long enough to be compressed (compression leaves answers under 1 KB alone).
const SCRIPT = `export const words = ${JSON.stringify('pijn '.repeat(400))};\n`;
const COPY = `// the precompressed copy\n${SCRIPT}`;
const PAGE = `<!doctype html><title>Index</title><p>${'De index van deze map. '.repeat(60)}</p>\n`;

let temp;
let site;
let tempServer;

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'pijnwijzer-serve-'));
  const root = join(temp, 'www');
  mkdirSync(join(root, 'docs'), { recursive: true });
  mkdirSync(join(root, 'pkg'));
  mkdirSync(join(temp, 'www-secret'));
  writeFileSync(join(root, 'index.html'), PAGE);
  writeFileSync(join(root, 'docs', 'index.html'), PAGE.replace('Index', 'Docs'));
  writeFileSync(join(root, 'app.js'), SCRIPT);
  writeFileSync(join(root, 'app.0123456789abcdef.js'), SCRIPT);
  writeFileSync(join(root, '.env'), SECRET);
  writeFileSync(join(temp, 'www-secret', 'secret.txt'), SECRET);
  // A "precompressed copy" outside the root: no spelling of its path may make it the answer.
  writeFileSync(join(temp, 'www-secret', 'secret.txt.br'), SECRET);
  // Copies that differ from the file they stand for, so a test can tell which one was sent.
  writeFileSync(join(root, 'pkg', 'mod.js'), SCRIPT);
  writeFileSync(join(root, 'pkg', 'mod.js.br'), brotliCompressSync(COPY));
  writeFileSync(join(root, 'pkg', 'mod.js.gz'), gzipSync(COPY));
  writeFileSync(join(temp, 'secret.txt'), SECRET);
  site = await serve({ port: 0 });
  tempServer = await serve({ port: 0, root });
});

after(() => {
  site?.server.close();
  tempServer?.server.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/**
 * Sends `path` exactly as given (no normalising, no Accept-Encoding unless `headers` has one) to
 * `server` and resolves to { status, headers, body } with the body's bytes as they came.
 */
function get(server, path, { headers = {}, method = 'GET' } = {}) {
  const { port } = server.server.address();
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    // A server that never answers fails the test instead of hanging it (generous, for a busy machine).
    sent.setTimeout(30_000, () => sent.destroy(new Error(`no answer to ${method} ${path} in 30 s`)));
    sent.on('error', reject);
    sent.end();
  });
}

const file = (path) => readFileSync(new URL(path, WWW));

test('brotli or gzip as Accept-Encoding asks, and the body decompresses to the file', async () => {
  const wasm = file('pkg/pijnwijzer_bg.wasm');
  for (const [accept, encoding, decompress] of [
    ['br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip, br;q=0', 'gzip', gunzipSync],
  ]) {
    for (const [server, path, bytes] of [
      [site, '/pkg/pijnwijzer_bg.wasm', wasm],
      [tempServer, '/app.js', Buffer.from(SCRIPT)],
    ]) {
      const answer = await get(server, path, { headers: { 'Accept-Encoding': accept } });
      assert.equal(answer.status, 200, `${path} (${accept})`);
      assert.equal(answer.headers['content-encoding'], encoding, `${path} (${accept})`);
      assert.match(answer.headers.vary, /accept-encoding/i, 'caches keep the encodings apart');
      assert.ok(answer.body.length < bytes.length / 2, `${path} (${accept}) is compressed`);
      assert.ok(decompress(answer.body).equals(bytes), `${path} (${accept}) decompresses to the file`);
    }
  }
});

test('a precompressed copy beside a file is sent in its place, as the browser accepts, with the headers of the file', async () => {
  for (const [accept, encoding, decompress] of [
    ['br', 'br', brotliDecompressSync],
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['gzip, br;q=0', 'gzip', gunzipSync],
  ]) {
    const answer = await get(tempServer, '/pkg/mod.js?v=1', { headers: { 'Accept-Encoding': accept } });
    assert.equal(answer.status, 200, accept);
    assert.equal(answer.headers['content-encoding'], encoding, accept);
    assert.equal(decompress(answer.body).toString(), COPY, `${accept}: the copy, not the file compressed now`);
    assert.equal(answer.headers['content-type'], 'text/javascript; charset=utf-8', accept);
    assert.equal(answer.headers['access-control-allow-origin'], '*', accept);
    assert.match(answer.headers.vary, /accept-encoding/i, accept);
    const again = await get(tempServer, '/pkg/mod.js', {
      headers: { 'Accept-Encoding': accept, 'If-None-Match': answer.headers.etag },
    });
    assert.equal(again.status, 304, `${accept}: the copy is revalidated by its own ETag`);
  }
  const plain = await get(tempServer, '/pkg/mod.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), SCRIPT, 'without compression, the file itself');
  // The build leaves such copies of the module for the site (scripts/build.sh, scripts/precompress.mjs).
  const wasm = await get(site, '/pkg/pijnwijzer_bg.wasm', { headers: { 'Accept-Encoding': 'br' } });
  assert.ok(wasm.body.equals(file('pkg/pijnwijzer_bg.wasm.br')), 'the site sends the wasm brotli copy the build made');
  assert.ok(brotliDecompressSync(wasm.body).equals(file('pkg/pijnwijzer_bg.wasm')));
});

test('a client that accepts no compression gets the file as it is', async () => {
  for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }]) {
    const answer = await get(site, '/pkg/pijnwijzer_bg.wasm', { headers });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-encoding'], undefined, JSON.stringify(headers));
    assert.ok(answer.body.equals(file('pkg/pijnwijzer_bg.wasm')), JSON.stringify(headers));
  }
});

test('a file carries an ETag and Last-Modified; asking with them gets a 304 with no body until it changes', async () => {
  const first = await get(tempServer, '/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
  const { etag, 'last-modified': modified } = first.headers;
  assert.ok(etag, 'an ETag');
  assert.ok(modified, 'a Last-Modified');
  for (const headers of [{ 'If-None-Match': etag }, { 'If-Modified-Since': modified }]) {
    const again = await get(tempServer, '/app.js', { headers: { 'Accept-Encoding': 'gzip', ...headers } });
    assert.equal(again.status, 304, JSON.stringify(headers));
    assert.equal(again.body.length, 0, 'a 304 has no body');
    assert.equal(again.headers.etag, etag);
  }
  const other = await get(tempServer, '/app.js', { headers: { 'If-None-Match': '"something-else"' } });
  assert.equal(other.status, 200, 'another ETag gets the file');

  // Once the file changes, the old ETag no longer matches: the new file comes back.
  const changed = `${SCRIPT}export const more = 1;\n`;
  writeFileSync(join(temp, 'www', 'app.js'), changed);
  const later = new Date(Date.parse(modified) + 60_000);
  utimesSync(join(temp, 'www', 'app.js'), later, later);
  try {
    const fresh = await get(tempServer, '/app.js', { headers: { 'If-None-Match': etag } });
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers.etag, etag);
    assert.equal(fresh.body.toString(), changed);
  } finally {
    writeFileSync(join(temp, 'www', 'app.js'), SCRIPT);
  }
});

test('each file goes out with its content type, the wasm as application/wasm', async () => {
  for (const [path, type] of [
    ['/pkg/pijnwijzer_bg.wasm', 'application/wasm'],
    ['/pkg/pijnwijzer.js', 'text/javascript; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
  ]) {
    const answer = await get(site, path, { method: 'HEAD' });
    assert.equal(answer.status, 200, path);
    assert.equal(answer.headers['content-type'], type, path);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
  }
});

test('a content-hashed name is cached for a year; every other file is revalidated', async () => {
  const hashed = await get(tempServer, '/app.0123456789abcdef.js');
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
  for (const [server, path] of [
    [tempServer, '/app.js'],
    [tempServer, '/'],
    [site, '/pkg/pijnwijzer_bg.wasm'],
    [site, '/pkg/pijnwijzer.js'],
  ]) {
    const answer = await get(server, path);
    assert.equal(answer.status, 200, path);
    assert.equal(answer.headers['cache-control'], 'no-cache', path);
  }
  // The rule reads the name only, so it holds for files that do not exist yet.
  assert.equal(
    headersFor('/pkg/pijnwijzer_bg.3fa9c2d1e0b4a7f6.wasm')['Cache-Control'],
    'public, max-age=31536000, immutable',
  );
  for (const name of ['pijnwijzer_bg.3fa9c2d1e0b4a7f6.wasm', 'app.0123abcd.js', 'pkg/components/x.deadbeef99.css']) {
    assert.ok(HASHED_NAME.test(name), name);
  }
  for (const name of [
    'pijnwijzer_bg.wasm',
    'app.0123abc.js', // 7 digits
    'app.0123456789ABCDEF.js', // upper case
    'app.0123456789abcdefg.js', // not hex
    'app.0123456789abcdef', // no extension
    'dir.0123456789abcdef/app.js', // the folder, not the file
  ]) {
    assert.ok(!HASHED_NAME.test(name), name);
  }
  const missing = await get(tempServer, '/app.fedcba9876543210.js');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['cache-control'], 'no-cache', 'a missing hashed name is not cached for a year');
});

test('every answer carries the Content-Security-Policy, errors and 304s too', async () => {
  const { etag } = (await get(site, '/index.html')).headers;
  for (const [path, options, status] of [
    ['/', {}, 200],
    ['/index.html', { headers: { 'If-None-Match': etag } }, 304],
    ['/pkg/pijnwijzer.js', { method: 'HEAD' }, 200],
    ['/niet-er.html', {}, 404],
    ['/%', {}, 400],
    ['/..%2fwww-secret/x', {}, 403],
    ['/', { method: 'POST' }, 405],
  ]) {
    const answer = await get(site, path, options);
    assert.equal(answer.status, status, `${options.method ?? 'GET'} ${path}`);
    assert.equal(answer.headers['content-security-policy'], CSP, `${options.method ?? 'GET'} ${path}`);
    assert.equal(answer.headers['referrer-policy'], 'no-referrer', `${options.method ?? 'GET'} ${path}`);
  }
  const post = await get(site, '/', { method: 'POST' });
  assert.equal(post.headers.allow, 'GET, HEAD');
  assert.equal(post.body.toString(), 'Methode niet toegestaan');
});

test('everything under /pkg/ may be read from any origin, a missing file too; nothing else', async () => {
  for (const path of ['/pkg/pijnwijzer_bg.wasm', '/pkg/pijnwijzer.js', '/pkg/components/pijn-checklist.js']) {
    const answer = await get(site, path, { headers: { Origin: 'https://portaal.example' } });
    assert.equal(answer.status, 200, path);
    assert.equal(answer.headers['access-control-allow-origin'], '*', path);
    assert.equal(answer.headers['cross-origin-resource-policy'], 'cross-origin', path);
  }
  // A missing module file must show on the other site as a 404, not as a CORS error.
  const missing = await get(site, '/pkg/components/pijn-bestaat-niet.js', {
    headers: { Origin: 'https://portaal.example' },
  });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.toString(), 'Niet gevonden');
  assert.equal(missing.headers['access-control-allow-origin'], '*');
  assert.equal(missing.headers['cross-origin-resource-policy'], 'cross-origin');
  for (const path of ['/', '/index.html', '/app.js', '/niet-er.js']) {
    const answer = await get(site, path);
    assert.equal(answer.headers['access-control-allow-origin'], undefined, path);
    assert.equal(answer.headers['cross-origin-resource-policy'], undefined, path);
  }
});

test('no path, however spelt, reaches a file outside the root or a dotfile', async () => {
  const secret = join(temp, 'www-secret', 'secret.txt');
  const attempts = [
    '/..%2fwww-secret/secret.txt',
    '/..%2Fwww-secret%2Fsecret.txt',
    '/%2e%2e/www-secret/secret.txt',
    '/%2e%2e%2fwww-secret%2fsecret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%5cwww-secret%5csecret.txt',
    '/..\\www-secret\\secret.txt',
    '/../www-secret/secret.txt',
    '/docs/../../www-secret/secret.txt',
    '/docs/%2e%2e/%2e%2e/secret.txt',
    '/..%252fwww-secret/secret.txt',
    `/${secret}`,
    `//${secret}`,
    `/${encodeURIComponent(secret)}`,
    `http://127.0.0.1/../www-secret/secret.txt`,
    '/secret.txt%00.html',
    '/index.html%00',
    '/.env',
    '/%2eenv',
    '/docs/../.env',
  ];
  for (const path of attempts) {
    for (const headers of [{}, { 'Accept-Encoding': 'gzip' }, { 'Accept-Encoding': 'br' }]) {
      const answer = await get(tempServer, path, { headers });
      assert.ok([400, 403, 404].includes(answer.status), `${path}: ${answer.status}`);
      assert.ok(!answer.body.toString('latin1').includes(SECRET), `${path} must not show the file outside`);
      assert.equal(answer.headers['content-security-policy'], CSP, path);
    }
  }
});

test('a folder answers with its index.html; without the slash it redirects to it', async () => {
  const home = await get(site, '/');
  assert.equal(home.status, 200);
  assert.equal(home.headers['content-type'], 'text/html; charset=utf-8');
  assert.ok(home.body.equals(file('index.html')), '/ is www/index.html');
  const docs = await get(tempServer, '/docs/');
  assert.equal(docs.status, 200);
  assert.equal(docs.body.toString(), PAGE.replace('Index', 'Docs'));
  const bare = await get(tempServer, '/docs');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.location, '/docs/');
  assert.ok(bare.headers['content-security-policy'], 'the redirect has a policy too');
  const empty = await get(site, '/pages/');
  assert.equal(empty.status, 404, 'a folder without index.html is not listed');
});

test('a range is answered with exactly those bytes, uncompressed, and HEAD with no body', async () => {
  const part = await get(tempServer, '/app.js', { headers: { Range: 'bytes=0-1499', 'Accept-Encoding': 'gzip, br' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers['content-range'], `bytes 0-1499/${Buffer.byteLength(SCRIPT)}`);
  assert.equal(part.headers['content-encoding'], undefined);
  assert.equal(part.body.toString(), SCRIPT.slice(0, 1500));
  const head = await get(site, '/pkg/pijnwijzer_bg.wasm', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers['content-type'], 'application/wasm');
});
