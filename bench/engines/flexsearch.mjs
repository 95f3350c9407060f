// FlexSearch 0.8 Document index, run from its compact ES module build (Document, Encoder and
// export/import are in it), "forward" tokenizer (every word indexed with its prefixes), an encoder
// that folds case and diacritics and drops the Dutch stopwords, suggest: true so that a result
// need not contain every query word. FlexSearch returns one ranked id list per field and no
// scores; they are fused with reciprocal-rank fusion weighted by the same field weights.

import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIELDS, STOPWORDS, WEIGHTS, analyzed, packageFile, packageVersion } from '../common.mjs';

const compact = fileURLToPath(packageFile('flexsearch/dist/flexsearch.compact.module.min.js'));
// k = 1 was the best of 1, 10 and 60 on the relevance questions (the only setting chosen on them).
const RRF_K = 1;
const PER_FIELD = 100;

let lib;

function options() {
  const encoder = new lib.Encoder(lib.Charset.Normalize, { filter: [...STOPWORDS], minlength: 2 });
  return {
    tokenize: 'forward',
    encoder,
    document: { id: 'id', index: FIELDS.map((field) => ({ field, tokenize: 'forward', encoder })) },
  };
}

export default {
  name: 'FlexSearch',
  version: packageVersion('flexsearch'),
  config:
    'Document, tokenize "forward", Charset.Normalize + Dutch stopwords, suggest; the per-field rankings fused by weighted reciprocal rank, w / (1 + rank), rank from 1',
  sizeNote: 'dist/flexsearch.compact.module.min.js; index from document.export()',
  async code() {
    return [{ file: 'flexsearch/dist/flexsearch.compact.module.min.js', bytes: readFileSync(compact) }];
  },
  async load() {
    // The compact build is an ES module in a .js file of a CommonJS package: import a .mjs copy.
    const dir = mkdtempSync(join(tmpdir(), 'flexsearch-'));
    const copy = join(dir, 'flexsearch.compact.module.min.mjs');
    copyFileSync(compact, copy);
    lib = await import(pathToFileURL(copy).href);
    rmSync(dir, { recursive: true, force: true });
  },
  build(docs) {
    const index = new lib.Document(options());
    for (const doc of docs) {
      const analysedDoc = { id: doc.id };
      for (const field of FIELDS) analysedDoc[field] = analyzed(doc[field]);
      index.add(analysedDoc);
    }
    return index;
  },
  async serialize(index) {
    const parts = [];
    await index.export((key, data) => {
      parts.push([key, data]);
    });
    return JSON.stringify(parts);
  },
  async deserialize(json) {
    const index = new lib.Document(options());
    for (const [key, data] of JSON.parse(json)) await index.import(key, data);
    return index;
  },
  search(index, query, audience) {
    const q = analyzed(query);
    if (!q) return [];
    const perField = index.search(q, { limit: PER_FIELD, suggest: true });
    const weights = WEIGHTS[audience];
    const scores = new Map();
    for (const { field, result } of perField) {
      result.forEach((id, rank) => {
        scores.set(id, (scores.get(id) || 0) + weights[field] / (RRF_K + rank + 1));
      });
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([id]) => id);
  },
};
