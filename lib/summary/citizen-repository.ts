import type { DataContext } from '../db/data-context';
import { META_KEYS, openSecret, sealSecret } from '../db/keyring-store';
import { openRow, sealRecord } from '../db/sealed';
import { deriveCitizenKey, importCitizenKeySecret, newCitizenKeySecret } from '../db/citizen-key';
import { caseAddressSchema, type CitizenRecord } from '../db/records';

const SECRET_META_KEY = META_KEYS.citizenKeySecret;

/** The citizens the caseworker has opened, and the citizen keys every citizen table is keyed by. */
export function createCitizenRepository(ctx: DataContext) {
  const { db, now, keys, key, waitFor } = ctx;

  // The secret is cached with the key it was opened with, so it is forgotten with
  // the key, and so are the citizen keys derived with it (one per CPR asked for).
  let secret: { key: CryptoKey; value: Promise<CryptoKey>; derived: Map<string, Promise<string>> } | undefined;

  async function loadSecret(dataKey: CryptoKey): Promise<Uint8Array> {
    const row = await db.meta.get(SECRET_META_KEY);
    if (row) return openSecret(dataKey, row.value);
    const fresh = newCitizenKeySecret();
    const sealed = await sealSecret(dataKey, fresh);
    return db.transaction('rw', db.meta, async () => {
      const raced = await db.meta.get(SECRET_META_KEY);
      if (raced) return waitFor(openSecret(dataKey, raced.value));
      await db.meta.put({ key: SECRET_META_KEY, value: sealed });
      return fresh;
    });
  }

  /** The secret the citizen keys are derived with, ready to sign with. */
  function citizenKeySecret(): NonNullable<typeof secret> {
    const dataKey = key();
    if (secret?.key !== dataKey) {
      const value = loadSecret(dataKey).then(importCitizenKeySecret);
      secret = { key: dataKey, value, derived: new Map() };
      value.catch(() => {
        if (secret?.value === value) secret = undefined;
      });
    }
    return secret;
  }

  /** Derived once per CPR: the panel's start and the citizen's opening both ask for it. */
  async function citizenKey(canonicalCpr: string): Promise<string> {
    const { value, derived } = citizenKeySecret();
    let ckey = derived.get(canonicalCpr);
    if (!ckey) {
      ckey = value.then((hmac) => deriveCitizenKey(hmac, canonicalCpr));
      derived.set(canonicalCpr, ckey);
      ckey.catch(() => derived.delete(canonicalCpr));
    }
    return ckey;
  }

  const citizens = {
    /** Loads what citizen keys are derived with ahead of the first citizen (the panel's start). */
    prepare(): void {
      if (keys.current() !== null) citizenKeySecret().value.catch(() => undefined);
    },
    /** Records that the caseworker has this citizen open; returns the key. */
    async open(cpr: string, name: string): Promise<string> {
      const dataKey = key();
      const ckey = await citizenKey(cpr);
      // Usually the citizen is known by this name: a read, and no write
      // transaction for the panel's first reads to queue behind.
      const known = await db.citizens.get(ckey);
      if (known && (!name || name === (await openRow(dataKey, 'citizens', known)).name)) return ckey;
      await db.transaction('rw', db.citizens, async () => {
        const existing = await db.citizens.get(ckey);
        if (existing) {
          const record = await waitFor(openRow(dataKey, 'citizens', existing));
          // Usually nothing changes, and nothing is written.
          if (name && name !== record.name)
            await db.citizens.put(await waitFor(sealRecord(dataKey, 'citizens', { ...record, name })));
        } else {
          const t = now();
          const record: CitizenRecord = { key: ckey, cpr, name, firstSeenAt: t, lastActivityAt: t };
          await db.citizens.put(await waitFor(sealRecord(dataKey, 'citizens', record)));
        }
      });
      return ckey;
    },
    /**
     * Remembers where the case system showed an opened citizen (sealed with
     * the rest of the record). Only an address that passes caseAddressSchema;
     * the caller checks it belongs to a taught case system (./case-address).
     * No write when it is the one already known, nor for a citizen not
     * opened (or erased meanwhile); the last activity is not touched.
     */
    async rememberAddress(citizenKey: string, address: string): Promise<boolean> {
      const url = caseAddressSchema.parse(address);
      const dataKey = key();
      const known = await db.citizens.get(citizenKey);
      if (!known || (await openRow(dataKey, 'citizens', known)).caseAddress === url) return false;
      return db.transaction('rw', db.citizens, async () => {
        const existing = await db.citizens.get(citizenKey);
        if (!existing) return false;
        const record = await waitFor(openRow(dataKey, 'citizens', existing));
        if (record.caseAddress === url) return false;
        await db.citizens.put(await waitFor(sealRecord(dataKey, 'citizens', { ...record, caseAddress: url })));
        return true;
      });
    },
    async get(citizenKey: string): Promise<CitizenRecord | undefined> {
      const dataKey = key();
      const row = await db.citizens.get(citizenKey);
      return row && openRow(dataKey, 'citizens', row);
    },
  };

  return { citizenKey, citizens };
}

export type CitizenRepository = ReturnType<typeof createCitizenRepository>;
