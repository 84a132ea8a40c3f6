import { SidevognDb } from '../db/database';
import { retryIfVanished } from '../db/vanished-database';
import { readCitizenData, type CitizenData } from './access-export';
import { createRepositories } from '../repositories';
import { session } from '../crypto/session';
import { applySavedLocale } from '../panel/preferences';

export interface AccessPageProps {
  data: CitizenData | null;
  error: string | null;
  printedAt: number;
}

/** The printable access-request page (access.html?citizen=<citizen key>), an extension page. */
export async function startAccessPage(): Promise<AccessPageProps> {
  const key = new URLSearchParams(location.search).get('citizen') ?? '';
  await applySavedLocale();
  const repository = createRepositories(new SidevognDb());
  try {
    // The key another extension page unlocked (lib/crypto/session); locked → LockedError below.
    await session.restore();
    // The database vanished under the session: once more, which finds it locked (lib/db/vanished-database).
    const data = await retryIfVanished(() => readCitizenData(repository, key));
    return { data, error: null, printedAt: Date.now() };
  } catch (e) {
    return { data: null, error: e instanceof Error ? e.message : String(e), printedAt: Date.now() };
  }
}
