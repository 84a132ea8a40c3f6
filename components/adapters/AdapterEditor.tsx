import { useId, useState } from 'react';
import { z } from '@/lib/zod';
import { parseCpr, findCprs, maskCpr } from '@/lib/cpr/cpr';
import { adapterSchema, type Adapter } from '@/lib/host/adapter';
import { CITIZEN_FIELD_IDS } from '@/lib/host/citizen-fields';
import type { MessageKey } from '@/lib/i18n/messages';
import type { ProbeResult } from '@/lib/adapters/probe';
import { useT } from '../panel/panel-context';
import { adapterReaders, targetKey } from './readers';
import { useProbe } from './use-probe';

const input = 'w-full rounded border border-slate-400 px-2 py-1 text-sm';

type RowKey = 'cpr' | 'name' | (typeof CITIZEN_FIELD_IDS)[number] | 'journal';
const ROWS: { key: RowKey; label: MessageKey }[] = [
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

function readerOf(draft: Adapter, key: RowKey): string {
  if (key === 'cpr' || key === 'name') return draft.citizen[key].selector;
  if (key === 'journal') return draft.journal[0]?.selector ?? '';
  return draft.citizen.fields[key]?.selector ?? '';
}

function withSelector(draft: Adapter, key: RowKey, selector: string): Adapter {
  if (key === 'cpr' || key === 'name')
    return { ...draft, citizen: { ...draft.citizen, [key]: { ...draft.citizen[key], selector } } };
  if (key === 'journal') return withTarget(draft, 0, { selector });
  const fields = { ...draft.citizen.fields };
  if (selector) fields[key] = { ...fields[key], selector };
  else delete fields[key];
  return { ...draft, citizen: { ...draft.citizen, fields } };
}

/** Changes one insert target and keeps the others; a target without a selector is dropped. */
function withTarget(draft: Adapter, i: number, change: Partial<Adapter['journal'][number]>): Adapter {
  const journal = [...draft.journal];
  journal[i] = { selector: '', label: `Journal ${i + 1}`, ...journal[i], ...change };
  return { ...draft, journal: journal.filter((target) => target.selector) };
}

/** The picked adapter before it is saved: every selector editable, each showing live what it reads. */
export function AdapterEditor({
  initial,
  tabId,
  origin,
  onSave,
  onCancel,
}: {
  initial: Adapter;
  tabId: number;
  origin: string;
  onSave(adapter: Adapter): Promise<void>;
  onCancel(): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const probe = useProbe(tabId, adapterReaders(draft));
  const ids = { name: useId(), id: useId(), matches: useId(), spa: useId(), label: useId() };

  const save = async () => {
    const parsed = adapterSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setErrors([]);
    await onSave(parsed.data).catch((e: unknown) =>
      setErrors([e instanceof z.ZodError ? z.prettifyError(e) : String(e)]),
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
      <div className="mt-2 grid grid-cols-2 gap-3">
        <div>
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
        <div>
          <label htmlFor={ids.id} className="block text-sm font-medium">
            {t('adapters.id')}
          </label>
          <input
            id={ids.id}
            className={input}
            value={draft.id}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.matches} className="block text-sm font-medium">
            {t('adapters.matches')}
          </label>
          <input id={ids.matches} className={`${input} font-mono`} value={draft.matches.join(' ')} readOnly />
        </div>
        <div className="flex items-end gap-2">
          <input
            id={ids.spa}
            type="checkbox"
            checked={draft.spa}
            onChange={(e) => setDraft({ ...draft, spa: e.target.checked })}
          />
          <label htmlFor={ids.spa} className="text-sm">
            {t('adapters.spa')}
          </label>
        </div>
      </div>
      <table className="mt-3 w-full text-sm">
        <thead>
          <tr className="text-left">
            <th className="py-1 pr-2">{t('adapters.field')}</th>
            <th className="py-1 pr-2">{t('adapters.selector')}</th>
            <th className="py-1">{t('adapters.reads')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className="border-t border-slate-200" data-testid={`adapter-row-${row.key}`}>
              <th scope="row" className="py-1 pr-2 text-left font-medium">
                <label htmlFor={`sel-${row.key}`}>{t(row.label)}</label>
              </th>
              <td className="py-1 pr-2">
                <input
                  id={`sel-${row.key}`}
                  className={`${input} font-mono`}
                  value={readerOf(draft, row.key)}
                  onChange={(e) => setDraft(withSelector(draft, row.key, e.target.value))}
                />
              </td>
              <td className="py-1" data-testid="reads">
                {readerOf(draft, row.key) ? <ProbeCell row={row.key} result={probe?.[row.key]} /> : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draft.journal.map((target, i) => (
        <div key={i} className="mt-2 grid grid-cols-2 gap-3" data-testid={`adapter-target-${i + 1}`}>
          <div>
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
          {i > 0 && (
            <div>
              <label htmlFor={`sel-${targetKey(i)}`} className="block text-sm font-medium">
                {t('adapters.selector')}
              </label>
              <input
                id={`sel-${targetKey(i)}`}
                className={`${input} font-mono`}
                value={target.selector}
                onChange={(e) => setDraft(withTarget(draft, i, { selector: e.target.value }))}
              />
              <span className="text-sm" data-testid="reads">
                <ProbeCell row="journal" result={probe?.[targetKey(i)]} />
              </span>
            </div>
          )}
        </div>
      ))}
      {origin.startsWith('http:') && (
        <p role="note" className="mt-3 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950">
          {t('adapters.unencrypted')}
        </p>
      )}
      {errors.length > 0 && (
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
      )}
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
