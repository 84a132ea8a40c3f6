import { FIELDS_GLOBAL, type FieldsApi } from './fields-api';
import { chooseTarget, insertText, trackCaret } from './insert';

// The field script's entry, bundled by wxt.config.ts into host-fields.js and
// injected right after host.js wherever the bridge runs. It starts tracking the
// caret at once (the caseworker may click into a field before opening the panel).
const lastCaret = trackCaret(document, new AbortController().signal);

const api: FieldsApi = {
  insert(adapter, text) {
    const target = chooseTarget(document, adapter, lastCaret());
    const outcome = target ? insertText(document, target.caret, text) : 'no-target';
    return Promise.resolve({ outcome, target: target?.label ?? null });
  },
};
(globalThis as unknown as Record<string, FieldsApi>)[FIELDS_GLOBAL] = api;
