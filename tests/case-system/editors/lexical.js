// Lexical for the editor test bed (served bundled as /editors/bundle/lexical.js).
export { createEditor, $getRoot, $createParagraphNode, $createTextNode, $isTextNode, UNDO_COMMAND } from 'lexical';
export { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
export { registerHistory, createEmptyHistoryState } from '@lexical/history';
export { mergeRegister } from '@lexical/utils';
export { $generateHtmlFromNodes } from '@lexical/html';
