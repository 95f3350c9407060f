// MiniSearch: BM25 per field, fuzzy 0.2 and prefix search on every word, field boosts.

import { readFileSync } from 'node:fs';
import { minify } from 'terser';
import { FIELDS, STOPWORDS, WEIGHTS, fold, packageFile, packageVersion, words } from '../common.mjs';

const options = {
  idField: 'id',
  fields: FIELDS,
  storeFields: [],
  tokenize: (text) => words(text),
  processTerm: (term) => {
    const t = fold(term);
    return t.length < 2 || STOPWORDS.has(t) ? null : t;
  },
  searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR', boost: WEIGHTS.professional },
};

let MiniSearch;

export default {
  name: 'MiniSearch',
  version: packageVersion('minisearch'),
  config: 'fuzzy 0.2, prefix, OR, boosts per field (lay boosted for patient questions)',
  sizeNote: 'dist/es/index.js minified with terser (the package ships no minified build)',
  async code() {
    const source = readFileSync(packageFile('minisearch/dist/es/index.js'), 'utf8');
    const { code } = await minify(source, { module: true, compress: true, mangle: true });
    return [{ file: 'minisearch/dist/es/index.js (terser)', bytes: Buffer.from(code) }];
  },
  async load() {
    MiniSearch = (await import('minisearch')).default;
  },
  build(docs) {
    const index = new MiniSearch(options);
    index.addAll(docs);
    return index;
  },
  async serialize(index) {
    return JSON.stringify(index);
  },
  async deserialize(json) {
    return MiniSearch.loadJSON(json, options);
  },
  search(index, query, audience) {
    return index
      .search(query, { boost: WEIGHTS[audience] })
      .slice(0, 10)
      .map((r) => r.id);
  },
};
