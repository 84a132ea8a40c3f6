import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';

/**
 * Enterprise policy (chrome.storage.managed, schema in public/managed_schema.json):
 * packs the organisation installs, whether users may add their own, and the
 * keys a pack must be signed with.
 */
export const packPolicySchema = lazySchema(() =>
  z.object({
    packUrls: z.array(z.url({ protocol: /^https?$/ })).default([]),
    allowUserPacks: z.boolean().default(true),
    trustedPackKeys: z.array(z.string().min(16).max(400)).default([]),
  }),
);
export type PackPolicy = z.infer<typeof packPolicySchema>;

export const NO_POLICY: PackPolicy = { packUrls: [], allowUserPacks: true, trustedPackKeys: [] };

export async function readPackPolicy(): Promise<PackPolicy> {
  try {
    const managed = await browser.storage.managed.get(['packUrls', 'allowUserPacks', 'trustedPackKeys']);
    const parsed = packPolicySchema.safeParse(managed);
    // Chromium already drops values that do not match the managed schema.
    return parsed.success ? parsed.data : NO_POLICY;
  } catch {
    return NO_POLICY; // no managed storage (not an enterprise install)
  }
}
