// The clinician's lookup: search as you type with filters, open a result, follow links, and the
// pages for medication, referral, stepped care and checklists. Every view has a hash route that
// survives a reload. Text goes into the page with textContent; the only HTML inserted is what
// the module returns as safe HTML (compiler-rendered layers and escaped snippets).
import init, {
  search,
  node,
  compare,
  suggestQuestions,
  prepareSearch,
  unknownWords,
  redFlags,
  lay as layExplanation,
  vocabulary as vocabularies,
} from './pkg/pijnwijzer.js';
import { citationText, kindLabel, edgeLabel, agreementLabel, useVocabulary, vocabulary } from './labels.js';
import {
  alarmSignalsPointer,
  shownHits,
  crisisLines,
  prepareSearchWhenIdle,
  QuestionSuggestions,
  unknownWordsNote,
  withoutWords,
} from './pkg/components/terms.js';
import {
  h,
  trustedHtml,
  renderBadges,
  route as href,
  nodeHref,
  getAudience,
  setAudience,
  addressAudience,
  chosenAudience,
  isPatient,
  shownTitle,
  fill,
  didYouMean,
} from './dom.js';

const $ = (id) => document.getElementById(id);
const input = $('q');
const results = $('results');
const detail = $('detail');
const status = $('status');
const retry = $('retry');
const alarm = $('alarm');
const searchView = $('view-zoeken');
const pageView = $('view-page');
const searchHeading = $('search-heading');
const FILTERS = [
  { param: 'bron', option: 'document', select: $('f-bron') },
  { param: 'soort', option: 'kind', select: $('f-soort') },
  { param: 'rol', option: 'actor', select: $('f-rol') },
  { param: 'stap', option: 'step', select: $('f-stap'), number: true },
];
const TITLE = 'Pijnwijzer: richtlijnen chronische pijn';

// ---------------------------------------------------------------- search

function filterParams() {
  const params = {};
  for (const f of FILTERS) if (f.select.value) params[f.param] = f.select.value;
  return params;
}

function searchOptions() {
  const options = { limit: 20, prefix: true };
  if (isPatient()) return { ...options, audience: 'patient' };
  for (const f of FILTERS) {
    if (f.select.value) options[f.option] = f.number ? Number(f.select.value) : f.select.value;
  }
  return options;
}

/** The filters in force: none in the patient view, which has no professional filters. */
const activeFilters = () => (isPatient() ? [] : FILTERS.filter((f) => f.select.value));

function searchHash(query = input.value) {
  return href('/', { q: query, ...filterParams() });
}

/**
 * Says `text` in the status line, which a screen reader reads out: only when it says something
 * new, so that a view drawn again (the module after the first search, a switch of mode) does not
 * repeat it.
 */
function announce(text) {
  if (status.textContent !== text) status.textContent = text;
}

function showResults(query) {
  detail.hidden = true;
  showFilters(true);
  searchHeading.hidden = false;
  results.hidden = false;
  results.replaceChildren();
  retry.replaceChildren();
  alarm.replaceChildren();
  const active = activeFilters().length;
  $('filters-reset').hidden = active === 0;
  $('filters-toggle').textContent = active ? `Filters (${active})` : 'Filters';
  $('quick').hidden = Boolean(query.trim());
  if (!query.trim()) {
    announce(active ? 'Typ een zoekterm; de filters beperken de resultaten.' : '');
    return;
  }
  let hits;
  let counted;
  try {
    ({ hits, counted } = shownHits(firstSearch?.search ?? search, query, searchOptions()));
  } catch (error) {
    announce('Zoeken lukte niet met deze filters. Wis de filters en probeer het opnieuw.');
    return;
  }
  const filtered = active ? ` (met ${active === 1 ? '1 filter' : `${active} filters`})` : '';
  if (firstSearch) {
    // The search's files give the hits, not the words the guidance lacks nor what to try instead:
    // the module draws the view again with those once it is in. Until the hits' files are in, the
    // page says it is searching.
    announce(hits.length ? `${counted} voor "${query}"${filtered}` : firstSearch.needs() ? searching(query) : '');
  } else {
    const unknown = unknownWords(query, searchOptions());
    const note = unknownWordsNote(unknown, hits.length);
    announce(
      hits.length === 0
        ? `Niets gevonden voor "${query}"${filtered}. ${note || `De richtlijnen zeggen hier mogelijk niets over; probeer een ander woord${active ? ' of wis de filters' : ''}.`}`
        : `${counted} voor "${query}"${filtered}${note ? `. ${note}` : ''}`,
    );
    if (hits.length === 0 && unknown.length) offerWithout(query, unknown);
    if (hits.length === 0 && isPatient())
      alarm.append(...(alarmSignalsPointer({ redFlags, lay: layExplanation }, nodeHref) ?? []));
  }
  hits.forEach((hit, index) => {
    const link = h('a', { href: nodeHref(hit.id), class: 'hit-title', 'data-index': index }, shownTitle(hit));
    results.append(
      h(
        'li',
        { class: 'hit' },
        h('div', { class: 'hit-meta' }, kindTag(hit.kind), forProfessionalsTag(hit), renderBadges(hit)),
        link,
        trustedHtml(h('p', { class: 'snippet' }), hit.snippet),
        h('p', { class: 'citation' }, citationText(hit.source)),
      ),
    );
  });
}

/** Offers the search without the words the guidance never uses, when that finds something. */
function offerWithout(query, unknown) {
  const rest = withoutWords(query, unknown);
  const found = rest ? search(rest, searchOptions()).length : 0;
  if (found === 0) return;
  const without = unknown.length === 1 ? 'dit woord' : 'deze woorden';
  retry.append(h('a', { href: searchHash(rest) }, `Zoek zonder ${without}: "${rest}"`));
}

/** The kind of a node as a tag ("Aanbeveling"); none in the patient view, where it means little. */
function kindTag(kind) {
  return isPatient() ? null : h('span', { class: 'kind' }, kindLabel(kind));
}

/**
 * For a patient, the tag on a node without a lay text (no title in a patient's words): what it
 * holds is written for care providers, as its page says when it opens.
 */
function forProfessionalsTag(item) {
  return isPatient() && !item.layTitle ? h('span', { class: 'kind' }, 'Voor zorgverleners') : null;
}

/**
 * Shows or hides the filters with the search: never in the patient view; on a narrow screen
 * behind the "Filters" button, so that the first result stays in view.
 */
function showFilters(visible) {
  const professional = visible && !isPatient();
  $('filters-toggle').hidden = !professional;
  $('filters').hidden = !professional;
}

function fillFilters() {
  const add = (select, value, label) => select.append(h('option', { value }, label));
  for (const d of vocabulary.documents) add(FILTERS[0].select, d.id, d.short);
  for (const k of vocabulary.kinds) add(FILTERS[1].select, k.id, k.label);
  for (const a of vocabulary.actors) add(FILTERS[2].select, a.id, a.label);
  for (const step of vocabulary.steps) add(FILTERS[3].select, String(step), `Stap ${step}`);
}

// ---------------------------------------------------------------- detail

const LAYER_ORDER = [
  'conditions',
  'practice',
  'cautions',
  'adverse_effects',
  'dependence',
  'risk_groups',
  'start_stop',
  'dose',
  'providers',
  'building_blocks',
  'move_up',
  'move_down',
  'rationale',
  'not_covered',
  'note',
  'lay',
];

function layerSection(layer, open) {
  const body = trustedHtml(h('div', { class: 'layer-body' }), layer.html);
  if (layer.key === 'main') return h('section', { class: 'layer main', 'aria-label': 'Kern' }, body);
  return h(
    'details',
    { class: `layer ${layer.key}`, open },
    h('summary', {}, h('h2', { class: 'layer-title' }, layer.title)),
    body,
    layer.key === 'lay' ? crisisLines(layer.text) : null,
  );
}

/** Topics (comparison nodes) this node belongs to, or the node itself when it is one. */
function comparisonTopics(item) {
  const ids = new Set();
  if (item.kind === 'topic') ids.add(item.id);
  for (const link of item.links) if (link.kind === 'topic') ids.add(link.id);
  return [...ids];
}

function comparisonSection(item) {
  const topics = comparisonTopics(item);
  if (topics.length === 0) return null;
  const blocks = [];
  for (const id of topics) {
    let topic;
    try {
      topic = compare(id);
    } catch {
      continue;
    }
    blocks.push(
      h(
        'div',
        { class: 'topic' },
        h(
          'h3',
          {},
          item.kind === 'topic' && topics.length === 1
            ? 'Per document'
            : h('a', { href: nodeHref(topic.id) }, topic.title),
        ),
        topic.intro?.html ? trustedHtml(h('div', { class: 'topic-intro' }), topic.intro.html) : null,
        h(
          'ul',
          { class: 'compare-grid' },
          topic.documents.map((d) =>
            h(
              'li',
              { class: `compare-doc agreement-${d.agreement}` },
              h('h4', {}, d.short),
              h(
                'p',
                { class: 'agreement' },
                h('span', { class: 'visually-hidden' }, 'Overeenstemming: '),
                agreementLabel(d.agreement),
              ),
              h('p', {}, d.point),
              d.nodes.length
                ? h(
                    'ul',
                    { class: 'compare-nodes' },
                    d.nodes.map((n) =>
                      h(
                        'li',
                        {},
                        h('a', { href: nodeHref(n.id) }, n.title),
                        n.citation ? h('span', { class: 'citation-inline' }, ` · ${n.citation}`) : null,
                      ),
                    ),
                  )
                : null,
            ),
          ),
        ),
      ),
    );
  }
  if (blocks.length === 0) return null;
  return h(
    'section',
    { class: 'compare', 'aria-labelledby': 'compare-heading' },
    h('h2', { id: 'compare-heading' }, 'Wat zeggen de andere documenten?'),
    blocks,
  );
}

/** One button that opens (or closes) every layer at once, for a reader who wants it all. */
function expandAll(sections) {
  const disclosures = sections.filter((element) => element instanceof HTMLDetailsElement);
  if (disclosures.length < 3) return null;
  const button = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' }, 'Alles openen');
  button.addEventListener('click', () => {
    const open = !disclosures.every((d) => d.open);
    for (const d of disclosures) d.open = open;
    sync();
  });
  const sync = () => {
    const all = disclosures.every((d) => d.open);
    button.textContent = all ? 'Alles sluiten' : 'Alles openen';
    button.setAttribute('aria-expanded', String(all));
  };
  for (const d of disclosures) d.addEventListener('toggle', sync);
  return h('p', { class: 'expand-all' }, button);
}

function showNode(id) {
  searchView.hidden = false;
  pageView.hidden = true;
  results.hidden = true;
  status.textContent = '';
  retry.replaceChildren();
  alarm.replaceChildren();
  detail.hidden = false;
  showFilters(false);
  $('quick').hidden = true;
  searchHeading.hidden = true;
  let item;
  try {
    item = node(id);
  } catch (error) {
    fill(
      detail,
      h('h1', { id: 'detail-title', tabindex: '-1' }, 'Niet gevonden'),
      h('p', {}, `Geen onderdeel met deze code: ${id}.`),
      didYouMean(error?.suggestions ?? [], (suggestion) => nodeHref(suggestion)),
      h('p', {}, h('a', { href: searchHash() }, 'Terug naar zoeken')),
    );
    document.title = `Niet gevonden · Pijnwijzer`;
    return;
  }
  const patient = isPatient();
  // The questions, in a patient's words, that the lay text answers.
  const answers = item.questions.length
    ? h(
        'section',
        { class: 'answers', 'aria-labelledby': 'answers-heading' },
        h('h2', { id: 'answers-heading' }, 'Deze uitleg beantwoordt'),
        h(
          'ul',
          {},
          item.questions.map((q) => h('li', {}, q)),
        ),
      )
    : null;
  const layers = [...item.layers].sort((a, b) => LAYER_ORDER.indexOf(a.key) - LAYER_ORDER.indexOf(b.key));
  const main = layers.find((l) => l.key === 'main');
  const lay = layers.find((l) => l.key === 'lay');
  const rest = layers.filter((l) => l !== main && l !== lay);
  const sections = [main && layerSection(main), ...rest.map((l) => layerSection(l, false))];
  // Clinicians read the links by what they mean; a patient reads each linked page once, under one
  // heading, since "Verwijst hiernaar" or "Afgeleid van" say little to them.
  const groups = new Map();
  for (const link of item.links) {
    const label = patient ? null : edgeLabel(link.edge, link.outgoing);
    if (!groups.has(label)) groups.set(label, new Map());
    groups.get(label).set(link.id, link);
  }
  const related =
    groups.size === 0
      ? null
      : h(
          'section',
          { class: 'links', 'aria-labelledby': 'links-heading' },
          h('h2', { id: 'links-heading' }, patient ? 'Lees ook' : 'Verbonden'),
          [...groups].map(([label, links]) =>
            h(
              'div',
              { class: 'link-group' },
              label ? h('h3', {}, label) : null,
              h(
                'ul',
                {},
                [...links.values()].map((l) =>
                  h(
                    'li',
                    {},
                    h('a', { href: nodeHref(l.id) }, shownTitle(l)),
                    ' ',
                    kindTag(l.kind),
                    forProfessionalsTag(l),
                  ),
                ),
              ),
            ),
          ),
        );
  const facts = [];
  const views = {
    checklist: [`/checklist/${encodeURIComponent(item.id)}`, 'Afvinken of afdrukken als checklist'],
    medication: [`/medicatie/${encodeURIComponent(item.id)}`, 'Bekijk de medicatiekaart'],
    step: ['/stappen', 'Bekijk in het schema van de vier stappen'],
  };
  if (item.feature === 'referral-matrix') views.referral = ['/verwijzen', 'Bekijk de verwijsmatrix als tabel'];
  if (views[item.kind])
    facts.push(
      h('p', { class: 'facts view-link' }, h('a', { href: href(views[item.kind][0]) }, `${views[item.kind][1]} →`)),
    );
  if (!patient && item.actors.length)
    facts.push(
      h(
        'p',
        { class: 'facts' },
        h('span', { class: 'fact-label' }, 'Voor: '),
        item.actors.map((a) => a.label).join(', '),
      ),
    );
  // When its normative content last changed: the release, or since the newest release; for
  // clinicians, who follow the guidance's versions (a patient reads the text as it stands).
  if (!patient)
    facts.push(
      h(
        'p',
        { class: 'facts changed' },
        h('span', { class: 'fact-label' }, 'Laatst gewijzigd: '),
        item.changedIn
          ? h(
              'a',
              { href: href(`/veranderd/${encodeURIComponent(item.changedIn.name)}`) },
              `versie ${item.changedIn.name}`,
            )
          : h('a', { href: href('/veranderd') }, 'na de laatste versie'),
      ),
    );
  const steps = item.steps.length ? item.steps : item.step ? [item.step] : [];
  if (!patient && steps.length)
    facts.push(
      h(
        'p',
        { class: 'facts' },
        h('span', { class: 'fact-label' }, 'Stap: '),
        steps.map((n) => `stap ${n}`).join(', '),
        ' ',
        h('a', { href: href('/stappen') }, '(stepped care)'),
      ),
    );
  const back = h(
    'p',
    { class: 'back' },
    h('a', { href: searchHash() }, input.value ? '← Terug naar de resultaten' : '← Terug naar zoeken'),
  );
  const citation = item.source ? h('p', { class: 'citation' }, citationText(item.source)) : null;
  if (patient) {
    // The lay text leads; what the guidance says for care providers, with its grade, is one click
    // away and labelled as such. A node without a lay text says so and shows that text open.
    const professional = [
      h('h3', { class: 'professional-title' }, item.title),
      h('div', { class: 'hit-meta' }, renderBadges(item, { always: true })),
      sections,
      comparisonSection(item),
    ];
    fill(
      detail,
      back,
      h('h1', { id: 'detail-title', tabindex: '-1' }, shownTitle(item)),
      citation,
      facts,
      lay
        ? [
            answers,
            layerSection(lay, true),
            h(
              'details',
              { class: 'layer for-professionals' },
              h('summary', {}, h('h2', { class: 'layer-title' }, 'Voor zorgverleners: wat de richtlijn zegt')),
              h('p', { class: 'help' }, 'Deze tekst is geschreven voor zorgverleners, in hun vaktaal.'),
              professional,
            ),
          ]
        : [
            h(
              'p',
              { class: 'notice' },
              'Hierover is geen uitleg voor patiënten. Hieronder staat wat de richtlijn zegt, geschreven voor zorgverleners.',
            ),
            professional,
          ],
      related,
    );
  } else {
    // The statement leads; the other layers, the lay text last, are one click away.
    const layers = [...sections, lay && layerSection(lay, false)].filter(Boolean);
    if (lay && answers) layers.at(-1).querySelector('.layer-body').before(answers);
    fill(
      detail,
      back,
      h('div', { class: 'hit-meta' }, kindTag(item.kind), renderBadges(item)),
      h('h1', { id: 'detail-title', tabindex: '-1' }, item.title),
      citation,
      facts,
      layers[0],
      expandAll(layers),
      layers.slice(1),
      comparisonSection(item),
      related,
    );
  }
  document.title = `${shownTitle(item)} · Pijnwijzer`;
}

// ---------------------------------------------------------------- routing

// Each page's module loads when it is first shown, so a search (most visits) waits for none of them.
const PAGES = [
  { match: /^\/medicatie(?:\/(.*))?$/, nav: 'medicatie', page: () => import('./pages/medicatie.js') },
  { match: /^\/verwijzen$/, nav: 'verwijzen', page: () => import('./pages/verwijzen.js') },
  { match: /^\/stappen$/, nav: 'stappen', page: () => import('./pages/stappen.js') },
  { match: /^\/checklists$/, nav: 'checklists', page: () => import('./pages/checklists.js') },
  { match: /^\/checklist\/(.+)$/, nav: 'checklists', page: () => import('./pages/checklists.js') },
  { match: /^\/veranderd(?:\/(.+))?$/, nav: 'veranderd', page: () => import('./pages/veranderd.js') },
];

function setNav(current) {
  for (const link of document.querySelectorAll('nav.primary a[data-nav]')) {
    const name = link.dataset.nav;
    link.href = href(name === 'zoeken' ? '/' : `/${name}`);
    if (name === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // The page's other fixed links to a view keep the reader's mode too, as a view's own links do.
  for (const link of document.querySelectorAll('a[data-route]')) link.href = href(link.dataset.route);
  document.querySelector('.brand').href = href('/');
}

/**
 * The words that differ per mode: an element with `data-for="patient"` or `"professional"` shows
 * in that mode only; `data-patient` and `data-patient-placeholder` hold an element's text and
 * placeholder for patients (its own are the clinicians').
 */
function showModeTexts() {
  const patient = isPatient();
  for (const element of document.querySelectorAll('[data-for]')) element.hidden = element.dataset.for !== getAudience();
  for (const element of document.querySelectorAll('[data-patient]')) {
    element.dataset.professional ??= element.textContent;
    element.textContent = patient ? element.dataset.patient : element.dataset.professional;
  }
  for (const element of document.querySelectorAll('[data-patient-placeholder]')) {
    element.dataset.professionalPlaceholder ??= element.placeholder;
    element.placeholder = patient ? element.dataset.patientPlaceholder : element.dataset.professionalPlaceholder;
  }
}

function syncAudienceButtons() {
  $('mode-professional').setAttribute('aria-pressed', String(!isPatient()));
  $('mode-patient').setAttribute('aria-pressed', String(isPatient()));
}

let firstRoute = true;
/** Counts the routes taken, so that a page whose module arrives after the reader moved on stays unshown. */
let routes = 0;

/** Shows the page `render` draws (it returns the page's title), or a Dutch message when it fails. */
function showPage(nav, render, focusTarget) {
  searchView.hidden = true;
  pageView.hidden = false;
  pageView.className = `view page page-${nav}`;
  let title;
  try {
    title = render();
  } catch (error) {
    // The reader gets Dutch; the error itself (English, for developers) goes to the console.
    console.error(error);
    fill(
      pageView,
      h('h1', { tabindex: '-1' }, 'Er ging iets mis'),
      h('p', {}, 'Deze pagina kon niet worden getoond. Laad de pagina opnieuw of ga terug naar zoeken.'),
      h('p', {}, h('a', { href: href('/') }, 'Naar zoeken')),
    );
    title = 'Fout';
  }
  document.title = `${title} · Pijnwijzer`;
  if (focusTarget) pageView.querySelector('h1')?.focus();
}

/** The mode the address asks for, or the reader's own, on the page: its buttons and its words. */
function showAudience(params) {
  setAudience(addressAudience(params) ?? chosenAudience());
  syncAudienceButtons();
  showModeTexts();
}

/** Draws the view the address names; for a page, returns a promise that settles once it is drawn. */
function route() {
  routes += 1;
  // The view the address asks for is drawn from here on (start.js, `data-opening`).
  delete document.documentElement.dataset.opening;
  const hash = location.hash.slice(1) || '/';
  const [rawPath, rawQuery = ''] = hash.split('?');
  const params = new URLSearchParams(rawQuery);
  showAudience(params);
  // A patient's box offers the lay texts' questions; a clinician's is a plain search box.
  offerQuestions();
  const path = rawPath;
  const focusTarget = firstRoute ? null : 'heading';
  firstRoute = false;

  if (rawPath.startsWith('/n/')) {
    setNav('zoeken');
    let id = rawPath.slice(3);
    try {
      id = decodeURIComponent(id);
    } catch {
      /* keep it */
    }
    showNode(id);
    $('detail-title')?.focus();
    return;
  }
  for (const { match, nav, page } of PAGES) {
    const found = path.match(match);
    if (!found) continue;
    setNav(nav);
    const shown = routes;
    // The view on screen stays until the page is drawn, rather than a blank one while its module loads.
    return page().then(
      (module) =>
        shown === routes &&
        showPage(nav, () => module.render(pageView, { path, match: found, params, href }), focusTarget),
      (error) =>
        shown === routes &&
        showPage(
          nav,
          () => {
            throw error;
          },
          focusTarget,
        ),
    );
  }
  // The search view (also for unknown routes).
  setNav('zoeken');
  searchView.hidden = false;
  pageView.hidden = true;
  const query = params.get('q') ?? '';
  if (input.value !== query) input.value = query;
  for (const f of FILTERS) {
    const value = params.get(f.param) ?? '';
    f.select.value = [...f.select.options].some((o) => o.value === value) ? value : '';
  }
  document.title = TITLE;
  showResults(query);
}

function moveSelection(step) {
  const links = [...results.querySelectorAll('a.hit-title')];
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement);
  const next =
    current === -1 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(-1, current + step));
  if (next === -1) input.focus();
  else links[next].focus();
}

// ---------------------------------------------------------------- start

const questions = new QuestionSuggestions(input, $('q-questions'), searchTyped);

/**
 * What the search view searches with while the module loads, on a page opened on a search: the
 * search's files (first-search.js), which give the module's own hits but nothing else. The view is
 * drawn again by the module once it is in.
 */
let firstSearch = null;

/** Labels the page, and fills the filters, with the vocabulary of the module or the search's files. */
function useLabels(labels) {
  useVocabulary(labels);
  $('sources').textContent = vocabulary.documents.map((d) => `${d.short} (${d.version})`).join(', ');
  $('sources-line').hidden = false;
  fillFilters();
}

/** The search a page is opened on: the address's `q` on the search view, or '' for any other view. */
function openedOn() {
  const [path, query = ''] = (location.hash.slice(1) || '/').split('?');
  return path === '/' ? (new URLSearchParams(query).get('q') ?? '') : '';
}

/**
 * How long the page waits for the first search's next sign of progress (a file of it in, an
 * answer) before it loads the module all the same: the files may have stalled. It is no limit on
 * the whole: on a slow network the first results still come long before the module, which is more
 * than twice their bytes (on 400 kbit/s with 400 ms a request, a limit of 3 s on the whole took
 * the first result from 8 s to 15 s). Offline, or with the files gone, the worker says so at once.
 */
const FIRST_RESULTS_PATIENCE = 10000;

/**
 * On a page opened on a search, shows its first results from the search's files before the module
 * loads: a fraction of the bytes (README, "The first search"). Whatever fails there is left to the
 * module, which answers as always; so is a first search that shows no progress for
 * FIRST_RESULTS_PATIENCE.
 */
async function showFirstResults() {
  // Whether the page still waits for the first results: once not, they are no longer drawn.
  let waiting = true;
  let timer;
  let progressed;
  const stalled = new Promise((resolve) => {
    progressed = () => {
      clearTimeout(timer);
      timer = setTimeout(resolve, FIRST_RESULTS_PATIENCE);
    };
  });
  progressed();
  const shown = (async () => {
    const { openFirstSearch } = await import('./first-search.js');
    const opened = await openFirstSearch(progressed);
    if (!waiting) return opened.close();
    firstSearch = opened;
    useLabels(firstSearch.vocabulary);
    route();
    // The worker loads the postings, then the hits' files, and answers.
    if (firstSearch.needs()) {
      await firstSearch.loadNeeded();
      if (waiting) showResults(input.value);
    }
  })().catch((error) => console.warn('pijnwijzer: the first results wait for the module', error));
  await Promise.race([shown, stalled]);
  clearTimeout(timer);
  waiting = false;
}

/** What the status line says while a search is on its way. */
const searching = (query) => `Zoeken naar "${query}"…`;

/**
 * On a page opened on a view other than the home page (start.js marks it `data-opening`, which
 * hides the home page's shortcuts), says what is on its way until it is drawn, in the reader's
 * mode: on a phone's network the module takes seconds, and the home page would seem to be where
 * the link led. A search is in the box already.
 */
function showOpening() {
  if (!('opening' in document.documentElement.dataset)) return;
  showAudience(new URLSearchParams(location.hash.split('?')[1] ?? ''));
  input.value = firstQuery;
  showFilters(Boolean(firstQuery));
  announce(firstQuery ? searching(firstQuery) : 'De pagina wordt geladen…');
}

/**
 * When the module cannot load (the connection dropped, a browser without WebAssembly), the page
 * says so and offers to try again, instead of staying as it was.
 */
function showLoadFailure() {
  announce('De richtlijnen konden niet worden geladen. Controleer uw internetverbinding en probeer het opnieuw.');
  const again = h('button', { type: 'button', class: 'secondary' }, 'Opnieuw laden');
  again.addEventListener('click', () => location.reload());
  retry.replaceChildren(again);
}

const firstQuery = openedOn();
showOpening();
// The module's download starts at once, but where start.js started the first search (a page opened
// on a search, the module not yet in the reader's cache) it waits for the first results rather
// than slowing them down.
const loading = self.pijnwijzerFirstSearch ? null : init();
if (!loading) await showFirstResults();
try {
  await (loading ?? init());
} catch (error) {
  showLoadFailure();
  throw error;
}
if (!firstSearch) useLabels(vocabularies());

/** Searches what the box holds, as typed or as a question taken from the list. */
function searchTyped() {
  history.replaceState(null, '', searchHash());
  showResults(input.value);
  offerQuestions();
}
input.addEventListener('input', searchTyped);

/** While a patient types, the questions of the lay texts that hold those words, as completions. */
function offerQuestions() {
  questions.offer(isPatient() && !firstSearch ? suggestQuestions : null);
}
for (const f of FILTERS) {
  f.select.addEventListener('change', () => {
    history.replaceState(null, '', searchHash());
    showResults(input.value);
  });
}
$('filters-toggle').addEventListener('click', () => {
  const open = $('filters').classList.toggle('open');
  $('filters-toggle').setAttribute('aria-expanded', String(open));
  if (open) $('f-bron').focus();
});
$('filters-reset').addEventListener('click', () => {
  for (const f of FILTERS) f.select.value = '';
  history.replaceState(null, '', searchHash());
  showResults(input.value);
  input.focus();
});
// The skip link moves the focus to the content; its "#main" is not a route, which would replace
// the page the reader is on with the search home.
$('skip').addEventListener('click', (event) => {
  event.preventDefault();
  $('main').focus();
});
/** A touch screen, as style.css reads one (where it hides the keyboard hints). */
const touch = window.matchMedia('(hover: none) and (pointer: coarse)');
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  // On a touch screen the on-screen keyboard's key reads "Zoek": it closes the keyboard, so the
  // results show, instead of opening the first of them unseen. With a keyboard, Enter opens it.
  if (touch.matches) input.blur();
  else results.querySelector('a.hit-title')?.click();
});
for (const [id, mode] of [
  ['mode-professional', 'professional'],
  ['mode-patient', 'patient'],
]) {
  $(id).addEventListener('click', async () => {
    if (getAudience() === mode) return;
    setAudience(mode, { remember: true });
    // Re-render the current view in the new mode, and keep the mode in the address. A portal's
    // `?voor=` in the query string gives way to the reader's own choice.
    const [path, query = ''] = (location.hash.slice(1) || '/').split('?');
    const params = new URLSearchParams(query);
    if (mode === 'patient') params.set('voor', 'patient');
    else params.delete('voor');
    const text = params.toString().replace(/\+/g, '%20');
    const search = new URLSearchParams(location.search);
    search.delete('voor');
    const page = `${location.pathname}${search.size ? `?${search}` : ''}`;
    history.replaceState(null, '', `${page}#${path}${text ? `?${text}` : ''}`);
    // The focus stays on the switch once the view is drawn again (a page's module, loaded on
    // its first view, would otherwise move it to the page's heading).
    await route();
    $(id).focus();
  });
}
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing =
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    // A page with a search field of its own (Medicatie) keeps the reader there.
    const own = pageView.hidden ? null : pageView.querySelector('input[type="search"]');
    if (own) {
      own.focus();
      own.select();
      return;
    }
    if (searchView.hidden || !detail.hidden) {
      history.pushState(null, '', searchHash());
      route();
    }
    input.focus();
    input.select();
    return;
  }
  if (target === input && questions.key(event)) return;
  const inList = target === input || (target instanceof HTMLAnchorElement && target.classList.contains('hit-title'));
  if (!inList || results.hidden || searchView.hidden) return;
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    moveSelection(1);
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    moveSelection(-1);
  }
});
// Back (and Forward) return the reader to where they were: before a link leaves a view, the view's
// scroll position and the link are kept in its history entry; on return, after the view is drawn
// again, the page scrolls there and the link has the focus again.
history.scrollRestoration = 'manual';
document.addEventListener(
  'click',
  (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
    if (link) history.replaceState({ scroll: scrollY, link: link.getAttribute('href') }, '');
  },
  true,
);
window.addEventListener('hashchange', async () => {
  await route();
  const place = history.state;
  if (typeof place?.scroll !== 'number') return;
  const link = [...document.querySelectorAll('main a')].find((a) => a.getAttribute('href') === place.link);
  link?.focus({ preventScroll: true });
  scrollTo(0, place.scroll);
});
if (firstSearch) {
  firstSearch.close();
  firstSearch = null;
  // The module draws the view again, with what the files did not hold; a reader who typed in the
  // meantime gets their own search, and the hit they moved to keeps the focus.
  const focused = document.activeElement?.closest?.('#results a.hit-title')?.dataset.index;
  if (input.value !== firstQuery) searchTyped();
  else await route();
  if (focused !== undefined) results.querySelector(`a.hit-title[data-index="${focused}"]`)?.focus();
} else {
  await route();
}
document.documentElement.dataset.ready = 'true';
// The first search builds the index (a tenth of a second or more); build it while the reader is
// still reading the first view, so the search they start answers at once.
prepareSearchWhenIdle(prepareSearch);

// Offline: a service worker keeps the app shell and the module in a cache.
if ('serviceWorker' in navigator) {
  const offline = $('offline-status');
  navigator.serviceWorker
    .register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      offline.textContent = '· Werkt ook offline.';
      document.documentElement.dataset.offline = 'ready';
    })
    .catch(() => {
      offline.textContent = '';
    });
}
