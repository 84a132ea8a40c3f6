import { useCallback, useEffect, useState } from 'react';
import type { SidevognDb } from '@/lib/db/database';
import { isSetUp } from '@/lib/db/keyring-store';
import { trackActivity } from '@/lib/crypto/idle';
import { DEFAULT_LOCK_POLICY, readLockPolicy, type LockPolicy } from '@/lib/crypto/policy';
import { session } from '@/lib/crypto/session';

export type LockState =
  { status: 'loading' } | { status: 'setup' | 'locked' | 'unlocked' } | { status: 'error'; error: string };

/** Whether this page may show citizen data: follows the shared lock in chrome.storage.session. */
export function useLock(db: SidevognDb): { state: LockState; policy: LockPolicy; refresh(): void } {
  // Unlocked from the first render when start-up already picked up the key.
  const [state, setState] = useState<LockState>(() =>
    session.current() !== null ? { status: 'unlocked' } : { status: 'loading' },
  );
  const [policy, setPolicy] = useState<LockPolicy>(DEFAULT_LOCK_POLICY);

  const refresh = useCallback(() => {
    // Locking is synchronous: never wait for the database before hiding data.
    if (session.current() !== null) return setState({ status: 'unlocked' });
    setState((s) => (s.status === 'unlocked' ? { status: 'locked' } : s));
    isSetUp(db).then(
      (setUp) => {
        if (session.current() === null) setState({ status: setUp ? 'locked' : 'setup' });
      },
      (e: unknown) => setState({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
  }, [db]);

  useEffect(() => {
    const unsubscribe = session.subscribe(refresh);
    void session.restore().then(refresh, refresh);
    void readLockPolicy().then(setPolicy);
    const stop = trackActivity(window);
    return () => {
      unsubscribe();
      stop();
    };
  }, [refresh]);

  return { state, policy, refresh };
}

/** True while unlocked (for controls like "Lås nu" outside the gate). */
export function useUnlocked(): boolean {
  const [unlocked, setUnlocked] = useState(() => session.current() !== null);
  useEffect(() => session.subscribe(setUnlocked), []);
  return unlocked;
}
