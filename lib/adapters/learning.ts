import { browser, type Browser } from 'wxt/browser';
import type { Repositories } from '../repositories';
import type { Adapter } from '../host/adapter';
import { parseMessage, pickerToOptionsSchema, type PickedSelectors, type PickerToOptions } from '../messaging/protocol';
import { lastBridgeError, type BridgeError } from './bridge-errors';
import type { ProbeResult } from './probe';
import { probeTab } from './probe-tab';
import { adapterReaders } from './readers';
import { coveredByManifest, originPattern, publishAdapters, unusedOrigins, type AdapterState } from './registry';

/**
 * "Lær siden": teaching Sidevogn a case system from the options page.
 * Permission for exactly one origin, the element picker injected into the
 * case-system tab, its answer turned into a draft adapter, then save and
 * register; plus removing an adapter and checking one on an open tab. The
 * options page renders (components/adapters); this module does the browser work.
 */

/** The address the team lead typed, if it is an http(s) URL. */
export function parseLearnAddress(address: string): URL | null {
  try {
    const url = new URL(address.trim());
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

const slug = (host: string) =>
  host
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 60) || 'sagssystem';

/** A first adapter from the picker's selectors: named after the tab's title, for exactly the page's origin. */
export function draftFrom(picks: PickedSelectors, url: URL, title: string, journalLabel: string): Adapter {
  return {
    id: slug(url.hostname),
    name:
      title
        .split(/\s[—–|-]\s/)
        .pop()
        ?.trim() || url.hostname,
    version: 1,
    matches: [originPattern(url)],
    spa: true,
    citizen: {
      ...(picks.scope ? { scope: picks.scope } : {}),
      cpr: picks.cpr,
      name: picks.name,
      fields: picks.fields,
    },
    journal: picks.targets.map((target, i) => ({
      selector: target.selector,
      label: target.label || (i === 0 ? journalLabel : `${journalLabel} ${i + 1}`),
    })),
  };
}

/** A tab already showing the origin, or a new background tab with the address; resolved once it has loaded. */
export async function openTab(url: URL): Promise<Browser.tabs.Tab> {
  const [open] = (await browser.tabs.query({ url: originPattern(url) })).filter((tab) =>
    tab.url?.startsWith(url.origin),
  );
  const tab = open ?? (await browser.tabs.create({ url: url.href, active: false }));
  if (tab.status !== 'complete') {
    await new Promise<void>((resolve) => {
      const listener = (id: number, info: Browser.tabs.OnUpdatedInfo) => {
        if (id !== tab.id || info.status !== 'complete') return;
        browser.tabs.onUpdated.removeListener(listener);
        resolve();
      };
      browser.tabs.onUpdated.addListener(listener);
    });
  }
  return tab;
}

export type StartPicking = { kind: 'denied' } | { kind: 'picking'; tabId: number; title: string };

/** What startPicking is waiting for: the browser's permission prompt, then the case-system tab. */
export type PickingStep = 'asking' | 'opening';

/**
 * Asks for exactly this origin (first, while the click still counts as a user
 * gesture; the manifest's own origins need no asking), opens the case-system
 * tab, injects the element picker and brings the tab to the front. Rejects
 * when the browser refuses a step (the caller shows the error). `onStep` hears
 * 'asking' just before the browser's permission prompt may open and 'opening'
 * once access is granted, so the page can say what it is waiting for.
 */
export async function startPicking(url: URL, onStep?: (step: PickingStep) => void): Promise<StartPicking> {
  const pattern = originPattern(url);
  let granted = coveredByManifest(pattern);
  if (!granted) {
    onStep?.('asking');
    granted = await browser.permissions.request({ origins: [pattern] });
  }
  if (!granted) return { kind: 'denied' };
  onStep?.('opening');
  const tab = await openTab(url);
  await browser.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/picker.js'] });
  await browser.tabs.update(tab.id!, { active: true });
  return { kind: 'picking', tabId: tab.id!, title: tab.title ?? '' };
}

/**
 * Listens for the picker's answer, only from this extension and only from the
 * tab it was injected into; on an answer, brings the options tab back to the
 * front. Returns the function that stops listening.
 */
export function onPickerAnswer(tabId: number, handle: (answer: PickerToOptions) => void): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id !== tabId) return;
    const answer = parseMessage(pickerToOptionsSchema, raw);
    if (!answer) return;
    void browser.tabs.getCurrent().then(async (me) => {
      if (me?.id !== undefined) await browser.tabs.update(me.id, { active: true });
    });
    handle(answer);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The adapter is stored (or removed), but registering the scripts to match failed: said as such, not as "not saved". */
export class NotPublishedError extends Error {
  constructor(override readonly cause: unknown) {
    super('The adapters could not be registered');
  }
}

const published = (repository: Repositories) =>
  publishAdapters(repository).catch((e: unknown) => {
    throw new NotPublishedError(e);
  });

/** Saves the adapter and registers every adapter's bridge again; the state of each. */
export async function saveAdapter(repository: Repositories, adapter: Adapter): Promise<Record<string, AdapterState>> {
  await repository.adapters.save(adapter);
  return published(repository);
}

/** Reloads the case-system tab: the registered bridge starts on the next page load. */
export function reloadCaseTab(tabId: number): Promise<void> {
  return browser.tabs.reload(tabId).catch(() => undefined);
}

/**
 * Removes the adapter, registers the remaining ones again, and gives back the
 * host permission for origins no remaining adapter uses; the state of each.
 */
export async function removeAdapter(repository: Repositories, adapter: Adapter): Promise<Record<string, AdapterState>> {
  await repository.adapters.remove(adapter.id);
  const remaining = await repository.adapters.list();
  const states = await published(repository);
  const origins = unusedOrigins(adapter, remaining);
  if (origins.length > 0) await browser.permissions.remove({ origins }).catch(() => false);
  return states;
}

export interface HealthCheck {
  id: string;
  url: string;
  results: Record<string, ProbeResult>;
  /** The last thing that went wrong between the panel and this origin (./bridge-errors.ts). */
  lastError: BridgeError | undefined;
}

/** Reads every selector of the adapter on an open tab of its case system (the active one first); null without one. */
export async function checkAdapter(adapter: Adapter): Promise<HealthCheck | null> {
  const tabs = await browser.tabs.query({ url: adapter.matches }).catch(() => []);
  const tab = tabs.find((x) => x.active) ?? tabs[0];
  if (tab?.id === undefined) return null;
  const [results, lastError] = await Promise.all([
    probeTab(tab.id, adapterReaders(adapter)).then((found) => found ?? {}),
    lastBridgeError(tab.url ?? '').catch(() => undefined),
  ]);
  return { id: adapter.id, url: tab.url ?? '', results, lastError };
}
