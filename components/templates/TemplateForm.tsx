import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
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
import { fieldDomId } from '@/components/ui/FieldInput';
import { lastInputByKeyboard } from '@/components/ui/input-modality';
import { FieldSections, InsertedState, StatusLine } from './FormParts';
import { useFormDraft } from './use-form-draft';
import { countQuietly } from '@/lib/usage/repository';
import { useUsageMeter } from './use-usage-meter';
import { ShortcutLine } from './ShortcutLine';

/** A form opened from a shortcut in a host field: the target it goes into, and the field script's request. */
export interface Aim {
  target: string;
  /** Until the note is inserted: leaving the form puts the shortcut back into the field. */
  requestId?: string;
}

type Status = { tone: 'ok' | 'warning' | 'error'; key: MessageKey; params?: Record<string, string> } | null;

const toDanishDate = (iso: string) => iso.split('-').reverse().join('.');

export function TemplateForm({
  template,
  citizen,
  citizenKey,
  aim,
  personal,
  templates,
  onBack,
  onInserted,
}: {
  template: Template;
  citizen: CitizenOnPage;
  citizenKey: string;
  aim?: Aim;
  /** The caseworker's own shortcuts, and every template (to check a new one against). */
  personal: Record<string, string>;
  templates: Template[];
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
      {...{ template, citizen, citizenKey, aim, personal, templates, onBack, onInserted, repository, host }}
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
  citizen,
  citizenKey,
  aim,
  personal,
  templates,
  onBack,
  onInserted,
  repository,
  context,
  t,
}: {
  template: Template;
  citizen: CitizenOnPage;
  citizenKey: string;
  aim?: Aim;
  personal: Record<string, string>;
  templates: Template[];
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
  const flow = useInsertFlow({
    rememberAs: template.id,
    prefer: template.target ?? 'journal',
    aim: aim?.target,
    citizen,
    template: template.id,
  });
  // Keys, clicks and time in this form, for the usage count (no text: lib/usage).
  const meter = useUsageMeter(repository.usage, citizenKey, template.id, {
    loaded: draft.values !== null,
    hadDraft: draft.hasDraft,
  });
  const [status, setStatus] = useState<Status>(null);
  const [attempted, setAttempted] = useState(false);
  // Fields the caseworker has left: only these (or all, once insert was pressed) show as invalid.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // Set once the note is delivered: the form gives way to what went where.
  const [delivered, setDelivered] = useState<NonNullable<Status> | null>(null);
  const [busy, setBusy] = useState(false);
  // Opened by keyboard from the list: the first empty required field takes focus once (issue 30, item 4).
  const [focusFirst, setFocusFirst] = useState(lastInputByKeyboard);
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
        await meter.templateUsed(template, note);
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
          const items = { ...linked.run.items };
          for (const item of ticked) items[item.id] = { state: 'done', at: 0 };
          await countQuietly(() => repository.usage.checklistUsed({ ...linked.run, items }, linked.checklist));
        }
        setConfirmedAnyway(false);
        if (await draft.discard(inserted)) {
          setAttempted(false);
          setTouched(new Set());
        }
        setDelivered(next);
        onInserted();
      });
    } catch (e) {
      setStatus(insertFailure(e));
    } finally {
      setBusy(false);
    }
  };

  // Opened from a shortcut: the first required field that is still empty takes focus;
  // a template with no required field goes in at once.
  const required = template.fields.filter((f) => f.required && isVisible(template, f, values));
  const firstRequired = required.find((f) => isEmpty(values[f.id])) ?? required[0];

  if (delivered)
    return (
      <InsertedState
        title={template.title}
        status={delivered}
        onBack={onBack}
        onNewDraft={() => {
          setFocusFirst(false);
          setDelivered(null);
          setStatus(null);
          setAttempted(false);
          setTouched(new Set());
          // The first field shown: the first required one (required fields come first).
          const shown = template.fields.filter((f) => isVisible(template, f, values));
          const first = shown.find((f) => f.required) ?? shown[0];
          requestAnimationFrame(() => first && document.getElementById(fieldDomId(first.id))?.focus());
        }}
      />
    );

  return (
    <form
      aria-labelledby="template-title"
      {...meter.handlers}
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void insert();
        } else if (e.key === 'Escape' && aim?.requestId) {
          // Back to the host's field, with the shortcut as it was typed.
          e.preventDefault();
          onBack();
        }
      }}
    >
      <button type="button" className="text-sm text-sky-800 underline hover:text-sky-950" onClick={onBack}>
        ← {t('templates.back')}
      </button>
      <h2 id="template-title" className="mt-2 text-base font-semibold">
        {template.title}
      </h2>
      {aim && (
        <p className="mt-1 text-xs text-sky-900" data-testid="template-aimed">
          {t('shortcut.aimed')}
        </p>
      )}
      <ShortcutLine template={template} personal={personal} templates={templates} />
      {(aim || focusFirst) && (
        <WhenAimed focusId={firstRequired ? fieldDomId(firstRequired.id) : null} onInsert={aim ? insert : noInsert} />
      )}
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

      <FieldSections
        template={template}
        values={values}
        missing={missing}
        attempted={attempted}
        touched={touched}
        onTouch={(id) => setTouched((prev) => (prev.has(id) ? prev : new Set(prev).add(id)))}
        onChange={(id, v) => draft.set(id, v)}
      />

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

      {attempted && missing.length > 0 && (
        <p className="mt-2 text-sm text-red-800" data-testid="template-missing" role="alert">
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
      {/* Sticky: where the note goes, what is missing and the insert button stay in view. */}
      <div
        className="sticky bottom-0 z-10 -mx-1 mt-3 border-t border-slate-300 bg-white px-1 pt-1 pb-2"
        data-testid="template-footer"
      >
        {flow.targetLine}
        <p className="mt-1 text-xs text-slate-700" data-testid="template-missing-count">
          {missing.length > 0 ? t('templates.missingCount', { count: missing.length }) : t('templates.allFilled')}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
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
          {aim?.requestId && (
            <button
              type="button"
              className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
              onClick={onBack}
            >
              {t('shortcut.cancel')}
            </button>
          )}
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
        {flow.chooser}
      </div>
      {draft.error && <SaveError failure={draft.error} onRetry={() => void draft.flush()} />}
      <StatusLine status={status} />
    </form>
  );
}

const noInsert = () => Promise.resolve();

/** Once, as a form appears: focus its first required field; opened from a shortcut, with none, insert at once. */
function WhenAimed({ focusId, onInsert }: { focusId: string | null; onInsert(): Promise<void> }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    if (focusId) document.getElementById(focusId)?.focus();
    else void onInsert();
  }, [focusId, onInsert]);
  return null;
}
