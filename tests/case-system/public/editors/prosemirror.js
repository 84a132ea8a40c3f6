// ProseMirror as prosemirror.net's basic example sets it up; the host
// serialises the document into a hidden input when the form is submitted.
import {
  DOMParser,
  DOMSerializer,
  EditorState,
  EditorView,
  Schema,
  Selection,
  TextSelection,
  addListNodes,
  exampleSetup,
  schema,
  undo,
} from '/editors/bundle/prosemirror.js';
import { defineTestbed, formSave } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'prosemirror', format: 'html' });
const form = document.querySelector('#tb-form');

const mySchema = new Schema({
  nodes: addListNodes(schema.spec.nodes, 'paragraph block*', 'block'),
  marks: schema.spec.marks,
});
const view = new EditorView(document.querySelector('#editor'), {
  state: EditorState.create({
    doc: DOMParser.fromSchema(mySchema).parse(document.querySelector('#content')),
    plugins: exampleSetup({ schema: mySchema }),
  }),
  dispatchTransaction(tr) {
    view.updateState(view.state.apply(tr));
    if (tr.docChanged) bed.changes++;
  },
});

const html = () => {
  const box = document.createElement('div');
  box.append(DOMSerializer.fromSchema(mySchema).serializeFragment(view.state.doc.content));
  return box.innerHTML;
};
form.addEventListener('submit', () => {
  form.elements.namedItem('notat').value = html();
});

start({
  read: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n', '\n'),
  html,
  save: formSave(form, 'notat'),
  undo: () => undo(view.state, view.dispatch),
  focusEnd: () => {
    view.focus();
    view.dispatch(view.state.tr.setSelection(Selection.atEnd(view.state.doc)));
  },
  select: (text) => {
    let from = -1;
    view.state.doc.descendants((node, pos) => {
      if (from < 0 && node.isText && node.text.includes(text)) from = pos + node.text.indexOf(text);
      return from < 0;
    });
    if (from < 0) throw new Error(`«${text}» is not in the editor`);
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + text.length)));
  },
});
