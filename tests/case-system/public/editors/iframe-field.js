// A textarea in a form inside a same-origin <iframe> (not an editor's own frame).
import { defineTestbed, textFieldApi } from './testbed.js';

const { bed, start } = defineTestbed({ editor: 'iframe-field', format: 'text' });
const frame = document.querySelector('#tb-frame');
const loaded = () => {
  const doc = frame.contentDocument;
  const field = doc?.readyState === 'complete' ? doc.querySelector('#notat') : null;
  if (!field) return false;
  start(textFieldApi(bed, field, { form: doc.querySelector('form'), name: 'notat' }));
  return true;
};
if (!loaded()) frame.addEventListener('load', loaded, { once: true });
