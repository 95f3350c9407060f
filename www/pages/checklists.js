// #/checklists and #/checklist/<id>: the checklists, and one checklist to tick off or print. The
// checklist itself is the <pijn-checklist> element educators embed, so the site shows what they
// embed; the page adds the site's own parts: the way back, the print button and a print footer.
import { checklists, checklist } from '../pkg/pijnwijzer.js';
import { loadChecked } from '../pkg/components/pijn-checklist.js';
import { citationText, kindLabel, vocabulary } from '../labels.js';
import { h, route, pageHeading, isPatient, fill, didYouMean, shownTitle } from '../dom.js';

/** `items` grouped by source document, each group under its document's short name. */
function groups(items, idPrefix) {
  const names = new Map(vocabulary.documents.map((d) => [d.id, d.short]));
  const byDocument = new Map();
  for (const c of items) {
    const key = c.document ?? 'overig';
    if (!byDocument.has(key)) byDocument.set(key, []);
    byDocument.get(key).push(c);
  }
  return [...byDocument].map(([doc, listed]) =>
    h(
      'section',
      { class: 'checklist-group', 'aria-labelledby': `${idPrefix}-${doc}` },
      h('h2', { id: `${idPrefix}-${doc}` }, names.get(doc) ?? 'Overig'),
      h(
        'ul',
        { class: 'checklist-index' },
        listed.map((c) => {
          const done = loadChecked(c.id, c.items).size;
          return h(
            'li',
            {},
            h('a', { href: route(`/checklist/${encodeURIComponent(c.id)}`) }, shownTitle(c)),
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
  );
}

/**
 * Every checklist by document. A patient sees first those with an explanation in plain words
 * (a lay title): the others are the clinicians' lists in their own words, folded away below.
 */
function list(container) {
  const all = checklists();
  if (!isPatient()) {
    fill(
      container,
      pageHeading('Checklists'),
      h(
        'p',
        { class: 'lead' },
        'Afvinken tijdens het consult of afdrukken als hand-out. Wat u afvinkt, blijft alleen in deze browser.',
      ),
      groups(all, 'cl'),
    );
    return 'Checklists';
  }
  const explained = all.filter((c) => c.layTitle);
  const rest = all.filter((c) => !c.layTitle);
  fill(
    container,
    pageHeading('Lijsten'),
    h(
      'p',
      { class: 'lead' },
      'Lijsten met de belangrijkste punten uit de richtlijnen. Bij elke lijst hieronder staat eerst een uitleg in gewone woorden; de punten om af te vinken zijn geschreven voor zorgverleners. Wat u afvinkt, blijft alleen in deze browser.',
    ),
    groups(explained, 'cl'),
    rest.length
      ? h(
          'details',
          { class: 'checklist-rest' },
          h('summary', {}, `Lijsten voor zorgverleners, in hun vaktaal (${rest.length})`),
          groups(rest, 'cl-zorg'),
        )
      : null,
  );
  return 'Lijsten';
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
  const print = h('button', { type: 'button', id: 'checklist-print' }, 'Afdrukken');
  print.addEventListener('click', () => window.print());
  fill(
    container,
    h(
      'p',
      { class: 'back no-print' },
      h('a', { href: route('/checklists') }, isPatient() ? '← Alle lijsten' : '← Alle checklists'),
    ),
    isPatient() ? null : h('div', { class: 'hit-meta' }, h('span', { class: 'kind' }, kindLabel('checklist'))),
    // The page's heading (focused on arrival); the element's own title is hidden by style.css.
    pageHeading(shownTitle(data)),
    h('div', { class: 'toolbar no-print' }, print),
    h('pijn-checklist', {
      checklist: data.id,
      kop: '2',
      voor: isPatient() ? 'patient' : null,
      link: route('/n/{id}'),
    }),
    h(
      'p',
      { class: 'print-only print-footer' },
      `Pijnwijzer · ${shownTitle(data)} · ${data.source ? citationText(data.source) : ''}`,
    ),
  );
  return shownTitle(data);
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
