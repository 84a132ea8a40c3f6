import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { probeReaders, type ProbeReader, type ProbeResult } from '@/lib/adapters/probe';

/** Reads the readers on a tab's page now and every 2 s while mounted (what "live" means here). */
export function useProbe(tabId: number | null, readers: Record<string, ProbeReader>) {
  const [results, setResults] = useState<Record<string, ProbeResult> | null>(null);
  const key = JSON.stringify(readers);
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    const run = () =>
      browser.scripting
        .executeScript({
          target: { tabId },
          func: probeReaders,
          args: [JSON.parse(key) as Record<string, ProbeReader>],
        })
        .then(
          ([first]) => live && setResults((first?.result as Record<string, ProbeResult> | undefined) ?? null),
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

export function probeOnce(tabId: number, readers: Record<string, ProbeReader>): Promise<Record<string, ProbeResult>> {
  return browser.scripting
    .executeScript({ target: { tabId }, func: probeReaders, args: [readers] })
    .then(([first]) => (first?.result as Record<string, ProbeResult> | undefined) ?? {});
}
