import { useRef, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Repositories } from '@/lib/repositories';
import type { Template, TemplateField } from '@/lib/templates/schema';
import { fieldDomId } from '@/components/ui/FieldInput';
import { insertFailure, WrongCitizenError, type useInsertFlow } from '@/components/ui/use-insert-flow';
import { afterwards } from '@/components/ui/Afterwards';
import { useT } from '@/components/ui/i18n';
import { saveFailureReason, type SaveFailure } from '@/lib/db/storage-errors';
import { usePanelStore } from '@/lib/panel/panel-store';
import type { Translate } from '@/lib/i18n/i18n';
import type { useFormDraft } from './use-form-draft';
import type { useLinkedChecklist } from './use-linked-checklist';
import { useUsageMeter } from './use-usage-meter';

export type Status = { tone: 'ok' | 'warning' | 'error'; key: MessageKey; params?: Record<string, string> } | null;

/**
 * A note refused for another citizen: the form's draft is written first, and the
 * line (and the panel's notice, RefusedNotice) says what became of it, as it is.
 */
async function refusedStatus(
  t: Translate,
  { citizen }: WrongCitizenError,
  draft: ReturnType<typeof useFormDraft>,
): Promise<NonNullable<Status>> {
  // The refusal this form's insertion made (use-insert-flow), before anything else can replace it.
  const refused = usePanelStore.getState().refused;
  const kept = await draft.keep();
  if (refused?.cpr === citizen.cpr) usePanelStore.getState().setRefusedDraft(refused, kept);
  const name = citizen.name;
  if (kept === 'kept') return { tone: 'error', key: 'insert.wrongCitizenKept', params: { name } };
  if (kept === 'none') return { tone: 'error', key: 'insert.wrongCitizen', params: { name } };
  return { tone: 'error', key: 'insert.wrongCitizenNotKept', params: { name, reason: saveFailureReason(t, kept) } };
}

/** A delivered note as the form shows it, with what could not be recorded after it. */
interface FormDelivered {
  status: NonNullable<Status>;
  notRecorded: SaveFailure | null;
  /** The note, when it went to the clipboard only: "Kopiér igen" has it (the draft is gone). */
  copied: { text: string; checkField: boolean } | null;
}

/**
 * Pressing insert: a required field still empty takes focus; open required
 * checklist items warn first, and a second press inserts anyway. Once the note
 * is delivered it is recorded in the history and the usage count (`handlers`
 * on the form count its keys and clicks), the linked checklist is finished, the
 * draft goes, and the form gives way to what went where (`delivered`, with
 * whatever of that failed).
 */
export function useFormInsert({
  repository,
  citizenKey,
  template,
  draft,
  note,
  missing,
  checklist,
  flow,
  onInserted,
}: {
  repository: Repositories;
  citizenKey: string;
  template: Template;
  draft: ReturnType<typeof useFormDraft>;
  note: string;
  missing: TemplateField[];
  checklist: ReturnType<typeof useLinkedChecklist>;
  flow: ReturnType<typeof useInsertFlow>;
  onInserted(): void;
}) {
  // Keys, clicks and time in this form, for the usage count (no text: lib/usage).
  const meter = useUsageMeter(repository.usage, citizenKey, template.id, {
    loaded: draft.values !== null,
    hadDraft: draft.hasDraft,
  });
  const [status, setStatus] = useState<Status>(null);
  const [attempted, setAttempted] = useState(false);
  // Fields the caseworker has left: only these (or all, once insert was pressed) show as invalid.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // Set once the note is delivered, with what could not be recorded after it (shown beside it).
  const [delivered, setDelivered] = useState<FormDelivered | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmedAnyway, setConfirmedAnyway] = useState(false);

  const values = draft.values;
  const { unresolved } = checklist;

  // One insertion at a time: a second press (Ctrl+Enter, a click) while one runs does nothing.
  const running = useRef(false);
  const t = useT();
  /** Not delivered; refused for another citizen, with what became of the draft. */
  const failed = async (e: unknown) =>
    setStatus(e instanceof WrongCitizenError ? await refusedStatus(t, e, draft) : insertFailure(e));

  const insert = async () => {
    // Not loaded yet: the form is not shown.
    if (!values || running.current) return;
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
    running.current = true;
    setBusy(true);
    setStatus(null);
    // The form as inserted: anything typed from here on is kept (draft.discard).
    const inserted = values;
    try {
      await flow.run(
        note,
        async ({ outcome, target, status: next }) => {
          setStatus(next);
          setConfirmedAnyway(false);
          // Delivered as `next` says, whatever fails from here (afterwards).
          const failed = await afterwards([
            () => repository.history.templateInserted(citizenKey, template, target),
            () => meter.templateUsed(template, note),
            () => checklist.finish(outcome),
            async () => {
              if (await draft.discard(inserted)) {
                setAttempted(false);
                setTouched(new Set());
              }
            },
          ]);
          setDelivered({
            status: next,
            notRecorded: failed,
            copied: outcome === 'inserted' ? null : { text: note, checkField: outcome === 'not-verified' },
          });
          onInserted();
        },
        failed,
      );
    } catch (e) {
      await failed(e);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  /** After a delivered note, a fresh form: no status, nothing touched. */
  const startAgain = () => {
    setDelivered(null);
    setStatus(null);
    setAttempted(false);
    setTouched(new Set());
  };

  return {
    insert,
    startAgain,
    handlers: meter.handlers,
    status,
    attempted,
    touched,
    setTouched,
    delivered,
    busy,
    confirmedAnyway,
  };
}
