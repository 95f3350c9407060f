// The page's side of the first search (README, "The first search"): on a page opened on a search,
// app.js shows the first results from the search's files, read by first-search-worker.js off the
// main thread, before the module with all the content has loaded. start.js starts the worker
// before the page is parsed (`pijnwijzerFirstSearch`); this module talks to it.

/**
 * The first search: resolves, once the worker has opened the search's files, to an object whose
 * `search(query, options)` gives the module's own hits for a search it has answered before, and
 * none otherwise; `needs()` then says that it has not, and `loadNeeded()` asks the worker.
 * `vocabulary` is the module's `vocabulary()`, to label the hits; `close()` ends the worker.
 * `progressed()` is called at each word from the worker (a file in, the files open, an answer).
 */
export function openFirstSearch(progressed) {
  const { worker: searcher, said } = self.pijnwijzerFirstSearch;
  delete self.pijnwijzerFirstSearch;
  const waiting = new Map();
  let next = 0;
  return new Promise((resolve, reject) => {
    const hear = (data) => {
      progressed();
      if (data.progress) return;
      if (data.failed) {
        reject(new Error(data.failed));
        return;
      }
      if (data.vocabulary) {
        resolve(searchWith(searcher, data.vocabulary, ask));
        return;
      }
      const { settle } = waiting.get(data.id) ?? {};
      waiting.delete(data.id);
      settle?.(data);
    };
    searcher.onerror = (event) => hear({ failed: event.message || 'the first search failed' });
    searcher.onmessage = ({ data }) => hear(data);
    for (const data of said) hear(data);
  });

  /** Asks the worker for the hits of `query` with `options`. */
  function ask(query, options) {
    next += 1;
    const id = next;
    searcher.postMessage({ id, query, options });
    return new Promise((resolve, reject) => {
      waiting.set(id, { settle: (data) => (data.error ? reject(new Error(data.error)) : resolve(data.hits)) });
    });
  }
}

/** The first search over `searcher`, labelled with `vocabulary`; `ask` asks it for hits. */
function searchWith(searcher, vocabulary, ask) {
  /** Hits answered, by query and options. */
  const answered = new Map();
  /** The search asked for last that has no answer yet. */
  let wanted = null;
  const key = (query, options) => JSON.stringify([query, options]);
  return {
    vocabulary,
    search(query, options) {
      const hits = answered.get(key(query, options));
      wanted = hits ? null : { query, options };
      return hits ?? [];
    },
    needs: () => wanted !== null,
    async loadNeeded() {
      const { query, options } = wanted;
      wanted = null;
      answered.set(key(query, options), await ask(query, options));
    },
    close: () => searcher.terminate(),
  };
}
