import { browser } from 'wxt/browser';
import type { HostActivity } from '../messaging/protocol';
import type { STORAGE_KEYS } from '../storage/keys';
import type { Adapter } from './adapter';
import { adapterFor } from './adapter-for';
import { FIELDS_GLOBAL, type FieldsApi, type ReadCitizens, type TargetChoice } from './fields-api';
import { chooseTarget, insertInto, liveTargets, trackCaret, type LiveTarget } from './insert';
import { startPanelFocus } from './panel-focus';
import { startShortcuts } from './shortcuts';
import { answerCaseAddress } from './case-address-api';

// The field script's entry, bundled by wxt.config.ts into host-fields.js and
// injected right after host.js wherever the bridge runs. It starts tracking the
// caret at once (the caseworker may click into a field before opening the panel),
// listens for template shortcuts in the adapter's targets (./shortcuts), and
// takes the focus command (./panel-focus).
const signal = new AbortController().signal;
const seen: Document[] = [];
let listen: ((d: Document) => void) | undefined;
let taught: Adapter | undefined;
// Work in the case system keeps Sidevogn from locking as idle (lib/crypto/idle.ts): a word at most each 10 s.
let activeAt = 0;
const active = (e: Event) => {
  // An orphan after an update (runtime.id gone) would throw at sendMessage, in the host's console.
  if (!e.isTrusted || !taught || !browser.runtime?.id || Date.now() - activeAt < 1e4) return;
  activeAt = Date.now();
  browser.runtime.sendMessage({ type: 'host-activity' } satisfies HostActivity).catch(() => undefined);
};
const lastCaret = trackCaret(document, signal, (d) => {
  for (const type of ['keydown', 'pointerdown'])
    d.addEventListener(type, active, { capture: true, passive: true, signal });
  if (listen) listen(d);
  else seen.push(d);
});
// The focus command: into the panel and back (./panel-focus); back to the first target when no field had focus.
startPanelFocus(document, lastCaret, () => (taught ? liveTargets(document, taught)[0]?.el : undefined));
// The registered key as a literal (lib/storage/keys.ts): the whole STORAGE_KEYS object would cost 340 bytes here.
const ADAPTERS = 'adapters' satisfies (typeof STORAGE_KEYS)['adapters'];
void browser.storage.local.get(ADAPTERS).then((stored) => {
  const adapter = adapterFor(location.href, stored[ADAPTERS]);
  if (!adapter) return;
  taught = adapter;
  listen = startShortcuts(document, adapter, signal);
  seen.forEach(listen);
});

/** The CPRs the page shows now, read afresh (the bridge's report may be a moment behind). */
function citizensOnPage(read: ReadCitizens): string[] {
  const detection = read();
  if (detection.status === 'found') return [detection.citizen.cpr];
  return detection.status === 'ambiguous' ? detection.candidates.map((c) => c.cpr) : [];
}

const describe = ({ id, label, role }: LiveTarget): TargetChoice => (role ? { id, label, role } : { id, label });

const api: Omit<FieldsApi, 'answer'> & Partial<Pick<FieldsApi, 'answer'>> = {
  async insert(adapter, text, { citizen, ...request }, read) {
    // Written for one citizen, never into another's page (issue 32, item 2).
    if (citizen !== undefined && !citizensOnPage(read).includes(citizen))
      return { outcome: 'wrong-citizen', target: null };
    const choice = chooseTarget(liveTargets(document, adapter), lastCaret(), request);
    if (choice.kind === 'none') return { outcome: 'no-target', target: null };
    if (choice.kind === 'ask')
      return {
        outcome: 'choose-target',
        target: null,
        choices: choice.targets.map(({ id, label }) => ({ id, label })),
      };
    const { id } = choice.target;
    const again = () => liveTargets(document, adapter).find((t) => t.id === id)?.el;
    const outcome = await insertInto(choice.target, choice.caret, text, again);
    return { outcome, target: choice.target.label };
  },
  targets(adapter) {
    const targets = liveTargets(document, adapter);
    const caret = lastCaret();
    const current = caret && targets.find((t) => t.el === caret.el || t.el.contains(caret.el));
    return { targets: targets.map(describe), current: current?.id ?? null, elsewhere: !!caret && !current };
  },
};
api.answer = (adapter, message, reply, read) => {
  if (message.type === 'insert') {
    const started = performance.now();
    const { requestId, text, type: _, ...request } = message;
    void api
      .insert(adapter, text, request, read)
      // Thrown half-way, the text may or may not be there: say so, never "indsat".
      .catch(() => ({ outcome: 'not-verified' as const, target: null }))
      .then((report) => reply({ type: 'insert-result', requestId, ...report, ms: performance.now() - started }));
  } else if (message.type === 'targets')
    reply({ type: 'targets', requestId: message.requestId, ...api.targets(adapter) });
};
(globalThis as unknown as Record<string, unknown>)[FIELDS_GLOBAL] = api;
// The page's address, for "Åbn i sagssystemet" (asked of the top frame only).
if (window === top) answerCaseAddress();
