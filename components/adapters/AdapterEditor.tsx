import { useId, useState, type ReactNode } from 'react';
import { z } from '@/lib/zod';
import { parseCpr, findCprs, maskCpr } from '@/lib/cpr/cpr';
import { adapterSchema, type Adapter } from '@/lib/host/adapter';
import { CITIZEN_FIELD_IDS } from '@/lib/host/citizen-fields';
import type { MessageKey } from '@/lib/i18n/messages';
import type { ProbeResult } from '@/lib/adapters/probe';
import { useT } from '@/components/ui/i18n';
import { adapterReaders, readerOf, targetKey, withSelector, withTarget, type RowKey } from '@/lib/adapters/readers';
import { useProbe } from './use-probe';

const input = 'w-full rounded border border-slate-400 px-2 py-1 text-sm';

const ROWS: { key: RowKey; label: MessageKey }[] = [
  { key: 'scope', label: 'adapters.scope' },
  { key: 'cpr', label: 'field.cpr' },
  { key: 'name', label: 'field.name' },
  ...CITIZEN_FIELD_IDS.map((id) => ({ key: id, label: `fact.${id}` as MessageKey })),
  { key: 'journal', label: 'field.journal' },
];

/** What a reader finds, as the team lead needs to judge it; the CPR stays masked. */
export function ProbeCell({ row, result }: { row: RowKey; result: ProbeResult | undefined }) {
  const t = useT();
  if (!result) return <span className="text-slate-500">…</span>;
  if (result.count <= 0) return <span className="font-medium text-red-800">{t('adapters.notFound')}</span>;
  if (row === 'scope')
    return <span className="text-green-800">{t('adapters.scopeCount', { count: result.count })}</span>;
  const several = result.count > 1 ? ` (${t('adapters.severalFound', { count: result.count })})` : '';
  if (row === 'journal')
    return result.editable ? (
      <span className="text-green-800">
        {t('adapters.found')}
        {several}
      </span>
    ) : (
      <span className="text-red-800">{t('picker.notEditable')}</span>
    );
  if (row === 'cpr') {
    const parsed = parseCpr(result.value ?? '');
    const cpr = parsed.ok ? parsed.cpr.value : findCprs(result.value ?? '')[0];
    return cpr ? (
      <span className="text-green-800">
        <span className="font-mono">{maskCpr(cpr)}</span> – {t('adapters.cprOk')}
        {several}
      </span>
    ) : (
      <span className="text-red-800">{t('adapters.cprBad')}</span>
    );
  }
  return (
    <span>
      {result.value ?? <span className="text-red-800">{t('adapters.notFound')}</span>}
      {several}
    </span>
  );
}

/**
 * The picked adapter before it is saved. The default view shows what a team
 * lead judges: each field by name and whether it is found on the open page, the
 * names of the fields notes go into. The selectors, pages and routing behind
 * them are under "Avanceret", each explained, every one editable and read live.
 */
export function AdapterEditor({
  initial,
  tabId,
  origin,
  askScope = false,
  onSave,
  onCancel,
}: {
  initial: Adapter;
  tabId: number;
  origin: string;
  /** The picker saw several CPRs and could not infer where each citizen stands. */
  askScope?: boolean;
  onSave(adapter: Adapter): Promise<void>;
  onCancel(): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const [advanced, setAdvanced] = useState(askScope);
  const probe = useProbe(tabId, adapterReaders(draft));
  const ids = { name: useId(), label: useId() };
  // The record row shows once a scope is proposed, or asked for.
  const rows = ROWS.filter((row) => row.key !== 'scope' || askScope || !!initial.citizen.scope);

  const save = async () => {
    const parsed = adapterSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      // Most of what can be wrong is under "Avanceret": show it.
      if (parsed.error.issues.some((i) => i.path[0] !== 'name')) setAdvanced(true);
      return;
    }
    setErrors([]);
    await onSave(parsed.data).catch((e: unknown) =>
      setErrors([e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : String(e)]),
    );
  };

  return (
    <form
      className="mt-4 rounded border border-sky-700 p-4"
      aria-labelledby="adapter-editor-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="adapter-editor-heading" className="font-semibold">
        {t('adapters.editor', { origin })}
      </h3>
      <div className="mt-2">
        <label htmlFor={ids.name} className="block text-sm font-medium">
          {t('adapters.name')}
        </label>
        <input
          id={ids.name}
          className={input}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </div>
      <ReadsTable rows={rows} draft={draft} probe={probe} />
      {askScope && !draft.citizen.scope && (
        <p
          role="note"
          className="mt-3 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950"
          data-testid="adapter-scope-ask"
        >
          {t('adapters.scopeAsk')}
        </p>
      )}
      {draft.journal.map((target, i) => (
        <div key={i} className="mt-2" data-testid={`adapter-target-${i + 1}`}>
          <label htmlFor={`${ids.label}-${i}`} className="block text-sm font-medium">
            {t('adapters.targetLabel', { n: String(i + 1) })}
          </label>
          <input
            id={`${ids.label}-${i}`}
            className={input}
            value={target.label}
            onChange={(e) => setDraft(withTarget(draft, i, { label: e.target.value }))}
          />
        </div>
      ))}
      {origin.startsWith('http:') && (
        <p role="note" className="mt-3 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950">
          {t('adapters.unencrypted')}
        </p>
      )}
      <AdvancedSettings draft={draft} rows={rows} open={advanced} onToggle={setAdvanced} onChange={setDraft} />
      <InvalidAdapter errors={errors} />
      <div className="mt-3 flex gap-2">
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
        >
          {t('adapters.save')}
        </button>
        <button type="button" className="rounded border border-slate-400 px-3 py-1.5 text-sm" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Each field by name and whether it is found on the open page. */
function ReadsTable({ rows, draft, probe }: { rows: typeof ROWS; draft: Adapter; probe: ReturnType<typeof useProbe> }) {
  const t = useT();
  return (
    <FieldTable className="mt-3" heading={t('adapters.reads')}>
      {rows.map((row) => (
        <tr key={row.key} className="border-t border-slate-200" data-testid={`adapter-row-${row.key}`}>
          <th scope="row" className="py-1 pr-2 text-left font-medium">
            {t(row.label)}
          </th>
          <td className="py-1" data-testid="reads">
            {readerOf(draft, row.key) ? <ProbeCell row={row.key} result={probe?.[row.key]} /> : '–'}
          </td>
        </tr>
      ))}
      {draft.journal.slice(1).map((target, j) => (
        <tr
          key={targetKey(j + 1)}
          className="border-t border-slate-200"
          data-testid={`adapter-row-${targetKey(j + 1)}`}
        >
          <th scope="row" className="py-1 pr-2 text-left font-medium">
            {target.label}
          </th>
          <td className="py-1" data-testid="reads">
            <ProbeCell row="journal" result={probe?.[targetKey(j + 1)]} />
          </td>
        </tr>
      ))}
    </FieldTable>
  );
}

/** Each field by name, then what it reads or its selector. */
function FieldTable({ className, heading, children }: { className: string; heading: string; children: ReactNode }) {
  const t = useT();
  return (
    <table className={`${className} w-full text-sm`}>
      <thead>
        <tr className="text-left">
          <th className="py-1 pr-2">{t('adapters.field')}</th>
          <th className="py-1">{heading}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** "Avanceret": the id, pages and routing, and the selector behind each field, every one editable and read live. */
function AdvancedSettings({
  draft,
  rows,
  open,
  onToggle,
  onChange,
}: {
  draft: Adapter;
  rows: typeof ROWS;
  open: boolean;
  onToggle(open: boolean): void;
  onChange(draft: Adapter): void;
}) {
  const t = useT();
  const ids = { id: useId(), matches: useId(), spa: useId() };
  const selectorRows: SelectorRow[] = [
    ...rows.map((row) => ({
      key: row.key,
      label: row.key === 'journal' && draft.journal[0] ? draft.journal[0].label : t(row.label),
      value: readerOf(draft, row.key),
      set: (value: string) => withSelector(draft, row.key, value),
    })),
    ...draft.journal.slice(1).map((target, j) => ({
      key: targetKey(j + 1),
      label: target.label,
      value: target.selector,
      set: (value: string) => withTarget(draft, j + 1, { selector: value }),
    })),
  ];

  return (
    <details
      className="mt-3 rounded border border-slate-300 p-2"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
      data-testid="adapter-advanced"
    >
      <summary className="cursor-pointer text-sm font-medium text-sky-900">{t('advanced.heading')}</summary>
      <p className="mt-2 text-sm text-slate-700">{t('advanced.intro')}</p>
      <div className="mt-2 grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={ids.id} className="block text-sm font-medium">
            {t('adapters.id')}
          </label>
          <input
            id={ids.id}
            className={input}
            value={draft.id}
            onChange={(e) => onChange({ ...draft, id: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.matches} className="block text-sm font-medium">
            {t('adapters.matches')}
          </label>
          <input
            id={ids.matches}
            className={`${input} font-mono`}
            value={draft.matches.join(' ')}
            aria-describedby={`${ids.matches}-help`}
            readOnly
          />
          <p id={`${ids.matches}-help`} className="mt-1 text-xs text-slate-700">
            {t('advanced.matchesHelp')}
          </p>
        </div>
      </div>
      <div className="mt-2 flex items-start gap-2">
        <input
          id={ids.spa}
          type="checkbox"
          className="mt-1"
          checked={draft.spa}
          aria-describedby={`${ids.spa}-help`}
          onChange={(e) => onChange({ ...draft, spa: e.target.checked })}
        />
        <div>
          <label htmlFor={ids.spa} className="text-sm">
            {t('adapters.spa')}
          </label>
          <p id={`${ids.spa}-help`} className="text-xs text-slate-700">
            {t('advanced.spaHelp')}
          </p>
        </div>
      </div>
      <p className="mt-3 text-xs text-slate-700">{t('advanced.selectorHelp')}</p>
      {rows.some((row) => row.key === 'scope') && (
        <p className="mt-1 text-xs text-slate-700">{t('advanced.scopeHelp')}</p>
      )}
      <SelectorTable rows={selectorRows} onChange={onChange} />
    </details>
  );
}

/** A row of the selector table: the field, its selector, and the adapter with a new one. */
interface SelectorRow {
  key: string;
  label: string;
  value: string;
  set(value: string): Adapter;
}

function SelectorTable({ rows, onChange }: { rows: SelectorRow[]; onChange(draft: Adapter): void }) {
  const t = useT();
  return (
    <FieldTable className="mt-2" heading={t('adapters.selector')}>
      {rows.map((row) => (
        <tr key={row.key} className="border-t border-slate-200" data-testid={`adapter-selector-${row.key}`}>
          <th scope="row" className="py-1 pr-2 text-left font-medium">
            {row.label}
          </th>
          <td className="py-1">
            <input
              id={`sel-${row.key}`}
              className={`${input} font-mono`}
              aria-label={t('advanced.selectorFor', { field: row.label })}
              value={row.value}
              onChange={(e) => onChange(row.set(e.target.value))}
            />
          </td>
        </tr>
      ))}
    </FieldTable>
  );
}

function InvalidAdapter({ errors }: { errors: string[] }) {
  const t = useT();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mt-3 rounded border-l-4 border-red-600 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{t('adapters.invalid')}</p>
      <ul className="ml-5 list-disc">
        {errors.map((e) => (
          <li key={e}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
