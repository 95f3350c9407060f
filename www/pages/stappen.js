// #/stappen: the four stepped-care steps, drawn as an SVG built here from steppedCare(), with
// arrows up and down and, between the boxes, the label of every criterion to move up or down, in
// full; the full criteria follow as real HTML lists. A patient reads each step's lay text instead:
// the criteria are the Zorgstandaard's own words, so their diagram shows the steps and the
// direction of each arrow, and the criteria wait under "Voor zorgverleners".
import { steppedCare } from '../pkg/pijnwijzer.js';
import { citationText } from '../labels.js';
import { h, s, trustedHtml, nodeHref, route, pageHeading, isPatient, shownTitle, fill } from '../dom.js';

// Two layouts (in SVG units): a wide one with the criteria up and down side by side between the
// boxes, and a narrow one for phones with them one under the other, so that the text stays legible.
const WIDE = { width: 560, side: 56, columns: 2 };
const NARROW = { width: 330, side: 40, columns: 1 };
// Line heights, and the room a criterion's bullet takes.
const LINE = { title: 18, move: 16 };
const BULLET = 11;

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Splits `text` into lines no wider than `width`, measured in the diagram's own font by `measure`
 * (a word wider than a line keeps a line of its own). Nothing is cut.
 */
function wrap(text, width, className, measure) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (!line || measure(longer, className) <= width) line = longer;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  // No short word alone on the last line when the word before it fits there too ("…of derde" /
  // "lijn" becomes "…of" / "derde lijn").
  const [before, last] = lines.slice(-2);
  if (lines.length > 1 && !last.includes(' ') && last.length <= 5 && before.includes(' ')) {
    const moved = before.slice(before.lastIndexOf(' ') + 1);
    if (measure(`${moved} ${last}`, className) <= width) {
      lines.splice(-2, 2, before.slice(0, before.lastIndexOf(' ')), `${moved} ${last}`);
    }
  }
  return lines;
}

/** A measure of text width in `svg`'s font (the SVG must be in the page), and how to end it. */
function measurer(svg) {
  const probe = s('text', { visibility: 'hidden', 'aria-hidden': 'true' });
  svg.append(probe);
  return {
    measure(text, className) {
      probe.setAttribute('class', className);
      probe.textContent = text;
      return probe.getComputedTextLength();
    },
    done: () => probe.remove(),
  };
}

/** The criteria of one move, laid out: a heading line, then each label wrapped under its bullet. */
function moveBlock(heading, criteria, width, measure) {
  const labels = criteria.map((c) => wrap(c.label, width - BULLET, 'move-label', measure));
  return { heading, labels, lines: 1 + labels.reduce((sum, lines) => sum + lines.length, 0) };
}

/** Draws `block` at (x, top) as one <text> of `direction`, with a bullet before each label. */
function drawMove(group, block, direction, x, top) {
  const baseline = (line) => top + 12 + line * LINE.move;
  let line = 1;
  const criteria = block.labels.map((lines) => {
    const first = line;
    line += lines.length;
    group.append(s('circle', { cx: x + 3, cy: baseline(first) - 4.5, r: 2.5, class: `bullet ${direction}` }));
    // Each line but the last ends in a space, so the criterion's text reads as its label.
    return s(
      'tspan',
      { class: 'criterion' },
      lines.map((text, i) =>
        s('tspan', { x: x + BULLET, y: baseline(first + i) }, i < lines.length - 1 ? `${text} ` : text),
      ),
    );
  });
  group.append(
    s(
      'text',
      { class: `move-label ${direction}` },
      s('tspan', { class: 'move-heading', x, y: baseline(0) }, block.heading),
      criteria,
    ),
  );
}

/** What each arrow's heading says: the move's name for clinicians, what it means for patients. */
const MOVES = {
  professional: {
    up: '▲ Opschalen',
    down: '▼ Afschalen',
    caption: 'Pijl omhoog (links): opschalen. Pijl omlaag (rechts): afschalen. ',
  },
  patient: {
    up: '▲ Zwaardere zorg',
    down: '▼ Lichtere zorg',
    caption: 'Pijl omhoog (links): zwaardere zorg. Pijl omlaag (rechts): lichtere zorg. ',
  },
};

/** The diagram's description: every step, for clinicians with the labels of its criteria both ways. */
function describe(steps, patient) {
  if (patient) return `${steps.map((st) => `${shownTitle(st)}.`).join(' ')} ${MOVES.patient.caption.trim()}`;
  const labels = (criteria) => criteria.map((c) => c.label).join('; ');
  return steps
    .map((st) => {
      const up = st.moveUp.length ? ` Opschalen: ${labels(st.moveUp)}.` : '';
      const down = st.moveDown.length ? ` Afschalen: ${labels(st.moveDown)}.` : '';
      return `${shownTitle(st)}.${up}${down}`;
    })
    .join(' ');
}

/**
 * Draws the steps into `svg`, which is in the page so that text can be measured; for a patient
 * (`patient`) the arrows carry their heading only.
 */
function draw(svg, steps, narrow, patient) {
  const moves = patient ? MOVES.patient : MOVES.professional;
  const criteriaOf = (list) => (patient ? [] : list);
  const { width, side, columns } = narrow ? NARROW : WIDE;
  const { measure, done } = measurer(svg);
  const boxWidth = width - 2 * side;
  const ordered = [...steps].sort((a, b) => b.step - a.step); // step 4 on top: the staircase goes up

  const boxes = ordered.map((st) => {
    const [, title = shownTitle(st)] = shownTitle(st).match(/^Stap \d+:\s*(.*)$/) ?? [];
    const titleLines = wrap(capitalise(title), boxWidth - 68, 'step-title', measure);
    // As tall as the title or the badge, whichever is taller.
    return { st, titleLines, height: Math.max(18 + titleLines.length * LINE.title, 60) };
  });
  // Between two boxes: the lower step's criteria up (left) and the higher step's criteria down.
  const column = columns === 2 ? (boxWidth - 16) / 2 : boxWidth;
  const gaps = boxes.slice(0, -1).map((higher, index) => {
    const lower = boxes[index + 1];
    const up = lower.st.moveUp.length ? moveBlock(moves.up, criteriaOf(lower.st.moveUp), column, measure) : null;
    const down = higher.st.moveDown.length
      ? moveBlock(moves.down, criteriaOf(higher.st.moveDown), column, measure)
      : null;
    const lines = columns === 2 ? [Math.max(up?.lines ?? 0, down?.lines ?? 0)] : [up?.lines ?? 0, down?.lines ?? 0];
    const text = lines.reduce((sum, n) => sum + n * LINE.move, 0) + (lines.filter(Boolean).length - 1) * 8;
    return { higher, lower, up, down, height: Math.max(text + 24, 48) };
  });
  done();

  // Tops, top to bottom.
  let y = 6;
  for (const [index, box] of boxes.entries()) {
    box.top = y;
    y += box.height;
    if (gaps[index]) {
      gaps[index].top = y;
      y += gaps[index].height;
    }
  }
  svg.setAttribute('viewBox', `0 0 ${width} ${y + 6}`);

  for (const { st, top, height, titleLines } of boxes) {
    // The badge and the title centred in the box; each title line but the last ends in a space,
    // so that the title reads whole.
    const centre = top + height / 2;
    const first = centre - (titleLines.length * LINE.title) / 2 + 13;
    svg.append(
      s(
        'g',
        { class: `step step-${st.step}`, 'data-step': st.step },
        s('rect', { x: side, y: top, width: boxWidth, height, rx: 10, class: 'step-box' }),
        s('circle', { cx: side + 28, cy: centre, r: 19, class: 'step-badge' }),
        s('text', { x: side + 28, y: centre + 7, class: 'step-number', 'text-anchor': 'middle' }, String(st.step)),
        s(
          'text',
          { class: 'step-title' },
          titleLines.map((line, i) =>
            s('tspan', { x: side + 56, y: first + i * LINE.title }, i < titleLines.length - 1 ? `${line} ` : line),
          ),
        ),
      ),
    );
  }
  // Arrows from the middle of one box to the middle of the next: up on the left, down on the right.
  const middle = (box) => box.top + box.height / 2;
  for (const { higher, lower, up, down, top } of gaps) {
    const group = s('g', { class: 'move', 'data-from': lower.st.step, 'data-to': higher.st.step });
    const textTop = top + 8;
    if (up) {
      group.append(
        s('line', {
          x1: side / 2,
          y1: middle(lower),
          x2: side / 2,
          y2: middle(higher) + 10,
          class: 'arrow up',
          'marker-end': 'url(#arrow-up)',
        }),
      );
      drawMove(group, up, 'up', side + 4, textTop);
    }
    if (down) {
      group.append(
        s('line', {
          x1: width - side / 2,
          y1: middle(higher),
          x2: width - side / 2,
          y2: middle(lower) - 10,
          class: 'arrow down',
          'marker-end': 'url(#arrow-down)',
        }),
      );
      const [x, downTop] =
        columns === 2 ? [side + column + 16, textTop] : [side + 4, textTop + (up?.lines ?? 0) * LINE.move + 8];
      drawMove(group, down, 'down', x, downTop);
    }
    svg.append(group);
  }
}

/** The diagram's frame: title, description and arrow heads; `draw` fills it once it is in the page. */
function diagram(steps, patient) {
  return s(
    'svg',
    {
      role: 'img',
      'aria-labelledby': 'steps-svg-title steps-svg-desc',
      'aria-label': patient
        ? 'Schema van de vier stappen van de zorg, van licht naar zwaar'
        : 'Schema van de vier stappen van stepped care, met op- en afschalen',
      class: 'steps-diagram',
      focusable: 'false',
    },
    s('title', { id: 'steps-svg-title' }, patient ? 'Zorg in vier stappen' : 'Stepped care in vier stappen'),
    s('desc', { id: 'steps-svg-desc' }, describe(steps, patient)),
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
}

function itemList(items, className = '') {
  return h(
    'ul',
    { class: className },
    items.map((item) => h('li', {}, trustedHtml(h('span', {}), item.html))),
  );
}

/** The step's criteria as the Zorgstandaard gives them: when, who, up and down. */
function criteria(st, total) {
  const { moveUp: up, moveDown: down } = st;
  return [
    st.when.length ? [h('h3', {}, 'Wanneer deze stap'), itemList(st.when)] : null,
    st.providers.length ? [h('h3', {}, 'Wie biedt de zorg'), itemList(st.providers)] : null,
    h('h3', {}, st.step < total ? 'Opschalen naar een hogere stap' : 'Opschalen'),
    up.length ? itemList(up, 'criteria up') : h('p', {}, 'Niet van toepassing: dit is de hoogste stap.'),
    h('h3', {}, 'Afschalen naar een lagere stap'),
    down.length ? itemList(down, 'criteria down') : h('p', {}, 'Niet van toepassing: dit is de lichtste stap.'),
  ];
}

/**
 * One step: for a patient its lay text, with the criteria folded away under "Voor zorgverleners" as
 * on a node's page; otherwise its summary with the criteria open.
 */
function stepSection(st, total) {
  const lay = isPatient() ? st.lay?.html : null;
  return h(
    'section',
    { class: 'step-detail card', id: `stap-${st.step}`, 'aria-labelledby': `stap-${st.step}-title` },
    h('h2', { id: `stap-${st.step}-title` }, shownTitle(st)),
    st.source ? h('p', { class: 'citation' }, citationText(st.source)) : null,
    lay
      ? [
          trustedHtml(h('div', { class: 'layer lay' }), lay),
          h(
            'details',
            { class: 'step-criteria' },
            h('summary', {}, 'Voor zorgverleners: wanneer deze stap, en op- en afschalen'),
            h('p', { class: 'help' }, 'Deze tekst is geschreven voor zorgverleners, in hun vaktaal.'),
            criteria(st, total),
          ),
        ]
      : [trustedHtml(h('div', { class: 'summary' }), st.summary.html), criteria(st, total)],
    h('p', {}, h('a', { href: nodeHref(st.id) }, `Alles over stap ${st.step}`)),
  );
}

export function render(container) {
  const patient = isPatient();
  const steps = steppedCare();
  const svg = diagram(steps, patient);
  const heading = patient ? 'Zorg in vier stappen' : 'Stepped care: vier stappen';
  fill(
    container,
    pageHeading(heading),
    h(
      'p',
      { class: 'lead' },
      patient
        ? 'Zo licht als mogelijk, zo zwaar als nodig. Het schema toont de vier stappen van de Zorgstandaard, van zelfzorg tot een gespecialiseerd team. Onder het schema staat per stap wat die voor u betekent.'
        : 'Zo licht als mogelijk, zo zwaar als nodig. Het schema toont de vier stappen van de Zorgstandaard met wanneer u op- of afschaalt; de volledige criteria staan eronder.',
    ),
    h(
      'figure',
      { class: 'steps-figure' },
      svg,
      h(
        'figcaption',
        {},
        (patient ? MOVES.patient : MOVES.professional).caption,
        h(
          'a',
          { href: '#stappen-criteria', class: 'skip-inline' },
          patient ? 'Naar de uitleg per stap' : 'Naar de volledige criteria',
        ),
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
  draw(svg, steps, window.matchMedia('(max-width: 32rem)').matches, patient);
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
  return patient ? heading : 'Stepped care';
}
