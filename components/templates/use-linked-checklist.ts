import { useLiveQuery } from 'dexie-react-hooks';
import { sameDay, unresolvedRequired } from '@/lib/checklists/run';
import type { InsertResult } from '@/lib/panel/host-connection';
import type { Repositories } from '@/lib/repositories';
import { isEmpty, isVisible, type FormValues } from '@/lib/templates/form';
import type { Template } from '@/lib/templates/schema';
import { countQuietly } from '@/lib/usage/repository';

/**
 * A checklist in progress for this citizen that writes into this template's
 * note: its required items still open, and what inserting the note does to it.
 * Only one begun today: an unfinished run from an earlier meeting would write
 * that meeting's ticks into today's note as if they happened today.
 */
export function useLinkedChecklist(
  repository: Repositories,
  citizenKey: string,
  template: Template,
  values: FormValues | null,
) {
  // `earlier`: the title of an unfinished run of an earlier day that would have linked, which
  // the form names so its lines are not missed in silence. (A meeting that goes on past
  // midnight loses its link at midnight: job-centre meetings are in the day.)
  const found = useLiveQuery(async () => {
    let earlier: string | null = null;
    // A run that does not read is the checklists tab's to report (it is left as stored).
    for (const run of (await repository.checklistRuns.readable(citizenKey)).records) {
      if (run.finishedAt !== null) continue;
      const checklist = await repository.checklistRuns.checklistOf(run);
      if (checklist?.templateId !== template.id) continue;
      if (sameDay(run.startedAt)) return { linked: { run, checklist }, earlier };
      earlier ??= checklist.title;
    }
    return { linked: null, earlier };
  }, [repository, citizenKey, template.id]);
  const linked = found?.linked;
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

  /** Once the note is delivered: ticks what it records, finishes the run and counts its use. */
  const finish = async (outcome: InsertResult['outcome']) => {
    if (!linked) return;
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
  };

  return { linked, earlier: found?.earlier ?? null, unresolved, finish };
}
