import { expect, test, unlock } from './fixtures';
import { LockScreen } from './pages/lock';
import { citizen, masked } from './demo-data';
import { wcagViolations } from './axe';

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
  expect(await wcagViolations(options)).toEqual([]);

  // Locking (here from the panel: every page locks) clears the results.
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
