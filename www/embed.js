// The embedding page: each snippet is written from the live example above it (so what an educator
// copies is exactly what is shown), with every address made absolute on this site, because the
// snippet goes on someone else's page; so is the Content-Security-Policy that page needs. "Kopieer"
// puts a snippet on the clipboard, or selects it when the browser does not allow that. The list of
// checklist ids comes from the module, loaded through the components' shared loader (one load per page).
import { ready, h } from './pkg/components/shared.js';

/** The absolute address of `path` on this site. */
const absolute = (path) => new URL(path, document.baseURI).href;

/**
 * The exact HTML to paste for the element inside `demo`: its script tag, the element, and its
 * fallback children (shown only if the script cannot load), one per line.
 */
function snippetFor(demo) {
  const element = demo.firstElementChild;
  const name = element.localName;
  const copy = element.cloneNode(true);
  const link = copy.getAttribute('link');
  if (link) copy.setAttribute('link', absolute(link.replace('{id}', '__ID__')).replace('__ID__', '{id}'));
  for (const anchor of copy.querySelectorAll('a[href]')) anchor.setAttribute('href', anchor.href);
  const fallback = [...copy.children].map((child) => `\n  ${child.outerHTML}`).join('');
  copy.replaceChildren();
  const close = `</${name}>`;
  const open = copy.outerHTML.slice(0, -close.length);
  const script = `<script type="module" src="${absolute(`pkg/components/${name}.js`)}"></script>`;
  return `${script}\n${open}${fallback}${fallback ? '\n' : ''}${close}`;
}

for (const demo of document.querySelectorAll('.demo[data-snippet-for]')) {
  const code = document.getElementById(demo.dataset.snippetFor)?.querySelector('code');
  if (code && demo.firstElementChild) code.textContent = snippetFor(demo);
}

const pkg = absolute('pkg/');
document.querySelector('#csp code').textContent =
  `script-src 'self' ${pkg} 'wasm-unsafe-eval'; connect-src 'self' ${pkg}`;
document.querySelector('#preload code').textContent = [
  `<link rel="modulepreload" href="${pkg}pijnwijzer.js">`,
  `<link rel="preload" href="${pkg}pijnwijzer_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
].join('\n');

/** Selects the text of an element so the reader can copy it with Ctrl+C / Cmd+C. */
function select(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

for (const button of document.querySelectorAll('button[data-copy]')) {
  const pre = document.getElementById(button.dataset.copy);
  const note = document.getElementById(`${button.dataset.copy}-status`);
  let timer;
  button.addEventListener('click', async () => {
    const text = pre.textContent;
    let message;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('geen klembord');
      await navigator.clipboard.writeText(text);
      message = 'Gekopieerd naar het klembord.';
    } catch {
      select(pre);
      pre.focus();
      message = 'Kopiëren lukte niet automatisch. De code is geselecteerd: kopieer met Ctrl+C (Cmd+C op een Mac).';
    }
    note.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(() => {
      note.textContent = '';
    }, 8000);
  });
}

// The ids of all checklists, for the checklist attribute, with the title a patient reads, or a
// note that the list has no explanation in plain words (voor="patient" then adds none).
const ids = document.getElementById('checklist-ids');
ready()
  .then((api) => {
    ids.replaceChildren(
      ...api
        .checklists()
        .map((list) =>
          h(
            'li',
            {},
            h('code', {}, list.id),
            `: ${list.title}`,
            list.layTitle
              ? ` (voor patiënten: ${list.layTitle})`
              : ' (alleen voor zorgverleners: geen uitleg in gewone taal)',
          ),
        ),
    );
  })
  .catch(() => {
    ids.replaceChildren(h('li', {}, 'De lijst kon niet worden geladen.'));
  })
  .finally(() => {
    document.documentElement.dataset.ready = 'true';
  });
