import { findCprs, maskCpr, parseCpr } from '../cpr/cpr';
import type { FieldReader } from '../host/adapter';
import { CITIZEN_FIELD_IDS } from '../host/citizen-fields';
import { editableRoot, hostLabel, proposeSelectorPath } from '../host/selector';
import type { Translate } from '../i18n/i18n';
import type { PickedSelectors } from '../messaging/protocol';
import { probeReaders } from '../adapters/probe';
import { rectInTop } from '../host/rect-in-top';
import { frameListeners, keepAboveModals } from './picker-page';
import { drawRecords, el, initialState, renderBar, STEPS, STYLE, type PickerState, type StepId } from './picker-view';
import { proposeScope, proposeWithin, readIn, recordAround } from './scope';

/**
 * "Lær siden": the element picker drawn on the case-system page. Injected on
 * demand from the options page (entrypoints/picker.ts), never part of the
 * always-on content script. It shows only what the page itself shows (the
 * text under the selector), in a closed shadow root, and hands the options
 * page selectors only. Every click on the page, and in its same-origin frames
 * (an editor's iframe), is swallowed while it runs, so the case system does not
 * react to the team lead's pointing, until "Brug siden" lets the page be used
 * for a moment (to open a dialog or a tab holding a field). While the page
 * shows a modal dialog, the picker is drawn inside it (./picker-page.ts
 * `keepAboveModals`), so the team lead can go on picking there.
 */
export function startPicker(
  doc: Document,
  t: Translate,
  onFinish: (picks: PickedSelectors | null) => void,
): () => void {
  const win = doc.defaultView!;
  const host = doc.createElement('sidevogn-picker');
  const root = host.attachShadow({ mode: 'closed' });
  const box = el(doc, 'div', { className: 'box' });
  const bar = el(doc, 'div', { className: 'bar' });
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', t('picker.title'));
  const recs = el(doc, 'div');
  root.append(el(doc, 'style', { textContent: STYLE }), recs, box, bar);
  doc.documentElement.append(host);

  const s = initialState();
  const redrawRecords = () => drawRecords(doc, recs, s);
  const render = () => {
    redrawRecords();
    renderBar(doc, t, bar, s, { go, finish, cancel: () => stop(null), rerender: render, hideBox });
  };
  const hideBox = () => {
    box.style.display = 'none';
  };
  const go = (to: number) => {
    s.index = to;
    const reader = s.picks.get(STEPS[s.index]!.id);
    s.message = reader ? describePick(doc, t, s, STEPS[s.index]!.id, reader) : null;
    render();
  };
  const finish = () => {
    const result = collect(s);
    if (result) stop(result);
    else go(s.picks.get('cpr') ? 1 : 0);
  };

  const stepElement = (target: Element | null): Element | null => {
    if (!target || host.contains(target)) return null;
    return STEPS[s.index]!.id === 'journal' ? editableRoot(target) : target;
  };
  // The element under the pointer, inside open shadow roots too.
  const under = (e: Event) => e.composedPath()[0] as Element | null;
  const ours = (e: Event) => e.composedPath().includes(host);

  const onMove = (e: MouseEvent) => {
    const hovered = under(e);
    if (hovered?.tagName === 'IFRAME' || hovered?.tagName === 'FRAME') frames.watchFrames(doc);
    const target = s.paused ? null : stepElement(hovered);
    if (!target) return hideBox();
    const r = rectInTop(target);
    Object.assign(box.style, {
      display: 'block',
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
  };
  const swallow = (e: Event) => {
    if (s.paused || ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (e: MouseEvent) => {
    if (s.paused || ours(e)) return;
    swallow(e);
    pickAt(doc, t, s, stepElement(under(e)));
    render();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !s.paused) {
      e.preventDefault();
      stop(null);
    }
  };

  const frames = frameListeners([
    ['mousemove', onMove as EventListener],
    ['click', onClick as EventListener],
    ['pointerdown', swallow],
    ['mousedown', swallow],
    ['pointerup', swallow],
    ['mouseup', swallow],
    ['dblclick', swallow],
    ['auxclick', swallow],
    ['keydown', onKey as EventListener],
  ]);
  frames.listenIn(win);
  win.addEventListener('scroll', redrawRecords, { capture: true, passive: true });
  win.addEventListener('resize', redrawRecords, { passive: true });
  frames.watchFrames(doc);
  const stopPlacing = keepAboveModals(doc, host);

  let stopped = false;
  function stop(result: PickedSelectors | null) {
    if (stopped) return;
    stopped = true;
    stopPlacing();
    frames.removeAll();
    win.removeEventListener('scroll', redrawRecords, { capture: true });
    win.removeEventListener('resize', redrawRecords);
    host.remove();
    onFinish(result);
  }

  render();
  return () => stop(null);
}

/** What a pick reads on the page, as the bar shows it (a CPR masked, as everywhere in Sidevogn). */
function describePick(
  doc: Document,
  t: Translate,
  s: PickerState,
  id: StepId,
  reader: FieldReader,
): { text: string; bad: boolean } {
  const record = s.records.get(id);
  const probe = record
    ? { value: readIn(record, reader.selector) || null, editable: false }
    : probeReaders({ x: reader }, doc).x!;
  if (id === 'journal')
    return { text: probe.editable ? t('adapters.found') : t('picker.notEditable'), bad: !probe.editable };
  const value = probe.value ?? '';
  if (id === 'cpr') {
    const parsed = parseCpr(value);
    const found = findCprs(value);
    const cpr = parsed.ok ? parsed.cpr.value : found.length === 1 ? found[0] : undefined;
    return cpr
      ? { text: `${maskCpr(cpr)} – ${t('adapters.cprOk')}`, bad: false }
      : { text: t('picker.noCpr'), bad: true };
  }
  return { text: value || t('adapters.notFound'), bad: !value };
}

/** The team lead clicked `target` (null: nothing this step can use) for the current step. */
function pickAt(doc: Document, t: Translate, s: PickerState, target: Element | null): void {
  const step = STEPS[s.index]!;
  if (!target) {
    s.message = { text: t('picker.notEditable'), bad: true };
    s.picks.delete(step.id);
    return;
  }
  if (step.id === 'cpr') {
    const record = recordAround(target);
    const inferred = (record && proposeScope(record)) || undefined;
    if (inferred !== s.scope) {
      // Fields picked for another record shape are picked again.
      for (const id of s.picks.keys()) if (id !== 'journal') s.picks.delete(id);
      s.records.clear();
    }
    s.scope = inferred;
    s.scopeUnknown = !!record && !inferred;
  }
  let reader: FieldReader;
  if (step.id !== 'journal' && s.scope) {
    const record = target.closest(s.scope);
    if (!record) {
      s.message = { text: t('picker.outsideRecord'), bad: true };
      s.picks.delete(step.id);
      return;
    }
    s.records.set(step.id, record);
    reader = { selector: proposeWithin(record, target, s.scope) };
  } else reader = { selector: proposeSelectorPath(target) };
  s.picks.set(step.id, reader);
  if (step.id === 'journal') s.targetLabel = hostLabel(target);
  s.message = describePick(doc, t, s, step.id, reader);
}

/** The picks as the options page takes them; undefined while the CPR or the name is missing. */
function collect(s: PickerState): PickedSelectors | undefined {
  const cpr = s.picks.get('cpr');
  const name = s.picks.get('name');
  if (!cpr || !name) return undefined;
  const fields: PickedSelectors['fields'] = {};
  for (const id of CITIZEN_FIELD_IDS) {
    const reader = s.picks.get(id);
    if (reader) fields[id] = reader;
  }
  const current = s.picks.get('journal');
  return {
    cpr,
    name,
    fields,
    ...(s.scope ? { scope: s.scope } : s.scopeUnknown ? { severalCitizens: true } : {}),
    targets: current ? [...s.targets, { selector: current.selector, label: s.targetLabel }] : s.targets,
  };
}
