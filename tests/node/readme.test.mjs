// Every `js` example in the README's API section runs, with the package's exports and
// Node's assert in scope: the documentation cannot drift from what the module does. (The setup
// snippets are fenced as `javascript` instead: this file does that setup itself.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as pijnwijzer from 'pijnwijzer';

pijnwijzer.initSync({ module: readFileSync(new URL(import.meta.resolve('pijnwijzer/pijnwijzer_bg.wasm'))) });

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const api = readme.slice(readme.indexOf('## The API'), readme.indexOf('\n## ', readme.indexOf('## The API') + 1));
const examples = [...api.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);

test('the README documents the API with examples', () => {
  assert.ok(examples.length >= 10, `found ${examples.length} examples`);
});

const names = Object.keys(pijnwijzer).filter(
  (name) => !['default', 'start', 'initSync'].includes(name) && typeof pijnwijzer[name] === 'function',
);
for (const [index, source] of examples.entries()) {
  const firstLine = source.split('\n')[0];
  test(`README example ${index + 1}: ${firstLine}`, () => {
    const run = new Function('assert', ...names, source);
    run(assert, ...names.map((name) => pijnwijzer[name]));
  });
}
