import { useEffect, useState } from 'react';
import { loadCharsPerMinute, onCharsPerMinuteChange } from '@/lib/usage/typing-speed';

/** The typing speed setting, kept current when another page changes it; null while loading. */
export function useCharsPerMinute(): number | null {
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void loadCharsPerMinute().then((v) => live && setValue(v));
    const stop = onCharsPerMinuteChange((v) => live && setValue(v));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return value;
}
