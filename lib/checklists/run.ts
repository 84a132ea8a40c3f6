import type { ChecklistRunRecord } from '../db/records';
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
