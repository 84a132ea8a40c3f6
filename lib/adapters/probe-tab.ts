import { browser } from 'wxt/browser';
import { probeReaders, type ProbeReader, type ProbeResult } from './probe';

/**
 * Runs the readers in a tab's page once (scripting.executeScript): what each
 * one found, or null when the page gave no result. Rejects when the tab cannot
 * be scripted (closed, no host permission).
 */
export function probeTab(
  tabId: number,
  readers: Record<string, ProbeReader>,
): Promise<Record<string, ProbeResult> | null> {
  return browser.scripting
    .executeScript({ target: { tabId }, func: probeReaders, args: [readers] })
    .then(([first]) => (first?.result as Record<string, ProbeResult> | undefined) ?? null);
}
