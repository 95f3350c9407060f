// exportFhir() from the built package, against the CLI's `export --fhir` on the same content:
// the same Bundle, and options checked as every other call checks its arguments. The FHIR
// validation itself is tests/fhir/validate.py (scripts/test.sh runs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { initSync, exportFhir, version } from 'pijnwijzer';

initSync({ module: readFileSync(new URL(import.meta.resolve('pijnwijzer/pijnwijzer_bg.wasm'))) });

const root = new URL('../../', import.meta.url);
const options = { base: 'https://example.org/fhir', date: '2026-12-05' };

function cliBundle() {
  const args = ['run', '--quiet', '--release', '-p', 'pijnwijzer-cli', '--'];
  args.push('export', '--fhir', '--base', options.base, '--date', options.date);
  return JSON.parse(execFileSync('cargo', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}

test('exportFhir() returns the Bundle the CLI writes, entry for entry', () => {
  const bundle = exportFhir(options);
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'collection');
  assert.equal(bundle.identifier.value, version().content);
  const cli = cliBundle();
  assert.equal(bundle.entry.length, cli.entry.length);
  assert.deepEqual(
    bundle.entry.map((entry) => entry.fullUrl),
    cli.entry.map((entry) => entry.fullUrl),
  );
  assert.deepEqual(bundle, cli);
});

test('a graded recommendation carries strength, certainty and direction in its action', () => {
  const bundle = exportFhir(options);
  const plan = bundle.entry.find((entry) => entry.fullUrl === `${options.base}/PlanDefinition/worel.med.opioiden`);
  assert.ok(plan, 'the opioid caution is a PlanDefinition');
  const codes = plan.resource.action[0].extension.map((extension) => extension.valueCodeableConcept.coding[0].code);
  assert.deepEqual(codes, ['weak', 'low', 'against'], 'GRADE 2C against');
});

test('without options the base is the placeholder and the date today', () => {
  const bundle = exportFhir();
  const [first] = bundle.entry;
  assert.ok(first.fullUrl.startsWith('https://pijnwijzer.example/fhir/'), first.fullUrl);
  assert.match(first.resource.date, /^\d{4}-\d{2}-\d{2}$/);
});

test('exportFhir() refuses a wrong option with a message that names it', () => {
  const refused = (call, pattern) =>
    assert.throws(call, (error) => error.code === 'invalid-argument' && pattern.test(error.message));
  refused(() => exportFhir({ bse: 'https://example.org' }), /unknown option `bse`/);
  refused(() => exportFhir({ base: 'ftp://example.org' }), /ftp:\/\/example\.org/);
  refused(() => exportFhir({ date: '5 december' }), /5 december/);
  refused(() => exportFhir('https://example.org'), /must be an object/);
  assert.equal(exportFhir(options).resourceType, 'Bundle', 'and it keeps answering');
});
