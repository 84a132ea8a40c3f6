import { browser } from 'wxt/browser';
import { isLocale, type Locale } from '../i18n/i18n';
import { STORAGE_KEYS } from '../storage/keys';

export async function loadLocale(): Promise<Locale> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.locale);
  const value: unknown = stored[STORAGE_KEYS.locale];
  return isLocale(value) ? value : 'da';
}

export async function saveLocale(locale: Locale): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.locale]: locale });
}
