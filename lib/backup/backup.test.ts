import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedKey } from '../../tests/unit/fixed-key';
import { SidevognDb } from '../db/database';
import { setUpEncryption } from '../db/keyring-store';
import { CITIZEN_TABLES } from '../privacy/citizen-data';
import { createRepositories, type Repositories } from '../repositories';
import { draftIdForNewNote } from '../notes/draft-repository';
import { BackupError, type BackupErrorCode } from './backup';

const opened: SidevognDb[] = [];
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);

async function anInstallation(passphrase: string) {
  const db = new SidevognDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  await db.open();
  const { dataKey, recoveryKey } = await setUpEncryption(db, passphrase);
  return { db, repo: createRepositories(db, tick, fixedKey(dataKey)), recoveryKey };
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function fill(repo: Repositories) {
  const anna = await repo.citizens.open('070761-4285', 'Anna Jensen');
  await repo.notes.create(anna, 'Første samtale');
  await repo.drafts.save(draftIdForNewNote(anna), anna, 'Halvskrevet');
  await repo.formDrafts.save(anna, 'tpl', { emne: 'x' });
  await repo.summaries.setText(anna, 'goal', 'Elektriker');
  await repo.deadlines.add(anna, 'Opfølgning', '2026-12-01');
  const bo = await repo.citizens.open('010190-1234', 'Bo Hansen');
  await repo.notes.create(bo, 'Bo note');
  return { anna, bo };
}

/** Every citizen table's raw rows: the test that "nothing changed". */
const snapshot = async (db: SidevognDb) =>
  JSON.stringify(await Promise.all(CITIZEN_TABLES.map((t) => db.table(t).toArray())));

let source: Awaited<ReturnType<typeof anInstallation>>;
let file: string;
beforeAll(async () => {
  source = await anInstallation('korrekt hest batteri');
  await fill(source.repo);
  file = (await source.repo.backup.export()).text;
});

describe('backup', () => {
  it('is encrypted: no CPR, name or note text in the file', () => {
    expect(file).not.toMatch(/070761|Anna|Første samtale|Elektriker/);
    expect(JSON.parse(file)).toMatchObject({ format: 'sidevogn-backup', version: 1 });
  });

  it('round-trips into a fresh installation with the recovery key, under that installation’s keys', async () => {
    const fresh = await anInstallation('en helt anden frase');
    const result = await fresh.repo.backup.import(file, { kind: 'recovery', value: source.recoveryKey });
    expect(result).toMatchObject({ citizens: 2, updated: 0, kept: 0 });
    // The citizen opens under this installation's key and finds everything.
    const anna = await fresh.repo.citizens.open('070761-4285', 'Anna Jensen');
    expect((await fresh.repo.notes.list(anna)).map((n) => n.body)).toEqual(['Første samtale']);
    expect((await fresh.repo.drafts.get(draftIdForNewNote(anna)))?.body).toBe('Halvskrevet');
    expect((await fresh.repo.formDrafts.get(anna, 'tpl'))?.values).toEqual({ emne: 'x' });
    expect((await fresh.repo.summaries.get(anna)).text.goal?.value).toBe('Elektriker');
    expect(await fresh.repo.deadlines.list(anna)).toHaveLength(1);
    expect(await fresh.repo.privacy.citizenKeys()).toHaveLength(2);
  });

  it('merges with the passphrase: newer wins per record, older is kept, nothing doubles', async () => {
    const fresh = await anInstallation('en helt anden frase');
    const anna = await fresh.repo.citizens.open('070761-4285', 'Anna Jensen');
    await fresh.repo.summaries.setText(anna, 'goal', 'Nyere mål skrevet efter backup');
    const result = await fresh.repo.backup.import(file, { kind: 'passphrase', value: 'korrekt hest batteri' });
    expect(result.kept).toBeGreaterThanOrEqual(1);
    expect((await fresh.repo.summaries.get(anna)).text.goal?.value).toBe('Nyere mål skrevet efter backup');
    expect(await fresh.repo.notes.list(anna)).toHaveLength(1);
    const again = await fresh.repo.backup.import(file, { kind: 'passphrase', value: 'korrekt hest batteri' });
    expect(again.added + again.updated).toBe(0);
  });

  it('imports a backup larger than one sealed row may be (over 1,000,000 characters of ciphertext)', async () => {
    const big = await anInstallation('stor fil frase');
    const anna = await big.repo.citizens.open('070761-4285', 'Anna Jensen');
    for (let i = 0; i < 8; i++) await big.repo.notes.create(anna, `Note ${i} `.padEnd(150_000, 'forløb '));
    const text = (await big.repo.backup.export()).text;
    expect((JSON.parse(text) as { ct: string }).ct.length).toBeGreaterThan(1_000_000);
    const fresh = await anInstallation('en helt anden frase');
    const result = await fresh.repo.backup.import(text, { kind: 'passphrase', value: 'stor fil frase' });
    expect(result).toMatchObject({ added: 9, updated: 0, kept: 0, citizens: 1 });
    const again = await fresh.repo.citizens.open('070761-4285', 'Anna Jensen');
    expect(await fresh.repo.notes.list(again)).toHaveLength(8);
    // Over a megabyte sealed, exported, opened and unsealed: seconds on a loaded 2-core runner.
  }, 30_000);

  const refused: [string, () => string, BackupErrorCode, { kind: 'passphrase' | 'recovery'; value: string }?][] = [
    ['not JSON', () => 'hello', 'not-json'],
    ['truncated', () => file.slice(0, Math.floor(file.length / 2)), 'truncated'],
    ['foreign JSON', () => JSON.stringify({ format: 'something-else', data: [] }), 'foreign'],
    ['a pack instead of a backup', () => JSON.stringify({ id: 'pack', templates: [] }), 'foreign'],
    ['newer version', () => JSON.stringify({ ...JSON.parse(file), version: 9 }), 'version'],
    ['broken envelope', () => JSON.stringify({ ...JSON.parse(file), iv: 'x' }), 'malformed'],
    [
      'corrupt ciphertext',
      () => {
        const f = JSON.parse(file) as { ct: string };
        const i = Math.floor(f.ct.length / 2);
        f.ct = f.ct.slice(0, i) + (f.ct[i] === 'A' ? 'B' : 'A') + f.ct.slice(i + 1);
        return JSON.stringify(f);
      },
      'corrupt',
    ],
    ['wrong passphrase', () => file, 'wrong-secret', { kind: 'passphrase', value: 'forkert' }],
    [
      'wrong recovery key',
      () => file,
      'wrong-secret',
      { kind: 'recovery', value: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345' },
    ],
    ['not a recovery key', () => file, 'recovery-format', { kind: 'recovery', value: 'abc' }],
  ];
  it.each(refused)('refuses %s with a specific error and changes nothing', async (_, text, code, secret) => {
    const target = await anInstallation('mål frase');
    await fill(target.repo);
    const before = await snapshot(target.db);
    const error = await target.repo.backup
      .import(text(), secret ?? { kind: 'passphrase', value: 'korrekt hest batteri' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe(code);
    expect(await snapshot(target.db)).toBe(before);
  });
});

describe('a crafted backup (issue 27, item 10)', () => {
  it('has its future time stamps set to now: year 9999 does not win "newer wins" for ever', async () => {
    const year9999 = Date.UTC(9999, 0, 1);
    const db = new SidevognDb(`test-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    const { dataKey } = await setUpEncryption(db, 'korrekt hest batteri');
    const crafted = createRepositories(db, () => year9999, fixedKey(dataKey));
    const anna = await crafted.citizens.open('070761-4285', 'Anna Jensen');
    await crafted.summaries.setText(anna, 'goal', 'Fra fremtiden');
    const craftedFile = (await crafted.backup.export()).text;

    const here = await anInstallation('en helt anden frase');
    const before = Date.now();
    await here.repo.backup.import(craftedFile, { kind: 'passphrase', value: 'korrekt hest batteri' });
    const citizens = await here.repo.privacy.citizenKeys();
    expect(citizens).toHaveLength(1);
    const key = await here.repo.citizens.open('070761-4285', 'Anna Jensen');
    const summary = await here.repo.summaries.get(key);
    expect(summary.text.goal?.value).toBe('Fra fremtiden');
    expect(summary.text.goal!.at).toBeLessThanOrEqual(Date.now());
    expect(summary.text.goal!.at).toBeGreaterThanOrEqual(before);
  });

  it('asking for more PBKDF2 iterations than Sidevogn accepts is refused before any key is derived', async () => {
    const json = JSON.parse(file) as { keyring: { kdf: { iterations: number } } };
    json.keyring.kdf.iterations = 90_000_000;
    const fresh = await anInstallation('en helt anden frase');
    const started = performance.now();
    const error = await fresh.repo.backup
      .import(JSON.stringify(json), { kind: 'passphrase', value: 'korrekt hest batteri' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('malformed');
    expect((error as BackupError).detail).toMatch(/^keyring\.kdf\.iterations: 90000000 is more than/);
    expect(performance.now() - started).toBeLessThan(2_000);
  }, 10_000);

  it('says when the file was made by another installation', async () => {
    const mine = await anInstallation('min egen frase her');
    await mine.repo.citizens.open('070761-4285', 'Anna Jensen');
    const own = (await mine.repo.backup.export()).text;
    expect(await mine.repo.backup.import(own, { kind: 'passphrase', value: 'min egen frase her' })).toMatchObject({
      otherInstallation: false,
    });
    expect(await mine.repo.backup.import(file, { kind: 'passphrase', value: 'korrekt hest batteri' })).toMatchObject({
      otherInstallation: true,
    });
  });
});
