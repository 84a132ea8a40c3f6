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

/** The full SHA-256 of a public key's SPKI bytes, 64 hex digits: what pins are compared on. */
export async function keySha256(publicKeyBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKeyBase64)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A short, stable name for a public key: the first 16 hex digits of its SHA-256.
 * For people to read only; trust is never decided on it (see `checkTrust`).
 */
export async function keyFingerprint(publicKeyBase64: string): Promise<string> {
  return (await keySha256(publicKeyBase64)).slice(0, 16);
}

export type PinCheck = { ok: true; sha256: string } | { ok: false; reason: string };

/**
 * Reads one pinned key from policy (`trustedPackKeys`): a P-256 public key
 * (base64 SPKI) or its full SHA-256 (64 hex digits). A 16-digit fingerprint is
 * refused: 64 bits are too few to pin a key on.
 */
export async function readPin(pin: unknown): Promise<PinCheck> {
  if (typeof pin !== 'string') return { ok: false, reason: 'not a text' };
  const text = pin.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return { ok: true, sha256: text.toLowerCase() };
  if (/^[0-9a-fA-F]{16}$/.test(text))
    return {
      ok: false,
      reason:
        'a 16-digit fingerprint is too short to pin a key on; give the public key or its full SHA-256 (64 hex digits)',
    };
  try {
    await crypto.subtle.importKey('spki', fromBase64(text), ALG, false, ['verify']);
  } catch {
    return { ok: false, reason: 'not a P-256 public key (base64 SPKI) nor a SHA-256 (64 hex digits)' };
  }
  return { ok: true, sha256: await keySha256(text) };
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
  | { status: 'unsigned' }
  | { status: 'valid'; fingerprint: string; sha256: string }
  | { status: 'invalid'; reason: string };

export async function verifyPack(pack: Pack): Promise<SignatureCheck> {
  if (!pack.signature) return { status: 'unsigned' };
  try {
    const key = await crypto.subtle.importKey('spki', fromBase64(pack.signature.publicKey), ALG, false, ['verify']);
    const ok = await crypto.subtle.verify(SIGN, key, fromBase64(pack.signature.value), signedBytes(pack));
    return ok
      ? {
          status: 'valid',
          fingerprint: await keyFingerprint(pack.signature.publicKey),
          sha256: await keySha256(pack.signature.publicKey),
        }
      : { status: 'invalid', reason: 'The signature does not match the pack: it was changed after signing' };
  } catch {
    return { status: 'invalid', reason: 'The signature or its public key is malformed' };
  }
}

/**
 * Whether policy lets this pack in: with trusted keys pinned, only packs
 * validly signed by one of them are accepted; a bad signature is always refused.
 * Keys are compared on the full SHA-256 of their SPKI. Pins are read one by
 * one: an unreadable pin matches nothing but still means pinning is on, so a
 * typo in policy never lets unsigned packs in, nor stops the other pins working.
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
  const pins = await Promise.all(trustedKeys.map(readPin));
  return pins.some((p) => p.ok && p.sha256 === check.sha256)
    ? { ok: true }
    : { ok: false, reason: `signature: Signed by key ${check.fingerprint}, which your organisation does not trust` };
}
