import { browser } from 'wxt/browser';
import type { Repositories } from '../repositories';
import type { Adapter } from '../host/adapter';
import { matchesPattern } from '../host/match-pattern';
import { CASE_SYSTEM_MATCHES, HOST_SCRIPTS } from '../host/origins';
import { STORAGE_KEYS } from '../storage/keys';

/**
 * Where team-lead-made adapters run. The manifest covers only the demo host;
 * every other case system is an origin the team lead granted (optional host
 * permission) and a content script registered at run time for exactly that
 * adapter's match patterns, one registration per adapter.
 */

export const SCRIPT_ID_PREFIX = 'sidevogn-adapter-';
export const scriptIdFor = (adapterId: string) => `${SCRIPT_ID_PREFIX}${adapterId}`;

/** `https://sag.kommune.dk:8443/borger/1` → `https://sag.kommune.dk/*` (match patterns ignore ports). */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Patterns the manifest's own content script already covers (no permission, no
 * registration needed): the demo origins, in development and test builds only.
 */
export function coveredByManifest(pattern: string): boolean {
  if (!__DEMO__) return false;
  const m = /^(https?):\/\/([^/*]+)\//.exec(pattern);
  if (!m) return false;
  const url = new URL(`${m[1]}://${m[2]}/`);
  return CASE_SYSTEM_MATCHES.some((p) => matchesPattern(p, url));
}

export type AdapterState = 'active' | 'no-access';

/** The adapter's page patterns that need a permission of their own (not the manifest's). */
const ownPatterns = (adapter: Adapter) => adapter.matches.filter((p) => !coveredByManifest(p));

/**
 * Makes the registered content scripts match the adapters: registers the new,
 * updates changed patterns, unregisters removed ones. An adapter whose origin
 * permission was withdrawn is reported, not registered.
 */
export async function syncRegistrations(adapters: Adapter[]): Promise<Record<string, AdapterState>> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const stale = new Map(registered.filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX)).map((s) => [s.id, s]));
  const states: Record<string, AdapterState> = {};
  for (const adapter of adapters) {
    const id = scriptIdFor(adapter.id);
    const matches = ownPatterns(adapter);
    const existing = stale.get(id);
    const granted = matches.length === 0 || (await browser.permissions.contains({ origins: matches }));
    states[adapter.id] = granted ? 'active' : 'no-access';
    if (!granted || matches.length === 0) continue;
    stale.delete(id);
    const js = [...HOST_SCRIPTS];
    if (
      existing &&
      [...(existing.matches ?? [])].sort().join() === [...matches].sort().join() &&
      (existing.js ?? []).join() === js.join()
    )
      continue;
    const script = { id, matches, js, runAt: 'document_idle' as const, persistAcrossSessions: true };
    if (existing) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
  }
  if (stale.size > 0) await browser.scripting.unregisterContentScripts({ ids: [...stale.keys()] });
  return states;
}

/**
 * Publishes the stored adapters for the content script (chrome.storage.local)
 * and syncs the registrations. The adapters table is the source of truth; the
 * storage copy holds only adapters that passed adapterSchema on the way in
 * and out of the repository.
 */
export async function publishAdapters(repository: Repositories): Promise<Record<string, AdapterState>> {
  const adapters = await repository.adapters.list();
  await browser.storage.local.set({ [STORAGE_KEYS.adapters]: adapters });
  return syncRegistrations(adapters);
}

/** The adapter's page patterns the browser has not let Sidevogn read (the manifest's own aside). */
export async function ungrantedPatterns(adapter: Adapter): Promise<string[]> {
  const own = ownPatterns(adapter);
  const granted = await Promise.all(own.map((p) => browser.permissions.contains({ origins: [p] }).catch(() => false)));
  return own.filter((_, i) => !granted[i]);
}

/** Origins no stored adapter uses any more: their permission can be given back. */
export function unusedOrigins(removed: Adapter, remaining: Adapter[]): string[] {
  const inUse = new Set(remaining.flatMap((a) => a.matches));
  return removed.matches.filter((p) => !inUse.has(p) && !coveredByManifest(p));
}
