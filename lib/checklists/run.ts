import type { ChecklistRunRecord } from '../db/records';
import type { Checklist, ChecklistItem } from './schema';

/** The sentences the ticked items add to the note, in checklist order. */
export function checklistNoteLines(checklist: Checklist, run: ChecklistRunRecord): string[] {
  return checklist.items.filter((i) => run.items[i.id]?.state === 'done' && i.noteText).map((i) => i.noteText!);
}

/** Required items neither ticked nor marked not relevant. */
export function unresolvedRequired(checklist: Checklist, run: ChecklistRunRecord): ChecklistItem[] {
  return checklist.items.filter((i) => i.required && !run.items[i.id]);
}
