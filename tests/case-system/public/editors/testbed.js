// The editor test bed's shared helpers. Each page embeds ONE editor the way its
// own documentation's basic example does and exposes one uniform API on
// `window.testbed` (see ../../README.md, "Editor test bed"), read by
// tests/e2e/editor-matrix.spec.ts to check what Sidevogn did to the editor.

const BLOCK = /^(P|DIV|H[1-6]|LI|UL|OL|PRE|BLOCKQUOTE|TABLE|TR|SECTION|ARTICLE|HEADER|FOOTER)$/;

/**
 * An editor's HTML as the text a reader sees: one line per block (paragraph,
 * div, list item) or `<br>`, joined by "\n"; whitespace collapsed as HTML
 * renders it, non-breaking spaces as spaces. Never puts the HTML into a live
 * document (DOMParser documents run no scripts and load nothing).
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const lines = [];
  let line = null;
  const flush = () => {
    if (line !== null) lines.push(line);
    line = null;
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.data.replace(/[\t\n\r ]+/g, ' ');
        if (line === null && text.trim() === '') continue;
        line = (line ?? '') + text;
      } else if (child.nodeName === 'BR') {
        lines.push(line ?? '');
        line = null;
      } else if (BLOCK.test(child.nodeName)) {
        flush();
        walk(child);
        flush();
      } else if (child.nodeType === Node.ELEMENT_NODE && !/^(SCRIPT|STYLE|TEMPLATE)$/.test(child.nodeName)) {
        walk(child);
      }
    }
  };
  walk(doc.body);
  flush();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/**
 * Installs `window.testbed`. `changes` is counted by the page's own listeners
 * (the host's change handlers); `ready` resolves once the editor is up.
 */
export function defineTestbed(api) {
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const bed = { changes: 0, format: 'text', toText: htmlToText, ...api, ready };
  window.testbed = bed;
  const status = document.querySelector('#tb-status');
  ready.then(
    () => status?.replaceChildren('Klar'),
    (e) => status?.replaceChildren(`Editoren startede ikke: ${e instanceof Error ? e.message : e}`),
  );
  return {
    bed,
    /** Call with the rest of the API once the editor has started. */
    start(rest) {
      Object.assign(bed, rest);
      resolveReady(true);
    },
    fail: (e) => rejectReady(e),
  };
}

/**
 * The host's save path for a form: submits it as a user would (its own and the
 * editor's submit handlers run: TinyMCE, CKEditor 4 and 5 write the editor back
 * into their textarea then), and returns what the form would send as `name`.
 * The submission is stopped after every other handler has run.
 */
export function formSave(form, name) {
  let sent = null;
  // Submit events do not leave a shadow root: listen where they end.
  const root = form.getRootNode();
  const last = root instanceof ShadowRoot ? root : form.ownerDocument.defaultView;
  last.addEventListener('submit', (e) => {
    if (e.target !== form) return;
    e.preventDefault();
    sent = String(new FormData(form).get(name) ?? '');
  });
  return () => {
    sent = null;
    form.requestSubmit();
    if (sent === null) throw new Error('The form was not submitted');
    return sent;
  };
}

/** The first text node under `root` holding `text`, and the offset of it there. */
export function findText(root, text) {
  const doc = root.ownerDocument ?? root;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) return { node, at };
  }
  throw new Error(`«${text}» is not in the editor`);
}

/** Selects `text` inside a DOM editor (contenteditable) through the document's selection. */
export function selectInDom(root, text) {
  const { node, at } = findText(root, text);
  const doc = root.ownerDocument;
  const range = doc.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const sel = doc.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

/** Puts the caret at the end of a DOM editor (contenteditable). */
export function caretToEndInDom(root) {
  const doc = root.ownerDocument;
  root.focus();
  const range = doc.createRange();
  range.selectNodeContents(root);
  range.collapse(false);
  const sel = doc.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

/** The test API of a plain text field (textarea, input): the browser's own API is the field's model. */
export function textFieldApi(bed, field, { form, name }) {
  field.addEventListener('input', () => bed.changes++);
  const doc = field.ownerDocument;
  return {
    read: () => field.value,
    html: () => field.value,
    save: formSave(form, name),
    undo: () => {
      field.focus();
      doc.execCommand('undo');
    },
    focusEnd: () => {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    },
    select: (text) => {
      const at = field.value.indexOf(text);
      if (at < 0) throw new Error(`«${text}» is not in the field`);
      field.focus();
      field.setSelectionRange(at, at + text.length);
    },
  };
}

/** `window.testbed` for a plain text field that is there at once. */
export function textFieldTestbed(editor, field, options) {
  const { bed, start } = defineTestbed({ editor, format: 'text' });
  start(textFieldApi(bed, field, options));
  return bed;
}
