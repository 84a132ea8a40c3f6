import { FIELDS_GLOBAL, type FieldsApi, type TargetChoice } from './fields-api';
import { chooseTarget, insertInto, liveTargets, trackCaret, type LiveTarget } from './insert';

// The field script's entry, bundled by wxt.config.ts into host-fields.js and
// injected right after host.js wherever the bridge runs. It starts tracking the
// caret at once (the caseworker may click into a field before opening the panel).
const lastCaret = trackCaret(document, new AbortController().signal);

const describe = ({ id, label, role }: LiveTarget): TargetChoice => (role ? { id, label, role } : { id, label });

const api: FieldsApi = {
  async insert(adapter, text, request) {
    const choice = chooseTarget(liveTargets(document, adapter), lastCaret(), request);
    if (choice.kind === 'none') return { outcome: 'no-target', target: null };
    if (choice.kind === 'ask')
      return {
        outcome: 'choose-target',
        target: null,
        choices: choice.targets.map(({ id, label }) => ({ id, label })),
      };
    const outcome = await insertInto(choice.target, choice.caret, text);
    return { outcome, target: choice.target.label };
  },
  targets(adapter) {
    const targets = liveTargets(document, adapter);
    const caret = lastCaret();
    const current = caret && targets.find((t) => t.el === caret.el || t.el.contains(caret.el));
    return { targets: targets.map(describe), current: current?.id ?? null, elsewhere: !!caret && !current };
  },
};
(globalThis as unknown as Record<string, FieldsApi>)[FIELDS_GLOBAL] = api;
