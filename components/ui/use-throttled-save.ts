import { useEffect, useState } from 'react';
import { createThrottledSave, type ThrottledSave } from '@/lib/storage/throttled-save';

/** Every mounted autosave's flush (drafts and overview fields), so "Lås nu" first writes what was just typed. */
const pending = new Set<() => Promise<void>>();

/** Writes what every mounted autosave holds now (their flushes never reject: a failure stays pending). */
export async function flushAllPending(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush()));
}

/**
 * Runs `flush` when the page is hidden (visibilitychange, which comes before
 * pagehide on a reload or a closed tab) or closed, when the component goes, and
 * at flushAllPending. `flush` should be stable: a new one re-registers.
 */
export function useFlushOnHide(flush: () => Promise<void>): void {
  useEffect(() => {
    pending.add(flush);
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      pending.delete(flush);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);
}

/**
 * A draft's throttled autosave (lib/storage/throttled-save.ts) for one component's
 * life: flushed when the page is hidden or closed and when the component goes
 * (switching citizen or template remounts it). `events` is read once; pass
 * state setters and other stable functions.
 */
export function useThrottledSave<T>(events: Parameters<typeof createThrottledSave<T>>[0]): ThrottledSave<T> {
  const [saver] = useState(() => createThrottledSave<T>(events));
  useFlushOnHide(saver.flush);
  return saver;
}
