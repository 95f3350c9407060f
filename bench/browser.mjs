// Browser benchmark (issue #18, "Light and instant"): the site as a reader meets it, in headless
// Chromium (Debian's, launched by tests/node/browser.mjs), served by scripts/serve.mjs on loopback.
//
//   node bench/browser.mjs                 # 12 runs; writes the section "In the browser" into BENCHMARKS.md
//   node bench/browser.mjs --runs 20       # more runs of each kind
//   node bench/browser.mjs --no-write      # print the section, leave BENCHMARKS.md alone
//   node bench/browser.mjs --questions FILE  # other questions for the query times (default: the held-out half)
//
// `npm run bench` (bench/run.mjs) calls browserBench() below and puts the same section into the
// BENCHMARKS.md it writes, beside the Node figures.
//
// What it measures, each kind of run in a fresh browser context (no cache, no service worker),
// the kinds taking turns so that changes in the machine's load fall on all of them alike:
// 1. Navigation to the first result: the deep link /#/?q=rode%20vlaggen at 1280×800, as is,
//    with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate, set before the navigation), and
//    as a phone on a mobile network (the CPU slowed 4× and CDP Network.emulateNetworkConditions
//    with PHONE_NETWORK, which holds back the worker's requests too), and on a slow one
//    (SLOW_NETWORK). The
//    time is performance.now() (from the navigation's start) when the first hit (`#results li.hit`)
//    is in the DOM, taken inside the page by a MutationObserver an init script installs. The same
//    script notes DOMContentLoaded (when app.js runs); the request start and download end of the
//    first search's module and index.bin (which start.js fetches) are their
//    PerformanceResourceTiming startTime and responseEnd.
// 2. Bytes: every response up to the first result (the page's resource timing entries at that
//    moment, the document, and the requests of the first search's worker that had ended by then,
//    from Playwright's request timing), raw, gzip -9 and brotli 11 (what a host sending precompressed files
//    would send) and as this server sent them (Playwright's request.sizes(): body + headers). Then
//    the whole first visit with the service worker's install (Playwright reports the worker's own
//    requests on the context) and which files came down twice; then a repeat visit (after three
//    seconds on the first page, a new tab of the same profile, the service worker active): time to
//    the first result, what crossed the network again, and what the server answered (its statuses,
//    logged from its 'request' event). These visits run in a fresh profile of their own rather than
//    an off-the-record context, so that they keep their caches between visits as a reader's browser
//    does; whether Chromium had written the compiled wasm to the profile's code cache before the
//    repeat visit is recorded, not assumed.
// 3. Query time inside Chromium: the held-out questions through the module's search, imported in
//    the page from the URL the app imported (the same instance), timed in batches (the page's
//    timer steps by about 0.1 ms) and each call alone, with a pure-JS control loop timed alike; a
//    Chromium trace of the garbage collector (MinorGC, MajorGC) tells which slow calls it paused.
// 4. One embedded element by id: www/embed-test/uitleg.html (one <pijn-uitleg>, which reads
//    pkg/lay/ID.json rather than the module) and www/embed-test/checklist.html (one
//    <pijn-checklist>, which reads pkg/checklist/ID.json): the time of its ready event, when its
//    content is in the element, and the bytes of the files it fetched.
// 5. While the page prepares the search: the home page with the CPU slowed 4×, where the site
//    prepares the search in the browser's idle moments (prepareSearch with the idle deadline, a
//    slice at a time). The longest main-thread task (Long Tasks API, tasks of 50 ms or more)
//    that starts in the 3 s after the page is ready, which is how long a reader who starts typing
//    then may wait; and whether the preparation was done by the end.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { serve } from '../scripts/serve.mjs';
import { launch, launchProfile } from '../tests/node/browser.mjs';
import {
  brotliBytes,
  formatBytes,
  formatMs,
  gzipBytes,
  machineInfo,
  median,
  packageVersion,
  quantile,
} from './common.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export const DEEP_LINK = '#/?q=rode%20vlaggen';
/**
 * The pages with one embedded element by id: the element, the part its content is in, what it shows,
 * and the file it reads instead of the module.
 */
export const EMBEDS = [
  {
    page: 'embed-test/uitleg.html',
    element: 'pijn-uitleg',
    part: 'text',
    what: 'explanation',
    file: 'pkg/lay/ID.json',
  },
  {
    page: 'embed-test/checklist.html',
    element: 'pijn-checklist',
    part: 'items',
    what: 'checklist',
    file: 'pkg/checklist/ID.json',
  },
];
/** A rendered search hit (app.js: showResults appends `li.hit` to `#results`). */
const HIT = '#results li.hit';
const VIEWPORT = { width: 1280, height: 800 };
const THROTTLE = 4;
/**
 * A mobile network as Lighthouse simulates one for its mobile score ("slow 4G"): 150 ms from a
 * request to its response's headers, 1.6 Mbit/s down, 750 kbit/s up (CDP takes bytes per second).
 * On loopback every request costs next to nothing, so only this shows what a round trip more or a
 * byte less is worth to a reader on a phone.
 */
const PHONE_NETWORK = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
/**
 * A slow mobile network (3G at its weakest, a crowded cell): 400 ms from a request to its
 * response's headers, 400 kbit/s each way. The page must not give up on the first results there
 * (app.js, FIRST_RESULTS_PATIENCE): the module it would load instead is more than twice their bytes.
 */
const SLOW_NETWORK = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
/** How long one wait may take before the run fails: generous, for a busy machine. */
const TIMEOUT = 120_000;

// ------------------------------------------------------------------------------- in the page

/**
 * Installed by context.addInitScript before any script of a page runs. Records in `window.__bench`:
 * `hit` (performance.now() when the first search hit is in the DOM), `embed` (when an element of
 * `embeds` fired its ready event, with the length of the text of its content part), `scripts`
 * (DOMContentLoaded, when app.js runs), `origin` (performance.timeOrigin, to place requests
 * seen outside the page) and the resource timing entries at that moment; `window.__bench.done`
 * resolves then.
 */
function pageProbe({ hitSelector, embeds }) {
  let finish;
  const probe = {
    hit: null,
    embed: null,
    embedText: 0,
    scripts: null,
    origin: performance.timeOrigin,
    resources: [],
    error: null,
  };
  const done = new Promise((resolve) => {
    finish = resolve;
  });
  Object.defineProperty(window, '__bench', { value: { probe, done } });
  const snapshot = () =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      startTime: entry.startTime,
      responseEnd: entry.responseEnd,
      encodedBodySize: entry.encodedBodySize,
    }));
  document.addEventListener('DOMContentLoaded', () => {
    probe.scripts = performance.now();
  });
  const observer = new MutationObserver(() => {
    if (probe.hit === null && document.querySelector(hitSelector)) {
      probe.hit = performance.now();
      probe.resources = snapshot();
      observer.disconnect();
      finish();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  for (const [element, part] of embeds) {
    document.addEventListener(
      `${element}-ready`,
      (event) => {
        if (probe.embed !== null) return;
        probe.embed = performance.now();
        const content = event.target.shadowRoot?.querySelector(`[part~="${part}"]`);
        probe.embedText = content?.textContent.trim().length ?? 0;
        probe.resources = snapshot();
        finish();
      },
      true,
    );
    document.addEventListener(
      `${element}-error`,
      (event) => {
        probe.error = event.detail?.message ?? `${element}-error`;
        finish();
      },
      true,
    );
  }
}

/** What every page's probe is told: the search hit to wait for, and the embedded elements. */
const PROBE = { hitSelector: HIT, embeds: EMBEDS.map(({ element, part }) => [element, part]) };

/**
 * Runs in the page once the app shows its first result: the questions through the module's
 * search, as bench/engines/pijnwijzer.mjs calls it in Node ({ limit: 10, prefix: false }, and
 * audience "patient" for patient questions).
 */
async function measureQueries({ moduleUrl, questions, batch, batchRounds, singleRounds, warmup }) {
  const lib = await import(moduleUrl);
  // The app initialised the module already: init() returns that instance's exports.
  const exports = await lib.default();
  const memoryBytes = () => exports?.memory?.buffer.byteLength ?? 0;
  const n = questions.length;
  const options = questions.map((q) =>
    q.audience === 'patient' ? { limit: 10, prefix: false, audience: 'patient' } : { limit: 10, prefix: false },
  );
  const run = (i) => lib.search(questions[i].query, options[i]);
  const now = () => performance.now();

  // The timer's step: the smallest non-zero difference between two readings.
  let step = Number.POSITIVE_INFINITY;
  for (let k = 0, last = now(); k < 200_000 && step === Number.POSITIVE_INFINITY; k++) {
    const t = now();
    if (t > last) step = Math.min(step, t - last);
    last = t;
  }
  for (let tries = 0; tries < 20; tries++) {
    const a = now();
    let b = now();
    while (b === a) b = now();
    step = Math.min(step, b - a);
  }

  // A mark ties the page's clock to the browser's trace (see queries()).
  performance.mark('pijnwijzer-bench');
  const mark = performance.getEntriesByName('pijnwijzer-bench').at(-1).startTime;

  // The first call of each question in this page (the app has searched once: the index is built),
  // and whether it returned a node no call here had returned before.
  const firstCalls = new Array(n);
  const firstStart = new Array(n);
  const newNodes = new Array(n);
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    const t = now();
    const hits = run(i);
    firstCalls[i] = now() - t;
    firstStart[i] = t;
    newNodes[i] = hits.filter((hit) => !seen.has(hit.id)).length;
    for (const hit of hits) seen.add(hit.id);
  }
  for (let w = 0; w < warmup; w++) for (let i = 0; i < n; i++) run(i);

  // Batches: `batch` calls of one question timed together.
  const batched = Array.from({ length: n }, () => []);
  for (let r = 0; r < batchRounds; r++) {
    for (let i = 0; i < n; i++) {
      const t = now();
      for (let k = 0; k < batch; k++) run(i);
      batched[i].push((now() - t) / batch);
    }
  }

  // Each call alone, round by round (one round = every question once); noting when each started
  // (to find it in the browser's trace) and the calls during which the wasm memory grew.
  // Control: a loop that allocates nothing, as long as a median call, timed alone after each
  // call, so that it meets the same load. What it shows over 1 ms is the machine (the thread
  // descheduled), not the module.
  const perCall = [...batched.map((b) => b[0])].sort((a, b) => a - b)[n >> 1];
  let sink = 0;
  const loop = (count) => {
    let x = sink | 1;
    for (let k = 0; k < count; k++) x = (x * 1103515245 + 12345) | 0;
    sink = x;
  };
  let count = 1000;
  for (;;) {
    const t = now();
    for (let k = 0; k < 20; k++) loop(count);
    const each = (now() - t) / 20;
    if (each >= perCall || count > 1e9) {
      count = Math.max(1, Math.round((count * perCall) / Math.max(each, step)));
      break;
    }
    count *= 2;
  }

  const singlesFrom = now();
  const single = new Array(singleRounds * n);
  const singleStart = new Array(singleRounds * n);
  const control = new Array(singleRounds * n);
  const controlStart = new Array(singleRounds * n);
  const grew = [];
  for (let r = 0; r < singleRounds; r++) {
    for (let i = 0; i < n; i++) {
      const k = r * n + i;
      const before = memoryBytes();
      let t = now();
      run(i);
      single[k] = now() - t;
      singleStart[k] = t;
      if (memoryBytes() !== before) grew.push(k);
      t = now();
      loop(count);
      control[k] = now() - t;
      controlStart[k] = t;
    }
  }
  return {
    step,
    firstCalls,
    firstStart,
    newNodes,
    batched,
    mark,
    singlesFrom,
    single,
    singleStart,
    grew,
    control,
    controlStart,
    sink,
  };
}

// --------------------------------------------------------------------------------- in Node

const log = (...m) => console.error('bench (browser):', ...m);

function withTimeout(promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT / 1000} s waiting for ${what}`)), TIMEOUT);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Retries `check` until it returns without throwing, as tests/node/browser.mjs's eventually(). */
async function eventually(check, what) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Waits for the probe in the page (the first hit or the element's ready event) and returns it. */
async function probeOf(page, what) {
  const probe = await withTimeout(
    page.evaluate(async () => {
      await window.__bench.done;
      return window.__bench.probe;
    }),
    what,
  );
  if (probe.error) throw new Error(`${what}: the page showed an error: ${probe.error}`);
  return probe;
}

const withoutQuery = (url) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

/**
 * What the page had loaded when the probe fired: the document, its resource timing entries, and
 * the requests of its workers (the first search's; not the service worker's) among `records` that
 * had ended by then, which the page's resource timing does not list.
 */
function neededUrls(page, probe, records) {
  const at = probe.origin + probe.hit;
  const fromWorkers = records
    .filter((r) => !r.byWorker && r.phase === records.phase && !r.failed)
    .filter((r) => {
      const timing = r.request.timing();
      return timing.responseEnd >= 0 && timing.startTime + timing.responseEnd <= at;
    })
    .map((r) => withoutQuery(r.url));
  return new Set([withoutQuery(page.url()), ...probe.resources.map((r) => withoutQuery(r.name)), ...fromWorkers]);
}

/**
 * The page's times: the probe's, and from resource timing the request start and download end of
 * the first search's module and index.bin, which start.js fetches (`null` when the page did not).
 */
function times(probe, key) {
  const of = (file) => probe.resources.find((r) => new URL(r.name).pathname.endsWith(`/pkg/search/${file}`));
  const files = [of('pijnwijzer_search_bg.wasm'), of('index.bin')].filter(Boolean);
  return {
    shown: probe[key],
    scripts: probe.scripts,
    filesRequested: files.length ? Math.min(...files.map((f) => f.startTime)) : null,
    filesIn: files.length ? Math.max(...files.map((f) => f.responseEnd)) : null,
    loadsWasm: probe.resources.some((r) => new URL(r.name).pathname.endsWith('.wasm')),
    // The bodies of the files the page fetched until then, as sent (compressed), the page itself aside.
    bytes: probe.resources.reduce((sum, r) => sum + r.encodedBodySize, 0),
  };
}

/** Records every request of a context (the page's and the service worker's) with a promise for its end. */
function recordRequests(context) {
  const records = [];
  records.phase = 'first';
  const byRequest = new Map();
  context.on('request', (request) => {
    let resolve;
    const record = {
      request,
      url: request.url(),
      byWorker: Boolean(request.serviceWorker()),
      phase: records.phase,
      settled: new Promise((done) => {
        resolve = done;
      }),
    };
    record.resolve = resolve;
    byRequest.set(request, record);
    records.push(record);
  });
  const settle = (failed) => (request) => {
    const record = byRequest.get(request);
    if (!record) return;
    record.failed = failed;
    record.resolve();
  };
  context.on('requestfinished', settle(false));
  context.on('requestfailed', settle(true));
  return records;
}

/**
 * One request as counted here: its path, who asked (page or service worker), whether the service
 * worker answered it, and the bytes the server sent for it (body as sent, possibly compressed, and
 * headers; 0 for an answer from the service worker or a cache).
 */
async function describe(record, workerScripts) {
  const { request } = record;
  const url = new URL(record.url);
  const response = record.failed ? null : await request.response();
  const sizes = response ? await request.sizes().catch(() => null) : null;
  const headers = response ? await response.allHeaders() : {};
  const fromWorker = response ? response.fromServiceWorker() : false;
  let body = fromWorker || !sizes ? 0 : Math.max(0, sizes.responseBodySize);
  let estimated = false;
  // Chromium reports no body size for the worker's own script: take what the server declared.
  if (body === 0 && !fromWorker && response?.status() === 200 && workerScripts.has(record.url)) {
    const length = Number(headers['content-length']);
    if (length > 0) {
      body = length;
      estimated = true;
    }
  }
  return {
    url: withoutQuery(record.url),
    path: url.pathname,
    byWorker: record.byWorker,
    fromWorker,
    status: response?.status() ?? null,
    failed: Boolean(record.failed),
    body,
    headers: fromWorker || !sizes ? 0 : Math.max(0, sizes.responseHeadersSize),
    encoding: headers['content-encoding'] ?? null,
    estimated,
  };
}

async function newContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  await context.addInitScript(pageProbe, PROBE);
  return context;
}

/** How long the first visit's page stays open before the repeat visit, as for a reader who reads.
 * V8 is meant to write the wasm's optimized code to the profile's code cache once no new code came
 * for two seconds; whether it did is recorded ([`wasmCodeCached`]), not assumed. */
const READING = 3000;

/** Whether Chromium has written compiled wasm to the code cache of `profile` (an entry besides the
 * index in `Default/Code Cache/wasm`), which a later visit may then load instead of compiling. */
function wasmCodeCached(profile) {
  const dir = join(profile, 'Default', 'Code Cache', 'wasm');
  return existsSync(dir) && readdirSync(dir).some((name) => /^[0-9a-f]{16}_\d+$/.test(name));
}

/**
 * A first visit to the deep link in a fresh context. With `full`: in a fresh profile of its own
 * (a reader's browser, which keeps its caches between visits, as an off-the-record context does
 * not); then the service worker's install, a while reading, and a repeat visit in a new tab.
 */
async function visit(browser, base, { throttle = 1, network = null, full = false, serverLog = null, run = 0 }) {
  const profile = full ? mkdtempSync(join(tmpdir(), 'pijnwijzer-bench-')) : null;
  const context = full
    ? await launchProfile(profile, { viewport: VIEWPORT, serviceWorkers: 'allow' })
    : await newContext(browser);
  if (full) await context.addInitScript(pageProbe, PROBE);
  if (serverLog) serverLog.tag = `${run}:first`;
  try {
    const records = full ? recordRequests(context) : null;
    const page = await context.newPage();
    if (throttle > 1 || network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      if (network) {
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
      }
    }
    await page.goto(base + DEEP_LINK, { waitUntil: 'commit', timeout: TIMEOUT });
    const first = await probeOf(page, 'the first result');
    const result = { first: times(first, 'hit') };
    if (!full) return result;

    // Up to the first result: what the page had loaded when the hit appeared.
    // The worker's requests are seen once they end.
    await withTimeout(Promise.all(records.map((r) => r.settled)), 'the requests up to the first result');
    const needed = neededUrls(page, first, records);
    await eventually(async () => {
      const missing = [...needed].filter((url) => !records.some((r) => withoutQuery(r.url) === url));
      if (missing.length) throw new Error(`no request seen for ${missing.join(', ')}`);
    }, 'the requests of the first visit');

    // The service worker installed (its precache fetched) and controlling the page.
    await withTimeout(
      page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) =>
            navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
          );
        }
      }),
      'the service worker',
    );
    // Its own fetches: at least one per entry of its caches, each reported and finished.
    const cached = await page.evaluate(async () => {
      let entries = 0;
      for (const key of await caches.keys()) entries += (await (await caches.open(key)).keys()).length;
      return entries;
    });
    const workerScripts = new Set(context.serviceWorkers().map((w) => w.url()));
    await eventually(async () => {
      const own = records.filter((r) => r.byWorker && !workerScripts.has(r.url)).length;
      if (own < cached) throw new Error(`${own} requests of the service worker seen, ${cached} cache entries`);
    }, "the service worker's requests");
    await withTimeout(Promise.all(records.map((r) => r.settled)), 'the requests of the first visit to finish');
    const firstVisit = await Promise.all(records.map((r) => describe(r, workerScripts)));
    result.toFirstResult = firstVisit.filter((r) => !r.byWorker && needed.has(r.url));
    result.firstVisit = firstVisit;
    result.cacheEntries = cached;

    // The repeat visit: after a while reading, a new tab of the same profile, the service worker
    // active.
    await page.waitForTimeout(READING);
    result.wasmCodeCached = wasmCodeCached(profile);
    records.phase = 'repeat';
    if (serverLog) serverLog.tag = `${run}:repeat`;
    await page.close();
    const again = await context.newPage();
    await again.goto(base + DEEP_LINK, { waitUntil: 'commit', timeout: TIMEOUT });
    const repeat = await probeOf(again, 'the first result of the repeat visit');
    result.repeat = times(repeat, 'hit');
    await withTimeout(
      Promise.all(records.filter((r) => r.phase === 'repeat').map((r) => r.settled)),
      'the requests up to the first result of the repeat visit',
    );
    const neededAgain = neededUrls(again, repeat, records);
    const ofRepeat = () => records.filter((r) => r.phase === 'repeat' && neededAgain.has(withoutQuery(r.url)));
    await eventually(async () => {
      const seen = new Set(
        ofRepeat()
          .filter((r) => !r.byWorker)
          .map((r) => withoutQuery(r.url)),
      );
      const missing = [...neededAgain].filter((url) => !seen.has(url));
      if (missing.length) throw new Error(`no request seen for ${missing.join(', ')}`);
    }, 'the requests of the repeat visit');
    // The page's requests, then (recorded by now: they started before the worker answered the page)
    // the worker's fetches for them.
    for (let pass = 0; pass < 2; pass++) {
      await withTimeout(Promise.all(ofRepeat().map((r) => r.settled)), 'the requests of the repeat visit to finish');
    }
    result.repeatVisit = await Promise.all(ofRepeat().map((r) => describe(r, workerScripts)));
    return result;
  } finally {
    if (serverLog) serverLog.tag = null;
    await context.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The home page with the CPU slowed THROTTLE×, in a fresh context: the longest main-thread task
 * (Long Tasks API) that starts in the READING ms after the page is ready, while the site prepares
 * the search in its idle moments, and whether that preparation was done by then.
 */
async function preparing(browser, base) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(() => {
      const seen = { ready: null, tasks: [] };
      Object.defineProperty(window, '__preparing', { value: seen });
      new PerformanceObserver((list) => {
        for (const task of list.getEntries()) seen.tasks.push({ start: task.startTime, duration: task.duration });
      }).observe({ type: 'longtask', buffered: true });
      // The moment the app marks itself ready, taken in the page: the preparation starts after it.
      new MutationObserver((_, observer) => {
        if (document.documentElement.dataset.ready !== 'true') return;
        seen.ready = performance.now();
        observer.disconnect();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(base, { waitUntil: 'commit', timeout: TIMEOUT });
    await page.waitForFunction(() => window.__preparing.ready !== null, null, { timeout: TIMEOUT });
    await page.waitForTimeout(READING);
    const { ready, tasks } = await page.evaluate(() => window.__preparing);
    // One more slice when something was left: true only when nothing was.
    const prepared = await page.evaluate(async () => (await import('./pkg/pijnwijzer.js')).prepareSearch(0));
    const after = tasks.filter((task) => task.start >= ready).map((task) => task.duration);
    return { longest: Math.max(0, ...after), tasks: after.length, prepared };
  } finally {
    await context.close();
  }
}

/** A page of EMBEDS with its one element, in a fresh context: when its content is shown. */
async function embed(browser, base, { page: path, what }) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'commit', timeout: TIMEOUT });
    const probe = await probeOf(page, `the ${what} on ${path}`);
    if (!(probe.embedText > 0)) throw new Error(`${path}: the ${what} is empty`);
    return times(probe, 'embed');
  } finally {
    await context.close();
  }
}

/** The query times: one fresh page, after its first result, the questions through the module. */
async function queries(browser, base, questions, settings) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(base + DEEP_LINK, { waitUntil: 'commit', timeout: TIMEOUT });
    const probe = await probeOf(page, 'the first result');
    // The module URL the app imported (the same module instance), as the page fetched it.
    const moduleUrl =
      probe.resources.map((r) => r.name).find((name) => /\/pkg\/pijnwijzer[^/]*\.js$/.test(new URL(name).pathname)) ??
      new URL('pkg/pijnwijzer.js', base).href;
    // A trace of the page's main thread (the garbage collector's pauses, V8's compiler), to tell
    // what held up each slow call.
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink.user_timing'],
    });
    let measured;
    try {
      measured = await withTimeout(
        page.evaluate(measureQueries, { moduleUrl, questions, ...settings }),
        'the query times',
      );
    } finally {
      measured = { ...measured, trace: mainThreadPauses(JSON.parse((await browser.stopTracing()).toString())) };
    }
    // For each call over 1 ms: 'gc' when a collector's pause overlapped it, else 'jit' for compiler
    // work, else 'none'. Trace times are µs; the page's clock, in ms, is tied to them by the mark.
    const cause = (start, duration) => {
      if (duration <= 1) return null;
      if (!measured.trace) return 'unknown';
      const from = measured.trace.mark + (start - measured.mark) * 1000 - 100;
      const to = from + duration * 1000 + 200;
      const overlapping = measured.trace.pauses.filter((p) => p.ts < to && p.ts + p.dur > from);
      return overlapping.some((p) => p.kind === 'gc') ? 'gc' : overlapping.length ? 'jit' : 'none';
    };
    measured.singleCause = measured.single.map((t, k) => cause(measured.singleStart[k], t));
    measured.firstCause = measured.firstCalls.map((t, k) => cause(measured.firstStart[k], t));
    measured.controlCause = measured.control.map((t, k) => cause(measured.controlStart[k], t));
    return { moduleUrl: new URL(moduleUrl).pathname, ...measured };
  } finally {
    await context.close();
  }
}

/** V8's own work on the main thread that can hold up a call: optimising, installing or dropping code. */
const JIT = /^V8\.(Optimize|InstallOptimized|Deoptimize|Compile|FinalizeOptimization)/;

/**
 * What held up the page's main thread in a Chromium trace: the garbage collector (MinorGC, i.e.
 * scavenges, and MajorGC) and V8's compiler (JIT), on the thread that set the page's mark; null
 * without the mark.
 */
function mainThreadPauses(trace) {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === 'pijnwijzer-bench');
  if (!mark) return null;
  const pauses = events
    .filter((e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid)
    .map((e) => ({
      kind: e.name === 'MinorGC' || e.name === 'MajorGC' ? 'gc' : JIT.test(e.name) ? 'jit' : null,
      ts: e.ts,
      dur: e.dur ?? 0,
    }))
    .filter((e) => e.kind);
  return { mark: mark.ts, pauses };
}

/** Waits for www/pkg/ to hold the module (a rebuild deletes and copies it again). */
async function moduleFiles() {
  const pkg = join(root, 'www/pkg');
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const wasm = existsSync(pkg) ? readdirSync(pkg).filter((f) => f.endsWith('.wasm')) : [];
    if (wasm.length && existsSync(join(pkg, 'pijnwijzer.js'))) {
      return wasm.map((file) => {
        const bytes = readFileSync(join(pkg, file));
        return { file: `www/pkg/${file}`, bytes: bytes.length, sha: createHash('sha256').update(bytes).digest('hex') };
      });
    }
    if (Date.now() >= deadline) throw new Error('www/pkg/ holds no module: run `npm run build` first');
    log('www/pkg/ is missing (being rebuilt?): waiting for it');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function readQuestions(path) {
  return parseToml(readFileSync(path, 'utf8')).question.map((q) => ({
    query: q.query,
    audience: q.audience === 'patient' ? 'patient' : 'professional',
  }));
}

/**
 * Runs the browser benchmark and returns { lines } (the Markdown section "In the browser") and
 * the figures. `command` is the command line the section names.
 */
export async function browserBench({
  runs = 12,
  questionsFile = join(root, 'tests/relevance/heldout.toml'),
  batch = 50,
  batchRounds = 5,
  singleRounds = 300,
  warmup = 5,
  command = 'node bench/browser.mjs',
  serveSite = serve,
  contentGzip = null,
} = {}) {
  if (!(Number.isInteger(runs) && runs >= 1)) throw new Error(`--runs must be a whole number from 1, not ${runs}`);
  const started = Date.now();
  const moduleBefore = await moduleFiles();
  const questions = readQuestions(questionsFile);
  const loadBefore = loadavg()[0];
  const { server, url: base } = await serveSite({ port: 0 });
  // What the server answered (status, encoding), tagged with the run and visit in progress.
  const serverLog = { tag: null, entries: [] };
  server.on('request', (request, response) => {
    const tag = serverLog.tag;
    if (tag === null) return;
    response.on('finish', () =>
      serverLog.entries.push({
        tag,
        path: new URL(request.url, base).pathname,
        status: response.statusCode,
        encoding: response.getHeader('content-encoding') ?? null,
      }),
    );
  });
  const browser = await launch();
  // figures.embeds[i]: the runs of EMBEDS[i].
  const figures = {
    runs,
    plain: [],
    throttled: [],
    phone: [],
    slow: [],
    embeds: EMBEDS.map(() => []),
    preparing: [],
    serverLog: serverLog.entries,
  };
  try {
    // The kinds of run take turns, one of each per round.
    for (let r = 0; r < runs; r++) {
      figures.plain.push(await visit(browser, base, { full: true, serverLog, run: r }));
      figures.throttled.push(await visit(browser, base, { throttle: THROTTLE }));
      figures.phone.push(await visit(browser, base, { throttle: THROTTLE, network: PHONE_NETWORK }));
      figures.slow.push(await visit(browser, base, { throttle: THROTTLE, network: SLOW_NETWORK }));
      for (const [i, page] of EMBEDS.entries()) figures.embeds[i].push(await embed(browser, base, page));
      figures.preparing.push(await preparing(browser, base));
      const embedded = EMBEDS.map(({ what }, i) => `, ${what} ${formatMs(figures.embeds[i].at(-1).shown)}`);
      log(
        `run ${r + 1}/${runs}: first result ${formatMs(figures.plain.at(-1).first.shown)}, ` +
          `${THROTTLE}× slower CPU ${formatMs(figures.throttled.at(-1).first.shown)}, ` +
          `phone ${formatMs(figures.phone.at(-1).first.shown)}, ` +
          `slow network ${formatMs(figures.slow.at(-1).first.shown)}, ` +
          `repeat ${formatMs(figures.plain.at(-1).repeat.shown)}${embedded.join('')}, ` +
          `longest task while preparing the search ${formatMs(figures.preparing.at(-1).longest)}`,
      );
    }
    log(`query times: ${questions.length} questions`);
    figures.queries = await queries(browser, base, questions, { batch, batchRounds, singleRounds, warmup });
    figures.chromium = browser.version();

    // The bodies, as the server holds them (no compression asked), for the precompressed sizes.
    const paths = new Set(figures.plain.flatMap((p) => [...p.firstVisit, ...p.repeatVisit].map((r) => r.path)));
    figures.bodies = new Map();
    for (const path of paths) {
      const response = await fetch(new URL(path, base), { headers: { 'accept-encoding': 'identity' } });
      const bytes = Buffer.from(await response.arrayBuffer());
      figures.bodies.set(path, {
        raw: bytes.length,
        gzip: gzipBytes(bytes),
        brotli: brotliBytes(bytes),
        sha: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  } finally {
    await browser.close();
    server.close();
  }
  const moduleAfter = await moduleFiles();
  if (JSON.stringify(moduleAfter) !== JSON.stringify(moduleBefore)) {
    throw new Error('www/pkg/ changed during the run (rebuilt?): run again');
  }
  figures.module = moduleBefore;
  figures.questionsFile = questionsFile.replace(root, '');
  figures.questionCount = questions.length;
  figures.settings = { batch, batchRounds, singleRounds, warmup };
  figures.load = { before: loadBefore, after: loadavg()[0] };
  figures.seconds = (Date.now() - started) / 1000;
  figures.contentGzip = contentGzip;
  log(`done in ${figures.seconds.toFixed(0)} s`);
  return { lines: report(figures, command), figures };
}

// --------------------------------------------------------------------------------- the report

const p90 = (values) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.9,
  );
const p99 = (values) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.99,
  );
const finite = (values) => values.filter((v) => v != null && Number.isFinite(v));
const medianOf = (values) => (finite(values).length ? median(finite(values)) : Number.NaN);
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Bytes of a list of described responses: raw, gzip -9, brotli 11 (of the bodies), as sent (body + headers). */
function totals(responses, bodies) {
  const sum = (f) => responses.reduce((s, r) => s + f(r), 0);
  return {
    responses: responses.length,
    raw: sum((r) => bodies.get(r.path)?.raw ?? 0),
    gzip: sum((r) => bodies.get(r.path)?.gzip ?? 0),
    brotli: sum((r) => bodies.get(r.path)?.brotli ?? 0),
    wire: sum((r) => r.body + r.headers),
  };
}

/** A figure that should be the same in every run: the value, or "median (min–max)" when runs differ. */
function steady(values, format) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return format(lo) === format(hi) ? format(median(values)) : `${format(median(values))} (${format(lo)}–${format(hi)})`;
}

/** A count that should be the same in every run: the count, or "min–max" when runs differ. */
function steadyCount(values) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** The responses that came over the network (not from the service worker), a body or headers only. */
const network = (responses) => responses.filter((r) => !r.fromWorker && !r.failed);

const wasmPath = (visit) => visit.toFirstResult.find((r) => r.path.endsWith('.wasm'))?.path;

/**
 * The figures of this run beside the targets of issue #18 ("Light and instant"), so that a run says
 * how far off each is. The bytes target needs the gzipped content text, which `bench/run.mjs` passes.
 */
function targets(f) {
  const shown = (list) => median(list.map((x) => x.shown));
  const toFirst = median(f.plain.map((p) => totals(network(p.toFirstResult), f.bodies).brotli));
  const toFirstGzip = median(f.plain.map((p) => totals(network(p.toFirstResult), f.bodies).gzip));
  const repeatBodies = Math.max(
    ...f.plain.map(
      (p) =>
        totals(
          network(p.repeatVisit).filter((r) => r.body > 0),
          f.bodies,
        ).raw,
    ),
  );
  const explanation = f.embeds[EMBEDS.findIndex((e) => e.element === 'pijn-uitleg')];
  const batchedP99 = p99(f.queries.batched.map((b) => median(b)));
  const slowSingles = f.queries.single.filter((t) => t >= 1).length;
  const rows = [
    [
      'navigation → first result, desktop (median)',
      formatMs(shown(f.plain.map((p) => p.first))),
      '≤ 150 ms',
      shown(f.plain.map((p) => p.first)) <= 150,
    ],
    [
      `the same, CPU ${THROTTLE}× slower (median)`,
      formatMs(shown(f.throttled.map((p) => p.first))),
      '≤ 400 ms',
      shown(f.throttled.map((p) => p.first)) <= 400,
    ],
    [
      'repeat visit → first result (median)',
      formatMs(shown(f.plain.map((p) => p.repeat))),
      '≤ 60 ms',
      shown(f.plain.map((p) => p.repeat)) <= 60,
    ],
    [
      'repeat visit: bodies of unchanged files sent again (most of any run)',
      formatBytes(repeatBodies),
      '0 B',
      repeatBodies === 0,
    ],
    [
      'one `<pijn-uitleg>`: its text shown (median)',
      formatMs(shown(explanation)),
      '≤ 100 ms',
      shown(explanation) <= 100,
    ],
    ['a search in Chromium: p99 per call (batched, per question)', formatMs(batchedP99), '< 1 ms', batchedP99 < 1],
    [
      'a search in Chromium: warm calls timed alone that took 1 ms or more',
      String(slowSingles),
      '0',
      slowSingles === 0,
    ],
  ];
  if (f.contentGzip) {
    const ratio = (bytes) => `${(bytes / f.contentGzip).toFixed(2)}×`;
    rows.unshift([
      `bytes to the first result, compressed (brotli 11 / gzip -9), against the gzipped content text (${formatBytes(f.contentGzip)})`,
      `${ratio(toFirst)} / ${ratio(toFirstGzip)}`,
      '≤ 1.3×',
      toFirst <= 1.3 * f.contentGzip,
    ]);
  }
  return [
    '### Against the targets',
    '',
    'The targets of issue #18, and where this run stands.',
    '',
    '| figure | this run | target | met |',
    '| --- | ---: | ---: | --- |',
    ...rows.map(([what, value, target, met]) => `| ${what} | ${value} | ${target} | ${met ? 'yes' : '**no**'} |`),
    '',
    // This machine's speed differs by a fifth from one run to the next; a page that loads no wasm,
    // measured in the same run, is the control that makes two runs' first results comparable.
    `**Control:** the page with one \`<pijn-uitleg>\` loads no wasm, so its time moves only with the machine's speed. The first result took ${(shown(f.plain.map((p) => p.first)) / shown(explanation)).toFixed(2)}× its time in this run, and ${(shown(f.throttled.map((p) => p.first)) / shown(explanation)).toFixed(2)}× with the CPU ${THROTTLE}× slower (the control runs unthrottled). Compare runs by these ratios rather than by milliseconds.`,
    '',
  ];
}

function report(f, command) {
  const lines = [];
  const machine = machineInfo();
  const cores = Number(machine.nproc);
  const { runs, bodies, plain } = f;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  lines.push('## In the browser');
  lines.push('');
  lines.push(
    `The site as a reader meets it: \`www/\` served by \`scripts/serve.mjs\` on 127.0.0.1 (loopback: no network delay, so the times are the server's, the browser's and the module's own work) and opened in headless Chromium ${f.chromium} (Debian's, driven by playwright-core ${packageVersion('playwright-core')}). Written by \`bench/browser.mjs\`; every figure is of this run.`,
  );
  lines.push('');
  lines.push(`- **Command:** \`${command}\` (in the repo root; this section comes from \`bench/browser.mjs\`)`);
  lines.push(`- **Date:** ${date}; the browser runs took ${Math.round(f.seconds)} s`);
  lines.push(
    `- **Machine:** ${machine.cpuModel}, ${machine.nproc} cores (\`nproc\`), ${machine.memGiB} GiB memory, Node ${machine.node}, ${machine.platform}; 1-minute load average ${f.load.before.toFixed(2)} when the browser runs started, ${f.load.after.toFixed(2)} at the end`,
  );
  if (Math.max(f.load.before, f.load.after) > cores) {
    lines.push(
      `- **Note:** the machine was busy with other work during this run (load average above its ${cores} cores): times are inflated, p90 and the slowest single calls most of all. The kinds of run took turns, so they met the same load.`,
    );
  }
  lines.push(
    `- **Module:** ${f.module.map((m) => `\`${m.file}\` ${formatBytes(m.bytes)}, sha256 \`${m.sha.slice(0, 16)}…\``).join('; ')}, as built (this benchmark builds nothing)`,
  );
  lines.push('');

  // ---- time to the first result
  const plainFirst = plain.map((p) => p.first);
  const throttled = f.throttled.map((p) => p.first);
  const repeat = plain.map((p) => p.repeat);
  lines.push(...targets(f));
  lines.push('### Time to the first result');
  lines.push('');
  lines.push(
    `Viewport ${VIEWPORT.width}×${VIEWPORT.height}; each run in a fresh browser context (no cache, no service worker; the first visit with its repeat in a fresh profile of its own, which keeps its HTTP cache, service worker and code cache between visits as a reader's browser does) unless it says otherwise; the kinds of run took turns. Times from the start of the navigation (the page's \`performance.now()\`); the wasm columns are medians.`,
  );
  lines.push('');
  lines.push(
    '| page, shown | CPU | runs | median | p90 | search files requested | search files in | app.js runs (DOMContentLoaded) |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const timeRow = (what, cpu, list) => {
    const shown = list.map((x) => x.shown);
    const at = (key) => formatMs(medianOf(list.map((x) => x[key])));
    lines.push(
      `| ${what} | ${cpu} | ${shown.length} | ${formatMs(median(shown))} | ${formatMs(p90(shown))} | ${at('filesRequested')} | ${at('filesIn')} | ${at('scripts')} |`,
    );
  };
  timeRow(`first visit to \`/${DEEP_LINK}\`: the first hit in \`#results\``, 'as is', plainFirst);
  timeRow('the same', `${THROTTLE}× slower (CDP throttling)`, throttled);
  const phone = f.phone.map((p) => p.first);
  timeRow("the same on a phone's mobile network (150 ms a request, 1.6 Mbit/s down)", `${THROTTLE}× slower`, phone);
  const slowNetwork = f.slow.map((p) => p.first);
  timeRow('the same on a slow mobile network (400 ms a request, 400 kbit/s down)', `${THROTTLE}× slower`, slowNetwork);
  timeRow(
    'repeat visit (after 3 s on the first page, a new tab of the same profile, service worker active): the first hit',
    'as is',
    repeat,
  );
  for (const [i, { page, element, what }] of EMBEDS.entries()) {
    timeRow(`\`/${page}\` (one \`<${element}>\` by id): the ${what} in the element`, 'as is', f.embeds[i]);
  }
  lines.push('');
  const m = (list, key) => medianOf(list.map((x) => x[key]));
  const firstHit = m(plainFirst, 'shown');
  lines.push(
    `- **First visit:** what a reader following a link to a search waits on a desktop, every file fetched for the first time. The first search's module and \`index.bin\` are requested at ${formatMs(m(plainFirst, 'filesRequested'))} (by \`start.js\`, before the page is parsed) and in by ${formatMs(m(plainFirst, 'filesIn'))}; its worker opens them and loads the query's postings while the page is parsed; app.js runs at ${formatMs(m(plainFirst, 'scripts'))} and asks the worker for the hits, whose files it then loads; the first hit is drawn at ${formatMs(firstHit)}. The module with all the content loads after that (README, "The first search").`,
  );
  lines.push(
    `- **${THROTTLE}× slower CPU:** the same with the page's CPU slowed ${THROTTLE}× (roughly a modest phone; only the page's main thread is slowed, not the wasm compiler's background threads nor the server, and the network is still loopback): ${(m(throttled, 'shown') / firstHit).toFixed(1)}× the first visit.`,
  );
  lines.push(
    `- **A phone on a mobile network:** the CPU ${THROTTLE}× slower and the network Lighthouse simulates for its mobile score (slow 4G: ${PHONE_NETWORK.latency} ms from each request to its response, ${(PHONE_NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down), applied to the page and its worker alike: ${formatMs(m(phone, 'shown'))}. Here each round of requests and each 100 KiB costs about half a second, which loopback hides.`,
  );
  lines.push(
    `- **A slow mobile network:** the same with ${SLOW_NETWORK.latency} ms a request and ${(SLOW_NETWORK.downloadThroughput * 8) / 1e3} kbit/s down: ${formatMs(m(slowNetwork, 'shown'))}. The page waits for the first results as long as their files keep coming (README, "The first search"): the module, more than twice their bytes, would come later still.`,
  );
  const repeatHit = m(repeat, 'shown');
  const codeCached = f.plain.filter((p) => p.wasmCodeCached).length;
  lines.push(
    `- **Repeat visit:** a reader coming back, the service worker installed: ${formatMs(repeatHit)}, ${repeatHit <= firstHit ? `${formatMs(firstHit - repeatHit)} less than` : `${formatMs(repeatHit - firstHit)} more than`} the first visit. Chromium had written the wasm's compiled code to the profile's code cache before the repeat visit in ${codeCached} of ${f.plain.length} runs${codeCached < f.plain.length ? ' (where it had not, the repeat visit compiled the wasm again, as the first did; on 2026-12-06 this Chromium wrote no compiled wasm in any setting tried: 8 s on the page, 3 000 searches, no service worker, a plain static server)' : ''}.`,
  );
  const longest = f.preparing.map((p) => p.longest);
  lines.push(
    `- **While the page prepares the search:** the home page with the CPU ${THROTTLE}× slower prepares the search in the browser's idle moments, a slice at a time (\`prepareSearch\` with the idle deadline). The longest main-thread task that started in the ${READING / 1000} s after the page was ready: median ${formatMs(median(longest))}, at most ${formatMs(Math.max(...longest))} (${longest.length} runs; the Long Tasks API reports tasks of 50 ms or more, 0 ms here means none). A reader who starts typing then waits at most about that long. The preparation was done within those ${READING / 1000} s in ${f.preparing.filter((p) => p.prepared).length} of ${f.preparing.length} runs.`,
  );
  for (const [i, { element, what, file }] of EMBEDS.entries()) {
    const runs = f.embeds[i];
    lines.push(
      `- **One embedded ${what}:** a portal or course page with one \`<${element}>\` by id, which reads the ${what}'s own file (\`${file}\`) and ${runs.some((x) => x.loadsWasm) ? 'also a wasm' : 'no wasm'}: it is there at ${formatMs(m(runs, 'shown'))}, after ${(m(runs, 'bytes') / 1024).toFixed(1)} KiB of files as sent.`,
    );
  }
  lines.push('');

  // ---- bytes
  const first = plain[0];
  const toFirst = plain.map((p) => totals(network(p.toFirstResult), bodies));
  const whole = plain.map((p) => totals(network(p.firstVisit), bodies));
  const repeatNet = plain.map((p) => totals(network(p.repeatVisit), bodies));
  const sentAgain = plain.map((p) => network(p.repeatVisit).filter((r) => r.body > 0));
  const sentAgainBodies = sentAgain.map((list) => totals(list, bodies));
  const bytes = (list, key) =>
    steady(
      list.map((t) => t[key]),
      formatBytes,
    );
  const howMany = (list, key) => steadyCount(list.map((t) => t[key]));
  lines.push('### Bytes');
  lines.push('');
  lines.push(
    `Raw: the bodies as stored. gzip -9 and brotli 11: each body compressed on its own (\`node:zlib\`), added up: what a static host sending precompressed files would send. As sent: what this server sent, body and headers, from Playwright's \`request.sizes()\`. A figure that differed between the ${runs} runs shows as median (min–max).`,
  );
  lines.push('');
  lines.push('| visit | responses | raw | gzip -9 | brotli 11 | as sent by this server |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  const bytesRow = (what, list, bodyList = list) =>
    lines.push(
      `| ${what} | ${howMany(list, 'responses')} | ${bytes(bodyList, 'raw')} | ${bytes(bodyList, 'gzip')} | ${bytes(bodyList, 'brotli')} | ${bytes(list, 'wire')} |`,
    );
  bytesRow('first visit, up to the first result', toFirst);
  bytesRow("first visit, with the service worker's install", whole);
  bytesRow(
    'repeat visit, up to the first result: over the network (bodies: those sent again)',
    repeatNet,
    sentAgainBodies,
  );
  lines.push('');
  lines.push(
    `- **Up to the first result:** what a first-time reader downloads before seeing an answer; the wasm is ${Math.round((100 * (bodies.get(wasmPath(first))?.raw ?? 0)) / toFirst[0].raw)}% of the raw bytes. The service worker's install follows right after the first result (${first.cacheEntries} files into its cache, revalidated with \`cache: 'no-cache'\`, so a file the page just loaded costs a 304), while the reader reads: Playwright reported the worker's own requests on the context, ${steadyCount(
      plain.map((p) => p.firstVisit.filter((r) => r.byWorker).length),
    )} a run (its script included).`,
  );
  // Downloaded more than once in the first visit: the same URL (without query string), a body each time.
  const fetched = new Map();
  for (const r of network(first.firstVisit).filter((r) => r.body > 0)) {
    fetched.set(r.path, [...(fetched.get(r.path) ?? []), r]);
  }
  const twice = [...fetched].filter(([, list]) => list.length > 1);
  const who = (list) => list.map((r) => (r.byWorker ? 'service worker' : 'page')).join(', then ');
  const patterns = new Set(twice.map(([, list]) => who(list)));
  const extra = twice.reduce(
    (sum, [path, list]) => ({
      raw: sum.raw + (list.length - 1) * (bodies.get(path)?.raw ?? 0),
      wire: sum.wire + list.slice(1).reduce((s, r) => s + r.body + r.headers, 0),
    }),
    { raw: 0, wire: 0 },
  );
  lines.push(
    `- **Downloaded twice on the first visit** (same URL without its query string, a body each time): ${
      twice.length === 0
        ? 'none.'
        : `${twice.length} files${patterns.size === 1 ? ` (${[...patterns][0]})` : ''}: ${twice
            .map(([path, list]) => `\`${path}\`${patterns.size === 1 ? '' : ` (${who(list)})`}`)
            .join(', ')}; ${formatBytes(extra.raw)} raw, ${formatBytes(extra.wire)} as sent, a second time.`
    }`,
  );
  const bySha = new Map();
  for (const path of new Set(network(first.firstVisit).map((r) => r.path))) {
    const body = bodies.get(path);
    if (body?.raw) bySha.set(body.sha, [...(bySha.get(body.sha) ?? []), path]);
  }
  const sameBody = [...bySha.values()].filter((list) => list.length > 1);
  if (sameBody.length) {
    lines.push(
      `- **One body under two URLs**, each fetched: ${sameBody.map((list) => list.map((p) => `\`${p}\``).join(' = ')).join('; ')}.`,
    );
  }
  const repeatStatuses = new Map();
  for (let r = 0; r < runs; r++) {
    const wanted = new Set(plain[r].repeatVisit.map((x) => x.path));
    for (const e of f.serverLog.filter((e) => e.tag === `${r}:repeat` && wanted.has(e.path))) {
      repeatStatuses.set(e.status, (repeatStatuses.get(e.status) ?? 0) + 1);
    }
  }
  const pageRequests = plain.map((p) => p.repeatVisit.filter((r) => !r.byWorker).length);
  const answered = plain.map((p) => p.repeatVisit.filter((r) => !r.byWorker && r.fromWorker).length);
  const againPaths = new Map();
  for (const list of sentAgain) for (const r of list) againPaths.set(r.path, (againPaths.get(r.path) ?? 0) + 1);
  lines.push(
    `- **Repeat visit:** the service worker answered ${
      answered.every((a, i) => a === pageRequests[i])
        ? `every request of the page (${steadyCount(pageRequests)} a run)`
        : `${steadyCount(answered)} of the page's ${steadyCount(pageRequests)} requests a run`
    }; being network-first it asked the server for each, which answered ${[...repeatStatuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status} ${n}×`)
      .join(', ')} over the ${runs} runs. Bodies sent again: ${
      againPaths.size === 0
        ? 'none.'
        : `${[...againPaths].map(([path, n]) => `\`${path}\`${n === runs ? '' : ` (in ${n} of ${runs} runs)`}`).join(', ')}.`
    }`,
  );
  const estimated = first.firstVisit.filter((r) => r.estimated).map((r) => `\`${r.path}\``);
  if (estimated.length) {
    lines.push(
      `- ${estimated.join(', ')}: Chromium reports no size for the service worker's own script; counted at its Content-Length.`,
    );
  }
  lines.push('');
  lines.push('<details><summary>Every response of the first and the repeat visit (run 1)</summary>');
  lines.push('');
  lines.push(
    '| path | raw | gzip -9 | brotli 11 | up to the first result, as sent | service worker install, as sent | repeat visit, as sent (server status) |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const sent = (list) =>
    list.map((r) => `${formatBytes(r.body + r.headers)}${r.encoding ? ` ${r.encoding}` : ''}`).join(' + ');
  const toFirstUrls = new Set(first.toFirstResult.map((r) => r.url));
  for (const path of [...new Set([...first.firstVisit, ...first.repeatVisit].map((r) => r.path))]) {
    const body = bodies.get(path) ?? {};
    const ofPath = network(first.firstVisit).filter((r) => r.path === path);
    const page = ofPath.filter((r) => !r.byWorker);
    const atFirst = page.filter((r) => toFirstUrls.has(r.url));
    const later = page.filter((r) => !toFirstUrls.has(r.url));
    const worker = ofPath.filter((r) => r.byWorker);
    const again = network(first.repeatVisit).filter((r) => r.path === path);
    const status = f.serverLog.filter((e) => e.tag === '0:repeat' && e.path === path).map((e) => e.status);
    lines.push(
      `| \`${path}\` | ${formatBytes(body.raw)} | ${formatBytes(body.gzip)} | ${formatBytes(body.brotli)} | ${sent(atFirst)}${
        later.length ? ` (after it: ${sent(later)})` : ''
      } | ${sent(worker)} | ${sent(again)}${status.length ? ` (${status.join(', ')})` : ''} |`,
    );
  }
  lines.push('');
  lines.push('</details>');
  lines.push('');

  // ---- query time
  const q = f.queries;
  const n = f.questionCount;
  const { batch, batchRounds, singleRounds, warmup } = f.settings;
  const perQuestion = q.batched.map((b) => median(b));
  const over = (list) => list.filter((t) => t > 1).length;
  lines.push('### Search inside Chromium');
  lines.push('');
  lines.push(
    `The ${n} questions of \`${f.questionsFile}\`, in a page that has shown its first result, through \`search()\` of \`${q.moduleUrl}\` imported in the page (the instance the app initialised) with the options \`bench/run.mjs\` gives it in Node (\`{ limit: 10, prefix: false }\`, \`audience: 'patient'\` for patient questions); ${warmup} rounds of every question to warm up before the batches. The page's timer steps by ${formatMs(q.step)}.`,
  );
  lines.push('');
  lines.push('| how timed | timings | p50 | p99 | max | over 1 ms |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  // A single call's time below the timer's step reads as 0: show it as "< step".
  const quantised = (t) => (t < q.step ? `< ${formatMs(q.step)}` : formatMs(t));
  const row = (what, list, timings = list.length, format = quantised) =>
    lines.push(
      `| ${what} | ${timings} | ${format(median(list))} | ${format(p99(list))} | ${format(Math.max(...list))} | ${over(list)} |`,
    );
  row(
    `${batch} calls of one question timed together, per call; per question the median of ${batchRounds} such batches`,
    perQuestion,
    `${n} questions`,
    formatMs,
  );
  row(`each call alone, ${singleRounds} rounds of every question`, q.single);
  row(
    'control: a JS loop as long as a median call, allocating nothing, timed alone after each of those calls',
    q.control,
  );
  row("each question's first call in the page (before the warm-up)", q.firstCalls);
  lines.push('');
  const slow = q.single.map((t, k) => ({ t, k })).filter((s) => s.t > 1);
  // The collector's pauses while the single calls ran (trace µs; the page's ms tied by the mark).
  const duringSingles = q.trace
    ? q.trace.pauses.filter((p) => {
        const at = q.mark + (p.ts - q.trace.mark) / 1000;
        return p.kind === 'gc' && at >= q.singlesFrom && at <= q.singleStart.at(-1) + q.single.at(-1);
      })
    : [];
  const pauseMs = duringSingles.map((p) => p.dur / 1000).sort((a, b) => a - b);
  const pauses = !q.trace
    ? 'No trace of the main thread was taken'
    : pauseMs.length
      ? `The garbage collector paused the page's main thread ${count(pauseMs.length, 'time', 'times')} while they ran (Chromium trace: median ${formatMs(median(pauseMs))}, longest ${formatMs(pauseMs.at(-1))})`
      : "The garbage collector did not pause the page's main thread while they ran (Chromium trace)";
  const causes = (list) => {
    const of = (kind) => list.filter((c) => c === kind).length;
    return `${of('gc')} during a collector's pause, ${of('jit')} during V8's compiler work, ${of('none')} with neither${
      of('unknown') ? `, ${of('unknown')} unknown` : ''
    }`;
  };
  lines.push(
    `- **Per call:** the batched p50 and p99 are what one search costs in Chromium, to set beside the Node figures; one question's batch is timed to about ${formatMs(q.step / batch)} a call.`,
  );
  lines.push(
    `- **Single calls:** quantised by the timer's step, so their p50 says little; their tail is the point. ${pauses}. ${
      slow.length === 0
        ? `No call took over 1 ms; the control loop did ${count(over(q.control), 'time', 'times')}.`
        : `Over 1 ms: ${count(slow.length, 'call', 'calls')}, ${causes(q.singleCause)}; ${slow.filter((s) => s.k < n).length} in the first round, ${slow.filter((s) => q.grew.includes(s.k)).length} while the wasm memory grew (${count(q.grew.length, 'call', 'calls')} grew it in all). The control loop, allocating nothing: ${count(over(q.control), 'time', 'times')} over 1 ms${
            over(q.control) ? `, ${causes(q.controlCause)}` : ''
          }. A slow call with neither is the page's thread descheduled by the machine (or work the trace does not show).`
    }`,
  );
  lines.push(`- **First calls:** ${firstReading(q, perQuestion)}`);
  lines.push('');
  return lines;
}

/**
 * The first calls against the warm ones, split by whether the call returned a node no call before
 * it had returned: the module converts a node's summary to a JS object the first time the node is
 * a hit (and keeps it), so those calls carry that conversion besides cold code.
 */
function firstReading(q, perQuestion) {
  const sum = (list) => list.reduce((s, t) => s + t, 0);
  const fresh = q.firstCalls.filter((_, i) => q.newNodes[i] > 0);
  const known = q.firstCalls.filter((_, i) => q.newNodes[i] === 0);
  const warm = perQuestion.filter((_, i) => q.newNodes[i] > 0);
  const slow = q.firstCalls.map((t, i) => ({ t, i })).filter((c) => c.t > 1);
  return `each question's first call in the page took ${formatMs(sum(q.firstCalls))} for all ${q.firstCalls.length}, warm calls ${formatMs(sum(perQuestion))}. The ${fresh.length} first calls that returned a node no call before had returned took ${formatMs(sum(fresh))} (the same questions warm: ${formatMs(sum(warm))}), the ${known.length} that returned only nodes already returned ${formatMs(sum(known))}; of the ${slow.length} first calls over 1 ms, ${slow.filter((c) => q.newNodes[c.i] > 0).length} returned new nodes, and ${q.firstCause.filter((c) => c === 'gc').length} overlapped a collector's pause, ${q.firstCause.filter((c) => c === 'jit').length} V8's compiler work. Two costs meet in a first call: the module converts a node's summary into a JS object the first time the node is a hit (and keeps it), and the page has run the search code once only, so it is not yet optimised.`;
}

/** Puts `section` (lines from "## In the browser") into a BENCHMARKS.md text, replacing an older one. */
export function withSection(markdown, section) {
  const text = section.join('\n').trimEnd();
  const start = markdown.indexOf('\n## In the browser\n');
  if (start >= 0) {
    const next = markdown.indexOf('\n## ', start + 1);
    return `${markdown.slice(0, start + 1)}${text}\n${next >= 0 ? markdown.slice(next) : ''}`;
  }
  const before = markdown.indexOf('\n## How it was measured\n');
  if (before >= 0) return `${markdown.slice(0, before + 1)}${text}\n\n${markdown.slice(before + 1)}`;
  return `${markdown.trimEnd()}\n\n${text}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const { lines } = await browserBench({
    runs: Number(option('--runs', 12)),
    questionsFile: option('--questions', join(root, 'tests/relevance/heldout.toml')),
    command: `node bench/browser.mjs${args.length ? ` ${args.join(' ')}` : ''}`,
  });
  if (args.includes('--no-write')) {
    console.log(lines.join('\n'));
  } else {
    const file = join(root, 'BENCHMARKS.md');
    writeFileSync(file, withSection(existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n', lines));
    log('wrote the section "In the browser" of BENCHMARKS.md');
    console.log(lines.join('\n'));
  }
}
