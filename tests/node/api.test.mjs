// The built package, loaded as a user of the npm package loads it in Node 20: by its name,
// with the wasm bytes handed to initSync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, search, node, suggest, version, lay, vocabulary, releases, changes } from 'pijnwijzer';

initSync({ module: readFileSync(new URL(import.meta.resolve('pijnwijzer/pijnwijzer_bg.wasm'))) });

test('version names the module, the content and the five source documents', () => {
  const info = version();
  assert.match(info.module, /^\d+\.\d+\.\d+$/);
  assert.match(info.content, /^[0-9a-f]{16}$/);
  assert.deepEqual(info.documents.map((d) => d.id).sort(), [
    'mc-samen',
    'mc-zorgstandaard',
    'rta',
    'worel',
    'zorgstandaard',
  ]);
});

test('search ranks the red-flags recommendation first, with its grade, citation and marked snippet', () => {
  const [first] = search('rode vlaggen');
  assert.equal(first.id, 'worel.alg.rodevlaggen');
  assert.equal(first.kind, 'recommendation');
  assert.equal(first.strength, 'GPP');
  assert.equal(first.direction, 'for');
  assert.equal(first.source.document, 'worel');
  assert.match(first.source.citation, /^WOREL §4 aanbeveling 6, p\. 29/);
  assert.ok(Array.isArray(first.source.lines) && first.source.lines.length === 2);
  assert.ok(first.covers.includes('worel.alg.rodevlaggen'));
  assert.ok(
    search('rode vlaggen').some((hit) => hit.snippet.includes('<mark>')),
    'matched words are marked',
  );
});

test("a hit is the caller's own: changing it changes no later answer, and its shared parts are frozen", () => {
  const [first] = search('rode vlaggen');
  const again = structuredClone(search('rode vlaggen')[0]);
  first.title = 'veranderd';
  first.snippet = '';
  assert.ok(Object.isFrozen(first.source) && Object.isFrozen(first.source.lines) && Object.isFrozen(first.covers));
  assert.throws(() => {
    'use strict';
    first.source.page = 0;
  }, TypeError);
  assert.deepEqual(search('rode vlaggen')[0], again);
  assert.notEqual(search('rode vlaggen')[0], search('rode vlaggen')[0], 'each answer is a new object');
});

test('search options limit, filter and change the audience', () => {
  assert.equal(search('pijn', { limit: 3 }).length, 3);
  assert.ok(search('pijn', { document: 'rta', limit: 50 }).every((hit) => hit.source.document === 'rta'));
  assert.ok(
    search('pijn', { kind: ['medication', 'checklist'], limit: 50 }).every((hit) =>
      ['medication', 'checklist'].includes(hit.kind),
    ),
  );
  const lay = search('wat is chronische pijn', { audience: 'patient', limit: 5 });
  assert.ok(lay.length > 0);
});

test('node returns every layer as HTML and text, its citation and typed links', () => {
  const item = node('worel.alg.rodevlaggen');
  assert.equal(item.title, search('rode vlaggen')[0].title);
  const keys = item.layers.map((layer) => layer.key);
  assert.ok(keys.includes('main') && keys.includes('lay'), keys.join());
  for (const layer of item.layers) {
    assert.ok(layer.html.startsWith('<'), layer.key);
    assert.ok(!layer.text.includes('<p>'), layer.key);
  }
  assert.ok(item.links.some((link) => link.id === 'worel.alg.rodevlaggen.lijst'));
});

test('suggest completes the word being typed', () => {
  assert.ok(suggest('pregab').some((word) => word.startsWith('pregabaline')));
  assert.deepEqual(suggest(''), []);
});

test('bad input throws an Error and the module keeps answering', () => {
  assert.throws(() => node('worel.alg.rodevlagen'), {
    name: 'Error',
    message: /unknown node id .*did you mean `worel\.alg\.rodevlaggen`/,
  });
  assert.throws(() => node(42), { message: /must be a string/ });
  assert.throws(() => search({}), { message: /must be a string/ });
  assert.throws(() => search('pijn', 'veel'), { message: /must be an object/ });
  assert.throws(() => search('pijn', { limt: 3 }), { message: /unknown option `limt`/ });
  assert.throws(() => search('pijn', { limit: 1000 }), { message: /above the maximum/ });
  assert.throws(() => search('pijn', { audience: 'kind' }), { message: /audience/ });
  assert.throws(() => suggest('pijn', -1), { message: /limit/ });
  assert.deepEqual(search(''), []);
  assert.ok(search('pijn '.repeat(100000)).length > 0, 'a long query is cut, not refused');
  assert.equal(search('rode vlaggen')[0].id, 'worel.alg.rodevlaggen');
});

test('every call that takes an argument rejects a wrong type or an unknown name with an Error', async () => {
  const api = await import('pijnwijzer');
  const takesName = ['node', 'related', 'checklist', 'medication', 'referral', 'referralsTo', 'compare', 'lay'];
  for (const name of takesName) {
    for (const bad of [undefined, null, 42, {}, ['worel.alg.bps']]) {
      assert.throws(
        () => api[name](bad),
        { name: 'Error', message: /must be a string/ },
        `${name}(${JSON.stringify(bad)})`,
      );
    }
  }
  for (const [name, unknown] of [
    ['node', 'x.y'],
    ['checklist', 'zz.geen.checklist'],
    ['medication', 'qwxyzzy'],
    ['lay', 'x.y'],
    ['referral', 'qwxyzzy'],
    ['referralsTo', 'qwxyzzy'],
    ['related', 'x.y'],
  ]) {
    assert.throws(() => api[name](unknown), { name: 'Error', message: /unknown/ }, `${name}('${unknown}')`);
  }
  assert.throws(() => api.related('worel.alg.bps', 'broer'), { message: /edge type/ });
  for (const name of ['version', 'checklists', 'medications', 'referralMatrix', 'steppedCare', 'redFlags']) {
    assert.doesNotThrow(() => api[name](), name);
  }
  assert.equal(search('rode vlaggen')[0].id, 'worel.alg.rodevlaggen', 'the module still answers');
});

test('every lay text carries its readability, measured at build time, within the B1 limits', () => {
  const explanation = lay('worel.med.opioiden.tramadol');
  const { sentences, words, syllables, wordsPerSentence, longestSentence, fleschDouma } = explanation.readability;
  assert.ok(sentences > 3 && words > sentences && syllables >= words, JSON.stringify(explanation.readability));
  assert.equal(wordsPerSentence, Math.round((words / sentences) * 10) / 10);
  assert.ok(longestSentence <= 20 && wordsPerSentence <= 12);
  const expected = 206.835 - 0.93 * (words / sentences) - 77 * (syllables / words);
  assert.ok(Math.abs(fleschDouma - expected) < 0.06, `${fleschDouma} vs ${expected}`);
  assert.deepEqual(node('worel.med.opioiden.tramadol').readability, explanation.readability);
  assert.equal(node('worel.med.opioiden').readability === null, false);
});

test("vocabulary() gives every vocabulary with its Dutch labels, and the content's documents, actors and steps", () => {
  const words = vocabulary();
  assert.deepEqual(words.steps, [1, 2, 3, 4]);
  assert.equal(words.kinds.find((k) => k.id === 'recommendation').label, 'Aanbeveling');
  assert.equal(words.positions.find((p) => p.id === 'preferably-not').label, 'bij voorkeur niet');
  assert.deepEqual(
    words.edges.find((e) => e.id === 'refines'),
    {
      id: 'refines',
      outgoing: 'Onderdeel van',
      incoming: 'Uitgewerkt in',
    },
  );
  assert.ok(words.actors.some((a) => a.id === 'pijnspecialist' && a.label === 'pijnspecialist (anesthesioloog)'));
  assert.deepEqual(
    words.documents.map((d) => d.id),
    version().documents.map((d) => d.id),
  );
  // Every kind and actor a node uses is in the vocabulary.
  const [hit] = search('rode vlaggen');
  assert.ok(words.kinds.some((k) => k.id === hit.kind));
  for (const actor of node(hit.id).actors)
    assert.ok(
      words.actors.some((a) => a.id === actor.id),
      actor.id,
    );
});

test('node() carries the fields of the front matter as they are, a lay title among them', () => {
  assert.equal(node('worel.alg.actieve-rol').layTitle, 'Zelf actief meedoen aan uw behandeling');
  // A node without a lay text has no lay title.
  const withoutLay = node('zs.checklist.anamnese');
  assert.ok(!withoutLay.layers.some((layer) => layer.key === 'lay'));
  assert.equal(withoutLay.layTitle, null);
});

test('version() gives the content version, named after the newest release, and the build date', () => {
  const info = version();
  const [newest] = releases();
  // The release's name while the content is that release; its name, `+` and a digest once it changed.
  assert.match(info.contentVersion, new RegExp(`^${newest.name.replaceAll('.', '\\.')}(\\+[0-9a-f]{8})?$`));
  assert.match(info.built, /^\d{4}-\d{2}-\d{2}$/);
});

test('releases() lists the embedded releases, the first of them 2026.12.05 with every node added', () => {
  const list = releases();
  const first = list.at(-1);
  assert.deepEqual(
    [first.name, first.date, first.previous, first.removed, first.changed],
    ['2026.12.05', '2026-12-05', null, 0, 0],
  );
  assert.equal(first.added, first.nodes);
  assert.ok(first.nodes > 500);
});

test('changes() tells, offline, what changed since a release; node() has the digest a portal stores', () => {
  const since = changes('2026.12.05');
  assert.deepEqual(since.since, { name: '2026.12.05', date: '2026-12-05' });
  assert.equal(since.until.name, version().contentVersion);
  for (const list of [since.added, since.removed, since.changed]) assert.ok(Array.isArray(list));
  // A node changed since the release carries a digest other than the one a portal stored then.
  for (const changed of since.changed) assert.equal(node(changed.id).digest, changed.digest);
  const item = node('worel.alg.rodevlaggen');
  assert.match(item.digest, /^[0-9a-f]{16}$/);
  if (!since.changed.some((c) => c.id === item.id)) assert.equal(item.changedIn.name, '2026.12.05');
  // The same release at both ends: nothing changed.
  assert.deepEqual(changes('2026.12.05', '2026.12.05').changed, []);
});

test('changes() of an unknown release throws not-found with the known releases as suggestions', () => {
  assert.throws(
    () => changes('2025.01.01'),
    (error) =>
      error instanceof Error &&
      error.code === 'not-found' &&
      error.suggestions.includes('2026.12.05') &&
      error.message.includes('unknown release `2025.01.01`'),
  );
  assert.throws(
    () => changes(20261205),
    (error) => error.code === 'invalid-argument',
  );
});
