import type { Adapter } from './adapter';
import { CASE_SYSTEM_MATCHES } from './origins';

/** The built-in adapter for the bundled demo case system (tests/case-system). */
export const demoAdapter: Adapter = {
  id: 'demo-sagssystem',
  name: 'Jobcenter Vesthavn – demo-sagssystem',
  version: 1,
  matches: CASE_SYSTEM_MATCHES,
  spa: true,
  citizen: {
    scope: 'section.citizen-header',
    cpr: { selector: '.citizen-cpr' },
    name: { selector: '.citizen-name' },
    fields: {
      malgruppe: { selector: '[data-field="malgruppe"]' },
      ydelse: { selector: '[data-field="ydelse"]' },
      startdato: { selector: '[data-field="startdato"]' },
      sagsbehandler: { selector: '[data-field="sagsbehandler"]' },
      naesteMoede: { selector: '[data-field="naeste-moede"]' },
    },
  },
  journal: [
    { selector: '#journal-tekst', label: 'Notat (tekst)', role: 'journal' },
    { selector: '#journal-editor .ql-editor', label: 'Notat (formateret)', role: 'journal' },
    { selector: '#journal-bemaerkning', label: 'Bemærkning', role: 'remark' },
  ],
};
