// A plain <textarea>.
import { textFieldTestbed } from './testbed.js';

textFieldTestbed('textarea', document.querySelector('#notat'), {
  form: document.querySelector('#tb-form'),
  name: 'notat',
});
