// One cold start, in a fresh Node process: import the engine, build its index from the documents
// (or load its serialised index), answer the first query. Prints the times as JSON.
//
//   node bench/cold.mjs ENGINE build|load DATA.json
//
// DATA.json holds { docs, serialized, query, audience }; reading and parsing it is not timed
// (a page needs the documents either way; this module's content is inside its wasm).

import { readFileSync } from 'node:fs';
import { ENGINES } from './engines/index.mjs';

const [key, mode, dataFile] = process.argv.slice(2);
const engine = ENGINES[key];
const data = JSON.parse(readFileSync(dataFile, 'utf8'));
engine.prepare?.();

const now = () => Number(process.hrtime.bigint()) / 1e6;
const t0 = now();
await engine.load();
const t1 = now();
const index = mode === 'load' ? await engine.deserialize(data.serialized) : engine.build(data.docs);
const t2 = now();
engine.search(index, data.query, data.audience);
const t3 = now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, indexMs: t2 - t1, firstQueryMs: t3 - t2, totalMs: t3 - t0 }));
