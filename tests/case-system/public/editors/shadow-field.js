// A textarea in a form inside the open shadow root of a custom element.
import { textFieldTestbed } from './testbed.js';

class JournalField extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const form = document.createElement('form');
    form.action = '/editors/gemt';
    form.method = 'post';
    const label = document.createElement('label');
    label.htmlFor = 'notat';
    label.textContent = 'Journalnotat';
    const field = document.createElement('textarea');
    field.id = 'notat';
    field.name = 'notat';
    field.rows = 8;
    field.style.cssText = 'display:block;box-sizing:border-box;width:100%;font:inherit';
    field.value = 'Indledning.';
    const button = document.createElement('button');
    button.type = 'submit';
    button.textContent = 'Gem';
    form.append(label, field, button);
    root.append(form);
  }
}
customElements.define('tb-journalfelt', JournalField);

const root = document.querySelector('tb-journalfelt').shadowRoot;
textFieldTestbed('shadow-field', root.querySelector('#notat'), { form: root.querySelector('form'), name: 'notat' });
