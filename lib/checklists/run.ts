import type { ChecklistRunRecord } from '../db/records';
import type { Translate } from '../i18n/i18n';
import type { Checklist, ChecklistItem } from './schema';

/**
 * The sentences the ticked items add to the note, in checklist order. An item
 * linked to a template field or ticked by the panel writes nothing: the
 * template says that fact once.
 */
export function checklistNoteLines(checklist: Checklist, run: ChecklistRunRecord): string[] {
  return checklist.items
    .filter((i) => run.items[i.id]?.state === 'done' && i.noteText && !i.field && !i.tickedBy)
    .map((i) => i.noteText!);
}

/**
 * Required items not yet resolved before inserting: neither ticked nor marked
 * not relevant, nor (for an item linked to a field) answered in the form.
 * `answered` says whether the linked template field has a value the caseworker
 * can see; an item ticked by the panel after inserting is never asked for.
 */
export function unresolvedRequired(
  checklist: Checklist,
  run: ChecklistRunRecord,
  answered: (fieldId: string) => boolean = () => false,
): ChecklistItem[] {
  return checklist.items.filter(
    (i) => i.required && !i.tickedBy && !run.items[i.id] && !(i.field && answered(i.field)),
  );
}

export interface ChecklistCounts {
  /** Ticked, by hand or by the panel. */
  done: number;
  /** Marked not relevant: resolved, but not ticked. */
  na: number;
  total: number;
}

/** How far a run is, counting only the checklist's own items. */
export function checklistCounts(checklist: Checklist, run: ChecklistRunRecord): ChecklistCounts {
  const states = checklist.items.map((i) => run.items[i.id]?.state);
  return {
    done: states.filter((s) => s === 'done').length,
    na: states.filter((s) => s === 'na').length,
    total: checklist.items.length,
  };
}

/** "6 af 12 afkrydset, 2 ikke relevante"; the not-relevant part only when there is one. */
export function checklistProgress(t: Translate, counts: ChecklistCounts): string {
  return t(counts.na > 0 ? 'checklists.progressNa' : 'checklists.progress', { ...counts });
}

/**
 * Whether a moment falls on the local calendar day of another (today). A checklist run is
 * the record of one meeting: a run begun on another day writes nothing into
 * today's note (components/templates/use-linked-checklist.ts), since its ticks
 * say what happened then.
 */
export const sameDay = (a: number, b: number = Date.now()): boolean =>
  new Date(a).toDateString() === new Date(b).toDateString();
