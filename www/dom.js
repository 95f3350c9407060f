// Small DOM helpers shared by the pages. Text goes in with text nodes; the only HTML inserted is
// what the module returns as safe HTML (compiler-rendered layers and escaped snippets).
import { badges } from './labels.js';
import { explainTerms, SUGGESTION_CSS, TERM_CSS, titleFor } from './pkg/components/terms.js';

// The styles of glossary terms and of the list of questions, shared with the components: a
// constructed stylesheet, which the strict CSP allows where a <style> element would not be.
const sharedSheet = new CSSStyleSheet();
sharedSheet.replaceSync(TERM_CSS + SUGGESTION_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sharedSheet];

/** Creates an element with attributes and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an SVG element, the same way. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.setAttribute('class', value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Puts module-produced safe HTML (layers, snippets) into an element, its glossary terms explained. */
export function trustedHtml(element, html) {
  element.innerHTML = html;
  // The compiler links nodes by a bare `#/n/<id>`: a reader in the patient view stays in it.
  for (const link of element.querySelectorAll('a[href^="#/"]')) {
    const [path, query = ''] = link.getAttribute('href').slice(1).split('?');
    link.setAttribute('href', route(path, Object.fromEntries(new URLSearchParams(query))));
  }
  return explainTerms(element);
}

/** "Bedoelt u: a, b?" with each close id or name the module suggested as a link; null if none. */
export function didYouMean(suggestions, href) {
  if (suggestions.length === 0) return null;
  return h(
    'p',
    { class: 'did-you-mean' },
    'Bedoelt u: ',
    suggestions.flatMap((suggestion, i) => [i ? ', ' : '', h('a', { href: href(suggestion) }, suggestion)]),
    '?',
  );
}

/**
 * The reader's mode: 'professional' (default) or 'patient'. The address decides when it says
 * (`?voor=patient` in the query string or in the hash's query, as a portal links); otherwise the
 * reader's last choice with the mode buttons, kept in localStorage. A link never changes that choice.
 */
const AUDIENCE_KEY = 'pijnwijzer:voor';
const AUDIENCE_WORDS = { patient: 'patient', zorgverlener: 'professional', professional: 'professional' };
let audience = 'professional';

/** The mode the address asks for (`voor=` in `hashParams` or the query string), or null. */
export function addressAudience(hashParams) {
  const said = hashParams.get('voor') ?? new URLSearchParams(location.search).get('voor');
  return AUDIENCE_WORDS[said] ?? null;
}

/** The reader's last choice with the mode buttons, or 'professional'. */
export function chosenAudience() {
  try {
    return localStorage.getItem(AUDIENCE_KEY) === 'patient' ? 'patient' : 'professional';
  } catch {
    return 'professional'; // storage may be blocked
  }
}

export function getAudience() {
  return audience;
}

/** Switches the mode; `remember` (a reader's own choice) keeps it for later visits. */
export function setAudience(value, { remember = false } = {}) {
  audience = value === 'patient' ? 'patient' : 'professional';
  if (remember) {
    try {
      localStorage.setItem(AUDIENCE_KEY, audience);
    } catch {
      /* ignore */
    }
  }
  document.documentElement.classList.toggle('mode-patient', audience === 'patient');
}

export const isPatient = () => audience === 'patient';

/** A node's title for the current reader: its title in a patient's words in the patient view. */
export const shownTitle = (item) => titleFor(item, isPatient());

/** A hash route with its query: route('/medicatie', { x: 1 }) → '#/medicatie?x=1' (+ voor=patient). */
export function route(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  if (isPatient()) query.set('voor', 'patient');
  const text = query.toString().replace(/\+/g, '%20');
  return `#${path}${text ? `?${text}` : ''}`;
}

export const nodeHref = (id) => route(`/n/${encodeURIComponent(id)}`);

/** Where a reference opens best: a checklist on its checklist page, a drug on its card. */
export function refHref(ref) {
  if (ref.kind === 'checklist') return route(`/checklist/${encodeURIComponent(ref.id)}`);
  if (ref.kind === 'medication') return route(`/medicatie/${encodeURIComponent(ref.id)}`);
  return nodeHref(ref.id);
}

/**
 * The strength, direction and position badges, in words; none in the patient view, unless
 * `always` (inside the part labelled for care providers).
 */
export function renderBadges(item, { always = false } = {}) {
  if (isPatient() && !always) return null;
  const list = badges(item);
  if (list.length === 0) return null;
  return h(
    'span',
    { class: 'badges' },
    list.map((b) => h('span', { class: `badge ${b.tone}` }, b.text)),
  );
}

/** A link to a node with its citation: "<a>titel</a> · WOREL §4, p. 29" (for a patient, its lay title). */
export function nodeRefItem(ref) {
  return h(
    'li',
    {},
    h('a', { href: refHref(ref) }, shownTitle(ref)),
    ref.citation ? h('span', { class: 'citation-inline' }, ` · ${ref.citation}`) : null,
  );
}

/** The page's heading, focusable so that a route change can move focus to it. */
export function pageHeading(text, id = 'page-title') {
  return h('h1', { id, tabindex: '-1' }, text);
}

/** Replaces an element's children (arrays are flattened; null and false are skipped). */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}
