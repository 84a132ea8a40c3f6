// CKEditor 4.22.1 (the last open-source 4.x) in its classic iframe mode, as its basic example.
import { defineTestbed, findText, formSave, htmlToText } from './testbed.js';

const { bed, start, fail } = defineTestbed({ editor: 'ckeditor4', format: 'html' });
const save = formSave(document.querySelector('#tb-form'), 'notat');
const { CKEDITOR } = window;

try {
  const editor = CKEDITOR.replace('notat', { versionCheck: false });
  editor.on('change', () => bed.changes++);
  editor.on('instanceReady', () =>
    start({
      read: () => htmlToText(editor.getData()),
      html: () => editor.getData(),
      save,
      undo: () => editor.execCommand('undo'),
      focusEnd: () => {
        editor.focus();
        const range = editor.createRange();
        range.moveToElementEditEnd(editor.editable());
        range.select();
      },
      select: (text) => {
        editor.focus();
        const { node, at } = findText(editor.editable().$, text);
        const range = editor.createRange();
        range.setStart(new CKEDITOR.dom.text(node), at);
        range.setEnd(new CKEDITOR.dom.text(node), at + text.length);
        range.select();
      },
    }),
  );
} catch (e) {
  fail(e);
}
