import { LOCALES, isLocale } from '@/lib/i18n/i18n';
import { saveLocale } from '@/lib/panel/preferences';
import { useLocale } from './i18n';
import { useLocaleStore } from '@/lib/i18n/locale-store';

/** The UI language: switches this page at once and is saved for every Sidevogn page. */
export function LocaleSelect({ id, className }: { id: string; className: string }) {
  const locale = useLocale();
  return (
    <select
      id={id}
      className={className}
      value={locale}
      onChange={(e) => {
        if (!isLocale(e.target.value)) return;
        useLocaleStore.getState().setLocale(e.target.value);
        document.documentElement.lang = e.target.value;
        void saveLocale(e.target.value);
      }}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {l === 'da' ? 'Dansk' : 'English'}
        </option>
      ))}
    </select>
  );
}
