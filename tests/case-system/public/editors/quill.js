// Quill 2 with the snow theme, as its basic example; the host copies the
// editor's HTML into a hidden input when the form is submitted.
import { defineTestbed, formSave } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'quill', format: 'html' });
const form = document.querySelector('#tb-form');
const quill = new window.Quill('#editor', { theme: 'snow' });
quill.on('text-change', () => bed.changes++);
form.addEventListener('submit', () => {
  form.elements.namedItem('notat').value = quill.getSemanticHTML();
});

start({
  read: () => quill.getText().replace(/\n$/, ''),
  html: () => quill.getSemanticHTML(),
  save: formSave(form, 'notat'),
  undo: () => quill.history.undo(),
  focusEnd: () => {
    quill.focus();
    quill.setSelection(quill.getLength() - 1, 0);
  },
  select: (text) => {
    const at = quill.getText().indexOf(text);
    if (at < 0) throw new Error(`«${text}» is not in the editor`);
    quill.focus();
    quill.setSelection(at, text.length);
  },
});
