// Pijnwijzer's service worker: precaches the app shell and the module (JS + wasm) and answers
// same-origin GET requests from the cache first, so that after one visit the site works offline.
// Bump VERSION whenever a file of the shell changes: the new worker then refills the cache.
const VERSION = 'pijnwijzer-v3';
const SHELL = [
  './',
  'index.html',
  'style.css',
  'app.js',
  'dom.js',
  'labels.js',
  'favicon.svg',
  'pages/medicatie.js',
  'pages/verwijzen.js',
  'pages/stappen.js',
  'pages/checklists.js',
  'pkg/pijnwijzer.js',
  'pkg/pijnwijzer_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith('pijnwijzer-') && key !== VERSION).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(VERSION);
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    if (request.mode === 'navigate') {
      // Any page of the app opens from the cached shell when the network is gone.
      try {
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      } catch {
        // Offline and not cached: the app's own pages fall back to the shell.
        const shell = url.pathname.endsWith('/') || url.pathname.endsWith('/index.html');
        return (shell && (await cache.match('index.html'))) || Response.error();
      }
    }
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') cache.put(request, response.clone());
    return response;
  })());
});
