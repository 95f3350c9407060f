// #/verwijzen: the RTA referral matrix as a table; a row or column header filters (highlights)
// that row or column and lists it in words (referral / referralsTo). ?klacht=<n> or
// ?discipline=<naam> keeps the choice in the address. The row labels stay in view while the grid
// scrolls sideways on a phone; a choice brings the answer into view and is announced in one
// sentence, while focus stays on the header that was chosen.
import { referralMatrix, referral, referralsTo, node } from '../pkg/pijnwijzer.js';
import { crisisLines } from '../pkg/components/terms.js';
import { citationText, kindLabel } from '../labels.js';
import { h, trustedHtml, route, nodeHref, refHref, pageHeading, fill, isPatient, shownTitle } from '../dom.js';

/**
 * For patients, above the grid: the matrix's own lay text, which says in plain words who a
 * patient may be sent to for which complaints, under its lay title.
 */
function layIntro(id) {
  const item = node(id);
  const lay = item.layers.find((layer) => layer.key === 'lay');
  if (!lay) return null;
  return h(
    'section',
    { class: 'referral-lay', 'aria-labelledby': 'referral-lay-heading' },
    h('h2', { id: 'referral-lay-heading' }, item.layTitle ?? lay.title),
    trustedHtml(h('div', { class: 'layer-body' }), lay.html),
    crisisLines(lay.text),
  );
}

/**
 * How the table was read from the source: the editors' account, for clinicians; a patient finds it
 * folded, labelled as such.
 */
function readingNote(html, patient) {
  const body = trustedHtml(h('div', { class: 'layer-body' }), html);
  return patient
    ? h(
        'details',
        { class: 'matrix-note' },
        h('summary', {}, 'Voor zorgverleners: hoe de tabel uit de bron is gelezen'),
        body,
      )
    : h(
        'section',
        { class: 'matrix-note', 'aria-labelledby': 'note-heading' },
        h('h2', { id: 'note-heading' }, 'Hoe de matrix is gelezen'),
        body,
      );
}

export function render(container, { params }) {
  const patient = isPatient();
  const matrix = referralMatrix();
  const rowParam = params.get('klacht');
  const colParam = params.get('discipline');
  let selected = null; // { row: index } | { col: index }
  const col = matrix.disciplines.findIndex((d) => d.toLowerCase() === colParam?.trim().toLowerCase());
  if (rowParam !== null && matrix.rows[Number(rowParam) - 1]) selected = { row: Number(rowParam) - 1 };
  else if (col >= 0) selected = { col };
  // A link that asks for a row or column the matrix lacks says so, until the reader chooses.
  let unknown = selected
    ? null
    : rowParam !== null
      ? `type klachten ${rowParam}`
      : colParam !== null
        ? `discipline ‘${colParam}’`
        : null;

  const answer = h('div', { class: 'referral-answer', id: 'referral-answer' });
  // What a screen reader hears after a choice: one sentence, not the whole answer.
  const status = h('p', { class: 'visually-hidden', role: 'status', id: 'referral-status' });
  const table = h('table', { class: 'matrix', 'aria-describedby': 'matrix-help' });
  // A line may break after the slash in "Pijnpoli/pijnspecialist" (a word-break opportunity, not text).
  const breakable = (text) => text.split('/').flatMap((part, i) => (i ? ['/', h('wbr'), part] : [part]));
  const colButtons = matrix.disciplines.map((d, i) =>
    h('button', { type: 'button', class: 'header-button', 'data-col': i, 'aria-pressed': 'false' }, breakable(d)),
  );
  const rowButtons = matrix.rows.map((r, i) =>
    h('button', { type: 'button', class: 'header-button', 'data-row': i, 'aria-pressed': 'false' }, r.complaint),
  );
  table.append(
    h('caption', {}, patient ? 'Welke zorgverleners de RTA noemt bij welke klachten' : matrix.title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'corner' }, 'Type klachten'),
        colButtons.map((b) => h('th', { scope: 'col' }, b)),
      ),
    ),
    h(
      'tbody',
      {},
      matrix.rows.map((row, r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, rowButtons[r]),
          row.cells.map((cell, c) =>
            h(
              'td',
              { 'data-row': r, 'data-col': c, class: cell ? 'yes' : 'no' },
              cell
                ? [h('span', { 'aria-hidden': 'true' }, '✓'), h('span', { class: 'visually-hidden' }, 'ja')]
                : [h('span', { 'aria-hidden': 'true' }, '·'), h('span', { class: 'visually-hidden' }, 'nee')],
            ),
          ),
        ),
      ),
    ),
  );

  function apply() {
    for (const b of colButtons) b.setAttribute('aria-pressed', String(selected?.col === Number(b.dataset.col)));
    for (const b of rowButtons) b.setAttribute('aria-pressed', String(selected?.row === Number(b.dataset.row)));
    for (const cell of table.querySelectorAll('td, th')) {
      const r = cell.dataset.row ?? cell.querySelector('[data-row]')?.dataset.row;
      const c = cell.dataset.col ?? cell.querySelector('[data-col]')?.dataset.col;
      const on =
        selected &&
        ((selected.row !== undefined && r !== undefined && Number(r) === selected.row) ||
          (selected.col !== undefined && c !== undefined && Number(c) === selected.col));
      cell.classList.toggle('selected', Boolean(on));
    }
    table.classList.toggle('filtering', Boolean(selected));
    if (!selected) {
      fill(
        answer,
        unknown
          ? h(
              'p',
              { class: 'notice' },
              `Dit adres vraagt naar ${unknown}, maar die staat niet in de matrix: er zijn ${matrix.rows.length} typen klachten en ${matrix.disciplines.length} ${patient ? 'zorgverleners' : 'disciplines'}.`,
            )
          : null,
        h(
          'p',
          { class: 'help' },
          `Kies een type klachten of een ${patient ? 'zorgverlener' : 'discipline'} in de koppen van de tabel.`,
        ),
      );
    } else if (selected.row !== undefined) {
      const row = referral(String(selected.row + 1));
      fill(
        answer,
        h('h2', {}, `Bij: ${row.complaint}`),
        // A clinician is told whom to refer to; a patient reads what the RTA names, not an order.
        h('p', {}, patient ? 'De RTA noemt bij deze klachten:' : 'Verwijs volgens de RTA naar:'),
        h(
          'ul',
          { class: 'answer-list' },
          row.disciplines.map((d) => h('li', {}, d)),
        ),
        backButton(),
      );
    } else {
      const name = matrix.disciplines[selected.col];
      const list = referralsTo(name);
      fill(
        answer,
        h('h2', {}, `Naar: ${name}`),
        h(
          'p',
          {},
          list.length
            ? patient
              ? 'De RTA noemt deze zorgverlener bij:'
              : 'De RTA verwijst hierheen bij:'
            : 'De matrix verwijst hier bij geen enkel type klachten naar.',
        ),
        list.length
          ? h(
              'ul',
              { class: 'answer-list' },
              list.map((c) => h('li', {}, c)),
            )
          : null,
        backButton(),
      );
    }
  }

  /** How to scroll: without animation for readers who asked for less motion. */
  const motion = () => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

  /** The header button of the current choice. */
  const chosenButton = () =>
    selected?.row !== undefined
      ? rowButtons[selected.row]
      : selected?.col !== undefined
        ? colButtons[selected.col]
        : null;

  /** On a phone the answer lies below a long grid: this goes back to the chosen header. */
  function backButton() {
    const button = h('button', { type: 'button', class: 'secondary small back-to-matrix' }, 'Terug naar de tabel');
    button.addEventListener('click', () => {
      const chosen = chosenButton();
      chosen?.focus({ preventScroll: true });
      chosen?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: motion() });
    });
    return button;
  }

  /** The choice in one sentence, for the status region. */
  function sentence() {
    const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);
    const names = (list) =>
      list.length > 1 ? `${list.slice(0, -1).map(lower).join(', ')} en ${lower(list.at(-1))}` : lower(list[0]);
    if (!selected) return 'Keuze gewist: de hele tabel staat weer open.';
    if (selected.row !== undefined) {
      const row = referral(String(selected.row + 1));
      // A patient hears what the screen says: what the RTA names, not whom to refer to.
      if (patient) {
        return row.disciplines.length
          ? `Bij ${lower(row.complaint)} noemt de RTA ${names(row.disciplines)}.`
          : `Bij ${lower(row.complaint)} noemt de RTA geen zorgverlener.`;
      }
      return row.disciplines.length
        ? `Bij ${lower(row.complaint)} verwijst de RTA naar ${names(row.disciplines)}.`
        : `Bij ${lower(row.complaint)} noemt de RTA geen discipline.`;
    }
    const name = matrix.disciplines[selected.col];
    const count = referralsTo(name).length;
    const kinds = `${count} ${count === 1 ? 'type' : 'typen'} klachten`;
    if (patient) {
      return count
        ? `De RTA noemt ${lower(name)} bij ${kinds}.`
        : `De RTA noemt ${lower(name)} bij geen enkel type klachten.`;
    }
    return count
      ? `Naar ${lower(name)} verwijst de RTA bij ${kinds}.`
      : `Naar ${lower(name)} verwijst de matrix bij geen enkel type klachten.`;
  }

  function choose(next) {
    const same = next && selected && next.row === selected.row && next.col === selected.col;
    selected = same ? null : next;
    unknown = null;
    const query =
      selected?.row !== undefined
        ? { klacht: selected.row + 1 }
        : selected?.col !== undefined
          ? { discipline: matrix.disciplines[selected.col] }
          : {};
    history.replaceState(null, '', route('/verwijzen', query));
    apply();
    status.textContent = sentence();
    if (selected) {
      // The answer can lie below the fold (far below on a phone): bring it into view.
      answer.scrollIntoView({ block: 'nearest', behavior: motion() });
    }
  }
  for (const b of colButtons) b.addEventListener('click', () => choose({ col: Number(b.dataset.col) }));
  for (const b of rowButtons) b.addEventListener('click', () => choose({ row: Number(b.dataset.row) }));

  fill(
    container,
    pageHeading(
      patient ? 'Verwijzen: welke zorgverlener bij welke klachten?' : 'Verwijzen: welke discipline bij welke klachten?',
    ),
    matrix.source ? h('p', { class: 'citation' }, citationText(matrix.source)) : null,
    patient ? layIntro(matrix.id) : null,
    h(
      'p',
      { id: 'matrix-help', class: 'help' },
      patient
        ? 'Kies een soort klachten (een rij) of een zorgverlener (een kolom); nog eens kiezen wist de keuze. ✓ = de RTA noemt deze zorgverlener.'
        : 'Activeer een rij- of kolomkop om die rij of kolom te kiezen; nogmaals activeren wist de keuze. ✓ = de RTA noemt deze discipline.',
    ),
    h(
      'div',
      {
        class: 'matrix-wrap table-scroll',
        tabindex: '0',
        role: 'region',
        'aria-label': 'Verwijsmatrix, horizontaal te scrollen',
      },
      table,
    ),
    status,
    h(
      'div',
      { class: 'referral-side' },
      answer,
      h(
        'section',
        { class: 'related', 'aria-labelledby': 'related-heading' },
        h('h2', { id: 'related-heading' }, 'Bij verwijzen hoort ook'),
        h(
          'ul',
          {},
          matrix.related.map((ref) =>
            h(
              'li',
              {},
              h('a', { href: refHref(ref) }, shownTitle(ref)),
              // A patient reads no kinds, but whether a page is written for care providers.
              patient
                ? ref.layTitle
                  ? null
                  : h('span', { class: 'kind-inline' }, ' · voor zorgverleners')
                : h('span', { class: 'kind-inline' }, ` · ${kindLabel(ref.kind)}`),
              ref.citation ? h('span', { class: 'citation-inline' }, ` · ${ref.citation}`) : null,
            ),
          ),
        ),
        h('p', {}, h('a', { href: nodeHref(matrix.id) }, 'De matrix als onderdeel van de RTA')),
      ),
    ),
    matrix.note?.html ? readingNote(matrix.note.html, patient) : null,
  );
  apply();
  return 'Verwijzen';
}
