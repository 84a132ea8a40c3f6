import { browser } from 'wxt/browser';
import { publishAdapters } from '../adapters/registry';
import { SidevognDb } from '../db/database';
import { createRepositories } from '../repositories';

/**
 * Registered content scripts persist across sessions, but the service worker
 * checks them at startup and whenever permissions change: an adapter whose
 * origin permission was withdrawn (e.g. on chrome://extensions) loses its
 * registration, and a stale one left by a crash is removed.
 */
export function registerAdapterRegistrations(): void {
  const repository = createRepositories(new SidevognDb());
  const sync = () =>
    void publishAdapters(repository).catch((e: unknown) =>
      console.error('Sidevogn: adapter registrations', e instanceof Error ? e.name : 'error'),
    );
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
