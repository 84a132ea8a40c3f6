// TinyMCE 8 in inline mode on a div, as its inline-mode example.
import { defineTestbed, findText, formSave, htmlToText } from './testbed.js';

const { bed, start, fail } = defineTestbed({ editor: 'tinymce-inline', format: 'html' });
const save = formSave(document.querySelector('#tb-form'), 'notat');

window.tinymce
  .init({
    selector: 'div#notat',
    inline: true,
    license_key: 'gpl',
    setup: (editor) => editor.on('input change', () => bed.changes++),
  })
  .then(([editor]) => {
    if (!editor) throw new Error('TinyMCE did not start');
    start({
      read: () => htmlToText(editor.getContent()),
      html: () => editor.getContent(),
      save,
      undo: () => editor.undoManager.undo(),
      focusEnd: () => {
        editor.focus();
        editor.selection.select(editor.getBody(), true);
        editor.selection.collapse(false);
      },
      select: (text) => {
        editor.focus();
        const { node, at } = findText(editor.getBody(), text);
        const range = editor.dom.createRng();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        editor.selection.setRng(range);
      },
    });
  })
  .catch(fail);
