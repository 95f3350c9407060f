// Search benchmark (issue 6): the same content and the same questions through this module's wasm
// and through MiniSearch, FlexSearch and lunr (with lunr-languages' Dutch stemmer), in one run.
// Writes BENCHMARKS.md at the repo root.
//
//   npm run bench                      # = node bench/run.mjs
//   node bench/run.mjs --rounds 50 --cold 15 --questions tests/relevance/questions.toml
//   node bench/run.mjs --no-write      # print the table, leave BENCHMARKS.md alone
//   node bench/run.mjs --no-build      # fail instead of rebuilding a pkg/ that is older than content/
//   node bench/run.mjs --export FILE   # use a saved `pijnwijzer export --json` instead of cargo run
//   node bench/run.mjs --no-browser    # leave out the section "In the browser" (bench/browser.mjs)
//   node bench/run.mjs --browser-runs 20  # runs of each kind in the browser (default 12)
//
// Content: `cargo run --release -p pijnwijzer-cli -- export --json`, regenerated on every run.
// When pkg/ was built from other content than that export, the run rebuilds it first
// (`bash scripts/build.sh`), so every engine sees the same nodes. A pkg/ built from older code
// on the same content is measured as it is: run `npm run build` after changing src/.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { browserBench } from './browser.mjs';
import {
  contentText,
  documentsFrom,
  formatBytes,
  formatMs,
  gzipBytes,
  machineInfo,
  median,
  quantile,
  recallAt5,
  reciprocalRank,
} from './common.mjs';
import { ENGINES } from './engines/index.mjs';
import { measureSearchShare } from './wasm-share.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const ROUNDS = Number(option('--rounds', 50));
const WARMUP = Number(option('--warmup', 5));
// Fifteen cold starts per engine and mode: this module's cold start is bimodal in Node (V8
// compiles hot functions again in the background, and a run may or may not wait on that work),
// and medians of five runs of the same wasm came out 25 ms apart.
const COLD = Number(option('--cold', 15));
// The question files (issue #15), each declaring its half (`half = "tuning"` or "held-out"):
// ranking decisions look at the tuning half only; the held-out half, split once by
// tests/relevance/split.py, is the headline. `--questions FILE` measures one file instead, as one
// held-out half.
const relevanceDir = join(root, 'tests/relevance');
const questionFiles = option('--questions', null)
  ? [[option('--questions', null), 'held-out']]
  : readdirSync(relevanceDir)
      .filter((file) => file.endsWith('.toml'))
      .sort()
      .map((file) => join(relevanceDir, file))
      .map((path) => [path, parseToml(readFileSync(path, 'utf8')).half]);
const HALVES = ['held-out', 'tuning'].filter((half) => questionFiles.some(([, h]) => h === half));
for (const [path, half] of questionFiles) {
  if (!['held-out', 'tuning'].includes(half))
    throw new Error(`${path}: \`half = "${half}"\` is neither "tuning" nor "held-out"`);
}
const only = option('--engines', Object.keys(ENGINES).join(',')).split(',');

const log = (...m) => console.error('bench:', ...m);
const now = () => Number(process.hrtime.bigint()) / 1e6;

// ------------------------------------------------------------------ content and module freshness

const exportFile = option('--export', null);
if (!exportFile) log('exporting the content: cargo run --release -p pijnwijzer-cli -- export --json');
const cargoExport = () =>
  execFileSync('cargo', ['run', '--release', '--quiet', '-p', 'pijnwijzer-cli', '--', 'export', '--json'], {
    cwd: root,
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
let exported = JSON.parse(exportFile ? readFileSync(exportFile, 'utf8') : cargoExport());

function pkgDigest() {
  try {
    return execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { readFileSync } from 'node:fs';
         import { initSync, version } from './pkg/pijnwijzer.js';
         initSync({ module: readFileSync('./pkg/pijnwijzer_bg.wasm') });
         process.stdout.write(version().content);`,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
    ).toString();
  } catch {
    return null;
  }
}
let digest = pkgDigest();
if (digest !== exported.version.content) {
  const why = digest ? `pkg/ holds content ${digest}, the export is ${exported.version.content}` : 'pkg/ is missing';
  if (flag('--no-build')) {
    log(`${why}: run \`npm run build\` first (or drop --no-build)`);
    process.exit(1);
  }
  log(`${why}: rebuilding with bash scripts/build.sh`);
  execFileSync('bash', ['scripts/build.sh'], { cwd: root, stdio: ['ignore', 2, 2] });
  digest = pkgDigest();
  // build.sh builds the CLI right after the wasm: export with that binary as built, without
  // cargo rebuilding it, so that an edit to content/ during the build cannot set them apart.
  exported = JSON.parse(
    execFileSync(join(root, 'target/release/pijnwijzer'), ['export', '--json'], { cwd: root, maxBuffer: 1 << 30 }),
  );
  if (digest !== exported.version.content) {
    log(
      `pkg/ holds content ${digest} after the build, the CLI ${exported.version.content} (content/ changed meanwhile?): run again`,
    );
    process.exit(1);
  }
}
const docs = documentsFrom(exported);
log(`${docs.length} nodes, content ${exported.version.content}`);

// ------------------------------------------------------------------------------------ questions

const questions = questionFiles.flatMap(([path, half]) =>
  parseToml(readFileSync(path, 'utf8')).question.map((q) => ({
    half,
    query: q.query,
    voice: q.voice || '',
    answers: q.answers || [],
    audience: q.audience === 'patient' ? 'patient' : 'professional',
  })),
);
const known = new Set(docs.map((d) => d.id));
const unknown = [...new Set(questions.flatMap((q) => q.answers).filter((id) => !known.has(id)))];
if (unknown.length) log(`warning: answers that are no node: ${unknown.join(', ')}`);
log(`${questions.length} questions from ${questionFiles.map(([path]) => path.replace(root, '')).join(', ')}`);

// ---------------------------------------------------------------------------------- the engines

const loadBefore = loadavg()[0];

const contentGzip = gzipBytes(contentText(exported));
const results = [];
const perQuestion = questions.map(() => ({}));

// Phase 1, per engine: load and index, sizes, relevance.
const live = [];
for (const key of only) {
  const engine = ENGINES[key];
  if (!engine) throw new Error(`unknown engine ${key}: use ${Object.keys(ENGINES).join(', ')}`);
  log(`${engine.name}: loading and indexing`);
  engine.prepare?.();
  await engine.load();
  const index = engine.build(docs);
  if (engine.contentDigest && engine.contentDigest() !== exported.version.content) {
    throw new Error(`${engine.name} runs on content ${engine.contentDigest()}, not ${exported.version.content}`);
  }

  // Size: gzip -9 of each file a browser loads, added up.
  const code = await engine.code();
  const codeGzip = code.reduce((sum, f) => sum + gzipBytes(f.bytes), 0);
  const serialized = engine.serialize ? await engine.serialize(index) : null;
  const indexGzip = serialized == null ? null : gzipBytes(serialized);

  // Relevance.
  let rr = 0;
  let r5 = 0;
  const byVoice = {};
  const recallByHalf = {};
  questions.forEach((q, i) => {
    const hits = engine.search(index, q.query, q.audience);
    const rank = reciprocalRank(hits, q.answers);
    const recall = recallAt5(hits, q.answers);
    rr += rank;
    r5 += recall;
    (byVoice[`${q.half}/${q.voice}`] ||= []).push(rank);
    (byVoice[`${q.half}/all`] ||= []).push(rank);
    (recallByHalf[q.half] ||= []).push(recall);
    perQuestion[i][key] = { rank, hits };
  });
  log(`${engine.name}: MRR ${(rr / questions.length).toFixed(3)}, recall@5 ${(r5 / questions.length).toFixed(3)}`);

  const result = {
    key,
    engine,
    code,
    codeGzip,
    indexGzip,
    indexRaw: serialized == null ? null : Buffer.byteLength(serialized),
    mrr: rr / questions.length,
    recall5: r5 / questions.length,
    recallByHalf: Object.fromEntries(
      Object.entries(recallByHalf).map(([half, hits]) => [half, hits.reduce((a, b) => a + b, 0) / hits.length]),
    ),
    byVoice: Object.fromEntries(
      Object.entries(byVoice).map(([v, ranks]) => [v, ranks.reduce((a, b) => a + b, 0) / ranks.length]),
    ),
    times: [],
    cold: { build: [], load: [] },
  };
  results.push(result);
  live.push({ result, engine, index, serialized });
}

// Phase 2: query time. Warm up, then ROUNDS rounds; in each round every engine answers every
// question once, each call timed on its own. Engines take turns round by round, so a change in
// the machine's load falls on all of them alike.
log(`query times: ${WARMUP} warm-up and ${ROUNDS} timed rounds of ${questions.length} questions per engine`);
for (const { engine, index } of live) {
  for (let r = 0; r < WARMUP; r++) for (const q of questions) engine.search(index, q.query, q.audience);
}
for (let r = 0; r < ROUNDS; r++) {
  for (const { result, engine, index } of live) {
    for (const q of questions) {
      const t0 = now();
      engine.search(index, q.query, q.audience);
      result.times.push(now() - t0);
    }
  }
}
for (const { result } of live) {
  result.times.sort((a, b) => a - b);
  result.medianMs = quantile(result.times, 0.5);
  result.p99Ms = quantile(result.times, 0.99);
  log(`${result.engine.name}: median ${formatMs(result.medianMs)}, p99 ${formatMs(result.p99Ms)}`);
}

// Phase 3: cold starts, each in a fresh Node process: build from the documents, or load the
// serialised index. Engines and modes take turns here too.
log(`cold starts: ${COLD} per engine and mode`);
const dir = mkdtempSync(join(tmpdir(), 'pijnwijzer-bench-'));
for (const entry of live) {
  entry.dataFile = join(dir, `${entry.result.key}.json`);
  writeFileSync(
    entry.dataFile,
    JSON.stringify({ docs, serialized: entry.serialized, query: questions[0].query, audience: questions[0].audience }),
  );
}
for (let r = 0; r < COLD; r++) {
  for (const { result, engine, dataFile } of live) {
    for (const mode of engine.deserialize ? ['build', 'load'] : ['build']) {
      const out = execFileSync(process.execPath, [join(root, 'bench/cold.mjs'), result.key, mode, dataFile], {
        cwd: root,
      });
      result.cold[mode].push(JSON.parse(out.toString()));
    }
  }
}
rmSync(dir, { recursive: true, force: true });
const summary = (runs) =>
  runs.length === 0
    ? null
    : {
        totalMs: median(runs.map((r) => r.totalMs)),
        importMs: median(runs.map((r) => r.importMs)),
        indexMs: median(runs.map((r) => r.indexMs)),
        firstQueryMs: median(runs.map((r) => r.firstQueryMs)),
      };
for (const result of results) {
  result.coldBuild = summary(result.cold.build);
  result.coldLoad = summary(result.cold.load);
}

// ---------------------------------------------------------------------------------------- report

const { cpuModel, nproc, memGiB } = machineInfo();
const loadAfter = loadavg()[0];
const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

// The site in headless Chromium (bench/browser.mjs), after the Node figures and their load average.
let browser = null;
if (!flag('--no-browser')) {
  log('the site in Chromium: bench/browser.mjs');
  try {
    browser = await browserBench({
      runs: Number(option('--browser-runs', 12)),
      questionsFile: option('--questions', join(root, 'tests/relevance/heldout.toml')),
      command,
      contentGzip,
    });
  } catch (error) {
    log('the browser benchmark failed; BENCHMARKS.md is left as it was (--no-browser leaves it out)');
    throw error;
  }
}
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const voices = [...new Set(questions.map((q) => q.voice))];

const wasmSha = createHash('sha256')
  .update(readFileSync(join(root, 'pkg/pijnwijzer_bg.wasm')))
  .digest('hex')
  .slice(0, 16);
const fixed = (x) => x.toFixed(3);
const lines = [];
lines.push('# Benchmarks');
lines.push('');
lines.push(
  'This module\'s search against three JavaScript search engines on the same content and the same questions, in one run, and the site itself in headless Chromium (section "In the browser"). ' +
    'Written by `bench/run.mjs`; do not edit by hand, run the command again.',
);
lines.push('');
lines.push(`- **Command:** \`${command}\` (in the repo root; \`npm run bench\` is \`node bench/run.mjs\`)`);
lines.push(`- **Date:** ${date}`);
lines.push(
  `- **Machine:** ${cpuModel}, ${nproc} cores (\`nproc\`), ${memGiB} GiB memory, Node ${process.version}, ${process.platform}/${process.arch}; 1-minute load average ${loadBefore.toFixed(2)} when the engines started, ${loadAfter.toFixed(2)} at the end`,
);
if (Math.max(loadBefore, loadAfter) > Number(nproc)) {
  lines.push(
    `- **Note:** the machine was busy with other work during this run (load average above its ${nproc} cores): absolute times are inflated and p99 most of all. The engines took turns, so the comparison between them holds better than the absolute numbers.`,
  );
}
lines.push(
  `- **Content:** ${docs.length} nodes, content digest \`${exported.version.content}\` (module ${exported.version.module}), from \`pijnwijzer export --json\`; the module measured is \`pkg/\` as built (\`pijnwijzer_bg.wasm\` sha256 \`${wasmSha}…\`; the run rebuilds it only when its content differs, so run \`npm run build\` after changing \`src/\`)`,
);
lines.push(
  `- **Questions:** ${questions.length} from ${questionFiles.map(([path, half]) => `\`${path.replace(root, '')}\` (${half})`).join(', ')}: ${HALVES.map(
    (half) => {
      const part = questions.filter((q) => q.half === half);
      return `${half} ${part.length} (${[...new Set(part.map((q) => q.voice))].map((v) => `${part.filter((q) => q.voice === v).length} ${v}`).join(', ')})`;
    },
  ).join('; ')}. ${questions.filter((q) => q.audience === 'patient').length} with \`audience = "patient"\`; ${
    questions.filter((q) => q.answers.length === 0).length
  } whose right answer is no result. The held-out half was written from the sources for issue #15 and split once with a fixed seed (\`tests/relevance/split.py\`); no ranking decision looked at it, so its figures are the headline.`,
);
lines.push('');
lines.push('## Results');
lines.push('');
lines.push(
  `| engine | version | query median | query p99 | cold start, index built | cold start, index loaded | gzip engine | gzip index | gzip engine + index | ${HALVES.map((half) => `MRR ${half} | recall@5 ${half}`).join(' | ')} |`,
);
lines.push(
  `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ${HALVES.map(() => '---: | ---:').join(' | ')} |`,
);
for (const r of results) {
  lines.push(
    `| ${r.engine.name} | ${r.engine.version} | ${formatMs(r.medianMs)} | ${formatMs(r.p99Ms)} | ${formatMs(r.coldBuild.totalMs)} | ${
      r.coldLoad ? formatMs(r.coldLoad.totalMs) : '–'
    } | ${formatBytes(r.codeGzip)} | ${r.indexGzip == null ? 'built on first search' : formatBytes(r.indexGzip)} | ${formatBytes(
      r.codeGzip + (r.indexGzip || 0),
    )} | ${HALVES.map((half) => `${fixed(r.byVoice[`${half}/all`])} | ${fixed(r.recallByHalf[half])}`).join(' | ')} |`,
  );
}
lines.push('');
lines.push(
  `For reference, the content text itself (every title, alias and layer text, joined by newlines) is ${formatBytes(
    contentGzip,
  )} gzipped. This module's wasm already holds it; a page with a JS engine has to ship it (or a digest of it) too, to show titles and snippets:`,
);
lines.push('');
lines.push('| engine | gzip engine + index + content text |');
lines.push('| --- | ---: |');
for (const r of results) {
  const total = r.codeGzip + (r.indexGzip || 0) + (r.engine.serialize ? contentGzip : 0);
  lines.push(`| ${r.engine.name} | ${formatBytes(total)}${r.engine.serialize ? '' : ' (content is in the wasm)'} |`);
}
if (only.includes('pijnwijzer')) {
  const share = measureSearchShare(root);
  lines.push('');
  lines.push("### What search adds to this module's wasm");
  lines.push('');
  lines.push('| part | raw | gzip |');
  lines.push('| --- | ---: | ---: |');
  lines.push(
    `| search code: ${share.functions} functions (core, stemmer, bindings) | ${formatBytes(share.codeBytes)} | ${formatBytes(share.codeGzip)} |`,
  );
  lines.push(`| thesaurus (\`content/synoniemen.toml\`) | | ${formatBytes(share.thesaurusGzip)} |`);
  lines.push(`| **search in total** | | **${formatBytes(share.totalGzip)}** |`);
  lines.push(
    `| all code of the wasm, for scale (before wasm-opt; shipped: ${formatBytes(share.shippedCodeBytes)}) | ${formatBytes(share.allCodeBytes)} | |`,
  );
  lines.push('');
  lines.push(
    `The index is built on the first search, so no index bytes are shipped. Markdown parser in the wasm: ${
      share.markdownFunctions === 0
        ? 'none (no `pulldown_cmark` function)'
        : `**${share.markdownFunctions} \`pulldown_cmark\` functions**`
    }. Largest search functions: ${share.largest.map((f) => `\`${f.name.replace(/::h[0-9a-f]{16}$/, '')}\` ${formatBytes(f.bytes)}`).join(', ')}. Measured by \`bench/wasm-share.mjs\` on the module with function names kept, before wasm-opt (whose inlining would merge the index build into the loader); each function's bytes are gzipped together on their own.`,
  );
}
lines.push('');
lines.push('### Cold start, split up (medians)');
lines.push('');
lines.push('| engine | mode | import / compile | index built or loaded | first query | total |');
lines.push('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const row = (mode, c) =>
    lines.push(
      `| ${r.engine.name} | ${mode} | ${formatMs(c.importMs)} | ${formatMs(c.indexMs)} | ${formatMs(c.firstQueryMs)} | ${formatMs(c.totalMs)} |`,
    );
  row(r.engine.serialize ? 'build from documents' : 'initSync, first call builds the index', r.coldBuild);
  if (r.coldLoad) row('load serialised index', r.coldLoad);
}
lines.push('');
lines.push('### MRR per voice, per half');
lines.push('');
lines.push(`| half | voice | questions | ${results.map((r) => r.engine.name).join(' | ')} |`);
lines.push(`| --- | --- | ---: | ${results.map(() => '---:').join(' | ')} |`);
for (const half of HALVES) {
  for (const v of ['all', ...voices]) {
    const n = questions.filter((q) => q.half === half && (v === 'all' || q.voice === v)).length;
    if (n === 0) continue;
    lines.push(`| ${half} | ${v} | ${n} | ${results.map((r) => fixed(r.byVoice[`${half}/${v}`])).join(' | ')} |`);
  }
}
lines.push('');
if (browser) lines.push(...browser.lines);
lines.push('## How it was measured');
lines.push('');
lines.push(
  `- **Query time:** every question is run ${WARMUP} times to warm up, then ${ROUNDS} times per engine (${
    ROUNDS * questions.length
  } calls), each call timed on its own with \`process.hrtime.bigint()\`; median and 99th percentile over all calls. All engines run in the same Node process and take turns round by round (one round = every question once), so changes in the machine's load fall on all of them alike. A call returns the top 10: ids with scores for the JS engines; for this module full hits with title, escaped-HTML snippet with \`<mark>\`s, source citation and strength, converted to JS objects (the JS engines would still have to build snippets).`,
);
lines.push(
  `- **Cold start:** median of ${COLD} fresh Node processes per engine and mode (\`bench/cold.mjs\`, engines taking turns): import the engine (for this module: import \`pijnwijzer.js\` and \`initSync\`, which compiles and instantiates the wasm), build the index from the documents or load the serialised one (\`JSON.parse\` included), then answer the first question. Reading the files from disk and parsing the documents is not timed. This module's index is built on load, so its "index built" time is \`initSync\` plus the first call.`,
);
lines.push(
  '- **Size:** `gzip -9` (`node:zlib`) of each file a browser would load, added up: the engine (minified build) and the serialised index (`JSON.stringify` of the exported index). Per engine:',
);
for (const r of results) {
  lines.push(
    `  - ${r.engine.name}: ${r.engine.sizeNote}; ${r.code.map((f) => `\`${f.file}\` ${formatBytes(f.bytes.length)} → ${formatBytes(gzipBytes(f.bytes))}`).join(', ')}${
      r.indexRaw == null ? '' : `; index ${formatBytes(r.indexRaw)} → ${formatBytes(r.indexGzip)}`
    }.`,
  );
}
lines.push(
  '- **Relevance:** MRR is the reciprocal rank of the first listed answer within the top 10, 0 if none; recall@5 is 1 when any listed answer is in the top 5. For a question whose right answer is no result (`answers = []`) both are 1 when the engine returns nothing and 0 otherwise.',
);
lines.push('');
lines.push('## Configuration and fairness');
lines.push('');
lines.push(
  '- Every JS engine indexes the same fields per node: the id split into words (weight 0.5), the title and the aliases (3 each), the main text (1.5), the lay text (0.5) and all other layers together (1). For `audience = "patient"` questions, where the engine can weight fields per query, the lay text goes to 2 and the main text to 1, as this module shifts its own weights. The order follows this module\'s BM25F weights (title 6, main 2, detail 1, rationale 0.6, lay 0.5), compressed because the JS engines add up separate per-field scores.',
);
lines.push(
  "- All JS engines get the same text analysis (`bench/common.mjs`): NFD with combining marks removed and lower case (so `opioïden` = `opioiden`), split on anything but letters and digits, one-letter tokens dropped, and the Snowball Dutch stopwords that lunr-languages' `nl` uses.",
);
for (const r of results) lines.push(`- **${r.engine.name}:** ${r.engine.config}.`);
lines.push(
  "- What this module has that the JS engines do not get: compound splitting against its own vocabulary, a thesaurus of synonyms when the content has one, whole-title/alias phrase boosts, a prior per node kind, and a drug-class caution ranked above its members. The aliases themselves (brand names, lay words, misspellings) are indexed by every engine. lunr's stemmer is the same Snowball Dutch algorithm this module uses; MiniSearch and FlexSearch have no Dutch stemmer and rely on prefix and fuzzy matching instead.",
);
lines.push(
  "- One setting was chosen on these questions, in FlexSearch's favour: FlexSearch has no field boosts or scores across fields, and its fusion constant (k = 1 of 1, 10 and 60; MRR about 0.80 against 0.74 and 0.71 at the time) was the best on this set. Nothing else was tuned on them; the questions are the relevance set of `tests/relevance/questions.toml`, written from the sources, not from any engine's output.",
);
lines.push('');
lines.push('## Per question');
lines.push('');
lines.push('<details><summary>Reciprocal rank per question and engine (0 = no listed answer in the top 10)</summary>');
lines.push('');
lines.push(`| query | voice | ${results.map((r) => r.engine.name).join(' | ')} |`);
lines.push(`| --- | --- | ${results.map(() => '---:').join(' | ')} |`);
questions.forEach((q, i) => {
  const cell = (r) => {
    const { rank } = perQuestion[i][r.key];
    return rank === 0 ? '**0**' : rank === 1 ? '1' : rank.toFixed(2);
  };
  lines.push(
    `| ${q.query.replace(/\|/g, '\\|')} | ${q.voice}${q.audience === 'patient' ? ' (patient)' : ''} | ${results.map(cell).join(' | ')} |`,
  );
});
lines.push('');
lines.push('</details>');
lines.push('');

const report = lines.join('\n');
if (flag('--no-write')) {
  console.log(report);
} else {
  writeFileSync(join(root, 'BENCHMARKS.md'), report);
  log('wrote BENCHMARKS.md');
  console.log(lines.slice(lines.indexOf('## Results'), lines.indexOf('### Cold start, split up (medians)')).join('\n'));
  if (browser) console.log(browser.lines.slice(0, browser.lines.indexOf('### Bytes')).join('\n'));
}
