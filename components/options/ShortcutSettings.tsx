import { useEffect, useId, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import { parseKey } from '@/lib/host/shortcut-api';
import { loadPickerKey, publishShortcuts, savePickerKey } from '@/lib/panel/shortcuts';
import { useT } from '@/components/ui/i18n';

/**
 * The key that opens the template picker in a journal field (default Ctrl+Space;
 * Ctrl is the Control key on a Mac too). The shortcuts themselves come from the
 * packs and the caseworker's own, set in each template's form in the panel.
 */
export function ShortcutSettings({ repository }: { repository: Repositories }) {
  const t = useT();
  const id = useId();
  const [key, setKey] = useState<string | null>(null);
  const [message, setMessage] = useState<'saved' | 'invalid' | null>(null);
  useEffect(() => {
    void loadPickerKey().then(setKey);
  }, []);

  const save = async () => {
    const next = (key ?? '').trim();
    if (!parseKey(next)) return setMessage('invalid');
    await savePickerKey(next);
    await publishShortcuts((await repository.templates.list()).templates);
    setMessage('saved');
  };

  return (
    <section className="mt-6" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t('shortcut.settings')}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">{t('shortcut.settingsHelp')}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div>
          <label htmlFor={`${id}-key`} className="block text-sm font-medium">
            {t('shortcut.pickerKey')}
          </label>
          <input
            id={`${id}-key`}
            className="mt-1 w-48 rounded border border-slate-400 px-2 py-1 font-mono"
            value={key ?? ''}
            disabled={key === null}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-status`}
            onChange={(e) => {
              setKey(e.target.value);
              setMessage(null);
            }}
          />
        </div>
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
        >
          {t('common.save')}
        </button>
        <span
          id={`${id}-status`}
          role="status"
          className={`text-sm ${message === 'invalid' ? 'text-red-800' : 'text-green-800'}`}
        >
          {message === 'saved' ? t('options.saved') : message === 'invalid' ? t('shortcut.pickerKeyInvalid') : ''}
        </span>
      </form>
    </section>
  );
}
