import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';
import { isLocale, type Locale } from '../i18n/i18n';
import { STORAGE_KEYS } from '../storage/keys';
import { useLocaleStore } from '../i18n/locale-store';

/** UI preferences in chrome.storage.local. None of them is citizen data. */

export async function loadLocale(): Promise<Locale> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.locale);
  const value: unknown = stored[STORAGE_KEYS.locale];
  return isLocale(value) ? value : 'da';
}

export async function saveLocale(locale: Locale): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.locale]: locale });
}

/**
 * Calls `handle` with the new language whenever another page (or this one)
 * saves one, so an open page follows a language change made elsewhere without
 * reloading. Returns the function that stops listening.
 */
export function onLocaleSaved(handle: (locale: Locale) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[STORAGE_KEYS.locale];
    if (area === 'local' && change && isLocale(change.newValue)) handle(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * An extension page's start: the saved language (Danish when none or unreadable)
 * in the page's locale store and `<html lang>`, following later changes.
 */
export async function applySavedLocale(): Promise<Locale> {
  const locale = await loadLocale().catch(() => 'da' as const);
  useLocaleStore.getState().setLocale(locale);
  document.documentElement.lang = locale;
  followSavedLocale();
  return locale;
}

/** Live language switch for an extension page: its locale store and `<html lang>` follow every saved change. */
export function followSavedLocale(): () => void {
  return onLocaleSaved((locale) => {
    useLocaleStore.getState().setLocale(locale);
    document.documentElement.lang = locale;
  });
}

export async function loadCaseworkerName(): Promise<string> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.caseworkerName);
  return z.string().max(120).catch('').parse(stored[STORAGE_KEYS.caseworkerName]);
}

export async function saveCaseworkerName(name: string): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.caseworkerName]: name.trim().slice(0, 120) });
}

export const templatePrefsSchema = lazySchema(() =>
  z.object({
    favourites: z.array(z.string()).max(200),
    /** Template id → when it was last inserted. */
    recent: z.record(z.string(), z.number()),
  }),
);
export type TemplatePrefs = z.infer<typeof templatePrefsSchema>;
const EMPTY_PREFS: TemplatePrefs = { favourites: [], recent: {} };

export async function loadTemplatePrefs(): Promise<TemplatePrefs> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.templatePrefs);
  return templatePrefsSchema.catch(EMPTY_PREFS).parse(stored[STORAGE_KEYS.templatePrefs] ?? EMPTY_PREFS);
}

export async function saveTemplatePrefs(prefs: TemplatePrefs): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.templatePrefs]: prefs });
}
