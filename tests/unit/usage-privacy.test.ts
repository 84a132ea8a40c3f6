import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/packs/default-pack';
import { initialValues, renderNote } from '@/lib/templates/form';
import { usageCsv } from '@/lib/usage/csv';
import { usageRows } from '@/lib/usage/stats';
import { rawDump } from './raw-dump';
import { freshTestRepository } from './test-key';

/**
 * Issue 32: "A test that the counters hold no citizen data". A template note
 * about a citizen (CPR, name and note text in it) and a checklist with a
 * »ikke relevant« reason go through the repository as the panel drives it;
 * then the raw IndexedDB rows of the usage table and the CSV export are
 * scanned for the CPR, the name, the note's words, the reason and the
 * citizen key.
 */
const CPR = '070761-4285';
const NAME = 'Mette Kanarie Hansen';
const NOTE_WORDS = 'kanariefugl-lænd-og-ryg';
const REASON = 'Borgeren-er-indlagt-på-Bispebjerg';

const fresh = freshTestRepository();

describe('usage statistics hold no citizen data', () => {
  it('stored rows and the CSV carry none of the CPR, name, note text, reason or citizen key', async () => {
    const { repo, db } = fresh;
    await repo.packs.installDefault(async () => defaultPack);
    const key = await repo.citizens.open(CPR, NAME);
    const { templates, checklists } = await repo.packs.activeContent();
    const checklist = checklists.find((c) => c.templateId)!;
    const template = templates.find((t) => t.id === checklist.templateId)!;

    // The form, filled as the panel fills it: prefilled from the page, then typed into.
    const values = initialValues(template, {
      'citizen.name': NAME,
      'citizen.cpr': CPR,
      'caseworker.name': 'Sagsbehandler',
    });
    const textField = template.fields.find((f) => f.kind === 'textarea' || f.kind === 'text')!;
    values[textField.id] = `Borgeren ${NAME} (${CPR}) fortalte om ${NOTE_WORDS}.`;
    await repo.formDrafts.save(key, template.id, values);
    const note = renderNote(template, values);
    expect(note).toContain(NOTE_WORDS);

    const run = await repo.checklistRuns.start(key, {
      ...checklist,
      packId: defaultPack.id,
      packVersion: defaultPack.version,
    });
    await repo.checklistRuns.setItem(run.id, checklist.items[0]!.id, { state: 'na', reason: REASON });
    await repo.history.templateInserted(key, template, 'Notat (tekst)');
    await repo.usage.templateUsed({
      templateId: template.id,
      templateTitle: template.title,
      noteChars: note.length,
      keystrokes: 57,
      clicks: 3,
      formMs: 42_000,
      resumed: false,
    });
    await repo.checklistRuns.finish(run.id);
    const finished = (await repo.checklistRuns.list(key)).find((r) => r.id === run.id)!;
    await repo.usage.checklistUsed(finished, checklist);

    const dump = JSON.parse(await rawDump(db.name)) as { tables: Record<string, [unknown[], unknown[]]> };
    const usageRowsRaw = JSON.stringify(dump.tables.usage);
    expect(dump.tables.usage![1]).toHaveLength(2);
    const csv = usageCsv(usageRows(await repo.usage.list(), 260));
    for (const [what, text] of [
      ['usage rows', usageRowsRaw],
      ['CSV', csv],
    ] as const) {
      for (const secret of [CPR, CPR.replace('-', ''), '070761', NAME, 'Kanarie', NOTE_WORDS, REASON, key, run.id])
        expect(text, `${what} holds ${secret}`).not.toContain(secret);
    }
    // What is there: the template and checklist, counts, and the item marked with a reason (not the reason).
    expect(usageRowsRaw).toContain(template.id);
    expect(csv).toContain(`;${template.title};`);
    const records = await repo.usage.list();
    expect(records.find((r) => r.kind === 'checklist')).toMatchObject({
      notRelevant: [{ id: checklist.items[0]!.id, reason: true }],
    });
    expect(records.find((r) => r.kind === 'template')).toMatchObject({ noteChars: note.length, keystrokes: 57 });
  });

  it('a record with a field the schema does not know is refused, not stored', async () => {
    await expect(
      fresh.repo.usage.templateUsed({
        templateId: 't',
        templateTitle: 'T',
        noteChars: 1,
        keystrokes: 1,
        clicks: 0,
        formMs: 1,
        resumed: false,
        citizenKey: 'x',
      } as never),
    ).rejects.toThrow();
    expect(await fresh.db.usage.count()).toBe(0);
  });
});
