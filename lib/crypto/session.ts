import { browser } from 'wxt/browser';
import { z } from '../zod';
import { fromBase64, toBase64 } from './encoding';
import { idleExpired, readLockPolicy } from './policy';

/**
 * The unlocked data key, held in this page's memory and in
 * chrome.storage.session so every extension page (panel frames, options, the
 * service worker) shares one lock. storage.session lives in memory only, is
 * cleared when the browser closes, and at its default access level
 * (TRUSTED_CONTEXTS) content scripts cannot read it — Sidevogn never raises
 * that level. Locking removes the key there; every page listens and forgets
 * its copy at once.
 */

export const SESSION_KEYS = {
  /** The raw data key, base64, while unlocked. */
  dataKey: 'dataKey',
  /** Last keyboard or pointer activity in any Sidevogn page (ms since epoch). */
  lastActivityAt: 'lastActivityAt',
} as const;

/** Citizen data was asked for while Sidevogn is locked; the UI shows the lock screen. */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor() {
    super('Sidevogn is locked');
  }
}

/** Where the repository gets the data key from. */
export interface KeySource {
  /** The data key, or null while locked. */
  current(): CryptoKey | null;
}

type Listener = (unlocked: boolean) => void;

let current: CryptoKey | null = null;
/**
 * The stored form of `current` (as in storage.session): this page's own unlock
 * comes back to it as a storage change, and a key it already holds must stay
 * the same object, or everything keyed to it starts afresh (the search workers
 * built their index twice at each unlock).
 */
let currentRaw: string | null = null;
/** Bumped on every change, so a slow import or read cannot bring back a key that was locked meanwhile. */
let generation = 0;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener(current !== null);
}

const importRaw = (raw: string) =>
  crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);

function set(key: CryptoKey | null, raw: string | null = null): void {
  generation++;
  if (key === null && current === null) return;
  current = key;
  currentRaw = key === null ? null : raw;
  notify();
}

async function adopt(raw: unknown): Promise<void> {
  const parsed = z.base64().length(44).safeParse(raw);
  if (!parsed.success) return set(null);
  // The newest change wins: an import still under way for an older one is dropped.
  const started = ++generation;
  if (current !== null && parsed.data === currentRaw) return;
  const key = await importRaw(parsed.data);
  if (generation === started) set(key, parsed.data);
}

function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (area !== 'session' || !(SESSION_KEYS.dataKey in changes)) return;
  const raw = changes[SESSION_KEYS.dataKey]?.newValue;
  // Forgetting is synchronous, before anything else can read.
  if (raw === undefined) set(null);
  else void adopt(raw);
}

function listen(): void {
  if (!browser.storage.onChanged.hasListener(onStorageChanged)) browser.storage.onChanged.addListener(onStorageChanged);
}

export const session: KeySource & {
  restore(now?: number): Promise<boolean>;
  unlock(key: CryptoKey, now?: number): Promise<void>;
  lock(): Promise<void>;
  require(): CryptoKey;
  subscribe(listener: Listener): () => void;
} = {
  current: () => current,

  /**
   * Picks up a key another page unlocked (this page just opened); returns
   * whether unlocked. A key left idle past the policy's minutes (a panel opened
   * after lunch, a reload) is locked here, before anything shows, rather than
   * by the idle check after the page has drawn citizen data. The policy is read
   * only for a pause longer than the shortest it allows.
   */
  async restore(now = Date.now()) {
    listen();
    for (;;) {
      const seen = generation;
      const stored = await browser.storage.session.get([SESSION_KEYS.dataKey, SESSION_KEYS.lastActivityAt]);
      const [raw, last] = [stored[SESSION_KEYS.dataKey], stored[SESSION_KEYS.lastActivityAt]];
      const expired = raw !== undefined && idleExpired(last, now) && idleExpired(last, now, await readLockPolicy());
      // Another page locked or unlocked while this one read, and its change has arrived here
      // (onStorageChanged took it in): what was read is out of date, and acting on it would
      // bring a locked key back or remove a new one. Read again. A change still on its way
      // (storage events come asynchronously) is not seen: this narrows the window, no more.
      if (generation !== seen) continue;
      if (expired) {
        set(null);
        await browser.storage.session.remove(SESSION_KEYS.dataKey);
        return false;
      }
      await adopt(raw);
      return current !== null;
    }
  },

  /** Shares the key with every extension page; activity starts now, so the idle lock does not fire at once. */
  async unlock(key, now = Date.now()) {
    listen();
    const raw = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
    await browser.storage.session.set({ [SESSION_KEYS.dataKey]: raw, [SESSION_KEYS.lastActivityAt]: now });
    set(key, raw);
  },

  async lock() {
    set(null);
    await browser.storage.session.remove(SESSION_KEYS.dataKey);
  },

  require() {
    if (current === null) throw new LockedError();
    return current;
  },

  subscribe(listener) {
    listen();
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
