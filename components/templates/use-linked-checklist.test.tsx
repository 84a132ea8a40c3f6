// @vitest-environment happy-dom
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { sameDay } from '@/lib/checklists/run';
import type { Checklist } from '@/lib/checklists/schema';
import type { ChecklistRunRecord } from '@/lib/db/records';
import type { Repositories } from '@/lib/repositories';
import type { Template } from '@/lib/templates/schema';
import { renderSettled } from '../../tests/unit/react-root';
import { useLinkedChecklist } from './use-linked-checklist';

const template = { id: 'kontakt', fields: [] } as unknown as Template;
const checklist = { id: 'kort', title: 'Kort kontakt', templateId: 'kontakt', items: [] } as unknown as Checklist;
const DAY = 24 * 60 * 60 * 1000;
const run = (startedAt: number): ChecklistRunRecord => ({
  id: `run-${startedAt}`,
  citizenKey: 'c'.repeat(32),
  packId: 'dk.default',
  packVersion: '2.2.1',
  checklistId: 'kort',
  startedAt,
  finishedAt: null,
  items: { pjece: { state: 'done', at: startedAt } },
});

function repositoryWith(runs: ChecklistRunRecord[]): Repositories {
  return {
    checklistRuns: {
      readable: vi.fn(() => Promise.resolve({ records: runs, unreadable: 0 })),
      checklistOf: vi.fn(() => Promise.resolve(checklist)),
    },
  } as unknown as Repositories;
}

/** The run the template form would write into, and the earlier one it names, once the live query has answered. */
async function linkedRun(runs: ChecklistRunRecord[]): Promise<{ run: string | null; earlier: string | null }> {
  let result: ReturnType<typeof useLinkedChecklist> | undefined;
  function Form() {
    const r = useLinkedChecklist(repositoryWith(runs), 'c'.repeat(32), template, {});
    useEffect(() => {
      result = r;
    });
    return null;
  }
  await renderSettled(<Form />);
  await vi.waitFor(() => expect(result?.linked).not.toBeUndefined());
  return { run: result!.linked?.run.id ?? null, earlier: result!.earlier };
}

describe("a template's linked checklist", () => {
  it('is the unfinished run begun today', async () => {
    const startedAt = Date.now();
    expect(await linkedRun([run(startedAt)])).toEqual({ run: `run-${startedAt}`, earlier: null });
  });

  it('is never a run begun at an earlier meeting: its ticks would go into today’s note as if they happened today', async () => {
    expect(await linkedRun([run(Date.now() - 3 * DAY)])).toEqual({ run: null, earlier: 'Kort kontakt' });
  });
});

describe('the same meeting day', () => {
  const at = (day: number, hour: number, minute: number) => new Date(2026, 11, day, hour, minute).getTime();
  it('is the local calendar day, not the last 24 hours', () => {
    expect(sameDay(at(6, 23, 50), at(7, 0, 30))).toBe(false);
    expect(sameDay(at(7, 0, 10), at(7, 23, 30))).toBe(true);
  });
});
