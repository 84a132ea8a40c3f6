import { create } from 'zustand';
import type { Locale } from './i18n';

/**
 * The UI language of this page. Every extension page (panel, options, summary,
 * access report) sets it once at start from the stored preference; the panel
 * changes it when the caseworker picks another language.
 */
export interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocaleStore = create<LocaleState>()((set) => ({
  locale: 'da',
  setLocale: (locale) => set({ locale }),
}));
