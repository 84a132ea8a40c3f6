import { browser } from 'wxt/browser';
import type { Adapter } from './adapter';
import { fieldText, isTextField, liveTargets, occurrences, put, squeeze, type LiveTarget } from './insert';
import { rectInTop } from './rect-in-top';
import {
  isShortcutCancel,
  matchesKey,
  parseKey,
  readConfig,
  SHORTCUTS_KEY,
  type FieldsToPanel,
  type KeySpec,
  type ShortcutAck,
  type ToggleKeyQuestion,
} from './shortcut-api';

/**
 * Template shortcuts typed in the case system's own journal field (issue 32):
 * a shortcut then Tab opens that template's form in the panel, aimed at the
 * field; the picker key opens the panel's template picker. Part of the field
 * script (host-fields.js), which runs where the bridge runs, on taught origins
 * only, and watches same-origin frames (iframe editors) as focus enters them.
 *
 * On keys other than Tab and the picker key the listener returns at its first
 * comparison. It acts only in the adapter's targets. Nothing typed in the host
 * leaves the page: only the matched template's id and the target's id are sent.
 */

type Pending = { restore(): void };

const HINT_MS = 8_000;
/** How long an editor may take to put back a change made behind its back, before the shortcut is read again. */
const SETTLE_MS = 20;

/** The taught target the element is (in). */
const targetOf = (doc: Document, adapter: Adapter, el: Element): LiveTarget | undefined =>
  liveTargets(doc, adapter).find((t) => t.el === el || t.el.contains(el));

/** The trailing word before the caret (a collapsed caret only). */
function wordBefore(el: HTMLElement): string | undefined {
  let before: string;
  if (isTextField(el)) {
    if (el.selectionStart === null || el.selectionStart !== el.selectionEnd) return undefined;
    before = el.value.slice(Math.max(0, el.selectionStart - 40), el.selectionStart);
  } else {
    const sel = el.ownerDocument.getSelection();
    if (!sel?.rangeCount || !sel.isCollapsed || !el.contains(sel.anchorNode)) return undefined;
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.setEnd(sel.anchorNode!, sel.anchorOffset);
    before = range.toString().slice(-40);
  }
  return /(?:^|[\s\u00a0])(\S+)$/.exec(before)?.[1];
}

/**
 * Removes the shortcut before the caret the way typing would (the host's undo
 * takes it back), and returns how to put it back.
 */
function cut(el: HTMLElement, word: string): (() => void) | undefined {
  const doc = el.ownerDocument;
  if (isTextField(el)) {
    const end = el.selectionStart!;
    el.setSelectionRange(end - word.length, end);
    if (!doc.execCommand('delete')) {
      el.setRangeText('', end - word.length, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    }
    const at = end - word.length;
    return () => {
      el.setSelectionRange(at, at);
      put(el, { el }, word);
    };
  }
  const sel = doc.getSelection()!;
  for (let i = 0; i < word.length; i++) sel.modify('extend', 'backward', 'character');
  if (sel.toString() !== word) {
    sel.collapseToEnd();
    return undefined;
  }
  // Announced as the browser would, a beforeinput over the selection: CKEditor 5 and Lexical take it
  // and cancel it; one made behind their back (execCommand fires none) CKEditor 5 put back at its
  // next render. Trix takes it without cancelling and redraws from its model at the next frame, so
  // the browser's deletion below, which every other editor gets, is the same change. Read back after.
  const win = (doc.defaultView ?? window) as Window & typeof globalThis;
  const deletion = new win.InputEvent('beforeinput', {
    inputType: 'deleteContentBackward',
    targetRanges: [new win.StaticRange(sel.getRangeAt(0))],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (el.dispatchEvent(deletion) && sel.toString() === word) doc.execCommand('delete');
  const at = sel.rangeCount ? sel.getRangeAt(0).cloneRange() : undefined;
  // Back the way the note goes in: a paste for the rich editors, else the browser's insertText.
  return () => void put(el, at && { el, range: at }, word);
}

/** The field's text, without white space and caret fillers (a shortcut has no white space). */
const textOf = (el: HTMLElement) => squeeze(fieldText(el));

/**
 * Whether, read after the editor's own handling has run (CKEditor 5 puts back a
 * change made behind its back in a microtask), the field holds the shortcut once
 * less than `before` did, and nothing else less: an editor deleting from a caret
 * of its own would have taken other characters.
 */
const removedFrom = (el: HTMLElement, word: string, before: string) =>
  new Promise<boolean>((resolve) =>
    setTimeout(() => {
      const after = textOf(el);
      resolve(after.length === before.length - word.length && occurrences(after, word) < occurrences(before, word));
    }, SETTLE_MS),
  );

const NOT_REMOVED_DA = 'Genvejen kunne ikke fjernes her. Slet den, og vælg skabelonen i panelet.';
const NOT_REMOVED_EN = 'The shortcut could not be removed here. Delete it and choose the template in the panel.';

/** A one-line hint by the field (no citizen data): the panel could not be opened from the page. */
function showHint(top: Document, field: HTMLElement, text: string): void {
  top.getElementById('sidevogn-shortcut-hint')?.remove();
  const hint = top.createElement('div');
  hint.id = 'sidevogn-shortcut-hint';
  hint.setAttribute('role', 'status');
  hint.textContent = text;
  // Where the field is, in the top page (through the frames it is in).
  const rect = rectInTop(field);
  const top_ = Math.min(Math.max(rect.top + rect.height + 4, 0), innerHeight - 40);
  hint.style.cssText = `position:fixed;z-index:2147483647;left:${Math.max(rect.left, 0)}px;top:${top_}px;max-width:90vw;background:#0c4a6e;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:6px 10px;border-radius:4px;box-shadow:0 2px 6px #0004`;
  top.body.append(hint);
  const remove = () => hint.remove();
  setTimeout(remove, HINT_MS);
  top.addEventListener('keydown', remove, { once: true, capture: true });
  top.addEventListener('pointerdown', remove, { once: true, capture: true });
}

const newId = () =>
  [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Starts the listener; returns `watch(doc)` for the field script to call on the
 * page's document and each same-origin frame document focus enters.
 */
export function startShortcuts(top: Document, adapter: Adapter, signal: AbortSignal): (doc: Document) => void {
  let shortcuts = new Map<string, string>();
  let picker: KeySpec | undefined = parseKey('Ctrl+Space');
  let english = false;
  const load = (raw: unknown) => {
    const config = readConfig(raw);
    shortcuts = new Map(config.list);
    picker = parseKey(config.picker);
  };
  void browser.storage.local.get([SHORTCUTS_KEY, 'locale']).then((stored) => {
    load(stored[SHORTCUTS_KEY]);
    english = stored.locale === 'en';
  });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (changes[SHORTCUTS_KEY]) load(changes[SHORTCUTS_KEY].newValue);
    if (changes.locale) english = changes.locale.newValue === 'en';
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));

  const pending = new Map<string, Pending>();
  const onMessage = (raw: unknown, sender: { id?: string; url?: string }) => {
    // Only this extension's panel (in the page or in the browser's side panel) cancels.
    const page = `chrome-extension://${browser.runtime.id}/`;
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(page) || !isShortcutCancel(raw)) return;
    pending.get(raw.requestId)?.restore();
    pending.delete(raw.requestId);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  const hint = async (field: HTMLElement) => {
    const question: ToggleKeyQuestion = { type: 'toggle-key' };
    const key = await browser.runtime.sendMessage(question).then(
      (k: unknown) => (typeof k === 'string' && k.length <= 40 ? k : ''),
      () => '',
    );
    showHint(
      top,
      field,
      english
        ? key
          ? `Press ${key} to open Sidevogn, then try again.`
          : 'Open Sidevogn from its toolbar button, then try again.'
        : key
          ? `Tryk ${key} for at åbne Sidevogn, og prøv så igen.`
          : 'Åbn Sidevogn fra værktøjslinjen, og prøv så igen.',
    );
  };

  /** Asks the panel of this tab; false when no panel took it (the side panel is closed). */
  const ask = (message: FieldsToPanel) =>
    browser.runtime.sendMessage(message).then(
      (answer: unknown) => (answer as ShortcutAck | undefined)?.shown === true,
      () => false,
    );

  const onKey = (e: KeyboardEvent) => {
    const tab = e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey;
    if (!tab && !(picker && matchesKey(e, picker))) return;
    // Every Tab in the page comes here: with no shortcuts there is nothing to look up.
    if (tab && shortcuts.size === 0) return;
    // Only the caseworker's own keys: the host page cannot type a shortcut for them.
    if (!e.isTrusted || e.isComposing || !browser.runtime?.id) return;
    const el = e.composedPath()[0] as HTMLElement;
    const target = targetOf(top, adapter, el);
    if (!target) return;
    const field = isTextField(el) ? el : target.el;
    const requestId = newId();
    if (!tab) {
      e.preventDefault();
      e.stopImmediatePropagation();
      void ask({ type: 'shortcut-picker', requestId, target: target.id }).then((shown) => {
        if (shown) pending.set(requestId, { restore: () => field.focus() });
        else void hint(field);
      });
      return;
    }
    const word = wordBefore(field);
    const templateId = word && shortcuts.get(word);
    if (!word || !templateId) return;
    const before = textOf(field);
    const restore = cut(field, word);
    if (!restore) return;
    // The Tab is the shortcut's: it neither moves focus nor reaches the host's editor.
    e.preventDefault();
    e.stopImmediatePropagation();
    // Read back: a shortcut left in the field would go into the journal with the note.
    void removedFrom(field, word, before).then(async (removed) => {
      if (!removed) {
        // The shortcut stays selected otherwise, and the next key would replace it.
        if (!isTextField(field)) field.ownerDocument.getSelection()?.collapseToEnd();
        return showHint(top, field, english ? NOT_REMOVED_EN : NOT_REMOVED_DA);
      }
      const shown = await ask({ type: 'shortcut', requestId, templateId, target: target.id });
      if (shown) pending.set(requestId, { restore });
      else {
        restore();
        void hint(field);
      }
    });
  };

  return (doc: Document) => doc.addEventListener('keydown', onKey, { capture: true, signal });
}
