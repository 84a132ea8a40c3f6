// ProseMirror for the editor test bed (served bundled as /editors/bundle/prosemirror.js and .css):
// what prosemirror.net's basic example imports.
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-menu/style/menu.css';
import 'prosemirror-example-setup/style/style.css';

export { EditorState, Selection, TextSelection } from 'prosemirror-state';
export { EditorView } from 'prosemirror-view';
export { Schema, DOMParser, DOMSerializer } from 'prosemirror-model';
export { schema } from 'prosemirror-schema-basic';
export { addListNodes } from 'prosemirror-schema-list';
export { exampleSetup } from 'prosemirror-example-setup';
export { undo } from 'prosemirror-history';
