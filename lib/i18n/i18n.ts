import { da, en, type MessageKey } from './messages';

export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];
const catalogs: Record<Locale, Record<MessageKey, string>> = { da, en };
const intlLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * `{name}` is the parameter; `{name|one|other}` the word for that number, by
 * the language's plural rules (Intl.PluralRules: "1 note", "3 noter").
 */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const plural = new Intl.PluralRules(intlLocale[locale]);
  return (key, params) =>
    catalog[key]
      .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
        params && name in params ? (plural.select(Number(params[name])) === 'one' ? one : other) : whole,
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** One formatter per locale and style: building one costs some 40 times formatting with it. */
function formatter(options: Intl.DateTimeFormatOptions): (locale: Locale) => Intl.DateTimeFormat {
  const made = new Map<Locale, Intl.DateTimeFormat>();
  return (locale) => {
    let format = made.get(locale);
    if (!format) made.set(locale, (format = new Intl.DateTimeFormat(intlLocale[locale], options)));
    return format;
  };
}
const dateTimeFormat = formatter({ dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = formatter({ timeStyle: 'medium' });
const hourMinute = formatter({ hour: '2-digit', minute: '2-digit' });

export function formatDateTime(locale: Locale, time: number): string {
  return dateTimeFormat(locale).format(time);
}

/** A time of day. Danish reads `kl. 14.05` (a bare `14.05.09` reads as a date). */
export function formatTime(locale: Locale, time: number): string {
  if (locale !== 'da') return timeFormat(locale).format(time);
  const parts = hourMinute(locale).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `kl. ${part('hour')}.${part('minute')}`;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'en';
}
