import { useEffect } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import type { Repositories } from '@/lib/repositories';
import { useT } from '@/components/ui/i18n';
import { LockGate } from '../lock/LockGate';
import { SweepWarning } from '../lock/SweepWarning';
import { DataLossAlert } from '../privacy/DataLossAlert';
import { OPTIONS_SECTIONS } from './sections';
import { LOCK_BLOCK_ID, OptionsNav, SectionAnchor, showSection, useHashSection } from './OptionsNav';

// Citizen data and the lock itself share one lock gate, so they come first;
// preferences, packs, templates and adapters are not citizen data: usable while locked.
const LOCKED = OPTIONS_SECTIONS.filter((s) => s.locked);
const OPEN = OPTIONS_SECTIONS.filter((s) => !s.locked);
const ORDER = [...LOCKED, ...OPEN];
const IDS = ORDER.map((s) => s.id);

/** The options page: a side menu of sections (the address's #hash picks one) beside the sections. */
export function OptionsApp({ db, repository }: { db: SidevognDb; repository: Repositories }) {
  const t = useT();
  const selected = useHashSection(IDS);
  // A locked section named while locked: its link leads to the unlock form.
  useEffect(() => {
    if (selected && !document.getElementById(selected)) showSection(selected);
  }, [selected]);
  return (
    <div className="mx-auto max-w-6xl p-6 text-slate-900">
      <h1 className="text-2xl font-bold">{t('options.title')}</h1>
      <div className="mt-4 md:grid md:grid-cols-[12rem_minmax(0,1fr)] md:items-start md:gap-8">
        <OptionsNav sections={ORDER} selected={selected} />
        <main className="max-w-3xl">
          <div id={LOCK_BLOCK_ID} className="scroll-mt-4">
            <SweepWarning />
            {/* First run: the passphrase set-up is here. */}
            <LockGate db={db} beforeSetUp={<DataLossAlert beforeSetUp />}>
              {LOCKED.map(({ id, Content }) => (
                <SectionAnchor key={id} id={id} selected={selected === id}>
                  <Content db={db} repository={repository} />
                </SectionAnchor>
              ))}
            </LockGate>
          </div>
          {OPEN.map(({ id, Content }) => (
            <SectionAnchor key={id} id={id} selected={selected === id}>
              <Content db={db} repository={repository} />
            </SectionAnchor>
          ))}
        </main>
      </div>
    </div>
  );
}
