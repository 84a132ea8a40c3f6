import type { Page } from '@playwright/test';
import type { Adapter } from '@/lib/host/adapter';
import { STORAGE_KEYS } from '@/lib/storage/keys';
import { serviceWorker } from './extension';
import { expect, test } from './fixtures';
import { Panel } from './pages/panel';

/**
 * A case system built unlike the demo (tests/case-system/public/afvigende/):
 * the CPR only in an attribute, a host that swaps its whole <body> on each visit,
 * and a journal field that cannot take the note (locked in a disabled fieldset,
 * inert, or passing its focus on). Found by a probe of hosts the suite had not
 * seen; each step failed on the code before (wrong citizen, panel gone, the note
 * typed into the search box, "indsat" into a field the host never saves).
 */

interface StorageApi {
  chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
}

const ADAPTER: Adapter = {
  id: 'afvigende',
  name: 'Jobcenter Nordby',
  version: 1,
  matches: ['http://127.0.0.1/afvigende/*'],
  spa: true,
  citizen: { cpr: { selector: '.cpr', attribute: 'data-cpr' }, name: { selector: '.navn' }, fields: {} },
  journal: [{ selector: '#journal', label: 'Journal' }],
};

const field = (page: Page, id: string) => page.locator(`#${id}`);

/** Fills the default pack's short contact note and presses insert; returns the panel's answer. */
async function insertContact(panel: Panel, text: string): Promise<string> {
  await panel.openTemplate('kontakt');
  await panel.field(/Hvad blev oplyst/).fill(text);
  await panel.field(/Aftaler og næste skridt/).fill('Intet aftalt.');
  await panel.insert();
  await expect(panel.templateStatus).not.toHaveText('');
  return (await panel.templateStatus.innerText()).trim();
}

test('a host unlike the demo: a CPR in an attribute, a swapped <body>, and a journal field that cannot take the note', async ({
  context,
  page,
  caseSystemUrl,
  openOptions,
}) => {
  test.setTimeout(90_000);
  // Published as the options page publishes the adapters it stores (and does again when it opens).
  const publish = () =>
    serviceWorker(context).evaluate(
      ([key, list]) => (globalThis as unknown as StorageApi).chrome.storage.local.set({ [key as string]: list }),
      [STORAGE_KEYS.adapters, [ADAPTER]] as const,
    );
  await publish();
  const base = `${caseSystemUrl}/afvigende/index.html`;
  const panel = new Panel(page);

  // The name comes at once, the CPR attribute 200 ms later: the panel ends with both of the new citizen.
  await page.goto(base);
  await expect(panel.citizenName).toHaveText('Anna Andersen');
  await expect(panel.cprButton).toHaveText('140190-••••');
  await page.evaluate(() =>
    (window as unknown as { skift(n: string, c: string): void }).skift('Bo Bertelsen', '020285-4321'),
  );
  await expect(panel.cprButton).toHaveText('020285-••••');
  await expect(panel.citizenName).toHaveText('Bo Bertelsen');
  // Anna's record kept her name (the moment with Bo's name beside her CPR renamed it).
  const options = await openOptions();
  await expect(options.getByTestId('caseload-row').filter({ hasText: 'Anna Andersen' })).toHaveCount(1);
  await expect(options.getByTestId('caseload-row').filter({ hasText: 'Bo Bertelsen' })).toHaveCount(1);
  await options.close();
  await publish();

  // A Turbo-style visit replaces <body>: the panel stays, and follows the header changed in place after it.
  await page.evaluate(() =>
    (window as unknown as { besoeg(n: string, c: string): void }).besoeg('Carl Christensen', '311275-1111'),
  );
  await expect(panel.citizenName).toHaveText('Carl Christensen');
  await expect(panel.element).toBeVisible();
  await page.evaluate(() =>
    (window as unknown as { retHoved(n: string, c: string): void }).retHoved('Dorte Dam', '010203-4007'),
  );
  await expect(panel.citizenName).toHaveText('Dorte Dam');
  await expect(panel.cprButton).toHaveText('010203-••••');

  // The journal locked in a disabled fieldset, or inert: not a target; the caret in the search box
  // gets nothing, and the panel does not say "indsat".
  for (const felt of ['laast', 'inert']) {
    await page.goto(`${base}?felt=${felt}`);
    await expect(panel.citizenName).toHaveText('Anna Andersen');
    await field(page, 'sog').fill('bolig');
    const status = await insertContact(panel, `Låst felt (${felt}).`);
    expect(status, felt).toMatch(/^Der blev ikke fundet et journalfelt på siden, så notatet er kopieret/);
    await expect(field(page, 'sog'), felt).toHaveValue('bolig');
    await expect(field(page, 'journal'), felt).toHaveValue('Tidligere.');
  }

  // A journal whose focus goes on to another field: nothing written anywhere, and said so.
  await page.goto(`${base}?felt=videre`);
  await expect(panel.citizenName).toHaveText('Anna Andersen');
  const status = await insertContact(panel, 'Fokus videre.');
  expect(status).toContain('»Journal« tog ikke imod markøren');
  await expect(field(page, 'journal')).toHaveValue('Tidligere.');
  await expect(field(page, 'kladde')).toHaveValue('');
  await expect(field(page, 'sog')).toHaveValue('');
});
