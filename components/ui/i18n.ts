import { useMemo } from 'react';
import { translator, type Locale, type Translate } from '@/lib/i18n/i18n';
import { useLocaleStore } from '@/lib/i18n/locale-store';

/** The page's UI language (lib/i18n/locale-store.ts). */
export function useLocale(): Locale {
  return useLocaleStore((s) => s.locale);
}

/** The translator for the page's UI language; a new one only when the language changes. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
