import { useEffect, useState } from 'react';
import { readRetentionDays } from '@/lib/privacy/retention-policy';

/** The policy's retention period (days), or null while it is read. */
export function useRetentionDays(): number | null {
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void readRetentionDays().then((d) => live && setDays(d));
    return () => {
      live = false;
    };
  }, []);
  return days;
}

// One clock for the privacy and summary views (components/ui/use-now.ts).
export { useNow } from '@/components/ui/use-now';
