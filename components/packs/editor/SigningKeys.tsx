import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import type { SigningKeyRecord } from '@/lib/packs/config-records';
import { formatDateTime } from '@/lib/i18n/i18n';
import { generateKey } from '@/lib/packs/editor/keys';
import { useLocale, useT } from '@/components/ui/i18n';
import { ConfirmButton, inputClass } from './EditorInputs';
import { downloadText } from '@/components/ui/download';
import { secondaryButtonClass } from '@/components/ui/styles';

/**
 * The team lead's signing keys. The private key stays in this browser
 * profile (non-extractable); the public key is what IT pins in policy
 * (`trustedPackKeys`) and what the caseworkers' Sidevogn checks packs against.
 */
export function SigningKeys({ repository }: { repository: Repositories }) {
  const t = useT();
  const keys = useLiveQuery(() => repository.signingKeys.list(), [repository]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const nameId = useId();

  const create = async () => {
    setBusy(true);
    try {
      const key = await generateKey(name || t('editor.keys.defaultName'));
      await repository.signingKeys.add(key);
      setName('');
      setStatus(t('editor.keys.created', { fingerprint: key.fingerprint }));
    } catch (e) {
      setStatus(t('editor.keys.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="mt-6" aria-labelledby="signing-keys-heading">
      <h3 id="signing-keys-heading" className="text-base font-semibold">
        {t('editor.keys.heading')}
      </h3>
      <p className="text-sm text-slate-700">{t('editor.keys.intro')}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div>
          <label htmlFor={nameId} className="block text-sm font-medium">
            {t('editor.keys.name')}
          </label>
          <input id={nameId} className={`${inputClass} w-72`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className={secondaryButtonClass} aria-disabled={busy}>
          {t('editor.keys.create')}
        </button>
      </form>
      <div role="status" className="mt-1 text-sm text-green-800">
        {status}
      </div>
      {keys && keys.length > 0 ? (
        <ul
          className="mt-2 divide-y divide-slate-200 rounded border border-slate-300"
          aria-labelledby="signing-keys-heading"
        >
          {keys.map((k) => (
            <KeyRow
              key={k.id}
              signingKey={k}
              onStatus={setStatus}
              onDelete={() => void repository.signingKeys.remove(k.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t('editor.keys.none')}</p>
      )}
    </section>
  );
}

function KeyRow({
  signingKey: k,
  onStatus,
  onDelete,
}: {
  signingKey: SigningKeyRecord;
  onStatus(text: string): void;
  onDelete(): void;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="signing-key">
      <span className="font-medium">{k.name}</span>
      <span className="text-slate-700">
        {t('editor.keys.fingerprint')}: <code data-testid="key-fingerprint">{k.fingerprint}</code>
      </span>
      <span className="text-slate-700">
        {t('editor.keys.createdAt', { date: formatDateTime(locale, k.createdAt) })}
      </span>
      <span className="ml-auto flex flex-wrap gap-1">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() =>
            void navigator.clipboard.writeText(k.publicKey).then(
              () => onStatus(t('editor.keys.copied')),
              () => onStatus(t('editor.keys.copyFailed')),
            )
          }
        >
          {t('editor.keys.copy')}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => downloadText(`sidevogn-noegle-${k.fingerprint}.txt`, `${k.publicKey}\n`, 'text/plain')}
        >
          {t('editor.keys.download')}
        </button>
        <ConfirmButton
          label={t('editor.keys.delete')}
          accessibleLabel={t('editor.keys.deleteNamed', { name: k.name })}
          question={t('editor.keys.deleteQuestion')}
          confirmLabel={t('editor.keys.delete')}
          onConfirm={onDelete}
        />
      </span>
    </li>
  );
}
