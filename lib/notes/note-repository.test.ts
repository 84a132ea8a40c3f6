import { describe, expect, it } from 'vitest';
import { draftIdForEdit, draftIdForNewNote } from '../notes/draft-repository';
import { StoredDataError } from '../db/records';
import { sealRecord } from '../db/sealed';
import { testKey, freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

describe('notes', () => {
  it('lists a citizen’s notes newest first and only theirs', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const b = await t.repo.citizens.open('010190-1234', 'B');
    await t.repo.notes.create(a, 'første');
    await t.repo.notes.create(b, 'andens');
    await t.repo.notes.create(a, 'anden');
    expect((await t.repo.notes.list(a)).map((n) => n.body)).toEqual(['anden', 'første']);
    expect((await t.repo.notes.list(b)).map((n) => n.body)).toEqual(['andens']);
  });

  it('saving a note clears the new-note draft in the same transaction', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.repo.drafts.save(draftIdForNewNote(a), a, 'halvfærdig');
    await t.repo.notes.create(a, 'halvfærdig note');
    expect(await t.repo.drafts.get(draftIdForNewNote(a))).toBeUndefined();
  });

  it('edits keep createdAt, move updatedAt and clear the edit draft', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const note = await t.repo.notes.create(a, 'før');
    await t.repo.drafts.save(draftIdForEdit(note.id), a, 'efter');
    expect(await t.repo.drafts.editIdsFor(a)).toEqual([note.id]);
    const edited = await t.repo.notes.update(note.id, 'efter');
    expect(edited.createdAt).toBe(note.createdAt);
    expect(edited.updatedAt).toBeGreaterThan(note.updatedAt);
    expect(await t.repo.drafts.editIdsFor(a)).toEqual([]);
  });

  it('delete returns the note and restore brings it back unchanged (undo)', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const note = await t.repo.notes.create(a, 'slet mig');
    const removed = await t.repo.notes.remove(note.id);
    expect(await t.repo.notes.list(a)).toEqual([]);
    await t.repo.notes.restore(removed!);
    expect(await t.repo.notes.list(a)).toEqual([note]);
  });

  it('fails loudly on a stored record of the wrong shape instead of replacing it', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    await t.db.notes.add(
      await sealRecord(testKey, 'notes', { id: 'x', citizenKey: a, body: 42, createdAt: 1, updatedAt: 1 }),
    );
    await expect(t.repo.notes.list(a)).rejects.toBeInstanceOf(StoredDataError);
    expect(await t.db.notes.get('x')).toBeDefined();
  });
});

describe('drafts', () => {
  it('saves, reads back and removes on empty text', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'A');
    const id = draftIdForNewNote(a);
    await t.repo.drafts.save(id, a, 'tekst');
    expect((await t.repo.drafts.get(id))?.body).toBe('tekst');
    await t.repo.drafts.save(id, a, '');
    expect(await t.repo.drafts.get(id)).toBeUndefined();
  });
});
