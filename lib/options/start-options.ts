import { SidevognDb } from '../db/database';
import { createRepository, type Repository } from '../db/repository';
import { usePanelStore } from '../panel/panel-store';
import { loadLocale } from '../panel/preferences';
import { defaultTemplates } from '../templates/default-templates';

/** The options page opens the same database as the panel (extension origin). */
export async function startOptions(): Promise<Repository> {
  const db = new SidevognDb();
  const repository = createRepository(db);
  usePanelStore.getState().setLocale(await loadLocale().catch(() => 'da' as const));
  document.documentElement.lang = usePanelStore.getState().locale;
  await repository.templates.installDefaults(defaultTemplates);
  return repository;
}
