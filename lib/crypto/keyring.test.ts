import { describe, expect, it } from 'vitest';
import {
  MIN_PBKDF2_ITERATIONS,
  RecoveryKeyFormatError,
  WrongSecretError,
  createKeyring,
  keyringSchema,
  normaliseRecoveryKey,
  rewrapPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './keyring';
import { SealedDataError, open, seal } from './seal';

// Unit tests use the real 600,000 iterations: the keyring schema refuses fewer.
const PASS = 'Grøn cykel under æbletræet 42';

describe('keyring', async () => {
  const { keyring, dataKey, recoveryKey } = await createKeyring(PASS);

  it('wraps a random AES-GCM data key under PBKDF2-SHA256 with at least 600,000 iterations', () => {
    expect(keyringSchema.parse(keyring)).toEqual(keyring);
    expect(keyring.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_PBKDF2_ITERATIONS });
    expect(() => keyringSchema.parse({ ...keyring, kdf: { ...keyring.kdf, iterations: 100_000 } })).toThrow();
    expect(JSON.stringify(keyring)).not.toContain(PASS);
  });

  it('opens with the passphrase to the same data key', async () => {
    const key = await unlockWithPassphrase(keyring, PASS);
    const sealed = await seal(dataKey, { body: 'hej' }, 'notes/1');
    expect(await open(key, sealed, 'notes/1')).toEqual({ body: 'hej' });
  });

  it('refuses a wrong passphrase with WrongSecretError', async () => {
    await expect(unlockWithPassphrase(keyring, `${PASS} `)).rejects.toBeInstanceOf(WrongSecretError);
    await expect(unlockWithPassphrase(keyring, '')).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('treats the same passphrase typed in another Unicode form as the same', async () => {
    await expect(unlockWithPassphrase(keyring, PASS.normalize('NFD'))).resolves.toBeDefined();
  });

  it('shows the recovery key in groups of Crockford base32 (no I, L, O, U) and accepts it however typed', async () => {
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    const sloppy = ` ${recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l')} `;
    expect(normaliseRecoveryKey(sloppy)).toBe(recoveryKey.replaceAll('-', ''));
    const key = await unlockWithRecoveryKey(keyring, sloppy);
    const sealed = await seal(dataKey, 'x', 'a');
    expect(await open(key, sealed, 'a')).toBe('x');
  });

  it('refuses a malformed recovery key before deriving anything, and a wrong one after', async () => {
    await expect(unlockWithRecoveryKey(keyring, 'ABCD-EFGH')).rejects.toBeInstanceOf(RecoveryKeyFormatError);
    await expect(unlockWithRecoveryKey(keyring, recoveryKey.replace(/.$/, 'U'))).rejects.toBeInstanceOf(
      RecoveryKeyFormatError,
    );
    const other = recoveryKey.startsWith('A') ? `B${recoveryKey.slice(1)}` : `A${recoveryKey.slice(1)}`;
    await expect(unlockWithRecoveryKey(keyring, other)).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('a passphrase change re-wraps the same key: old data still opens, the old passphrase does not', async () => {
    const sealed = await seal(dataKey, { note: 'før skiftet' }, 'notes/9');
    const next = await rewrapPassphrase(keyring, dataKey, 'Et helt nyt og langt kodeord 2026');
    expect(next.byRecovery).toEqual(keyring.byRecovery);
    await expect(unlockWithPassphrase(next, PASS)).rejects.toBeInstanceOf(WrongSecretError);
    const key = await unlockWithPassphrase(next, 'Et helt nyt og langt kodeord 2026');
    expect(await open(key, sealed, 'notes/9')).toEqual({ note: 'før skiftet' });
    // The recovery key still opens the re-wrapped keyring.
    await expect(unlockWithRecoveryKey(next, recoveryKey)).resolves.toBeDefined();
  });
});

describe('seal', async () => {
  const { dataKey } = await createKeyring(PASS);

  it('round-trips JSON values and never stores the plaintext', async () => {
    const value = { body: 'Borgeren har ondt i ryggen', cpr: '070761-4285', list: [1, 'å'] };
    const sealed = await seal(dataKey, value, 'notes/1/abc');
    expect(JSON.stringify(sealed)).not.toMatch(/ryggen|070761/);
    expect(await open(dataKey, sealed, 'notes/1/abc')).toEqual(value);
  });

  it('uses a fresh IV each time', async () => {
    const a = await seal(dataKey, 'same', 'x');
    const b = await seal(dataKey, 'same', 'x');
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses tampered ciphertext', async () => {
    const sealed = await seal(dataKey, 'hemmelig', 'x');
    const bytes = Uint8Array.from(atob(sealed.ct), (c) => c.charCodeAt(0));
    bytes[0]! ^= 1;
    const tampered = { ...sealed, ct: btoa(String.fromCharCode(...bytes)) };
    await expect(open(dataKey, tampered, 'x')).rejects.toBeInstanceOf(SealedDataError);
  });

  it('refuses a value moved to another row (swapped AAD)', async () => {
    const sealed = await seal(dataKey, 'note of A', 'sidevogn/notes/1/citizenA');
    await expect(open(dataKey, sealed, 'sidevogn/notes/1/citizenB')).rejects.toBeInstanceOf(SealedDataError);
    await expect(open(dataKey, sealed, 'sidevogn/notes/2/citizenA')).rejects.toBeInstanceOf(SealedDataError);
  });

  it('refuses another key', async () => {
    const other = await createKeyring(PASS);
    const sealed = await seal(dataKey, 'x', 'a');
    await expect(open(other.dataKey, sealed, 'a')).rejects.toBeInstanceOf(SealedDataError);
  });
});
