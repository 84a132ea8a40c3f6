import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { aTeamPack } from '../fixtures/packs';
import { fixedKey } from './fixed-key';
import { SidevognDb } from '@/lib/db/database';
import { changePassphrase, META_KEYS, openSecret, renewRecoveryKey, setUpEncryption } from '@/lib/db/keyring-store';
import { applyRetention, DAY_MS } from '@/lib/privacy/citizen-data';
import { createRepositories, type Repositories } from '@/lib/repositories';
import { draftIdForNewNote } from '@/lib/notes/draft-repository';
import { openRows, SEALED_TABLES } from '@/lib/db/sealed';
import { defaultPack } from '@/lib/packs/default-pack';
import { packSchema } from '@/lib/packs/schema';
import { installFromText } from '@/lib/packs/sources';
import { countsOf, injectWriteFaults, rawDump } from './raw-dump';

/*
 * Atomicity, deterministically: each operation that promises "all of it or
 * none of it" runs with its 1st write made to throw, then its 2nd, its 3rd,
 * and so on until a run reaches no armed write and succeeds. Every failed run
 * must reject and leave every table (and chrome.storage.local) byte for byte
 * as before, compared on raw IndexedDB dumps. An operation split into two
 * transactions fails here at the first write of the second one, every time,
 * where a kill loop finds it only when a kill happens to land in between.
 */

const faults = injectWriteFaults();
const opened: SidevognDb[] = [];
afterEach(async () => {
  faults.arm(0);
  for (const db of opened.splice(0)) await db.delete();
});

let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);
const PASS = 'korrekt hest batteri hæfteklamme';

function aDatabase(): SidevognDb {
  const db = new SidevognDb(`atomicity-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

async function anInstallation(passphrase = PASS) {
  const db = aDatabase();
  await db.open();
  const { dataKey, recoveryKey } = await setUpEncryption(db, passphrase);
  return { db, dataKey, recoveryKey, repo: createRepositories(db, tick, fixedKey(dataKey)) };
}

const template = packSchema.parse(structuredClone(defaultPack)).templates[0]!;

/** A record in every citizen table, for two citizens (one CPR per call's `tag`). */
async function fill(repo: Repositories, tag: string) {
  const anna = await repo.citizens.open('070761-4285', `Anna Jensen ${tag}`);
  await repo.notes.create(anna, `Første samtale ${tag}`);
  await repo.drafts.save(draftIdForNewNote(anna), anna, `Halvskrevet ${tag}`);
  await repo.formDrafts.save(anna, template.id, { emne: tag });
  await repo.summaries.setText(anna, 'goal', `Elektriker ${tag}`);
  await repo.deadlines.add(anna, `Opfølgning ${tag}`, '2023-11-20');
  await repo.checklistRuns.start(anna, { id: 'tjek', packId: 'p', packVersion: '1.0.0' });
  await repo.history.templateInserted(anna, template, null);
  const bo = await repo.citizens.open(tag === 'kilde' ? '010190-1234' : '020290-2345', `Bo Hansen ${tag}`);
  await repo.notes.create(bo, `Bo note ${tag}`);
  return { anna, bo };
}

/**
 * Runs `operation` with write 1, 2, 3, … made to throw. Each run that reaches
 * its armed write must reject and change nothing (raw dump of `db` equal to
 * the one before); the first run that writes fewer times than armed must
 * succeed. Returns how many writes the successful run made.
 */
async function failEveryWrite(db: SidevognDb, operation: () => Promise<unknown>): Promise<number> {
  const before = await rawDump(db.name);
  for (let n = 1; ; n++) {
    faults.arm(n);
    const outcome = await operation().then(
      () => null,
      (e: unknown) => e,
    );
    const { fired, writes } = faults.state;
    faults.arm(0);
    if (!fired) {
      expect(outcome, `no write failed, yet the operation failed: ${String(outcome)}`).toBeNull();
      expect(n, 'the operation wrote nothing at all').toBeGreaterThan(1);
      return writes;
    }
    expect(outcome, `write ${n} of ${writes} failed, yet the operation reported success`).toBeInstanceOf(Error);
    const after = await rawDump(db.name);
    if (after !== before)
      expect.fail(
        `write ${n} failed and the operation did not undo the writes before it: rows per store ${JSON.stringify(countsOf(before))} before, ${JSON.stringify(countsOf(after))} after (or values changed)`,
      );
  }
}

describe('the N-th write fails, for every N: all of it or nothing, on the raw tables', { timeout: 60_000 }, () => {
  it('pack install (options page: a new version of an installed pack, next to another pack)', async () => {
    const { db, repo } = await anInstallation();
    await repo.packs.installDefault(async () => defaultPack);
    await repo.packs.install(packSchema.parse(aTeamPack()), { kind: 'file' });
    const next = packSchema.parse(aTeamPack({ version: '1.1.0', templateTitle: 'Hjemmebesøg (ny)' }));
    const writes = await failEveryWrite(db, () => repo.packs.install(next, { kind: 'file' }, { signedBy: null }));
    expect(writes).toBe(2);
    const [team] = (await repo.packs.list()).filter((p) => p.state.id === 'vesthavn.team');
    expect(team!.state.activeVersion).toBe('1.1.0');
  });

  it('pack install on first run (the default pack and its marker)', async () => {
    const { db, repo } = await anInstallation();
    const writes = await failEveryWrite(db, () => repo.packs.installDefault(async () => defaultPack));
    // The pack, its state, the installed marker and the default version marker, in one transaction.
    expect(writes).toBe(4);
    expect(await db.meta.get(META_KEYS.defaultPackInstalled)).toBeDefined();
  });

  it('pack install from a policy URL (fetched text, not removable)', async () => {
    const { db, repo } = await anInstallation();
    const source = {
      kind: 'policy' as const,
      url: 'https://intra.vesthavn.dk/team.json',
      etag: '"1"',
      lastModified: null,
      checkedAt: 1,
      error: null,
    };
    const text = JSON.stringify(aTeamPack());
    // The policy names this address (the repository re-checks every pack against policy).
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ packUrls: [source.url] });
    // installFromText reports a failed install as an outcome, not a rejection.
    const install = async () => {
      const outcome = await installFromText(repo, text, [], source, { activate: true, removable: false });
      if (outcome.status !== 'installed') throw new Error(JSON.stringify(outcome));
    };
    expect(await failEveryWrite(db, install)).toBe(2);
  });

  it('backup merge (a new citizen and newer records of a known one, every citizen table)', async () => {
    // The target's records first, so the backup's are newer: Anna's get updated, Bo (another CPR) added.
    const target = await anInstallation();
    await fill(target.repo, 'mål');
    const source = await anInstallation('kildens egen frase 42');
    await fill(source.repo, 'kilde');
    const { text } = await source.repo.backup.export();
    const writes = await failEveryWrite(target.db, () =>
      target.repo.backup.import(text, { kind: 'recovery', value: source.recoveryKey }),
    );
    expect(writes).toBeGreaterThanOrEqual(8);
    expect(await target.repo.privacy.citizenKeys()).toHaveLength(3);
    const anna = await target.repo.citizens.open('070761-4285', 'Anna');
    expect((await target.repo.notes.list(anna)).map((n) => n.body).sort()).toEqual([
      'Første samtale kilde',
      'Første samtale mål',
    ]);
  });

  it('passphrase set-up on a new profile (keyring, citizen-key secret, marker)', async () => {
    const db = aDatabase();
    await db.open();
    const writes = await failEveryWrite(db, () => setUpEncryption(db, PASS));
    expect(writes).toBe(3);
    expect(await db.meta.get(META_KEYS.keyring)).toBeDefined();
  });

  it('encryption at set-up of a profile that holds records in clear (every citizen table and the secret)', async () => {
    // Records in clear, as an older version stored them: opened from a sealed installation.
    const donor = await anInstallation();
    await fill(donor.repo, 'klar');
    const db = aDatabase();
    await db.open();
    for (const table of SEALED_TABLES) {
      const clear = await openRows(donor.dataKey, table, await donor.db.table(table).toArray());
      await db.table(table).bulkPut(clear);
    }
    const secret = await openSecret(donor.dataKey, (await donor.db.meta.get(META_KEYS.citizenKeySecret))!.value);
    await db.meta.put({ key: META_KEYS.citizenKeySecret, value: secret });
    const rows = (await Promise.all(SEALED_TABLES.map((t) => db.table(t).count()))).reduce((a, b) => a + b, 0);
    expect(rows).toBe(9);

    const writes = await failEveryWrite(db, () => setUpEncryption(db, PASS));
    // And the search log's row for each of the 2 notes (lib/db/search-log.ts), in the same transaction.
    expect(writes).toBe(rows + 3 + 2);
    expect(JSON.stringify(await db.notes.toArray())).not.toContain('Første samtale');
  });

  it('passphrase change (the rewrapped keyring and its date)', async () => {
    const { db } = await anInstallation();
    const writes = await failEveryWrite(db, () => changePassphrase(db, PASS, 'en ny og lang frase 2026'));
    expect(writes).toBe(2);
  });

  it('a new recovery key (the rewrapped keyring)', async () => {
    const { db } = await anInstallation();
    const writes = await failEveryWrite(db, () => renewRecoveryKey(db, PASS));
    expect(writes).toBe(1);
  });

  it("erasing one citizen (every table's rows about them)", async () => {
    const { db, repo } = await anInstallation();
    const { anna } = await fill(repo, 'slet');
    const writes = await failEveryWrite(db, () => repo.privacy.erase(anna));
    // Citizen, note, draft, summary, deadline, checklist run, history (the form draft ended with the insertion),
    // and for the note the search log's row and the drop of the search index's snapshots (lib/db/search-log.ts).
    expect(writes).toBe(7 + 2);
    expect(await repo.privacy.citizenKeys()).toHaveLength(1);
  });

  it('erasing all citizen data', async () => {
    const { db, repo } = await anInstallation();
    await fill(repo, 'alle');
    await repo.packs.installDefault(async () => defaultPack);
    const writes = await failEveryWrite(db, () => repo.privacy.eraseAll());
    // Eight tables, and the search log's row and the drop of the search index's snapshots (lib/db/search-log.ts).
    expect(writes).toBe(8 + 2);
    expect(await repo.privacy.citizenKeys()).toEqual([]);
    expect(await repo.packs.list()).toHaveLength(1);
  });

  it('retention (expired citizens and orphaned rows, in one erase)', async () => {
    const { db, repo } = await anInstallation();
    await fill(repo, 'gammel');
    // An orphan: a deadline whose citizen record is gone.
    await db.deadlines.put({ ...(await db.deadlines.toArray())[0]!, id: 'forældreløs', citizenKey: 'f'.repeat(32) });
    const writes = await failEveryWrite(db, () => applyRetention(db, 90, clock + 91 * DAY_MS));
    expect(writes).toBeGreaterThanOrEqual(9);
    expect(await db.deadlines.count()).toBe(0);
  });
});
