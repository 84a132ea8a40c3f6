import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';
import { DEFAULT_RETENTION_DAYS } from './privacy';

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
