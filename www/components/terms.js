/*
 * Glossary terms in lay texts. The module marks the first use of each professional term in a lay
 * text as <span class="term" title="definition">term</span>. explainTerms turns each into a button
 * that shows its definition on focus or tap, right after the word, and hides it on Escape or when
 * focus leaves: readable by keyboard, touch and screen reader (the definition is the button's
 * description), with no inline style or script, so it works under a strict Content-Security-Policy.
 * unknownWordsNote says which words of a search the guidance never uses, and withoutWords gives the
 * search without them, to offer when nothing was found. prepareSearchWhenIdle readies the search
 * while the reader reads.
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

/** The styles of a term and its definition; the site and the components add them to their own. */
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
`;

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
