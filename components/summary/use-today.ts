import { useEffect, useState } from 'react';
import { localDay } from '@/lib/summary/dates';

/** Today's local day, updated when the day changes while a page stays open. */
export function useToday(): string {
  const [today, setToday] = useState(() => localDay(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setToday(localDay(Date.now())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}
