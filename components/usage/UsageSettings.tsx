import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { usePanelStore } from '@/lib/panel/panel-store';
import { MAX_USAGE_CSV_BYTES, parseUsageCsv, usageCsv, usageCsvFileName, type UsageCsvError } from '@/lib/usage/csv';
import type { UsageRepository } from '@/lib/usage/repository';
import { MAX_CHARS_PER_MINUTE, MIN_CHARS_PER_MINUTE, totals, usageRows, type UsageRow } from '@/lib/usage/stats';
import { saveCharsPerMinute } from '@/lib/usage/typing-speed';
import { useT } from '../panel/panel-context';
import { downloadText } from '../privacy/download';
import { UsageTables } from './UsageTables';
import { useCharsPerMinute } from './use-chars-per-minute';

type Status = { tone: 'ok' | 'error'; key: MessageKey; params?: Record<string, string | number> } | null;

const button =
  'rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700';
const primary =
  'rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';
const danger =
  'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

const RANGE = { min: MIN_CHARS_PER_MINUTE, max: MAX_CHARS_PER_MINUTE };

const CSV_ERROR_KEYS: Record<UsageCsvError['code'], MessageKey> = {
  empty: 'usage.error.empty',
  foreign: 'usage.error.foreign',
  quote: 'usage.error.quote',
  row: 'usage.error.row',
  'too-many': 'usage.error.tooMany',
};

function StatusLine({ status, testId }: { status: Status; testId: string }) {
  const t = useT();
  return (
    <div role="status" className="mt-2 text-sm" data-testid={testId}>
      {status && (
        <p className={`rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
          {t(status.key, status.params)}
        </p>
      )}
    </div>
  );
}

/**
 * The options page's usage statistics (issue 32, items 3 and 4): the
 * caseworker's own figures per template and week, the typing speed they are
 * counted with, the opt-in CSV export, erasure, and a team lead's combined
 * view of several caseworkers' files (read in this page only, never stored).
 */
export function UsageSettings({ usage }: { usage: UsageRepository }) {
  const t = useT();
  const locale = usePanelStore((s) => s.locale);
  const records = useLiveQuery(() => usage.list(), [usage]);
  const cpm = useCharsPerMinute();
  const ids = { speed: useId(), name: useId(), files: useId(), speedHelp: useId() };

  const [speedText, setSpeedText] = useState<string | null>(null);
  const [speedStatus, setSpeedStatus] = useState<Status>(null);
  const [name, setName] = useState('');
  const [exportStatus, setExportStatus] = useState<Status>(null);
  const [erasing, setErasing] = useState(false);
  const [eraseStatus, setEraseStatus] = useState<Status>(null);
  const [team, setTeam] = useState<{ files: number; rows: UsageRow[] } | null>(null);
  const [teamStatus, setTeamStatus] = useState<Status>(null);

  const own = useMemo(() => (records && cpm !== null ? usageRows(records, cpm) : null), [records, cpm]);
  const ownTotals = useMemo(() => own && totals(own), [own]);
  const teamTotals = useMemo(() => team && totals(team.rows), [team]);
  if (!own || !ownTotals || cpm === null) return null;

  const saveSpeed = async () => {
    const value = Number(speedText ?? cpm);
    if (!Number.isInteger(value) || value < RANGE.min || value > RANGE.max)
      return setSpeedStatus({ tone: 'error', key: 'usage.speed.invalid', params: RANGE });
    await saveCharsPerMinute(value);
    setSpeedText(null);
    setSpeedStatus({ tone: 'ok', key: 'usage.speed.saved' });
  };

  const exportCsv = () => {
    const now = Date.now();
    const file = usageCsvFileName(now);
    // The name goes in only when the caseworker typed one here (never taken from elsewhere).
    downloadText(file, usageCsv(usageRows(records!, cpm, name.trim())), 'text/csv;charset=utf-8');
    setExportStatus({ tone: 'ok', key: 'usage.export.done', params: { file } });
  };

  const erase = async () => {
    const count = await usage.eraseAll();
    setErasing(false);
    setEraseStatus({ tone: 'ok', key: 'usage.erase.done', params: { count } });
  };

  /** All chosen files are read and checked first; one bad file and nothing changes. */
  const combine = async (files: File[]) => {
    const rows: UsageRow[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      if (file.size > MAX_USAGE_CSV_BYTES)
        return setTeamStatus({ tone: 'error', key: 'usage.error.tooMany', params: { file: file.name } });
      let text: string;
      try {
        text = await file.text();
      } catch {
        return setTeamStatus({ tone: 'error', key: 'usage.error.read', params: { file: file.name } });
      }
      if (seen.has(text))
        return setTeamStatus({ tone: 'error', key: 'usage.error.duplicate', params: { file: file.name } });
      seen.add(text);
      const parsed = parseUsageCsv(text);
      if (!parsed.ok) {
        const e = parsed.error;
        return setTeamStatus({
          tone: 'error',
          key: CSV_ERROR_KEYS[e.code],
          params: { file: file.name, ...(e.code === 'row' ? { line: e.line, column: e.column } : {}) },
        });
      }
      rows.push(...parsed.rows);
    }
    setTeamStatus(null);
    setTeam({ files: files.length, rows });
  };

  return (
    <section className="mt-8" aria-labelledby="usage-heading" data-testid="usage-settings">
      <h2 id="usage-heading" className="text-lg font-semibold">
        {t('usage.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('usage.intro')}</p>
      <p className="mt-1 text-sm text-slate-700" data-testid="usage-method">
        {t('usage.method', { cpm, wpm: formatWpm(cpm) })}
      </p>

      {/* Checked here, with a Danish message that names the range, not by the browser's bubble. */}
      <form
        noValidate
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void saveSpeed();
        }}
      >
        <div>
          <label htmlFor={ids.speed} className="block text-sm font-medium">
            {t('usage.speed')}
          </label>
          <input
            id={ids.speed}
            type="number"
            inputMode="numeric"
            min={RANGE.min}
            max={RANGE.max}
            step={1}
            aria-describedby={ids.speedHelp}
            className="mt-1 w-32 rounded border border-slate-400 px-2 py-1"
            value={speedText ?? String(cpm)}
            onChange={(e) => {
              setSpeedText(e.target.value);
              setSpeedStatus(null);
            }}
          />
          <p id={ids.speedHelp} className="text-xs text-slate-700">
            {t('usage.speed.help', RANGE)}
          </p>
        </div>
        <button type="submit" className={primary}>
          {t('common.save')}
        </button>
      </form>
      <StatusLine status={speedStatus} testId="usage-speed-status" />

      <h3 className="mt-4 font-semibold">{t('usage.own')}</h3>
      <UsageTables totals={ownTotals} idPrefix="usage-own" locale={locale} t={t} />

      <h3 className="mt-6 font-semibold">{t('usage.export.heading')}</h3>
      <p className="text-sm text-slate-700">{t('usage.export.help')}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          exportCsv();
        }}
      >
        <div>
          <label htmlFor={ids.name} className="block text-sm font-medium">
            {t('usage.export.name')}
          </label>
          <input
            id={ids.name}
            className="mt-1 w-72 rounded border border-slate-400 px-2 py-1"
            value={name}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className={primary}>
          {t('usage.export.button')}
        </button>
      </form>
      <StatusLine status={exportStatus} testId="usage-export-status" />

      <div className="mt-4">
        {erasing ? (
          <div className="rounded border border-red-300 bg-red-50 p-2">
            <p className="text-sm">{t('usage.erase.question')}</p>
            <div className="mt-2 flex gap-2">
              <button type="button" className={danger} onClick={() => void erase()}>
                {t('usage.erase.confirm')}
              </button>
              <button type="button" className={button} onClick={() => setErasing(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className={button}
            onClick={() => {
              setErasing(true);
              setEraseStatus(null);
            }}
          >
            {t('usage.erase.button')}
          </button>
        )}
        <StatusLine status={eraseStatus} testId="usage-erase-status" />
      </div>

      <h3 className="mt-6 font-semibold">{t('usage.team.heading')}</h3>
      <p className="text-sm text-slate-700">{t('usage.team.help')}</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={ids.files} className="block text-sm font-medium">
            {t('usage.team.files')}
          </label>
          <input
            id={ids.files}
            type="file"
            multiple
            accept=".csv,text/csv"
            className="mt-1 text-sm"
            data-testid="usage-team-files"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) void combine(files);
            }}
          />
        </div>
        {team && (
          <button
            type="button"
            className={button}
            onClick={() => {
              setTeam(null);
              setTeamStatus(null);
            }}
          >
            {t('usage.team.clear')}
          </button>
        )}
      </div>
      <StatusLine status={teamStatus} testId="usage-team-status" />
      {team && teamTotals && (
        <div className="mt-2 rounded border border-slate-300 p-3" data-testid="usage-team">
          <p className="font-medium">{t('usage.team.combined', { files: team.files })}</p>
          <p className="text-sm text-slate-700">
            {teamTotals.caseworkers.length > 0
              ? t('usage.team.names', { names: teamTotals.caseworkers.join(', ') })
              : t('usage.team.noNames')}
          </p>
          <UsageTables totals={teamTotals} idPrefix="usage-team" locale={locale} t={t} />
        </div>
      )}
    </section>
  );
}

/** Characters a minute as words a minute (a word is 5 characters in such measures). */
const formatWpm = (cpm: number) => String(Math.round(cpm / 5));
