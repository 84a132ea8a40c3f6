import { SidevognDb } from '../db/database';
import { readCitizenData, type CitizenData } from './access-export';
import { createRepositories } from '../repositories';
import { session } from '../crypto/session';
import { useLocaleStore } from '../i18n/locale-store';
import { loadLocale } from '../panel/preferences';

export interface AccessPageProps {
  data: CitizenData | null;
  error: string | null;
  printedAt: number;
}

/** The printable access-request page (access.html?citizen=<citizen key>), an extension page. */
export async function startAccessPage(): Promise<AccessPageProps> {
  const key = new URLSearchParams(location.search).get('citizen') ?? '';
  const locale = await loadLocale().catch(() => 'da' as const);
  useLocaleStore.getState().setLocale(locale);
  document.documentElement.lang = locale;
  const repository = createRepositories(new SidevognDb());
  try {
    // The key another extension page unlocked (lib/crypto/session); locked → LockedError below.
    await session.restore();
    return { data: await readCitizenData(repository, key), error: null, printedAt: Date.now() };
  } catch (e) {
    return { data: null, error: e instanceof Error ? e.message : String(e), printedAt: Date.now() };
  }
}
