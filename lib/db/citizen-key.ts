/**
 * The citizen key: HMAC-SHA256 of the canonical CPR under a random secret kept
 * per installation. Indexes and ids use the key, so the raw number is not spread
 * through the database, and the key means nothing outside this installation.
 */

const encoder = new TextEncoder();

export function newCitizenKeySecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The secret as a key to sign with; import it once and derive many. */
export function importCitizenKeySecret(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

export async function deriveCitizenKey(secret: Uint8Array | CryptoKey, canonicalCpr: string): Promise<string> {
  const key = secret instanceof Uint8Array ? await importCitizenKeySecret(secret) : secret;
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(canonicalCpr)));
  return Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
