import { CITIZEN_FIELD_IDS, type CitizenFieldId } from '../host/citizen-fields';
import type { FieldReader } from '../host/adapter';
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** What the picker draws: its steps, its shadow-root style sheet, and the bar's content from its state. */

export type StepId = 'cpr' | 'name' | CitizenFieldId | 'journal';
interface Step {
  id: StepId;
  label: MessageKey;
  optional: boolean;
}

export const STEPS: Step[] = [
  { id: 'cpr', label: 'field.cpr', optional: false },
  { id: 'name', label: 'field.name', optional: false },
  ...CITIZEN_FIELD_IDS.map((id) => ({ id, label: `fact.${id}` as MessageKey, optional: true })),
  { id: 'journal', label: 'field.journal', optional: true },
];

export const STYLE = `
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

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The picker's state while it runs. */
export interface PickerState {
  picks: Map<StepId, FieldReader>;
  /** Targets taught before the one being picked now ("Tilføj et felt mere"), and the current one's name. */
  targets: { selector: string; label: string }[];
  targetLabel: string;
  index: number;
  message: { text: string; bad: boolean } | null;
  paused: boolean;
  /**
   * Several CPRs on the page: the record each citizen stands in (`citizen.scope`),
   * inferred from the picked CPR; `scopeUnknown` when it could not be (the options
   * page then asks). Each citizen field is read inside the record it was picked in.
   */
  scope: string | undefined;
  scopeUnknown: boolean;
  records: Map<StepId, Element>;
  advancedOpen: boolean;
}

export function initialState(): PickerState {
  return {
    picks: new Map(),
    targets: [],
    targetLabel: '',
    index: 0,
    message: null,
    paused: false,
    scope: undefined,
    scopeUnknown: false,
    records: new Map(),
    advancedOpen: false,
  };
}

export interface BarActions {
  go: (to: number) => void;
  finish: () => void;
  cancel: () => void;
  rerender: () => void;
  hideBox: () => void;
}

/** Dashed outlines around each citizen's record, once one is inferred (a household page). */
export function drawRecords(doc: Document, recs: HTMLElement, s: PickerState): void {
  const show = !!s.scope && !s.paused && STEPS[s.index]!.id !== 'journal';
  recs.replaceChildren(
    ...(show ? [...doc.querySelectorAll(s.scope!)] : []).map((record) => {
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
}

/** The toolbar for the current step: what it reads, and the buttons to go on. */
export function renderBar(doc: Document, t: Translate, bar: HTMLElement, s: PickerState, act: BarActions): void {
  const step = STEPS[s.index]!;
  const reader = s.picks.get(step.id);
  const buttons = el(doc, 'div', { className: 'row' });
  const button = (label: string, onClick: () => void, opts: { primary?: boolean; disabled?: boolean } = {}) => {
    const b = el(doc, 'button', { type: 'button', textContent: label, disabled: !!opts.disabled });
    if (opts.primary) b.className = 'primary';
    b.addEventListener('click', onClick);
    buttons.append(b);
    return b;
  };
  const last = s.index === STEPS.length - 1;
  const canGoOn = !!reader || step.optional;
  if (s.index > 0) button(t('picker.back'), () => act.go(s.index - 1));
  if (step.id === 'journal' && reader && !s.message?.bad)
    button(t('picker.anotherTarget'), () => {
      s.targets.push({ selector: reader.selector, label: s.targetLabel });
      s.picks.delete('journal');
      s.message = null;
      act.rerender();
    });
  button(s.paused ? t('picker.resume') : t('picker.usePage'), () => {
    s.paused = !s.paused;
    act.hideBox();
    act.rerender();
  });
  const onward = () => (last ? act.finish() : act.go(s.index + 1));
  const skip = step.optional && !reader ? button(t('picker.skip'), onward) : null;
  const next = button(last ? t('picker.done') : t('picker.next'), onward, {
    primary: true,
    disabled: !canGoOn || (!!s.message?.bad && !step.optional),
  });
  button(t('picker.cancel'), act.cancel);

  bar.replaceChildren(
    el(doc, 'h2', { textContent: t('picker.title') }),
    el(
      doc,
      'p',
      {},
      el(doc, 'strong', {
        textContent: t('picker.step', { n: s.index + 1, total: STEPS.length, field: t(step.label) }),
      }),
      step.optional ? ` ${t('picker.optional')}` : '',
    ),
    ...statusLines(doc, t, s, step.id, reader),
    ...(reader || s.scope ? [advanced(doc, t, s, reader)] : []),
    buttons,
  );
  // Keyboard: Enter takes the next step (the toolbar keeps focus, the page keeps its clicks).
  (skip ?? (next.disabled ? null : next))?.focus();
}

function statusLines(
  doc: Document,
  t: Translate,
  s: PickerState,
  id: StepId,
  reader: FieldReader | undefined,
): HTMLElement[] {
  const { message, scope } = s;
  return [
    ...(s.paused ? [el(doc, 'p', { className: 'hint', textContent: t('picker.paused') })] : []),
    ...(id === 'journal' && s.targets.length > 0
      ? [el(doc, 'p', {}, `${t('picker.targetsSoFar')}: ${s.targets.map((x) => x.label).join(', ')}`)]
      : []),
    ...(reader && id === 'journal' && s.targetLabel
      ? [el(doc, 'p', {}, `${t('picker.targetName')}: `, el(doc, 'strong', { textContent: s.targetLabel }))]
      : []),
    ...(scope && id !== 'journal'
      ? [el(doc, 'p', { textContent: t('picker.scope', { count: doc.querySelectorAll(scope).length }) })]
      : []),
    ...(s.scopeUnknown && id !== 'journal'
      ? [el(doc, 'p', { className: 'bad', textContent: t('picker.scopeUnknown') })]
      : []),
    ...(reader
      ? [el(doc, 'p', { className: message?.bad ? 'bad' : '' }, `${t('picker.reads')}: `, message?.text ?? '')]
      : message
        ? [el(doc, 'p', { className: message.bad ? 'bad' : '', textContent: message.text })]
        : [el(doc, 'p', { className: 'hint', textContent: t('picker.hint') })]),
  ];
}

/** "Avanceret": the selectors behind the picks, for those who know CSS; closed unless opened. */
function advanced(doc: Document, t: Translate, s: PickerState, reader: FieldReader | undefined): HTMLElement {
  const details = el(doc, 'details', { open: s.advancedOpen });
  details.addEventListener('toggle', () => (s.advancedOpen = details.open));
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
    ...(s.scope
      ? [el(doc, 'p', {}, `${t('adapters.scope')}: `, el(doc, 'span', { className: 'sel', textContent: s.scope }))]
      : []),
  );
  return details;
}
