import { useEffect, useState } from 'react';
import { createThrottledSave, type ThrottledSave } from '@/lib/storage/throttled-save';

/**
 * A draft's throttled autosave (lib/storage/throttled-save.ts) for one component's
 * life: flushed when the page is hidden or closed and when the component goes
 * (switching citizen or template remounts it). `events` is read once; pass
 * state setters and other stable functions.
 */
export function useThrottledSave<T>(events: Parameters<typeof createThrottledSave<T>>[0]): ThrottledSave<T> {
  const [saver] = useState(() => createThrottledSave<T>(events));
  useEffect(() => {
    const onHide = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void saver.flush();
    };
  }, [saver]);
  return saver;
}
