import type { InsertOutcome } from '../messaging/protocol';
import type { Adapter } from './adapter';

/**
 * Putting the text the caseworker chose into a host field, the way the host's
 * own editor expects it: at the caret, with the host's input events, and with
 * the browser's undo where the editor supports it.
 */

type TextField = HTMLTextAreaElement | HTMLInputElement;

interface Caret {
  el: HTMLElement;
  /** The selection inside a contenteditable, saved before the panel took focus. */
  range?: Range;
}

const RICH_EDITOR = '.ql-editor,.ProseMirror,.ck-editor__editable,[data-slate-editor],[data-lexical-editor]';

const isTextField = (el: Element): el is TextField =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && /^(text|search|url|email|tel|)$/.test(el.type));

const isEditable = (el: Element | null): el is HTMLElement =>
  !!el && (isTextField(el) || (el instanceof HTMLElement && el.isContentEditable));

/** Remembers the host field the caseworker was last in, and where in it. */
export function trackCaret(doc: Document, signal: AbortSignal): () => Caret | undefined {
  let last: Caret | undefined;
  doc.addEventListener(
    'focusin',
    (e) => {
      if (isEditable(e.target as Element)) last = { el: e.target as HTMLElement };
    },
    { capture: true, signal },
  );
  doc.addEventListener(
    'selectionchange',
    () => {
      const sel = doc.getSelection();
      if (!last || !sel?.rangeCount || isTextField(last.el)) return;
      const range = sel.getRangeAt(0);
      if (last.el.contains(range.commonAncestorContainer)) last.range = range.cloneRange();
    },
    { signal },
  );
  return () => (last?.el.isConnected ? last : undefined);
}

/**
 * Where the text goes: the field the caseworker was last in if it is one of the
 * adapter's journal fields; else the adapter's first journal field on the page;
 * else the last field they were in. Undefined means nowhere (the panel copies).
 */
export function chooseTarget(
  doc: Document,
  adapter: Adapter,
  last: Caret | undefined,
): { caret: Caret; label: string } | undefined {
  const journals = adapter.journal.flatMap((j) => {
    const el = doc.querySelector<HTMLElement>(j.selector);
    return el && isEditable(el) ? [{ el, label: j.label }] : [];
  });
  const lastJournal = last && journals.find((j) => j.el === last.el);
  if (lastJournal) return { caret: last, label: lastJournal.label };
  if (journals[0]) return { caret: { el: journals[0].el }, label: journals[0].label };
  if (last) return { caret: last, label: fieldLabel(last.el) };
  return undefined;
}

function fieldLabel(el: HTMLElement): string {
  const labelled = el.getAttribute('aria-label') ?? (isTextField(el) ? el.labels?.[0]?.textContent : null);
  return (labelled ?? el.id ?? '').trim().slice(0, 200);
}

export function insertText(doc: Document, { el, range }: Caret, text: string): InsertOutcome {
  if (isTextField(el)) {
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    if (el.maxLength >= 0 && el.value.length - (end - start) + text.length > el.maxLength) return 'too-long';
    el.focus();
    el.setSelectionRange(start, end);
    // execCommand keeps the browser's undo and fires a real input event.
    if (!doc.execCommand('insertText', false, text)) {
      el.setRangeText(text, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return 'inserted';
  }

  el.focus();
  const sel = doc.getSelection();
  if (sel) {
    let caret = range;
    if (!caret || !el.contains(caret.commonAncestorContainer)) {
      caret = doc.createRange();
      caret.selectNodeContents(el);
      caret.collapse(false);
    }
    sel.removeAllRanges();
    sel.addRange(caret);
  }
  if (el.closest(RICH_EDITOR)) {
    // Rich editors keep their own model and take text through paste.
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (!el.dispatchEvent(paste)) return 'inserted';
  }
  doc.execCommand('insertText', false, text);
  return 'inserted';
}
