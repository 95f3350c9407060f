// #/medicatie and #/medicatie/<naam or id>: type any drug name (brand, generic, typo) and get the
// caution card; below it, every drug and drug class side by side. #/medicatie?toon=overzicht: that
// overview alone, for pharmacists to bookmark or print.
import { medication, medications, search } from '../pkg/pijnwijzer.js';
import { crisisLines } from '../pkg/components/terms.js';
import { citationText, positionLabel, strengthText } from '../labels.js';
import {
  h,
  trustedHtml,
  renderBadges,
  route,
  nodeHref,
  nodeRefItem,
  isPatient,
  shownTitle,
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

/** The card of a drug or class, by name or id. */
const cardHref = (name) => route(`/medicatie/${encodeURIComponent(name)}`);

/** A drug's or class's name: its title up to the colon ("Tramadol", "Opioïden"). */
const nameOf = (med) => med.title.split(':')[0];

/** What to be careful with: the cautions, or where the guidance lists none (the opioids), dependence. */
const cautionOf = (med) => med.cautions ?? med.dependence;

/** The first paragraph or list item of a text, as plain text. */
const firstPoint = (text) => text.text.split('\n')[0].replace(/^- /, '');

/**
 * The notice for a name that is not one the guidance uses: no card, so that a reader never sees the
 * guidance for another drug than the one typed, but the closest names as links ("Bedoelt u…").
 * `guesses` are the names found for it (see guessesFor); the module's error lists other close
 * names in `suggestions`.
 */
function notFound(name, guesses, error) {
  const offered = [...new Set([...guesses, ...(error?.suggestions ?? [])].filter((n) => n && n !== name))];
  return h(
    'div',
    { class: 'card notice' },
    h('h2', { tabindex: '-1' }, 'Geen middel gevonden'),
    h('p', {}, `De richtlijnen noemen geen middel "${name}".`),
    didYouMean(offered, cardHref),
    h('p', {}, 'Staat het middel niet in het overzicht hieronder, dan doen de richtlijnen er geen uitspraak over.'),
  );
}

/**
 * The names to offer for `text`, which the guidance does not use as a name, given what the module
 * found for it: a near spelling's drug; for words found by a search, the best three drugs or
 * classes, since the best one alone answered "pijnstillers" with the opioids. A drug whose class
 * is offered already is left out: the class's card names it.
 */
function guessesFor(text, found) {
  if (!found) return [];
  if (found.foundBy !== 'search') return [nameOf(found)];
  const offered = [];
  for (const hit of search(text, { kind: 'medication', limit: 10 })) {
    if (hit.gradedBy && offered.some((o) => o.id === hit.gradedBy.id)) continue;
    offered.push(hit);
    if (offered.length === 3) break;
  }
  return offered.map(nameOf);
}

/** The page's name for its reader: medicines for a patient, medication for a clinician. */
const pageName = () => (isPatient() ? 'Medicijnen' : 'Medicatie');

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

/**
 * What the class's position adds to a drug's on its card: the class it shares its position with,
 * or, for a drug without a statement of its own (`via-class`), the class's position, named as the
 * class's. `via` gives the class's name as a link.
 */
function classPosition(med, cls, via) {
  if (!cls) return null;
  if (med.position === 'via-class') return [via(), ': ', positionLabel(cls.position)];
  return cls.position === med.position ? via() : null;
}

/**
 * Position and strength, first under the title. A drug under a class says that they come from the
 * class, since the class's recommendation is what governs it. Patients get the position in words only.
 */
function facts(med, cls) {
  const via = () => [', via de klasse ', h('a', { href: cardHref(cls.id) }, nameOf(cls))];
  return h(
    'dl',
    { class: 'med-facts' },
    h('div', {}, h('dt', {}, 'Standpunt'), h('dd', {}, positionLabel(med.position), classPosition(med, cls, via))),
    isPatient()
      ? null
      : h(
          'div',
          {},
          h('dt', {}, 'Sterkte'),
          h('dd', {}, strengthText(med) ?? 'niet gegradeerd', cls && med.gradedBy ? via() : null),
        ),
  );
}

function card(med) {
  const patient = isPatient();
  const cls = med.class ? medication(med.class.id) : null;
  const classCaution = cls
    ? h(
        'section',
        { class: 'med-section class-caution' },
        h('h3', {}, 'Geldt voor de hele klasse'),
        h(
          'p',
          {},
          h('a', { href: cardHref(cls.id) }, cls.title),
          med.class.citation ? h('span', { class: 'citation-inline' }, ` · ${med.class.citation}`) : null,
        ),
        cls.statement.html ? firstParagraph(cls.statement.html) : null,
        cautionOf(cls) ? trustedHtml(h('div', { class: 'layer-body' }), cautionOf(cls).html) : null,
      )
    : null;
  const lay = med.lay?.html
    ? h(
        'details',
        { class: 'layer lay', open: patient },
        h('summary', {}, h('h3', { class: 'layer-title' }, 'Voor patiënten')),
        trustedHtml(h('div', { class: 'layer-body' }), med.lay.html),
        crisisLines(med.lay.text),
      )
    : null;
  const statement = trustedHtml(h('div', { class: 'statement' }), med.statement.html);
  const sections = SECTIONS.map(([key, title]) => section(title, med[key], key));
  const members = med.members.length
    ? h(
        'section',
        { class: 'med-section' },
        h('h3', {}, 'Middelen in deze klasse'),
        h(
          'ul',
          {},
          med.members.map((m) => h('li', {}, h('a', { href: cardHref(m.id) }, shownTitle(m)))),
        ),
      )
    : null;
  const rules = med.generalRules.length
    ? h(
        'section',
        { class: 'med-section rules' },
        h('h3', {}, 'Algemene regels voor elk middel'),
        h('ul', {}, med.generalRules.map(nodeRefItem)),
      )
    : null;
  const more = h('p', {}, h('a', { href: nodeHref(med.id) }, 'De volledige aanbeveling met onderbouwing'));
  return h(
    'article',
    { class: 'card med-card', 'aria-labelledby': 'med-title' },
    h(
      'div',
      { class: 'hit-meta' },
      h('span', { class: 'kind' }, med.members.length ? 'Klasse van middelen' : 'Middel'),
      // The facts under the title say which class the grade comes from.
      renderBadges({ strength: med.strength, direction: med.direction, position: med.position }),
    ),
    h('h2', { id: 'med-title', tabindex: '-1' }, shownTitle(med)),
    facts(med, cls),
    med.source ? h('p', { class: 'citation' }, citationText(med.source)) : null,
    // The names it is found by, misspellings included, help a clinician check a lookup; a patient
    // would read the misspellings as names.
    med.aliases.length && !isPatient()
      ? h(
          'p',
          { class: 'aliases' },
          h('span', { class: 'fact-label' }, 'Ook te vinden met: '),
          med.aliases.slice(0, 12).join(', '),
        )
      : null,
    // The recommendation is written for care providers and names grades ("GRADE 2C"): patients
    // read the lay text first and open the rest on purpose.
    patient
      ? [
          lay,
          members,
          h(
            'details',
            { class: 'med-professional' },
            h('summary', {}, 'Voor zorgverleners: de aanbeveling met sterkte en voorzichtigheid'),
            statement,
            classCaution,
            sections,
            rules,
            more,
          ),
        ]
      : [statement, classCaution, sections, members, lay, rules, more],
  );
}

/**
 * Every drug and class side by side, grouped by class (a class first, then its drugs): for care
 * providers a table of position, strength and the first point of what to be careful with; for
 * patients a list of lay titles (see layOverview). Each entry links to its card.
 */
function overview() {
  const all = medications().map((summary) => medication(summary.id));
  const byName = (a, b) => nameOf(a).localeCompare(nameOf(b), 'nl');
  const groups = all
    .filter((med) => !med.class)
    .sort(byName)
    .map((head) => [head, ...all.filter((med) => med.class?.id === head.id).sort(byName)]);
  return isPatient() ? layOverview(groups) : overviewTable(all, groups);
}

/**
 * For patients: each class and drug by its lay title, which gives the guidance's position and its
 * main caution in plain words and was checked against the source like the lay text; a class's
 * drugs in a list under it. No professional columns, and nothing to scroll sideways on a phone. A
 * lay title without the drug's name ("Slaap- en kalmeerpillen: …") is followed by it, so that a
 * reader who knows the name finds it.
 */
function layOverview(groups) {
  const entry = (med) => {
    const lay = med.layTitle ?? nameOf(med);
    const [firstWord] = nameOf(med).toLocaleLowerCase('nl').split(/[\s(]/);
    const named = lay.toLocaleLowerCase('nl').includes(firstWord);
    return [
      h('a', { href: cardHref(med.id) }, lay),
      named ? null : h('span', { class: 'med-note' }, ` · ${nameOf(med)}`),
    ];
  };
  const count = groups.flat().length;
  return h(
    'div',
    { class: 'med-lay-overview' },
    h('p', { class: 'med-lay-count' }, `Alle ${count} middelen en groepen middelen, in gewone woorden:`),
    h(
      'ul',
      {},
      groups.map(([head, ...members]) =>
        h(
          'li',
          {},
          entry(head),
          members.length
            ? h(
                'ul',
                {},
                members.map((med) => h('li', {}, entry(med))),
              )
            : null,
        ),
      ),
    ),
  );
}

/** For care providers: the table of every drug and class; a drug without a caution of its own shows its class's. */
function overviewTable(all, groups) {
  const byId = new Map(all.map((med) => [med.id, med]));
  const note = (text) => h('span', { class: 'med-note' }, text);
  const row = (med) => {
    const cls = med.class ? byId.get(med.class.id) : null;
    const own = cautionOf(med);
    const caution = own ?? (cls && cautionOf(cls));
    return h(
      'tr',
      { class: med.members.length ? 'med-class-row' : cls ? 'med-member-row' : null },
      h('td', {}, cls ? nameOf(cls) : med.members.length ? nameOf(med) : '—'),
      h(
        'th',
        { scope: 'row', class: 'med-name' },
        h('a', { href: cardHref(med.id) }, nameOf(med)),
        med.members.length ? note(' (hele klasse)') : null,
      ),
      h(
        'td',
        {},
        positionLabel(med.position),
        cls && med.position === 'via-class' ? note(`; klasse: ${positionLabel(cls.position)}`) : null,
      ),
      h(
        'td',
        { class: 'med-strength' },
        strengthText(med) ?? 'niet gegradeerd',
        med.gradedBy ? note(', via klasse') : null,
      ),
      h('td', { class: 'med-caution' }, caution ? [own ? null : note('Via klasse: '), firstPoint(caution)] : '—'),
    );
  };
  const columns = [['Klasse'], ['Middel', 'med-name'], ['Standpunt'], ['Sterkte'], ['Voorzichtig (eerste punt)']];
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Overzicht van alle middelen' },
    h(
      'table',
      { class: 'med-overview' },
      h('caption', {}, `Alle ${all.length} middelen en klassen, per klasse`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map(([text, className]) => h('th', { scope: 'col', class: className }, text)),
        ),
      ),
      groups.map((group) => h('tbody', {}, group.map(row))),
    ),
  );
}

function renderOverview(container) {
  fill(
    container,
    h('p', { class: 'back' }, h('a', { href: route('/medicatie') }, '← Eén middel opzoeken')),
    pageHeading(`${pageName()}: alle middelen naast elkaar`),
    overview(),
  );
  return `Alle middelen · ${pageName()}`;
}

export function render(container, { match, params }) {
  if (params.get('toon') === 'overzicht') return renderOverview(container);
  let name = match[1] ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it as typed */
  }
  const all = medications();
  // Links from other views and from the overview name a card by its id; the field shows its name.
  const named = all.find((m) => m.id === name);
  const field = h('input', {
    id: 'med-q',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    value: named ? nameOf(named) : name,
    placeholder: 'Bijv. Lyrica of tramadol',
    'aria-describedby': 'med-help',
    list: 'med-names',
  });
  // Every name the guidance uses (generic, brand, class), by its folded form.
  const names = new Map();
  for (const m of all) {
    for (const n of [nameOf(m), ...m.aliases]) if (!names.has(fold(n))) names.set(fold(n), n);
  }
  // The card for a text, only when the module read it as an id or as one of a drug's names (alone,
  // or among words that name no other drug: "tramadol 50mg", a prescription's line): a reader never
  // sees the guidance for another drug than the one typed. A near spelling or a search's best hit is offered as "Bedoelt u…" instead.
  const lookUp = (text) => {
    try {
      return { found: medication(text), error: null };
    } catch (error) {
      return { found: null, error };
    }
  };
  const asked = (found) => found?.foundBy === 'id' || found?.foundBy === 'name';
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
    const { found, error } = lookUp(text);
    if (asked(found)) fill(out, card(found));
    else fill(out, notFound(text, guessesFor(text, found), error));
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
    const { found } = value ? lookUp(value) : { found: null };
    history.replaceState(null, '', asked(found) ? cardHref(value) : route('/medicatie'));
    if (asked(found)) fill(out, card(found));
    else fill(out);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = field.value.trim();
    history.replaceState(null, '', value ? cardHref(value) : route('/medicatie'));
    show(value, true);
  });
  fill(
    container,
    pageHeading(`${pageName()}: wat zeggen de richtlijnen?`),
    h(
      'p',
      { class: 'lead' },
      isPatient()
        ? 'Wat de richtlijnen zeggen over medicijnen bij langdurige pijn, per middel of groep middelen.'
        : 'Standpunt, sterkte van de aanbeveling, voorzichtigheid en wat de richtlijn niet regelt, per middel of klasse.',
    ),
    form,
    out,
    h(
      'section',
      { class: 'med-all', 'aria-labelledby': 'med-all-heading' },
      h('h2', { id: 'med-all-heading' }, 'Alle middelen naast elkaar'),
      isPatient()
        ? null
        : h('p', {}, h('a', { href: route('/medicatie', { toon: 'overzicht' }) }, 'Alleen het overzicht tonen')),
      overview(),
    ),
  );
  show(name);
  return name ? `${named ? nameOf(named) : name} · ${pageName()}` : pageName();
}
