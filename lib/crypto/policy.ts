import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';

/** The shortest idle time policy may set: a shorter pause never locks, whatever the policy says. */
const SHORTEST_IDLE_MINUTES = 1;

/**
 * Lock policy from enterprise policy (chrome.storage.managed, schema in
 * public/managed_schema.json): idle minutes before Sidevogn locks, and the
 * shortest passphrase accepted.
 */
export const lockPolicySchema = lazySchema(() =>
  z.object({
    idleLockMinutes: z.number().int().min(SHORTEST_IDLE_MINUTES).max(480).catch(15).default(15),
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

const lastActivitySchema = lazySchema(() => z.number().int().nonnegative().catch(0));

/**
 * Whether a session whose last activity was at `lastActivityAt` (as stored in
 * storage.session; missing or invalid counts as long ago) has been idle for the
 * policy's minutes at `now`. Without a policy: whether it may have been, under
 * the shortest one policy allows.
 */
export function idleExpired(lastActivityAt: unknown, now: number, policy?: LockPolicy): boolean {
  const idleMinutes = policy?.idleLockMinutes ?? SHORTEST_IDLE_MINUTES;
  return now - lastActivitySchema.parse(lastActivityAt ?? 0) >= idleMinutes * 60_000;
}
