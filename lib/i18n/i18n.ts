import { da, en, type MessageKey } from './messages';

export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];
const catalogs: Record<Locale, Record<MessageKey, string>> = { da, en };
const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

export function formatDateTime(locale: Locale, time: number): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

export function formatTime(locale: Locale, time: number): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: 'medium' }).format(time);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'en';
}
