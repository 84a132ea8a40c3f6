import { defaultChecklists } from '../checklists/default-checklists';
import { defaultTemplates } from '../templates/default-templates';
import { PACK_FORMAT, type PackInput } from './schema';

/** The default Danish pack: the five meeting types' templates and checklists. Loads on first run. */
export const defaultPack: PackInput = {
  format: PACK_FORMAT,
  id: 'dk.default',
  name: 'Sidevogn standardpakke (dansk)',
  publisher: 'Sidevogn',
  version: '1.0.0',
  changelog: [
    {
      version: '1.0.0',
      date: '2026-11-23',
      changes: 'Første udgave: skabeloner og tjeklister for de fem mødetyper.',
    },
  ],
  validFrom: '2026-07-01',
  templates: defaultTemplates,
  checklists: defaultChecklists,
  adapters: [],
};
