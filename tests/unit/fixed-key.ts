import type { KeySource } from '../../lib/crypto/session';

/** A fixed key, for tests and tools that hold the key themselves. */
export const fixedKey = (key: CryptoKey | null): KeySource => ({ current: () => key });
