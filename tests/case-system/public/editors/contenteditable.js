// A plain contenteditable element; the host copies its HTML into a hidden input on submit.
import { caretToEndInDom, defineTestbed, formSave, htmlToText, selectInDom } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'contenteditable', format: 'html' });
const form = document.querySelector('#tb-form');
const editable = document.querySelector('#notat');
editable.addEventListener('input', () => bed.changes++);
form.addEventListener('submit', () => {
  document.querySelector('#notat-gemt').value = editable.innerHTML;
});

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
