import type { InsertOutcome } from '../messaging/protocol';
import type { Adapter } from './adapter';
import { shown } from './selector';

/**
 * Putting the text the caseworker chose into a host field, the way the host's
 * own editor expects it, and reading it back before anyone says it is there.
 *
 * Fields may live in same-origin iframes (TinyMCE, CKEditor 4) and open shadow
 * roots. Their elements belong to another realm, so nothing here uses
 * `instanceof`: tag names and `isContentEditable` work across documents.
 */

type TextField = HTMLTextAreaElement | HTMLInputElement;

export interface Caret {
  el: HTMLElement;
  /** The selection inside a contenteditable, saved before the panel took focus. */
  range?: Range;
}

/** One taught target, found on the page and able to take text now. */
export interface LiveTarget {
  id: string;
  label: string;
  role?: string;
  el: HTMLElement;
}

/** A target selector steps into an iframe's document or a shadow root with `>>>`. */
export const FRAME_STEP = '>>>';

/** Editors that keep their own model and take text through a paste event. */
const RICH_EDITOR =
  '.ql-editor,.ProseMirror,.ck-editor__editable,[data-slate-editor],[data-lexical-editor],.mce-content-body,.cke_editable,trix-editor';

const VERIFY_MS = 2_000;
// DOM constants as numbers (the minifier inlines these; `TEXT_NODE` it cannot): the field script's size counts.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
/**
 * How long after the text was first read back the field must still hold it: a
 * host that puts its own value back a moment later (a framework re-rendering
 * from its own state, a normaliser debounced by up to about 400 ms) has not
 * taken the note. Judged by the field at the end, so a host that clears and
 * re-renders the field on the way is not held against the note.
 */
const SETTLE_MS = 500;

export const isTextField = (el: Element): el is TextField =>
  el.tagName === 'TEXTAREA' ||
  (el.tagName === 'INPUT' && /^(text|search|url|email|tel|)$/.test((el as HTMLInputElement).type));

export const isEditable = (el: Element | null | undefined): el is HTMLElement =>
  !!el && (isTextField(el) || (el as HTMLElement).isContentEditable === true);

/**
 * Can take text now: an enabled, writable field that is rendered and visible,
 * inside frames that are too. A hidden <textarea> behind an editor is not.
 */
export function isUsable(el: HTMLElement): boolean {
  // `:disabled`, not `disabled`: a field in a disabled <fieldset> is one too, and is not sent with its form.
  if (!isEditable(el) || (isTextField(el) && (el.readOnly || el.matches(':disabled')))) return false;
  for (let node: Element | null | undefined = el; node; node = node.ownerDocument.defaultView?.frameElement)
    if (!shown(node) || node.closest('[inert]')) return false;
  return true;
}

/** Focuses the field; false if it has not got the focus (inert, passed on): insertText would type elsewhere. */
function focus(el: HTMLElement): boolean {
  el.focus();
  const active = (el.getRootNode() as Document | ShadowRoot).activeElement;
  return active === el || (!isTextField(el) && el.contains(active));
}

/** `iframe#x_ifr >>> body`: the element, stepping into frames and shadow roots. */
export function resolveTarget(root: Document | ShadowRoot, selector: string): HTMLElement | null {
  const [head = '', ...rest] = selector.split(FRAME_STEP);
  let el: Element | null;
  try {
    el = root.querySelector(head.trim());
  } catch {
    return null;
  }
  if (!el || rest.length === 0) return el as HTMLElement | null;
  const inner =
    el.tagName === 'IFRAME' || el.tagName === 'FRAME' ? (el as HTMLIFrameElement).contentDocument : el.shadowRoot;
  return inner ? resolveTarget(inner, rest.join(FRAME_STEP)) : null;
}

/** The adapter's targets that are on the page and can take text now. */
export const liveTargets = (doc: Document, adapter: Adapter): LiveTarget[] =>
  adapter.journal.flatMap((target, i) => {
    const el = resolveTarget(doc, target.selector);
    return el && isUsable(el) ? [{ id: String(i), label: target.label, role: target.role, el }] : [];
  });

const selectionFor = (el: Node): Selection | null => {
  const root = el.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  return root.getSelection?.() ?? el.ownerDocument!.getSelection();
};

/** The focused element, through iframes and shadow roots; each document on the way is passed to `visit`. */
export function deepActive(doc: Document, visit: (d: Document) => void): Element | null {
  visit(doc);
  let el = doc.activeElement;
  for (;;) {
    if (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    else if (el?.tagName === 'IFRAME' || el?.tagName === 'FRAME') {
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        // A cross-origin frame: its fields are out of reach.
      }
      if (!inner) return el;
      visit(inner);
      el = inner.activeElement;
    } else return el;
  }
}

/**
 * Remembers the host field the caseworker was last in, and where in it, in the
 * page and in its same-origin frames and open shadow roots. A frame's document
 * is watched from the first time focus enters it (the top window loses focus
 * then), so pages without frames pay nothing for it. `onDocument` is called with
 * each document as it is first watched (the shortcut listener's hook).
 */
export function trackCaret(
  top: Document,
  signal: AbortSignal,
  onDocument?: (d: Document) => void,
): () => Caret | undefined {
  let last: Caret | undefined;
  const watched = new WeakSet<Document>();
  const saveRange = (d: Document) => {
    if (!last || isTextField(last.el) || last.el.ownerDocument !== d) return;
    const sel = selectionFor(last.el);
    if (!sel?.rangeCount) return;
    const range = sel.getRangeAt(0);
    if (last.el.contains(range.commonAncestorContainer)) last.range = range.cloneRange();
  };
  const note = (el: Element | null | undefined) => {
    if (isEditable(el) && el !== last?.el) {
      last = { el };
      saveRange(el.ownerDocument);
    }
  };
  const fromTop = () => note(deepActive(top, watch));
  function watch(d: Document) {
    if (watched.has(d)) return;
    watched.add(d);
    onDocument?.(d);
    d.addEventListener('focusin', (e) => note(e.composedPath()[0] as Element), { capture: true, signal });
    // The pointer reaching a frame: watch it before a click inside it takes focus there
    // (from the panel's frame, focus moves frame to frame and this window does not blur).
    d.addEventListener(
      'pointerover',
      (e) => {
        const el = e.target as Element;
        if (el.tagName === 'IFRAME' || el.tagName === 'FRAME')
          try {
            const inner = (el as HTMLIFrameElement).contentDocument;
            if (inner) watch(inner);
          } catch {
            // A cross-origin frame: out of reach.
          }
      },
      { capture: true, passive: true, signal },
    );
    // At each edit too: its selectionchange comes as a later task, maybe after an insert, and an edit
    // can move the range saved before it (removing a shortcut turns the space before it into a no-break
    // space, a replace that moves a range after that space to before it).
    for (const type of ['selectionchange', 'input']) d.addEventListener(type, () => saveRange(d), { signal });
    // Focus moving into a child frame blurs this window: look where it went.
    d.defaultView?.addEventListener('blur', () => setTimeout(fromTop), { signal });
  }
  watch(top);
  return () => (last?.el.isConnected ? last : undefined);
}

export type Choice =
  { kind: 'target'; target: LiveTarget; caret?: Caret } | { kind: 'ask'; targets: LiveTarget[] } | { kind: 'none' };

/**
 * Where the text goes, and never anywhere else: the target the caseworker just
 * chose; else the taught target the caret is in; else, when the caret is in no
 * field at all, the one the template prefers (by id, role or label) or the only
 * one on the page; else ask. A field the adapter does not name (the host's
 * search box, an editor it cannot reach) is never a target, and a caret in one
 * means asking.
 */
export function chooseTarget(
  targets: LiveTarget[],
  caret: Caret | undefined,
  request: { target?: string; prefer?: string },
): Choice {
  const withCaret = (target: LiveTarget): Choice => ({
    kind: 'target',
    target,
    caret: caret && (target.el === caret.el || target.el.contains(caret.el)) ? caret : undefined,
  });
  if (request.target !== undefined) {
    const chosen = targets.find((t) => t.id === request.target);
    return chosen ? withCaret(chosen) : { kind: 'none' };
  }
  const atCaret = caret && targets.find((t) => t.el === caret.el || t.el.contains(caret.el));
  if (atCaret) return withCaret(atCaret);
  // The caseworker was writing in a field Sidevogn was not taught (an editor it cannot
  // name, the search box): never pick another field for them, even the only one.
  if (caret && targets.length > 0) return { kind: 'ask', targets };
  const { prefer } = request;
  const preferred = prefer && targets.filter((t) => t.id === prefer || t.role === prefer || t.label === prefer);
  if (preferred && preferred.length === 1) return withCaret(preferred[0]!);
  if (targets.length === 1) return withCaret(targets[0]!);
  return targets.length > 1 ? { kind: 'ask', targets } : { kind: 'none' };
}

/** The text without white space and the zero-width characters editors keep as caret fillers (CKEditor 5's word joiners). */
export const squeeze = (text: string) => text.replace(/[\s\u00a0\u200b\u2060\ufeff]+/g, '');

export function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); needle && at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * An editor's scratch elements inside its editable root (TinyMCE's and CKEditor
 * 4's paste bins, TinyMCE's "bogus" nodes): not part of the document it saves.
 */
const SCRATCH = '[data-mce-bogus],#mcepastebin,.cke_pastebin,[data-cke-temp]';

/** What the field holds now, as the host would read it: an editor's scratch elements left out. */
export function fieldText(el: HTMLElement): string {
  if (isTextField(el)) return el.value;
  if (!el.querySelector(SCRATCH)) return el.textContent ?? '';
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node) =>
      node.nodeType === ELEMENT_NODE && (node as Element).matches(SCRATCH) ? FILTER_REJECT : FILTER_ACCEPT,
  });
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? '';
  return text;
}

/** Resolves at the field's next change (a mutation or an input event), or after 25 ms at most. */
function nextChange(el: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const Observer = (el.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.MutationObserver;
    const observer = new (Observer ?? MutationObserver)(() => done());
    const timer = setTimeout(() => done(), 25);
    function done() {
      observer.disconnect();
      el.removeEventListener('input', done);
      clearTimeout(timer);
      resolve();
    }
    observer.observe(el, { subtree: true, childList: true, characterData: true });
    el.addEventListener('input', done);
  });
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * The first line as text that joins the paragraph at the caret, each further
 * line as an HTML paragraph (as the other editors paste plain text), all escaped.
 */
export const asParagraphs = (text: string) =>
  text
    .split('\n')
    .map((line, i) => {
      const escaped = line.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
      // A space that begins the text (./spaceBefore) stays one: HTML would drop it.
      return i === 0 ? escaped.replace(/^ /, '&nbsp;') : `<p>${escaped}</p>`;
    })
    .join('');

/**
 * Types `text` at the caret (else at the end of the field) the way the field's
 * editor takes it: a paste for the rich editors, else the browser's own
 * insertText (its undo, a real input event). Returns why not, when refused.
 */
export function put(el: HTMLElement, caret: Caret | undefined, text: string): InsertOutcome | undefined {
  const doc = el.ownerDocument;
  if (isTextField(el)) {
    const here = caret?.el === el;
    const start = here ? (el.selectionStart ?? el.value.length) : el.value.length;
    const end = here ? (el.selectionEnd ?? start) : start;
    if (el.maxLength >= 0 && el.value.length - (end - start) + text.length > el.maxLength) return 'too-long';
    if (!focus(el)) return 'not-writable';
    el.setSelectionRange(start, end);
    // execCommand keeps the browser's undo and fires a real input event.
    if (!doc.execCommand('insertText', false, text)) {
      el.setRangeText(text, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return undefined;
  }
  if (!focus(el)) return 'not-writable';
  const sel = selectionFor(el);
  if (sel) {
    let range = caret?.range;
    if (!range || !el.contains(range.commonAncestorContainer)) {
      range = doc.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
    }
    sel.removeAllRanges();
    sel.addRange(range);
  }
  if (el.closest(RICH_EDITOR)) {
    // Rich editors keep their own model and take text through paste, made in the field's own window.
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const data = new (win?.DataTransfer ?? DataTransfer)();
    data.setData('text/plain', text);
    // CKEditor 4 makes one paragraph of pasted plain text, with <br> for each line
    // break; every other editor makes a paragraph of each line. Give it the same
    // paragraphs as HTML, every character escaped, so nothing in the text is markup.
    // TinyMCE, given no HTML, pastes through a scratch element in a later task;
    // given these plain paragraphs, it takes the plain text at once.
    if (el.closest('.cke_editable,.mce-content-body')) data.setData('text/html', asParagraphs(text));
    const Paste = win?.ClipboardEvent ?? ClipboardEvent;
    if (!el.dispatchEvent(new Paste('paste', { clipboardData: data, bubbles: true, cancelable: true })))
      return undefined;
  }
  doc.execCommand('insertText', false, text);
  return undefined;
}

/** Ends a word or a sentence: the note goes after it with a space between. */
const WORD_END = /[\p{L}\p{N}.,;:!?)\]»”]/u;

/**
 * The text the caret ends: its own text node, or the text node right before it
 * in its element (CKEditor 4 puts the caret there); '' after anything else (a
 * paragraph, a line break, an inline element: not certain enough to guess).
 */
function runBefore({ startContainer: node, startOffset: at }: Range): string {
  const text = node.nodeType === TEXT_NODE ? node : node.childNodes[at - 1];
  return text?.nodeType === TEXT_NODE ? (text as Text).data.slice(0, text === node ? at : undefined) : '';
}

/**
 * A space when the caret sits right after a word or a sentence's end in the
 * same run of text ("Indledning. Samtale …", not "Indledning.Samtale …").
 * Only where that is certain: the character before the caret in a text field,
 * or in the caret's own run of text; never at the start of a paragraph or line.
 */
function spaceBefore(el: HTMLElement, caret: Caret | undefined): string {
  let before = '';
  if (isTextField(el)) {
    const at = caret?.el === el ? (el.selectionStart ?? el.value.length) : el.value.length;
    before = el.value.slice(0, at);
  } else if (caret?.range && el.contains(caret.range.startContainer)) {
    before = runBefore(caret.range).replace(/[\u200b\u2060\ufeff]+$/, '');
  }
  return WORD_END.test(before.slice(-1)) ? ' ' : '';
}

/**
 * Inserts `text` into the target and reads it back: 'inserted' only when the
 * field holds the text once more than before, outside the editor's scratch
 * elements (some editors take a paste in a later task, so this waits for up to
 * two seconds, checking at each change of the field), and still holds it
 * SETTLE_MS later. `again` finds the target anew, should the host have replaced
 * the element (or the editor's frame) meanwhile.
 */
export async function insertInto(
  target: LiveTarget,
  caret: Caret | undefined,
  text: string,
  again: () => HTMLElement | undefined = () => undefined,
): Promise<InsertOutcome> {
  const el = target.el;
  const wanted = squeeze(text);
  const before = occurrences(squeeze(fieldText(el)), wanted);
  const holds = (field: HTMLElement | undefined) => !!field && occurrences(squeeze(fieldText(field)), wanted) > before;
  const space = spaceBefore(el, caret);
  // A field with room for the note but not for the space takes the note alone.
  let refused = put(el, caret, space + text);
  if (refused === 'too-long' && space) refused = put(el, caret, text);
  if (refused) return refused;
  const until = performance.now() + VERIFY_MS;
  while (!holds(el)) {
    if (performance.now() > until) return 'not-verified';
    await nextChange(el);
  }
  await new Promise((settled) => setTimeout(settled, SETTLE_MS));
  // A field in a frame the host removed is still connected to its own, dead document.
  return holds(el.isConnected && el.ownerDocument.defaultView ? el : again()) ? 'inserted' : 'not-verified';
}
