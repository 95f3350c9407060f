// The site's start is not a chain: index.html preloads every module app.js imports, however deep,
// so the browser fetches them all at once instead of discovering each one after its importer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const www = join(dirname(fileURLToPath(import.meta.url)), '../../www');

/**
 * The modules the page's `file` imports statically, as the page's paths. pkg/ is the build's copy:
 * its components are read from their source, www/components/, and wasm-bindgen's own
 * pijnwijzer.js imports nothing.
 */
function imports(file) {
  if (file === 'pkg/pijnwijzer.js') return [];
  const source = file.startsWith('pkg/components/') ? file.slice('pkg/'.length) : file;
  const text = readFileSync(join(www, source), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) =>
    normalize(join(dirname(file), m[1])),
  );
}

test('index.html preloads every module app.js imports, and only those', () => {
  const graph = new Set();
  const pending = imports('app.js');
  while (pending.length > 0) {
    const file = pending.pop();
    if (graph.has(file)) continue;
    graph.add(file);
    pending.push(...imports(file));
  }
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  assert.ok(graph.has('pkg/components/terms.js'), `the walk found dom.js's import: ${[...graph]}`);
  assert.deepEqual([...preloaded].sort(), [...graph].sort());
});
