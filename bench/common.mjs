// Shared pieces of the benchmark: the documents every JS engine indexes, the Dutch-ish text
// analysis they all share, relevance metrics and statistics.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

/** Fold case and diacritics the same way for every JS engine: NFD, drop combining marks. */
export function fold(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Dutch stopwords: the Snowball list that lunr-languages' `nl` uses, so all three JS engines drop
 * the same words (lunr through its own pipeline, MiniSearch and FlexSearch through this set).
 */
export const STOPWORDS = new Set(
  (
    'aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge ' +
    'geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen ' +
    'maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen ' +
    'toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij ' +
    'zijn zo zonder zou'
  ).split(' '),
);

/**
 * Words of a text: folded, split on anything that is not a letter or digit, a possessive 's
 * (split off by the apostrophe) and other one-letter tokens dropped. Stopwords are kept here;
 * each engine drops them its own way.
 */
export function words(text) {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/** A text as the engines see it: its words joined by single spaces. */
export function analyzed(text) {
  return words(text).join(' ');
}

/**
 * The documents, one per node, with the same fields for every JS engine:
 * - `idText`: the node id split into words (`worel.med.opioiden` → `worel med opioiden`)
 * - `title`, `aliases`: the title and the aliases (brand names, lay words, misspellings)
 * - `main`: the main text (the statement itself)
 * - `lay`: the patient (B1) text
 * - `other`: every other layer (rationale, practice, notes, cautions, …)
 */
export function documentsFrom(exported) {
  return exported.nodes.map((node) => {
    const layer = (key) =>
      node.layers
        .filter((l) => l.key === key)
        .map((l) => l.text)
        .join('\n');
    return {
      id: node.id,
      idText: node.id.replace(/[._-]+/g, ' '),
      title: node.title,
      aliases: (node.aliases || []).join('\n'),
      main: layer('main'),
      lay: layer('lay'),
      other: node.layers
        .filter((l) => l.key !== 'main' && l.key !== 'lay')
        .map((l) => l.text)
        .join('\n'),
    };
  });
}

export const FIELDS = ['idText', 'title', 'aliases', 'main', 'lay', 'other'];

/**
 * Field weights per audience, as close to this module's BM25F weights (title 6, main 2, detail 1,
 * rationale 0.6, lay 0.5; patient: title 6, main 1, detail 0.6, rationale 0.3, lay 2.5) as each
 * JS engine's per-field scoring allows: same order, ratios compressed a little because those
 * engines sum independent per-field scores instead of one BM25F score.
 */
export const WEIGHTS = {
  professional: { idText: 0.5, title: 3, aliases: 3, main: 1.5, lay: 0.5, other: 1 },
  patient: { idText: 0.5, title: 3, aliases: 3, main: 1, lay: 2, other: 0.5 },
};

/** All content text a JS engine's page would also have to ship to show results. */
export function contentText(exported) {
  return exported.nodes
    .map((n) => [n.title, ...(n.aliases || []), ...n.layers.map((l) => l.text)].join('\n'))
    .join('\n');
}

export function gzipBytes(data) {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 9 }).length;
}

/** Brotli at quality 11 (the highest), as a static host would precompress a file. */
export function brotliBytes(data) {
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  return brotliCompressSync(buffer, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

/** Reciprocal rank of the first right answer in the top 10; for `answers = []`, 1 when no hits. */
export function reciprocalRank(hits, answers) {
  if (answers.length === 0) return hits.length === 0 ? 1 : 0;
  const top = hits.slice(0, 10);
  const rank = top.findIndex((id) => answers.includes(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** Whether a right answer is in the top 5; for `answers = []`, whether there are no hits. */
export function recallAt5(hits, answers) {
  if (answers.length === 0) return hits.length === 0 ? 1 : 0;
  return hits.slice(0, 5).some((id) => answers.includes(id)) ? 1 : 0;
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** A duration in milliseconds with 3 significant digits, in µs below 1 ms. */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${Number((ms * 1000).toPrecision(3))} µs`;
  return `${Number(ms.toPrecision(3))} ms`;
}

export function formatBytes(bytes) {
  if (bytes == null) return '–';
  if (bytes < 1024) return `${bytes} B`;
  return `${Number((bytes / 1024).toPrecision(3))} KiB`;
}

/** A file of an installed package, by path (packages' `exports` hide their dist files and package.json). */
export function packageFile(path) {
  return new URL(`../node_modules/${path}`, import.meta.url);
}

export function packageVersion(name) {
  return JSON.parse(readFileSync(packageFile(`${name}/package.json`), 'utf8')).version;
}

/** The machine a benchmark ran on: CPU model, cores (`nproc`), memory, Node, platform. */
export function machineInfo() {
  let cpuModel = cpus()[0]?.model;
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m);
    if (m) cpuModel = m[1].trim();
  } catch {
    /* keep os.cpus()'s */
  }
  const nproc = execFileSync('nproc').toString().trim();
  const memGiB = Math.round(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)[1]) / 1024 / 1024);
  return { cpuModel, nproc, memGiB, node: process.version, platform: `${process.platform}/${process.arch}` };
}
