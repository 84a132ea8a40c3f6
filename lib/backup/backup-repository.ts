import type { DataContext } from '../db/data-context';
import type { BackupSecret } from './backup';

/**
 * Encrypted backups of all citizen data (./backup, loaded on first use).
 * `citizenKey` derives this installation's key for a CPR in the file.
 */
export function createBackupRepository(
  { db, keys, now }: DataContext,
  citizenKey: (canonicalCpr: string) => Promise<string>,
) {
  return {
    /** An encrypted backup of all citizen data. */
    export: async () => (await import('./backup')).createBackup(db, keys, now()),
    /** Merges a backup file, re-keyed and re-sealed for this installation, in one transaction. */
    import: async (text: string, secret: BackupSecret) =>
      (await import('./backup')).importBackup(db, keys, citizenKey, text, secret),
  };
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;
