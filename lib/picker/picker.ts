import { findCprs, maskCpr, parseCpr } from '../cpr/cpr';
import type { FieldReader } from '../host/adapter';
import { CITIZEN_FIELD_IDS, type CitizenFieldId } from '../host/citizen-fields';
import { editableRoot, hostLabel, proposeSelectorPath } from '../host/selector';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { PickedSelectors } from '../messaging/protocol';
import { probeReaders } from '../adapters/probe';
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
 * shows a modal dialog, the picker is drawn inside it (see `place`), so the
 * team lead can go on picking there.
 */

type StepId = 'cpr' | 'name' | CitizenFieldId | 'journal';
interface Step {
  id: StepId;
  label: MessageKey;
  optional: boolean;
}

const STEPS: Step[] = [
  { id: 'cpr', label: 'field.cpr', optional: false },
  { id: 'name', label: 'field.name', optional: false },
  ...CITIZEN_FIELD_IDS.map((id) => ({ id, label: `fact.${id}` as MessageKey, optional: true })),
  { id: 'journal', label: 'field.journal', optional: true },
];

const STYLE = `
:host { all: initial; }
.bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 380px; max-width: calc(100vw - 32px);
  background: #fff; color: #0f172a; border: 2px solid #075985; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25);
  font: 14px/1.4 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; padding: 12px; }
.bar h2 { margin: 0 0 4px; font-size: 15px; }
.bar p { margin: 4px 0; }
.hint { color: #475569; font-size: 12px; }
.sel { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; background: #f1f5f9; padding: 2px 4px; }
.bad { color: #991b1b; }
.row { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid #64748b; background: #fff; color: #0f172a; cursor: pointer; }
button.primary { background: #075985; color: #fff; border-color: #075985; }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }
details { margin: 4px 0; }
summary { cursor: pointer; color: #075985; }
summary:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }
.rec { position: fixed; z-index: 2147483645; pointer-events: none; border: 2px dashed #075985; border-radius: 4px; }
.box { position: fixed; z-index: 2147483646; pointer-events: none; border: 2px solid #f59e0b; background: rgba(245,158,11,.15); border-radius: 3px; display: none; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

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
  /** Dashed outlines around each citizen's record, once one is inferred (a household page). */
  const recs = el(doc, 'div');
  root.append(el(doc, 'style', { textContent: STYLE }), recs, box, bar);
  doc.documentElement.append(host);

  const picks = new Map<StepId, FieldReader>();
  /** Targets taught before the one being picked now ("Tilføj et felt mere"), and the current one's name. */
  const targets: { selector: string; label: string }[] = [];
  let targetLabel = '';
  let index = 0;
  let message: { text: string; bad: boolean } | null = null;
  let paused = false;
  /**
   * Several CPRs on the page: the record each citizen stands in (`citizen.scope`),
   * inferred from the picked CPR; `scopeUnknown` when it could not be (the options
   * page then asks). Each citizen field is read inside the record it was picked in.
   */
  let scope: string | undefined;
  let scopeUnknown = false;
  const records = new Map<StepId, Element>();
  let advancedOpen = false;

  const stepElement = (target: Element | null): Element | null => {
    if (!target || host.contains(target)) return null;
    return STEPS[index]!.id === 'journal' ? editableRoot(target) : target;
  };

  const describe = (id: StepId, reader: FieldReader): { text: string; bad: boolean } => {
    const record = records.get(id);
    const probe = record
      ? { value: readIn(record, reader.selector) || null, editable: false }
      : probeReaders({ x: reader }, doc).x!;
    if (id === 'journal')
      return { text: probe.editable ? t('adapters.found') : t('picker.notEditable'), bad: !probe.editable };
    const value = probe.value ?? '';
    if (id === 'cpr') {
      // Shown masked, as everywhere else in Sidevogn.
      const parsed = parseCpr(value);
      const found = findCprs(value);
      const cpr = parsed.ok ? parsed.cpr.value : found.length === 1 ? found[0] : undefined;
      return cpr
        ? { text: `${maskCpr(cpr)} – ${t('adapters.cprOk')}`, bad: false }
        : { text: t('picker.noCpr'), bad: true };
    }
    return { text: value || t('adapters.notFound'), bad: !value };
  };

  const drawRecords = () => {
    const show = !!scope && !paused && STEPS[index]!.id !== 'journal';
    recs.replaceChildren(
      ...(show ? [...doc.querySelectorAll(scope!)] : []).map((record) => {
        const r = record.getBoundingClientRect();
        const outline = el(doc, 'div', { className: 'rec' });
        Object.assign(outline.style, {
          left: `${r.left - 3}px`,
          top: `${r.top - 3}px`,
          width: `${r.width + 6}px`,
          height: `${r.height + 6}px`,
        });
        return outline;
      }),
    );
  };

  const render = () => {
    drawRecords();
    const step = STEPS[index]!;
    const reader = picks.get(step.id);
    const buttons = el(doc, 'div', { className: 'row' });
    const button = (label: string, onClick: () => void, opts: { primary?: boolean; disabled?: boolean } = {}) => {
      const b = el(doc, 'button', { type: 'button', textContent: label, disabled: !!opts.disabled });
      if (opts.primary) b.className = 'primary';
      b.addEventListener('click', onClick);
      buttons.append(b);
      return b;
    };
    const last = index === STEPS.length - 1;
    const canGoOn = !!reader || step.optional;
    if (index > 0) button(t('picker.back'), () => go(index - 1));
    if (step.id === 'journal' && reader && !message?.bad)
      button(t('picker.anotherTarget'), () => {
        targets.push({ selector: reader.selector, label: targetLabel });
        picks.delete('journal');
        message = null;
        render();
      });
    button(paused ? t('picker.resume') : t('picker.usePage'), () => {
      paused = !paused;
      box.style.display = 'none';
      render();
    });
    const skip = step.optional && !reader ? button(t('picker.skip'), () => (last ? finish() : go(index + 1))) : null;
    const next = button(last ? t('picker.done') : t('picker.next'), () => (last ? finish() : go(index + 1)), {
      primary: true,
      disabled: !canGoOn || (!!message?.bad && !step.optional),
    });
    button(t('picker.cancel'), () => stop(null));

    bar.replaceChildren(
      el(doc, 'h2', { textContent: t('picker.title') }),
      el(
        doc,
        'p',
        {},
        el(doc, 'strong', {
          textContent: t('picker.step', { n: index + 1, total: STEPS.length, field: t(step.label) }),
        }),
        step.optional ? ` ${t('picker.optional')}` : '',
      ),
      ...(paused ? [el(doc, 'p', { className: 'hint', textContent: t('picker.paused') })] : []),
      ...(step.id === 'journal' && targets.length > 0
        ? [el(doc, 'p', {}, `${t('picker.targetsSoFar')}: ${targets.map((x) => x.label).join(', ')}`)]
        : []),
      ...(reader && step.id === 'journal' && targetLabel
        ? [el(doc, 'p', {}, `${t('picker.targetName')}: `, el(doc, 'strong', { textContent: targetLabel }))]
        : []),
      ...(scope && step.id !== 'journal'
        ? [el(doc, 'p', { textContent: t('picker.scope', { count: doc.querySelectorAll(scope).length }) })]
        : []),
      ...(scopeUnknown && step.id !== 'journal'
        ? [el(doc, 'p', { className: 'bad', textContent: t('picker.scopeUnknown') })]
        : []),
      ...(reader
        ? [el(doc, 'p', { className: message?.bad ? 'bad' : '' }, `${t('picker.reads')}: `, message?.text ?? '')]
        : message
          ? [el(doc, 'p', { className: message.bad ? 'bad' : '', textContent: message.text })]
          : [el(doc, 'p', { className: 'hint', textContent: t('picker.hint') })]),
      ...(reader || scope ? [advanced(reader)] : []),
      buttons,
    );
    // Keyboard: Enter takes the next step (the toolbar keeps focus, the page keeps its clicks).
    (skip ?? (next.disabled ? null : next))?.focus();
  };

  /** "Avanceret": the selectors behind the picks, for those who know CSS; closed unless opened. */
  const advanced = (reader: FieldReader | undefined) => {
    const details = el(doc, 'details', { open: advancedOpen });
    details.addEventListener('toggle', () => (advancedOpen = details.open));
    details.append(
      el(doc, 'summary', { textContent: t('advanced.heading') }),
      el(doc, 'p', { className: 'hint', textContent: t('advanced.selectorHelp') }),
      ...(reader
        ? [
            el(
              doc,
              'p',
              {},
              `${t('adapters.selector')}: `,
              el(doc, 'span', { className: 'sel', textContent: reader.selector }),
            ),
          ]
        : []),
      ...(scope
        ? [el(doc, 'p', {}, `${t('adapters.scope')}: `, el(doc, 'span', { className: 'sel', textContent: scope }))]
        : []),
    );
    return details;
  };

  const go = (to: number) => {
    index = to;
    const reader = picks.get(STEPS[index]!.id);
    message = reader ? describe(STEPS[index]!.id, reader) : null;
    render();
  };

  const finish = () => {
    const cpr = picks.get('cpr');
    const name = picks.get('name');
    if (!cpr || !name) return go(cpr ? 1 : 0);
    const fields: PickedSelectors['fields'] = {};
    for (const id of CITIZEN_FIELD_IDS) {
      const reader = picks.get(id);
      if (reader) fields[id] = reader;
    }
    const current = picks.get('journal');
    stop({
      cpr,
      name,
      fields,
      ...(scope ? { scope } : scopeUnknown ? { severalCitizens: true } : {}),
      targets: current ? [...targets, { selector: current.selector, label: targetLabel }] : targets,
    });
  };

  /** Where an element is in the top window: its own box, moved by every frame around it. */
  const rectInTop = (target: Element) => {
    const r = target.getBoundingClientRect();
    let { left, top } = r;
    for (let frame = target.ownerDocument.defaultView?.frameElement; frame;) {
      const f = frame.getBoundingClientRect();
      left += f.left + frame.clientLeft;
      top += f.top + frame.clientTop;
      frame = frame.ownerDocument.defaultView?.frameElement;
    }
    return { left, top, width: r.width, height: r.height };
  };
  // The element under the pointer, inside open shadow roots too.
  const under = (e: Event) => e.composedPath()[0] as Element | null;
  const ours = (e: Event) => e.composedPath().includes(host);

  const onMove = (e: MouseEvent) => {
    const hovered = under(e);
    if (hovered?.tagName === 'IFRAME' || hovered?.tagName === 'FRAME') watchFrames();
    const target = paused ? null : stepElement(hovered);
    if (!target) {
      box.style.display = 'none';
      return;
    }
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
    if (paused || ours(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onClick = (e: MouseEvent) => {
    if (paused || ours(e)) return;
    swallow(e);
    const step = STEPS[index]!;
    const target = stepElement(under(e));
    if (!target) {
      message = { text: t('picker.notEditable'), bad: true };
      picks.delete(step.id);
      render();
      return;
    }
    if (step.id === 'cpr') {
      const record = recordAround(target);
      const inferred = (record && proposeScope(record)) || undefined;
      if (inferred !== scope) {
        // Fields picked for another record shape are picked again.
        for (const id of picks.keys()) if (id !== 'journal') picks.delete(id);
        records.clear();
      }
      scope = inferred;
      scopeUnknown = !!record && !inferred;
    }
    let reader: FieldReader;
    if (step.id !== 'journal' && scope) {
      const record = target.closest(scope);
      if (!record) {
        message = { text: t('picker.outsideRecord'), bad: true };
        picks.delete(step.id);
        render();
        return;
      }
      records.set(step.id, record);
      reader = { selector: proposeWithin(record, target, scope) };
    } else reader = { selector: proposeSelectorPath(target) };
    picks.set(step.id, reader);
    if (step.id === 'journal') targetLabel = hostLabel(target);
    message = describe(step.id, reader);
    render();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !paused) {
      e.preventDefault();
      stop(null);
    }
  };

  const listeners: [string, EventListener][] = [
    ['mousemove', onMove as EventListener],
    ['click', onClick as EventListener],
    ['pointerdown', swallow],
    ['mousedown', swallow],
    ['pointerup', swallow],
    ['mouseup', swallow],
    ['dblclick', swallow],
    ['auxclick', swallow],
    ['keydown', onKey as EventListener],
  ];
  const windows = new Set<Window>();
  const listenIn = (w: Window) => {
    if (windows.has(w)) return;
    windows.add(w);
    for (const [type, fn] of listeners) w.addEventListener(type, fn, true);
  };
  /** Same-origin frames (an editor's iframe) get the same listeners; cross-origin ones cannot. */
  function watchFrames(d: Document = doc) {
    for (const frame of d.querySelectorAll('iframe, frame')) {
      let inner: Document | null = null;
      try {
        inner = (frame as HTMLIFrameElement).contentDocument;
      } catch {
        // Cross-origin: out of reach.
      }
      if (inner?.defaultView) {
        listenIn(inner.defaultView);
        watchFrames(inner);
      }
    }
  }
  listenIn(win);
  win.addEventListener('scroll', drawRecords, { capture: true, passive: true });
  win.addEventListener('resize', drawRecords, { passive: true });
  watchFrames();

  /**
   * A modal <dialog> makes everything outside it inert, the picker's bar too,
   * and lies above it in the top layer. While one is open the picker's host
   * moves into the topmost modal dialog and is shown there as a popover: inside
   * the dialog it is not inert, and in the top layer it is drawn above it. When
   * the dialog closes it moves back. The same check puts it back if the page
   * removes it (a re-render). Modal dialogs in the order they opened: the last
   * one still open is the topmost, the only one not inert.
   */
  const modals: Element[] = [];
  const topModal = (): Element | undefined => {
    const open = [...doc.querySelectorAll('dialog:modal')];
    for (let i = modals.length - 1; i >= 0; i--) if (!open.includes(modals[i]!)) modals.splice(i, 1);
    for (const dialog of open) if (!modals.includes(dialog)) modals.push(dialog);
    return modals.at(-1);
  };
  const place = () => {
    const modal = topModal();
    const parent = modal ?? doc.documentElement;
    const shown = host.matches(':popover-open');
    if (host.parentNode === parent && shown === !!modal) return;
    if (shown) host.hidePopover();
    if (host.parentNode !== parent) parent.append(host);
    if (modal) {
      host.popover = 'manual';
      host.showPopover();
    } else host.removeAttribute('popover');
  };
  const observer = new MutationObserver(place);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: ['open'] });

  let stopped = false;
  function stop(result: PickedSelectors | null) {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    for (const w of windows) for (const [type, fn] of listeners) w.removeEventListener(type, fn, true);
    win.removeEventListener('scroll', drawRecords, { capture: true });
    win.removeEventListener('resize', drawRecords);
    host.remove();
    onFinish(result);
  }

  place();
  render();
  return () => stop(null);
}
