// The package works from a bundler: a tiny app that imports `pijnwijzer` is built with Vite and
// run in headless Chromium, where it must find the red-flags recommendation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launch } from './browser.mjs';

test('an app built with Vite loads the module and searches', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'pijnwijzer-vite-'));
  await build({
    root: fileURLToPath(new URL('../fixtures/vite-app/', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((request, response) => {
    const file = join(
      outDir,
      new URL(request.url, 'http://x').pathname === '/' ? 'index.html' : new URL(request.url, 'http://x').pathname,
    );
    if (!file.startsWith(outDir) || !existsSync(file)) return response.writeHead(404).end();
    response
      .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById('first').textContent !== '…');
    assert.equal(await page.locator('#first').textContent(), 'worel.alg.rodevlaggen');
  } finally {
    await browser.close();
    server.close();
  }
});
