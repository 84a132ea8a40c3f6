import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '../storage/keys';
import { lazySchema, z } from '../zod';
import { DEFAULT_RETENTION_DAYS } from './citizen-data';

/** Days without activity before citizen data is deleted: policy `retentionDays` (public/managed_schema.json). */
export const retentionDaysSchema = lazySchema(() => z.number().int().min(1).max(3650));

export async function readRetentionDays(): Promise<number> {
  try {
    const managed = await browser.storage.managed.get('retentionDays');
    const parsed = retentionDaysSchema.safeParse(managed.retentionDays);
    return parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS;
  } catch {
    return DEFAULT_RETENTION_DAYS; // no managed storage (not an enterprise install)
  }
}

/**
 * What automatic deletion remembers between runs, in chrome.storage.local
 * (times and counts, no citizen data): the clock of the last completed run
 * (the next run judges the clock by it), a run held for the caseworker to
 * confirm, and what the last runs deleted (shown in the options page).
 */
const count = () => z.number().int().nonnegative();
const retentionStateSchema = lazySchema(() =>
  z.object({
    lastRunAt: z.number().optional(),
    held: z.object({ at: z.number(), reason: z.enum(['clock', 'many']), citizens: count(), total: count() }).optional(),
    deleted: z
      .array(z.object({ at: z.number(), citizens: count(), records: count() }))
      .max(20)
      .catch([]),
  }),
);
export type RetentionState = z.infer<typeof retentionStateSchema>;
/** How many deleting runs the options page lists. */
export const RETENTION_LOG_LENGTH = 10;

export async function readRetentionState(): Promise<RetentionState> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.retention);
  const parsed = retentionStateSchema.safeParse(stored[STORAGE_KEYS.retention] ?? {});
  return parsed.success ? parsed.data : { deleted: [] };
}

export async function writeRetentionState(state: RetentionState): Promise<void> {
  await browser.storage.local.set({
    [STORAGE_KEYS.retention]: { ...state, deleted: state.deleted.slice(-RETENTION_LOG_LENGTH) },
  });
}
