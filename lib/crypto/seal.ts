import { lazySchema, z } from '../zod';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding';

/**
 * A value encrypted with AES-GCM under the data key. The additional data
 * (AAD) names where the value belongs (table, primary key, citizen), so a
 * sealed value copied into another row or another citizen fails to open
 * instead of being shown in the wrong place.
 */
export const sealedSchema = lazySchema(() =>
  z.strictObject({
    iv: z.base64().length(16),
    // Not checked as base64 here: a regex over every note is costly, and
    // decryption refuses anything that is not the exact ciphertext anyway.
    ct: z.string().min(24).max(1_000_000),
  }),
);
export type Sealed = z.infer<typeof sealedSchema>;

/** The sealed value was changed, moved to another row, or sealed under another key. */
export class SealedDataError extends Error {
  override name = 'SealedDataError';
  constructor(readonly aad: string) {
    super(`Encrypted data at ${aad} cannot be opened: it was changed, moved or belongs to another key`);
  }
}

const IV_BYTES = 12;

/**
 * Bytes encrypted with AES-GCM under `key`, a fresh IV, and `aad` bound: what
 * seal() does for a value, and what the search index's snapshot (binary, not
 * base64) is sealed with (lib/search/index-snapshot.ts).
 */
export async function sealBytes(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<{ iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer }> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(aad) }, key, plain);
  return { iv, ct };
}

/** The bytes sealBytes sealed; rejects when they do not open (changed, moved, another key). */
export function openBytes(
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
  ct: ArrayBuffer | Uint8Array<ArrayBuffer>,
  aad: string,
): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(aad) }, key, ct);
}

export async function seal(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  const { iv, ct } = await sealBytes(key, utf8.encode(JSON.stringify(value)), aad);
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

export async function open(key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await openBytes(key, fromBase64(sealed.iv), fromBase64(sealed.ct), aad);
  } catch {
    throw new SealedDataError(aad);
  }
  return JSON.parse(fromUtf8.decode(plain)) as unknown;
}
