// The first search's worker (README, "The first search"): reads the search's files
// (pkg/search/) with the small search module, off the page's main thread, while the page is
// parsed and laid out. start.js starts it on a page opened on a search and asks it to load the
// postings of the query, which do not depend on the options; first-search.js then asks for the
// hits with the page's options, and it loads the files of those hits.
//
// Messages in: `{ prefetch: query }`, then `{ handOver: true, wasm, index }` (the bytes of the small
// module and index.bin that start.js fetched, or null); `{ id, query, options }`. Out:
// `{ progress: name }` as each file is in (so the page knows the search has not stalled),
// `{ vocabulary }` once the files are open; `{ id, hits }` or `{ id, error }` for each search.
import init, { addSearchFile, openSearchFiles, searchFiles } from './pkg/search/pijnwijzer_search.js';

const FILES = new URL('./pkg/search/', import.meta.url);

/** The bytes of the search file `name`; throws when the server (or, offline, the cache) has none. */
async function file(name) {
  const response = await fetch(new URL(name, FILES));
  if (!response.ok) throw new Error(`pkg/search/${name}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  postMessage({ progress: name });
  return bytes;
}

/**
 * The bytes of the small module and index.bin that start.js fetches and hands over (`null` for
 * one it could not fetch), once it says they are coming; otherwise this worker fetches them.
 */
let handedOver = null;
let handOver = null;

/** The files opened, once. */
let opening = null;
function open() {
  opening ??= (handedOver ?? Promise.resolve({}))
    .then(({ wasm, index }) =>
      Promise.all([
        init({ module_or_path: wasm ?? new URL('pijnwijzer_search_bg.wasm', FILES) }),
        index ? new Uint8Array(index) : file('index.bin'),
      ]),
    )
    .then(([, index]) => {
      const vocabulary = openSearchFiles(index);
      postMessage({ vocabulary });
    })
    .catch((error) => {
      // The page stops waiting and loads the module at once.
      postMessage({ failed: String(error?.message ?? error) });
      throw error;
    });
  return opening;
}

/** Each file asked for, fetched and added once, whichever search asked first. */
const added = new Map();
function add(name) {
  if (!added.has(name)) {
    const adding = file(name).then(addSearchFile);
    adding.catch(() => added.delete(name));
    added.set(name, adding);
  }
  return added.get(name);
}

/**
 * The answer to a search once the files it reads are added (its chunks of postings, then its
 * hits' files: two rounds); `stopAt` ends it early, when only the hits' files are left.
 */
async function answer(query, options, stopAt = () => false) {
  await open();
  for (let round = 0; round < 3; round += 1) {
    const found = searchFiles(query, options);
    if (found.hits || stopAt(found.needs)) return found;
    await Promise.all(found.needs.map(add));
  }
  throw new Error(`the search's files for "${query}" did not load`);
}

onmessage = async ({ data }) => {
  if (data.prefetch !== undefined) {
    handedOver = new Promise((resolve) => {
      handOver = resolve;
    });
    // Only the postings: the hits' files depend on the options the page searches with.
    const postingsLoaded = (needs) => needs.some((name) => name.startsWith('node-'));
    answer(data.prefetch, { prefix: true, limit: 1 }, postingsLoaded).catch(() => {});
    return;
  }
  if (data.handOver) {
    postMessage({ progress: 'handed over' });
    handOver(data);
    return;
  }
  try {
    postMessage({ id: data.id, hits: (await answer(data.query, data.options)).hits });
  } catch (error) {
    postMessage({ id: data.id, error: String(error?.message ?? error) });
  }
};
