import { describe, expect, it } from 'vitest';
import { defaultPack } from '../packs/default-pack';
import { packSchema } from '../packs/schema';
import type { ChecklistRunRecord } from '../db/records';
import { translator } from '../i18n/i18n';
import { checklistCounts, checklistNoteLines, checklistProgress, unresolvedRequired } from './run';

const checklist = packSchema.parse(structuredClone(defaultPack)).checklists[0]!;
const run = (items: ChecklistRunRecord['items']): ChecklistRunRecord => ({
  id: 'r',
  citizenKey: 'k',
  packId: 'dk.default',
  packVersion: '1.0.0',
  checklistId: checklist.id,
  startedAt: 1,
  finishedAt: null,
  items,
});

describe('checklist runs and the note', () => {
  it('writes nothing for items linked to a template field or ticked by the panel', () => {
    const all = Object.fromEntries(checklist.items.map((i, n) => [i.id, { state: 'done' as const, at: n }]));
    expect(checklistNoteLines(checklist, run(all))).toEqual([]);
  });

  it('writes the sentence of a ticked free-standing item', () => {
    const own = { ...checklist, items: [{ id: 'x', title: 'X', required: false, noteText: 'X er gjort.' }] };
    expect(checklistNoteLines(own, run({ x: { state: 'done', at: 1 } }))).toEqual(['X er gjort.']);
  });

  it('counts an item linked to a field as resolved once the field is answered', () => {
    const answered = new Set([
      'bisidder',
      'formaal',
      'oensker',
      'vejledning35',
      'vurdering',
      'samtykke',
      'naesteKontakt',
    ]);
    expect(unresolvedRequired(checklist, run({}), (f) => answered.has(f))).toEqual([]);
  });

  it('never asks for the item the panel ticks after inserting', () => {
    const journal = checklist.items.find((i) => i.tickedBy === 'inserted');
    expect(journal?.title).toBe('Notatet er indsat i journalfeltet');
    expect(unresolvedRequired(checklist, run({})).map((i) => i.id)).not.toContain(journal!.id);
  });

  it('counts required items as resolved when ticked or marked not relevant', () => {
    const required = checklist.items.filter((i) => i.required).map((i) => i.id);
    const all = Object.fromEntries(
      required.map((id, n) => [
        id,
        n % 2 ? { state: 'done' as const, at: n } : { state: 'na' as const, at: n, reason: 'r' },
      ]),
    );
    expect(unresolvedRequired(checklist, run(all))).toEqual([]);
    expect(unresolvedRequired(checklist, run({})).map((i) => i.id)).toEqual(required);
  });
});

describe('checklist counts', () => {
  const items = (done: number, na: number) =>
    Object.fromEntries(
      checklist.items
        .slice(0, done + na)
        .map((i, n) => [
          i.id,
          n < done ? { state: 'done' as const, at: n } : { state: 'na' as const, at: n, reason: 'r' },
        ]),
    );
  const total = checklist.items.length;

  it('never counts an item marked not relevant as ticked', () => {
    expect(checklistCounts(checklist, run(items(2, 2)))).toEqual({ done: 2, na: 2, total });
    expect(checklistProgress(translator('da'), checklistCounts(checklist, run(items(2, 2))))).toBe(
      `2 af ${total} afkrydset, 2 ikke relevante`,
    );
  });

  it('says "ikke relevant" in the singular, and nothing about it when there is none', () => {
    const da = translator('da');
    expect(checklistProgress(da, checklistCounts(checklist, run(items(1, 1))))).toBe(
      `1 af ${total} afkrydset, 1 ikke relevant`,
    );
    expect(checklistProgress(da, checklistCounts(checklist, run(items(3, 0))))).toBe(`3 af ${total} afkrydset`);
    expect(checklistProgress(translator('en'), checklistCounts(checklist, run(items(1, 2))))).toBe(
      `1 of ${total} ticked, 2 not relevant`,
    );
  });

  it('ignores states of items no longer in the checklist', () => {
    expect(checklistCounts(checklist, run({ gone: { state: 'done', at: 1 } }))).toEqual({ done: 0, na: 0, total });
  });
});
