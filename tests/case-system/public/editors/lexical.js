// Lexical with rich text and history, as its vanilla-JS example sets it up; the
// host exports the editor's HTML into a hidden input when the form is submitted.
import {
  $createParagraphNode,
  $createTextNode,
  $generateHtmlFromNodes,
  $getRoot,
  HeadingNode,
  QuoteNode,
  UNDO_COMMAND,
  createEditor,
  createEmptyHistoryState,
  mergeRegister,
  registerHistory,
  registerRichText,
} from '/editors/bundle/lexical.js';
import { defineTestbed, formSave } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'lexical', format: 'html' });
const form = document.querySelector('#tb-form');
const root = document.querySelector('#editor');

const editor = createEditor({
  namespace: 'Testbed',
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => console.error(error),
});
editor.setRootElement(root);
mergeRegister(registerRichText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
editor.update(
  () => {
    const paragraph = $createParagraphNode();
    paragraph.append($createTextNode('Indledning.'));
    $getRoot().append(paragraph);
  },
  { tag: 'history-merge', discrete: true },
);
editor.registerTextContentListener(() => bed.changes++);
// The initial content above is not the caseworker's change.
bed.changes = 0;

const read = (fn) => editor.getEditorState().read(fn, { editor });
const html = () => read(() => $generateHtmlFromNodes(editor, null));
form.addEventListener('submit', () => {
  form.elements.namedItem('notat').value = html();
});

start({
  read: () =>
    read(() =>
      $getRoot()
        .getChildren()
        .map((block) => block.getTextContent())
        .join('\n'),
    ),
  html,
  save: formSave(form, 'notat'),
  undo: () => editor.dispatchCommand(UNDO_COMMAND, undefined),
  focusEnd: () => {
    root.focus();
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
  },
  select: (text) => {
    root.focus();
    let found = false;
    editor.update(
      () => {
        for (const node of $getRoot().getAllTextNodes()) {
          const at = node.getTextContent().indexOf(text);
          if (at < 0) continue;
          node.select(at, at + text.length);
          found = true;
          return;
        }
      },
      { discrete: true },
    );
    if (!found) throw new Error(`«${text}» is not in the editor`);
  },
});
