import { wcagViolations } from './axe';
import { citizen, citizens } from './demo-data';
import { expect, test } from './fixtures';
import { panelFrame } from './extension';

test('the panel has no WCAG 2.1 AA violations in its main states', async ({ caseSystem, page }) => {
  await caseSystem.openList();
  await expect(caseSystem.panel.frame.getByRole('heading', { name: 'Ingen borger på siden' })).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);

  await caseSystem.gotoCase(citizen(10).caseId);
  await caseSystem.panel.writeNote('En note til axe');
  await caseSystem.panel.note('En note til axe').getByRole('button', { name: 'Slet' }).click();
  await expect(caseSystem.panel.frame.getByRole('button', { name: 'Fortryd' })).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);

  const a = citizens.find((c) => c.husstand)!;
  await page.goto(`${caseSystem.baseUrl}/husstand/${a.caseId}/${a.husstand}`);
  await expect(caseSystem.panel.frame.getByRole('heading', { name: 'Siden viser flere borgere' })).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);

  await caseSystem.panel.frame.getByRole('button', { name: 'Skjul panel' }).click();
  await expect(caseSystem.panel.frame.getByRole('button', { name: 'Vis Sidevogn-panelet' })).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
});

test('the panel frame itself is labelled on the host page', async ({ caseSystem }) => {
  await caseSystem.gotoCase(citizen(11).caseId);
  await expect(caseSystem.panel.element).toHaveAttribute('title', 'Sidevogn – sidepanel');
});

test('a caseworker can write and save a note by keyboard alone', async ({ caseSystem, page }) => {
  await caseSystem.gotoCase(citizen(12).caseId);
  const { panel } = caseSystem;
  await expect(panel.citizenName).toBeVisible();
  await panel.element.focus();
  // Tab from the top of the panel to the note field and type.
  const frame = panelFrame(page);
  for (let i = 0; i < 12; i++) {
    const label = await frame.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    if (label === 'new-note') break;
    // The skip links come first: the one to the notes tab opens it with focus in its first field.
    await page.keyboard.press(label === 'Noter' ? 'Enter' : 'Tab');
  }
  await page.keyboard.type('Skrevet med tastaturet');
  await page.keyboard.press('Control+Enter');
  await expect(panel.note('Skrevet med tastaturet')).toBeVisible();
  await expect(panel.newNote).toHaveValue('');
});

test('the header settings menu opens and closes by keyboard and is axe-clean in Danish and English', async ({
  caseSystem,
  page,
}) => {
  await caseSystem.gotoCase(citizen(13).caseId);
  const { panel } = caseSystem;
  await expect(panel.citizenName).toBeVisible();
  const settings = panel.settingsButton;
  await settings.focus();
  await page.keyboard.press('Enter');
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.layout).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
  // Escape closes and gives focus back to the button.
  await panel.layout.focus();
  await page.keyboard.press('Escape');
  await expect(panel.layout).toBeHidden();
  await expect(settings).toBeFocused();

  await panel.openSettings();
  await panel.frame.getByLabel('Sprog', { exact: true }).selectOption('en');
  await expect(panel.frame.getByRole('button', { name: 'Hide panel' })).toBeVisible();
  await expect(panel.frame.getByLabel('Layout', { exact: true })).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
  await panel.frame.getByLabel('Language', { exact: true }).selectOption('da');
  await expect(panel.frame.getByRole('button', { name: 'Skjul panel' })).toBeVisible();
});
