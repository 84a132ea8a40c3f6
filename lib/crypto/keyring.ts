import { lazySchema, z } from '../zod';
import { fromBase64, toBase64, utf8 } from './encoding';

/**
 * The keyring: one random AES-GCM data key encrypts all citizen data, and is
 * stored only wrapped, once under a key derived from the caseworker's
 * passphrase (PBKDF2-SHA256) and once under a key derived from the recovery
 * key (HKDF-SHA256: the recovery key is already high-entropy). The keyring
 * itself holds nothing secret and is kept in clear in the `meta` table.
 * Changing the passphrase re-wraps the data key; no data is re-encrypted,
 * unless the caseworker asks for a new data key (rekey(): a new data key and
 * a new recovery key, and every sealed value re-encrypted; see
 * lib/db/keyring-store). A new recovery key alone (renewRecovery()) re-wraps
 * the same data key and the old recovery key stops working.
 * The salt stays for the installation's life: backup import recognises the
 * installation by it.
 */

export const MIN_PBKDF2_ITERATIONS = 600_000;

const b64 = lazySchema(() => z.base64());

export const wrappedKeySchema = lazySchema(() =>
  z.strictObject({
    alg: z.literal('AES-GCM'),
    iv: b64.length(16),
    /** The 32-byte raw data key plus the 16-byte tag. */
    ct: b64.length(64),
  }),
);
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

export const keyringSchema = lazySchema(() =>
  z.strictObject({
    v: z.literal(1),
    kdf: z.strictObject({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(100_000_000),
      salt: b64.length(24),
    }),
    byPassphrase: wrappedKeySchema,
    byRecovery: wrappedKeySchema,
  }),
);
export type Keyring = z.infer<typeof keyringSchema>;

/** The passphrase or recovery key does not open the keyring. */
export class WrongSecretError extends Error {
  override name = 'WrongSecretError';
  constructor(readonly secret: 'passphrase' | 'recovery') {
    super(secret === 'passphrase' ? 'Wrong passphrase' : 'Wrong recovery key');
  }
}

/** What was typed cannot be a recovery key (wrong length or letters). */
export class RecoveryKeyFormatError extends Error {
  override name = 'RecoveryKeyFormatError';
  constructor() {
    super(`A recovery key has ${RECOVERY_CHARS} letters and digits`);
  }
}

// Crockford's base32: no I, L, O or U, so nothing reads as another character.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 28 characters of 5 bits: 140 random bits. */
const RECOVERY_CHARS = 28;
const GROUP = 4;
const PASSPHRASE_AAD = utf8.encode('sidevogn/keyring/v1/passphrase');
const RECOVERY_AAD = utf8.encode('sidevogn/keyring/v1/recovery');
const RECOVERY_INFO = utf8.encode('sidevogn/recovery-key/v1');

export function newRecoveryKey(): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform.
  const chars = Array.from(crypto.getRandomValues(new Uint8Array(RECOVERY_CHARS)), (b) => ALPHABET[b & 31]!);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP).join(''));
  return groups.join('-');
}

/** Accepts any case, spaces and dashes, and O/I/L typed for 0/1. */
export function normaliseRecoveryKey(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_CHARS || [...cleaned].some((c) => !ALPHABET.includes(c)))
    throw new RecoveryKeyFormatError();
  return cleaned;
}

/** Passphrases are compared as typed, in Unicode NFC (so "æ" typed two ways is the same). */
const passphraseBytes = (passphrase: string) => utf8.encode(passphrase.normalize('NFC'));

async function passphraseKek(passphrase: string, kdf: Keyring['kdf']): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations, salt: fromBase64(kdf.salt) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function recoveryKek(recoveryKey: string, kdf: Keyring['kdf']): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8.encode(normaliseRecoveryKey(recoveryKey)), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: fromBase64(kdf.salt), info: RECOVERY_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrap(dataKey: CryptoKey, kek: CryptoKey, aad: Uint8Array<ArrayBuffer>): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv, additionalData: aad });
  return { alg: 'AES-GCM', iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

async function unwrap(
  wrapped: WrappedKey,
  kek: CryptoKey,
  aad: Uint8Array<ArrayBuffer>,
  secret: WrongSecretError['secret'],
): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      fromBase64(wrapped.ct),
      kek,
      { name: 'AES-GCM', iv: fromBase64(wrapped.iv), additionalData: aad },
      { name: 'AES-GCM', length: 256 },
      // Extractable: while unlocked, the raw key is shared with the other
      // extension pages through chrome.storage.session (see ./session).
      true,
      ['encrypt', 'decrypt'],
    );
  } catch {
    throw new WrongSecretError(secret);
  }
}

export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function createKeyring(
  passphrase: string,
  iterations = MIN_PBKDF2_ITERATIONS,
): Promise<{ keyring: Keyring; dataKey: CryptoKey; recoveryKey: string }> {
  const kdf: Keyring['kdf'] = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(16))),
  };
  const dataKey = await newDataKey();
  const recoveryKey = newRecoveryKey();
  const [byPassphrase, byRecovery] = await Promise.all([
    passphraseKek(passphrase, kdf).then((kek) => wrap(dataKey, kek, PASSPHRASE_AAD)),
    recoveryKek(recoveryKey, kdf).then((kek) => wrap(dataKey, kek, RECOVERY_AAD)),
  ]);
  return { keyring: keyringSchema.parse({ v: 1, kdf, byPassphrase, byRecovery }), dataKey, recoveryKey };
}

export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<CryptoKey> {
  return unwrap(keyring.byPassphrase, await passphraseKek(passphrase, keyring.kdf), PASSPHRASE_AAD, 'passphrase');
}

/** Throws RecoveryKeyFormatError for input that cannot be a recovery key, WrongSecretError for the wrong one. */
export async function unlockWithRecoveryKey(keyring: Keyring, recoveryKey: string): Promise<CryptoKey> {
  return unwrap(keyring.byRecovery, await recoveryKek(recoveryKey, keyring.kdf), RECOVERY_AAD, 'recovery');
}

/** A new passphrase for the same data key (with a fresh salt); the recovery key stays valid. */
export async function rewrapPassphrase(
  keyring: Keyring,
  dataKey: CryptoKey,
  newPassphrase: string,
  iterations = Math.max(keyring.kdf.iterations, MIN_PBKDF2_ITERATIONS),
): Promise<Keyring> {
  // The recovery wrap is bound to the salt, so the salt is kept; a fresh IV suffices for the new wrap.
  const kdf = { ...keyring.kdf, iterations };
  const byPassphrase = await wrap(dataKey, await passphraseKek(newPassphrase, kdf), PASSPHRASE_AAD);
  return keyringSchema.parse({ ...keyring, kdf, byPassphrase });
}

/** A new recovery key for the same data key; the old recovery key no longer opens the keyring. */
export async function renewRecovery(
  keyring: Keyring,
  dataKey: CryptoKey,
): Promise<{ keyring: Keyring; recoveryKey: string }> {
  const recoveryKey = newRecoveryKey();
  const byRecovery = await wrap(dataKey, await recoveryKek(recoveryKey, keyring.kdf), RECOVERY_AAD);
  return { keyring: keyringSchema.parse({ ...keyring, byRecovery }), recoveryKey };
}

/**
 * A new data key, wrapped under the new passphrase and a new recovery key
 * (the old recovery key wraps the old data key only, and cannot be re-used
 * without knowing it). The caller re-encrypts every sealed value before the
 * new keyring is stored, in one transaction.
 */
export async function rekey(
  keyring: Keyring,
  newPassphrase: string,
  iterations = Math.max(keyring.kdf.iterations, MIN_PBKDF2_ITERATIONS),
): Promise<{ keyring: Keyring; dataKey: CryptoKey; recoveryKey: string }> {
  const kdf = { ...keyring.kdf, iterations };
  const dataKey = await newDataKey();
  const recoveryKey = newRecoveryKey();
  const [byPassphrase, byRecovery] = await Promise.all([
    passphraseKek(newPassphrase, kdf).then((kek) => wrap(dataKey, kek, PASSPHRASE_AAD)),
    recoveryKek(recoveryKey, kdf).then((kek) => wrap(dataKey, kek, RECOVERY_AAD)),
  ]);
  return { keyring: keyringSchema.parse({ v: 1, kdf, byPassphrase, byRecovery }), dataKey, recoveryKey };
}
