/*
 * Shared by the Pijnwijzer custom elements (<pijn-checklist>, <pijn-uitleg>, <pijn-zoeken>):
 * loading the knowledge module once per page, a small element builder, the base stylesheet with
 * the theme's custom properties, and the base class that renders into a shadow root, fires the
 * ready and error events, and turns every error into a Dutch message inside the element.
 *
 * This file lives in pkg/components/ of the npm package, beside the other components, and imports
 * the module one folder up (../pijnwijzer.js), which fetches ../pijnwijzer_bg.wasm. Nothing else is
 * fetched: no fonts, no images, no analytics. On another site the page's CSP must allow both
 * (script-src and connect-src) and WebAssembly ('wasm-unsafe-eval'); README.md, "Embedding on
 * another site", lists what the host of pkg/ must send.
 *
 * Events, on every element (bubbles, composed; the element is the target):
 *   <name>-ready   after each render that shows content: the first, and after every change of an
 *                  attribute (pijn-zoeken: also of the query). `detail`: see each element.
 *   <name>-error   the element shows a Dutch message instead of its content. `detail`:
 *                  { code, message }: code "load" (the module could not be loaded: blocked by CORS
 *                  or CSP, a network error, a missing file), "not-found" (no such id or topic),
 *                  "missing-attribute", or "internal"; message is the Dutch text shown.
 *   (<name> is the tag: pijn-checklist-ready, pijn-zoeken-error, …)
 *
 * Parts (style them from the page with ::part(), e.g. pijn-uitleg::part(title) { … }), on every
 * element: body (what is rendered), loading, error (the Dutch message), citation (the source);
 * each element adds its own (see its file): <pijn-checklist> and <pijn-uitleg> also title, term
 * and term-definition (a glossary word and its explanation) and crisis (the suicide prevention
 * lines beside a text that speaks of suicide).
 *
 * Fallback: children of the element (light DOM) are shown until its script runs, and again, below
 * the Dutch message, when the module cannot be loaded: put a sentence there with a link to the same
 * content on the Pijnwijzer site.
 *
 * Theme (CSS custom properties, set them on the element or any ancestor in the page's own CSS):
 *   --pijn-accent   buttons, links, checkboxes, focus ring      (default #0b5cab; dark #8cbcff)
 *   --pijn-ink      text                                        (default #1d2430; dark #e4e8ee)
 *   --pijn-muted    citations and secondary text                (default #4a5565; dark #a9b3c1)
 *   --pijn-bg       background of the element                   (default #ffffff; dark #1a1f27)
 *   --pijn-line     borders and the search field's edge     (default #c9d1dc, the field's
 *                   #7a8494, for 3:1 contrast; dark #465263, the field's #6f7b8c)
 *   --pijn-mark     highlight of matched words in search results (default #fff1a8; dark #4d4000)
 *   --pijn-font     font family  (default: the system font). A custom property cannot inherit
 *                   the page's font (`inherit` there is CSS's keyword for the property itself):
 *                   for that, the page sets `pijn-uitleg { font-family: inherit; }`, which outweighs
 *                   :host
 *   --pijn-size     base font size   (default: 1rem or the text around the element, the larger,
 *                   so a page that shrinks its root font, `html { font-size: 62.5% }`, does not
 *                   shrink the element's text)
 *   --pijn-radius   corner radius                               (default .5rem)
 * The dark defaults hold where the page's colour scheme is dark (CSS `color-scheme: dark`, or
 * `light dark` on a system set to dark), in browsers with `light-dark()`; elsewhere the light ones.
 * Pick colours that keep a contrast of at least 4.5:1 (WCAG 2.2 AA).
 */
import { explainTerms, TERM_CSS } from './terms.js';

/** The module could not be loaded, or the page does not let it be used (its CSP, its Trusted Types); the browser's own error is the `cause`. */
class LoadError extends Error {}

/** A Dutch message to show instead of the content; `draw()` throws it. `code` goes into the error event. */
export class Notice extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

let loading;

/**
 * Resolves to the module's API once the wasm is instantiated. Every element on the page shares
 * one promise, so the wasm is fetched and instantiated once, however many elements there are.
 * The module is imported here, not at the top of the file: a blocked or missing pijnwijzer.js then
 * still leaves the elements defined, so they can say so in place.
 */
export function ready() {
  loading ??= import('../pijnwijzer.js')
    .then(async (api) => {
      await api.default();
      return api;
    })
    .catch((cause) => {
      throw new LoadError('The Pijnwijzer module could not be loaded', { cause });
    });
  return loading;
}

/** Looks like a node id (dotted, lowercase ASCII) rather than words or a title. */
export const ID = /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/;

/**
 * What the module's API returns for the node `id`, read from its own small file beside the module
 * (`pkg/FOLDER/ID.json`, written at build by `pijnwijzer export --embeds` from the same types), so
 * that an element asked for one thing by id shows it without downloading the module: `lay` holds
 * what `lay(ID)` returns, `checklist` what `checklist(ID)` returns. Null when `id` is not an id or
 * there is no such file (an id without one, a failed fetch): the element then takes the module,
 * which finds by words or title, or says in Dutch what is missing.
 */
export async function ownFile(folder, id) {
  if (!ID.test(id)) return null;
  const value = await fetch(new URL(`../${folder}/${id}.json`, import.meta.url))
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return value?.id === id ? value : null;
}

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let policy;

/**
 * The module's HTML in the form the page accepts. A page that enforces Trusted Types
 * (require-trusted-types-for 'script') must allow a policy named "pijnwijzer" (trusted-types
 * pijnwijzer); it passes the HTML on unchanged, because the compiler and the search already made it
 * safe. Where the page refuses the name, the HTML stays a string and the page's own rule applies.
 */
function trusted(html) {
  if (policy === undefined) {
    try {
      policy = globalThis.trustedTypes?.createPolicy('pijnwijzer', { createHTML: (text) => text }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy ? policy.createHTML(html) : html;
}

/**
 * Puts HTML the module produced (compiler-rendered layers and items, escaped snippets) into an
 * element. The compiler emits internal links as <a href="#/n/ID" data-node="ID">: with a `link`
 * template they point to `template` (see linkFor); without one they become plain text, because
 * "#/n/…" means nothing on someone else's page.
 */
export function moduleHtml(element, html, template = null) {
  try {
    element.innerHTML = trusted(html);
  } catch (cause) {
    // The page enforces Trusted Types without allowing this policy: a setting of the page, which
    // trying again later never changes. Its author reads what to add in the console.
    throw new LoadError(
      'The page enforces Trusted Types (require-trusted-types-for) without allowing the policy "pijnwijzer": add it to the page\'s trusted-types directive',
      { cause },
    );
  }
  for (const anchor of element.querySelectorAll('a[data-node]')) {
    const href = template ? linkFor(template, anchor.dataset.node) : null;
    if (href) anchor.setAttribute('href', href);
    else anchor.replaceWith(...anchor.childNodes);
  }
  for (const anchor of element.querySelectorAll('a[href^="http"]')) {
    anchor.setAttribute('rel', 'noopener noreferrer');
  }
  explainTerms(element);
  for (const [selector, part] of [
    ['.term-button', 'term'],
    ['.term-definition', 'term-definition'],
  ]) {
    for (const node of element.querySelectorAll(selector)) node.setAttribute('part', part);
  }
  return element;
}

/**
 * A link to a node from a URL template in which {id} stands for the node's id, e.g.
 * "https://example.org/pijnwijzer/#/n/{id}". Only http(s) and relative URLs are accepted;
 * anything else (javascript:, data:) gives null.
 */
export function linkFor(template, id) {
  const href = String(template).replaceAll('{id}', encodeURIComponent(id));
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? href : null;
  } catch {
    return null;
  }
}

/** The heading level from a `kop` attribute (1–6), or the fallback. */
export function headingLevel(value, fallback = 2) {
  const level = Number.parseInt(value ?? '', 10);
  return level >= 1 && level <= 6 ? level : fallback;
}

/**
 * The error event's detail for anything `draw()` or the loading threw: `{ code, message }` with the
 * Dutch message to show. Told apart by type and by the module's `code`, never by message text.
 */
function describeError(error, what) {
  if (error instanceof Notice) return { code: error.code, message: error.message };
  if (error instanceof LoadError) {
    return {
      code: 'load',
      message:
        'De Pijnwijzer-module kon niet worden geladen, dus dit onderdeel is hier nu niet te zien. (Voor de beheerder van deze pagina: de console van de browser zegt waarom.)',
    };
  }
  if (error?.code === 'not-found') {
    // Every suggestion: a name several share offers each of them (`pijneducatie`, two checklists).
    const offered = (error.suggestions ?? []).map((name) => `‘${name}’`);
    const close = offered.length > 1 ? `${offered.slice(0, -1).join(', ')} of ${offered.at(-1)}` : offered[0];
    return {
      code: 'not-found',
      message: `${what} bestaat niet of heeft geen inhoud voor deze weergave.${close ? ` Bedoelt u ${close}?` : ''}`,
    };
  }
  return {
    code: 'internal',
    message: `Er ging iets mis bij het tonen van ${what.toLowerCase()}. Probeer het later opnieuw.`,
  };
}

/**
 * Each internal colour property (`--_<name>`): the page's property that sets it, if any, and its
 * defaults, light and dark. Every text colour keeps WCAG AA contrast on the background of its own
 * scheme. `field-line`, a form field's edge, stands 3:1 against the background (WCAG 1.4.11), where
 * `line` only separates; a page's `--pijn-line` sets both. `edge` is the shadow at a scrolling
 * table's edge.
 */
const COLOURS = [
  ['accent', '--pijn-accent', '#0b5cab', '#8cbcff'],
  ['ink', '--pijn-ink', '#1d2430', '#e4e8ee'],
  ['muted', '--pijn-muted', '#4a5565', '#a9b3c1'],
  ['bg', '--pijn-bg', '#ffffff', '#1a1f27'],
  ['line', '--pijn-line', '#c9d1dc', '#465263'],
  ['field-line', '--pijn-line', '#7a8494', '#6f7b8c'],
  ['mark', '--pijn-mark', '#fff1a8', '#4d4000'],
  ['edge', null, 'rgb(0 0 0 / .28)', 'rgb(255 255 255 / .25)'],
];

/** The internal colour properties, each default picked from its light and dark pair by `pick`. */
const colourProperties = (pick) =>
  COLOURS.map(([name, page, light, dark]) => {
    const colour = pick([light, dark]);
    return `--_${name}: ${page ? `var(${page}, ${colour})` : colour};`;
  }).join('\n  ');

const BASE_CSS = `
:host {
  ${colourProperties(([light]) => light)}
  --_radius: var(--pijn-radius, .5rem);
  display: block;
  box-sizing: border-box;
  font-family: var(--pijn-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--pijn-size, max(1rem, 1em));
  line-height: 1.5;
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  padding: 1em 1.25em;
  max-width: 48em;
}
/* The host page's own text settings stay outside (a centred, justified or upper-case page, a
   colour): a page restyles the element through the --pijn-* properties and ::part() only. They
   are set on the element's own wrapper, not on :host, which a page's rule for every element
   (\`* { color: red }\`) reaches and outweighs. */
.root {
  color: var(--_ink);
  text-align: start;
  text-indent: 0;
  text-transform: none;
  letter-spacing: normal;
  word-spacing: normal;
  font-style: normal;
  font-weight: normal;
  white-space: normal;
}
/* On a page whose colour scheme is dark, the dark defaults (a browser without light-dark() keeps
   the light ones). */
@supports (color: light-dark(#000, #fff)) {
  :host {
    ${colourProperties(([light, dark]) => `light-dark(${light}, ${dark})`)}
  }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: inherit; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 0 0 .5em; color: var(--_ink); }
.title { font-size: 1.3em; }
.subtitle { font-size: 1.05em; margin-top: 1em; }
p { margin: 0 0 .6em; }
ul, ol { margin: 0 0 .6em; padding-left: 1.4em; }
a { color: var(--_accent); text-underline-offset: .15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
button {
  font: inherit;
  color: var(--_bg);
  background: var(--_accent);
  border: 2px solid var(--_accent);
  border-radius: var(--_radius);
  padding: .4em .9em;
  min-height: 2.75em;
  cursor: pointer;
}
button.secondary { color: var(--_accent); background: var(--_bg); }
button:hover { text-decoration: underline; }
.source, .origin { color: var(--_muted); font-size: .875em; }
.source { margin: .8em 0 0; }
.message { margin: 0; padding: .4em .8em; border-left: 4px solid var(--_accent); }
.loading { color: var(--_muted); margin: 0; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
mark { background: var(--_mark); color: inherit; padding: 0 .1em; border-radius: .15em; }
table { border-collapse: collapse; margin: 0 0 .6em; }
th, td { text-align: left; vertical-align: top; padding: .3em .6em; border-bottom: 1px solid var(--_line); }
thead th { border-bottom: 2px solid var(--_ink); }
/* A wide table scrolls inside the element. The cue: a shadow at each edge with more table beyond
   it; the covers (attachment local) scroll with the table and hide the shadow at its ends. */
.table-scroll {
  overflow-x: auto;
  margin: 0 0 .6em;
  background:
    linear-gradient(to right, var(--_bg) 40%, transparent) left / 2.5em 100% no-repeat local,
    linear-gradient(to left, var(--_bg) 40%, transparent) right / 2.5em 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, var(--_edge), transparent) left / .9em 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, var(--_edge), transparent) right / .9em 100% no-repeat scroll;
}
.table-scroll > table { margin: 0; }
@media print {
  :host { border: none; padding: 0; max-width: none; background: none; color-scheme: light; }
  .root { color: #000; }
  a { color: inherit; text-decoration: none; }
  /* Buttons are controls, except a glossary word, which is part of the text. */
  button:not(.term-button), .no-print { display: none !important; }
  .table-scroll { overflow: visible; background: none; }
}
@media (forced-colors: active) {
  button { border-color: ButtonText; }
  mark { background: Mark; color: MarkText; }
}
${TERM_CSS}`;

const sheets = new Map();
const constructable =
  typeof ShadowRoot !== 'undefined' &&
  'adoptedStyleSheets' in ShadowRoot.prototype &&
  typeof CSSStyleSheet !== 'undefined' &&
  'replaceSync' in CSSStyleSheet.prototype;

/** One constructed stylesheet per CSS text, shared by every element of the page. */
function sheet(css) {
  let found = sheets.get(css);
  if (!found) {
    found = new CSSStyleSheet();
    found.replaceSync(css);
    sheets.set(css, found);
  }
  return found;
}

/**
 * The base class: a shadow root styled by constructed stylesheets (allowed under a strict
 * `style-src 'self'`, unlike an inline <style>), a render that runs after the module is ready and
 * again when an observed attribute changes, and errors shown as a Dutch message in the element.
 * Subclasses set `static css` and implement `draw(api)`, returning the nodes to show or throwing
 * (a `Notice` for a message of their own), and `readyDetail()`, the detail of the ready event.
 * After each render the element fires `<tag>-ready` or `<tag>-error` (see the top of this file).
 */
export class PijnElement extends HTMLElement {
  static css = '';
  /** What the element shows, in Dutch, for messages ("De checklist"). */
  static what = 'Dit onderdeel';

  #queued = false;
  #generation = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    if (constructable) {
      root.adoptedStyleSheets = [sheet(BASE_CSS), sheet(this.constructor.css)];
    } else {
      // Browsers without constructed stylesheets: an ordinary <style> (needs a CSP that allows it).
      const style = document.createElement('style');
      style.textContent = BASE_CSS + this.constructor.css;
      root.append(style);
    }
    this.body = h('div', { class: 'body', part: 'body' });
    // Everything the element shows is Dutch, whatever the language of the page around it, so a
    // screen reader on an English or French page reads it as Dutch (WCAG 3.1.2, language of parts),
    // and it runs left to right on a page in Arabic or Hebrew too (a portal's other languages).
    root.append(h('div', { class: 'root', lang: 'nl', dir: 'ltr' }, this.body));
  }

  connectedCallback() {
    this.update();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected) this.update();
  }

  /** Schedules one render for any number of attribute changes in the same task. */
  update() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  async #render() {
    const generation = ++this.#generation;
    if (!this.body.hasChildNodes()) {
      this.body.replaceChildren(h('p', { class: 'loading', part: 'loading' }, 'Bezig met laden…'));
    }
    let nodes;
    let problem = null;
    try {
      const api = await this.source();
      if (generation !== this.#generation) return;
      nodes = this.draw(api);
    } catch (error) {
      if (generation !== this.#generation) return;
      problem = describeError(error, this.constructor.what);
      // The browser's own reason (a CSP that forbids compiling wasm, a blocked fetch) is the
      // load error's cause: logged as text too, where the message points the page's author.
      if (!(error instanceof Notice)) {
        console.warn(`[${this.localName}]`, error, ...(error?.cause ? [`Oorzaak: ${error.cause}`] : []));
      }
      nodes = [h('p', { class: 'message', part: 'error', role: 'status' }, problem.message)];
      // Without the module the page's own fallback (the element's children) is the reader's way on.
      if (problem.code === 'load') nodes.push(h('slot'));
    }
    this.body.replaceChildren(...[nodes].flat());
    this.emit(problem ? 'error' : 'ready', problem ?? this.readyDetail());
  }

  /**
   * Fires `<tag>-<name>` (bubbles, composed, so a page hears it on document) with `detail`; false
   * when a listener of a cancelable event called preventDefault().
   */
  emit(name, detail, { cancelable = false } = {}) {
    return this.dispatchEvent(
      new CustomEvent(`${this.localName}-${name}`, { bubbles: true, composed: true, cancelable, detail }),
    );
  }

  /** Override: where `draw()` reads the guidance from; by default the module's API, once loaded. */
  source() {
    return ready();
  }

  /** Override: build the content from the module's API. May throw; the base class shows the error. */
  draw(_api) {
    return [];
  }

  /** Override: the detail of the ready event, what the element now shows. */
  readyDetail() {
    return {};
  }
}

/** Defines a custom element once, even when its script is included twice. */
export function define(name, constructor) {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
