import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import { exportFileName } from '@/lib/packs/editor/build';
import { signWithKey } from '@/lib/packs/editor/keys';
import type { PackParse } from '@/lib/packs/validate';
import { useT } from '@/components/ui/i18n';
import { Card, CheckboxField, inputClass, useReason } from './EditorInputs';
import { downloadText } from '@/components/ui/download';
import { primaryButtonClass } from '@/components/ui/styles';

type Status = { tone: 'ok' | 'error'; text: string } | null;

/** Exporting the pack as `<id>-<version>.json`: only a pack that validates, optionally signed. */
export function ExportPanel({
  validation,
  repository,
  onInvalid,
}: {
  validation: PackParse;
  repository: Repositories;
  /** Export was asked for with errors: show them all and focus the first. */
  onInvalid(): void;
}) {
  const t = useT();
  const reason = useReason();
  const keys = useLiveQuery(() => repository.signingKeys.list(), [repository]);
  const [sign, setSign] = useState(false);
  const [keyId, setKeyId] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const [showErrors, setShowErrors] = useState(false);
  const keySelectId = useId();
  const chosenKey = keys?.find((k) => k.id === keyId) ?? keys?.[0];

  const exportPack = async () => {
    setStatus(null);
    if (!validation.ok) {
      setShowErrors(true);
      setStatus({ tone: 'error', text: t('editor.export.invalid', { count: validation.errors.length }) });
      onInvalid();
      return;
    }
    try {
      let pack = validation.pack;
      if (sign) {
        if (!chosenKey) return setStatus({ tone: 'error', text: t('editor.export.noKey') });
        pack = await signWithKey(pack, chosenKey);
      }
      const name = exportFileName(pack);
      downloadText(name, `${JSON.stringify(pack, null, 2)}\n`);
      setStatus({
        tone: 'ok',
        text: sign
          ? t('editor.export.doneSigned', { file: name, fingerprint: chosenKey!.fingerprint })
          : t('editor.export.done', { file: name }),
      });
    } catch (e) {
      setStatus({
        tone: 'error',
        text: t('editor.export.failed', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  return (
    <Card className="mt-6">
      <h3 className="text-base font-semibold">{t('editor.export.heading')}</h3>
      {validation.ok ? (
        <p className="text-sm text-green-800" data-testid="editor-valid">
          {t('editor.export.ready')}
        </p>
      ) : (
        <div className="text-sm">
          <p className="text-red-800">{t('editor.export.errors', { count: validation.errors.length })}</p>
          <details open={showErrors} onToggle={(e) => setShowErrors(e.currentTarget.open)}>
            <summary className="cursor-pointer text-sky-800">{t('editor.export.showErrors')}</summary>
            <ul className="mt-1 ml-5 list-disc text-red-900" data-testid="editor-errors">
              {validation.errors.map((e) => {
                const at = e.indexOf(': ');
                return (
                  <li key={e}>
                    <code>{at < 0 ? e : `${e.slice(0, at)}: ${reason(e.slice(at + 2))}`}</code>
                  </li>
                );
              })}
            </ul>
          </details>
        </div>
      )}
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <CheckboxField className="pb-1.5" label={t('editor.export.sign')} checked={sign} onChange={setSign} />
        {sign &&
          (keys && keys.length > 0 ? (
            <div>
              <label htmlFor={keySelectId} className="block text-sm font-medium">
                {t('editor.export.key')}
              </label>
              <select
                id={keySelectId}
                className={inputClass}
                value={chosenKey?.id ?? ''}
                onChange={(e) => setKeyId(e.target.value)}
              >
                {keys.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} ({k.fingerprint})
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="pb-1.5 text-sm text-amber-900">{t('editor.export.noKeys')}</p>
          ))}
        <button type="button" className={primaryButtonClass} onClick={() => void exportPack()}>
          {t('editor.export.button')}
        </button>
      </div>
      <div role="status" className="mt-2 text-sm" data-testid="editor-export-status">
        {status && (
          <p
            className={`rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
          >
            {status.text}
          </p>
        )}
      </div>
    </Card>
  );
}
