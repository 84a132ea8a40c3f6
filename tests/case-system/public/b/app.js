// Fagsystem Nord – a second, structurally different host for Sidevogn.
// Own pushState router under /b/. The CPR is written with a space
// ("010190 1234") in a key/value table, the name sits in a person card, and
// the journal is only a Quill editor (#notat-editor). See ../../README.md.
import { citizens, findCitizen, formatDato, formatMoede } from '/data.js';

const caseSystem = {
  inputEvents: { editor: 0 },
  quill: null,
  route: null,
  loading: false,
  renders: 0,
};
window.__caseSystem = caseSystem;

/** The ~10 citizens this system knows in its overview (any case id still opens). */
const PORTFOLIO = citizens.slice(0, 10);
const NOTES_KEY = 'fagsystemNord.notater';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
const $ = (selector, root = document) => root.querySelector(selector);
const cprWithSpace = (cpr) => cpr.replace('-', ' ');

function loadNotes() {
  try {
    const parsed = JSON.parse(localStorage.getItem(NOTES_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
let savedNotes = loadNotes();

function toast(message) {
  const el = document.createElement('div');
  el.className = 'b-toast';
  el.textContent = message;
  $('#b-toasts').append(el);
  setTimeout(() => el.remove(), 4000);
}

function setMenu(active) {
  for (const a of document.querySelectorAll('.portal-menu a')) {
    if (a.dataset.menu === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function viewOverview(view) {
  document.title = 'Sagsoversigt – Fagsystem Nord';
  setMenu('oversigt');
  view.innerHTML = `
    <h1 class="b-title">Sagsoversigt</h1>
    <p class="b-lead">${PORTFOLIO.length} aktive sager i din portefølje</p>
    <div class="case-cards">
      ${PORTFOLIO.map(
        (c) => `<a class="case-card" href="/b/sag/${esc(c.caseId)}">
          <span class="case-card-name">${esc(c.name)}</span>
          <span class="case-card-meta">${esc(c.malgruppe)}</span>
          <span class="case-card-meta">Næste aftale: ${c.naesteMoede ? esc(formatMoede(c.naesteMoede).replace(' kl.', '')) : 'ingen'}</span>
          <span class="case-card-id">Sag ${esc(c.caseId)}</span>
        </a>`,
      ).join('')}
    </div>`;
}

function noteHtml(n) {
  return `<li>
    <div class="note-head"><span class="note-subject">${esc(n.subject)}</span><span>${esc(formatDato(n.date))} · ${esc(n.author)}</span></div>
    <div class="note-body">${n.html ? n.html : `<p>${esc(n.text)}</p>`}</div>
  </li>`;
}

function viewCase(view, caseId) {
  const c = findCitizen(caseId);
  if (!c) return viewNotFound(view);
  document.title = `${c.name} – Fagsystem Nord`;
  setMenu('oversigt');
  const notes = () => [...(savedNotes[c.caseId] ?? []), ...c.journal];
  view.innerHTML = `
    <a class="b-back" href="/b/">‹ Tilbage til sagsoversigt</a>
    <h1 class="b-title">Sag ${esc(c.caseId)}</h1>
    <p class="b-lead">${esc(c.ydelse)} · oprettet ${esc(formatDato(c.startdato))}</p>
    <div class="case-layout">
      <aside class="b-card" aria-label="Personoplysninger">
        <div class="person-card"><span class="pc-title">Borger</span><strong data-qa="person-fullname">${esc(c.name)}</strong></div>
        <table class="kv-table">
          <caption class="visually-hidden">Stamdata</caption>
          <tbody>
            <tr><td>CPR-nr.</td><td id="personnummer">${esc(cprWithSpace(c.cpr))}</td></tr>
            <tr><td>Sagsnummer</td><td data-qa="sagsnummer">${esc(c.caseId)}</td></tr>
            <tr><td>Målgruppe</td><td data-qa="maalgruppe">${esc(c.malgruppe)}</td></tr>
            <tr><td>Ydelse</td><td data-qa="ydelse">${esc(c.ydelse)}</td></tr>
            <tr><td>Sagsstart</td><td data-qa="sagsstart">${esc(formatDato(c.startdato))}</td></tr>
            <tr><td>Ansvarlig</td><td data-qa="ansvarlig">${esc(c.sagsbehandler)}</td></tr>
            <tr><td>Næste aftale</td><td data-qa="naeste-aftale">${c.naesteMoede ? esc(formatMoede(c.naesteMoede)) : '–'}</td></tr>
            <tr><td>Adresse</td><td>${esc(c.adresse)}</td></tr>
            <tr><td>Telefon</td><td>${esc(c.telefon)}</td></tr>
          </tbody>
        </table>
      </aside>
      <section class="b-card" aria-labelledby="notater-heading">
        <h2 id="notater-heading">Notater</h2>
        <ul class="notes" id="notes"></ul>
        <div class="notat-panel">
          <h2 id="notat-label">Nyt notat</h2>
          <div id="notat-editor"></div>
          <div class="notat-actions">
            <button type="button" class="b-btn" id="notat-gem">Gem</button>
            <span class="b-muted"><span id="notat-count">0</span> tegn</span>
            <span class="b-error" id="notat-fejl" role="alert" hidden></span>
          </div>
        </div>
      </section>
    </div>`;

  const list = $('#notes');
  const renderNotes = () => {
    list.innerHTML = notes().map(noteHtml).join('');
  };
  renderNotes();

  const count = $('#notat-count');
  const error = $('#notat-fejl');
  const Quill = window.Quill;
  if (typeof Quill !== 'function') {
    $('#notat-editor').innerHTML = '<p class="b-error">Editoren kunne ikke indlæses.</p>';
    return;
  }
  const quill = new Quill('#notat-editor', {
    theme: 'snow',
    placeholder: 'Skriv notat…',
    modules: {
      toolbar: [['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['link']],
    },
  });
  quill.root.setAttribute('role', 'textbox');
  quill.root.setAttribute('aria-multiline', 'true');
  quill.root.setAttribute('aria-labelledby', 'notat-label');
  quill.on('text-change', () => {
    caseSystem.inputEvents.editor++;
    count.textContent = String(Math.max(0, quill.getLength() - 1));
    error.hidden = true;
  });
  caseSystem.quill = quill;

  $('#notat-gem').addEventListener('click', () => {
    const text = quill.getText().trim();
    if (!text) {
      error.textContent = 'Notatet er tomt.';
      error.hidden = false;
      quill.focus();
      return;
    }
    const now = new Date();
    const note = {
      id: `N-${now.getTime().toString(36)}`,
      date: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`,
      author: 'Lene Bruun',
      subject: text.split('\n')[0].slice(0, 60),
      text,
      html: quill.getSemanticHTML(),
    };
    savedNotes = { ...savedNotes, [c.caseId]: [note, ...(savedNotes[c.caseId] ?? [])] };
    try {
      localStorage.setItem(NOTES_KEY, JSON.stringify(savedNotes));
    } catch {
      /* keep in memory */
    }
    quill.setContents([], 'silent');
    count.textContent = '0';
    renderNotes();
    toast('Notat gemt');
  });

  return () => {
    if (caseSystem.quill === quill) caseSystem.quill = null;
  };
}

function viewNotFound(view) {
  document.title = 'Siden findes ikke – Fagsystem Nord';
  setMenu(null);
  view.innerHTML = `<div class="b-card">
    <h1 class="b-title">Siden findes ikke</h1>
    <p class="b-lead">Adressen <code>${esc(location.pathname)}</code> findes ikke i Fagsystem Nord.</p>
    <a href="/b/">Gå til sagsoversigten</a>
  </div>`;
}

let token = 0;
let cleanup = null;

async function render() {
  const mine = ++token;
  if (cleanup) cleanup();
  cleanup = null;
  const view = $('#b-view');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const caseMatch = /^\/b\/sag\/([^/]+)$/.exec(path);
  if (caseMatch) {
    caseSystem.loading = true;
    view.innerHTML = '<div class="b-loading" role="status">Indlæser sag…</div>';
    await new Promise((resolve) => setTimeout(resolve, 60 + Math.random() * 80));
    if (mine !== token) return;
  }
  caseSystem.quill = null;
  let result;
  if (path === '/b') result = viewOverview(view);
  else if (caseMatch) result = viewCase(view, decodeURIComponent(caseMatch[1]));
  else result = viewNotFound(view);
  if (typeof result === 'function') cleanup = result;
  caseSystem.loading = false;
  caseSystem.route = location.pathname;
  caseSystem.renders++;
  window.scrollTo(0, 0);
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const a = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!a || (a.target && a.target !== '_self')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !(url.pathname === '/b' || url.pathname.startsWith('/b/'))) return;
  event.preventDefault();
  if (url.pathname + url.search !== location.pathname + location.search) {
    history.pushState({}, '', url.pathname + url.search);
    render();
  }
});
window.addEventListener('popstate', render);
render();
