import { useKeptForm, useKeptState } from '@/components/ui/use-kept-state';
import { useId, useRef, useState } from 'react';
import { CONTACT_ROLES, type Contact, type ContactRole } from '@/lib/db/records';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { SectionHeading } from '@/components/ui/SectionHeading';
import { buttonClass, inputClass } from '@/components/ui/styles';

const toggleClass =
  'shrink-0 rounded text-sm text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-700';

/** The citizen's contacts (læge, mentor, arbejdsgiver, bisidder …) with their roles, one line each. */
export function ContactsSection({ citizenKey, contacts }: { citizenKey: string; contacts: Contact[] }) {
  const t = useT();
  const { repository } = usePanelServices();
  const form = useKeptForm(`contact-open:${citizenKey}`, `contact:${citizenKey}`);
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <section aria-labelledby="contacts-heading">
      {/* The contacts follow the heading on its line (and wrap): most citizens have one or two. */}
      <div className="flex items-baseline gap-2">
        <SectionHeading id="contacts-heading">{t('summary.contacts')}</SectionHeading>
        {contacts.length === 0 ? (
          <p className="min-w-0 flex-1 text-sm text-slate-700">{t('summary.contacts.none')}</p>
        ) : (
          <ul className="flex min-w-0 flex-1 flex-wrap gap-x-3" aria-labelledby="contacts-heading">
            {contacts.map((c) => (
              <li key={c.id} className="text-xs leading-5" data-testid="contact">
                <span className="font-semibold">{t(`contact.role.${c.role}`)}:</span> {c.name}
                {c.detail && <span className="text-slate-700"> ({c.detail})</span>}{' '}
                <button
                  type="button"
                  className="rounded text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-700"
                  aria-label={t('summary.contacts.remove', { name: c.name })}
                  onClick={() => void repository.summaries.removeContact(citizenKey, c.id)}
                >
                  {t('summary.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <button ref={toggle} type="button" className={toggleClass} aria-expanded={form.isOpen} onClick={form.toggle}>
          {t('summary.contacts.new')}
        </button>
      </div>
      {form.isOpen && (
        <ContactForm
          citizenKey={citizenKey}
          focusOnOpen={form.openedNow}
          onClose={() => {
            form.close();
            toggle.current?.focus();
          }}
        />
      )}
    </section>
  );
}

/** A new contact; stays open after adding until closed or Escape. */
function ContactForm({
  citizenKey,
  focusOnOpen,
  onClose,
}: {
  citizenKey: string;
  /** Opened by the caseworker just now (not kept open from before): the first field takes focus. */
  focusOnOpen: boolean;
  onClose(): void;
}) {
  const t = useT();
  const { repository } = usePanelServices();
  const [role, setRole] = useKeptState<ContactRole>(`contact:${citizenKey}:role`, 'laege');
  const [name, setName] = useKeptState(`contact:${citizenKey}:name`, '');
  const [detail, setDetail] = useKeptState(`contact:${citizenKey}:detail`, '');
  const [error, setError] = useState<SaveFailure | null>(null);
  const ids = { role: useId(), name: useId(), detail: useId() };

  const add = async () => {
    if (!name.trim()) return;
    try {
      await repository.summaries.saveContact(citizenKey, { role, name: name.trim(), detail: detail.trim() });
      setName('');
      setDetail('');
      setError(null);
    } catch (e) {
      setError(saveFailure(e));
    }
  };

  return (
    <>
      <form
        className="mt-1 grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1"
        aria-label={t('summary.contacts.add')}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          onClose();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor={ids.role} className="text-sm">
          {t('summary.contacts.role')}
        </label>
        <select
          id={ids.role}
          className={inputClass}
          value={role}
          autoFocus={focusOnOpen}
          onChange={(e) => setRole(e.target.value as ContactRole)}
        >
          {CONTACT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`contact.role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.name} className="text-sm">
          {t('summary.contacts.name')}
        </label>
        <input id={ids.name} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={ids.detail} className="text-sm">
          {t('summary.contacts.detail')}
        </label>
        <input id={ids.detail} className={inputClass} value={detail} onChange={(e) => setDetail(e.target.value)} />
        <span />
        <div>
          <button type="submit" className={buttonClass} aria-disabled={!name.trim()}>
            {t('summary.contacts.add')}
          </button>
        </div>
      </form>
      {error && <SaveError failure={error} className="" onRetry={() => void add()} />}
    </>
  );
}
