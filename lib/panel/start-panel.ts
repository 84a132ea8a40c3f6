import { loadDefaultPack } from '../packs/load-default-pack';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { connectToHost, type HostConnection } from './host-connection';
import { useLocaleStore } from '../i18n/locale-store';
import { followSavedLocale, loadLocale } from './preferences';
import { checkDataLossOnce } from '../backup/marker';
import { retryIfVanished } from '../db/vanished-database';
import { session } from '../crypto/session';
import { prefetchFirstView } from './first-view';
import { listenForShortcuts } from './shortcuts';
import { listenForFocus } from './focus';

const CONFIG_PRELOAD_AFTER_MS = 2000;

/**
 * Opens the database, reads preferences, picks up the session's data key and
 * connects to the host page, all at once: the panel renders unlocked from its
 * first frame when the caseworker unlocked earlier today and has used Sidevogn
 * within the idle minutes (else locked from its first frame: session.restore).
 */
export async function startPanel(): Promise<{
  services: { repository: Repositories; host: HostConnection };
  /** For the lock (the keyring in `meta`); citizen data goes through the repository. */
  db: SidevognDb;
  storageError: string | null;
}> {
  const db = new SidevognDb();
  const repository = createRepositories(db);
  // Dexie holds the two checks' reads until the database is open, so they need
  // not wait for the other start-up I/O. If it fails to open they fail too, and
  // the panel shows why it could not open.
  const [opened, locale, host, , , installError] = await Promise.all([
    retryIfVanished(() => db.open()).then(
      () => null,
      (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
    ),
    loadLocale().catch(() => 'da' as const),
    connectToHost(),
    // Locked on failure: the lock gate reads the session again and offers the unlock form.
    // Unlocked: the secret citizen keys are derived with loads while the handshake brings the citizen.
    session.restore().then(
      (unlocked) => unlocked && repository.citizens.prepare(),
      () => false,
    ),
    // Before a citizen is opened: is the database empty where it held citizens? (lib/backup/marker.ts)
    checkDataLossOnce(db),
    retryIfVanished(() => repository.packs.installDefault(loadDefaultPack)).then(
      () => null,
      (error: unknown) => String(error),
    ),
  ]);
  const storageError = opened ?? installError ?? null;
  // Template shortcuts typed in the host's journal field (lib/panel/shortcuts.ts).
  listenForShortcuts(host);
  // The focus command and Escape: into the panel and back to the host's field (lib/panel/focus.ts).
  listenForFocus(host);
  if (storageError === null) prefetchFirstView(repository);
  useLocaleStore.getState().setLocale(locale);
  document.documentElement.lang = locale;
  useLocaleStore.subscribe((s) => {
    if (document.documentElement.lang !== s.locale) document.documentElement.lang = s.locale;
  });
  // Live language switch: another panel or the options page picked a language.
  followSavedLocale();
  // Templates, checklists and packs load on first use (lib/packs/config-repository.ts);
  // once the panel has settled, load them while idle so the first click does not wait.
  setTimeout(() => requestIdleCallback(() => repository.preloadConfig()), CONFIG_PRELOAD_AFTER_MS);
  return { services: { repository, host }, db, storageError };
}
