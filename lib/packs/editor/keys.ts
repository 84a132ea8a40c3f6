import type { Pack } from '../schema';
import { exportPublicKey, keyFingerprint, signPack } from '../signing';

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** What the options page keeps of a signing key: the private half never leaves WebCrypto. */
export interface SigningKey {
  id: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  createdAt: number;
  privateKey: CryptoKey;
}

/**
 * A new ECDSA P-256 key pair. The private key is not extractable: it can sign
 * in this browser profile and nowhere else, so it cannot be copied out by
 * accident (or by a script); only the public key is exported.
 */
export async function generateKey(name: string, now = Date.now()): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(ALG, false, ['sign', 'verify']);
  const publicKey = await exportPublicKey(pair.publicKey);
  return {
    id: crypto.randomUUID(),
    name: name.trim(),
    publicKey,
    fingerprint: await keyFingerprint(publicKey),
    createdAt: now,
    privateKey: pair.privateKey,
  };
}

/** Signs with a stored key (its public half is imported again from SPKI). */
export async function signWithKey(pack: Pack, key: Pick<SigningKey, 'publicKey' | 'privateKey'>): Promise<Pack> {
  const spki = Uint8Array.from(atob(key.publicKey), (c) => c.charCodeAt(0));
  const publicKey = await crypto.subtle.importKey('spki', spki, ALG, true, ['verify']);
  return signPack(pack, { privateKey: key.privateKey, publicKey });
}
