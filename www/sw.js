// Pijnwijzer's service worker: precaches the app shell and the module (JS + wasm), and answers
// same-origin GET requests from the network first, keeping the cache fresh, and from the cache
// when the network is gone, or gives no answer within NETWORK_PATIENCE. Network first because the
// guidance itself lives in the wasm: a reader online always gets the current content, and after
// one visit the site still works offline. The module's JS and wasm, which work only with each other,
// are answered and cached as a pair (MODULE).
// Nothing is downloaded twice: the precache asks with `no-cache`, so a file the page has just
// loaded is revalidated (a 304 with its ETag) rather than fetched again, and every later request
// is revalidated the same way, so an unchanged file costs no body bytes.
// VERSION names the cache; bump it only when the list of shell files changes.
const VERSION = 'pijnwijzer-v9';
const SHELL = [
  'index.html',
  'style.css',
  'start.js',
  'app.js',
  'dom.js',
  'labels.js',
  'favicon.svg',
  'pages/medicatie.js',
  'pages/verwijzen.js',
  'pages/stappen.js',
  'pages/checklists.js',
  'pages/veranderd.js',
  'pkg/pijnwijzer.js',
  'pkg/pijnwijzer_bg.wasm',
  'embed.html',
  'embed.js',
  'embed.css',
  'pkg/components/shared.js',
  'pkg/components/terms.js',
  'pkg/components/pijn-checklist.js',
  'pkg/components/pijn-uitleg.js',
  'pkg/components/pijn-zoeken.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('pijnwijzer-') && key !== VERSION).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/**
 * How long a request waits for the network's answer (its headers; the body may take longer) before
 * a cached copy is used. A phone with a signal but no data gets no error, only silence, for a
 * minute or more: without this the site would not open there, though it is in the cache. An
 * answer that comes later still refreshes the cache.
 */
const NETWORK_PATIENCE = 3000;
/**
 * Whether the network left a request unanswered for NETWORK_PATIENCE and has answered none since:
 * the next requests then take their cached copy at once (the page's files come in rounds, and
 * each round would wait again), while the network is still asked, to refresh the cache.
 */
let networkSilent = false;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const inModule = MODULE.findIndex((file) => new URL(file, self.location).pathname === url.pathname);
  if (inModule >= 0) {
    event.respondWith(moduleFile(event, inModule));
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(VERSION);
      const network = (async () => {
        const response = await fetch(request);
        networkSilent = false;
        if (response.ok && response.type === 'basic' && !(await cachedAlready(cache, request, response))) {
          cache.put(request, response.clone());
        }
        return response;
      })();
      return (await networkOrCache(event, network, () => cachedCopy(cache, request))) ?? Response.error();
    })(),
  );
});

/**
 * The module's JS and its wasm, which work only with each other: new JS with the wasm of an older
 * build fails to start. A page gets both from one place, the network or the cache, and the cache
 * takes them as a pair: a network that answers the JS and then falls silent for the wasm would
 * otherwise leave the new JS beside the old wasm, for this page and for every reload until the
 * network answers again.
 */
const MODULE = ['pkg/pijnwijzer.js', 'pkg/pijnwijzer_bg.wasm'];
/**
 * How long one load of the module (both files, from one place) waits for its other file's request:
 * a page asks for the wasm within seconds of the JS (or before it, through start.js's preload).
 */
const MODULE_LOAD_LIFETIME = 30_000;
/** The load of the module under way, if any: both files' responses, and which a page has taken. */
let moduleLoad = null;

/** The response to the request for the module's file number `index` (in MODULE). */
async function moduleFile(event, index) {
  // A page takes each file of a load once; its next request, or another page's, starts a new one.
  if (!moduleLoad || moduleLoad.taken.has(index)) {
    const load = { responses: loadModule(event), taken: new Set() };
    moduleLoad = load;
    setTimeout(() => {
      if (moduleLoad === load) moduleLoad = null;
    }, MODULE_LOAD_LIFETIME);
  }
  const load = moduleLoad;
  load.taken.add(index);
  if (load.taken.size === MODULE.length) moduleLoad = null;
  const responses = await load.responses;
  return responses?.[index].clone() ?? Response.error();
}

/**
 * Both files of the module, from the network when it answers both within NETWORK_PATIENCE, or else
 * both from the cache; `null` when neither has both. What the network answers goes into the cache
 * once both bodies have come in whole, never one file without the other.
 */
async function loadModule(event) {
  const cache = await caches.open(VERSION);
  const requests = MODULE.map((file) => new Request(file));
  const network = Promise.all(requests.map((request) => fetch(request))).then((responses) => {
    networkSilent = false;
    if (responses.every((response) => response.ok && response.type === 'basic')) {
      event.waitUntil(
        cachePair(
          cache,
          requests,
          responses.map((response) => response.clone()),
        ).catch(() => {}),
      );
    }
    return responses;
  });
  const cached = async () => {
    const copies = await Promise.all(requests.map((request) => cache.match(request)));
    return copies.every(Boolean) ? copies : null;
  };
  return networkOrCache(event, network, cached);
}

/**
 * The network's answer (`network`, a promise), or what `cached()` gives when the network is gone or
 * gives no answer within NETWORK_PATIENCE (at once while it has been silent); the network's answer
 * still when the cache has nothing.
 */
async function networkOrCache(event, network, cached) {
  // Kept alive until the network answers, also when the cached copy answered first.
  event.waitUntil(network.catch(() => {}));
  const silence = new Promise((resolve) => setTimeout(resolve, networkSilent ? 0 : NETWORK_PATIENCE));
  try {
    return await Promise.race([
      network,
      silence.then(async () => {
        networkSilent = true;
        return (await cached()) ?? network;
      }),
    ]);
  } catch {
    return cached();
  }
}

/**
 * Puts the module's files (`responses` to `requests`) into the cache when both bodies have come in
 * whole, unless it already holds this very version of both.
 */
async function cachePair(cache, requests, responses) {
  const fresh = await Promise.all(
    responses.map(async (response, i) => !(await cachedAlready(cache, requests[i], response))),
  );
  if (!fresh.some(Boolean)) return;
  const bodies = await Promise.all(responses.map((response) => response.blob()));
  await Promise.all(
    responses.map((response, i) =>
      cache.put(
        requests[i],
        new Response(bodies[i], {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        }),
      ),
    ),
  );
}

/** The cached copy of what `request` asks for; a page of the app opens from the cached shell. */
async function cachedCopy(cache, request) {
  return (
    (await cache.match(request, { ignoreSearch: true })) ??
    (request.mode === 'navigate' ? await cache.match('index.html') : undefined)
  );
}

/**
 * Whether the cache already holds this very version of the file (the same ETag): then writing it
 * again (the wasm is 1.8 MB) would only slow the page down.
 */
async function cachedAlready(cache, request, response) {
  const etag = response.headers.get('ETag');
  return etag !== null && (await cache.match(request))?.headers.get('ETag') === etag;
}
