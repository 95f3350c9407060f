// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip -9) beside every file of the folders given,
// as a static host that serves precompressed files wants them: compressed once at build time, as
// hard as the formats allow, instead of quickly on every request. `scripts/serve.mjs` sends them
// when the browser accepts the encoding; scripts/build.sh runs this on www/pkg/.
//
//   node scripts/precompress.mjs DIR...
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The encodings written, with the suffix of their copy; scripts/serve.mjs reads the same list. */
export const PRECOMPRESSED = [
  {
    encoding: 'br',
    suffix: '.br',
    compress: (bytes) =>
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
  },
  { encoding: 'gzip', suffix: '.gz', compress: (bytes) => gzipSync(bytes, { level: 9 }) },
];

/** Files smaller than this are left alone: compressing them saves less than the headers cost. */
const SMALLEST = 1024;

function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || PRECOMPRESSED.some(({ suffix }) => path.endsWith(suffix))) continue;
    const bytes = readFileSync(path);
    if (bytes.length < SMALLEST) continue;
    for (const { suffix, compress } of PRECOMPRESSED) writeFileSync(path + suffix, compress(bytes));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node scripts/precompress.mjs DIR...');
    process.exit(2);
  }
  for (const dir of dirs) precompress(dir);
}
