import type { Page } from '@playwright/test';
import { expect, test, unlock } from './fixtures';
import { LockScreen } from './pages/lock';
import { citizen, masked } from './demo-data';
import { wcagViolations } from './axe';
import { panelFrame, searchSnapshots } from './extension';

test('note search in the options page: one and two words, live, keyboard, axe, gone on lock', async ({
  caseSystem,
  openOptions,
  context,
}) => {
  const anna = citizen(1);
  const bo = citizen(2);
  const { panel } = caseSystem;
  await caseSystem.gotoCase(anna.caseId);
  await panel.writeNote('Ringede om lægeattest – kommer i næste uge.');
  await panel.writeNote('Aftalt praktik hos Bygma fra 1. december.');
  await caseSystem.gotoCase(bo.caseId);
  await panel.writeNote('Lægen anbefaler delvis raskmelding.');
  await panel.writeNote('Praktik i Netto drøftet; <b>ikke</b> HTML.');

  const options = await openOptions();
  const field = options.getByRole('searchbox', { name: 'Søg i noter' });
  const status = options.getByTestId('note-search-status');
  const results = options.getByTestId('note-search-result');
  await expect(options.getByText('Skriv et eller flere ord')).toBeVisible();

  // By keyboard: focus the field and type (prefix, case- and accent-insensitive).
  await field.focus();
  await options.keyboard.type('LÆGE');
  await expect(status).toHaveText('2 noter');
  await expect(results).toHaveCount(2);
  // Newest first: Bo's note was written last.
  await expect(results.nth(0)).toContainText(bo.name);
  await expect(results.nth(0)).toContainText(masked(bo.cpr));
  await expect(results.nth(0)).not.toContainText(bo.cpr);
  await expect(results.nth(0).locator('mark')).toHaveText(['Læge']);
  await expect(results.nth(1)).toContainText(anna.name);
  await expect(results.nth(1)).toContainText(masked(anna.cpr));
  await expect(results.nth(1).getByTestId('note-search-snippet')).toHaveText(
    'Ringede om lægeattest – kommer i næste uge.',
  );
  await expect(results.nth(1).locator('mark')).toHaveText(['læge']);
  await expect(results.nth(1).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

  // Danish compounds: from four letters, a part of a word is found and marked.
  await field.fill('attest');
  await expect(status).toHaveText('1 note');
  await expect(results.first().locator('mark')).toHaveText(['attest']);

  // Two words: both must occur.
  await field.fill('bygma praktik');
  await expect(status).toHaveText('1 note');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(anna.name);
  await expect(results.first().locator('mark')).toHaveText(['praktik', 'Bygma']);
  await field.fill('praktik');
  await expect(status).toHaveText('2 noter');
  // Note text that looks like HTML stays text.
  await expect(results.first().getByTestId('note-search-snippet')).toContainText('<b>ikke</b> HTML');
  await expect(results.first().locator('b')).toHaveCount(0);

  // No hits.
  await field.fill('sygedagpenge');
  await expect(status).toHaveText('Ingen noter passer på søgningen.');
  await expect(results).toHaveCount(0);

  expect(await wcagViolations(options)).toEqual([]);

  // A note written in the panel after the index was built shows up without reload or retyping.
  await field.fill('læge');
  await expect(status).toHaveText('2 noter');
  await caseSystem.gotoCase(anna.caseId);
  await panel.writeNote('Lægeerklæring modtaget fra egen læge.');
  await expect(status).toHaveText('3 noter');
  await expect(results.first()).toContainText(anna.name);
  await expect(results.first().locator('mark')).toHaveText(['Læge', 'læge']);
  await options.bringToFront();
  expect(await wcagViolations(options)).toEqual([]);

  // Locking (here from the panel: every page locks) clears the results.
  await caseSystem.page.bringToFront();
  await panel.frame.getByRole('button', { name: 'Lås nu' }).click();
  await expect(new LockScreen(options).lockedHeading).toBeVisible();
  await expect(results).toHaveCount(0);
  await expect(field).toHaveCount(0);
  await expect(options.getByText('Lægeerklæring')).toHaveCount(0);

  // After unlocking, the search starts empty and builds again.
  await unlock(context);
  await expect(field).toBeVisible();
  await expect(field).toHaveValue('');
  await expect(results).toHaveCount(0);
  await field.fill('lægeerklæring');
  await expect(status).toHaveText('1 note');
});

/** For each search worker of the page, whether it loaded its index from a snapshot (figures the page marks). */
function loadedFromSnapshot(page: Page): Promise<boolean[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByName('sidevogn:search-loaded')
      .map((mark) => ((mark as PerformanceMark).detail as { snapshot: boolean }).snapshot),
  );
}

test('the index kept sealed at rest: loaded at the next unlock, with the panel’s writes since; no snapshot after an erase', async ({
  caseSystem,
  openOptions,
}) => {
  const anna = citizen(1);
  const bo = citizen(2);
  const { panel } = caseSystem;
  await caseSystem.gotoCase(bo.caseId);
  await panel.writeNote('Ringede om lægeattest – kommer i næste uge.');
  await caseSystem.gotoCase(anna.caseId);
  await panel.writeNote('Aftalt praktik hos Bygma fra 1. december.');

  let options = await openOptions();
  const workers = await options.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency)));
  const search = async (query: string, expected: string) => {
    await options.getByRole('searchbox', { name: 'Søg i noter' }).fill(query);
    await expect(options.getByTestId('note-search-status')).toHaveText(expected);
  };
  await search('praktik', '1 note');
  // (The page may start its workers twice at unlock: it sometimes sees the session's key as a new key object.)
  expect(new Set(await loadedFromSnapshot(options))).toEqual(new Set([false]));
  // Each worker seals its share once built.
  await expect.poll(() => searchSnapshots(options), { timeout: 15_000 }).toEqual({ rows: workers, unindexed: 0 });
  await options.close();

  // No page searches now: the panel writes a note and edits one, then locks.
  await panel.writeNote('Sygedagpenge bevilget.');
  await panel.note('Bygma').getByRole('button', { name: 'Redigér' }).click();
  const editor = panel.frame.getByLabel('Redigér note');
  await editor.fill('Aftalt praktik hos Føtex fra 1. december.');
  await editor.press('Control+Enter');
  await expect(panel.note('Føtex')).toContainText('redigeret');
  await panel.frame.getByRole('button', { name: 'Lås nu' }).click();

  options = await openOptions();
  await new LockScreen(options).unlock();
  await search('sygedagpenge', '1 note');
  await search('føtex praktik', '1 note');
  await search('bygma', 'Ingen noter passer på søgningen.');
  await search('lægeattest', '1 note');
  expect(new Set(await loadedFromSnapshot(options))).toEqual(new Set([true]));
  // Brought up to date, each share is sealed again (or, if its notes did not change, says it is up to date).
  await expect.poll(() => searchSnapshots(options), { timeout: 15_000 }).toEqual({ rows: workers, unindexed: 0 });
  await options.close();

  // "Slet alt om borgeren" in the panel: no snapshot is left, and none of Anna's words are found.
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await panel.openCitizenDataMenu();
  await panel.frame.getByRole('button', { name: 'Slet alt om borgeren' }).click();
  await panel.frame
    .getByRole('alertdialog', { name: 'Slet alt om borgeren?' })
    .getByRole('button', { name: 'Ja, slet alt' })
    .click();
  await expect.poll(async () => (await searchSnapshots(panelFrame(caseSystem.page))).rows).toBe(0);
  options = await openOptions();
  await search('praktik', 'Ingen noter passer på søgningen.');
  await search('sygedagpenge', 'Ingen noter passer på søgningen.');
  await search('lægeattest', '1 note');
});
