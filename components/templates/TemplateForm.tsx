import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { checklistNoteLines, unresolvedRequired } from '@/lib/checklists/run';
import type { MessageKey } from '@/lib/i18n/messages';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { loadCaseworkerName } from '@/lib/panel/preferences';
import {
  initialValues,
  isEmpty,
  isVisible,
  missingRequired,
  renderNote,
  validityOn,
  type PrefillContext,
} from '@/lib/templates/form';
import { migrateDraftValues } from '@/lib/templates/migrate';
import type { Template } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { insertFailure, useInsertFlow } from '@/components/ui/use-insert-flow';
import { FieldInput, fieldDomId } from '@/components/ui/FieldInput';
import { useFormDraft } from './use-form-draft';

type Status = { tone: 'ok' | 'warning' | 'error'; key: MessageKey; params?: Record<string, string> } | null;

const toDanishDate = (iso: string) => iso.split('-').reverse().join('.');

export function TemplateForm({
  template,
  citizen,
  citizenKey,
  onBack,
  onInserted,
}: {
  template: Template;
  citizen: CitizenOnPage;
  citizenKey: string;
  onBack(): void;
  onInserted(): void;
}) {
  const t = useT();
  const { repository, host } = usePanelServices();
  const [caseworkerName, setCaseworkerName] = useState<string | null>(null);
  useEffect(() => {
    void loadCaseworkerName().then(setCaseworkerName);
  }, []);
  return caseworkerName === null ? null : (
    <FilledForm
      {...{ template, citizen, citizenKey, onBack, onInserted, repository, host }}
      context={{
        'citizen.name': citizen.name,
        'citizen.cpr': citizen.cpr,
        'citizen.malgruppe': citizen.facts.malgruppe,
        'citizen.ydelse': citizen.facts.ydelse,
        'citizen.naesteMoede': citizen.facts.naesteMoede,
        'caseworker.name': caseworkerName,
      }}
      t={t}
    />
  );
}

function FilledForm({
  template,
  citizenKey,
  onBack,
  onInserted,
  repository,
  context,
  t,
}: {
  template: Template;
  citizenKey: string;
  onBack(): void;
  onInserted(): void;
  context: PrefillContext;
  t: ReturnType<typeof useT>;
} & ReturnType<typeof usePanelServices>) {
  const draft = useFormDraft(
    repository,
    citizenKey,
    template.id,
    () => initialValues(template, context),
    (values, version) => migrateDraftValues(template, values, version),
  );
  const flow = useInsertFlow({ rememberAs: template.id, prefer: template.target ?? 'journal' });
  const [status, setStatus] = useState<Status>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const values = draft.values;
  const [confirmedAnyway, setConfirmedAnyway] = useState(false);
  // A checklist in progress for this citizen that writes into this template's note.
  const linked = useLiveQuery(async () => {
    for (const run of await repository.checklistRuns.list(citizenKey)) {
      if (run.finishedAt !== null) continue;
      const checklist = await repository.checklistRuns.checklistOf(run);
      if (checklist?.templateId === template.id) return { run, checklist };
    }
    return null;
  }, [repository, citizenKey, template.id]);
  // An item linked to a field counts as done once the caseworker has answered that field
  // (or the field is hidden: it does not apply).
  const answered = (fieldId: string) => {
    const field = template.fields.find((f) => f.id === fieldId);
    return !!values && !!field && (!isVisible(template, field, values) || !isEmpty(values[fieldId]));
  };
  const unresolved = linked ? unresolvedRequired(linked.checklist, linked.run, answered) : [];
  // What the inserted note records: a visible field with a value other than "no" ticks its item.
  const affirmed = (fieldId: string) => {
    const field = template.fields.find((f) => f.id === fieldId);
    const value = values?.[fieldId];
    return !!values && !!field && isVisible(template, field, values) && !isEmpty(value) && value !== false;
  };
  const note = useMemo(() => {
    if (!values) return '';
    const lines = linked ? checklistNoteLines(linked.checklist, linked.run) : [];
    return [renderNote(template, values), lines.join('\n')].filter(Boolean).join('\n\n');
  }, [template, values, linked]);
  const missing = useMemo(() => (values ? missingRequired(template, values) : []), [template, values]);
  const validity = validityOn(template);

  if (!values) return null;

  const insert = async () => {
    setAttempted(true);
    if (missing.length > 0) {
      document.getElementById(fieldDomId(missing[0]!.id))?.focus();
      return;
    }
    // Unresolved required checklist items: warn first; a second press inserts anyway.
    if (unresolved.length > 0 && !confirmedAnyway) {
      setConfirmedAnyway(true);
      return;
    }
    setBusy(true);
    setStatus(null);
    // The form as inserted: anything typed from here on is kept (draft.discard).
    const inserted = values;
    try {
      await flow.run(note, async ({ outcome, target, status: next }) => {
        setStatus(next);
        await repository.history.templateInserted(citizenKey, template, target);
        if (linked) {
          // A field the caseworker answered ticks its item; "Notatet er indsat i journalfeltet"
          // is ticked only by an insertion read back in the host's field.
          const ticked = linked.checklist.items.filter(
            (i) =>
              !linked.run.items[i.id] &&
              ((i.field && affirmed(i.field)) || (i.tickedBy === 'inserted' && outcome === 'inserted')),
          );
          for (const item of ticked) await repository.checklistRuns.setItem(linked.run.id, item.id, { state: 'done' });
          await repository.checklistRuns.finish(linked.run.id);
        }
        setConfirmedAnyway(false);
        if (await draft.discard(inserted)) setAttempted(false);
        onInserted();
      });
    } catch (e) {
      setStatus(insertFailure(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-labelledby="template-title"
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void insert();
        }
      }}
    >
      <button type="button" className="text-sm text-sky-800 underline hover:text-sky-950" onClick={onBack}>
        ← {t('templates.back')}
      </button>
      <h2 id="template-title" className="mt-2 text-base font-semibold">
        {template.title}
      </h2>
      <p className="text-xs text-slate-700">
        <span className="font-medium">{t('templates.legalBasis')}:</span> {template.legalBasis}{' '}
        <a className="text-sky-800 underline" href={template.sourceUrl} target="_blank" rel="noreferrer noopener">
          {t('templates.source')}
        </a>{' '}
        ({t('templates.checked', { date: toDanishDate(template.checkedAt) })})
      </p>
      {validity.status !== 'valid' && (
        <p role="alert" className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm">
          {validity.status === 'expired'
            ? t('templates.expired', { date: toDanishDate(validity.on) })
            : t('templates.notYet', { date: toDanishDate(validity.from) })}
        </p>
      )}

      {template.fields
        .filter((f) => isVisible(template, f, values))
        .map((f) => (
          <FieldInput
            key={f.id}
            field={f}
            value={values[f.id]}
            invalid={attempted && missing.includes(f)}
            onChange={(v) => draft.set(f.id, v)}
          />
        ))}

      <h3 className="mt-4 text-sm font-semibold" id="preview-heading">
        {t('templates.preview')}
      </h3>
      {/* Focusable so keyboard users can scroll a long preview. */}
      <pre
        tabIndex={0}
        aria-labelledby="preview-heading"
        data-testid="template-preview"
        className="mt-1 max-h-72 overflow-y-auto rounded border border-slate-300 bg-slate-50 p-2 font-sans text-sm break-words whitespace-pre-wrap"
      >
        {note}
      </pre>

      {missing.length > 0 && (
        <p className="mt-2 text-sm text-red-800" data-testid="template-missing" role={attempted ? 'alert' : undefined}>
          {t('templates.missing', { fields: missing.map((f) => f.label).join(', ') })}
        </p>
      )}
      {linked && unresolved.length > 0 && (
        <p
          className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950"
          role={confirmedAnyway ? 'alert' : undefined}
          data-testid="checklist-warning"
        >
          {t('checklists.warnRequired', {
            title: linked.checklist.title,
            items: unresolved.map((i) => i.title).join(', '),
          })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="submit"
          aria-disabled={missing.length > 0 || busy}
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 aria-disabled:bg-slate-500"
        >
          {busy
            ? t('templates.inserting')
            : confirmedAnyway && unresolved.length > 0
              ? t('checklists.insertAnyway')
              : t('templates.insert')}
        </button>
        {draft.hasDraft && (
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={() => void draft.discard()}
          >
            {t('templates.discard')}
          </button>
        )}
        <span className="text-xs text-slate-600">{t('templates.draftSaved')}</span>
      </div>
      {flow.targetLine}
      {flow.chooser}
      {draft.error && <SaveError failure={draft.error} onRetry={() => void draft.flush()} />}
      <div role="status" className="mt-2 text-sm" data-testid="template-status">
        {status && (
          <p
            className={`rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : status.tone === 'warning' ? 'bg-amber-50 text-amber-900' : 'bg-red-50 text-red-900'}`}
          >
            {t(status.key, status.params)}
          </p>
        )}
      </div>
    </form>
  );
}
