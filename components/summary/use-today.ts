import { useEffect, useState } from 'react';
import { localDay } from '@/lib/summary/dates';

/** The time now, updated every minute while a page stays open (a meeting's hour passes, the day changes). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Today's local day, updated when the day changes while a page stays open. */
export function useToday(): string {
  return localDay(useNow());
}
