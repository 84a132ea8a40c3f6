// CKEditor 5, classic editor on a textarea, as its basic example.
import { ClassicEditor, Essentials, Paragraph, Bold, Italic } from '/editors/bundle/ckeditor5.js';
import { defineTestbed, formSave } from './testbed.js';

const { bed, start, fail } = defineTestbed({ editor: 'ckeditor5', format: 'html' });
const save = formSave(document.querySelector('#tb-form'), 'notat');

/** The text of one block of CKEditor's model (soft breaks as "\n"). */
function blockText(editor, block) {
  let text = '';
  for (const item of editor.model.createRangeIn(block).getItems()) {
    if (item.is('$textProxy')) text += item.data;
    else if (item.is('element', 'softBreak')) text += '\n';
  }
  return text;
}

ClassicEditor.create(document.querySelector('#notat'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
})
  .then((editor) => {
    editor.model.document.on('change:data', () => bed.changes++);
    const root = () => editor.model.document.getRoot();
    start({
      read: () =>
        Array.from(root().getChildren())
          .map((block) => blockText(editor, block))
          .join('\n'),
      html: () => editor.getData(),
      save,
      undo: () => editor.execute('undo'),
      focusEnd: () => {
        editor.editing.view.focus();
        editor.model.change((writer) => writer.setSelection(root(), 'end'));
      },
      select: (text) => {
        editor.editing.view.focus();
        for (const block of root().getChildren()) {
          const at = blockText(editor, block).indexOf(text);
          if (at < 0) continue;
          editor.model.change((writer) =>
            writer.setSelection(
              writer.createRange(writer.createPositionAt(block, at), writer.createPositionAt(block, at + text.length)),
            ),
          );
          return;
        }
        throw new Error(`«${text}» is not in the editor`);
      },
    });
  })
  .catch(fail);
