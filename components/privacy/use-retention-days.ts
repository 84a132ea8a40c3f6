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

/** The current time, refreshed every minute (render stays pure). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
