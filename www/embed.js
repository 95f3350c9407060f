// The embedding page: each snippet is written from the live example above it (so what an educator
// copies is exactly what is shown), with the script's full address on this site; "Kopieer" puts it
// on the clipboard, or selects it when the browser does not allow that. The list of checklist ids
// comes from the module, loaded through the components' shared loader (one load per page).
import { ready, h } from './pkg/components/shared.js';

/** The exact HTML to paste for the element inside `demo`: its script tag and the element itself. */
function snippetFor(demo) {
  const element = demo.firstElementChild;
  const name = element.localName;
  const script = new URL(`pkg/components/${name}.js`, document.baseURI).href;
  const copy = element.cloneNode(false);
  const link = copy.getAttribute('link');
  // A relative link template means this site; on someone else's page it must be absolute.
  if (link)
    copy.setAttribute('link', new URL(link.replace('{id}', '__ID__'), document.baseURI).href.replace('__ID__', '{id}'));
  return `<script type="module" src="${script}"></script>\n${copy.outerHTML}`;
}

for (const demo of document.querySelectorAll('.demo[data-snippet-for]')) {
  const code = document.getElementById(demo.dataset.snippetFor)?.querySelector('code');
  if (code && demo.firstElementChild) code.textContent = snippetFor(demo);
}

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

// The ids of all checklists, for the checklist attribute.
const ids = document.getElementById('checklist-ids');
ready()
  .then((api) => {
    ids.replaceChildren(...api.checklists().map((list) => h('li', {}, h('code', {}, list.id), `: ${list.title}`)));
  })
  .catch(() => {
    ids.replaceChildren(h('li', {}, 'De lijst kon niet worden geladen.'));
  })
  .finally(() => {
    document.documentElement.dataset.ready = 'true';
  });
