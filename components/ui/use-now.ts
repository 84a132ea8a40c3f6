import { useEffect, useState } from 'react';

/** The current time, refreshed every minute (render stays pure): a day or a meeting's hour passes while a page stays open. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
