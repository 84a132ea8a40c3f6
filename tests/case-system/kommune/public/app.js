// Kommune Sag: a hash-routed case system whose citizen data arrives late.
//
//   #/                      Mine sager (list)
//   #/borger/<id>           one citizen: facts in a <dl>, the journal form
//                           (TinyMCE, iframe mode) and "Intern bemærkning" (CKEditor 5)
//   #/husstand/<id>         a household: two citizens, each in a record of its own
//
// Every route shows "Henter …" first, fetches its data from /api (slow on
// purpose: ?forsinkelse=<ms> on the page address is passed on), then renders
// and dispatches `kommune:rendered` on window. window.__kommune exposes the
// editors and what the form saved, for tests.
import { ClassicEditor, Essentials, Paragraph, Bold, Italic } from '/vendor/ckeditor5/ckeditor5.js';

const main = document.getElementById('indhold');
const delay = new URLSearchParams(location.search).get('forsinkelse');
const api = (path) =>
  fetch(`/api/${path}${delay === null ? '' : `?forsinkelse=${encodeURIComponent(delay)}`}`).then((r) =>
    r.ok ? r.json() : null,
  );

const state = {
  /** The CKEditor 5 instance of the current citizen page. */
  ck: null,
  /** Every journal form submit: what the host's own save path carried. */
  saved: [],
  /** Host-side change events of the editors, by editor. */
  changes: { journal: 0, bemaerkning: 0 },
  renders: 0,
};
window.__kommune = {
  tinymce: () => window.tinymce.get('journal'),
  ck: () => state.ck,
  saved: state.saved,
  changes: state.changes,
  get renders() {
    return state.renders;
  },
};

function h(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** One citizen's record: the same component on the citizen page and the household page. */
function borgerkort(b) {
  const dl = h('dl', { className: 'stamdata' });
  for (const [label, value] of [
    ['Navn', b.navn],
    ['CPR-nummer', b.cpr],
    ['Målgruppe', b.malgruppe],
    ['Ydelse', b.ydelse],
    ['Sagsbehandler', b.sagsbehandler],
  ])
    dl.append(h('dt', { textContent: label }), h('dd', { textContent: value }));
  const section = h('section', { className: 'borgerkort' }, dl);
  section.setAttribute('aria-label', 'Borgeroplysninger');
  return section;
}

async function destroyEditors() {
  window.tinymce?.remove();
  const ck = state.ck;
  state.ck = null;
  if (ck) await ck.destroy().catch(() => undefined);
}

async function journalForm(b) {
  const textarea = h('textarea', { id: 'journal', name: 'journal', rows: 12 });
  const remark = h('div', { id: 'bemaerkning' });
  const status = h('p', { id: 'gemt', role: 'status' });
  const form = h(
    'form',
    { id: 'journal-form', className: 'journal' },
    h('h2', { textContent: 'Journal' }),
    h('div', { className: 'felt' }, h('label', { htmlFor: 'journal', textContent: 'Journalnotat' }), textarea),
    h(
      'div',
      { className: 'felt' },
      h('span', { className: 'felt-navn', id: 'bemaerkning-navn', textContent: 'Intern bemærkning' }),
      remark,
    ),
    h('button', { type: 'submit', textContent: 'Gem journal' }),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // TinyMCE writes its content back into the textarea on submit (its own save path).
    window.tinymce.get('journal')?.save();
    state.saved.push({
      borger: b.id,
      journal: new FormData(form).get('journal'),
      bemaerkning: state.ck?.getData() ?? '',
    });
    status.textContent = 'Journalen er gemt.';
  });
  main.append(form);

  const [tiny] = await window.tinymce.init({
    target: textarea,
    license_key: 'gpl',
    menubar: false,
    promotion: false,
    branding: false,
    plugins: [],
    toolbar: 'undo redo | bold italic',
    height: 260,
  });
  tiny?.on('input change', () => state.changes.journal++);
  const ck = await ClassicEditor.create(remark, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Bold, Italic],
    toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
    label: 'Intern bemærkning',
  });
  ck.model.document.on('change:data', () => state.changes.bemaerkning++);
  state.ck = ck;
}

async function viewBorger(id, seq) {
  const b = await api(`borger/${encodeURIComponent(id)}`);
  if (seq !== routeSeq) return false;
  if (!b) return notFound();
  document.title = `${b.navn} — Kommune Sag`;
  main.replaceChildren(h('h1', { textContent: 'Borgersag' }), borgerkort(b));
  await journalForm(b);
  return seq === routeSeq;
}

async function viewHusstand(id, seq) {
  const hh = await api(`husstand/${encodeURIComponent(id)}`);
  if (seq !== routeSeq) return false;
  if (!hh) return notFound();
  document.title = `Husstand — Kommune Sag`;
  main.replaceChildren(
    h('h1', { textContent: 'Husstand' }),
    h('p', { textContent: hh.adresse }),
    h('div', { className: 'husstand' }, ...hh.medlemmer.map(borgerkort)),
  );
  return true;
}

async function viewListe(seq) {
  const list = await api('borgere');
  if (seq !== routeSeq) return false;
  document.title = 'Mine sager — Kommune Sag';
  const rows = (list ?? []).map((b) =>
    h('tr', {}, h('td', {}, h('a', { href: `#/borger/${b.id}`, textContent: b.navn }))),
  );
  main.replaceChildren(
    h('h1', { textContent: 'Mine sager' }),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { textContent: 'Borger' }))), h('tbody', {}, ...rows)),
  );
  return true;
}

function notFound() {
  main.replaceChildren(h('h1', { textContent: 'Siden findes ikke' }));
  return true;
}

let routeSeq = 0;
async function route() {
  const seq = ++routeSeq;
  await destroyEditors();
  main.replaceChildren(h('p', { className: 'henter', textContent: 'Henter …' }));
  const [, kind, id] = /^#\/(borger|husstand)\/([^/]+)$/.exec(location.hash) ?? [];
  const done =
    kind === 'borger'
      ? await viewBorger(id, seq)
      : kind === 'husstand'
        ? await viewHusstand(id, seq)
        : await viewListe(seq);
  if (!done || seq !== routeSeq) return;
  state.renders++;
  window.dispatchEvent(new CustomEvent('kommune:rendered', { detail: { route: location.hash } }));
}

window.addEventListener('hashchange', () => void route());
void route();
