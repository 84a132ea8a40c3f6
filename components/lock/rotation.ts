import { useSyncExternalStore } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { resealStragglers, rotateDataKey } from '@/lib/db/keyring-store';
import { session } from '@/lib/crypto/session';
import { dropSnapshotsSealedUnder } from '@/lib/search/index-store';
import { saveFailure, type SaveFailure } from '@/lib/db/storage-errors';

/**
 * A passphrase change with a new data key, run from the options page. It
 * lives here, outside any component: every page (this one too) is locked
 * while the re-encrypted records are stored, which unmounts the settings
 * that started it; LockGate shows the progress, then the new recovery key,
 * from this state.
 */
export type RotationState =
  | { phase: 'idle' }
  | { phase: 'working'; done: number; total: number }
  | { phase: 'recovery'; recoveryKey: string; finish(): Promise<void> }
  | { phase: 'failed'; error: string };

let state: RotationState = { phase: 'idle' };
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function set(next: RotationState): void {
  state = next;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Other pages lock within milliseconds of the commit; the sweep for a record written under the old key waits this long. */
const STRAGGLER_WAIT_MS = 1000;

/** Starts the rotation (the old passphrase already checked); resolves when it is stored or has failed. */
export async function startRotation(db: SidevognDb, oldPassphrase: string, newPassphrase: string): Promise<void> {
  if (state.phase === 'working') return;
  set({ phase: 'working', done: 0, total: 0 });
  try {
    const rotated = await rotateDataKey(db, oldPassphrase, newPassphrase, {
      onProgress: ({ done, total }) => set({ phase: 'working', done, total }),
      // No page may write under the old key once the new records are stored.
      beforeCommit: () => session.lock(),
    });
    // The sweep for a record written under the old key in the moment of the commit starts now,
    // not once the caseworker has noted the recovery key and pressed on: the old key exists only
    // in this page's memory, and a tab closed before that click took such records with it.
    void new Promise((resolve) => setTimeout(resolve, STRAGGLER_WAIT_MS)).then(() =>
      sweep(db, rotated.oldKey, rotated.dataKey),
    );
    set({
      phase: 'recovery',
      recoveryKey: rotated.recoveryKey,
      async finish() {
        await session.unlock(rotated.dataKey);
        set({ phase: 'idle' });
      },
    });
  } catch (error) {
    set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Re-encrypts what was written under the old key in the moment of the commit. A
 * failure is said on the page (useSweepFailure), with a retry: the old key lives
 * only in this page's memory, so closing it first loses those records.
 */
async function sweep(db: SidevognDb, oldKey: CryptoKey, newKey: CryptoKey): Promise<void> {
  try {
    await resealStragglers(db, oldKey, newKey);
  } catch (e) {
    console.warn(
      'Sidevogn: re-encrypting records written during the key change',
      e instanceof Error ? e.name : 'error',
    );
    // The retry takes the new key from the session: only the old one is held meanwhile, and locked, none is used.
    sweepFailure = {
      failure: saveFailure(e),
      retry: () => {
        const key = session.current();
        return key ? sweep(db, oldKey, key) : Promise.resolve();
      },
    };
    return notify();
  }
  if (sweepFailure) {
    sweepFailure = null;
    sweepRecovered = true;
    notify();
  }
  // A snapshot is dropped at its next load anyway: a failure here is not the caseworker's concern.
  await dropSnapshotsSealedUnder(db, oldKey).catch(() => undefined);
}

/** The straggler sweep's failure, while this page holds the old key to retry with. */
export interface SweepFailure {
  failure: SaveFailure;
  retry(): Promise<void>;
}
let sweepFailure: SweepFailure | null = null;
/** A failed sweep has since succeeded (said once, where the failure was). */
let sweepRecovered = false;

/**
 * A failed sweep waits for its retry: a second new data key now would find records
 * sealed under a key it does not know and fail as a whole (nothing changed, an
 * unclear reason); the form says to retry first.
 */
export function sweepPending(): boolean {
  return sweepFailure !== null;
}

export function useSweepFailure(): SweepFailure | null {
  return useSyncExternalStore(subscribe, () => sweepFailure);
}

export function useSweepRecovered(): boolean {
  return useSyncExternalStore(subscribe, () => sweepRecovered);
}

export function dismissRotationError(): void {
  if (state.phase === 'failed') set({ phase: 'idle' });
}

export function useRotation(): RotationState {
  return useSyncExternalStore(subscribe, () => state);
}
