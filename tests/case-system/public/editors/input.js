// A plain <input type="text">.
import { textFieldTestbed } from './testbed.js';

textFieldTestbed('input', document.querySelector('#notat'), {
  form: document.querySelector('#tb-form'),
  name: 'notat',
});
