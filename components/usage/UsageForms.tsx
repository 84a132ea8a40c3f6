import { useId, useState } from 'react';
import { usageCsv, usageCsvFileName } from '@/lib/usage/csv';
import type { UsageRepository } from '@/lib/usage/repository';
import type { UsageRecord } from '@/lib/usage/schema';
import { MAX_CHARS_PER_MINUTE, MIN_CHARS_PER_MINUTE, usageRows } from '@/lib/usage/stats';
import { saveCharsPerMinute } from '@/lib/usage/typing-speed';
import { useT } from '@/components/ui/i18n';
import { downloadText } from '@/components/ui/download';
import { StatusLine, usageButton, usageDanger, usagePrimary, type UsageStatus } from './StatusLine';

const RANGE = { min: MIN_CHARS_PER_MINUTE, max: MAX_CHARS_PER_MINUTE };

/** The typing speed minutes saved are counted with. */
export function SpeedForm({ cpm }: { cpm: number }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<UsageStatus>(null);
  const save = async () => {
    const value = Number(text ?? cpm);
    if (!Number.isInteger(value) || value < RANGE.min || value > RANGE.max)
      return setStatus({ tone: 'error', key: 'usage.speed.invalid', params: RANGE });
    await saveCharsPerMinute(value);
    setText(null);
    setStatus({ tone: 'ok', key: 'usage.speed.saved' });
  };
  return (
    <>
      {/* Checked here, with a Danish message that names the range, not by the browser's bubble. */}
      <form
        noValidate
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div>
          <label htmlFor={id} className="block text-sm font-medium">
            {t('usage.speed')}
          </label>
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={RANGE.min}
            max={RANGE.max}
            step={1}
            aria-describedby={`${id}-help`}
            className="mt-1 w-32 rounded border border-slate-400 px-2 py-1"
            value={text ?? String(cpm)}
            onChange={(e) => {
              setText(e.target.value);
              setStatus(null);
            }}
          />
          <p id={`${id}-help`} className="text-xs text-slate-700">
            {t('usage.speed.help', RANGE)}
          </p>
        </div>
        <button type="submit" className={usagePrimary}>
          {t('common.save')}
        </button>
      </form>
      <StatusLine status={status} testId="usage-speed-status" />
    </>
  );
}

/** The opt-in export: a CSV the caseworker saves and may give on; a name only if typed here. */
export function ExportUsage({ records, cpm }: { records: readonly UsageRecord[]; cpm: number }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<UsageStatus>(null);
  const save = () => {
    const file = usageCsvFileName(Date.now());
    downloadText(file, usageCsv(usageRows(records, cpm, name.trim())), 'text/csv;charset=utf-8');
    setStatus({ tone: 'ok', key: 'usage.export.done', params: { file } });
  };
  return (
    <>
      <h3 className="mt-6 font-semibold">{t('usage.export.heading')}</h3>
      <p className="text-sm text-slate-700">{t('usage.export.help')}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div>
          <label htmlFor={id} className="block text-sm font-medium">
            {t('usage.export.name')}
          </label>
          <input
            id={id}
            className="mt-1 w-72 rounded border border-slate-400 px-2 py-1"
            value={name}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className={usagePrimary}>
          {t('usage.export.button')}
        </button>
      </form>
      <StatusLine status={status} testId="usage-export-status" />
    </>
  );
}

/** »Slet brugsstatistik«, after a confirmation. */
export function EraseUsage({ usage }: { usage: UsageRepository }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<UsageStatus>(null);
  const erase = async () => {
    const count = await usage.eraseAll();
    setAsking(false);
    setStatus({ tone: 'ok', key: 'usage.erase.done', params: { count } });
  };
  return (
    <div className="mt-4">
      {asking ? (
        <div className="rounded border border-red-300 bg-red-50 p-2">
          <p className="text-sm">{t('usage.erase.question')}</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className={usageDanger} onClick={() => void erase()}>
              {t('usage.erase.confirm')}
            </button>
            <button type="button" className={usageButton} onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className={usageButton}
          onClick={() => {
            setAsking(true);
            setStatus(null);
          }}
        >
          {t('usage.erase.button')}
        </button>
      )}
      <StatusLine status={status} testId="usage-erase-status" />
    </div>
  );
}
