import { useId, useMemo, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { MAX_USAGE_CSV_BYTES, parseUsageCsv, type UsageCsvError } from '@/lib/usage/csv';
import { totals, type UsageRow } from '@/lib/usage/stats';
import { useLocale, useT } from '@/components/ui/i18n';
import { StatusLine, usageButton, type UsageStatus } from './StatusLine';
import { UsageTables } from './UsageTables';

const CSV_ERROR_KEYS: Record<UsageCsvError['code'], MessageKey> = {
  empty: 'usage.error.empty',
  foreign: 'usage.error.foreign',
  quote: 'usage.error.quote',
  row: 'usage.error.row',
  'too-many': 'usage.error.tooMany',
};

/** Reads and checks every chosen file; the first bad one is the error, and then there are no rows. */
async function readFiles(files: readonly File[]): Promise<{ rows: UsageRow[] } | { error: UsageStatus }> {
  const rows: UsageRow[] = [];
  const seen = new Set<string>();
  const refuse = (key: MessageKey, file: File, more: Record<string, string | number> = {}) => ({
    error: { tone: 'error' as const, key, params: { file: file.name, ...more } },
  });
  for (const file of files) {
    if (file.size > MAX_USAGE_CSV_BYTES) return refuse('usage.error.tooMany', file);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('usage.error.read', file);
    }
    if (seen.has(text)) return refuse('usage.error.duplicate', file);
    seen.add(text);
    const parsed = parseUsageCsv(text);
    if (!parsed.ok) {
      const e = parsed.error;
      return refuse(CSV_ERROR_KEYS[e.code], file, e.code === 'row' ? { line: e.line, column: e.column } : {});
    }
    rows.push(...parsed.rows);
  }
  return { rows };
}

/**
 * A team lead's view of several caseworkers' export files, combined in this
 * page only: nothing is stored or sent. A bad file changes nothing.
 */
export function TeamImport() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [team, setTeam] = useState<{ files: number; rows: UsageRow[] } | null>(null);
  const [status, setStatus] = useState<UsageStatus>(null);
  const combined = useMemo(() => team && totals(team.rows), [team]);
  const combine = async (files: File[]) => {
    const read = await readFiles(files);
    if ('error' in read) return setStatus(read.error);
    setStatus(null);
    setTeam({ files: files.length, rows: read.rows });
  };
  return (
    <>
      <h3 className="mt-6 font-semibold">{t('usage.team.heading')}</h3>
      <p className="text-sm text-slate-700">{t('usage.team.help')}</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={id} className="block text-sm font-medium">
            {t('usage.team.files')}
          </label>
          <input
            id={id}
            type="file"
            multiple
            accept=".csv,text/csv"
            className="mt-1 text-sm"
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
            className={usageButton}
            onClick={() => {
              setTeam(null);
              setStatus(null);
            }}
          >
            {t('usage.team.clear')}
          </button>
        )}
      </div>
      <StatusLine status={status} testId="usage-team-status" />
      {team && combined && (
        <div className="mt-2 rounded border border-slate-300 p-3" data-testid="usage-team">
          <p className="font-medium">{t('usage.team.combined', { files: team.files })}</p>
          <p className="text-sm text-slate-700">
            {combined.caseworkers.length > 0
              ? t('usage.team.names', { names: combined.caseworkers.join(', ') })
              : t('usage.team.noNames')}
          </p>
          <UsageTables totals={combined} idPrefix="usage-team" locale={locale} t={t} />
        </div>
      )}
    </>
  );
}
