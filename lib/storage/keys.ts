/**
 * Every key Sidevogn keeps in chrome.storage, registered in one place.
 * Citizen data never goes here: it lives in the IndexedDB database (lib/db).
 */
export const STORAGE_KEYS = {
  /** Panel layout (collapsed, width, overlay/push): a UI preference. */
  layout: 'layout',
  /** UI language, 'da' or 'en'. */
  locale: 'locale',
  /** The caseworker's own name, filled into notes. */
  caseworkerName: 'caseworkerName',
  /** Favourite and recently used template ids. */
  templatePrefs: 'templatePrefs',
} as const;
