// #/veranderd and #/veranderd/<versie>: what changed in the guidance's content, per release. Each
// release lists the parts it added, removed and changed, and for a changed part what changed in
// it (grade, position, statement, cautions, lay text); the content built since the newest release,
// if it differs, comes first.
import { releases, changes, version } from '../pkg/pijnwijzer.js';
import { strengthText, positionLabel } from '../labels.js';
import { h, route, nodeHref, pageHeading, fill, isPatient, shownTitle, didYouMean } from '../dom.js';

/** What changed in a part, in words: a short field with before and after, a text by name. */
const FIELDS = {
  strength: ['Sterkte', (v) => (v ? strengthText({ strength: v }).split(' · ')[0] : 'geen')],
  direction: ['Richting', (v) => ({ for: 'voor', against: 'tegen' })[v] ?? 'geen'],
  force: ['Kracht', (v) => v ?? 'geen'],
  position: ['Standpunt', (v) => (v ? positionLabel(v) : 'geen')],
  layTitle: ['Titel voor patiënten', (v) => v ?? 'geen'],
  statement: ['de aanbeveling zelf'],
  cautions: ['de voorzichtigheid'],
  layText: ['de uitleg voor patiënten'],
};

/** "7 december 2026" for "2026-12-07". */
function day(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function fieldText(change) {
  const [label, show] = FIELDS[change.field] ?? [change.field];
  return show ? `${label}: ${show(change.from)} → ${show(change.to)}` : `${label} is gewijzigd`;
}

function partList(heading, parts, withFields, linked = true) {
  if (parts.length === 0) return null;
  return h(
    'section',
    { class: 'changes' },
    h('h2', {}, `${heading} (${parts.length})`),
    h(
      'ul',
      {},
      parts.map((part) =>
        h(
          'li',
          {},
          linked ? h('a', { href: nodeHref(part.id) }, shownTitle(part)) : shownTitle(part),
          withFields && part.fields.length
            ? h(
                'ul',
                { class: 'fields' },
                part.fields.map((f) => h('li', {}, fieldText(f))),
              )
            : null,
        ),
      ),
    ),
  );
}

function changeLists(answer) {
  return [
    partList('Gewijzigd', answer.changed, true),
    partList('Nieuw', answer.added, false),
    partList('Verwijderd', answer.removed, false, false),
  ];
}

function overview(container) {
  const all = releases();
  const info = version();
  const newest = all[0];
  const unreleased = newest && info.contentVersion !== newest.name ? changes(newest.name) : null;
  fill(
    container,
    pageHeading('Wat is er veranderd'),
    h(
      'p',
      { class: 'lead' },
      'De inhoud van Pijnwijzer krijgt een nieuwe versie wanneer een aanbeveling, haar sterkte, een voorzichtigheid of een uitleg voor patiënten verandert. Hier staat per versie wat er veranderde.',
    ),
    h('p', {}, `Deze site toont versie ${info.contentVersion}, gebouwd op ${day(info.built)}.`),
    unreleased
      ? h('section', { class: 'card' }, h('h2', {}, `Sinds versie ${newest.name}`), changeLists(unreleased))
      : null,
    h(
      'ul',
      { class: 'releases' },
      all.map((r) =>
        h(
          'li',
          {},
          h('a', { href: route(`/veranderd/${encodeURIComponent(r.name)}`) }, `Versie ${r.name}`),
          ` · ${day(r.date)} · `,
          r.previous
            ? `${r.changed} gewijzigd, ${r.added} nieuw, ${r.removed} verwijderd`
            : `eerste versie, ${r.nodes} onderdelen`,
        ),
      ),
    ),
  );
  return 'Wat is er veranderd';
}

function one(container, name) {
  const release = releases().find((r) => r.name === name);
  if (!release) {
    fill(
      container,
      pageHeading('Versie niet gevonden'),
      h('p', {}, `Geen versie met de naam ${name}.`),
      didYouMean(
        releases().map((r) => r.name),
        (n) => route(`/veranderd/${encodeURIComponent(n)}`),
      ),
    );
    return 'Niet gevonden';
  }
  fill(
    container,
    h('p', { class: 'back' }, h('a', { href: route('/veranderd') }, '← Alle versies')),
    pageHeading(`Versie ${release.name}`),
    h(
      'p',
      { class: 'lead' },
      release.previous
        ? `Van ${day(release.date)}. Wat er veranderde sinds versie ${release.previous}.`
        : `Van ${day(release.date)}: de eerste versie, met ${release.nodes} onderdelen.`,
    ),
    release.previous ? changeLists(changes(release.previous, release.name)) : null,
    isPatient() ? null : h('p', { class: 'help' }, 'Ook als gegevens: changes() in het npm-pakket.'),
  );
  return `Versie ${release.name}`;
}

export function render(container, { match }) {
  let name = match[1];
  if (!name) return overview(container);
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it */
  }
  return one(container, name);
}
