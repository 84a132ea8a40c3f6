// An editor with a hidden <textarea> behind it that the host keeps in sync (as
// TinyMCE and CKEditor 4 keep one for the form): when the editor loses focus
// and when the form is submitted. The editor is the target; text written into
// the hidden textarea never shows and is overwritten by the next sync.
import { caretToEndInDom, defineTestbed, formSave, htmlToText, selectInDom } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'hidden-sync', format: 'html' });
const form = document.querySelector('#tb-form');
const editable = document.querySelector('#notat-editor');
const hidden = document.querySelector('#notat');
const sync = () => {
  hidden.value = editable.innerHTML;
};
sync();
editable.addEventListener('input', () => bed.changes++);
editable.addEventListener('focusout', sync);
form.addEventListener('submit', sync);

start({
  read: () => htmlToText(editable.innerHTML),
  html: () => editable.innerHTML,
  save: formSave(form, 'notat'),
  undo: () => {
    editable.focus();
    document.execCommand('undo');
  },
  focusEnd: () => caretToEndInDom(editable),
  select: (text) => {
    editable.focus();
    selectInDom(editable, text);
  },
});
