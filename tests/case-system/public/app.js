// Jobcenter Vesthavn – Sagssystem. A stand-in for a municipal job-centre case
// system: history.pushState routing, async "loading" before citizen pages,
// and host listeners on the journal fields. See ../README.md for the DOM contract.
import {
  citizens,
  findCitizen,
  formatDato,
  formatMoede,
  CURRENT_USER,
  MALGRUPPER,
  CASEWORKERS,
  JOURNAL_TYPES,
} from './data.js';

/* ------------------------------------------------------------------ */
/* Test hooks                                                          */
/* ------------------------------------------------------------------ */

const caseSystem = {
  /** Incremented by the host's own listeners on the journal fields. */
  inputEvents: { textarea: 0, editor: 0, bemaerkning: 0 },
  /** The Quill instance of the journal tab currently shown (null elsewhere). */
  quill: null,
  /** Path (with query) of the last completed render. */
  route: null,
  /** True while a route is "loading" (spinner shown). */
  loading: false,
  /** Completed renders since page load (a full reload resets it). */
  renders: 0,
};
window.__caseSystem = caseSystem;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

class Raw {
  constructor(value) {
    this.value = value;
  }
  toString() {
    return this.value;
  }
}
const raw = (value) => new Raw(value);
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value) => String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
function toHtml(value) {
  if (value instanceof Raw) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (value === null || value === undefined || value === false) return '';
  return esc(value);
}
/** Tagged template: interpolations are escaped unless wrapped in raw()/html``. */
function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += toHtml(value) + strings[i + 1];
  });
  return raw(out);
}
function setHtml(el, content) {
  el.innerHTML = toHtml(content);
}

const $ = (selector, root = document) => root.querySelector(selector);
const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
const kr = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pad = (n) => String(n).padStart(2, '0');
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `2026-12-03T10:00` / `2026-12-03` → local Date. */
function parseLocal(iso) {
  const [datePart, timePart = '00:00'] = iso.split('T');
  const [y, m, d] = datePart.split('-').map(Number);
  const [hh, mm] = timePart.split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm);
}
function isoDay(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
function addDays(date, days) {
  const d = new Date(date);
  d.setDate(d.getDate() + days);
  return d;
}
function startOfWeek(date) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const weekday = (d.getDay() + 6) % 7; // Monday = 0
  return addDays(d, -weekday);
}
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
}
const timeOf = (date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

function initials(name) {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? parts.at(-1)[0] : '')).toUpperCase();
}

/** Deterministic pseudo-random numbers per citizen (stable demo content). */
function rngFor(key) {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let state = h >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function icon(name) {
  const paths = {
    check: '<path d="m4 10.5 4 4 8-9" />',
    info: '<circle cx="10" cy="10" r="7.5" /><path d="M10 9v5M10 6.2v.1" />',
    warn: '<path d="M10 2.8 18 17H2zM10 8v4M10 14.6v.1" />',
    plus: '<path d="M10 4v12M4 10h12" />',
    calendar: '<rect x="2.5" y="4" width="15" height="13.5" rx="1.5" /><path d="M2.5 8h15M6.5 2v4M13.5 2v4" />',
    mail: '<rect x="2.5" y="4.5" width="15" height="11" rx="1.5" /><path d="m3 5.5 7 5.5 7-5.5" />',
    doc: '<path d="M5 2.5h6.5L15 6v11.5H5zM11 2.5V6.5h4M7.5 10h5M7.5 13h5" />',
    people:
      '<circle cx="7.5" cy="6.5" r="3" /><path d="M2 16.5c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5M13 3.8a3 3 0 0 1 0 5.4M15 12.3c1.6.6 2.6 2 3 4.2" />',
    download: '<path d="M10 3v10M5.5 8.5 10 13l4.5-4.5M3.5 16.5h13" />',
    print: '<path d="M5.5 7.5V3h9v4.5M5.5 14h-2v-6.5h13V14h-2M5.5 11.5h9V17h-9z" />',
  };
  return raw(`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">${paths[name] ?? ''}</svg>`);
}

const STATUS_BADGE = {
  Aktiv: 'badge-ok',
  Opfølgning: 'badge-warn',
  'Afventer dokumentation': 'badge-warn',
  'Sanktion varslet': 'badge-danger',
  Partshøring: 'badge-info',
  Afsluttet: 'badge-neutral',
};
const statusBadge = (status) => html`<span class="badge ${STATUS_BADGE[status] ?? 'badge-neutral'}">${status}</span>`;

/* ------------------------------------------------------------------ */
/* Journal store (in memory + localStorage of the host origin)         */
/* ------------------------------------------------------------------ */

const JOURNAL_KEY = 'caseSystem.journal';
let savedJournal = loadSavedJournal();

function loadSavedJournal() {
  try {
    const parsed = JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
function journalFor(citizen) {
  return [...(savedJournal[citizen.caseId] ?? []), ...citizen.journal];
}
function saveJournalEntry(caseId, entry) {
  savedJournal = { ...savedJournal, [caseId]: [entry, ...(savedJournal[caseId] ?? [])] };
  try {
    localStorage.setItem(JOURNAL_KEY, JSON.stringify(savedJournal));
  } catch {
    /* storage full or blocked: keep it in memory */
  }
}

/* ------------------------------------------------------------------ */
/* Recently opened citizens (side navigation)                          */
/* ------------------------------------------------------------------ */

const RECENT_KEY = 'caseSystem.recent';
function loadRecent() {
  try {
    const list = JSON.parse(sessionStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((id) => findCitizen(id)) : [];
  } catch {
    return [];
  }
}
function rememberCitizen(caseId) {
  const list = [caseId, ...loadRecent().filter((id) => id !== caseId)].slice(0, 5);
  try {
    sessionStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    /* ignore */
  }
  renderRecent();
}
function renderRecent() {
  const ul = $('#nav-recent');
  const list = loadRecent();
  if (list.length === 0) {
    setHtml(ul, html`<li class="nav-empty">Ingen borgere åbnet endnu</li>`);
    return;
  }
  setHtml(
    ul,
    list.map((id) => {
      const c = findCitizen(id);
      return html`<li>
        <a class="nav-link" href="/borger/${c.caseId}" title="${c.name}">
          <span class="nav-initials" aria-hidden="true">${initials(c.name)}</span>
          <span class="nav-label">${c.name}</span>
        </a>
      </li>`;
    }),
  );
}

/* ------------------------------------------------------------------ */
/* Chrome: title, breadcrumbs, active navigation, toasts               */
/* ------------------------------------------------------------------ */

function setChrome({ title, crumbs = [], nav = null }) {
  document.title = `${title} – Jobcenter Vesthavn`;
  const items = [{ label: 'Forside', href: '/' }, ...crumbs];
  setHtml(
    $('#breadcrumbs'),
    items.map((item, i) =>
      i === items.length - 1
        ? html`<li><span aria-current="page">${item.label}</span></li>`
        : html`<li><a href="${item.href}">${item.label}</a></li>`,
    ),
  );
  for (const link of document.querySelectorAll('.sidenav [data-nav]')) {
    if (link.dataset.nav === nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function toast(message, kind = 'success') {
  const region = $('#toasts');
  const el = document.createElement('div');
  el.className = `toast toast-${kind}`;
  setHtml(el, html`${icon(kind === 'success' ? 'check' : 'info')}<span>${message}</span>`);
  region.append(el);
  setTimeout(() => el.remove(), 4000);
}
const notAvailable = () => toast('Funktionen er ikke tilgængelig i testmiljøet', 'info');

/* ------------------------------------------------------------------ */
/* Citizen header (DOM contract – keep stable)                         */
/* ------------------------------------------------------------------ */

function citizenHeader(c, { headingLevel = 1, actions = true } = {}) {
  const tag = raw(headingLevel === 1 ? 'h1' : 'h2');
  const overdue = c.naesteMoede && parseLocal(c.naesteMoede) < new Date();
  return html`<section class="citizen-header" aria-label="Borger" data-case-id="${c.caseId}">
    <div class="ch-top">
      <div class="ch-avatar" aria-hidden="true">${initials(c.name)}</div>
      <div class="ch-id">
        <${tag} class="citizen-name">${c.name}</${tag}>
        <div class="ch-meta">
          <span>CPR-nr. <span class="citizen-cpr" data-testid="borger-cpr">${c.cpr}</span></span>
          <span>Sags-id <span class="mono">${c.caseId}</span></span>
          ${statusBadge(c.status)}
          ${c.husstand ? html`<span class="tag">Gensidig forsørgelse</span>` : ''}
        </div>
      </div>
      ${
        actions
          ? html`<div class="ch-actions">
              <button type="button" class="btn btn-sm" data-action="na">${icon('plus')}Ny opgave</button>
              <button type="button" class="btn btn-sm" data-action="na">${icon('calendar')}Book møde</button>
              <button type="button" class="btn btn-sm" data-action="na">${icon('mail')}Digital Post</button>
            </div>`
          : ''
      }
    </div>
    <dl class="citizen-facts">
      <dt>Målgruppe</dt><dd data-field="malgruppe">${c.malgruppe}</dd>
      <dt>Ydelse</dt><dd data-field="ydelse">${c.ydelse}</dd>
      <dt>Startdato</dt><dd data-field="startdato">${formatDato(c.startdato)}</dd>
      <dt>Sagsbehandler</dt><dd data-field="sagsbehandler">${c.sagsbehandler}</dd>
      <dt>Næste møde</dt><dd data-field="naeste-moede"${overdue ? raw(' class="is-overdue"') : ''}>${formatMoede(c.naesteMoede)}</dd>
    </dl>
  </section>`;
}

/* ------------------------------------------------------------------ */
/* View: Mine borgere                                                  */
/* ------------------------------------------------------------------ */

const listState = { sort: 'name', dir: 'asc', q: '', malgruppe: '', sagsbehandler: '' };

const LIST_COLUMNS = [
  { key: 'name', label: 'Navn' },
  { key: 'cpr', label: 'CPR-nr.' },
  { key: 'malgruppe', label: 'Målgruppe' },
  { key: 'sagsbehandler', label: 'Sagsbehandler' },
  { key: 'naesteMoede', label: 'Næste møde' },
  { key: 'status', label: 'Status' },
];

function cprSortKey(cpr) {
  // Sort CPR by birth date, not by day-of-month.
  const yy = Number(cpr.slice(4, 6));
  const century = Number(cpr[7]) >= 4 && yy <= 36 ? 2000 : 1900;
  return `${century + yy}${cpr.slice(2, 4)}${cpr.slice(0, 2)}${cpr.slice(7)}`;
}

function filteredCitizens() {
  const q = listState.q.trim().toLowerCase();
  const qDigits = q.replace(/[\s-]/g, '');
  let rows = citizens.filter((c) => {
    if (listState.malgruppe && c.malgruppe !== listState.malgruppe) return false;
    if (listState.sagsbehandler && c.sagsbehandler !== listState.sagsbehandler) return false;
    if (!q) return true;
    return (
      c.name.toLowerCase().includes(q) ||
      c.caseId.toLowerCase().includes(q) ||
      c.malgruppe.toLowerCase().includes(q) ||
      c.status.toLowerCase().includes(q) ||
      (qDigits.length >= 2 && /^\d+$/.test(qDigits) && c.cpr.replace('-', '').includes(qDigits))
    );
  });
  const { sort, dir } = listState;
  const sign = dir === 'asc' ? 1 : -1;
  rows = [...rows].sort((a, b) => {
    let result;
    if (sort === 'naesteMoede') {
      if (!a.naesteMoede && !b.naesteMoede) result = 0;
      else if (!a.naesteMoede)
        return 1; // empty always last
      else if (!b.naesteMoede) return -1;
      else result = a.naesteMoede.localeCompare(b.naesteMoede);
    } else if (sort === 'cpr') {
      result = cprSortKey(a.cpr).localeCompare(cprSortKey(b.cpr));
    } else {
      result = collator.compare(a[sort], b[sort]);
    }
    return (result || collator.compare(a.name, b.name)) * sign;
  });
  return rows;
}

function viewList(view, { query }) {
  listState.q = query.get('q') ?? '';
  setChrome({ title: 'Mine borgere', crumbs: [{ label: 'Mine borgere' }], nav: 'borgere' });

  const now = new Date();
  const weekStart = startOfWeek(now);
  const weekEnd = addDays(weekStart, 7);
  const meetingsThisWeek = citizens.filter((c) => {
    if (!c.naesteMoede) return false;
    const d = parseLocal(c.naesteMoede);
    return d >= weekStart && d < weekEnd;
  }).length;
  const overdue = citizens.filter((c) => c.naesteMoede && parseLocal(c.naesteMoede) < now).length;
  const attention = citizens.filter((c) =>
    ['Afventer dokumentation', 'Sanktion varslet', 'Partshøring'].includes(c.status),
  ).length;

  setHtml(
    view,
    html`<div class="page-header">
        <div>
          <h1 class="page-title">Mine borgere</h1>
          <p class="page-sub">${CURRENT_USER.team} · sagsoversigt for ${CURRENT_USER.name}</p>
        </div>
        <div class="page-actions">
          <button type="button" class="btn" data-action="na">${icon('download')}Eksportér</button>
          <button type="button" class="btn" data-action="na">${icon('print')}Udskriv</button>
          <button type="button" class="btn btn-primary" data-action="na">${icon('plus')}Opret sag</button>
        </div>
      </div>
      <div class="kpis">
        <div class="kpi">
          <div class="kpi-label">Borgere i alt</div>
          <div class="kpi-value">${citizens.length}</div>
        </div>
        <div class="kpi kpi-ok">
          <div class="kpi-label">Møder i denne uge</div>
          <div class="kpi-value">${meetingsThisWeek}</div>
        </div>
        <div class="kpi kpi-danger">
          <div class="kpi-label">Overskredne møder</div>
          <div class="kpi-value">${overdue}</div>
        </div>
        <div class="kpi kpi-warn">
          <div class="kpi-label">Kræver handling</div>
          <div class="kpi-value">${attention}</div>
        </div>
      </div>
      <section class="card" aria-labelledby="borgere-heading">
        <div class="card-header">
          <h2 class="card-title" id="borgere-heading">Borgeroversigt</h2>
          <span class="muted">Opdateret ${formatDato(isoDay(now))} kl. ${timeOf(now)}</span>
        </div>
        <div class="toolbar">
          <div class="field field-grow">
            <label for="borger-soeg">Søg i listen</label>
            <input
              id="borger-soeg"
              type="search"
              placeholder="Navn, CPR-nr., sags-id, målgruppe…"
              value="${listState.q}"
              autocomplete="off"
            />
          </div>
          <div class="field">
            <label for="filter-malgruppe">Målgruppe</label>
            <select id="filter-malgruppe">
              <option value="">Alle målgrupper</option>
              ${MALGRUPPER.map((m) => html`<option${listState.malgruppe === m ? raw(' selected') : ''}>${m}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="filter-sagsbehandler">Sagsbehandler</label>
            <select id="filter-sagsbehandler">
              <option value="">Alle sagsbehandlere</option>
              ${CASEWORKERS.map((s) => html`<option${listState.sagsbehandler === s ? raw(' selected') : ''}>${s}</option>`)}
            </select>
          </div>
          <span class="toolbar-count" id="borger-count" aria-live="polite"></span>
        </div>
        <div class="table-wrap">
          <table class="data-table" id="borger-tabel">
            <caption class="visually-hidden">
              Borgere tilknyttet teamet. Klik på en kolonneoverskrift for at sortere.
            </caption>
            <thead>
              <tr id="borger-thead"></tr>
            </thead>
            <tbody id="borger-tbody"></tbody>
          </table>
        </div>
        <div class="table-footer">
          <span>Side 1 af 1</span>
          <span class="pager">
            <button type="button" class="btn btn-sm" disabled>Forrige</button>
            <button type="button" class="btn btn-sm" disabled>Næste</button>
          </span>
        </div>
      </section>`,
  );

  const renderHead = () => {
    setHtml(
      $('#borger-thead'),
      LIST_COLUMNS.map((col) => {
        const sorted = listState.sort === col.key;
        const ariaSort = sorted ? (listState.dir === 'asc' ? 'ascending' : 'descending') : 'none';
        return html`<th scope="col" aria-sort="${ariaSort}" data-sort-key="${col.key}">
          <button type="button" class="sort-btn" data-sort="${col.key}">${col.label}</button>
        </th>`;
      }),
    );
  };
  const renderBody = () => {
    const rows = filteredCitizens();
    const now2 = new Date();
    $('#borger-count').textContent = `Viser ${rows.length} af ${citizens.length} borgere`;
    setHtml(
      $('#borger-tbody'),
      rows.length === 0
        ? html`<tr class="empty-row">
            <td colspan="6">Ingen borgere matcher søgningen.</td>
          </tr>`
        : rows.map((c) => {
            const past = c.naesteMoede && parseLocal(c.naesteMoede) < now2;
            return html`<tr data-case-id="${c.caseId}">
              <td><a class="row-link" href="/borger/${c.caseId}">${c.name}</a></td>
              <td class="nowrap mono">${c.cpr}</td>
              <td>${c.malgruppe}</td>
              <td class="nowrap">${c.sagsbehandler}</td>
              <td class="nowrap${past ? ' is-overdue' : ''}">
                ${c.naesteMoede ? formatMoede(c.naesteMoede) : html`<span class="muted">–</span>`}
              </td>
              <td class="nowrap">${statusBadge(c.status)}</td>
            </tr>`;
          }),
    );
  };
  renderHead();
  renderBody();

  $('#borger-thead').addEventListener('click', (event) => {
    const button = event.target.closest('[data-sort]');
    if (!button) return;
    const key = button.dataset.sort;
    if (listState.sort === key) listState.dir = listState.dir === 'asc' ? 'desc' : 'asc';
    else {
      listState.sort = key;
      listState.dir = 'asc';
    }
    renderHead();
    renderBody();
    $(`#borger-thead [data-sort="${key}"]`).focus();
  });
  $('#borger-soeg').addEventListener('input', (event) => {
    listState.q = event.target.value;
    const url = listState.q ? `/?q=${encodeURIComponent(listState.q)}` : '/';
    history.replaceState(history.state, '', url);
    caseSystem.route = url;
    renderBody();
  });
  $('#filter-malgruppe').addEventListener('change', (event) => {
    listState.malgruppe = event.target.value;
    renderBody();
  });
  $('#filter-sagsbehandler').addEventListener('change', (event) => {
    listState.sagsbehandler = event.target.value;
    renderBody();
  });
}

/* ------------------------------------------------------------------ */
/* View: citizen (tabs)                                                */
/* ------------------------------------------------------------------ */

const TABS = [
  { id: 'overblik', label: 'Overblik' },
  { id: 'journal', label: 'Journal' },
  { id: 'ydelser', label: 'Ydelser' },
  { id: 'plan', label: 'Min Plan' },
  { id: 'dokumenter', label: 'Dokumenter' },
];

function tabsNav(c, active) {
  return html`<nav class="tabs" aria-label="Faner for borgerens sag">
    ${TABS.map((tab) => {
      const href = tab.id === 'overblik' ? `/borger/${c.caseId}` : `/borger/${c.caseId}/${tab.id}`;
      const count =
        tab.id === 'journal'
          ? html` <span class="tab-count" id="journal-tab-count">${journalFor(c).length}</span>`
          : tab.id === 'dokumenter'
            ? html` <span class="tab-count">${documentsFor(c).length}</span>`
            : '';
      return html`<a
        class="tab"
        href="${href}"
        data-tab="${tab.id}"
        ${active === tab.id ? raw(' aria-current="page"') : ''}
        >${tab.label}${count}</a
      >`;
    })}
  </nav>`;
}

function viewCitizen(view, { params }) {
  const [caseId, tabId = 'overblik'] = params;
  const c = findCitizen(caseId);
  if (!c)
    return viewNotFound(view, {
      what: 'borger',
      detail: `Der findes ingen sag med sags-id ${caseId}.`,
    });
  const tab = TABS.find((t) => t.id === tabId);
  if (!tab) return viewNotFound(view, { detail: `Fanen "${tabId}" findes ikke.` });

  rememberCitizen(c.caseId);
  setChrome({
    title: `${c.name} – ${tab.label}`,
    crumbs: [
      { label: 'Mine borgere', href: '/' },
      { label: c.name, href: `/borger/${c.caseId}` },
      { label: tab.label },
    ],
    nav: 'borgere',
  });

  setHtml(
    view,
    html`${citizenHeader(c)}${tabsNav(c, tab.id)}
      <div class="tab-panel" id="tab-panel" data-tab-panel="${tab.id}"></div>`,
  );
  const panel = $('#tab-panel');
  switch (tab.id) {
    case 'overblik':
      return renderOverview(panel, c);
    case 'journal':
      return renderJournal(panel, c);
    case 'ydelser':
      return renderBenefits(panel, c);
    case 'plan':
      return renderPlan(panel, c);
    case 'dokumenter':
      return renderDocuments(panel, c);
  }
}

function renderOverview(panel, c) {
  const now = new Date();
  const entries = journalFor(c).slice(0, 3);
  const partner = c.husstand ? findCitizen(c.husstand) : null;
  const overdue = c.naesteMoede && parseLocal(c.naesteMoede) < now;
  const rnd = rngFor(c.caseId + 'activities');
  const activities = [
    c.naesteMoede ? { date: c.naesteMoede, what: 'Jobsamtale', where: 'Jobcenter Vesthavn, mødelokale 2.14' } : null,
    {
      date: isoDay(addDays(now, 9 + Math.floor(rnd() * 20))) + 'T09:00',
      what: 'Opfølgning på Min Plan',
      where: 'Telefonisk',
    },
    {
      date: isoDay(addDays(now, 30 + Math.floor(rnd() * 40))) + 'T10:00',
      what: 'Revurdering af ydelse',
      where: 'Ydelseskontoret',
    },
  ].filter(Boolean);

  setHtml(
    panel,
    html`${
        overdue
          ? html`<div class="alert alert-danger" role="note">
              ${icon('warn')}
              <div>
                <strong>Møde overskredet.</strong> Det planlagte møde ${formatMoede(c.naesteMoede)} er ikke registreret
                som afholdt. Book et nyt møde eller registrér fremmøde.
              </div>
            </div>`
          : ''
      }
      ${
        c.status === 'Sanktion varslet'
          ? html`<div class="alert alert-warn" role="note">
              ${icon('warn')}
              <div><strong>Sanktion varslet.</strong> Partshøringsfristen udløber om 5 dage.</div>
            </div>`
          : ''
      }
      <div class="overview">
        <div class="stack">
          <section class="card" aria-labelledby="ov-sag">
            <div class="card-header">
              <h2 class="card-title" id="ov-sag">Sagsoplysninger</h2>
              <button type="button" class="btn btn-sm btn-link" data-action="na">Redigér</button>
            </div>
            <div class="card-body">
              <dl class="kv">
                <dt>Sags-id</dt>
                <dd class="mono">${c.caseId}</dd>
                <dt>Målgruppe</dt>
                <dd>${c.malgruppe}</dd>
                <dt>Ydelse</dt>
                <dd>${c.ydelse}</dd>
                <dt>Startdato</dt>
                <dd>${formatDato(c.startdato)}</dd>
                <dt>Sagsbehandler</dt>
                <dd>${c.sagsbehandler}</dd>
                <dt>Status</dt>
                <dd>${statusBadge(c.status)}</dd>
                <dt>Kommune</dt>
                <dd>Vesthavn Kommune (699)</dd>
              </dl>
            </div>
          </section>
          <section class="card" aria-labelledby="ov-journal">
            <div class="card-header">
              <h2 class="card-title" id="ov-journal">Seneste journalnotater</h2>
              <a class="btn btn-sm btn-link" href="/borger/${c.caseId}/journal">Se alle</a>
            </div>
            <div class="card-body">
              <ul class="timeline">
                ${entries.map(
                  (e) =>
                    html`<li>
                      <div class="timeline-meta">${formatDato(e.date)} · ${e.type} · ${e.author}</div>
                      <div class="timeline-title">${e.subject}</div>
                      <div class="muted">${(e.text || '').length > 140 ? e.text.slice(0, 140) + '…' : e.text}</div>
                    </li>`,
                )}
              </ul>
            </div>
          </section>
          <section class="card" aria-labelledby="ov-akt">
            <div class="card-header">
              <h2 class="card-title" id="ov-akt">Kommende aktiviteter</h2>
            </div>
            <div class="table-wrap">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">Tidspunkt</th>
                    <th scope="col">Aktivitet</th>
                    <th scope="col">Sted</th>
                  </tr>
                </thead>
                <tbody>
                  ${activities.map(
                    (a) =>
                      html`<tr>
                        <td class="nowrap">${formatMoede(a.date)}</td>
                        <td>${a.what}</td>
                        <td>${a.where}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        <div class="stack">
          <section class="card" aria-labelledby="ov-kontakt">
            <div class="card-header">
              <h2 class="card-title" id="ov-kontakt">Kontaktoplysninger</h2>
            </div>
            <div class="card-body">
              <dl class="kv">
                <dt>Adresse</dt>
                <dd>${c.adresse}</dd>
                <dt>Telefon</dt>
                <dd>${c.telefon}</dd>
                <dt>E-mail</dt>
                <dd>${c.email}</dd>
                <dt>Digital Post</dt>
                <dd>Tilmeldt</dd>
                <dt>Tolkebehov</dt>
                <dd>${c.malgruppe === 'Integrationsydelse' ? 'Ja' : 'Nej'}</dd>
              </dl>
            </div>
          </section>
          <section class="card" aria-labelledby="ov-husstand">
            <div class="card-header"><h2 class="card-title" id="ov-husstand">Husstand</h2></div>
            <div class="card-body">
              ${
                partner
                  ? html`<div class="household-link">
                      <div>
                        <div>Gift med <a href="/borger/${partner.caseId}">${partner.name}</a></div>
                        <div class="muted">Gensidig forsørgelse · samme adresse</div>
                      </div>
                      <a class="btn btn-sm" href="/husstand/${c.caseId}/${partner.caseId}" data-testid="se-husstand"
                        >${icon('people')}Se husstand</a
                      >
                    </div>`
                  : html`<p class="muted" style="margin:0">Ingen registreret ægtefælle eller samlever.</p>`
              }
            </div>
          </section>
          <section class="card" aria-labelledby="ov-noegletal">
            <div class="card-header"><h2 class="card-title" id="ov-noegletal">Nøgletal</h2></div>
            <div class="card-body">
              <dl class="kv">
                <dt>Dage på ydelse</dt>
                <dd>${Math.max(0, Math.round((now - parseLocal(c.startdato)) / 86400000))}</dd>
                <dt>Journalnotater</dt>
                <dd>${journalFor(c).length}</dd>
                <dt>Dokumenter</dt>
                <dd>${documentsFor(c).length}</dd>
                <dt>Rettidighed</dt>
                <dd>
                  ${overdue ? html`<span class="badge badge-danger">Ikke rettidig</span>` : html`<span class="badge badge-ok">Rettidig</span>`}
                </dd>
              </dl>
            </div>
          </section>
        </div>
      </div>`,
  );
}

/* ----- Journal tab ----- */

function journalEntryHtml(e, { isNew = false } = {}) {
  return html`<li class="journal-entry${isNew ? ' is-new' : ''}" data-entry-id="${e.id}">
    <div class="je-meta">
      <span>${formatDato(e.date)}${e.time ? html` kl. ${e.time}` : ''}</span>
      <span class="tag">${e.type}</span>
      <span>${e.author}</span>
    </div>
    <h3 class="je-subject">${e.subject}</h3>
    ${e.text ? html`<p class="je-text">${e.text}</p>` : ''}
    ${e.html ? html`<div class="je-rich">${raw(e.html)}</div>` : ''}
    ${e.bemaerkning ? html`<p class="je-remark"><strong>Bemærkning:</strong> ${e.bemaerkning}</p>` : ''}
  </li>`;
}

function renderJournal(panel, c) {
  setHtml(
    panel,
    html`<div class="journal-layout">
      <section class="card" aria-labelledby="journal-list-heading">
        <div class="card-header">
          <h2 class="card-title" id="journal-list-heading">Journal (<span id="journal-count">0</span>)</h2>
          <label class="visually-hidden" for="journal-filter">Vis notattype</label>
          <select id="journal-filter" class="btn-sm">
            <option value="">Alle typer</option>
            ${JOURNAL_TYPES.map((t) => html`<option>${t}</option>`)}
          </select>
        </div>
        <ol class="journal-list" id="journal-list" aria-label="Journalnotater"></ol>
      </section>
      <section class="card journal-form-card" aria-labelledby="journal-form-heading">
        <div class="card-header">
          <h2 class="card-title" id="journal-form-heading">Nyt journalnotat</h2>
          <span class="muted">Forfatter: ${CURRENT_USER.name}</span>
        </div>
        <div class="card-body">
          <form id="journal-form" class="journal-form" novalidate>
            <div class="form-row">
              <div class="field">
                <label for="journal-emne">Emne</label>
                <input
                  id="journal-emne"
                  name="emne"
                  type="text"
                  autocomplete="off"
                  maxlength="120"
                  aria-describedby="journal-emne-fejl"
                />
                <p class="field-error" id="journal-emne-fejl" hidden></p>
              </div>
              <div class="field">
                <label for="journal-type">Type</label>
                <select id="journal-type" name="type">
                  ${JOURNAL_TYPES.map((t) => html`<option>${t}</option>`)}
                </select>
              </div>
            </div>
            <div class="field">
              <label for="journal-tekst">Notat (tekst)</label>
              <textarea id="journal-tekst" name="notat" rows="8" placeholder="Skriv journalnotatet her…"></textarea>
            </div>
            <div class="field">
              <div class="field-label-row">
                <span class="field-label" id="journal-editor-label">Notat (formateret)</span>
                <span class="char-count"><span id="journal-editor-count">0</span> tegn</span>
              </div>
              <div class="editor-wrap">
                <div id="journal-editor" aria-labelledby="journal-editor-label"></div>
              </div>
            </div>
            <div class="field">
              <div class="field-label-row">
                <span class="field-label" id="journal-bemaerkning-label">Bemærkning</span>
                <span class="char-count"><span id="journal-bemaerkning-count">0</span> tegn</span>
              </div>
              <div
                id="journal-bemaerkning"
                class="editable"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-label="Bemærkning"
                data-placeholder="Intern bemærkning (vises ikke for borgeren)"
              ></div>
            </div>
            <p id="journal-status" class="journal-status" aria-live="polite">Ingen ændringer</p>
            <div class="form-actions">
              <button type="submit" class="btn btn-primary" id="journal-gem">Gem notat</button>
              <button type="reset" class="btn" id="journal-annuller">Annullér</button>
              <span class="muted">Notatet journaliseres på sag ${c.caseId}.</span>
            </div>
          </form>
        </div>
      </section>
    </div>`,
  );

  const list = $('#journal-list');
  const filter = $('#journal-filter');
  const renderList = (newId = null) => {
    const all = journalFor(c);
    const shown = filter.value ? all.filter((e) => e.type === filter.value) : all;
    $('#journal-count').textContent = String(all.length);
    const tabCount = $('#journal-tab-count');
    if (tabCount) tabCount.textContent = String(all.length);
    setHtml(
      list,
      shown.length
        ? shown.map((e) => journalEntryHtml(e, { isNew: e.id === newId }))
        : html`<li class="journal-entry muted">Ingen notater af denne type.</li>`,
    );
  };
  renderList();
  filter.addEventListener('change', () => renderList());

  const form = $('#journal-form');
  const subject = $('#journal-emne');
  const subjectError = $('#journal-emne-fejl');
  const type = $('#journal-type');
  const textarea = $('#journal-tekst');
  const remark = $('#journal-bemaerkning');
  const status = $('#journal-status');
  const editorCount = $('#journal-editor-count');
  const remarkCount = $('#journal-bemaerkning-count');

  const setStatus = (text, kind = '') => {
    status.textContent = text;
    status.className = `journal-status${kind ? ` is-${kind}` : ''}`;
  };

  textarea.addEventListener('input', () => {
    caseSystem.inputEvents.textarea++;
    setStatus(`Ikke gemt – ${textarea.value.length} tegn`, 'dirty');
  });

  remark.addEventListener('input', () => {
    caseSystem.inputEvents.bemaerkning++;
    remarkCount.textContent = String(remark.textContent.length);
  });

  subject.addEventListener('input', () => {
    if (subject.value.trim()) {
      subject.removeAttribute('aria-invalid');
      subjectError.hidden = true;
    }
  });

  let quill = null;
  const QuillCtor = window.Quill;
  if (typeof QuillCtor === 'function') {
    quill = new QuillCtor('#journal-editor', {
      theme: 'snow',
      placeholder: 'Skriv et formateret notat…',
      modules: {
        toolbar: [['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['link']],
      },
    });
    const root = quill.root;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('aria-labelledby', 'journal-editor-label');
    const labels = {
      '.ql-bold': 'Fed',
      '.ql-italic': 'Kursiv',
      '.ql-underline': 'Understreget',
      '.ql-list[value="ordered"]': 'Nummereret liste',
      '.ql-list[value="bullet"]': 'Punktopstilling',
      '.ql-link': 'Indsæt link',
    };
    const toolbar = quill.getModule('toolbar').container;
    toolbar.setAttribute('aria-label', 'Formatering');
    for (const [selector, label] of Object.entries(labels)) {
      const button = toolbar.querySelector(selector);
      if (button) {
        button.setAttribute('aria-label', label);
        button.title = label;
      }
    }
    quill.on('text-change', () => {
      caseSystem.inputEvents.editor++;
      editorCount.textContent = String(Math.max(0, quill.getLength() - 1));
    });
    caseSystem.quill = quill;
  } else {
    setHtml($('#journal-editor'), html`<p class="alert alert-danger">Editoren kunne ikke indlæses.</p>`);
  }

  const clearEditors = () => {
    if (quill) quill.setContents([], 'silent');
    remark.textContent = '';
    editorCount.textContent = '0';
    remarkCount.textContent = '0';
    subject.removeAttribute('aria-invalid');
    subjectError.hidden = true;
  };
  const clearForm = () => {
    subject.value = '';
    type.selectedIndex = 0;
    textarea.value = '';
    clearEditors();
  };

  // "Annullér" (native reset clears the inputs; the editors are cleared here).
  form.addEventListener('reset', () => {
    clearEditors();
    setStatus('Ingen ændringer');
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const emne = subject.value.trim();
    if (!emne) {
      subject.setAttribute('aria-invalid', 'true');
      subjectError.textContent = 'Emne skal udfyldes, før notatet kan gemmes.';
      subjectError.hidden = false;
      setStatus('Notatet er ikke gemt: udfyld feltet Emne.', 'error');
      subject.focus();
      return;
    }
    const now = new Date();
    const richText = quill ? quill.getText().trim() : '';
    const entry = {
      id: `J-L${now.getTime().toString(36).toUpperCase()}`,
      date: isoDay(now),
      time: timeOf(now),
      author: CURRENT_USER.name,
      type: type.value,
      subject: emne,
      text: textarea.value.trim(),
      html: quill && richText ? quill.getSemanticHTML() : '',
      bemaerkning: remark.textContent.trim(),
    };
    saveJournalEntry(c.caseId, entry);
    clearForm();
    setStatus(`Journalnotat gemt kl. ${timeOf(now)}`, 'saved');
    renderList(entry.id);
    toast('Journalnotat gemt');
  });

  return () => {
    if (caseSystem.quill === quill) caseSystem.quill = null;
  };
}

/* ----- Ydelser tab ----- */

const RATES = {
  Kontanthjælp: 12566,
  Integrationsydelse: 6871,
  Uddannelseshjælp: 6672,
  Sygedagpenge: 21040,
  Ressourceforløbsydelse: 12566,
  Fleksløntilskud: 9850,
  Ledighedsydelse: 19280,
};

function lastWeekdayOfMonth(year, month) {
  let d = new Date(year, month + 1, 0);
  while (d.getDay() === 0 || d.getDay() === 6) d = addDays(d, -1);
  return d;
}

function paymentsFor(c) {
  const rnd = rngFor(c.caseId + 'ydelse');
  const base = RATES[c.ydelse] ?? 12000;
  const start = parseLocal(c.startdato);
  const now = new Date();
  const rows = [];
  for (let back = -1; back < 7; back++) {
    const first = new Date(now.getFullYear(), now.getMonth() - back, 1);
    const last = new Date(first.getFullYear(), first.getMonth() + 1, 0);
    if (last < start) continue;
    const partial = start > first ? (last.getDate() - start.getDate() + 1) / last.getDate() : 1;
    const fradragIndtaegt = rnd() < 0.25 ? Math.round(rnd() * 2400) : 0;
    const brutto = Math.round(base * partial) - fradragIndtaegt;
    const skat = Math.max(0, Math.round((brutto - 5200) * 0.37));
    const payDate = lastWeekdayOfMonth(first.getFullYear(), first.getMonth());
    rows.push({
      periode: `${formatDato(isoDay(first > start ? first : start))} – ${formatDato(isoDay(last))}`,
      payDate,
      brutto,
      fradrag: fradragIndtaegt,
      skat,
      netto: brutto - skat,
      status: payDate < now ? 'Udbetalt' : 'Planlagt',
    });
  }
  return rows;
}

function renderBenefits(panel, c) {
  const rows = paymentsFor(c);
  const total = rows.filter((r) => r.status === 'Udbetalt').reduce((sum, r) => sum + r.netto, 0);
  setHtml(
    panel,
    html`<div class="grid-3" style="margin-bottom:12px">
        <div class="kpi">
          <div class="kpi-label">Ydelse</div>
          <div class="kpi-value" style="font-size:15px">${c.ydelse}</div>
        </div>
        <div class="kpi">
          <div class="kpi-label">Månedlig sats (brutto)</div>
          <div class="kpi-value">${kr.format(RATES[c.ydelse] ?? 12000)} kr.</div>
        </div>
        <div class="kpi kpi-ok">
          <div class="kpi-label">Udbetalt netto (viste perioder)</div>
          <div class="kpi-value">${kr.format(total)} kr.</div>
        </div>
      </div>
      ${
        c.husstand
          ? html`<div class="alert alert-info" role="note">
              ${icon('info')}
              <div>
                Ydelsen er beregnet efter reglerne om gensidig forsørgelse.
                <a href="/husstand/${c.caseId}/${c.husstand}">Se husstandens samlede beregning</a>.
              </div>
            </div>`
          : ''
      }
      <section class="card" aria-labelledby="ydelser-heading">
        <div class="card-header">
          <h2 class="card-title" id="ydelser-heading">Udbetalinger</h2>
          <span class="muted">Udbetales til NemKonto · trækprocent 37 % · fradrag 5.200 kr./md.</span>
        </div>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Udbetalingsdato</th>
                <th scope="col">Periode</th>
                <th scope="col" class="num">Brutto</th>
                <th scope="col" class="num">Fradrag</th>
                <th scope="col" class="num">A-skat</th>
                <th scope="col" class="num">Netto</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) =>
                  html`<tr>
                    <td class="nowrap">${formatDato(isoDay(r.payDate))}</td>
                    <td class="nowrap">${r.periode}</td>
                    <td class="num nowrap">${kr.format(r.brutto)}</td>
                    <td class="num nowrap">${r.fradrag ? kr.format(-r.fradrag) : '–'}</td>
                    <td class="num nowrap">${kr.format(-r.skat)}</td>
                    <td class="num nowrap"><strong>${kr.format(r.netto)}</strong></td>
                    <td>
                      ${html`<span class="badge ${r.status === 'Udbetalt' ? 'badge-ok' : 'badge-neutral'}">${r.status}</span>`}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>`,
  );
}

/* ----- Min Plan tab ----- */

const PLAN = {
  kontant: {
    goal: 'Ordinært job inden for lager, logistik eller detail (37 timer/uge)',
    sub: [
      'Opdateret CV og jobprofil på Jobnet',
      'Mindst 4 målrettede jobansøgninger pr. uge',
      'Virksomhedspraktik afprøvet',
    ],
    acts: [
      ['Virksomhedspraktik', 'Netto Vesthavn Havn', 13, 'I gang'],
      ['Jobsøgningskursus', 'Vesthavn Erhvervscenter', 6, 'Afsluttet'],
    ],
    quote: 'Jeg vil gerne have et arbejde, hvor jeg er fysisk aktiv og har faste arbejdstider.',
  },
  syg: {
    goal: 'Fuld raskmelding og tilbagevenden til eget job',
    sub: [
      'Gradvis tilbagevenden med stigende timetal',
      'Behandlingsforløb afsluttet',
      'Fastholdelsesplan aftalt med arbejdsgiver',
    ],
    acts: [
      ['Delvis raskmelding', 'Egen arbejdsgiver', 12, 'I gang'],
      ['Fysioterapi', 'Vesthavn Sundhedshus', 2, 'I gang'],
    ],
    quote: 'Jeg savner mine kolleger og vil gerne tilbage, men i et tempo jeg kan holde til.',
  },
  ressource: {
    goal: 'Afklaring af arbejdsevne med henblik på fleksjob',
    sub: ['Stabil deltagelse i mentorforløb', 'Afprøvning i beskyttet praktik', 'Helhedsorienteret plan opdateret'],
    acts: [
      ['Mentorstøtte', 'Vesthavn Mentorkorps', 2, 'I gang'],
      ['Praktik i genbrugsbutik', 'Kirkens Korshær Vesthavn', 8, 'Planlagt'],
    ],
    quote: 'Jeg har det bedst, når dagene har en fast struktur.',
  },
  flex: {
    goal: 'Fastholdelse i fleksjob på 15 timer om ugen',
    sub: ['Trivsel i nuværende fleksjob', 'Skånehensyn respekteret af arbejdsgiver', 'Opfølgning hver 12. måned'],
    acts: [['Fleksjob, kantineassistent', 'Vesthavn Rådhus', 15, 'I gang']],
    quote: 'Arbejdet giver mig mening, og timetallet passer til mig.',
  },
  ledig: {
    goal: 'Fleksjob inden for administration eller service',
    sub: [
      'Jobsøgning mod relevante fleksjob',
      'Virksomhedspraktik med fleksjobperspektiv',
      'Netværksmøde med virksomhedskonsulent',
    ],
    acts: [
      ['Virksomhedspraktik', 'Vesthavn Boligselskab', 10, 'I gang'],
      ['Fleksjobnetværk', 'Jobcenter Vesthavn', 2, 'I gang'],
    ],
    quote: 'Jeg vil gerne bruge mine kontorerfaringer igen.',
  },
  udd: {
    goal: 'Optagelse på en erhvervsuddannelse (EUD) til august',
    sub: ['Gennemført FGU-forløb med stabilt fremmøde', 'Brobygning afprøvet', 'Ansøgning via optagelse.dk sendt'],
    acts: [
      ['FGU, produktionsgrunduddannelse', 'FGU Vesthavn', 30, 'I gang'],
      ['Mentor', 'UU Vesthavn', 1, 'I gang'],
    ],
    quote: 'Jeg vil gerne være ernæringsassistent eller arbejde i et køkken.',
  },
  integ: {
    goal: 'Selvforsørgelse via job i servicesektoren',
    sub: ['Danskuddannelse modul 4 bestået', 'Virksomhedspraktik afprøvet', 'Løntilskudsjob etableret'],
    acts: [
      ['Danskuddannelse 2, modul 3', 'Sprogcenter Vesthavn', 15, 'I gang'],
      ['Virksomhedspraktik, køkken', 'Plejecenter Solgården', 12, 'I gang'],
    ],
    quote: 'Jeg lærer meget dansk i praktikken og vil gerne have fast arbejde.',
  },
};
function planGroup(malgruppe) {
  if (malgruppe.includes('kontanthjælp')) return 'kontant';
  if (malgruppe.startsWith('Syge')) return 'syg';
  if (malgruppe.startsWith('Ressource')) return 'ressource';
  if (malgruppe.startsWith('Fleks')) return 'flex';
  if (malgruppe.startsWith('Ledighed')) return 'ledig';
  if (malgruppe.startsWith('Uddannelse')) return 'udd';
  return 'integ';
}

function renderPlan(panel, c) {
  const plan = PLAN[planGroup(c.malgruppe)];
  const rnd = rngFor(c.caseId + 'plan');
  const now = new Date();
  const shared = addDays(now, -(3 + Math.floor(rnd() * 25)));
  setHtml(
    panel,
    html`<div class="stack">
      <div class="goal">
        <div class="goal-label">Beskæftigelsesmål</div>
        <p class="goal-text">${plan.goal}</p>
        <div class="muted">
          Delt med borgeren på Jobnet (Min Plan) ${formatDato(isoDay(shared))} · Målgruppe: ${c.malgruppe}
        </div>
      </div>
      <div class="grid-2">
        <section class="card" aria-labelledby="plan-delmaal">
          <div class="card-header"><h2 class="card-title" id="plan-delmaal">Delmål</h2></div>
          <div class="table-wrap">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Delmål</th>
                  <th scope="col">Fremdrift</th>
                </tr>
              </thead>
              <tbody>
                ${plan.sub.map((s, i) => {
                  const pct = Math.min(100, Math.round((0.9 - i * 0.3 + rnd() * 0.3) * 100));
                  const value = Math.max(5, pct);
                  return html`<tr>
                    <td>${s}</td>
                    <td class="nowrap">
                      <span
                        class="progress"
                        role="progressbar"
                        aria-label="${s}"
                        aria-valuenow="${value}"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        ><span style="width:${value}%"></span
                      ></span>
                      ${value} %
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>
        </section>
        <section class="card" aria-labelledby="plan-ord">
          <div class="card-header">
            <h2 class="card-title" id="plan-ord">Borgerens egne ord</h2>
          </div>
          <div class="card-body"><blockquote class="quote">${plan.quote}</blockquote></div>
        </section>
      </div>
      <section class="card" aria-labelledby="plan-akt">
        <div class="card-header">
          <h2 class="card-title" id="plan-akt">Aktiviteter og tilbud</h2>
          <button type="button" class="btn btn-sm" data-action="na">${icon('plus')}Tilføj aktivitet</button>
        </div>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Aktivitet</th>
                <th scope="col">Udbyder</th>
                <th scope="col">Periode</th>
                <th scope="col" class="num">Timer/uge</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${plan.acts.map(([what, who, hours, state], i) => {
                // Dates follow the state: finished in the past, planned ahead, else running now.
                const from =
                  state === 'Planlagt'
                    ? addDays(now, 14 + Math.floor(rnd() * 20))
                    : state === 'Afsluttet'
                      ? addDays(now, -(120 + i * 20 + Math.floor(rnd() * 30)))
                      : addDays(now, -(20 + i * 15 + Math.floor(rnd() * 30)));
                const to = addDays(from, state === 'Afsluttet' ? 42 : 91);
                const badge = state === 'I gang' ? 'badge-ok' : state === 'Planlagt' ? 'badge-info' : 'badge-neutral';
                return html`<tr>
                  <td>${what}</td>
                  <td>${who}</td>
                  <td class="nowrap">${formatDato(isoDay(from))} – ${formatDato(isoDay(to))}</td>
                  <td class="num">${hours}</td>
                  <td><span class="badge ${badge}">${state}</span></td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>`,
  );
}

/* ----- Dokumenter tab ----- */

function documentsFor(c) {
  const rnd = rngFor(c.caseId + 'docs');
  const base = [
    ['Indkaldelse til samtale', 'Brev', 'Udgående', 'Sendt via Digital Post'],
    ['Kvittering for ansøgning om hjælp', 'Brev', 'Udgående', 'Sendt via Digital Post'],
    ['Ansøgning om ydelse', 'Ansøgning', 'Indgående', 'Journaliseret'],
    ['Afgørelse om ' + c.ydelse.toLowerCase(), 'Afgørelse', 'Udgående', 'Sendt via Digital Post'],
    ['Min Plan (udskrift)', 'Plan', 'Udgående', 'Delt på Jobnet'],
    ['Lægeerklæring (LÆ 265)', 'Attest', 'Indgående', 'Journaliseret'],
    ['Partshøring', 'Brev', 'Udgående', 'Afventer svar'],
    ['Praktikaftale', 'Aftale', 'Indgående', 'Afventer underskrift'],
  ];
  const count = 4 + Math.floor(rnd() * 4);
  const start = parseLocal(c.startdato);
  const span = Math.max(10, Math.round((Date.now() - start) / 86400000));
  return base
    .slice(0, count)
    .map(([title, type, dir, state], i) => ({
      id: `D-${c.caseId.slice(2)}-${i + 1}`,
      title,
      type,
      dir,
      state,
      date: isoDay(addDays(start, Math.round(((count - i) / (count + 1)) * span * (0.7 + rnd() * 0.3)))),
    }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

function renderDocuments(panel, c) {
  const docs = documentsFor(c);
  setHtml(
    panel,
    html`<section class="card" aria-labelledby="dok-heading">
      <div class="card-header">
        <h2 class="card-title" id="dok-heading">Dokumenter (${docs.length})</h2>
        <div class="page-actions">
          <button type="button" class="btn btn-sm" data-action="na">${icon('plus')}Upload dokument</button>
          <button type="button" class="btn btn-sm" data-action="na">${icon('doc')}Dan brev</button>
        </div>
      </div>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Dokument</th>
              <th scope="col">Type</th>
              <th scope="col">Dato</th>
              <th scope="col">Retning</th>
              <th scope="col">Status</th>
              <th scope="col">Dok.-nr.</th>
            </tr>
          </thead>
          <tbody>
            ${docs.map((d) => {
              const badge = d.state.startsWith('Afventer')
                ? 'badge-warn'
                : d.state === 'Journaliseret'
                  ? 'badge-neutral'
                  : 'badge-ok';
              return html`<tr>
                <td><a href="#" data-action="na">${d.title}.pdf</a></td>
                <td>${d.type}</td>
                <td class="nowrap">${formatDato(d.date)}</td>
                <td>${d.dir}</td>
                <td><span class="badge ${badge}">${d.state}</span></td>
                <td class="mono nowrap">${d.id}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`,
  );
}

/* ------------------------------------------------------------------ */
/* View: Husstand (two citizen headers)                                */
/* ------------------------------------------------------------------ */

function viewHousehold(view, { params }) {
  const [idA, idB] = params;
  const a = findCitizen(idA);
  const b = findCitizen(idB);
  if (!a || !b || a === b) {
    return viewNotFound(view, {
      detail: 'Husstanden kunne ikke findes. Kontrollér sags-id for begge personer.',
    });
  }
  setChrome({
    title: `Husstand – ${a.name} og ${b.name}`,
    crumbs: [
      { label: 'Mine borgere', href: '/' },
      { label: a.name, href: `/borger/${a.caseId}` },
      { label: 'Husstand' },
    ],
    nav: 'borgere',
  });
  const registered = a.husstand === b.caseId;
  const people = [a, b];
  const rows = people.map((p) => {
    const rate = RATES[p.ydelse] ?? 12000;
    const rnd = rngFor(p.caseId + 'hh');
    const income = Math.round(rnd() * 3) * 850;
    return { p, rate, income, payout: rate - income };
  });
  setHtml(
    view,
    html`<div class="page-header">
        <div>
          <p class="page-title" style="margin:0">Husstand (gensidig forsørgelse)</p>
          <p class="page-sub">${a.adresse}</p>
        </div>
        <div class="page-actions">
          <button type="button" class="btn" data-action="na">${icon('print')}Udskriv beregning</button>
        </div>
      </div>
      <div class="alert ${registered ? 'alert-info' : 'alert-warn'} household-banner" role="note">
        ${icon('info')}
        <div>
          ${
            registered
              ? 'Ægtefællerne har gensidig forsørgelsespligt. Hjælpen beregnes samlet for husstanden, og indtægter hos den ene ægtefælle modregnes i den andens hjælp.'
              : 'Personerne er ikke registreret i samme husstand i folkeregistret. Kontrollér oplysningerne.'
          }
        </div>
      </div>
      <div class="household-grid">
        ${citizenHeader(a, { headingLevel: 1, actions: false })}
        ${citizenHeader(b, { headingLevel: 2, actions: false })}
      </div>
      <section class="card" style="margin-top:12px" aria-labelledby="hh-beregning">
        <div class="card-header">
          <h2 class="card-title" id="hh-beregning">Samlet beregning for husstanden (indeværende måned)</h2>
        </div>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Ydelse</th>
                <th scope="col" class="num">Sats</th>
                <th scope="col" class="num">Modregnet indtægt</th>
                <th scope="col" class="num">Til udbetaling</th>
                <th scope="col">Sag</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) =>
                  html`<tr>
                    <td>${r.p.name}</td>
                    <td>${r.p.ydelse}</td>
                    <td class="num nowrap">${kr.format(r.rate)}</td>
                    <td class="num nowrap">${r.income ? kr.format(-r.income) : '–'}</td>
                    <td class="num nowrap"><strong>${kr.format(r.payout)}</strong></td>
                    <td><a href="/borger/${r.p.caseId}">${r.p.caseId}</a></td>
                  </tr>`,
              )}
              <tr>
                <td colspan="4"><strong>I alt for husstanden</strong></td>
                <td class="num nowrap">
                  <strong>${kr.format(rows.reduce((s, r) => s + r.payout, 0))}</strong>
                </td>
                <td></td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>`,
  );
}

/* ------------------------------------------------------------------ */
/* View: Kalender                                                      */
/* ------------------------------------------------------------------ */

const DAY_NAMES = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'];
const CAL_START_HOUR = 8;
const CAL_END_HOUR = 16;
const HOUR_PX = 44;

function viewCalendar(view, { query }) {
  const now = new Date();
  const requested = query.get('uge');
  const weekStart =
    requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) ? startOfWeek(parseLocal(requested)) : startOfWeek(now);
  const scope = query.get('vis') === 'team' ? 'team' : 'mine';
  const weekEnd = addDays(weekStart, 5);
  const weekNo = isoWeek(weekStart);
  setChrome({
    title: `Kalender – uge ${weekNo}`,
    crumbs: [{ label: 'Kalender' }],
    nav: 'kalender',
  });

  const link = (start, vis = scope) => {
    const params = new URLSearchParams();
    params.set('uge', isoDay(start));
    if (vis === 'team') params.set('vis', 'team');
    return `/kalender?${params}`;
  };

  const meetings = citizens
    .filter((c) => c.naesteMoede && (scope === 'team' || c.sagsbehandler === CURRENT_USER.name))
    .map((c) => ({ c, start: parseLocal(c.naesteMoede), minutes: 45 }));
  const internal = [
    [0, '09:00', 30, 'Teammøde'],
    [2, '13:00', 60, 'Faglig sparring'],
    [4, '08:30', 30, 'Tavlemøde'],
  ].map(([day, time, minutes, title]) => {
    const [hh, mm] = time.split(':').map(Number);
    const start = addDays(weekStart, day);
    start.setHours(hh, mm);
    return { title, start, minutes };
  });

  const columns = DAY_NAMES.map((name, i) => {
    const day = addDays(weekStart, i);
    const next = addDays(day, 1);
    const events = [
      ...internal.filter((e) => e.start >= day && e.start < next),
      ...meetings.filter((m) => m.start >= day && m.start < next),
    ];
    return { name, day, events, isToday: isoDay(day) === isoDay(now) };
  });

  const eventHtml = (e) => {
    const top = ((e.start.getHours() - CAL_START_HOUR) * 60 + e.start.getMinutes()) * (HOUR_PX / 60);
    const height = Math.max(18, e.minutes * (HOUR_PX / 60) - 2);
    const end = new Date(e.start.getTime() + e.minutes * 60000);
    const past = end < now ? ' is-past' : '';
    if (e.c) {
      return html`<a
        class="cal-event${past}"
        href="/borger/${e.c.caseId}"
        style="top:${top}px;height:${height}px"
        title="Jobsamtale – ${e.c.name}"
      >
        <strong>${timeOf(e.start)} ${e.c.name}</strong
        >Jobsamtale${scope === 'team' ? html` · ${e.c.sagsbehandler}` : ''}
      </a>`;
    }
    return html`<div class="cal-event is-internal${past}" style="top:${top}px;height:${height}px">
      <strong>${timeOf(e.start)} ${e.title}</strong>
    </div>`;
  };

  const hours = [];
  for (let h = CAL_START_HOUR; h < CAL_END_HOUR; h++) hours.push(h);
  const bodyHeight = (CAL_END_HOUR - CAL_START_HOUR) * HOUR_PX;
  const nowTop = ((now.getHours() - CAL_START_HOUR) * 60 + now.getMinutes()) * (HOUR_PX / 60);

  const upcoming = meetings
    .filter((m) => m.start >= now)
    .sort((x, y) => x.start - y.start)
    .slice(0, 12);

  setHtml(
    view,
    html`<div class="page-header">
        <div>
          <h1 class="page-title">Kalender</h1>
          <p class="page-sub">${scope === 'team' ? `Hele ${CURRENT_USER.team}` : `Møder for ${CURRENT_USER.name}`}</p>
        </div>
        <div class="cal-toolbar">
          <a class="btn btn-sm" href="${link(addDays(weekStart, -7))}">‹ Forrige uge</a>
          <a class="btn btn-sm" href="${link(startOfWeek(now))}">I dag</a>
          <a class="btn btn-sm" href="${link(addDays(weekStart, 7))}">Næste uge ›</a>
          <span class="cal-week-label" id="cal-week-label"
            >Uge ${weekNo} · ${formatDato(isoDay(weekStart))} – ${formatDato(isoDay(addDays(weekEnd, -1)))}</span
          >
          <a class="btn btn-sm${scope === 'mine' ? ' btn-primary' : ''}" href="${link(weekStart, 'mine')}"
            >Mine møder</a
          >
          <a class="btn btn-sm${scope === 'team' ? ' btn-primary' : ''}" href="${link(weekStart, 'team')}"
            >Hele teamet</a
          >
        </div>
      </div>
      <section class="card" aria-label="Ugekalender">
        <div class="table-wrap">
          <div class="calendar" id="calendar">
            <div class="cal-head-corner"></div>
            ${columns.map(
              (col) =>
                html`<div class="cal-head${col.isToday ? ' is-today' : ''}">
                  ${col.name} ${formatDato(isoDay(col.day)).slice(0, 5)}
                </div>`,
            )}
            <div class="cal-times" style="height:${bodyHeight}px">
              ${hours.map((h) => html`<div class="cal-time">${pad(h)}:00</div>`)}
            </div>
            ${columns.map(
              (col) =>
                html`<div
                  class="cal-day${col.isToday ? ' is-today' : ''}"
                  style="height:${bodyHeight}px"
                  aria-label="${col.name} ${formatDato(isoDay(col.day))}"
                >
                  ${col.isToday && nowTop > 0 && nowTop < bodyHeight ? html`<div class="cal-now" style="top:${nowTop}px" aria-hidden="true"></div>` : ''}
                  ${col.events.map(eventHtml)}
                </div>`,
            )}
          </div>
        </div>
      </section>
      <section class="card" aria-labelledby="kommende-heading">
        <div class="card-header">
          <h2 class="card-title" id="kommende-heading">Kommende møder</h2>
          <span class="muted">${upcoming.length} viste</span>
        </div>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Borger</th>
                <th scope="col">Målgruppe</th>
                <th scope="col">Sagsbehandler</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              ${
                upcoming.length
                  ? upcoming.map(
                      (m) =>
                        html`<tr>
                          <td class="nowrap">${formatMoede(m.c.naesteMoede)}</td>
                          <td><a href="/borger/${m.c.caseId}">${m.c.name}</a></td>
                          <td>${m.c.malgruppe}</td>
                          <td class="nowrap">${m.c.sagsbehandler}</td>
                          <td>Jobsamtale</td>
                        </tr>`,
                    )
                  : html`<tr class="empty-row">
                      <td colspan="5">Ingen kommende møder.</td>
                    </tr>`
              }
            </tbody>
          </table>
        </div>
      </section>`,
  );
}

/* ------------------------------------------------------------------ */
/* View: Opgaver                                                       */
/* ------------------------------------------------------------------ */

function tasks() {
  const templates = [
    ['Godkend praktikaftale', 'Høj'],
    ['Opfølgning på lægeerklæring', 'Normal'],
    ['Partshøring: svarfrist udløber', 'Høj'],
    ['Revurdér Min Plan', 'Normal'],
    ['Indhent dokumentation for husleje', 'Lav'],
    ['Book rehabiliteringsteam', 'Normal'],
    ['Registrér fremmøde', 'Lav'],
  ];
  const now = new Date();
  return citizens
    .filter((c) => c.sagsbehandler === CURRENT_USER.name)
    .slice(0, 14)
    .map((c, i) => {
      const [title, priority] = templates[i % templates.length];
      const rnd = rngFor(c.caseId + 'task');
      const due = addDays(now, Math.floor(rnd() * 21) - 6);
      return { c, title, priority, due, done: i % 2 === 1 };
    })
    .sort((a, b) => a.due - b.due);
}

function viewTasks(view) {
  setChrome({ title: 'Opgaver', crumbs: [{ label: 'Opgaver' }], nav: 'opgaver' });
  const list = tasks();
  const now = new Date();
  const prio = { Høj: 'badge-danger', Normal: 'badge-warn', Lav: 'badge-neutral' };
  setHtml(
    view,
    html`<div class="page-header">
        <div>
          <h1 class="page-title">Opgaver</h1>
          <p class="page-sub">Opgaver tildelt ${CURRENT_USER.name}</p>
        </div>
        <div class="page-actions">
          <button type="button" class="btn btn-primary" data-action="na">${icon('plus')}Ny opgave</button>
        </div>
      </div>
      <section class="card" aria-label="Opgaveliste">
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Frist</th>
                <th scope="col">Opgave</th>
                <th scope="col">Borger</th>
                <th scope="col">Prioritet</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${list.map(
                (t) =>
                  html`<tr>
                    <td class="nowrap${!t.done && t.due < now ? ' is-overdue' : ''}">${formatDato(isoDay(t.due))}</td>
                    <td>${t.title}</td>
                    <td><a href="/borger/${t.c.caseId}">${t.c.name}</a></td>
                    <td><span class="badge ${prio[t.priority]}">${t.priority}</span></td>
                    <td>
                      ${t.done ? html`<span class="badge badge-ok">Udført</span>` : html`<span class="badge badge-info">Åben</span>`}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>`,
  );
}

/* ------------------------------------------------------------------ */
/* View: tung (performance page)                                       */
/* ------------------------------------------------------------------ */

const HEAVY_ROWS = 5000;
const HEAVY_CHANGES_PER_TICK = 50;
const HEAVY_TICK_MS = 100;

function viewHeavy(view) {
  setChrome({
    title: 'Udbetalingsmonitor',
    crumbs: [{ label: 'Udbetalingsmonitor' }],
    nav: 'tung',
  });
  const rnd = rngFor('tung');
  const first = [
    'Anne',
    'Peter',
    'Maja',
    'Lars',
    'Sofie',
    'Mads',
    'Emma',
    'Jonas',
    'Ida',
    'Ali',
    'Fatima',
    'Ole',
    'Hanne',
    'Omar',
    'Karen',
    'Niels',
  ];
  const last = [
    'Hansen',
    'Jensen',
    'Nielsen',
    'Pedersen',
    'Andersen',
    'Larsen',
    'Sørensen',
    'Rasmussen',
    'Christensen',
    'Poulsen',
    'Khan',
    'Yilmaz',
    'Madsen',
    'Kristensen',
  ];
  const ydelser = Object.keys(RATES);
  const statuses = ['Beregnet', 'Godkendt', 'Sendt til NemKonto', 'Afventer'];
  const rowsHtml = [];
  for (let i = 0; i < HEAVY_ROWS; i++) {
    const name = `${first[Math.floor(rnd() * first.length)]} ${last[Math.floor(rnd() * last.length)]}`;
    const ydelse = ydelser[Math.floor(rnd() * ydelser.length)];
    const amount = RATES[ydelse] * (0.6 + rnd() * 0.5);
    rowsHtml.push(
      `<tr><td class="num">${i + 1}</td><td class="mono">U-${String(700000 + i)}</td><td>${esc(name)}</td><td>${esc(ydelse)}</td><td class="nowrap">11.2026</td><td class="num nowrap">${kr.format(amount)}</td><td>${statuses[Math.floor(rnd() * statuses.length)]}</td><td class="nowrap">–</td></tr>`,
    );
  }
  setHtml(
    view,
    html`<div class="page-header">
        <div>
          <h1 class="page-title">Udbetalingsmonitor</h1>
          <p class="page-sub">
            Live-overvågning af ydelsesberegninger for hele jobcentret (${HEAVY_ROWS.toLocaleString('da-DK')} rækker)
          </p>
        </div>
        <div class="heavy-stats">
          <span>Opdateringer: <output id="tung-counter" aria-live="off">0</output></span>
          <span>Ændrede celler: <output id="tung-cells">0</output></span>
          <span class="badge badge-ok">Live</span>
        </div>
      </div>
      <section class="card" aria-label="Udbetalinger">
        <div class="table-wrap">
          <table class="data-table heavy-table" id="tung-tabel">
            <colgroup>
              <col style="width:6%" />
              <col style="width:11%" />
              <col style="width:18%" />
              <col style="width:18%" />
              <col style="width:9%" />
              <col style="width:12%" />
              <col style="width:15%" />
              <col style="width:11%" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" class="num">#</th>
                <th scope="col">Beregning</th>
                <th scope="col">Modtager</th>
                <th scope="col">Ydelse</th>
                <th scope="col">Periode</th>
                <th scope="col" class="num">Beløb (kr.)</th>
                <th scope="col">Status</th>
                <th scope="col">Opdateret</th>
              </tr>
            </thead>
            <tbody id="tung-tbody">
              ${raw(rowsHtml.join(''))}
            </tbody>
          </table>
        </div>
      </section>`,
  );

  const tbody = $('#tung-tbody');
  const counter = $('#tung-counter');
  const cellsOut = $('#tung-cells');
  const rows = tbody.rows;
  let ticks = 0;
  let cells = 0;
  let lastChanged = [];
  const timer = setInterval(() => {
    for (const td of lastChanged) td.classList.remove('is-changed');
    lastChanged = [];
    const stamp = new Date();
    const time = `${timeOf(stamp)}:${pad(stamp.getSeconds())}`;
    for (let k = 0; k < HEAVY_CHANGES_PER_TICK; k++) {
      const row = rows[Math.floor(Math.random() * rows.length)];
      const amountCell = row.cells[5];
      amountCell.textContent = kr.format(4000 + Math.random() * 18000);
      amountCell.classList.add('is-changed');
      row.cells[7].textContent = time;
      lastChanged.push(amountCell);
      cells += 2;
    }
    ticks++;
    counter.textContent = String(ticks);
    cellsOut.textContent = cells.toLocaleString('da-DK');
  }, HEAVY_TICK_MS);
  return () => clearInterval(timer);
}

/* ------------------------------------------------------------------ */
/* View: 404                                                           */
/* ------------------------------------------------------------------ */

function viewNotFound(view, { detail } = {}) {
  setChrome({ title: 'Siden blev ikke fundet', crumbs: [{ label: 'Siden blev ikke fundet' }] });
  setHtml(
    view,
    html`<section class="card not-found" aria-labelledby="nf-heading">
      <div class="not-found-code">FEJL 404</div>
      <h1 id="nf-heading">Siden blev ikke fundet</h1>
      <p>${detail ?? 'Adressen findes ikke i sagssystemet. Den kan være flyttet, eller linket kan være forkert.'}</p>
      <p class="muted">Adresse: <span class="mono">${location.pathname}</span></p>
      <a class="btn btn-primary" href="/">Gå til Mine borgere</a>
    </section>`,
  );
}

/* ------------------------------------------------------------------ */
/* Router                                                              */
/* ------------------------------------------------------------------ */

const ROUTES = [
  { pattern: /^\/$/, view: viewList },
  {
    pattern: /^\/borger\/([^/]+)(?:\/([^/]+))?\/?$/,
    view: viewCitizen,
    loading: 'Henter borgerens sag…',
  },
  {
    pattern: /^\/husstand\/([^/]+)\/([^/]+)\/?$/,
    view: viewHousehold,
    loading: 'Henter husstandens oplysninger…',
  },
  { pattern: /^\/kalender\/?$/, view: viewCalendar },
  { pattern: /^\/opgaver\/?$/, view: viewTasks },
  { pattern: /^\/tung\/?$/, view: viewHeavy },
];

const viewEl = () => $('#view');
const mainEl = () => $('#main');
let renderToken = 0;
let cleanup = null;

async function render({ scroll = true } = {}) {
  const token = ++renderToken;
  if (cleanup) {
    try {
      cleanup();
    } catch {
      /* ignore */
    }
    cleanup = null;
  }
  const { pathname, search } = location;
  const query = new URLSearchParams(search);
  let route = null;
  let params = [];
  for (const r of ROUTES) {
    const match = r.pattern.exec(pathname);
    if (match) {
      route = r;
      params = match
        .slice(1)
        .filter((p) => p !== undefined)
        .map((p) => {
          try {
            return decodeURIComponent(p);
          } catch {
            return p;
          }
        });
      break;
    }
  }
  const view = viewEl();
  const main = mainEl();

  // `?ventetid=0`: the data is at hand, as from a fast server or a cache (the benchmarks use it).
  if (route?.loading && query.get('ventetid') !== '0') {
    caseSystem.loading = true;
    main.setAttribute('aria-busy', 'true');
    setHtml(
      view,
      html`<div class="loading" role="status">
        <span class="spinner" aria-hidden="true"></span><span>${route.loading}</span>
      </div>`,
    );
    await delay(50 + Math.random() * 100);
    if (token !== renderToken) return; // a newer navigation won
  }

  caseSystem.quill = null;
  view.replaceChildren();
  const result = route ? route.view(view, { params, query }) : viewNotFound(view);
  if (typeof result === 'function') cleanup = result;
  caseSystem.loading = false;
  main.removeAttribute('aria-busy');
  caseSystem.route = pathname + search;
  caseSystem.renders++;
  if (scroll) window.scrollTo(0, 0);
  document.dispatchEvent(new CustomEvent('casesystem:rendered', { detail: { route: caseSystem.route } }));
}

function navigate(url, { replace = false } = {}) {
  const target = new URL(url, location.href);
  const current = location.pathname + location.search + location.hash;
  const next = target.pathname + target.search + target.hash;
  if (next === current && !replace) return;
  if (replace) history.replaceState({}, '', next);
  else history.pushState({}, '', next);
  render();
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  const actionEl = event.target instanceof Element ? event.target.closest('[data-action="na"]') : null;
  if (actionEl) {
    event.preventDefault();
    notAvailable();
    return;
  }
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return;
  if (url.pathname === '/b' || url.pathname.startsWith('/b/')) return; // the other system: full load
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // in-page anchor
  event.preventDefault();
  navigate(url.href);
});

window.addEventListener('popstate', () => render({ scroll: false }));

$('#global-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('#global-search-input');
  const q = input.value.trim();
  if (!q) return;
  const digits = q.replace(/[\s-]/g, '');
  const matches = citizens.filter(
    (c) =>
      c.caseId.toLowerCase() === q.toLowerCase() ||
      (digits.length === 10 && c.cpr.replace('-', '') === digits) ||
      c.name.toLowerCase().includes(q.toLowerCase()),
  );
  input.value = '';
  input.blur();
  if (matches.length === 1) navigate(`/borger/${matches[0].caseId}`);
  else navigate(`/?q=${encodeURIComponent(q)}`);
});

$('#notifications-btn').addEventListener('click', () => toast('3 ulæste notifikationer – se Opgaver', 'info'));
$('#help-btn').addEventListener('click', notAvailable);
$('#logout-btn').addEventListener('click', notAvailable);

$('#nav-count-borgere').textContent = String(citizens.length);
$('#footer-session').textContent = `Logget ind ${formatDato(isoDay(new Date()))} kl. ${timeOf(new Date())}`;
history.scrollRestoration = 'manual';
renderRecent();
render();
