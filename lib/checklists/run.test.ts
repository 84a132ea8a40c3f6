import { describe, expect, it } from 'vitest';
import { defaultPack } from '../packs/default-pack';
import { packSchema } from '../packs/schema';
import type { ChecklistRunRecord } from '../db/records';
import { checklistNoteLines, unresolvedRequired } from './run';

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
  it('writes the sentences of ticked items only, in checklist order', () => {
    const r = run({
      raadighed: { state: 'done', at: 2 },
      formaal: { state: 'done', at: 3 },
      bisidder: { state: 'na', at: 4, reason: 'x' },
    });
    expect(checklistNoteLines(checklist, r)).toEqual([
      'Formålet med samtalen er forklaret for borgeren.',
      'Borgeren er vejledt om rådighed og sanktioner (aktivloven § 35).',
    ]);
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
