/*
 * <pijn-checklist checklist="zs.checklist.pijneducatie"></pijn-checklist>
 *
 * A checklist from the Pijnwijzer guidance: title, introduction, items to tick off (real checkboxes
 * with labels), where each item comes from, and the source. What is ticked stays in this browser
 * (localStorage, key "pijnwijzer:checklist:<id>", the same key the Pijnwijzer site uses; the value
 * is a JSON array of the numbers of the ticked items, counted from 0) and comes back on the next
 * visit. "Wis alles" clears it. Printing the page gives a clean handout.
 *
 * Usage: one script tag and the element.
 *   <script type="module" src="…/pkg/components/pijn-checklist.js"></script>
 *   <pijn-checklist checklist="zs.checklist.pijneducatie" voor="patient"></pijn-checklist>
 *
 * Attributes (a change re-renders the element):
 *   checklist  the checklist's id (see checklists() in the module), or its title; an id needs no
 *              module: the checklist is one small file, pkg/checklist/ID.json
 *   voor       "patient": the title in a patient's words and the explanation in plain language (B1)
 *              first; the items, written for care providers, follow under a heading that says so
 *   kop        heading level of the title, 1–6 (default 2)
 *   link       URL template for links to other parts of the guidance, {id} = node id,
 *              e.g. "https://example.org/pijnwijzer/#/n/{id}"; without it those links are plain text
 *
 * Fallback: put a sentence with a link to the checklist on the Pijnwijzer site inside the element;
 * it shows until the script runs, and under the Dutch message if the module cannot be loaded.
 *
 * Events (bubbles, composed; see shared.js):
 *   pijn-checklist-ready   the checklist is shown. detail { id, title, total, checked: [numbers] }
 *   pijn-checklist-change  an item was ticked or unticked, or "Wis alles" was pressed.
 *                          detail { id, checked: [numbers], total, index } where index is the
 *                          item's number (from 0), or null for "Wis alles"
 *   pijn-checklist-error   a Dutch message shows instead. detail { code, message }
 *
 * Parts (::part): body, title, intro, lay (the explanation for patients), for-professionals (with
 * voor="patient", the note that the items are written for care providers), group (a heading over
 * a run of items, as the source groups them), items (a list of items: one per group), item,
 * checkbox, item-text, origin, progress, reset (the button), warning, citation, loading, error,
 * term, term-definition, crisis.
 *
 * Theme (CSS custom properties; set them in the page's CSS on the element or an ancestor):
 *   --pijn-accent, --pijn-ink, --pijn-muted, --pijn-bg, --pijn-line, --pijn-mark,
 *   --pijn-font, --pijn-size, --pijn-radius   (defaults and meaning: see shared.js)
 */
import { Notice, PijnElement, define, h, headingLevel, linkFor, moduleHtml, ownFile, ready } from './shared.js';
import { crisisLines, titleFor } from './terms.js';

const KEY = 'pijnwijzer:checklist:';

/** The ticked item numbers stored for a checklist; tolerant of a damaged or foreign value. */
export function loadChecked(id, total) {
  let raw = null;
  try {
    raw = JSON.parse(localStorage.getItem(KEY + id) ?? 'null');
  } catch {
    return new Set();
  }
  // The format is a list of item numbers; also read a list of booleans (one per item), an object
  // { checked: [numbers] } and an object { "0": true, … }, so that no stored state is lost.
  let list = [];
  if (Array.isArray(raw)) list = raw;
  else if (Array.isArray(raw?.checked)) list = raw.checked;
  else if (raw && typeof raw === 'object')
    list = Object.keys(raw)
      .filter((key) => raw[key] === true)
      .map(Number);
  const numbers =
    list.length && list.every((value) => typeof value === 'boolean')
      ? list.flatMap((value, index) => (value ? [index] : []))
      : list;
  return new Set(numbers.filter((n) => Number.isInteger(n) && n >= 0 && n < total));
}

/** Stores the ticked item numbers; false when the browser refuses (storage off or full). */
export function saveChecked(id, checked) {
  try {
    if (checked.size) localStorage.setItem(KEY + id, JSON.stringify([...checked].sort((a, b) => a - b)));
    else localStorage.removeItem(KEY + id);
    return true;
  } catch {
    return false;
  }
}

const CSS = `
.intro, .lay { margin-bottom: .75em; }
.group { margin: 1em 0 .25em; font-size: 1em; }
.for-professionals { color: var(--_muted); font-size: .875em; margin: 0 0 .5em; }
.lay {
  border-left: 4px solid var(--_accent);
  padding: .25em 0 .25em .9em;
}
.lay > :last-child, .intro > :last-child { margin-bottom: 0; }
.items { list-style: none; padding: 0; margin: .75em 0; }
.item {
  display: grid;
  grid-template-columns: auto 1fr;
  column-gap: .6em;
  padding: .5em 0;
  border-top: 1px solid var(--_line);
}
.item:last-child { border-bottom: 1px solid var(--_line); }
.item input {
  font-size: inherit; /* not the browser's smaller one for form controls */
  /* 24 px at least, WCAG 2.2's target size, however small the page sets its text */
  width: max(24px, 1.5em);
  height: max(24px, 1.5em);
  margin: 0;
  accent-color: var(--_accent);
  cursor: pointer;
}
.item label { cursor: pointer; }
.item .origin { grid-column: 2; margin: .15em 0 0; }
.item input:checked + label { color: var(--_muted); }
.progress { margin: 0; color: var(--_muted); font-size: .875em; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; margin-top: .75em; }
.actions .progress { flex: 1 1 12em; }
.warning { color: var(--_ink); font-size: .875em; margin: .5em 0 0; }
@media print {
  .items { margin: .5em 0; }
  .item { break-inside: avoid; border-color: #999; }
  .item input { accent-color: #000; }
  .item input:checked + label { color: #000; }
  .lay { border-left-color: #000; }
  .source, .origin { color: #333; }
  .progress { display: none; }
}
`;

class PijnChecklist extends PijnElement {
  static css = CSS;
  static what = 'De checklist';
  static observedAttributes = ['checklist', 'voor', 'kop', 'link'];

  #id = null;
  #title = '';
  #checked = new Set();
  #total = 0;

  constructor() {
    super();
    // Another tab (or the Pijnwijzer site) changed the same checklist: follow it.
    this.onStorage = (event) => {
      if (this.#id && event.key === KEY + this.#id) this.#restore();
    };
    // Another element on this page shows the same checklist and was ticked: follow it.
    this.onSibling = (event) => {
      if (this.#id && event.target !== this && event.detail?.id === this.#id) this.#restore();
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('storage', this.onStorage);
    window.addEventListener('pijn-checklist-change', this.onSibling);
  }

  disconnectedCallback() {
    window.removeEventListener('storage', this.onStorage);
    window.removeEventListener('pijn-checklist-change', this.onSibling);
  }

  /**
   * A checklist asked for by id comes from its own small file (`pkg/checklist/ID.json`, see
   * ownFile), without the module. A title, or an id without such a file, takes the module, which
   * finds the checklist by its title or says what is missing.
   */
  async source() {
    const list = await ownFile('checklist', (this.getAttribute('checklist') ?? '').trim());
    return list ? { checklist: () => list } : ready();
  }

  draw(api) {
    const wanted = (this.getAttribute('checklist') ?? '').trim();
    this.#id = null;
    if (!wanted) {
      throw new Notice('missing-attribute', 'Geef met het attribuut checklist aan welke checklist u wilt tonen.');
    }
    const list = api.checklist(wanted);
    const level = headingLevel(this.getAttribute('kop'));
    const template = this.getAttribute('link');
    const patient = this.getAttribute('voor') === 'patient';
    this.#id = list.id;
    // A patient reads the title in a patient's words, as on the site.
    this.#title = titleFor(list, patient);
    this.#total = list.items.length;
    this.#checked = loadChecked(list.id, list.items.length);

    const titleId = 'titel';
    const nodes = [h(`h${level}`, { class: 'title', part: 'title', id: titleId }, this.#title)];
    const subheading = Math.min(level + 1, 6);
    if (patient && list.lay?.html) {
      nodes.push(
        h(
          'section',
          { class: 'lay', part: 'lay', 'aria-labelledby': 'lay-titel' },
          h(`h${subheading}`, { class: 'subtitle', id: 'lay-titel' }, 'In gewone woorden'),
          moduleHtml(h('div'), list.lay.html, template),
          crisisLines(list.lay.text),
        ),
      );
    }
    // A patient reads the plain words first; the list itself, written for care providers, says so.
    const forProfessionals = patient && list.audience === 'professional';
    if (forProfessionals) {
      nodes.push(
        h(`h${subheading}`, { class: 'subtitle', id: 'zorg-titel' }, 'Voor zorgverleners: de punten uit de richtlijn'),
        h(
          'p',
          { class: 'for-professionals', part: 'for-professionals' },
          'Deze punten zijn geschreven voor zorgverleners, in hun vaktaal.',
        ),
      );
    }
    if (list.intro?.html) {
      nodes.push(moduleHtml(h('div', { class: 'intro', part: 'intro' }), list.intro.html, template));
    }
    const items = list.items.map((item, index) => {
      const box = h('input', { type: 'checkbox', part: 'checkbox', id: `punt-${index}`, 'data-index': index });
      box.checked = this.#checked.has(index);
      // With a link template, the item's origin is a link into the guidance.
      const originHref = item.origin && template ? linkFor(template, item.origin.id) : null;
      const origin = item.origin
        ? h(
            'p',
            { class: 'origin', part: 'origin', id: `herkomst-${index}` },
            'Uit: ',
            originHref ? h('a', { href: originHref }, item.origin.title) : item.origin.title,
            item.origin.citation ? ` (${item.origin.citation})` : '',
          )
        : null;
      if (origin) box.setAttribute('aria-describedby', origin.id);
      const label = moduleHtml(h('label', { for: box.id, part: 'item-text' }), item.html, template);
      return h('li', { class: 'item', part: 'item' }, box, label, origin);
    });
    // The source's headings over runs of items: each run a list of its own, under its heading.
    const runs = list.groups[0]?.first === 0 ? list.groups : [{ title: null, first: 0 }, ...list.groups];
    const groupLevel = Math.min(subheading + (forProfessionals ? 1 : 0), 6);
    for (const [k, run] of runs.entries()) {
      const headingId = `groep-${k}`;
      const ol = h(
        'ol',
        { class: 'items', part: 'items', 'aria-labelledby': run.title ? headingId : titleId },
        items.slice(run.first, runs[k + 1]?.first ?? items.length),
      );
      ol.addEventListener('change', (event) => this.#toggle(event.target));
      if (run.title) nodes.push(h(`h${groupLevel}`, { class: 'group', part: 'group', id: headingId }, run.title));
      nodes.push(ol);
    }

    this.progress = h('p', { class: 'progress', part: 'progress' });
    // What a screen reader says: only what the reader did in this element. The count shown also
    // follows ticks made elsewhere (another element with this checklist, another tab), which a
    // live region would read out as if they were the reader's own.
    this.said = h('p', { class: 'visually-hidden', role: 'status' });
    const reset = h('button', { type: 'button', class: 'secondary reset', part: 'reset' }, 'Wis alles');
    reset.addEventListener('click', () => this.reset());
    this.warning = h(
      'p',
      { class: 'warning no-print', part: 'warning', hidden: true },
      'Let op: deze browser bewaart de vinkjes niet (opslag staat uit).',
    );
    nodes.push(h('div', { class: 'actions' }, this.progress, this.said, reset), this.warning);
    if (list.source?.citation) {
      nodes.push(h('p', { class: 'source', part: 'citation' }, `Bron: ${list.source.citation}`));
    }
    this.#count('');
    return h('section', { 'aria-labelledby': titleId }, nodes);
  }

  /** The ids and ticks of this checklist (also for scripts on the page). */
  get checked() {
    return [...this.#checked].sort((a, b) => a - b);
  }

  readyDetail() {
    return { id: this.#id, title: this.#title, total: this.#total, checked: this.checked };
  }

  /** Clears every tick, here and in storage. */
  reset() {
    if (!this.#id) return;
    this.#checked.clear();
    for (const box of this.shadowRoot.querySelectorAll('.item input')) box.checked = false;
    this.#store(null);
    this.#count('Alle vinkjes zijn gewist.', { say: true });
    this.shadowRoot.querySelector('.item input')?.focus();
  }

  #toggle(box) {
    if (!(box instanceof HTMLInputElement) || !box.dataset.index) return;
    const index = Number(box.dataset.index);
    if (box.checked) this.#checked.add(index);
    else this.#checked.delete(index);
    this.#store(index);
    this.#count('', { say: true });
  }

  /** Saves the ticks and tells the page; `index` is the item that changed, null for all. */
  #store(index) {
    const saved = saveChecked(this.#id, this.#checked);
    if (this.warning) this.warning.hidden = saved;
    this.emit('change', { id: this.#id, checked: this.checked, total: this.#total, index });
  }

  #restore() {
    this.#checked = loadChecked(this.#id, this.#total);
    for (const box of this.shadowRoot.querySelectorAll('.item input')) {
      box.checked = this.#checked.has(Number(box.dataset.index));
    }
    this.#count('');
  }

  /** Shows how many items are ticked, after `prefix`; with `say`, a screen reader reads it out. */
  #count(prefix, { say = false } = {}) {
    if (!this.progress) return;
    const done = this.#checked.size;
    this.progress.textContent = `${prefix ? `${prefix} ` : ''}${done} van ${this.#total} afgevinkt.`;
    if (say) this.said.textContent = this.progress.textContent;
  }
}

define('pijn-checklist', PijnChecklist);
