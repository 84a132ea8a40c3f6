import type { Locator, Page, TestInfo } from '@playwright/test';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CITIZEN_TABLES } from '@/lib/db/citizen-tables';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { aTeamPack } from '../fixtures/packs';
import { citizen } from './demo-data';
import { serviceWorker } from './extension';
import { expect, test as base, type SpawnedBrowser } from './fixtures';
import { corruption, discardedBy, storageLines } from './kill-loop';
import { startPackServer } from './pack-server';
import type { CaseSystem } from './pages/case-system';
import { LockScreen } from './pages/lock';
import type { Panel } from './pages/panel';
import { mountSmallDisk, type SmallDisk } from './small-disk';

declare const chrome: { alarms: { create(name: string, info: { when: number }): Promise<void> } };

/**
 * A real full disk, not a fake: the profile lives on a small tmpfs of its
 * own, and the test fills that disk with a file, as something else on a
 * caseworker's computer would. Chromium 156 then aborts the commit itself
 * (an UnknownError naming FILE_ERROR_NO_SPACE, the connection closed; no
 * QuotaExceededError) and cannot open the database again until there is room.
 * (A lowered quota was tried first: DevTools' Storage.overrideQuotaForOrigin
 * does not limit the extension's origin, whose writes went on under it.)
 *
 * tests/e2e/storage-full.spec.ts covers every save path of the panel with a
 * QuotaExceededError thrown at the write, as Chromium reports an origin over
 * its quota; this one the disk itself, from the panel and the options page.
 */
const test = base.extend<{
  disk: SmallDisk;
  spawned: SpawnedBrowser;
  /** The test makes Chromium discard the database: a discard is then no cause below Sidevogn. */
  discards: boolean;
  /** The test wrote citizen data: after a discard, the set-up form must carry the loss alert. */
  holdsCitizens: boolean;
  /** On a retry, before anything starts: was the first run's failure a cause below Sidevogn? */
  retryGate: void;
  belowSidevogn: void;
}>({
  // eslint-disable-next-line no-empty-pattern
  retryGate: async ({}, use, info) => {
    if (info.retry > 0) {
      const file = causeFile(info);
      if (!existsSync(file))
        throw new Error(
          'No retry: the first run failed on something other than a cause below Sidevogn (read its error).',
        );
      const cause = readFileSync(file, 'utf8');
      rmSync(file);
      console.log(`${info.title}\nrun again after: ${cause}`);
    }
    await use();
  },
  disk: async ({ retryGate }, use) => {
    void retryGate;
    const disk = mountSmallDisk();
    await use(disk);
    disk.unmount();
  },
  profileDir: async ({ disk }, use) => use(disk.profile),
  // Chromium as our own child process, so that its log (stderr) can be read: see belowSidevogn.
  spawned: async ({ spawn }, use) => use(await spawn()),
  context: async ({ spawned }, use) => use(spawned.context),
  discards: [false, { option: true }],
  holdsCitizens: [true, { option: true }],
  belowSidevogn: [
    async ({ spawned, discards, holdsCitizens }, use, info) => {
      await use();
      if (info.status === 'passed' || info.status === 'skipped') return;
      const cause = await causeBelowSidevogn(spawned, info.error?.message ?? '', { discards, holdsCitizens });
      if (!cause) return;
      info.annotations.push({ type: 'cause below Sidevogn', description: cause });
      console.log(`${info.title}\nfailed on a cause below Sidevogn: ${cause}`);
      if (info.retry === 0) {
        mkdirSync(dirname(causeFile(info)), { recursive: true });
        writeFileSync(causeFile(info), cause);
      }
    },
    { auto: true },
  ],
});

/**
 * Two things below Sidevogn have defeated a run of these tests now and then
 * (docs/development.md, "full disk"; about 2 in 40 runs of the panel's):
 *
 * - Chromium found the database's LevelDB files corrupt once there was room
 *   again and deleted the whole database (CORRUPT below). What Sidevogn
 *   answers for then is what the caseworker meets: every page locked to the
 *   set-up form with the loss alert (lib/db/vanished-database.ts; the last
 *   test here brings it about on purpose), checked before the run is given up.
 * - A write the test needs refused went through on the "full" disk (0 bytes
 *   free just before and just after): the run then tests nothing.
 *
 * After either, and only then, the test runs once more on a fresh profile and
 * disk (the belowSidevogn fixture). Any other failure fails it: the retry finds
 * no record of a cause below Sidevogn and stops at once. Twice in a row fails it too.
 */
test.describe.configure({ retries: 1 });

const WENT_THROUGH = 'WENT THROUGH';

/**
 * Chromium's log when it finds the extension's database corrupt on opening it
 * and deletes it (content/browser/indexed_db, backing_store.cc): "Got
 * corruption for { origin: … }", seen here after the full disk, or
 * kill-loop.ts's DISCARDED line, seen after a relaunch.
 */
const CORRUPT = new RegExp(
  `Got corruption for \\{ origin: chrome-extension://${EXTENSION_ID}\\b|IndexedDB recovering from a corrupted \\(and deleted\\) database`,
);

const causeFile = (info: TestInfo) =>
  join(info.project.outputDir, 'below-sidevogn', info.testId.replace(/[^\w-]/g, '_'));

/**
 * Which cause below Sidevogn failed the run, if one did; for a discarded
 * database (not one the test discards on purpose), after checking what a
 * fresh options page shows: the set-up form, with the loss alert if the test
 * wrote citizen data (the test's own pages are checked so in the last test).
 */
async function causeBelowSidevogn(
  spawned: SpawnedBrowser,
  error: string,
  { discards, holdsCitizens }: { discards: boolean; holdsCitizens: boolean },
): Promise<string | undefined> {
  const wentThrough = error.split('\n').find((line) => line.includes(WENT_THROUGH));
  if (wentThrough) return wentThrough.slice(wentThrough.indexOf(WENT_THROUGH));
  if (discards || !(await discardedBy(spawned, CORRUPT))) return undefined;
  // The keyring went with the database: the set-up form, as in kill-loop.ts.
  const page = await spawned.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(new LockScreen(page).setUpHeading).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' })).toHaveCount(holdsCitizens ? 1 : 0);
  return `DISCARDED: Chromium deleted the database after the full disk (LevelDB ${corruption(spawned.stderr())}); the loss alert showed`;
}

/**
 * Waits for a save on the full disk to be refused (`refused` shows); throws
 * WENT_THROUGH if it went through instead (`saved` shows).
 */
async function expectRefused(refused: Locator, saved: Locator, what: string, disk: SmallDisk): Promise<void> {
  await expect(refused.or(saved).first()).toBeVisible();
  if (await saved.count())
    throw new Error(`${WENT_THROUGH}: ${what} was saved on the full disk (${disk.free()} bytes free after)`);
}

const FULL = 'Der er ikke plads til at gemme. Din tekst er ikke tabt og bliver stående her.';
const FULL_NOTHING_CHANGED = 'Der er ikke plads til at gemme, så intet er ændret.';

/**
 * Every object store of the database, keys and values, read with the plain
 * IndexedDB API in an extension page; `drafts` left out (the composer's
 * autosave may legitimately write its draft the moment there is room), and
 * `searchIndex` too: the options page's search workers write their sealed
 * snapshot of the index at their own pace after unlock (ADR 0007), a cache
 * of the notes, not part of any operation here. So is the change log's row 0
 * (`PRUNED_MARK`, how far it was pruned), written in the snapshot's
 * transaction. The rest of the change log (`searchStale`), written in each
 * notes transaction, stays in; see expectNothingWritten.
 */
type Dump = Record<string, { keys: unknown[]; values: unknown[] }>;

async function rawDump(page: Page, { all = false } = {}): Promise<Dump> {
  const dump = await page.evaluate(async (all) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('sidevogn');
      // Gone (Chromium discarded it): say so, and leave no empty database of ours for Sidevogn to meet.
      req.onupgradeneeded = () => req.transaction!.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(`rawDump: no database 'sidevogn' (${String(req.error)})`));
    });
    const stores = [...db.objectStoreNames].filter((s) => all || (s !== 'drafts' && s !== 'searchIndex')).sort();
    const tx = db.transaction(stores, 'readonly');
    const range = (s: string) => (s === 'searchStale' && !all ? IDBKeyRange.lowerBound(0, true) : undefined);
    const reads = stores.map(
      (s) => [s, tx.objectStore(s).getAllKeys(range(s)), tx.objectStore(s).getAll(range(s))] as const,
    );
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
    });
    db.close();
    return JSON.stringify(
      Object.fromEntries(reads.map(([s, keys, values]) => [s, { keys: keys.result, values: values.result }])),
      (_, v: unknown) =>
        v instanceof ArrayBuffer
          ? Array.from(new Uint8Array(v))
          : ArrayBuffer.isView(v)
            ? Array.from(v as Uint8Array)
            : v,
    );
  }, all);
  // Parsed, so that a difference names its store and record.
  return JSON.parse(dump) as Dump;
}

/**
 * Nothing was written between the two dumps: every store as it was, except that
 * the change log may have lost rows, never gained one (a search snapshot written
 * meanwhile prunes the rows it covers, at its own pace). A CI run failed on the
 * row 0 above, written with the first snapshot after the dump before; without
 * searchSettled, row 1 was also seen pruned between the dumps.
 */
function expectNothingWritten(after: Dump, before: Dump): void {
  const { searchStale: logAfter, ...restAfter } = after;
  const { searchStale: logBefore, ...restBefore } = before;
  expect(restAfter).toEqual(restBefore);
  const had = new Set(logBefore!.values.map((row) => JSON.stringify(row)));
  const gained = logAfter!.values.filter((row) => !had.has(JSON.stringify(row)));
  expect(gained, 'change-log rows written between the dumps').toEqual([]);
}

/**
 * Waits until the search workers' snapshot covers every note written: the
 * change log pruned down to its row 0. Their next write is then due only after
 * the next change to notes, so none of theirs runs while the disk is full (one that did
 * could free or take the room a test write needs, or prune the log mid-test).
 */
async function searchSettled(page: Page): Promise<void> {
  const logKeys = () =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('sidevogn');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const req = db.transaction('searchStale').objectStore('searchStale').getAllKeys();
      await new Promise((resolve, reject) => {
        req.onsuccess = resolve;
        req.onerror = () => reject(req.error);
      });
      db.close();
      return req.result;
    });
  await expect.poll(logKeys, { timeout: 20_000 }).toEqual([0]);
}

const notesIn = (dump: Dump) => dump.notes!.keys.length;

/** Every table of citizen data (lib/db/citizen-tables.ts), and the search index's sealed snapshots. */
const CITIZEN_STORES = [...CITIZEN_TABLES, 'searchIndex'];

const CITIZEN = citizen(4);
const EARLIER = 'Tidligere note: møde aftalt i januar.';

/** A citizen open in the panel with one note saved, and the options page beside it (the default pack installed). */
async function aCitizenWithANote(caseSystem: CaseSystem, openOptions: () => Promise<Page>): Promise<Page> {
  await caseSystem.gotoCase(CITIZEN.caseId, 'journal');
  await expect(caseSystem.panel.citizenName).toHaveText(CITIZEN.name);
  await caseSystem.panel.writeNote(EARLIER);
  const options = await openOptions();
  await expect(options.getByTestId('installed-pack')).toHaveCount(1);
  return options;
}

/**
 * Fills the disk and saves a note longer than the page of slack the
 * database's log may still have on a full disk: refused. Returns the note and
 * the composer's error.
 */
async function aNoteRefusedOnTheFullDisk(panel: Panel, disk: SmallDisk): Promise<{ long: string; error: Locator }> {
  disk.fill();
  expect(disk.free()).toBe(0);
  await panel.showNotes();
  const long =
    `Borgeren har fået tilbudt praktik hos Vesthavn Auto fra uge 3. ${'Aftalt med virksomheden. '.repeat(250)}`.trim();
  await panel.newNote.fill(long);
  await panel.frame.getByRole('button', { name: 'Gem note' }).click();
  const error = panel.frame.locator('form', { has: panel.newNote }).getByTestId('save-error');
  await expectRefused(error, panel.note(long), 'the note', disk);
  await expect(error).toContainText(FULL);
  return { long, error };
}

test('a really full disk: the panel and the options page say so in Danish, write nothing half, and save once there is room, without a reload', async ({
  caseSystem,
  disk,
  openOptions,
}) => {
  const { panel } = caseSystem;
  const options = await aCitizenWithANote(caseSystem, openOptions);
  // A pack of about 12 KB, previewed while there is room.
  const changes = 'Skabelonen er skrevet om. '.repeat(150).trim();
  const pack = aTeamPack({
    changelog: ['0.8.0', '0.9.0', '1.0.0'].map((version) => ({ version, date: '2026-11-20', changes })),
  });
  const importPack = () =>
    options.getByLabel('Importér pakke (JSON-fil)').setInputFiles({
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
  await importPack();
  await expect(options.getByRole('button', { name: 'Installér' })).toBeVisible();
  await searchSettled(options);
  const before = await rawDump(options);
  expect(notesIn(before)).toBe(1);

  // 1. The panel.
  const { long, error: composerError } = await aNoteRefusedOnTheFullDisk(panel, disk);
  await expect(composerError).not.toContainText(/Error|FILE_ERROR|Kunne ikke/);
  await expect(panel.newNote).toHaveValue(long);
  // Trying again while the disk is still full: Chromium cannot even open the database now; the same message.
  await composerError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(composerError).toContainText(FULL);
  await expect(composerError).not.toContainText(/Error|Kunne ikke/);
  await expect(panel.notes).toHaveCount(1);

  // 2. The options page: installing the pack previewed before.
  await options.getByRole('button', { name: 'Installér' }).click();
  const packMessage = options.getByTestId('pack-message');
  await expectRefused(
    packMessage.filter({ hasText: FULL_NOTHING_CHANGED }),
    packMessage.filter({ hasText: 'er taget i brug' }),
    'the pack install',
    disk,
  );
  await expect(packMessage).toContainText(FULL_NOTHING_CHANGED);
  await expect(packMessage).not.toContainText(/Error|FILE_ERROR|ugyldig/);
  await expect(options.getByRole('button', { name: 'Installér' })).toBeVisible(); // to try again
  // Importing it anew: its preview only reads the database. Mostly Chromium cannot open it on the full
  // disk now (the same message); sometimes it can, and the preview shows, as a read should. Either,
  // never a fault of the pack. (The preview and its message set aside first, so that the return of
  // either shows the import done.)
  const preview = options.getByRole('region', { name: /Team Vesthavn/ });
  await preview.getByRole('button', { name: 'Annullér' }).click();
  await expect(preview).toHaveCount(0);
  await expect(packMessage).toHaveText('');
  await importPack();
  await expect(packMessage.filter({ hasText: FULL_NOTHING_CHANGED }).or(preview)).toBeVisible();
  await expect(packMessage).not.toContainText(/Error|FILE_ERROR|ugyldig/);

  // Room again: nothing of either write is in the database, not half of it.
  disk.makeRoom();
  expectNothingWritten(await rawDump(options), before);

  // "Prøv igen" in the panel and "Installér" again in the options page now save, in the same pages.
  await composerError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(panel.note(long)).toBeVisible();
  await expect(composerError).toHaveCount(0);
  await expect(panel.newNote).toHaveValue('');
  await importPack();
  await options.getByRole('button', { name: 'Installér' }).click();
  await expect(packMessage).toContainText('»Team Vesthavn« version 1.0.0 er taget i brug');
  await expect(options.getByTestId('installed-pack')).toHaveCount(2);
  expect(notesIn(await rawDump(options))).toBe(2);
  await caseSystem.page.reload();
  await expect(panel.citizenName).toHaveText(CITIZEN.name);
  await panel.showNotes();
  await expect(panel.note(EARLIER)).toBeVisible();
  await expect(panel.note(long)).toBeVisible();
});

test.describe('no citizen data written', () => {
  test.use({ holdsCitizens: false });

  test('a really full disk during the service worker’s pack refresh: it logs why, changes nothing, and the next refresh after room fetches the new version', async ({
    context,
    disk,
    openOptions,
  }) => {
    const changes = 'Skabelonen er skrevet om. '.repeat(150).trim();
    let pack = aTeamPack();
    const server = await startPackServer(() => JSON.stringify(pack));
    try {
      const options = await openOptions();
      await options.getByLabel('Abonnér på en pakke-adresse (https)').fill(server.url);
      await options.getByRole('button', { name: 'Hent' }).click();
      await options.getByRole('button', { name: 'Installér' }).click();
      const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
      await expect(team.getByLabel('Version i brug')).toHaveValue('1.0.0');
      await searchSettled(options);
      const before = await rawDump(options);

      // What the service worker says, and a way to run its pack refresh now: the same alarm
      // that runs it every few hours (lib/background/pack-sync.ts), due at once.
      const worker = serviceWorker(context);
      const logged: string[] = [];
      worker.on('console', (m) => logged.push(`${m.type()} ${m.text()}`));
      const refreshNow = () =>
        worker.evaluate(() => chrome.alarms.create('sidevogn-pack-refresh', { when: Date.now() }));

      // A new version of about 12 KB, and the disk full when the service worker fetches it.
      pack = aTeamPack({
        version: '1.2.0',
        changelog: ['1.1.0', '1.2.0'].map((version) => ({ version, date: '2026-11-20', changes })),
      });
      const requests = server.requests.length;
      disk.fill();
      expect(disk.free()).toBe(0);
      await refreshNow();
      await expect.poll(() => logged.join('\n'), { timeout: 15_000 }).toMatch(/Sidevogn: pack refresh/);
      expect(server.requests.length).toBeGreaterThan(requests);
      // IT reads why in the service worker's log: the disk, not a bare AbortError.
      expect(logged).toEqual([expect.stringMatching(/^error Sidevogn: pack refresh: no room to save/)]);
      expect(logged[0]).toContain('nothing was changed');

      // Room again: nothing of the refresh is in the database, not half of it.
      disk.makeRoom();
      expectNothingWritten(await rawDump(options), before);

      // The next refresh fetches the new version; the one in use stays until the team lead installs it.
      await refreshNow();
      // (The options page opened its database while the disk was full: a fresh page reads it.)
      await expect(async () => {
        await options.reload();
        await expect(team).toContainText('Version 1.2.0 er hentet, men ikke taget i brug.', { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await expect(team.getByLabel('Version i brug')).toHaveValue('1.0.0');
    } finally {
      await server.close();
    }
  });
});

/**
 * Makes Chromium discard the database the next time it opens it: bytes in the
 * middle of each LevelDB log file overwritten (a checksum mismatch, as the
 * torn writes of a full disk left), while Chromium has it closed. Chromium
 * then logs DISCARDED and deletes the whole database, keyring and all.
 */
function corruptLogs(profile: string): void {
  const dir = join(profile, 'Default', 'IndexedDB', `chrome-extension_${EXTENSION_ID}_0.indexeddb.leveldb`);
  const logs = readdirSync(dir).filter((name) => name.endsWith('.log'));
  expect(logs.length, `LevelDB log files in ${dir}`).toBeGreaterThan(0);
  for (const name of logs) {
    const fd = openSync(join(dir, name), 'r+');
    try {
      writeSync(fd, Buffer.alloc(64, 0xab), 0, 64, Math.floor(fstatSync(fd).size / 2));
    } finally {
      closeSync(fd);
    }
  }
}

test.describe('when Chromium discards the database while the browser stays open', () => {
  test.use({ discards: true });

  test('every page locks to the set-up form with the loss alert, and nothing is written under the lost key', async ({
    caseSystem,
    disk,
    openOptions,
    spawned,
  }) => {
    const { panel } = caseSystem;
    const { frame } = panel;
    const options = await aCitizenWithANote(caseSystem, openOptions);
    // A save refused on the full disk: Chromium has the database closed now.
    await aNoteRefusedOnTheFullDisk(panel, disk);
    corruptLogs(disk.profile);
    disk.makeRoom();

    // The next open finds the database gone (Chromium says so in its log): whichever page opens it
    // first (one of these may already have), at the latest a page opened now.
    const fresh = await openOptions();
    const discarded = await discardedBy(spawned, CORRUPT);
    expect(
      discarded,
      `Chromium logged that it found the database corrupt; its storage lines:\n${storageLines(spawned.stderr())}`,
    ).toBe(true);
    // Every page locks, to the set-up form (the keyring is gone), with the loss alert and the way back.
    for (const root of [frame, options, fresh]) {
      await expect(new LockScreen(root).setUpHeading).toBeVisible();
      const alert = root.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' });
      await expect(alert).toContainText('Databasen er tom – også nøglen til den');
      await expect(alert).toContainText('indlæs derefter din seneste sikkerhedskopi');
    }
    await expect(panel.newNote).toHaveCount(0);
    // Nothing was written under the data key that went with the keyring: no row in any table of
    // citizen data (drafts and the search index too), and no sealed secret in meta.
    const after = await rawDump(fresh, { all: true });
    for (const table of CITIZEN_STORES) expect(after[table]!.keys, table).toEqual([]);
    expect(after.meta!.keys).not.toContain('keyring');
    expect(after.meta!.keys).not.toContain('citizenKeySecret');
    // A fresh page says the same.
    await caseSystem.page.reload();
    await expect(new LockScreen(frame).setUpHeading).toBeVisible();
    await expect(frame.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' })).toHaveCount(1);
  });
});
