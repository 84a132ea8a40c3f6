import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';

/**
 * Lock policy from enterprise policy (chrome.storage.managed, schema in
 * public/managed_schema.json): idle minutes before Sidevogn locks, and the
 * shortest passphrase accepted.
 */
export const lockPolicySchema = lazySchema(() =>
  z.object({
    idleLockMinutes: z.number().int().min(1).max(480).catch(15).default(15),
    minPassphraseLength: z.number().int().min(8).max(128).catch(12).default(12),
  }),
);
export type LockPolicy = z.infer<typeof lockPolicySchema>;

export const DEFAULT_LOCK_POLICY: LockPolicy = { idleLockMinutes: 15, minPassphraseLength: 12 };

export async function readLockPolicy(): Promise<LockPolicy> {
  try {
    const managed = await browser.storage.managed.get(['idleLockMinutes', 'minPassphraseLength']);
    return lockPolicySchema.parse(managed);
  } catch {
    return DEFAULT_LOCK_POLICY; // no managed storage (not an enterprise install)
  }
}
