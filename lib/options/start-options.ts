import { loadDefaultPack } from '../packs/load-default-pack';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { applySavedLocale } from '../panel/preferences';
import { checkDataLossOnce } from '../backup/marker';
import { retryIfVanished } from '../db/vanished-database';

/** The options page opens the same database as the panel (extension origin). */
export async function startOptions(): Promise<{ db: SidevognDb; repository: Repositories }> {
  const db = new SidevognDb();
  const repository = createRepositories(db);
  // Before anything writes: is the database empty where it held citizens? (lib/backup/marker.ts)
  await checkDataLossOnce(db);
  // Live language switch: the page follows a language picked in the panel or another tab.
  await applySavedLocale();
  // The database may have vanished under an unlocked session: this page then starts on the empty one, locked.
  await retryIfVanished(() => repository.packs.installDefault(loadDefaultPack));
  return { db, repository };
}
