import type { Pack, PackSignature } from './schema';

/**
 * Optional pack signing with ECDSA P-256 (WebCrypto). The signature covers the
 * canonical JSON of the pack without its `signature`, so formatting and key
 * order do not matter.
 */

const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

const toBase64 = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const signedBytes = (pack: Pack) => {
  const { signature: _signature, ...rest } = pack;
  return new TextEncoder().encode(canonicalJson(rest));
};

export async function generateSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
}

export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64(await crypto.subtle.exportKey('spki', key));
}

/** A short, stable name for a public key: the first 16 hex digits of its SHA-256. */
export async function keyFingerprint(publicKeyBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKeyBase64)));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function signPack(pack: Pack, keys: CryptoKeyPair): Promise<Pack> {
  const value = await crypto.subtle.sign(SIGN, keys.privateKey, signedBytes(pack));
  const signature: PackSignature = {
    alg: 'ECDSA-P256-SHA256',
    publicKey: await exportPublicKey(keys.publicKey),
    value: toBase64(value),
  };
  return { ...pack, signature };
}

export type SignatureCheck =
  { status: 'unsigned' } | { status: 'valid'; fingerprint: string } | { status: 'invalid'; reason: string };

export async function verifyPack(pack: Pack): Promise<SignatureCheck> {
  if (!pack.signature) return { status: 'unsigned' };
  try {
    const key = await crypto.subtle.importKey('spki', fromBase64(pack.signature.publicKey), ALG, false, ['verify']);
    const ok = await crypto.subtle.verify(SIGN, key, fromBase64(pack.signature.value), signedBytes(pack));
    return ok
      ? { status: 'valid', fingerprint: await keyFingerprint(pack.signature.publicKey) }
      : { status: 'invalid', reason: 'The signature does not match the pack: it was changed after signing' };
  } catch {
    return { status: 'invalid', reason: 'The signature or its public key is malformed' };
  }
}

/**
 * Whether policy lets this pack in: with trusted keys pinned, only packs
 * validly signed by one of them are accepted; a bad signature is always refused.
 */
export async function checkTrust(
  pack: Pack,
  trustedKeys: string[],
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const check = await verifyPack(pack);
  if (check.status === 'invalid') return { ok: false, reason: `signature: ${check.reason}` };
  if (trustedKeys.length === 0) return { ok: true };
  if (check.status === 'unsigned')
    return { ok: false, reason: 'signature: Your organisation only accepts signed packs, and this pack is not signed' };
  const trusted = await Promise.all(trustedKeys.map((k) => (/^[0-9a-f]{16}$/.test(k) ? k : keyFingerprint(k))));
  return trusted.includes(check.fingerprint)
    ? { ok: true }
    : { ok: false, reason: `signature: Signed by key ${check.fingerprint}, which your organisation does not trust` };
}
