// #/stappen: the four stepped-care steps, drawn as an SVG built here from steppedCare(), with
// arrows up and down labelled by the escalation and de-escalation criteria; the full criteria
// follow as real HTML lists.
import { steppedCare } from '../pkg/pijnwijzer.js';
import { citationText } from '../labels.js';
import { h, s, trustedHtml, nodeHref, route, pageHeading, isPatient, fill } from '../dom.js';

// Two layouts: a wide one, and a narrow one for phones so that the text stays legible.
const WIDE = { WIDTH: 480, BOX: 118, GAP: 80, TOP: 6, LEFT: 52, title: 36, providers: 50, label: 44 };
const NARROW = { WIDTH: 330, BOX: 122, GAP: 80, TOP: 6, LEFT: 40, title: 22, providers: 34, label: 24 };
let WIDTH, BOX, GAP, TOP, LEFT, L;

const notApplicable = (item) => /^niet van toepassing/i.test(item.text.trim());

/** Cuts a text at a word boundary so it fits `max` characters. */
function cut(text, max) {
  if (text.length <= max) return text;
  const part = text.slice(0, max - 1);
  const space = part.lastIndexOf(' ');
  return `${(space > max / 2 ? part.slice(0, space) : part).replace(/[\s,;:.]+$/, '')}…`;
}

/** Wraps a text into at most `lines` lines of about `width` characters. */
function wrap(text, width, lines) {
  const out = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!line || `${line} ${word}`.length <= width) line = line ? `${line} ${word}` : word;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) {
    const rest = out.slice(lines - 1).join(' ');
    out.length = lines - 1;
    out.push(cut(rest, width));
  }
  return out;
}

/** The short label of an arrow: the first criterion up to its first colon or semicolon. */
function shortLabel(items, max) {
  const usable = items.filter((i) => !notApplicable(i));
  if (usable.length === 0) return null;
  const first = usable[0].text.split(/[:;]/)[0].trim();
  const more = usable.length > 1 ? ` (+${usable.length - 1})` : '';
  return cut(first.charAt(0).toUpperCase() + first.slice(1), max - more.length) + more;
}

function diagram(steps, narrow) {
  L = narrow ? NARROW : WIDE;
  ({ WIDTH, BOX, GAP, TOP, LEFT } = L);
  const ordered = [...steps].sort((a, b) => b.step - a.step); // step 4 on top: the staircase goes up
  const height = TOP * 2 + ordered.length * BOX + (ordered.length - 1) * GAP;
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-labelledby': 'steps-svg-title steps-svg-desc',
    'aria-label': 'Schema van de vier stappen van stepped care, met op- en afschalen',
    class: 'steps-diagram',
    focusable: 'false',
  });
  const description = steps
    .map((st) => {
      const up = shortLabel(st.moveUp, 80);
      const down = shortLabel(st.moveDown, 80);
      return `${st.title}.${up ? ` Opschalen: ${up}.` : ''}${down ? ` Afschalen: ${down}.` : ''}`;
    })
    .join(' ');
  svg.append(
    s('title', { id: 'steps-svg-title' }, 'Stepped care in vier stappen'),
    s('desc', { id: 'steps-svg-desc' }, description),
    s(
      'defs',
      {},
      ['up', 'down'].map((direction) =>
        s(
          'marker',
          {
            id: `arrow-${direction}`,
            viewBox: '0 0 10 10',
            refX: '5',
            refY: '5',
            markerWidth: '6',
            markerHeight: '6',
            orient: 'auto',
          },
          s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow-head ${direction}` }),
        ),
      ),
    ),
  );
  const y = (index) => TOP + index * (BOX + GAP);
  const boxWidth = WIDTH - 2 * LEFT;
  ordered.forEach((st, index) => {
    const [, title = st.title] = st.title.match(/^Stap \d+:\s*(.*)$/) ?? [];
    const titleLines = wrap(title.charAt(0).toUpperCase() + title.slice(1), L.title, 3);
    const providers = st.providers.map((p) => p.text.replace(/\s*\(.*?\)/g, '')).join(', ');
    const providerLines = wrap(`Wie: ${providers}`, L.providers, 2);
    const top = y(index);
    const x = LEFT;
    svg.append(
      s(
        'g',
        { class: `step step-${st.step}`, 'data-step': st.step },
        s('rect', { x, y: top, width: boxWidth, height: BOX, rx: 10, class: 'step-box' }),
        s('circle', { cx: x + 28, cy: top + 30, r: 19, class: 'step-badge' }),
        s('text', { x: x + 28, y: top + 37, class: 'step-number', 'text-anchor': 'middle' }, String(st.step)),
        s(
          'text',
          { x: x + 56, y: top + 25, class: 'step-title' },
          titleLines.map((line, i) => s('tspan', { x: x + 56, dy: i ? 18 : 0 }, line)),
        ),
        s(
          'text',
          { x: x + 12, y: top + BOX - 26, class: 'step-providers' },
          providerLines.map((line, i) => s('tspan', { x: x + 12, dy: i ? 15 : 0 }, line)),
        ),
      ),
    );
  });
  // Arrows between neighbours: up on the left, down on the right, labels in between.
  for (let index = 0; index < ordered.length - 1; index++) {
    const higher = ordered[index];
    const lower = ordered[index + 1];
    const gapTop = y(index) + BOX;
    const up = shortLabel(lower.moveUp, L.label);
    const down = shortLabel(higher.moveDown, L.label);
    const group = s('g', { class: 'move', 'data-from': lower.step, 'data-to': higher.step });
    if (up) {
      group.append(
        s('line', {
          x1: LEFT / 2,
          y1: gapTop + BOX / 2 + GAP,
          x2: LEFT / 2,
          y2: gapTop - BOX / 2 + 10,
          class: 'arrow up',
          'marker-end': 'url(#arrow-up)',
        }),
        s(
          'text',
          { x: WIDTH / 2, y: gapTop + 30, class: 'move-label up', 'text-anchor': 'middle' },
          `▲ Opschalen: ${up}`,
        ),
      );
    }
    if (down) {
      group.append(
        s('line', {
          x1: WIDTH - LEFT / 2,
          y1: gapTop - BOX / 2,
          x2: WIDTH - LEFT / 2,
          y2: gapTop + GAP + BOX / 2 - 10,
          class: 'arrow down',
          'marker-end': 'url(#arrow-down)',
        }),
        s(
          'text',
          { x: WIDTH / 2, y: gapTop + 58, class: 'move-label down', 'text-anchor': 'middle' },
          `▼ Afschalen: ${down}`,
        ),
      );
    }
    svg.append(group);
  }
  return svg;
}

function itemList(items, className = '') {
  return h(
    'ul',
    { class: className },
    items.map((item) => h('li', {}, trustedHtml(h('span', {}), item.html))),
  );
}

function stepSection(st, total) {
  const patient = isPatient();
  const up = st.moveUp.filter((i) => !notApplicable(i));
  const down = st.moveDown.filter((i) => !notApplicable(i));
  return h(
    'section',
    { class: 'step-detail card', id: `stap-${st.step}`, 'aria-labelledby': `stap-${st.step}-title` },
    h('h2', { id: `stap-${st.step}-title` }, st.title),
    st.source ? h('p', { class: 'citation' }, citationText(st.source)) : null,
    patient && st.lay?.html
      ? trustedHtml(h('div', { class: 'layer lay' }), st.lay.html)
      : trustedHtml(h('div', { class: 'summary' }), st.summary.html),
    st.when.length ? [h('h3', {}, 'Wanneer deze stap'), itemList(st.when)] : null,
    st.providers.length ? [h('h3', {}, 'Wie biedt de zorg'), itemList(st.providers)] : null,
    h('h3', {}, st.step < total ? `Opschalen naar een hogere stap als` : 'Opschalen'),
    up.length ? itemList(up, 'criteria up') : h('p', {}, 'Niet van toepassing: dit is de hoogste stap.'),
    h('h3', {}, 'Afschalen naar een lagere stap'),
    down.length ? itemList(down, 'criteria down') : h('p', {}, 'Niet van toepassing: dit is de lichtste stap.'),
    h('p', {}, h('a', { href: nodeHref(st.id) }, `Alles over stap ${st.step}`)),
  );
}

export function render(container) {
  const steps = steppedCare();
  fill(
    container,
    pageHeading('Stepped care: vier stappen'),
    h(
      'p',
      { class: 'lead' },
      'Zo licht als mogelijk, zo zwaar als nodig. Het schema toont de vier stappen van de Zorgstandaard met wanneer u op- of afschaalt; de volledige criteria staan eronder.',
    ),
    h(
      'figure',
      { class: 'steps-figure' },
      diagram(steps, window.matchMedia('(max-width: 32rem)').matches),
      h(
        'figcaption',
        {},
        'Pijl omhoog (links): opschalen. Pijl omlaag (rechts): afschalen. ',
        h('a', { href: '#stappen-criteria', class: 'skip-inline' }, 'Naar de volledige criteria'),
      ),
    ),
    h(
      'nav',
      { class: 'step-jump', 'aria-label': 'Stappen' },
      h(
        'ul',
        {},
        steps.map((st) =>
          h('li', {}, h('a', { href: `${route('/stappen')}`, 'data-target': `stap-${st.step}` }, `Stap ${st.step}`)),
        ),
      ),
    ),
    h(
      'div',
      { id: 'stappen-criteria', class: 'steps-list' },
      steps.map((st) => stepSection(st, steps.length)),
    ),
  );
  // In-page jumps without changing the hash route.
  for (const link of container.querySelectorAll('a[data-target], a.skip-inline')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const target = document.getElementById(link.dataset.target ?? 'stappen-criteria');
      const heading = target?.querySelector('h2') ?? target;
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    });
  }
  return 'Stepped care';
}
