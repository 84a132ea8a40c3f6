import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { checklistNoteLines } from '@/lib/checklists/run';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { loadCaseworkerName } from '@/lib/panel/preferences';
import {
  initialValues,
  isEmpty,
  isVisible,
  missingRequired,
  renderNote,
  type FormValues,
  type PrefillContext,
} from '@/lib/templates/form';
import { migrateDraftValues } from '@/lib/templates/migrate';
import type { Template, TemplateField } from '@/lib/templates/schema';
import { usePanelServices, type PanelServices } from '@/components/ui/panel-services';
import { SaveError } from '@/components/ui/SaveError';
import { copyWhileSeen, useInsertFlow } from '@/components/ui/use-insert-flow';
import { fieldDomId } from '@/components/ui/FieldInput';
import { lastInputByKeyboard } from '@/components/ui/input-modality';
import { FieldSections, InsertedState, StatusLine } from './FormParts';
import { FormFooter, FormHeading, FormWarnings, NameHint, NotePreview, TemplateSource } from './FormSections';
import { useFormDraft } from './use-form-draft';
import { useFormInsert } from './use-form-insert';
import { useLinkedChecklist } from './use-linked-checklist';
import { ShortcutLine } from './ShortcutLine';
import { focusField, focusFirstMissing, isNextMissingKey } from './next-missing';

/** A form opened from a shortcut in a host field: the target it goes into, and the field script's request. */
export interface Aim {
  target: string;
  /** Until the note is inserted: leaving the form puts the shortcut back into the field. */
  requestId?: string;
}

interface TemplateFormProps {
  template: Template;
  citizen: CitizenOnPage;
  citizenKey: string;
  aim?: Aim;
  /** The caseworker's own shortcuts, and every template (to check a new one against). */
  personal: Record<string, string>;
  templates: Template[];
  onBack(): void;
  onInserted(): void;
  /** After an insertion, "Ny kladde" was pressed: the form is open again. */
  onNewDraft?(): void;
  /** Open again on coming back to the tab: focus stays where the caseworker is (the tab list). */
  restored?: boolean;
}

export function TemplateForm(props: TemplateFormProps) {
  const { citizen } = props;
  const { repository, host } = usePanelServices();
  const [caseworkerName, setCaseworkerName] = useState<string | null>(null);
  useEffect(() => {
    void loadCaseworkerName().then(setCaseworkerName);
  }, []);
  return caseworkerName === null ? null : (
    <FilledForm
      {...props}
      repository={repository}
      host={host}
      context={{
        'citizen.name': citizen.name,
        'citizen.cpr': citizen.cpr,
        'citizen.malgruppe': citizen.facts.malgruppe,
        'citizen.ydelse': citizen.facts.ydelse,
        'citizen.naesteMoede': citizen.facts.naesteMoede,
        'caseworker.name': caseworkerName,
      }}
    />
  );
}

interface FilledFormProps extends TemplateFormProps, PanelServices {
  context: PrefillContext;
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
  onNewDraft,
  restored,
  repository,
  host,
  context,
}: FilledFormProps) {
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
  // Opened by keyboard from the list: the first empty required field takes focus once (issue 30, item 4).
  const [focusFirst, setFocusFirst] = useState(() => !restored && lastInputByKeyboard());
  const values = draft.values;
  const checklist = useLinkedChecklist(repository, citizenKey, template, values);
  const { linked, unresolved } = checklist;
  const note = useMemo(() => {
    if (!values) return '';
    const lines = linked ? checklistNoteLines(linked.checklist, linked.run) : [];
    return [renderNote(template, values), lines.join('\n')].filter(Boolean).join('\n\n');
  }, [template, values, linked]);
  const missing = useMemo(() => (values ? missingRequired(template, values) : []), [template, values]);
  const { insert, startAgain, handlers, status, attempted, touched, setTouched, delivered, busy, confirmedAnyway } =
    useFormInsert({ repository, citizenKey, template, draft, note, missing, checklist, flow, onInserted });

  if (!values) return null;

  const firstRequired = firstRequiredField(template, values);

  if (delivered)
    return (
      <InsertedState
        title={template.title}
        status={delivered.status}
        notRecorded={delivered.notRecorded}
        copied={delivered.copied}
        onCopyAgain={(text) => copyWhileSeen(host, text)}
        onBack={onBack}
        onNewDraft={() => {
          setFocusFirst(false);
          startAgain();
          onNewDraft?.();
          focusFirstField(template, values);
        }}
      />
    );

  return (
    <form
      aria-labelledby="template-title"
      {...handlers}
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
      onKeyDown={(e) => formKey(e, { insert, missing, onEscape: aim?.requestId ? onBack : undefined })}
    >
      <FormHeading title={template.title} aimed={!!aim} onBack={onBack} />
      <ShortcutLine template={template} personal={personal} templates={templates} />
      {(aim || focusFirst) && (
        <WhenAimed focusId={firstRequired ? fieldDomId(firstRequired.id) : null} onInsert={aim ? insert : noInsert} />
      )}
      <TemplateSource template={template} />
      <NameHint template={template} name={context['caseworker.name']} />

      <FieldSections
        template={template}
        values={values}
        missing={missing}
        attempted={attempted}
        touched={touched}
        onTouch={(id) => setTouched((prev) => (prev.has(id) ? prev : new Set(prev).add(id)))}
        onChange={(id, v) => draft.set(id, v)}
      />

      <NotePreview note={note} />
      <FormWarnings
        missing={missing}
        attempted={attempted}
        checklistTitle={linked?.checklist.title}
        earlierChecklist={checklist.earlier}
        unresolved={unresolved}
        confirmedAnyway={confirmedAnyway}
      />
      <FormFooter
        targetLine={flow.targetLine}
        chooser={flow.chooser}
        missingCount={missing.length}
        firstMissing={missing[0] && { label: missing[0].label, go: () => focusFirstMissing(document, missing) }}
        busy={busy}
        insertAnyway={confirmedAnyway && unresolved.length > 0}
        draftFailing={!!draft.error}
        onCancel={aim?.requestId ? onBack : undefined}
        onDiscard={draft.hasDraft ? () => void draft.discard() : undefined}
      />
      {draft.error && <SaveError failure={draft.error} onRetry={() => void draft.flush()} />}
      <StatusLine status={status} />
    </form>
  );
}

/**
 * The form's own keys: Ctrl+Enter inserts, Alt+N goes to the first required
 * field still missing, from anywhere in the form; Escape, when given
 * `onEscape` (opened by a shortcut), goes back to the host's field with the
 * shortcut as it was typed.
 */
function formKey(
  e: KeyboardEvent<HTMLFormElement>,
  { insert, missing, onEscape }: { insert(): Promise<void>; missing: TemplateField[]; onEscape?(): void },
) {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void insert();
  // Nothing missing: the key is left to the browser (on a Mac, Option+N types a character).
  else if (isNextMissingKey(e)) {
    if (!focusFirstMissing(document, missing)) return;
  } else if (e.key === 'Escape' && onEscape) onEscape();
  else return;
  e.preventDefault();
}

/**
 * Opened from a shortcut: the first required field that is still empty takes
 * focus; a template with no required field goes in at once.
 */
function firstRequiredField(template: Template, values: FormValues) {
  const required = template.fields.filter((f) => f.required && isVisible(template, f, values));
  return required.find((f) => isEmpty(values[f.id])) ?? required[0];
}

/** A new draft: the first field shown takes focus, the first required one (required fields come first). */
function focusFirstField(template: Template, values: FormValues) {
  const shown = template.fields.filter((f) => isVisible(template, f, values));
  const first = shown.find((f) => f.required) ?? shown[0];
  requestAnimationFrame(() => first && focusField(document, fieldDomId(first.id)));
}

const noInsert = () => Promise.resolve();

/** Once, as a form appears: focus its first required field; opened from a shortcut, with none, insert at once. */
function WhenAimed({ focusId, onInsert }: { focusId: string | null; onInsert(): Promise<void> }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    if (focusId) focusField(document, focusId);
    else void onInsert();
  }, [focusId, onInsert]);
  return null;
}
