import { useEffect, useId, useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import type { Repositories } from '@/lib/repositories';
import { loadCaseworkerName, saveCaseworkerName } from '@/lib/panel/preferences';
import { useT } from '@/components/ui/i18n';
import { TemplateSettings } from './TemplateSettings';
import { PackSettings } from '../packs/PackSettings';
import { PackEditor } from '../packs/editor/PackEditor';
import { CaseloadList } from '../summary/CaseloadList';
import { NoteSearchSection } from '../search/NoteSearchSection';
import { NotificationSettings } from '../summary/NotificationSettings';
import { AdapterSettings } from '../adapters/AdapterSettings';
import { PrivacySettings } from '../privacy/PrivacySettings';
import { LockGate } from '../lock/LockGate';
import { DataLossAlert } from '../privacy/DataLossAlert';
import { LockSettings } from '../lock/ChangePassphrase';
import { LocaleSelect } from '@/components/ui/LocaleSelect';

export function OptionsApp({ db, repository }: { db: SidevognDb; repository: Repositories }) {
  return (
    <div className="mx-auto max-w-3xl p-6 text-slate-900">
      <OptionsTitle />
      <main>
        {/* Citizen data and the lock itself: unlocked only (first run: the passphrase set-up is here). */}
        <LockGate db={db} beforeSetUp={<DataLossAlert beforeSetUp />}>
          <LockSettings db={db} />
          <CaseloadList repository={repository} />
          <NoteSearchSection db={db} repository={repository} />
          <PrivacySettings db={db} repository={repository} />
        </LockGate>
        {/* Preferences, packs, templates and adapters are not citizen data: usable while locked. */}
        <OptionsSections repository={repository} />
      </main>
    </div>
  );
}

function OptionsTitle() {
  const t = useT();
  return <h1 className="text-2xl font-bold">{t('options.title')}</h1>;
}

function OptionsSections({ repository }: { repository: Repositories }) {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const nameId = useId();
  const localeId = useId();

  useEffect(() => {
    void loadCaseworkerName().then(setName);
  }, []);

  return (
    <>
      <section className="mt-6" aria-labelledby="you-heading">
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
      <NotificationSettings />
      <PackSettings repository={repository} />
      <TemplateSettings repository={repository} />
      <PackEditor repository={repository} />
      <AdapterSettings repository={repository} />
    </>
  );
}
