/*
 * <pijn-uitleg onderwerp="worel.alg.rodevlaggen"></pijn-uitleg>
 *
 * The explanation in plain language (B1 Dutch) of one topic from the Pijnwijzer guidance, with its
 * title and a short source line. For patient portals and course pages.
 *
 * Usage: one script tag and the element.
 *   <script type="module" src="…/pkg/components/pijn-uitleg.js"></script>
 *   <pijn-uitleg onderwerp="worel.alg.rodevlaggen"></pijn-uitleg>
 *
 * Attributes (a change re-renders the element):
 *   onderwerp  a node id (e.g. "worel.alg.rodevlaggen"), or words ("pijneducatie", "bewegen"):
 *              words are looked up with the module's search for patients, and the best match's
 *              explanation is shown. When there is none, the element says so in Dutch. An id
 *              needs no module: its explanation is one small file, pkg/lay/ID.json.
 *   kop        heading level of the title, 1–6 (default 2)
 *   link       URL template for links to other parts of the guidance, {id} = node id;
 *              without it those links are plain text
 *
 * Fallback: put a sentence with a link to the explanation on the Pijnwijzer site inside the
 * element; it shows until the script runs, and under the Dutch message if the module cannot be loaded.
 *
 * Events (bubbles, composed; see shared.js):
 *   pijn-uitleg-ready   an explanation is shown. detail { id, title }; the element's `shown`
 *                       property holds the same id (null while none is shown)
 *   pijn-uitleg-error   a Dutch message shows instead (code "not-found" when there is no
 *                       explanation for the topic). detail { code, message }
 *
 * Parts (::part): body, caption ("Uitleg in gewone taal"), title, answers (the questions the
 * explanation answers, under "Deze uitleg beantwoordt", as on the site), text, citation, loading,
 * error, term, term-definition, crisis.
 *
 * Theme (CSS custom properties; set them in the page's CSS on the element or an ancestor):
 *   --pijn-accent, --pijn-ink, --pijn-muted, --pijn-bg, --pijn-line, --pijn-mark,
 *   --pijn-font, --pijn-size, --pijn-radius   (defaults and meaning: see shared.js)
 */
import { ID, Notice, PijnElement, define, h, headingLevel, moduleHtml, ownFile, ready } from './shared.js';
import { crisisLines } from './terms.js';

const CSS = `
.text > :last-child { margin-bottom: 0; }
.text { font-size: 1.05em; }
.label { margin: 0 0 .25em; color: var(--_muted); font-size: .875em; }
.answers > :first-child { margin: .5em 0 .25em; font-size: 1em; }
.answers ul { margin: 0 0 .75em; padding-left: 1.2em; }
`;

class PijnUitleg extends PijnElement {
  static css = CSS;
  static what = 'De uitleg';
  static observedAttributes = ['onderwerp', 'kop', 'link'];

  shown = null;
  #title = '';

  draw(api) {
    this.shown = null;
    const topic = (this.getAttribute('onderwerp') ?? '').trim();
    if (!topic) {
      throw new Notice('missing-attribute', 'Geef met het attribuut onderwerp aan welke uitleg u wilt tonen.');
    }
    const lay = this.#find(api, topic);
    if (!lay || !lay.text.trim()) {
      throw new Notice('not-found', `Over ‘${topic}’ staat geen uitleg in gewone taal in de richtlijnen.`);
    }
    this.shown = lay.id;
    this.#title = lay.title;
    const level = headingLevel(this.getAttribute('kop'));
    return h(
      'article',
      { 'aria-labelledby': 'titel' },
      h('p', { class: 'label', part: 'caption' }, 'Uitleg in gewone taal'),
      h(`h${level}`, { class: 'title', part: 'title', id: 'titel' }, lay.title),
      // The questions the text answers, reviewed with it, above it as on the site. A plain block
      // under a heading, not a landmark: a page may hold several explanations.
      lay.questions.length
        ? h(
            'div',
            { class: 'answers', part: 'answers' },
            h(`h${Math.min(level + 1, 6)}`, {}, 'Deze uitleg beantwoordt'),
            h(
              'ul',
              {},
              lay.questions.map((question) => h('li', {}, question)),
            ),
          )
        : null,
      moduleHtml(h('div', { class: 'text', part: 'text' }), lay.html, this.getAttribute('link')),
      crisisLines(lay.text),
      lay.citation ? h('p', { class: 'source', part: 'citation' }, `Bron: ${lay.citation}`) : null,
    );
  }

  /**
   * An explanation asked for by id comes from its own small file (`pkg/lay/ID.json`, see ownFile),
   * without the module. Words, or an id without such a file, take the module, which searches or says
   * what is missing.
   */
  async source() {
    const lay = await ownFile('lay', (this.getAttribute('onderwerp') ?? '').trim());
    return lay ? { lay: () => lay } : ready();
  }

  readyDetail() {
    return { id: this.shown, title: this.#title };
  }

  /**
   * The lay explanation for an id, or for the best patient search hit on words; null if words find
   * none. An unknown id throws the module's not-found, whose close ids the page's author reads in
   * the console and in the message, as for a checklist.
   */
  #find(api, topic) {
    if (ID.test(topic)) return api.lay(topic);
    const [hit] = api.search(topic, { audience: 'patient', limit: 1 });
    if (!hit) return null;
    try {
      return api.lay(hit.id);
    } catch {
      return null;
    }
  }
}

define('pijn-uitleg', PijnUitleg);
