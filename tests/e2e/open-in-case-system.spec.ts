import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { citizen } from './demo-data';
import { CaseSystem } from './pages/case-system';
import { wcagViolations } from './axe';

/** The extension APIs the spec uses in the service worker (it runs them, not Node). */
declare const chrome: {
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

/**
 * The address the active tab of the last focused window shows: its URL, or for the demo case
 * system (no host permission: the URL is hidden) the field script's answer, as Sidevogn asks it.
 */
async function activeTabUrl(context: BrowserContext): Promise<unknown> {
  const [worker] = context.serviceWorkers();
  return worker!.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.url || tab?.id === undefined) return tab?.url;
    return chrome.tabs.sendMessage(tab.id, { type: 'case-address' }, { frameId: 0 }).catch(() => undefined);
  });
}

const section = (options: Page, id: string) => options.locator(`#${id}`);

test('"Åbn i sagssystemet": from a note found in the options page a new tab shows the citizen; from the caseload list the tab showing them comes forward; keyboard; gone with "Slet alt om borgeren"; axe in Danish and English', async ({
  caseSystem,
  caseSystemUrl,
  openOptions,
  context,
}) => {
  const anna = citizen(1);
  const annaAddress = `${caseSystemUrl}/borger/${anna.caseId}`;
  const { panel } = caseSystem;
  // Open citizen A in the case system, write a note, leave.
  await caseSystem.gotoCase(anna.caseId);
  await panel.writeNote('Aftalt praktik hos Bygma fra 1. december.');
  await caseSystem.openList();

  const options = await openOptions();
  const field = options.getByRole('searchbox', { name: 'Søg i noter' });
  await field.fill('bygma');
  const result = options.getByTestId('note-search-result');
  await expect(result).toHaveCount(1);
  const fromSearch = result.getByRole('button', { name: `Åbn i sagssystemet: ${anna.name}` });

  // No tab shows the citizen: a new tab opens on them, and the panel there agrees.
  const [tab] = await Promise.all([context.waitForEvent('page'), fromSearch.click()]);
  await expect(tab).toHaveURL(annaAddress);
  const opened = new CaseSystem(tab, caseSystemUrl);
  expect((await opened.citizenShown()).name).toBe(anna.name);
  await expect(opened.panel.citizenName).toHaveText(anna.name);
  await expect.poll(() => activeTabUrl(context)).toBe(annaAddress);

  // From the caseload list, by keyboard: the tab already showing the citizen comes forward, no new tab.
  await options.bringToFront();
  await expect.poll(() => activeTabUrl(context)).toMatch(/^chrome-extension:\/\/.*\/options\.html/);
  const tabs = context.pages().length;
  const row = options.getByTestId('caseload-row').filter({ hasText: anna.name });
  const fromList = row.getByRole('button', { name: `Åbn i sagssystemet: ${anna.name}` });
  await fromList.focus();
  await options.keyboard.press('Enter');
  await expect.poll(() => activeTabUrl(context)).toBe(annaAddress);
  expect(context.pages()).toHaveLength(tabs);
  await expect(opened.panel.citizenName).toHaveText(anna.name);
  await expect(row.getByRole('alert')).toHaveCount(0);

  expect(await wcagViolations(options, '#borgere')).toEqual([]);
  expect(await wcagViolations(options, '#noter')).toEqual([]);
  await expect(fromList).toHaveText('Åbn i sagssystemet');
  await section(options, 'dig').getByLabel('Sprog').selectOption('en');
  await expect(row.getByRole('button', { name: `Open in the case system: ${anna.name}` })).toHaveText(
    'Open in the case system',
  );
  await expect(result.getByRole('button', { name: `Open in the case system: ${anna.name}` })).toBeVisible();
  expect(await wcagViolations(options, '#borgere')).toEqual([]);
  expect(await wcagViolations(options, '#noter')).toEqual([]);
  await section(options, 'dig').getByLabel('Language').selectOption('da');

  // The access report (art. 15) names the address with the rest of what Sidevogn holds.
  await opened.panel.openCitizenDataMenu();
  const [sheet] = await Promise.all([
    context.waitForEvent('page'),
    opened.panel.frame.getByRole('button', { name: 'Udlever data (udskrift)' }).click(),
  ]);
  await expect(sheet.locator('dd', { hasText: annaAddress })).toBeVisible();
  await expect(sheet.locator('dt', { hasText: 'Sidst set i sagssystemet på' })).toBeVisible();
  await sheet.close();

  // "Slet alt om borgeren" erases the address with the rest: nothing left to open.
  await opened.panel.frame.getByRole('button', { name: 'Slet alt om borgeren' }).click();
  await opened.panel.frame
    .getByRole('alertdialog', { name: 'Slet alt om borgeren?' })
    .getByRole('button', { name: 'Ja, slet alt' })
    .click();
  await expect(row).toContainText('Ikke set i sagssystemet endnu');
  await expect(fromList).toHaveCount(0);
});
