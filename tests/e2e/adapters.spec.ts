import type { Page } from '@playwright/test';
import { startCaseSystem } from '../case-system/server.mjs';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { expect, test } from './fixtures';
import {
  grantSiteOnExtensionsPage,
  grantedOrigins,
  openOptions,
  registeredScripts,
  serviceWorker,
  storedLocal,
  withdrawSiteOnExtensionsPage,
} from './extension';
import { Panel } from './pages/panel';

const quillText = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __caseSystem: { quill: { getText(): string } } }).__caseSystem.quill.getText(),
  );

/** Host B on another loopback address: an origin the manifest does not cover. */
const B_HOST = '127.0.0.2';
const B_ORIGIN_PATTERN = `http://${B_HOST}/*`;

/** In the picker: click the element for this step, then Enter for "Næste"/"Færdig". */
async function pick(page: Page, selector: string) {
  await page.locator(selector).click();
  await page.keyboard.press('Enter');
}

test('a structurally different case system is taught through the picker alone; then the panel detects the citizen and inserts into its rich editor', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000);
  const server = await startCaseSystem({ host: B_HOST });
  try {
    const c = citizen(0);
    const worker = serviceWorker(context);
    await page.goto(`${server.url}/b/sag/${c.caseId}`);
    await page.locator('#personnummer').waitFor();
    // Untaught: no bridge, no permission, no registration.
    await expect(page.locator('iframe[title^="Sidevogn"]')).toHaveCount(0);
    expect(await grantedOrigins(worker)).not.toContain(B_ORIGIN_PATTERN);
    expect((await registeredScripts(worker)).length).toBe(0);

    await grantSiteOnExtensionsPage(context, B_ORIGIN_PATTERN);
    const options = await openOptions(context);
    await options.getByLabel('Adresse på en borgerside i sagssystemet').fill(page.url());
    await options.getByRole('button', { name: 'Lær siden' }).click();
    await expect(options.getByTestId('adapter-message')).toContainText('Følg vejledningen');
    expect(await grantedOrigins(worker)).toContain(B_ORIGIN_PATTERN);

    // The picker on host B: CPR (written "DDMMYY SSSS"), name, målgruppe, skip the rest, journal (Quill).
    await pick(page, '#personnummer');
    await pick(page, '[data-qa="person-fullname"]');
    await pick(page, '[data-qa="maalgruppe"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter'); // Spring over ydelse … næste møde
    await pick(page, '#notat-editor .ql-editor');
    // The picker swallowed the clicks: the host's editor got no text.
    expect((await quillText(page)).trim()).toBe('');

    // Back in the options page: proposed selectors, each read live from the page.
    // The default view: each field by name and what it reads; the selectors are under "Avanceret".
    const row = (key: string) => options.getByTestId(`adapter-row-${key}`);
    const selector = (key: string) => options.getByTestId(`adapter-selector-${key}`).getByRole('textbox');
    await expect(options.getByText('CSS-selektor', { exact: true })).toBeHidden();
    await expect(selector('cpr')).toBeHidden();
    await options.getByText('Avanceret', { exact: true }).click();
    await expect(selector('cpr')).toHaveValue('#personnummer');
    await expect(row('cpr').getByTestId('reads')).toContainText(`${c.cpr.slice(0, 6)}-•••• – gyldigt CPR-nummer`);
    await expect(selector('name')).toHaveValue('[data-qa="person-fullname"]');
    await expect(row('name').getByTestId('reads')).toHaveText(c.name);
    await expect(row('malgruppe').getByTestId('reads')).toHaveText(c.malgruppe);
    await expect(selector('journal')).toHaveValue('#notat-editor .ql-editor');
    await expect(row('journal').getByTestId('reads')).toHaveText('fundet');
    expect(await wcagViolations(options)).toEqual([]);
    // Editing a selector re-reads it at once.
    await selector('name').fill('.findes-ikke');
    await expect(row('name').getByTestId('reads')).toHaveText('ikke fundet');
    await selector('name').fill('[data-qa="person-fullname"]');
    await options.getByLabel('Navn på sagssystemet').fill('Fagsystem Nord');

    // Access withdrawn meanwhile (as on chrome://extensions): refused with the reason, nothing saved.
    await withdrawSiteOnExtensionsPage(context, B_ORIGIN_PATTERN);
    await expect.poll(() => grantedOrigins(worker)).not.toContain(B_ORIGIN_PATTERN);
    await options.getByRole('button', { name: 'Gem sagssystem' }).click();
    await expect(options.getByRole('alert').filter({ hasText: 'Sagssystemet blev ikke gemt' })).toContainText(
      `Browseren giver ikke længere Sidevogn adgang til ${B_ORIGIN_PATTERN}, så sagssystemet ville ikke køre der`,
    );
    await expect(options.getByTestId('adapter-message')).not.toContainText('er gemt');
    expect(await registeredScripts(worker)).toEqual([]);
    await expect(options.getByTestId(`adapter-${B_HOST}`)).toHaveCount(0);
    await grantSiteOnExtensionsPage(context, B_ORIGIN_PATTERN);

    await options.getByRole('button', { name: 'Gem sagssystem' }).click();
    await expect(options.getByTestId('adapter-message')).toContainText('Fagsystem Nord er gemt');
    expect(await registeredScripts(worker)).toEqual([
      expect.objectContaining({
        id: `sidevogn-adapter-${B_HOST}`,
        matches: [B_ORIGIN_PATTERN],
        js: ['host.js', 'host-fields.js', 'host-page.js'],
      }),
    ]);
    expect(JSON.stringify(await storedLocal(worker))).not.toContain(c.cpr.slice(0, 6));

    // The tab reloads with the bridge registered: the panel knows the citizen.
    const panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(c.name);
    await expect(panel.cprButton).toHaveText(`${c.cpr.slice(0, 6)}-••••`);
    await expect(panel.frame.getByTestId('fact-malgruppe').getByTestId('host-value')).toHaveText(c.malgruppe);

    // Insertion goes into host B's Quill editor through the adapter's journal target.
    await panel.openTemplate('kontakt');
    await panel.field(/Hvad blev oplyst/).fill('Borgeren ringede fra Fagsystem Nord.');
    await panel.field(/Aftaler og næste skridt/).fill('Møde næste uge.');
    await panel.insert();
    // The target is named as the host names it, not "Journalfelt".
    await expect(panel.templateStatus).toContainText('»Nyt notat«');
    await expect.poll(() => quillText(page)).toContain('Borgeren ringede fra Fagsystem Nord.');

    // Health check on the open page: found fields; then on the overview page, where the CPR is missing.
    const item = options.getByTestId(`adapter-${B_HOST}`);
    await item.getByRole('button', { name: 'Tjek den åbne side' }).click();
    await expect(item.getByTestId('health-cpr')).toContainText('fundet');
    await expect(item.getByTestId('health-journal')).toContainText('fundet');
    await page.goto(`${server.url}/b/`);
    await page.locator('.case-card').first().waitFor();
    await item.getByRole('button', { name: 'Tjek den åbne side' }).click();
    await expect(item.getByTestId('health-cpr')).toContainText('ikke fundet');
    await expect(panel.frame.getByRole('heading', { name: 'Ingen borger på siden' })).toBeVisible();

    // Removing the adapter removes the registration and gives the origin back.
    await item.getByRole('button', { name: 'Fjern Fagsystem Nord' }).click();
    await expect(options.getByTestId('adapter-message')).toContainText('Fagsystem Nord er fjernet');
    await expect.poll(() => registeredScripts(worker)).toEqual([]);
    await expect.poll(() => grantedOrigins(worker)).not.toContain(B_ORIGIN_PATTERN);
    await page.reload();
    await page.locator('.case-card').first().waitFor();
    await expect(page.locator('iframe[title^="Sidevogn"]')).toHaveCount(0);
  } finally {
    await server.close();
  }
});
