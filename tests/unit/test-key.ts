import { newDataKey } from '@/lib/crypto/keyring';
import { fixedKey } from '@/lib/crypto/session';
import { openRows, sealRecord } from '@/lib/db/sealed';
import type { NoteRecord } from '@/lib/db/records';

/** One data key for unit tests of the repository (as if unlocked). */
export const testKey = await newDataKey();
export const testKeys = fixedKey(testKey);

export const sealNotes = (notes: readonly (NoteRecord | Record<string, unknown>)[]) =>
  Promise.all(notes.map((n) => sealRecord(testKey, 'notes', n)));

/** Opened notes by id, as the repository returns them (undefined where gone). */
export async function openNotes(rows: readonly unknown[]): Promise<(NoteRecord | undefined)[]> {
  const present = rows.filter((r) => r !== undefined);
  const opened = await openRows(testKey, 'notes', present);
  let i = 0;
  return rows.map((r) => (r === undefined ? undefined : opened[i++]));
}
