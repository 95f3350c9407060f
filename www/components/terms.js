/*
 * Glossary terms in lay texts. The module marks the first use of each professional term in a lay
 * text as <span class="term" title="definition">term</span>. explainTerms turns each into a button
 * that shows its definition on focus or tap, right after the word, and hides it on Escape or when
 * focus leaves: readable by keyboard, touch and screen reader (the definition is the button's
 * description), with no inline style or script, so it works under a strict Content-Security-Policy.
 * crisisLines puts the suicide prevention lines beside a lay text that speaks of suicide, and
 * titleFor picks a title for the reader. alarmSignalsPointer leads a patient whose search found
 * nothing to the guidance's list of alarm signals.
 * unknownWordsNote says which words of a search the guidance never uses, and withoutWords gives the
 * search without them, to offer when nothing was found. prepareSearchWhenIdle readies the search
 * while the reader reads. QuestionSuggestions offers a patient the lay texts' questions while they
 * type.
 * The site and the embeddable components share this file.
 */

let count = 0;

/** Turns every marked term inside `root` into a button with its definition; returns `root`. */
export function explainTerms(root) {
  for (const term of root.querySelectorAll('span.term[title]')) {
    const definition = term.getAttribute('title');
    term.removeAttribute('title');
    count += 1;
    const id = `term-uitleg-${count}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'term-button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-describedby', id);
    button.textContent = term.textContent;
    const bubble = document.createElement('span');
    bubble.id = id;
    bubble.className = 'term-definition';
    bubble.setAttribute('role', 'note');
    bubble.hidden = true;
    bubble.textContent = definition;
    const show = (open) => {
      bubble.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    };
    button.addEventListener('focus', () => show(true));
    button.addEventListener('click', () => show(true));
    button.addEventListener('blur', () => show(false));
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') show(false);
    });
    term.replaceChildren(button, bubble);
  }
  return root;
}

/** The title of `item` (a node, hit or checklist) for its reader: in a patient's words for a patient. */
export const titleFor = (item, patient) => (patient && item.layTitle) || item.title;

/** A lay text speaks of suicide: its own word for it, or the professional one it explains. */
const SPEAKS_OF_SUICIDE = /zelfdoding|suïcid|suicid/i;

/**
 * The suicide prevention lines of the Netherlands and Belgium, beside a lay `text` that speaks of
 * suicide; null beside any other. The guidance sends a patient with such thoughts to their care
 * provider, which its lay texts repeat; a patient who reads that at night needs someone to talk to
 * now. The lines are Pijnwijzer's addition, not the sources', and say so.
 */
export function crisisLines(text) {
  if (!SPEAKS_OF_SUICIDE.test(text)) return null;
  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const link = (href, label) => element('a', { href }, label);
  return element(
    'div',
    { class: 'crisis', part: 'crisis', role: 'note', 'aria-label': 'Hulp bij gedachten aan zelfdoding' },
    element(
      'p',
      {},
      element('strong', {}, 'Denkt u aan zelfdoding?'),
      ' Praat erover, ook ’s nachts en in het weekend.',
    ),
    element(
      'ul',
      {},
      element(
        'li',
        {},
        'In Nederland: 113 Zelfmoordpreventie. Bel ',
        link('tel:113', '113'),
        ' of gratis ',
        link('tel:08000113', '0800-0113'),
        ', of chat op ',
        link('https://www.113.nl/', '113.nl'),
        '.',
      ),
      element(
        'li',
        {},
        'In België: Zelfmoordlijn 1813. Bel ',
        link('tel:1813', '1813'),
        ', of chat op ',
        link('https://www.zelfmoord1813.be/', 'zelfmoord1813.be'),
        '.',
      ),
    ),
    element('p', { class: 'crisis-source' }, 'Deze hulplijnen staan niet in de richtlijnen: Pijnwijzer zet ze erbij.'),
  );
}

/**
 * For a patient whose search found nothing: the words that lead to the guidance's list of signs
 * that pain may come from a serious illness (the first list of the module's `redFlags()` that
 * holds signs, under its lay title), linked by `hrefOf(id)`, for the caller's own paragraph; null
 * when the module has no such list. A question the search cannot read ("mijn zoon spuugt al dagen
 * en heeft buikpijn") may be about such a sign, and that list is what the guidance says of them.
 */
export function alarmSignalsPointer(api, hrefOf) {
  const list = api.redFlags().red.find((entry) => entry.flags.length > 0);
  if (!list) return null;
  const link = document.createElement('a');
  link.href = hrefOf(list.id);
  link.textContent = list.title;
  try {
    link.textContent = api.lay(list.id).title;
  } catch {
    // Without a lay text of its own the list keeps its professional title.
  }
  // The site's scope first: a question about a child's acute illness is not what it answers.
  return [
    'Pijnwijzer gaat over langdurige pijn. Gaat uw vraag over klachten die op iets ernstigs kunnen wijzen? Lees dan: ',
    link,
    '.',
  ];
}

/**
 * The styles of a term and its definition, and of the crisis lines; the site and the components
 * add them to their own.
 */
export const TERM_CSS = `
.term-button {
  font: inherit; color: inherit; background: none; border: none; padding: 0; margin: 0; min-height: 0;
  border-radius: 0; cursor: help; text-decoration: underline dotted; text-underline-offset: .2em;
}
.term-button:hover { text-decoration: underline; }
.term-definition {
  display: block; margin: .3rem 0 .5rem; padding: .4rem .6rem; font-size: .95em; font-weight: normal;
  border-left: 4px solid currentColor; background: rgba(11, 92, 171, .08);
}
.term-definition[hidden] { display: none; }
@media print { .term-definition { display: none; } .term-button { text-decoration: none; } }
.crisis { margin: .8rem 0; padding: .5rem .8rem; border-left: 4px solid currentColor; }
.crisis p, .crisis ul { margin: 0 0 .4rem; }
.crisis .crisis-source { margin: 0; font-size: .875em; }
`;

/**
 * The hits of the module's `search(query, options)` to show, at most `options.limit`, with how the
 * status counts them: all there are ("3 resultaten"), or the best of more ("De 20 beste
 * resultaten"). One hit more than shown is asked for, to know whether there are more.
 */
export function shownHits(search, query, options) {
  const found = search(query, { ...options, limit: options.limit + 1 });
  const hits = found.slice(0, options.limit);
  const count = hits.length;
  const counted =
    found.length > count
      ? count === 1
        ? 'Het beste resultaat'
        : `De ${count} beste resultaten`
      : `${count} ${count === 1 ? 'resultaat' : 'resultaten'}`;
  return { hits, counted };
}

/**
 * The sentence naming the words of a query that the guidance never uses (the module's
 * `unknownWords`), so a reader knows why little or nothing was found and that any hits (`found`)
 * are about the other words; '' when there are none.
 */
export function unknownWordsNote(words, found) {
  if (words.length === 0) return '';
  const quoted = words.map((word) => `‘${word}’`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} en ${quoted.at(-1)}`;
  const verb = quoted.length === 1 ? 'staat' : 'staan';
  return `${list} ${verb} nergens in de richtlijnen${found ? '; de resultaten gaan over uw andere woorden' : ''}.`;
}

/**
 * `query` without `words` (the module's `unknownWords`, each a whole word of it as typed), spaces
 * tidied: the search to offer a reader whose query found nothing because of those words.
 */
export function withoutWords(query, words) {
  let rest = query;
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rest = rest.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'), '$1');
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/**
 * Prepares the search (the module's `prepareSearch`) in the browser's idle moments, a slice at a
 * time, so that a reader who starts typing meanwhile waits for one slice, not for the whole
 * preparation: on a phone that is a tenth of a second or more.
 */
export function prepareSearchWhenIdle(prepareSearch) {
  // Without requestIdleCallback (Safari), a timer with a budget of one short task.
  const idle = window.requestIdleCallback ?? ((slice) => setTimeout(() => slice({ timeRemaining: () => 10 })));
  idle(function slice(deadline) {
    if (!prepareSearch(deadline.timeRemaining())) idle(slice);
  });
}

/** Whether the browser can put the list of questions in the top layer, anchored to its box. */
const ANCHORED = typeof HTMLElement.prototype.togglePopover === 'function' && CSS.supports('anchor-name', '--a');

/**
 * Offers a patient the questions the lay texts answer while they type, in a list under the search
 * box: an ARIA combobox with a listbox. Arrow keys move through the questions, Enter or a tap takes
 * one, Escape closes the list, and Arrow down past the last question leaves the list to the box's
 * owner, which moves on to the results. Not a <datalist>: browsers show only those of its options
 * that contain the typed text as it stands, which hides most questions the module finds by their
 * words ("bewegen pijn" finds "Mag ik blijven bewegen als het pijn doet?").
 */
export class QuestionSuggestions {
  #input;
  #list;
  #choose;
  #active = -1;
  #taken = null;

  /**
   * `list` is an empty <ul> with an id, placed right after `input` in an element with the class
   * `suggesting`; `choose(question)` runs when the reader takes a question, which is then in the box.
   */
  constructor(input, list, choose) {
    this.#input = input;
    this.#list = list;
    this.#choose = choose;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Vragen die u kunt kiezen');
    list.hidden = true;
    // In the top layer, anchored to the box, the list is not cut off by a page that clips the
    // element (`overflow: hidden` on a card around it); where the browser cannot anchor it, it
    // stays inside the element.
    if (ANCHORED) list.popover = 'manual';
    // A tap on a question must not take the focus from the box first (that would close the list).
    list.addEventListener('pointerdown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) this.#take(option.textContent);
    });
    input.addEventListener('blur', () => this.#expand(false));
  }

  /**
   * Offers the questions that `suggest` (the module's `suggestQuestions`) finds for the words in the
   * box, at most eight; `null` when the reader is offered none at all (a professional): the box is
   * then a plain search box. A question just taken is not offered again.
   */
  offer(suggest) {
    const input = this.#input;
    if (suggest === null) {
      for (const name of ['role', 'aria-autocomplete', 'aria-expanded', 'aria-activedescendant']) {
        input.removeAttribute(name);
      }
      setControls(input, this.#list.id, false);
      this.#list.replaceChildren();
      this.#expand(false);
      return;
    }
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    setControls(input, this.#list.id, true);
    if (input.value !== this.#taken) this.#taken = null;
    const offered =
      this.#taken === null && input.value.trim() ? suggest(input.value, 8).map((found) => found.question) : [];
    this.#list.replaceChildren(
      ...offered.map((question, index) => {
        const option = document.createElement('li');
        option.id = `${this.#list.id}-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.textContent = question;
        return option;
      }),
    );
    this.#expand(offered.length > 0 && input.matches(':focus'));
  }

  /**
   * Handles a key pressed in the box while the list is open: true when it was the list's key (the
   * default is then prevented, and the owner does nothing more with it).
   */
  key(event) {
    if (this.#list.hidden) return false;
    const options = this.#list.children;
    if (event.key === 'ArrowDown') {
      if (this.#active === options.length - 1) {
        this.#expand(false);
        return false;
      }
      this.#select(this.#active + 1);
    } else if (event.key === 'ArrowUp' && this.#active >= 0) {
      this.#select(this.#active - 1);
    } else if (event.key === 'Enter' && this.#active >= 0) {
      this.#take(options[this.#active].textContent);
    } else if (event.key === 'Escape') {
      this.#expand(false);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  /** Marks question number `index` as the one Enter takes; -1 for none (the typed text). */
  #select(index) {
    const options = [...this.#list.children];
    options.forEach((option, at) => option.setAttribute('aria-selected', String(at === index)));
    this.#active = index;
    if (index < 0) {
      this.#input.removeAttribute('aria-activedescendant');
      return;
    }
    this.#input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  #expand(open) {
    this.#select(-1);
    this.#list.hidden = !open;
    if (this.#list.popover && this.#list.isConnected) this.#list.togglePopover(open);
    if (this.#input.hasAttribute('role')) this.#input.setAttribute('aria-expanded', String(open));
  }

  #take(question) {
    this.#taken = question;
    this.#input.value = question;
    this.#expand(false);
    this.#choose(question);
  }
}

/** Adds `id` to the ids in the `aria-controls` of `element`, or removes it, keeping the others. */
export function setControls(element, id, on) {
  const ids = new Set((element.getAttribute('aria-controls') ?? '').split(' ').filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute('aria-controls', [...ids].join(' '));
  else element.removeAttribute('aria-controls');
}

/** The styles of the list of questions; the site and the search component add them to their own. */
export const SUGGESTION_CSS = `
.suggesting { position: relative; }
.suggestions {
  position: absolute; z-index: 5; top: 100%; left: 0; right: 0; margin: .25rem 0 0; padding: .25rem 0;
  list-style: none; max-height: 50vh; overflow-y: auto; text-align: left;
  color: var(--_ink, var(--ink)); background: var(--_bg, var(--paper));
  border: 1px solid var(--_line, var(--line)); border-radius: .5rem; box-shadow: 0 4px 12px rgba(0, 0, 0, .15);
}
.suggestions[hidden] { display: none; }
.suggestions li { padding: .5rem .75rem; cursor: pointer; }
.suggestions li:hover { background: var(--_mark, var(--wash)); }
.suggestions li[aria-selected="true"] { color: var(--_bg, var(--paper)); background: var(--_accent, var(--accent)); }
/* Forced colours (Windows high contrast) drop backgrounds: the question the arrow keys chose keeps
   the system's highlight colours, as a native list's option does. */
@media (forced-colors: active) {
  .suggestions li[aria-selected="true"] { forced-color-adjust: none; color: HighlightText; background: Highlight; }
}
@supports (anchor-name: --a) {
  .suggesting > input { anchor-name: --vragen-vak; }
  .suggestions[popover] {
    position: fixed; position-anchor: --vragen-vak; position-try-fallbacks: flip-block;
    position-visibility: anchors-visible;
    inset: auto; top: anchor(bottom); left: anchor(left); width: anchor-size(width);
  }
}
`;
