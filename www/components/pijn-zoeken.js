/*
 * <pijn-zoeken></pijn-zoeken>
 *
 * A search box over the Pijnwijzer guidance that searches while you type. Results are a list of
 * links, each with its title, a snippet with the matched words marked, and the source.
 * Keyboard: type; Arrow down (or Enter) moves to the results; Arrow up/down moves between them;
 * Enter opens one; Escape goes back to the search box.
 *
 * Usage: one script tag and the element.
 *   <script type="module" src="…/pkg/components/pijn-zoeken.js"></script>
 *   <pijn-zoeken voor="patient" link="https://example.org/pijnwijzer/#/n/{id}"></pijn-zoeken>
 *
 * Attributes (a change re-renders the results):
 *   voor    "patient": rank explanations in plain language first and show them in the snippets
 *   link    URL template for a result's link, {id} = the node's id (default "#/n/{id}", which is
 *           right on the Pijnwijzer site itself; elsewhere point it at the site's address)
 *   label   the visible label of the search box (default "Zoek in de richtlijnen over chronische pijn",
 *           or "Zoek uitleg over pijn" with voor="patient")
 *   aantal  at most this many results, 1–20 (default 8)
 *   q       start with this search already typed in
 *
 * Events: "pijn-klaar" (bubbles, composed) after each render.
 *
 * Theme (CSS custom properties; set them in the page's CSS on the element or an ancestor):
 *   --pijn-accent, --pijn-ink, --pijn-muted, --pijn-bg, --pijn-line, --pijn-mark,
 *   --pijn-font, --pijn-size, --pijn-radius   (defaults and meaning: see shared.js)
 */
import { PijnElement, define, h, linkFor } from './shared.js';

const DEFAULT_LINK = '#/n/{id}';

const CSS = `
form { margin: 0; }
label { display: block; font-weight: 600; margin-bottom: .3rem; }
input {
  width: 100%;
  font: inherit;
  font-size: 1.1em;
  padding: .55rem .75rem;
  color: var(--_ink);
  background: var(--_bg);
  border: 2px solid var(--_line);
  border-radius: var(--_radius);
}
input:focus { border-color: var(--_accent); }
.help { margin: .3rem 0 0; color: var(--_muted); font-size: .875em; }
.status { margin: .5rem 0 0; color: var(--_muted); font-size: .875em; }
.status:empty { margin: 0; }
.results { list-style: none; padding: 0; margin: .25rem 0 0; }
.results:empty { display: none; }
.hit { padding: .6rem 0; border-top: 1px solid var(--_line); }
.hit a { font-weight: 600; font-size: 1.05em; }
.hit a:focus-visible { outline-offset: 3px; }
.snippet { margin: .2rem 0; }
.citation { margin: 0; color: var(--_muted); font-size: .875em; }
.body > .loading { margin-top: .5rem; }
`;

class PijnZoeken extends PijnElement {
  static css = CSS;
  static what = 'Het zoeken';
  static observedAttributes = ['voor', 'link', 'label', 'aantal'];

  constructor() {
    super();
    this.label = h('label', { for: 'zoekvak' });
    this.input = h('input', {
      id: 'zoekvak',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'uitleg',
    });
    const help = h(
      'p',
      { class: 'help', id: 'uitleg' },
      'Typ een woord. Met pijltje omlaag gaat u naar de resultaten, met Enter opent u er een.',
    );
    this.form = h('form', { role: 'search' }, this.label, this.input, help);
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.body.before(this.form, this.status);

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#focusHit(0);
    });
    this.input.addEventListener('input', () => this.update());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && this.#focusHit(0)) event.preventDefault();
    });
    this.body.addEventListener('keydown', (event) => this.#onResultKey(event));
  }

  connectedCallback() {
    if (!this.input.value && this.hasAttribute('q')) this.input.value = this.getAttribute('q');
    super.connectedCallback();
  }

  draw(api) {
    const patient = this.getAttribute('voor') === 'patient';
    this.label.textContent =
      this.getAttribute('label') || (patient ? 'Zoek uitleg over pijn' : 'Zoek in de richtlijnen over chronische pijn');
    this.input.placeholder = patient
      ? 'Bijvoorbeeld: bewegen, slapen, medicijnen'
      : 'Bijvoorbeeld: rode vlaggen, tramadol, pijneducatie';
    const query = this.input.value.trim();
    this.input.removeAttribute('aria-controls');
    if (!query) {
      this.status.textContent = '';
      return [];
    }
    const limit = Math.min(20, Math.max(1, Number.parseInt(this.getAttribute('aantal') ?? '', 10) || 8));
    let hits;
    try {
      hits = api.search(query, { limit, prefix: true, audience: patient ? 'patient' : 'professional' });
    } catch (error) {
      console.warn('[pijn-zoeken]', error);
      this.status.textContent = 'Deze zoekvraag kon niet worden uitgevoerd. Probeer andere woorden.';
      return [];
    }
    this.status.textContent =
      hits.length === 0
        ? `Geen resultaten voor ‘${query}’.`
        : `${hits.length} ${hits.length === 1 ? 'resultaat' : 'resultaten'} voor ‘${query}’.`;
    if (hits.length) this.input.setAttribute('aria-controls', 'resultaten');
    const template = this.getAttribute('link') || DEFAULT_LINK;
    return h(
      'ol',
      { class: 'results', id: 'resultaten', 'aria-label': 'Zoekresultaten' },
      hits.map((hit) => {
        const snippet = h('p', { class: 'snippet' });
        snippet.innerHTML = hit.snippet; // escaped by the module; only <mark> is markup
        return h(
          'li',
          { class: 'hit' },
          h('a', { href: linkFor(template, hit.id) ?? linkFor(DEFAULT_LINK, hit.id), 'data-id': hit.id }, hit.title),
          snippet,
          hit.source?.citation ? h('p', { class: 'citation' }, hit.source.citation) : null,
        );
      }),
    );
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
