/**
 * Every key Sidevogn keeps in chrome.storage, registered in one place.
 * Citizen data never goes here: it lives in the IndexedDB database (lib/db).
 */
export const STORAGE_KEYS = {
  /** Panel layout (collapsed, width, overlay/push): a UI preference. */
  layout: 'layout',
  /**
   * The layout mode enterprise policy sets as default ('push', 'overlay' or
   * 'side'), copied here from managed storage by the service worker for the
   * bridge (lib/background/side-panel.ts). Used until the caseworker chooses.
   */
  layoutDefault: 'layoutDefault',
  /** UI language, 'da' or 'en'. */
  locale: 'locale',
  /** The caseworker's own name, filled into notes. */
  caseworkerName: 'caseworkerName',
  /** Favourite and recently used template ids. */
  templatePrefs: 'templatePrefs',
  /** Template id → the name of the case-system field the caseworker chose for its note. */
  targetChoices: 'targetChoices',
  /** Opt-in: browser notification when a deadline is due (a preference, not citizen data). */
  deadlineNotifications: 'deadlineNotifications',
  /** The local day (YYYY-MM-DD) the last deadline notification was shown, so it shows once a day. */
  deadlineNotifiedDay: 'deadlineNotifiedDay',
  /**
   * Case-system adapters made in the options page, published for the content
   * script (which cannot open IndexedDB). Adapters are selectors and match
   * patterns, not citizen data. Source of truth: the `adapters` table.
   */
  adapters: 'adapters',
  /**
   * Whether the database held citizen data, and when that was last seen (a
   * boolean and times, no citizen data): an empty database where this says
   * data was is reported, not silently accepted (lib/backup/marker.ts).
   */
  dataMarker: 'dataMarker',
  /** When the caseworker last exported an encrypted backup (ms since epoch). */
  lastBackupAt: 'lastBackupAt',
  // Also `bridgeErrors` (origin → the last thing that went wrong there, no citizen
  // data): kept in lib/adapters/bridge-errors.ts, since every key here is bundled
  // into the size-limited bridge and the bridge never reads that one.
  /**
   * Automatic deletion: the clock of its last run, a run held for the
   * caseworker to confirm, and what recent runs deleted (counts and times
   * only, no citizen data; lib/privacy/retention-policy.ts).
   */
  retention: 'retention',
} as const;
