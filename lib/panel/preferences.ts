import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';
import { isLocale, type Locale } from '../i18n/i18n';
import { STORAGE_KEYS } from '../storage/keys';

/** UI preferences in chrome.storage.local. None of them is citizen data. */

export async function loadLocale(): Promise<Locale> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.locale);
  const value: unknown = stored[STORAGE_KEYS.locale];
  return isLocale(value) ? value : 'da';
}

export async function saveLocale(locale: Locale): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.locale]: locale });
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
