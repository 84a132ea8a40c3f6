import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aTeamPack } from '../fixtures/packs';
import { keyringSchema, unlockWithRecoveryKey } from '@/lib/crypto/keyring';
import { seal } from '@/lib/crypto/seal';
import { fixedKey } from './fixed-key';
import { unlockWithRecovery } from './test-key';
import { BackupError, type BackupErrorCode } from '@/lib/backup/backup';
import { SidevognDb } from '@/lib/db/database';
import { changePassphrase, resetPassphrase, setUpEncryption, unlock } from '@/lib/db/keyring-store';
import { createRepositories, type Repositories } from '@/lib/repositories';
import { draftIdForNewNote } from '@/lib/notes/draft-repository';
import { demoAdapter } from '@/lib/host/demo-adapter';
import { defaultPack } from '@/lib/packs/default-pack';
import { MAX_PACK_BYTES, packSchema, type PackInput } from '@/lib/packs/schema';
import { exportPublicKey, generateSigningKey, signPack } from '@/lib/packs/signing';
import { installFromText, syncPolicyPacks } from '@/lib/packs/sources';
import { parsePackText } from '@/lib/packs/validate';
import { countsOf, rawDump } from './raw-dump';
import { createNoteSearch } from '@/lib/search/note-search';

/*
 * "Bad input changes nothing", checked on the data: an installation with a
 * record in every citizen table, packs, an adapter and a pack draft; each bad
 * pack, bad backup, wrong passphrase and refused policy pack goes the way the
 * options page and the service worker send it, is refused, and every table
 * (raw IndexedDB dump) and chrome.storage.local are byte for byte as before.
 */

const PASS = 'korrekt hest batteri hæfteklamme';
let clock = 1_700_000_000_000;
const tick = () => (clock += 1000);

let db: SidevognDb;
let repo: Repositories;
let recoveryKey: string;
let before: string;

/** Installations made for a test, deleted after it. */
const others: SidevognDb[] = [];

async function anInstallation(passphrase: string) {
  const other = new SidevognDb(`nothing-changed-${crypto.randomUUID()}`);
  others.push(other);
  await other.open();
  const set = await setUpEncryption(other, passphrase);
  return { db: other, ...set, repo: createRepositories(other, tick, fixedKey(set.dataKey)) };
}

async function fill(r: Repositories) {
  const template = packSchema.parse(structuredClone(defaultPack)).templates[0]!;
  const anna = await r.citizens.open('070761-4285', 'Anna Jensen');
  await r.notes.create(anna, 'Første samtale');
  await r.drafts.save(draftIdForNewNote(anna), anna, 'Halvskrevet');
  await r.formDrafts.save(anna, 'en-anden-skabelon', { emne: 'x' });
  await r.summaries.setText(anna, 'goal', 'Elektriker');
  await r.deadlines.add(anna, 'Opfølgning', '2026-12-01');
  await r.checklistRuns.start(anna, { id: 'tjek', packId: 'p', packVersion: '1.0.0' });
  await r.history.templateInserted(anna, template, null);
  await r.usage.templateUsed({
    ...{ templateId: template.id, templateTitle: template.title, noteChars: 900 },
    ...{ keystrokes: 30, clicks: 4, formMs: 45_000, resumed: false },
  });
}

// One installation for the file (PBKDF2 makes each one cost): every test leaves it as it was, or fails.
beforeAll(async () => {
  const installation = await anInstallation(PASS);
  ({ db, repo, recoveryKey } = installation);
  await fill(repo);
  // The note search's sealed snapshot, as the options page leaves it (ADR 0007), and a note edit logged after it.
  await new Promise((resolve) => {
    const search = createNoteSearch(db, fixedKey(installation.dataKey), undefined, {
      snapshots: true,
      snapshotDelayMs: 1,
      onSnapshot: () => resolve(search.close()),
    });
    void search.warm();
  });
  await repo.notes.update((await db.notes.toCollection().primaryKeys())[0] as string, 'Rettet efter øjebliksbilledet');
  await repo.packs.installDefault(async () => defaultPack);
  await repo.packs.install(packSchema.parse(aTeamPack()), { kind: 'file' });
  await repo.adapters.save({ ...demoAdapter, id: 'egen-adapter' });
  await repo.packDrafts.save({
    id: 'vesthavn.team',
    name: 'Team Vesthavn',
    publisher: 'Jobcenter Vesthavn',
    version: '2.0.0',
    baseVersion: '1.0.0',
    changelogHistory: [],
    changes: 'Arbejder på det',
    changesDate: '2026-12-01',
    validFrom: '2026-01-01',
    validTo: '',
    templates: [],
    checklists: [],
    adapters: [],
  });
  await fakeStorageMarker();
  before = await rawDump(db.name);
  // Every store holds something to lose, except the signing keys and the (pre-pack) templates table.
  expect(Object.entries(countsOf(before)).filter(([, n]) => n === 0)).toEqual([
    ['signingKeys', 0],
    ['templates', 0],
  ]);
}, 30_000);
// tests/unit/setup.ts resets the fake browser before each test: put the marker back as it was.
beforeEach(fakeStorageMarker);
afterAll(async () => {
  for (const other of others.splice(0)) await other.delete();
});

/** The data marker the pages keep in chrome.storage.local (lib/backup/marker.ts). */
async function fakeStorageMarker() {
  const { markCitizenData } = await import('@/lib/backup/marker');
  await markCitizenData(1_700_000_000_000);
}

async function expectNothingChanged() {
  const after = await rawDump(db.name);
  if (after !== before)
    expect.fail(
      `the data changed: rows per store ${JSON.stringify(countsOf(before))} before, ${JSON.stringify(countsOf(after))} after (or values changed)`,
    );
}

const fileSource = { kind: 'file' } as const;
const policySource = (url: string) => ({
  kind: 'policy' as const,
  url,
  etag: null,
  lastModified: null,
  checkedAt: 1,
  error: null,
});

describe('a bad pack changes nothing', { timeout: 30_000 }, () => {
  const team = () => JSON.parse(JSON.stringify(aTeamPack({ version: '1.1.0' }))) as PackInput & Record<string, unknown>;
  const cases: [string, () => string | Promise<string>, RegExp][] = [
    ['malformed JSON', () => '{"format": "sidevogn-pack/1",', /Not valid JSON/],
    ['not an object', () => '[1,2]', /JSON object/],
    ['an unknown format version', () => JSON.stringify({ ...team(), format: 'sidevogn-pack/9' }), /format/],
    ['a wrong field type', () => JSON.stringify({ ...team(), version: 'one' }), /version/],
    [
      'HTML in a template',
      () => {
        const p = team();
        p.templates![0]!.body = '<img src=x onerror=alert(1)>';
        return JSON.stringify(p);
      },
      /templates\.0/,
    ],
    ['over the size limit', () => JSON.stringify({ ...team(), name: 'x'.repeat(MAX_PACK_BYTES) }), /./],
    [
      'a template id another installed pack provides',
      () => JSON.stringify(aTeamPack({ id: 'andet.team', name: 'Andet team' })),
      /already provided by the pack/,
    ],
    [
      'an installed version number with different content',
      () => JSON.stringify(aTeamPack({ templateTitle: 'Ændret uden nyt versionsnummer' })),
      /already installed with different content/,
    ],
    [
      'a signature that does not match (changed after signing)',
      async () => {
        const signed = await signPack(packSchema.parse(aTeamPack({ version: '1.1.0' })), await generateSigningKey());
        return JSON.stringify({ ...signed, name: 'Ændret efter signering' });
      },
      /signature/,
    ],
  ];
  /** The options page's way (components/packs/PackSettings.tsx): parse, preview, then install on the click. */
  async function throughOptionsPage(text: string): Promise<string[]> {
    const parsed = parsePackText(text);
    if (!parsed.ok) return parsed.errors;
    const preview = await repo.packs.preview(parsed.pack, []);
    if (!preview.ok) return preview.errors;
    try {
      await repo.packs.install(preview.pack, fileSource, { signedBy: preview.signedBy });
    } catch (e) {
      return [String(e)];
    }
    return [];
  }

  it.each(cases)('%s: refused on the options page, every table as before', async (_, text, error) => {
    expect((await throughOptionsPage(await text())).join('\n')).toMatch(error);
    await expectNothingChanged();
  });

  // A URL or policy pack goes through installFromText; a same-numbered version is
  // "unchanged" there (the number is compared, not the content), so that case is the options page's only.
  it.each(cases.filter(([name]) => !name.startsWith('an installed version')))(
    '%s: refused from a URL, every table as before',
    async (_, text, error) => {
      const outcome = await installFromText(repo, await text(), [], fileSource, { activate: true });
      expect(outcome).toMatchObject({ status: 'error', error: expect.stringMatching(error) });
      await expectNothingChanged();
    },
  );
});

describe('a policy pack that policy refuses changes nothing', { timeout: 30_000 }, () => {
  const url = 'https://intra.vesthavn.dk/sidevogn/team.json';
  const serve = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200 })) as typeof fetch;

  it('unsigned while policy pins signing keys', async () => {
    const trusted = await generateSigningKey();
    const policy = {
      packUrls: [url],
      allowUserPacks: false,
      trustedPackKeys: [await exportPublicKey(trusted.publicKey)],
      problems: [],
    };
    const outcome = await syncPolicyPacks(repo, policy, serve(aTeamPack({ id: 'politik.team', templateTitle: 'P' })));
    expect(outcome[url]).toMatchObject({ status: 'error', error: expect.stringMatching(/only accepts signed packs/) });
    await expectNothingChanged();
  });

  it('signed by a key policy does not trust', async () => {
    const trusted = await generateSigningKey();
    const stranger = await generateSigningKey();
    const policy = {
      packUrls: [url],
      allowUserPacks: false,
      trustedPackKeys: [await exportPublicKey(trusted.publicKey)],
      problems: [],
    };
    const signed = await signPack(
      packSchema.parse({
        ...aTeamPack({ templateTitle: 'P' }),
        id: 'politik.team',
        templates: [{ ...aTeamPack().templates![0]!, id: 'politik.t' }],
        checklists: [],
      }),
      stranger,
    );
    const outcome = await syncPolicyPacks(repo, policy, serve(signed));
    expect(outcome[url]).toMatchObject({ status: 'error', error: expect.stringMatching(/does not trust/) });
    await expectNothingChanged();
  });

  it('not a valid pack at the policy address', async () => {
    const policy = { packUrls: [url], allowUserPacks: false, trustedPackKeys: [], problems: [] };
    const outcome = await syncPolicyPacks(repo, policy, serve({ format: 'sidevogn-pack/1', id: 'x' }));
    expect(outcome[url]).toMatchObject({ status: 'error' });
    await expectNothingChanged();
  });

  it('installFromText with a pinned key and an unsigned pack (the service worker path)', async () => {
    const trusted = await exportPublicKey((await generateSigningKey()).publicKey);
    const outcome = await installFromText(
      repo,
      JSON.stringify(aTeamPack({ version: '1.2.0' })),
      [trusted],
      policySource(url),
      {
        activate: true,
        removable: false,
      },
    );
    expect(outcome).toMatchObject({ status: 'error' });
    await expectNothingChanged();
  });
});

describe('a bad backup changes nothing', { timeout: 30_000 }, () => {
  const SOURCE_PASS = 'kildens egen frase 42';
  let file: string;
  let sourceRecovery: string;
  beforeAll(async () => {
    const source = await anInstallation(SOURCE_PASS);
    await fill(source.repo);
    file = (await source.repo.backup.export()).text;
    sourceRecovery = source.recoveryKey;
  }, 30_000);

  const mangle = (f: (o: Record<string, unknown>) => void) => (text: string) => {
    const o = JSON.parse(text) as Record<string, unknown>;
    f(o);
    return JSON.stringify(o);
  };
  const flip = (b64: string) =>
    b64[10] === 'A' ? `${b64.slice(0, 10)}B${b64.slice(11)}` : `${b64.slice(0, 10)}A${b64.slice(11)}`;
  const cases: [
    string,
    (text: string) => string | Promise<string>,
    'passphrase' | 'recovery' | 'wrong',
    BackupErrorCode,
  ][] = [
    ['not JSON', () => 'hej', 'passphrase', 'not-json'],
    ['cut off', (t) => t.slice(0, t.length / 2), 'passphrase', 'truncated'],
    ['another format', (t) => t.replace('sidevogn-backup', 'noget-andet'), 'passphrase', 'foreign'],
    ['a newer version', mangle((o) => (o.version = 99)), 'passphrase', 'version'],
    ['no keyring', mangle((o) => delete o.keyring), 'passphrase', 'malformed'],
    ['the wrong passphrase', (t) => t, 'wrong', 'wrong-secret'],
    ['a tampered ciphertext', mangle((o) => (o.ct = flip(o.ct as string))), 'recovery', 'corrupt'],
    [
      'valid encryption around invalid records',
      async (t) => {
        const o = JSON.parse(t) as { keyring: unknown } & Record<string, unknown>;
        const key = await unlockWithRecoveryKey(keyringSchema.parse(o.keyring), sourceRecovery);
        return JSON.stringify({ ...o, ...(await seal(key, { citizens: [{ key: 1 }] }, 'sidevogn/backup/v1')) });
      },
      'recovery',
      'content',
    ],
  ];
  it.each(cases)('%s: refused with its reason, every table as before', async (_, make, secret, code) => {
    const text = await make(file);
    const value = secret === 'passphrase' ? SOURCE_PASS : secret === 'recovery' ? sourceRecovery : 'forkert frase igen';
    const error = await repo.backup
      .import(text, { kind: secret === 'recovery' ? 'recovery' : 'passphrase', value })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe(code);
    await expectNothingChanged();
  });

  it('a recovery key of the wrong form, and a right one of another installation', async () => {
    for (const [value, code] of [
      ['ikke en nøgle', 'recovery-format'],
      [recoveryKey, 'wrong-secret'],
    ] as const) {
      const error = await repo.backup.import(file, { kind: 'recovery', value }).catch((e: unknown) => e);
      expect((error as BackupError).code).toBe(code);
    }
    await expectNothingChanged();
  });

  it('while locked', async () => {
    const locked = createRepositories(db, tick, fixedKey(null));
    const error = await locked.backup.import(file, { kind: 'passphrase', value: SOURCE_PASS }).catch((e: unknown) => e);
    expect((error as BackupError).code).toBe('locked');
    await expectNothingChanged();
  });
});

describe('a wrong passphrase or recovery key changes nothing', { timeout: 30_000 }, () => {
  it('unlocking, changing the passphrase, resetting it with the recovery key', async () => {
    await expect(unlock(db, 'forkert frase her')).rejects.toThrow();
    await expect(
      unlockWithRecovery(
        db,
        recoveryKey.replace(/[0-9A-Z]/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).rejects.toThrow();
    await expect(changePassphrase(db, 'forkert frase her', 'en ny og lang frase 2026')).rejects.toThrow();
    await expect(resetPassphrase(db, 'ikke en nøgle', 'en ny og lang frase 2026')).rejects.toThrow();
    const other = await anInstallation('en helt anden frase');
    await expect(resetPassphrase(db, other.recoveryKey, 'en ny og lang frase 2026')).rejects.toThrow();
    await expectNothingChanged();
    // The right passphrase still opens it.
    await expect(unlock(db, PASS)).resolves.toBeDefined();
  });
});
