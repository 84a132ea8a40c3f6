import { useEffect, useId, useState } from 'react';
import { loadCaseworkerName, saveCaseworkerName } from '@/lib/panel/preferences';
import { useT } from '@/components/ui/i18n';
import { LocaleSelect } from '@/components/ui/LocaleSelect';

/** The caseworker's name (used in notes) and the UI language. */
export function YouSettings() {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const nameId = useId();
  const localeId = useId();

  useEffect(() => {
    void loadCaseworkerName().then(setName);
  }, []);

  return (
    <section aria-labelledby="you-heading">
      <h2 id="you-heading" className="text-lg font-semibold">
        {t('options.you')}
      </h2>
      <form
        className="mt-2 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void saveCaseworkerName(name ?? '').then(() => setSaved(true));
        }}
      >
        <div>
          <label htmlFor={nameId} className="block text-sm font-medium">
            {t('options.caseworkerName')}
          </label>
          <input
            id={nameId}
            className="mt-1 w-72 rounded border border-slate-400 px-2 py-1"
            value={name ?? ''}
            disabled={name === null}
            autoComplete="name"
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        <div>
          <label htmlFor={localeId} className="block text-sm font-medium">
            {t('panel.language')}
          </label>
          <LocaleSelect id={localeId} className="mt-1 rounded border border-slate-400 px-2 py-1" />
        </div>
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
        >
          {t('common.save')}
        </button>
        <span role="status" className="text-sm text-green-800">
          {saved ? t('options.saved') : ''}
        </span>
      </form>
    </section>
  );
}
