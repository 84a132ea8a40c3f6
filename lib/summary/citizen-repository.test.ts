import { describe, expect, it } from 'vitest';
import { SidevognDb } from '../db/database';
import { createRepositories } from '../repositories';
import { testKeys, freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

describe('citizen key', () => {
  it('is stable for a CPR, differs between CPRs, and does not contain the number', async () => {
    const a1 = await t.repo.citizenKey('070761-4285');
    const a2 = await t.repo.citizenKey('070761-4285');
    const b = await t.repo.citizenKey('010190-1234');
    expect(a1).toBe(a2);
    expect(a1).not.toBe(b);
    expect(a1).toMatch(/^[0-9a-f]{32}$/);
    expect(a1).not.toContain('070761');
  });

  it('differs between installations (per-installation secret)', async () => {
    const other = new SidevognDb(`test-${crypto.randomUUID()}`);
    const key1 = await t.repo.citizenKey('070761-4285');
    const key2 = await createRepositories(other, Date.now, testKeys).citizenKey('070761-4285');
    expect(key1).not.toBe(key2);
    await other.delete();
  });

  it('opening a known citizen writes nothing unless the page shows a new name', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    const stored = await t.db.citizens.get(key);
    expect(await t.repo.citizens.open('070761-4285', 'Mette')).toBe(key);
    expect(await t.repo.citizens.open('070761-4285', '')).toBe(key);
    // Same row, same ciphertext: not sealed again.
    expect(await t.db.citizens.get(key)).toEqual(stored);
    await t.repo.citizens.open('070761-4285', 'Mette Hansen');
    expect((await t.repo.citizens.get(key))?.name).toBe('Mette Hansen');
  });

  it('keeps no raw CPR in any index', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await t.repo.notes.create(key, 'Første note');
    for (const table of t.db.tables) {
      const indexed = [table.schema.primKey, ...table.schema.indexes].map((i) => i.keyPath).flat();
      const rows = await table.toArray();
      for (const row of rows as Record<string, unknown>[]) {
        for (const path of indexed) {
          if (typeof path === 'string') expect(String(row[path])).not.toContain('070761');
        }
      }
    }
  });
});
