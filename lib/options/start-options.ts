import { loadDefaultPack } from '../packs/load-default-pack';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { useLocaleStore } from '../i18n/locale-store';
import { loadLocale } from '../panel/preferences';
import { checkDataLossOnce } from '../backup/marker';

/** The options page opens the same database as the panel (extension origin). */
export async function startOptions(): Promise<{ db: SidevognDb; repository: Repositories }> {
  const db = new SidevognDb();
  const repository = createRepositories(db);
  // Before anything writes: is the database empty where it held citizens? (lib/backup/marker.ts)
  await checkDataLossOnce(db);
  useLocaleStore.getState().setLocale(await loadLocale().catch(() => 'da' as const));
  document.documentElement.lang = useLocaleStore.getState().locale;
  await repository.packs.installDefault(loadDefaultPack);
  return { db, repository };
}
