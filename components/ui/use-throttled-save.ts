import { useEffect, useState } from 'react';
import { createThrottledSave, type ThrottledSave } from '@/lib/storage/throttled-save';

/**
 * Runs `flush` when the page is hidden (visibilitychange, which comes before
 * pagehide on a reload or a closed tab) or closed, and when the component goes.
 * `flush` should be stable: a new one re-registers.
 */
export function useFlushOnHide(flush: () => Promise<void>): void {
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);
}

/** Every mounted draft autosave's flush, so "Lås nu" first writes what was just typed. */
const drafts = new Set<() => Promise<void>>();

/** Writes every mounted draft's pending text now (each flush never rejects: a failure stays pending). */
export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...drafts].map((flush) => flush()));
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
  useEffect(() => {
    drafts.add(saver.flush);
    return () => void drafts.delete(saver.flush);
  }, [saver]);
  return saver;
}
