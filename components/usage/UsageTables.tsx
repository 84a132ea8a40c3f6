import type { Locale, Translate } from '@/lib/i18n/i18n';
import type { MessageKey } from '@/lib/i18n/messages';
import type { UsageTotals } from '@/lib/usage/stats';

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(locale: Locale, n: number, digits = 0): string {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f)
    numberFormats.set(
      key,
      (f = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })),
    );
  return f.format(n);
}

function Table({
  id,
  heading,
  help,
  columns,
  rows,
  text = 1,
  t,
}: {
  text?: number;
  id: string;
  heading: MessageKey;
  help?: MessageKey;
  columns: MessageKey[];
  rows: (string | number)[][];
  t: Translate;
}) {
  if (rows.length === 0) return null;
  return (
    <div className="mt-3">
      <h4 id={id} className="font-semibold">
        {t(heading)}
      </h4>
      {help && <p className="text-xs text-slate-700">{t(help)}</p>}
      <div className="overflow-x-auto">
        <table aria-labelledby={id} className="mt-1 w-full border-collapse text-sm" data-testid={id}>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th
                  key={c}
                  scope="col"
                  className={`border-b border-slate-400 px-2 py-1 ${i < text ? 'text-left' : 'text-right'}`}
                >
                  {t(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="odd:bg-slate-50">
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className={`px-2 py-1 ${i < text ? 'text-left' : 'text-right tabular-nums'}`}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The usage figures per template, week, checklist and »ikke relevant« item (own, or a team's combined). */
export function UsageTables({
  totals,
  idPrefix,
  locale,
  t,
}: {
  totals: UsageTotals;
  idPrefix: string;
  locale: Locale;
  t: Translate;
}) {
  const n = (v: number, digits = 0) => formatNumber(locale, v, digits);
  if (totals.templates.length + totals.checklists.length === 0)
    return <p className="mt-2 text-sm text-slate-700">{t('usage.empty')}</p>;
  return (
    <div data-testid={`${idPrefix}-tables`}>
      <p className="mt-2 text-sm font-medium" data-testid={`${idPrefix}-total`}>
        {t('usage.total', { notes: totals.notes, minutes: n(totals.minutesSaved, 1) })}
      </p>
      <Table
        id={`${idPrefix}-templates`}
        heading="usage.templates"
        columns={[
          'usage.col.template',
          'usage.col.uses',
          'usage.col.chars',
          'usage.col.keys',
          'usage.col.clicks',
          'usage.col.formMinutes',
          'usage.col.saved',
        ]}
        rows={totals.templates.map((r) => [
          r.title,
          n(r.uses),
          n(r.chars),
          n(r.keystrokes),
          n(r.clicks),
          n(r.seconds / 60, 1),
          n(r.minutesSaved, 1),
        ])}
        t={t}
      />
      <Table
        id={`${idPrefix}-weeks`}
        heading="usage.weeks"
        columns={['usage.col.week', 'usage.col.notes', 'usage.col.saved']}
        rows={totals.weeks.map((r) => [r.week, n(r.notes), n(r.minutesSaved, 1)])}
        t={t}
      />
      <Table
        id={`${idPrefix}-checklists`}
        heading="usage.checklists"
        columns={['usage.col.checklist', 'usage.col.finished']}
        rows={totals.checklists.map((r) => [r.title, n(r.uses)])}
        t={t}
      />
      <Table
        id={`${idPrefix}-items`}
        heading="usage.items"
        help="usage.items.help"
        columns={['usage.col.item', 'usage.col.checklist', 'usage.col.notRelevant', 'usage.col.withReason']}
        rows={totals.items.map((r) => [r.itemTitle, r.checklistTitle, n(r.notRelevant), n(r.withReason)])}
        text={2}
        t={t}
      />
    </div>
  );
}
