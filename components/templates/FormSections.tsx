import type { ReactNode } from 'react';
import type { ChecklistItem } from '@/lib/checklists/schema';
import { validityOn } from '@/lib/templates/form';
import type { Template, TemplateField } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { firstClickOnly } from '@/components/ui/input-modality';
import { OptionsLink } from '@/components/ui/OptionsLink';
import { TemplateBasis } from '@/components/ui/TemplateBasis';
import { NEXT_MISSING_KEY } from './next-missing';

/** The template form's fixed parts around its fields: heading, source, preview, warnings and footer. */

const toDanishDate = (iso: string) => iso.split('-').reverse().join('.');

/** The way back, the template's title, and whether a shortcut in the host's field opened it. */
export function FormHeading({ title, aimed, onBack }: { title: string; aimed: boolean; onBack(): void }) {
  const t = useT();
  return (
    <>
      <button type="button" className="text-sm text-sky-800 underline hover:text-sky-950" onClick={onBack}>
        ← {t('templates.back')}
      </button>
      <h2 id="template-title" className="mt-2 text-base font-semibold">
        {title}
      </h2>
      {aimed && (
        <p className="mt-1 text-xs text-sky-900" data-testid="template-aimed">
          {t('shortcut.aimed')}
        </p>
      )}
    </>
  );
}

/** The template's legal basis and source, and a warning when it is not in force today. */
export function TemplateSource({ template }: { template: Template }) {
  const t = useT();
  const validity = validityOn(template);
  return (
    <>
      <TemplateBasis template={template} />
      {validity.status !== 'valid' && (
        <p role="alert" className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm">
          {validity.status === 'expired'
            ? t('templates.expired', { date: toDanishDate(validity.on) })
            : t('templates.notYet', { date: toDanishDate(validity.from) })}
        </p>
      )}
    </>
  );
}

/**
 * A field filled with the caseworker's name while none is saved: where to save it,
 * so it is not typed in every note (the first run never asks for it).
 */
export function NameHint({ template, name }: { template: Template; name: string | undefined }) {
  const t = useT();
  const field = template.fields.find((f) => f.prefill === 'caseworker.name');
  if (name || !field) return null;
  return (
    <p className="mt-2 text-xs text-slate-700" data-testid="name-hint">
      {t('templates.nameHint', { label: field.label })} <OptionsLink>{t('templates.nameHint.open')}</OptionsLink>
    </p>
  );
}

/** The note as it will be inserted. */
export function NotePreview({ note }: { note: string }) {
  const t = useT();
  return (
    <>
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
    </>
  );
}

/** What stands in the way of inserting: required fields still empty, required checklist items still open. */
export function FormWarnings({
  missing,
  attempted,
  checklistTitle,
  earlierChecklist,
  unresolved,
  confirmedAnyway,
}: {
  missing: TemplateField[];
  attempted: boolean;
  /** The linked checklist in progress, if any. */
  checklistTitle: string | undefined;
  /** An unfinished checklist of an earlier meeting, not written into this note. */
  earlierChecklist: string | null;
  unresolved: ChecklistItem[];
  confirmedAnyway: boolean;
}) {
  const t = useT();
  return (
    <>
      {attempted && missing.length > 0 && (
        <p className="mt-2 text-sm text-red-800" data-testid="template-missing" role="alert">
          {t('templates.missing', { fields: missing.map((f) => f.label).join(', ') })}
        </p>
      )}
      {earlierChecklist !== null && (
        <p className="mt-2 text-sm text-slate-700" data-testid="checklist-earlier-note">
          {t('checklists.earlierInForm', { title: earlierChecklist })}
        </p>
      )}
      {checklistTitle !== undefined && unresolved.length > 0 && (
        <p
          className="mt-2 rounded border-l-4 border-amber-500 bg-amber-50 p-2 text-sm text-amber-950"
          role={confirmedAnyway ? 'alert' : undefined}
          data-testid="checklist-warning"
        >
          {t('checklists.warnRequired', {
            title: checklistTitle,
            items: unresolved.map((i) => i.title).join(', '),
          })}
        </p>
      )}
    </>
  );
}

/**
 * Sticky: where the note goes, what is missing and the insert button stay in
 * view. `onCancel` and `onDiscard` show their buttons when given;
 * `firstMissing` a button to the first required field still missing (also
 * Alt+N anywhere in the form), after the others so it adds no Tab stop on
 * the way to "Indsæt".
 */
export function FormFooter({
  targetLine,
  chooser,
  missingCount,
  firstMissing,
  busy,
  insertAnyway,
  draftFailing,
  onCancel,
  onDiscard,
}: {
  targetLine: ReactNode;
  chooser: ReactNode;
  missingCount: number;
  firstMissing?: { label: string; go(): void };
  busy: boolean;
  /** Open required checklist items were warned about: the next press inserts anyway. */
  insertAnyway: boolean;
  /** The draft's last save failed (the form says why): "saved automatically" would not be true. */
  draftFailing: boolean;
  onCancel?(): void;
  onDiscard?(): void;
}) {
  const t = useT();
  return (
    <div
      className="sticky bottom-0 z-10 -mx-1 mt-3 border-t border-slate-300 bg-white px-1 pt-1 pb-2"
      data-testid="template-footer"
    >
      {targetLine}
      <p className="mt-1 text-xs text-slate-700" data-testid="template-missing-count">
        {missingCount > 0 ? t('templates.missingCount', { count: missingCount }) : t('templates.allFilled')}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <button
          type="submit"
          aria-disabled={missingCount > 0 || busy}
          onClick={firstClickOnly}
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 aria-disabled:bg-slate-500"
        >
          {busy ? t('templates.inserting') : insertAnyway ? t('checklists.insertAnyway') : t('templates.insert')}
        </button>
        {onCancel && (
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={onCancel}
          >
            {t('shortcut.cancel')}
          </button>
        )}
        {onDiscard && (
          <button
            type="button"
            className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
            onClick={onDiscard}
          >
            {t('templates.discard')}
          </button>
        )}
        {firstMissing && (
          <button
            type="button"
            className="max-w-full truncate text-left text-xs text-sky-800 underline hover:text-sky-950"
            aria-keyshortcuts={NEXT_MISSING_KEY}
            data-testid="template-next-missing"
            onClick={firstMissing.go}
          >
            {t('templates.nextMissing', { label: firstMissing.label, key: NEXT_MISSING_KEY })}
          </button>
        )}
        {!draftFailing && <span className="text-xs text-slate-600">{t('templates.draftSaved')}</span>}
      </div>
      {chooser}
    </div>
  );
}
