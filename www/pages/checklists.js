// #/checklists and #/checklist/<id>: the checklists, and one checklist with real checkboxes whose
// state stays in this browser (localStorage, per checklist), a reset, and a print handout.
import { checklists, checklist, version } from '../pkg/pijnwijzer.js';
import { citationText, kindLabel } from '../labels.js';
import { h, trustedHtml, route, refHref, pageHeading, isPatient, fill, didYouMean } from '../dom.js';

const storageKey = (id) => `pijnwijzer:checklist:${id}`;

function load(id) {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(id)) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function save(id, ticked) {
  try {
    if (ticked.length) localStorage.setItem(storageKey(id), JSON.stringify(ticked));
    else localStorage.removeItem(storageKey(id));
  } catch {
    /* storage blocked: the ticks last as long as the page */
  }
}

function list(container) {
  const all = checklists();
  const names = new Map(version().documents.map((d) => [d.id, d.short]));
  const groups = new Map();
  for (const c of all) {
    const key = c.document ?? 'overig';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
  }
  fill(
    container,
    pageHeading('Checklists'),
    h(
      'p',
      { class: 'lead' },
      'Afvinken tijdens het consult of afdrukken als hand-out. Wat u afvinkt, blijft alleen in deze browser.',
    ),
    [...groups].map(([doc, items]) =>
      h(
        'section',
        { class: 'checklist-group', 'aria-labelledby': `cl-${doc}` },
        h('h2', { id: `cl-${doc}` }, names.get(doc) ?? 'Overig'),
        h(
          'ul',
          { class: 'checklist-index' },
          items.map((c) => {
            const done = load(c.id).length;
            return h(
              'li',
              {},
              h('a', { href: route(`/checklist/${encodeURIComponent(c.id)}`) }, c.title),
              h(
                'span',
                { class: 'meta' },
                ` · ${c.items} punten${done ? `, ${done} afgevinkt` : ''}${c.audience === 'patient' ? ' · voor patiënten' : ''}`,
              ),
              c.citation ? h('span', { class: 'citation-inline' }, ` · ${c.citation}`) : null,
            );
          }),
        ),
      ),
    ),
  );
  return 'Checklists';
}

function one(container, id) {
  let data;
  try {
    data = checklist(id);
  } catch (error) {
    fill(
      container,
      pageHeading('Checklist niet gevonden'),
      h('p', {}, `Geen checklist met deze code: ${id}.`),
      didYouMean(error?.suggestions ?? [], (suggestion) => route(`/checklist/${encodeURIComponent(suggestion)}`)),
      h('p', {}, h('a', { href: route('/checklists') }, 'Alle checklists')),
    );
    return 'Niet gevonden';
  }
  const ticked = new Set(load(data.id));
  const progress = h('p', { class: 'progress', role: 'status', 'aria-live': 'polite' });
  const update = () => {
    progress.textContent = `${ticked.size} van ${data.items.length} afgevinkt`;
  };
  const items = data.items.map((item, index) => {
    const box = h('input', { type: 'checkbox', id: `item-${index}`, 'data-index': index, checked: ticked.has(index) });
    box.checked = ticked.has(index);
    box.addEventListener('change', () => {
      if (box.checked) ticked.add(index);
      else ticked.delete(index);
      save(
        data.id,
        [...ticked].sort((a, b) => a - b),
      );
      update();
    });
    return h(
      'li',
      { class: 'check-item' },
      box,
      h(
        'div',
        { class: 'check-text' },
        h('label', { for: `item-${index}` }, item.text),
        item.origin
          ? h(
              'p',
              { class: 'origin' },
              'Uit: ',
              h('a', { href: refHref(item.origin) }, item.origin.title),
              item.origin.citation ? h('span', { class: 'citation-inline' }, ` · ${item.origin.citation}`) : null,
            )
          : null,
      ),
    );
  });
  const reset = h('button', { type: 'button', class: 'secondary', id: 'checklist-reset' }, 'Wis alles');
  reset.addEventListener('click', () => {
    ticked.clear();
    save(data.id, []);
    for (const box of container.querySelectorAll('input[type="checkbox"]')) box.checked = false;
    update();
    container.querySelector('input[type="checkbox"]')?.focus();
  });
  const print = h('button', { type: 'button', id: 'checklist-print' }, 'Afdrukken');
  print.addEventListener('click', () => window.print());
  const lay = data.lay?.html
    ? h(
        'details',
        { class: 'layer lay', open: isPatient() },
        h('summary', {}, h('h2', { class: 'layer-title' }, 'Voor patiënten')),
        trustedHtml(h('div', { class: 'layer-body' }), data.lay.html),
      )
    : null;
  fill(
    container,
    h('p', { class: 'back no-print' }, h('a', { href: route('/checklists') }, '← Alle checklists')),
    h('div', { class: 'hit-meta' }, h('span', { class: 'kind' }, kindLabel('checklist'))),
    pageHeading(data.title),
    data.source ? h('p', { class: 'citation' }, citationText(data.source)) : null,
    data.intro?.html ? trustedHtml(h('div', { class: 'intro' }), data.intro.html) : null,
    h('div', { class: 'toolbar no-print' }, progress, h('div', { class: 'buttons' }, print, reset)),
    h('ol', { class: 'checklist', 'aria-label': data.title }, items),
    lay,
    h(
      'p',
      { class: 'print-only print-footer' },
      `Pijnwijzer · ${data.title} · ${data.source ? citationText(data.source) : ''}`,
    ),
  );
  update();
  return data.title;
}

export function render(container, { match, path }) {
  if (path.startsWith('/checklist/')) {
    let id = match[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep it */
    }
    return one(container, id);
  }
  return list(container);
}
