// This module: pkg/pijnwijzer.js with its wasm, loaded in Node with initSync. Its search index is
// built on the first search, so its load time is initSync plus the first call.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = new URL('../../pkg/', import.meta.url);
let wasmBytes;
let lib;

export default {
  name: 'pijnwijzer (wasm)',
  version: JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
  config: 'search(query, { limit: 10, prefix: false, audience })',
  sizeNote:
    'pkg/pijnwijzer.js + pkg/pijnwijzer_bg.wasm (content and engine; the index is built on the first search, not shipped)',
  pkgPath: fileURLToPath(pkg),
  async code() {
    return [
      { file: 'pkg/pijnwijzer.js', bytes: readFileSync(new URL('pijnwijzer.js', pkg)) },
      { file: 'pkg/pijnwijzer_bg.wasm', bytes: readFileSync(new URL('pijnwijzer_bg.wasm', pkg)) },
    ];
  },
  /** Untimed: read the wasm bytes from disk. */
  prepare() {
    wasmBytes = readFileSync(new URL('pijnwijzer_bg.wasm', pkg));
  },
  async load() {
    if (!wasmBytes) this.prepare();
    lib = await import(new URL('pijnwijzer.js', pkg).href);
    lib.initSync({ module: wasmBytes });
  },
  /** The content is in the wasm: "building" is the first call, which builds the index. */
  build() {
    lib.search('pijn', { limit: 1 });
    return lib;
  },
  serialize: null,
  deserialize: null,
  search(index, query, audience) {
    const options = { limit: 10, prefix: false };
    if (audience === 'patient') options.audience = 'patient';
    return index.search(query, options).map((h) => h.id);
  },
  contentDigest() {
    return lib.version().content;
  },
};
