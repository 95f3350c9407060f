// What the search adds to the shipped wasm, measured on a copy of it that keeps function names.
//
// scripts/build.sh ships pkg/pijnwijzer_bg.wasm without names. This runs wasm-bindgen again on
// the same cargo output, keeping names, and stops before wasm-opt: its inlining merges a function
// called once into its caller, which would hide the index build inside the loader. It parses that
// module and adds up the function bodies that exist only for search: the search core
// (`knowledge::search`, its text analysis), the Snowball stemmer, search's bindings, and code
// generic over their types. Their bytes, gzipped on their own, are the search's code share; the
// thesaurus (content the search alone reads) is added as its own gzip size. It also reports
// whether any Markdown parser (`pulldown_cmark`) made it into the wasm.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipBytes } from './common.mjs';

/** Functions that exist for search alone, by the Rust path in their name. */
const SEARCH = [
  /knowledge::search::/,
  /rust_stemmers::/,
  /knowledge::Knowledge::(search|suggest|put_class_cautions_first|prepare_search|prepare_search_slice)\b/,
  /bindings::(search|suggest|hits_to_js|summary_to_js|options_given|freeze_deep|prepare_search|prepare_slice|budget_argument)\b/,
  // The exported entry points, which wasm-bindgen names after the JS function.
  /^(search|suggest|prepareSearch) externref shim/,
  /SearchOptions|OneOrMany|NodeSummary|knowledge::view::Hit\b/,
];

export function measureSearchShare(root) {
  const dir = mkdtempSync(join(tmpdir(), 'pijnwijzer-names-'));
  try {
    const raw = join(root, 'target/wasm32-unknown-unknown/release/pijnwijzer.wasm');
    execFileSync('wasm-bindgen', [
      '--target',
      'web',
      '--keep-debug',
      '--out-dir',
      dir,
      '--out-name',
      'pijnwijzer',
      raw,
    ]);
    const module = parseModule(readFileSync(join(dir, 'pijnwijzer_bg.wasm')));
    const shipped = parseModule(readFileSync(join(root, 'pkg/pijnwijzer_bg.wasm')));
    const search = module.functions.filter((f) => SEARCH.some((pattern) => pattern.test(f.name)));
    const thesaurus = readFileSync(join(root, 'content/synoniemen.toml'), 'utf8');
    const thesaurusGzip = gzipBytes(Buffer.from(thesaurus));
    const codeGzip = gzipBytes(Buffer.concat(search.map((f) => f.body)));
    return {
      functions: search.length,
      codeBytes: search.reduce((sum, f) => sum + f.body.length, 0),
      codeGzip,
      thesaurusGzip,
      totalGzip: codeGzip + thesaurusGzip,
      allCodeBytes: module.functions.reduce((sum, f) => sum + f.body.length, 0),
      shippedCodeBytes: shipped.functions.reduce((sum, f) => sum + f.body.length, 0),
      markdownFunctions: module.functions.filter((f) => /pulldown_cmark/.test(f.name)).length,
      largest: [...search]
        .sort((a, b) => b.body.length - a.body.length)
        .slice(0, 5)
        .map((f) => ({ name: f.name, bytes: f.body.length })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The defined functions of a wasm module: name (from the name section) and body bytes. */
export function parseModule(bytes) {
  let at = 8; // magic and version
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return result;
    }
  };
  const name = () => {
    const length = u32();
    const text = bytes.subarray(at, at + length).toString('utf8');
    at += length;
    return text;
  };
  const limits = () => {
    const flags = u32();
    u32();
    if (flags & 1) u32();
  };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const end = at + size;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) {
          u32();
          imported++;
        } else if (kind === 1) {
          at++;
          limits();
        } else if (kind === 2) limits();
        else if (kind === 3) at += 2;
        else if (kind === 4) {
          at++;
          u32();
        }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) {
        const length = u32();
        bodies.push(bytes.subarray(at, at + length));
        at += length;
      }
    } else if (id === 0 && name() === 'name') {
      while (at < end) {
        const kind = bytes[at++];
        const length = u32();
        const next = at + length;
        if (kind === 1) {
          for (let n = u32(); n > 0; n--) {
            const index = u32();
            names.set(index, name());
          }
        }
        at = next;
      }
    }
    at = end;
  }
  return { functions: bodies.map((body, i) => ({ name: names.get(imported + i) ?? '', body })) };
}
