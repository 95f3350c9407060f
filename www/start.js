// Run first, before the rest of the page is parsed (a classic script at the top of <head>).
//
// On a page opened on a search (`#/?q=…`), it starts the worker the first results come from
// (README, "The first search"): first-search-worker.js opens the search's files and loads the
// postings the query reads while the page is parsed and laid out. app.js finds the worker, and
// what it has said so far, in `pijnwijzerFirstSearch`. Not once the service worker has the module
// in its cache (it controls the page): the first search spares a first visit the module's
// download, and a reader who comes back downloads nothing.
//
// Any other page needs the module at once: its wasm starts downloading now, not once app.js asks.
// Every page opened on a view other than the home page is marked `data-opening` until it is drawn.
{
  const [path, params = ''] = (location.hash.slice(1) || '/').split('?');
  const query = path === '/' ? new URLSearchParams(params).get('q') : null;
  // A page opened on anything but the home page is marked until app.js draws it: the home page's
  // shortcuts stay hidden meanwhile (style.css), and app.js says what is on its way.
  if (path !== '/' || query?.trim()) document.documentElement.dataset.opening = '';
  if (query?.trim() && !navigator.serviceWorker?.controller) {
    const worker = new Worker('first-search-worker.js', { type: 'module' });
    // What it says before app.js listens is kept for app.js, which would otherwise never hear it.
    const said = [];
    worker.onmessage = ({ data }) => said.push(data);
    worker.onerror = (event) => said.push({ failed: event.message || 'the first search did not start' });
    worker.postMessage({ prefetch: query });
    // The small module and index.bin download from here, side by side with the worker's own
    // start (its script, then the module's JS), and are handed over: one wait less.
    const bytes = (file) =>
      fetch(`pkg/search/${file}`).then(
        (response) => (response.ok ? response.arrayBuffer() : null),
        () => null,
      );
    Promise.all([bytes('pijnwijzer_search_bg.wasm'), bytes('index.bin')]).then(([wasm, index]) =>
      worker.postMessage({ handOver: true, wasm, index }, [wasm, index].filter(Boolean)),
    );
    self.pijnwijzerFirstSearch = { worker, said };
  } else {
    // `crossorigin`: wasm-bindgen fetches the wasm in cors mode, and a preload serves only a
    // request of its own mode.
    const link = Object.assign(document.createElement('link'), {
      rel: 'preload',
      as: 'fetch',
      crossOrigin: 'anonymous',
    });
    link.href = 'pkg/pijnwijzer_bg.wasm';
    document.head.append(link);
  }
}
