import { browser } from 'wxt/browser';
import { readPin } from './signing';

/**
 * Enterprise policy (chrome.storage.managed, schema in public/managed_schema.json):
 * packs the organisation installs, whether users may add their own, and the
 * keys a pack must be signed with.
 *
 * Read entry by entry: a bad entry is left out and named in `problems`, and the
 * rest still applies. Whenever anything in it is unreadable, the policy fails
 * closed: caseworkers may not add packs themselves (the organisation meant to
 * decide something and we cannot tell what), and pinning stays on whenever
 * `trustedPackKeys` was given at all, even if no entry in it can be read.
 */
export interface PackPolicy {
  /** https addresses of the packs the organisation installs. */
  packUrls: string[];
  allowUserPacks: boolean;
  /** Pins as given (public keys or full SHA-256); `checkTrust` reads them one by one. */
  trustedPackKeys: string[];
  /** What could not be used, `key[index]: reason`. Empty when the policy is sound (or absent). */
  problems: string[];
}

export const NO_POLICY: PackPolicy = { packUrls: [], allowUserPacks: true, trustedPackKeys: [], problems: [] };

/** Stands in for a `trustedPackKeys` that is not a list: pinning is on, and no key matches. */
const UNREADABLE_PINS = '(unreadable trustedPackKeys)';

/** Why a pack address cannot be used, or null. */
export function packUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'not a text';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not an address';
  }
  if (url.protocol !== 'https:') return 'only https addresses are allowed';
  if (url.username || url.password) return 'an address may not carry a user name or password';
  return null;
}

export async function parsePackPolicy(managed: Record<string, unknown>): Promise<PackPolicy> {
  const problems: string[] = [];
  const policy: PackPolicy = { packUrls: [], allowUserPacks: true, trustedPackKeys: [], problems };

  const urls = managed.packUrls;
  if (Array.isArray(urls)) {
    urls.forEach((value, i) => {
      const problem = packUrlProblem(value);
      if (problem) problems.push(`packUrls[${i}]: ${problem}`);
      else policy.packUrls.push(value as string);
    });
  } else if (urls !== undefined) problems.push('packUrls: not a list of addresses');

  const keys = managed.trustedPackKeys;
  if (Array.isArray(keys)) {
    const pins = await Promise.all(keys.map(readPin));
    pins.forEach((pin, i) => {
      if (!pin.ok) problems.push(`trustedPackKeys[${i}]: ${pin.reason}`);
    });
    policy.trustedPackKeys = keys.map((k) => (typeof k === 'string' ? k : UNREADABLE_PINS));
  } else if (keys !== undefined) {
    problems.push('trustedPackKeys: not a list of keys');
    policy.trustedPackKeys = [UNREADABLE_PINS];
  }

  const allow = managed.allowUserPacks;
  if (typeof allow === 'boolean') policy.allowUserPacks = allow;
  else if (allow !== undefined) problems.push('allowUserPacks: not true or false');

  if (problems.length > 0) policy.allowUserPacks = false;
  return policy;
}

export async function readPackPolicy(): Promise<PackPolicy> {
  let managed: Record<string, unknown>;
  try {
    managed = await browser.storage.managed.get(['packUrls', 'allowUserPacks', 'trustedPackKeys']);
  } catch {
    return NO_POLICY; // no managed storage (not an enterprise install)
  }
  return parsePackPolicy(managed);
}
