// #/medicatie and #/medicatie/<naam>: type any drug name (brand, generic, typo) and get the
// caution card; below it, every drug and drug class to browse.
import { medication, medications } from '../pkg/pijnwijzer.js';
import { citationText, positionLabel, strengthText } from '../labels.js';
import {
  h,
  trustedHtml,
  renderBadges,
  route,
  nodeHref,
  nodeRefItem,
  isPatient,
  pageHeading,
  fill,
  didYouMean,
} from '../dom.js';

const SECTIONS = [
  ['cautions', 'Voorzichtig'],
  ['adverseEffects', 'Ongewenste effecten'],
  ['dependence', 'Misbruik en afhankelijkheid'],
  ['riskGroups', 'Risicogroepen'],
  ['startStop', 'Starten en stoppen'],
  ['dose', 'Dosis'],
  ['notCovered', 'Niet in de richtlijn'],
];

/**
 * The notice for a name that is not one the guidance uses: no card, so that a reader never sees the
 * guidance for another drug than the one typed, but the closest names as links ("Bedoelt u…").
 * `guess` is the name the module's near-spelling matching finds, if any; the module's error lists
 * other close names in `suggestions`.
 */
function notFound(name, guess, error) {
  const offered = [...new Set([guess, ...(error?.suggestions ?? [])].filter((n) => n && n !== name))];
  return h(
    'div',
    { class: 'card notice' },
    h('h2', { tabindex: '-1' }, 'Geen middel gevonden'),
    h('p', {}, `De richtlijnen noemen geen middel "${name}".`),
    didYouMean(offered, (n) => route(`/medicatie/${encodeURIComponent(n)}`)),
    h('p', {}, 'Staat het middel niet in de lijst hieronder, dan doen de richtlijnen er geen uitspraak over.'),
  );
}

/** A name folded as the module folds it: lower case, without accents. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The first block of a module-rendered text: the class's statement without its tables. */
function firstParagraph(html) {
  const body = trustedHtml(h('div', { class: 'layer-body' }), html);
  while (body.children.length > 1) body.lastElementChild.remove();
  return body;
}

function section(title, text, className = '') {
  if (!text || !text.html) return null;
  return h(
    'section',
    { class: `med-section ${className}` },
    h('h3', {}, title),
    trustedHtml(h('div', { class: 'layer-body' }), text.html),
  );
}

function card(med) {
  const patient = isPatient();
  const grade = strengthText(med);
  const facts = h(
    'dl',
    { class: 'med-facts' },
    h('div', {}, h('dt', {}, 'Standpunt'), h('dd', {}, positionLabel(med.position))),
    patient
      ? null
      : h(
          'div',
          {},
          h('dt', {}, 'Sterkte'),
          h(
            'dd',
            {},
            grade ?? 'niet gegradeerd',
            med.gradedBy && med.gradedBy !== med.id && med.class
              ? ` (van de klasse ${med.class.title.split(':')[0]})`
              : '',
          ),
        ),
  );
  let classCaution = null;
  if (med.class) {
    let cls = null;
    try {
      cls = medication(med.class.id);
    } catch {
      /* no class card */
    }
    classCaution = h(
      'section',
      { class: 'med-section class-caution' },
      h('h3', {}, 'Geldt voor de hele klasse'),
      h(
        'p',
        {},
        h('a', { href: route(`/medicatie/${encodeURIComponent(med.class.id)}`) }, med.class.title),
        med.class.citation ? h('span', { class: 'citation-inline' }, ` · ${med.class.citation}`) : null,
      ),
      cls?.statement?.html ? firstParagraph(cls.statement.html) : null,
      (cls?.cautions ?? cls?.dependence)?.html
        ? trustedHtml(h('div', { class: 'layer-body' }), (cls.cautions ?? cls.dependence).html)
        : null,
    );
  }
  const lay = med.lay?.html
    ? h(
        'details',
        { class: 'layer lay', open: patient },
        h('summary', {}, h('h3', { class: 'layer-title' }, 'Voor patiënten')),
        trustedHtml(h('div', { class: 'layer-body' }), med.lay.html),
      )
    : null;
  return h(
    'article',
    { class: 'card med-card', 'aria-labelledby': 'med-title' },
    h(
      'div',
      { class: 'hit-meta' },
      h('span', { class: 'kind' }, med.class ? 'Middel' : med.members.length ? 'Klasse van middelen' : 'Middel'),
      renderBadges(med),
    ),
    h('h2', { id: 'med-title', tabindex: '-1' }, med.title),
    med.source ? h('p', { class: 'citation' }, citationText(med.source)) : null,
    med.aliases.length
      ? h(
          'p',
          { class: 'aliases' },
          h('span', { class: 'fact-label' }, 'Ook bekend als: '),
          med.aliases.slice(0, 12).join(', '),
        )
      : null,
    patient ? lay : null,
    facts,
    trustedHtml(h('div', { class: 'statement' }), med.statement.html),
    classCaution,
    SECTIONS.map(([key, title]) => section(title, med[key], key)),
    med.members.length
      ? h(
          'section',
          { class: 'med-section' },
          h('h3', {}, 'Middelen in deze klasse'),
          h(
            'ul',
            {},
            med.members.map((m) =>
              h('li', {}, h('a', { href: route(`/medicatie/${encodeURIComponent(m.id)}`) }, m.title)),
            ),
          ),
        )
      : null,
    patient ? null : lay,
    med.generalRules.length
      ? h(
          'section',
          { class: 'med-section rules' },
          h('h3', {}, 'Algemene regels voor elk middel'),
          h('ul', {}, med.generalRules.map(nodeRefItem)),
        )
      : null,
    h('p', {}, h('a', { href: nodeHref(med.id) }, 'De volledige aanbeveling met onderbouwing')),
  );
}

function browseList() {
  const all = medications();
  const classes = all.filter((m) => !m.class);
  const members = (id) => all.filter((m) => m.class === id);
  const entry = (m) =>
    h(
      'li',
      {},
      h('a', { href: route(`/medicatie/${encodeURIComponent(m.id)}`) }, m.title.split(':')[0]),
      h('span', { class: 'med-pos' }, ` · ${positionLabel(m.position)}`),
      !isPatient() && m.strength ? h('span', { class: 'med-grade' }, ` · ${strengthText(m)}`) : null,
    );
  return h(
    'section',
    { class: 'med-list', 'aria-labelledby': 'med-list-heading' },
    h('h2', { id: 'med-list-heading' }, 'Alle middelen in de richtlijnen'),
    h(
      'ul',
      { class: 'columns' },
      classes.map((c) => {
        const li = entry(c);
        const sub = members(c.id);
        if (sub.length) li.append(h('ul', {}, sub.map(entry)));
        return li;
      }),
    ),
  );
}

export function render(container, { match }) {
  let name = match[1] ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it as typed */
  }
  const field = h('input', {
    id: 'med-q',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    value: name,
    placeholder: 'Bijv. Lyrica, tramadol, ibuprofen',
    'aria-describedby': 'med-help',
    list: 'med-names',
  });
  // Every name the guidance uses (generic, brand, class), by its folded form.
  const names = new Map();
  for (const m of medications()) {
    for (const n of [m.title.split(':')[0], ...m.aliases]) if (!names.has(fold(n))) names.set(fold(n), n);
  }
  const datalist = h(
    'datalist',
    { id: 'med-names' },
    [...names.values()].sort((a, b) => a.localeCompare(b, 'nl')).map((n) => h('option', { value: n })),
  );
  const out = h('div', { id: 'med-result', 'aria-live': 'polite' });
  // A card only for a name the guidance uses, in any case; anything else gets "Bedoelt u…".
  const show = (value, focus = false) => {
    const text = value.trim();
    if (!text) {
      fill(out);
      return;
    }
    if (names.has(fold(text))) {
      fill(out, card(medication(text)));
    } else {
      let guess = null;
      let error = null;
      try {
        guess = medication(text).title.split(':')[0];
      } catch (thrown) {
        error = thrown;
      }
      fill(out, notFound(text, guess, error));
    }
    if (focus) out.querySelector('h2')?.focus();
  };
  const form = h(
    'form',
    { class: 'search med-search', role: 'search' },
    h('label', { for: 'med-q' }, 'Welk middel?'),
    h('div', { class: 'search-row' }, field, datalist, h('button', { type: 'submit' }, 'Zoek')),
    h(
      'p',
      { id: 'med-help', class: 'help' },
      'Merknaam of stofnaam, in hoofd- of kleine letters. Bij een verschrijving stelt de pagina de juiste naam voor.',
    ),
  );
  // While typing, the card follows the field: a full name shows its card at once, anything else
  // clears it, and the address follows too.
  field.addEventListener('input', () => {
    const value = field.value.trim();
    const known = names.has(fold(value));
    history.replaceState(null, '', known ? route(`/medicatie/${encodeURIComponent(value)}`) : route('/medicatie'));
    if (known) show(value);
    else fill(out);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = field.value.trim();
    history.replaceState(null, '', value ? route(`/medicatie/${encodeURIComponent(value)}`) : route('/medicatie'));
    show(value, true);
  });
  fill(
    container,
    pageHeading('Medicatie: wat zeggen de richtlijnen?'),
    h(
      'p',
      { class: 'lead' },
      'Standpunt, sterkte van de aanbeveling, voorzichtigheid en wat de richtlijn niet regelt, per middel of klasse.',
    ),
    form,
    out,
    browseList(),
  );
  show(name);
  return name ? `${name} · Medicatie` : 'Medicatie';
}
