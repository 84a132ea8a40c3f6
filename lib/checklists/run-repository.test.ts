import { describe, expect, it } from 'vitest';
import { defaultPack } from '../packs/default-pack';
import { DEFAULT_PACK_VERSION } from '../packs/default-pack-version';
import { freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

describe('checklist runs', () => {
  it('records when each item was ticked or marked not relevant, pinned to the pack version', async () => {
    await t.repo.packs.installDefault(async () => defaultPack);
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const [checklist] = (await t.repo.packs.activeContent()).checklists;
    const run = await t.repo.checklistRuns.start(a, checklist!);
    await t.repo.checklistRuns.setItem(run.id, 'formaal', { state: 'done' });
    await t.repo.checklistRuns.setItem(run.id, 'bisidder', { state: 'na', reason: 'Borgeren kender reglerne' });
    await t.repo.checklistRuns.setItem(run.id, 'deltagere', { state: 'done' });
    await t.repo.checklistRuns.setItem(run.id, 'deltagere', null);
    const [stored] = await t.repo.checklistRuns.list(a);
    expect(stored).toMatchObject({
      packVersion: DEFAULT_PACK_VERSION,
      finishedAt: null,
      items: { formaal: { state: 'done' }, bisidder: { state: 'na', reason: 'Borgeren kender reglerne' } },
    });
    expect(stored!.items.formaal!.at).toBeGreaterThan(run.startedAt);
    expect(Object.keys(stored!.items)).not.toContain('deltagere');
    expect((await t.repo.checklistRuns.checklistOf(stored!))?.id).toBe(checklist!.id);
  });
});
