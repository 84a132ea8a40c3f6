// Trix 2 as its README sets it up: <trix-editor> bound to a hidden input,
// which Trix itself keeps in sync (the form sends that input).
import '/editors/bundle/trix.js';
import { defineTestbed, formSave } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'trix', format: 'html' });
const form = document.querySelector('#tb-form');
const element = document.querySelector('trix-editor');
const save = formSave(form, 'notat');
element.addEventListener('trix-change', () => bed.changes++);

const begin = () => {
  const { editor } = element;
  start({
    read: () => editor.getDocument().toString().replace(/\n$/, ''),
    html: () => element.value,
    save,
    undo: () => editor.undo(),
    focusEnd: () => {
      element.focus();
      const end = editor.getDocument().getLength() - 1;
      editor.setSelectedRange([end, end]);
    },
    select: (text) => {
      const at = editor.getDocument().toString().indexOf(text);
      if (at < 0) throw new Error(`«${text}» is not in the editor`);
      element.focus();
      editor.setSelectedRange([at, at + text.length]);
    },
  });
};
if (element.editor) begin();
else element.addEventListener('trix-initialize', begin, { once: true });
