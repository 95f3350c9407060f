/*
 * <pijn-zoeken></pijn-zoeken>
 *
 * A search box over the Pijnwijzer guidance that searches while you type. Results are a list of
 * links, each with its title, a snippet with the matched words marked, and the source.
 * Keyboard: type; Arrow down (or Enter) moves to the results; Arrow up/down moves between them;
 * Enter opens one; Escape goes back to the search box. With voor="patient", the questions offered
 * while typing come first: Arrow down moves through them, Enter takes one, Escape closes the list.
 *
 * Usage: one script tag and the element.
 *   <script type="module" src="…/pkg/components/pijn-zoeken.js"></script>
 *   <pijn-zoeken voor="patient" link="https://example.org/pijnwijzer/#/n/{id}"></pijn-zoeken>
 *
 * Attributes (a change re-renders the results):
 *   voor    "patient": rank explanations in plain language first, show them and their titles in
 *           a patient's words, and offer the questions the lay texts answer as completions while
 *           the reader types
 *   link    URL template for a result's link, {id} = the node's id (default "#/n/{id}", with
 *           "?voor=patient" for a patient, which is right on the Pijnwijzer site itself; elsewhere
 *           point it at the site's address, or the element says so in the console)
 *   label   the visible label of the search box (default "Zoek in de richtlijnen over chronische pijn",
 *           or "Zoek uitleg over pijn" with voor="patient")
 *   aantal  at most this many results, 1–20 (default 8)
 *   q       this search typed in (a change searches it)
 *
 * Fallback: put a sentence with a link to the search on the Pijnwijzer site inside the element;
 * it shows until the script runs, and under the Dutch message if the module cannot be loaded.
 *
 * Events (bubbles, composed; see shared.js):
 *   pijn-zoeken-ready   the results for the query are shown (also for an empty query, with none).
 *                       detail { query, count }
 *   pijn-zoeken-open    the reader opens a result (click, or Enter on it). detail { id, title, href,
 *                       query }. Cancelable: a page that opens it itself calls preventDefault(),
 *                       and the link is not followed.
 *   pijn-zoeken-error   a Dutch message shows instead of the results. detail { code, message }
 *
 * When nothing is found because of words the guidance never uses, a button offers the search
 * without them (if that finds something): "Zoek zonder dit woord: ‘…’". When nothing is found for
 * a patient, a sentence links to the guidance's list of alarm signals, since such a question may be
 * about one ("mijn zoon spuugt al dagen en heeft buikpijn").
 *
 * Parts (::part): form, label, input, questions (the list of questions offered while a patient
 * types), help, status (how many results, and which words of the query the guidance never uses),
 * body, retry (the button that searches without those words), alarm (the sentence with the link to
 * the alarm signals), results (the list), hit, hit-title (the link), for-professionals (for a
 * patient, under a hit without a lay text), snippet, citation, loading, error.
 *
 * Theme (CSS custom properties; set them in the page's CSS on the element or an ancestor):
 *   --pijn-accent, --pijn-ink, --pijn-muted, --pijn-bg, --pijn-line, --pijn-mark,
 *   --pijn-font, --pijn-size, --pijn-radius   (defaults and meaning: see shared.js)
 */
import { PijnElement, define, h, linkFor, moduleHtml } from './shared.js';
import {
  alarmSignalsPointer,
  shownHits,
  prepareSearchWhenIdle,
  QuestionSuggestions,
  SUGGESTION_CSS,
  setControls,
  titleFor,
  unknownWordsNote,
  withoutWords,
} from './terms.js';

const DEFAULT_LINK = '#/n/{id}';
/** The site opens a node in the patient view when its address says so. */
const PATIENT_LINK = '#/n/{id}?voor=patient';

/**
 * Without `link`, a result goes to `fallback` (`#/n/{id}`, for a patient with `?voor=patient`) on
 * this very page, which only the Pijnwijzer site's own page answers (the folder above
 * pkg/components/, where the site serves the package). Anywhere else the reader would land back on
 * the host page, so whoever embeds the element is told once, in the console, with the address to
 * give: that folder's, if it holds the site (a copy of the package alone does not), or a page of
 * their own.
 */
let toldAboutLink = false;
function tellAboutLink(fallback) {
  const site = new URL('../../', import.meta.url);
  const onSite =
    location.origin === site.origin && [site.pathname, `${site.pathname}index.html`].includes(location.pathname);
  if (onSite || toldAboutLink) return;
  toldAboutLink = true;
  console.warn(
    `[pijn-zoeken] Zonder attribuut link verwijzen de resultaten naar ${fallback} op deze pagina, en die is niet de Pijnwijzer-site. Geef link="${site.href}${fallback}" als daar de Pijnwijzer-site staat, of het adres van een eigen pagina met {id}.`,
  );
}

const CSS = `
form { margin: 0; }
label { display: block; font-weight: 600; margin-bottom: .3em; }
input {
  width: 100%;
  font: inherit;
  font-size: 1.1em;
  padding: .55em .75em;
  color: var(--_ink);
  background: var(--_bg);
  border: 2px solid var(--_field-line);
  border-radius: var(--_radius);
}
input:focus { border-color: var(--_accent); }
.help { margin: .3em 0 0; color: var(--_muted); font-size: .875em; }
.status { margin: .5em 0 0; color: var(--_muted); font-size: .875em; }
.status:empty { margin: 0; }
.results { list-style: none; padding: 0; margin: .25em 0 0; }
.results:empty { display: none; }
.hit { padding: .6em 0; border-top: 1px solid var(--_line); }
.hit a { font-weight: 600; font-size: 1.05em; }
.hit a:focus-visible { outline-offset: 3px; }
.snippet { margin: .2em 0; }
.citation { margin: 0; color: var(--_muted); font-size: .875em; }
.body > .loading { margin-top: .5em; }
.retry {
  margin: .5em 0 0;
  font: inherit;
  color: var(--_accent);
  background: none;
  border: 2px solid currentColor;
  border-radius: var(--_radius);
  padding: .35em .7em;
  cursor: pointer;
}
.alarm { margin: .5em 0 0; }
.for-professionals { margin: .1em 0 0; color: var(--_muted); font-size: .875em; }
${SUGGESTION_CSS}`;

class PijnZoeken extends PijnElement {
  static css = CSS;
  static what = 'Het zoeken';
  static observedAttributes = ['voor', 'link', 'label', 'aantal', 'q'];

  /** The query and the number of results now shown. */
  #shown = { query: '', count: 0 };

  constructor() {
    super();
    this.label = h('label', { for: 'zoekvak', part: 'label', id: 'zoeklabel' });
    this.input = h('input', {
      id: 'zoekvak',
      part: 'input',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'uitleg',
    });
    // A patient is offered the questions the lay texts answer, as the site does.
    const list = h('ul', { id: 'vragen', part: 'questions' });
    this.questions = new QuestionSuggestions(this.input, list, () => this.update());
    this.help = h('p', { class: 'help', part: 'help', id: 'uitleg' });
    // Named by its label, so that a page with two search landmarks tells them apart.
    this.form = h(
      'form',
      { role: 'search', part: 'form', 'aria-labelledby': 'zoeklabel' },
      this.label,
      h('div', { class: 'suggesting' }, this.input, list),
      this.help,
    );
    this.status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.body.before(this.form, this.status);

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#focusHit(0);
    });
    this.input.addEventListener('input', () => this.update());
    this.input.addEventListener('keydown', (event) => {
      if (this.questions.key(event)) return;
      if (event.key === 'ArrowDown' && this.#focusHit(0)) event.preventDefault();
    });
    this.body.addEventListener('keydown', (event) => this.#onResultKey(event));
    this.body.addEventListener('click', (event) => this.#onOpen(event));
    // Without the module there is nothing to search: no box, only the message that says why.
    this.addEventListener('pijn-zoeken-error', (event) => {
      this.form.hidden = event.detail.code === 'load';
    });
  }

  attributeChangedCallback(name, before, after) {
    // A page that sets `q` (in its HTML or later) asks for that search, whatever was typed before.
    if (name === 'q' && before !== after) this.input.value = after ?? '';
    super.attributeChangedCallback(name, before, after);
  }

  /** Labels the box at once, before the module is ready: an unlabelled field is never shown. */
  update() {
    const patient = this.getAttribute('voor') === 'patient';
    this.label.textContent =
      this.getAttribute('label') || (patient ? 'Zoek uitleg over pijn' : 'Zoek in de richtlijnen over chronische pijn');
    this.help.textContent = patient
      ? 'Typ een woord. Met pijltje omlaag kiest u een voorgestelde vraag of gaat u naar de resultaten; met Enter opent u er een.'
      : 'Typ een woord. Met pijltje omlaag gaat u naar de resultaten, met Enter opent u er een.';
    this.input.placeholder = patient
      ? 'Bijvoorbeeld: bewegen, slapen, medicijnen'
      : 'Bijvoorbeeld: rode vlaggen, tramadol, pijneducatie';
    super.update();
  }

  draw(api) {
    const patient = this.getAttribute('voor') === 'patient';
    const query = this.input.value.trim();
    this.#shown = { query, count: 0 };
    setControls(this.input, 'resultaten', false);
    // A patient is offered the questions of the lay texts that hold the words typed.
    this.questions.offer(patient ? api.suggestQuestions : null);
    if (!query) {
      this.status.textContent = '';
      // The first search would build the index; build it while the box is still empty.
      prepareSearchWhenIdle(api.prepareSearch);
      return [];
    }
    const limit = Math.min(20, Math.max(1, Number.parseInt(this.getAttribute('aantal') ?? '', 10) || 8));
    const options = { limit, prefix: true, audience: patient ? 'patient' : 'professional' };
    let hits;
    let counted;
    try {
      ({ hits, counted } = shownHits(api.search, query, options));
    } catch (error) {
      console.warn('[pijn-zoeken]', error);
      this.status.textContent = 'Deze zoekvraag kon niet worden uitgevoerd. Probeer andere woorden.';
      return [];
    }
    const unknown = api.unknownWords(query, options);
    const note = unknownWordsNote(unknown, hits.length);
    this.status.textContent = [
      hits.length === 0 ? `Geen resultaten voor ‘${query}’.` : `${counted} voor ‘${query}’.`,
      note,
    ]
      .filter(Boolean)
      .join(' ');
    if (hits.length) setControls(this.input, 'resultaten', true);
    this.#shown = { query, count: hits.length };
    const fallback = patient ? PATIENT_LINK : DEFAULT_LINK;
    if (!this.getAttribute('link')) tellAboutLink(fallback);
    const template = this.getAttribute('link') || fallback;
    const retry = hits.length === 0 && unknown.length ? this.#offerWithout(api, query, unknown, options) : null;
    const pointer =
      hits.length === 0 && patient
        ? alarmSignalsPointer(api, (id) => linkFor(template, id) ?? linkFor(fallback, id))
        : null;
    const alarm = pointer ? h('p', { class: 'alarm', part: 'alarm' }, pointer) : null;
    const results = h(
      'ol',
      { class: 'results', part: 'results', id: 'resultaten', 'aria-label': 'Zoekresultaten' },
      hits.map((hit) => {
        // Escaped by the module; only <mark> is markup.
        const snippet = moduleHtml(h('p', { class: 'snippet', part: 'snippet' }), hit.snippet);
        const href = linkFor(template, hit.id) ?? linkFor(fallback, hit.id);
        return h(
          'li',
          { class: 'hit', part: 'hit' },
          h('a', { href, part: 'hit-title', 'data-id': hit.id }, titleFor(hit, patient)),
          // For a patient, a page without a lay text says it is written for care providers.
          patient && !hit.layTitle
            ? h('p', { class: 'for-professionals', part: 'for-professionals' }, 'Voor zorgverleners')
            : null,
          snippet,
          hit.source?.citation ? h('p', { class: 'citation', part: 'citation' }, hit.source.citation) : null,
        );
      }),
    );
    // The alarm signals before the search without the unknown words: a question about a sign of
    // illness needs that list more than a search of its other words.
    return [alarm, retry, results].filter(Boolean);
  }

  /** A button that searches `query` without the words the guidance never uses; null when that finds nothing too. */
  #offerWithout(api, query, unknown, options) {
    const rest = withoutWords(query, unknown);
    if (!rest || api.search(rest, options).length === 0) return null;
    const button = h(
      'button',
      { type: 'button', class: 'retry', part: 'retry' },
      `Zoek zonder ${unknown.length === 1 ? 'dit woord' : 'deze woorden'}: ‘${rest}’`,
    );
    button.addEventListener('click', () => {
      this.input.value = rest;
      this.input.focus();
      this.update();
    });
    return button;
  }

  readyDetail() {
    return this.#shown;
  }

  /** A result's link was activated: tell the page, which may take over the opening. */
  #onOpen(event) {
    const link = event.target.closest?.('.hit a');
    if (!link) return;
    const detail = { id: link.dataset.id, title: link.textContent, href: link.href, query: this.#shown.query };
    if (!this.emit('open', detail, { cancelable: true })) event.preventDefault();
  }

  /** Focuses result number `index`; false when there is none. */
  #focusHit(index) {
    const links = [...this.body.querySelectorAll('.hit a')];
    if (!links.length) return false;
    links[Math.max(0, Math.min(index, links.length - 1))].focus();
    return true;
  }

  #onResultKey(event) {
    const links = [...this.body.querySelectorAll('.hit a')];
    const at = links.indexOf(this.shadowRoot.activeElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown') this.#focusHit(at + 1);
    else if (event.key === 'ArrowUp') {
      if (at === 0) this.input.focus();
      else this.#focusHit(at - 1);
    } else if (event.key === 'Home') this.#focusHit(0);
    else if (event.key === 'End') this.#focusHit(links.length - 1);
    else if (event.key === 'Escape') this.input.focus();
    else return;
    event.preventDefault();
  }
}

define('pijn-zoeken', PijnZoeken);
