// The clinician's lookup: search as you type, open a result, follow links, deep links that
// survive a reload. Text goes into the page with textContent; the only HTML inserted is what
// the module returns as safe HTML (compiler-rendered layers and escaped snippets).
import init, { search, node, version } from './pkg/pijnwijzer.js';
import { badges, citationText, kindLabel, edgeLabel } from './labels.js';

const $ = (id) => document.getElementById(id);
const input = $('q');
const results = $('results');
const detail = $('detail');
const status = $('status');

/** Creates an element with attributes and children (strings become text nodes). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Puts module-produced safe HTML (layers, snippets) into an element. */
function trustedHtml(element, html) {
  element.innerHTML = html;
  return element;
}

function renderBadges(item) {
  return h('span', { class: 'badges' }, badges(item).map((b) => h('span', { class: `badge ${b.tone}` }, b.text)));
}

function showResults(query) {
  detail.hidden = true;
  results.hidden = false;
  results.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  let hits;
  try {
    hits = search(query, { limit: 20, prefix: true });
  } catch (error) {
    status.textContent = `Zoeken lukte niet: ${error.message}`;
    return;
  }
  status.textContent = hits.length === 0
    ? `Niets gevonden voor "${query}". De richtlijnen zeggen hier mogelijk niets over; probeer een ander woord.`
    : `${hits.length} resultaten voor "${query}"`;
  hits.forEach((hit, index) => {
    const link = h('a', { href: `#/n/${encodeURIComponent(hit.id)}`, class: 'hit-title', 'data-index': index }, hit.title);
    results.append(h('li', { class: 'hit' },
      h('div', { class: 'hit-meta' }, h('span', { class: 'kind' }, kindLabel(hit.kind)), renderBadges(hit)),
      link,
      trustedHtml(h('p', { class: 'snippet' }), hit.snippet),
      h('p', { class: 'citation' }, citationText(hit.source)),
    ));
  });
}

function showNode(id) {
  let item;
  try {
    item = node(id);
  } catch (error) {
    results.hidden = true;
    detail.hidden = false;
    detail.replaceChildren(h('h1', {}, 'Niet gevonden'), h('p', {}, error.message), h('p', {}, h('a', { href: '#/' }, 'Terug naar zoeken')));
    return;
  }
  results.hidden = true;
  status.textContent = '';
  detail.hidden = false;
  const sections = item.layers.map((layer) => {
    const body = trustedHtml(h('div', { class: 'layer-body' }), layer.html);
    if (layer.key === 'main') return h('section', { class: 'layer main' }, body);
    return h('section', { class: `layer ${layer.key}` }, h('h2', {}, layer.title), body);
  });
  const groups = new Map();
  for (const link of item.links) {
    const label = edgeLabel(link.edge, link.outgoing);
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push(link);
  }
  const related = groups.size === 0 ? null : h('section', { class: 'links' }, h('h2', {}, 'Verbonden'),
    [...groups].map(([label, links]) => h('div', { class: 'link-group' }, h('h3', {}, label),
      h('ul', {}, links.map((l) => h('li', {}, h('a', { href: `#/n/${encodeURIComponent(l.id)}` }, l.title), ' ', h('span', { class: 'kind' }, kindLabel(l.kind))))))));
  detail.replaceChildren(
    h('p', { class: 'back' }, h('a', { href: input.value ? `#/?q=${encodeURIComponent(input.value)}` : '#/' }, '← Terug naar de resultaten')),
    h('div', { class: 'hit-meta' }, h('span', { class: 'kind' }, kindLabel(item.kind)), renderBadges(item)),
    h('h1', { id: 'detail-title', tabindex: '-1' }, item.title),
    item.source ? h('p', { class: 'citation' }, citationText(item.source)) : null,
    ...sections,
    related,
  );
  document.title = `${item.title} · Pijnwijzer`;
  $('detail-title').focus();
}

function route() {
  const hash = location.hash.slice(1) || '/';
  if (hash.startsWith('/n/')) {
    showNode(decodeURIComponent(hash.slice(3)));
    return;
  }
  const query = new URLSearchParams(hash.split('?')[1] ?? '').get('q') ?? '';
  if (input.value !== query) input.value = query;
  document.title = 'Pijnwijzer: richtlijnen chronische pijn';
  showResults(query);
}

function moveSelection(step) {
  const links = [...results.querySelectorAll('a.hit-title')];
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement);
  const next = current === -1 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(-1, current + step));
  if (next === -1) input.focus();
  else links[next].focus();
}

await init();
const info = version();
$('sources').textContent = info.documents.map((d) => `${d.short} (${d.version})`).join(', ');

input.addEventListener('input', () => {
  const query = input.value;
  history.replaceState(null, '', query ? `#/?q=${encodeURIComponent(query)}` : '#/');
  showResults(query);
});
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  results.querySelector('a.hit-title')?.click();
});
document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  if (event.key === '/' && !typing) {
    event.preventDefault();
    if (location.hash.startsWith('#/n/')) location.hash = input.value ? `#/?q=${encodeURIComponent(input.value)}` : '#/';
    input.focus();
    input.select();
  } else if (event.key === 'ArrowDown' && !results.hidden) {
    event.preventDefault();
    moveSelection(1);
  } else if (event.key === 'ArrowUp' && !results.hidden) {
    event.preventDefault();
    moveSelection(-1);
  }
});
window.addEventListener('hashchange', route);
route();
document.documentElement.dataset.ready = 'true';
