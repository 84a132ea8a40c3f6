import { useEffect, useState } from 'react';
import type { ProbeReader, ProbeResult } from '@/lib/adapters/probe';
import { probeTab } from '@/lib/adapters/probe-tab';

/** Reads the readers on a tab's page now and every 2 s while mounted (what "live" means here). */
export function useProbe(tabId: number | null, readers: Record<string, ProbeReader>) {
  const [results, setResults] = useState<Record<string, ProbeResult> | null>(null);
  const key = JSON.stringify(readers);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    const run = () =>
      probeTab(tabId, JSON.parse(key) as Record<string, ProbeReader>).then(
        (found) => live && setResults(found),
        () => live && setResults(null),
      );
    const timer = setTimeout(run, 150);
    const interval = setInterval(run, 2000);
    return () => {
      live = false;
      clearTimeout(timer);
      clearInterval(interval);
    };
  }, [tabId, key]);
  return results;
}
