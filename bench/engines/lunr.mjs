// lunr 2 with lunr-languages' Dutch pipeline (trimmer, Snowball stopwords, Snowball stemmer).
// Each query word becomes three clauses: its stem (boost 10), the stem as a prefix (`stem*`) and
// the stem within one edit (two from nine letters, like this module: `stem~1`).

import { readFileSync } from 'node:fs';
import { FIELDS, WEIGHTS, analyzed, packageFile, packageVersion, words } from '../common.mjs';

let lunr;

function isStopword(word) {
  return lunr.nl.stopWordFilter(new lunr.Token(word, {})) === undefined;
}

function stem(word) {
  return lunr.nl.stemmer(new lunr.Token(word, {})).toString();
}

export default {
  name: 'lunr + lunr-languages nl',
  version: `${packageVersion('lunr')} + ${packageVersion('lunr-languages')}`,
  config:
    'Dutch stemmer + stopwords; per word `stem^10 stem* stem~1` (~2 from 9 letters); index-time field boosts, extra lay clause for patient questions',
  sizeNote: 'lunr.min.js + min/lunr.stemmer.support.min.js + min/lunr.nl.min.js',
  async code() {
    return [
      { file: 'lunr/lunr.min.js', bytes: readFileSync(packageFile('lunr/lunr.min.js')) },
      {
        file: 'lunr-languages/min/lunr.stemmer.support.min.js',
        bytes: readFileSync(packageFile('lunr-languages/min/lunr.stemmer.support.min.js')),
      },
      {
        file: 'lunr-languages/min/lunr.nl.min.js',
        bytes: readFileSync(packageFile('lunr-languages/min/lunr.nl.min.js')),
      },
    ];
  },
  async load() {
    lunr = (await import('lunr')).default;
    (await import('lunr-languages/lunr.stemmer.support.js')).default(lunr);
    (await import('lunr-languages/lunr.nl.js')).default(lunr);
  },
  build(docs) {
    return lunr(function () {
      this.use(lunr.nl);
      this.ref('id');
      for (const field of FIELDS) this.field(field, { boost: WEIGHTS.professional[field] });
      for (const doc of docs) {
        const analysedDoc = { id: doc.id };
        for (const field of FIELDS) analysedDoc[field] = analyzed(doc[field]);
        this.add(analysedDoc);
      }
    });
  },
  async serialize(index) {
    return JSON.stringify(index);
  },
  async deserialize(json) {
    return lunr.Index.load(JSON.parse(json));
  },
  search(index, query, audience) {
    const terms = words(query).filter((w) => !isStopword(w));
    if (terms.length === 0) return [];
    return index
      .query((q) => {
        for (const word of terms) {
          const s = stem(word);
          q.term(s, { usePipeline: false, boost: 10 });
          if (audience === 'patient') q.term(s, { usePipeline: false, boost: 10, fields: ['lay'] });
          if (s.length >= 4) q.term(s, { usePipeline: false, boost: 1, wildcard: lunr.Query.wildcard.TRAILING });
          if (word.length >= 5) q.term(s, { usePipeline: false, boost: 1, editDistance: word.length >= 9 ? 2 : 1 });
        }
      })
      .slice(0, 10)
      .map((r) => r.ref);
  },
};
