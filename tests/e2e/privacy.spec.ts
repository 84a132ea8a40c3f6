import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_ID, launchWithExtension, removeProfile } from '../harness/chromium.mjs';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { openOptions, panelFrame, serviceWorker, storedLocal } from './extension';
import { expect, PASSPHRASE, setUpPassphrase, test } from './fixtures';
import { LockScreen } from './pages/lock';
import { CaseSystem } from './pages/case-system';

/** chrome.storage.local as a test swaps its set() for one that fails, and back. */
type LocalArea = { set: unknown; realSet?: unknown };

const DAY = 86_400_000;

/** Runs IndexedDB work in an extension page (the database belongs to the extension's origin). */
async function inDatabase(page: Page, work: 'clear-citizen-tables' | { ageDays: number }): Promise<void> {
  await page.evaluate(
    async ([w, day]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('sidevogn');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tables = [
        'citizens',
        'notes',
        'drafts',
        'formDrafts',
        'history',
        'summaries',
        'deadlines',
        'checklistRuns',
      ];
      const tx = db.transaction(tables, 'readwrite');
      if (w === 'clear-citizen-tables') for (const t of tables) tx.objectStore(t).clear();
      else {
        // lastActivityAt is a clear index field: ageing a citizen needs no key.
        const store = tx.objectStore('citizens');
        const rows = await new Promise<{ lastActivityAt: number }[]>((resolve) => {
          const req = store.getAll();
          req.onsuccess = () => resolve(req.result as { lastActivityAt: number }[]);
        });
        for (const row of rows) store.put({ ...row, lastActivityAt: Date.now() - w.ageDays * (day as number) });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    [work, DAY] as const,
  );
}

test('from the panel: hand over a citizen’s data as JSON and as a printable page, then erase it all after a confirmation', async ({
  caseSystem,
  page,
  context,
}) => {
  const c = citizen(1);
  const other = citizen(2);
  await caseSystem.gotoCase(other.caseId);
  await caseSystem.panel.writeNote('Note om en anden borger');
  await caseSystem.gotoCase(c.caseId);
  const { frame } = caseSystem.panel;
  await caseSystem.panel.writeNote('Kanarie: borgeren har ondt i ryggen');
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  await frame.getByLabel('Aftaler').fill('Søger tre job om ugen');
  await frame.getByLabel('Aftaler').blur();
  // Handing over and erasing sit in a folded menu, not in the everyday view.
  await expect(frame.getByRole('button', { name: 'Slet alt om borgeren' })).toBeHidden();
  await caseSystem.panel.openCitizenDataMenu();

  // JSON download: everything about this citizen, nothing about the other.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: 'Udlever data (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sidevogn-indsigt-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.json$/);
  expect(download.suggestedFilename()).not.toContain(c.cpr.slice(0, 6));
  const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  expect(json).toMatchObject({ format: 'sidevogn-access-export', citizen: { cpr: c.cpr, name: c.name } });
  const text = JSON.stringify(json);
  expect(text).toContain('Kanarie: borgeren har ondt i ryggen');
  expect(text).toContain('Søger tre job om ugen');
  expect(text).not.toContain('Note om en anden borger');
  await expect(frame.getByTestId('privacy-status')).toContainText('er sendt til browserens overførsler');

  // The printable page, rendered as text.
  const [sheet] = await Promise.all([
    context.waitForEvent('page'),
    frame.getByRole('button', { name: 'Udlever data (udskrift)' }).click(),
  ]);
  await sheet.waitForLoadState();
  expect(new URL(sheet.url()).pathname).toBe('/access.html');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(`Indsigt: data i Sidevogn om ${c.name}`);
  await expect(sheet.getByTestId('access-note')).toHaveText(/Kanarie: borgeren har ondt i ryggen/);
  await expect(sheet.getByText(c.cpr)).toBeVisible();
  await expect(sheet.getByText('Søger tre job om ugen')).toBeVisible();
  await expect(sheet.locator('body')).not.toContainText('Note om en anden borger');
  expect(await wcagViolations(sheet)).toEqual([]);
  await sheet.close();

  // Erase: the confirmation names what goes; cancel changes nothing; confirm erases it all.
  await frame.getByRole('button', { name: 'Slet alt om borgeren' }).click();
  const confirm = frame.getByRole('alertdialog', { name: 'Slet alt om borgeren?' });
  await expect(confirm).toContainText('1 note');
  await expect(confirm).toContainText('Overblikket');
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
  await page.keyboard.press('Enter'); // focus starts on Cancel
  await expect(confirm).toHaveCount(0);
  await frame.getByRole('button', { name: 'Slet alt om borgeren' }).click();
  await confirm.getByRole('button', { name: 'Ja, slet alt' }).click();
  await expect(frame.getByTestId('privacy-status')).toContainText('Alt om borgeren er slettet');
  await expect(frame.getByLabel('Aftaler')).toHaveValue('');
  await caseSystem.panel.showNotes();
  await expect(caseSystem.panel.notes).toHaveCount(0);
  // The other citizen is untouched.
  await caseSystem.gotoCase(other.caseId);
  await caseSystem.panel.showNotes();
  await expect(caseSystem.panel.note('Note om en anden borger')).toHaveCount(1);
});

test('retention: a week before deletion the panel warns and the caseload marks the citizen', async ({
  caseSystem,
  context,
}) => {
  const c = citizen(1);
  await caseSystem.gotoCase(c.caseId);
  await caseSystem.panel.writeNote('Skrevet for længe siden');
  const options = await openOptions(context);
  await inDatabase(options, { ageDays: 85 });
  await options.reload();
  await expect(options.getByTestId('deletion-badge')).toHaveText('slettes om 5 dage');
  expect(await wcagViolations(options)).toEqual([]);
  await caseSystem.page.reload();
  const warning = caseSystem.panel.frame.getByTestId('retention-warning');
  await expect(warning).toHaveText('Data om borgeren slettes om 5 dage, medmindre du skriver noget.');
  // Writing something is activity: the warning goes.
  await caseSystem.panel.writeNote('Ny aktivitet');
  await expect(warning).toHaveCount(0);
});

test('retention: a service-worker clock moved forward by the retention period deletes nobody, and the options page asks', async ({
  caseSystem,
  context,
}) => {
  await caseSystem.gotoCase(citizen(1).caseId);
  await caseSystem.panel.writeNote('Skrevet i dag');
  const worker = serviceWorker(context);
  // The clock jumps 91 days (the default period is 90); the daily alarm fires.
  await worker.evaluate((jump) => {
    const real = Date.now.bind(Date);
    const g = globalThis as unknown as { __realNow?: () => number };
    g.__realNow ??= real;
    Date.now = () => g.__realNow!() + jump;
    (globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): void } } }).chrome.alarms.create(
      'retention',
      { when: g.__realNow() + 50 },
    );
  }, 91 * DAY);
  // The run is held (after the one at browser start, which waits for the browser's first policy read).
  const runHeld = async () => !!((await storedLocal(worker)).retention as { held?: unknown } | undefined)?.held;
  await expect.poll(runHeld, { timeout: 20_000 }).toBe(true);
  const options = await openOptions(context);
  const held = options.getByRole('alert').filter({ hasText: 'Automatisk sletning er sat i bero' });
  await expect(held).toBeVisible();
  await expect(held).toContainText('ville have slettet 1 af 1 borgere');
  await expect(options.getByTestId('caseload-count')).toHaveText('1 af 1 borgere');
  expect(await wcagViolations(options)).toEqual([]);
  // The clock put right, the caseworker lets it run: nobody is due, nothing goes, the hold ends.
  await worker.evaluate(() => {
    Date.now = (globalThis as unknown as { __realNow: () => number }).__realNow;
  });
  await held.getByRole('button', { name: 'Slet alligevel' }).click();
  await expect(options.getByTestId('retention-status')).toContainText('Slettet: data om 0 borgere.');
  await expect(held).toHaveCount(0);
  await expect(options.getByTestId('caseload-count')).toHaveText('1 af 1 borgere');
});

test('options: erase all citizen data only after typing SLET; packs and settings stay', async ({
  caseSystem,
  context,
}) => {
  await caseSystem.gotoCase(citizen(1).caseId);
  await caseSystem.panel.writeNote('Første');
  await caseSystem.gotoCase(citizen(2).caseId);
  await caseSystem.panel.writeNote('Anden');
  const options = await openOptions(context);
  await expect(options.getByTestId('caseload-count')).toHaveText('2 af 2 borgere');
  const word = options.getByLabel('Skriv SLET for at bekræfte');
  await word.fill('slet');
  await options.getByRole('button', { name: 'Slet alle borgerdata' }).click();
  await expect(options.getByTestId('erase-all-status')).toContainText('Intet er slettet');
  await expect(options.getByTestId('caseload-count')).toHaveText('2 af 2 borgere');
  await word.fill('SLET');
  // The marker cannot be set to "no citizen data" first (lib/backup/marker.ts markErasingAll):
  // nothing is erased, as said, so no failure after an erase can read as a loss at the next start.
  await options.evaluate(() => {
    const local = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local;
    local.realSet = local.set;
    local.set = () => Promise.reject(new Error('Disken er fuld'));
  });
  await word.press('Enter');
  await expect(options.getByTestId('erase-all-status')).toHaveText(
    'Det lykkedes ikke: Disken er fuld. Intet er ændret.',
  );
  await expect(options.getByTestId('caseload-count')).toHaveText('2 af 2 borgere');
  await options.evaluate(() => {
    const local = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local;
    local.set = local.realSet;
  });
  await word.press('Enter');
  await expect(options.getByTestId('erase-all-status')).toContainText(
    /Alle borgerdata er slettet \(2 borgere, \d+ poster\)\. Pakker og indstillinger er bevaret\./,
  );
  await expect(options.getByTestId('caseload-count')).toHaveText('0 af 0 borgere');
  expect(await wcagViolations(options)).toEqual([]);
  await caseSystem.gotoCase(citizen(1).caseId);
  await caseSystem.panel.showNotes();
  await expect(caseSystem.panel.notes).toHaveCount(0);
  // Templates (from the default pack) are still there.
  await caseSystem.panel.frame.getByRole('tab', { name: 'Skabeloner' }).click();
  await expect(caseSystem.panel.frame.getByLabel('Søg skabelon')).toBeVisible();
});

/**
 * A citizen with a note, then the citizen tables emptied behind Sidevogn's
 * back (as a cleared profile would leave them). Returns the options page that
 * emptied them; it has not looked since.
 */
async function loseTheData(caseSystem: CaseSystem, context: BrowserContext): Promise<Page> {
  await caseSystem.gotoCase(citizen(1).caseId);
  await caseSystem.panel.writeNote('Forsvinder');
  const options = await openOptions(context);
  await inDatabase(options, 'clear-citizen-tables');
  return options;
}

test('an empty database where the marker says there was data: alert in the panel and options, backup offered', async ({
  caseSystem,
  context,
}) => {
  const options = await loseTheData(caseSystem, context);
  await options.reload();
  const alert = options.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Indlæs sikkerhedskopi' }).click();
  await expect(options.getByLabel('Fil', { exact: true })).toBeFocused();
  expect(await wcagViolations(options)).toEqual([]);

  await caseSystem.page.reload();
  await expect(caseSystem.panel.frame.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' })).toBeVisible();

  await options.reload();
  await options.getByRole('button', { name: 'Start forfra uden data' }).click();
  await expect(alert).toHaveCount(0);
  await options.reload();
  await expect(options.getByRole('heading', { name: 'Data og sikkerhedskopi' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('the panel is the first to find the database empty: it checks before it opens the citizen on the page', async ({
  caseSystem,
  context,
}) => {
  await (await loseTheData(caseSystem, context)).close();

  // Opening the citizen writes them to the database again; had that come first,
  // the database would not look empty and the loss would go unnoticed.
  const alert = caseSystem.panel.frame.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' });
  await caseSystem.page.reload();
  await expect(alert).toBeVisible();
  await expect(caseSystem.panel.frame.getByRole('heading', { level: 1 })).toHaveText(citizen(1).name);
  // The finding is kept until the caseworker decides.
  await caseSystem.page.reload();
  await expect(alert).toBeVisible();
});

test('the whole database discarded, its keyring too (as Chromium does with one it finds corrupt): the set-up form says the data is gone, and the backup brings it back', async ({
  launch,
  profileDir,
  caseSystemUrl,
}) => {
  let context = await launch();
  const caseSystem = new CaseSystem(context.pages()[0] ?? (await context.newPage()), caseSystemUrl);
  await caseSystem.gotoCase(citizen(1).caseId);
  await caseSystem.panel.writeNote('Kanarie før tabet');
  let options = await openOptions(context);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Gem sikkerhedskopi' }).click(),
  ]);
  await expect(options.getByTestId('backup-export-status')).toContainText('(1 borgere)');
  const backup = test.info().outputPath('backup.json');
  await download.saveAs(backup);
  await context.close();

  // What Chromium leaves after "IndexedDB recovering from a corrupted (and deleted) database".
  const idb = join(profileDir, 'Default', 'IndexedDB');
  const stores = readdirSync(idb).filter((f) => f.startsWith(`chrome-extension_${EXTENSION_ID}_0.indexeddb`));
  expect(stores).not.toEqual([]);
  for (const store of stores) rmSync(join(idb, store), { recursive: true });

  context = await launch();
  options = await openOptions(context);
  const lock = new LockScreen(options);
  await expect(lock.setUpHeading).toBeVisible();
  const alert = options.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' });
  await expect(alert).toContainText('også nøglen til den');
  await expect(alert).toContainText('Vælg en ny adgangskode herunder');
  expect(await wcagViolations(options)).toEqual([]);
  // The panel on the case page says the same before its set-up.
  const page = context.pages()[0] ?? (await context.newPage());
  const panel = new CaseSystem(page, caseSystemUrl);
  await panel.gotoCase(citizen(1).caseId);
  await expect(panel.panel.frame.getByRole('alert').filter({ hasText: 'også nøglen til den' })).toBeVisible();

  await options.bringToFront(); // (gotoCase put the case page in front; a click behind can go astray)
  await lock.setUp('En ny frase efter tabet 2026');
  await expect(alert).toContainText('Indlæs din seneste sikkerhedskopi');
  await alert.getByRole('button', { name: 'Indlæs sikkerhedskopi' }).click();
  await expect(options.getByLabel('Fil', { exact: true })).toBeFocused();
  await options.getByLabel('Fil', { exact: true }).setInputFiles(backup);
  await options.getByLabel('Lås op med').selectOption('passphrase');
  await options.getByLabel('Adgangskode eller gendannelsesnøgle for filen').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Indlæs', exact: true }).click();
  await expect(options.getByTestId('backup-import-status')).toContainText('Sikkerhedskopien er indlæst');
  await expect(options.getByTestId('caseload-count')).toHaveText('1 af 1 borgere');
  await expect(alert).toHaveCount(0);

  await panel.page.reload();
  await panel.panel.showNotes();
  await expect(panel.panel.note('Kanarie før tabet')).toHaveCount(1);
});

test.describe('backups', () => {
  // The test sets the passphrase itself, to keep the recovery key shown once.
  test.use({ setUp: false });

  test('export an encrypted backup, refuse a corrupt file, and import it on a fresh profile with the recovery key', async ({
    context,
    caseSystemUrl,
  }) => {
    const recoveryKey = await setUpPassphrase(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const caseSystem = new CaseSystem(page, caseSystemUrl);
    const c = citizen(1);
    await caseSystem.gotoCase(c.caseId);
    await caseSystem.panel.writeNote('Kanarie i sikkerhedskopien');

    const options = await openOptions(context);
    await expect(options.getByTestId('backup-last')).toHaveText('Du har ikke gemt en sikkerhedskopi endnu.');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Gem sikkerhedskopi' }).click(),
    ]);
    await expect(options.getByTestId('backup-export-status')).toContainText('(1 borgere)');
    await expect(options.getByTestId('backup-last')).toContainText(
      'Seneste sikkerhedskopi sendt til browserens overførsler:',
    );
    const backup = readFileSync(await download.path(), 'utf8');
    expect(backup).not.toContain('Kanarie');
    expect(backup).not.toContain(c.cpr);

    const dir = mkdtempSync(join(tmpdir(), 'sidevogn-backup-'));
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, backup.slice(0, backup.length - 40));
    const good = join(dir, 'backup.json');
    writeFileSync(good, backup);

    // A corrupt (truncated) file is refused with a specific message; nothing changes.
    await options.getByLabel('Fil', { exact: true }).setInputFiles(truncated);
    await options.getByLabel('Adgangskode eller gendannelsesnøgle for filen').fill(recoveryKey);
    await options.getByRole('button', { name: 'Indlæs', exact: true }).click();
    await expect(options.getByTestId('backup-import-status')).toHaveText(
      'Filen er ufuldstændig – den er afkortet eller blev ikke gemt helt. Intet er ændret.',
    );
    expect(await wcagViolations(options)).toEqual([]);

    // A fresh profile with its own passphrase: the backup comes in with the recovery key.
    const freshDir = mkdtempSync(join(tmpdir(), 'sidevogn-profile-'));
    const { context: fresh } = await launchWithExtension(freshDir);
    try {
      await setUpPassphrase(fresh, 'En anden frase til den nye maskine');
      const freshOptions = await openOptions(fresh);
      await freshOptions.getByLabel('Fil', { exact: true }).setInputFiles(good);
      await freshOptions.getByLabel('Lås op med').selectOption('passphrase');
      await freshOptions.getByLabel('Adgangskode eller gendannelsesnøgle for filen').fill('forkert frase');
      await freshOptions.getByRole('button', { name: 'Indlæs', exact: true }).click();
      await expect(freshOptions.getByTestId('backup-import-status')).toContainText('passer ikke til filen');
      await expect(freshOptions.getByTestId('caseload-count')).toHaveText('0 af 0 borgere');

      await freshOptions.getByLabel('Lås op med').selectOption('recovery');
      await freshOptions.getByLabel('Adgangskode eller gendannelsesnøgle for filen').fill(recoveryKey);
      await freshOptions.getByRole('button', { name: 'Indlæs', exact: true }).click();
      await expect(freshOptions.getByTestId('backup-import-status')).toContainText('Sikkerhedskopien er indlæst');
      await expect(freshOptions.getByTestId('caseload-count')).toHaveText('1 af 1 borgere');

      const freshCase = new CaseSystem(fresh.pages()[0] ?? (await fresh.newPage()), caseSystemUrl);
      await freshCase.gotoCase(c.caseId);
      await freshCase.panel.showNotes();
      await expect(freshCase.panel.note('Kanarie i sikkerhedskopien')).toHaveCount(1);
    } finally {
      await fresh.close();
      removeProfile(freshDir);
      removeProfile(dir);
    }
  });
});
